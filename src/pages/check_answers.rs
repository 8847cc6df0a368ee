//! Check your answers: every answer on the resident's path with a link to change it, and the
//! dates the policy promises if the complaint is received today.

use leptos::prelude::*;

use crate::app::use_journey;
use crate::components::question::InfoPage;
use crate::components::timeline::TimelineList;
use chrono::NaiveDate;

use crate::domain::deadlines::long_date;
use crate::domain::draft::{Draft, Route};
use crate::domain::journey::{path, PageId};
use crate::domain::triage;
use crate::pages::question;
use crate::text::Label;

fn label<T: Label>(choice: Option<T>) -> String {
    choice.map(|c| c.label().to_string()).unwrap_or_default()
}

/// The answer given on a page, as the resident would read it back.
fn answer(page: PageId, d: &Draft, today: NaiveDate) -> String {
    match page {
        PageId::Safety => label(d.danger),
        PageId::Who => label(d.complainant),
        PageId::Representative => {
            let r = &d.representative;
            [
                r.name.as_str(),
                r.relationship.as_str(),
                &label(r.consent),
                &label(r.replies_to),
                &r.email,
                &r.phone,
            ]
            .iter()
            .filter(|line| !line.trim().is_empty())
            .map(|line| line.to_string())
            .collect::<Vec<_>>()
            .join("\n")
        }
        PageId::Connection => label(d.connection),
        PageId::Kind => label(d.kind),
        PageId::Feedback => d.message.clone(),
        PageId::Asb => label(d.asb),
        PageId::ToldBefore => label(d.told_before),
        PageId::AfterReport => label(d.after_report),
        PageId::OtherProcess => label(d.other_process),
        PageId::PriorComplaint => label(d.prior_complaint),
        PageId::When => match d.issue_date.parse(today) {
            Ok(date) => long_date(date),
            Err(_) => {
                let typed = &d.issue_date;
                format!(
                    "{} {} {}",
                    typed.day.trim(),
                    typed.month.trim(),
                    typed.year.trim()
                )
            }
        },
        PageId::LateReason => d.late_reason.clone(),
        PageId::Responsibility => label(d.responsibility),
        PageId::Category => label(d.category),
        PageId::WhatWentWrong => d.description.clone(),
        PageId::Where => [label(d.place), d.address.clone()]
            .join("\n")
            .trim()
            .to_string(),
        PageId::DoneSoFar => d.done_so_far.clone(),
        PageId::Impact => d.impact.clone(),
        PageId::OutcomeWanted => d.outcome_wanted.clone(),
        PageId::Support => {
            let mut lines: Vec<String> = d
                .adjustments
                .iter()
                .map(|a| a.label().to_string())
                .collect();
            lines.push(d.adjustments_detail.clone());
            lines.join("\n").trim().to_string()
        }
        PageId::Contact => [
            &d.name,
            &label(d.contact_method),
            &d.email,
            &d.phone,
            &d.postal_address,
            &d.postcode,
        ]
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.to_string())
        .collect::<Vec<_>>()
        .join("\n"),
        PageId::Start | PageId::Emergency | PageId::Outcome | PageId::Check => String::new(),
    }
}

#[component]
pub fn CheckAnswersPage() -> impl IntoView {
    let journey = use_journey();
    let title = question(PageId::Check);
    let pages = journey.with(|policy, draft| path(policy, draft, journey.today));
    // Coming back here from a change link ends the change.
    journey.changing.set(false);
    let rows = pages
        .into_iter()
        .filter(|page| !matches!(page, PageId::Start | PageId::Emergency | PageId::Outcome | PageId::Check))
        .map(|page| {
            let value = journey.draft.with_untracked(|d| answer(page, d, journey.today));
            let value = if value.trim().is_empty() { "Not given".to_string() } else { value };
            let start_change = move |_| journey.changing.set(true);
            view! {
                <div class="summary-list__row" data-page=page.slug()>
                    <dt class="summary-list__key">{question(page)}</dt>
                    <dd class="summary-list__value pre-line">{value}</dd>
                    <dd class="summary-list__actions">
                        <a href=journey.href(page) on:click=start_change>
                            "Change" <span class="visually-hidden">{format!(" {}", question(page).to_lowercase())}</span>
                        </a>
                    </dd>
                </div>
            }
        })
        .collect_view();

    let (sends_complaint, concern) = journey.with(|policy, draft| {
        let assessment = triage::assess(policy, draft, journey.today);
        (
            assessment.sends_as_complaint(draft),
            draft.route == Some(Route::Concern),
        )
    });
    let timeline = journey
        .policy
        .with_value(|p| p.timeline(chrono::Local::now().naive_local()));
    let timeline = timeline
        .iter()
        .filter(|m| concern || m.id != crate::domain::deadlines::MilestoneId::ConcernResolveBy)
        .copied()
        .collect::<Vec<_>>();
    let review = journey.policy.with_value(|p| {
        p.stages.stage2.as_ref().map(|stage2| {
            let when = match stage2.request_window {
                Some(window) => format!(
                    " Ask within {} {} of their reply.",
                    window.days,
                    match window.counting {
                        crate::domain::policy::Counting::WorkingDays => "working days",
                        crate::domain::policy::Counting::CalendarDays => "days",
                    }
                ),
                None => String::new(),
            };
            view! {
                <h2 class="heading-m">"If you are unhappy with their reply"</h2>
                <p>"You can ask for a review of your complaint (stage 2)." {when}</p>
            }
        })
    });
    let dates = sends_complaint.then(|| {
        view! {
            <h2 class="heading-m">"When you will hear back"</h2>
            <p>"If they receive your complaint today, their complaints policy says:"</p>
            <TimelineList milestones=timeline />
            <p class="hint">"Working days are Monday to Friday, not counting bank holidays."</p>
            {review.clone()}
        }
    });

    view! {
        <InfoPage page=PageId::Check title=title.clone()>
            <h1 class="heading-l" id="page-heading" tabindex="-1">{title}</h1>
            <dl class="summary-list summary-list--actions">{rows}</dl>
            {dates}
            <div class="inset">
                <p>"Sending your complaint from this form is coming soon. Until then, you can send these answers to " {journey.landlord()} " in the ways listed on the first page."</p>
            </div>
        </InfoPage>
    }
}
