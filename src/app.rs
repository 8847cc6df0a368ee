//! The app shell: the policy profile (from `?policy=`), the resident's draft (restored from the
//! device and saved on every change), the router, and the page layout.

use chrono::{Local, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_params_map;
use leptos_router::path;

use crate::domain::draft::{Draft, Restored};
use crate::domain::journey::{self, PageId};
use crate::domain::policy::Policy;
use crate::pages;
use crate::pages::unknown_policy::UnknownPolicyPage;
use crate::storage;

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
        self.draft.set(Draft::new(&policy_id));
    }
}

pub fn use_journey() -> Journey {
    expect_context::<Journey>()
}

/// The policy id chosen by the `policy` query parameter, if any.
fn policy_param() -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get("policy")
        .filter(|id| !id.is_empty())
}

#[component]
pub fn App() -> impl IntoView {
    let policy = match policy_param() {
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
    };
    provide_context(journey);

    view! {
        <Layout service=format!("Complain to {}", policy.landlord.name)>
            <Router>
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
        match PageId::from_slug(&slug) {
            Some(page) => pages::view(page),
            None => view! { <pages::not_found::NotFoundPage /> }.into_any(),
        }
    }
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
