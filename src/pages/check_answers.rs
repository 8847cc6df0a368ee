//! Check your answers: every answer on the resident's path with a link to change it, and the
//! dates the policy promises if the complaint is received today.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::answers::{use_answers, Answers};
use crate::api::Progress;
use crate::components::error_summary::{field_error, ErrorMessage};
use crate::components::question::QuestionPage;
use crate::components::timeline::TimelineList;
use crate::components::page_heading::PageHeading;
use chrono::NaiveDate;

use crate::domain::deadlines::long_date;
use crate::domain::draft::{Draft, FeedbackKind, Route};
use crate::domain::policy::Counting;
use crate::domain::translations::{check_answers as t, start, when};
use crate::domain::language::Language;
use crate::domain::journey::{path, PageId};
use crate::domain::triage;
use crate::pages::question;
use crate::domain::words::Label;
use crate::outbox::{use_outbox, Outbox};
use crate::settings::{use_settings, Settings};

fn label<T: Label>(choice: Option<T>, language: Language) -> String {
    choice.map(|c| c.label(language).to_string()).unwrap_or_default()
}

/// "Who is…" as "who is…" after "Change": only the first letter, so names keep theirs.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The answer given on a page, as the resident would read it back.
fn answer(page: PageId, d: &Draft, today: NaiveDate, language: Language) -> String {
    match page {
        PageId::Safety => label(d.danger, language),
        PageId::Who => label(d.complainant, language),
        PageId::Representative => {
            let r = &d.representative;
            [
                r.name.as_str(),
                r.relationship.as_str(),
                &label(r.consent, language),
                &label(r.replies_to, language),
                &r.email,
                &r.phone,
            ]
            .iter()
            .filter(|line| !line.trim().is_empty())
            .map(|line| line.to_string())
            .collect::<Vec<_>>()
            .join("\n")
        }
        PageId::Connection => label(d.connection, language),
        PageId::Kind => label(d.kind, language),
        PageId::Feedback => d.message.clone(),
        PageId::Asb => label(d.asb, language),
        PageId::Matter => label(d.matter, language),
        PageId::Decision => label(d.decision, language),
        PageId::ToldBefore => label(d.told_before, language),
        PageId::AfterReport => label(d.after_report, language),
        PageId::OtherProcess => label(d.other_process, language),
        PageId::PriorComplaint => label(d.prior_complaint, language),
        PageId::When => {
            let date = match d.issue_date.parse(today) {
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
            };
            let ongoing = d.ongoing.map(|answer| {
                format!("{} {}", when::ongoing(language), answer.label(language))
            });
            [Some(date), ongoing].into_iter().flatten().collect::<Vec<_>>().join("\n")
        }
        PageId::LateReason => d.late_reason.clone(),
        PageId::Responsibility => label(d.responsibility, language),
        PageId::Category => label(d.category, language),
        PageId::WhatWentWrong => d.description.clone(),
        PageId::Photos => d
            .photos
            .iter()
            .map(|p| p.alt.clone())
            .collect::<Vec<_>>()
            .join("\n"),
        PageId::Where => [label(d.place, language), d.address.clone()]
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
                .map(|a| a.label(language).to_string())
                .collect();
            lines.push(d.adjustments_detail.clone());
            lines.join("\n").trim().to_string()
        }
        PageId::Contact => [
            &d.name,
            &label(d.contact_method, language),
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
    let (settings, answers) = (use_settings(), use_answers());
    let (language, today) = (settings.language, settings.today);
    let title = question(PageId::Check);
    let pages = answers.with(|policy, draft| path(policy, draft, today));
    // Coming back here from a change link ends the change.
    answers.changing.set(false);
    let rows = pages
        .into_iter()
        .filter(|page| !matches!(page, PageId::Start | PageId::Emergency | PageId::Outcome | PageId::Check))
        .map(|page| {
            let value = answers.draft.with_untracked(|d| answer(page, d, today, language));
            let value = if value.trim().is_empty() { t::not_given(language).to_string() } else { value };
            let start_change = move |_| answers.changing.set(true);
            view! {
                <div class="summary-list__row" data-page=page.slug()>
                    <dt class="summary-list__key">{question(page)}</dt>
                    <dd class="summary-list__value pre-line">{value}</dd>
                    <dd class="summary-list__actions">
                        <a href=settings.href(page) on:click=start_change>
                            {t::change(language)} <span class="visually-hidden">{format!(" {}", lower_first(&question(page)))}</span>
                        </a>
                    </dd>
                </div>
            }
        })
        .collect_view();

    let (sends_complaint, concern) = answers.with(|policy, draft| {
        let assessment = triage::assess(policy, draft, today);
        (
            assessment.sends_as_complaint(draft),
            draft.route == Some(Route::Concern),
        )
    });
    let timeline = settings
        .policy
        .with_value(|p| p.timeline(chrono::Local::now().naive_local()));
    let timeline = timeline
        .iter()
        .filter(|m| concern || m.id != crate::domain::deadlines::MilestoneId::ConcernResolveBy)
        .copied()
        .collect::<Vec<_>>();
    let review = settings.policy.with_value(|p| {
        p.stages.stage2.as_ref().map(|stage2| {
            let when = stage2.request_window.map(|window| {
                let days = window.days.to_string();
                let within = match window.counting {
                    Counting::WorkingDays => t::review_within_working_days(language, &days),
                    Counting::CalendarDays => t::review_within_days(language, &days),
                };
                format!(" {within}")
            });
            view! {
                <h2 class="heading-m">{t::unhappy_with_reply(language)}</h2>
                <p>{t::review_possible(language)} {when}</p>
            }
        })
    });
    let dates = sends_complaint.then(|| {
        view! {
            <h2 class="heading-m">{start::hear_back(language)}</h2>
            <p>{t::if_received_today(language)}</p>
            <TimelineList milestones=timeline />
            <p class="hint">{start::working_days(language)}</p>
            {review}
        }
    });

    let (heading, send_label) = answers.draft.with_untracked(|d| match d.kind {
        Some(FeedbackKind::Compliment) => (t::now_send_thanks(language), t::send(language)),
        Some(FeedbackKind::Comment) => (t::now_send_suggestion(language), t::send(language)),
        _ => (t::now_send_complaint(language), t::send_complaint(language)),
    });
    let (outbox, navigate) = (use_outbox(), use_navigate());
    view! {
        <QuestionPage page=PageId::Check title=title.clone() button=send_label on_valid=Callback::new(move |_| send(settings, answers, outbox, &navigate))>
            <PageHeading title />
            <dl class="summary-list summary-list--actions">{rows}</dl>
            {dates}
            <h2 class="heading-m">{heading}</h2>
            <Declaration />
            <SendProgress />
        </QuestionPage>
    }
}

/// "The information is true": the resident's declaration before sending.
#[component]
fn Declaration() -> impl IntoView {
    let (draft, language) = (use_answers().draft, use_settings().language);
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
                    {t::declaration(language)}
                </label>
            </div>
        </div>
    }
}

/// How sending is going, announced to screen readers as it changes.
#[component]
fn SendProgress() -> impl IntoView {
    let (language, outbox) = (use_settings().language, use_outbox());
    let status = move || {
        outbox.progress.get().map(|progress| match progress {
            Progress::Sending => t::sending(language).to_string(),
            Progress::Retrying { seconds: 1 } => t::retrying_one(language).to_string(),
            Progress::Retrying { seconds } => t::retrying(language, &seconds.to_string()),
            Progress::Offline => t::offline(language).to_string(),
        })
    };
    view! {
        <div role="status" class="send-status">{move || status().map(|text| view! { <p class="inset">{text}</p> })}</div>
        {move || outbox.failure.get().map(|text| view! {
            <div class="error-summary" role="alert" id="send-failure">
                <h2 class="error-summary__title">{t::not_sent(language)}</h2>
                <p>{text}</p>
            </div>
        })}
    }
}

/// Sends the answers, unless a page on the path still has a problem (an answer skipped after a
/// change, say): then the resident goes to the first such page to put it right.
fn send(settings: Settings, answers: Answers, outbox: Outbox, navigate: &impl Fn(&str, NavigateOptions)) {
    let (today, language) = (settings.today, settings.language);
    let problems = answers.with(|policy, draft| {
        path(policy, draft, today)
            .into_iter()
            .filter(|page| *page != PageId::Check)
            .find_map(|page| {
                let errors = crate::domain::validation::validate(page, policy, draft, today, language);
                (!errors.is_empty())
                    .then(|| errors.into_iter().map(|e| (page, e)).collect::<Vec<_>>())
            })
    });
    match problems {
        Some(problems) => {
            if let Some(page) = answers.fix(problems) {
                navigate(&settings.route(page.slug()), Default::default());
            }
        }
        None => outbox.submit(false),
    }
}
