//! The landlord's other ways to complain, as a list with working links.

use leptos::prelude::*;

use crate::components::built;
use crate::dom::el;
use crate::domain::language::Language;
use crate::domain::policy::{Channel, Contact};
use crate::domain::translations::contacts;
use crate::settings::use_settings;

fn channel_name(channel: Channel, language: Language) -> &'static str {
    let name = match channel {
        Channel::Phone => contacts::phone,
        Channel::Email => contacts::email,
        Channel::Post => contacts::post,
        Channel::Web => contacts::web,
        Channel::InPerson => contacts::in_person,
        Channel::SocialMedia => contacts::social_media,
    };
    name(language)
}

/// A link for channels that have one (`tel:`, `mailto:`, a web address).
fn href(contact: &Contact) -> Option<String> {
    let value = contact.value.english().trim();
    match contact.channel {
        Channel::Phone => Some(format!("tel:{}", value.replace(char::is_whitespace, ""))),
        Channel::Email => Some(format!("mailto:{value}")),
        // A description such as "the form on our website" is shown as text, not as a link.
        Channel::Web if value.contains(char::is_whitespace) => None,
        Channel::Web => {
            let href = if value.starts_with("https://") || value.starts_with("http://") {
                value.to_string()
            } else {
                format!("https://{value}")
            };
            // An address with a user name or password can dress one site up as another
            // (`https://landlord.example@elsewhere.example/`): it stays text too.
            (!crate::config::has_userinfo(&href)).then_some(href)
        }
        _ => None,
    }
}

/// The list, built into the DOM (see `crate::dom`): the start page's, and every other page's
/// through [`ContactList`].
pub fn contact_list(contacts: &[Contact], language: Language) -> web_sys::Node {
    let rows = contacts.iter().map(|contact| {
        // In the page's language where the landlord gave it, else English, and says which.
        let (text, lang) = contact.value.in_language(language);
        let value = match href(contact) {
            Some(href) => el("a").attr("href", &href),
            None => el("span").class("pre-line"),
        };
        let mut shown = el("dd").class("summary-list__value").child(value.lang(lang.code()).text(text));
        if let Some(note) = &contact.note {
            let (text, lang) = note.in_language(language);
            shown = shown.child(el("br")).child(el("span").class("hint").lang(lang.code()).text(text));
        }
        el("div")
            .class("summary-list__row")
            .child(el("dt").class("summary-list__key").text(channel_name(contact.channel, language)))
            .child(shown)
            .into()
    });
    el("dl").class("summary-list").children(rows).into()
}

#[component]
pub fn ContactList(contacts: Vec<Contact>) -> impl IntoView {
    built([contact_list(&contacts, use_settings().language)])
}
