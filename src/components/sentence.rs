//! A translated sentence with markup inside it (a link, a `<time>`): the text is asked for with
//! `MARK[i]` as the value of each such placeholder, and each mark is then replaced by its view,
//! so the words around it stay in the order each language puts them.

use leptos::prelude::*;

/// Stand-ins for the views, characters no translation contains.
pub const MARK: [&str; 3] = ["\u{1}", "\u{2}", "\u{3}"];

/// The sentence's words and, between them, which part goes where (by its index in `MARK`).
fn pieces(text: &str) -> Vec<Result<&str, usize>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some((at, mark)) = rest.char_indices().find(|(_, c)| ('\u{1}'..='\u{3}').contains(c)) {
        out.push(Ok(&rest[..at]));
        out.push(Err(mark as usize - 1));
        rest = &rest[at + mark.len_utf8()..];
    }
    out.push(Ok(rest));
    out
}

pub fn sentence(text: &str, mut parts: Vec<AnyView>) -> Vec<AnyView> {
    pieces(text)
        .into_iter()
        .filter_map(|piece| match piece {
            Ok(words) => Some(words.to_string().into_any()),
            Err(index) => parts.get_mut(index).map(|part| std::mem::replace(part, ().into_any())),
        })
        .collect()
}

/// The same, built into the DOM (see `crate::dom`).
pub fn sentence_nodes(text: &str, parts: Vec<web_sys::Node>) -> Vec<web_sys::Node> {
    pieces(text)
        .into_iter()
        .filter_map(|piece| match piece {
            Ok(words) => Some(crate::dom::text(words)),
            Err(index) => parts.get(index).cloned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{pieces, MARK};

    #[test]
    fn a_sentence_is_cut_at_each_mark_in_the_order_the_language_puts_them() {
        let text = format!("Ffoniwch {} neu ewch i {}.", MARK[1], MARK[0]);
        assert_eq!(pieces(&text), [Ok("Ffoniwch "), Err(1), Ok(" neu ewch i "), Err(0), Ok(".")]);
        assert_eq!(pieces(MARK[0]), [Ok(""), Err(0), Ok("")]);
        assert_eq!(pieces("No mark at all"), [Ok("No mark at all")]);
    }
}
