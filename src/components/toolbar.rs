//! The header: the app's name and the document actions (open a file, example, export, copy).

use crate::dom;
use crate::file_load;
use crate::state::{export_for, Analysed, Notice, Shared};
use marginalia_core::corrections::Corrections;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The editor's text (what Export and Copy write).
    pub text: Rc<str>,
    /// The analysis shown (reused by Export and Copy when it is of the editor's text).
    pub view: Shared<Analysed>,
    /// The person's corrections (exported with `"source": "manual"`).
    pub corrections: Corrections,
    /// Replaces the editor's text (a loaded file, the example).
    pub on_text: Callback<String>,
    /// Loads the example article.
    pub on_example: Callback<()>,
    /// Shows a message.
    pub on_notice: Callback<Option<Notice>>,
    /// How many documents are kept.
    pub documents: usize,
    /// Whether the document list is open.
    pub documents_open: bool,
    /// Opens or closes the document list.
    pub on_toggle_docs: Callback<()>,
    /// Downloads a format for the open document or all documents.
    pub on_export: Callback<(marginalia_core::formats::Format, crate::transfer::Scope)>,
    /// Imports annotation files.
    pub on_import: Callback<web_sys::FileList>,
}

/// The header bar.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let empty = props.text.trim().is_empty();

    let on_file = {
        let on_text = props.on_text.clone();
        let on_notice = props.on_notice.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            file_load::load_first(input.files(), on_text.clone(), on_notice.clone());
            // Choosing the same file again must load it again.
            input.set_value("");
        })
    };

    let on_export = {
        let (text, view) = (props.text.clone(), props.view.clone());
        let corrections = props.corrections.clone();
        let on_notice = props.on_notice.clone();
        Callback::from(move |_: MouseEvent| {
            let (name, json) = export_for(&text, &view, &corrections);
            if let Err(err) = dom::download(&name, "application/json", &json) {
                on_notice.emit(Some(Notice::error(format!("Export failed: {err}"))));
            }
        })
    };

    let on_copy = {
        let (text, view) = (props.text.clone(), props.view.clone());
        let corrections = props.corrections.clone();
        let on_notice = props.on_notice.clone();
        Callback::from(move |_: MouseEvent| {
            let (_, json) = export_for(&text, &view, &corrections);
            let on_notice = on_notice.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let notice = match dom::copy_text(&json).await {
                    Ok(()) => Notice::info("Copied the annotations as JSON."),
                    Err(err) => Notice::error(format!("Copy failed: {err}")),
                };
                on_notice.emit(Some(notice));
            });
        })
    };

    let on_example = props.on_example.reform(|_: MouseEvent| ());

    html! {
        <header class="toolbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">{ "¶" }</span>
                <div>
                    <h1>{ "Marginalia" }</h1>
                    <p class="tagline">{ "Names, quotes and numbers in any article — in your browser" }</p>
                </div>
            </div>
            <nav class="actions" aria-label="Document">
                <button
                    type="button"
                    class="button"
                    data-testid="toggle-documents"
                    aria-expanded={props.documents_open.to_string()}
                    onclick={props.on_toggle_docs.reform(|_: MouseEvent| ())}
                >
                    { format!("Documents ({})", props.documents) }
                </button>
                <label class="button file-button">
                    <input
                        type="file"
                        class="visually-hidden"
                        accept=".txt,.text,.md,.html,.htm,text/plain,text/html"
                        data-testid="file-input"
                        onchange={on_file}
                    />
                    { "Open file…" }
                </label>
                <button type="button" class="button" onclick={on_example}>{ "Example" }</button>
                <button
                    type="button"
                    class="button primary"
                    data-testid="export-json"
                    disabled={empty}
                    onclick={on_export}
                >
                    { "Export JSON" }
                </button>
                <crate::components::TransferMenu
                    on_export={props.on_export.clone()}
                    on_import={props.on_import.clone()}
                    can_export={!empty}
                />
                <button
                    type="button"
                    class="button"
                    data-testid="copy-json"
                    disabled={empty}
                    onclick={on_copy}
                >
                    { "Copy JSON" }
                </button>
            </nav>
        </header>
    }
}
