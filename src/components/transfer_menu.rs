//! The "Export & import" menu: download the open document or every document in a research
//! format (JSON, JSON Lines, W3C Web Annotation, brat, CoNLL, CSV, HTML snapshot; several files
//! come as one .zip), and import annotation files as new documents.

use crate::transfer::Scope;
use marginalia_core::formats::Format;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`TransferMenu`].
#[derive(Properties, PartialEq)]
pub struct TransferMenuProps {
    /// Downloads the chosen format for the chosen documents.
    pub on_export: Callback<(Format, Scope)>,
    /// Imports the chosen files.
    pub on_import: Callback<web_sys::FileList>,
    /// True when there is something to export.
    pub can_export: bool,
}

/// The menu.
#[function_component(TransferMenu)]
pub fn transfer_menu(props: &TransferMenuProps) -> Html {
    let format = use_state(|| Format::Json);
    let scope = use_state(|| Scope::Current);

    let on_format = {
        let format = format.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(f) = select.value().parse::<Format>() {
                format.set(f);
            }
        })
    };
    let on_scope = {
        let scope = scope.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            scope.set(if select.value() == "all" {
                Scope::All
            } else {
                Scope::Current
            });
        })
    };
    let on_download = {
        let (format, scope) = (format.clone(), scope.clone());
        props
            .on_export
            .reform(move |_: MouseEvent| (*format, *scope))
    };
    let on_import = {
        let on_import = props.on_import.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(files) = input.files() {
                on_import.emit(files);
            }
            input.set_value("");
        })
    };
    let options = Format::ALL.iter().map(|f| {
        html! {
            <option value={f.name()} selected={*format == *f}>{ f.description() }</option>
        }
    });
    html! {
        <details class="transfer-menu">
            <summary class="button" data-testid="transfer-menu">{ "Export & import" }</summary>
            <div class="popover transfer-popover">
                <label class="field">
                    <span>{ "Format" }</span>
                    <select data-testid="export-format" onchange={on_format}>{ for options }</select>
                </label>
                <label class="field">
                    <span>{ "Documents" }</span>
                    <select data-testid="export-scope" onchange={on_scope}>
                        <option value="current" selected={*scope == Scope::Current}>{ "This document" }</option>
                        <option value="all" selected={*scope == Scope::All}>{ "All documents (several files come as a .zip)" }</option>
                    </select>
                </label>
                <button type="button" class="button primary" data-testid="export-download"
                    disabled={!props.can_export} onclick={on_download}>{ "Download" }</button>
                <hr />
                <label class="button file-button">
                    <input
                        type="file"
                        class="visually-hidden"
                        multiple=true
                        accept=".json,.jsonl,.ndjson,.jsonld,application/json"
                        data-testid="import-input"
                        onchange={on_import}
                    />
                    { "Import annotation files…" }
                </label>
                <p class="muted small-print">
                    { "Marginalia JSON or JSON Lines, or W3C Web Annotation JSON-LD. Each document becomes a new document here; a file with problems is refused and nothing changes." }
                </p>
            </div>
        </details>
    }
}
