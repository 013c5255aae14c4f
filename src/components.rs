//! The page's components, one per file.

pub mod article_view;
pub mod documents;
pub mod editor;
pub mod entity_list;
pub mod inspector;
pub mod label_picker;
pub mod legend;
pub mod notice;
pub mod quote_list;
pub mod selection_menu;
pub mod toolbar;
pub mod transfer_menu;

pub use article_view::ArticleView;
pub use documents::Documents;
pub use editor::Editor;
pub use entity_list::EntityList;
pub use inspector::Inspector;
pub use label_picker::LabelPicker;
pub use legend::Legend;
pub use notice::NoticeBar;
pub use quote_list::QuoteList;
pub use selection_menu::SelectionMenu;
pub use toolbar::Toolbar;
pub use transfer_menu::TransferMenu;

/// How many entries a side list shows before a "Show all" button: long reports have thousands
/// of names, and drawing them all would slow every update of the page.
pub const LIST_LIMIT: usize = 150;

/// The "Show all N …" button under a list cut at [`LIST_LIMIT`], or nothing when the list is
/// short or already shown whole.
pub fn show_all_button(
    total: usize,
    expanded: &yew::UseStateHandle<bool>,
    noun: &str,
) -> yew::Html {
    use yew::prelude::*;
    if total <= LIST_LIMIT || **expanded {
        return html! {};
    }
    let onclick = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(true))
    };
    html! {
        <button type="button" class="button small show-all" {onclick}>
            { format!("Show all {} {noun}", editor::group(total)) }
        </button>
    }
}
