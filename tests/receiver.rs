//! The reference receiver (`examples/receiver.rs`) as a client sees it: each test starts the
//! built binary on a free loopback port with its own SQLite file and talks HTTP to it.
//! Idempotency, refusals with JSON pointers, the size limit, 200 concurrent submissions, a
//! kill and restart that loses nothing acknowledged, CORS, and the fault flags.
//!
//! `cargo test` builds the example first; `cargo test --test receiver` alone does not, so
//! build it with `cargo build --example receiver` after changing it.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, OnceLock};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const BODY_LIMIT: usize = 8 * 1024 * 1024;

fn receiver_binary() -> PathBuf {
    let name = format!("receiver{}", std::env::consts::EXE_SUFFIX);
    // This test runs from <target>/<profile>/deps/; the example is in <target>/<profile>/examples/.
    let beside_test = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("examples").join(&name)));
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let in_target = target.join("debug").join("examples").join(&name);
    beside_test
        .filter(|path| path.exists())
        .or_else(|| in_target.exists().then_some(in_target))
        .expect("the receiver is built: run `cargo test` or `cargo build --example receiver`")
}

/// A private directory for one test, removed afterwards.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("rc-receiver-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A running receiver, killed when dropped.
struct Receiver {
    child: Child,
    base: String,
    addr: String,
}

impl Receiver {
    fn start(dir: &TempDir, extra: &[&str]) -> Receiver {
        let db = dir.0.join("receiver.sqlite");
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.0.join("receiver.log"))
            .unwrap();
        let mut child = Command::new(receiver_binary())
            .args(["--addr", "127.0.0.1:0", "--db"])
            .arg(&db)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .expect("the receiver starts");
        let stdout = child.stdout.take().unwrap();
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = sender.send(line);
        });
        let line = receiver
            .recv_timeout(Duration::from_secs(30))
            .expect("the receiver says where it listens");
        let base = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_string();
        let addr = base.trim_start_matches("http://").to_string();
        Receiver { child, base, addr }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Kills the process at once (SIGKILL): no chance to flush anything.
    fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

struct Reply {
    status: u16,
    headers: ureq::http::HeaderMap,
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
}

fn reply(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut response = result.expect("the receiver answers");
    Reply {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        text: response
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_string()
            .unwrap(),
    }
}

fn post(receiver: &Receiver, key: Option<&str>, body: impl AsRef<[u8]>) -> Reply {
    let mut request = agent()
        .post(receiver.url("/v1/submissions"))
        .content_type("application/json");
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    reply(request.send(body.as_ref()))
}

fn get(receiver: &Receiver, path: &str) -> Reply {
    reply(agent().get(receiver.url(path)).call())
}

/// The stored record of a submission the receiver accepted, read back by its reference.
fn read_back(receiver: &Receiver, accepted: &Reply) -> Value {
    let reference = accepted.json()["reference"].as_str().unwrap().to_string();
    get(receiver, &format!("/v1/submissions/{reference}")).json()
}

/// Sends raw bytes and returns the raw answer, for requests no client library would send.
fn raw(receiver: &Receiver, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(&receiver.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let _ = stream.write_all(request);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

/// The contract's example of a kind, from public/openapi.yaml.
fn example(kind: &str) -> Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    let doc = DOC.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/openapi.yaml");
        serde_norway::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    });
    doc["paths"]["/v1/submissions"]["post"]["requestBody"]["content"]["application/json"]
        ["examples"][kind]["value"]
        .clone()
}

/// A different complaint for each `n`.
fn complaint(n: usize) -> Value {
    let mut body = example("complaint");
    body["details"]["description"] = json!(format!("Complaint number {n}: the lift is broken."));
    body
}

/// The body with the value at `pointer` replaced, or added to its object.
fn set(body: &Value, pointer: &str, value: Value) -> Value {
    let mut body = body.clone();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match body.pointer_mut(parent).unwrap() {
        Value::Object(object) => {
            object.insert(key.to_string(), value);
        }
        Value::Array(array) => array[key.parse::<usize>().unwrap()] = value,
        other => panic!("{parent} is {other}"),
    }
    body
}

fn remove(body: &Value, pointer: &str) -> Value {
    let mut body = body.clone();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    body.pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key);
    body
}

fn count_rows(dir: &TempDir) -> i64 {
    let db = rusqlite::Connection::open(dir.0.join("receiver.sqlite")).unwrap();
    db.query_row("SELECT count(*) FROM submissions", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn the_same_key_and_body_give_the_same_reference() {
    let dir = TempDir::new("idempotency");
    let receiver = Receiver::start(&dir, &[]);
    let body = complaint(1);

    let first = post(&receiver, Some("key-1"), body.to_string());
    assert_eq!(first.status, 201, "{}", first.text);
    let receipt = first.json();
    let reference = receipt["reference"].as_str().unwrap();
    assert!(
        reference.len() == 12 && reference.starts_with("RC-"),
        "{reference}"
    );
    let received_at = receipt["received_at"].as_str().unwrap();
    assert!(chrono::DateTime::parse_from_rfc3339(received_at).is_ok());

    // Again, and again with other spacing: the same JSON, so the same answer, with a 200.
    for text in [
        body.to_string(),
        serde_json::to_string_pretty(&body).unwrap(),
    ] {
        let again = post(&receiver, Some("key-1"), text);
        assert_eq!(again.status, 200, "{}", again.text);
        assert_eq!(again.json(), receipt);
    }
    // The same key with another body is a conflict; a new key is a new submission.
    let conflict = post(&receiver, Some("key-1"), complaint(2).to_string());
    assert_eq!(conflict.status, 409, "{}", conflict.text);
    assert_eq!(conflict.fields(), [""]);
    let other = post(&receiver, Some("key-2"), body.to_string());
    assert_eq!(other.status, 201);
    assert_ne!(other.json()["reference"], receipt["reference"]);

    // No key, an empty key or one with a space: refused, nothing stored.
    for key in [None, Some(" "), Some("a key")] {
        let refused = post(&receiver, key, complaint(3).to_string());
        assert_eq!(refused.status, 400, "{key:?}: {}", refused.text);
        assert!(refused.text.contains("Idempotency-Key"), "{}", refused.text);
    }
    assert_eq!(count_rows(&dir), 2);
}

#[test]
fn bodies_that_are_not_submissions_are_refused_with_json_pointers() {
    let dir = TempDir::new("refusals");
    let receiver = Receiver::start(&dir, &[]);
    let body = complaint(1);

    // Not JSON: 400, whatever the bytes.
    let malformed: [&[u8]; 6] = [b"", b"{", b"{\"kind\": }", b"nul", b"{} {}", b"\xff\xfe{}"];
    for text in malformed {
        let reply = post(&receiver, Some("k"), text);
        assert_eq!(reply.status, 400, "{text:?}: {}", reply.text);
        assert_eq!(reply.fields(), [""]);
        assert!(reply.text.contains("not valid JSON"), "{}", reply.text);
    }

    // JSON but not a submission: 422 at the field.
    let cases: Vec<(Value, &str)> = vec![
        (json!([]), ""),
        (json!("complaint"), ""),
        (
            set(&body, "/complainant/anonymous", json!("false")),
            "/complainant/anonymous",
        ),
        (
            set(&body, "/support/adjustments/1", json!(7)),
            "/support/adjustments/1",
        ),
        (
            set(&body, "/submitted_at", json!("yesterday")),
            "/submitted_at",
        ),
        // chrono reads it, but it is not RFC 3339, and the date engine cannot count so far.
        (
            set(&body, "/submitted_at", json!("+262142-12-31T00:00:00Z")),
            "/submitted_at",
        ),
        (
            set(&body, "/triage/issue_date", json!("2026-02-31")),
            "/triage/issue_date",
        ),
        (set(&body, "/kind", json!("grumble")), "/kind"),
        (
            set(&body, "/expected_dates/0/date", json!(null)),
            "/expected_dates/0/date",
        ),
        (remove(&body, "/complainant/name"), "/complainant/name"),
        (remove(&body, "/kind"), "/kind"),
        (
            remove(&body, "/expected_dates/0/id"),
            "/expected_dates/0/id",
        ),
        (
            set(&body, "/details/pictures", json!([])),
            "/details/pictures",
        ),
        (set(&body, "/profile/id", json!("nowhere")), "/profile/id"),
        (
            set(&body, "/contract_version", json!("2")),
            "/contract_version",
        ),
        (
            set(&body, "/contract_version", json!(1)),
            "/contract_version",
        ),
    ];
    for (case, field) in cases {
        let reply = post(&receiver, Some("k"), case.to_string());
        assert_eq!(reply.status, 422, "{field}: {}", reply.text);
        assert_eq!(reply.fields(), [field], "{}", reply.text);
    }
    // An unknown version is refused as such, even when the rest is another shape.
    let reply = post(
        &receiver,
        Some("k"),
        json!({ "contract_version": "2", "anything": true }).to_string(),
    );
    assert_eq!(
        (reply.status, reply.fields()),
        (422, vec!["/contract_version".to_string()])
    );
    assert!(reply.text.contains("not known"), "{}", reply.text);

    // The crate's checks: every problem, each at its pointer.
    let mut bad = set(&body, "/representative/email", json!("not an email"));
    bad["details"]["description"] = json!("  ");
    bad["triage"]["late_reason"] = json!("x".repeat(20_001));
    let reply = post(&receiver, Some("k"), bad.to_string());
    assert_eq!(reply.status, 422, "{}", reply.text);
    assert_eq!(
        reply.fields(),
        [
            "/representative/email",
            "/details/description",
            "/triage/late_reason"
        ]
    );
    assert_eq!(count_rows(&dir), 0, "nothing refused is stored");
}

#[test]
fn bodies_over_the_limit_are_refused_without_being_read() {
    let dir = TempDir::new("limit");
    let receiver = Receiver::start(&dir, &[]);

    // A valid body padded to exactly the limit is taken; one byte more is not.
    let text = complaint(1).to_string();
    let mut padded = text.clone().into_bytes();
    padded.resize(BODY_LIMIT, b' ');
    let reply = post(&receiver, Some("at-limit"), &padded);
    assert_eq!(reply.status, 201, "{}", reply.text);
    padded.push(b' ');
    let reply = post(&receiver, Some("over-limit"), &padded);
    assert_eq!(reply.status, 413, "{}", reply.text);
    assert_eq!(reply.fields(), [""]);

    // A claimed length far beyond the limit, with a tiny body: 413 at once, nothing read or
    // allocated for it; a length that is not a number: 400.
    let huge = raw(
        &receiver,
        b"POST /v1/submissions HTTP/1.1\r\nHost: x\r\nIdempotency-Key: k\r\n\
          Content-Length: 1000000000000000\r\n\r\n{}",
    );
    assert!(huge.starts_with("HTTP/1.1 413 "), "{huge}");
    let absurd = raw(
        &receiver,
        b"POST /v1/submissions HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n",
    );
    assert!(absurd.starts_with("HTTP/1.1 400 "), "{absurd}");
    // Chunked, past the limit in small chunks.
    let mut chunked = b"POST /v1/submissions HTTP/1.1\r\nHost: x\r\nIdempotency-Key: c\r\n\
        Transfer-Encoding: chunked\r\n\r\n"
        .to_vec();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..9 {
        chunked.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        chunked.extend_from_slice(&chunk);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let answer = raw(&receiver, &chunked);
    assert!(
        answer.starts_with("HTTP/1.1 413 "),
        "{}",
        &answer[..answer.len().min(200)]
    );
    // A chunked body within the limit is read like any other.
    let small = format!(
        "POST /v1/submissions HTTP/1.1\r\nHost: x\r\nIdempotency-Key: small\r\n\
         Transfer-Encoding: chunked\r\n\r\n{:x}\r\n{text}\r\n0\r\n\r\n",
        text.len()
    );
    let answer = raw(&receiver, small.as_bytes());
    assert!(answer.starts_with("HTTP/1.1 201 "), "{answer}");

    // Nonsense that is not HTTP at all, and too many headers: answered, and still up.
    assert!(raw(&receiver, b"GARBAGE\r\n\r\n").starts_with("HTTP/1.1 400 "));
    let many = format!("GET /health HTTP/1.1\r\n{}\r\n", "X-A: b\r\n".repeat(100));
    assert!(raw(&receiver, many.as_bytes()).starts_with("HTTP/1.1 431 "));
    assert_eq!(get(&receiver, "/health").status, 200);
    assert_eq!(count_rows(&dir), 2);
}

#[test]
fn two_hundred_concurrent_submissions_are_all_stored_once() {
    let dir = TempDir::new("concurrent");
    let receiver = Receiver::start(&dir, &[]);
    // 20 threads × 10 submissions: a bounded load on loopback.
    let references: Vec<(usize, String)> = std::thread::scope(|scope| {
        let threads: Vec<_> = (0..20)
            .map(|t| {
                let receiver = &receiver;
                scope.spawn(move || {
                    (0..10)
                        .map(|i| {
                            let n = t * 10 + i;
                            let reply = post(
                                receiver,
                                Some(&format!("load-{n}")),
                                complaint(n).to_string(),
                            );
                            assert_eq!(reply.status, 201, "{n}: {}", reply.text);
                            (n, reply.json()["reference"].as_str().unwrap().to_string())
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        threads
            .into_iter()
            .flat_map(|t| t.join().unwrap())
            .collect()
    });
    assert_eq!(references.len(), 200);
    let distinct: HashSet<&String> = references.iter().map(|(_, r)| r).collect();
    assert_eq!(distinct.len(), 200, "every reference is different");
    for (n, reference) in &references {
        let stored = get(&receiver, &format!("/v1/submissions/{reference}"));
        assert_eq!(stored.status, 200, "{}", stored.text);
        assert_eq!(stored.json()["submission"], complaint(*n));
    }
    assert_eq!(count_rows(&dir), 200);
}

#[test]
fn a_killed_receiver_loses_nothing_it_acknowledged() {
    let dir = TempDir::new("restart");
    let receiver = Receiver::start(&dir, &[]);
    // Clients keep sending while the receiver is killed mid-flow.
    let (sender, acknowledged) = mpsc::channel::<(usize, String)>();
    let senders: Vec<_> = (0..8)
        .map(|t| {
            let (sender, url) = (sender.clone(), receiver.url("/v1/submissions"));
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .timeout_global(Some(Duration::from_secs(10)))
                    .build()
                    .into();
                for i in 0..200 {
                    let n = t * 1000 + i;
                    let sent = agent
                        .post(&url)
                        .header("Idempotency-Key", format!("restart-{n}"))
                        .content_type("application/json")
                        .send(complaint(n).to_string());
                    let Ok(mut response) = sent else { return };
                    if response.status() == 201 {
                        let receipt: Value =
                            serde_json::from_str(&response.body_mut().read_to_string().unwrap())
                                .unwrap();
                        let reference = receipt["reference"].as_str().unwrap().to_string();
                        sender.send((n, reference)).unwrap();
                    }
                }
            })
        })
        .collect();
    drop(sender);
    std::thread::sleep(Duration::from_millis(400));
    receiver.kill();
    for thread in senders {
        thread.join().unwrap();
    }
    let acknowledged: Vec<(usize, String)> = acknowledged.iter().collect();
    assert!(
        acknowledged.len() < 1600,
        "the kill came after all the submissions"
    );
    assert!(
        acknowledged.len() >= 10,
        "only {} acknowledged before the kill",
        acknowledged.len()
    );

    let receiver = Receiver::start(&dir, &[]);
    for (n, reference) in &acknowledged {
        let stored = get(&receiver, &format!("/v1/submissions/{reference}"));
        assert_eq!(
            stored.status, 200,
            "{reference} was acknowledged but is gone"
        );
        assert_eq!(stored.json()["submission"], complaint(*n));
        // A client that never saw the answer sends it again: the same reference.
        let again = post(
            &receiver,
            Some(&format!("restart-{n}")),
            complaint(*n).to_string(),
        );
        assert_eq!(again.status, 200);
        assert_eq!(again.json()["reference"], json!(reference));
    }
}

#[test]
fn a_stored_submission_reads_back_exactly_with_the_servers_dates() {
    let dir = TempDir::new("read-back");
    let receiver = Receiver::start(&dir, &[]);
    let mut body = example("complaint");
    let description: String = "Mould 🍄 עובש في الحمام. "
        .chars()
        .cycle()
        .take(20_000)
        .collect();
    body["details"]["description"] = json!(description);
    // Sent with its own spacing: the read-back keeps the bytes as they were received.
    let text = serde_json::to_string_pretty(&body).unwrap();
    let reply = post(&receiver, Some("exact"), &text);
    assert_eq!(reply.status, 201, "{}", reply.text);
    let reference = reply.json()["reference"].as_str().unwrap().to_string();

    let stored = get(&receiver, &format!("/v1/submissions/{reference}"));
    assert_eq!(stored.status, 200);
    assert!(
        stored.text.contains(&text),
        "the body is stored as received"
    );
    let stored = stored.json();
    assert_eq!(stored["submission"], body);
    assert_eq!(stored["reference"], json!(reference));
    assert_eq!(stored["server_expected_dates"], body["expected_dates"]);
    assert_eq!(stored["dates_match"], json!(true));
    // References are read out and typed in any case.
    let lower = get(
        &receiver,
        &format!("/v1/submissions/{}", reference.to_lowercase()),
    );
    assert_eq!(lower.status, 200);

    // Dates the client got wrong are kept, and flagged.
    let wrong = set(&body, "/expected_dates/0/date", json!("2026-12-09"));
    let reply = post(&receiver, Some("wrong-dates"), wrong.to_string());
    assert_eq!(reply.status, 201);
    let record = read_back(&receiver, &reply);
    assert_eq!(record["dates_match"], json!(false));
    assert_eq!(record["submission"], wrong);
    assert_eq!(record["server_expected_dates"], body["expected_dates"]);

    // Every kind of the contract's examples is taken.
    for kind in [
        "complaint",
        "concern",
        "escalation",
        "compliment",
        "comment",
    ] {
        let reply = post(&receiver, Some(kind), example(kind).to_string());
        assert_eq!(reply.status, 201, "{kind}: {}", reply.text);
        let record = read_back(&receiver, &reply);
        assert_eq!(record["dates_match"], json!(true), "{kind}");
    }
}

#[test]
fn routes_methods_and_the_contract_document() {
    let dir = TempDir::new("routes");
    let receiver = Receiver::start(&dir, &[]);
    let health = get(&receiver, "/health");
    assert_eq!(
        (health.status, health.json()),
        (200, json!({ "status": "ok" }))
    );
    let contract = get(&receiver, "/v1/openapi.yaml");
    assert_eq!(contract.status, 200);
    assert_eq!(
        contract.text,
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/openapi.yaml"))
            .unwrap()
    );
    assert!(contract.header("content-type").unwrap().contains("yaml"));
    for path in [
        "/",
        "/v1",
        "/v1/submission",
        "/v1/submissions/",
        "/v1/submissions/a/b",
    ] {
        let reply = get(&receiver, path);
        assert_eq!(reply.status, 404, "{path}");
        assert_eq!(reply.fields(), [""]);
    }
    let missing = get(&receiver, "/v1/submissions/RC-2222-2222");
    assert_eq!(missing.status, 404);
    let wrong_method = get(&receiver, "/v1/submissions");
    assert_eq!(wrong_method.status, 405);
    assert_eq!(wrong_method.header("allow"), Some("POST, OPTIONS"));
    let put = reply(agent().put(receiver.url("/health")).send("x"));
    assert_eq!(
        (put.status, put.header("allow")),
        (405, Some("GET, OPTIONS"))
    );
    let delete = reply(
        agent()
            .delete(receiver.url("/v1/submissions/RC-2222-2222"))
            .call(),
    );
    assert_eq!(delete.status, 405);
}

#[test]
fn cors_answers_allowed_origins_only() {
    let dir = TempDir::new("cors");
    let app = "http://127.0.0.1:8080";
    let receiver = Receiver::start(
        &dir,
        &["--allow-origin", app, "--allow-origin", "https://x.test"],
    );
    let preflight = |origin: &str| {
        reply(
            agent()
                .options(receiver.url("/v1/submissions"))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header(
                    "Access-Control-Request-Headers",
                    "content-type, idempotency-key",
                )
                .call(),
        )
    };
    let allowed = preflight(app);
    assert_eq!(allowed.status, 204);
    assert_eq!(allowed.header("access-control-allow-origin"), Some(app));
    assert_eq!(
        allowed.header("access-control-allow-headers"),
        Some("Content-Type, Idempotency-Key")
    );
    assert!(allowed
        .header("access-control-allow-methods")
        .unwrap()
        .contains("POST"));
    assert_eq!(allowed.header("vary"), Some("Origin"));

    let other = preflight("http://evil.test");
    assert_eq!(other.status, 403);
    assert_eq!(other.header("access-control-allow-origin"), None);

    // The real request: the allowed origin is echoed and Retry-After is readable by the page.
    let posted = reply(
        agent()
            .post(receiver.url("/v1/submissions"))
            .header("Origin", app)
            .header("Idempotency-Key", "cors")
            .content_type("application/json")
            .send(complaint(1).to_string()),
    );
    assert_eq!(posted.status, 201);
    assert_eq!(posted.header("access-control-allow-origin"), Some(app));
    assert_eq!(
        posted.header("access-control-expose-headers"),
        Some("Retry-After")
    );
    let elsewhere = reply(
        agent()
            .get(receiver.url("/health"))
            .header("Origin", "http://evil.test")
            .call(),
    );
    assert_eq!(elsewhere.header("access-control-allow-origin"), None);
}

#[test]
fn with_faults_a_client_that_retries_with_its_key_stores_each_once() {
    let dir = TempDir::new("faults");
    let receiver = Receiver::start(&dir, &["--fail-rate", "0.5"]);
    let mut statuses = Vec::new();
    let mut references = HashSet::new();
    for n in 0..20 {
        let key = format!("fault-{n}");
        let body = complaint(n).to_string();
        let mut tries = 0;
        let receipt = loop {
            tries += 1;
            assert!(tries <= 60, "submission {n} never got through");
            let reply = post(&receiver, Some(&key), &body);
            statuses.push(reply.status);
            match reply.status {
                200 | 201 => break reply.json(),
                503 => assert_eq!(reply.header("retry-after"), Some("1")),
                other => panic!("unexpected {other}: {}", reply.text),
            }
            // A real client waits Retry-After; this one is in a hurry.
        };
        references.insert(receipt["reference"].as_str().unwrap().to_string());
    }
    assert_eq!(references.len(), 20);
    assert_eq!(count_rows(&dir), 20, "each stored exactly once");
    assert!(statuses.contains(&503));
    // A lost answer (a fault after storing) shows up as a 200 on the retry.
    assert!(statuses.contains(&200), "{statuses:?}");
}

#[test]
fn fail_status_and_delay_flags() {
    let dir = TempDir::new("flags");
    let receiver = Receiver::start(
        &dir,
        &[
            "--fail-rate",
            "1",
            "--fail-status",
            "429",
            "--delay-ms",
            "300",
        ],
    );
    let started = Instant::now();
    let reply = post(&receiver, Some("k"), complaint(1).to_string());
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(reply.status, 429);
    assert_eq!(reply.header("retry-after"), Some("1"));
    // Only /v1/ waits: a health check stays quick.
    let started = Instant::now();
    assert_eq!(get(&receiver, "/health").status, 200);
    assert!(started.elapsed() < Duration::from_millis(300));

    // Bad flags are refused with the usage.
    let out = Command::new(receiver_binary())
        .args(["--addr", "127.0.0.1:0", "--db", "x", "--fail-rate", "2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage:"));
}
