//! The top-level component: holds the state, schedules analyses, wires the components, and
//! handles the page's keyboard shortcuts.

use crate::analysis_worker::{AnalysisWorker, WORKER_MIN_BYTES};
use crate::components::{
    ArticleView, Documents, Editor, EntityList, Inspector, Legend, NoticeBar, QuoteList,
    SelectionMenu, Toolbar,
};
use crate::dom;
use crate::library::{auto_title, DocMeta, StoredDoc};
use crate::state::{
    shortcut_label, trimmed, Action, Analysed, AppState, Correction, Notice, NoticeAction, Shared,
    MAX_ANALYSED_BYTES,
};
use crate::storage::{self, StorageError};
use crate::transfer::{self, Scope};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use marginalia_core::formats::Format;
use marginalia_core::text::normalize_input;
use marginalia_core::{Label, Layer, Span};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A news-style example article for the "Example" button.
const EXAMPLE: &str = include_str!("../crates/marginalia-core/tests/fixtures/spotify-deal.txt");

/// How long to wait after a keystroke before analysing: short texts at once, long ones once the
/// typing pauses.
fn debounce_ms(bytes: usize) -> u32 {
    match bytes {
        0..=20_000 => 0,
        20_001..=200_000 => 120,
        _ => 350,
    }
}

/// Analyses `text` and shows the result: short texts here and now, long ones in the worker
/// (started on first need), or here when the worker cannot help.
fn analyse(
    text: Rc<str>,
    worker: &Rc<RefCell<Option<Rc<AnalysisWorker>>>>,
    dispatch: UseReducerDispatcher<AppState>,
) {
    let started = dom::now_ms();
    let text: Rc<str> = match normalize_input(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(s) => Rc::from(s),
    };
    let on_worker = text.len() >= WORKER_MIN_BYTES;
    let usable = on_worker
        .then(|| {
            let mut slot = worker.borrow_mut();
            if slot.as_ref().is_none_or(|w| w.is_broken()) {
                *slot = AnalysisWorker::spawn().ok().map(Rc::new);
            }
            slot.clone().filter(|w| !w.is_broken())
        })
        .flatten();
    let Some(usable) = usable else {
        let view = Analysed::of(text.clone(), marginalia_core::analyze(&text));
        let took = dom::now_ms() - started;
        dispatch.dispatch(Action::Show(Shared::new(view), Some(took)));
        return;
    };
    let for_reply = text.clone();
    usable.analyze(&text, move |result| {
        let analysis = match result {
            Ok(analysis) => analysis,
            Err(e) => {
                // The worker failed: analyse here instead (the page pauses, but works).
                web_sys::console::warn_1(&format!("{e}; analysing on the page instead").into());
                marginalia_core::analyze(&for_reply)
            }
        };
        // Building the view (marks, markup blocks, lists) in a task of its own keeps each task
        // on the page short.
        Timeout::new(0, move || {
            let view = Analysed::of(for_reply, analysis);
            let took = dom::now_ms() - started;
            dispatch.dispatch(Action::Show(Shared::new(view), Some(took)));
        })
        .forget();
    });
}

/// When the analysis worker starts, in milliseconds after the page has.
const WORKER_WARM_UP_MS: u32 = 2_000;

/// Saves the open document now (the latest state's).
type SaveFn = Rc<dyn Fn()>;

/// Selected words in the article: bytes, and where the selection ends on screen.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Selected {
    span: Span,
    left: f64,
    bottom: f64,
}

/// True when a key event belongs to a text field (the editor, a file input...).
fn typing_in_field(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"))
}

/// The page.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::new);
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let article_ref = use_node_ref();
    let selection = use_state_eq(|| None::<Selected>);
    let selected = use_state_eq(|| None::<AttrValue>);
    // The quotation whose speaker the next click on a name sets.
    let choosing_speaker = use_state_eq(|| None::<AttrValue>);
    // After a correction, the highlight to focus once the new markup is in place.
    let focus_after: Rc<RefCell<Option<(Layer, Span)>>> = use_mut_ref(|| None);

    // Every text change schedules one analysis; a newer change cancels the older one. Typing
    // waits for a pause on long texts; a paste, a dropped or opened file goes at once. Long
    // texts are analysed in the worker, so the page keeps answering meanwhile.
    let worker: Rc<RefCell<Option<Rc<AnalysisWorker>>>> = use_mut_ref(|| None);
    let schedule = {
        let state = state.dispatcher();
        let pending = pending.clone();
        let worker = worker.clone();
        Callback::from(move |(text, typed): (Rc<str>, bool)| {
            let bytes = text.len();
            if bytes > MAX_ANALYSED_BYTES {
                pending.borrow_mut().take();
                state.dispatch(Action::TooLarge(bytes));
                return;
            }
            let dispatch = state.clone();
            let worker = worker.clone();
            let delay = if typed { debounce_ms(bytes) } else { 0 };
            let timeout = Timeout::new(delay, move || analyse(text, &worker, dispatch));
            *pending.borrow_mut() = Some(timeout);
        })
    };
    // A new text (pasted, dropped, opened: analysed at once) or one being typed (analysed
    // after a pause on long texts).
    let edit = |typing: bool| {
        let state = state.dispatcher();
        let schedule = schedule.clone();
        Callback::from(move |text: String| {
            let text: Rc<str> = Rc::from(text);
            state.dispatch(Action::Edit(text.clone()));
            schedule.emit((text, typing));
        })
    };
    let on_text = edit(false);
    let on_typing = edit(true);

    // Saving: every change is written to the browser's storage shortly after it is made, and at
    // once when the page is hidden or closed.
    let save_timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let save_now: Rc<RefCell<Option<SaveFn>>> = use_mut_ref(|| None);
    let storage_error: Rc<RefCell<Option<StorageError>>> = use_mut_ref(|| None);
    let scroll_to: Rc<RefCell<Option<f64>>> = use_mut_ref(|| None);
    let trash: Rc<RefCell<Option<(usize, DocMeta, StoredDoc)>>> = use_mut_ref(|| None);
    let show_docs = use_state_eq(|| false);
    {
        let snapshot = state.clone();
        let storage_error = storage_error.clone();
        let save: SaveFn = Rc::new(move || save_document(&snapshot, &storage_error));
        *save_now.borrow_mut() = Some(save.clone());
        let save_timer = save_timer.clone();
        let deps = (
            state.text.clone(),
            state.corrections.clone(),
            state.undo.len(),
            state.redo.len(),
            state.doc_id.clone(),
        );
        use_effect_with(deps, move |_| {
            *save_timer.borrow_mut() = Some(Timeout::new(400, move || save()));
        });
    }
    {
        let save_now = save_now.clone();
        let save_timer = save_timer.clone();
        use_effect_with((), move |()| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "pagehide", move |_| {
                    save_timer.borrow_mut().take();
                    let save = save_now.borrow().clone();
                    if let Some(save) = save {
                        save();
                    }
                })
            });
            move || drop(listener)
        });
    }
    let flush = {
        let save_now = save_now.clone();
        let save_timer = save_timer.clone();
        move || {
            save_timer.borrow_mut().take();
            let save = save_now.borrow().clone();
            if let Some(save) = save {
                save();
            }
        }
    };

    // Opening a document: its text, corrections and history, then its analysis.
    let open_doc = {
        let state = state.dispatcher();
        let schedule = schedule.clone();
        let scroll_to = scroll_to.clone();
        Callback::from(move |(id, doc): (String, StoredDoc)| {
            let text: Rc<str> = Rc::from(doc.text.as_str());
            *scroll_to.borrow_mut() = Some(doc.scroll);
            state.dispatch(Action::Open(id, Rc::new(doc)));
            if !text.is_empty() {
                schedule.emit((text, false));
            }
        })
    };

    // At start: the saved documents, and the one open last.
    {
        let state = state.dispatcher();
        let open_doc = open_doc.clone();
        let storage_error = storage_error.clone();
        let worker = worker.clone();
        use_effect_with((), move |()| {
            let library = storage::load_library();
            let (library, problem) = match library {
                Ok(library) => (library, None),
                Err(e) => (Default::default(), Some(e)),
            };
            let current = library
                .current
                .clone()
                .filter(|id| library.get(id).is_some());
            state.dispatch(Action::SetLibrary(library));
            let doc = current.and_then(|id| match storage::load_doc(&id) {
                Ok(Some(doc)) => Some((id, doc)),
                _ => None,
            });
            match doc {
                Some(doc) => open_doc.emit(doc),
                None => open_doc.emit((storage::new_id(), StoredDoc::default())),
            }
            if let Some(problem) = problem {
                state.dispatch(Action::Notify(Some(Notice::error(problem.to_string()))));
                *storage_error.borrow_mut() = Some(problem);
            }
            Timeout::new(50, marginalia_core::warm_up).forget();
            // The worker starts soon after the page (once the page itself is up, so that they do
            // not compete for the processor) and compiles its copy of the engine in the
            // background, so that a long text pasted later need not wait for it.
            Timeout::new(WORKER_WARM_UP_MS, move || {
                let mut slot = worker.borrow_mut();
                if slot.is_none() {
                    *slot = AnalysisWorker::spawn().ok().map(Rc::new);
                }
            })
            .forget();
        });
    }

    let on_open = {
        let flush = flush.clone();
        let open_doc = open_doc.clone();
        let state = state.clone();
        Callback::from(move |id: String| {
            if id == state.doc_id {
                return;
            }
            flush();
            match storage::load_doc(&id) {
                Ok(Some(doc)) => open_doc.emit((id, doc)),
                Ok(None) => state.dispatch(Action::Notify(Some(Notice::error(
                    "That document is no longer saved in this browser.",
                )))),
                Err(e) => state.dispatch(Action::Notify(Some(Notice::error(e.to_string())))),
            }
        })
    };
    let on_new = {
        let flush = flush.clone();
        let open_doc = open_doc.clone();
        Callback::from(move |()| {
            flush();
            open_doc.emit((storage::new_id(), StoredDoc::default()));
        })
    };
    let on_rename = {
        let state = state.clone();
        Callback::from(move |(id, title): (String, String)| {
            let mut library = state.library.clone();
            library.rename(&id, &title);
            if library.get(&id).is_some_and(|d| !d.renamed) {
                let text = if id == state.doc_id {
                    state.text.to_string()
                } else {
                    storage::load_doc(&id)
                        .ok()
                        .flatten()
                        .unwrap_or_default()
                        .text
                };
                if let Some(d) = library.docs.iter_mut().find(|d| d.id == id) {
                    d.title = auto_title(&text);
                }
            }
            if let Err(e) = storage::save_library(&library) {
                state.dispatch(Action::Notify(Some(Notice::error(e.to_string()))));
            }
            state.dispatch(Action::SetLibrary(library));
        })
    };
    let on_delete = {
        let state = state.clone();
        let trash = trash.clone();
        let open_doc = open_doc.clone();
        let save_timer = save_timer.clone();
        Callback::from(move |id: String| {
            let mut library = state.library.clone();
            let Some((index, meta)) = library.remove(&id) else {
                return;
            };
            let doc = if id == state.doc_id {
                save_timer.borrow_mut().take();
                state.stored_doc(dom::scroll_y())
            } else {
                storage::load_doc(&id).ok().flatten().unwrap_or_default()
            };
            let result = storage::delete_doc(&id).and_then(|()| storage::save_library(&library));
            let title = meta.title.clone();
            *trash.borrow_mut() = Some((index, meta, doc));
            if id == state.doc_id {
                let next = library.docs.first().and_then(|d| {
                    storage::load_doc(&d.id)
                        .ok()
                        .flatten()
                        .map(|doc| (d.id.clone(), doc))
                });
                open_doc.emit(next.unwrap_or_else(|| (storage::new_id(), StoredDoc::default())));
            }
            state.dispatch(Action::SetLibrary(library));
            let notice = match result {
                Ok(()) => Notice {
                    action: Some(NoticeAction::UndoDelete),
                    ..Notice::info(format!("Deleted “{title}”."))
                },
                Err(e) => Notice::error(e.to_string()),
            };
            state.dispatch(Action::Notify(Some(notice)));
        })
    };
    let on_notice_action = {
        let state = state.clone();
        let trash = trash.clone();
        Callback::from(move |action: NoticeAction| match action {
            NoticeAction::UndoDelete => {
                let Some((index, meta, doc)) = trash.borrow_mut().take() else {
                    return;
                };
                let mut library = state.library.clone();
                let title = meta.title.clone();
                let id = meta.id.clone();
                library.restore(index, meta);
                let result =
                    storage::save_doc(&id, &doc).and_then(|()| storage::save_library(&library));
                state.dispatch(Action::SetLibrary(library));
                state.dispatch(Action::Notify(Some(match result {
                    Ok(()) => Notice::info(format!("Restored “{title}”.")),
                    Err(e) => Notice::error(e.to_string()),
                })));
            }
        })
    };
    let on_export = {
        let state = state.clone();
        Callback::from(move |(format, scope): (Format, Scope)| {
            let result = if state.is_current() {
                transfer::export(format, scope, &state.view, &state.doc_id, &state.library)
            } else {
                let fresh = Analysed::new(&state.text).corrected(&state.corrections);
                transfer::export(format, scope, &fresh, &state.doc_id, &state.library)
            };
            let outcome = result.and_then(|d| {
                dom::download_bytes(&d.name, d.mime, &d.bytes).map_err(|e| e.to_string())
            });
            if let Err(message) = outcome {
                state.dispatch(Action::Notify(Some(Notice::error(format!(
                    "Export failed: {message}"
                )))));
            }
        })
    };
    let on_import = {
        let state = state.clone();
        let flush = flush.clone();
        let open_doc = open_doc.clone();
        Callback::from(move |files: web_sys::FileList| {
            let files: Vec<web_sys::File> =
                (0..files.length()).filter_map(|i| files.get(i)).collect();
            if files.is_empty() {
                return;
            }
            flush();
            let state = state.clone();
            let open_doc = open_doc.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut library = state.library.clone();
                let mut first = None;
                let mut count = 0;
                let mut problems = Vec::new();
                for file in files {
                    let name = file.name();
                    let result = match dom::read_file(&file).await {
                        Ok(bytes) => transfer::import(&bytes, &name, &library),
                        Err(e) => Err(e.to_string()),
                    };
                    match result {
                        Ok(imported) => {
                            count += imported.ids.len();
                            first = first.or_else(|| imported.ids.first().cloned());
                            library = imported.library;
                        }
                        Err(message) => problems.push(message),
                    }
                }
                state.dispatch(Action::SetLibrary(library));
                if let Some(id) = first {
                    if let Ok(Some(doc)) = storage::load_doc(&id) {
                        open_doc.emit((id, doc));
                    }
                }
                let notice = if problems.is_empty() {
                    Notice::info(format!(
                        "Imported {count} document{}.",
                        if count == 1 { "" } else { "s" }
                    ))
                } else {
                    let done = if count > 0 {
                        format!("Imported {count} documents; ")
                    } else {
                        String::new()
                    };
                    Notice::error(format!(
                        "{done}not imported, nothing was changed:\n{}",
                        problems.join("\n")
                    ))
                };
                state.dispatch(Action::Notify(Some(notice)));
            });
        })
    };
    let on_toggle_docs = {
        let show_docs = show_docs.clone();
        Callback::from(move |()| show_docs.set(!*show_docs))
    };

    // Once a restored document is analysed, go back to where the person was reading.
    {
        let scroll_to = scroll_to.clone();
        let ready = !state.pending && !state.view.text.is_empty();
        use_effect_with((state.view.clone(), ready), move |(_, ready)| {
            if *ready {
                if let Some(y) = scroll_to.borrow_mut().take() {
                    dom::scroll_to(y);
                }
            }
        });
    }

    // A correction, remembering which highlight should have the focus afterwards.
    let on_correct = {
        let state = state.clone();
        let focus_after = focus_after.clone();
        let selection = selection.clone();
        let choosing_speaker = choosing_speaker.clone();
        Callback::from(move |correction: Correction| {
            let view = &state.view;
            let target = match &correction {
                Correction::Add(span, label) => {
                    trimmed(&view.text, *span).map(|s| (label.layer(), s))
                }
                Correction::Relabel(id, label) => {
                    view.item(id).map(|(a, _)| (label.layer(), a.span))
                }
                Correction::SetSpeaker(id, _) | Correction::ClearSpeaker(id) => {
                    view.item(id).map(|(a, _)| (a.layer(), a.span))
                }
                Correction::Delete(_) => None,
            };
            *focus_after.borrow_mut() = target;
            if matches!(correction, Correction::Add(..)) {
                dom::clear_selection();
                selection.set(None);
            }
            choosing_speaker.set(None);
            state.dispatch(Action::Correct(correction));
        })
    };

    // Once new markup is shown: focus the corrected highlight, or forget a stale selection.
    {
        let article_ref = article_ref.clone();
        let focus_after = focus_after.clone();
        let selected = selected.clone();
        use_effect_with(state.view.clone(), move |view| {
            let target = focus_after.borrow_mut().take();
            let mark = target.and_then(|(layer, span)| {
                view.marks
                    .iter()
                    .find(|m| m.label.layer() == layer && m.span == span)
            });
            let article = article_ref.cast::<web_sys::HtmlElement>();
            match (mark, article) {
                (Some(mark), article) => {
                    selected.set(Some(AttrValue::from(mark.id.clone())));
                    if let Some(article) = article {
                        dom::focus_mark(&article, &mark.id);
                    }
                }
                (None, article) => {
                    let still_there = selected.as_ref().is_some_and(|id| view.item(id).is_some());
                    if !still_there {
                        selected.set(None);
                    }
                    if target.is_some() {
                        if let Some(article) = article {
                            let _ = article.focus();
                        }
                    }
                }
            }
        });
    }

    let on_undo = {
        let state = state.dispatcher();
        Callback::from(move |()| state.dispatch(Action::Undo))
    };
    let on_redo = {
        let state = state.dispatcher();
        Callback::from(move |()| state.dispatch(Action::Redo))
    };

    // Keyboard shortcuts for the whole page.
    {
        let selection = selection.clone();
        let selected = selected.clone();
        let choosing_speaker = choosing_speaker.clone();
        let on_correct = on_correct.clone();
        let (on_undo, on_redo) = (on_undo.clone(), on_redo.clone());
        let view = state.view.clone();
        let deps = (
            *selection,
            (*selected).clone(),
            (*choosing_speaker).clone(),
            view.clone(),
        );
        use_effect_with(deps, move |_| {
            let listener = web_sys::window()
                .and_then(|w| w.document())
                .map(|document| {
                    EventListener::new_with_options(
                        &document,
                        "keydown",
                        EventListenerOptions::enable_prevent_default(),
                        move |event| {
                            let Some(e) = event.dyn_ref::<KeyboardEvent>() else {
                                return;
                            };
                            let key = e.key();
                            let command = e.ctrl_key() || e.meta_key();
                            if command && !e.alt_key() && !typing_in_field(e) {
                                match key.as_str() {
                                    "z" | "Z" if e.shift_key() => on_redo.emit(()),
                                    "z" | "Z" => on_undo.emit(()),
                                    "y" | "Y" => on_redo.emit(()),
                                    _ => return,
                                }
                                e.prevent_default();
                                return;
                            }
                            if command || e.alt_key() || typing_in_field(e) {
                                return;
                            }
                            if key == "Escape" {
                                selection.set(None);
                                choosing_speaker.set(None);
                                return;
                            }
                            if let Some(sel) = *selection {
                                if let Some(label) = shortcut_label(&key) {
                                    e.prevent_default();
                                    on_correct.emit(Correction::Add(sel.span, label));
                                }
                                return;
                            }
                            // The rest acts on the focused highlight.
                            let focused = web_sys::window()
                                .and_then(|w| w.document())
                                .and_then(|d| d.active_element())
                                .and_then(|el| el.get_attribute("data-id"));
                            let Some(id) = focused.map(AttrValue::from) else {
                                return;
                            };
                            if selected.as_ref() != Some(&id) {
                                selected.set(Some(id.clone()));
                            }
                            match key.as_str() {
                                "Delete" | "Backspace" => {
                                    e.prevent_default();
                                    on_correct.emit(Correction::Delete(id));
                                }
                                "s" | "S" => {
                                    let is_quote = view
                                        .item(&id)
                                        .is_some_and(|(a, _)| a.label == Label::Quote);
                                    if is_quote {
                                        let next = match &*choosing_speaker {
                                            Some(_) => None,
                                            None => Some(id),
                                        };
                                        choosing_speaker.set(next);
                                    }
                                }
                                _ => {
                                    if let Some(label) = shortcut_label(&key) {
                                        e.prevent_default();
                                        on_correct.emit(Correction::Relabel(id, label));
                                    }
                                }
                            }
                        },
                    )
                });
            move || drop(listener)
        });
    }

    let on_notice = {
        let state = state.dispatcher();
        Callback::from(move |notice: Option<Notice>| state.dispatch(Action::Notify(notice)))
    };

    let on_example = {
        let on_text = on_text.clone();
        Callback::from(move |()| on_text.emit(EXAMPLE.to_string()))
    };

    let on_reveal = {
        let article_ref = article_ref.clone();
        Callback::from(move |id: AttrValue| {
            if let Some(article) = article_ref.cast::<web_sys::Element>() {
                if let Some(mark) = dom::find_mark(&article, &id) {
                    dom::reveal(&mark);
                }
            }
        })
    };

    let on_select = {
        let selection = selection.clone();
        Callback::from(move |found: Option<(Span, f64, f64)>| {
            selection.set(found.map(|(span, left, bottom)| Selected { span, left, bottom }));
        })
    };
    let on_focus_mark = {
        let selected = selected.clone();
        Callback::from(move |id: AttrValue| selected.set(Some(id)))
    };
    // While choosing a speaker, a click on a name sets it.
    let on_click_mark = {
        let choosing_speaker = choosing_speaker.clone();
        let on_correct = on_correct.clone();
        let view = state.view.clone();
        Callback::from(move |id: AttrValue| {
            let Some(quote) = (*choosing_speaker).clone() else {
                return;
            };
            let name = view
                .item(&id)
                .filter(|(a, _)| a.layer() == Layer::Entity)
                .map(|(a, _)| a.span);
            if let Some(name) = name {
                on_correct.emit(Correction::SetSpeaker(quote, name));
            }
        })
    };
    let on_choose_speaker = {
        let choosing_speaker = choosing_speaker.clone();
        let selected = selected.clone();
        Callback::from(move |on: bool| {
            choosing_speaker.set(if on { (*selected).clone() } else { None })
        })
    };

    let dispatcher = state.dispatcher();
    let view = state.view.clone();
    let has_text = !view.text.is_empty();
    let menu = selection.as_ref().map(|sel| {
        let words = sel.span.slice(&view.text);
        let words: String = match words.char_indices().nth(40) {
            Some((cut, _)) => format!("{}…", &words[..cut]),
            None => words.to_string(),
        };
        let on_pick = {
            let on_correct = on_correct.clone();
            let span = sel.span;
            Callback::from(move |label: Label| on_correct.emit(Correction::Add(span, label)))
        };
        let on_close = {
            let selection = selection.clone();
            Callback::from(move |()| selection.set(None))
        };
        html! {
            <SelectionMenu words={AttrValue::from(words)} left={sel.left} bottom={sel.bottom} {on_pick} {on_close} />
        }
    });
    html! {
        <div class={classes!("app", choosing_speaker.is_some().then_some("choosing-speaker"))}>
            <Toolbar
                text={state.text.clone()}
                view={view.clone()}
                corrections={state.corrections.clone()}
                on_text={on_text.clone()}
                on_example={on_example}
                on_notice={on_notice.clone()}
                documents={state.library.docs.len()}
                documents_open={*show_docs}
                {on_toggle_docs}
                {on_export}
                {on_import}
            />
            <NoticeBar notice={state.notice.clone()} on_close={on_notice.reform(|()| None)} on_action={on_notice_action} />
            <main class="layout">
                <div class="main-column">
                    <Editor text={state.text.clone()} on_text={on_text} {on_typing} on_notice={on_notice} />
                    <ArticleView
                        node_ref={article_ref}
                        view={view.clone()}
                        hidden={state.hidden.clone()}
                        badges={state.badges}
                        pending={state.pending}
                        millis={state.millis}
                        {on_select}
                        {on_focus_mark}
                        {on_click_mark}
                    />
                </div>
                <aside class="side-column" aria-label="Documents, corrections and summary">
                    if *show_docs {
                        <Documents
                            library={state.library.clone()}
                            current={AttrValue::from(state.doc_id.clone())}
                            {on_open}
                            {on_new}
                            {on_rename}
                            {on_delete}
                        />
                    }
                    <Inspector
                        view={view.clone()}
                        selected={(*selected).clone()}
                        choosing_speaker={choosing_speaker.is_some()}
                        on_correct={on_correct}
                        {on_choose_speaker}
                        {on_undo}
                        {on_redo}
                        can_undo={!state.undo.is_empty()}
                        can_redo={!state.redo.is_empty()}
                    />
                    <Legend
                        view={view.clone()}
                        hidden={state.hidden.clone()}
                        badges={state.badges}
                        dispatch={dispatcher}
                        has_text={has_text}
                    />
                    <EntityList view={view.clone()} on_reveal={on_reveal.clone()} />
                    <QuoteList view={view.clone()} on_reveal={on_reveal} />
                </aside>
            </main>
            // Always one child here, open or not: Yew matches unkeyed children from the end, so
            // a menu that came and went as an extra child would rebuild everything before it
            // (the toolbar, the editor, the article) each time.
            if let Some(menu) = menu {
                { menu }
            }
            <footer class="footer">
                <p>
                    { "Marginalia runs entirely in your browser: nothing you paste is sent anywhere. " }
                    <a href="marginalia.html" download="marginalia.html" data-testid="offline-download">
                        { "Download for offline use" }
                    </a>
                    { " (one file that works without a network). Open source, MIT licence." }
                </p>
            </footer>
        </div>
    }
}

/// Writes the open document and the document list to the browser's storage. A new document is
/// kept once it has text. A storage failure is shown once (not again until it changes); the
/// work in the page is never touched.
fn save_document(state: &UseReducerHandle<AppState>, last_error: &RefCell<Option<StorageError>>) {
    let id = state.doc_id.clone();
    if id.is_empty() || (state.text.trim().is_empty() && state.library.get(&id).is_none()) {
        return;
    }
    let now = js_sys::Date::now();
    let mut library = state.library.clone();
    let mut meta = library.get(&id).cloned().unwrap_or(DocMeta {
        id: id.clone(),
        title: String::new(),
        renamed: false,
        added: now,
        updated: now,
        words: 0,
        highlights: 0,
    });
    if !meta.renamed {
        meta.title = auto_title(&state.text);
    }
    meta.updated = now;
    meta.words = state.text.split_whitespace().count();
    if state.is_current() {
        meta.highlights = state.view.items.len();
    }
    library.upsert(meta);
    library.current = Some(id.clone());
    let result = storage::save_doc(&id, &state.stored_doc(dom::scroll_y()))
        .and_then(|()| storage::save_library(&library));
    if library != state.library {
        state.dispatch(Action::SetLibrary(library));
    }
    let mut last = last_error.borrow_mut();
    match result {
        Ok(()) => {
            if last.take().is_some() {
                state.dispatch(Action::Notify(Some(Notice::info(
                    "Saved in this browser again.",
                ))));
            }
        }
        Err(e) => {
            if last.as_ref() != Some(&e) {
                state.dispatch(Action::Notify(Some(Notice::error(e.to_string()))));
                *last = Some(e);
            }
        }
    }
}
