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
