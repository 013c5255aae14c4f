//! The quote list: each quotation with who said it. Clicking one scrolls to it in the article.

use crate::components::{show_all_button, LIST_LIMIT};
use crate::state::{Analysed, Shared};
use marginalia_core::QuoteKind;
use yew::prelude::*;

/// Props of [`QuoteList`].
#[derive(Properties, PartialEq)]
pub struct QuoteListProps {
    /// The analysis whose quotations are listed.
    pub view: Shared<Analysed>,
    /// Scrolls to and flashes the highlight with this export id.
    pub on_reveal: Callback<AttrValue>,
}

/// Shortens a long quotation for the list, on a character boundary.
pub fn shorten(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

/// The quote list.
#[function_component(QuoteList)]
pub fn quote_list(props: &QuoteListProps) -> Html {
    let expanded = use_state_eq(|| false);
    let quotes = &props.view.summary.quotes;
    let shown = if *expanded { quotes.len() } else { LIST_LIMIT };
    let items = quotes.iter().take(shown).map(|q| {
        let onclick = {
            let id = AttrValue::from(q.id.clone());
            props.on_reveal.reform(move |_: MouseEvent| id.clone())
        };
        let who = match (q.kind, &q.speaker) {
            (QuoteKind::Term, _) => html! { <span class="badge term">{ "term" }</span> },
            (QuoteKind::Speech, Some(name)) => html! {
                <span class="speaker">{ "— " }{ name }{ q.cue.as_ref().map(|c| format!(" ({c})")).unwrap_or_default() }</span>
            },
            (QuoteKind::Speech, None) => html! { <span class="speaker muted">{ "— speaker not named" }</span> },
        };
        html! {
            <li>
                <button type="button" class="list-item quote-item" {onclick}>
                    <span class="quote-text">{ "“" }{ shorten(&q.text, 140) }{ "”" }</span>
                    { who }
                </button>
            </li>
        }
    });
    html! {
        <section class="panel" aria-labelledby="quotes-title" data-testid="quote-list">
            <h2 id="quotes-title">{ format!("Quotations ({})", quotes.len()) }</h2>
            if quotes.is_empty() {
                <p class="muted">{ "No quotations found yet." }</p>
            } else {
                <ul class="item-list">{ for items }</ul>
                { show_all_button(quotes.len(), &expanded, "quotations") }
            }
        </section>
    }
}
