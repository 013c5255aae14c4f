//! The text area the article is pasted into; a file can also be dropped on it.

use crate::file_load;
use crate::state::Notice;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The text shown.
    pub text: Rc<str>,
    /// Called with the new text after a paste, a dropped file or any change that is not typing.
    pub on_text: Callback<String>,
    /// Called with the new text after typing (a key, a deletion): analysed once typing pauses.
    pub on_typing: Callback<String>,
    /// Shows a message (a dropped file that could not be read).
    pub on_notice: Callback<Option<Notice>>,
}

/// The input area.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let dragging = use_state_eq(|| false);

    let oninput = {
        let on_text = props.on_text.clone();
        let on_typing = props.on_typing.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            if is_typing(&e) {
                on_typing.emit(area.value());
            } else {
                on_text.emit(area.value());
            }
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        let on_text = props.on_text.clone();
        let on_notice = props.on_notice.clone();
        Callback::from(move |e: DragEvent| {
            dragging.set(false);
            let files = e.data_transfer().and_then(|d| d.files());
            if files.as_ref().is_some_and(|f| f.length() > 0) {
                e.prevent_default();
                file_load::load_first(files, on_text.clone(), on_notice.clone());
            }
        })
    };

    let words = props.text.split_whitespace().count();
    html! {
        <section class={classes!("editor", dragging.then_some("dragging"))} aria-labelledby="editor-title">
            <div class="section-head">
                <h2 id="editor-title">{ "Article" }</h2>
                <span class="muted" aria-live="off">
                    { format!("{} words · {} characters", group(words), group(props.text.chars().count())) }
                </span>
            </div>
            <textarea
                id="article-input"
                data-testid="input"
                aria-label="Article text"
                placeholder="Paste a news article here, or drop a .txt or .html file…"
                spellcheck="false"
                value={AttrValue::Rc(props.text.clone())}
                {oninput}
                {ondragover}
                {ondragleave}
                {ondrop}
            />
        </section>
    }
}

/// Groups thousands with commas: `12,345`.
pub fn group(n: usize) -> String {
    marginalia_core::markup::format_number(n as f64)
}

/// True when an input event comes from typing (`insertText`, `deleteContentBackward`...), not
/// from a paste, a drop or a script (`insertFromPaste`, `insertFromDrop`, no input type).
fn is_typing(e: &InputEvent) -> bool {
    // Read through `Reflect`: a script's plain `Event` has no `inputType` at all.
    let kind = js_sys::Reflect::get(e, &wasm_bindgen::JsValue::from_str("inputType"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    !kind.is_empty() && !kind.starts_with("insertFrom")
}
