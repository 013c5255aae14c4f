//! Loading a chosen or dropped file into the editor: read it in the page, turn it into text with
//! the engine's own [`marginalia_core::input::document_text`] (the CLI does the same), and report
//! what happened. Nothing is uploaded.

use crate::state::Notice;
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

/// The largest file the page reads, in bytes.
pub const MAX_FILE_BYTES: f64 = 50.0 * 1024.0 * 1024.0;

/// Reads the first file of `files` and emits its text on `on_text`, or a message on `on_notice`
/// (too large, unreadable, not UTF-8 text). More than one file: the first is loaded and the
/// message says so.
pub fn load_first(
    files: Option<web_sys::FileList>,
    on_text: Callback<String>,
    on_notice: Callback<Option<Notice>>,
) {
    let Some(files) = files else { return };
    let count = files.length();
    let Some(file) = files.get(0) else { return };
    let name = file.name();
    if file.size() > MAX_FILE_BYTES {
        on_notice.emit(Some(Notice::error(format!(
            "“{name}” is {:.0} MB; Marginalia opens files up to {:.0} MB.",
            file.size() / 1_048_576.0,
            MAX_FILE_BYTES / 1_048_576.0
        ))));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
            Err(_) => {
                on_notice.emit(Some(Notice::error(format!(
                    "“{name}” could not be read. Is it still on the disk?"
                ))));
                return;
            }
        };
        match marginalia_core::input::document_text(&bytes, Some(&name)) {
            Ok(text) => {
                on_text.emit(text);
                let more = if count > 1 {
                    format!(
                        " (one file at a time: the other {} were not opened)",
                        count - 1
                    )
                } else {
                    String::new()
                };
                on_notice.emit(Some(Notice::info(format!("Opened “{name}”{more}."))));
            }
            Err(err) => on_notice.emit(Some(Notice::error(format!("Not opened: {err}")))),
        }
    });
}
