//! The entity list: names grouped with their mention counts. Clicking a name scrolls to its
//! next mention in the article and flashes it.

use crate::components::{show_all_button, LIST_LIMIT};
use crate::state::{Analysed, Shared};
use std::collections::HashMap;
use yew::prelude::*;

/// Props of [`EntityList`].
#[derive(Properties, PartialEq)]
pub struct EntityListProps {
    /// The analysis whose entities are listed.
    pub view: Shared<Analysed>,
    /// Scrolls to and flashes the highlight with this export id.
    pub on_reveal: Callback<AttrValue>,
}

/// The entity list.
#[function_component(EntityList)]
pub fn entity_list(props: &EntityListProps) -> Html {
    // Which mention each name's next click goes to, by group index.
    let next_mention = use_mut_ref(HashMap::<usize, usize>::new);
    {
        let next_mention = next_mention.clone();
        use_effect_with(props.view.clone(), move |_| {
            next_mention.borrow_mut().clear()
        });
    }
    let expanded = use_state_eq(|| false);
    let groups = &props.view.summary.entities;
    let shown = if *expanded { groups.len() } else { LIST_LIMIT };
    let items = groups.iter().take(shown).enumerate().map(|(i, g)| {
        let onclick = {
            let ids = g.ids.clone();
            let on_reveal = props.on_reveal.clone();
            let next_mention = next_mention.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = next_mention.borrow_mut();
                let k = next.entry(i).or_insert(0);
                if let Some(id) = ids.get(*k % ids.len().max(1)) {
                    on_reveal.emit(AttrValue::from(id.clone()));
                }
                *k += 1;
            })
        };
        let mentions = g.ids.len();
        html! {
            <li>
                <button
                    type="button"
                    class="list-item"
                    title={format!("Show {} in the article", if mentions > 1 { "the next mention" } else { "it" })}
                    {onclick}
                >
                    <span class="swatch" data-label={g.label.as_str()} aria-hidden="true"></span>
                    <span class="list-text">{ &g.name }</span>
                    <span class="legend-code">{ g.label.as_str() }</span>
                    <span class="count" aria-label={format!("{mentions} mentions")}>{ mentions }</span>
                </button>
            </li>
        }
    });
    html! {
        <section class="panel" aria-labelledby="entities-title" data-testid="entity-list">
            <h2 id="entities-title">{ format!("Names ({})", groups.len()) }</h2>
            if groups.is_empty() {
                <p class="muted">{ "No names found yet." }</p>
            } else {
                <ul class="item-list">{ for items }</ul>
                { show_all_button(groups.len(), &expanded, "names") }
            }
        </section>
    }
}
