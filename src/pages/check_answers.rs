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

use crate::domain::draft::{FeedbackKind, Route};
use crate::domain::policy::Counting;
use crate::domain::translations::{check_answers as t, start};
use crate::domain::journey::path;
use crate::domain::pages::PageId;
use crate::domain::pages::FieldId;
use crate::domain::triage;
use crate::pages::question;
use crate::outbox::{use_outbox, Outbox};
use crate::settings::{use_settings, Settings};

/// "Who is…" as "who is…" after "Change": only the first letter, so names keep theirs.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

#[component]
pub fn CheckAnswersPage() -> impl IntoView {
    let (settings, answers) = (use_settings(), use_answers());
    let (language, today) = (settings.language, settings.today);
    let title = question(PageId::Check);
    let pages = answers.with(|policy, draft| path(policy, draft, today));
    // Coming back here from a change link ends the change.
    answers.changing.set(false);
    // Every page on the path that asks something has a row, with its answer as it reads back.
    let rows = answers.with(|policy, d| {
        pages
            .into_iter()
            .filter_map(|page| Some((page, page.page().answer(policy, d, today, language)?)))
            .collect::<Vec<_>>()
    });
    let rows = rows
        .into_iter()
        .map(|(page, value)| {
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

    let (sends_complaint, hazard_report, concern) = answers.with(|policy, draft| {
        let assessment = triage::assess(policy, draft, today);
        (
            assessment.sends_as_complaint(draft),
            assessment.sends_as_hazard_report(draft),
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
                    Counting::CalendarMonths => t::review_within_months(language, &days),
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
        _ if hazard_report => (t::now_send_hazard_report(language), t::send_hazard_report(language)),
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
    let error = field_error(FieldId::Declaration);
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
