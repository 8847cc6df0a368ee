//! The start page: what the service is for, what you need, the dates the landlord's policy
//! promises if you complain today, other ways to complain, and a saved draft to go back to.
//!
//! Built straight into the DOM (`crate::dom`): the first page's wasm draws it with no Leptos
//! (`app::start_first_page`), and the whole app shows the same through [`StartPage`].

use chrono::{Local, NaiveDateTime};
use leptos::prelude::*;

use crate::components::built;
use crate::components::contacts::contact_list;
use crate::components::ombudsman::policy_ombudsmen;
use crate::components::question::FirstPage;
use crate::components::sentence::{sentence_nodes, MARK};
use crate::components::timeline::{time, timeline_list};
use crate::dom::el;
use crate::domain::language::Language;
use crate::domain::pages::PageId;
use crate::domain::policy::Policy;
use crate::domain::translations::{questions, start as t, tracker};
use crate::settings::use_settings;
use crate::answers::use_answers;

/// What the start page shows besides the profile: where its links go, and the saved draft.
pub struct Start<'a> {
    pub language: Language,
    pub policy: &'a Policy,
    pub now: NaiveDateTime,
    /// The address of the page with this slug, with the settings.
    pub href: &'a dyn Fn(&str) -> String,
    /// Where a saved draft was left, to go back to (not the start page itself).
    pub resume: Option<PageId>,
    /// A saved draft could not be read, and was put aside.
    pub discarded: bool,
}

/// The page's title (its heading).
pub fn title(policy: &Policy, language: Language) -> String {
    // Not from its declaration, which would bring every page's into the first page's wasm.
    questions::start(language, &policy.landlord.name_in_texts(language))
}

/// The page's content, for the `<main>` of either wasm.
pub fn page(start: &Start) -> Vec<web_sys::Node> {
    let Start { language, policy, now, href, resume, discarded } = *start;
    let name = policy.landlord.name_in_texts(language);
    let notification = |id: &str, title: &str, text: web_sys::Node| -> web_sys::Node {
        el("div")
            .class("notification")
            .attr("role", "region")
            .attr("aria-labelledby", id)
            .child(el("h2").class("heading-m").attr("id", id).text(title))
            .child(el("p").child(text))
            .into()
    };
    let mut nodes = Vec::new();
    if discarded {
        let text = crate::dom::text(t::discarded_text(language));
        nodes.push(notification("discarded-title", t::discarded_title(language), text));
    }
    if let Some(page) = resume.filter(|page| *page != PageId::Start) {
        let link = el("a").attr("href", &href(page.slug())).class("notification__link");
        nodes.push(notification("resume-title", t::resume_title(language), link.text(t::resume_link(language)).into()));
    }
    let p = |text: &str| -> web_sys::Node { el("p").text(text).into() };
    let heading = |text: &str| -> web_sys::Node { el("h2").class("heading-m").text(text).into() };
    let bullets = [t::have_what_went_wrong(language), t::have_done_so_far(language), t::have_outcome_wanted(language)]
        .map(|item| el("li").text(item).into());
    let today = sentence_nodes(&t::if_you_complain_today(language, MARK[0], &name), vec![time(now.date(), language)]);
    let other_ways: Vec<web_sys::Node> = if policy.landlord.contacts.is_empty() {
        vec![p(&t::other_ways_general(language, &name))]
    } else {
        vec![p(&t::other_ways_listed(language, &name)), contact_list(&policy.landlord.contacts, language)]
    };
    nodes.extend([
        // As `PageHeading` draws every other page's: focus moves to it on a change of page.
        el("h1").class("heading-xl").attr("id", "page-heading").attr("tabindex", "-1").text(&title(policy, language)).into(),
        el("p").class("lead").text(&t::lead(language, &name)).into(),
        p(t::no_need_for_the_word(language)),
        heading(t::before_you_start(language)),
        p(t::takes_about(language)),
        el("ul").class("list list--bullet").children(bullets).into(),
        p(t::saved_as_you_go(language)),
        el("a")
            .attr("href", &href(PageId::Safety.slug()))
            .class("button button--start")
            .attr("role", "button")
            .attr("draggable", "false")
            .text(t::start_now(language))
            .into(),
        el("p").child(el("a").attr("href", &href(super::my_complaints::SLUG)).text(tracker::already_sent(language))).into(),
        heading(t::hear_back(language)),
        el("p").children(today).into(),
        timeline_list(&policy.timeline(now).iter().copied().collect::<Vec<_>>(), language),
        el("p").class("hint").text(t::working_days(language)).into(),
        heading(t::other_ways(language)),
    ]);
    nodes.extend(other_ways);
    nodes.extend([heading(t::still_unhappy(language)), p(t::ombudsman(language))]);
    nodes.extend(policy_ombudsmen(policy, language));
    nodes
}

/// The start page in the whole app (mounted on a landlord's page, or gone back to).
#[component]
pub fn StartPage() -> impl IntoView {
    let (settings, answers) = (use_settings(), use_answers());
    let language = settings.language;
    let policy = settings.policy.get_value();
    let resume = answers.draft.with_untracked(|d| PageId::from_slug(&d.last_page));
    let resume = resume.filter(|_| answers.started.get_untracked());
    let discarded = answers.discarded.get_untracked();
    view! {
        <FirstPage title=title(&policy, language)>
            {
                let href = move |slug: &str| settings.href_to(slug);
                let now = Local::now().naive_local();
                built(page(&Start { language, policy: &policy, now, href: &href, resume, discarded }))
            }
        </FirstPage>
    }
}
