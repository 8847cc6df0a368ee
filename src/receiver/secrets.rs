//! References, access tokens and the staff token: everything the receiver draws at random comes
//! from the operating system's secure source, so no answer helps to guess another.

use axum::http::header::AUTHORIZATION;
use axum::http::HeaderMap;
use sha2::{Digest, Sha256};

/// Like `RC-7KQ2-M9XD`: 8 characters easy to read out and type, without 0/O, 1/I/L or U.
/// About 39 bits: a stranger guessing at the rate limit finds nothing, and a reference is
/// printed on letters, so it is never what protects a submission (its access token is).
pub fn new_reference() -> String {
    const ALPHABET: &[u8; 30] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut reference = String::from("RC-");
    let mut drawn = 0;
    while drawn < 8 {
        // 240 = 8 × 30: bytes from 240 up are redrawn, so every character is equally likely.
        let byte = random_bytes::<1>()[0];
        if byte >= 240 {
            continue;
        }
        if drawn == 4 {
            reference.push('-');
        }
        reference.push(ALPHABET[usize::from(byte % 30)] as char);
        drawn += 1;
    }
    reference
}

/// A submission's access token: 256 random bits as 64 lower-case hex digits.
pub fn new_access_token() -> String {
    random_bytes::<32>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A number from 0 to 1, for the fault flags.
pub fn random_fraction() -> f64 {
    (u64::from_le_bytes(random_bytes::<8>()) >> 11) as f64 / (1u64 << 53) as f64
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0; N];
    // The OS's source failing is not something a receiver can work around.
    getrandom::fill(&mut bytes).expect("the operating system gives random bytes");
    bytes
}

/// Whether a presented token is `expected`, in time that does not depend on where they differ:
/// both are hashed first, so a timing difference tells an attacker only about a hash.
pub fn same_token(presented: &str, expected: &str) -> bool {
    Sha256::digest(presented.as_bytes()) == Sha256::digest(expected.as_bytes())
}

/// The token of an `Authorization: Bearer <token>` header.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let header = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = header.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// Whether the request carries the staff token (never, when none is configured).
pub fn is_staff(headers: &HeaderMap, staff_token: Option<&str>) -> bool {
    matches!((bearer(headers), staff_token), (Some(token), Some(staff)) if same_token(token, staff))
}

/// A secret from its file (`what` is "staff token", say): one line, at least 32 characters,
/// so that it cannot be guessed at the rate limit.
pub fn read_secret(path: &std::path::Path, what: &str) -> Result<String, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the {what} file {}: {e}", path.display()))?;
    let token = text.trim();
    if token.chars().count() < 32 || token.chars().any(char::is_whitespace) {
        return Err(format!(
            "the {what} in {} must be one word of at least 32 characters",
            path.display()
        ));
    }
    Ok(token.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn references_use_the_alphabet_and_do_not_repeat() {
        let references: HashSet<String> = (0..2000).map(|_| new_reference()).collect();
        assert_eq!(references.len(), 2000);
        for reference in &references {
            assert_eq!(reference.len(), 12);
            assert!(reference.starts_with("RC-") && &reference[7..8] == "-");
            assert!(reference[3..]
                .chars()
                .all(|c| c == '-' || "23456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c)));
        }
        // Every character of the alphabet turns up in every position (2000 draws of 30).
        for position in [3, 4, 5, 6, 8, 9, 10, 11] {
            let seen: HashSet<char> = references
                .iter()
                .map(|r| r.as_bytes()[position] as char)
                .collect();
            assert_eq!(seen.len(), 30, "position {position}");
        }
    }

    #[test]
    fn tokens_are_long_and_compared_whole() {
        let token = new_access_token();
        assert_eq!(token.len(), 64);
        assert!(token.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(token, new_access_token());
        assert!(same_token(&token, &token.clone()));
        assert!(!same_token(&token[..63], &token));
        assert!(!same_token("", &token));
        let headers = |value: Option<&str>| {
            let mut headers = HeaderMap::new();
            if let Some(value) = value {
                headers.insert(AUTHORIZATION, value.parse().unwrap());
            }
            headers
        };
        assert_eq!(bearer(&headers(Some("Bearer abc"))), Some("abc"));
        assert_eq!(bearer(&headers(Some("bearer  abc "))), Some("abc"));
        for header in [None, Some(""), Some("Bearer"), Some("Bearer  "), Some("Basic abc")] {
            assert_eq!(bearer(&headers(header)), None, "{header:?}");
        }
        let staff = "s".repeat(32);
        assert!(is_staff(&headers(Some(&format!("Bearer {staff}"))), Some(&staff)));
        assert!(!is_staff(&headers(Some(&format!("Bearer {staff}"))), None));
        assert!(!is_staff(&headers(None), Some(&staff)));
    }

    #[test]
    fn a_short_staff_token_is_refused() {
        let dir = std::env::temp_dir().join(format!("rc-staff-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("token");
        std::fs::write(&file, "too-short\n").unwrap();
        assert!(read_secret(&file, "staff token").unwrap_err().contains("at least 32"));
        std::fs::write(&file, format!("{}\n", "a".repeat(32))).unwrap();
        assert_eq!(read_secret(&file, "staff token").unwrap(), "a".repeat(32));
        assert!(read_secret(&dir.join("missing"), "staff token").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
