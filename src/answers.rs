//! The resident's answers (restored from the device and saved on every change), and where they
//! are in the journey: changing an answer from check-answers, or with problems to put right.

use leptos::prelude::*;

use crate::domain::draft::{Draft, Restored};
use crate::domain::journey;
use crate::domain::pages::PageId;
use crate::domain::policy::Policy;
use crate::domain::validation::FieldError;
use crate::settings::Settings;
use crate::storage;

#[derive(Clone, Copy)]
pub struct Answers {
    /// For the policy the journey follows.
    settings: Settings,
    pub draft: RwSignal<Draft>,
    /// Whether anything has been answered: the draft is worth going back to, or clearing.
    pub started: Signal<bool>,
    /// A saved draft could not be read and was discarded: the start page says so.
    pub discarded: RwSignal<bool>,
    /// The resident came from check-answers to change an answer, and goes back there after.
    pub changing: RwSignal<bool>,
    /// False until the first page has been shown: focus moves to the heading only on a change
    /// of page, not when the app first loads (unless a link of the app's loaded it).
    pub navigated: StoredValue<bool>,
    /// Problems to put right, each with its page: found before sending, or placed from the
    /// server's refusal. A page shows its own as it opens (see `QuestionPage`).
    pub to_fix: RwSignal<Vec<(PageId, FieldError)>>,
}

impl Answers {
    /// The answers saved on this device for the policy; every change is saved as it is made.
    pub fn restore(settings: Settings, navigated: bool) -> Self {
        let policy_id = settings.policy.with_value(|policy| policy.id.clone());
        let (draft, discarded) = match storage::load(&policy_id) {
            Restored::Draft(draft) => (*draft, false),
            Restored::Nothing => (Draft::new(&policy_id), false),
            Restored::Discarded => (Draft::new(&policy_id), true),
        };
        let draft = RwSignal::new(draft);
        Effect::new(move |_| draft.with(storage::save));
        let started = Signal::derive(move || draft.with(Draft::is_started));
        Self::new(settings, draft, started, discarded, navigated)
    }

    /// Only the page the saved answers were left on, for pages that change no answer (the
    /// policy check's wasm; the start page's reads the same, with no Leptos): they then carry
    /// none of the reading and saving of every answer. Whether anything was answered is
    /// whether a draft was there.
    pub fn glimpse(settings: Settings, navigated: bool) -> Self {
        let policy_id = settings.policy.with_value(|policy| policy.id.clone());
        let mut draft = Draft::new(&policy_id);
        let (last_page, discarded) = storage::left_on(&policy_id);
        draft.last_page = last_page;
        let draft = RwSignal::new(draft);
        // `clear` empties `last_page`, and a saved draft always has one (it is set on the
        // first page after the start page).
        let started = Signal::derive(move || draft.with(|d| !d.last_page.is_empty()));
        Self::new(settings, draft, started, discarded, navigated)
    }

    fn new(settings: Settings, draft: RwSignal<Draft>, started: Signal<bool>, discarded: bool, navigated: bool) -> Self {
        Answers {
            settings,
            draft,
            started,
            discarded: RwSignal::new(discarded),
            changing: RwSignal::new(false),
            navigated: StoredValue::new(navigated),
            to_fix: RwSignal::new(Vec::new()),
        }
    }

    pub fn next(&self, page: PageId) -> Option<PageId> {
        let today = self.settings.today;
        self.with(|policy, draft| journey::next(policy, draft, page, today))
    }

    pub fn previous(&self, page: PageId) -> Option<PageId> {
        let today = self.settings.today;
        self.with(|policy, draft| journey::previous(policy, draft, page, today))
    }

    /// Reads the policy and the answers together, without tracking (for event handlers).
    pub fn with<T>(&self, read: impl FnOnce(&Policy, &Draft) -> T) -> T {
        self.settings
            .policy
            .with_value(|policy| self.draft.with_untracked(|draft| read(policy, draft)))
    }

    /// Sets problems to put right, and returns the page of the first: after fixing it,
    /// Continue returns to check-answers.
    pub fn fix(&self, problems: Vec<(PageId, FieldError)>) -> Option<PageId> {
        let first = problems.first().map(|(page, _)| *page);
        self.to_fix.set(problems);
        if first.is_some() {
            self.changing.set(true);
        }
        first
    }

    /// Takes this page's problems to put right, leaving the other pages'.
    pub fn take_to_fix(&self, page: PageId) -> Vec<FieldError> {
        let (mine, others): (Vec<_>, Vec<_>) = self
            .to_fix
            .get_untracked()
            .into_iter()
            .partition(|(p, _)| *p == page);
        if !mine.is_empty() {
            self.to_fix.set(others);
        }
        mine.into_iter().map(|(_, error)| error).collect()
    }

    /// Clears the answers from this device ("I'm on a shared device").
    pub fn clear(&self) {
        let policy_id = self.settings.policy.with_value(|policy| policy.id.clone());
        storage::clear(&policy_id);
        self.draft.set(Draft::new(&policy_id));
    }
}

pub fn use_answers() -> Answers {
    expect_context::<Answers>()
}
