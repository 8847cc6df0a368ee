//! Runs the outbox: puts the resident's submission on the device first, then sends what is
//! waiting (also after a reload, or when the connection returns), and reports to the journey.

use chrono::Local;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, Outcome, Pending};
use crate::app::Journey;
use crate::domain::draft::{DateInput, Draft};
use crate::domain::refusal;
use crate::domain::submission::{Kind, Submission};
use crate::domain::triage;
use crate::domain::translations::sending;
use crate::storage::{self, Sent};

/// Queues the resident's answers as a submission and starts sending: a complaint, concern,
/// compliment or comment, or with `review` a request for a stage 2 review.
pub fn submit(journey: Journey, review: bool) {
    // One send at a time: a second press while this one waits would race it.
    if journey.sending.get_value() {
        return;
    }
    // A review has a key of its own, so it never collides with a complaint on this device.
    let key_of = move |d: &Draft| {
        if review {
            d.review_idempotency_key.clone()
        } else {
            d.idempotency_key.clone()
        }
    };
    if journey.draft.with_untracked(|d| key_of(d).is_empty()) {
        let key = api::new_key();
        journey.draft.update(|d| match review {
            true => d.review_idempotency_key = key,
            false => d.idempotency_key = key,
        });
    }
    let pending = journey.with(|policy, draft| {
        let now = Local::now().fixed_offset();
        let mut submission = if review {
            Submission::build_escalation(policy, draft, now)
        } else {
            Submission::build(
                policy,
                draft,
                &triage::assess(policy, draft, journey.today),
                now,
            )
        };
        submission.language = journey.language;
        Pending {
            endpoint: journey.endpoint.get_value(),
            idempotency_key: key_of(draft),
            body: serde_json::to_string(&submission).expect("a submission always serialises"),
            policy_id: policy.id.clone(),
            kind: submission.kind,
        }
    });
    let mut outbox = storage::outbox();
    // A resent draft (after the server asked for a change) replaces its earlier body.
    outbox.retain(|p| p.idempotency_key != pending.idempotency_key);
    outbox.push(pending.clone());
    journey.failure.set(None);
    if storage::set_outbox(&outbox) {
        run(journey);
    } else {
        // The device will not keep it (storage blocked or full): send it from memory.
        journey.failure.set(Some(sending::not_kept(journey.language).into()));
        journey.sending.set_value(true);
        spawn_local(async move {
            deliver(journey, pending).await;
            journey.progress.set(None);
            journey.sending.set_value(false);
        });
    }
}

/// Sends everything in the outbox, one at a time. Does nothing if already running.
pub fn run(journey: Journey) {
    if journey.sending.get_value() || storage::outbox().is_empty() {
        return;
    }
    journey.sending.set_value(true);
    spawn_local(async move {
        while let Some(pending) = storage::outbox().into_iter().next() {
            deliver(journey, pending).await;
        }
        journey.progress.set(None);
        journey.sending.set_value(false);
    });
}

/// Sends one submission until the server stores or refuses it, then takes it out of the
/// outbox and tells the journey.
async fn deliver(journey: Journey, pending: Pending) {
    let outcome = api::send(&pending, |progress| journey.progress.set(Some(progress))).await;
    let mut outbox = storage::outbox();
    outbox.retain(|p| p.idempotency_key != pending.idempotency_key);
    storage::set_outbox(&outbox);
    // Another landlord's submission, waiting from an earlier visit: only its record changes.
    let ours = journey.policy.with_value(|p| p.id == pending.policy_id);
    match outcome {
        Outcome::Sent(receipt) => {
            let sent = Sent {
                receipt,
                kind: pending.kind,
                body: pending.body.clone(),
            };
            storage::set_sent(&pending.policy_id, &sent);
            // The answers leave the device only once the server has them; a review leaves
            // a complaint in progress alone.
            if pending.kind == Kind::Escalation {
                if ours {
                    journey.draft.update(|d| {
                        d.review_reference.clear();
                        d.review_response_date = DateInput::default();
                        d.review_reasons.clear();
                        d.review_idempotency_key.clear();
                    });
                }
            } else {
                storage::clear(&pending.policy_id);
                if ours {
                    journey.draft.set(Draft::new(&pending.policy_id));
                }
            }
            if ours {
                journey.sent.set(Some(sent));
                journey.just_sent.set(true);
            }
        }
        Outcome::Refused(errors) if ours => {
            let placed = refusal::place(&errors, pending.kind, journey.language);
            if let Some(said) = placed.unplaced {
                journey.failure.set(Some(said));
            }
            journey.server_errors.set(placed.problems);
            journey.refused.set(true);
        }
        Outcome::Refused(_) => {}
        Outcome::Failed(failure) if ours => {
            journey.failure.set(Some(failure.message(journey.language).into()))
        }
        Outcome::Failed(_) => {}
    }
}
