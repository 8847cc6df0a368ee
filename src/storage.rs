//! The device store: the resident's draft in localStorage, one per policy. The draft carries
//! its version; one saved by another version of the app is discarded (and the resident told),
//! never a crash. Storage can be missing or full (private browsing, quotas): the app then works
//! without saving rather than failing.

use leptos::prelude::window;

use crate::domain::draft::{Draft, Restored};

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
