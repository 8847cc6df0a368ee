//! Runs the outbox: puts the resident's submission on the device first, then sends what is
//! waiting (also after a reload, or when the connection returns), and reports to the journey.

use chrono::Local;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, Outcome, Pending};
use crate::app::Journey;
use crate::domain::draft::Draft;
use crate::domain::submission::Submission;
use crate::domain::triage;
use crate::storage::{self, Sent};

/// Queues the resident's answers as a submission and starts sending: a complaint, concern,
/// compliment or comment, or with `review` a request for a stage 2 review.
pub fn submit(journey: Journey, review: bool) {
    if journey
        .draft
        .with_untracked(|d| d.idempotency_key.is_empty())
    {
        let key = api::new_key();
        journey.draft.update(|d| d.idempotency_key = key);
    }
    let pending = journey.with(|policy, draft| {
        let now = Local::now().fixed_offset();
        let submission = if review {
            Submission::build_escalation(policy, draft, now)
        } else {
            Submission::build(
                policy,
                draft,
                &triage::assess(policy, draft, journey.today),
                now,
            )
        };
        Pending {
            endpoint: journey.endpoint.get_value(),
            idempotency_key: draft.idempotency_key.clone(),
            body: serde_json::to_string(&submission).expect("a submission always serialises"),
            policy_id: policy.id.clone(),
            kind: submission.kind,
        }
    });
    let mut outbox = storage::outbox();
    // A resent draft (after the server asked for a change) replaces its earlier body.
    outbox.retain(|p| p.idempotency_key != pending.idempotency_key);
    outbox.push(pending);
    storage::set_outbox(&outbox);
    journey.failure.set(None);
    run(journey);
}

/// Sends everything in the outbox, one at a time. Does nothing if already running.
pub fn run(journey: Journey) {
    if journey.sending.get_value() || storage::outbox().is_empty() {
        return;
    }
    journey.sending.set_value(true);
    spawn_local(async move {
        while let Some(pending) = storage::outbox().into_iter().next() {
            let outcome =
                api::send(&pending, |progress| journey.progress.set(Some(progress))).await;
            let mut outbox = storage::outbox();
            outbox.retain(|p| p.idempotency_key != pending.idempotency_key);
            storage::set_outbox(&outbox);
            let ours = journey.policy.with_value(|p| p.id == pending.policy_id);
            match outcome {
                Outcome::Sent(receipt) => {
                    let sent = Sent {
                        receipt,
                        kind: pending.kind,
                        body: pending.body.clone(),
                    };
                    storage::set_sent(&pending.policy_id, &sent);
                    // The answers leave the device only once the server has them.
                    storage::clear(&pending.policy_id);
                    if ours {
                        journey.draft.set(Draft::new(&pending.policy_id));
                        journey.sent.set(Some(sent));
                        journey.just_sent.set(true);
                    }
                }
                Outcome::Refused(errors) if ours => journey.server_errors.set(api::placed(&errors)),
                Outcome::Refused(_) => {}
                Outcome::Failed(message) => journey.failure.set(Some(message)),
            }
        }
        journey.progress.set(None);
        journey.sending.set_value(false);
    });
}
