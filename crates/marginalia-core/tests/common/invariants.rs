//! The engine's promises, checked on any input: shared by the property tests
//! (`tests/properties.rs`), the replay of fuzz crash inputs (`tests/fuzz_regressions.rs`) and
//! the fuzz targets themselves (`fuzz/`, which includes this file by path).
//!
//! Every check panics with a message naming the broken promise, so a fuzzer or proptest
//! reports it as a failure with the input that caused it.
#![allow(dead_code)]

use marginalia_core::export::{self, ExportDocument, Source};
use marginalia_core::import::parse_documents;
use marginalia_core::{analyze, Analysis, Layer};

/// Analyses `text`, checks every span invariant and the export, and returns the export JSON.
pub fn check_text(text: &str) -> String {
    let analysis = analyze(text);
    check_analysis(text, &analysis);
    let doc = export::build(text, analysis.iter().map(|a| (a, Source::Auto)));
    assert_eq!(
        doc.annotations.len(),
        analysis.len(),
        "export dropped annotations (a span did not fit the text)"
    );
    check_export(text, &doc);
    export::to_string(&doc)
}

/// Spans lie inside the text on character boundaries, non-empty, sorted and non-overlapping
/// within each layer; each annotation sits in its layer; speakers are valid spans.
pub fn check_analysis(text: &str, analysis: &Analysis) {
    for layer in Layer::ALL {
        let spans = analysis.layer(layer);
        for a in spans {
            assert!(
                a.span.is_valid_in(text),
                "{layer:?} span {:?} is outside the text (len {}) or not on a char boundary",
                a.span,
                text.len()
            );
            assert!(
                a.span.start < a.span.end,
                "{layer:?} span {:?} is empty",
                a.span
            );
            assert_eq!(
                a.layer(),
                layer,
                "{:?} annotation in the {layer:?} layer",
                a.label
            );
            if let Some(speaker) = a.quote.as_ref().and_then(|q| q.speaker) {
                assert!(
                    speaker.is_valid_in(text),
                    "speaker span {speaker:?} is outside the text or not on a char boundary"
                );
            }
            if let Some(marginalia_core::Value::Number(n)) = &a.value {
                assert!(
                    n.is_finite(),
                    "non-finite value {n} for {:?}",
                    a.span.slice(text)
                );
            }
        }
        for pair in spans.windows(2) {
            assert!(
                pair[0].span.start <= pair[1].span.start,
                "{layer:?} spans not sorted: {:?} before {:?}",
                pair[0].span,
                pair[1].span
            );
            assert!(
                pair[0].span.end <= pair[1].span.start,
                "{layer:?} spans overlap: {:?} and {:?}",
                pair[0].span,
                pair[1].span
            );
        }
    }
}

/// Code-point and UTF-16 offsets name the same text, the text field equals it, and the lengths
/// and hash describe the document.
pub fn check_export(text: &str, doc: &ExportDocument) {
    let chars: Vec<char> = text.chars().collect();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(doc.document.text, text);
    assert_eq!(doc.document.length.chars, chars.len());
    assert_eq!(doc.document.length.utf16, utf16.len());
    assert_eq!(doc.document.length.bytes, text.len());
    assert_eq!(doc.document.sha256, export::sha256_hex(text));
    let by_chars = |start: usize, end: usize| -> String {
        assert!(
            start <= end && end <= chars.len(),
            "code-point range {start}..{end} out of text"
        );
        chars[start..end].iter().collect()
    };
    let by_utf16 = |start: usize, end: usize| -> String {
        assert!(
            start <= end && end <= utf16.len(),
            "UTF-16 range {start}..{end} out of text"
        );
        String::from_utf16(&utf16[start..end])
            .unwrap_or_else(|_| panic!("UTF-16 range {start}..{end} splits a surrogate pair"))
    };
    for a in &doc.annotations {
        let cp = by_chars(a.start, a.end);
        let u16 = by_utf16(a.utf16[0], a.utf16[1]);
        assert_eq!(
            cp, a.text,
            "{}: code-point offsets do not name its text",
            a.id
        );
        assert_eq!(u16, a.text, "{}: UTF-16 offsets do not name its text", a.id);
        if let Some(s) = &a.speaker {
            assert_eq!(
                by_chars(s.start, s.end),
                s.text,
                "{}: speaker code points",
                a.id
            );
            assert_eq!(
                by_utf16(s.utf16[0], s.utf16[1]),
                s.text,
                "{}: speaker UTF-16",
                a.id
            );
        }
    }
}

/// Export → import → export gives the same document and the same bytes.
pub fn check_round_trip(text: &str, json: &str) {
    let docs = match parse_documents(json, "roundtrip.json") {
        Ok(docs) => docs,
        Err(e) => panic!("our own export does not import: {e}"),
    };
    assert_eq!(
        docs.len(),
        1,
        "one document exported, {} imported",
        docs.len()
    );
    assert_eq!(docs[0].text, text, "imported text differs");
    let again = export::to_string(&export::build(
        &docs[0].text,
        docs[0].annotations.iter().map(|(a, s)| (a, *s)),
    ));
    assert_eq!(again, json, "export → import → export changed the file");
}

/// Any bytes through the importer: never panics; whatever it accepts exports again and
/// re-imports to the same documents.
pub fn check_import_bytes(bytes: &[u8]) {
    // The name only decides whether several values are read as JSON Lines; try both readings.
    for name in ["fuzz.json", "fuzz.jsonl"] {
        if let Ok(docs) = parse_documents(bytes, name) {
            check_reexport(&docs);
        }
    }
}

fn check_reexport(docs: &[marginalia_core::import::ImportedDocument]) {
    for doc in docs {
        let built = export::build(&doc.text, doc.annotations.iter().map(|(a, s)| (a, *s)));
        assert_eq!(
            built.annotations.len(),
            doc.annotations.len(),
            "an accepted annotation does not fit its text"
        );
        check_export(&doc.text, &built);
        let json = export::to_string(&built);
        let back = match parse_documents(&json, "again.json") {
            Ok(back) => back,
            Err(e) => panic!("re-export of an accepted file does not import: {e}"),
        };
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].text, doc.text);
        let mut a: Vec<_> = doc.annotations.clone();
        let mut b: Vec<_> = back[0].annotations.clone();
        let key =
            |(x, _): &(marginalia_core::Annotation, Source)| (x.layer(), x.span.start, x.span.end);
        a.sort_by_key(key);
        b.sort_by_key(key);
        assert_eq!(a, b, "re-import changed the annotations");
    }
}
