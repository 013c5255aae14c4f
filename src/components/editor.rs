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

/// Texts longer than this (bytes, about 33,000 words) fold the text box away once they arrive:
/// laying out a text box of a whole report takes the browser longer than analysing it, and the
/// highlighted article below is where it is read. "Edit the text" unfolds it.
pub const FOLD_BYTES: usize = 200_000;

/// The input area.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let dragging = use_state_eq(|| false);
    // Whether the person unfolded a long text to edit it (until the next paste or file).
    let unfolded = use_state_eq(|| false);
    let folded = props.text.len() > FOLD_BYTES && !*unfolded;
    let counts = use_memo(props.text.clone(), |text| {
        (text.split_whitespace().count(), text.chars().count())
    });

    let oninput = {
        let on_text = props.on_text.clone();
        let on_typing = props.on_typing.clone();
        let unfolded = unfolded.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            if is_typing(&e) {
                on_typing.emit(area.value());
            } else {
                unfolded.set(false);
                on_text.emit(area.value());
            }
        })
    };
    let unfold = {
        let unfolded = unfolded.clone();
        Callback::from(move |_: MouseEvent| unfolded.set(true))
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

    let (words, chars) = *counts;
    html! {
        <section
            class={classes!("editor", dragging.then_some("dragging"))}
            aria-labelledby="editor-title"
            {ondragover}
            {ondragleave}
            {ondrop}
        >
            <div class="section-head">
                <h2 id="editor-title">{ "Article" }</h2>
                <span class="muted" aria-live="off">
                    { format!("{} words · {} characters", group(words), group(chars)) }
                </span>
            </div>
            if folded {
                <div class="folded" data-testid="editor-folded">
                    <p>{ "This long text is shown highlighted below. Its text box is folded away to keep the page quick." }</p>
                    <button type="button" class="button small" data-testid="edit-text" onclick={unfold}>{ "Edit the text" }</button>
                </div>
            }
            <textarea
                id="article-input"
                data-testid="input"
                hidden={folded}
                aria-label="Article text"
                placeholder="Paste a news article here, or drop a .txt or .html file…"
                spellcheck="false"
                value={AttrValue::Rc(props.text.clone())}
                {oninput}
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
