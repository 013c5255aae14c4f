//! The top-level component: holds the state, schedules analyses, and wires the components.

use crate::components::{ArticleView, Editor, EntityList, Legend, NoticeBar, QuoteList, Toolbar};
use crate::dom;
use crate::state::{Action, Analysed, AppState, Notice, Shared, MAX_ANALYSED_BYTES};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
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

/// The page.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::new);
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let article_ref = use_node_ref();

    // Build the engine's lexicons once the page has painted, not on the first paste.
    use_effect_with((), |()| {
        Timeout::new(50, marginalia_core::warm_up).forget();
    });

    // Every text change schedules one analysis; a newer change cancels the older one.
    let on_text = {
        let state = state.dispatcher();
        let pending = pending.clone();
        Callback::from(move |text: String| {
            let text: Rc<str> = Rc::from(text);
            state.dispatch(Action::Edit(text.clone()));
            let bytes = text.len();
            if bytes > MAX_ANALYSED_BYTES {
                pending.borrow_mut().take();
                state.dispatch(Action::TooLarge(bytes));
                return;
            }
            let dispatch = state.clone();
            let timeout = Timeout::new(debounce_ms(bytes), move || {
                let started = dom::now_ms();
                let view = Analysed::new(&text);
                let took = dom::now_ms() - started;
                dispatch.dispatch(Action::Show(Shared::new(view), Some(took)));
            });
            *pending.borrow_mut() = Some(timeout);
        })
    };

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

    let dispatcher = state.dispatcher();
    let view = state.view.clone();
    let has_text = !view.text.is_empty();
    html! {
        <div class="app">
            <Toolbar
                text={state.text.clone()}
                view={view.clone()}
                on_text={on_text.clone()}
                on_example={on_example}
                on_notice={on_notice.clone()}
            />
            <NoticeBar notice={state.notice.clone()} on_close={on_notice.reform(|()| None)} />
            <main class="layout">
                <div class="main-column">
                    <Editor text={state.text.clone()} on_text={on_text} on_notice={on_notice} />
                    <ArticleView
                        node_ref={article_ref}
                        view={view.clone()}
                        hidden={state.hidden.clone()}
                        badges={state.badges}
                        pending={state.pending}
                        millis={state.millis}
                    />
                </div>
                <aside class="side-column" aria-label="Summary">
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
            <footer class="footer">
                <p>
                    { "Marginalia runs entirely in your browser: nothing you paste is sent anywhere. " }
                    { "Open source, MIT licence." }
                </p>
            </footer>
        </div>
    }
}
