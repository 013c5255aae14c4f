//! Marginalia's browser app: paste an article, see its entities, quotations and numbers.
//!
//! The app only renders what the engine ([`marginalia_core`]) returns: [`state`] holds the text
//! and its analysis, [`components`] draw them, and [`dom`] is the one place that talks to the
//! browser beyond rendering (downloads, clipboard, files, scrolling, the panic message).

pub mod analysis_worker;
pub mod app;
pub mod article_render;
pub mod components;
pub mod dom;
pub mod file_load;
pub mod library;
pub mod state;
pub mod storage;
pub mod transfer;

pub use app::App;

/// Starts the app: installs the panic message, then renders [`App`] into `<body>`.
pub fn start() {
    dom::install_panic_hook();
    yew::Renderer::<App>::new().render();
}
