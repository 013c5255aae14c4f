//! In-browser tests of the app's components (wasm-bindgen-test in headless Chromium):
//! `cargo test -p marginalia-web --target wasm32-unknown-unknown` with chromedriver.
//!
//! Each test mounts the real [`App`] (or one component) into its own element, acts on it the way
//! a person would (typing, clicking), and reads the result from the DOM.

#![cfg(target_arch = "wasm32")]

use marginalia_web::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Waits `ms` milliseconds (lets debounced analyses run), then finishes pending renders.
async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    yew::scheduler::flush().await;
}

/// A fresh element to mount into.
fn root() -> Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let div = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&div)
        .expect("mounted");
    div
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).map_or(0, |l| l.length())
}

/// Types `text` into the app's editor as one input event.
fn type_text(root: &Element, text: &str) {
    let area: HtmlTextAreaElement = find(root, "[data-testid=input]")
        .expect("the editor")
        .dyn_into()
        .expect("a textarea");
    area.set_value(text);
    let event = web_sys::InputEvent::new("input").expect("an input event");
    area.dispatch_event(&event).expect("dispatched");
}

/// Mounts a fresh app. Saved documents from earlier tests (all run in one page) are cleared, so
/// each test starts as a first visit does; first, earlier apps' pending saves (debounced by
/// 400 ms) are let through.
async fn mount_app() -> Element {
    settle(500).await;
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.clear();
    }
    let root = root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle(0).await;
    root
}

#[wasm_bindgen_test]
async fn empty_page_invites_a_paste_and_disables_export() {
    let root = mount_app().await;
    assert!(find(&root, "[data-testid=input]").is_some());
    assert_eq!(count(&root, ".hl"), 0);
    let export: HtmlElement = find(&root, "[data-testid=export-json]")
        .expect("export button")
        .dyn_into()
        .expect("an element");
    assert!(export.has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn typing_an_article_shows_highlights_and_counts() {
    let root = mount_app().await;
    type_text(
        &root,
        "“We are committed to artists,” said Daniel Ek. Spotify paid $6bn to Universal Music Group in London on 18 March.",
    );
    settle(50).await;
    let article = find(&root, "[data-testid=article]").expect("article view");
    let labels = |label: &str| {
        count(
            &article,
            &format!(".hl[data-label={label}]:not([data-cont])"),
        )
    };
    assert_eq!(labels("MONEY"), 1);
    assert_eq!(labels("DATE"), 1);
    assert_eq!(labels("QUOTE"), 1);
    assert!(labels("PER") >= 1 && labels("LOC") >= 1);
    for label in ["PER", "ORG", "LOC", "MONEY", "DATE", "QUOTE"] {
        let shown = find(&root, &format!("[data-testid=count-{label}]"))
            .and_then(|e| e.text_content())
            .unwrap_or_default();
        assert_eq!(shown, labels(label).to_string(), "legend count of {label}");
    }
    let money = find(&article, ".hl[data-label=MONEY]").expect("money mark");
    assert_eq!(money.text_content().as_deref(), Some("$6bn"));
    let tip = money.get_attribute("aria-label").unwrap_or_default();
    assert!(tip.contains("6,000,000,000 USD"), "{tip}");
    let quote = find(&article, ".hl[data-label=QUOTE]").expect("quote mark");
    let tip = quote.get_attribute("aria-label").unwrap_or_default();
    assert!(tip.contains("Daniel Ek"), "{tip}");
    // Lists.
    let entities = find(&root, "[data-testid=entity-list]").expect("entity list");
    assert!(entities
        .text_content()
        .unwrap_or_default()
        .contains("Universal Music Group"));
    let quotes = find(&root, "[data-testid=quote-list]").expect("quote list");
    assert!(quotes
        .text_content()
        .unwrap_or_default()
        .contains("Daniel Ek"));
}

#[wasm_bindgen_test]
async fn toggling_a_label_changes_classes_not_text() {
    let root = mount_app().await;
    type_text(&root, "Angela Merkel visited Paris.");
    settle(50).await;
    let toggle: HtmlElement = find(&root, "[data-testid=toggle-LOC]")
        .expect("toggle")
        .dyn_into()
        .expect("a button");
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    toggle.click();
    settle(0).await;
    let article = find(&root, "[data-testid=article]").expect("article view");
    assert!(article.class_list().contains("hide-LOC"));
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(count(&article, ".hl[data-label=LOC]"), 1);
    assert!(article.text_content().unwrap_or_default().contains("Paris"));
    toggle.click();
    settle(0).await;
    assert!(!article.class_list().contains("hide-LOC"));
}

#[wasm_bindgen_test]
async fn pasted_markup_is_text() {
    let root = mount_app().await;
    type_text(
        &root,
        "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script> Mr Smith",
    );
    settle(50).await;
    let article = find(&root, "[data-testid=article]").expect("article view");
    assert_eq!(count(&article, "img, script"), 0);
    assert!(article
        .text_content()
        .unwrap_or_default()
        .contains("<script>"));
    let pwned = js_sys::Reflect::get(&js_sys::global(), &"__pwned".into()).unwrap_or_default();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn entity_list_click_focuses_the_mention() {
    let root = mount_app().await;
    type_text(&root, "Spotify met Google. Later, Spotify left.");
    settle(50).await;
    let item: HtmlElement = find(&root, "[data-testid=entity-list] .list-item")
        .expect("a listed entity")
        .dyn_into()
        .expect("a button");
    item.click();
    settle(0).await;
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .expect("something focused");
    assert!(active.class_list().contains("hl"), "focus on a highlight");
}
