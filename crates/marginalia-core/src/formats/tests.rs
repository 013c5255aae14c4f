//! Golden outputs of every format on a text with emoji (a ZWJ family), combining accents and
//! curly quotes, round trips through the readers, and the snapshot's and archive's guarantees.

#![allow(clippy::unwrap_used)]

use super::*;
use crate::import::parse_documents;
use crate::import::tests::{sample, TEXT};
use crate::{Annotation, Label, QuoteInfo, QuoteKind, Span};

fn doc(annotations: &[(Annotation, Source)]) -> Document<'_> {
    Document::new("sample", TEXT, annotations)
}

/// `annotations` as the export orders them, for comparisons after a round trip.
fn sorted(mut annotations: Vec<(Annotation, Source)>) -> Vec<(Annotation, Source)> {
    annotations.sort_by_key(|(a, _)| (a.layer(), a.span.start, a.span.end));
    annotations
}

#[test]
fn format_names() {
    for f in Format::ALL {
        assert_eq!(f.name().parse::<Format>(), Ok(f));
        assert_eq!(f.to_string(), f.name());
        assert!(!f.mime().is_empty() && !f.description().is_empty());
    }
    assert_eq!("JSONLD".parse::<Format>(), Ok(Format::W3c));
    assert_eq!(
        "xml".parse::<Format>().map_err(|e| e.to_string()),
        Err("unknown format 'xml' (json, jsonl, w3c, brat, conll, csv or html)".to_string())
    );
    assert!(Format::Csv.is_combined() && !Format::Brat.is_combined());
}

#[test]
fn brat_golden() {
    let s = sample();
    assert_eq!(
        brat::ann(&doc(&s)),
        "T1\tORG 2 7\tCafe\u{301}\n\
         A1\tManual T1\n\
         T2\tPER 8 11\tZoë\n\
         T3\tPER 53 56\tZoë\n\
         T4\tMONEY 17 20\t€5m\n\
         #1\tAnnotatorNotes T4\tvalue=5000000 unit=EUR\n\
         T5\tDATE 24 29\t3 May\n\
         #2\tAnnotatorNotes T5\tvalue=XXXX-05-03\n\
         T6\tQUOTE 32 46\tHi 👩\u{200d}👩\u{200d}👧, all,\n\
         A2\tKind T6 speech\n\
         #3\tAnnotatorNotes T6\tcue=said\n\
         T7\tQUOTE 59 62;63 69\tTwo lines,\n\
         A3\tKind T7 speech\n\
         A4\tManual T7\n\
         R1\tSpeaker Arg1:T6 Arg2:T3\n\
         T8\tSPEAKER 71 75\there\n\
         R2\tSpeaker Arg1:T7 Arg2:T8\n"
    );
    let files = render(Format::Brat, &[doc(&s)]);
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["sample.txt", "sample.ann", "annotation.conf"]);
    assert_eq!(files[0].contents, TEXT);
}

#[test]
fn brat_offsets_slice_the_text_by_code_points() {
    let s = sample();
    let chars: Vec<char> = TEXT.chars().collect();
    for line in brat::ann(&doc(&s)).lines().filter(|l| l.starts_with('T')) {
        let mut cols = line.split('\t');
        let (_, kind_offsets, shown) = (cols.next(), cols.next().unwrap(), cols.next().unwrap());
        let offsets = kind_offsets.split_once(' ').unwrap().1;
        let pieces: Vec<String> = offsets
            .split(';')
            .map(|f| {
                let (a, b) = f.split_once(' ').unwrap();
                chars[a.parse::<usize>().unwrap()..b.parse::<usize>().unwrap()]
                    .iter()
                    .collect()
            })
            .collect();
        assert!(pieces.iter().all(|p| !p.contains('\n')), "{line}");
        assert_eq!(pieces.join(" "), shown, "{line}");
    }
}

#[test]
fn conll_golden() {
    let s = sample();
    let expected = "-DOCSTART- -X- -X- O\n\n\
        😀\tO\nCafe\u{301}\tB-ORG\nZoë\tB-PER\npaid\tO\n€\tO\n5\tO\nm\tO\non\tO\n3\tO\nMay\tO\n.\tO\n\n\
        “\tO\nHi\tO\n👩\tO\n\u{200d}\tO\n👩\tO\n\u{200d}\tO\n👧\tO\n,\tO\nall\tO\n,\tO\n”\tO\n\
        said\tO\nZoë\tB-PER\n.\tO\n\n\
        “\tO\nTwo\tO\nlines\tO\n,\tO\n”\tO\nhere\tO\nsaid\tO\n.\tO\n\n";
    assert_eq!(conll::to_string(&[doc(&s)]), expected);
    // Two documents: each starts with -DOCSTART-.
    let both = render(Format::Conll, &[doc(&s), doc(&s)]);
    assert_eq!(both.len(), 1);
    assert_eq!(both[0].name, "annotations.conll");
    assert_eq!(both[0].contents, format!("{expected}{expected}"));
}

#[test]
fn conll_multi_token_entities_use_inside_tags() {
    let text = "Angela Merkel met Emmanuel Macron. Merkel left.";
    let a = |s: &str, n: usize| {
        let start = text.match_indices(s).nth(n).unwrap().0;
        (
            Annotation::new(Span::new(start, start + s.len()), Label::Per),
            Source::Auto,
        )
    };
    let anns = [
        a("Angela Merkel", 0),
        a("Emmanuel Macron", 0),
        a("Merkel", 1),
    ];
    let out = conll::to_string(&[Document::new("x", text, &anns)]);
    let tags: Vec<&str> = out
        .lines()
        .skip(2)
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').nth(1).unwrap())
        .collect();
    assert_eq!(
        tags,
        ["B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-PER", "O", "O"]
    );
}

#[test]
fn csv_golden() {
    let s = sample();
    assert_eq!(
        csv::to_string(&[doc(&s)]),
        "doc,layer,label,start,end,text,value,unit,speaker,kind,cue,source,id\r\n\
         sample,entity,ORG,2,7,Cafe\u{301},,,,,,manual,e1\r\n\
         sample,entity,PER,8,11,Zoë,,,,,,auto,e2\r\n\
         sample,entity,PER,53,56,Zoë,,,,,,auto,e3\r\n\
         sample,number,MONEY,17,20,€5m,5000000,EUR,,,,auto,n1\r\n\
         sample,number,DATE,24,29,3 May,XXXX-05-03,,,,,auto,n2\r\n\
         sample,quote,QUOTE,32,46,\"Hi 👩\u{200d}👩\u{200d}👧, all,\",,,Zoë,speech,said,auto,q1\r\n\
         sample,quote,QUOTE,59,69,\"Two\nlines,\",,,here,speech,,manual,q2\r\n"
    );
    let mut cell = String::new();
    csv::write_cell(&mut cell, "say \"hi\", then\r\ngo");
    assert_eq!(cell, "\"say \"\"hi\"\", then\r\ngo\"");
}

#[test]
fn csv_names_documents_uniquely() {
    let s = sample();
    let files = render(Format::Csv, &[doc(&s), doc(&s)]);
    assert_eq!(files[0].name, "annotations.csv");
    assert!(files[0].contents.contains("\r\nsample-2,entity,ORG,2,7,"));
}

#[test]
fn w3c_round_trip() {
    let s = sample();
    let json = w3c::to_string(&doc(&s));
    let back = w3c::read(&json, None, "s.jsonld").unwrap();
    assert_eq!(back.text, TEXT);
    assert_eq!(back.annotations, sorted(s.clone()));
    // With the text given instead of embedded.
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value.as_object_mut().unwrap().remove("mg:text");
    let back = w3c::read(&value.to_string(), Some(TEXT), "s.jsonld").unwrap();
    assert_eq!(back.annotations, sorted(s));
}

#[test]
fn w3c_round_trip_of_the_engine() {
    let text = "Spotify 🎧 paid $6bn on 18 March.\n“We are committed to artists,” said \
                Daniel Ek, up 12% since 1979. It is a “superfan” tier.";
    let anns: Vec<(Annotation, Source)> = crate::analyze(text)
        .iter()
        .map(|a| (a.clone(), Source::Auto))
        .collect();
    let json = w3c::to_string(&Document::new("x", text, &anns));
    let back = w3c::read(&json, None, "x.jsonld").unwrap();
    assert_eq!(back.annotations, anns);
}

#[test]
fn w3c_collection_shape() {
    let s = sample();
    let v = w3c::to_value(&doc(&s));
    assert_eq!(v["@context"][0], w3c::ANNO_CONTEXT);
    assert_eq!(v["type"], "AnnotationCollection");
    assert_eq!(v["total"], 7);
    let q1 = &v["first"]["items"][5];
    assert_eq!(q1["type"], "Annotation");
    assert_eq!(q1["body"][0]["value"], "QUOTE");
    let sha = crate::export::sha256_hex(TEXT);
    assert_eq!(q1["target"]["source"], format!("urn:sha256:{sha}"));
    assert_eq!(q1["target"]["selector"][0]["type"], "TextPositionSelector");
    assert_eq!(q1["target"]["selector"][0]["start"], 32);
    assert_eq!(
        q1["target"]["selector"][1]["exact"],
        "Hi 👩\u{200d}👩\u{200d}👧, all,"
    );
    assert_eq!(
        q1["target"]["selector"][1]["prefix"],
        "😀 Cafe\u{301} Zoë paid €5m on 3 May.\n“"
    );
    assert_eq!(
        q1["target"]["selector"][1]["suffix"]
            .as_str()
            .unwrap()
            .chars()
            .count(),
        32
    );
    assert_eq!(q1["mg:speaker"]["selector"][1]["exact"], "Zoë");
    assert_eq!(
        q1["mg:speaker"]["mg:entity"],
        format!("urn:marginalia:{sha}:e3")
    );
    assert_eq!(v["first"]["items"][3]["mg:value"], 5_000_000);
}

#[test]
fn w3c_reader_reports_problems() {
    let s = sample();
    let json = w3c::to_string(&doc(&s));
    let err = w3c::read(&json, Some("Another text."), "s.jsonld").unwrap_err();
    assert_eq!(err.problems.len(), 7);
    assert!(err.problems[0].to_string().starts_with(
        "s.jsonld: annotation e1 (index 0), field `first.items[0].target.source`: is"
    ));
    let bad = json.replacen("\"exact\": \"Cafe\u{301}\"", "\"exact\": \"Cafe\"", 1);
    let err = w3c::read(&bad, None, "s.jsonld").unwrap_err();
    assert_eq!(
        err.to_string(),
        "s.jsonld: annotation e1 (index 0), field `first.items[0].target.selector`: is \
         \"Cafe\", but the text at start/end is \"Cafe\u{301}\"."
    );
    let err = w3c::read("{\"type\": \"Thing\"}", None, "t.jsonld").unwrap_err();
    assert_eq!(
        err.to_string(),
        "t.jsonld: field `type`: must be \"AnnotationCollection\", \"AnnotationPage\" or \
         \"Annotation\", not \"Thing\"."
    );
}

#[test]
fn w3c_reads_plain_annotations() {
    let text = "Ed met Bo.";
    let one = serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "body": "per",
        "target": {"source": "urn:x", "selector": {"type": "TextPositionSelector", "start": 7, "end": 9}},
    });
    let back = w3c::read(&one.to_string(), Some(text), "p.json").unwrap();
    assert_eq!(
        back.annotations,
        [(Annotation::new(Span::new(7, 9), Label::Per), Source::Manual)]
    );
}

#[test]
fn json_and_jsonl_renders_read_back() {
    let s = sample();
    let engine_text = "Spotify paid $6bn.";
    let engine: Vec<(Annotation, Source)> = crate::analyze(engine_text)
        .iter()
        .map(|a| (a.clone(), Source::Auto))
        .collect();
    let docs = [doc(&s), Document::new("deal", engine_text, &engine)];
    let jsonl = render(Format::Jsonl, &docs);
    assert_eq!(jsonl.len(), 1);
    assert_eq!(jsonl[0].name, "annotations.jsonl");
    let back = parse_documents(&jsonl[0].contents, &jsonl[0].name).unwrap();
    assert_eq!(back.len(), 2);
    assert_eq!(back[0].annotations, sorted(s.clone()));
    assert_eq!(back[1].annotations, engine);

    let json = render(Format::Json, &docs);
    let names: Vec<&str> = json.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["sample.json", "deal.json"]);
    let back = parse_documents(&json[0].contents, "sample.json").unwrap();
    assert_eq!(back[0].annotations, sorted(s));
}

#[test]
fn snapshot_is_standalone_and_escapes_hostile_text() {
    let text = "</article><script>alert(\"x\")</script> <img src=x onerror=alert(1)> & ‘Bo’\n\
                “<b>Hi</b>,” said Ed & Co.";
    let start = text.find("<b>").unwrap();
    let speaker = text.find("Ed & Co").unwrap();
    let quote = Annotation {
        quote: Some(QuoteInfo {
            kind: QuoteKind::Speech,
            speaker: Some(Span::new(speaker, speaker + 7)),
            cue: Some("said\"><script>".into()),
        }),
        ..Annotation::new(Span::new(start, start + "<b>Hi</b>,".len()), Label::Quote)
    };
    let anns = [
        (
            Annotation::new(Span::new(speaker, speaker + 7), Label::Org),
            Source::Manual,
        ),
        (quote, Source::Auto),
        // Out of range and inside a character: ignored, no panic.
        (
            Annotation::new(Span::new(5, 9999), Label::Per),
            Source::Auto,
        ),
        (
            Annotation::new(
                Span::new(text.find('‘').unwrap() + 1, text.len()),
                Label::Per,
            ),
            Source::Auto,
        ),
    ];
    let html = snapshot::to_html(&Document::new("x", text, &anns));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.ends_with("</html>\n"));
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "{html}");
    assert!(!lower.contains("<img"), "{html}");
    assert!(!lower.contains("<b>"), "{html}");
    assert!(!lower.contains(" src=\""), "no external resource");
    assert!(!lower.contains(" href=\""), "no link");
    assert!(!lower.contains("url("), "no resource in the style");
    assert!(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
    assert!(html.contains("&lt;/article&gt;&lt;script&gt;alert(\"x\")&lt;/script&gt;"));
    assert!(html.contains("&lt;b&gt;Hi&lt;/b&gt;"));
    assert!(
        html.contains("— Ed &amp; Co (said\"&gt;&lt;script&gt;)"),
        "{html}"
    );
    assert_eq!(html.matches("<article").count(), 1);
    assert_eq!(html.matches("</article>").count(), 1);
    assert!(html.contains("<strong>1</strong>"));
    // Deterministic.
    assert_eq!(html, snapshot::to_html(&Document::new("x", text, &anns)));
}

#[test]
fn snapshot_shows_the_sample() {
    let s = sample();
    let html = snapshot::to_html(&doc(&s));
    assert!(html.contains("<title>😀 Cafe\u{301} Zoë paid €5m on 3 May. · Marginalia</title>"));
    assert!(html.contains("Person (PER) <strong>2</strong>"));
    assert!(html.contains("<blockquote>“Hi 👩\u{200d}👩\u{200d}👧, all,”</blockquote> <span class=\"by\">— Zoë (said)</span>"));
    assert!(html.contains("@media (prefers-color-scheme: dark)"));
    assert!(html.contains("@media print"));
}

#[test]
fn zip_of_several_documents() {
    let s = sample();
    let files = render(Format::Brat, &[doc(&s), doc(&s)]);
    let bytes = zip::zip_files(&files).unwrap();
    assert_eq!(
        zip::entry_names(&bytes).unwrap(),
        [
            "sample.txt",
            "sample.ann",
            "sample-2.txt",
            "sample-2.ann",
            "annotation.conf"
        ]
    );
    assert_eq!(
        zip::read_entry(&bytes, "sample-2.ann").unwrap(),
        files[3].contents.as_bytes()
    );
    // The zip crate's reader sees Deflate entries dated 1980-01-01.
    let mut archive = ::zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let entry = archive.by_index(0).unwrap();
    assert_eq!(entry.compression(), ::zip::CompressionMethod::Deflated);
    assert_eq!(entry.last_modified().map(|d| d.year()), Some(1980));
    drop(entry);
    // Deterministic bytes.
    assert_eq!(bytes, zip::zip_files(&files).unwrap());
    // Duplicate names are refused.
    let err = zip::zip_documents(&[("a.txt", "1"), ("a.txt", "2")]).unwrap_err();
    assert_eq!(err.to_string(), "zip archive: two files are named 'a.txt'");
    assert!(zip::entry_names(b"not a zip").is_err());
}

#[test]
fn empty_inputs() {
    assert!(render(Format::Json, &[]).is_empty());
    assert_eq!(
        render(Format::Csv, &[])[0].contents,
        "doc,layer,label,start,end,text,value,unit,speaker,kind,cue,source,id\r\n"
    );
    let d = Document::new("", "", &[]);
    for f in Format::ALL {
        let files = render(f, &[d]);
        assert!(!files.is_empty(), "{f}");
        assert!(files[0].name.starts_with("untitled"), "{f}");
    }
    assert!(w3c::read(&w3c::to_string(&d), None, "e")
        .unwrap()
        .annotations
        .is_empty());
}

#[test]
fn read_any_recognises_w3c_and_json() {
    let s = sample();
    let w3c = w3c::to_string(&doc(&s));
    for name in ["s.jsonld", "s.json"] {
        let docs = read_any(w3c.as_bytes(), name).unwrap();
        assert_eq!(docs[0].annotations, sorted(s.clone()), "{name}");
    }
    let json = render(Format::Json, &[doc(&s)]).remove(0).contents;
    assert_eq!(read_any(json.as_bytes(), "s.json").unwrap()[0].text, TEXT);
    let err = read_any(b"\xff", "x.jsonld").unwrap_err();
    assert_eq!(
        err.to_string(),
        "x.jsonld: not valid UTF-8 (first bad byte at byte offset 0)."
    );
}

#[test]
fn readers_never_panic_on_mangled_input() {
    let s = sample();
    let w3c = w3c::to_string(&doc(&s));
    for cut in (0..w3c.len()).step_by(11) {
        // Cuts inside a character too: not UTF-8.
        let _ = read_any(&w3c.as_bytes()[..cut], "cut.jsonld");
    }
    for (from, to) in [
        ("\"start\": 32", "\"start\": 99999"),
        ("\"end\": 46", "\"end\": 1"),
        ("\"value\": \"QUOTE\"", "\"value\": 7"),
        (
            "\"type\": \"TextPositionSelector\"",
            "\"type\": \"RangeSelector\"",
        ),
        ("\"mg:kind\": \"speech\"", "\"mg:kind\": []"),
        ("\"first\": {", "\"first\": [], \"x\": {"),
    ] {
        assert!(w3c.contains(from), "{from}");
        let bad = w3c.replace(from, to);
        assert!(read_any(bad.as_bytes(), "bad.jsonld").is_err(), "{to}");
    }
}

#[test]
fn bundles_for_download() {
    let s = sample();
    let csv = bundle(Format::Csv, &[doc(&s), doc(&s)]).unwrap();
    assert_eq!(csv.name, "annotations.csv");
    assert_eq!(csv.mime, "text/csv; charset=utf-8; header=present");
    let json = bundle(Format::Json, &[doc(&s), doc(&s)]).unwrap();
    assert_eq!(json.name, "annotations-json.zip");
    assert_eq!(json.mime, "application/zip");
    assert_eq!(
        zip::entry_names(&json.bytes).unwrap(),
        ["sample.json", "sample-2.json"]
    );
}
