//! The start page: what the service is for, what you need, the dates the landlord's policy
//! promises if you complain today, and other ways to complain.

use chrono::Local;
use leptos::prelude::*;

use crate::components::contacts::ContactList;
use crate::components::ombudsman::OmbudsmanDetails;
use crate::components::timeline::TimelineList;
use crate::domain::deadlines::long_date;
use crate::domain::policy::Policy;

#[component]
pub fn StartPage(policy: Policy) -> impl IntoView {
    let now = Local::now().naive_local();
    let timeline = policy.timeline(now);
    let name = policy.landlord.name.clone();
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
    view! {
        <h1 class="heading-xl">"Make a complaint to " {name.clone()}</h1>
        <p class="lead">
            "Use this service to tell " {name.clone()} " that something has gone wrong with your home or their service."
        </p>
        <p>"You do not need to use the word \u{201c}complaint\u{201d}. Someone can also do this for you."</p>

        <div class="warning" role="note">
            <p>
                <strong>"If anyone is in danger now, call 999."</strong>
                " If you smell gas, call the gas emergency line on "
                <a href="tel:0800111999">"0800 111 999"</a> "."
            </p>
        </div>

        <h2 class="heading-m">"Before you start"</h2>
        <p>"It takes about 10 minutes. It helps to have:"</p>
        <ul class="list list--bullet">
            <li>"what went wrong, and when"</li>
            <li>"what you have already done about it"</li>
            <li>"what you would like to happen to put it right"</li>
        </ul>

        <h2 class="heading-m">"When you will hear back"</h2>
        <p>
            "If you complain today, "
            <time datetime=now.date().to_string()>{long_date(now.date())}</time>
            ", the complaints policy of " {name.clone()} " says:"
        </p>
        <TimelineList timeline />
        <p class="hint">"Working days are Monday to Friday, not counting bank holidays."</p>

        <h2 class="heading-m">"Other ways to complain"</h2>
        {other_ways}

        <h2 class="heading-m">"If you are still unhappy"</h2>
        <p>"If you are unhappy with the final reply to your complaint, you can ask an Ombudsman to look at it. It is free."</p>
        <OmbudsmanDetails ombudsman=policy.ombudsman.clone() />
    }
}
