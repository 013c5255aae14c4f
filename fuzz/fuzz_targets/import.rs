//! Any bytes through the importer (`marginalia_core::import::parse_documents`): never panics;
//! whatever it accepts exports again, with offsets that name the same text, and re-imports to
//! the same annotations.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marginalia_fuzz::invariants::check_import_bytes;

fuzz_target!(|data: &[u8]| {
    check_import_bytes(data);
});
