//! Marginalia's browser app (placeholder until the UI lands).

/// Starts the app.
pub fn start() {}
