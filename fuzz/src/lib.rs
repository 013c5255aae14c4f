//! The checks the fuzz targets run: the same file the engine's property tests and the replay
//! of crash inputs use (`crates/marginalia-core/tests/common/invariants.rs`).

#[path = "../../crates/marginalia-core/tests/common/invariants.rs"]
pub mod invariants;
