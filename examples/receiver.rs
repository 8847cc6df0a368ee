//! The reference receiver for the HTTP contract (v1), `public/openapi.yaml`: it validates a
//! submission with the crate's own types and checks, stores it once per `Idempotency-Key` in
//! SQLite, and answers with a reference. For local use (`make serve`), the tests, and as a
//! starting point for a landlord's backend.
//!
//! ```text
//! cargo run --release --example receiver -- --addr 127.0.0.1:8081 --db target/receiver.sqlite \
//!     [--allow-origin ORIGIN]... [--fail-rate F] [--delay-ms N] [--fail-status CODE]
//! ```
//!
//! The fault flags make it misbehave on purpose, to test clients: `--fail-rate F` fails that
//! fraction of POSTs with `--fail-status` (default 503) and `Retry-After: 1`, half of them
//! before storing and half after (the answer is lost), so only a client that retries with the
//! same key gets each submission stored exactly once; `--delay-ms N` waits before handling
//! each `/v1/` request.
//!
//! The HTTP/1.1 server is plain std with a fixed pool of worker threads and one request per
//! connection (`Connection: close`), so that it controls every byte it reads: the body is
//! read up to the limit and no further, whatever `Content-Length` claims. (tiny_http, the
//! obvious crate, allocates the whole claimed remainder of a body it has not read when the
//! request is dropped, so a request claiming a huge body could abort the process.)

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use chrono::{Datelike, SecondsFormat, Utc};
use resident_complaints::domain::policy::Policy;
use resident_complaints::domain::submission::{Submission, CONTRACT_VERSION};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::{json, Value};

/// The largest request body, as documented in the contract: room for the text and, later, up
/// to 5 photos of under 500 KB each in base64.
const BODY_LIMIT: usize = 8 * 1024 * 1024;
/// The request line and headers together.
const HEAD_LIMIT: usize = 16 * 1024;
const MAX_HEADERS: usize = 64;
const WORKERS: usize = 16;
/// A client that sends nothing for this long is dropped, so it cannot hold a worker for ever.
const IO_TIMEOUT: Duration = Duration::from_secs(30);
const OPENAPI: &str = include_str!("../public/openapi.yaml");

const USAGE: &str = "usage: receiver --addr HOST:PORT --db PATH [--allow-origin ORIGIN]... \
[--fail-rate F] [--delay-ms N] [--fail-status CODE]

  --addr HOST:PORT       where to listen (port 0 picks a free port; the address is printed)
  --db PATH              the SQLite file (created if missing)
  --allow-origin ORIGIN  let a browser page from ORIGIN call it (CORS); repeatable; * for any
  --fail-rate F          fail this fraction (0 to 1) of POSTs, half before and half after storing
  --fail-status CODE     the status of those failures (default 503), sent with Retry-After: 1
  --delay-ms N           wait N milliseconds before handling each /v1/ request";

fn main() {
    let config = match parse_args(std::env::args().skip(1)) {
        Ok(config) => config,
        Err(message) if message.is_empty() => {
            println!("{USAGE}");
            return;
        }
        Err(message) => {
            eprintln!("receiver: {message}\n{USAGE}");
            std::process::exit(2);
        }
    };
    let store = Store::open(&config.db).unwrap_or_else(|e| {
        eprintln!("receiver: cannot open the database {}: {e}", config.db);
        std::process::exit(1);
    });
    let listener = TcpListener::bind(&config.addr).unwrap_or_else(|e| {
        eprintln!("receiver: cannot listen on {}: {e}", config.addr);
        std::process::exit(1);
    });
    let local = listener
        .local_addr()
        .expect("a bound socket has an address");
    seed_random();
    let app = Arc::new(App {
        policies: Policy::builtin_ids()
            .iter()
            .filter_map(|id| Some((id.to_string(), Policy::builtin(id)?)))
            .collect(),
        store,
        config,
        faults: AtomicU64::new(0),
    });

    // Accepted connections wait in a bounded queue for a fixed pool of workers: under load,
    // new connections wait in the kernel's backlog rather than each getting a thread.
    let (sender, receiver) = mpsc::sync_channel::<TcpStream>(WORKERS * 4);
    let receiver = Arc::new(Mutex::new(receiver));
    for _ in 0..WORKERS {
        let (app, receiver) = (app.clone(), receiver.clone());
        std::thread::spawn(move || loop {
            let next = lock(&receiver).recv();
            match next {
                Ok(stream) => app.serve(stream),
                Err(_) => return,
            }
        });
    }
    println!("listening on http://{local}");
    io::stdout().flush().ok();
    for stream in listener.incoming() {
        match stream {
            Ok(stream) => {
                if sender.send(stream).is_err() {
                    return;
                }
            }
            // Out of file descriptors, or a connection reset before it was accepted.
            Err(e) => {
                eprintln!("receiver: accept: {e}");
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Command line

struct Config {
    addr: String,
    db: String,
    origins: Vec<String>,
    fail_rate: f64,
    fail_status: u16,
    delay: Duration,
}

/// Reads the arguments; `Err("")` asks for the usage text.
fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Config, String> {
    let mut addr = None;
    let mut db = None;
    let mut config = Config {
        addr: String::new(),
        db: String::new(),
        origins: Vec::new(),
        fail_rate: 0.0,
        fail_status: 503,
        delay: Duration::ZERO,
    };
    while let Some(arg) = args.next() {
        // Both `--name value` and `--name=value`.
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name.to_string(), Some(value.into())),
            _ => (arg.clone(), None),
        };
        if name == "--help" || name == "-h" {
            return Err(String::new());
        }
        let value = match inline.or_else(|| args.next()) {
            Some(value) => value,
            None => return Err(format!("{name} needs a value")),
        };
        let bad = |what: &str| format!("{name} {value:?}: {what}");
        match name.as_str() {
            "--addr" => addr = Some(value),
            "--db" => db = Some(value),
            "--allow-origin" => config.origins.push(value.trim_end_matches('/').to_string()),
            "--fail-rate" => {
                config.fail_rate = value
                    .parse::<f64>()
                    .ok()
                    .filter(|rate| (0.0..=1.0).contains(rate))
                    .ok_or_else(|| bad("must be a number from 0 to 1"))?;
            }
            "--fail-status" => {
                config.fail_status = value
                    .parse::<u16>()
                    .ok()
                    .filter(|status| (400..=599).contains(status))
                    .ok_or_else(|| bad("must be an HTTP error status, 400 to 599"))?;
            }
            "--delay-ms" => {
                config.delay = Duration::from_millis(
                    value
                        .parse::<u64>()
                        .map_err(|_| bad("must be a whole number of milliseconds"))?,
                );
            }
            _ => return Err(format!("unknown argument {arg:?}")),
        }
    }
    config.addr = addr.ok_or("--addr is required")?;
    config.db = db.ok_or("--db is required")?;
    Ok(config)
}

// ---------------------------------------------------------------------------------------------
// HTTP: just enough of HTTP/1.1, reading nothing beyond the limits.

struct Request {
    method: String,
    /// Without the query string.
    path: String,
    /// Names in lower case.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

enum ReadError {
    /// The client closed the connection before sending anything.
    Closed,
    Io(io::Error),
    /// Answered with this status and message; `unread` is set when part of the body was
    /// never read, so the connection must be drained before it is closed.
    Answer {
        status: u16,
        message: String,
        unread: bool,
    },
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

fn answer(status: u16, message: impl Into<String>) -> ReadError {
    ReadError::Answer {
        status,
        message: message.into(),
        unread: false,
    }
}

fn too_large() -> ReadError {
    ReadError::Answer {
        status: 413,
        message: format!("the body is larger than the limit of {BODY_LIMIT} bytes (8 MiB)"),
        unread: true,
    }
}

/// Reads one line (up to and including `\n`), at most `limit` bytes.
fn read_line(reader: &mut impl BufRead, into: &mut Vec<u8>, limit: usize) -> io::Result<usize> {
    reader.take(limit as u64).read_until(b'\n', into)
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Result<Request, ReadError> {
    // The head: lines up to the first empty one after the request line.
    let mut head = Vec::new();
    let mut started = false;
    loop {
        let start = head.len();
        let n = read_line(reader, &mut head, HEAD_LIMIT + 1 - start)?;
        if n == 0 {
            return Err(if head.is_empty() {
                ReadError::Closed
            } else {
                answer(400, "the request ended before its headers did")
            });
        }
        if head.len() > HEAD_LIMIT {
            return Err(answer(431, "the request line and headers are too large"));
        }
        let blank = matches!(&head[start..], b"\r\n" | b"\n");
        if blank && started {
            break;
        }
        started |= !blank;
    }
    let mut slots = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut parsed = httparse::Request::new(&mut slots);
    match parsed.parse(&head) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => return Err(answer(400, "the request is incomplete")),
        Err(httparse::Error::TooManyHeaders) => return Err(answer(431, "too many headers")),
        Err(e) => return Err(answer(400, format!("not an HTTP request: {e}"))),
    }
    let target = parsed.path.unwrap_or("/");
    let request = Request {
        method: parsed.method.unwrap_or("").to_string(),
        path: target.split(['?', '#']).next().unwrap_or("").to_string(),
        headers: parsed
            .headers
            .iter()
            .map(|h| {
                let value = String::from_utf8_lossy(h.value).trim().to_string();
                (h.name.to_ascii_lowercase(), value)
            })
            .collect(),
        body: Vec::new(),
    };
    read_body(reader, request)
}

fn read_body(
    reader: &mut BufReader<TcpStream>,
    mut request: Request,
) -> Result<Request, ReadError> {
    let chunked = match request.header("transfer-encoding") {
        None => false,
        Some(te) if te.eq_ignore_ascii_case("chunked") => true,
        Some(te) => {
            return Err(answer(
                400,
                format!("Transfer-Encoding {te:?} is not supported"),
            ))
        }
    };
    let lengths: Vec<&str> = request
        .headers
        .iter()
        .filter(|(n, _)| n == "content-length")
        .map(|(_, v)| v.as_str())
        .collect();
    let length = match lengths.first() {
        _ if chunked => None,
        None => Some(0),
        Some(first) => {
            let valid = !first.is_empty()
                && first.len() <= 20
                && first.bytes().all(|b| b.is_ascii_digit())
                && lengths.iter().all(|l| l == first);
            match first.parse::<u64>() {
                Ok(n) if valid => Some(n),
                _ => return Err(answer(400, "Content-Length is not a number")),
            }
        }
    };
    if length.is_some_and(|n| n > BODY_LIMIT as u64) {
        return Err(too_large());
    }
    // A client that asked to wait for our word before sending the body gets it now that the
    // body is known to be acceptable.
    let expects = request
        .header("expect")
        .is_some_and(|e| e.eq_ignore_ascii_case("100-continue"));
    if expects && length != Some(0) {
        reader
            .get_mut()
            .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
    }
    request.body = match length {
        Some(n) => {
            let mut body = vec![0; n as usize];
            reader.read_exact(&mut body)?;
            body
        }
        None => read_chunked(reader)?,
    };
    Ok(request)
}

fn read_chunked(reader: &mut impl BufRead) -> Result<Vec<u8>, ReadError> {
    let bad = || answer(400, "the chunked body is malformed");
    let mut body = Vec::new();
    loop {
        let mut line = Vec::new();
        read_line(reader, &mut line, 1024)?;
        let text = std::str::from_utf8(&line).map_err(|_| bad())?;
        if !text.ends_with('\n') {
            return Err(bad());
        }
        let size_text = text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| bad())?;
        if size == 0 {
            // Trailer fields, ignored, up to the empty line.
            for _ in 0..MAX_HEADERS {
                line.clear();
                if read_line(reader, &mut line, 8 * 1024)? == 0
                    || matches!(&line[..], b"\r\n" | b"\n")
                {
                    return Ok(body);
                }
            }
            return Err(bad());
        }
        if size > BODY_LIMIT - body.len() {
            return Err(too_large());
        }
        let start = body.len();
        body.resize(start + size, 0);
        reader.read_exact(&mut body[start..])?;
        line.clear();
        read_line(reader, &mut line, 2)?;
        if !matches!(&line[..], b"\r\n" | b"\n") {
            return Err(bad());
        }
    }
}

struct Response {
    status: u16,
    content_type: &'static str,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    fn json(status: u16, value: &Value) -> Response {
        Response::raw_json(status, value.to_string())
    }

    fn raw_json(status: u16, text: String) -> Response {
        Response {
            status,
            content_type: "application/json",
            headers: Vec::new(),
            body: text.into_bytes(),
        }
    }

    fn empty(status: u16) -> Response {
        Response {
            status,
            content_type: "",
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// The contract's error body, one error.
    fn error(status: u16, field: &str, message: impl Into<String>) -> Response {
        Response::errors(status, vec![(field.to_string(), message.into())])
    }

    fn errors(status: u16, errors: Vec<(String, String)>) -> Response {
        let errors: Vec<Value> = errors
            .into_iter()
            .map(|(field, message)| json!({ "field": field, "message": message }))
            .collect();
        Response::json(status, &json!({ "errors": errors }))
    }

    fn with(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }

    fn write_to(&self, stream: &mut impl Write) -> io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        // A 204 has no body and so no length or type.
        if self.status != 204 {
            if !self.content_type.is_empty() {
                head += &format!("Content-Type: {}\r\n", self.content_type);
            }
            head += &format!("Content-Length: {}\r\n", self.body.len());
        }
        head += "Connection: close\r\nCache-Control: no-store\r\n";
        for (name, value) in &self.headers {
            head += &format!("{name}: {value}\r\n");
        }
        head += "\r\n";
        stream.write_all(head.as_bytes())?;
        stream.write_all(&self.body)?;
        stream.flush()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Content Too Large",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    }
}

// ---------------------------------------------------------------------------------------------
// The application

enum Resource<'a> {
    Health,
    Contract,
    Submissions,
    Submission(&'a str),
}

struct App {
    config: Config,
    store: Store,
    policies: HashMap<String, Policy>,
    /// Faults injected so far: even ones happen before storing, odd ones after.
    faults: AtomicU64,
}

impl App {
    /// Answers one request on a connection, then closes it.
    fn serve(&self, stream: TcpStream) {
        let started = Instant::now();
        stream.set_read_timeout(Some(IO_TIMEOUT)).ok();
        stream.set_write_timeout(Some(IO_TIMEOUT)).ok();
        stream.set_nodelay(true).ok();
        let Ok(read_half) = stream.try_clone() else {
            return;
        };
        let mut reader = BufReader::new(read_half);
        let mut stream = stream;
        let (request, response, unread) = match read_request(&mut reader) {
            Ok(request) => {
                // A panic is a bug: answered as a 500, which the tests and the fuzzer catch,
                // and the worker lives on. (Release builds abort on panic instead.)
                let response =
                    std::panic::catch_unwind(AssertUnwindSafe(|| self.respond(&request)))
                        .unwrap_or_else(|_| {
                            Response::error(500, "", "the receiver failed (a bug)")
                        });
                (Some(request), response, false)
            }
            Err(ReadError::Closed) => return,
            Err(ReadError::Io(e)) if is_timeout(&e) => (
                None,
                Response::error(408, "", "the request took too long to arrive"),
                true,
            ),
            Err(ReadError::Io(_)) => return,
            Err(ReadError::Answer {
                status,
                message,
                unread,
            }) => (None, Response::error(status, "", message), unread),
        };
        let response = match &request {
            Some(request) => self.with_cors(request, response),
            None => response.with("Vary", "Origin"),
        };
        let written = response.write_to(&mut stream);
        if unread && written.is_ok() {
            // Read (and drop) what the client is still sending, for a while, so that closing
            // does not reset the connection before the client has read the answer.
            stream.shutdown(Shutdown::Write).ok();
            drain(reader, Duration::from_secs(5), 4 * BODY_LIMIT);
        }
        let (method, path) = request
            .as_ref()
            .map_or(("-", "-"), |r| (r.method.as_str(), r.path.as_str()));
        eprintln!(
            "{method} {path} {} {}ms",
            response.status,
            started.elapsed().as_millis()
        );
    }

    fn respond(&self, request: &Request) -> Response {
        let path = request.path.as_str();
        // Each resource answers one method (and OPTIONS).
        let (resource, allowed) = match path {
            "/health" => (Resource::Health, "GET"),
            "/v1/openapi.yaml" => (Resource::Contract, "GET"),
            "/v1/submissions" => (Resource::Submissions, "POST"),
            _ => match path.strip_prefix("/v1/submissions/") {
                Some(reference) if !reference.is_empty() && !reference.contains('/') => {
                    (Resource::Submission(reference), "GET")
                }
                _ => return Response::error(404, "", format!("there is nothing at {path}")),
            },
        };
        if request.method == "OPTIONS" {
            return self.preflight(request, allowed);
        }
        if request.method != allowed {
            return Response::error(405, "", format!("{path} answers {allowed} only"))
                .with("Allow", format!("{allowed}, OPTIONS"));
        }
        if path.starts_with("/v1/") && !self.config.delay.is_zero() {
            std::thread::sleep(self.config.delay);
        }
        match resource {
            Resource::Health => self.health(),
            Resource::Contract => Response {
                status: 200,
                content_type: "application/yaml",
                headers: Vec::new(),
                body: OPENAPI.as_bytes().to_vec(),
            },
            Resource::Submissions => self.post(request),
            Resource::Submission(reference) => self.get(reference),
        }
    }

    fn health(&self) -> Response {
        match self.store.ping() {
            Ok(()) => Response::json(200, &json!({ "status": "ok" })),
            Err(e) => unavailable(format!("the database is not available: {e}")),
        }
    }

    fn post(&self, request: &Request) -> Response {
        let key = match request.header("idempotency-key") {
            None | Some("") => {
                return Response::error(
                    400,
                    "",
                    "the Idempotency-Key header is required: one key per draft, sent again \
                     unchanged on every retry",
                )
            }
            Some(key) if key.len() > 255 || !key.bytes().all(|b| (b'!'..=b'~').contains(&b)) => {
                return Response::error(
                    400,
                    "",
                    "the Idempotency-Key header must be 1 to 255 visible ASCII characters",
                )
            }
            Some(key) => key,
        };
        let fault = (self.config.fail_rate > 0.0 && random_f64() < self.config.fail_rate)
            .then(|| self.faults.fetch_add(1, Ordering::Relaxed) % 2 == 1);
        if fault == Some(false) {
            return self.fault("before storing");
        }
        let response = self.accept(key, &request.body);
        if fault == Some(true) && response.status < 300 {
            return self.fault("after storing (the answer was lost)");
        }
        response
    }

    fn fault(&self, when: &str) -> Response {
        Response::error(
            self.config.fail_status,
            "",
            format!(
                "a failure made on purpose by --fail-rate, {when}: send it again with the same \
                 Idempotency-Key"
            ),
        )
        .with("Retry-After", "1")
    }

    /// Validates and stores a submission.
    fn accept(&self, key: &str, body: &[u8]) -> Response {
        if let Err(e) = serde_json::from_slice::<IgnoredAny>(body) {
            return Response::error(400, "", format!("not valid JSON: {e}"));
        }
        // A version this receiver does not know is refused as such, before its body is read
        // as this version's.
        #[derive(Deserialize)]
        struct Version {
            contract_version: Option<Value>,
        }
        if let Ok(Version {
            contract_version: Some(Value::String(version)),
        }) = serde_json::from_slice(body)
        {
            if version != CONTRACT_VERSION {
                return Response::error(
                    422,
                    "/contract_version",
                    format!(
                        "contract version {version:?} is not known here: this receiver takes \
                         version \"{CONTRACT_VERSION}\""
                    ),
                );
            }
        }
        let deserializer = &mut serde_json::Deserializer::from_slice(body);
        let submission: Submission = match serde_path_to_error::deserialize(deserializer) {
            Ok(submission) => submission,
            Err(e) => {
                let field = pointer(e.path(), e.inner());
                return Response::error(422, &field, plain_message(e.inner()));
            }
        };
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
        if !errors.is_empty() {
            return Response::errors(422, errors);
        }
        let Some(policy) = self.policies.get(&submission.profile.id) else {
            let mut known: Vec<&str> = self.policies.keys().map(String::as_str).collect();
            known.sort();
            return Response::error(
                422,
                "/profile/id",
                format!(
                    "profile {:?} is not known here: this receiver knows {}",
                    submission.profile.id,
                    known.join(", ")
                ),
            );
        };
        // The dates again, with the same engine, to catch a client that worked them out
        // differently (another version of a profile, a wrong clock or a bug).
        let server_dates = Submission::dates_for(policy, submission.kind, submission.submitted_at);
        let new = NewSubmission {
            key,
            // Valid JSON is valid UTF-8.
            body: std::str::from_utf8(body).unwrap_or_default(),
            submission: &submission,
            server_dates: json!(server_dates).to_string(),
            dates_match: server_dates == submission.expected_dates,
        };
        match self.store.insert(&new) {
            Ok(Stored::New(receipt)) => Response::raw_json(201, receipt.to_json()),
            Ok(Stored::Repeat(receipt)) => Response::raw_json(200, receipt.to_json()),
            Ok(Stored::Conflict) => Response::error(
                409,
                "",
                "this Idempotency-Key was used before with a different body",
            ),
            Err(e) => unavailable(format!("could not store the submission: {e}")),
        }
    }

    fn get(&self, reference: &str) -> Response {
        let reference = reference.to_ascii_uppercase();
        match self.store.get(&reference) {
            // Built as text so that the body comes back exactly as it was received.
            Ok(Some(row)) => Response::raw_json(
                200,
                format!(
                    r#"{{"reference":{},"received_at":{},"submission":{},"server_expected_dates":{},"dates_match":{}}}"#,
                    json!(row.reference),
                    json!(row.received_at),
                    row.body,
                    row.server_dates,
                    row.dates_match
                ),
            ),
            Ok(None) => {
                Response::error(404, "", format!("no submission has reference {reference}"))
            }
            Err(e) => unavailable(format!("could not read the submission: {e}")),
        }
    }

    fn allowed_origin<'r>(&self, request: &'r Request) -> Option<&'r str> {
        let origin = request.header("origin")?;
        self.config
            .origins
            .iter()
            .any(|allowed| allowed == "*" || allowed.eq_ignore_ascii_case(origin))
            .then_some(origin)
    }

    fn preflight(&self, request: &Request, allowed: &str) -> Response {
        let methods = format!("{allowed}, OPTIONS");
        if request.header("origin").is_none() {
            return Response::empty(204).with("Allow", methods);
        }
        if self.allowed_origin(request).is_none() {
            return Response::error(
                403,
                "",
                "this origin may not call this receiver (see --allow-origin)",
            );
        }
        Response::empty(204)
            .with("Allow", methods.clone())
            .with("Access-Control-Allow-Methods", methods)
            .with(
                "Access-Control-Allow-Headers",
                "Content-Type, Idempotency-Key",
            )
            .with("Access-Control-Max-Age", "600")
    }

    fn with_cors(&self, request: &Request, response: Response) -> Response {
        let response = response.with("Vary", "Origin");
        match self.allowed_origin(request) {
            Some(origin) => response
                .with("Access-Control-Allow-Origin", origin)
                .with("Access-Control-Expose-Headers", "Retry-After"),
            None => response,
        }
    }
}

fn unavailable(message: String) -> Response {
    Response::error(503, "", message).with("Retry-After", "1")
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock
    )
}

/// Reads and drops up to `limit` bytes, for at most `time`.
fn drain(mut reader: impl Read, time: Duration, limit: usize) {
    let deadline = Instant::now() + time;
    let mut buffer = [0u8; 64 * 1024];
    let mut total = 0;
    while total < limit {
        let Some(left) = deadline.checked_duration_since(Instant::now()) else {
            return;
        };
        if left.is_zero() {
            return;
        }
        // The reader is a BufReader over the socket; its timeout is the socket's.
        match reader.read(&mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(n) => total += n,
        }
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

// ---------------------------------------------------------------------------------------------
// Storage: one SQLite file in WAL mode, each submission committed (and synced) before it is
// acknowledged.

struct Store {
    connection: Mutex<Connection>,
}

struct NewSubmission<'a> {
    key: &'a str,
    body: &'a str,
    submission: &'a Submission,
    server_dates: String,
    dates_match: bool,
}

struct Receipt {
    reference: String,
    received_at: String,
}

impl Receipt {
    /// Built as text to keep the reference first.
    fn to_json(&self) -> String {
        format!(
            r#"{{"reference":{},"received_at":{}}}"#,
            json!(self.reference),
            json!(self.received_at)
        )
    }
}

enum Stored {
    New(Receipt),
    /// The same key and body again.
    Repeat(Receipt),
    /// The same key, another body.
    Conflict,
}

struct Row {
    reference: String,
    received_at: String,
    body: String,
    server_dates: String,
    dates_match: bool,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS submissions (
    reference TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    received_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    profile_id TEXT NOT NULL,
    profile_version TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    -- The request body exactly as received.
    body TEXT NOT NULL,
    -- JSON arrays of {id, date}: the client's, and the receiver's for the same time.
    client_expected_dates TEXT NOT NULL,
    server_expected_dates TEXT NOT NULL,
    dates_match INTEGER NOT NULL
) STRICT;
";

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Store {
    fn open(path: &str) -> rusqlite::Result<Store> {
        let connection = Connection::open(path)?;
        connection.busy_timeout(Duration::from_secs(5))?;
        let mode: String = connection.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            eprintln!("receiver: warning: journal mode is {mode}, not WAL");
        }
        // FULL: a commit is on disk (WAL synced) before it returns, so before the 201.
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.execute_batch(SCHEMA)?;
        Ok(Store {
            connection: Mutex::new(connection),
        })
    }

    fn ping(&self) -> rusqlite::Result<()> {
        lock(&self.connection).query_row("SELECT 1", [], |_| Ok(()))
    }

    /// Stores a submission once per key. One connection behind a mutex: the look-up and the
    /// insert cannot interleave with another request's.
    fn insert(&self, new: &NewSubmission) -> rusqlite::Result<Stored> {
        let mut connection = lock(&self.connection);
        let tx = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing = tx
            .query_row(
                "SELECT reference, received_at, body FROM submissions WHERE idempotency_key = ?1",
                [new.key],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                },
            )
            .optional()?;
        if let Some((reference, received_at, body)) = existing {
            // The same JSON, whatever its spacing or key order.
            let same = serde_json::from_str::<Value>(&body).ok()
                == serde_json::from_str::<Value>(new.body).ok();
            return Ok(if same {
                Stored::Repeat(Receipt {
                    reference,
                    received_at,
                })
            } else {
                Stored::Conflict
            });
        }
        let s = new.submission;
        let received_at = Utc::now()
            .fixed_offset()
            .to_rfc3339_opts(SecondsFormat::Secs, false);
        for _ in 0..10 {
            let reference = new_reference();
            let inserted = tx.execute(
                "INSERT INTO submissions (reference, idempotency_key, received_at, kind, \
                 profile_id, profile_version, submitted_at, body, client_expected_dates, \
                 server_expected_dates, dates_match) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    reference,
                    new.key,
                    received_at,
                    json!(s.kind).as_str().unwrap_or_default(),
                    s.profile.id,
                    s.profile.version,
                    s.submitted_at.to_rfc3339(),
                    new.body,
                    json!(s.expected_dates).to_string(),
                    new.server_dates,
                    new.dates_match,
                ],
            );
            match inserted {
                Ok(_) => {
                    tx.commit()?;
                    return Ok(Stored::New(Receipt {
                        reference,
                        received_at,
                    }));
                }
                // The key was free, so this is a reference drawn twice: draw again.
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.code == rusqlite::ErrorCode::ConstraintViolation => {}
                Err(e) => return Err(e),
            }
        }
        Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT),
            Some("no free reference after 10 draws".into()),
        ))
    }

    fn get(&self, reference: &str) -> rusqlite::Result<Option<Row>> {
        lock(&self.connection)
            .query_row(
                "SELECT reference, received_at, body, server_expected_dates, dates_match \
                 FROM submissions WHERE reference = ?1",
                [reference],
                |r| {
                    Ok(Row {
                        reference: r.get(0)?,
                        received_at: r.get(1)?,
                        body: r.get(2)?,
                        server_dates: r.get(3)?,
                        dates_match: r.get(4)?,
                    })
                },
            )
            .optional()
    }
}

// ---------------------------------------------------------------------------------------------
// Randomness: splitmix64, enough for references and fault injection (not for secrets).

static RANDOM: AtomicU64 = AtomicU64::new(0);

fn seed_random() {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    RANDOM.store(
        nanos ^ (u64::from(std::process::id()) << 32),
        Ordering::Relaxed,
    );
}

fn random_u64() -> u64 {
    const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut z = RANDOM
        .fetch_add(GAMMA, Ordering::Relaxed)
        .wrapping_add(GAMMA);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn random_f64() -> f64 {
    (random_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// Like `RC-7KQ2-M9XD`: easy to read out and type, without 0/O, 1/I/L or U.
fn new_reference() -> String {
    const ALPHABET: &[u8; 30] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut n = random_u64();
    let mut reference = String::from("RC-");
    for i in 0..8 {
        if i == 4 {
            reference.push('-');
        }
        reference.push(ALPHABET[(n % 30) as usize] as char);
        n /= 30;
    }
    reference
}
