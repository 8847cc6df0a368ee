//! The layers that keep one client from hurting the others: a rate per client, a minimum upload
//! speed, a deadline, a cap on requests at once, and answers in the contract's error shape
//! whichever layer gives them.

use std::any::Any;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use http_body_util::BodyExt;
use tokio::time::Instant;

use super::config::Limits;
use super::problem::Problem;
use super::secrets::is_staff;

/// Two buckets per client: one for what stores something (POST), one for reads.
pub struct RateLimits {
    posts: DefaultKeyedRateLimiter<IpAddr>,
    reads: DefaultKeyedRateLimiter<IpAddr>,
    trust_forwarded_for: bool,
    /// Requests with the staff token are not counted: staff are few, known, and busy.
    staff_token: Option<String>,
    checks: AtomicU64,
}

fn quota(per_minute: u32, burst: u32) -> Quota {
    let nonzero = |n: u32| NonZeroU32::new(n.max(1)).expect("at least 1");
    Quota::per_minute(nonzero(per_minute)).allow_burst(nonzero(burst))
}

impl RateLimits {
    pub fn new(
        limits: &Limits,
        trust_forwarded_for: bool,
        staff_token: Option<String>,
    ) -> RateLimits {
        RateLimits {
            posts: RateLimiter::keyed(quota(limits.posts_per_minute, limits.post_burst)),
            reads: RateLimiter::keyed(quota(limits.reads_per_minute, limits.read_burst)),
            trust_forwarded_for,
            staff_token,
            checks: AtomicU64::new(0),
        }
    }

    /// Who is asking: the connection's address or, behind a trusted proxy, the address the
    /// proxy saw (the last `X-Forwarded-For` entry, the one the proxy itself added).
    fn client(&self, request: &Request) -> IpAddr {
        let forwarded = || {
            let header = request.headers().get_all("x-forwarded-for").iter().next_back()?;
            header.to_str().ok()?.rsplit(',').next()?.trim().parse().ok()
        };
        let peer = || {
            let ConnectInfo(address) = request.extensions().get::<ConnectInfo<SocketAddr>>()?;
            Some(address.ip())
        };
        let found = if self.trust_forwarded_for {
            forwarded().or_else(peer)
        } else {
            peer()
        };
        // Requests made in-process (tests) have no address: they share one bucket.
        found.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
    }
}

/// `429 Too Many Requests` with `Retry-After` once a client has used its bucket.
pub async fn rate_limit(
    State(limits): State<Arc<RateLimits>>,
    request: Request,
    next: Next,
) -> Response {
    let limiter = if request.method() == Method::POST {
        &limits.posts
    } else {
        &limits.reads
    };
    // Forget clients that have been quiet long enough to have a full bucket again, now and
    // then, so the table of clients cannot grow without end.
    if limits.checks.fetch_add(1, Ordering::Relaxed) % 4096 == 4095 {
        limits.posts.retain_recent();
        limits.reads.retain_recent();
    }
    if is_staff(request.headers(), limits.staff_token.as_deref()) {
        return next.run(request).await;
    }
    if let Err(not_until) = limiter.check_key(&limits.client(&request)) {
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        return Problem::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too many requests from this address: wait, then try again",
        )
        .retry_after(wait.as_secs_f64().ceil().max(1.0) as u64)
        .into_response();
    }
    next.run(request).await
}

/// How fast a body must arrive: anything after the grace time, at the minimum speed.
#[derive(Clone, Copy)]
pub struct Upload {
    pub grace: Duration,
    pub bytes_per_sec: u64,
}

impl Upload {
    pub fn new(limits: &Limits) -> Upload {
        Upload {
            grace: Duration::from_secs(limits.upload_grace_secs),
            bytes_per_sec: limits.min_upload_bytes_per_sec.max(1),
        }
    }

    /// When the `received`-th byte must have arrived.
    fn deadline(self, started: Instant, received: usize) -> Instant {
        started + self.grace + Duration::from_secs_f64(received as f64 / self.bytes_per_sec as f64)
    }
}

/// Reads the whole body before the handler runs, at no less than the minimum speed: a client
/// that trickles its body (slow loris) is answered `408` and let go, instead of holding a
/// place for as long as it likes. The body limit (a layer outside this one) turns a body that
/// grows past it into a `413`.
pub async fn paced_upload(State(upload): State<Upload>, request: Request, next: Next) -> Response {
    let (parts, mut body) = request.into_parts();
    let started = Instant::now();
    let mut bytes = Vec::new();
    loop {
        let deadline = upload.deadline(started, bytes.len() + 1);
        match tokio::time::timeout_at(deadline, body.frame()).await {
            Err(_) => {
                return Problem::new(
                    StatusCode::REQUEST_TIMEOUT,
                    "the request arrived too slowly: send it again",
                )
                .into_response()
            }
            Ok(None) => break,
            Ok(Some(Ok(frame))) => {
                if let Some(data) = frame.data_ref() {
                    bytes.extend_from_slice(data);
                }
            }
            Ok(Some(Err(error))) => return unreadable(&error),
        }
    }
    next.run(Request::from_parts(parts, Body::from(Bytes::from(bytes)))).await
}

/// A body that could not be read: over the limit (`413`), or broken off (`400`).
fn unreadable(error: &axum::Error) -> Response {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = source {
        if e.is::<http_body_util::LengthLimitError>() {
            return too_large();
        }
        source = e.source();
    }
    Problem::new(StatusCode::BAD_REQUEST, "the request body could not be read").into_response()
}

fn too_large() -> Response {
    Problem::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "the request is larger than this receiver takes (see the contract's size limit)",
    )
    .into_response()
}

/// The answer to more requests at once than `--concurrency`, or one that ran out of time.
pub async fn overloaded(error: tower::BoxError) -> Response {
    let message = if error.is::<tower::load_shed::error::Overloaded>() {
        "the receiver is busy: try again in a moment"
    } else {
        "the receiver could not answer in time: try again in a moment"
    };
    Problem::new(StatusCode::SERVICE_UNAVAILABLE, message)
        .retry_after(1)
        .into_response()
}

/// A panic is a bug: the request gets a 500 and the receiver goes on serving the next one.
pub fn panicked(_: Box<dyn Any + Send + 'static>) -> Response {
    Problem::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "the receiver failed: send it again with the same Idempotency-Key",
    )
    .into_response()
}

/// Gives every error the contract's JSON body, whichever layer answered (axum's own 404, 405
/// and extractor refusals, tower-http's 413 and timeouts), with words of our own: never the
/// text of a library or the database.
pub async fn error_bodies(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let message = match status {
        StatusCode::NOT_FOUND => "there is nothing at this address",
        StatusCode::METHOD_NOT_ALLOWED => "this address does not answer this method",
        StatusCode::PAYLOAD_TOO_LARGE => return keep_headers(response, too_large()),
        StatusCode::REQUEST_TIMEOUT => "the request took too long",
        StatusCode::SERVICE_UNAVAILABLE => "the receiver could not answer in time: try again",
        s if s.is_server_error() => "the receiver failed: try again",
        _ => "the request is not one this receiver understands",
    };
    let mut answer = Problem::new(status, message);
    if status == StatusCode::SERVICE_UNAVAILABLE {
        answer = answer.retry_after(1);
    }
    keep_headers(response, answer.into_response())
}

/// `answer`, with the headers of `original` that still apply (`Allow`, CORS).
fn keep_headers(original: Response, mut answer: Response) -> Response {
    for (name, value) in original.headers() {
        if name != CONTENT_TYPE && name != axum::http::header::CONTENT_LENGTH {
            answer.headers_mut().entry(name).or_insert_with(|| value.clone());
        }
    }
    answer
}

/// Nothing the receiver says is for a cache: statuses change, and errors are of the moment.
pub async fn no_store(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    );
    response
}
