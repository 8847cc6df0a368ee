//! The emergency interruption: who to call now, before anything else. The resident can go on
//! with the complaint afterwards.

use leptos::prelude::*;

use crate::answers::use_answers;
use crate::components::question::InfoPage;
use crate::components::sentence::{sentence, MARK};
use crate::components::page_heading::PageHeading;
use crate::domain::pages::PageId;
use crate::domain::translations::emergency as t;
use crate::pages::question;
use crate::settings::use_settings;

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
    let settings = use_settings();
    let title = question(PageId::Emergency);
    let landlord = settings.landlord();
    let repairs = settings
        .policy
        .with_value(|p| p.landlord.emergency_repairs_phone.clone());
    let language = settings.language;
    let link = |href: String, text: String| view! { <a href=href>{text}</a> }.into_any();
    let repairs_line = match repairs {
        Some(number) => sentence(
            &t::repairs_line(language, &landlord, MARK[0]),
            vec![link(tel(&number), number.clone())],
        ),
        None => sentence(&t::repairs_line_no_number(language, &landlord), vec![]),
    };
    let next = use_answers().next(PageId::Emergency).unwrap_or(PageId::Who);
    // Awaab's Law's emergency hazards (England): 24 hours, whatever the hazard.
    let awaab = settings
        .policy
        .with_value(|p| crate::domain::hazards::applies(p).is_ok())
        .then(|| view! { <p data-awaab>{t::awaab(language, &landlord)}</p> });
    view! {
        <InfoPage page=PageId::Emergency title=title.clone()>
            <PageHeading title />
            <div class="warning" role="note">
                <p><strong>{t::life_in_danger(language)}</strong></p>
            </div>
            <ul class="list list--bullet">
                <li>{sentence(&t::gas(language, MARK[0]), vec![link(tel("0800 111 999"), "0800 111 999".into())])}</li>
                <li>{sentence(&t::power(language, MARK[0]), vec![link(tel("105"), "105".into())])}</li>
                <li>{repairs_line}</li>
                <li>{sentence(&t::advice(language, MARK[0], MARK[1]), vec![
                    link(tel("111"), t::nhs_111(language).into()),
                    link(tel("101"), "101".into()),
                ])}</li>
            </ul>
            {awaab}
            <p>{t::when_safe(language)}</p>
            <a href=settings.href(next) class="button" role="button" draggable="false">{t::continue_with_complaint(language)}</a>
        </InfoPage>
    }
}
