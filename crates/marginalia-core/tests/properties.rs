//! Property tests (proptest): on news-like text and on arbitrary strings the engine never
//! panics; every span lies inside the text on character boundaries, sorted and non-overlapping
//! within its layer; code-point and UTF-16 offsets name the same text; and export → import →
//! export gives back the same bytes. The importer never panics on arbitrary or mangled input.
//!
//! Case counts are modest so `cargo test` stays fast; raise them with `PROPTEST_CASES=10000`.

mod common;

use common::invariants::{check_import_bytes, check_round_trip, check_text};
use proptest::prelude::*;

/// Pieces of news copy: words, names, organisations, places, numbers in many shapes, quotes of
/// every kind, emoji, combining marks, right-to-left script, odd whitespace.
fn piece() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "the",
        "a",
        "said",
        "told",
        "according to",
        "announced",
        "on",
        "in",
        "of",
        "and",
        "Mr",
        "Ms",
        "Dr",
        "Angela Merkel",
        "Daniel Ek",
        "Ed Newton-Rex",
        "Spotify",
        "Acme Ltd",
        "the United Nations",
        "London",
        "Berlin",
        "New York",
        "São Paulo",
        "Zoë Ünal",
        "$6bn",
        "£4,500",
        "€1.2m",
        "99.6%",
        "12 per cent",
        "86m",
        "3 May 2024",
        "18 March",
        "1979",
        "the 1990s",
        "11th",
        "second",
        "1,000,000",
        "-3.5",
        "½",
        "3/4",
        "10km",
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "«",
        "»",
        "„",
        "—",
        "–",
        "-",
        "…",
        ".",
        ",",
        ":",
        ";",
        "?",
        "!",
        "(",
        ")",
        "😀",
        "👩‍🔬",
        "🇬🇧",
        "e\u{301}",
        "a\u{308}\u{332}",
        "\u{200d}",
        "\u{feff}",
        "مرحبا",
        "قال",
        "١٢٣",
        "שלום",
        "\u{200f}",
        "\u{202e}",
        "日本",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        "  ",
        "\u{a0}",
        "\u{2028}",
    ])
    .prop_map(str::to_string);
    prop_oneof![
        6 => fixed,
        2 => "[A-Z][a-z]{1,9}",
        2 => "[a-z]{1,10}",
        2 => "[0-9]{1,7}([.,][0-9]{1,3})?",
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

/// News-like text: pieces joined, mostly with spaces.
fn news() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (piece(), prop::sample::select(vec![" ", " ", " ", "", "\n"])),
        0..80,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(p, sep)| [p, sep.to_string()])
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(192)
    ))]

    #[test]
    fn news_like_text_keeps_every_promise(text in news()) {
        let json = check_text(&text);
        check_round_trip(&text, &json);
    }

    #[test]
    fn arbitrary_strings_keep_every_promise(text in any::<String>()) {
        let json = check_text(&text);
        check_round_trip(&text, &json);
    }

    #[test]
    fn lossy_bytes_keep_every_promise(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let json = check_text(&text);
        check_round_trip(&text, &json);
    }

    #[test]
    fn importer_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_import_bytes(&bytes);
    }

    /// A real export, cut short or with one byte changed, or several documents as JSON Lines:
    /// the importer either accepts it (and it round-trips) or refuses it, never panics.
    #[test]
    fn importer_never_panics_on_mangled_exports(
        text in news(),
        cut in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        mode in 0u8..4,
    ) {
        let json = check_text(&text);
        let mut bytes = json.clone().into_bytes();
        match mode {
            0 => bytes.truncate(cut.index(bytes.len() + 1)),
            1 => {
                let i = at.index(bytes.len());
                bytes[i] = byte;
            }
            2 => {
                let line = marginalia_core::export::to_json_line(&text, &marginalia_core::analyze(&text));
                bytes = format!("{line}\n\n{line}\n").into_bytes();
            }
            _ => bytes = format!("[{json},{json}]").into_bytes(),
        }
        check_import_bytes(&bytes);
    }
}
