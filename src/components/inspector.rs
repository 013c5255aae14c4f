//! The inspector: what the focused highlight is, and how to correct it (relabel, delete, set or
//! clear a quotation's speaker), with the keys that do the same.

use crate::components::{quote_list::shorten, LabelPicker};
use crate::state::{Analysed, Correction, Shared};
use marginalia_core::{export::Source, Layer};
use yew::prelude::*;

/// Props of [`Inspector`].
#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    /// What is shown.
    pub view: Shared<Analysed>,
    /// Export id of the focused highlight.
    pub selected: Option<AttrValue>,
    /// True while the next name clicked becomes the selected quotation's speaker.
    pub choosing_speaker: bool,
    /// Applies a correction.
    pub on_correct: Callback<Correction>,
    /// Starts or stops choosing a speaker.
    pub on_choose_speaker: Callback<bool>,
    /// Undo and redo, and whether each can be done.
    pub on_undo: Callback<()>,
    /// See `on_undo`.
    pub on_redo: Callback<()>,
    /// See `on_undo`.
    pub can_undo: bool,
    /// See `on_undo`.
    pub can_redo: bool,
}

/// The inspector panel.
#[function_component(Inspector)]
pub fn inspector(props: &InspectorProps) -> Html {
    let undo_redo = html! {
        <div class="undo-redo">
            <button type="button" class="button small" data-testid="undo" disabled={!props.can_undo}
                title="Undo (Ctrl+Z)" onclick={props.on_undo.reform(|_: MouseEvent| ())}>{ "Undo" }</button>
            <button type="button" class="button small" data-testid="redo" disabled={!props.can_redo}
                title="Redo (Ctrl+Shift+Z)" onclick={props.on_redo.reform(|_: MouseEvent| ())}>{ "Redo" }</button>
        </div>
    };
    let found = props
        .selected
        .as_ref()
        .and_then(|id| props.view.item(id).map(|item| (id.clone(), item)));
    let body = match found {
        None => html! {
            <p class="muted small-print">
                { "Select words in the article to add a highlight; focus or click a highlight to change it. Keys: " }
                <kbd>{ "P" }</kbd>{ " " }<kbd>{ "O" }</kbd>{ " " }<kbd>{ "L" }</kbd>{ " " }<kbd>{ "M" }</kbd>
                { " names, " }<kbd>{ "N" }</kbd>{ " number, " }<kbd>{ "Q" }</kbd>{ " quote, " }
                <kbd>{ "Del" }</kbd>{ " delete." }
            </p>
        },
        Some((id, (annotation, source))) => {
            let text = &props.view.text;
            let words = annotation.span.slice(text);
            let tip = marginalia_core::markup::describe(text, annotation);
            let relabel = {
                let id = id.clone();
                props
                    .on_correct
                    .reform(move |label| Correction::Relabel(id.clone(), label))
            };
            let delete = {
                let id = id.clone();
                props
                    .on_correct
                    .reform(move |_: MouseEvent| Correction::Delete(id.clone()))
            };
            let quote_tools = if annotation.layer() == Layer::Quote {
                let has_speaker = annotation
                    .quote
                    .as_ref()
                    .is_some_and(|q| q.speaker.is_some());
                let clear = {
                    let id = id.clone();
                    props
                        .on_correct
                        .reform(move |_: MouseEvent| Correction::ClearSpeaker(id.clone()))
                };
                let choosing = props.choosing_speaker;
                let choose = props
                    .on_choose_speaker
                    .reform(move |_: MouseEvent| !choosing);
                html! {
                    <div class="inspector-actions">
                        <button type="button" class={classes!("button", "small", choosing.then_some("primary"))}
                            data-testid="choose-speaker" aria-pressed={choosing.to_string()} onclick={choose}>
                            { if choosing { "Click a name in the text…" } else { "Choose speaker" } }
                        </button>
                        <button type="button" class="button small" data-testid="clear-speaker"
                            disabled={!has_speaker} onclick={clear}>{ "Clear speaker" }</button>
                    </div>
                }
            } else {
                html! {}
            };
            html! {
                <>
                    <p class="inspector-words"><q>{ shorten(words, 120) }</q></p>
                    <p class="inspector-tip">
                        { tip }
                        <span class={classes!("badge", (*source == Source::Manual).then_some("manual"))}>
                            { if *source == Source::Manual { "corrected" } else { "automatic" } }
                        </span>
                    </p>
                    <LabelPicker current={Some(annotation.label)} on_pick={relabel} />
                    { quote_tools }
                    <div class="inspector-actions">
                        <button type="button" class="button small danger" data-testid="delete-highlight"
                            title="Delete (Delete or Backspace)" onclick={delete}>{ "Delete highlight" }</button>
                    </div>
                </>
            }
        }
    };
    html! {
        <section class="panel inspector" aria-labelledby="inspector-title" data-testid="inspector">
            <div class="panel-head">
                <h2 id="inspector-title">{ "Correct" }</h2>
                { undo_redo }
            </div>
            { body }
        </section>
    }
}
