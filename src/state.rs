//! The page's state: the text being edited, its latest analysis, which labels are shown, and the
//! message bar. Pure Rust (no `web_sys`): the reducer calls the engine, components render it.

use crate::library::{Library, StoredDoc};
use marginalia_core::{
    analyze,
    corrections::{merge, rebase, Corrections},
    export::{self, Source},
    markup::{self, Block, Mark},
    numbers,
    summary::Summary,
    text::{normalize_input, TextIndex},
    Analysis, Annotation, Label, Layer, QuoteInfo, QuoteKind, Span,
};
use std::rc::Rc;
use yew::prelude::*;

/// The largest text the page analyses, in bytes. Larger texts stay in the editor, unanalysed,
/// with a message.
pub const MAX_ANALYSED_BYTES: usize = 20 * 1024 * 1024;

/// How many corrections can be undone.
pub const UNDO_LIMIT: usize = 200;

/// A text, the engine's analysis of it, the person's corrections laid over it, and everything the
/// page shows for the result.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysed {
    /// The analysed text (normalised as the CLI normalises it).
    pub text: Rc<str>,
    /// The engine's result (shared between corrected versions).
    pub analysis: Rc<Analysis>,
    /// The annotations shown and exported: the analysis merged with the corrections, each layer
    /// in text order, layers in export order (so the n-th item has the n-th export id).
    pub items: Vec<(Annotation, Source)>,
    /// One mark per item, with its export id.
    pub marks: Vec<Mark>,
    /// The highlighted article markup, in blocks of a few paragraphs (rendered progressively,
    /// and re-rendered only where they change).
    pub blocks: Rc<[Block]>,
    /// Counts and side lists.
    pub summary: Summary,
}

impl Analysed {
    /// Analyses `text` (after [`normalize_input`], exactly as the CLI does), without corrections.
    pub fn new(text: &str) -> Self {
        let text: Rc<str> = Rc::from(normalize_input(text).as_ref());
        let analysis = analyze(&text);
        Analysed::of(text, analysis)
    }

    /// The view of `analysis`, the engine's result for `text` (already normalised), made
    /// elsewhere (in the analysis worker), without corrections.
    pub fn of(text: Rc<str>, analysis: Analysis) -> Self {
        Analysed::build(text, Rc::new(analysis), &Corrections::default())
    }

    /// The same text and analysis with `corrections` laid over it.
    pub fn corrected(&self, corrections: &Corrections) -> Self {
        Analysed::build(self.text.clone(), self.analysis.clone(), corrections)
    }

    fn build(text: Rc<str>, analysis: Rc<Analysis>, corrections: &Corrections) -> Self {
        let mut items = merge(&text, &analysis, corrections);
        items.sort_by_key(|(a, _)| (a.layer(), a.span.start, a.span.end));
        let marks = markup::marks_of(&text, items.iter().map(|(a, s)| (a, *s)));
        let blocks = Rc::from(markup::blocks_html(&text, &marks));
        let summary = Summary::of(&text, items.iter().map(|(a, _)| a));
        Analysed {
            text,
            analysis,
            items,
            marks,
            blocks,
            summary,
        }
    }

    /// The item with export id `id`, with its source.
    pub fn item(&self, id: &str) -> Option<&(Annotation, Source)> {
        let index = self.marks.iter().position(|m| m.id == id)?;
        self.items.get(index)
    }

    /// The `marginalia/annotations@1` export: without corrections, the same bytes the CLI prints.
    pub fn export_json(&self) -> String {
        export::to_string(&export::build(
            &self.text,
            self.items.iter().map(|(a, s)| (a, *s)),
        ))
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
/// analysis with the same corrections (the person exported while an analysis was still pending).
/// Returns the file name and the JSON.
pub fn export_for(text: &str, view: &Analysed, corrections: &Corrections) -> (String, String) {
    if *view.text == *normalize_input(text) {
        (view.export_file_name(), view.export_json())
    } else {
        let fresh = Analysed::new(text).corrected(corrections);
        (fresh.export_file_name(), fresh.export_json())
    }
}

/// The label a key gives a selection or a highlight: `P` `O` `L` `M` for the entity labels, `N`
/// for a count, `Q` for a quotation, and `1`–`9`, `0` for the labels in the legend's order
/// (person … date, ordinal).
///
/// ```
/// use marginalia_web::state::shortcut_label;
/// use marginalia_core::Label;
/// assert_eq!(shortcut_label("o"), Some(Label::Org));
/// assert_eq!(shortcut_label("5"), Some(Label::Money));
/// ```
pub fn shortcut_label(key: &str) -> Option<Label> {
    Some(match key {
        "p" | "P" | "1" => Label::Per,
        "o" | "O" | "2" => Label::Org,
        "l" | "L" | "3" => Label::Loc,
        "m" | "M" | "4" => Label::Misc,
        "5" => Label::Money,
        "6" => Label::Percent,
        "n" | "N" | "7" => Label::Cardinal,
        "8" => Label::Quantity,
        "9" => Label::Date,
        "0" => Label::Ordinal,
        "q" | "Q" => Label::Quote,
        _ => return None,
    })
}

/// The key shown for `label` in menus (see [`shortcut_label`]).
pub fn shortcut_hint(label: Label) -> &'static str {
    match label {
        Label::Per => "P",
        Label::Org => "O",
        Label::Loc => "L",
        Label::Misc => "M",
        Label::Money => "5",
        Label::Percent => "6",
        Label::Cardinal => "N",
        Label::Quantity => "8",
        Label::Date => "9",
        Label::Ordinal => "0",
        Label::Quote => "Q",
    }
}

/// A change a person makes to the annotations.
#[derive(Debug, Clone, PartialEq)]
pub enum Correction {
    /// Adds a span with a label over the bytes given (trimmed of surrounding white space).
    Add(Span, Label),
    /// Deletes the annotation with this export id.
    Delete(AttrValue),
    /// Gives the annotation with this export id another label.
    Relabel(AttrValue, Label),
    /// Sets the speaker of the quote with this export id to the bytes given.
    SetSpeaker(AttrValue, Span),
    /// Clears the speaker of the quote with this export id.
    ClearSpeaker(AttrValue),
}

/// `span` without white space at either end, or `None` when nothing is left.
pub fn trimmed(text: &str, span: Span) -> Option<Span> {
    let inner = text.get(span.start..span.end)?;
    let start = span.start + (inner.len() - inner.trim_start().len());
    let end = span.end - (inner.len() - inner.trim_end().len());
    (start < end).then(|| Span::new(start, end))
}

/// A new manual annotation with `label` over `span`. A number gets the value and unit the engine
/// reads in the words alone, when it reads exactly them; a quote is speech without a speaker.
pub fn new_annotation(text: &str, span: Span, label: Label) -> Annotation {
    let mut a = Annotation::new(span, label);
    match label.layer() {
        Layer::Number => {
            let words = span.slice(text);
            let found = numbers::recognize(&TextIndex::new(words));
            if let [only] = found.as_slice() {
                if only.span.start == 0 && only.span.end == words.len() {
                    a.value = only.value.clone();
                    a.unit = only.unit.clone();
                }
            }
        }
        Layer::Quote => {
            a.quote = Some(QuoteInfo {
                kind: QuoteKind::Speech,
                speaker: None,
                cue: None,
            });
        }
        Layer::Entity => {}
    }
    a
}

/// Applies one correction to `corrections`, given what is shown now. Returns a message when the
/// correction cannot apply (its highlight is gone).
pub fn apply(
    view: &Analysed,
    corrections: &mut Corrections,
    correction: &Correction,
) -> Result<(), String> {
    let find = |id: &AttrValue| {
        view.item(id)
            .cloned()
            .ok_or_else(|| "That highlight is no longer there.".to_string())
    };
    match correction {
        Correction::Add(span, label) => {
            let span = trimmed(&view.text, *span)
                .filter(|s| s.is_valid_in(&view.text))
                .ok_or_else(|| "Select some words first.".to_string())?;
            corrections.add(new_annotation(&view.text, span, *label));
        }
        Correction::Delete(id) => {
            let (a, source) = find(id)?;
            corrections.delete(a.layer(), a.span, source);
        }
        Correction::Relabel(id, label) => {
            let (a, source) = find(id)?;
            if a.label == *label {
                return Ok(());
            }
            let mut new = new_annotation(&view.text, a.span, *label);
            if a.layer() == label.layer() {
                new.quote = a.quote.clone();
            }
            corrections.replace(&a, source, new);
        }
        Correction::SetSpeaker(id, speaker) => {
            let (a, source) = find(id)?;
            if a.layer() != Layer::Quote || !speaker.is_valid_in(&view.text) {
                return Err("Only a quotation has a speaker.".to_string());
            }
            let mut new = a.clone();
            let info = new.quote.get_or_insert(QuoteInfo {
                kind: QuoteKind::Speech,
                speaker: None,
                cue: None,
            });
            info.kind = QuoteKind::Speech;
            info.speaker = Some(*speaker);
            corrections.replace(&a, source, new);
        }
        Correction::ClearSpeaker(id) => {
            let (a, source) = find(id)?;
            let mut new = a.clone();
            if let Some(info) = new.quote.as_mut() {
                info.speaker = None;
                info.cue = None;
            }
            corrections.replace(&a, source, new);
        }
    }
    Ok(())
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
    /// A button offered with the message ("Undo" after deleting a document).
    pub action: Option<NoticeAction>,
}

/// What a message's button does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeAction {
    /// Brings back the document just deleted.
    UndoDelete,
}

impl NoticeAction {
    /// The button's text.
    pub fn label(self) -> &'static str {
        match self {
            NoticeAction::UndoDelete => "Undo",
        }
    }
}

impl Notice {
    /// An informational message.
    pub fn info(text: impl Into<String>) -> Self {
        Notice {
            kind: NoticeKind::Info,
            text: text.into(),
            action: None,
        }
    }

    /// An error message.
    pub fn error(text: impl Into<String>) -> Self {
        Notice {
            kind: NoticeKind::Error,
            text: text.into(),
            action: None,
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
    /// The person's corrections to the current text.
    pub corrections: Corrections,
    /// Earlier corrections, most recent last (Ctrl+Z).
    pub undo: Vec<Corrections>,
    /// Undone corrections, most recent last (Ctrl+Shift+Z).
    pub redo: Vec<Corrections>,
    /// The id of the open document.
    pub doc_id: String,
    /// Every document kept in the browser.
    pub library: Library,
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
    /// The editor's text changed (typing, paste, file load). The analysis follows separately;
    /// corrections move with their words at once.
    Edit(Rc<str>),
    /// An analysis finished: show it (with the corrections), with how long it took.
    Show(Shared<Analysed>, Option<f64>),
    /// The text is too large to analyse: keep it, say so.
    TooLarge(usize),
    /// A person corrected the annotations.
    Correct(Correction),
    /// Takes back the last correction.
    Undo,
    /// Makes the last undone correction again.
    Redo,
    /// Show or hide one label.
    ToggleLabel(Label),
    /// Show or hide a whole layer (all shown → all hidden, otherwise all shown).
    ToggleLayer(Layer),
    /// Show or hide label badges.
    ToggleBadges,
    /// Set or clear the message bar.
    Notify(Option<Notice>),
    /// Opens a document (a saved one, or a new empty one): its text, corrections and history.
    /// The analysis follows separately.
    Open(String, Rc<StoredDoc>),
    /// The list of documents changed (saved, renamed, deleted).
    SetLibrary(Library),
}

impl AppState {
    /// Shows `corrections` over the current analysis.
    fn show_corrections(&mut self) {
        self.view = Shared::new(self.view.corrected(&self.corrections));
    }

    /// What the browser keeps of the open document.
    pub fn stored_doc(&self, scroll: f64) -> StoredDoc {
        StoredDoc {
            text: self.text.to_string(),
            corrections: self.corrections.clone(),
            undo: self.undo.clone(),
            redo: self.redo.clone(),
            scroll,
        }
    }

    /// True when the analysis shown is of the editor's current text, so corrections made on it
    /// refer to the right words.
    pub fn is_current(&self) -> bool {
        !self.pending && self.view.text == self.text
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(text) => {
                let text: Rc<str> = match normalize_input(&text) {
                    std::borrow::Cow::Borrowed(_) => text,
                    std::borrow::Cow::Owned(s) => Rc::from(s),
                };
                if text == self.text {
                    return self;
                }
                if !self.corrections.is_empty() {
                    let moved = rebase(&self.text, &text, &self.corrections);
                    if !moved.dropped.is_empty() {
                        let n = moved.dropped.len();
                        next.notice = Some(Notice::info(format!(
                            "{n} correction{} removed: the edit changed {} words.",
                            if n == 1 { " was" } else { "s were" },
                            if n == 1 { "its" } else { "their" }
                        )));
                    }
                    next.corrections = moved.corrections;
                    let rebase_all = |stack: &[Corrections]| -> Vec<Corrections> {
                        stack
                            .iter()
                            .map(|c| rebase(&self.text, &text, c).corrections)
                            .collect()
                    };
                    next.undo = rebase_all(&self.undo);
                    next.redo = rebase_all(&self.redo);
                }
                next.pending = true;
                next.text = text;
            }
            Action::Show(view, millis) => {
                // A late result for an older text is dropped; the newer one is on its way.
                if view.text != self.text {
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
                if !next.corrections.is_empty() {
                    next.show_corrections();
                }
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
            Action::Correct(correction) => {
                if !self.is_current() {
                    next.notice = Some(Notice::info(
                        "The analysis is catching up with your typing: try again in a moment.",
                    ));
                    return Rc::new(next);
                }
                let before = self.corrections.clone();
                if let Err(message) = apply(&self.view, &mut next.corrections, &correction) {
                    next.notice = Some(Notice::error(message));
                    return Rc::new(next);
                }
                if next.corrections == before {
                    return self;
                }
                next.undo.push(before);
                if next.undo.len() > UNDO_LIMIT {
                    next.undo.remove(0);
                }
                next.redo.clear();
                next.show_corrections();
            }
            Action::Undo => {
                let Some(previous) = next.undo.pop() else {
                    return self;
                };
                let current = std::mem::replace(&mut next.corrections, previous);
                next.redo.push(current);
                next.show_corrections();
            }
            Action::Redo => {
                let Some(again) = next.redo.pop() else {
                    return self;
                };
                let current = std::mem::replace(&mut next.corrections, again);
                next.undo.push(current);
                next.show_corrections();
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
            Action::Open(id, doc) => {
                next.doc_id = id;
                next.text = Rc::from(normalize_input(&doc.text).as_ref());
                next.corrections = doc.corrections.clone();
                next.undo = doc.undo.clone();
                next.redo = doc.redo.clone();
                next.view = Shared::default();
                next.pending = !next.text.is_empty();
                next.millis = None;
            }
            Action::SetLibrary(library) => next.library = library,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A state showing the analysis of `text`.
    fn shown(text: &str) -> Rc<AppState> {
        let s = Rc::new(AppState::new()).reduce(Action::Edit(Rc::from(text)));
        let view = Shared::new(Analysed::new(&s.text));
        s.reduce(Action::Show(view, None))
    }

    fn id_of(s: &AppState, label: Label, words: &str) -> AttrValue {
        let text = s.view.text.clone();
        s.view
            .marks
            .iter()
            .find(|m| m.label == label && m.span.slice(&text) == words)
            .map(|m| AttrValue::from(m.id.clone()))
            .unwrap_or_default()
    }

    fn labels(s: &AppState) -> Vec<(String, Label, Source)> {
        s.view
            .items
            .iter()
            .map(|(a, src)| (a.span.slice(&s.view.text).to_string(), a.label, *src))
            .collect()
    }

    #[test]
    fn add_relabel_delete_undo_redo() {
        let s = shown("Spotify paid $6bn to Acme Corp.");
        let start = s.text.find("paid").unwrap_or(0);
        let s = s.reduce(Action::Correct(Correction::Add(
            Span::new(start - 1, start + 5),
            Label::Misc,
        )));
        assert!(labels(&s).contains(&("paid".into(), Label::Misc, Source::Manual)));
        let money = id_of(&s, Label::Money, "$6bn");
        let s = s.reduce(Action::Correct(Correction::Relabel(money, Label::Cardinal)));
        let row = labels(&s).into_iter().find(|r| r.0 == "$6bn");
        assert_eq!(row, Some(("$6bn".into(), Label::Cardinal, Source::Manual)));
        let spotify = id_of(&s, Label::Org, "Spotify");
        let s = s.reduce(Action::Correct(Correction::Delete(spotify)));
        assert!(!labels(&s).iter().any(|r| r.0 == "Spotify"));
        // Re-analysis does not bring the deleted span back.
        let again = Shared::new(Analysed::new(&s.text));
        let s = s.reduce(Action::Show(again, None));
        assert!(!labels(&s).iter().any(|r| r.0 == "Spotify"));
        assert_eq!(s.undo.len(), 3);
        let s = s.reduce(Action::Undo);
        assert!(labels(&s).iter().any(|r| r.0 == "Spotify"));
        let s = s.reduce(Action::Redo);
        assert!(!labels(&s).iter().any(|r| r.0 == "Spotify"));
        assert!(s.view.export_json().contains("\"source\": \"manual\""));
    }

    #[test]
    fn manual_number_gets_its_value() {
        let s = shown("They counted two hundred people.");
        let start = s.text.find("two hundred").unwrap_or(0);
        let id = id_of(&s, Label::Cardinal, "two hundred");
        let s = s.reduce(Action::Correct(Correction::Delete(id)));
        let s = s.reduce(Action::Correct(Correction::Add(
            Span::new(start, start + 11),
            Label::Cardinal,
        )));
        let item = s
            .view
            .items
            .iter()
            .find(|(a, _)| a.label == Label::Cardinal);
        assert_eq!(
            item.and_then(|(a, _)| a.value.clone()),
            Some(marginalia_core::Value::Number(200.0))
        );
    }

    #[test]
    fn editing_the_text_moves_or_drops_corrections() {
        let s = shown("Ann met Bob.");
        let s = s.reduce(Action::Correct(Correction::Add(
            Span::new(8, 11),
            Label::Org,
        )));
        let s = s.reduce(Action::Edit(Rc::from("Dear Ann met Bob.")));
        assert_eq!(s.corrections.manual[0].span, Span::new(13, 16));
        let s = s.reduce(Action::Edit(Rc::from("Dear Ann met Robert.")));
        assert!(s.corrections.manual.is_empty());
        assert!(s
            .notice
            .as_ref()
            .is_some_and(|n| n.text.contains("removed")));
    }

    #[test]
    fn corrections_wait_for_a_pending_analysis() {
        let s = shown("Ann met Bob.");
        let s = s.reduce(Action::Edit(Rc::from("Ann met Bob!")));
        let s = s.reduce(Action::Correct(Correction::Add(
            Span::new(0, 3),
            Label::Org,
        )));
        assert!(s.corrections.is_empty());
    }

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
        assert!(s
            .view
            .blocks
            .iter()
            .any(|b| b.html.contains("data-label=\"MONEY\"")));
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
        assert_eq!(&*view.text, "Spotify paid $6bn.\n");
        assert_eq!(
            view.export_json(),
            export::to_json("Spotify paid $6bn.\n", &analyze("Spotify paid $6bn.\n"))
        );
    }
}
