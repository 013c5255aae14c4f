//! Tests of the trained recognizer: features, the model file, decoding, training, and the
//! hybrid recognizer on the cases where the rules are kept.

use super::features::{extract, key, segments, shapes, NUM_TEMPLATES};
use super::labels::{allowed, label_of, tag_name, tag_of, NUM_TAGS};
use super::train::{examples, train, Example, TrainError, TrainOptions};
use super::{
    combine, embedded, format, viterbi, Model, ModelError, ModelRecognizer, RuleSpans, Steps,
    EMBEDDED,
};
use crate::annotation::Label::{self, *};
use crate::entities::{EntityRecognizer, HybridRecognizer, RuleRecognizer};
use crate::eval::conll;
use crate::text::TextIndex;

/// The entities `HybridRecognizer` finds in `text`, as `(label, text)`.
fn hybrid(text: &str) -> Vec<(Label, &str)> {
    HybridRecognizer
        .recognize(&TextIndex::new(text))
        .iter()
        .map(|a| (a.label, a.span.slice(text)))
        .collect()
}

// ---- features -------------------------------------------------------------------------

#[test]
fn shapes_group_words_by_form() {
    let (smith, smith_short) = shapes("Smith");
    let (washington, washington_short) = shapes("Washington");
    let (ek, ek_short) = shapes("Ek");
    assert_eq!(smith, washington, "runs are cut at four: both Xxxxx");
    assert_eq!(smith_short, washington_short, "both Xx");
    assert_eq!(smith_short, ek_short);
    assert_ne!(smith, ek, "Xxxxx and Xx");
    assert_ne!(shapes("IBM").1, smith_short);
    assert_eq!(shapes("U.S.").1, shapes("U.K.").1);
    assert_eq!(shapes("4,500").1, shapes("12,000").1);
    // Non-ASCII words take the slow path and agree with it.
    assert_eq!(shapes("Zoë").1, shapes("Zoe").1);
}

#[test]
fn every_segment_token_has_every_template() {
    let text = "Daniel Ek runs Spotify in Stockholm and it rained all day long here.";
    let index = TextIndex::new(text);
    let f = extract(&index, &RuleRecognizer.recognize(&index));
    let tokens: usize = f.segments.iter().map(|r| r.len()).sum();
    assert_eq!(f.keys.len(), tokens * NUM_TEMPLATES);
    // The lower-case stretch after "Stockholm and" is no segment: it is O without features.
    let it = (0..index.tokens().len())
        .find(|&i| index.token_text(i) == "it")
        .expect("the word");
    assert!(f.segments.iter().all(|r| r.end <= it), "{:?}", f.segments);
}

#[test]
fn segments_gather_around_capitals() {
    let index = TextIndex::new("the bank of england said it would rise and fall");
    assert!(segments(&index).is_empty());
    let index = TextIndex::new("shares in the Bank of England fell sharply on monday");
    let words: Vec<Vec<&str>> = segments(&index)
        .into_iter()
        .map(|r| r.map(|i| index.token_text(i)).collect())
        .collect();
    assert_eq!(words, [vec!["Bank", "of", "England"]]);
    let index = TextIndex::new("Mr. Smith met Barclays, HSBC and Lloyds.");
    let words: Vec<Vec<&str>> = segments(&index)
        .into_iter()
        .map(|r| r.map(|i| index.token_text(i)).collect())
        .collect();
    assert_eq!(
        words,
        [vec![
            "Mr", ".", "Smith", "met", "Barclays", ",", "HSBC", "and", "Lloyds"
        ]]
    );
}

#[test]
fn same_word_same_context_same_keys() {
    let a = TextIndex::new("Spotify paid Universal.");
    let b = TextIndex::new("Spotify paid Universal.");
    let fa = extract(&a, &[]);
    let fb = extract(&b, &[]);
    assert_eq!(fa.keys, fb.keys);
    let c = TextIndex::new("Spotify paid Universals.");
    assert_ne!(fa.keys, extract(&c, &[]).keys);
    assert_ne!(key(1, 42), key(2, 42), "templates are kept apart");
}

// ---- labels and decoding --------------------------------------------------------------

/// The streaming tagger sums a word's templates once per spelling ([`Model::tag_stream`]);
/// it must decode exactly as the tagger over every token's 46 keys ([`Model::tag`]) does.
#[test]
fn streaming_tagger_scores_as_the_keys_do() {
    let model = embedded().expect("the embedded model is valid");
    let texts = [
        include_str!("../../../tests/fixtures/spotify-deal.txt"),
        "SPOTIFY SIGNS DEAL WITH LABELS\nSpotify Signs Deal As Row Deepens\n\nThe chief \
         executive, Daniel Ek, told the BBC: “We are in Stockholm.” Mr. Ek’s firm, Spotify \
         Technology S.A., said. “Anna’s Archive” was cited by the Bank of England in London.",
        "A. B. C. D. E. F. G. Hello World. ‘Quote’ (Brackets) — Dash: Colon. U.S. U.K. e.g. \
         iPhone McDonald’s O’Brien van Gogh de Gaulle 1860 Munich.",
    ];
    for text in texts {
        let index = TextIndex::new(text);
        let rule = RuleRecognizer.recognize(&index);
        let facts = crate::entities::rules::SentenceFacts::new(&index);
        let spans = RuleSpans::new(&index, &rule);
        let tags = model.tag_stream(&index, &facts, &spans);
        assert_eq!(tags, model.tag(&index, &extract(&index, &rule)), "{text}");
        // Merging each segment as it is decoded gives what merging all the tags gives.
        assert_eq!(
            model.recognize_stream(&index, &facts, &spans),
            combine(&index, &facts, &tags, &spans),
            "{text}"
        );
    }
}

/// The streaming tagger's split of the templates (a word's own, as a neighbour, per context
/// state, per word pair) covers each template exactly once.
#[test]
fn template_groups_cover_every_template_once() {
    use super::features::{
        context_values, neighbour_values, pair_values, word_values, Group, Offset, Tok,
    };
    let t = Tok::default();
    let mut seen = vec![0u32; NUM_TEMPLATES];
    let offsets = [Offset::Prev2, Offset::Prev1, Offset::Next1, Offset::Next2];
    let neighbours = offsets.iter().flat_map(|&o| neighbour_values(&t, o));
    let grouped = context_values(&t, &t, &t)
        .into_iter()
        .filter(|&(k, _)| Group::of(k).is_some());
    for (k, _) in word_values(&t)
        .into_iter()
        .chain(neighbours)
        .chain(grouped)
        .chain(pair_values(&t, &t, &t))
    {
        seen[k] += 1;
    }
    assert_eq!(seen, vec![1; NUM_TEMPLATES]);
}

#[test]
fn tags_name_and_constrain() {
    assert_eq!(tag_name(0), "O");
    assert_eq!(tag_name(tag_of(3, false)), "B-MISC");
    assert_eq!(label_of(tag_of(2, true)), Some(Loc));
    assert!(
        !allowed(None, tag_of(0, true)),
        "I-PER cannot open a sentence"
    );
    assert!(!allowed(Some(0), tag_of(0, true)), "nor follow O");
    assert!(
        !allowed(Some(tag_of(1, false)), tag_of(0, true)),
        "nor follow B-ORG"
    );
    assert!(allowed(Some(tag_of(0, false)), tag_of(0, true)));
}

#[test]
fn viterbi_follows_scores_within_the_constraints() {
    let trans = [[0i32; NUM_TAGS]; NUM_TAGS + 1];
    // Token 0 prefers O, token 1 prefers I-PER: I-PER after O is not allowed, so the best
    // valid path is B-PER I-PER if that beats O O / O B-PER.
    let emit = |k: usize| {
        let mut e = [0i32; NUM_TAGS];
        if k == 0 {
            e[0] = 2;
            e[1] = 1;
        } else {
            e[2] = 5;
            e[1] = 1;
        }
        e
    };
    let (mut back, mut out) = (Vec::new(), Vec::new());
    viterbi(2, emit, &Steps::new(&trans), &mut back, &mut out);
    assert_eq!(out, [1, 2]);
    out.clear();
    viterbi(0, emit, &Steps::new(&trans), &mut back, &mut out);
    assert!(out.is_empty());
}

// ---- the model file -------------------------------------------------------------------

fn tiny_model() -> Model {
    let set = conll::read(
        "tiny",
        "Daniel B-PER\nEk I-PER\nruns O\nSpotify B-ORG\nin O\nStockholm B-LOC\n. O\n\n\
         Naomi B-PER\nPohl I-PER\nleft O\nSpotify B-ORG\nfor O\nLondon B-LOC\n. O\n",
    )
    .expect("valid gold");
    let options = TrainOptions {
        epochs: 5,
        key_bits: 32,
        min_weight: 1,
        ..TrainOptions::default()
    };
    train(&examples(&set), &options, &mut |_| {})
        .expect("trains")
        .0
}

#[test]
fn model_file_round_trips() {
    let model = tiny_model();
    let bytes = model.to_bytes();
    let back = Model::from_bytes(&bytes).expect("reads back");
    assert_eq!(back, model);
    assert_eq!(back.to_bytes(), bytes);
}

#[test]
fn corrupt_model_files_give_typed_errors() {
    let bytes = tiny_model().to_bytes();
    assert_eq!(
        Model::from_bytes(&bytes[..10]),
        Err(ModelError::TooShort { len: 10 })
    );
    let mut bad = bytes.clone();
    bad[0] = b'X';
    assert_eq!(Model::from_bytes(&bad), Err(ModelError::BadMagic));
    let mut bad = bytes.clone();
    bad[4] = 99;
    assert_eq!(
        Model::from_bytes(&bad),
        Err(ModelError::UnsupportedVersion(99))
    );
    let mut bad = bytes.clone();
    bad[7] = 3;
    assert!(matches!(
        Model::from_bytes(&bad),
        Err(ModelError::Incompatible { templates: 3, .. })
    ));
    let mut bad = bytes.clone();
    let mid = bytes.len() / 2;
    bad[mid] ^= 0x55;
    assert_eq!(Model::from_bytes(&bad), Err(ModelError::Checksum));
    // A shortened file with a recomputed checksum: truncated weights.
    let body = &bytes[..bytes.len() - 8 - 3];
    let mut cut = body.to_vec();
    cut.extend_from_slice(&format::checksum(body).to_le_bytes());
    assert!(matches!(
        Model::from_bytes(&cut),
        Err(ModelError::Truncated | ModelError::Malformed(_))
    ));
    assert!(!ModelError::Checksum.to_string().is_empty());
}

#[test]
fn arbitrary_bytes_never_panic() {
    let bytes = tiny_model().to_bytes();
    for cut in 0..bytes.len().min(200) {
        let _ = Model::from_bytes(&bytes[..cut]);
    }
    let mut state = 7u32;
    for _ in 0..200 {
        let mut b = bytes.clone();
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let i = state as usize % b.len();
        b[i] = b[i].wrapping_add(1 + (state >> 16) as u8 % 255);
        let _ = Model::from_bytes(&b);
    }
}

#[test]
fn embedded_model_is_valid() {
    let model = embedded().expect("model/entities.bin is a valid model for this build");
    assert!(model.len() > 1000, "{} features", model.len());
    assert_eq!(Model::from_bytes(EMBEDDED).as_ref(), Ok(model));
}

// ---- training -------------------------------------------------------------------------

#[test]
fn a_tiny_training_run_learns_its_sentences() {
    let model = tiny_model();
    let text = "Daniel Ek runs Spotify in Stockholm.\nNaomi Pohl left Spotify for London.";
    let found = ModelRecognizer::new(&model).recognize(&TextIndex::new(text));
    let got: Vec<(Label, &str)> = found
        .iter()
        .map(|a| (a.label, a.span.slice(text)))
        .collect();
    assert_eq!(
        got,
        [
            (Per, "Daniel Ek"),
            (Org, "Spotify"),
            (Loc, "Stockholm"),
            (Per, "Naomi Pohl"),
            (Org, "Spotify"),
            (Loc, "London"),
        ]
    );
}

#[test]
fn training_is_deterministic_given_the_seed() {
    let a = tiny_model().to_bytes();
    let b = tiny_model().to_bytes();
    assert_eq!(a, b);
}

#[test]
fn training_refuses_nothing_to_do() {
    let none: Vec<Example> = Vec::new();
    assert_eq!(
        train(&none, &TrainOptions::default(), &mut |_| {}).map(|_| ()),
        Err(TrainError::NoData)
    );
    let options = TrainOptions {
        epochs: 0,
        ..TrainOptions::default()
    };
    assert_eq!(
        train(&none, &options, &mut |_| {}).map(|_| ()),
        Err(TrainError::NoEpochs)
    );
}

// ---- the hybrid recognizer ------------------------------------------------------------

#[test]
fn hybrid_keeps_the_rules_where_they_are_better() {
    let rows: &[(&str, &[(Label, &str)])] = &[
        // Titles stay outside the person's span.
        ("The deal was signed by Mr Smith.", &[(Per, "Smith")]),
        ("The deal was signed by Mr. Smith.", &[(Per, "Smith")]),
        ("It was Dr Naomi Pohl who spoke.", &[(Per, "Naomi Pohl")]),
        // A glued possessive ends a name; names with one inside come from the rules.
        (
            "It was Daniel Ek’s Spotify.",
            &[(Per, "Daniel Ek"), (Org, "Spotify")],
        ),
        ("Zorbix’s chief executive resigned.", &[(Org, "Zorbix")]),
        (
            "It named Anna’s Archive, a shadow library.",
            &[(Org, "Anna’s Archive")],
        ),
        // Ordinary words opening a sentence, also after a glued full stop.
        ("Observers counted people.", &[]),
        ("Copyright law is old.", &[]),
        (
            "The debate was streamed online.Observers counted people.",
            &[],
        ),
        (
            "The Bank of England, Barclays and HSBC agreed.",
            &[(Org, "Bank of England"), (Org, "Barclays"), (Org, "HSBC")],
        ),
        ("The CEO and the CFO met on Friday.", &[]),
    ];
    let mut failures = Vec::new();
    for (text, want) in rows {
        let got = hybrid(text);
        if got != *want {
            failures.push(format!("{text:?}\n   got {got:?}\n  want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn hybrid_never_panics_and_keeps_spans_sorted() {
    let texts = [
        "",
        " ",
        "’s",
        "Mr.",
        "Mr. ’s A. .",
        "ÉLYSÉE PALACE SAYS NON\nLe Président Macron’s office said so.",
        "🎵🎵 Zoë’s “Ünïcode” Straße—Ljubljana",
        "A",
        "THE",
        "I-PER B-LOC O",
    ];
    for text in texts {
        let found = HybridRecognizer.recognize(&TextIndex::new(text));
        for w in found.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "{text:?}: {found:?}");
        }
        for a in &found {
            assert!(a.span.is_valid_in(text) && !a.span.is_empty(), "{text:?}");
        }
    }
}

/// The one-pass document evidence equals the plain definition: for each capitalised word's
/// stem, whether it is seen capitalised mid-sentence in an ordinary sentence (bit 0) and in
/// lower case anywhere (bit 1), stems compared by their lower-case hash.
#[test]
fn document_evidence_matches_its_definition() {
    use super::features::{lower_hash, segments, segments_and_evidence};
    use crate::entities::rules::{strip_possessive, SentenceFacts, Style};
    let long = "Supercalifragilisticexpialidocious";
    let texts = [
        include_str!("../../../tests/fixtures/spotify-deal.txt").to_string(),
        format!(
            "The board met. the board said THE END. Whitfield’s firm and whitfield's. \
             O'Neill met o'neill's aide. A man; a plan. Ek eks ek's EK. {long} and {}. \
             \u{212a}elvin measured kelvin. Société société SOCIÉTÉ. Über über. \
             In 2020 in Paris, Paris in spring. EBAY sold it on eBay.",
            long.to_lowercase()
        ),
    ];
    for text in &texts {
        let index = TextIndex::new(text);
        let facts = SentenceFacts::new(&index);
        let tokens = index.tokens();
        let word = |t: &crate::text::Token| t.text(text);
        let mut want: std::collections::HashMap<u64, u8> = Default::default();
        for r in segments(&index) {
            for t in &tokens[r] {
                if t.is_capitalised(text) {
                    want.entry(lower_hash(strip_possessive(word(t))))
                        .or_insert(0);
                }
            }
        }
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != crate::text::TokenKind::Word {
                continue;
            }
            let first = t.first_char(text);
            let Some(bits) = want.get_mut(&lower_hash(strip_possessive(word(t)))) else {
                continue;
            };
            if first.is_uppercase() {
                let style = facts.styles.get(t.sentence).copied();
                if !facts.initial[i] && !matches!(style, Some(Style::Caps | Style::Headline)) {
                    *bits |= 1;
                }
            } else if first.is_lowercase() {
                *bits |= 2;
            }
        }
        let (segs, got) = segments_and_evidence(&index, &facts);
        assert_eq!(segs, segments(&index));
        let got: std::collections::HashMap<u64, u8> = got.into_iter().collect();
        assert_eq!(got, want, "{text}");
        assert!(want.values().any(|&b| b == 3) && want.values().any(|&b| b & 2 != 0));
    }
}
