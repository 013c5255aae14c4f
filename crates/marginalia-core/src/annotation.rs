//! What the engine finds: labelled spans in three layers.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// The three annotation layers. Spans never overlap within a layer; they may across layers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    /// Named entities (people, organisations, places, other names).
    Entity,
    /// Numbers, money, percentages, quantities, dates and ordinals.
    Number,
    /// Direct quotations and quoted terms.
    Quote,
}

impl Layer {
    /// All layers, in export order.
    pub const ALL: [Layer; 3] = [Layer::Entity, Layer::Number, Layer::Quote];

    /// The lowercase name used in the export (`"entity"`, `"number"`, `"quote"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Entity => "entity",
            Layer::Number => "number",
            Layer::Quote => "quote",
        }
    }

    /// The prefix of export ids in this layer (`e1`, `n1`, `q1`).
    pub fn id_prefix(self) -> char {
        match self {
            Layer::Entity => 'e',
            Layer::Number => 'n',
            Layer::Quote => 'q',
        }
    }
}

/// The export id of the `ordinal`-th (1-based) annotation of a layer in text order: `e1`, `n4`,
/// `q2`. The export, the page and the lists all name annotations this way.
///
/// ```
/// use marginalia_core::{annotation::annotation_id, Layer};
/// assert_eq!(annotation_id(Layer::Number, 4), "n4");
/// ```
pub fn annotation_id(layer: Layer, ordinal: usize) -> String {
    format!("{}{}", layer.id_prefix(), ordinal)
}

/// A span's label. Each label belongs to exactly one [`Layer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Label {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// An organisation: company, party, agency, team, publication...
    #[serde(rename = "ORG")]
    Org,
    /// A place: country, city, region, landmark...
    #[serde(rename = "LOC")]
    Loc,
    /// Another name: nationality, event, work, law, product...
    #[serde(rename = "MISC")]
    Misc,
    /// A count ("86m", "700 million", "two hundred").
    #[serde(rename = "CARDINAL")]
    Cardinal,
    /// An ordinal ("11th", "third").
    #[serde(rename = "ORDINAL")]
    Ordinal,
    /// A percentage ("99.6%", "12 per cent").
    #[serde(rename = "PERCENT")]
    Percent,
    /// An amount of money ("$6bn", "£4,500").
    #[serde(rename = "MONEY")]
    Money,
    /// A measured quantity with a unit ("5km", "30 tonnes").
    #[serde(rename = "QUANTITY")]
    Quantity,
    /// A date, year or period ("18 March", "1979", "the 1950s").
    #[serde(rename = "DATE")]
    Date,
    /// A quotation.
    #[serde(rename = "QUOTE")]
    Quote,
}

impl Label {
    /// Every label, in the order the legend shows them.
    pub const ALL: [Label; 11] = [
        Label::Per,
        Label::Org,
        Label::Loc,
        Label::Misc,
        Label::Money,
        Label::Percent,
        Label::Cardinal,
        Label::Quantity,
        Label::Date,
        Label::Ordinal,
        Label::Quote,
    ];

    /// The layer this label belongs to.
    pub fn layer(self) -> Layer {
        match self {
            Label::Per | Label::Org | Label::Loc | Label::Misc => Layer::Entity,
            Label::Cardinal
            | Label::Ordinal
            | Label::Percent
            | Label::Money
            | Label::Quantity
            | Label::Date => Layer::Number,
            Label::Quote => Layer::Quote,
        }
    }

    /// The label as written in the export (`"PER"`, `"MONEY"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
            Label::Cardinal => "CARDINAL",
            Label::Ordinal => "ORDINAL",
            Label::Percent => "PERCENT",
            Label::Money => "MONEY",
            Label::Quantity => "QUANTITY",
            Label::Date => "DATE",
            Label::Quote => "QUOTE",
        }
    }

    /// A human name for the legend ("Person", "Money", ...).
    pub fn description(self) -> &'static str {
        match self {
            Label::Per => "Person",
            Label::Org => "Organisation",
            Label::Loc => "Place",
            Label::Misc => "Other name",
            Label::Cardinal => "Count",
            Label::Ordinal => "Ordinal",
            Label::Percent => "Percentage",
            Label::Money => "Money",
            Label::Quantity => "Quantity",
            Label::Date => "Date",
            Label::Quote => "Quotation",
        }
    }
}

/// A normalised value of a number-layer span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// A numeric value: counts, money amounts, percentages, ordinals, quantities.
    /// Integral values within ±2^53 are exported as JSON integers.
    Number(f64),
    /// A date in ISO 8601 reduced-precision / TIMEX3 style: `"1979"`, `"2024-03"`,
    /// `"XXXX-03-18"` (year unknown), `"195"` (the 1950s, a decade).
    Date(String),
}

/// Whether a quotation is someone's words or a quoted term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Someone's words: `“We are committed,” said Spotify`.
    Speech,
    /// A scare quote or quoted term: `shared via “torrents”`.
    Term,
}

impl QuoteKind {
    /// `"speech"` or `"term"`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Speech => "speech",
            QuoteKind::Term => "term",
        }
    }
}

/// What the quote layer knows about a quotation beyond its span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteInfo {
    /// Speech or a quoted term.
    pub kind: QuoteKind,
    /// The span naming who said it, when the text says so. For a pronoun ("He added") this is
    /// the last named person's mention that the pronoun refers to.
    pub speaker: Option<Span>,
    /// The verb or phrase introducing the quote ("said", "told", "according to"), as in the text.
    pub cue: Option<String>,
}

/// One labelled span found by the engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// The covered bytes. For quotes: the quoted words without the quote marks.
    pub span: Span,
    /// The label; its layer is `label.layer()`.
    pub label: Label,
    /// Normalised value (number layer), if one exists.
    pub value: Option<Value>,
    /// Unit of the value: ISO 4217 currency code for money (`"USD"`), `"%"` for percentages,
    /// the unit word for quantities (`"km"`).
    pub unit: Option<String>,
    /// Quote details (quote layer only).
    pub quote: Option<QuoteInfo>,
}

impl Annotation {
    /// A plain annotation with no value, unit or quote details.
    pub fn new(span: Span, label: Label) -> Self {
        Annotation {
            span,
            label,
            value: None,
            unit: None,
            quote: None,
        }
    }

    /// The annotation's layer.
    pub fn layer(&self) -> Layer {
        self.label.layer()
    }
}

/// The engine's result for one text: each layer's spans, sorted by start and non-overlapping.
///
/// Serialisable so that it can cross a thread boundary (the page analyses long texts in a web
/// worker); JSON keeps every value exactly when read back with `serde_json`'s `float_roundtrip`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Entity layer (PER, ORG, LOC, MISC).
    pub entities: Vec<Annotation>,
    /// Number layer (CARDINAL, ORDINAL, PERCENT, MONEY, QUANTITY, DATE).
    pub numbers: Vec<Annotation>,
    /// Quote layer (QUOTE).
    pub quotes: Vec<Annotation>,
}

impl Analysis {
    /// The spans of one layer.
    pub fn layer(&self, layer: Layer) -> &[Annotation] {
        match layer {
            Layer::Entity => &self.entities,
            Layer::Number => &self.numbers,
            Layer::Quote => &self.quotes,
        }
    }

    /// All annotations, layer by layer (entities, numbers, quotes), each layer in text order.
    pub fn iter(&self) -> impl Iterator<Item = &Annotation> {
        self.entities
            .iter()
            .chain(self.numbers.iter())
            .chain(self.quotes.iter())
    }

    /// Total number of annotations.
    pub fn len(&self) -> usize {
        self.entities.len() + self.numbers.len() + self.quotes.len()
    }

    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
