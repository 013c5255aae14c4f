//! The small menu that appears under selected words in the article: pick a label (or press its
//! key) to add a highlight there.

use crate::components::LabelPicker;
use crate::dom;
use marginalia_core::Label;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Props of [`SelectionMenu`].
#[derive(Properties, PartialEq)]
pub struct SelectionMenuProps {
    /// The selected words, shortened for display.
    pub words: AttrValue,
    /// Where the selection ends on screen: left and bottom, in viewport pixels.
    pub left: f64,
    /// See `left`.
    pub bottom: f64,
    /// Called with the chosen label.
    pub on_pick: Callback<Label>,
    /// Closes the menu.
    pub on_close: Callback<()>,
}

/// The selection menu.
#[function_component(SelectionMenu)]
pub fn selection_menu(props: &SelectionMenuProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        let (left, bottom) = (props.left, props.bottom);
        use_effect_with((left.to_bits(), bottom.to_bits()), move |_| {
            if let Some(el) = node.cast::<HtmlElement>() {
                dom::place(&el, left, bottom + 8.0);
            }
        });
    }
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="popover selection-menu" ref={node} role="dialog" aria-label="Label the selected words" data-testid="selection-menu">
            <div class="popover-head">
                <span class="muted">{ "Label " }<q>{ props.words.clone() }</q>{ " as" }</span>
                <button type="button" class="link-button" aria-label="Close (Escape)" onclick={on_close}>{ "✕" }</button>
            </div>
            <LabelPicker on_pick={props.on_pick.clone()} />
        </div>
    }
}
