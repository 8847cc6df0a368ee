//! How the app is set up where it is served or embedded: the policy profile, where complaints
//! go, the landlord's brand and where the app's pages live. Read from the page's query string
//! (the app's own page, also inside an iframe) or from the data- attributes of the element a
//! landlord's page mounts it in; both use the same names (see docs/embedding.md, "Settings").

use gloo_net::http::Request;
use leptos::prelude::{document, window};
use wasm_bindgen::JsCast;

use crate::domain::brand::Brand;
use crate::domain::language::Language;
use crate::domain::pages::PageId;
use crate::domain::policy::{Policy, PolicyError};

/// Why the app cannot start, for the landlord's web team (the resident is told how else to
/// complain).
#[derive(Clone, Debug, PartialEq)]
pub enum SetupProblem {
    UnknownPolicy(String),
    /// A setting names an address on an origin the deployment does not allow.
    NotAllowed { setting: &'static str, address: String },
    /// A setting names an address with a user name or password (`https://x@host/`), shown
    /// here without them.
    Userinfo { setting: &'static str, address: String },
    PolicyUnavailable { address: String, reason: String },
    /// Every problem found (the app's own pages name the first, by its position).
    InvalidPolicy { address: String, errors: Vec<PolicyError> },
    /// The endpoint answered a submission with a redirect (found when sending).
    EndpointRedirects { address: String },
}

#[derive(Clone, Debug)]
pub struct Config {
    /// The address of the JSON profile, fetched at start: a built-in profile is one of the
    /// app's own files (`policies/<id>.json`), so neither wasm carries all six.
    pub policy: String,
    /// The absolute address complaints are posted to.
    pub endpoint: String,
    pub brand: Brand,
    /// The path the app's pages live under, for the router ("" at the root of a site).
    pub base: String,
    /// The query string kept on every link, so a reload keeps the settings ("" when mounted:
    /// the landlord's page gives them again).
    pub query: String,
    /// Rendered into an element of a landlord's page, rather than on the app's own page.
    pub mounted: bool,
}

/// The default endpoint, on the app's own origin (`make serve` passes it to the receiver).
const DEFAULT_ENDPOINT: &str = "/v1/submissions";

/// The name of index.html's `<meta>` listing the other origins the app's own page may take
/// addresses from (public/app.js reads the same one).
const ALLOWED_ORIGINS: &str = "resident-complaints:allowed-origins";

impl Config {
    /// `host_path` finds the landlord's page the app is mounted on (see [`host_path`]); the
    /// start page's wasm, never mounted (app.js mounts the whole app), passes [`here`].
    pub fn read(
        settings: &str,
        app_base: &str,
        mounted: bool,
        host_path: fn(Option<String>) -> String,
    ) -> Result<Config, SetupProblem> {
        let params = web_sys::UrlSearchParams::new_with_str(settings).ok();
        let setting = |name: &str| {
            params
                .as_ref()
                .and_then(|p| p.get(name))
                .map(|value| value.trim().to_string())
                .filter(|value| !value.is_empty())
        };
        let page = window().location().href().unwrap_or_default();
        // Mounted, the landlord's page as the resident first came to it: a reload deep in the
        // journey (`/complain/who`) must find the same base and the same relative addresses.
        let host_path = mounted.then(|| host_path(setting("base")));
        let host_page = match &host_path {
            Some(path) => absolute(path, &page),
            None => page.clone(),
        };
        // Every address a setting gives (policy, endpoint, logo) goes through this one check.
        // A user name or password is refused everywhere: `https://landlord.example@elsewhere/`
        // dresses one site up as another, and a browser will not fetch such an address. On
        // the app's own page anyone can write the query string, so addresses elsewhere must
        // be listed by the deployment; a landlord's page that mounts the app is trusted.
        let allowed = |setting: &'static str, address: String| {
            if let Some(userinfo) = userinfo(&address) {
                let address = format!("{}{}", &address[..userinfo.start], &address[userinfo.end..]);
                Err(SetupProblem::Userinfo { setting, address })
            } else if mounted || same_origin(&address, &page) || listed_origin(&address) {
                Ok(address)
            } else {
                Err(SetupProblem::NotAllowed { setting, address })
            }
        };

        let policy = match setting("policy") {
            None => builtin(Policy::DEFAULT_ID, app_base),
            Some(id) if is_policy_id(&id) => {
                if !Policy::builtin_ids().contains(&id.as_str()) {
                    return Err(SetupProblem::UnknownPolicy(id));
                }
                builtin(&id, app_base)
            }
            // A relative address is relative to the page that gave it.
            Some(address) => allowed("policy", absolute(&address, &host_page))?,
        };
        let endpoint = setting("endpoint").unwrap_or_else(|| DEFAULT_ENDPOINT.into());
        let endpoint = allowed("endpoint", absolute(&endpoint, app_base))?;

        let (mut brand, warnings) = Brand::from_settings(setting);
        for warning in warnings {
            web_sys::console::warn_1(&format!("resident-complaints: {warning}").into());
        }
        // The logo is shown from where it is checked: relative to the page, as an <img> is.
        brand.logo = brand.logo.map(|logo| allowed("logo", absolute(&logo, &host_page))).transpose()?;

        let base = match host_path {
            Some(path) => path,
            None => web_sys::Url::new(app_base).map(|url| url.pathname()).unwrap_or_default(),
        };
        let base = base.trim_end_matches('/').to_string();
        // On the app's own page the settings are its query string. On a landlord's page only
        // a language chosen with the link is kept, so a reload keeps it.
        let query = if mounted {
            let page_query = window().location().search().unwrap_or_default();
            web_sys::UrlSearchParams::new_with_str(&page_query)
                .ok()
                .and_then(|params| params.get("lang"))
                .map(|lang| format!("?lang={}", String::from(js_sys::encode_uri_component(&lang))))
                .unwrap_or_default()
        } else {
            settings.to_string()
        };
        Ok(Config { policy, endpoint, brand, base, query, mounted })
    }

    /// The address of the app's page with this slug, keeping the settings.
    pub fn href_to(&self, slug: &str) -> String {
        page_address(&self.base, slug, &self.query)
    }

    /// Sets the brand's custom properties on the app's outermost element, through the CSSOM
    /// (which a strict `style-src` allows, unlike a `style` attribute).
    pub fn apply_brand(&self, element: &web_sys::HtmlElement) {
        for (property, value) in self.brand.css_properties() {
            let _ = element.style().set_property(property, &value);
        }
    }
}

/// The address of a page of the app: under its base path, with the settings' query string.
pub fn page_address(base: &str, slug: &str, query: &str) -> String {
    format!("{base}/{slug}{query}")
}

/// Where a session keeps the landlord's page the app was mounted on.
const HOST_PATH_KEY: &str = "resident-complaints/host-path";

/// The path of the landlord's page the app is mounted on: the `base` setting
/// (`data-base="/complain/"`) where the page gives one; else the page as first loaded in this
/// tab, while the address is still under it; else this address less a page of the journey at
/// its end (a link straight to `/complain/who`). Kept for the tab, for the next reload.
pub fn host_path(setting: Option<String>) -> String {
    let here = window().location().pathname().unwrap_or_default();
    let session = window().session_storage().ok().flatten();
    let remembered = session
        .as_ref()
        .and_then(|s| s.get_item(HOST_PATH_KEY).ok().flatten())
        .filter(|path| {
            here == *path || here.starts_with(&format!("{}/", path.trim_end_matches('/')))
        });
    let path = setting.or(remembered).unwrap_or_else(|| {
        let (within, last) = here.rsplit_once('/').unwrap_or(("", &here));
        match is_app_page(last) {
            true => format!("{within}/"),
            false => here.clone(),
        }
    });
    if let Some(session) = session {
        let _ = session.set_item(HOST_PATH_KEY, &path);
    }
    path
}

/// This address's path: for a wasm that is never mounted.
pub fn here(_: Option<String>) -> String {
    window().location().pathname().unwrap_or_default()
}

/// Whether `slug` names one of the app's pages.
fn is_app_page(slug: &str) -> bool {
    PageId::from_slug(slug).is_some()
        || [
            crate::pages::confirmation::SLUG,
            crate::pages::my_complaints::SLUG,
            crate::pages::setup_problem::SLUG,
        ]
        .contains(&slug)
}

/// A built-in profile's id: lowercase letters, digits and hyphens. Anything else is an address.
fn is_policy_id(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn builtin(id: &str, app_base: &str) -> String {
    absolute(&format!("policies/{id}.json"), app_base)
}

fn absolute(address: &str, base: &str) -> String {
    web_sys::Url::new_with_base(address, base)
        .map(|url| url.href())
        .unwrap_or_else(|_| address.to_string())
}

fn origin(address: &str) -> Option<String> {
    let url = web_sys::Url::new(address).ok()?;
    matches!(url.protocol().as_str(), "https:" | "http:").then(|| url.origin())
}

fn same_origin(address: &str, page: &str) -> bool {
    origin(address).is_some_and(|origin| Some(origin) == self::origin(page))
}

/// Where an address's user name or password is, with its `@` (`x:y@` in `https://x:y@host/`),
/// if it has one: as a browser's URL parser finds it, which ends the part before the path at
/// the first `/`, `\`, `?` or `#`, and takes what comes before its last `@` as the user.
fn userinfo(address: &str) -> Option<std::ops::Range<usize>> {
    // Byte by byte: the standard library's string searching would add to the first page.
    let bytes = address.as_bytes();
    let start = bytes.windows(3).position(|w| w == b"://")? + 3;
    let mut end = None;
    for (i, byte) in bytes[start..].iter().enumerate() {
        match byte {
            b'/' | b'\\' | b'?' | b'#' => break,
            b'@' => end = Some(start + i + 1),
            _ => {}
        }
    }
    Some(start..end?)
}

/// Whether an address carries a user name or password (`https://x@host/`).
pub fn has_userinfo(address: &str) -> bool {
    userinfo(address).is_some()
}

/// Origins the deployment allows, from `<meta name="resident-complaints:allowed-origins">` in
/// the app's index.html.
fn listed_origin(address: &str) -> bool {
    let Some(origin) = origin(address) else {
        return false;
    };
    document()
        .query_selector(&format!(r#"meta[name="{ALLOWED_ORIGINS}"]"#))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .is_some_and(|listed| listed.split_whitespace().any(|o| o.trim_end_matches('/') == origin))
}

/// The language to speak: the page's `lang` query parameter (which the language link sets, on
/// the app's own page or a landlord's), else the `lang` setting, else the first of the
/// browser's languages that the app has, else English.
pub fn language(settings: &str) -> Language {
    let lang = |query: &str| {
        web_sys::UrlSearchParams::new_with_str(query)
            .ok()
            .and_then(|params| params.get("lang"))
            .and_then(|tag| Language::from_tag(&tag))
    };
    let page_query = window().location().search().unwrap_or_default();
    lang(&page_query).or_else(|| lang(settings)).unwrap_or_else(|| {
        let tags: Vec<String> = window()
            .navigator()
            .languages()
            .iter()
            .filter_map(|tag| tag.as_string())
            .collect();
        Language::preferred(tags.iter().map(String::as_str))
    })
}

/// The address of this page in another language: the same page and settings, with `lang`.
pub fn address_in(language: Language) -> String {
    let location = window().location();
    let params = web_sys::UrlSearchParams::new_with_str(&location.search().unwrap_or_default())
        .unwrap_or_else(|_| web_sys::UrlSearchParams::new().unwrap());
    params.set("lang", language.code());
    format!(
        "{}?{}{}",
        location.pathname().unwrap_or_default(),
        String::from(params.to_string()),
        location.hash().unwrap_or_default()
    )
}

/// Fetches a profile and checks it with `parse`.
pub async fn fetch_policy(
    address: &str,
    parse: fn(&str) -> Result<Policy, Vec<PolicyError>>,
) -> Result<Policy, SetupProblem> {
    let unavailable = |reason: String| SetupProblem::PolicyUnavailable {
        address: address.to_string(),
        reason,
    };
    let response = crate::api::within(15_000, |signal| {
        Request::get(address).abort_signal(Some(signal)).build()
    })
    .await
    .map_err(|_| {
        unavailable("it could not be fetched: the server did not answer within 15 seconds, \
                     refused the connection, or does not allow this site to read it (CORS)"
            .into())
    })?;
    if response.status() != 200 {
        return Err(unavailable(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        )));
    }
    let text = response
        .text()
        .await
        .map_err(|_| unavailable("the server's answer could not be read".into()))?;
    parse(&text).map_err(|errors| SetupProblem::InvalidPolicy {
        address: address.to_string(),
        errors,
    })
}

thread_local! {
    /// The app's outermost element, and whether it is mounted on a landlord's page.
    static ROOT: std::cell::RefCell<Option<(web_sys::HtmlElement, bool)>> =
        const { std::cell::RefCell::new(None) };
}

/// Records the app's outermost element: the page's body, or the container inside the shadow
/// root on a landlord's page (where `document` cannot see).
pub fn set_root(element: web_sys::HtmlElement, mounted: bool) {
    ROOT.with(|root| *root.borrow_mut() = Some((element, mounted)));
}

/// The element with this id inside the app.
pub fn element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    let root = ROOT
        .with(|root| root.borrow().as_ref().map(|(element, _)| element.clone()))
        .or_else(|| document().body())?;
    root.query_selector(&format!("#{id}"))
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into().ok())
}

/// Sets the page's title, on the app's own page only: a landlord's page keeps its title.
pub fn set_title(title: &str) {
    let mounted = ROOT.with(|root| root.borrow().as_ref().is_some_and(|(_, mounted)| *mounted));
    if !mounted {
        document().set_title(title);
    }
}

#[cfg(test)]
mod tests {
    use super::{has_userinfo, userinfo};

    #[test]
    fn a_user_name_or_password_is_found_where_a_browser_finds_it() {
        for (address, found) in [
            ("https://x@landlord.example/v1/submissions", Some("x@")),
            ("https://x:secret@landlord.example/", Some("x:secret@")),
            ("https://:secret@landlord.example/", Some(":secret@")),
            // An empty one too (a browser drops that @ when it writes the address out, as
            // `absolute` does; in a contact's address it keeps it from being a link).
            ("https://@landlord.example/", Some("@")),
            ("https://landlord.example@elsewhere.example", Some("landlord.example@")),
            ("https://a@b@elsewhere.example/", Some("a@b@")),
            ("http://127.0.0.1:8080@elsewhere.example:8443/p.json", Some("127.0.0.1:8080@")),
            // An @ after the host is in the path, the query or the fragment.
            ("https://landlord.example/@elsewhere.example", None),
            ("https://landlord.example\\@elsewhere.example", None),
            ("https://landlord.example?to=x@elsewhere.example", None),
            ("https://landlord.example#x@elsewhere.example", None),
            ("https://landlord.example/v1/submissions", None),
            ("/v1/submissions", None),
            ("mailto:complaints@landlord.example", None),
        ] {
            let range = userinfo(address);
            assert_eq!(range.clone().map(|r| &address[r]), found, "{address}");
            assert_eq!(has_userinfo(address), found.is_some(), "{address}");
        }
    }
}
