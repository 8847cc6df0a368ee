//! Sends submissions to the landlord's backend over contract v1 (see `public/openapi.yaml`).
//! The answer is a `domain::status::Receipt`: the reference and, from a v1.1 backend, the
//! `access_token` that reads the submission's status, which the device keeps with it.
//!
//! Nothing is lost and nothing is sent twice: a submission goes into the outbox on the device
//! before the first attempt, keeps one idempotency key for every retry, and leaves the outbox
//! only when the server answers with a reference. Network failures, timeouts, `408`, `429` and
//! `5xx` are retried with exponential backoff and jitter (respecting `Retry-After`); while the
//! device is offline, sending waits for the connection to return.
//!
//! A redirect is never followed: the answers go to the endpoint the settings checked, or
//! nowhere. An endpoint that answers with one is set up wrongly, and is not tried again.

use gloo_net::http::{Request, Response};
use leptos::prelude::window;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use crate::domain::language::Language;
use crate::domain::refusal::ServerError;
use crate::domain::status::{Receipt, Status};
use crate::domain::translations::sending;

/// A submission waiting to be sent, as kept in the outbox.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    pub endpoint: String,
    pub idempotency_key: String,
    /// The JSON body, exactly as it will be sent on every attempt.
    pub body: String,
    pub policy_id: String,
    pub kind: crate::domain::submission::Kind,
    /// What the device keeps once the server has it (its receipt still to come). Absent from
    /// what an earlier version queued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracked: Option<crate::domain::tracker::Tracked>,
    /// Why it can never be sent, once that is known: it then waits on the device for the
    /// resident to copy or remove (My complaints), and the outbox goes on past it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsendable: Option<Unsendable>,
}

crate::domain::choice::choice!(serde
    /// Why a queued submission can never be sent (its id is also `data-unsent` on the page).
    Unsendable {
        /// The endpoint refused it, in a way that sending again cannot change.
        Refused = "refused",
        /// The endpoint answered with a redirect: it is set up wrongly.
        Redirected = "redirected",
        /// It waited longer than `MAX_WAIT_DAYS`: the landlord's policy and dates may have
        /// changed.
        TooOld = "too_old",
    }
);

/// How long a submission may wait on the device to be sent.
pub const MAX_WAIT_DAYS: i64 = 30;

impl Pending {
    /// Whether it was written more than `MAX_WAIT_DAYS` before `today`. Read from the tracked
    /// record; only what an earlier version queued has its body (of megabytes, with photos)
    /// read for it.
    pub fn too_old(&self, today: chrono::NaiveDate) -> bool {
        #[derive(Deserialize)]
        struct Written {
            submitted_at: chrono::DateTime<chrono::FixedOffset>,
        }
        let written = match &self.tracked {
            Some(tracked) => Some(tracked.submitted_at),
            None => serde_json::from_str::<Written>(&self.body).ok().map(|w| w.submitted_at),
        };
        written.is_some_and(|at| (today - at.date_naive()).num_days() > MAX_WAIT_DAYS)
    }
}

/// How sending is going, for the resident.
#[derive(Clone, Debug, PartialEq)]
pub enum Progress {
    Sending,
    /// A failed attempt; the next is in `seconds`.
    Retrying {
        seconds: u32,
    },
    /// The device is offline; sending resumes when it is back.
    Offline,
}

/// How sending ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Delivery {
    Sent(Receipt),
    /// The server refused answers (`400`/`422`): the pages to fix them.
    Refused(Vec<ServerError>),
    /// A refusal that retrying cannot fix.
    Failed(Failure),
    /// The endpoint answered with a redirect, which is not followed.
    Redirected,
    /// Not sent in the attempts allowed: it can be tried again later.
    NotYet,
}

/// Why a submission cannot be sent, whatever the retries (`sending.toml` words it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Failure {
    Refused,
    Conflict,
    TooLarge,
}

impl Failure {
    pub fn message(self, language: Language) -> &'static str {
        let message = match self {
            Failure::Refused => sending::refused,
            Failure::Conflict => sending::conflict,
            Failure::TooLarge => sending::too_large,
        };
        message(language)
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(default)]
    errors: Vec<ServerError>,
}

/// A new random idempotency key.
pub fn new_key() -> String {
    window()
        .crypto()
        .map(|c| c.random_uuid())
        .unwrap_or_else(|_| {
            // Very old browsers: time and randomness are enough for one device's drafts.
            format!("{}-{}", js_sys::Date::now(), js_sys::Math::random())
        })
}

/// Resolves after `ms` milliseconds, in a later task: `sleep(0)` lets the browser paint and
/// handle input before going on.
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn online() -> bool {
    window().navigator().on_line()
}

/// A request that gives up after `TIMEOUT_MS`, so a server that never answers is retried.
const TIMEOUT_MS: u32 = 20_000;
const MAX_DELAY_MS: f64 = 30_000.0;

async fn attempt(pending: &Pending) -> Result<Response, ()> {
    // Photos make bodies of megabytes: allow for an upload at about 16 KB a second.
    let timeout = TIMEOUT_MS + (pending.body.len() / 16) as u32;
    within(timeout, |signal| {
        Request::post(&pending.endpoint)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", &pending.idempotency_key)
            // Not followed, but seen (an "opaque redirect"), so it is not taken for a network
            // failure and retried.
            .redirect(web_sys::RequestRedirect::Manual)
            .abort_signal(Some(signal))
            .body(pending.body.clone())
    })
    .await
}

/// Sends the request `build` makes with the given abort signal, giving up after `timeout_ms`:
/// a server that never answers is a failure, not a wait for ever.
pub async fn within(
    timeout_ms: u32,
    build: impl FnOnce(&web_sys::AbortSignal) -> Result<Request, gloo_net::Error>,
) -> Result<Response, ()> {
    let controller = web_sys::AbortController::new().map_err(|_| ())?;
    let request = build(&controller.signal()).map_err(|_| ())?;
    let abort = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
    let timer = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.unchecked_ref(),
            timeout_ms as i32,
        )
        .ok();
    let result = request.send().await.map_err(|_| ());
    if let Some(timer) = timer {
        window().clear_timeout_with_handle(timer);
    }
    result
}

/// The wait before attempt `n` (from 0): 1 s, 2 s, 4 s ... up to 30 s, each between half and
/// the whole of that, so that many devices coming back at once do not retry in step.
fn backoff_ms(n: u32) -> u32 {
    let ceiling = (1000.0 * 2f64.powi(n.min(10) as i32)).min(MAX_DELAY_MS);
    (ceiling * (0.5 + 0.5 * js_sys::Math::random())) as u32
}

fn retry_after_ms(response: &Response) -> Option<u32> {
    let seconds: f64 = response.headers().get("Retry-After")?.trim().parse().ok()?;
    Some((seconds.clamp(0.0, 300.0) * 1000.0) as u32)
}

/// Sends until the server stores it or refuses it (or `attempts` have failed), telling
/// `progress` as it goes.
pub async fn send(pending: &Pending, progress: impl Fn(Progress), attempts: Option<u32>) -> Delivery {
    let mut failures = 0;
    loop {
        if attempts.is_some_and(|allowed| failures >= allowed) {
            return Delivery::NotYet;
        }
        if !online() {
            progress(Progress::Offline);
            while !online() {
                sleep(1000).await;
            }
        }
        progress(Progress::Sending);
        let wait = match attempt(pending).await {
            Err(()) => backoff_ms(failures),
            Ok(response) if response.type_() == web_sys::ResponseType::Opaqueredirect => {
                return Delivery::Redirected
            }
            Ok(response) => match response.status() {
                200 | 201 => match response.json::<Receipt>().await {
                    Ok(receipt) if !receipt.reference.trim().is_empty() => {
                        return Delivery::Sent(receipt)
                    }
                    // A garbled success: asking again with the same key returns the reference.
                    _ => backoff_ms(failures),
                },
                400 | 422 => {
                    let errors = response
                        .json::<ErrorBody>()
                        .await
                        .map(|b| b.errors)
                        .unwrap_or_default();
                    return if errors.is_empty() {
                        Delivery::Failed(Failure::Refused)
                    } else {
                        Delivery::Refused(errors)
                    };
                }
                413 => return Delivery::Failed(Failure::TooLarge),
                409 => return Delivery::Failed(Failure::Conflict),
                408 | 429 | 500 | 502..=504 => {
                    // At least a second, so a `Retry-After: 0` cannot make a tight loop.
                    retry_after_ms(&response)
                        .map_or_else(|| backoff_ms(failures), |ms| ms.max(1000))
                }
                _ => return Delivery::Failed(Failure::Refused),
            },
        };
        failures += 1;
        progress(Progress::Retrying {
            seconds: wait.div_ceil(1000),
        });
        sleep(wait).await;
    }
}

/// The status of a stored submission, where the backend offers one (contract v1.1): read with
/// its access token from `{endpoint}/{reference}/status`. `None` for a backend without the
/// route, a network failure or an answer that is not a status: the page then shows the
/// policy's dates.
pub async fn status(endpoint: &str, reference: &str, token: &str) -> Option<Status> {
    let address = format!("{}/{reference}/status", endpoint.trim_end_matches('/'));
    let response = within(TIMEOUT_MS, |signal| {
        // Not followed: the token goes to the endpoint the complaint went to, or nowhere.
        Ok(Request::get(&address)
            .header("Authorization", &format!("Bearer {token}"))
            .redirect(web_sys::RequestRedirect::Error)
            .abort_signal(Some(signal))
            .build()?)
    })
    .await
    .ok()?;
    if response.status() != 200 {
        return None;
    }
    let status: Status = response.json().await.ok()?;
    status.reference.eq_ignore_ascii_case(reference).then_some(status)
}
