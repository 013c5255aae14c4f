//! Puts the article's markup into the page block by block, a slice of time at a time.
//!
//! The engine cuts the markup into [`Block`]s of a few paragraphs. Each becomes one
//! `<div class="blk">` (styled `content-visibility: auto`, so the browser lays out only the
//! blocks near the screen). A new article is filled in over several short tasks, so that even
//! 100,000 words never block the page for long; a correction rewrites only the blocks whose
//! markup changed, at once.
//!
//! While it works the renderer marks the article `data-rendering` and writes its progress into
//! a status element; both go when every block is in place.

use crate::dom;
use gloo::timers::callback::Timeout;
use marginalia_core::markup::Block;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use web_sys::Element;

/// Longest stretch of rendering in one task, in milliseconds: well under the 50 ms at which a
/// browser counts a task as long.
const SLICE_MS: f64 = 30.0;

/// Renders blocks into a container element. Keep it in an `Rc<RefCell<_>>` (see [`sync`]).
#[derive(Default)]
pub struct BlockRenderer {
    /// The element the blocks go into, and where progress is written.
    container: Option<Element>,
    progress: Option<Element>,
    /// The blocks to show.
    target: Rc<[Block]>,
    /// The block elements in the container, each with the blocks (and index) it shows.
    shown: Vec<(Element, Rc<[Block]>, usize)>,
    /// The next block to compare or write.
    cursor: usize,
    /// The pending continuation.
    timer: Option<Timeout>,
}

/// Shows `blocks` in `container` (clearing what another container showed), writing progress into
/// `progress`: the first slice now, the rest in later tasks.
pub fn sync(
    renderer: &Rc<RefCell<BlockRenderer>>,
    container: Element,
    progress: Option<Element>,
    blocks: Rc<[Block]>,
) {
    {
        let mut r = renderer.borrow_mut();
        if r.container.as_ref() != Some(&container) {
            // A new element (the article was hidden and shown again): start afresh.
            r.shown.clear();
            container.set_inner_html("");
        }
        r.container = Some(container);
        r.progress = progress;
        r.target = blocks;
        r.cursor = 0;
        r.timer = None;
    }
    run_slice(Rc::downgrade(renderer));
}

/// Renders for up to [`SLICE_MS`], then schedules the rest.
fn run_slice(weak: Weak<RefCell<BlockRenderer>>) {
    let Some(renderer) = weak.upgrade() else {
        return;
    };
    let done = renderer.borrow_mut().work(dom::now_ms() + SLICE_MS);
    if !done {
        let timer = Timeout::new(0, move || run_slice(weak));
        renderer.borrow_mut().timer = Some(timer);
    }
}

impl BlockRenderer {
    /// Compares and writes blocks until `deadline` (a [`dom::now_ms`] time); true when all are
    /// in place.
    fn work(&mut self, deadline: f64) -> bool {
        let Some(container) = self.container.clone() else {
            return true;
        };
        let document = container.owner_document();
        let total = self.target.len();
        let mut written = 0usize;
        while self.cursor < total {
            let i = self.cursor;
            let html = &self.target[i].html;
            match self.shown.get_mut(i) {
                Some((el, blocks, index)) => {
                    if blocks[*index].html != *html {
                        el.set_inner_html(html);
                        written += 1;
                    }
                    *blocks = self.target.clone();
                    *index = i;
                }
                None => {
                    let Some(el) = document.as_ref().and_then(|d| d.create_element("div").ok())
                    else {
                        return true;
                    };
                    el.set_class_name("blk");
                    el.set_inner_html(html);
                    let _ = container.append_child(&el);
                    self.shown.push((el, self.target.clone(), i));
                    written += 1;
                }
            }
            self.cursor += 1;
            // Checking the clock costs little next to parsing a block's markup.
            if written > 0 && dom::now_ms() > deadline {
                break;
            }
        }
        if self.cursor < total {
            // Blocks of the previous text below the new ones go: never show a mix for long.
            for (el, _, _) in self.shown.drain(self.cursor..) {
                el.remove();
            }
            self.report(Some(self.cursor * 100 / total.max(1)));
            return false;
        }
        for (el, _, _) in self.shown.drain(total..) {
            el.remove();
        }
        self.report(None);
        true
    }

    /// Writes the progress (a percentage) or clears it when done.
    fn report(&self, percent: Option<usize>) {
        if let Some(container) = &self.container {
            let _ = match percent {
                Some(_) => container.set_attribute("data-rendering", ""),
                None => container.remove_attribute("data-rendering"),
            };
        }
        if let Some(progress) = &self.progress {
            let text = percent.map(|p| format!(" · showing highlights… {p}%"));
            progress.set_text_content(text.as_deref());
        }
    }
}
