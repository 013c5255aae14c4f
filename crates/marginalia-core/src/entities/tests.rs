//! Table-driven tests of the rule-based recognizer: one row per case, grouped by rule.
//! Comments mark regressions and deliberate decisions.

use super::gazetteer::{gazetteer, Cue};
use super::rules::{
    has_possessive, initial_flags, is_acronym, is_initial, is_name_shaped, sentence_styles,
    strip_possessive, Style,
};
use super::{EntityRecognizer, RuleRecognizer};
use crate::annotation::Label::{self, *};
use crate::text::{TextIndex, TokenKind};

type Row<'a> = (&'a str, &'a [(Label, &'a str)]);

/// The entities found in `text`, as `(label, text)`.
fn found(text: &str) -> Vec<(Label, &str)> {
    RuleRecognizer
        .recognize(&TextIndex::new(text))
        .iter()
        .map(|a| (a.label, a.span.slice(text)))
        .collect()
}

/// Runs a table: each row is `(text, expected entities)`; reports every failing row at once.
fn check(rows: &[Row<'_>]) {
    let mut failures = Vec::new();
    for (text, expected) in rows {
        let got = found(text);
        if got != *expected {
            failures.push(format!("{text:?}\n   got {got:?}\n  want {expected:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn titles_cue_people_and_stay_outside() {
    check(&[
        ("The deal was signed by Mr Smith.", &[(Per, "Smith")]),
        ("The deal was signed by Mr. Smith.", &[(Per, "Smith")]),
        ("It was Dr Naomi Pohl who spoke.", &[(Per, "Naomi Pohl")]),
        (
            "They met Prime Minister Keir Starmer.",
            &[(Per, "Keir Starmer")],
        ),
        ("He called President Macron.", &[(Per, "Macron")]),
        ("Ask Sir Paul McCartney.", &[(Per, "Paul McCartney")]),
        // A lower-case role noun works as a title.
        (
            "Spotify's chief executive Daniel Ek said so.",
            &[(Org, "Spotify"), (Per, "Daniel Ek")],
        ),
        (
            "The composer Zbyszek Wrobel wrote it.",
            &[(Per, "Zbyszek Wrobel")],
        ),
        // A demonym before a title is MISC on its own.
        (
            "British Prime Minister Tony Blair arrived.",
            &[(Misc, "British"), (Per, "Tony Blair")],
        ),
        // A title with nothing capitalised after it is just a word.
        ("The President said no.", &[]),
        ("The Prime Minister said no.", &[]),
        // A title word after a first name is a surname.
        (
            "A novel by Stephen King sold well.",
            &[(Per, "Stephen King")],
        ),
        // "General Motors" is a company, not General + Motors.
        ("Shares in General Motors fell.", &[(Org, "General Motors")]),
    ]);
}

#[test]
fn organisation_suffixes_and_heads() {
    check(&[
        (
            "A deal with Universal Music Group was signed.",
            &[(Org, "Universal Music Group")],
        ),
        (
            "Members of the Musicians’ Union voted.",
            &[(Org, "Musicians’ Union")],
        ),
        (
            "Members of the Musicians' Union voted.",
            &[(Org, "Musicians' Union")],
        ),
        (
            "Shares in Acme Widgets Ltd rose.",
            &[(Org, "Acme Widgets Ltd")],
        ),
        (
            "He joined Quorvex Holdings in May.",
            &[(Org, "Quorvex Holdings")],
        ),
        (
            "Rates were set by the Bank of England.",
            &[(Org, "Bank of England")],
        ),
        (
            "A report by the Bank of Zembla.",
            &[(Org, "Bank of Zembla")],
        ),
        (
            "He studied at the University of Tartu.",
            &[(Org, "University of Tartu")],
        ),
        (
            "Fans of Grimsby Town FC cheered.",
            &[(Org, "Grimsby Town FC")],
        ),
        (
            "She left the Workers Party of Freedonia.",
            &[(Org, "Workers Party of Freedonia")],
        ),
        (
            "The Copyright Designs Agency objected.",
            &[(Org, "Copyright Designs Agency")],
        ),
        // An enumeration continues a "Department for ..." name; known names do not join.
        (
            "The Department for Science, Innovation and Technology said so.",
            &[(Org, "Department for Science, Innovation and Technology")],
        ),
        (
            "The Department for Education and Ofsted agreed.",
            &[(Org, "Department for Education"), (Org, "Ofsted")],
        ),
        (
            "The Bank of England, Barclays and HSBC agreed.",
            &[(Org, "Bank of England"), (Org, "Barclays"), (Org, "HSBC")],
        ),
        // Camel case is a company or product; surname prefixes are not.
        ("An organiser with PauseAI spoke.", &[(Org, "PauseAI")]),
        (
            "An organiser with McAllister spoke.",
            &[(Per, "McAllister")],
        ),
        // "Marks & Spencer": an ampersand joins.
        (
            "Profits at Marks & Spencer rose.",
            &[(Org, "Marks & Spencer")],
        ),
    ]);
}

#[test]
fn places_events_and_other_suffixes() {
    check(&[
        ("They sailed up the Zembla River.", &[(Loc, "Zembla River")]),
        ("They climbed Mount Everest.", &[(Loc, "Mount Everest")]),
        (
            "Ships crossed the Gulf of Mexico.",
            &[(Loc, "Gulf of Mexico")],
        ),
        (
            "He won the Zembla Open last year.",
            &[(Misc, "Zembla Open")],
        ),
        (
            "MPs passed the Online Safety Act.",
            &[(Misc, "Online Safety Act")],
        ),
        ("They watched the World Cup.", &[(Misc, "World Cup")]),
    ]);
}

#[test]
fn gazetteers() {
    check(&[
        (
            "Subscribers in Europe and Asia grew.",
            &[(Loc, "Europe"), (Loc, "Asia")],
        ),
        ("It was proposed in London.", &[(Loc, "London")]),
        (
            "Flights from New York to Hong Kong.",
            &[(Loc, "New York"), (Loc, "Hong Kong")],
        ),
        ("The U.S. and the UK agreed.", &[(Loc, "U.S."), (Loc, "UK")]),
        (
            "He spoke to the BBC and Reuters.",
            &[(Org, "BBC"), (Org, "Reuters")],
        ),
        (
            "A ruling by the European Commission.",
            &[(Org, "European Commission")],
        ),
        (
            "A British composer and a French poet.",
            &[(Misc, "British"), (Misc, "French")],
        ),
        ("He was in The Hague.", &[(Loc, "The Hague")]),
        ("She used ChatGPT daily.", &[(Misc, "ChatGPT")]),
        // A first name alone after a capitalised word: the surname joins.
        ("Then Naomi Pohl spoke.", &[(Per, "Naomi Pohl")]),
        ("They met Jordan Henderson.", &[(Per, "Jordan Henderson")]),
    ]);
}

#[test]
fn possessives() {
    check(&[
        ("It was Spotify’s best year.", &[(Org, "Spotify")]),
        ("It was Spotify's best year.", &[(Org, "Spotify")]),
        ("Ed Newton-Rex's view was clear.", &[(Per, "Ed Newton-Rex")]),
        ("He read Anna’s Archive daily.", &[(Org, "Anna’s Archive")]),
        // A first name's possession of an unknown capitalised word names a place or firm.
        (
            "Lunch at Lisa’s Kitchen was fine.",
            &[(Org, "Lisa’s Kitchen")],
        ),
        ("They visited Moldova’s capital.", &[(Loc, "Moldova")]),
        // A person's possessive does not glue to the next name.
        (
            "It was Daniel Ek’s Spotify.",
            &[(Per, "Daniel Ek"), (Org, "Spotify")],
        ),
        // An unknown name with a possessive and an organisation noun: ORG.
        ("Zorbix’s chief executive resigned.", &[(Org, "Zorbix")]),
        ("Zorbix's shares fell.", &[(Org, "Zorbix")]),
    ]);
}

#[test]
fn hyphenated_apostrophe_and_particle_names() {
    check(&[
        (
            "The composer Ed Newton-Rex objected.",
            &[(Per, "Ed Newton-Rex")],
        ),
        ("She met Sean O'Brien there.", &[(Per, "Sean O'Brien")]),
        ("She met Sean O’Brien there.", &[(Per, "Sean O’Brien")]),
        (
            "They quoted Charles de Gaulle.",
            &[(Per, "Charles de Gaulle")],
        ),
        (
            "They played Ludwig van Beethoven.",
            &[(Per, "Ludwig van Beethoven")],
        ),
        (
            "A book by J. K. Rowling sold well.",
            &[(Per, "J. K. Rowling")],
        ),
        ("He visited Guinea-Bissau.", &[(Loc, "Guinea-Bissau")]),
        // A capitalised particle mid-sentence starts a surname.
        (
            "The club had backed Ten Hag all summer.",
            &[(Per, "Ten Hag")],
        ),
        ("A goal from Van Dijk won it.", &[(Per, "Van Dijk")]),
        // A capitalised compound with a lower-case part is not a name.
        ("The Ontario-based firm grew.", &[]),
    ]);
}

#[test]
fn appositives_and_speech_cues() {
    check(&[
        (
            "They cited Anna’s Archive, a shadow library.",
            &[(Org, "Anna’s Archive")],
        ),
        (
            "They cited Zorblatt, a shadow library.",
            &[(Org, "Zorblatt")],
        ),
        (
            "They cited Zorblatt, a Swiss composer.",
            &[(Per, "Zorblatt"), (Misc, "Swiss")],
        ),
        (
            "They reached Zorblatt, a small village.",
            &[(Loc, "Zorblatt")],
        ),
        (
            "The culture secretary, Lisa Nandy, told MPs.",
            &[(Per, "Lisa Nandy")],
        ),
        ("“No,” said Quentin Blorp.", &[(Per, "Quentin Blorp")]),
        ("They reached the town of Zorblatt.", &[(Loc, "Zorblatt")]),
        (
            "The prince visited Zorblatt on Thursday.",
            &[(Loc, "Zorblatt")],
        ),
        ("The rebels were east of Zorblatt.", &[(Loc, "Zorblatt")]),
        ("Zorblatt is a small town.", &[(Loc, "Zorblatt")]),
        (
            "A Zorbix spokesman declined to comment.",
            &[(Org, "Zorbix")],
        ),
        (
            "An initial and a surname: C. Blorp made 80.",
            &[(Per, "C. Blorp")],
        ),
        // An organisation's first word names it later on.
        (
            "Zorbix Cables Ltd grew. Later Zorbix said so.",
            &[(Org, "Zorbix Cables Ltd"), (Org, "Zorbix")],
        ),
        // A place with unknown capitalised words is a business or a team named after it.
        (
            "Shares in Chittagong Zorbs rose.",
            &[(Org, "Chittagong Zorbs")],
        ),
        (
            "The National Zorb Campaign objected.",
            &[(Org, "National Zorb Campaign")],
        ),
        // A later surname-only mention takes the person's label.
        (
            "Daniel Ek spoke. Later Ek left.",
            &[(Per, "Daniel Ek"), (Per, "Ek")],
        ),
        // ... even at the start of a sentence.
        (
            "Daniel Ek spoke. Ek left.",
            &[(Per, "Daniel Ek"), (Per, "Ek")],
        ),
    ]);
}

#[test]
fn sentence_initial_words_need_evidence() {
    check(&[
        ("Critics say the deal is bad.", &[]),
        ("Observers counted people.", &[]),
        ("Members of the union voted.", &[]),
        ("Fans reacted with emoji.", &[]),
        ("Copyright law is old.", &[]),
        ("He added: “Licensing is not consent.”", &[]),
        ("“This deal does nothing,” he said.", &[]),
        ("The debate was long. This was new.", &[]),
        ("I think so.", &[]),
        // Known names need no other evidence.
        ("Spotify signs deal", &[(Org, "Spotify")]),
        ("London is big.", &[(Loc, "London")]),
        // The same word capitalised in mid-sentence elsewhere is evidence.
        (
            "Zorbix signs deal\n\nThe firm Zorbix said so.",
            &[(Org, "Zorbix"), (Org, "Zorbix")],
        ),
        // A first name and a surname at the start of a sentence are a person.
        ("Ed Newton-Rex was unimpressed.", &[(Per, "Ed Newton-Rex")]),
        // A stop word at the start of a run is dropped.
        ("After Daniel Ek spoke, they left.", &[(Per, "Daniel Ek")]),
    ]);
}

#[test]
fn months_weekdays_and_acronyms_are_not_names() {
    check(&[
        ("It happened on Monday in March.", &[]),
        ("The AI music row deepens.", &[]),
        (
            "Spotify signs $6bn licensing deal as AI music row deepens",
            &[(Org, "Spotify")],
        ),
        ("The CEO and the CFO met on Friday.", &[]),
        // An unknown acronym in mid-sentence is an organisation.
        ("A statement from the ZQRX said so.", &[(Org, "ZQRX")]),
        (
            "Both NATO and the UN agreed.",
            &[(Org, "NATO"), (Org, "UN")],
        ),
    ]);
}

#[test]
fn glued_sentences_split() {
    // The tokenizer splits "online.Observers"; the second word is sentence-initial.
    check(&[
        (
            "The debate was streamed online.Observers counted people.",
            &[],
        ),
        ("It went online.London reacted.", &[(Loc, "London")]),
        (
            "It went online.Critics said so, and Daniel Ek agreed.",
            &[(Per, "Daniel Ek")],
        ),
    ]);
}

#[test]
fn curly_quotes_emoji_and_non_bmp_text() {
    check(&[
        ("“We are committed,” said Daniel Ek.", &[(Per, "Daniel Ek")]),
        ("‘Spotify’ was named.", &[(Org, "Spotify")]),
        (
            "Fans reacted with 🎵 and 🔥, and Anna’s Archive was named.",
            &[(Org, "Anna’s Archive")],
        ),
        ("🎵 London 🔥 Paris", &[(Loc, "London"), (Loc, "Paris")]),
        ("𝐁𝐨𝐥𝐝 text and 😀 in Berlin.", &[(Loc, "Berlin")]),
        (
            "Zoë Ball met Søren Kierkegaard in Malmö.",
            &[
                (Per, "Zoë Ball"),
                (Per, "Søren Kierkegaard"),
                (Loc, "Malmö"),
            ],
        ),
    ]);
}

#[test]
fn all_caps_and_title_case_text() {
    check(&[
        // Shouted headlines never become one giant entity; known names are still found.
        (
            "SPOTIFY SIGNS $6BN LICENSING DEAL WITH UNIVERSAL IN LONDON",
            &[(Org, "SPOTIFY"), (Loc, "LONDON")],
        ),
        ("CRITICS SAY THE DEAL IS BAD", &[]),
        // Names found in ordinary text are found in capitals too.
        (
            "ZORBIX WINS\n\nThe firm Zorbix said so.",
            &[(Org, "ZORBIX"), (Org, "Zorbix")],
        ),
        // Title case: only known or evidenced names.
        (
            "Spotify Signs Licensing Deal As Music Row Deepens",
            &[(Org, "Spotify")],
        ),
        (
            "Critics Say Universal Music Group Deal Is Bad For Artists",
            &[(Org, "Universal Music Group")],
        ),
    ]);
}

#[test]
fn sports_results() {
    check(&[
        (
            "Leicestershire 296, Somerset 83.",
            &[(Org, "Leicestershire"), (Org, "Somerset")],
        ),
        (
            "Birmingham v Barnsley was postponed.",
            &[(Loc, "Birmingham"), (Org, "Barnsley")],
        ),
        // A country's side stays a place (CoNLL convention).
        (
            "France beat Mexico 2-0 on Saturday.",
            &[(Loc, "France"), (Loc, "Mexico")],
        ),
        ("The U.S. 30-year benchmark fell.", &[(Loc, "U.S.")]),
        // A town that fields a team in the document is the team throughout.
        (
            "Surrey captain Zed Blorp scored. Surrey 429, Kent 108.",
            &[
                (Org, "Surrey"),
                (Per, "Zed Blorp"),
                (Org, "Surrey"),
                (Org, "Kent"),
            ],
        ),
        // A year after a place is not a score.
        (
            "It was founded in London 1979 by Zed.",
            &[(Loc, "London"), (Per, "Zed")],
        ),
    ]);
}

#[test]
fn spans_are_sorted_valid_and_disjoint_on_odd_input() {
    let inputs = [
        "",
        " ",
        "’s",
        "'s Mr",
        "Mr.",
        "Mr. Mr. Mr.",
        "Bank of",
        "of Bank of of",
        "J. K.",
        "& & Spencer &",
        "A, a",
        "“",
        "X’s’s’s Y’s",
        "Musicians’",
        "Musicians’ ",
        "\u{FEFF}\u{200B}Zed\u{00A0}Ek",
        "ÉCOLE NORMALE SUPÉRIEURE",
        "İstanbul Ǆemal ǅemal",
        "a\u{0301}b C\u{0301}d E\u{0301}f said",
        "Dr. Dr. Dr. Smith Jones Brown Green White Black Gray Blue of of the",
    ];
    for text in inputs {
        let index = TextIndex::new(text);
        let found = RuleRecognizer.recognize(&index);
        for pair in found.windows(2) {
            assert!(
                pair[0].span.end <= pair[1].span.start,
                "{text:?}: {found:?}"
            );
        }
        for a in &found {
            assert!(a.span.is_valid_in(text), "{text:?}: {a:?}");
            assert!(!a.span.is_empty(), "{text:?}: {a:?}");
        }
    }
    // A long run of capitalised words stays linear and does not panic.
    let long = "Zed ".repeat(20_000);
    let _ = RuleRecognizer.recognize(&TextIndex::new(&long));
    let long = "Bank of ".repeat(20_000);
    let _ = RuleRecognizer.recognize(&TextIndex::new(&long));
    // Opening punctuation before many words in one sentence: still linear.
    let long = format!("{}{}", "(".repeat(50_000), " Zed Blorp".repeat(50_000));
    let start = std::time::Instant::now();
    let _ = RuleRecognizer.recognize(&TextIndex::new(&long));
    assert!(
        start.elapsed().as_secs() < 20,
        "quadratic on {} bytes",
        long.len()
    );
}

#[test]
fn initial_positions() {
    let text = "“The plan,” he said: “Critics agree.” (Fans too) — Observers";
    let index = TextIndex::new(text);
    let flags = initial_flags(&index);
    for (i, &flag) in flags.iter().enumerate() {
        assert_eq!(
            flag,
            is_initial(&index, i),
            "token {i} {:?}",
            index.token_text(i)
        );
    }
    let initial: Vec<&str> = (0..flags.len())
        .filter(|&i| flags[i] && index.token_text(i).chars().all(char::is_alphabetic))
        .map(|i| index.token_text(i))
        .collect();
    assert_eq!(initial, ["The", "Critics", "Fans", "Observers"]);
}

#[test]
fn word_helpers() {
    let rows: &[(&str, &str, bool, bool, bool)] = &[
        // (word, without possessive, has possessive, acronym, name-shaped)
        ("Spotify’s", "Spotify", true, false, true),
        ("Spotify's", "Spotify", true, false, true),
        ("’s", "’s", false, false, true),
        ("BBC", "BBC", false, true, true),
        ("A", "A", false, false, false),
        ("Newton-Rex", "Newton-Rex", false, false, true),
        ("Ontario-based", "Ontario-based", false, false, false),
        ("Chester-le-Street", "Chester-le-Street", false, false, true),
    ];
    for &(word, stem, possessive, acronym, shaped) in rows {
        assert_eq!(strip_possessive(word), stem, "{word}");
        assert_eq!(has_possessive(word), possessive, "{word}");
        assert_eq!(is_acronym(word), acronym, "{word}");
        assert_eq!(is_name_shaped(word), shaped, "{word}");
    }
}

#[test]
fn gazetteer_lookups() {
    let g = gazetteer();
    let phrases: &[(&str, Option<Label>)] = &[
        ("Europe", Some(Loc)),
        ("Anna’s Archive", Some(Org)),
        ("Anna's Archive", Some(Org)),
        ("British", Some(Misc)),
        ("Universal Music Group", Some(Org)),
        ("Observers", None),
    ];
    for &(p, label) in phrases {
        assert_eq!(g.phrase(p), label, "{p}");
    }
    assert_eq!(g.phrase_upper("LONDON"), Some(Loc));
    assert!(g.is_first_name("Lisa") && g.is_first_name("LISA") && !g.is_first_name("Observers"));
    assert!(g.is_stopword("The") && g.is_stopword("the") && g.is_stopword("AI"));
    assert!(!g.is_stopword("Spotify") && !g.is_stopword("Ai"));
    assert!(g.is("Party", Cue::OrgSuffix) && g.is("Party", Cue::OrgHead));
    assert!(g.is("Dr.", Cue::Title));
    // The lexicons stay small enough for the web build.
    let total: usize = LEXICONS.iter().map(|s| s.len()).sum();
    assert!(total < 80_000, "entity lexicons are {total} bytes");
}

/// [`sentence_styles`] written plainly: every count over every token, then the decision. The
/// fast version stops early and skips scans; both must agree.
fn reference_styles(index: &TextIndex<'_>) -> Vec<Style> {
    let text = index.text();
    let closer = |t: &str| matches!(t, "”" | "’" | "\"" | "'" | ")" | "]" | "»");
    let mut styles = Vec::new();
    for s in index.sentences() {
        let tokens = &index.tokens()[s.tokens.clone()];
        let (mut upper, mut lower, mut capitalised, mut words, mut commas) = (0, 0, 0, 0, 0);
        for t in tokens {
            let w = t.text(text);
            if t.kind != TokenKind::Word {
                commas += usize::from(matches!(w, "," | "(" | ")"));
                continue;
            }
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if w.chars().any(char::is_lowercase) {
                lower += 1;
            } else if letters >= 2 {
                upper += 1;
            }
            if w.chars().count() > 3 {
                words += 1;
                capitalised += usize::from(w.chars().next().is_some_and(char::is_uppercase));
            }
        }
        let ends_with_stop = tokens
            .iter()
            .rev()
            .find(|t| !closer(t.text(text)))
            .is_some_and(|t| matches!(t.text(text), "." | "!" | "?" | "…"));
        let ends_with_number = tokens.last().is_some_and(|t| t.kind == TokenKind::Number);
        styles.push(if lower == 0 && upper >= 1 {
            Style::Caps
        } else if s.starts_paragraph
            && !ends_with_stop
            && !ends_with_number
            && words >= 4
            && capitalised == words
            && commas <= 1
        {
            Style::Headline
        } else {
            Style::Normal
        });
    }
    styles
}

#[test]
fn sentence_styles_agree_with_full_counts() {
    let fixture = include_str!("../../tests/fixtures/spotify-deal.txt");
    let texts = [
        fixture,
        "SPOTIFY SIGNS DEAL\nThe firm said so.",
        "Spotify Signs Licensing Deal As Row Deepens\nIt did.",
        "Spotify Signs Licensing Deal, Row Deepens (Again)\nIt did.",
        "Spotify Signs Licensing Deal As Row Deepens.\nÉcole Über Straße Öffnet Heute\n",
        "Spotify Signs Licensing Deal As Row Deepens 2024\n«Élan Vital Über Alles»\n",
        "LONDON 1996-08-30\nÉCOLE ÜBER\nA B C D\nBBC news today\nÀ propos de Rien Ici Vraiment\n",
        "Mr Ng Is Here Today Now\nthe Best Band Ever Made Here\nOne two three four five\n",
        "Spotify “Signs” Licensing Deal As Row Deepens’\nx\n\n\n(\n",
    ];
    let mut seen = Vec::new();
    for text in texts {
        let index = TextIndex::new(text);
        let styles = sentence_styles(&index);
        assert_eq!(styles, reference_styles(&index), "{text:?}");
        seen.extend(styles);
    }
    // The texts exercise every style.
    for style in [Style::Normal, Style::Caps, Style::Headline] {
        assert!(seen.contains(&style), "{style:?}");
    }
}

/// The entity lexicons, as the gazetteer embeds them.
const LEXICONS: [&str; 8] = [
    include_str!("../../lexicon/entities_countries.txt"),
    include_str!("../../lexicon/entities_places.txt"),
    include_str!("../../lexicon/entities_orgs.txt"),
    include_str!("../../lexicon/entities_misc.txt"),
    include_str!("../../lexicon/entities_people.txt"),
    include_str!("../../lexicon/entities_first_names.txt"),
    include_str!("../../lexicon/entities_stopwords.txt"),
    include_str!("../../lexicon/entities_cues.txt"),
];

/// [`WordInfo`](super::gazetteer::WordInfo) answers like each single lookup, for every listed
/// word and its variants (capitalised, in capitals, with a dot).
#[test]
fn word_info_agrees_with_the_single_lookups() {
    let g = gazetteer();
    let lists = LEXICONS;
    let mut words: Vec<String> = ["", "Zorbix", "zorbix.", "Dr.", "Dr..", "THE", "the"]
        .map(String::from)
        .to_vec();
    for line in lists.iter().flat_map(|l| l.lines()) {
        // Whole lines (phrases) and their words, as listed, capitalised, in capitals, dotted.
        for w in std::iter::once(line.trim()).chain(line.split_whitespace()) {
            let mut chars = w.chars();
            let capitalised: String = chars.next().map_or(String::new(), |c| {
                c.to_uppercase().chain(chars).collect::<String>()
            });
            for v in [
                w.to_string(),
                capitalised,
                w.to_uppercase(),
                w.to_lowercase(),
            ] {
                words.push(format!("{v}."));
                words.push(v);
            }
        }
    }
    let cues = [
        Cue::Title,
        Cue::TitleModifier,
        Cue::Role,
        Cue::OrgSuffix,
        Cue::OrgHead,
        Cue::OrgPrefix,
        Cue::LocSuffix,
        Cue::LocHead,
        Cue::MiscSuffix,
        Cue::OrgNoun,
        Cue::PerNoun,
        Cue::LocNoun,
    ];
    let dr = g.word("Dr.");
    assert!(dr.is(Cue::Title) && dr.cue == Some(Cue::Title) && g.word("Dr..").cue.is_none());
    assert!(g.word("DANIEL").first_name && g.word("Daniel").first_name);
    assert!(g.word("However").stopword && g.word("however").stopword);
    assert!(g.word("Bank").max_tokens_from() >= 3 && g.word("BANK").max_tokens_from() >= 3);
    for w in &words {
        let info = g.word(w);
        assert_eq!(info.stopword, g.is_stopword(w), "{w:?}");
        assert_eq!(info.first_name, g.is_first_name(w), "{w:?}");
        assert_eq!(info.phrase, g.phrase(w), "{w:?}");
        assert_eq!(info.cue, g.cue(w), "{w:?}");
        assert_eq!(info.max_tokens_from(), g.max_tokens_from(w), "{w:?}");
        for cue in cues {
            assert_eq!(info.is(cue), g.is(w, cue), "{w:?} {cue:?}");
        }
    }
}
