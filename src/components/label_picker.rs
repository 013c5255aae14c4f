//! A row of label buttons, each with its keyboard shortcut: used to label a selection and to
//! relabel a highlight.

use crate::state::shortcut_hint;
use marginalia_core::{Label, Layer};
use yew::prelude::*;

/// Props of [`LabelPicker`].
#[derive(Properties, PartialEq)]
pub struct LabelPickerProps {
    /// The label the item has now (shown pressed), if any.
    #[prop_or_default]
    pub current: Option<Label>,
    /// Called with the chosen label.
    pub on_pick: Callback<Label>,
}

/// The label buttons, grouped by layer.
#[function_component(LabelPicker)]
pub fn label_picker(props: &LabelPickerProps) -> Html {
    let groups = Layer::ALL.iter().map(|&layer| {
        let buttons = Label::ALL
            .iter()
            .copied()
            .filter(|l| l.layer() == layer)
            .map(|label| {
                let on_pick = props.on_pick.reform(move |_: MouseEvent| label);
                let pressed = props.current == Some(label);
                html! {
                    <button
                        type="button"
                        class={classes!("chip", pressed.then_some("pressed"))}
                        data-label={label.as_str()}
                        data-testid={format!("pick-{}", label.as_str())}
                        aria-pressed={pressed.to_string()}
                        title={format!("{} ({})", label.description(), shortcut_hint(label))}
                        onclick={on_pick}
                    >
                        <span class="swatch" data-label={label.as_str()} aria-hidden="true"></span>
                        { label.as_str() }
                        <kbd>{ shortcut_hint(label) }</kbd>
                    </button>
                }
            });
        html! { <div class="chip-group" role="group" aria-label={layer.as_str()}>{ for buttons }</div> }
    });
    html! { <div class="label-picker">{ for groups }</div> }
}
