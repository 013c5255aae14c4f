//! Table-driven tests of the quote layer: one row per case, exact spans, kinds, speakers, cues.
//!
//! Every row runs twice, with its hand-made entity list and with no entities; both runs must
//! give valid, sorted, non-overlapping spans. Rows marked [`Ents::Both`] must also give the
//! expected result without entities.

use super::recognize;
use crate::annotation::{Annotation, Label, QuoteKind};
use crate::span::Span;
use crate::text::TextIndex;
use Label::{Org, Per};

/// Expected kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum K {
    S,
    T,
}
use K::{S, T};

/// `(span text, kind, speaker text, cue)`.
type Exp = (&'static str, K, Option<&'static str>, Option<&'static str>);

/// `(text, occurrence, label)` of a hand-made entity.
type Ent = (&'static str, usize, Label);

/// Whether the expectation also holds without entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ents {
    /// Expected with the row's entities and with none.
    Both,
    /// Expected with the row's entities only.
    Only,
}
use Ents::{Both, Only};

/// `(row name, text, entities, which runs, expected quotations in order)`.
type Row = (
    &'static str,
    &'static str,
    &'static [Ent],
    Ents,
    &'static [Exp],
);

const ROWS: &[Row] = &[
    // --- Speakers after the quotation.
    (
        "said ORG",
        "“We are committed to artists,” said Spotify.",
        &[("Spotify", 0, Org)],
        Both,
        &[(
            "We are committed to artists,",
            S,
            Some("Spotify"),
            Some("said"),
        )],
    ),
    (
        "ORG said",
        "“We are committed,” Spotify said on Monday.",
        &[("Spotify", 0, Org)],
        Both,
        &[("We are committed,", S, Some("Spotify"), Some("said"))],
    ),
    (
        "said name, appositive with another entity",
        "“We pay fairly,” said Daniel Ek, Spotify’s chief executive.",
        &[("Daniel Ek", 0, Per), ("Spotify", 0, Org)],
        Both,
        &[("We pay fairly,", S, Some("Daniel Ek"), Some("said"))],
    ),
    (
        "entity span used exactly",
        "“We pay fairly,” said Spotify boss Daniel Ek.",
        &[("Spotify", 0, Org), ("Daniel Ek", 0, Per)],
        Only,
        &[("We pay fairly,", S, Some("Daniel Ek"), Some("said"))],
    ),
    (
        "name after a role",
        "“We pay fairly,” said Spotify boss Daniel Ek.",
        &[],
        Both,
        &[("We pay fairly,", S, Some("Daniel Ek"), Some("said"))],
    ),
    (
        "name after a determiner and a role",
        "“It is theft,” said the composer Ed Newton-Rex on Monday.",
        &[],
        Both,
        &[("It is theft,", S, Some("Ed Newton-Rex"), Some("said"))],
    ),
    (
        "organisation after a preposition stays in the phrase",
        "“It is theft,” said a spokesman for Spotify.",
        &[],
        Both,
        &[("It is theft,", S, Some("a spokesman for Spotify"), Some("said"))],
    ),
    (
        "question, asked",
        "“Why now?” asked Pohl.",
        &[("Pohl", 0, Per)],
        Both,
        &[("Why now?", S, Some("Pohl"), Some("asked"))],
    ),
    (
        "insists, present tense before name",
        "“It is fair,” insists Ek.",
        &[("Ek", 0, Per)],
        Both,
        &[("It is fair,", S, Some("Ek"), Some("insists"))],
    ),
    (
        "warned after name",
        "“Artists will lose out,” Pohl warned.",
        &[("Pohl", 0, Per)],
        Both,
        &[("Artists will lose out,", S, Some("Pohl"), Some("warned"))],
    ),
    (
        "says after name",
        "“It is fair,” Ek says.",
        &[],
        Both,
        &[("It is fair,", S, Some("Ek"), Some("says"))],
    ),
    (
        "comma outside the marks",
        "“We are committed”, Ek said.",
        &[],
        Both,
        &[("We are committed", S, Some("Ek"), Some("said"))],
    ),
    (
        "title with a dot",
        "“We will fight,” Mr. Ek said.",
        &[],
        Both,
        &[("We will fight,", S, Some("Mr. Ek"), Some("said"))],
    ),
    (
        "name with a parenthesis",
        "“It is a dog whistle,” Rep. Gwen Moore (D-Wis.) said Friday.",
        &[],
        Both,
        &[(
            "It is a dog whistle,",
            S,
            Some("Rep. Gwen Moore"),
            Some("said"),
        )],
    ),
    // Regression: `said to the TV` was rejected along with `said to be`.
    (
        "said to someone",
        "“I would,” Melanie said to the TV.",
        &[],
        Both,
        &[("I would,", S, Some("Melanie"), Some("said"))],
    ),
    (
        "said to be is no cue",
        "The “deal” was said to be worth $6bn.",
        &[],
        Both,
        &[("deal", T, None, None)],
    ),
    (
        "name after a dash at the end of the line",
        "“Maybe we can build a wall around him.” ― Steve Quinlan\n“No.” — Ana Ruiz.",
        &[],
        Both,
        &[
            (
                "Maybe we can build a wall around him.",
                S,
                Some("Steve Quinlan"),
                None,
            ),
            ("No.", S, Some("Ana Ruiz"), None),
        ],
    ),
    (
        "a dash followed by more text is no attribution",
        "Estonia is in the “suburbs of St. Petersburg” — a metaphor for the party.",
        &[],
        Both,
        &[("suburbs of St. Petersburg", T, None, None)],
    ),
    // Regression: the nested quotation's closing mark hid the clause-ending comma.
    (
        "nested quotation at the end, then the speaker",
        "“You say you ‘accept responsibility,’” Merkley said.",
        &[],
        Both,
        &[("You say you ‘accept responsibility,’", S, Some("Merkley"), Some("said"))],
    ),
    (
        "long appositive before the cue",
        "“Absolutely,” Vann R. Newkirk II, a writer for The Atlantic, said on Twitter.",
        &[("Vann R. Newkirk II", 0, Per), ("The Atlantic", 0, Org)],
        Only,
        &[("Absolutely,", S, Some("Vann R. Newkirk II"), Some("said"))],
    ),
    (
        "cue later in the sentence",
        "“I have admiration for the mechanics” of the plan, Mr. Holtz-Eakin said.",
        &[],
        Both,
        &[(
            "I have admiration for the mechanics",
            S,
            Some("Mr. Holtz-Eakin"),
            Some("said"),
        )],
    ),
    (
        "as X put it",
        "The rule is a “lawful source of income,” as a Homeland Security memo put it.",
        &[],
        Both,
        &[(
            "lawful source of income,",
            S,
            Some("a Homeland Security memo"),
            Some("put it"),
        )],
    ),
    // Regression: `adding` right after the quotation was taken for `“…,” said X`.
    (
        "participle after the quotation",
        "In a statement, Peabody said: “Patriot Coal was successful,” adding that it grew.",
        &[("Peabody", 0, Org)],
        Both,
        &[("Patriot Coal was successful,", S, Some("Peabody"), Some("said"))],
    ),
    // --- Speakers before the quotation.
    (
        "name said colon",
        "Ed Newton-Rex said: “Licensing is not consent.”",
        &[("Ed Newton-Rex", 0, Per)],
        Both,
        &[(
            "Licensing is not consent.",
            S,
            Some("Ed Newton-Rex"),
            Some("said"),
        )],
    ),
    (
        "cue and colon at the end of the paragraph before",
        "The New York Times reports:\n\n\"Just 24 percent of the donors gave less.\"",
        &[("The New York Times", 0, Org)],
        Only,
        &[(
            "Just 24 percent of the donors gave less.",
            S,
            Some("The New York Times"),
            Some("reports"),
        )],
    ),
    (
        "headline: speaker before a colon without a verb",
        "Spotify boss: ‘We pay artists fairly’\n\nThe deal was signed.",
        &[],
        Both,
        &[("We pay artists fairly", S, Some("Spotify boss"), None)],
    ),
    (
        "headline with a possessive before the colon",
        "Musicians' Union boss: 'We won't be silenced'",
        &[],
        Both,
        &[(
            "We won't be silenced",
            S,
            Some("Musicians' Union boss"),
            None,
        )],
    ),
    (
        "British quotation with apostrophes, elisions and a reopened paragraph",
        "'It's rock 'n' roll, nothin' more,' Mr Ek told the BBC's Today programme. 'Artists earn more.\n\n'And we'll keep investing,' he added.",
        &[],
        Both,
        &[
            ("It's rock 'n' roll, nothin' more,", S, Some("Mr Ek"), Some("told")),
            ("Artists earn more.", S, Some("Mr Ek"), Some("added")),
            ("And we'll keep investing,", S, Some("Mr Ek"), Some("added")),
        ],
    ),
    (
        "headline colon with an entity",
        "Spotify boss: ‘We pay artists fairly’",
        &[("Spotify", 0, Org)],
        Only,
        &[("We pay artists fairly", S, Some("Spotify"), None)],
    ),
    (
        "a colon after a common phrase names no speaker",
        "Two questions: “Why now and why here?”",
        &[],
        Both,
        &[("Why now and why here?", S, None, None)],
    ),
    (
        "told reporters colon",
        "Ek told reporters: “We pay fairly.”",
        &[("Ek", 0, Per)],
        Both,
        &[("We pay fairly.", S, Some("Ek"), Some("told"))],
    ),
    (
        "said comma",
        "Ek said, “We pay fairly.”",
        &[],
        Both,
        &[("We pay fairly.", S, Some("Ek"), Some("said"))],
    ),
    (
        "participle takes the clause subject",
        "Ek praised the deal, adding: “It is fair.”",
        &[("Ek", 0, Per)],
        Both,
        &[("It is fair.", S, Some("Ek"), Some("adding"))],
    ),
    (
        "according to after",
        "Members lost £4,500 a year, “a scandal”, according to Naomi Pohl, its general secretary.",
        &[("Naomi Pohl", 0, Per)],
        Both,
        &[("a scandal", S, Some("Naomi Pohl"), Some("according to"))],
    ),
    (
        "According to before",
        "According to Pohl, “nobody was asked.”",
        &[("Pohl", 0, Per)],
        Both,
        &[("nobody was asked.", S, Some("Pohl"), Some("According to"))],
    ),
    // --- Pronouns and organisation nouns.
    (
        "he added resolves to the last person",
        "Ed Newton-Rex, a British composer, was unimpressed. He added: “Licensing is not consent.”",
        &[("Ed Newton-Rex", 0, Per), ("British", 0, Label::Misc)],
        Both,
        &[(
            "Licensing is not consent.",
            S,
            Some("Ed Newton-Rex"),
            Some("added"),
        )],
    ),
    (
        "he said resolves to the last person, not the last organisation",
        "Naomi Pohl spoke after Spotify did. “It is theft,” she said.",
        &[("Naomi Pohl", 0, Per), ("Spotify", 0, Org)],
        Both,
        &[("It is theft,", S, Some("Naomi Pohl"), Some("said"))],
    ),
    // Regression: `he` went to the most recent person (Clinton) instead of the subject.
    (
        "he prefers the last subject or speaker over a later mention",
        "Trump says he wants a pardon. His audio was quieter than Clinton’s. He says: “It was bad.”",
        &[("Trump", 0, Per), ("Clinton", 0, Per)],
        Only,
        &[("It was bad.", S, Some("Trump"), Some("says"))],
    ),
    (
        "pronoun with a contraction",
        "Trump spoke in Michigan. He’s claiming that fraud is “a big, big problem”.",
        &[("Trump", 0, Per)],
        Only,
        &[("a big, big problem", S, Some("Trump"), Some("claiming"))],
    ),
    // Regression: a name inside an earlier quotation was taken as the antecedent.
    (
        "names inside quotations are not antecedents",
        "Obama smiled. “I love Larry,” he said.",
        &[("Obama", 0, Per), ("Larry", 0, Per)],
        Only,
        &[("I love Larry,", S, Some("Obama"), Some("said"))],
    ),
    (
        "pronoun with no person anywhere",
        "“It is theft,” she said.",
        &[],
        Both,
        &[("It is theft,", S, None, Some("said"))],
    ),
    (
        "she said names the sentence subject, not a later name",
        "Clinton says she admired Machado, whom she calls “a brave woman.”",
        &[("Clinton", 0, Per), ("Machado", 0, Per)],
        Both,
        &[("a brave woman.", S, Some("Clinton"), Some("calls"))],
    ),
    (
        "the company said resolves to the last organisation",
        "Spotify signed the deal. “We are proud,” the company said.",
        &[("Spotify", 0, Org)],
        Only,
        &[("We are proud,", S, Some("Spotify"), Some("said"))],
    ),
    (
        "the company said without entities is the phrase",
        "Spotify signed the deal. “We are proud,” the company said.",
        &[],
        Only,
        &[("We are proud,", S, Some("the company"), Some("said"))],
    ),
    (
        "a spokesperson said",
        "“We are proud,” a spokeswoman said.",
        &[],
        Both,
        &[("We are proud,", S, Some("a spokeswoman"), Some("said"))],
    ),
    // --- Partial quotations in a sentence with a reporting verb.
    (
        "partial quote, appositive subject",
        "The culture secretary, Lisa Nandy, told parliament there was “no clear consensus” on pay.",
        &[("Lisa Nandy", 0, Per)],
        Both,
        &[("no clear consensus", S, Some("Lisa Nandy"), Some("told"))],
    ),
    (
        "partial quote, name first then appositive",
        "Jean-Marc Ayrault, the foreign minister of France, said the test was “a provocation.”",
        &[],
        Both,
        &[("a provocation.", S, Some("Jean-Marc Ayrault"), Some("said"))],
    ),
    (
        "naming verb with a one-word quote",
        "Pohl called the deal “shameful”.",
        &[("Pohl", 0, Per)],
        Both,
        &[("shameful", S, Some("Pohl"), Some("called"))],
    ),
    (
        "adverb between subject and cue",
        "Clinton once described the pact as “the gold standard” of deals.",
        &[],
        Both,
        &[("the gold standard", S, Some("Clinton"), Some("described"))],
    ),
    // Regression: `States` in `the United States` was taken for the cue `states`.
    (
        "capitalised words are not cues",
        "Kerry said the United States would take “robust steps” soon.",
        &[],
        Both,
        &[("robust steps", S, Some("Kerry"), Some("said"))],
    ),
    // Regression: the noun `claims` was taken for the verb.
    (
        "noun spelled like a cue",
        "PolitiFact rated 32% of Republican claims as “false” last year.",
        &[],
        Both,
        &[("false", T, None, None)],
    ),
    // Regression: `“…,” but he said` attributed the quotation to the next clause's subject.
    (
        "a conjunction after the quotation starts another clause",
        "Putney said the video did not give “definitive visual evidence,” but he said more.",
        &[("Putney", 0, Per)],
        Both,
        &[("definitive visual evidence,", S, Some("Putney"), Some("said"))],
    ),
    // --- Terms.
    (
        "scare quote despite a reporting verb in the sentence",
        "Critics say the training data was shared via “torrents” and never paid for.",
        &[],
        Both,
        &[("torrents", T, None, None)],
    ),
    (
        "title in quotes",
        "She starred in “The Lord of the Rings” last year.",
        &[],
        Both,
        &[("The Lord of the Rings", T, None, None)],
    ),
    (
        "title followed by a cue is still a title",
        "On “The Steve Harvey Morning Show,” the nominee said she was ready.",
        &[],
        Both,
        &[("The Steve Harvey Morning Show,", T, None, None)],
    ),
    (
        "short capitalised term mid-sentence",
        "The so-called “Brexit dividend” never came.",
        &[],
        Both,
        &[("Brexit dividend", T, None, None)],
    ),
    (
        "only a term",
        "“torrents”",
        &[],
        Both,
        &[("torrents", T, None, None)],
    ),
    // --- Marks: straight, British single, apostrophes, guillemets.
    (
        "straight double quotes",
        "\"We are committed,\" said Spotify.",
        &[("Spotify", 0, Org)],
        Both,
        &[("We are committed,", S, Some("Spotify"), Some("said"))],
    ),
    (
        "straight single quotes",
        "'We are ready,' said Ek.",
        &[],
        Both,
        &[("We are ready,", S, Some("Ek"), Some("said"))],
    ),
    (
        "doubled apostrophes as double quotes",
        "''We are ready,'' said Ek.",
        &[],
        Both,
        &[("We are ready,", S, Some("Ek"), Some("said"))],
    ),
    (
        "British single quotes",
        "‘We are committed,’ said Spotify.",
        &[],
        Both,
        &[("We are committed,", S, Some("Spotify"), Some("said"))],
    ),
    (
        "British quotes around possessives",
        "‘Anna’s Archive is not the Musicians’ Union,’ said Pohl.",
        &[],
        Both,
        &[(
            "Anna’s Archive is not the Musicians’ Union,",
            S,
            Some("Pohl"),
            Some("said"),
        )],
    ),
    (
        "British quotes around rock ’n’ roll",
        "‘I love rock ’n’ roll,’ said Pohl.",
        &[],
        Both,
        &[("I love rock ’n’ roll,", S, Some("Pohl"), Some("said"))],
    ),
    (
        "British quotes around a decade",
        "‘Music in the ’90s was better,’ said Pohl.",
        &[],
        Both,
        &[(
            "Music in the ’90s was better,",
            S,
            Some("Pohl"),
            Some("said"),
        )],
    ),
    (
        "British quotes around a dropped g",
        "‘I got nothin’ to say,’ said Pohl.",
        &[],
        Both,
        &[("I got nothin’ to say,", S, Some("Pohl"), Some("said"))],
    ),
    (
        "British scare quotes, two in a sentence",
        "Files were shared as ‘torrents’ and ‘seeds’ online.",
        &[],
        Both,
        &[("torrents", T, None, None), ("seeds", T, None, None)],
    ),
    (
        "apostrophes alone are no quotes",
        "The Musicians’ Union liked rock ’n’ roll in the ’90s, said Anna’s friend; 'em too.",
        &[],
        Both,
        &[],
    ),
    (
        "guillemets",
        "«Nous sommes prêts», said Ek.",
        &[],
        Both,
        &[("Nous sommes prêts", S, Some("Ek"), Some("said"))],
    ),
    // --- Nesting.
    (
        "nested single inside double",
        "Pohl was angry. “He said ‘no’ to me,” she said.",
        &[("Pohl", 0, Per)],
        Only,
        &[("He said ‘no’ to me,", S, Some("Pohl"), Some("said"))],
    ),
    (
        "nested straight inside curly",
        "“He said \"no\" to me,” Pohl said.",
        &[],
        Both,
        &[("He said \"no\" to me,", S, Some("Pohl"), Some("said"))],
    ),
    // --- Several quotations.
    (
        "a following quotation takes the speaker",
        "“We pay fairly,” said Ek. “Artists know it.”",
        &[("Ek", 0, Per)],
        Both,
        &[
            ("We pay fairly,", S, Some("Ek"), Some("said")),
            ("Artists know it.", S, Some("Ek"), Some("said")),
        ],
    ),
    (
        "split quotation",
        "Ek smiled. “We pay,” he said, “and we always will.”",
        &[("Ek", 0, Per)],
        Only,
        &[
            ("We pay,", S, Some("Ek"), Some("said")),
            ("and we always will.", S, Some("Ek"), Some("said")),
        ],
    ),
    // --- Paragraphs.
    (
        "quotation reopened in the next paragraph: one span per paragraph",
        "“We are committed to artists.\n\n“And we pay them fairly,” said Ek.",
        &[],
        Both,
        &[
            ("We are committed to artists.", S, Some("Ek"), Some("said")),
            ("And we pay them fairly,", S, Some("Ek"), Some("said")),
        ],
    ),
    (
        "straight quotation reopened in the next paragraph",
        "\"First part.\n\n\"Second part,\" said Ek.",
        &[],
        Both,
        &[
            ("First part.", S, Some("Ek"), Some("said")),
            ("Second part,", S, Some("Ek"), Some("said")),
        ],
    ),
    (
        "single line breaks are paragraphs when there are no blank lines",
        "“First part.\n“Second part,” said Ek.",
        &[],
        Both,
        &[
            ("First part.", S, Some("Ek"), Some("said")),
            ("Second part,", S, Some("Ek"), Some("said")),
        ],
    ),
    (
        "hard-wrapped line inside a quotation",
        "“We are committed\nto artists,” said Ek.\n\nMore text.",
        &[],
        Both,
        &[("We are committed\nto artists,", S, Some("Ek"), Some("said"))],
    ),
    (
        "unclosed at the paragraph end without reopening: dropped",
        "“We are committed to artists.\n\nEk left. “Fine,” he said.",
        &[("Ek", 0, Per)],
        Only,
        &[("Fine,", S, Some("Ek"), Some("said"))],
    ),
    // Regression: a straight stray mark was continued by a curly quotation in the next paragraph.
    (
        "reopening needs the same mark",
        "\"Kevin was snoring.\n\n“Here he is,” she said.",
        &[("Kevin", 0, Per)],
        Only,
        &[("Here he is,", S, Some("Kevin"), Some("said"))],
    ),
    // --- Unbalanced marks.
    (
        "stray opening mark does not swallow the rest",
        "He said “ hello. “Real quote here,” said Ek. More text follows.",
        &[],
        Both,
        &[("Real quote here,", S, Some("Ek"), Some("said"))],
    ),
    (
        "stray opening mark at the paragraph end does not continue",
        "A stray “ mark here.\n\n“Real,” said Ek.",
        &[],
        Both,
        &[("Real,", S, Some("Ek"), Some("said"))],
    ),
    (
        "stray closing mark",
        "The 5” screen and “the deal” were new.",
        &[],
        Both,
        &[("the deal", T, None, None)],
    ),
    (
        "unclosed at the end of the text",
        "Ek said: “We are committed",
        &[],
        Both,
        &[],
    ),
    ("marks alone, empty pair", "“”", &[], Both, &[]),
    ("marks alone, spaced pair", "“ ”", &[], Both, &[]),
    ("marks alone, one straight", "\"", &[], Both, &[]),
    ("marks alone, reversed", "” “", &[], Both, &[]),
    ("marks alone, apostrophes", "''''", &[], Both, &[]),
    ("empty text", "", &[], Both, &[]),
    // --- Emoji and text edges.
    (
        "emoji inside and after",
        "“We love 🎵 and 🔥,” said Ek 😀.",
        &[("Ek", 0, Per)],
        Both,
        &[("We love 🎵 and 🔥,", S, Some("Ek"), Some("said"))],
    ),
    ("emoji only inside", "“😀”", &[], Both, &[]),
    (
        "quotations at the very start and end",
        "“Start,” Ek said. He added: “End.”",
        &[("Ek", 0, Per)],
        Only,
        &[
            ("Start,", S, Some("Ek"), Some("said")),
            ("End.", S, Some("Ek"), Some("added")),
        ],
    ),
    (
        "unresolved pronoun takes the paragraph's previous speaker",
        "“Start,” Ek said. He added: “End.”",
        &[],
        Only,
        &[
            ("Start,", S, Some("Ek"), Some("said")),
            ("End.", S, Some("Ek"), Some("added")),
        ],
    ),
    (
        "after a colon a one-word quotation is speech and takes the paragraph's speaker",
        "“Start,” Ek said. He ended: “End.”",
        &[],
        Both,
        &[
            ("Start,", S, Some("Ek"), Some("said")),
            ("End.", S, Some("Ek"), Some("said")),
        ],
    ),
    (
        "text that is only quotations",
        "“One.” “Two.”",
        &[],
        Both,
        &[("One.", S, None, None), ("Two.", S, None, None)],
    ),
    // --- Pronoun antecedents: salience, gender, unresolved pronouns.
    (
        "he refers to a subject after a title or description",
        "Donald Trump spoke first. Former President Bill Clinton agreed with Obama’s analysis. \
         “Iowa happened,” he said.",
        &[("Donald Trump", 0, Per), ("Bill Clinton", 0, Per), ("Obama", 0, Per)],
        Only,
        &[("Iowa happened,", S, Some("Bill Clinton"), Some("said"))],
    ),
    (
        "he refers to a person named after a reporting verb",
        "“It’s a wipeout,” said Rick Wilson. The base is shrinking, said Alan Abramowitz, a \
         demographer at Emory University. “He’s trying to appeal to displacement,” he said.",
        &[
            ("Rick Wilson", 0, Per),
            ("Alan Abramowitz", 0, Per),
            ("Emory University", 0, Org),
        ],
        Only,
        &[
            ("It’s a wipeout,", S, Some("Rick Wilson"), Some("said")),
            (
                "He’s trying to appeal to displacement,",
                S,
                Some("Alan Abramowitz"),
                Some("said"),
            ),
        ],
    ),
    (
        "she skips a man the text names with a male given name",
        "Hillary Clinton spoke after Bernie Sanders. Sanders told reporters he was proud. \
         “We fought hard,” she said.",
        &[
            ("Hillary Clinton", 0, Per),
            ("Bernie Sanders", 0, Per),
            ("Sanders", 1, Per),
        ],
        Only,
        &[("We fought hard,", S, Some("Hillary Clinton"), Some("said"))],
    ),
    (
        "he skips a woman the text names with a title",
        "Mr. Holt asked the question. Ms. Lynch answered first. “It was fair,” he said.",
        &[("Holt", 0, Per), ("Lynch", 0, Per)],
        Only,
        &[("It was fair,", S, Some("Holt"), Some("said"))],
    ),
    (
        "they and I are the speaker as written",
        "“We fought hard,” they said. “I am not shy,” I said.",
        &[],
        Both,
        &[
            ("We fought hard,", S, Some("they"), Some("said")),
            ("I am not shy,", S, Some("I"), Some("said")),
        ],
    ),
    (
        "a document as the speaker of reads",
        "“From Seattle to Houston, we see hope,” the letter reads.",
        &[],
        Both,
        &[(
            "From Seattle to Houston, we see hope,",
            S,
            Some("the letter"),
            Some("reads"),
        )],
    ),
    // --- Headlines: a title-case line is not a title; its quotations are someone's words.
    (
        "headline naming the speaker before a colon",
        "Graham: Trump’s ‘Incredibly Hateful Rhetoric’ Destroying GOP’s Chance to Win.\n\n\
         Lindsey Graham spoke on Thursday.",
        &[
            ("Graham", 0, Per),
            ("Trump", 0, Per),
            ("GOP", 0, Org),
            ("Lindsey Graham", 0, Per),
        ],
        Both,
        &[("Incredibly Hateful Rhetoric", S, Some("Graham"), None)],
    ),
    (
        "headline with a capitalised reporting verb",
        "Chris Christie Calls Hillary Clinton ‘A Disgrace’ Over Police Comments.\n\n\
         The governor spoke on Monday.",
        &[("Chris Christie", 0, Per), ("Hillary Clinton", 0, Per)],
        Both,
        &[("A Disgrace", S, Some("Chris Christie"), Some("Calls"))],
    ),
    (
        "headline with the speaker and verb after the quotation",
        "Trump ‘The Dealmaker’ Could Address Clean Energy, Lindsey Graham Says.\n\n\
         The senator spoke on Monday.",
        &[("Trump", 0, Per), ("Lindsey Graham", 0, Per)],
        Both,
        &[("The Dealmaker", S, Some("Lindsey Graham"), Some("Says"))],
    ),
    // --- Partial quotations in a sentence about a person, without a reporting verb.
    (
        "a person opening the sentence is the speaker of a partial quotation",
        "Senator Harry Reid has gone after Trump as a “human leech” for weeks.",
        &[("Harry Reid", 0, Per), ("Trump", 0, Per)],
        Only,
        &[("human leech", S, Some("Harry Reid"), None)],
    ),
    (
        "a pronoun opening the sentence resolves for a partial quotation",
        "Trump spoke in Ohio. He bragged about his “tremendous” crowds.",
        &[("Trump", 0, Per)],
        Only,
        &[("tremendous", S, Some("Trump"), None)],
    ),
    (
        "so-called stays a term after a person",
        "Ek rejected the so-called “streaming tax” on Monday.",
        &[("Ek", 0, Per)],
        Both,
        &[("streaming tax", T, None, None)],
    ),
    (
        "an organisation opening the sentence does not make speech",
        "Spotify rated the plan as “fair” last year.",
        &[("Spotify", 0, Org)],
        Both,
        &[("fair", T, None, None)],
    ),
    // --- A cue later in the sentence after a comma: the speaker follows it.
    (
        "inverted cue after a partial quotation",
        "Clinton “drew quite well from white, working-class Democrats” in the 2008 primary, said \
         Ohio State University professor Paul Beck.",
        &[
            ("Clinton", 0, Per),
            ("Ohio State University", 0, Org),
            ("Paul Beck", 0, Per),
        ],
        Both,
        &[(
            "drew quite well from white, working-class Democrats",
            S,
            Some("Paul Beck"),
            Some("said"),
        )],
    ),
    (
        "told after a comma keeps the speaker before it",
        "“The narrative is everywhere,” Malkia Cyril, the director of a media group that \
         campaigns on it, told The Huffington Post.",
        &[("Malkia Cyril", 0, Per), ("The Huffington Post", 0, Org)],
        Only,
        &[("The narrative is everywhere,", S, Some("Malkia Cyril"), Some("told"))],
    ),
    // Regression: `claiming` after the quotation was read as `“…,” said X`.
    (
        "any -ing cue after the quotation is a participle",
        "Speaking in Florida, Trump insisted that he has “expanded the Republican party,” \
         claiming that he is responsible for the turnout.",
        &[("Florida", 0, Label::Loc), ("Trump", 0, Per)],
        Both,
        &[(
            "expanded the Republican party,",
            S,
            Some("Trump"),
            Some("insisted"),
        )],
    ),
    // --- The owner of a speech noun before the quotation.
    (
        "a name owning a speech noun",
        "Politifact did a fact-check on Donald Trump’s claim that there have been “thousands of \
         shootings” in Chicago.",
        &[
            ("Politifact", 0, Org),
            ("Donald Trump", 0, Per),
            ("Chicago", 0, Label::Loc),
        ],
        Only,
        &[("thousands of shootings", S, Some("Donald Trump"), None)],
    ),
    (
        "his owning a speech noun resolves",
        "Trump spoke in Iowa. Few doubted his pledge to build “a big, beautiful wall” on the \
         border.",
        &[("Trump", 0, Per), ("Iowa", 0, Label::Loc)],
        Only,
        &[("a big, beautiful wall", S, Some("Trump"), None)],
    ),
    // --- A quotation opening the paragraph after an attribution goes on with its speaker.
    (
        "the next paragraph right after the attribution",
        "“We will win,” Trump said.\n\n“Nobody can stop us.”",
        &[("Trump", 0, Per)],
        Both,
        &[
            ("We will win,", S, Some("Trump"), Some("said")),
            ("Nobody can stop us.", S, Some("Trump"), Some("said")),
        ],
    ),
    (
        "not after a sentence about someone else",
        "“We will win,” Trump said. Clinton disagreed with him on every point that evening.\n\n\
         “Nobody can stop us.”",
        &[("Trump", 0, Per), ("Clinton", 0, Per)],
        Both,
        &[
            ("We will win,", S, Some("Trump"), Some("said")),
            ("Nobody can stop us.", S, None, None),
        ],
    ),
    // Regression: a stray `I.` the entity layer took for a person was the antecedent of `he`.
    (
        "a pronoun tagged as a person is no antecedent",
        "Trump spoke in Ohio. I.\n\nOn television, “We will win,” he said.",
        &[("Trump", 0, Per), ("I", 0, Per)],
        Only,
        &[("We will win,", S, Some("Trump"), Some("said"))],
    ),
    (
        "headline opened by a person, without a reporting verb",
        "Hillary Clinton Speaks ‘Directly To White People’ After Latest Police Shooting.\n\n\
         Clinton spoke on Tuesday.",
        &[("Hillary Clinton", 0, Per), ("Clinton", 1, Per)],
        Only,
        &[("Directly To White People", S, Some("Hillary Clinton"), None)],
    ),
    (
        "the company far from the last organisation is the speaker as written",
        "Spotify opened an office in Paris. The weather was mild that week and the streets were \
         busy with tourists who came for the museums, the river and the food. Prices rose in the \
         spring as they do every year, and the hotels were full until the autumn. Nobody in the \
         city expected the summer to be so hot, and the parks stayed open late into the night. \
         Musicians played on the bridges while the cafes stayed full long after midnight. \
         “We pay artists fairly,” the company said.",
        &[("Spotify", 0, Org), ("Paris", 0, Label::Loc)],
        Only,
        &[("We pay artists fairly,", S, Some("the company"), Some("said"))],
    ),
];
/// Builds entity annotations from `(text, occurrence, label)`.
fn entities(text: &str, ents: &[Ent]) -> Vec<Annotation> {
    let mut out: Vec<Annotation> = ents
        .iter()
        .map(|&(name, nth, label)| {
            let start = text
                .match_indices(name)
                .nth(nth)
                .map(|(i, _)| i)
                .unwrap_or_else(|| panic!("no occurrence {nth} of {name:?} in {text:?}"));
            Annotation::new(Span::new(start, start + name.len()), label)
        })
        .collect();
    out.sort_by_key(|a| a.span.start);
    out
}

/// Checks the layer's invariants on one result.
fn check_invariants(name: &str, text: &str, found: &[Annotation]) {
    check(name, text, found, true);
}

/// [`check_invariants`]; `marks`: also check that no span starts or ends with a curly mark
/// (not for random texts, where a stray mark may legitimately end a quotation's words).
fn check(name: &str, text: &str, found: &[Annotation], marks: bool) {
    let mut last_end = 0;
    for a in found {
        assert!(
            a.span.is_valid_in(text),
            "{name}: invalid span {:?}",
            a.span
        );
        assert!(!a.span.is_empty(), "{name}: empty span");
        assert!(a.span.start >= last_end, "{name}: unsorted or overlapping");
        last_end = a.span.end;
        assert_eq!(a.label, Label::Quote, "{name}");
        let info = a
            .quote
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: no info"));
        if let Some(s) = info.speaker {
            assert!(s.is_valid_in(text), "{name}: invalid speaker {s:?}");
        }
        let inner = a.span.slice(text);
        for mark in ['“', '”', '«', '»'].into_iter().filter(|_| marks) {
            assert!(
                !inner.starts_with(mark) && !inner.ends_with(mark),
                "{name}: marks in span {inner:?}"
            );
        }
    }
}

type Got<'a> = Vec<(&'a str, K, Option<&'a str>, Option<String>)>;

fn run<'a>(text: &'a str, ents: &[Annotation]) -> Got<'a> {
    let found = recognize(&TextIndex::new(text), ents);
    check_invariants(text, text, &found);
    found
        .iter()
        .map(|a| {
            let info = a.quote.as_ref();
            let kind = match info.map(|q| q.kind) {
                Some(QuoteKind::Term) => T,
                _ => S,
            };
            (
                a.span.slice(text),
                kind,
                info.and_then(|q| q.speaker).map(|s| s.slice(text)),
                info.and_then(|q| q.cue.clone()),
            )
        })
        .collect()
}

fn expected(exp: &[Exp]) -> Got<'static> {
    exp.iter()
        .map(|&(s, k, sp, cue)| (s, k, sp, cue.map(str::to_string)))
        .collect()
}

#[test]
fn rows_with_entities() {
    let mut failures = Vec::new();
    for &(name, text, ents, _, exp) in ROWS {
        let got = run(text, &entities(text, ents));
        if got != expected(exp) {
            failures.push(format!(
                "{name}\n  text:     {text:?}\n  expected: {:?}\n  got:      {got:?}",
                expected(exp)
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn rows_without_entities() {
    let mut failures = Vec::new();
    for &(name, text, _, which, exp) in ROWS {
        let got = run(text, &[]);
        if which == Both && got != expected(exp) {
            failures.push(format!(
                "{name}\n  text:     {text:?}\n  expected: {:?}\n  got:      {got:?}",
                expected(exp)
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn pronoun_speaker_is_the_earlier_mention() {
    let text = "Ed Newton-Rex was unimpressed. “No,” he said.";
    let ents = entities(text, &[("Ed Newton-Rex", 0, Per)]);
    let found = recognize(&TextIndex::new(text), &ents);
    let speaker = found[0].quote.as_ref().and_then(|q| q.speaker);
    assert_eq!(speaker, Some(ents[0].span));
}

#[test]
fn fixture_article_without_entities() {
    let text = include_str!("../../tests/fixtures/spotify-deal.txt");
    let got = run(text, &[]);
    let exp: &[Exp] = &[
        (
            "We are committed to paying artists fairly,",
            S,
            Some("Daniel Ek"),
            Some("said"),
        ),
        (
            "This deal does nothing for the 200,000 songwriters whose work was scraped,",
            S,
            Some("Ed Newton-Rex"),
            Some("said"),
        ),
        (
            "Licensing is not the same as consent.",
            S,
            Some("Ed Newton-Rex"),
            Some("added"),
        ),
        ("torrents", T, None, None),
        ("no clear consensus", S, Some("Lisa Nandy"), Some("told")),
    ];
    assert_eq!(got, expected(exp));
}

/// Deterministic pseudo-random texts made of quote marks, apostrophes, words, line breaks and
/// emoji: never a panic, always valid sorted non-overlapping spans.
#[test]
fn random_mark_soup_never_panics() {
    const PARTS: &[&str] = &[
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "„",
        "‹",
        "›",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "said",
        "Ek",
        "he",
        "Anna’s",
        "rock",
        "n",
        "90",
        "s",
        ",",
        ".",
        ":",
        "?",
        "😀",
        "🎵",
        "according",
        "to",
        "the",
        "company",
        "Mr",
        "(",
        ")",
        "é",
        "\u{200B}",
        "\u{FEFF}",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = (next() % 40) as usize;
        let text: String = (0..len)
            .map(|_| PARTS[(next() % PARTS.len() as u64) as usize])
            .collect();
        let index = TextIndex::new(&text);
        let ents = crate::entities::EntityRecognizer::recognize(&crate::RuleRecognizer, &index);
        check(&text, &text, &recognize(&index, &ents), false);
        check(&text, &text, &recognize(&index, &[]), false);
    }
}

/// Random sentences of cue words, names, brackets and marks: exercises the attribution code
/// paths (subjects before cues, parentheses, appositives) on malformed input.
#[test]
fn random_attribution_soup_never_panics() {
    const PARTS: &[&str] = &[
        "“",
        "”",
        "\"",
        "'",
        ",",
        ":",
        ".",
        "(",
        ")",
        "said",
        "says",
        "told",
        "according",
        "to",
        "adding",
        "called",
        "he",
        "she",
        "it",
        "the",
        "company",
        "Mr",
        "Ed",
        "Newton-Rex",
        "Pohl",
        "was",
        "once",
        "and",
        "—",
        "―",
        "a",
        "spokeswoman",
        "\n",
        "\n\n",
        "I",
        "He’s",
        "of",
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20000 {
        let len = (next() % 24) as usize;
        let text: String = (0..len)
            .map(|_| PARTS[(next() % PARTS.len() as u64) as usize])
            .collect::<Vec<_>>()
            .join(if next() % 3 == 0 { "" } else { " " });
        let index = TextIndex::new(&text);
        let ents = crate::entities::EntityRecognizer::recognize(&crate::RuleRecognizer, &index);
        check(&text, &text, &recognize(&index, &ents), false);
        check(&text, &text, &recognize(&index, &[]), false);
    }
}

#[test]
fn unmatched_parenthesis_before_a_cue() {
    for text in [
        ") said: “We pay.”",
        "a ) said: “We pay.”",
        "x ) once said, “We pay.”",
    ] {
        let found = recognize(&TextIndex::new(text), &[]);
        check_invariants(text, text, &found);
        assert_eq!(found.len(), 1, "{text}");
    }
}

#[test]
fn long_unclosed_text_is_linear_and_bounded() {
    // One stray mark before a megabyte of text without paragraph breaks: no quotation, quickly.
    let mut text = String::from("“");
    while text.len() < 1 << 20 {
        text.push_str("words without any closing mark, said Ek ");
    }
    let found = recognize(&TextIndex::new(&text), &[]);
    assert!(found.is_empty());
}
