//! Building blocks shared by pages, in the manner of GOV.UK Frontend.
pub mod contacts;
pub mod error_summary;
pub mod fields;
pub mod hazard_dates;
pub mod linked_text;
pub mod ombudsman;
pub mod page_heading;
pub mod question;
pub mod sent_copy;
pub mod sentence;
pub mod timeline;

use leptos::prelude::*;

/// Shows parts built straight into the DOM (`crate::dom`, which the first page's wasm uses
/// without Leptos) in a Leptos view: inside a `<div>` of their own, once it is in the page.
pub fn built(nodes: impl IntoIterator<Item = web_sys::Node>) -> impl IntoView {
    let nodes: Vec<web_sys::Node> = nodes.into_iter().collect();
    let holder = NodeRef::<leptos::html::Div>::new();
    holder.on_load(move |div| {
        for node in &nodes {
            div.append_child(node).ok();
        }
    });
    view! { <div node_ref=holder></div> }
}
