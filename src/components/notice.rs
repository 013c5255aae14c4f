//! The message bar: what just happened (copied, opened) or what went wrong, with a close button.

use crate::state::{Notice, NoticeAction, NoticeKind};
use yew::prelude::*;

/// Props of [`NoticeBar`].
#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    /// The message, if any.
    pub notice: Option<Notice>,
    /// Dismisses the message.
    pub on_close: Callback<()>,
    /// Runs the message's action.
    pub on_action: Callback<NoticeAction>,
}

/// The message bar. Errors are announced assertively, other messages politely.
#[function_component(NoticeBar)]
pub fn notice_bar(props: &NoticeBarProps) -> Html {
    let Some(notice) = &props.notice else {
        return html! { <div class="notice-slot" role="status" aria-live="polite"></div> };
    };
    let (class, role) = match notice.kind {
        NoticeKind::Info => ("notice info", "status"),
        NoticeKind::Error => ("notice error", "alert"),
    };
    let onclick = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="notice-slot">
            <div class={class} role={role} data-testid="notice">
                <span>{ &notice.text }</span>
                if let Some(action) = notice.action {
                    <button type="button" class="button small" data-testid="notice-action"
                        onclick={props.on_action.reform(move |_: MouseEvent| action)}>
                        { action.label() }
                    </button>
                }
                <button type="button" class="link-button" aria-label="Dismiss message" {onclick}>{ "✕" }</button>
            </div>
        </div>
    }
}
