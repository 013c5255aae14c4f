//! Unit tests of the gold readers and the scorer.

#![allow(clippy::unwrap_used)]

use super::score::{score, DocPair, Pred};
use super::*;
use crate::annotation::{Annotation, QuoteInfo};

fn pred(span: (usize, usize), label: &str) -> Pred {
    Pred {
        span: Span::new(span.0, span.1),
        label: label.to_string(),
        kind: None,
        speaker: None,
        cue: None,
        aligned: true,
    }
}

fn gold(span: (usize, usize), label: &str) -> GoldSpan {
    GoldSpan::new(Span::new(span.0, span.1), label)
}

fn slices(doc: &GoldDoc) -> Vec<(&str, &str)> {
    doc.spans
        .iter()
        .map(|g| (g.label.as_str(), g.span.slice(&doc.text)))
        .collect()
}

// ---------------------------------------------------------------- CoNLL

#[test]
fn conll_bio_with_docstart_and_four_columns() {
    let file = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nLONDON NNP B-NP B-LOC\n";
    let set = conll::read("t.conll", file).unwrap();
    assert_eq!(set.docs.len(), 2);
    assert_eq!(set.docs[0].text, "EU rejects German call\nPeter Blackburn");
    assert_eq!(
        slices(&set.docs[0]),
        [
            ("ORG", "EU"),
            ("MISC", "German"),
            ("PER", "Peter Blackburn")
        ]
    );
    assert_eq!(slices(&set.docs[1]), [("LOC", "LONDON")]);
    assert_eq!(set.scheme.as_deref(), Some("IOB2"));
    assert_eq!(set.docs[0].tokens.len(), 6);
    assert_eq!(set.layers, [Layer::Entity]);
}

#[test]
fn conll_iob1_is_detected_and_decoded_like_conlleval() {
    // IOB1: I- starts a chunk; B- only between two adjacent chunks of one type.
    let file = "Peter I-PER\nBlackburn I-PER\nJohn B-PER\nSmith I-PER\nin O\nBonn I-LOC\nnow O\n";
    let set = conll::read("iob1", file).unwrap();
    assert_eq!(set.scheme.as_deref(), Some("IOB1"));
    assert_eq!(
        slices(&set.docs[0]),
        [
            ("PER", "Peter Blackburn"),
            ("PER", "John Smith"),
            ("LOC", "Bonn")
        ]
    );
    // The same entities in BIO give the same spans.
    let bio = "Peter B-PER\nBlackburn I-PER\nJohn B-PER\nSmith I-PER\nin O\nBonn B-LOC\nnow O\n";
    let set2 = conll::read("bio", bio).unwrap();
    assert_eq!(set2.scheme.as_deref(), Some("IOB2"));
    assert_eq!(slices(&set2.docs[0]), slices(&set.docs[0]));
    // A type change inside I- tags starts a new chunk.
    let mixed = conll::read("m", "New I-ORG\nYork I-LOC\n").unwrap();
    assert_eq!(slices(&mixed.docs[0]), [("ORG", "New"), ("LOC", "York")]);
}

#[test]
fn conll_iobes_and_tweets_without_docstart() {
    let file = "RT\tO\n@Nasa\tS-ORG\n\nNew\tB-LOC\nYork\tE-LOC\nrocks\tO\n\n@\tB-PER\nJo\tB-PER\n";
    let set = conll::read("t.tsv", file).unwrap();
    assert_eq!(set.scheme.as_deref(), Some("IOBES"));
    // No document marker: each sentence is a document.
    assert_eq!(set.docs.len(), 3);
    assert_eq!(slices(&set.docs[0]), [("ORG", "@Nasa")]);
    assert_eq!(slices(&set.docs[1]), [("LOC", "New York")]);
    // BTC's split mention: the lone "@" is not an entity of its own.
    assert_eq!(slices(&set.docs[2]), [("PER", "Jo")]);
}

#[test]
fn conll_wnut_labels_are_mapped() {
    let file = "Apple\tB-corporation\nand\tO\nthe\tO\nBeatles\tB-group\nplayed\tO\nYesterday\tB-creative-work\nin\tO\nParis\tB-location\nwith\tO\nJo\tB-person\non\tO\niPhone\tB-product\nfoo\tB-weird\n";
    let set = conll::read("wnut", file).unwrap();
    assert_eq!(
        slices(&set.docs[0]),
        [
            ("ORG", "Apple"),
            ("ORG", "Beatles"),
            ("MISC", "Yesterday"),
            ("LOC", "Paris"),
            ("PER", "Jo"),
            ("MISC", "iPhone"),
            ("WEIRD", "foo"),
        ]
    );
    assert_eq!(conll::map_label("GPE"), "LOC");
}

#[test]
fn conll_number_labels_are_scored_in_the_number_layer() {
    let file =
        "Spotify B-ORG\npaid O\n$ B-MONEY\n6bn I-MONEY\nat O\n3pm B-TIME\non O\nMonday B-DATE\n";
    let set = conll::read("onto", file).unwrap();
    assert_eq!(set.layers, [Layer::Entity, Layer::Number]);
    let fake = |_: &str| Analysis {
        numbers: vec![Annotation::new(Span::new(29, 35), Label::Date)],
        ..Analysis::default()
    };
    let r = evaluate_with(&set, Layer::Number, &fake);
    assert_eq!(
        (r.overall.gold, r.overall.pred, r.overall.correct),
        (3, 1, 1)
    );
    let names: Vec<&str> = r.labels.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(names, ["MONEY", "DATE", "TIME"]);
    let e = evaluate_with(&set, Layer::Entity, &fake);
    assert_eq!(e.overall.gold, 1);
}

#[test]
fn conll_u_like_uner_columns() {
    let file = "# newdoc id = a\n# sent_id = a-1\n# text = in tampa bay\n1\tin\tO\t-\t-\n2\ttampa\tB-LOC\t-\tstephen\n3\tbay\tI-LOC\t-\tstephen\n\n# newdoc id = b\n# text = O Brien\n1\tO\tB-PER\t-\tx\n2\tBrien\tI-PER\t-\tx\n";
    let set = conll::read("uner", file).unwrap();
    assert_eq!(set.docs.len(), 2);
    assert_eq!(set.docs[0].text, "in tampa bay");
    assert_eq!(slices(&set.docs[0]), [("LOC", "tampa bay")]);
    assert_eq!(slices(&set.docs[1]), [("PER", "O Brien")]);
}

#[test]
fn conll_malformed_lines_give_file_and_line() {
    let err = conll::read("bad.conll", "EU B-ORG\nrejects\n").unwrap_err();
    assert_eq!((err.file.as_str(), err.line), ("bad.conll", 2));
    let err = conll::read("bad.conll", "EU B-ORG\n\nrejects VBZ NN\n").unwrap_err();
    assert_eq!(err.line, 3);
    assert!(
        err.to_string().starts_with("bad.conll:3: no tag column"),
        "{err}"
    );
    let err = conll::read("b", "EU X-ORG\n").unwrap_err();
    assert_eq!(err.line, 1);
    // Empty input: no documents, no error.
    assert!(conll::read("e", "").unwrap().docs.is_empty());
}

#[test]
fn conll_predictions_must_sit_on_gold_tokens() {
    let set = conll::read("t", "U.S.-based B-MISC\nfirm O\n").unwrap();
    // The engine may split "U.S.-based"; a span "U.S." is not on the gold tokens.
    let fake = |_: &str| Analysis {
        entities: vec![Annotation::new(Span::new(0, 4), Label::Misc)],
        ..Analysis::default()
    };
    let report = evaluate_with(&set, Layer::Entity, &fake);
    assert_eq!(report.unaligned, 1);
    assert_eq!(report.overall.correct, 0);
    assert!(on_token_boundaries(&set.docs[0].tokens, Span::new(0, 10)));
    assert!(!on_token_boundaries(&set.docs[0].tokens, Span::new(0, 4)));
}

// ---------------------------------------------------------------- scorer

#[test]
fn scorer_exact_boundaries_and_label() {
    let text = "Peter Blackburn met EU officials in Bonn";
    let doc = DocPair {
        text,
        gold: vec![
            gold((0, 15), "PER"),
            gold((20, 22), "ORG"),
            gold((36, 40), "LOC"),
        ],
        pred: vec![
            pred((6, 15), "PER"),  // wrong start
            pred((20, 22), "LOC"), // wrong label: span-only hit
            pred((36, 40), "LOC"), // right
        ],
    };
    let r = score(&[doc], Layer::Entity);
    assert_eq!(
        (r.overall.gold, r.overall.pred, r.overall.correct),
        (3, 3, 1)
    );
    assert!((r.overall.f1 - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(r.span_only.correct, 2);
    let per_label: Vec<(&str, usize, usize, usize)> = r
        .labels
        .iter()
        .map(|l| {
            (
                l.label.as_str(),
                l.score.gold,
                l.score.pred,
                l.score.correct,
            )
        })
        .collect();
    assert_eq!(
        per_label,
        [("PER", 1, 1, 0), ("ORG", 1, 0, 0), ("LOC", 1, 2, 1)]
    );
    assert_eq!(r.labels[1].score.precision, 0.0);
    assert_eq!(r.mismatches.len(), 4);
}

#[test]
fn scorer_counts_each_gold_once_and_handles_empty_sides() {
    let text = "Bonn";
    let dup = DocPair {
        text,
        gold: vec![gold((0, 4), "LOC")],
        pred: vec![pred((0, 4), "LOC"), pred((0, 4), "LOC")],
    };
    let r = score(&[dup], Layer::Entity);
    assert_eq!((r.overall.pred, r.overall.correct), (2, 1));
    assert!((r.overall.precision - 0.5).abs() < 1e-9);
    let empty = score(&[], Layer::Entity);
    assert_eq!((empty.overall.f1, empty.overall.precision), (0.0, 0.0));
    assert!(empty.speaker.is_none());
}

#[test]
fn scorer_speaker_and_kind_accuracy() {
    let text = "“No,” said Ann Lee. “Yes,” he said. A “term” here. “Maybe,” Bob said.";
    let find = |s: &str| {
        let start = text.find(s).unwrap();
        Span::new(start, start + s.len())
    };
    let mut g1 = GoldSpan::new(find("No,"), "QUOTE");
    g1.kind = Some(QuoteKind::Speech);
    g1.speakers = vec![find("Ann Lee")];
    let mut g2 = GoldSpan::new(find("Yes,"), "QUOTE");
    g2.kind = Some(QuoteKind::Speech);
    g2.speakers = vec![find("Ann Lee")];
    let mut g3 = GoldSpan::new(find("term"), "QUOTE");
    g3.kind = Some(QuoteKind::Term);
    let mut g4 = GoldSpan::new(find("Maybe,"), "QUOTE");
    g4.kind = Some(QuoteKind::Speech);
    g4.speakers = vec![find("Bob")];
    g4.cue = Some("Said".into());
    g1.cue = Some("told".into());
    let q = |s: &str, kind, speaker: Option<&str>| Pred {
        span: find(s),
        label: "QUOTE".into(),
        kind: Some(kind),
        speaker: speaker.map(find),
        cue: Some("said".into()),
        aligned: true,
    };
    let doc = DocPair {
        text,
        gold: vec![g1, g2, g3, g4],
        pred: vec![
            q("No,", QuoteKind::Speech, Some("Lee")), // overlaps: right
            q("Yes,", QuoteKind::Speech, Some("he")), // wrong
            q("term", QuoteKind::Speech, None),       // wrong kind
            q("Maybe,", QuoteKind::Speech, None),     // no speaker: wrong
        ],
    };
    let r = score(&[doc], Layer::Quote);
    assert_eq!(r.overall.correct, 4);
    let speaker = r.speaker.unwrap();
    assert_eq!((speaker.total, speaker.correct), (3, 1));
    let kind = r.kind.unwrap();
    assert_eq!((kind.total, kind.correct), (4, 3));
    let cue = r.cue.unwrap();
    assert_eq!((cue.total, cue.correct), (2, 1));
    assert!(score::cue_right("According  to", "according to"));
    assert!(score::cue_right("said", "said Monday:"));
    assert!(score::cue_right("claiming", "’s claiming"));
    assert!(!score::cue_right("said", "told"));
    assert!(!score::cue_right("", "said"));
    assert!(!score::cue_right("said to", "said"));
    // Same text, another mention: right.
    let text2 = "Ann said. “Hi,” Ann said.";
    assert!(score::speaker_right(
        text2,
        &[Span::new(0, 3)],
        Some(Span::new(
            text2.rfind("Ann").unwrap(),
            text2.rfind("Ann").unwrap() + 3
        ))
    ));
    assert!(!score::speaker_right(text2, &[Span::new(0, 3)], None));
}

// ---------------------------------------------------------------- our JSON

#[test]
fn gold_json_round_trip_and_checks() {
    let text = "“We are committed,” said Daniel Ek, who paid $6bn.";
    let analysis = crate::analyze(text);
    let json = crate::export::to_json(text, &analysis);
    let set = gold_json::read("a.json", &json).unwrap();
    assert_eq!(set.docs.len(), 1);
    assert!(set.layers.contains(&Layer::Number));
    // The engine against its own export: everything right.
    let r = evaluate(&set, Layer::Number);
    assert_eq!(r.overall.f1, 1.0);
    let q = evaluate(&set, Layer::Quote);
    assert_eq!(q.overall.f1, 1.0);
    assert_eq!(q.speaker.map(|s| s.accuracy), Some(1.0));

    // JSON Lines: one document per line; errors name the line.
    let line = crate::export::to_json_line(text, &analysis);
    let jsonl = format!("{line}\n\n{line}\n");
    assert_eq!(gold_json::read("a.jsonl", &jsonl).unwrap().docs.len(), 2);
    let broken = format!("{line}\n{{\"schema\": 1}}\n");
    let err = gold_json::read("a.jsonl", &broken).unwrap_err();
    assert_eq!((err.file.as_str(), err.line), ("a.jsonl", 2));

    // A changed text no longer matches its fingerprint.
    let tampered = json.replace("Daniel Ek, who", "Daniel Ek, whom");
    let err = gold_json::read("t.json", &tampered).unwrap_err();
    assert!(err.message.contains("sha256"), "{err}");
    // Offsets that do not cover the annotation's text.
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut doc = doc;
    doc["annotations"][0]["text"] = serde_json::Value::from("nope");
    let err = gold_json::read("o.json", &doc.to_string()).unwrap_err();
    assert!(err.message.contains("cover"), "{err}");
    assert!(gold_json::read("n.json", "not json").is_err());
}

// ---------------------------------------------------------------- brat

#[test]
fn brat_direct_quotes_and_speakers() {
    let text = "Trump spoke.\n“We will win,” Trump said. He added that it was “a disgrace.”\nAides said the race was close.";
    let cp = |s: &str| {
        let b = text.find(s).unwrap();
        let start = text[..b].chars().count();
        (start, start + s.chars().count())
    };
    let (s1, _) = cp("Trump said");
    let (c1, ce1) = cp("“We will win,”");
    let (p, pe) = cp("He");
    let (c2, ce2) = cp("that it was “a disgrace.”");
    let (a, ae) = cp("Aides");
    let (c3, ce3) = cp("the race was close");
    let ann = format!(
        "T1\tSource {s1} {}\tTrump\nT2\tContent {c1} {ce1}\t“We will win,”\nE1\tAttribution:T9 Content:T2 Source:T1\nT3\tSource {p} {pe}\tHe\nT4\tContent {c2} {ce2}\tthat it was “a disgrace.”\nE2\tAttribution:T9 Content:T4 Source:T3\nT5\tSource {a} {ae}\tAides\nT6\tContent {c3} {ce3}\tthe race was close\nE3\tContent:T6 Source:T5\nA1\tNote T1\n",
        s1 + 5
    );
    let doc = brat::read("a.txt", text, &ann).unwrap();
    let quotes: Vec<&str> = doc.spans.iter().map(|g| g.span.slice(text)).collect();
    // Paraphrase (E3) is not a direct quote.
    assert_eq!(quotes, ["We will win,", "a disgrace."]);
    // The pronoun's antecedent: earlier mentions of "Trump" count.
    let speakers: Vec<&str> = doc.spans[1]
        .speakers
        .iter()
        .map(|s| s.slice(text))
        .collect();
    assert_eq!(speakers, ["He", "Trump", "Trump"]);
    let set = brat::set(vec![doc]);
    assert!(set.speech_only);
}

#[test]
fn brat_quoted_parts_edges_and_paragraphs() {
    let parts = |t: &str| -> Vec<String> {
        brat::quoted_parts(t, Span::new(0, t.len()))
            .iter()
            .map(|s| s.slice(t).to_string())
            .collect()
    };
    assert_eq!(parts("“One,” “two.”"), ["One,", "two."]);
    assert_eq!(parts("he said \"straight\" ones"), ["straight"]);
    assert_eq!(parts("a ‘single’ and Clinton’s"), ["single"]);
    assert_eq!(parts("starts inside,” he said"), ["starts inside,"]);
    assert_eq!(parts("ends “inside the piece"), ["inside the piece"]);
    assert_eq!(
        parts("“first para\n“second para.”"),
        ["first para", "second para."]
    );
    assert_eq!(parts("no marks at all"), Vec::<String>::new());
    assert_eq!(parts("“He said ‘no’ to me,”"), ["He said ‘no’ to me,"]);
}

#[test]
fn brat_malformed_lines_and_pairing() {
    let text = "Hello world";
    assert_eq!(
        brat::read("a.ann", text, "T1 Source 0 5").unwrap_err().line,
        1
    );
    let err = brat::read("a.ann", text, "T1\tSource 0 x\tHello\n").unwrap_err();
    assert_eq!(err.line, 1);
    let err = brat::read("a.ann", text, "\nT1\tSource 0 500\tHello\n").unwrap_err();
    assert_eq!(err.line, 2);
    let err = brat::read("a.ann", text, "T1\tSource 0 5\tWorld\n").unwrap_err();
    assert!(err.message.contains("does not match"));
    let err = brat::read("a.ann", text, "E1\tContent:T7\n").unwrap_err();
    assert!(err.message.contains("unknown"));
    let pairs = brat::pair_files(
        &["a".into(), "a_b".into(), "c".into()],
        &["a_ff.ann".into(), "a_b_11.ann".into(), "a_00.ann".into()],
    );
    assert_eq!(
        pairs,
        [
            ("a".to_string(), "a_00.ann".to_string()),
            ("a_b".to_string(), "a_b_11.ann".to_string())
        ]
    );
}

#[test]
fn speech_only_sets_ignore_terms() {
    let text = "A “term” here.";
    let mut set = brat::set(vec![GoldDoc {
        name: "x".into(),
        text: text.into(),
        ..GoldDoc::default()
    }]);
    let fake = |_: &str| Analysis {
        quotes: vec![Annotation {
            quote: Some(QuoteInfo {
                kind: QuoteKind::Term,
                speaker: None,
                cue: None,
            }),
            ..Annotation::new(Span::new(5, 9), Label::Quote)
        }],
        ..Analysis::default()
    };
    assert_eq!(evaluate_with(&set, Layer::Quote, &fake).overall.pred, 0);
    set.speech_only = false;
    assert_eq!(evaluate_with(&set, Layer::Quote, &fake).overall.pred, 1);
}

/// A small deterministic generator (xorshift) for garbage inputs.
fn garbage(seed: u64, len: usize, pool: &[&str]) -> String {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = String::new();
    for _ in 0..len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.push_str(pool[(x % pool.len() as u64) as usize]);
    }
    out
}

#[test]
fn readers_never_panic_on_garbage() {
    let conll_pool = [
        "Word",
        " ",
        "\t",
        "\n",
        "\n\n",
        "B-PER",
        "I-ORG",
        "O",
        "E-LOC",
        "S-X",
        "B-",
        "-DOCSTART-",
        "# newdoc",
        "# a = b",
        "1",
        "2",
        "😀",
        "“",
        "-",
        "\r\n",
    ];
    let brat_pool = [
        "T1",
        "T2",
        "E1",
        "\t",
        " ",
        "\n",
        "Source",
        "Content",
        "Cue",
        "0",
        "3",
        "17",
        ";",
        "Content:T1",
        "Source:T2",
        "Attribution:T9",
        "“",
        "”",
        "he",
        "😀",
        ":",
        "x",
    ];
    let text_pool = [
        "“", "”", "\"", "‘", "’", " ", "\n", "he", "Ann", "said", ".", "😀", "'",
    ];
    for seed in 1..400u64 {
        let _ = conll::read("g", &garbage(seed, 60, &conll_pool));
        let text = garbage(seed + 7, 30, &text_pool);
        let ann = garbage(seed + 13, 40, &brat_pool);
        if let Ok(doc) = brat::read("g", &text, &ann) {
            for g in &doc.spans {
                assert!(g.span.is_valid_in(&text));
            }
        }
        for parts in [
            brat::quoted_parts(&text, Span::new(0, text.len())),
            brat::quoted_parts(&text, Span::new(0, 0)),
        ] {
            for p in parts {
                assert!(p.is_valid_in(&text), "{text:?}");
            }
        }
        let _ = gold_json::read("g.jsonl", &garbage(seed, 30, &text_pool));
    }
}
