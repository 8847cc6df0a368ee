//! Runs the outbox: puts the resident's submission on the device first, then sends what is
//! waiting (also after a reload, or when the connection returns), one at a time. Sending is a
//! Leptos action: the check-answers page shows its progress, and the app follows where it
//! ended (see `app::AfterSend`).
//!
//! The resident's own submissions (this landlord's) and others' (left by a visit to another
//! landlord's form) are sent apart: others' are tried a few times a visit, in the background,
//! so an endpoint that is down never holds up the resident's. What can never be sent (refused,
//! a redirecting endpoint, waiting over 30 days) stays on the device marked `Unsendable` for
//! My complaints, where the resident can copy or remove it; the outbox goes on past it. The
//! resident's own is not kept so: their draft still holds it, to fix and send again.

use chrono::Local;
use leptos::prelude::*;

use crate::answers::Answers;
use crate::api::{self, Delivery, Pending, Progress, Unsendable};
use crate::domain::draft::{DateInput, Draft};
use crate::domain::pages::PageId;
use crate::domain::refusal;
use crate::domain::submission::{Kind, Submission};
use crate::domain::tracker::Tracked;
use crate::domain::translations::sending;
use crate::domain::triage;
use crate::domain::validation::FieldError;
use crate::settings::Settings;
use crate::storage::{self, Sent};

/// How a send of this resident's ended (one of another landlord's, waiting from an earlier
/// visit, only changes its record).
#[derive(Clone, Debug, PartialEq)]
pub enum Ended {
    /// The server stored it: `Outbox::sent` is its record.
    Sent,
    /// The server refused answers: the problems, on the pages that fix them.
    Refused(Vec<(PageId, FieldError)>),
    /// The endpoint (this address) answered with a redirect: the app is set up wrongly.
    Redirected(String),
}

#[derive(Clone, Copy)]
pub struct Outbox {
    /// How sending is going, for the status message.
    pub progress: RwSignal<Option<Progress>>,
    /// Why the last submission could not be sent, for the resident.
    pub failure: RwSignal<Option<String>>,
    /// The last submission the server stored (kept on the device for the confirmation page).
    pub sent: RwSignal<Option<Sent>>,
    /// Sends everything waiting on the device or, given one, a submission the device would
    /// not keep. Its value is how the last of the resident's ended.
    send: Action<Option<Pending>, Option<Ended>>,
    sending: Memo<bool>,
    value: MappedSignal<Option<Option<Ended>>>,
    courier: Courier,
}

/// The last submission sent under this policy, for the confirmation page after a reload: its
/// reference and dates, without the copy of what was written, which the device no longer
/// keeps. A record an earlier version kept (with the copy) joins the tracked list first.
fn last_sent(settings: &Settings) -> Option<Sent> {
    let today = settings.today;
    let policy = settings.policy.get_value();
    if let Some((receipt, kind, body)) = storage::take_old_sent(&policy.id) {
        match serde_json::from_str::<Submission>(&body) {
            Ok(submission) => {
                let endpoint = settings.endpoint.get_value();
                let tracked = Tracked::new(&policy, &submission, &endpoint);
                storage::track(tracked.with_receipt(&receipt), today);
            }
            // Too old to be tracked (no body to tell what it was): shown this once.
            Err(_) => {
                let body = String::new();
                return Some(Sent { receipt, kind, body });
            }
        }
    }
    let last = storage::tracked(today).into_iter().find(|t| t.policy_id == policy.id)?;
    Some(Sent {
        receipt: last.receipt(),
        kind: last.kind,
        body: String::new(),
    })
}

/// What a send reads and reports to: the action's own copy.
#[derive(Clone, Copy)]
struct Courier {
    settings: Settings,
    answers: Answers,
    progress: RwSignal<Option<Progress>>,
    failure: RwSignal<Option<String>>,
    sent: RwSignal<Option<Sent>>,
}

impl Outbox {
    pub fn new(settings: Settings, answers: Answers) -> Self {
        let courier = Courier {
            settings,
            answers,
            progress: RwSignal::new(None),
            failure: RwSignal::new(None),
            sent: RwSignal::new(last_sent(&settings)),
        };
        // Local: the requests' futures are not Send.
        let send = Action::new_local(move |memory: &Option<Pending>| courier.run(memory.clone()));
        Outbox {
            progress: courier.progress,
            failure: courier.failure,
            sent: courier.sent,
            send,
            sending: send.pending(),
            value: send.value(),
            courier,
        }
    }

    /// How the resident's last send ended, once one has (tracked).
    pub fn ended(&self) -> Option<Ended> {
        self.value.get().flatten()
    }

    /// Queues the resident's answers as a submission and starts sending: a complaint, concern,
    /// compliment or comment, or with `review` a request for a stage 2 review.
    pub fn submit(&self, review: bool) {
        // One send at a time: a second press while this one waits would race it.
        if self.sending.get_untracked() {
            return;
        }
        let Courier { settings, answers, .. } = self.courier;
        // A review has a key of its own, so it never collides with a complaint on this device.
        let key_of = move |d: &Draft| {
            if review {
                d.review_idempotency_key.clone()
            } else {
                d.idempotency_key.clone()
            }
        };
        if answers.draft.with_untracked(|d| key_of(d).is_empty()) {
            let key = api::new_key();
            answers.draft.update(|d| match review {
                true => d.review_idempotency_key = key,
                false => d.idempotency_key = key,
            });
        }
        let pending = answers.with(|policy, draft| {
            let now = Local::now().fixed_offset();
            let mut submission = if review {
                Submission::build_escalation(policy, draft, now)
            } else {
                let assessment = triage::assess(policy, draft, settings.today);
                Submission::build(policy, draft, &assessment, now)
            };
            submission.language = settings.language;
            let endpoint = settings.endpoint.get_value();
            Pending {
                // Worked out now, while the policy is loaded: it may be sent on a later visit.
                tracked: Some(Tracked::new(policy, &submission, &endpoint)),
                endpoint,
                idempotency_key: key_of(draft),
                body: serde_json::to_string(&submission).expect("a submission always serialises"),
                policy_id: policy.id.clone(),
                kind: submission.kind,
                unsendable: None,
            }
        });
        self.failure.set(None);
        let kept = storage::update_outbox(|outbox| {
            // A resent draft (after the server asked for a change) replaces its earlier body.
            outbox.retain(|p| p.idempotency_key != pending.idempotency_key);
            outbox.push(pending.clone());
        });
        if kept {
            self.run();
        } else {
            // The device will not keep it (storage blocked or full): send it from memory.
            self.failure
                .set(Some(sending::not_kept(settings.language).into()));
            self.send.dispatch(Some(pending));
        }
    }

    /// Sends the resident's submissions waiting in the outbox, one at a time. Does nothing if
    /// already running.
    pub fn run(&self) {
        let ours = |p: &Pending| self.courier.ours(p);
        if self.sending.get_untracked() || waiting(self.courier.settings.today, ours).is_empty() {
            return;
        }
        self.send.dispatch(None);
    }

    /// Sends, in the background, what waits for other landlords.
    pub fn run_others(&self) {
        leptos::task::spawn_local(self.courier.others());
    }
}

/// How many attempts a visit gives another landlord's submission.
const OTHERS_ATTEMPTS: u32 = 3;

/// What waits to be sent, oldest first, that can still be sent and `which` picks; after
/// marking any that have waited too long.
fn waiting(today: chrono::NaiveDate, which: impl Fn(&Pending) -> bool) -> Vec<Pending> {
    let mut outbox = storage::outbox();
    let mut marked = false;
    for pending in outbox.iter_mut().filter(|p| p.unsendable.is_none() && p.too_old(today)) {
        pending.unsendable = Some(Unsendable::TooOld);
        marked = true;
    }
    if marked {
        storage::set_outbox(&outbox);
    }
    outbox.retain(|p| p.unsendable.is_none() && which(p));
    outbox
}

impl Courier {
    /// Whether `pending` is the resident's own: for the landlord of this visit.
    fn ours(&self, pending: &Pending) -> bool {
        self.settings.policy.with_value(|p| p.id == pending.policy_id)
    }

    /// The action: sends what was given, else all of the resident's that waits on the device,
    /// oldest first.
    async fn run(self, memory: Option<Pending>) -> Option<Ended> {
        let mut ended = None;
        match memory {
            Some(pending) => ended = self.deliver(pending).await,
            None => {
                let today = self.settings.today;
                while let Some(pending) = waiting(today, |p| self.ours(p)).into_iter().next() {
                    ended = self.deliver(pending).await.or(ended);
                }
            }
        }
        self.progress.set(None);
        ended
    }

    /// Tries each of other landlords' submissions a few times, as they were when the visit began.
    async fn others(self) {
        for pending in waiting(self.settings.today, |p| !self.ours(p)) {
            self.deliver(pending).await;
        }
    }

    /// Sends one submission until the server stores or refuses it (or, for another landlord's,
    /// for a few attempts), then takes it out of the outbox (or marks it there as unsendable)
    /// and records how it went.
    async fn deliver(self, pending: Pending) -> Option<Ended> {
        // Another landlord's submission, waiting from an earlier visit: only its record changes.
        let ours = self.ours(&pending);
        let report = |progress| {
            if ours {
                self.progress.set(Some(progress));
            }
        };
        let attempts = (!ours).then_some(OTHERS_ATTEMPTS);
        let outcome = api::send(&pending, report, attempts).await;
        if let Delivery::Refused(errors) = &outcome {
            // The backend's own words are for the landlord's web team, in the console; the
            // resident reads ours (`refusal::place`).
            leptos::logging::warn!(
                "{} refused a submission: {}",
                pending.endpoint,
                refusal::said(errors)
            );
        }
        let unsendable = match &outcome {
            // Tried enough for this visit: it waits as it was.
            Delivery::NotYet => return None,
            Delivery::Sent(_) => None,
            Delivery::Redirected if !ours => Some(Unsendable::Redirected),
            Delivery::Refused(_) | Delivery::Failed(_) if !ours => Some(Unsendable::Refused),
            // The resident's own: their answers are still in the draft, to fix and send again.
            _ => None,
        };
        storage::update_outbox(|outbox| match unsendable {
            Some(why) => outbox
                .iter_mut()
                .filter(|p| p.idempotency_key == pending.idempotency_key)
                .for_each(|p| p.unsendable = Some(why)),
            None => outbox.retain(|p| p.idempotency_key != pending.idempotency_key),
        });
        let draft = self.answers.draft;
        match outcome {
            Delivery::Sent(receipt) => {
                // The device keeps the reference with the access token that reads its status
                // (none from a v1.0 backend), and nothing the resident wrote; the copy for the
                // confirmation page stays in memory.
                if let Some(tracked) = &pending.tracked {
                    storage::track(tracked.clone().with_receipt(&receipt), self.settings.today);
                }
                let sent = Sent {
                    receipt,
                    kind: pending.kind,
                    body: pending.body.clone(),
                };
                // The answers leave the device only once the server has them; a review leaves
                // a complaint in progress alone.
                if pending.kind == Kind::Escalation {
                    if ours {
                        draft.update(|d| {
                            d.review_reference.clear();
                            d.review_response_date = DateInput::default();
                            d.review_reasons.clear();
                            d.review_idempotency_key.clear();
                        });
                    }
                } else {
                    storage::clear(&pending.policy_id);
                    if ours {
                        draft.set(Draft::new(&pending.policy_id));
                    }
                }
                ours.then(|| {
                    self.sent.set(Some(sent));
                    Ended::Sent
                })
            }
            Delivery::Refused(errors) if ours => {
                let placed = refusal::place(&errors, pending.kind, self.settings.language);
                if let Some(message) = placed.unplaced {
                    self.failure.set(Some(message));
                }
                Some(Ended::Refused(placed.problems))
            }
            Delivery::Failed(failure) if ours => {
                let language = self.settings.language;
                self.failure.set(Some(failure.message(language).into()));
                None
            }
            Delivery::Redirected if ours => Some(Ended::Redirected(pending.endpoint)),
            Delivery::Refused(_) | Delivery::Failed(_) | Delivery::Redirected | Delivery::NotYet => {
                None
            }
        }
    }
}

pub fn use_outbox() -> Outbox {
    expect_context::<Outbox>()
}
