//! A translated sentence with markup inside it (a link, a `<time>`): the text is asked for with
//! `MARK[i]` as the value of each such placeholder, and each mark is then replaced by its view,
//! so the words around it stay in the order each language puts them.

use leptos::prelude::*;

/// Stand-ins for the views, characters no translation contains.
pub const MARK: [&str; 3] = ["\u{1}", "\u{2}", "\u{3}"];

pub fn sentence(text: &str, mut parts: Vec<AnyView>) -> Vec<AnyView> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some((at, mark)) = rest.char_indices().find(|(_, c)| ('\u{1}'..='\u{3}').contains(c)) {
        out.push(rest[..at].to_string().into_any());
        let index = mark as usize - 1;
        if index < parts.len() {
            out.push(std::mem::replace(&mut parts[index], ().into_any()));
        }
        rest = &rest[at + mark.len_utf8()..];
    }
    out.push(rest.to_string().into_any());
    out
}
