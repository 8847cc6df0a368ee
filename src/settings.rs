//! What the app was started with and does not change while it runs: the policy, the language,
//! the day, and the addresses it links and sends to (see `config`).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::config::Config;
use crate::domain::pages::PageId;
use crate::domain::language::Language;
use crate::domain::policy::Policy;

#[derive(Clone, Copy)]
pub struct Settings {
    pub policy: StoredValue<Policy>,
    /// The language of every text (see `config::language`); the language link reloads the page.
    pub language: Language,
    /// The day the app was opened: the receipt date the dates are worked out from.
    pub today: NaiveDate,
    /// The path the pages live under ("" at the root of a site).
    base: StoredValue<String>,
    /// The page's query string (`?policy=...`), kept on every link so a reload keeps the profile.
    query: StoredValue<String>,
    /// Where submissions go (the `endpoint` setting, else `/v1/submissions` on the app's origin).
    pub endpoint: StoredValue<String>,
}

impl Settings {
    pub fn new(config: &Config, policy: Policy, language: Language, today: NaiveDate) -> Self {
        Settings {
            policy: StoredValue::new(policy),
            language,
            today,
            base: StoredValue::new(config.base.clone()),
            query: StoredValue::new(config.query.clone()),
            endpoint: StoredValue::new(config.endpoint.clone()),
        }
    }

    /// The path the router works under.
    pub fn base(&self) -> String {
        self.base.get_value()
    }

    /// A link to the page: under the app's base path, with the settings.
    pub fn href(&self, page: PageId) -> String {
        self.href_to(page.slug())
    }

    /// The address of a page that is not part of the journey (`my-complaints`).
    pub fn href_to(&self, slug: &str) -> String {
        crate::config::page_address(&self.base.get_value(), slug, &self.query.get_value())
    }

    /// Where to navigate to for the page with this slug: the router adds the base path.
    pub fn route(&self, slug: &str) -> String {
        format!("/{slug}{}", self.query.get_value())
    }

    pub fn landlord(&self) -> String {
        self.policy
            .with_value(|policy| policy.landlord.name_in_texts(self.language))
    }
}

pub fn use_settings() -> Settings {
    expect_context::<Settings>()
}
