//! The highlighted article: the engine's markup, shown as is (block by block, see
//! [`crate::article_render`]), with label toggles applied as classes on the article (so hiding a
//! label re-styles, never re-renders), one shared tooltip for the highlight under the pointer or
//! with the focus, and keyboard movement between highlights.

use crate::article_render::{self, BlockRenderer};
use crate::components::editor::group;
use crate::dom;
use crate::state::{Analysed, Shared};
use gloo::events::{EventListener, EventListenerOptions};
use marginalia_core::{offsets::byte_of_utf16, Label, Span};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The container element, for scrolling to highlights from the side lists.
    pub node_ref: NodeRef,
    /// The analysis to show.
    pub view: Shared<Analysed>,
    /// Labels whose highlights are hidden.
    pub hidden: Vec<Label>,
    /// Whether highlights carry label badges.
    pub badges: bool,
    /// True while a newer analysis is on its way.
    pub pending: bool,
    /// How long the analysis took, in milliseconds.
    pub millis: Option<f64>,
    /// The words selected in the article (bytes) and where the selection ends on screen (left,
    /// bottom), or `None` when the selection goes away.
    pub on_select: Callback<Option<(Span, f64, f64)>>,
    /// The export id of the highlight that took the focus.
    pub on_focus_mark: Callback<AttrValue>,
    /// The export id of a highlight clicked.
    pub on_click_mark: Callback<AttrValue>,
}

/// The article view.
#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let view = &props.view;
    let mut class = classes!("article");
    class.push(props.badges.then_some("badges"));
    for label in &props.hidden {
        class.push(format!("hide-{}", label.as_str()));
    }

    // The markup goes into the article element block by block, outside Yew's virtual DOM.
    let renderer = use_mut_ref(BlockRenderer::default);
    let progress_ref = use_node_ref();
    let tip_ref = use_node_ref();
    {
        let renderer = renderer.clone();
        let node_ref = props.node_ref.clone();
        let progress_ref = progress_ref.clone();
        let has_text = !view.text.is_empty();
        use_effect_with((view.clone(), has_text), move |(view, has_text)| {
            if *has_text {
                if let Some(article) = node_ref.cast::<Element>() {
                    article_render::sync(
                        &renderer,
                        article,
                        progress_ref.cast::<Element>(),
                        view.blocks.clone(),
                    );
                }
            }
        });
    }
    // The tooltip hides when the page scrolls (it would float away from its highlight).
    {
        let tip_ref = tip_ref.clone();
        use_effect_with((), move |()| {
            let listener = web_sys::window().map(|w| {
                let options = EventListenerOptions {
                    passive: true,
                    ..EventListenerOptions::default()
                };
                EventListener::new_with_options(&w, "scroll", options, move |_| hide_tip(&tip_ref))
            });
            move || drop(listener)
        });
    }
    let onmouseover = {
        let tip_ref = tip_ref.clone();
        Callback::from(move |e: MouseEvent| show_tip_for(&tip_ref, e.target()))
    };
    let onmouseleave = {
        let tip_ref = tip_ref.clone();
        Callback::from(move |_: MouseEvent| hide_tip(&tip_ref))
    };
    let onfocusout = {
        let tip_ref = tip_ref.clone();
        Callback::from(move |_: FocusEvent| hide_tip(&tip_ref))
    };

    // A selection made with the mouse or the keyboard opens the selection menu.
    let check_selection = {
        let node_ref = props.node_ref.clone();
        let on_select = props.on_select.clone();
        let text = view.text.clone();
        move || {
            let Some(article) = node_ref.cast::<HtmlElement>() else {
                return;
            };
            let found = dom::selection_in(&article).and_then(|(start, end, left, bottom)| {
                let start = byte_of_utf16(&text, start)?;
                let end = byte_of_utf16(&text, end)?;
                (start < end).then(|| (Span::new(start, end), left, bottom))
            });
            if found.is_some() {
                // The menu's label keys go to the page only when no text field has the focus. A
                // drag with the mouse focuses the article, but a selection made otherwise (by a
                // script, an assistive technology, a touch screen) leaves the focus where it
                // was, e.g. in the editor, which would then take the key as typing.
                dom::take_focus(&article);
            }
            on_select.emit(found);
        }
    };
    let onmouseup = {
        let check = check_selection.clone();
        Callback::from(move |_: MouseEvent| check())
    };
    let onkeyup = Callback::from(move |e: KeyboardEvent| {
        if e.shift_key() || e.key().starts_with("Arrow") {
            check_selection();
        }
    });
    let onfocusin = {
        let on_focus_mark = props.on_focus_mark.clone();
        let tip_ref = tip_ref.clone();
        Callback::from(move |e: FocusEvent| {
            show_tip_for(&tip_ref, e.target());
            if let Some(id) = dom::mark_id_at(e.target()) {
                on_focus_mark.emit(AttrValue::from(id));
            }
        })
    };
    let onclick = {
        let on_click_mark = props.on_click_mark.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = dom::mark_id_at(e.target()) {
                on_click_mark.emit(AttrValue::from(id));
            }
        })
    };

    // ← / → move between the visible highlights; Escape goes back to the article.
    let onkeydown = {
        let node_ref = props.node_ref.clone();
        Callback::from(move |e: KeyboardEvent| {
            let step: i32 = match e.key().as_str() {
                "ArrowRight" => 1,
                "ArrowLeft" => -1,
                "Escape" => {
                    if let Some(article) = node_ref.cast::<HtmlElement>() {
                        let _ = article.focus();
                    }
                    return;
                }
                _ => return,
            };
            if e.alt_key() || e.ctrl_key() || e.meta_key() || e.shift_key() {
                return;
            }
            let Some(article) = node_ref.cast::<Element>() else {
                return;
            };
            let marks = dom::visible_marks(&article);
            if marks.is_empty() {
                return;
            }
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            let current =
                active.and_then(|a| marks.iter().position(|m| AsRef::<Element>::as_ref(m) == &a));
            let last = marks.len() as i32 - 1;
            let next = match current {
                Some(i) => (i as i32 + step).clamp(0, last),
                None if step > 0 => 0,
                None => last,
            };
            if let Some(mark) = marks.get(next as usize) {
                e.prevent_default();
                dom::reveal(mark);
            }
        })
    };

    let status = if props.pending {
        "Analysing…".to_string()
    } else if view.text.is_empty() {
        String::new()
    } else {
        let marks = view.items.len();
        let took = props
            .millis
            .map(|ms| format!(" · analysed in {ms:.1} ms"))
            .unwrap_or_default();
        format!(
            "{} highlights in {} words{took}",
            group(marks),
            group(view.summary.words)
        )
    };

    html! {
        <section class="reader" aria-labelledby="reader-title">
            <div class="section-head">
                <h2 id="reader-title">{ "Highlights" }</h2>
                <span class="muted" role="status" data-testid="status">
                    { status }
                    <span data-testid="render-progress" ref={progress_ref}></span>
                </span>
            </div>
            if view.text.is_empty() {
                <div class="empty" data-testid="article" ref={props.node_ref.clone()}>
                    <p>{ "Paste an article above to see its people, organisations and places, its quotations and who said them, and its numbers, money, percentages and dates." }</p>
                    <p class="muted">{ "Nothing leaves your browser." }</p>
                </div>
            } else {
                <>
                <div
                    class={class}
                    data-testid="article"
                    ref={props.node_ref.clone()}
                    tabindex="0"
                    role="document"
                    aria-label="Highlighted article. Use the left and right arrow keys to move between highlights."
                    aria-busy={props.pending.to_string()}
                    {onkeydown}
                    {onkeyup}
                    {onmouseup}
                    {onfocusin}
                    {onfocusout}
                    {onclick}
                    {onmouseover}
                    {onmouseleave}
                />
                <div class="tip" ref={tip_ref} aria-hidden="true" hidden=true></div>
                </>
            }
        </section>
    }
}

/// Shows the shared tooltip for the highlight at `target` (the innermost one), or hides it when
/// `target` is not in a highlight. The text is the highlight's `data-tip` (its `aria-label`
/// already tells screen readers, so the tooltip itself is hidden from them).
fn show_tip_for(tip_ref: &NodeRef, target: Option<web_sys::EventTarget>) {
    let Some(tip) = tip_ref.cast::<HtmlElement>() else {
        return;
    };
    let mark = target
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest(".hl").ok().flatten());
    let Some((mark, text)) = mark.and_then(|m| {
        let text = m.get_attribute("data-tip")?;
        Some((m, text))
    }) else {
        tip.set_hidden(true);
        return;
    };
    // A hidden label's highlights have no tooltip.
    let hidden_label = mark
        .closest(".article")
        .ok()
        .flatten()
        .zip(mark.get_attribute("data-label"))
        .is_some_and(|(article, label)| article.class_list().contains(&format!("hide-{label}")));
    if hidden_label {
        tip.set_hidden(true);
        return;
    }
    tip.set_text_content(Some(&text));
    tip.set_hidden(false);
    // Above the highlight's first line, or below it when there is no room above.
    let rects = mark.get_client_rects();
    let Some(rect) = rects.get(0) else {
        tip.set_hidden(true);
        return;
    };
    let height = f64::from(tip.offset_height());
    let top = if rect.top() - height - 6.0 >= 0.0 {
        rect.top() - height - 6.0
    } else {
        rect.bottom() + 6.0
    };
    dom::place(&tip, rect.left(), top);
}

/// Hides the shared tooltip.
fn hide_tip(tip_ref: &NodeRef) {
    if let Some(tip) = tip_ref.cast::<HtmlElement>() {
        tip.set_hidden(true);
    }
}
