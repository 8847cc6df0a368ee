//! The device store: the resident's draft in localStorage, one per policy. The draft carries
//! its version; one saved by another version of the app is discarded (and the resident told),
//! never a crash. Storage can be missing or full (private browsing, quotas): the app then works
//! without saving rather than failing.

use leptos::prelude::window;

use serde::{Deserialize, Serialize};

use crate::api::{Pending, Receipt};
use crate::domain::draft::{Draft, Restored};
use crate::domain::submission::Kind;

/// A submission the server stored: what the confirmation page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sent {
    pub receipt: Receipt,
    pub kind: Kind,
    /// The body as sent, for the resident's copy (kept until they clear it).
    #[serde(default)]
    pub body: String,
}

fn key(policy_id: &str) -> String {
    format!("resident-complaints/draft/{policy_id}")
}

fn store() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

pub fn load(policy_id: &str) -> Restored {
    let saved = store().and_then(|store| store.get_item(&key(policy_id)).ok().flatten());
    let restored = Draft::from_saved(saved.as_deref());
    if restored == Restored::Discarded {
        clear(policy_id);
    }
    restored
}

pub fn save(draft: &Draft) {
    if let Some(store) = store() {
        let _ = store.set_item(&key(&draft.policy_id), &draft.to_saved());
    }
}

pub fn clear(policy_id: &str) {
    if let Some(store) = store() {
        let _ = store.remove_item(&key(policy_id));
    }
}

const OUTBOX: &str = "resident-complaints/outbox";

/// Submissions waiting to be sent, oldest first.
pub fn outbox() -> Vec<Pending> {
    store()
        .and_then(|store| store.get_item(OUTBOX).ok().flatten())
        .and_then(|saved| serde_json::from_str(&saved).ok())
        .unwrap_or_default()
}

/// Whether the device kept it (storage can be blocked or full).
pub fn set_outbox(pending: &[Pending]) -> bool {
    let Some(store) = store() else { return false };
    match pending.is_empty() {
        true => store.remove_item(OUTBOX).is_ok(),
        false => store
            .set_item(OUTBOX, &serde_json::to_string(pending).unwrap_or_default())
            .is_ok(),
    }
}

fn sent_key(policy_id: &str) -> String {
    format!("resident-complaints/sent/{policy_id}")
}

/// The last submission the server stored, for the confirmation page (also after a reload).
pub fn sent(policy_id: &str) -> Option<Sent> {
    let saved = store()?.get_item(&sent_key(policy_id)).ok().flatten()?;
    serde_json::from_str(&saved).ok()
}

pub fn clear_sent(policy_id: &str) {
    if let Some(store) = store() {
        let _ = store.remove_item(&sent_key(policy_id));
    }
}

pub fn set_sent(policy_id: &str, sent: &Sent) {
    if let Some(store) = store() {
        let _ = store.set_item(
            &sent_key(policy_id),
            &serde_json::to_string(sent).unwrap_or_default(),
        );
    }
}
