//! Check your answers: every answer on the resident's path with a link to change it, and the
//! dates the policy promises if the complaint is received today.

use leptos::prelude::*;

use crate::api::Progress;
use crate::app::use_journey;
use crate::components::error_summary::{field_error, ErrorMessage};
use crate::components::question::QuestionPage;
use crate::components::timeline::TimelineList;
use chrono::NaiveDate;

use crate::domain::deadlines::long_date;
use crate::domain::draft::{Draft, Route};
use crate::domain::language::Language;
use crate::domain::journey::{path, PageId};
use crate::domain::triage;
use crate::pages::question;
use crate::text::Label;

fn label<T: Label>(choice: Option<T>) -> String {
    choice.map(|c| c.label().to_string()).unwrap_or_default()
}

/// The answer given on a page, as the resident would read it back.
fn answer(page: PageId, d: &Draft, today: NaiveDate, language: Language) -> String {
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
            Ok(date) => long_date(date, language),
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
        PageId::Photos => d
            .photos
            .iter()
            .map(|p| p.alt.clone())
            .collect::<Vec<_>>()
            .join("\n"),
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
        PageId::Start | PageId::Emergency | PageId::Outcome | PageId::Check | PageId::Review => {
            String::new()
        }
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
            let value = journey.draft.with_untracked(|d| answer(page, d, journey.today, journey.language));
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

    let (what, send_label) = journey.draft.with_untracked(|d| match d.kind {
        Some(crate::domain::draft::FeedbackKind::Compliment) => ("thanks", "Send"),
        Some(crate::domain::draft::FeedbackKind::Comment) => ("suggestion", "Send"),
        _ => ("complaint", "Send complaint"),
    });
    view! {
        <QuestionPage page=PageId::Check title=title.clone() button=send_label on_valid=Callback::new(move |_| send(journey))>
            <h1 class="heading-l" id="page-heading" tabindex="-1">{title}</h1>
            <dl class="summary-list summary-list--actions">{rows}</dl>
            {dates}
            <h2 class="heading-m">"Now send your " {what}</h2>
            <Declaration />
            <SendProgress />
        </QuestionPage>
    }
}

/// "The information is true": the resident's declaration before sending.
#[component]
fn Declaration() -> impl IntoView {
    let draft = use_journey().draft;
    let error = field_error("declaration");
    view! {
        <div class=move || if error.with(Option::is_some) { "form-group form-group--error" } else { "form-group" }>
            <ErrorMessage name="declaration" error />
            <div class="checkboxes__item">
                <input
                    class="checkboxes__input"
                    type="checkbox"
                    id="declaration"
                    name="declaration"
                    aria-describedby=move || error.with(Option::is_some).then_some("declaration-error")
                    prop:checked=move || draft.with(|d| d.declaration)
                    on:change=move |ev| draft.update(|d| d.declaration = event_target_checked(&ev))
                />
                <label class="label checkboxes__label" for="declaration">
                    "I confirm that what I have told them is true, as far as I know"
                </label>
            </div>
        </div>
    }
}

/// How sending is going, announced to screen readers as it changes.
#[component]
fn SendProgress() -> impl IntoView {
    let journey = use_journey();
    let status = move || {
        journey.progress.get().map(|progress| match progress {
            Progress::Sending => "Sending\u{2026}".to_string(),
            Progress::Retrying { seconds } => format!(
                "We could not reach the complaints system. We will try again in {seconds} second{}. Your answers are saved on this device.",
                if seconds == 1 { "" } else { "s" }
            ),
            Progress::Offline => "You are offline. We will send it when you are back online. Your answers are saved on this device, so you can close this page and come back.".to_string(),
        })
    };
    view! {
        <div role="status" class="send-status">{move || status().map(|text| view! { <p class="inset">{text}</p> })}</div>
        {move || journey.failure.get().map(|text| view! {
            <div class="error-summary" role="alert" id="send-failure">
                <h2 class="error-summary__title">"It could not be sent"</h2>
                <p>{text}</p>
            </div>
        })}
    }
}

/// Sends the answers, unless a page on the path still has a problem (an answer skipped after a
/// change, say): then the resident goes to the first such page to put it right.
fn send(journey: crate::app::Journey) {
    let today = journey.today;
    let problem = journey.with(|policy, draft| {
        path(policy, draft, today)
            .into_iter()
            .filter(|page| *page != PageId::Check)
            .find_map(|page| {
                let errors = crate::domain::validation::validate(page, policy, draft, today);
                (!errors.is_empty())
                    .then(|| errors.into_iter().map(|e| (page, e)).collect::<Vec<_>>())
            })
    });
    match problem {
        Some(errors) => {
            journey.server_errors.set(errors);
            journey.refused.set(true);
        }
        None => crate::outbox::submit(journey, false),
    }
}
