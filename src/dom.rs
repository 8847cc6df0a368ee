//! Parts of pages built straight into the DOM, without Leptos: the start page and what it
//! shares with other pages (the header, the contacts, the dates, the Ombudsmen). The first
//! page's wasm draws the start page with these alone, and so carries no Leptos, which was over
//! a third of its size (docs/performance.md); the whole app shows the same parts through
//! `components::built`, so each is written once.
//!
//! Text is only ever set as text, never parsed as markup, so a profile's words cannot add
//! elements or scripts to the page.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// An element being built.
pub struct El(pub Element);

/// A new element. Tags are literals in this crate, which a browser always accepts.
pub fn el(tag: &str) -> El {
    El(document().create_element(tag).expect("a valid tag name"))
}

/// Text on its own, between elements.
pub fn text(text: &str) -> Node {
    document().create_text_node(text).into()
}

pub fn document() -> web_sys::Document {
    web_sys::window().and_then(|window| window.document()).expect("a page with a document")
}

impl El {
    pub fn attr(self, name: &str, value: &str) -> Self {
        self.0.set_attribute(name, value).ok();
        self
    }

    pub fn class(self, class: &str) -> Self {
        self.attr("class", class)
    }

    /// Sets `lang` where a text is not in the page's language.
    pub fn lang(self, code: &str) -> Self {
        self.attr("lang", code)
    }

    pub fn text(self, text: &str) -> Self {
        self.0.append_with_str_1(text).ok();
        self
    }

    pub fn child(self, child: impl Into<Node>) -> Self {
        self.0.append_with_node_1(&child.into()).ok();
        self
    }

    pub fn children(self, children: impl IntoIterator<Item = Node>) -> Self {
        for child in children {
            self.0.append_with_node_1(&child).ok();
        }
        self
    }

    /// Calls `then` on each click, for as long as the page lives.
    pub fn on_click(self, then: impl Fn(web_sys::Event) + 'static) -> Self {
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(then);
        self.0
            .add_event_listener_with_callback("click", listener.as_ref().unchecked_ref())
            .ok();
        // Kept for the page's life, as the element gives no sign of its removal: a few bytes
        // for each page the whole app draws it on.
        listener.forget();
        self
    }
}

impl From<El> for Node {
    fn from(el: El) -> Node {
        el.0.into()
    }
}
