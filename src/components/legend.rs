//! The legend: every label with its colour, badge, count and a show/hide toggle, grouped by
//! layer, plus a toggle for label badges.

use crate::state::{Action, Analysed, AppState, Shared};
use marginalia_core::{Label, Layer};
use yew::prelude::*;

/// Props of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// The analysis whose counts are shown.
    pub view: Shared<Analysed>,
    /// Labels whose highlights are hidden.
    pub hidden: Vec<Label>,
    /// Whether label badges are shown.
    pub badges: bool,
    /// Sends toggles to the state.
    pub dispatch: UseReducerDispatcher<AppState>,
    /// False before any text is analysed.
    pub has_text: bool,
}

/// A layer's heading in the legend.
fn layer_title(layer: Layer) -> &'static str {
    match layer {
        Layer::Entity => "Names",
        Layer::Number => "Numbers",
        Layer::Quote => "Quotations",
    }
}

/// The legend.
#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
    let summary = &props.view.summary;
    let layers = Layer::ALL.iter().map(|&layer| {
        let labels: Vec<Label> = Label::ALL
            .iter()
            .copied()
            .filter(|l| l.layer() == layer)
            .collect();
        let layer_shown = labels.iter().all(|l| !props.hidden.contains(l));
        let toggle_layer = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ToggleLayer(layer)))
        };
        let rows = labels.iter().map(|&label| {
            let shown = !props.hidden.contains(&label);
            let count = summary.count(label);
            let onclick = {
                let dispatch = props.dispatch.clone();
                Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ToggleLabel(label)))
            };
            html! {
                <li>
                    <button
                        type="button"
                        class={classes!("legend-item", (!shown).then_some("off"))}
                        data-testid={format!("toggle-{}", label.as_str())}
                        aria-pressed={shown.to_string()}
                        title={format!("{} {}", if shown { "Hide" } else { "Show" }, label.description())}
                        {onclick}
                    >
                        <span class="swatch" data-label={label.as_str()} aria-hidden="true"></span>
                        <span class="legend-name">{ label.description() }</span>
                        <span class="legend-code" aria-hidden="true">{ label.as_str() }</span>
                        <span class="count" data-testid={format!("count-{}", label.as_str())}>
                            { count }
                        </span>
                    </button>
                </li>
            }
        });
        html! {
            <div class="legend-layer">
                <div class="legend-layer-head">
                    <h3>{ layer_title(layer) }</h3>
                    <button
                        type="button"
                        class="link-button"
                        data-testid={format!("toggle-layer-{}", layer.as_str())}
                        aria-pressed={layer_shown.to_string()}
                        onclick={toggle_layer}
                    >
                        { if layer_shown { "Hide all" } else { "Show all" } }
                    </button>
                </div>
                <ul class="legend-list">{ for rows }</ul>
            </div>
        }
    });

    let toggle_badges = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ToggleBadges))
    };
    html! {
        <section class={classes!("panel", "legend", (!props.has_text).then_some("idle"))} aria-labelledby="legend-title">
            <h2 id="legend-title">{ "Legend" }</h2>
            { for layers }
            <label class="check">
                <input
                    type="checkbox"
                    checked={props.badges}
                    data-testid="toggle-badges"
                    onclick={toggle_badges}
                />
                { " Label badges on highlights" }
            </label>
        </section>
    }
}
