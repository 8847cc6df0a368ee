//! public/app.js, the loader, repeats what the Rust app defines: the outbox's storage key
//! (src/storage.rs), the default profile (`Policy::DEFAULT_ID`), the rule that tells a built-in
//! profile's id from an address (src/config.rs, the same rule as a profile's own id), which
//! addresses a setting may name (src/config.rs: index.html's allowed origins, and never a user
//! name or password), and the name of each contact channel (src/locales/en/contacts.toml).
//! Here app.js runs in Node on a stand-in page, unchanged, and what it does is checked against
//! what the Rust does, or where the crate keeps it to itself (storage.rs and config.rs are
//! private modules), against its source: a change to either side alone fails.

use std::path::Path;
use std::process::Command;

use resident_complaints::app::is_question_slug;
use resident_complaints::domain::language::Language;
use resident_complaints::domain::pages::PageId;
use resident_complaints::domain::policy::{Channel, Policy};
use resident_complaints::domain::translations::contacts;
use serde_json::{json, Value};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Imports app.js once for each case, on a page whose query string sets `policy` (none where it
/// is null), with stand-ins for the DOM, localStorage and fetch. The app's own modules are not
/// beside public/app.js, so the app "cannot start" and app.js shows its fallback, with the
/// landlord's contacts from `profile`. A case may give index.html's allowed origins
/// (`allowed`, the content of the `<meta>` named `meta`), or be `mounted`: then `policy` is
/// the `data-policy` of an element on a landlord's page at the same address. For each case:
/// the profile address it preloaded, the storage keys it read, the addresses it fetched, the
/// wasm it fetched, and the names it gave the contacts, with each one's link (null for text).
/// A case `at` a slug runs on that page of the app's own, beside app.js.
const RUN_APP_JS: &str = r#"
import { pathToFileURL } from 'node:url';
const [appJs, casesJson] = process.argv.slice(1);
const results = [];
const cases = JSON.parse(casesJson);
for (const [n, { policy, profile, allowed = null, meta = null, mounted = false, at = null }] of cases.entries()) {
  const seen = { preloaded: [], storage: [], fetched: [], wasm: [], contacts: null, links: null };
  let finished;
  let timer;
  const done = new Promise((resolve) => { finished = resolve; timer = setTimeout(resolve, 5000); });
  const element = (tag) => ({
    tag, children: [], textContent: '', style: {},
    append(...children) { this.children.push(...children); },
    replaceChildren(...children) { this.children = children; },
    setAttribute(name, value) { this[name] = value; },
    remove() {},
  });
  const contacts = element('div');
  contacts.replaceChildren = (heading, list) => {
    seen.contacts = list.children.map((row) => row.children[0].textContent);
    seen.links = list.children.map((row) => row.children[1].children[0].href ?? null);
    finished();
  };
  // `at`: a page of the app's own, beside app.js, by its slug.
  const page = at === null ? new URL("http://landlord.test/complaints/") : new URL(`./${at}`, pathToFileURL(appJs));
  if (policy !== null && !mounted) page.search = new URLSearchParams({ policy }).toString();
  // On a landlord's page, the app's fallback writes into the element: the run is over.
  const host = {
    dataset: { residentComplaints: '', ...(policy === null ? {} : { policy }) },
    get textContent() { return ''; },
    set textContent(text) { finished(); },
  };
  Object.assign(globalThis, {
    location: page,
    localStorage: { getItem: (key) => { seen.storage.push(key); return null; } },
    fetch: async (url) => {
      if (String(url).endsWith('.wasm')) seen.wasm.push(String(url).split('/').pop());
      else seen.fetched.push(String(url));
      return { json: async () => profile, url: String(url) };
    },
    document: {
      createElement: element,
      head: { append: (link) => link.rel === 'preload' && seen.preloaded.push(link.href) },
      // The fallback is shown; contacts, if any, follow within a few tasks.
      body: { append() {}, prepend() {}, insertAdjacentHTML() { setTimeout(finished, 100); } },
      getElementById: () => null,
      querySelectorAll: (selector) =>
        (mounted && selector === '[data-resident-complaints]' ? [host] : []),
      querySelector: (selector) => ({ noscript: { textContent: '<p>Other ways</p>' },
        '[data-landlord-contacts]': contacts,
        [`meta[name="${meta}"]`]: allowed === null ? null : { content: allowed },
      })[selector] ?? null,
    },
  });
  console.error = () => {}; // "the app could not start": expected here
  await import(`${pathToFileURL(appJs).href}?case=${n}`);
  await done;
  clearTimeout(timer);
  results.push(seen);
}
process.stdout.write(JSON.stringify(results));
"#;

/// Where app.js finds a built-in profile, relative to itself (with no id: the folder).
fn builtin_address(id: &str) -> String {
    match id {
        "" => format!("file://{ROOT}/public/policies/"),
        id => format!("file://{ROOT}/public/policies/{id}.json"),
    }
}

/// Runs app.js for each `(policy, profile)` case.
fn run_app_js(cases: &[(Option<&str>, &Value)]) -> Vec<Value> {
    let cases: Vec<Value> = cases
        .iter()
        .map(|(policy, profile)| json!({ "policy": policy, "profile": profile }))
        .collect();
    run_cases(&cases)
}

/// Runs app.js for each case, as `RUN_APP_JS` reads them.
fn run_cases(cases: &[Value]) -> Vec<Value> {
    let output = Command::new("node")
        .args(["--input-type=module", "-e", RUN_APP_JS])
        .arg(Path::new(ROOT).join("public/app.js"))
        .arg(Value::from(cases.to_vec()).to_string())
        .output()
        .expect("node runs (it is installed with the browser tests)");
    assert!(
        output.status.success(),
        "node failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("app.js's run, as JSON")
}

/// The one address app.js preloaded.
fn preloaded(run: &Value) -> &str {
    match run["preloaded"].as_array().map(Vec::as_slice) {
        Some([address]) => address.as_str().unwrap(),
        other => panic!("app.js preloads one profile, not {other:?}"),
    }
}

/// Every channel, each with its English name as the app shows it: an exhaustive `match`, so a
/// new channel does not compile until it is listed here.
fn channel_names() -> Vec<(Channel, &'static str)> {
    let en = Language::English;
    let mut all = Vec::new();
    let mut channel = Some(Channel::Phone);
    while let Some(this) = channel {
        let (name, next) = match this {
            Channel::Phone => (contacts::phone(en), Some(Channel::Email)),
            Channel::Email => (contacts::email(en), Some(Channel::Post)),
            Channel::Post => (contacts::post(en), Some(Channel::Web)),
            Channel::Web => (contacts::web(en), Some(Channel::InPerson)),
            Channel::InPerson => (contacts::in_person(en), Some(Channel::SocialMedia)),
            Channel::SocialMedia => (contacts::social_media(en), None),
        };
        all.push((this, name));
        channel = next;
    }
    all
}

/// A profile whose landlord lists one contact on every channel.
fn profile_with_every_channel() -> Value {
    let contacts: Vec<Value> = channel_names()
        .into_iter()
        .map(|(channel, _)| json!({ "channel": channel, "value": "0300 000 0000" }))
        .collect();
    json!({ "landlord": { "name": "Test Homes", "contacts": contacts } })
}

/// Whether the app takes `id` as a profile's id: the default profile under that id passes the
/// app's validation, or fails it on its id.
fn valid_profile_id(id: &str) -> bool {
    let mut profile = serde_json::to_value(Policy::default_policy()).unwrap();
    profile["id"] = id.into();
    match Policy::from_json(&profile.to_string()) {
        Ok(_) => true,
        Err(err) if err.field == "id" => false,
        Err(err) => panic!("the default profile as {id:?} fails on {}: {}", err.field, err.message),
    }
}

/// A string constant's value as src/`file` declares it: `const NAME: &str = "...";`.
fn rust_str_const(file: &str, name: &str) -> String {
    let source = std::fs::read_to_string(Path::new(ROOT).join("src").join(file)).unwrap();
    let declared = format!("const {name}: &str = \"");
    let start = source
        .find(&declared)
        .unwrap_or_else(|| panic!("src/{file} declares {name} as a &str"))
        + declared.len();
    let value = &source[start..];
    value[..value.find('"').unwrap()].to_string()
}

/// The test a function of src/`file` makes of each byte: its `.all(...)`, without white space.
fn byte_rule(file: &str, function: &str) -> String {
    let source = std::fs::read_to_string(Path::new(ROOT).join("src").join(file)).unwrap();
    let body = &source[source
        .find(&format!("fn {function}("))
        .unwrap_or_else(|| panic!("src/{file} has fn {function}"))..];
    let rule = &body[body.find(".all(").expect("a test of every byte")..];
    let mut depth = 0;
    let end = rule
        .char_indices()
        .find_map(|(i, c)| {
            depth += (c == '(') as i32 - (c == ')') as i32;
            (c == ')' && depth == 0).then_some(i)
        })
        .unwrap();
    rule[..=end].split_whitespace().collect()
}

#[test]
fn app_js_reads_the_outbox_under_the_key_the_app_writes() {
    let profile = profile_with_every_channel();
    let runs = run_app_js(&[(None, &profile)]);
    let [run] = &runs[..] else { unreachable!() };
    assert_eq!(run["storage"], json!([rust_str_const("storage.rs", "OUTBOX")]));
}

#[test]
fn app_js_starts_the_question_pages_wasm_on_exactly_the_pages_it_shows() {
    let profile = profile_with_every_channel();
    let others = ["confirmation", "my-complaints", "setup-problem", "no-such-page", "index.html"];
    let slugs: Vec<&str> = PageId::ALL.iter().map(|page| page.slug()).chain(others).collect();
    let cases: Vec<Value> = slugs
        .iter()
        .map(|slug| json!({ "policy": null, "profile": profile, "at": slug }))
        .collect();
    for (slug, run) in slugs.iter().zip(run_cases(&cases)) {
        let expected = match *slug {
            "" | "index.html" => "first-page_bg.wasm",
            slug if is_question_slug(slug) => "questions_bg.wasm",
            _ => "resident-complaints_bg.wasm",
        };
        assert_eq!(run["wasm"], json!([expected]), "at /{slug}");
    }
    assert!(is_question_slug("safety") && !is_question_slug("check-answers"));
}

#[test]
fn app_js_preloads_the_default_profile_when_none_is_given() {
    let profile = profile_with_every_channel();
    // As src/config.rs reads settings: trimmed, and an empty one is no setting.
    for run in run_app_js(&[(None, &profile), (Some(""), &profile), (Some("  "), &profile)]) {
        assert_eq!(preloaded(&run), builtin_address(Policy::DEFAULT_ID));
    }
}

#[test]
fn app_js_tells_an_id_from_an_address_as_the_app_does() {
    // src/config.rs (a module the crate keeps to itself) tests a setting's bytes as a
    // profile's own id is tested (policy.rs's is_slug), so a profile's validation stands for both.
    assert_eq!(
        byte_rule("config.rs", "is_policy_id"),
        byte_rule("domain/policy.rs", "is_slug"),
        "src/config.rs's is_policy_id no longer tests the bytes of an id as is_slug does"
    );
    let samples = [
        "greatwell", "a", "7", "-", "my-landlord-2", " greatwell ", "Greatwell", "great_well",
        "great well", "great.well", "greatwell.json", "policies/greatwell.json",
        "/landlord/riverside.json", "https://example.org/policy.json", "café", "a+b", "ẞ",
    ];
    let ids = samples.iter().chain(Policy::builtin_ids());
    let profile = profile_with_every_channel();
    // The deployment allows the one sample on another site, so that every address is preloaded.
    let meta = rust_str_const("config.rs", "ALLOWED_ORIGINS");
    let cases: Vec<_> = ids
        .clone()
        .map(|id| {
            let allowed = "https://example.org";
            json!({ "policy": id, "profile": profile, "meta": meta, "allowed": allowed })
        })
        .collect();
    for (sample, run) in ids.zip(run_cases(&cases)) {
        // An id is looked for beside app.js; an address is relative to the page, on its site.
        let id = sample.trim();
        let as_id = preloaded(&run).starts_with(&builtin_address(""));
        assert_eq!(as_id, valid_profile_id(id), "{sample:?}: app.js preloaded {}", preloaded(&run));
        if as_id {
            assert_eq!(preloaded(&run), builtin_address(id));
        }
    }
}

#[test]
fn app_js_names_every_channel_as_the_app_does() {
    let profile = profile_with_every_channel();
    let runs = run_app_js(&[(Some("greatwell"), &profile)]);
    let [run] = &runs[..] else { unreachable!() };
    let names: Vec<&str> = channel_names().into_iter().map(|(_, name)| name).collect();
    assert_eq!(run["contacts"], json!(names));
}

#[test]
fn app_js_preloads_and_falls_back_on_a_profile_only_where_the_app_would_take_it() {
    let profile = profile_with_every_channel();
    // The <meta> app.js reads is the one src/config.rs reads.
    let meta = rust_str_const("config.rs", "ALLOWED_ORIGINS");
    const ELSEWHERE: &str = "https://elsewhere.test/p.json";
    // (policy setting, index.html's allowed origins, mounted, the address taken or None).
    let cases = [
        // The app's own page (http://landlord.test/complaints/), where anyone writes the query.
        (ELSEWHERE, None, false, None),
        (ELSEWHERE, Some(""), false, None),
        (ELSEWHERE, Some("https://other.test"), false, None),
        ("http://elsewhere.test/p.json", Some("https://elsewhere.test"), false, None),
        (ELSEWHERE, Some("https://elsewhere.test"), false, Some(ELSEWHERE)),
        (ELSEWHERE, Some("https://other.test  https://elsewhere.test/"), false, Some(ELSEWHERE)),
        ("/landlord/p.json", None, false, Some("http://landlord.test/landlord/p.json")),
        ("http://landlord.test/p.json", None, false, Some("http://landlord.test/p.json")),
        // A user name or password, on the page's own origin or an allowed one: never.
        ("http://x@landlord.test/p.json", None, false, None),
        ("//x@landlord.test/p.json", None, false, None),
        ("http://:pw@landlord.test/p.json", None, false, None),
        ("https://x:y@elsewhere.test/p.json", Some("https://elsewhere.test"), false, None),
        // A landlord's page that mounts the app is trusted with other sites, not with userinfo.
        (ELSEWHERE, None, true, Some(ELSEWHERE)),
        ("https://x@elsewhere.test/p.json", None, true, None),
    ];
    let values: Vec<Value> = cases
        .iter()
        .map(|(policy, allowed, mounted, _)| {
            json!({ "policy": policy, "profile": profile, "meta": meta, "allowed": allowed,
                    "mounted": mounted })
        })
        .collect();
    for ((policy, allowed, mounted, taken), run) in cases.iter().zip(run_cases(&values)) {
        let case = format!("policy {policy:?}, allowed {allowed:?}, mounted {mounted}");
        let expected: Vec<&str> = taken.iter().copied().collect();
        assert_eq!(run["preloaded"], json!(expected), "preloaded, {case}");
        // The fallback (the app's own page only) fetches the profile for its contacts only
        // where it was taken, and lists none from anywhere else.
        if !mounted {
            assert_eq!(run["fetched"], json!(expected), "fetched, {case}");
            assert_eq!(run["contacts"].is_null(), taken.is_none(), "contacts, {case}");
        }
    }
}

#[test]
fn app_js_links_a_web_contact_only_without_a_user_name_or_password() {
    let contacts = [
        ("www.landlord.test/complain", Some("https://www.landlord.test/complain")),
        ("https://www.landlord.test/", Some("https://www.landlord.test/")),
        ("https://www.landlord.test@elsewhere.test/", None),
        ("www.landlord.test@elsewhere.test", None),
        ("https://user:pw@www.landlord.test/", None),
        ("The form on our website", None),
    ];
    let listed: Vec<Value> = contacts
        .iter()
        .map(|(value, _)| json!({ "channel": "web", "value": value }))
        .collect();
    let profile = json!({ "landlord": { "name": "Test Homes", "contacts": listed } });
    let runs = run_app_js(&[(Some("greatwell"), &profile)]);
    let [run] = &runs[..] else { unreachable!() };
    let links: Vec<Option<&str>> = contacts.iter().map(|(_, link)| *link).collect();
    assert_eq!(run["links"], json!(links));
}
