//! The start page: what the service is for, what you need, the dates the landlord's policy
//! promises if you complain today, other ways to complain, and a saved draft to go back to.

use chrono::Local;
use leptos::prelude::*;

use crate::app::use_journey;
use crate::components::contacts::ContactList;
use crate::components::ombudsman::OmbudsmanDetails;
use crate::components::question::InfoPage;
use crate::components::timeline::TimelineList;
use crate::domain::deadlines::long_date;
use crate::domain::journey::PageId;
use crate::pages::question;

#[component]
pub fn StartPage() -> impl IntoView {
    let journey = use_journey();
    let policy = journey.policy.get_value();
    let now = Local::now().naive_local();
    let milestones = policy.timeline(now).iter().copied().collect::<Vec<_>>();
    let name = policy.landlord.name.clone();
    let title = question(PageId::Start);
    let contacts = policy.landlord.contacts.clone();
    let other_ways = if contacts.is_empty() {
        view! { <p>"You can also complain to " {name.clone()} " by phone, email, letter or in person."</p> }
            .into_any()
    } else {
        view! {
            <p>"You can also complain to " {name.clone()} ":"</p>
            <ContactList contacts />
        }
        .into_any()
    };
    let resume = move || {
        journey.draft.with(|d| {
            let page = crate::domain::journey::PageId::from_slug(&d.last_page)
                .filter(|page| *page != PageId::Start && d.is_started());
            page.map(|page| {
                view! {
                    <div class="notification" role="region" aria-labelledby="resume-title">
                        <h2 class="heading-m" id="resume-title">"You have answers saved on this device"</h2>
                        <p><a href=journey.href(page) class="notification__link">"Continue where you left off"</a></p>
                    </div>
                }
            })
        })
    };
    let discarded = move || {
        journey.draft_discarded.get().then(|| {
            view! {
                <div class="notification" role="region" aria-labelledby="discarded-title">
                    <h2 class="heading-m" id="discarded-title">"We could not open your saved answers"</h2>
                    <p>"They were saved by an older version of this form. Please start again."</p>
                </div>
            }
        })
    };
    view! {
        <InfoPage page=PageId::Start title=title.clone()>
            {discarded}
            {resume}
            <h1 class="heading-xl" id="page-heading" tabindex="-1">{title}</h1>
            <p class="lead">
                "Use this service to tell " {name.clone()} " that something has gone wrong with your home or their service."
            </p>
            <p>"You do not need to use the word \u{201c}complaint\u{201d}. Someone can also do this for you. You can also say thank you or make a suggestion."</p>

            <h2 class="heading-m">"Before you start"</h2>
            <p>"It takes about 10 minutes. It helps to have:"</p>
            <ul class="list list--bullet">
                <li>"what went wrong, and when"</li>
                <li>"what you have already done about it"</li>
                <li>"what you would like to happen to put it right"</li>
            </ul>
            <p>"Your answers are saved on this device as you go."</p>
            <a href=journey.href(PageId::Safety) class="button button--start" role="button" draggable="false">"Start now"</a>

            <h2 class="heading-m">"When you will hear back"</h2>
            <p>
                "If you complain today, "
                <time datetime=now.date().to_string()>{long_date(now.date(), journey.language)}</time>
                ", the complaints policy of " {name.clone()} " says:"
            </p>
            <TimelineList milestones />
            <p class="hint">"Working days are Monday to Friday, not counting bank holidays."</p>

            <h2 class="heading-m">"Other ways to complain"</h2>
            {other_ways}

            <h2 class="heading-m">"If you are still unhappy"</h2>
            <p>"If you are unhappy with the final reply to your complaint, you can ask an Ombudsman to look at it. It is free."</p>
            <OmbudsmanDetails ombudsman=policy.ombudsman.clone() />
        </InfoPage>
    }
}
