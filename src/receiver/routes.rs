//! What each address answers. Submissions are checked with the domain's own types and checks;
//! a submission is read back only with its access token (its status) or the staff token (all
//! of it), and anything else gets the same `404` as a reference that does not exist.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{Datelike, Utc};
use serde::de::{DeserializeOwned, IgnoredAny};
use serde::Deserialize;
use serde_json::{json, Value};

use super::problem::Problem;
use super::secrets::{bearer, is_staff, random_fraction, same_token};
use super::store::{NewSubmission, Record, Stored};
use super::{canonical_sha256, photos, Receiver};
use crate::domain::calendar::uk_time;
use crate::domain::status::Event;
use crate::domain::submission::{Submission, CONTRACT_VERSION};

const OPENAPI: &str = include_str!("../../public/openapi.yaml");

pub async fn health(State(receiver): State<Arc<Receiver>>) -> Response {
    match blocking(move || receiver.store.ping()).await {
        Ok(()) => Json(json!({ "status": "ok" })).into_response(),
        Err(e) => unavailable("the database", e),
    }
}

pub async fn contract() -> Response {
    ([(CONTENT_TYPE, "application/yaml")], OPENAPI).into_response()
}

pub async fn submit(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let key = match headers.get("idempotency-key").map(HeaderValue::as_bytes) {
        None | Some(b"") => {
            return Problem::new(
                StatusCode::BAD_REQUEST,
                "the Idempotency-Key header is required: one key per draft, sent again \
                 unchanged on every retry",
            )
            .into_response()
        }
        Some(key) if key.len() > 255 || !key.iter().all(|b| (b'!'..=b'~').contains(b)) => {
            return Problem::new(
                StatusCode::BAD_REQUEST,
                "the Idempotency-Key header must be 1 to 255 visible ASCII characters",
            )
            .into_response()
        }
        Some(key) => String::from_utf8_lossy(key).into_owned(),
    };
    let faults = &receiver.config.faults;
    let fault = (faults.fail_rate > 0.0 && random_fraction() < faults.fail_rate)
        .then(|| receiver.faults.fetch_add(1, Ordering::Relaxed) % 2 == 1);
    if fault == Some(false) {
        return receiver.fault("before storing");
    }
    let response = {
        let receiver = receiver.clone();
        blocking(move || receiver.accept(&key, &body)).await
    };
    if fault == Some(true) && response.status().is_success() {
        return receiver.fault("after storing (the answer was lost)");
    }
    response
}

/// `GET /v1/submissions/{reference}/status`: for the resident's access token, or staff.
pub async fn status(
    State(receiver): State<Arc<Receiver>>,
    Path(reference): Path<String>,
    headers: HeaderMap,
) -> Response {
    let found = {
        let receiver = receiver.clone();
        blocking(move || receiver.store.record(&reference)).await
    };
    match found {
        Ok(Some(record)) if receiver.may_read_status(&headers, &record) => {
            Json(record.status).into_response()
        }
        Ok(_) => not_found(),
        Err(e) => unavailable("the submission", e),
    }
}

/// `GET /v1/submissions/{reference}`: the whole submission, for staff only.
pub async fn record(
    State(receiver): State<Arc<Receiver>>,
    Path(reference): Path<String>,
    headers: HeaderMap,
) -> Response {
    if !receiver.is_staff(&headers) {
        return not_found();
    }
    match blocking(move || receiver.store.record(&reference)).await {
        Ok(Some(record)) => ([(CONTENT_TYPE, "application/json")], Record::to_json(&record))
            .into_response(),
        Ok(None) => not_found(),
        Err(e) => unavailable("the submission", e),
    }
}

/// `POST /v1/submissions/{reference}/events`: staff record a step in the handling.
pub async fn add_event(
    State(receiver): State<Arc<Receiver>>,
    Path(reference): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if !receiver.is_staff(&headers) {
        return not_found();
    }
    let event: Event = match read_json(&body) {
        Ok(event) => event,
        Err(problem) => return problem.into_response(),
    };
    let now = uk_time(Utc::now());
    match blocking(move || receiver.store.add_event(&reference, &event, now.date_naive(), now))
        .await
    {
        Ok(Some(Ok(status))) => (StatusCode::CREATED, Json(status)).into_response(),
        Ok(Some(Err(errors))) => {
            Problem::unprocessable(errors.into_iter().map(|e| (e.pointer.into(), e.message)))
                .into_response()
        }
        Ok(None) => not_found(),
        Err(e) => unavailable("the submission", e),
    }
}

/// The one answer for a reference that does not exist and for a token that may not read it,
/// so that an answer never tells which.
fn not_found() -> Response {
    Problem::new(
        StatusCode::NOT_FOUND,
        "there is no submission with this reference that this token may read",
    )
    .into_response()
}

/// The database failed: logged here, and a generic `503` for the client to retry.
fn unavailable(what: &str, error: rusqlite::Error) -> Response {
    eprintln!("receiver: {what}: {error}");
    Problem::new(
        StatusCode::SERVICE_UNAVAILABLE,
        format!("{what} is not available just now: try again"),
    )
    .retry_after(1)
    .into_response()
}

/// Runs blocking work (SQLite, checking photos) off the async threads. A panic in it goes on
/// up to the panic layer, which answers 500.
async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    match tokio::task::spawn_blocking(work).await {
        Ok(value) => value,
        Err(e) => std::panic::resume_unwind(e.into_panic()),
    }
}

/// A JSON body as `T`, or the contract's `400` (not JSON) or `422` (at the field's pointer).
fn read_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, Problem> {
    if let Err(e) = serde_json::from_slice::<IgnoredAny>(body) {
        return Err(Problem::new(
            StatusCode::BAD_REQUEST,
            format!("not valid JSON: {e}"),
        ));
    }
    let deserializer = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        Problem::at(
            StatusCode::UNPROCESSABLE_ENTITY,
            &pointer(e.path(), e.inner()),
            plain_message(e.inner()),
        )
    })
}

impl Receiver {
    fn is_staff(&self, headers: &HeaderMap) -> bool {
        is_staff(headers, self.staff_token.as_deref())
    }

    /// The submission's own access token, or staff.
    fn may_read_status(&self, headers: &HeaderMap, record: &Record) -> bool {
        bearer(headers).is_some_and(|token| same_token(token, &record.access_token))
            || self.is_staff(headers)
    }

    fn fault(&self, when: &str) -> Response {
        let status = StatusCode::from_u16(self.config.faults.fail_status)
            .unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
        Problem::new(
            status,
            format!(
                "a failure made on purpose by --fail-rate, {when}: send it again with the same \
                 Idempotency-Key"
            ),
        )
        .retry_after(1)
        .into_response()
    }

    /// Checks a submission and stores it.
    fn accept(&self, key: &str, body: &[u8]) -> Response {
        // A version this receiver does not know is refused as such, before its body is read
        // as this version's (a body that is not JSON has no version: `read_json` says so).
        #[derive(Deserialize)]
        struct Version {
            contract_version: Option<Value>,
        }
        if let Ok(Version {
            contract_version: Some(Value::String(version)),
        }) = serde_json::from_slice(body)
        {
            if version != CONTRACT_VERSION {
                return Problem::at(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "/contract_version",
                    format!(
                        "contract version {version:?} is not known here: this receiver takes \
                         version \"{CONTRACT_VERSION}\""
                    ),
                )
                .into_response();
            }
        }
        let mut submission: Submission = match read_json(body) {
            Ok(submission) => submission,
            Err(problem) => return problem.into_response(),
        };
        if self.config.faults.panic_rate > 0.0 && random_fraction() < self.config.faults.panic_rate
        {
            panic!("a panic made on purpose by --panic-rate");
        }
        let mut errors: Vec<(String, String)> = submission
            .check()
            .into_iter()
            .map(|e| (e.pointer.to_string(), e.message))
            .collect();
        // chrono reads years far beyond RFC 3339's four digits, and the date engine is not
        // meant for them (it panics near chrono's last year), so the receiver takes RFC 3339's.
        if !(0..=9999).contains(&submission.submitted_at.naive_local().year()) {
            errors.push((
                "/submitted_at".into(),
                "is not an RFC 3339 date-time (years 0000 to 9999)".into(),
            ));
        }
        if errors.is_empty() {
            errors.extend(self.clean_photos(&mut submission));
        }
        if !errors.is_empty() {
            return Problem::unprocessable(errors).into_response();
        }
        let Some(policy) = self.policies.get(&submission.profile.id) else {
            let mut known: Vec<&str> = self.policies.keys().map(String::as_str).collect();
            known.sort();
            return Problem::at(
                StatusCode::UNPROCESSABLE_ENTITY,
                "/profile/id",
                format!(
                    "profile {:?} is not known here: this receiver knows {}",
                    submission.profile.id,
                    known.join(", ")
                ),
            )
            .into_response();
        };
        // The dates again, with the same engine, to catch a client that worked them out
        // differently (another version of a profile, a wrong clock or a bug).
        let server_dates = Submission::dates_for(policy, submission.kind, submission.submitted_at);
        let sha256 = serde_json::from_slice(body)
            .map(|value: Value| canonical_sha256(&value))
            .unwrap_or_default();
        let new = NewSubmission {
            key,
            body_sha256: sha256,
            submission: &submission,
            server_dates: &server_dates,
        };
        match self.store.insert(&new, uk_time(Utc::now())) {
            Ok(Stored::New(receipt)) => {
                self.forward(&receipt.reference);
                (StatusCode::CREATED, Json(receipt)).into_response()
            }
            Ok(Stored::Repeat(receipt)) => (StatusCode::OK, Json(receipt)).into_response(),
            Ok(Stored::Conflict) => Problem::new(
                StatusCode::CONFLICT,
                "this Idempotency-Key was used before with a different body",
            )
            .into_response(),
            Err(e) => unavailable("storage", e),
        }
    }

    /// Sends a submission just stored on to `--forward-webhook`, as staff read it.
    fn forward(&self, reference: &str) {
        let Some(forwarder) = &self.forwarder else {
            return;
        };
        match self.store.record(reference) {
            Ok(Some(record)) => forwarder.send(reference.to_string(), record.to_json()),
            Ok(None) => eprintln!("receiver: forwarding {reference}: it is not stored"),
            Err(e) => eprintln!("receiver: forwarding {reference}: {e}"),
        }
    }

    /// Each photo checked and cleaned of metadata, under a name of our own; what is wrong
    /// with any, at `/details/photos` (the page that asks for them), naming the photo.
    fn clean_photos(&self, submission: &mut Submission) -> Vec<(String, String)> {
        let Some(details) = submission.details.as_mut() else {
            return Vec::new();
        };
        let mut errors = Vec::new();
        for (n, photo) in (1..).zip(details.photos.iter_mut()) {
            match photos::clean(&photo.jpeg_base64, &self.photo_limits) {
                Ok(clean) => {
                    photo.name = format!("photo-{n}.{}", clean.image_type.extension());
                    photo.width = clean.width;
                    photo.height = clean.height;
                    photo.jpeg_base64 = clean.base64;
                }
                Err(reason) => errors.push(("/details/photos".into(), format!("photo {n} {reason}"))),
            }
        }
        errors
    }
}

/// The JSON pointer (RFC 6901) of a serde error: its path, and for a missing or unknown field
/// the field itself.
fn pointer(path: &serde_path_to_error::Path, error: &serde_json::Error) -> String {
    use serde_path_to_error::Segment;
    let escape = |s: &str| s.replace('~', "~0").replace('/', "~1");
    let mut segments: Vec<String> = path
        .iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(index.to_string()),
            Segment::Map { key } => Some(escape(key)),
            Segment::Enum { variant } => Some(escape(variant)),
            Segment::Unknown => None,
        })
        .collect();
    let message = error.to_string();
    for prefix in ["missing field `", "unknown field `"] {
        if let Some(rest) = message.strip_prefix(prefix) {
            if let Some((field, _)) = rest.split_once('`') {
                let field = escape(field);
                if segments.last() != Some(&field) {
                    segments.push(field);
                }
            }
        }
    }
    segments.iter().map(|s| format!("/{s}")).collect()
}

/// serde's message without " at line 1 column 57": the pointer says where.
fn plain_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let text = match text.rfind(" at line ") {
        Some(at) => &text[..at],
        None => &text,
    };
    // serde_json's words for a number or list where a name from a list was expected (the
    // syntax itself was checked before).
    if text == "expected value" {
        return "invalid type: expected one of the allowed names, as a string".into();
    }
    text.to_string()
}
