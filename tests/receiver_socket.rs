//! The built receiver binary over real sockets: what only a real connection shows. Slow
//! clients that cannot take it offline, a kill -9 that loses nothing acknowledged, 200
//! submissions at once, requests no client library would send, references that cannot be
//! predicted, and the command line. `tests/receiver.rs` covers the rest in-process.

mod common;

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{complaint, count_rows, TempDir, STAFF, UNLIMITED};
use resident_complaints::domain::calendar::uk_time;
use resident_complaints::domain::policy::Policy;
use resident_complaints::domain::submission::Submission;
use resident_complaints::domain::{examples, triage};
use serde_json::{json, Value};

/// A running receiver, killed when dropped.
struct Receiver {
    child: Child,
    base: String,
    addr: String,
}

impl Receiver {
    /// Starts the binary on a free port, storing in `dir`, staff reading with `STAFF`.
    fn start(dir: &TempDir, extra: &[&str]) -> Receiver {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.path("receiver.log"))
            .unwrap();
        std::fs::write(dir.path("staff-token"), STAFF).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_receiver"))
            .args(["--addr", "127.0.0.1:0", "--db"])
            .arg(dir.path("receiver.sqlite"))
            .arg("--staff-token-file")
            .arg(dir.path("staff-token"))
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

fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(timeout))
        .build()
        .into()
}

/// Status and JSON of an answer.
fn answer(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> (u16, Value) {
    let mut response = result.expect("the receiver answers");
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn post(receiver: &Receiver, key: &str, body: &Value) -> (u16, Value) {
    answer(
        agent(Duration::from_secs(60))
            .post(receiver.url("/v1/submissions"))
            .header("Idempotency-Key", key)
            .content_type("application/json")
            .send(body.to_string()),
    )
}

/// The submission stored under `reference`, as staff read it.
fn stored(receiver: &Receiver, reference: &str) -> (u16, Value) {
    answer(
        agent(Duration::from_secs(60))
            .get(receiver.url(&format!("/v1/submissions/{reference}")))
            .header("Authorization", format!("Bearer {STAFF}"))
            .call(),
    )
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

#[test]
fn slow_clients_cannot_take_it_offline() {
    let dir = TempDir::new("slow");
    let receiver = Receiver::start(
        &dir,
        &["--header-timeout-secs", "3", "--upload-grace-secs", "3", "--post-burst", "100"],
    );
    // 32 connections that send a byte every 2 seconds: half still on their headers, half on
    // a body they say is 100 KB.
    let slow: Vec<TcpStream> = (0..32)
        .map(|i| {
            let mut stream = TcpStream::connect(&receiver.addr).unwrap();
            let start: &[u8] = if i % 2 == 0 {
                b"GET /health HTTP/1.1\r\nHost: x\r\n"
            } else {
                b"POST /v1/submissions HTTP/1.1\r\nHost: x\r\nIdempotency-Key: slow\r\n\
                  Content-Length: 100000\r\n\r\n{"
            };
            stream.write_all(start).unwrap();
            stream
        })
        .collect();
    let trickle = std::thread::spawn(move || {
        let mut streams = slow;
        let started = Instant::now();
        let mut cut_off = 0;
        while started.elapsed() < Duration::from_secs(12) && !streams.is_empty() {
            streams.retain_mut(|stream| {
                let open = stream.write_all(b"a").is_ok();
                cut_off += usize::from(!open);
                open
            });
            std::thread::sleep(Duration::from_secs(2));
        }
        (cut_off, streams.len())
    });
    std::thread::sleep(Duration::from_millis(500));

    // Meanwhile everyone else is answered at once.
    for n in 0..5 {
        let started = Instant::now();
        let (status, _) = answer(agent(Duration::from_secs(10)).get(receiver.url("/health")).call());
        assert_eq!(status, 200);
        let (status, receipt) = post(&receiver, &format!("quick-{n}"), &complaint(n));
        assert_eq!(status, 201, "{receipt}");
        assert!(started.elapsed() < Duration::from_secs(1), "{:?}", started.elapsed());
        std::thread::sleep(Duration::from_millis(500));
    }
    // And the slow ones were let go, not kept for as long as they liked.
    let (cut_off, still_open) = trickle.join().unwrap();
    assert_eq!(still_open, 0, "{cut_off} cut off, {still_open} still open after 12 s");
}

#[test]
fn a_killed_receiver_loses_nothing_it_acknowledged() {
    let dir = TempDir::new("restart");
    let receiver = Receiver::start(&dir, &UNLIMITED);
    // Clients keep sending while the receiver is killed mid-flow.
    let (sender, acknowledged) = mpsc::channel::<(usize, String)>();
    let senders: Vec<_> = (0..8)
        .map(|t| {
            let (sender, url) = (sender.clone(), receiver.url("/v1/submissions"));
            std::thread::spawn(move || {
                let agent = agent(Duration::from_secs(10));
                for i in 0..200 {
                    let n = t * 1000 + i;
                    let sent = agent
                        .post(&url)
                        .header("Idempotency-Key", format!("restart-{n}"))
                        .content_type("application/json")
                        .send(complaint(n).to_string());
                    let Ok(mut response) = sent else { return };
                    if response.status() == 201 {
                        let text = response.body_mut().read_to_string().unwrap();
                        let receipt: Value = serde_json::from_str(&text).unwrap();
                        let reference = receipt["reference"].as_str().unwrap().to_string();
                        if sender.send((n, reference)).is_err() {
                            return;
                        }
                    }
                }
            })
        })
        .collect();
    drop(sender);
    // Killed once 20 have been acknowledged, however slow the machine: mid-flow, not before.
    let mut before_kill = Vec::new();
    while before_kill.len() < 20 {
        before_kill.push(
            acknowledged
                .recv_timeout(Duration::from_secs(60))
                .expect("submissions are acknowledged"),
        );
    }
    receiver.kill();
    for thread in senders {
        thread.join().unwrap();
    }
    let acknowledged: Vec<(usize, String)> = before_kill.into_iter().chain(acknowledged.iter()).collect();
    assert!(acknowledged.len() < 1600, "the kill came after all the submissions");

    let receiver = Receiver::start(&dir, &UNLIMITED);
    for (n, reference) in &acknowledged {
        let (status, record) = stored(&receiver, reference);
        assert_eq!(status, 200, "{reference} was acknowledged but is gone");
        assert_eq!(record["submission"], complaint(*n));
        // A client that never saw the answer sends it again: the same reference.
        let (status, again) = post(&receiver, &format!("restart-{n}"), &complaint(*n));
        assert_eq!(status, 200);
        assert_eq!(again["reference"], json!(reference));
    }
}

#[test]
fn two_hundred_concurrent_submissions_are_all_stored_once() {
    let dir = TempDir::new("concurrent");
    let receiver = Receiver::start(&dir, &UNLIMITED);
    // 20 threads × 10 submissions: a bounded load on loopback.
    let references: Vec<(usize, String)> = std::thread::scope(|scope| {
        let threads: Vec<_> = (0..20)
            .map(|t| {
                let receiver = &receiver;
                scope.spawn(move || {
                    (0..10)
                        .map(|i| {
                            let n = t * 10 + i;
                            let (status, receipt) = post(receiver, &format!("load-{n}"), &complaint(n));
                            assert_eq!(status, 201, "{n}: {receipt}");
                            (n, receipt["reference"].as_str().unwrap().to_string())
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        threads.into_iter().flat_map(|t| t.join().unwrap()).collect()
    });
    let distinct: HashSet<&String> = references.iter().map(|(_, r)| r).collect();
    assert_eq!(distinct.len(), 200, "every reference is different");
    for (n, reference) in &references {
        let (status, record) = stored(&receiver, reference);
        assert_eq!(status, 200);
        assert_eq!(record["submission"], complaint(*n));
    }
    assert_eq!(count_rows(&dir), 200);
}

#[test]
fn requests_no_client_library_would_send() {
    let dir = TempDir::new("raw");
    let receiver = Receiver::start(&dir, &UNLIMITED);
    // A claimed length far beyond the limit, with a tiny body: 413 at once, nothing read.
    let huge = raw(
        &receiver,
        b"POST /v1/submissions HTTP/1.1\r\nHost: x\r\nIdempotency-Key: k\r\n\
          Content-Length: 1000000000000000\r\n\r\n{}",
    );
    assert!(huge.starts_with("HTTP/1.1 413 "), "{huge}");
    assert!(huge.contains(r#""errors""#), "{huge}");
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
    assert!(answer.starts_with("HTTP/1.1 413 "), "{}", &answer[..answer.len().min(200)]);
    // A chunked body within the limit is read like any other.
    let text = complaint(1).to_string();
    let small = format!(
        "POST /v1/submissions HTTP/1.1\r\nHost: x\r\nIdempotency-Key: small\r\n\
         Transfer-Encoding: chunked\r\n\r\n{:x}\r\n{text}\r\n0\r\n\r\n",
        text.len()
    );
    let answer = raw(&receiver, small.as_bytes());
    assert!(answer.starts_with("HTTP/1.1 201 "), "{answer}");
    // Nonsense that is not HTTP at all, and too many headers: refused, and still up.
    assert!(raw(&receiver, b"GARBAGE\r\n\r\n").starts_with("HTTP/1.1 400 "));
    let many = format!("GET /health HTTP/1.1\r\n{}\r\n", "X-A: b\r\n".repeat(200));
    assert!(raw(&receiver, many.as_bytes()).starts_with("HTTP/1.1 431 "));
    let (status, _) = answer_of(&receiver, "/health");
    assert_eq!(status, 200);
    assert_eq!(count_rows(&dir), 1);
}

fn answer_of(receiver: &Receiver, path: &str) -> (u16, Value) {
    answer(agent(Duration::from_secs(10)).get(receiver.url(path)).call())
}

#[test]
fn a_panic_over_a_socket_is_a_500_and_the_process_goes_on() {
    let dir = TempDir::new("panic");
    let receiver = Receiver::start(&dir, &["--panic-rate", "1"]);
    for n in 0..3 {
        let (status, body) = post(&receiver, &format!("k{n}"), &complaint(n));
        assert_eq!(status, 500, "{body}");
        assert_eq!(answer_of(&receiver, "/health").0, 200);
    }
}

/// The old receiver drew references from splitmix64, one output per reference, written in
/// base 30. Given one reference, the 2^25 or so 64-bit outputs it could have come from are few
/// enough to try: each gives the generator's state, hence the next reference. The attack
/// worked on every reference tried; here it must find nothing.
#[test]
fn a_reference_cannot_be_predicted_from_two_others() {
    const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;
    const M1: u64 = 0xBF58_476D_1CE4_E5B9;
    const M2: u64 = 0x94D0_49BB_1331_11EB;
    const SPACE: u64 = 30u64.pow(8);
    fn mix(mut z: u64) -> u64 {
        z = (z ^ (z >> 30)).wrapping_mul(M1);
        z = (z ^ (z >> 27)).wrapping_mul(M2);
        z ^ (z >> 31)
    }
    fn unshift(y: u64, s: u32) -> u64 {
        let mut x = y;
        for _ in 0..(64 / s + 1) {
            x = y ^ (x >> s);
        }
        x
    }
    fn inverse(m: u64) -> u64 {
        let mut x = m;
        for _ in 0..6 {
            x = x.wrapping_mul(2u64.wrapping_sub(m.wrapping_mul(x)));
        }
        x
    }
    fn unmix(z: u64) -> u64 {
        let z = unshift(z, 31).wrapping_mul(inverse(M2));
        let z = unshift(z, 27).wrapping_mul(inverse(M1));
        unshift(z, 30)
    }
    /// The number a reference wrote out, least significant character first.
    fn value(reference: &str) -> u64 {
        const ALPHABET: &str = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
        reference[3..]
            .chars()
            .filter(|c| *c != '-')
            .rev()
            .fold(0, |n, c| n * 30 + ALPHABET.find(c).unwrap() as u64)
    }
    assert_eq!(unmix(mix(12_345)), 12_345);

    let dir = TempDir::new("predict");
    let receiver = Receiver::start(&dir, &[]);
    let references: Vec<u64> = (0..3)
        .map(|n| {
            let (status, receipt) = post(&receiver, &format!("p{n}"), &complaint(n));
            assert_eq!(status, 201);
            value(receipt["reference"].as_str().unwrap())
        })
        .collect();
    // Every output the first reference could have come from, on both cores.
    let found: Vec<u64> = std::thread::scope(|scope| {
        let halves: Vec<_> = (0..2u64)
            .map(|half| {
                let references = &references;
                scope.spawn(move || {
                    let candidates = u64::MAX / SPACE + 1;
                    let (from, to) = (half * candidates / 2, (half + 1) * candidates / 2);
                    (from..to)
                        .filter_map(|k| {
                            let output = references[0].checked_add(k.checked_mul(SPACE)?)?;
                            let state = unmix(output);
                            let next = mix(state.wrapping_add(GAMMA));
                            (next % SPACE == references[1])
                                .then(|| mix(state.wrapping_add(GAMMA.wrapping_mul(2))) % SPACE)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        halves.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    assert!(
        !found.contains(&references[2]),
        "the third reference was predicted from the first two"
    );
}

#[test]
fn the_command_line_refuses_what_it_cannot_run_with() {
    let dir = TempDir::new("flags");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_receiver"))
            .args(args)
            .output()
            .unwrap()
    };
    let db = dir.path("x.sqlite").display().to_string();
    let out = run(&["--addr", "127.0.0.1:0", "--db", &db, "--fail-rate", "2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("from 0 to 1"));
    let out = run(&["--addr", "127.0.0.1:0", "--db", &db, "--post-burst", "0"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["--addr", "127.0.0.1:0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--db"));
    // A staff token short enough to guess: refused before listening.
    std::fs::write(dir.path("short"), "password1").unwrap();
    let short = dir.path("short").display().to_string();
    let out = run(&["--addr", "127.0.0.1:0", "--db", &db, "--staff-token-file", &short]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 32 characters"));
}

/// A landlord's own profile: greatwell's, under another id, with its own working days.
fn own_profile(dir: &TempDir) -> (std::path::PathBuf, Policy) {
    let mut json: Value =
        serde_json::from_str(include_str!("../public/policies/greatwell.json")).unwrap();
    json["id"] = json!("acacia-homes");
    json["stages"]["stage1"]["acknowledge"]["days"] = json!(7);
    json["stages"]["stage1"]["respond"]["days"] = json!(15);
    let path = dir.path("acacia-homes.json");
    std::fs::write(&path, serde_json::to_string_pretty(&json).unwrap()).unwrap();
    (path, Policy::from_json(&json.to_string()).unwrap())
}

#[test]
fn a_landlords_own_profile_is_taken_and_its_dates_worked_out_again() {
    let dir = TempDir::new("own-profile");
    let (file, policy) = own_profile(&dir);
    let receiver = Receiver::start(&dir, &["--policy", &file.display().to_string()]);
    let now = uk_time(chrono::Utc::now());
    let draft = examples::complaint(&policy.id);
    let assessment = triage::assess(&policy, &draft, now.date_naive());
    let submission = Submission::build(&policy, &draft, &assessment, now);
    let body = serde_json::to_value(&submission).unwrap();
    let (status, receipt) = post(&receiver, "own-profile", &body);
    assert_eq!(status, 201, "{receipt}");
    let (status, record) = stored(&receiver, receipt["reference"].as_str().unwrap());
    assert_eq!(status, 200, "{record}");
    assert_eq!(record["submission"]["profile"]["id"], json!("acacia-homes"));
    assert_eq!(record["dates_match"], json!(true), "{record}");
    // Its own working days, not greatwell's, whose dates are not the same.
    let greatwell = Policy::builtin("greatwell").unwrap();
    let theirs = Submission::dates_for(&greatwell, submission.kind, submission.submitted_at);
    assert_eq!(record["server_expected_dates"], json!(submission.expected_dates));
    assert_ne!(json!(theirs), json!(submission.expected_dates));
    // A receiver without the file does not know it.
    drop(receiver);
    let other = TempDir::new("own-profile-unknown");
    let without = Receiver::start(&other, &[]);
    let (status, refusal) = post(&without, "own-profile", &body);
    assert_eq!(status, 422, "{refusal}");
    assert_eq!(refusal["errors"][0]["field"], json!("/profile/id"));
}

#[test]
fn a_broken_profile_stops_the_receiver_from_starting_and_says_why() {
    let dir = TempDir::new("broken-profile");
    let (file, _) = own_profile(&dir);
    let mut json: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    // Three mistakes.
    json["version"] = json!("");
    json["stages"]["stage1"]["respond"]["days"] = json!(0);
    json["stages"]["stage2"]["request_window"]["from"] = json!("receipt");
    let broken = dir.path("broken.json");
    std::fs::write(&broken, json.to_string()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_receiver"))
        .args(["--addr", "127.0.0.1:0", "--db"])
        .arg(dir.path("receiver.sqlite"))
        .arg("--policy")
        .arg(&broken)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "it never listened");
    let said = String::from_utf8(out.stderr).unwrap();
    let broken = broken.display();
    for problem in [
        "version: must not be empty".to_string(),
        "stages.stage1.respond.days: must be between 1 and 260".to_string(),
        "stages.stage2.request_window.from: \"receipt\" cannot start this clock; use one of \"stage1-response\"".to_string(),
    ] {
        assert!(said.contains(&format!("{broken}: {problem}\n")), "{problem} in:\n{said}");
    }
    assert!(!dir.path("receiver.sqlite").exists(), "no database is made");
}

/// What a landlord's system received: each request's signature header and body.
type Received = std::sync::Arc<std::sync::Mutex<Vec<(String, String)>>>;

/// A landlord's system on a free port: it answers the first `failures` requests with a 500,
/// the rest with a 200 after `delay`. Returns its address and what it received.
fn sink(failures: usize, delay: Duration) -> (String, Received) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let received = Received::default();
    let log = received.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let mut reader = BufReader::new(stream.unwrap());
            let (mut length, mut signature) = (0, String::new());
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap() > 2 {
                let (name, value) = line.split_once(':').unwrap_or((&line, ""));
                match name.to_ascii_lowercase().as_str() {
                    "content-length" => length = value.trim().parse().unwrap(),
                    "x-signature-256" => signature = value.trim().to_string(),
                    _ => {}
                }
                line.clear();
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let n = {
                let mut log = log.lock().unwrap();
                log.push((signature, String::from_utf8(body).unwrap()));
                log.len()
            };
            let status = if n <= failures { "500 Internal Server Error" } else { "200 OK" };
            std::thread::sleep(delay);
            let answer = format!("HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            let _ = reader.get_mut().write_all(answer.as_bytes());
        }
    });
    (url, received)
}

/// Waits up to 20 seconds for `count` requests to arrive, then a little more for any extra.
fn wait_for(received: &Received, count: usize) -> Vec<(String, String)> {
    let started = Instant::now();
    while received.lock().unwrap().len() < count && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(500));
    received.lock().unwrap().clone()
}

const FORWARD_SECRET: &str = "forward-secret-for-the-tests-0123456789";

fn forwarding(dir: &TempDir, url: &str) -> Vec<String> {
    std::fs::write(dir.path("forward-secret"), FORWARD_SECRET).unwrap();
    let secret_file = dir.path("forward-secret").display().to_string();
    ["--forward-webhook", url, "--forward-secret-file", &secret_file, "--forward-retry-ms", "200"]
        .map(String::from)
        .to_vec()
}

#[test]
fn each_new_submission_is_forwarded_once_signed_and_the_resident_does_not_wait() {
    use hmac::Mac;
    let dir = TempDir::new("forward");
    // A slow landlord's system: the resident's answer does not wait for it.
    let (url, received) = sink(0, Duration::from_secs(3));
    let flags = forwarding(&dir, &url);
    let receiver = Receiver::start(&dir, &flags.iter().map(String::as_str).collect::<Vec<_>>());
    let started = Instant::now();
    let (status, receipt) = post(&receiver, "forward", &complaint(1));
    assert_eq!(status, 201, "{receipt}");
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
    // A retry of the same submission is not forwarded again.
    assert_eq!(post(&receiver, "forward", &complaint(1)).0, 200);

    let got = wait_for(&received, 1);
    assert_eq!(got.len(), 1, "forwarded once: {got:?}");
    let (signature, body) = &got[0];
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(FORWARD_SECRET.as_bytes()).unwrap();
    mac.update(body.as_bytes());
    let hex = signature.strip_prefix("sha256=").expect("sha256=<hex>");
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect();
    mac.verify_slice(&bytes).expect("the signature verifies");
    // What staff read of it.
    let forwarded: Value = serde_json::from_str(body).unwrap();
    let (_, record) = stored(&receiver, receipt["reference"].as_str().unwrap());
    assert_eq!(forwarded["reference"], receipt["reference"]);
    assert_eq!(forwarded["received_at"], receipt["received_at"]);
    assert_eq!(forwarded["submission"], complaint(1));
    assert_eq!(forwarded, record);
    assert!(!body.contains(receipt["access_token"].as_str().unwrap()), "no access token");
}

#[test]
fn a_landlords_system_that_fails_twice_still_gets_the_submission() {
    let dir = TempDir::new("forward-retry");
    let (url, received) = sink(2, Duration::ZERO);
    let flags = forwarding(&dir, &url);
    let receiver = Receiver::start(&dir, &flags.iter().map(String::as_str).collect::<Vec<_>>());
    let (status, receipt) = post(&receiver, "forward", &complaint(1));
    assert_eq!(status, 201, "{receipt}");
    // 200 ms, then 600 ms later: the third attempt gets through, and there is no fourth.
    let got = wait_for(&received, 3);
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got.iter().all(|attempt| attempt == &got[0]), "the same body and signature each time");
    let forwarded: Value = serde_json::from_str(&got[2].1).unwrap();
    assert_eq!(forwarded["reference"], receipt["reference"]);
    let log = std::fs::read_to_string(dir.path("receiver.log")).unwrap();
    assert_eq!(log.matches("trying again").count(), 2, "{log}");
}

#[test]
fn forwarding_needs_a_plain_http_address_and_a_long_secret() {
    let dir = TempDir::new("forward-flags");
    let db = dir.path("x.sqlite").display().to_string();
    let run = |extra: &[String]| {
        Command::new(env!("CARGO_BIN_EXE_receiver"))
            .args(["--addr", "127.0.0.1:0", "--db", &db])
            .args(extra)
            .output()
            .unwrap()
    };
    let mut https = forwarding(&dir, "https://crm.example/hook");
    let out = run(&https);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("must be an http:// address"));
    std::fs::write(dir.path("forward-secret"), "short").unwrap();
    https[1] = "http://127.0.0.1:9/hook".into();
    let out = run(&https);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 32 characters"));
    // One without the other is a mistake in the command line.
    let out = run(&["--forward-webhook".into(), "http://127.0.0.1:9/hook".into()]);
    assert_eq!(out.status.code(), Some(2));
}

/// docs/receiver.md shows `receiver --help` as it is.
#[test]
fn the_guide_shows_the_help_as_it_is() {
    let out = Command::new(env!("CARGO_BIN_EXE_receiver"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    let guide =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/receiver.md")).unwrap();
    let block = format!("```text\n$ receiver --help\n{}```", help);
    assert!(
        guide.contains(&block),
        "docs/receiver.md's help block is out of date; it should read:\n\n{block}"
    );
}
