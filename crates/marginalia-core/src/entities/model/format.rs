//! The model file: a small binary format with a header, the weights and a checksum.
//!
//! Layout (integers little-endian):
//!
//! | bytes | what |
//! |---|---|
//! | 4 | magic `MGNE` |
//! | 2 | format version (1) |
//! | 1 | number of tags (9) |
//! | 1 | number of feature templates |
//! | 4 | feature version ([`super::features::FEATURE_VERSION`]) |
//! | 1 | key bits `b` (features are hashed to `b`-bit keys, 8..=32) |
//! | 4 | number of features `n` |
//! | 4 | weight scale (`f32`: a stored unit is worth this much of the trained weight) |
//! | 2 × 10 × 9 | transition weights (`i16`; row 9 is the start of a sentence) |
//! | varint × n | feature keys, sorted, as differences from the previous key |
//! | 9 × n | emission weights (`i8`), one row of nine per feature |
//! | 8 | FNV-1a 64 checksum of everything before |
//!
//! ```
//! use marginalia_core::entities::model::{format, Model, ModelError};
//! assert!(matches!(format::decode(b"nonsense"), Err(ModelError::TooShort { .. })));
//! ```

use super::features::{FEATURE_VERSION, NUM_TEMPLATES};
use super::labels::NUM_TAGS;
use super::{Model, ModelError};

/// The first four bytes of a model file.
pub const MAGIC: [u8; 4] = *b"MGNE";

/// The format version written and read.
pub const VERSION: u16 = 1;

const HEADER: usize = 4 + 2 + 1 + 1 + 4 + 1 + 4 + 4;
const TRANS: usize = 2 * (NUM_TAGS + 1) * NUM_TAGS;

/// FNV-1a 64 of `bytes`.
pub fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Serialises a model.
pub fn encode(model: &Model) -> Vec<u8> {
    let n = model.keys.len();
    let mut out = Vec::with_capacity(HEADER + TRANS + n * (NUM_TAGS + 3) + 8);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.push(NUM_TAGS as u8);
    out.push(NUM_TEMPLATES as u8);
    out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
    out.push(model.bits);
    out.extend_from_slice(&(n as u32).to_le_bytes());
    out.extend_from_slice(&model.scale.to_le_bytes());
    for row in &model.trans {
        for &w in row {
            let w = w.clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16;
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
    let mut prev = 0u32;
    for &k in &model.keys {
        let mut d = k.wrapping_sub(prev);
        prev = k;
        loop {
            let byte = (d & 0x7f) as u8;
            d >>= 7;
            if d == 0 {
                out.push(byte);
                break;
            }
            out.push(byte | 0x80);
        }
    }
    for row in &model.rows {
        out.extend(row.iter().map(|&w| w as u8));
    }
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// A little reader over the bytes that reports truncation as an error.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.bytes.get(self.at..end).ok_or(ModelError::Truncated)?;
        self.at = end;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    fn varint(&mut self) -> Result<u32, ModelError> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let [b] = self.array::<1>()?;
            let part = u32::from(b & 0x7f);
            if shift == 28 && part > 0x0f {
                return Err(ModelError::Malformed("key delta overflows 32 bits"));
            }
            v |= part << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::Malformed("key delta longer than five bytes"))
    }
}

/// Reads a model file, checking the magic, version, shape, checksum and key order.
pub fn decode(bytes: &[u8]) -> Result<Model, ModelError> {
    if bytes.len() < HEADER + TRANS + 8 {
        return Err(ModelError::TooShort { len: bytes.len() });
    }
    let (body, sum) = bytes.split_at(bytes.len() - 8);
    let mut r = Reader { bytes: body, at: 0 };
    if r.array::<4>()? != MAGIC {
        return Err(ModelError::BadMagic);
    }
    let version = u16::from_le_bytes(r.array()?);
    if version != VERSION {
        return Err(ModelError::UnsupportedVersion(version));
    }
    let [tags, templates] = r.array::<2>()?;
    let features = u32::from_le_bytes(r.array()?);
    if usize::from(tags) != NUM_TAGS
        || usize::from(templates) != NUM_TEMPLATES
        || features != FEATURE_VERSION
    {
        return Err(ModelError::Incompatible {
            tags,
            templates,
            features,
        });
    }
    let mut stored = [0u8; 8];
    stored.copy_from_slice(sum);
    if u64::from_le_bytes(stored) != checksum(body) {
        return Err(ModelError::Checksum);
    }
    let [bits] = r.array::<1>()?;
    if !(8..=32).contains(&bits) {
        return Err(ModelError::Malformed("key bits outside 8..=32"));
    }
    let n = u32::from_le_bytes(r.array()?) as usize;
    let scale = f32::from_le_bytes(r.array()?);
    if !scale.is_finite() || scale <= 0.0 {
        return Err(ModelError::Malformed("scale is not a positive number"));
    }
    // Each feature takes at least one key byte and NUM_TAGS weight bytes.
    if n > body.len() / (NUM_TAGS + 1) {
        return Err(ModelError::Truncated);
    }
    let mut trans = [[0i32; NUM_TAGS]; NUM_TAGS + 1];
    for row in &mut trans {
        for w in row.iter_mut() {
            *w = i32::from(i16::from_le_bytes(r.array()?));
        }
    }
    let mut keys = Vec::with_capacity(n);
    let mut prev = 0u32;
    for i in 0..n {
        let d = r.varint()?;
        if i > 0 && d == 0 {
            return Err(ModelError::Malformed(
                "feature keys not strictly increasing",
            ));
        }
        let k = prev
            .checked_add(d)
            .ok_or(ModelError::Malformed("feature key overflows 32 bits"))?;
        if bits < 32 && k >> bits != 0 {
            return Err(ModelError::Malformed("feature key wider than the key bits"));
        }
        keys.push(k);
        prev = k;
    }
    let mut rows = Vec::with_capacity(n);
    for _ in 0..n {
        let raw = r.array::<NUM_TAGS>()?;
        rows.push(raw.map(|b| b as i8));
    }
    if r.at != body.len() {
        return Err(ModelError::Malformed("bytes left after the weights"));
    }
    Ok(Model::from_parts(bits, keys, rows, trans, scale))
}
