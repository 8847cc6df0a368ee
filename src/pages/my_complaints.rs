//! My complaints: everything sent from this device, newest first, each with its milestones
//! against today and what the resident can do now (`domain::tracker` decides both), read
//! against the backend's status where it offers one, and a calendar file of its dates; first,
//! anything that could never be sent, with what the resident wrote, to copy or remove. And a
//! way to clear everything.

use leptos::prelude::*;

use crate::answers::use_answers;
use crate::api::{Pending, Unsendable};
use crate::components::contacts::ContactList;
use crate::components::hazard_dates::HazardDates;
use crate::components::ombudsman::OmbudsmanDetails;
use crate::components::page_heading::PageHeading;
use crate::components::sent_copy::SentCopy;
use crate::domain::deadlines::long_date;
use crate::domain::language::Language;
use crate::domain::pages::PageId;
use crate::domain::policy::Policy;
use crate::domain::reminder;
use crate::domain::status::Status;
use crate::domain::draft::Category;
use crate::domain::submission::{Kind, Submission};
use crate::domain::tracker::{
    Action, MilestoneProgress, MilestoneState, OmbudsmanReason, ReviewReason, Tracked,
};
use crate::domain::translations::tracker as t;
use crate::domain::words::Label;
use crate::settings::use_settings;
use crate::storage;

pub const SLUG: &str = "my-complaints";

#[component]
pub fn MyComplaintsPage() -> impl IntoView {
    let settings = use_settings();
    let language = settings.language;
    let title = crate::domain::translations::layout::title(language, t::title(language), &settings.landlord());
    crate::config::set_title(&title);
    let items = RwSignal::new(storage::tracked(settings.today));
    let unsent = RwSignal::new(
        storage::outbox()
            .into_iter()
            .filter(|p| p.unsendable.is_some())
            .collect::<Vec<_>>(),
    );
    let cleared = RwSignal::new(false);
    let print = |_| {
        let _ = window().print();
    };
    view! {
        <PageHeading title=t::title(language) />
        <p>{t::intro(language)}</p>
        <For each=move || unsent.get() key=|p| p.idempotency_key.clone() let(pending)>
            <Unsent pending unsent />
        </For>
        {move || {
            let all = items.get();
            if cleared.get() {
                return view! { <p class="notification" role="status">{t::cleared(language)}</p> }.into_any();
            }
            if all.is_empty() && !unsent.with(Vec::is_empty) {
                return ().into_any();
            }
            if all.is_empty() {
                return view! {
                    <p>{t::none(language)}</p>
                    <p><a href=settings.href(PageId::Start)>{crate::domain::translations::start::start_now(language)}</a></p>
                }.into_any();
            }
            all.iter()
                .map(|item| view! { <Item item=item.clone() all=all.clone() /> })
                .collect_view()
                .into_any()
        }}
        <p class="no-print">
            <button type="button" class="button button--secondary" on:click=print>{t::print(language)}</button>
        </p>
        <ClearEverything items unsent cleared />
    }
}

/// One submission: what it was, to whom, its reference, its milestones and what to do now.
#[component]
fn Item(item: Tracked, all: Vec<Tracked>) -> impl IntoView {
    let settings = use_settings();
    let language = settings.language;
    let landlord = item.landlord_in_texts(language);
    let policy = settings.policy.get_value();
    let ours = policy.id == item.policy_id;
    // None while the backend is asked; then Some(None) if it could not say.
    let status = RwSignal::new(None::<Option<Status>>);
    match (&item.access_token, ours) {
        (Some(token), true) => {
            let (endpoint, reference, token) =
                (item.endpoint.clone(), item.reference.clone(), token.clone());
            leptos::task::spawn_local(async move {
                let read = crate::api::status(&endpoint, &reference, &token).await;
                status.set(Some(read));
            });
        }
        _ => status.set(Some(None)),
    }
    let heading = what_it_was(item.kind, item.category, language);
    let details = ours.then(|| {
        let (item, landlord) = (item.clone(), landlord.clone());
        move || {
            let read = status.get()?;
            let progress = item.progress(&policy, read.as_ref(), &all, settings.today);
            let note = (!progress.status_read).then(|| {
                view! { <p class="hint" data-status-note>{t::status_note(language, &landlord)}</p> }
            });
            let milestones = progress
                .milestones
                .iter()
                .map(|m| milestone_row(m, &landlord, language))
                .collect_view();
            let actions = progress
                .actions
                .iter()
                .map(|action| action_view(action, &item, &policy, &landlord, language))
                .collect_view();
            let calendar = calendar_link(&item, &progress, language);
            let now = crate::domain::calendar::uk_time(chrono::Utc::now()).naive_local();
            let hazard = item.hazard.clone().map(|report| {
                let report = report.as_of(policy.region, now);
                view! { <HazardDates report landlord=landlord.clone() language nested=true /> }
            });
            Some(view! {
                {note}
                <dl class="summary-list">{milestones}</dl>
                {hazard}
                {calendar}
                {actions}
            })
        }
    });
    let elsewhere = (!ours).then(|| view! { <p>{t::other_landlord(language, &landlord)}</p> });
    view! {
        <section class="tracked" data-reference=item.reference.clone()>
            <h2 class="heading-m">{heading}</h2>
            <p>
                {t::to_landlord(language, &landlord)}<br />
                {t::reference(language)}": "<strong>{item.reference.clone()}</strong>
            </p>
            {details}
            {elsewhere}
        </section>
    }
}

/// A link that saves a calendar file of the dates still due, if any are.
fn calendar_link(
    item: &Tracked,
    progress: &crate::domain::tracker::Progress,
    language: Language,
) -> Option<impl IntoView> {
    let here = window().location().href().ok()?;
    let page = use_settings().href_to(SLUG);
    let page = web_sys::Url::new_with_base(&page, &here).ok()?.href();
    let now = chrono::Utc::now().naive_utc();
    let file = reminder::calendar_file(item, progress, language, now, &page)?;
    // A data: address needs no object URL to revoke, and works offline.
    let href = format!(
        "data:text/calendar;charset=utf-8,{}",
        js_sys::encode_uri_component(&file)
    );
    Some(view! {
        <p class="no-print">
            <a href=href download=reminder::file_name(item) data-calendar>{t::calendar(language)}</a>
            <br /><span class="hint">{t::calendar_hint(language)}</span>
        </p>
    })
}

/// A submission that can never be sent: why, what the resident wrote (to copy), and a way to
/// remove it.
#[component]
fn Unsent(pending: Pending, unsent: RwSignal<Vec<Pending>>) -> impl IntoView {
    let settings = use_settings();
    let language = settings.language;
    let (kind, category, landlord) = match &pending.tracked {
        Some(t) => (t.kind, t.category, t.landlord_in_texts(language)),
        None => (pending.kind, None, pending.policy_id.clone()),
    };
    let why = match pending.unsendable {
        Some(Unsendable::Refused) => t::unsent_refused(language, &landlord),
        Some(Unsendable::Redirected) => t::unsent_redirected(language, &landlord),
        Some(Unsendable::TooOld) | None => t::unsent_too_old(language).into(),
    };
    let ours = settings.policy.with_value(|p| p.id == pending.policy_id);
    let contacts = ours.then(|| {
        view! { <ContactList contacts=settings.policy.with_value(|p| p.landlord.contacts.clone()) /> }
    });
    let words = NodeRef::<leptos::html::Div>::new();
    // None until a copy is tried; then whether it worked.
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let Some(text) = words.get_untracked().map(|div| div.inner_text()) else { return };
        let navigator = window().navigator();
        // Absent outside a secure context and in old browsers, where calling it would throw.
        if js_sys::Reflect::get(&navigator, &"clipboard".into()).map_or(true, |c| c.is_undefined()) {
            copied.set(Some(false));
            return;
        }
        let promise = navigator.clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(Some(done));
        });
    };
    let key = pending.idempotency_key.clone();
    let remove = move |_| {
        storage::update_outbox(|outbox| outbox.retain(|p| p.idempotency_key != key));
        unsent.update(|all| all.retain(|p| p.idempotency_key != key));
        // The button is gone with its section.
        crate::components::question::focus("page-heading");
    };
    let body = serde_json::from_str::<Submission>(&pending.body).ok();
    view! {
        <section class="tracked tracked--unsent" data-unsent=pending.unsendable.map(Unsendable::id)>
            <h2 class="heading-m">{what_it_was(kind, category, language)}" "
                <strong class="tag tag--falls-short">{t::not_sent(language)}</strong></h2>
            <p>{t::to_landlord(language, &landlord)}</p>
            <div class="warning"><p>{why}</p><p>{t::unsent_next(language)}</p></div>
            {contacts}
            <h3 class="heading-s">{t::what_you_wrote(language)}</h3>
            <div node_ref=words>{body.map(|body| view! { <SentCopy body language /> })}</div>
            <p class="no-print">
                <button type="button" class="button button--secondary" on:click=copy>{t::copy(language)}</button>" "
                <button type="button" class="button button--warning" on:click=remove>{t::remove(language)}</button>
            </p>
            <p class="hint" role="status">{move || copied.get().map(|done| match done {
                true => t::copied(language),
                false => t::copy_failed(language),
            })}</p>
        </section>
    }
}

/// "A complaint: Repairs", in the app's words, never the resident's.
fn what_it_was(kind: Kind, category: Option<Category>, language: Language) -> String {
    match (kind, category) {
        (Kind::Complaint, Some(category)) => {
            t::kind_complaint_about(language, category.label(language))
        }
        (Kind::Complaint, None) => t::kind_complaint(language).into(),
        (Kind::Concern, _) => t::kind_concern(language).into(),
        (Kind::HazardReport, _) => t::kind_hazard_report(language).into(),
        (Kind::Escalation, _) => t::kind_review(language).into(),
        (Kind::Compliment, _) => t::kind_compliment(language).into(),
        (Kind::Comment, _) => t::kind_comment(language).into(),
    }
}

fn milestone_row(m: &MilestoneProgress, landlord: &str, language: Language) -> impl IntoView {
    let date = |d| long_date(d, language);
    let (state, text) = match m.state {
        MilestoneState::Done { on } => ("done", t::done_on(language, &date(on))),
        MilestoneState::Due => ("due", t::due_by(language, &date(m.due))),
        MilestoneState::DueToday => ("due-today", t::due_today(language).into()),
        MilestoneState::Late { working_days: 1 } => ("late", t::late_one(language, &date(m.due))),
        MilestoneState::Late { working_days } => (
            "late",
            t::late_many(language, &working_days.to_string(), &date(m.due)),
        ),
        MilestoneState::NoLongerDue { .. } => ("no-longer-due", t::no_longer_due(language).into()),
    };
    let extension = m.extension.map(|e| {
        let beyond = e.beyond_policy.then(|| t::beyond_policy(language));
        view! { <br /><span class="hint">{t::extended(language, landlord, &date(e.until))}" "{beyond}</span> }
    });
    view! {
        <div class="summary-list__row" data-milestone=m.id.id() data-state=state>
            <dt class="summary-list__key">{m.id.label(language)}</dt>
            <dd class="summary-list__value">{text}{extension}</dd>
        </div>
    }
}

fn action_view(
    action: &Action,
    item: &Tracked,
    policy: &Policy,
    landlord: &str,
    language: Language,
) -> AnyView {
    match action {
        Action::Chase { .. } => view! {
            <div class="tracked__action" data-action="chase">
                <h3 class="heading-s">{t::chase_heading(language, landlord)}</h3>
                <p>{t::chase(language)}</p>
                <ContactList contacts=policy.landlord.contacts.clone() />
            </div>
        }
        .into_any(),
        Action::AskForReview { because, until } => {
            let until = until.map(|d| view! { <p>{t::review_until(language, &long_date(d, language))}</p> });
            let answered = match because {
                ReviewReason::Responded { on } | ReviewReason::Closed { on } => Some(*on),
                ReviewReason::Late { .. } => None,
            };
            let (answers, settings) = (use_answers(), use_settings());
            let reference = item.reference.clone();
            // The review form, with the reference (and the reply's date, where known) filled in.
            let prefill = move |_| {
                answers.draft.update(|d| {
                    d.review_reference = reference.clone();
                    if let Some(on) = answered {
                        d.review_response_date = on.into();
                    }
                });
            };
            view! {
                <div class="tracked__action" data-action="review">
                    <h3 class="heading-s">{t::review_heading(language)}</h3>
                    <p>{t::review(language)}</p>
                    {until}
                    <p><a href=settings.href(PageId::Review) on:click=prefill>{t::review_link(language)}</a></p>
                </div>
            }
            .into_any()
        }
        Action::GoToOmbudsman { because, ombudsmen } => {
            let why = match because {
                OmbudsmanReason::ProcessFinished { .. } => t::ombudsman_finished(language, landlord),
                OmbudsmanReason::CodeTimePassed { .. } => t::ombudsman_code(language, landlord),
            };
            view! {
                <div class="tracked__action" data-action="ombudsman">
                    <h3 class="heading-s">{t::ombudsman_heading(language)}</h3>
                    <p>{why}</p>
                    <OmbudsmanDetails ombudsmen=ombudsmen.clone()
                        services=policy.ombudsman.lgsco_services.clone() language />
                </div>
            }
            .into_any()
        }
    }
}

/// Clears everything the app keeps on this device, after saying what will be lost.
#[component]
fn ClearEverything(
    items: RwSignal<Vec<Tracked>>,
    unsent: RwSignal<Vec<Pending>>,
    cleared: RwSignal<bool>,
) -> impl IntoView {
    let (settings, answers) = (use_settings(), use_answers());
    let language = settings.language;
    let asking = RwSignal::new(false);
    let clear = move |_| {
        storage::clear_everything();
        answers.clear();
        items.set(Vec::new());
        unsent.set(Vec::new());
        asking.set(false);
        cleared.set(true);
        crate::components::question::focus("page-heading");
    };
    view! {
        <div class="clear-answers no-print">
            {move || if asking.get() {
                let unsent = (!storage::outbox().is_empty())
                    .then(|| view! { <p><strong>{t::clear_unsent(language)}</strong></p> });
                view! {
                    <div role="alert">
                        <p>{t::clear_warning(language)}</p>
                        {unsent}
                    </div>
                    <p>
                        <button type="button" class="button button--warning" on:click=clear>{t::clear_yes(language)}</button>" "
                        <button type="button" class="button button--secondary" on:click=move |_| asking.set(false)>{t::cancel(language)}</button>
                    </p>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="button button--secondary" on:click=move |_| asking.set(true)>{t::clear(language)}</button>
                    <p class="hint">{t::clear_hint(language)}</p>
                }.into_any()
            }}
        </div>
    }
}
