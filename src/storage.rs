//! The device store: the resident's draft in localStorage, one per policy. The draft carries
//! its version; one saved by another version of the app is discarded (and the resident told),
//! never a crash. Storage can be missing or full (private browsing, quotas): the app then works
//! without saving rather than failing.
//!
//! What localStorage holds, by key:
//!
//! - `resident-complaints/draft/{policy}`: the answers so far (`Draft::to_saved`).
//! - `resident-complaints/outbox`: submissions waiting to be sent, `[Pending]`.
//! - `resident-complaints/sent/{policy}`: the last submission the server stored, `Sent`:
//!   `{"receipt":{"reference","received_at","access_token"},"kind","body"}`. The access token
//!   (contract v1.1) reads that submission's status; it is kept with the reference, never
//!   shown. A receipt from a v1.0 backend, or one stored before the app kept tokens, has none.

use leptos::prelude::window;

use serde::{Deserialize, Serialize};

use crate::api::Pending;
use crate::domain::draft::{Draft, Restored};
use crate::domain::status::Receipt;
use crate::domain::submission::Kind;

/// A submission the server stored: what the confirmation page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sent {
    /// The reference, when the server received it, and the access token to read its status.
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
    Sent::from_saved(&saved)
}

impl Sent {
    /// A record as `set_sent` saved it, or as an earlier version of the app did (without the
    /// access token, or without the body); `None` for anything else.
    fn from_saved(saved: &str) -> Option<Sent> {
        serde_json::from_str(saved).ok()
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn receipt(access_token: Option<&str>) -> Receipt {
        Receipt {
            reference: "RC-7KQ2-M9XD".into(),
            received_at: "2026-12-02T10:00:00+00:00".into(),
            access_token: access_token.map(Into::into),
        }
    }

    #[test]
    fn the_access_token_is_kept_with_the_reference() {
        let token = "0f".repeat(32);
        let sent = Sent {
            receipt: receipt(Some(&token)),
            kind: Kind::Complaint,
            body: "{}".into(),
        };
        let saved = serde_json::to_string(&sent).unwrap();
        let value: serde_json::Value = serde_json::from_str(&saved).unwrap();
        assert_eq!(value["receipt"]["reference"], "RC-7KQ2-M9XD");
        assert_eq!(value["receipt"]["access_token"], token.as_str());
        assert_eq!(Sent::from_saved(&saved), Some(sent));
    }

    #[test]
    fn a_record_saved_before_tokens_still_loads() {
        // As the app saved it before contract v1.1, and a v1.0 backend's receipt still is.
        let old = r#"{"receipt":{"reference":"RC-7KQ2-M9XD","received_at":"2026-12-02T10:00:00+00:00"},"kind":"complaint","body":"{}"}"#;
        let sent = Sent::from_saved(old).expect("an old record loads");
        assert_eq!(sent.receipt, receipt(None));
        assert_eq!(sent.kind, Kind::Complaint);
        // And from before the body was kept.
        let older = r#"{"receipt":{"reference":"RC-7KQ2-M9XD","received_at":"2026-12-02T10:00:00+00:00"},"kind":"escalation"}"#;
        let sent = Sent::from_saved(older).expect("an older record loads");
        assert_eq!(
            (sent.receipt, sent.kind, sent.body),
            (receipt(None), Kind::Escalation, String::new())
        );
        assert_eq!(Sent::from_saved("{}"), None);
    }
}
