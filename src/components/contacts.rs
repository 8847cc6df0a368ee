//! The landlord's other ways to complain, as a list with working links.

use leptos::prelude::*;

use crate::settings::use_settings;
use crate::domain::language::Language;
use crate::domain::policy::{Channel, Contact};
use crate::domain::translations::contacts;

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

#[component]
pub fn ContactList(contacts: Vec<Contact>) -> impl IntoView {
    let language = use_settings().language;
    let items = contacts
        .into_iter()
        .map(|contact| {
            // In the page's language where the landlord gave it, else English, and says which.
            let (text, lang) = contact.value.in_language(language);
            let (text, lang) = (text.to_string(), lang.code());
            let value = match href(&contact) {
                Some(href) => view! { <a href=href lang=lang>{text}</a> }.into_any(),
                None => view! { <span class="pre-line" lang=lang>{text}</span> }.into_any(),
            };
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{channel_name(contact.channel, language)}</dt>
                    <dd class="summary-list__value">
                        {value}
                        {contact.note.map(|note| {
                            let (text, lang) = note.in_language(language);
                            view! { <br /> <span class="hint" lang=lang.code()>{text.to_string()}</span> }
                        })}
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="summary-list">{items}</dl> }
}
