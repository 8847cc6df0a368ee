//! The app shell: the setup (see `config`), the policy profile, the contexts every page draws
//! on (`Settings`, `Answers` and, in the whole app, `Outbox`), the router, and the page layout.

use chrono::Local;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::path;

use crate::answers::{use_answers, Answers};
use crate::components::built;
use crate::components::question::clear_answers;
use crate::config::{self, Config, SetupProblem};
use crate::dom::el;
use crate::domain::pages::PageId;
use crate::domain::language::Language;
use crate::domain::translations as t;
use crate::domain::policy::Policy;
use crate::outbox::{use_outbox, Ended, Outbox};
use crate::pages;
use crate::pages::setup_problem::SetupProblemPage;
use crate::settings::{use_settings, Settings};

/// Starts the whole app from `public/app.js` (see `main.rs`). It names a profile's fault by
/// its position, which takes far less code than naming the field: the policy check does that.
pub fn start(settings: &str, app_base: &str, container: Option<web_sys::HtmlElement>) {
    let edition = Edition {
        pages: whole_app,
        answers: Answers::restore,
        parse: by_position,
        host_path: config::host_path,
        problem: for_residents,
    };
    launch(settings, app_base, container, edition);
}

/// Starts only the start page (see `first_page.rs`), drawn with no Leptos (`pages::start`):
/// the page most residents arrive on, from a wasm a fraction of the whole app's size. Its links
/// are ordinary links, and the page they load starts the wasm that has it. Whether the page was
/// drawn: when the app cannot start with its settings, `public/app.js` starts the whole app,
/// whose page for that says what is wrong.
pub async fn start_first_page(settings: &str, app_base: &str) -> bool {
    let Some((root, language, Ok(config))) = prepare(settings, app_base, None, config::here) else {
        return false;
    };
    let Ok(policy) = config::fetch_policy(&config.policy, by_position).await else {
        return false;
    };
    // Only where a saved draft was left, as `Answers::glimpse` reads it.
    let (left_on, discarded) = crate::storage::left_on(&policy.id);
    let href = |slug: &str| config.href_to(slug);
    let start = pages::start::Start {
        language,
        policy: &policy,
        now: Local::now().naive_local(),
        href: &href,
        resume: PageId::from_slug(&left_on),
        discarded,
    };
    let mut content = pages::start::page(&start);
    if !left_on.is_empty() {
        let (policy_id, start_page) = (policy.id.clone(), href(PageId::Start.slug()));
        content.push(clear_answers(language, move || {
            crate::storage::clear(&policy_id);
            window().location().assign(&start_page).ok();
        }));
    }
    let landlord = policy.landlord.name_in_texts(language);
    let header = header_bar(&t::layout::complain_to(language, &landlord), config.brand.logo.as_deref(), language);
    // As `Layout` draws the app's own page.
    let main = el("main").class("main").attr("id", "main-content").attr("tabindex", "-1").children(content);
    for part in [
        el("a").class("skip-link").attr("href", "#main-content").text(t::layout::skip_link(language)),
        el("header").class("header").child(header),
        el("div").class("width-container").child(main),
    ] {
        root.append_with_node_1(&part.into()).ok();
    }
    config::set_title(&t::layout::title(language, &pages::start::title(&policy, language), &landlord));
    if came_from_another_page() {
        crate::components::question::focus("page-heading");
    }
    true
}

/// Starts only the question pages (see `questions.rs`): what a question page loaded directly
/// needs (a reload, a resumed draft, a link), at a fraction of the whole app's size. Any other
/// page is loaded in full, and `public/app.js` starts the wasm that has it.
pub fn start_questions(settings: &str, app_base: &str, container: Option<web_sys::HtmlElement>) {
    let edition = Edition {
        pages: questions_only,
        answers: Answers::restore,
        parse: by_position,
        host_path: config::here,
        problem: for_residents,
    };
    launch(settings, app_base, container, edition);
}

/// Whether the question pages' wasm shows the page at `slug`: `public/app.js` repeats this
/// (tests/app_js.rs checks it does).
pub fn is_question_slug(slug: &str) -> bool {
    PageId::from_slug(slug).is_some_and(pages::is_question_page)
}

/// Starts only the policy check (see `policy_check_app.rs`), for a landlord's web team: it
/// names a profile's fault by field.
pub fn start_policy_check(settings: &str, app_base: &str, container: Option<web_sys::HtmlElement>) {
    let edition = Edition {
        pages: policy_check_only,
        answers: Answers::glimpse,
        parse: Policy::check,
        host_path: config::here,
        problem: for_web_team,
    };
    launch(settings, app_base, container, edition);
}

/// The routes of the whole app, and the outbox: whatever was waiting to be sent (a reload, a
/// closed tab, no connection) goes now.
fn whole_app(settings: Settings, answers: Answers) -> AnyView {
    let outbox = Outbox::new(settings, answers);
    provide_context(outbox);
    outbox.run();
    outbox.run_others();
    view! {
        <Router base=settings.base()>
            <AfterSend />
            <Routes fallback=|| view! { <pages::not_found::NotFoundPage /> }>
                <Route path=path!("/") view=pages::start::StartPage />
                <Route path=path!("/:page") view=PageBySlug />
            </Routes>
        </Router>
    }
    .into_any()
}

/// The question pages, and nothing to send: whatever is waiting to be sent starts the whole
/// app instead (`public/app.js`).
fn questions_only(settings: Settings, answers: Answers) -> AnyView {
    view! {
        <Router base=settings.base()>
            <Routes fallback=move || load_in_full(answers)>
                <Route path=path!("/:page") view=QuestionBySlug />
            </Routes>
        </Router>
    }
    .into_any()
}

#[component]
fn QuestionBySlug() -> impl IntoView {
    let (params, answers) = (use_params_map(), use_answers());
    move || {
        let slug = params.read().get("page").unwrap_or_default();
        PageId::from_slug(&slug)
            .and_then(pages::question_view)
            .unwrap_or_else(|| load_in_full(answers))
    }
}

/// A page the question pages' wasm does not have (the start page, the outcome, check-answers):
/// the answers saved now, not when the effect that saves them would run, and the address the
/// router has moved to loaded in full, which starts the wasm that has it.
fn load_in_full(answers: Answers) -> AnyView {
    answers.draft.with_untracked(crate::storage::save);
    // A change of page, which a reload's referrer cannot tell (see `came_from_another_page`).
    let session = window().session_storage().ok().flatten();
    if let (Some(session), Ok(here)) = (session, window().location().pathname()) {
        session.set_item(CHANGED_PAGE_KEY, &here).ok();
    }
    window().location().reload().ok();
    ().into_any()
}

/// Where the question pages' wasm sent the resident by loading the page in full.
const CHANGED_PAGE_KEY: &str = "resident-complaints/changed-page";

/// The policy check alone: no router, as it links to no other page.
fn policy_check_only(_: Settings, _: Answers) -> AnyView {
    view! { <pages::policy_check::PolicyCheckPage /> }.into_any()
}

/// A profile's first fault, by its position: residents' pages carry the least code.
fn by_position(json: &str) -> Result<Policy, Vec<crate::domain::policy::PolicyError>> {
    Policy::from_json_by_position(json).map_err(|error| vec![error])
}

/// What differs between the whole app, the first page's and the policy check's: the pages,
/// how much of the saved answers they read, how a profile is checked, and who reads a problem
/// first.
#[derive(Clone, Copy)]
struct Edition {
    pages: fn(Settings, Answers) -> AnyView,
    /// The saved answers: in full where pages change them, else only where they were left.
    answers: fn(Settings, bool) -> Answers,
    parse: fn(&str) -> Result<Policy, Vec<crate::domain::policy::PolicyError>>,
    /// Where a mounted app's landlord page is: only the whole app is ever mounted.
    host_path: fn(Option<String>) -> String,
    /// What is wrong when the app cannot start, and for whom (a fn, so that each wasm holds
    /// only its own page).
    problem: fn(SetupProblem, Language) -> AnyView,
}

/// For the resident, with other ways to complain, and for the web team.
fn for_residents(problem: SetupProblem, language: Language) -> AnyView {
    view! { <SetupProblemPage problem language /> }.into_any()
}

/// On the policy check: for the web team alone.
fn for_web_team(problem: SetupProblem, _: Language) -> AnyView {
    view! { <pages::policy_check::ProfileProblems problem /> }.into_any()
}

/// What every wasm does before drawing: the app's outermost element (the page's body, or the
/// container on a landlord's page) marked as the app's, in the resident's language and the
/// landlord's brand, and the settings read. None if there is no element to draw in.
fn prepare(
    settings: &str,
    app_base: &str,
    container: Option<web_sys::HtmlElement>,
    host_path: fn(Option<String>) -> String,
) -> Option<(web_sys::HtmlElement, Language, Result<Config, SetupProblem>)> {
    let mounted = container.is_some();
    let language = config::language(settings);
    let config = Config::read(settings, app_base, mounted, host_path);
    let root = container.or_else(|| document().body())?;
    root.class_list().add_1("app").ok();
    // On a landlord's page the app's own element says its language, not their <html>.
    let lang_element = match mounted {
        true => Some(root.clone().into()),
        false => document().document_element(),
    };
    if let Some(element) = lang_element {
        element.set_attribute("lang", language.code()).ok();
    }
    if let Ok(config) = &config {
        config.apply_brand(&root);
    }
    config::set_root(root.clone(), mounted);
    Some((root, language, config))
}

fn launch(
    settings: &str,
    app_base: &str,
    container: Option<web_sys::HtmlElement>,
    edition: Edition,
) {
    let mounted = container.is_some();
    let Some((root, language, config)) = prepare(settings, app_base, container, edition.host_path) else {
        return;
    };
    leptos::mount::mount_to(root, move || view! { <App config mounted edition language /> }).forget();
}

#[component]
fn App(
    config: Result<Config, SetupProblem>,
    mounted: bool,
    edition: Edition,
    language: Language,
) -> impl IntoView {
    let config = match config {
        Ok(config) => config,
        Err(problem) => return view! { <Problem problem mounted edition language /> }.into_any(),
    };
    let loaded = RwSignal::new(None);
    let address = config.policy.clone();
    leptos::task::spawn_local(async move {
        let policy = config::fetch_policy(&address, edition.parse).await;
        // The pages are drawn in a task of their own, after the profile is checked, so that
        // neither holds up a slow phone for long.
        crate::api::sleep(0).await;
        loaded.set(Some(policy));
    });
    (move || match loaded.get() {
        None => view! {
            <Layout service=t::layout::service(language).into() logo=None mounted language>
                <p role="status">{t::layout::loading(language)}</p>
            </Layout>
        }
        .into_any(),
        Some(Ok(policy)) => {
            view! { <Ready config=config.clone() policy edition language /> }.into_any()
        }
        Some(Err(problem)) => view! { <Problem problem mounted edition language /> }.into_any(),
    })
    .into_any()
}

/// The app cannot start: what is wrong, for the web team, and other ways to complain; on the
/// policy check, for the web team alone.
#[component]
fn Problem(problem: SetupProblem, mounted: bool, edition: Edition, language: Language) -> impl IntoView {
    let page = (edition.problem)(problem, language);
    view! {
        <Layout service=t::layout::service(language).into() logo=None mounted language>
            {page}
        </Layout>
    }
}

/// The app with its policy: the resident's journey.
#[component]
fn Ready(
    config: Config,
    policy: Policy,
    edition: Edition,
    language: Language,
) -> impl IntoView {
    let service = t::layout::complain_to(language, &policy.landlord.name_in_texts(language));
    let settings = Settings::new(&config, policy, language, Local::now().date_naive());
    provide_context(settings);
    let answers = (edition.answers)(settings, came_from_another_page());
    provide_context(answers);

    let mounted = config.mounted;
    view! {
        <Layout service logo=config.brand.logo.clone() mounted language>
            {(edition.pages)(settings, answers)}
        </Layout>
    }
}

/// Whether this load follows a link from another of the app's pages (the start page's links
/// load the whole app), or the question pages' wasm loaded it for a page it does not have: a
/// change of page like any other, so focus goes to the new heading.
fn came_from_another_page() -> bool {
    let here = window().location();
    let sent_here = window().session_storage().ok().flatten().is_some_and(|session| {
        let sent = session.get_item(CHANGED_PAGE_KEY).ok().flatten();
        session.remove_item(CHANGED_PAGE_KEY).ok();
        sent.is_some() && sent == here.pathname().ok()
    });
    sent_here
        || web_sys::Url::new(&document().referrer()).is_ok_and(|from| {
            Some(from.origin()) == here.origin().ok() && Some(from.pathname()) != here.pathname().ok()
        })
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
            (pages::my_complaints::SLUG, None) => {
                view! { <pages::my_complaints::MyComplaintsPage /> }.into_any()
            }
            (pages::setup_problem::SLUG, None) => pages::setup_problem::after_send(),
            _ => view! { <pages::not_found::NotFoundPage /> }.into_any(),
        }
    }
}

/// Follows the outbox wherever the resident is (a submission waiting from an earlier visit
/// may go while they read another page): to the confirmation when the server stores theirs,
/// to the first page with a problem when it refuses an answer.
#[component]
fn AfterSend() -> impl IntoView {
    let (settings, answers, outbox) = (use_settings(), use_answers(), use_outbox());
    let navigate = use_navigate();
    Effect::new(move |_| {
        let to = match outbox.ended() {
            Some(Ended::Sent) => Some(pages::confirmation::SLUG),
            Some(Ended::Refused(problems)) => answers.fix(problems).map(PageId::slug),
            Some(Ended::Redirected(_)) => Some(pages::setup_problem::SLUG),
            None => None,
        };
        if let Some(slug) = to {
            navigate(&settings.route(slug), Default::default());
        }
    });
}

/// The header's bar: the landlord's logo, the service's name, and the link to the page in
/// the other language (a full load: same page, same settings, and the answers are on the
/// device). Built into the DOM (see `crate::dom`): the first page's, and `Layout`'s.
fn header_bar(service: &str, logo: Option<&str>, language: Language) -> web_sys::Element {
    let other = language.other();
    let switch = el("a")
        .class("header__language")
        .attr("href", &config::address_in(other))
        .attr("hreflang", other.code())
        .lang(other.code())
        .attr("rel", "alternate")
        .text(other.own_name())
        // Worked out on click, as the page may have changed since this was drawn.
        .on_click(move |event| {
            event.prevent_default();
            window().location().assign(&config::address_in(other)).ok();
        });
    let mut bar = el("div").class("width-container header__container");
    if let Some(src) = logo {
        // Decorative: the service name beside it names the landlord.
        bar = bar.child(el("img").class("header__logo").attr("src", src).attr("alt", ""));
    }
    bar.child(el("p").class("header__service").text(service)).child(switch).0
}

/// The frame of every page. On a landlord's page (`mounted`) the app is a region of their
/// page: no skip link, and no `<header>` or `<main>` landmarks, which are theirs.
#[component]
fn Layout(
    service: String,
    logo: Option<String>,
    mounted: bool,
    language: Language,
    children: Children,
) -> impl IntoView {
    // The language link follows the resident's page, which the answers record as they
    // arrive (outside the router, which this frame is), for opening it another way (a new
    // tab, a long press); a click works it out anew.
    let header = header_bar(&service, logo.as_deref(), language);
    if let Some(answers) = use_context::<Answers>() {
        let link = header.clone();
        Effect::new(move |_| {
            answers.draft.with(|d| d.last_page.len());
            if let Ok(Some(link)) = link.query_selector(".header__language") {
                link.set_attribute("href", &config::address_in(language.other())).ok();
            }
        });
    }
    let header = built([header.into()]);
    if mounted {
        view! {
            <div class="header">{header}</div>
            <div class="width-container">
                <div id="main-content" class="main" tabindex="-1">{children()}</div>
            </div>
        }
        .into_any()
    } else {
        view! {
            <a href="#main-content" class="skip-link">{t::layout::skip_link(language)}</a>
            <header class="header">{header}</header>
            <div class="width-container">
                <main id="main-content" class="main" tabindex="-1">
                    {children()}
                </main>
            </div>
        }
        .into_any()
    }
}
