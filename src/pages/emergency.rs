//! The emergency interruption: who to call now, before anything else. The resident can go on
//! with the complaint afterwards.

use leptos::prelude::*;

use crate::app::use_journey;
use crate::components::question::InfoPage;
use crate::domain::journey::PageId;
use crate::pages::question;

fn tel(number: &str) -> String {
    format!(
        "tel:{}",
        number
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect::<String>()
    )
}

#[component]
pub fn EmergencyPage() -> impl IntoView {
    let journey = use_journey();
    let title = question(PageId::Emergency);
    let landlord = journey.landlord();
    let repairs = journey
        .policy
        .with_value(|p| p.landlord.emergency_repairs_phone.clone());
    let repairs_line = match repairs {
        Some(number) => view! {
            <li>
                "For an emergency repair, call " {landlord.clone()} "\u{2019}s emergency repairs line on "
                <a href=tel(&number)>{number.clone()}</a> "."
            </li>
        }
        .into_any(),
        None => view! {
            <li>"For an emergency repair, call " {landlord.clone()} "\u{2019}s emergency repairs line. It is open day and night."</li>
        }
        .into_any(),
    };
    let next = journey.next(PageId::Emergency).unwrap_or(PageId::Who);
    view! {
        <InfoPage page=PageId::Emergency title=title.clone()>
            <h1 class="heading-l" id="page-heading" tabindex="-1">{title}</h1>
            <div class="warning" role="note">
                <p><strong>"If someone\u{2019}s life is in danger, call 999 now."</strong></p>
            </div>
            <ul class="list list--bullet">
                <li>"If you smell gas, call the gas emergency line on " <a href="tel:0800111999">"0800 111 999"</a> ". Do not use switches or flames."</li>
                <li>"If there is a power cut or bare wires, call " <a href="tel:105">"105"</a> "."</li>
                {repairs_line}
                <li>"If you are not in danger now but need advice, call " <a href="tel:111">"NHS 111"</a> " or the police on " <a href="tel:101">"101"</a> "."</li>
            </ul>
            <p>"When everyone is safe, you can go on with your complaint."</p>
            <a href=journey.href(next) class="button" role="button" draggable="false">"Continue with my complaint"</a>
        </InfoPage>
    }
}
