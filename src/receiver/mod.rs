//! The reference receiver: a backend for the contract (`public/openapi.yaml`) that a landlord
//! could run. It checks a submission with the domain's own types and checks, stores it once
//! per `Idempotency-Key` in SQLite, and answers with a reference and an access token. Only that
//! token reads the submission's status; only the staff token reads the whole of it.
//!
//! `app` builds the axum `Router` with every limit as a layer, so tests can drive it without a
//! socket; `serve` runs it on a listener with hyper's header timeout and a cap on connections.
//! The binary (`src/bin/receiver.rs`) reads the command line (`config`) and calls both.
//! docs/receiver.md says what it protects and what a deployment must add.

pub mod config;
pub mod forward;
pub mod photos;
mod limits;
mod problem;
mod profiles;
mod routes;
mod secrets;
mod store;

use std::collections::HashMap;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::error_handling::HandleErrorLayer;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, Method};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use serde_json::Value;
use sha2::{Digest, Sha256};
use tower::{ServiceBuilder, ServiceExt};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use crate::domain::calendar::uk_time;
use crate::domain::policy::Policy;
use chrono::Utc;
pub use config::Config;
use store::Store;

/// What every request shares: the configuration, the database and the landlords' policies.
pub struct Receiver {
    config: Config,
    store: Store,
    staff_token: Option<String>,
    policies: HashMap<String, Policy>,
    photo_limits: photos::PhotoLimits,
    /// Where each new submission is sent on to (`--forward-webhook`).
    forwarder: Option<forward::Forwarder>,
    /// Faults injected so far: even ones happen before storing, odd ones after.
    faults: AtomicU64,
}

impl Receiver {
    /// Opens the database, reads the staff token and the landlords' own profiles: what can go
    /// wrong before listening.
    pub fn open(config: Config) -> Result<Receiver, String> {
        // The profiles first: a mistake in one leaves no database behind.
        let policies = profiles::load(&config.policy_files, &config.policy_dirs)?;
        let store = Store::open(&config.db).map_err(|e| {
            format!("cannot open the database {}: {e}", config.db.display())
        })?;
        let staff_token = match &config.staff_token_file {
            Some(path) => Some(secrets::read_secret(path, "staff token")?),
            None => None,
        };
        let forwarder = forward::Forwarder::from_flags(&config.keeping)?;
        let receiver = Receiver {
            policies,
            photo_limits: photos::PhotoLimits {
                max_side: config.limits.photo_max_side,
                max_pixels: config.limits.photo_max_pixels,
            },
            store,
            staff_token,
            forwarder,
            config,
            faults: AtomicU64::new(0),
        };
        receiver
            .remove_old_bodies()
            .map_err(|e| format!("cannot remove the bodies past --retain-days: {e}"))?;
        Ok(receiver)
    }

    /// `--retain-days N`: removes what residents wrote from submissions received more than N
    /// days ago (see `Store::remove_bodies`), saying how many on standard error.
    fn remove_old_bodies(&self) -> rusqlite::Result<()> {
        let Some(days) = self.config.keeping.retain_days else {
            return Ok(());
        };
        let now = uk_time(Utc::now());
        let removed = self.store.remove_bodies(now - chrono::Days::new(days.into()), now)?;
        if removed > 0 {
            eprintln!("receiver: removed what residents wrote from {removed} submissions received over {days} days ago");
        }
        Ok(())
    }
}

/// The receiver's work that no request starts: `--retain-days` every hour (`Receiver::open`
/// did it at start). Runs until the process ends.
pub async fn housekeeping(receiver: Arc<Receiver>) {
    if receiver.config.keeping.retain_days.is_none() {
        return;
    }
    let mut hourly = tokio::time::interval(Duration::from_secs(3600));
    hourly.tick().await;
    loop {
        hourly.tick().await;
        let receiver = receiver.clone();
        // A panic in it has said so itself.
        if let Ok(Err(e)) = tokio::task::spawn_blocking(move || receiver.remove_old_bodies()).await {
            eprintln!("receiver: removing the bodies past --retain-days: {e}");
        }
    }
}

/// The receiver's routes under its layers. The outermost layer comes last.
pub fn app(receiver: Arc<Receiver>) -> Router {
    let limits = &receiver.config.limits;
    let v1 = Router::new()
        .route("/openapi.yaml", get(routes::contract))
        .route("/submissions", post(routes::submit))
        .route("/submissions/{reference}", get(routes::record))
        .route("/submissions/{reference}/status", get(routes::status))
        .route("/submissions/{reference}/events", post(routes::add_event))
        .layer(middleware::from_fn_with_state(receiver.clone(), delay));
    let rate_limits = Arc::new(limits::RateLimits::new(
        limits,
        receiver.config.trust_forwarded_for,
        receiver.staff_token.clone(),
    ));
    Router::new()
        .route("/health", get(routes::health))
        .nest("/v1", v1)
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(limits.request_timeout_secs),
        ))
        .layer(middleware::from_fn_with_state(
            limits::Upload::new(limits),
            limits::paced_upload,
        ))
        .layer(RequestBodyLimitLayer::new(limits.body_limit))
        .layer(
            ServiceBuilder::new()
                .layer(HandleErrorLayer::new(limits::overloaded))
                .load_shed()
                .concurrency_limit(limits.concurrency as usize),
        )
        .layer(middleware::from_fn_with_state(rate_limits, limits::rate_limit))
        .layer(cors(&receiver.config.origins))
        .layer(middleware::from_fn(limits::no_store))
        .layer(CatchPanicLayer::custom(limits::panicked))
        .layer(middleware::from_fn(limits::error_bodies))
        .layer(middleware::from_fn(log))
        .with_state(receiver)
}

/// One line on standard error per request: method, path, status and time (no bodies, no
/// headers: they hold residents' words and tokens).
async fn log(request: Request, next: Next) -> Response {
    let started = std::time::Instant::now();
    let line = format!("{} {}", request.method(), request.uri().path());
    let response = next.run(request).await;
    eprintln!(
        "{line} {} {}ms",
        response.status().as_u16(),
        started.elapsed().as_millis()
    );
    response
}

/// `--delay-ms`: every /v1/ request waits, to test clients against a slow server.
async fn delay(State(receiver): State<Arc<Receiver>>, request: Request, next: Next) -> Response {
    let ms = receiver.config.faults.delay_ms;
    if ms > 0 {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
    next.run(request).await
}

/// Browsers on the allowed origins may call it; `Retry-After` is readable by the page.
fn cors(origins: &[String]) -> CorsLayer {
    let origins: Vec<String> = origins
        .iter()
        .map(|o| o.trim_end_matches('/').to_ascii_lowercase())
        .collect();
    let any = origins.iter().any(|o| o == "*");
    CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(move |origin, _| {
            let origin = origin.to_str().unwrap_or("").to_ascii_lowercase();
            any || origins.contains(&origin)
        }))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            header::HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([header::RETRY_AFTER])
        .max_age(Duration::from_secs(600))
}

/// The SHA-256 of a JSON value written with its object keys sorted: the same for the same
/// JSON whatever its spacing or key order.
fn canonical_sha256(value: &Value) -> String {
    fn write(value: &Value, out: &mut String) {
        match value {
            Value::Object(map) => {
                let mut entries: Vec<_> = map.iter().collect();
                entries.sort_by(|a, b| a.0.cmp(b.0));
                out.push('{');
                for (i, (key, value)) in entries.into_iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&Value::String(key.clone()).to_string());
                    out.push(':');
                    write(value, out);
                }
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(item, out);
                }
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let mut text = String::new();
    write(value, &mut text);
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Serves `app` on `listener` until the process ends: HTTP/1.1, each connection in a task of
/// its own, at most `--max-connections` at once (more wait in the kernel's queue), and a
/// client that takes longer than `--header-timeout-secs` to send a request's headers (or sits
/// idle between requests) is let go.
pub async fn serve(listener: tokio::net::TcpListener, app: Router, config: &Config) {
    let connections = Arc::new(tokio::sync::Semaphore::new(
        config.limits.max_connections as usize,
    ));
    let header_timeout = Duration::from_secs(config.limits.header_timeout_secs);
    loop {
        let permit = connections
            .clone()
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let (socket, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            // Out of file descriptors, or a connection reset before it was accepted.
            Err(e) => {
                eprintln!("receiver: accept: {e}");
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        socket.set_nodelay(true).ok();
        let app = app.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request: Request<hyper::body::Incoming>| {
                let mut request = request.map(Body::new);
                request.extensions_mut().insert(ConnectInfo(peer));
                app.clone().oneshot(request)
            });
            let served = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout)
                .serve_connection(TokioIo::new(socket), service)
                .await;
            if let Err(e) = served {
                if !e.is_incomplete_message() && !e.is_timeout() {
                    eprintln!("receiver: connection from {peer}: {e}");
                }
            }
            drop(permit);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_same_json_has_the_same_hash_whatever_its_order() {
        let a = json!({ "b": [1, { "y": "é", "x": null }], "a": true });
        let b: Value = serde_json::from_str(r#"{"a":true,"b":[1,{"x":null,"y":"\u00e9"}]}"#).unwrap();
        assert_eq!(canonical_sha256(&a), canonical_sha256(&b));
        assert_ne!(canonical_sha256(&a), canonical_sha256(&json!({ "a": true })));
        assert_ne!(canonical_sha256(&json!([1, 2])), canonical_sha256(&json!([2, 1])));
    }
}
