//! Any bytes, read as text (lossy UTF-8), through the engine and the export: never panics;
//! spans lie inside the text on character boundaries, sorted and non-overlapping per layer;
//! code-point and UTF-16 offsets name the same text; export → import → export is the identity.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marginalia_fuzz::invariants::{check_round_trip, check_text};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let json = check_text(&text);
    check_round_trip(&text, &json);
});
