//! Word lists of the quote layer: reporting verbs (cues), pronouns, determiners.

/// True when `byte` may start a quote mark: `"`, `'` or the lead byte of `«`/`»` (0xC2) or of
/// the marks in U+2018..U+203A (0xE2). A token starting otherwise needs no closer look.
pub(super) fn may_start_quote_mark(byte: u8) -> bool {
    matches!(byte, b'"' | b'\'' | 0xC2 | 0xE2)
}

/// Reporting verbs that introduce a quotation, in lower case.
fn is_cue_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "say"
            | "saying"
            | "added"
            | "adds"
            | "adding"
            | "told"
            | "tells"
            | "telling"
            | "asked"
            | "asks"
            | "replied"
            | "replies"
            | "wrote"
            | "writes"
            | "writing"
            | "warned"
            | "warns"
            | "warning"
            | "insisted"
            | "insists"
            | "explained"
            | "explains"
            | "argued"
            | "argues"
            | "arguing"
            | "claimed"
            | "claims"
            | "stated"
            | "states"
            | "noted"
            | "notes"
            | "noting"
            | "continued"
            | "continues"
            | "recalled"
            | "recalls"
            | "declared"
            | "declares"
            | "announced"
            | "admitted"
            | "admits"
            | "acknowledged"
            | "conceded"
            | "concedes"
            | "suggested"
            | "suggests"
            | "predicted"
            | "tweeted"
            | "tweets"
            | "posted"
            | "shouted"
            | "urged"
            | "stressed"
            | "concluded"
            | "commented"
            | "responded"
            | "responds"
            | "remarked"
            | "observed"
            | "maintained"
            | "complained"
            | "joked"
            | "quipped"
            | "called"
            | "calling"
            | "calls"
            | "described"
            | "describing"
            | "dubbed"
            | "labelled"
            | "labeled"
            | "testified"
            | "confirmed"
            | "vowed"
            | "promised"
            | "pledged"
            | "boasted"
            | "cautioned"
            | "countered"
            | "exclaimed"
            | "whispered"
            | "yelled"
            | "screamed"
            | "lamented"
            | "agreed"
            | "retorted"
            | "snapped"
            | "repeated"
            | "reiterated"
            | "emphasized"
            | "emphasised"
            | "reported"
            | "reports"
            | "charged"
            | "alleged"
            | "demanded"
            | "asserted"
            | "predicts"
            | "criticized"
            | "criticised"
            | "praised"
            | "lauded"
            | "likened"
            | "cited"
            | "dismissed"
            | "denounced"
            | "condemned"
            | "decried"
            | "touted"
            | "branded"
            | "characterized"
            | "characterised"
            | "hailed"
            | "recounted"
            | "questioned"
            | "ruled"
            | "insisting"
            | "claiming"
            | "suggesting"
            | "stressing"
            | "announcing"
            | "promising"
            | "vowing"
            | "tweeting"
            | "explaining"
            | "recalling"
            | "accused"
            | "blasted"
            | "slammed"
            | "mocked"
            | "chanted"
            | "read"
            | "reads"
            | "answered"
            | "answers"
            | "assured"
            | "echoed"
            | "proclaimed"
            | "wondered"
            | "mused"
            | "elaborated"
            | "fumed"
            | "declaring"
            | "surmised"
    )
}

/// Naming verbs: a one-word quote shortly after them is someone's word, not a scare quote
/// (`called the deal “disgraceful”`).
const NAMING: &[&str] = &[
    "called",
    "calling",
    "calls",
    "described",
    "describing",
    "dubbed",
    "labelled",
    "labeled",
];

/// Participles: the subject is usually the main clause's (`..., adding: “…”`).
const PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "telling",
    "writing",
    "warning",
    "arguing",
    "noting",
    "calling",
    "describing",
];

/// Number of words in the cue starting with `first`, given the next word `second`: 0 when
/// `first` starts no cue. Cues are matched in lower case.
pub(super) fn cue_words(first: &str, second: &str) -> usize {
    // Sentence-initial `According to`; other cues are lower case.
    let first = if first == "According" {
        "according"
    } else {
        first
    };
    match (first, second) {
        ("according", "to") => 2,
        ("pointed", "out") => 2,
        ("points", "out") => 2,
        ("went", "on") => 2,
        ("put", "it") => 2,
        ("puts", "it") => 2,
        ("goes", "on") => 2,
        _ if is_cue_verb(first) => 1,
        _ => 0,
    }
}

/// Nouns for what someone said, after its owner: `Trump’s claim that…`, `his pledge to…`.
pub(super) fn is_speech_noun(word: &str) -> bool {
    matches!(
        word,
        "claim"
            | "claims"
            | "assertion"
            | "statement"
            | "remark"
            | "remarks"
            | "comment"
            | "comments"
            | "words"
            | "promise"
            | "pledge"
            | "vow"
            | "slogan"
            | "answer"
            | "question"
            | "view"
            | "conclusion"
            | "description"
            | "warning"
            | "message"
            | "argument"
            | "response"
            | "rhetoric"
            | "accusation"
            | "charge"
            | "insistence"
            | "suggestion"
            | "boast"
            | "catchphrase"
            | "phrase"
    )
}

/// True for a naming verb (`called`, `described`...).
pub(super) fn is_naming(word: &str) -> bool {
    NAMING.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// True for a participle cue (`adding`, `saying`, `claiming`: any cue ending in `-ing` but
/// `according`).
pub(super) fn is_participle(word: &str) -> bool {
    PARTICIPLES.iter().any(|w| w.eq_ignore_ascii_case(word))
        || (word.ends_with("ing") && word != "according" && is_cue_verb(word))
}

/// Whom a pronoun can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pronoun {
    /// `he`, `she`: the last named person.
    Person,
    /// `it`: the last named organisation.
    Thing,
    /// `they`, `we`, `I`, `you`: not resolved, the pronoun itself is the speaker.
    Other,
}

/// The kind of a personal pronoun, or `None` for any other word.
pub(super) fn pronoun(word: &str) -> Option<Pronoun> {
    if !may_be_short_before_apostrophe(word, 4) {
        return None;
    }
    // `He’s`, `She'd`: the pronoun before the contraction.
    let word = word.split(['’', '\'']).next().unwrap_or(word);
    const PERSON: &[&str] = &["he", "she"];
    const OTHER: &[&str] = &["they", "we", "i", "you"];
    if PERSON.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        Some(Pronoun::Person)
    } else if word.eq_ignore_ascii_case("it") {
        Some(Pronoun::Thing)
    } else if OTHER.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        Some(Pronoun::Other)
    } else {
        None
    }
}

/// False when `word` neither has at most `max` bytes nor an apostrophe (`’` or `'`) within
/// its first `max + 1` bytes: then the part before its first apostrophe is longer than `max`.
pub(super) fn may_be_short_before_apostrophe(word: &str, max: usize) -> bool {
    let head = word.as_bytes().get(..=max).unwrap_or(word.as_bytes());
    word.len() <= max || head.iter().any(|&b| b == b'\'' || b == 0xE2)
}

/// Determiners that start a speaker noun phrase (`the company`, `a spokesman`).
pub(super) fn is_determiner(word: &str) -> bool {
    const DET: &[&str] = &[
        "the", "a", "an", "his", "her", "its", "their", "our", "my", "another", "some", "many",
        "several", "one", "two", "three", "both", "other",
    ];
    DET.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Head nouns of a phrase naming an organisation, resolved to the last ORG mention
/// (`the company said`).
pub(super) fn is_org_noun(word: &str) -> bool {
    const ORG: &[&str] = &[
        "company",
        "firm",
        "group",
        "organisation",
        "organization",
        "business",
        "label",
        "service",
        "platform",
        "agency",
        "union",
        "party",
        "campaign",
        "government",
        "ministry",
        "department",
        "club",
        "charity",
        "bank",
        "council",
        "network",
        "studio",
        "startup",
        "retailer",
        "streamer",
        "broadcaster",
        "regulator",
    ];
    ORG.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Capitalised words that do not start a name (sentence-initial function words, pronouns).
pub(super) fn is_not_name(word: &str) -> bool {
    const NOT: &[&str] = &[
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "But",
        "And",
        "Or",
        "So",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "This",
        "That",
        "These",
        "Those",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "My",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "As",
        "For",
        "With",
        "Yet",
        "Asked",
        "Speaking",
        "According",
        "However",
        "Meanwhile",
        "Still",
        "Then",
        "There",
        "Here",
        "What",
        "Why",
        "How",
        "Who",
        "Not",
        "No",
        "Yes",
        "Said",
        "Says",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "First",
        "Second",
        "Third",
        "Instead",
        "Following",
        "Also",
        "Now",
        "Last",
        "Next",
        "Later",
        "Earlier",
        "Today",
        "Yesterday",
        "During",
        "Since",
        "Until",
        "Despite",
        "Although",
        "Because",
        "Even",
        "Like",
        "Unlike",
        "Among",
        "From",
        "By",
        "To",
        "Of",
        "Both",
        "Each",
        "Every",
        "All",
        "Some",
        "Many",
        "Most",
        "Other",
        "Such",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NOT.contains(&word)
}

/// Lower-case words allowed between the capitalised words of a name (`Bank of England`).
pub(super) fn is_name_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "de" | "van" | "von" | "der" | "da" | "al" | "bin" | "del" | "la" | "le" | "du"
    )
}

/// Elided words after a word-initial apostrophe (`'em`, `'til`, `'n'`): the mark is not an
/// opening quote.
pub(super) fn is_elision(word: &str) -> bool {
    const EL: &[&str] = &[
        "em", "til", "cause", "n", "tis", "twas", "bout", "cos", "cuz", "round", "ere", "til",
    ];
    EL.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_through_the_length_filter() {
        for (word, expected) in [
            ("he", Some(Pronoun::Person)),
            ("She’s", Some(Pronoun::Person)),
            ("SHE'd", Some(Pronoun::Person)),
            ("It", Some(Pronoun::Thing)),
            ("They’ve", Some(Pronoun::Other)),
            ("they", Some(Pronoun::Other)),
            ("theyx", None),
            ("Theresa", None),
            ("hers", None),
            ("i", Some(Pronoun::Other)),
            ("I’m", Some(Pronoun::Other)),
            ("", None),
            ("’", None),
        ] {
            assert_eq!(pronoun(word), expected, "{word}");
            let reference = word.split(['’', '\'']).next().unwrap_or(word);
            assert_eq!(
                pronoun(word).is_some(),
                ["he", "she", "it", "they", "we", "i", "you"]
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(reference)),
                "{word}"
            );
        }
        for word in ["she", "He’s", "Hello", "Shelley", "he'", "hé"] {
            let reference = word.split(['’', '\'']).next().unwrap_or(word);
            let expected = ["she", "he"]
                .iter()
                .any(|p| p.eq_ignore_ascii_case(reference));
            assert_eq!(
                super::super::gender::of_pronoun(word).is_some(),
                expected,
                "{word}"
            );
        }
    }
}
