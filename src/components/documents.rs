//! The document list: every article kept in the browser, with its title, date added and counts;
//! open, rename, delete (with undo from the message bar), search by title, start a new one.

use crate::components::editor::group;
use crate::library::{DocMeta, Library};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`Documents`].
#[derive(Properties, PartialEq)]
pub struct DocumentsProps {
    /// The documents.
    pub library: Library,
    /// The open document's id.
    pub current: AttrValue,
    /// Opens a document.
    pub on_open: Callback<String>,
    /// Starts a new, empty document.
    pub on_new: Callback<()>,
    /// Renames a document.
    pub on_rename: Callback<(String, String)>,
    /// Deletes a document.
    pub on_delete: Callback<String>,
}

/// `YYYY-MM-DD` of a time in milliseconds since 1970, in UTC.
fn date(ms: f64) -> String {
    let iso: String = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms))
        .to_iso_string()
        .into();
    iso.chars().take(10).collect()
}

/// The document list panel.
#[function_component(Documents)]
pub fn documents(props: &DocumentsProps) -> Html {
    let query = use_state(String::new);
    let renaming = use_state(|| None::<String>);

    let on_search = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let found = props.library.search(&query);
    let item = |d: &DocMeta| {
        let id = d.id.clone();
        let is_current = props.current.as_str() == d.id;
        let open = props.on_open.reform({
            let id = id.clone();
            move |_: MouseEvent| id.clone()
        });
        let delete = props.on_delete.reform({
            let id = id.clone();
            move |_: MouseEvent| id.clone()
        });
        let start_rename = {
            let renaming = renaming.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| renaming.set(Some(id.clone())))
        };
        let title = if renaming.as_deref() == Some(d.id.as_str()) {
            let finish = {
                let renaming = renaming.clone();
                let on_rename = props.on_rename.clone();
                let id = id.clone();
                move |value: String| {
                    on_rename.emit((id.clone(), value));
                    renaming.set(None);
                }
            };
            let onkeydown = {
                let finish = finish.clone();
                let renaming = renaming.clone();
                Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                    "Enter" => {
                        let input: HtmlInputElement = e.target_unchecked_into();
                        finish(input.value());
                    }
                    "Escape" => renaming.set(None),
                    _ => {}
                })
            };
            let onblur = Callback::from(move |e: FocusEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                finish(input.value());
            });
            html! {
                <input class="rename" type="text" value={d.title.clone()} aria-label="New title"
                    data-testid="rename-input" autofocus=true {onkeydown} {onblur} />
            }
        } else {
            html! {
                <button type="button" class="doc-open" aria-current={is_current.then_some("true")}
                    data-testid="doc-open" onclick={open}>{ &d.title }</button>
            }
        };
        html! {
            <li class={classes!("doc", is_current.then_some("current"))} key={d.id.clone()}>
                { title }
                <span class="doc-meta muted">
                    { format!("added {} · {} words · {} highlights", date(d.added), group(d.words), group(d.highlights)) }
                </span>
                <span class="doc-actions">
                    <button type="button" class="link-button" data-testid="doc-rename" onclick={start_rename}
                        aria-label={format!("Rename “{}”", d.title)}>{ "Rename" }</button>
                    <button type="button" class="link-button" data-testid="doc-delete" onclick={delete}
                        aria-label={format!("Delete “{}”", d.title)}>{ "Delete" }</button>
                </span>
            </li>
        }
    };
    let on_new = props.on_new.reform(|_: MouseEvent| ());
    html! {
        <section class="panel documents" aria-labelledby="documents-title" data-testid="documents">
            <div class="panel-head">
                <h2 id="documents-title">{ format!("Documents ({})", props.library.docs.len()) }</h2>
                <button type="button" class="button small" data-testid="new-document" onclick={on_new}>{ "New document" }</button>
            </div>
            <input type="search" class="search" placeholder="Search titles…" aria-label="Search documents by title"
                data-testid="doc-search" value={(*query).clone()} oninput={on_search} />
            if found.is_empty() {
                <p class="muted small-print">
                    { if props.library.docs.is_empty() { "Articles you paste are kept here, in this browser only." } else { "No title matches." } }
                </p>
            } else {
                <ul class="doc-list">{ for found.into_iter().map(item) }</ul>
            }
        </section>
    }
}
