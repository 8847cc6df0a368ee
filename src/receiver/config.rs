//! The receiver's command line: where it listens and stores, who may read what, every limit
//! with its default, and the fault flags that make it misbehave on purpose to test clients.

use std::path::PathBuf;

use clap::Parser;

#[derive(Clone, Debug, Parser)]
#[command(
    name = "receiver",
    about = "The reference receiver for the resident-complaints contract (public/openapi.yaml)",
    after_help = "Prints `listening on http://HOST:PORT` when it is ready. See docs/receiver.md."
)]
pub struct Config {
    /// Where to listen (port 0 picks a free port)
    #[arg(long, value_name = "HOST:PORT")]
    pub addr: String,

    /// The SQLite file (created if missing)
    #[arg(long, value_name = "PATH")]
    pub db: PathBuf,

    /// A file holding the staff token (at least 32 characters), which reads whole submissions
    /// and records their progress. Without it, no one can read a submission over HTTP: only
    /// its status, with the resident's access token
    #[arg(long, value_name = "PATH")]
    pub staff_token_file: Option<PathBuf>,

    /// Let a browser page from ORIGIN call the receiver (CORS); repeatable; * for any
    #[arg(long = "allow-origin", value_name = "ORIGIN")]
    pub origins: Vec<String>,

    /// Count requests per client by the last X-Forwarded-For address instead of the
    /// connection's: only behind a proxy that sets that header
    #[arg(long)]
    pub trust_forwarded_for: bool,

    /// A landlord's own policy profile (JSON, as the app's policy check reads it), known
    /// beside the built-in ones; repeatable. A profile with any problem, or whose id another
    /// profile has, stops the receiver from starting
    #[arg(long = "policy", value_name = "FILE")]
    pub policy_files: Vec<PathBuf>,

    /// Every *.json file in DIR, as if each were given with --policy
    #[arg(long = "policies", value_name = "DIR")]
    pub policy_dirs: Vec<PathBuf>,

    #[command(flatten)]
    pub keeping: Keeping,

    #[command(flatten)]
    pub limits: Limits,

    #[command(flatten)]
    pub faults: Faults,
}

/// How long the receiver keeps what residents wrote, and where it sends each submission on to.
#[derive(Clone, Debug, clap::Args)]
#[command(next_help_heading = "Retention and forwarding")]
pub struct Keeping {
    /// Remove what residents wrote (the body, with its photos) from submissions received more
    /// than N days ago, keeping their reference, kind, dates and steps; at start, then hourly
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub retain_days: Option<u32>,

    /// After storing a submission, POST it as staff read it to URL (http:// only), signed
    /// with the secret in --forward-secret-file: X-Signature-256: sha256=<HMAC-SHA256 of the
    /// body, in hex>. Tried 5 times; the resident's answer never waits for it
    #[arg(long, value_name = "URL", requires = "forward_secret_file")]
    pub forward_webhook: Option<String>,

    /// A file holding the secret (at least 32 characters) that signs what is forwarded
    #[arg(long, value_name = "PATH", requires = "forward_webhook")]
    pub forward_secret_file: Option<PathBuf>,

    /// The wait before the first retry of a forward that failed; each later one waits three
    /// times as long
    #[arg(long, value_name = "MS", default_value_t = 10_000)]
    pub forward_retry_ms: u64,
}

/// Every limit the receiver enforces. The defaults suit one landlord's residents on phones:
/// a flood from one client gets `429`s, slow clients are cut off, a resident on a poor
/// connection still gets five photos through.
#[derive(Clone, Debug, clap::Args)]
#[command(next_help_heading = "Limits")]
pub struct Limits {
    /// The largest request body; larger is a 413
    #[arg(long, value_name = "BYTES", default_value_t = 8 * 1024 * 1024)]
    pub body_limit: usize,

    /// Connections open at once; more wait in the kernel's queue
    #[arg(long, value_name = "N", default_value_t = 1024, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,

    /// Requests handled at once; more get a 503 at once
    #[arg(long, value_name = "N", default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..))]
    pub concurrency: u32,

    /// Time for a client to send a request's headers
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    pub header_timeout_secs: u64,

    /// Time to answer once the body has arrived; longer is a 503
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub request_timeout_secs: u64,

    /// The slowest upload allowed, after the grace time; slower is a 408
    #[arg(long, value_name = "BYTES", default_value_t = 4096)]
    pub min_upload_bytes_per_sec: u64,

    /// Time before the minimum upload speed applies
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    pub upload_grace_secs: u64,

    /// Submissions one client may send at once before the per-minute rate applies
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    pub post_burst: u32,

    /// Submissions one client may send a minute (staff are not counted)
    #[arg(long, value_name = "N", default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..))]
    pub posts_per_minute: u32,

    /// Reads one client may make at once before the per-minute rate applies
    #[arg(long, value_name = "N", default_value_t = 60, value_parser = clap::value_parser!(u32).range(1..))]
    pub read_burst: u32,

    /// Reads (status, health, the contract) one client may make a minute
    #[arg(long, value_name = "N", default_value_t = 120, value_parser = clap::value_parser!(u32).range(1..))]
    pub reads_per_minute: u32,

    /// The longest side of a photo
    #[arg(long, value_name = "PIXELS", default_value_t = 8000)]
    pub photo_max_side: u32,

    /// The most pixels in a photo
    #[arg(long, value_name = "PIXELS", default_value_t = 40_000_000)]
    pub photo_max_pixels: u64,
}

/// Misbehaviour on purpose, to test clients (off by default).
#[derive(Clone, Debug, Default, clap::Args)]
#[command(next_help_heading = "Faults")]
pub struct Faults {
    /// Fail this fraction of submissions with --fail-status and Retry-After: 1, half before
    /// storing and half after (the answer is lost)
    #[arg(long, value_name = "F", default_value_t = 0.0, value_parser = fraction)]
    pub fail_rate: f64,

    /// The status of those failures
    #[arg(long, value_name = "CODE", default_value_t = 503, value_parser = clap::value_parser!(u16).range(400..=599))]
    pub fail_status: u16,

    /// Wait this long before handling each /v1/ request
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub delay_ms: u64,

    /// Panic in this fraction of submissions, before storing: a bug on purpose, answered
    /// with a 500 while the receiver goes on
    #[arg(long, value_name = "F", default_value_t = 0.0, value_parser = fraction)]
    pub panic_rate: f64,
}

fn fraction(text: &str) -> Result<f64, String> {
    text.parse::<f64>()
        .ok()
        .filter(|f| (0.0..=1.0).contains(f))
        .ok_or_else(|| "must be a number from 0 to 1".into())
}
