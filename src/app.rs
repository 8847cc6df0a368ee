//! The app shell: the policy profile (from `?policy=`), the resident's draft (restored from the
//! device and saved on every change), the router, and the page layout.

use chrono::{Local, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::path;

use crate::api::Progress;
use crate::domain::draft::{Draft, Restored};
use crate::domain::journey::{self, PageId};
use crate::domain::policy::Policy;
use crate::domain::validation::FieldError;
use crate::pages;
use crate::pages::unknown_policy::UnknownPolicyPage;
use crate::storage;
use crate::storage::Sent;

/// What every page shares: the policy, the answers, today's date and how to link to a page.
#[derive(Clone, Copy)]
pub struct Journey {
    pub policy: StoredValue<Policy>,
    pub draft: RwSignal<Draft>,
    /// The day the app was opened: the receipt date the dates are worked out from.
    pub today: NaiveDate,
    /// The page's query string (`?policy=...`), kept on every link so a reload keeps the profile.
    query: StoredValue<String>,
    /// A saved draft could not be read and was discarded: the start page says so.
    pub draft_discarded: RwSignal<bool>,
    /// The resident came from check-answers to change an answer, and goes back there after.
    pub changing: RwSignal<bool>,
    /// False until the first page has been shown: focus moves to the heading only on a change
    /// of page, not when the app first loads.
    pub navigated: StoredValue<bool>,
    /// Where submissions go (`?endpoint=`, else `/v1/submissions` on this origin).
    pub endpoint: StoredValue<String>,
    /// Whether the outbox is being sent now.
    pub sending: StoredValue<bool>,
    pub progress: RwSignal<Option<Progress>>,
    /// Why the last submission could not be sent, for the resident.
    pub failure: RwSignal<Option<String>>,
    /// The last submission the server stored.
    pub sent: RwSignal<Option<Sent>>,
    /// Set when a submission has just been stored: the app shows the confirmation.
    pub just_sent: RwSignal<bool>,
    /// The server's errors, placed on the pages that asked.
    pub server_errors: RwSignal<Vec<(PageId, FieldError)>>,
    /// Set when answers need fixing (refused by the server, or found on sending): the app
    /// goes to the first page with a problem.
    pub refused: RwSignal<bool>,
}

impl Journey {
    pub fn href(&self, page: PageId) -> String {
        format!("/{}{}", page.slug(), self.query.get_value())
    }

    pub fn next(&self, page: PageId) -> Option<PageId> {
        self.with(|policy, draft| journey::next(policy, draft, page, self.today))
    }

    pub fn previous(&self, page: PageId) -> Option<PageId> {
        self.with(|policy, draft| journey::previous(policy, draft, page, self.today))
    }

    /// Reads the policy and the answers together, without tracking (for event handlers).
    pub fn with<T>(&self, read: impl FnOnce(&Policy, &Draft) -> T) -> T {
        self.policy
            .with_value(|policy| self.draft.with_untracked(|draft| read(policy, draft)))
    }

    pub fn landlord(&self) -> String {
        self.policy
            .with_value(|policy| policy.landlord.name.clone())
    }

    /// Clears the answers from this device ("I'm on a shared device").
    pub fn clear(&self) {
        let policy_id = self.policy.with_value(|policy| policy.id.clone());
        storage::clear(&policy_id);
        storage::clear_sent(&policy_id);
        self.sent.set(None);
        self.draft.set(Draft::new(&policy_id));
    }
}

pub fn use_journey() -> Journey {
    expect_context::<Journey>()
}

/// The policy id chosen by the `policy` query parameter, if any.
fn query_param(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
        .filter(|value| !value.is_empty())
}

#[component]
pub fn App() -> impl IntoView {
    let policy = match query_param("policy") {
        None => Ok(Policy::default_policy()),
        Some(id) => Policy::builtin(&id).ok_or(id),
    };
    let policy = match policy {
        Ok(policy) => policy,
        Err(id) => {
            document().set_title("Sorry, this complaints form is not working");
            return view! { <Layout service="Make a complaint about your home".into()><UnknownPolicyPage id /></Layout> }
                .into_any();
        }
    };

    let (draft, discarded) = match storage::load(&policy.id) {
        Restored::Draft(draft) => (*draft, false),
        Restored::Nothing => (Draft::new(&policy.id), false),
        Restored::Discarded => (Draft::new(&policy.id), true),
    };
    let draft = RwSignal::new(draft);
    // Every answer is saved as it is typed.
    Effect::new(move |_| draft.with(storage::save));

    let journey = Journey {
        policy: StoredValue::new(policy.clone()),
        draft,
        today: Local::now().date_naive(),
        query: StoredValue::new(window().location().search().unwrap_or_default()),
        draft_discarded: RwSignal::new(discarded),
        changing: RwSignal::new(false),
        navigated: StoredValue::new(false),
        endpoint: StoredValue::new(
            query_param("endpoint").unwrap_or_else(|| "/v1/submissions".into()),
        ),
        sending: StoredValue::new(false),
        progress: RwSignal::new(None),
        failure: RwSignal::new(None),
        sent: RwSignal::new(storage::sent(&policy.id)),
        just_sent: RwSignal::new(false),
        server_errors: RwSignal::new(Vec::new()),
        refused: RwSignal::new(false),
    };
    provide_context(journey);
    // Whatever was waiting to be sent (a reload, a closed tab, no connection) goes now.
    crate::outbox::run(journey);

    view! {
        <Layout service=format!("Complain to {}", policy.landlord.name)>
            <Router>
                <SendWatcher />
                <Routes fallback=|| view! { <pages::not_found::NotFoundPage /> }>
                    <Route path=path!("/") view=pages::start::StartPage />
                    <Route path=path!("/:page") view=PageBySlug />
                </Routes>
            </Router>
        </Layout>
    }
    .into_any()
}

/// The page named by the URL.
#[component]
fn PageBySlug() -> impl IntoView {
    let params = use_params_map();
    move || {
        let slug = params.read().get("page").unwrap_or_default();
        match (slug.as_str(), PageId::from_slug(&slug)) {
            (_, Some(page)) => pages::view(page),
            (pages::confirmation::SLUG, None) => {
                view! { <pages::confirmation::ConfirmationPage /> }.into_any()
            }
            _ => view! { <pages::not_found::NotFoundPage /> }.into_any(),
        }
    }
}

/// Follows the outbox: to the confirmation when a submission is stored, to the first page
/// with a problem when the server refuses an answer.
#[component]
fn SendWatcher() -> impl IntoView {
    let journey = use_journey();
    let navigate = use_navigate();
    let to_confirmation = navigate.clone();
    Effect::new(move |_| {
        if journey.just_sent.get() {
            journey.just_sent.set(false);
            let query = journey.query.get_value();
            to_confirmation(
                &format!("/{}{query}", pages::confirmation::SLUG),
                Default::default(),
            );
        }
    });
    Effect::new(move |_| {
        if journey.refused.get() {
            journey.refused.set(false);
            if let Some((page, _)) = journey.server_errors.with_untracked(|e| e.first().cloned()) {
                // After fixing it, Continue returns to check-answers.
                journey.changing.set(true);
                navigate(&journey.href(page), Default::default());
            }
        }
    });
}

#[component]
fn Layout(service: String, children: Children) -> impl IntoView {
    view! {
        <a href="#main-content" class="skip-link">"Skip to main content"</a>
        <header class="header">
            <div class="width-container">
                <p class="header__service">{service}</p>
            </div>
        </header>
        <div class="width-container">
            <main id="main-content" class="main" tabindex="-1">
                {children()}
            </main>
        </div>
    }
}
