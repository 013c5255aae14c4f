//! The page's state: the text being edited, its latest analysis, which labels are shown, and the
//! message bar. Pure Rust (no `web_sys`): the reducer calls the engine, components render it.

use marginalia_core::{
    analyze, export, markup, summary::Summary, text::normalize_input, Analysis, Label, Layer,
};
use std::rc::Rc;
use yew::prelude::*;

/// The largest text the page analyses, in bytes. Larger texts stay in the editor, unanalysed,
/// with a message.
pub const MAX_ANALYSED_BYTES: usize = 20 * 1024 * 1024;

/// A text and everything the page shows for it, computed once per analysis.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysed {
    /// The analysed text (normalised as the CLI normalises it).
    pub text: Rc<str>,
    /// The engine's result.
    pub analysis: Analysis,
    /// The highlighted article markup ([`markup::article_html`]).
    pub markup: AttrValue,
    /// Counts and side lists.
    pub summary: Summary,
}

impl Analysed {
    /// Analyses `text` (after [`normalize_input`], exactly as the CLI does).
    pub fn new(text: &str) -> Self {
        let text: Rc<str> = Rc::from(normalize_input(text).as_ref());
        let analysis = analyze(&text);
        let markup = AttrValue::from(markup::article_html(&text, &analysis));
        let summary = Summary::new(&text, &analysis);
        Analysed {
            text,
            analysis,
            markup,
            summary,
        }
    }

    /// The `marginalia/annotations@1` export of this analysis: the same bytes the CLI prints.
    pub fn export_json(&self) -> String {
        export::to_json(&self.text, &self.analysis)
    }

    /// The download name: `<title-or-first-words>.marginalia.json`.
    pub fn export_file_name(&self) -> String {
        format!("{}.marginalia.json", export::file_stem(&self.text))
    }
}

/// A shared value compared by identity: props holding one re-render only when a new value was
/// made, without comparing (possibly megabytes of) contents.
#[derive(Debug, Default)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The export of `text`: from `view` when it is the analysis of that text, otherwise from a fresh
/// analysis (the person exported while an analysis was still pending). Returns the file name and
/// the JSON.
pub fn export_for(text: &str, view: &Analysed) -> (String, String) {
    if *view.text == *normalize_input(text) {
        (view.export_file_name(), view.export_json())
    } else {
        let fresh = Analysed::new(text);
        (fresh.export_file_name(), fresh.export_json())
    }
}

/// How a message in the message bar should look and be announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something worked (copied, loaded).
    Info,
    /// Something did not work; nothing was lost.
    Error,
}

/// A message for the person using the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Info or error.
    pub kind: NoticeKind,
    /// The message.
    pub text: String,
}

impl Notice {
    /// An informational message.
    pub fn info(text: impl Into<String>) -> Self {
        Notice {
            kind: NoticeKind::Info,
            text: text.into(),
        }
    }

    /// An error message.
    pub fn error(text: impl Into<String>) -> Self {
        Notice {
            kind: NoticeKind::Error,
            text: text.into(),
        }
    }
}

/// Everything the page holds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppState {
    /// What the editor holds now (may be ahead of [`AppState::view`] while typing).
    pub text: Rc<str>,
    /// The latest analysis shown.
    pub view: Shared<Analysed>,
    /// How long the latest analysis took, in milliseconds, when measured.
    pub millis: Option<f64>,
    /// True while an analysis is scheduled but not shown yet.
    pub pending: bool,
    /// Labels whose highlights are hidden.
    pub hidden: Vec<Label>,
    /// Whether highlights show a small label badge.
    pub badges: bool,
    /// The message bar.
    pub notice: Option<Notice>,
}

impl AppState {
    /// A fresh page: empty text, badges on, every label shown.
    pub fn new() -> Self {
        AppState {
            badges: true,
            ..AppState::default()
        }
    }

    /// True when `label`'s highlights are shown.
    pub fn is_shown(&self, label: Label) -> bool {
        !self.hidden.contains(&label)
    }

    /// True when every label of `layer` is shown.
    pub fn is_layer_shown(&self, layer: Layer) -> bool {
        Label::ALL
            .iter()
            .filter(|l| l.layer() == layer)
            .all(|&l| self.is_shown(l))
    }
}

/// What can happen to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The editor's text changed (typing, paste, file load). The analysis follows separately.
    Edit(Rc<str>),
    /// An analysis finished: show it, with how long it took.
    Show(Shared<Analysed>, Option<f64>),
    /// The text is too large to analyse: keep it, say so.
    TooLarge(usize),
    /// Show or hide one label.
    ToggleLabel(Label),
    /// Show or hide a whole layer (all shown → all hidden, otherwise all shown).
    ToggleLayer(Layer),
    /// Show or hide label badges.
    ToggleBadges,
    /// Set or clear the message bar.
    Notify(Option<Notice>),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(text) => {
                if text == self.text {
                    return self;
                }
                next.pending = true;
                next.text = text;
            }
            Action::Show(view, millis) => {
                // A late result for an older text is dropped; the newer one is on its way.
                if *view.text != *normalize_input(&self.text) {
                    return self;
                }
                if next
                    .notice
                    .as_ref()
                    .is_some_and(|n| n.text.starts_with("This text is"))
                {
                    next.notice = None;
                }
                next.pending = false;
                next.view = view;
                next.millis = millis;
            }
            Action::TooLarge(bytes) => {
                next.pending = false;
                next.notice = Some(Notice::error(format!(
                    "This text is {:.1} MB; Marginalia analyses up to {} MB at a time. Your text \
                     is kept in the editor: split it into parts to analyse it.",
                    bytes as f64 / 1_048_576.0,
                    MAX_ANALYSED_BYTES / 1_048_576
                )));
            }
            Action::ToggleLabel(label) => {
                if let Some(i) = next.hidden.iter().position(|&l| l == label) {
                    next.hidden.remove(i);
                } else {
                    next.hidden.push(label);
                }
            }
            Action::ToggleLayer(layer) => {
                let show = !self.is_layer_shown(layer);
                next.hidden.retain(|l| l.layer() != layer);
                if !show {
                    next.hidden
                        .extend(Label::ALL.iter().filter(|l| l.layer() == layer));
                }
            }
            Action::ToggleBadges => next.badges = !next.badges,
            Action::Notify(notice) => next.notice = notice,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: Rc<AppState>, action: Action) -> Rc<AppState> {
        state.reduce(action)
    }

    #[test]
    fn edit_then_show_updates_the_view() {
        let s = Rc::new(AppState::new());
        let s = reduce(s, Action::Edit(Rc::from("Spotify paid $6bn.")));
        assert!(s.pending);
        let view = Shared::new(Analysed::new(&s.text));
        let s = reduce(s, Action::Show(view, Some(1.0)));
        assert!(!s.pending);
        assert!(s.view.summary.count(Label::Money) == 1);
        assert!(s.view.markup.contains("data-label=\"MONEY\""));
    }

    #[test]
    fn stale_analysis_is_dropped() {
        let s = Rc::new(AppState::new());
        let s = reduce(s, Action::Edit(Rc::from("new text")));
        let stale = Shared::new(Analysed::new("old text"));
        let after = reduce(s.clone(), Action::Show(stale, None));
        assert!(Rc::ptr_eq(&s, &after));
    }

    #[test]
    fn toggles() {
        let s = Rc::new(AppState::new());
        let s = reduce(s, Action::ToggleLabel(Label::Per));
        assert!(!s.is_shown(Label::Per));
        assert!(!s.is_layer_shown(Layer::Entity));
        let s = reduce(s, Action::ToggleLayer(Layer::Entity));
        assert!(s.is_layer_shown(Layer::Entity));
        let s = reduce(s, Action::ToggleLayer(Layer::Entity));
        assert!(!s.is_shown(Label::Org) && !s.is_shown(Label::Per));
        assert!(s.is_shown(Label::Money));
    }

    #[test]
    fn export_is_the_cli_bytes_after_normalising() {
        let view = Analysed::new("\u{FEFF}Spotify paid $6bn.\r\n");
        assert_eq!(
            view.export_json(),
            export::to_json("Spotify paid $6bn.\n", &analyze("Spotify paid $6bn.\n"))
        );
    }
}
