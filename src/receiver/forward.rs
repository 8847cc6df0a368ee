//! `--forward-webhook`: each new submission, as staff read it (the contract's `Record`), POSTed
//! to the landlord's own system, signed like a GitHub webhook: `X-Signature-256:
//! sha256=<hex>`, the HMAC-SHA256 of the body under the secret in `--forward-secret-file`.
//! It runs in a task of its own, so the resident's `201` never waits for it; a failure is
//! tried again, waiting longer each time, then logged. Plain HTTP only (docs/going-live.md says
//! what https needs).

use std::time::Duration;

use axum::body::Bytes;
use axum::http::{header, Method, Request, Uri};
use hmac::{Hmac, Mac};
use http_body_util::Full;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use sha2::Sha256;

use super::config::Keeping;
use super::secrets;

/// How many times a submission is sent before it is logged as failed.
pub const ATTEMPTS: u32 = 5;
/// Each attempt's time to answer.
const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(30);

/// Where submissions are forwarded, and the secret that signs them.
pub struct Forwarder {
    url: Uri,
    secret: String,
    first_retry: Duration,
    client: Client<HttpConnector, Full<Bytes>>,
}

impl Forwarder {
    /// From the flags: `None` without `--forward-webhook`; an error for an address that is
    /// not plain HTTP or a secret that is too short.
    pub fn from_flags(keeping: &Keeping) -> Result<Option<Forwarder>, String> {
        let (Some(url), Some(secret_file)) =
            (&keeping.forward_webhook, &keeping.forward_secret_file)
        else {
            return Ok(None);
        };
        let url: Uri = url
            .parse()
            .map_err(|e| format!("--forward-webhook {url} is not an address: {e}"))?;
        if url.scheme_str() != Some("http") || url.host().is_none() {
            return Err(format!(
                "--forward-webhook {url} must be an http:// address: to reach an https:// one, \
                 forward through a proxy on this machine (see docs/going-live.md)"
            ));
        }
        Ok(Some(Forwarder {
            url,
            secret: secrets::read_secret(secret_file, "forwarding secret")?,
            first_retry: Duration::from_millis(keeping.forward_retry_ms),
            client: Client::builder(TokioExecutor::new()).build_http(),
        }))
    }

    /// Sends `body` (the stored submission of `reference`) in a task of its own, until the
    /// landlord's system answers 2xx or `ATTEMPTS` have failed.
    pub fn send(&self, reference: String, body: String) {
        let request = self.request(body);
        let (client, first_retry) = (self.client.clone(), self.first_retry);
        tokio::spawn(async move {
            let mut wait = first_retry;
            for attempt in 1..=ATTEMPTS {
                let sent = tokio::time::timeout(ATTEMPT_TIMEOUT, client.request(request.clone()));
                let failure = match sent.await {
                    Ok(Ok(response)) if response.status().is_success() => return,
                    Ok(Ok(response)) => format!("answered {}", response.status()),
                    Ok(Err(e)) => e.to_string(),
                    Err(_) => "no answer in 30 s".to_string(),
                };
                if attempt == ATTEMPTS {
                    eprintln!(
                        "receiver: forwarding {reference} failed {ATTEMPTS} times, last: \
                         {failure}; it is stored, for staff to read"
                    );
                    return;
                }
                eprintln!("receiver: forwarding {reference}: {failure}; trying again in {wait:?}");
                tokio::time::sleep(wait).await;
                wait *= 3;
            }
        });
    }

    fn request(&self, body: String) -> Request<Full<Bytes>> {
        let signature = signature(&self.secret, body.as_bytes());
        Request::builder()
            .method(Method::POST)
            .uri(self.url.clone())
            .header(header::CONTENT_TYPE, "application/json")
            .header("x-signature-256", signature)
            .body(Full::new(Bytes::from(body)))
            .expect("a request of a checked address and ASCII headers")
    }
}

/// `sha256=` and the HMAC-SHA256 of `body` under `secret`, in lowercase hex.
pub fn signature(secret: &str, body: &[u8]) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(body);
    let hex: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("sha256={hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_hmac_sha256_as_github_writes_it() {
        // RFC 4231, test case 2.
        assert_eq!(
            signature("Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
