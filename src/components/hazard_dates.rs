//! The dates Awaab's Law gives the landlord for a hazard the resident reported, each due or
//! late, and whether one was missed (which makes it a complaint about that); and, always, the
//! way to the emergency page: a hazard is never said to be anything but urgent.

use leptos::prelude::*;

use crate::domain::deadlines::long_date;
use crate::domain::hazard_report::HazardReport;
use crate::domain::hazards::{self, Lateness};
use crate::domain::language::Language;
use crate::domain::pages::PageId;
use crate::domain::translations::hazard as t;
use crate::settings::use_settings;

/// `nested`: inside a section of its own (My complaints), under an `<h3>`, without the
/// verdict the complaint already carries.
#[component]
pub fn HazardDates(
    report: HazardReport,
    landlord: String,
    language: Language,
    #[prop(optional)] nested: bool,
) -> impl IntoView {
    let date = |d| long_date(d, language);
    let intro = match report.first_told {
        Some(told) => t::law_intro(language, &landlord, &date(told)),
        None => t::law_intro_not_told(language, &landlord),
    };
    let rows = report
        .deadlines
        .iter()
        .map(|deadline| {
            let missed = report.missed.iter().find(|m| m.id == deadline.id);
            let (state, text) = match missed.map(|m| m.late) {
                Some(Lateness::WorkingDays(1)) => ("late", t::late_one(language, &date(deadline.due))),
                Some(Lateness::WorkingDays(days)) => {
                    ("late", t::late_many(language, &days.to_string(), &date(deadline.due)))
                }
                Some(Lateness::Hours(hours)) => {
                    ("late", t::late_hours(language, &hours.to_string(), &date(deadline.due)))
                }
                None if deadline.at_the_latest => ("due", t::due_latest(language, &date(deadline.due))),
                None => ("due", t::due(language, &date(deadline.due))),
            };
            view! {
                <div class="summary-list__row" data-deadline=deadline.id.id() data-state=state>
                    <dt class="summary-list__key">{deadline.id.label(language)}</dt>
                    <dd class="summary-list__value">{text}</dd>
                </div>
            }
        })
        .collect_view();
    let has_dates = !report.deadlines.is_empty();
    let settings = use_settings();
    let in_england = settings.policy.with_value(|p| hazards::applies(p).is_ok());
    let verdict = match (has_dates, report.is_late()) {
        (false, _) if !in_england => view! { <p>{t::not_england(language, &landlord)}</p> }.into_any(),
        (false, _) => view! { <p>{t::other(language, &landlord)}</p> }.into_any(),
        (true, true) => view! {
            <div class="warning" data-missed><p><strong>{t::missed(language, &landlord)}</strong></p></div>
        }
        .into_any(),
        (true, false) => view! { <p>{t::not_missed(language, &landlord)}</p> }.into_any(),
    };
    let heading = t::law_heading(language, &landlord);
    let heading = match nested {
        true => view! { <h3 class="heading-s">{heading}</h3> }.into_any(),
        false => view! { <h2 class="heading-m">{heading}</h2> }.into_any(),
    };
    let emergency = settings.href(PageId::Emergency);
    view! {
        <section class="hazard" data-hazard=report.hazard.clone()>
            {heading}
            {has_dates.then(|| view! {
                <p>{intro}</p>
                <dl class="summary-list">{rows}</dl>
            })}
            {(!nested).then_some(verdict)}
            {has_dates.then(|| view! { <p>{t::stay(language, &landlord)}</p> })}
            <p class="no-print">{t::danger_now(language)}" "<a href=emergency data-emergency>{t::get_help(language)}</a>"."</p>
        </section>
    }
}
