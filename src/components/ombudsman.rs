//! How to reach the Ombudsman (or Ombudsmen) that can look at the matter.

use leptos::prelude::*;

use crate::components::built;
use crate::components::sentence::{sentence_nodes, MARK};
use crate::dom::{el, text};
use crate::domain::language::Language;
use crate::domain::local_text::LocalText;
use crate::domain::ombudsman::{OmbudsmanDetails as Details, LGSCO};
use crate::domain::policy::Policy;
use crate::domain::translations::ombudsman as t;

/// Each Ombudsman with its website and phone number. Where the Local Government and Social
/// Care Ombudsman is among them, the landlord's words say which of its services it covers.
/// Built into the DOM (see `crate::dom`): the start page's, and every other page's through
/// [`OmbudsmanDetails`].
pub fn ombudsman_details(ombudsmen: &[Details], services: &[LocalText], language: Language) -> Vec<web_sys::Node> {
    let schemes = ombudsmen.iter().map(|details| {
        let name = (details.name)(language);
        let website = el("a").attr("href", details.website).text(name).into();
        let phone = el("a")
            .attr("href", &format!("tel:{}", details.phone.replace(' ', "")))
            .text(details.phone)
            .into();
        let sentence = sentence_nodes(&t::phone(language, MARK[0], MARK[1]), vec![website, phone]);
        el("li").children(sentence).text(" ").text((details.limit)(language)).into()
    });
    let mut nodes = vec![el("ul").class("list list--bullet").children(schemes).into()];
    // The landlord's words for its services, each marked English where it gave no Welsh.
    if ombudsmen.contains(&LGSCO) && !services.is_empty() {
        let list = el("span");
        let list = services.iter().enumerate().fold(list, |list, (i, service)| {
            let (words, lang) = service.in_language(language);
            let list = if i == 0 { list } else { list.child(text("; ")) };
            list.child(el("span").lang(lang.code()).text(words))
        });
        let sentence = sentence_nodes(&t::lgsco_services(language, MARK[0]), vec![list.into()]);
        nodes.push(el("p").children(sentence).into());
    }
    nodes
}

#[component]
pub fn OmbudsmanDetails(
    ombudsmen: Vec<Details>,
    /// The landlord's services the LGSCO covers (`ombudsman.lgsco_services`).
    #[prop(optional)]
    services: Vec<LocalText>,
    language: Language,
) -> impl IntoView {
    built(ombudsman_details(&ombudsmen, &services, language))
}

/// Every Ombudsman of the policy's scheme, for a page that does not yet know the matter.
pub fn policy_ombudsmen(policy: &Policy, language: Language) -> Vec<web_sys::Node> {
    ombudsman_details(policy.ombudsman.scheme.details(), &policy.ombudsman.lgsco_services, language)
}
