//! The one place that talks to the browser beyond rendering: downloads, the clipboard, reading
//! files, scrolling to a highlight, timing, and the panic message. Every failure is returned as
//! a [`DomError`] with a message for people; nothing here panics.

use std::fmt;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

/// Something the browser refused to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomError(pub String);

impl fmt::Display for DomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl DomError {
    fn from_js(what: &str, err: JsValue) -> Self {
        let detail = err
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| err.as_string())
            .unwrap_or_default();
        if detail.is_empty() {
            DomError(what.to_string())
        } else {
            DomError(format!("{what}: {detail}"))
        }
    }
}

fn window() -> Result<web_sys::Window, DomError> {
    web_sys::window().ok_or_else(|| DomError("no browser window".into()))
}

fn document() -> Result<web_sys::Document, DomError> {
    window()?
        .document()
        .ok_or_else(|| DomError("no document".into()))
}

/// Milliseconds since the page loaded (`performance.now()`), or 0 where unavailable.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Offers `contents` as a file download named `file_name`. Nothing is sent anywhere: the file is
/// made in the page from a `Blob`.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), DomError> {
    download_bytes(file_name, mime, contents.as_bytes())
}

/// Offers `bytes` as a file download named `file_name` (made in the page, sent nowhere).
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), DomError> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| DomError::from_js("could not make the file", e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|e| DomError::from_js("could not make the file", e))?;
    let document = document()?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| DomError::from_js("could not start the download", e))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document
        .body()
        .ok_or_else(|| DomError("no page body".into()))?;
    body.append_child(&anchor)
        .map_err(|e| DomError::from_js("could not start the download", e))?;
    anchor.click();
    anchor.remove();
    // Revoke after the browser has taken the file.
    let revoke = gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    revoke.forget();
    Ok(())
}

/// Reads a file the person chose or dropped (in the page; nothing is uploaded).
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, DomError> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| DomError::from_js(&format!("“{}” could not be read", file.name()), e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Copies `text` to the clipboard.
pub async fn copy_text(text: &str) -> Result<(), DomError> {
    let clipboard = window()?.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|e| DomError::from_js("the browser did not allow copying", e))
}

/// The highlight element for export id `id` (its first fragment) inside `article`.
pub fn find_mark(article: &Element, id: &str) -> Option<HtmlElement> {
    // Ids are `e12`-style; anything else is not looked up (no selector injection).
    if !id.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    article
        .query_selector(&format!(".hl[data-id=\"{id}\"]:not([data-cont])"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
}

/// Scrolls `el` into the middle of the view, focuses it and makes it flash briefly.
pub fn reveal(el: &HtmlElement) {
    let reduce_motion = web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches());
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    options.set_behavior(if reduce_motion {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    el.scroll_into_view_with_scroll_into_view_options(&options);
    let focus = web_sys::FocusOptions::new();
    focus.set_prevent_scroll(true);
    let _ = el.focus_with_options(&focus);
    // Restart the flash animation even when it is already running.
    let classes = el.class_list();
    let _ = classes.remove_1("flash");
    let _ = el.offset_width();
    let _ = classes.add_1("flash");
}

/// The visible highlights of `article` (first fragments of shown labels), in text order.
pub fn visible_marks(article: &Element) -> Vec<HtmlElement> {
    let Ok(list) = article.query_selector_all(".hl:not([data-cont])") else {
        return Vec::new();
    };
    let classes = article.class_list();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .filter(|el| {
            el.get_attribute("data-label")
                .is_some_and(|label| !classes.contains(&format!("hide-{label}")))
        })
        .collect()
}

/// The person's text selection inside `article`: its start and end as UTF-16 offsets into the
/// article's text, and where it is on the screen (left, bottom, in CSS pixels of the viewport).
/// `None` when nothing, or something outside the article, is selected.
pub fn selection_in(article: &Element) -> Option<(usize, usize, f64, f64)> {
    let window = web_sys::window()?;
    let selection = window.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let common = range.common_ancestor_container().ok()?;
    if !article.contains(Some(&common)) {
        return None;
    }
    let before = window.document()?.create_range().ok()?;
    before.select_node_contents(article).ok()?;
    before
        .set_end(&range.start_container().ok()?, range.start_offset().ok()?)
        .ok()?;
    let start = before.to_string().length() as usize;
    let len = range.to_string().length() as usize;
    let rect = range.get_bounding_client_rect();
    Some((start, start + len, rect.left(), rect.bottom()))
}

/// Clears the page's text selection.
pub fn clear_selection() {
    if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.remove_all_ranges();
    }
}

/// Places a `position: fixed` element at `left`, `top` (CSS pixels), kept inside the viewport.
/// Uses the CSS object model, which the page's Content-Security-Policy allows (unlike inline
/// `style` attributes).
pub fn place(el: &HtmlElement, left: f64, top: f64) {
    let width = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(1024.0);
    let own = f64::from(el.offset_width());
    let left = left.min(width - own - 8.0).max(8.0);
    let style = el.style();
    let _ = style.set_property("left", &format!("{left:.0}px"));
    let _ = style.set_property("top", &format!("{top:.0}px"));
}

/// The export id of the highlight at or around `target` (an event's target), if any.
pub fn mark_id_at(target: Option<web_sys::EventTarget>) -> Option<String> {
    let el = target?.dyn_into::<Element>().ok()?;
    let mark = el.closest(".hl").ok()??;
    mark.get_attribute("data-id")
}

/// Gives `el` the keyboard focus, without scrolling, unless the focus already is on it or in
/// it. Focusing does not change the page's text selection.
pub fn take_focus(el: &HtmlElement) {
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    if active.is_some_and(|a| el.contains(Some(&a))) {
        return;
    }
    let focus = web_sys::FocusOptions::new();
    focus.set_prevent_scroll(true);
    let _ = el.focus_with_options(&focus);
}

/// Focuses the highlight with export id `id` inside `article` without scrolling.
pub fn focus_mark(article: &Element, id: &str) {
    if let Some(mark) = find_mark(article, id) {
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = mark.focus_with_options(&focus);
    }
}

/// The page's vertical scroll position, in CSS pixels.
pub fn scroll_y() -> f64 {
    web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0)
}

/// Scrolls the page to `y` CSS pixels from the top.
pub fn scroll_to(y: f64) {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, y);
    }
}

/// Shows a clear message in the page when the app panics, so the page is never left blank
/// without a word. The text the person pasted stays in the editor's DOM element.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&detail));
        let Ok(document) = document() else { return };
        let Some(body) = document.body() else { return };
        if let Ok(banner) = document.create_element("div") {
            banner.set_class_name("fatal");
            let _ = banner.set_attribute("role", "alert");
            banner.set_text_content(Some(
                "Marginalia hit an internal error and stopped. Your work is saved in this \
                 browser: reloading the page brings it back (the text is also still in the box \
                 below). Please report this error.",
            ));
            let _ = body.prepend_with_node_1(&banner);
        }
    }));
}
