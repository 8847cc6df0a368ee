//! The reference receiver driven in-process: `receiver::app` is the real router under its real
//! layers, with a real SQLite file, and these tests call it without a socket. Idempotency,
//! refusals with JSON pointers, privacy (only the access token reads a status, only staff read
//! a submission), status events, photos, rate limits, panics, CORS and the fault flags.
//! `tests/receiver_socket.rs` runs the built binary for what needs a real connection.

mod common;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::extract::ConnectInfo;
use futures_util::stream::{self, StreamExt};
use common::{complaint, count_rows, example, remove, set, TempDir, STAFF, UNLIMITED};
use resident_complaints::receiver::{app, Config, Receiver};
use serde_json::{json, Value};
use tower::ServiceExt;

/// A receiver on a fresh database, with `extra` flags.
struct Harness {
    dir: TempDir,
    app: axum::Router,
}

impl Harness {
    fn new(name: &str, extra: &[&str]) -> Harness {
        Harness::with_staff(name, extra, false)
    }

    fn with_staff(name: &str, extra: &[&str], staff: bool) -> Harness {
        Harness::open(TempDir::new(name), extra, staff)
    }

    /// A receiver on the database in `dir` (made if missing).
    fn open(dir: TempDir, extra: &[&str], staff: bool) -> Harness {
        let db = dir.path("receiver.sqlite");
        let token_file = dir.path("staff-token");
        std::fs::write(&token_file, format!("{STAFF}\n")).unwrap();
        let mut args: Vec<String> = ["receiver", "--addr", "127.0.0.1:0", "--db"]
            .into_iter()
            .map(String::from)
            .collect();
        args.push(db.display().to_string());
        if staff {
            args.push("--staff-token-file".into());
            args.push(token_file.display().to_string());
        }
        args.extend(extra.iter().map(|s| s.to_string()));
        let config = <Config as clap::Parser>::try_parse_from(args).expect("valid flags");
        let receiver = Receiver::open(config).expect("the receiver opens");
        Harness {
            app: app(std::sync::Arc::new(receiver)),
            dir,
        }
    }

    async fn send(&self, request: Request) -> Reply {
        let mut builder = axum::http::Request::builder()
            .method(request.method)
            .uri(request.path);
        for (name, value) in &request.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        let mut http = builder.body(axum::body::Body::from(request.body)).unwrap();
        if let Some(peer) = request.peer {
            http.extensions_mut().insert(ConnectInfo(peer));
        }
        let response = self.app.clone().oneshot(http).await.unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        Reply {
            status,
            headers,
            text: String::from_utf8(bytes.to_vec()).unwrap(),
        }
    }

    async fn post(&self, key: Option<&str>, body: impl Into<Vec<u8>>) -> Reply {
        let mut request = Request::new("POST", "/v1/submissions").body(body);
        if let Some(key) = key {
            request = request.header("Idempotency-Key", key);
        }
        self.send(request).await
    }

    async fn get(&self, path: &str, token: Option<&str>) -> Reply {
        let mut request = Request::new("GET", path);
        if let Some(token) = token {
            request = request.header("Authorization", &format!("Bearer {token}"));
        }
        self.send(request).await
    }

    /// The whole stored record, as staff read it.
    async fn record(&self, reference: &str) -> Value {
        let reply = self.get(&format!("/v1/submissions/{reference}"), Some(STAFF)).await;
        assert_eq!(reply.status, 200, "{}", reply.text);
        reply.json()
    }

    async fn add_event(&self, reference: &str, token: &str, event: Value) -> Reply {
        self.send(
            Request::new("POST", &format!("/v1/submissions/{reference}/events"))
                .header("Authorization", &format!("Bearer {token}"))
                .body(event.to_string()),
        )
        .await
    }
}

struct Request {
    method: &'static str,
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    peer: Option<SocketAddr>,
}

impl Request {
    fn new(method: &'static str, path: &str) -> Request {
        Request {
            method,
            path: path.to_string(),
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: Vec::new(),
            peer: None,
        }
    }
    fn header(mut self, name: &str, value: &str) -> Request {
        self.headers.push((name.into(), value.into()));
        self
    }
    fn body(mut self, body: impl Into<Vec<u8>>) -> Request {
        self.body = body.into();
        self
    }
    fn from(mut self, peer: &str) -> Request {
        self.peer = Some(peer.parse().unwrap());
        self
    }
}

struct Reply {
    status: u16,
    headers: axum::http::HeaderMap,
    text: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.text)
            .unwrap_or_else(|e| panic!("{} is not JSON ({e}): {}", self.status, self.text))
    }
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
    /// The error fields, in order.
    fn fields(&self) -> Vec<String> {
        self.json()["errors"]
            .as_array()
            .unwrap_or_else(|| panic!("no errors in {}", self.text))
            .iter()
            .map(|e| e["field"].as_str().unwrap().to_string())
            .collect()
    }
    fn str(&self, name: &str) -> String {
        self.json()[name].as_str().unwrap().to_string()
    }
}

#[tokio::test]
async fn the_same_key_and_body_give_the_same_receipt() {
    let receiver = Harness::new("idempotency", &[]);
    let body = complaint(1);

    let first = receiver.post(Some("key-1"), body.to_string()).await;
    assert_eq!(first.status, 201, "{}", first.text);
    let receipt = first.json();
    let reference = first.str("reference");
    assert!(reference.len() == 12 && reference.starts_with("RC-"), "{reference}");
    let received_at = receipt["received_at"].as_str().unwrap();
    assert!(chrono::DateTime::parse_from_rfc3339(received_at).is_ok());
    let token = first.str("access_token");
    assert!(
        token.len() == 64 && token.chars().all(|c| c.is_ascii_hexdigit()),
        "{token}"
    );

    // Again, and again with other spacing: the same JSON, so the same answer, with a 200.
    for text in [body.to_string(), serde_json::to_string_pretty(&body).unwrap()] {
        let again = receiver.post(Some("key-1"), text).await;
        assert_eq!(again.status, 200, "{}", again.text);
        assert_eq!(again.json(), receipt);
    }
    // The same key with another body is a conflict; a new key is a new submission.
    let conflict = receiver.post(Some("key-1"), complaint(2).to_string()).await;
    assert_eq!(conflict.status, 409, "{}", conflict.text);
    assert_eq!(conflict.fields(), [""]);
    let other = receiver.post(Some("key-2"), body.to_string()).await;
    assert_eq!(other.status, 201);
    assert_ne!(other.str("reference"), reference);
    assert_ne!(other.str("access_token"), token);

    // No key, an empty key or one with a space: refused, nothing stored.
    for key in [None, Some(" "), Some("a key")] {
        let refused = receiver.post(key, complaint(3).to_string()).await;
        assert_eq!(refused.status, 400, "{key:?}: {}", refused.text);
        assert!(refused.text.contains("Idempotency-Key"), "{}", refused.text);
    }
    assert_eq!(count_rows(&receiver.dir), 2);
}

#[tokio::test]
async fn bodies_that_are_not_submissions_are_refused_with_json_pointers() {
    let receiver = Harness::new("refusals", &UNLIMITED);
    let body = complaint(1);

    // Not JSON: 400, whatever the bytes.
    let malformed: [&[u8]; 6] = [b"", b"{", b"{\"kind\": }", b"nul", b"{} {}", b"\xff\xfe{}"];
    for text in malformed {
        let reply = receiver.post(Some("k"), text).await;
        assert_eq!(reply.status, 400, "{text:?}: {}", reply.text);
        assert_eq!(reply.fields(), [""]);
        assert!(reply.text.contains("not valid JSON"), "{}", reply.text);
    }

    // JSON but not a submission: 422 at the field.
    let cases: Vec<(Value, &str)> = vec![
        (json!([]), ""),
        (json!("complaint"), ""),
        (set(&body, "/complainant/anonymous", json!("false")), "/complainant/anonymous"),
        (set(&body, "/support/adjustments/1", json!(7)), "/support/adjustments/1"),
        (set(&body, "/submitted_at", json!("yesterday")), "/submitted_at"),
        // chrono reads it, but it is not RFC 3339, and the date engine cannot count so far.
        (set(&body, "/submitted_at", json!("+262142-12-31T00:00:00Z")), "/submitted_at"),
        (set(&body, "/triage/issue_date", json!("2026-02-31")), "/triage/issue_date"),
        (set(&body, "/kind", json!("grumble")), "/kind"),
        (set(&body, "/expected_dates/0/date", json!(null)), "/expected_dates/0/date"),
        (remove(&body, "/complainant/name"), "/complainant/name"),
        (remove(&body, "/kind"), "/kind"),
        (remove(&body, "/expected_dates/0/id"), "/expected_dates/0/id"),
        (set(&body, "/details/pictures", json!([])), "/details/pictures"),
        (set(&body, "/profile/id", json!("nowhere")), "/profile/id"),
        (set(&body, "/contract_version", json!("2")), "/contract_version"),
        (set(&body, "/contract_version", json!(1)), "/contract_version"),
    ];
    for (case, field) in cases {
        let reply = receiver.post(Some("k"), case.to_string()).await;
        assert_eq!(reply.status, 422, "{field}: {}", reply.text);
        assert_eq!(reply.fields(), [field], "{}", reply.text);
    }
    // An unknown version is refused as such, even when the rest is another shape.
    let reply = receiver
        .post(Some("k"), json!({ "contract_version": "2", "anything": true }).to_string())
        .await;
    assert_eq!((reply.status, reply.fields()), (422, vec!["/contract_version".to_string()]));
    assert!(reply.text.contains("not known"), "{}", reply.text);

    // The crate's checks: every problem, each at its pointer.
    let mut bad = set(&body, "/representative/email", json!("not an email"));
    bad["details"]["description"] = json!("  ");
    bad["triage"]["late_reason"] = json!("x".repeat(20_001));
    let reply = receiver.post(Some("k"), bad.to_string()).await;
    assert_eq!(reply.status, 422, "{}", reply.text);
    assert_eq!(
        reply.fields(),
        ["/representative/email", "/details/description", "/triage/late_reason"]
    );
    assert_eq!(count_rows(&receiver.dir), 0, "nothing refused is stored");
}

#[tokio::test]
async fn only_the_access_token_reads_a_status_and_only_staff_read_a_submission() {
    let receiver = Harness::with_staff("privacy", &[], true);
    let mine = receiver.post(Some("mine"), complaint(1).to_string()).await;
    let theirs = receiver.post(Some("theirs"), complaint(2).to_string()).await;
    let (reference, token) = (mine.str("reference"), mine.str("access_token"));
    let status_of = |reference: &str| format!("/v1/submissions/{reference}/status");

    // With its token, the status, and nothing of what the resident wrote.
    let status = receiver.get(&status_of(&reference), Some(&token)).await;
    assert_eq!(status.status, 200, "{}", status.text);
    let status = status.json();
    assert_eq!(status["reference"], json!(reference));
    assert_eq!(status["status"], json!("received"));
    assert_eq!(status["events"][0]["status"], json!("received"));
    assert_eq!(status["expected_dates"], complaint(1)["expected_dates"]);
    assert!(!status.to_string().contains("lift"), "no words of the complaint: {status}");
    // References are read out and typed in any case.
    let lower = receiver.get(&status_of(&reference.to_lowercase()), Some(&token)).await;
    assert_eq!(lower.status, 200);

    // Without it, with another submission's, or for a reference that does not exist: the
    // same 404, word for word, so an answer never tells that a reference exists.
    let absent = receiver.get(&status_of("RC-2222-2222"), None).await;
    assert_eq!(absent.status, 404);
    let other_token = theirs.str("access_token");
    let wrong = [
        receiver.get(&status_of(&reference), None).await,
        receiver.get(&status_of(&reference), Some("")).await,
        receiver.get(&status_of(&reference), Some(&other_token)).await,
        receiver.get(&status_of(&reference), Some(&token[..63])).await,
        receiver.get(&status_of("RC-2222-2222"), Some(&token)).await,
        // The whole submission is for staff only, whatever the resident's token.
        receiver.get(&format!("/v1/submissions/{reference}"), Some(&token)).await,
        receiver.get(&format!("/v1/submissions/{reference}"), None).await,
    ];
    for reply in wrong {
        assert_eq!((reply.status, &reply.text), (404, &absent.text));
    }

    // Staff read everything: the submission as stored, the server's dates, the status.
    let record = receiver
        .get(&format!("/v1/submissions/{reference}"), Some(STAFF))
        .await;
    assert_eq!(record.status, 200, "{}", record.text);
    let record = record.json();
    assert_eq!(record["submission"], complaint(1));
    assert_eq!(record["server_expected_dates"], complaint(1)["expected_dates"]);
    assert_eq!(record["dates_match"], json!(true));
    assert_eq!(record["status"]["status"], json!("received"));
    assert!(!record.to_string().contains(&token), "the token is not shown, even to staff");
    let staff_status = receiver.get(&status_of(&reference), Some(STAFF)).await;
    assert_eq!(staff_status.status, 200);
}

#[tokio::test]
async fn without_a_staff_token_nothing_reads_a_submission() {
    let receiver = Harness::new("no-staff", &[]);
    let sent = receiver.post(Some("k"), complaint(1).to_string()).await;
    let reference = sent.str("reference");
    for token in [None, Some(STAFF), Some(sent.str("access_token").as_str())] {
        let reply = receiver.get(&format!("/v1/submissions/{reference}"), token).await;
        assert_eq!(reply.status, 404, "{token:?}");
        let event = receiver
            .add_event(&reference, token.unwrap_or(""), json!({ "status": "closed", "date": "2026-12-02" }))
            .await;
        assert_eq!(event.status, 404, "{token:?}");
    }
}

#[tokio::test]
async fn staff_record_each_step_and_the_resident_reads_it() {
    let receiver = Harness::with_staff("events", &[], true);
    let sent = receiver.post(Some("k"), complaint(1).to_string()).await;
    let (reference, token) = (sent.str("reference"), sent.str("access_token"));
    let today = resident_complaints::domain::calendar::uk_time(chrono::Utc::now()).date_naive();
    let later = |days: u64| (today + chrono::Days::new(days)).to_string();

    let acknowledged = receiver
        .add_event(&reference, STAFF, json!({ "status": "acknowledged", "date": today.to_string() }))
        .await;
    assert_eq!(acknowledged.status, 201, "{}", acknowledged.text);
    assert_eq!(acknowledged.json()["status"], json!("acknowledged"));
    let extended = receiver
        .add_event(
            &reference,
            STAFF,
            json!({ "status": "extended", "date": today.to_string(), "until": later(20) }),
        )
        .await;
    assert_eq!(extended.status, 201, "{}", extended.text);

    let status = receiver
        .get(&format!("/v1/submissions/{reference}/status"), Some(&token))
        .await
        .json();
    assert_eq!(status["status"], json!("extended"));
    let steps: Vec<&str> = status["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(steps, ["received", "acknowledged", "extended"]);
    assert_eq!(status["events"][2]["until"], json!(later(20)));

    // Mistakes, each at its pointer; the resident's own token records nothing.
    let cases = [
        (json!({ "status": "extended", "date": today.to_string() }), 422, vec!["/until"]),
        (json!({ "status": "responded", "date": later(30) }), 422, vec!["/date"]),
        (json!({ "status": "received", "date": today.to_string() }), 422, vec!["/status"]),
        (json!({ "status": "lost", "date": today.to_string() }), 422, vec!["/status"]),
        (json!({ "status": "closed", "date": "2026-02-31" }), 422, vec!["/date"]),
        (json!({ "status": "closed" }), 422, vec!["/date"]),
    ];
    for (event, code, fields) in cases {
        let reply = receiver.add_event(&reference, STAFF, event.clone()).await;
        assert_eq!((reply.status, reply.fields()), (code, fields.iter().map(|f| f.to_string()).collect()), "{event}");
    }
    let not_json = receiver
        .send(
            Request::new("POST", &format!("/v1/submissions/{reference}/events"))
                .header("Authorization", &format!("Bearer {STAFF}"))
                .body("{"),
        )
        .await;
    assert_eq!(not_json.status, 400);
    let by_resident = receiver
        .add_event(&reference, &token, json!({ "status": "closed", "date": today.to_string() }))
        .await;
    assert_eq!(by_resident.status, 404);
    let nowhere = receiver
        .add_event("RC-2222-2222", STAFF, json!({ "status": "closed", "date": today.to_string() }))
        .await;
    assert_eq!(nowhere.status, 404);
}

#[tokio::test]
async fn a_flood_from_one_client_is_turned_away_and_others_still_get_through() {
    let receiver = Harness::new("flood", &[]);
    let mut statuses = Vec::new();
    for n in 0..500 {
        let reply = receiver
            .send(
                Request::new("POST", "/v1/submissions")
                    .from("203.0.113.7:40000")
                    .header("Idempotency-Key", &format!("flood-{n}"))
                    .body(complaint(n).to_string()),
            )
            .await;
        if reply.status == 429 {
            let wait: u64 = reply.header("retry-after").unwrap().parse().unwrap();
            assert!((1..=60).contains(&wait), "Retry-After: {wait}");
            assert_eq!(reply.fields(), [""]);
        }
        statuses.push(reply.status);
    }
    let stored = statuses.iter().filter(|s| **s == 201).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    // The burst of 10 (and perhaps one more from the per-minute rate), then 429s.
    assert!((10..=12).contains(&stored), "{stored} stored");
    assert_eq!(stored + refused, 500);
    assert_eq!(count_rows(&receiver.dir) as usize, stored);

    // Another address is not held up by the first one's flood, and reads have a bucket of
    // their own.
    let other = receiver
        .send(
            Request::new("POST", "/v1/submissions")
                .from("198.51.100.9:40000")
                .header("Idempotency-Key", "someone-else")
                .body(complaint(1000).to_string()),
        )
        .await;
    assert_eq!(other.status, 201, "{}", other.text);
    let health = receiver
        .send(Request::new("GET", "/health").from("203.0.113.7:40001"))
        .await;
    assert_eq!(health.status, 200);

    // Reads are limited too: guessing references or tokens cannot go fast.
    let mut read_statuses = Vec::new();
    for _ in 0..200 {
        let reply = receiver
            .send(Request::new("GET", "/v1/submissions/RC-2222-2222/status").from("203.0.113.8:1"))
            .await;
        read_statuses.push(reply.status);
    }
    let refused = read_statuses.iter().filter(|s| **s == 429).count();
    assert!(refused >= 135, "{refused} of 200 reads refused");
}

#[tokio::test]
async fn a_panic_is_a_500_and_the_next_request_is_served() {
    let receiver = Harness::new("panic", &["--panic-rate", "1"]);
    let reply = receiver.post(Some("k"), complaint(1).to_string()).await;
    assert_eq!(reply.status, 500, "{}", reply.text);
    assert_eq!(reply.fields(), [""]);
    assert!(!reply.text.contains("panic-rate"), "no internal text: {}", reply.text);
    assert_eq!(receiver.get("/health", None).await.status, 200);
    assert_eq!(count_rows(&receiver.dir), 0);
}

#[tokio::test]
async fn a_database_that_fails_gets_a_503_without_its_words() {
    let receiver = Harness::new("locked", &[]);
    // Another process holds the database: the receiver waits its 5 seconds, then gives up.
    let blocker = rusqlite::Connection::open(receiver.dir.path("receiver.sqlite")).unwrap();
    blocker.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let reply = receiver.post(Some("k"), complaint(1).to_string()).await;
    assert_eq!(reply.status, 503, "{}", reply.text);
    assert_eq!(reply.header("retry-after"), Some("1"));
    let text = reply.text.to_lowercase();
    for word in ["sqlite", "locked", "database", "busy"] {
        assert!(!text.contains(word), "{word} in {}", reply.text);
    }
    blocker.execute_batch("ROLLBACK").unwrap();
    let reply = receiver.post(Some("k"), complaint(1).to_string()).await;
    assert_eq!(reply.status, 201, "{}", reply.text);
}

#[tokio::test]
async fn every_error_is_the_contracts_json() {
    let receiver = Harness::new("errors", &["--body-limit", "1000"]);
    let cases = [
        (Request::new("GET", "/"), 404),
        (Request::new("GET", "/v1/submissions/a/b/c"), 404),
        (Request::new("GET", "/v1/submissions"), 405),
        (Request::new("PUT", "/health"), 405),
        (Request::new("DELETE", "/v1/submissions/RC-2222-2222"), 405),
        (
            Request::new("POST", "/v1/submissions")
                .header("Idempotency-Key", "big")
                .body(vec![b' '; 1001]),
            413,
        ),
    ];
    for (request, status) in cases {
        let path = request.path.clone();
        let reply = receiver.send(request).await;
        assert_eq!(reply.status, status, "{path}: {}", reply.text);
        assert_eq!(reply.fields(), [""], "{path}");
        assert_eq!(reply.header("cache-control"), Some("no-store"), "{path}");
    }
    let wrong_method = receiver.send(Request::new("GET", "/v1/submissions")).await;
    assert!(wrong_method.header("allow").unwrap().contains("POST"));
    let contract = receiver.get("/v1/openapi.yaml", None).await;
    assert_eq!(contract.status, 200);
    assert!(contract.header("content-type").unwrap().contains("yaml"));
    assert_eq!(
        contract.text,
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/openapi.yaml")).unwrap()
    );
}

#[tokio::test]
async fn a_body_that_trickles_in_is_cut_off() {
    let receiver = Harness::new(
        "trickle",
        &["--upload-grace-secs", "0", "--min-upload-bytes-per-sec", "1000"],
    );
    // One byte, then nothing: the second byte was due a millisecond later.
    let stream = stream::once(async { Ok::<_, std::io::Error>(vec![b'{']) }).chain(stream::pending());
    let request = axum::http::Request::post("/v1/submissions")
        .header("Idempotency-Key", "slow")
        .body(axum::body::Body::from_stream(stream))
        .unwrap();
    let started = Instant::now();
    let response = receiver.app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), 408);
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn cors_answers_allowed_origins_only() {
    let app = "http://127.0.0.1:8080";
    let receiver = Harness::new("cors", &["--allow-origin", app, "--allow-origin", "https://x.test/"]);
    let preflight = |origin: &str| {
        Request::new("OPTIONS", "/v1/submissions")
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type, idempotency-key")
    };
    let allowed = receiver.send(preflight(app)).await;
    assert!(allowed.status < 300, "{}", allowed.status);
    assert_eq!(allowed.header("access-control-allow-origin"), Some(app));
    let headers = allowed.header("access-control-allow-headers").unwrap().to_lowercase();
    for name in ["content-type", "idempotency-key", "authorization"] {
        assert!(headers.contains(name), "{headers}");
    }
    assert!(allowed.header("access-control-allow-methods").unwrap().contains("POST"));
    let trailing = receiver.send(preflight("https://x.test")).await;
    assert_eq!(trailing.header("access-control-allow-origin"), Some("https://x.test"));

    let other = receiver.send(preflight("http://evil.test")).await;
    assert_eq!(other.header("access-control-allow-origin"), None);

    // The real request: the allowed origin is echoed and Retry-After is readable by the page.
    let posted = receiver
        .send(
            Request::new("POST", "/v1/submissions")
                .header("Origin", app)
                .header("Idempotency-Key", "cors")
                .body(complaint(1).to_string()),
        )
        .await;
    assert_eq!(posted.status, 201);
    assert_eq!(posted.header("access-control-allow-origin"), Some(app));
    assert!(posted
        .header("access-control-expose-headers")
        .unwrap()
        .to_lowercase()
        .contains("retry-after"));
    let elsewhere = receiver
        .send(Request::new("GET", "/health").header("Origin", "http://evil.test"))
        .await;
    assert_eq!(elsewhere.header("access-control-allow-origin"), None);
}

#[tokio::test]
async fn with_faults_a_client_that_retries_with_its_key_stores_each_once() {
    let mut flags = vec!["--fail-rate", "0.5"];
    flags.extend(UNLIMITED);
    let receiver = Harness::new("faults", &flags);
    let mut statuses = Vec::new();
    let mut references = std::collections::HashSet::new();
    for n in 0..20 {
        let key = format!("fault-{n}");
        let body = complaint(n).to_string();
        let mut tries = 0;
        let reference = loop {
            tries += 1;
            assert!(tries <= 60, "submission {n} never got through");
            let reply = receiver.post(Some(&key), body.clone()).await;
            statuses.push(reply.status);
            match reply.status {
                200 | 201 => break reply.str("reference"),
                503 => assert_eq!(reply.header("retry-after"), Some("1")),
                other => panic!("unexpected {other}: {}", reply.text),
            }
        };
        references.insert(reference);
    }
    assert_eq!(references.len(), 20);
    assert_eq!(count_rows(&receiver.dir), 20, "each stored exactly once");
    assert!(statuses.contains(&503));
    // A lost answer (a fault after storing) shows up as a 200 on the retry.
    assert!(statuses.contains(&200), "{statuses:?}");
}

#[tokio::test]
async fn fail_status_and_delay_flags() {
    let receiver = Harness::new(
        "flags",
        &["--fail-rate", "1", "--fail-status", "429", "--delay-ms", "300"],
    );
    let started = Instant::now();
    let reply = receiver.post(Some("k"), complaint(1).to_string()).await;
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(reply.status, 429);
    assert_eq!(reply.header("retry-after"), Some("1"));
    // Only /v1/ waits: a health check stays quick.
    let started = Instant::now();
    assert_eq!(receiver.get("/health", None).await.status, 200);
    assert!(started.elapsed() < Duration::from_millis(300));
}

#[tokio::test]
async fn every_kind_is_taken_and_dates_that_differ_are_flagged() {
    let receiver = Harness::with_staff("kinds", &UNLIMITED, true);
    for kind in ["complaint", "concern", "escalation", "compliment", "comment"] {
        let reply = receiver.post(Some(kind), example(kind).to_string()).await;
        assert_eq!(reply.status, 201, "{kind}: {}", reply.text);
        let record = receiver.record(&reply.str("reference")).await;
        assert_eq!(record["dates_match"], json!(true), "{kind}");
        assert_eq!(record["submission"], example(kind), "{kind}");
    }
    // Dates the client got wrong are kept, and flagged.
    let body = example("complaint");
    let wrong = set(&body, "/expected_dates/0/date", json!("2026-12-09"));
    let reply = receiver.post(Some("wrong-dates"), wrong.to_string()).await;
    assert_eq!(reply.status, 201);
    let record = receiver.record(&reply.str("reference")).await;
    assert_eq!(record["dates_match"], json!(false));
    assert_eq!(record["submission"], wrong);
    assert_eq!(record["server_expected_dates"], body["expected_dates"]);
    // A long description in many scripts comes back as it was sent.
    let mut long = example("complaint");
    long["details"]["description"] = json!("Mould 🍄 עובש في الحمام. ".chars().cycle().take(20_000).collect::<String>());
    let reply = receiver.post(Some("long"), serde_json::to_string_pretty(&long).unwrap()).await;
    assert_eq!(reply.status, 201, "{}", reply.text);
    assert_eq!(receiver.record(&reply.str("reference")).await["submission"], long);
}

/// A photo as a phone sends it: a JPEG with EXIF (a GPS position) and a comment after its
/// JFIF header.
fn phone_photo() -> Vec<u8> {
    let jpeg = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/photo.jpg")).unwrap();
    let segment = |marker: u8, body: &[u8]| {
        let length = (body.len() + 2) as u16;
        [&[0xFF, marker][..], &length.to_be_bytes(), body].concat()
    };
    let exif = segment(0xE1, b"Exif\0\0MM\0*GPSLatitude 51.5072N GPSLongitude 0.1276W");
    let comment = segment(0xFE, b"12 Acacia Avenue, taken by Jo Bloggs");
    // SOI and JFIF APP0 (2 + 18 bytes), then the metadata, then the rest.
    [&jpeg[..20], &exif, &comment, &jpeg[20..]].concat()
}

#[tokio::test]
async fn photos_are_checked_and_kept_without_metadata_or_their_names() {
    use base64::Engine;
    let base64 = base64::engine::general_purpose::STANDARD;
    let receiver = Harness::with_staff("photos", &UNLIMITED, true);
    let with_photos = |photos: Vec<Value>| set(&complaint(1), "/details/photos", json!(photos));
    let photo = |bytes: &[u8]| {
        json!({ "name": "IMG_20261201_Jo_Bloggs_flat_12.jpg", "alt": "Mould on the wall",
                "width": 64, "height": 48, "jpeg_base64": base64.encode(bytes) })
    };

    let original = phone_photo();
    let sent = receiver.post(Some("photo"), with_photos(vec![photo(&original)]).to_string()).await;
    assert_eq!(sent.status, 201, "{}", sent.text);
    let record = receiver.record(&sent.str("reference")).await;
    let stored = &record["submission"]["details"]["photos"][0];
    let jpeg = base64.decode(stored["jpeg_base64"].as_str().unwrap()).unwrap();
    assert_eq!(&jpeg[..2], [0xFF, 0xD8]);
    for text in ["Exif", "GPS", "51.5072", "Acacia", "Bloggs"] {
        let found = jpeg.windows(text.len()).any(|w| w == text.as_bytes());
        assert!(!found, "{text} is still in the stored photo");
    }
    assert!(jpeg.len() < original.len());
    assert_eq!(stored["name"], json!("photo-1.jpg"));
    assert_eq!((stored["width"].clone(), stored["height"].clone()), (json!(64), json!(48)));
    assert_eq!(stored["alt"], json!("Mould on the wall"));
    assert!(!record.to_string().contains("Bloggs"), "the phone's file name is not kept");

    // What is not a JPEG or PNG, whatever it is called: 422 at the photos page, naming it.
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>"#;
    let cases: [(&[u8], &str); 4] = [
        (svg, "photo 2 is not a JPEG or PNG image"),
        (b"%PDF-1.7 not a photo", "photo 2 is not a JPEG or PNG image"),
        (b"GIF89a\x01\x00\x01\x00", "photo 2 is not a JPEG or PNG image"),
        (&original[..original.len() / 2], "photo 2 is a damaged or unsupported JPEG image"),
    ];
    for (bytes, message) in cases {
        let reply = receiver
            .post(Some("bad-photo"), with_photos(vec![photo(&original), photo(bytes)]).to_string())
            .await;
        assert_eq!(reply.status, 422, "{}", reply.text);
        assert_eq!(reply.fields(), ["/details/photos"]);
        assert_eq!(reply.json()["errors"][0]["message"], json!(message));
    }
    let too_big = Harness::new("photo-limits", &["--photo-max-side", "50"]);
    let reply = too_big.post(Some("wide"), with_photos(vec![photo(&original)]).to_string()).await;
    assert_eq!(reply.status, 422, "{}", reply.text);
    assert!(reply.text.contains("64 pixels wide"), "{}", reply.text);
}

#[tokio::test]
async fn a_forged_forwarded_for_does_not_escape_the_rate_limit() {
    // Read limits: a burst of 2. The same connection address, a new X-Forwarded-For each time.
    let flags = ["--read-burst", "2", "--reads-per-minute", "1"];
    let read = |n: usize| {
        Request::new("GET", "/health")
            .from("203.0.113.7:1")
            .header("X-Forwarded-For", &format!("10.0.0.{n}, 192.0.2.{n}"))
    };
    let direct = Harness::new("forwarded-direct", &flags);
    let mut statuses = Vec::new();
    for n in 0..5 {
        statuses.push(direct.send(read(n)).await.status);
    }
    assert_eq!(statuses, [200, 200, 429, 429, 429], "the header is ignored without the flag");

    // Behind a trusted proxy, the last address in the header is the client's own.
    let mut trusted_flags = flags.to_vec();
    trusted_flags.push("--trust-forwarded-for");
    let proxied = Harness::new("forwarded-proxy", &trusted_flags);
    for n in 0..5 {
        assert_eq!(proxied.send(read(n)).await.status, 200, "client {n}");
    }
    // And one client behind it is limited like any other, whatever it puts first.
    let mut statuses = Vec::new();
    for n in 0..4 {
        let reply = proxied
            .send(
                Request::new("GET", "/health")
                    .from("203.0.113.7:1")
                    .header("X-Forwarded-For", &format!("10.9.9.{n}, 198.51.100.1")),
            )
            .await;
        statuses.push(reply.status);
    }
    assert_eq!(statuses, [200, 200, 429, 429]);
}

#[tokio::test]
async fn more_requests_at_once_than_the_limit_get_a_503_at_once() {
    let receiver = Harness::new("busy", &["--concurrency", "1", "--delay-ms", "500"]);
    let slow = receiver.get("/v1/openapi.yaml", None);
    let busy = async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let started = Instant::now();
        (receiver.get("/v1/openapi.yaml", None).await, started.elapsed())
    };
    let (slow, (busy, waited)) = tokio::join!(slow, busy);
    assert_eq!(slow.status, 200);
    assert_eq!(busy.status, 503, "{}", busy.text);
    assert_eq!(busy.header("retry-after"), Some("1"));
    assert!(waited < Duration::from_millis(300), "turned away at once, not queued: {waited:?}");
}

#[tokio::test]
async fn a_database_from_the_first_receiver_is_brought_up_to_date() {
    // The first receiver's table, with one submission in it.
    let dir = TempDir::new("migrate");
    let old = rusqlite::Connection::open(dir.path("receiver.sqlite")).unwrap();
    old.execute_batch(
        "CREATE TABLE submissions (reference TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL \
         UNIQUE, received_at TEXT NOT NULL, kind TEXT NOT NULL, profile_id TEXT NOT NULL, \
         profile_version TEXT NOT NULL, submitted_at TEXT NOT NULL, body TEXT NOT NULL, \
         client_expected_dates TEXT NOT NULL, server_expected_dates TEXT NOT NULL, \
         dates_match INTEGER NOT NULL) STRICT;",
    )
    .unwrap();
    let body = complaint(1);
    old.execute(
        "INSERT INTO submissions VALUES ('RC-2345-6789', 'old-key', '2026-11-30T10:00:00+00:00', \
         'complaint', 'greatwell', 'v1', '2026-11-30T10:00:00+00:00', ?1, ?2, ?2, 1)",
        [body.to_string(), body["expected_dates"].to_string()],
    )
    .unwrap();
    drop(old);

    let receiver = Harness::open(dir, &[], true);
    // Staff read it, with its steps; the same key and body again is the same submission.
    let record = receiver.record("RC-2345-6789").await;
    assert_eq!(record["submission"], body);
    assert_eq!(record["status"]["events"][0]["date"], json!("2026-11-30"));
    let again = receiver.post(Some("old-key"), body.to_string()).await;
    assert_eq!((again.status, again.str("reference")), (200, "RC-2345-6789".to_string()));
    // Its new token reads its status; another body under its key is still a conflict.
    let status = receiver
        .get("/v1/submissions/RC-2345-6789/status", Some(&again.str("access_token")))
        .await;
    assert_eq!(status.status, 200, "{}", status.text);
    let conflict = receiver.post(Some("old-key"), complaint(2).to_string()).await;
    assert_eq!(conflict.status, 409);
}

#[tokio::test]
async fn past_retain_days_what_residents_wrote_is_removed_and_the_rest_kept() {
    let receiver = Harness::with_staff("retain", &[], true);
    let old = receiver.post(Some("old"), complaint(1).to_string()).await;
    let (reference, token) = (old.str("reference"), old.str("access_token"));
    let recent = receiver.post(Some("recent"), complaint(2).to_string()).await.str("reference");
    let today = resident_complaints::domain::calendar::uk_time(chrono::Utc::now()).date_naive();
    let step = json!({ "status": "acknowledged", "date": today.to_string() });
    assert_eq!(receiver.add_event(&reference, STAFF, step).await.status, 201);
    let before = receiver.record(&reference).await;
    // The old one was received 31 days ago, written in summer time: compared as an instant.
    let received = (chrono::Utc::now() - chrono::Duration::days(31))
        .with_timezone(&chrono::FixedOffset::east_opt(3600).unwrap())
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
    let db = rusqlite::Connection::open(receiver.dir.path("receiver.sqlite")).unwrap();
    db.execute(
        "UPDATE submissions SET received_at = ?1 WHERE reference = ?2",
        [&received, &reference],
    )
    .unwrap();
    drop(db);

    // A receiver started with --retain-days 30 removes it at start.
    let Harness { dir, .. } = receiver;
    let receiver = Harness::open(dir, &["--retain-days", "30"], true);
    let after = receiver.record(&reference).await;
    assert_eq!(after["submission"], Value::Null);
    assert!(after["body_removed_at"].is_string(), "{after}");
    for kept in ["reference", "server_expected_dates", "dates_match"] {
        assert_eq!(after[kept], before[kept], "{kept}");
    }
    assert_eq!(after["received_at"], json!(received));
    assert_eq!(after["status"]["events"][1], before["status"]["events"][1]);
    assert_eq!(after["status"]["kind"], before["status"]["kind"]);
    // The resident still reads its status; nothing they wrote is left in the file.
    let status = receiver.get(&format!("/v1/submissions/{reference}/status"), Some(&token)).await;
    assert_eq!(status.status, 200, "{}", status.text);
    let db = rusqlite::Connection::open(receiver.dir.path("receiver.sqlite")).unwrap();
    let body: String = db
        .query_row("SELECT body FROM submissions WHERE reference = ?1", [&reference], |r| r.get(0))
        .unwrap();
    assert_eq!(body, "null");
    for file in ["receiver.sqlite", "receiver.sqlite-wal"] {
        let bytes = std::fs::read(receiver.dir.path(file)).unwrap_or_default();
        let found = bytes.windows(19).any(|w| w == b"Complaint number 1:");
        assert!(!found, "the removed words are still in {file}");
    }
    // The one received today is whole.
    assert_eq!(receiver.record(&recent).await["submission"], complaint(2));
    assert!(receiver.record(&recent).await.get("body_removed_at").is_none());
}
