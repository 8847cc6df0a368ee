//! The start page: what the service is for, what you need, the dates the landlord's policy
//! promises if you complain today, other ways to complain, and a saved draft to go back to.

use chrono::Local;
use leptos::prelude::*;

use crate::answers::use_answers;
use crate::components::contacts::ContactList;
use crate::components::ombudsman::PolicyOmbudsmen;
use crate::components::question::FirstPage;
use crate::components::sentence::{sentence, MARK};
use crate::components::timeline::TimelineList;
use crate::components::page_heading::PageHeading;
use crate::domain::deadlines::long_date;
use crate::domain::pages::PageId;
use crate::domain::translations::{questions, start as t};
use crate::settings::use_settings;

#[component]
pub fn StartPage() -> impl IntoView {
    let (settings, answers) = (use_settings(), use_answers());
    let language = settings.language;
    let policy = settings.policy.get_value();
    let now = Local::now().naive_local();
    let milestones = policy.timeline(now).iter().copied().collect::<Vec<_>>();
    let name = policy.landlord.name_in_texts(language);
    // Not from its declaration, which would bring every page's into the first page's wasm.
    let title = questions::start(language, &name);
    let contacts = policy.landlord.contacts.clone();
    let other_ways = if contacts.is_empty() {
        view! { <p>{t::other_ways_general(language, &name)}</p> }
            .into_any()
    } else {
        view! {
            <p>{t::other_ways_listed(language, &name)}</p>
            <ContactList contacts />
        }
        .into_any()
    };
    let resume = move || {
        answers.draft.with(|d| {
            let page = PageId::from_slug(&d.last_page)
                .filter(|page| *page != PageId::Start && answers.started.get());
            page.map(|page| {
                view! {
                    <div class="notification" role="region" aria-labelledby="resume-title">
                        <h2 class="heading-m" id="resume-title">{t::resume_title(language)}</h2>
                        <p><a href=settings.href(page) class="notification__link">{t::resume_link(language)}</a></p>
                    </div>
                }
            })
        })
    };
    let discarded = move || {
        answers.discarded.get().then(|| {
            view! {
                <div class="notification" role="region" aria-labelledby="discarded-title">
                    <h2 class="heading-m" id="discarded-title">{t::discarded_title(language)}</h2>
                    <p>{t::discarded_text(language)}</p>
                </div>
            }
        })
    };
    view! {
        <FirstPage title=title.clone()>
            {discarded}
            {resume}
            <PageHeading title class="heading-xl" />
            <p class="lead">{t::lead(language, &name)}</p>
            <p>{t::no_need_for_the_word(language)}</p>

            <h2 class="heading-m">{t::before_you_start(language)}</h2>
            <p>{t::takes_about(language)}</p>
            <ul class="list list--bullet">
                <li>{t::have_what_went_wrong(language)}</li>
                <li>{t::have_done_so_far(language)}</li>
                <li>{t::have_outcome_wanted(language)}</li>
            </ul>
            <p>{t::saved_as_you_go(language)}</p>
            <a href=settings.href(PageId::Safety) class="button button--start" role="button" draggable="false">{t::start_now(language)}</a>
            <p><a href=settings.href_to(crate::pages::my_complaints::SLUG)>{crate::domain::translations::tracker::already_sent(language)}</a></p>

            <h2 class="heading-m">{t::hear_back(language)}</h2>
            <p>{sentence(&t::if_you_complain_today(language, MARK[0], &name), vec![view! {
                <time datetime=now.date().to_string()>{long_date(now.date(), language)}</time>
            }.into_any()])}</p>
            <TimelineList milestones />
            <p class="hint">{t::working_days(language)}</p>

            <h2 class="heading-m">{t::other_ways(language)}</h2>
            {other_ways}

            <h2 class="heading-m">{t::still_unhappy(language)}</h2>
            <p>{t::ombudsman(language)}</p>
            <PolicyOmbudsmen policy=policy.clone() language />
        </FirstPage>
    }
}
