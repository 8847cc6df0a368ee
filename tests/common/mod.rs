//! What the receiver's two test files share: a scratch directory, the contract's examples and
//! ways to change them, and a look into the database.
#![allow(dead_code)] // each test file uses its own part

use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::{json, Value};

/// Flags for tests that send more than a resident would.
pub const UNLIMITED: [&str; 8] = [
    "--post-burst",
    "100000",
    "--posts-per-minute",
    "100000",
    "--read-burst",
    "100000",
    "--reads-per-minute",
    "100000",
];

/// The staff token the tests' receivers read whole submissions with.
pub const STAFF: &str = "staff-token-for-the-tests-0123456789abcdef";

/// A different complaint for each `n`.
pub fn complaint(n: usize) -> Value {
    let mut body = example("complaint");
    body["details"]["description"] = json!(format!("Complaint number {n}: the lift is broken."));
    body
}

/// A private directory for one test, removed afterwards.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("rc-receiver-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The contract's example of a kind, from public/openapi.yaml.
pub fn example(kind: &str) -> Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    let doc = DOC.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/openapi.yaml");
        serde_norway::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    });
    doc["paths"]["/v1/submissions"]["post"]["requestBody"]["content"]["application/json"]
        ["examples"][kind]["value"]
        .clone()
}

/// The body with the value at `pointer` replaced, or added to its object.
pub fn set(body: &Value, pointer: &str, value: Value) -> Value {
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

pub fn remove(body: &Value, pointer: &str) -> Value {
    let mut body = body.clone();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    body.pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key);
    body
}

pub fn count_rows(dir: &TempDir) -> i64 {
    let db = rusqlite::Connection::open(dir.path("receiver.sqlite")).unwrap();
    db.query_row("SELECT count(*) FROM submissions", [], |r| r.get(0))
        .unwrap()
}
