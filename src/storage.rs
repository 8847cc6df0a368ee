//! The device store: the resident's draft in localStorage, one per policy. The draft carries
//! its version; one saved by another version of the app is discarded (and the resident told),
//! never a crash. Storage can be missing or full (private browsing, quotas): the app then works
//! without saving rather than failing.
//!
//! What localStorage holds, by key (every key starts `resident-complaints/`):
//!
//! - `resident-complaints/draft/{policy}`: the answers so far (`Draft::to_saved`).
//! - `resident-complaints/outbox`: submissions waiting to be sent, `[Pending]`, with what the
//!   resident wrote (it must survive until the server has it).
//! - `resident-complaints/tracked`: every submission the server stored, newest first,
//!   `[Tracked]`: the landlord, reference, kind, category, dates and the access token that
//!   reads its status (contract v1.1), and nothing the resident wrote. Kept 18 months.
//!
//! Once the server has a submission, the copy of what the resident wrote is held in memory
//! only, for the confirmation page while it is open.

use leptos::prelude::window;

use serde::Deserialize;

use crate::api::Pending;
use crate::domain::draft::{Draft, Restored};
use crate::domain::status::Receipt;
use crate::domain::submission::Kind;
use crate::domain::tracker::Tracked;

/// A submission the server stored: what the confirmation page shows. Held in memory only.
#[derive(Clone, Debug, PartialEq)]
pub struct Sent {
    /// The reference, when the server received it, and the access token to read its status.
    pub receipt: Receipt,
    pub kind: Kind,
    /// The body as sent, for the resident's copy while the page is open; empty after a reload.
    pub body: String,
}

fn key(policy_id: &str) -> String {
    format!("resident-complaints/draft/{policy_id}")
}

fn store() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

pub fn load(policy_id: &str) -> Restored {
    read_draft(policy_id, Draft::from_saved)
}

/// The page the saved draft was left on, without reading its answers (see `Draft::left_on`):
/// "" when there is none, and whether one that could not be read was put aside.
pub fn left_on(policy_id: &str) -> (String, bool) {
    match read_draft(policy_id, Draft::left_on) {
        Restored::Draft(page) => (page, false),
        Restored::Nothing => (String::new(), false),
        Restored::Discarded => (String::new(), true),
    }
}

/// The saved draft as `read` reads it; one that cannot be used is removed.
fn read_draft<T: PartialEq>(policy_id: &str, read: fn(Option<&str>) -> Restored<T>) -> Restored<T> {
    let saved = store().and_then(|store| store.get_item(&key(policy_id)).ok().flatten());
    let restored = read(saved.as_deref());
    if restored == Restored::Discarded {
        clear(policy_id);
    }
    restored
}

/// Saves the answers; a draft with nothing answered is not kept at all, so a cleared device
/// stays clear.
pub fn save(draft: &Draft) {
    if !draft.is_started() {
        return clear(&draft.policy_id);
    }
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

/// The list kept under `key`: empty if there is none, or it cannot be read.
fn list<T: serde::de::DeserializeOwned>(key: &str) -> Vec<T> {
    store()
        .and_then(|store| store.get_item(key).ok().flatten())
        .and_then(|saved| serde_json::from_str(&saved).ok())
        .unwrap_or_default()
}

/// Submissions waiting to be sent, oldest first.
pub fn outbox() -> Vec<Pending> {
    list(OUTBOX)
}

/// Changes the outbox with `change` and keeps it; whether the device kept it.
pub fn update_outbox(change: impl FnOnce(&mut Vec<Pending>)) -> bool {
    let mut pending = outbox();
    change(&mut pending);
    set_outbox(&pending)
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

const TRACKED: &str = "resident-complaints/tracked";

/// Everything sent from this device, newest first, without what has expired.
pub fn tracked(today: chrono::NaiveDate) -> Vec<Tracked> {
    let saved: Vec<Tracked> = list(TRACKED);
    saved.into_iter().filter(|t| !t.expired(today)).collect()
}

/// Keeps `item` at the top of the list (once per reference).
pub fn track(item: Tracked, today: chrono::NaiveDate) {
    let mut all = tracked(today);
    all.retain(|t| t.reference != item.reference);
    all.insert(0, item);
    if let Some(store) = store() {
        let _ = store.set_item(TRACKED, &serde_json::to_string(&all).unwrap_or_default());
    }
}

/// Takes away the record an earlier version of the app kept of the last submission, with
/// what the resident wrote: `resident-complaints/sent/{policy}`. Its reference and dates go on
/// in the tracked list.
pub fn take_old_sent(policy_id: &str) -> Option<(Receipt, Kind, String)> {
    let store = store()?;
    let key = format!("resident-complaints/sent/{policy_id}");
    let saved = store.get_item(&key).ok().flatten()?;
    let _ = store.remove_item(&key);
    old_sent(&saved)
}

/// The receipt, kind and body of an old record (with or without a token or a body).
fn old_sent(saved: &str) -> Option<(Receipt, Kind, String)> {
    #[derive(Deserialize)]
    struct OldSent {
        receipt: Receipt,
        kind: Kind,
        #[serde(default)]
        body: String,
    }
    let old: OldSent = serde_json::from_str(saved).ok()?;
    Some((old.receipt, old.kind, old.body))
}

/// Everything the app keeps on this device: drafts of every profile, the outbox, the tracked
/// list. For a resident on a shared phone or computer.
pub fn clear_everything() {
    let Some(store) = store() else { return };
    let keys: Vec<String> = (0..store.length().unwrap_or(0))
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|key| key.starts_with("resident-complaints/"))
        .collect();
    for key in keys {
        let _ = store.remove_item(&key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_of_earlier_versions_are_read_for_their_receipt() {
        let with_token = r#"{"receipt":{"reference":"RC-7KQ2-M9XD","received_at":"2026-12-02T10:00:00+00:00","access_token":"ab"},"kind":"complaint","body":"{}"}"#;
        let (receipt, kind, body) = old_sent(with_token).unwrap();
        assert_eq!(
            (receipt.reference.as_str(), receipt.access_token.as_deref(), kind, body.as_str()),
            ("RC-7KQ2-M9XD", Some("ab"), Kind::Complaint, "{}")
        );
        // From before the access token, and from before the body was kept.
        let older = r#"{"receipt":{"reference":"RC-7KQ2-M9XD","received_at":"2026-12-02T10:00:00+00:00"},"kind":"escalation"}"#;
        let (receipt, kind, body) = old_sent(older).unwrap();
        assert_eq!((receipt.access_token, kind, body), (None, Kind::Escalation, String::new()));
        assert_eq!(old_sent("{}"), None);
    }
}
