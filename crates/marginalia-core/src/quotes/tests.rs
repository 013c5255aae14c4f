//! Table-driven tests of the quote layer.

use super::recognize;
use crate::text::TextIndex;

#[test]
fn smoke() {
    let text = include_str!("../../tests/fixtures/spotify-deal.txt");
    let found = recognize(&TextIndex::new(text), &[]);
    for a in &found {
        let q = a.quote.as_ref();
        println!(
            "{:?} {:?} {:?} {:?}",
            a.span.slice(text),
            q.map(|q| q.kind),
            q.and_then(|q| q.speaker).map(|s| s.slice(text)),
            q.and_then(|q| q.cue.clone())
        );
    }
}
