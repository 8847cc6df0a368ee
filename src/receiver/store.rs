//! Storage: one SQLite file in WAL mode. Each submission is committed (and synced) before it is
//! acknowledged, so a receiver killed after a `201` has lost nothing.

use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde_json::json;

use super::secrets::{new_access_token, new_reference};
use crate::domain::status::{Event, Receipt, Stage, Status};
use crate::domain::submission::{ContractError, ExpectedDate, Kind, Submission};

pub struct Store {
    // One connection behind a mutex: a look-up and the insert that depends on it cannot
    // interleave with another request's.
    connection: Mutex<Connection>,
}

/// A submission that passed every check, ready to store.
pub struct NewSubmission<'a> {
    pub key: &'a str,
    /// Of the request body as JSON, whatever its spacing or key order: what makes a repeat
    /// the same submission.
    pub body_sha256: String,
    pub submission: &'a Submission,
    pub server_dates: &'a [ExpectedDate],
}

pub enum Stored {
    New(Receipt),
    /// The same key and body again.
    Repeat(Receipt),
    /// The same key, another body.
    Conflict,
}

/// Everything stored of a submission, for staff.
pub struct Record {
    pub status: Status,
    pub access_token: String,
    /// The stored body (JSON text): `null` once `--retain-days` have passed.
    pub body: String,
    /// When the body was removed, if it was.
    pub body_removed_at: Option<String>,
    pub dates_match: bool,
}

impl Record {
    /// The contract's `Record`, built as text so the body goes out as it was stored.
    pub fn to_json(&self) -> String {
        let removed = match &self.body_removed_at {
            Some(at) => format!(r#","body_removed_at":{}"#, json!(at)),
            None => String::new(),
        };
        format!(
            r#"{{"reference":{},"received_at":{},"submission":{},"server_expected_dates":{},"dates_match":{},"status":{}{removed}}}"#,
            json!(self.status.reference),
            json!(self.status.received_at),
            self.body,
            json!(self.status.expected_dates),
            self.dates_match,
            json!(self.status),
        )
    }
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
    -- The submission as stored: photos cleaned of metadata and file names.
    body TEXT NOT NULL,
    -- JSON arrays of {id, date}: the client's, and the receiver's for the same time.
    client_expected_dates TEXT NOT NULL,
    server_expected_dates TEXT NOT NULL,
    dates_match INTEGER NOT NULL,
    -- Since contract v1.1 (databases from before get them in `migrate`).
    access_token TEXT,
    body_sha256 TEXT,
    -- When `body` was replaced by null, its retention period over (`--retain-days`).
    body_removed_at TEXT
) STRICT;
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL REFERENCES submissions (reference),
    status TEXT NOT NULL,
    date TEXT NOT NULL,
    until TEXT,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS events_by_reference ON events (reference, id);
";

fn lock(mutex: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A stored value that this code wrote and cannot read back: the file was changed by hand.
fn corrupt(what: &str) -> rusqlite::Error {
    rusqlite::Error::InvalidColumnName(format!("unreadable stored {what}"))
}

impl Store {
    pub fn open(path: &Path) -> rusqlite::Result<Store> {
        let connection = Connection::open(path)?;
        connection.busy_timeout(Duration::from_secs(5))?;
        let mode: String = connection.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            eprintln!("receiver: warning: journal mode is {mode}, not WAL");
        }
        // FULL: a commit is on disk (WAL synced) before it returns, so before the 201.
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.pragma_update(None, "foreign_keys", "ON")?;
        // A removed body is overwritten on disk, not only unlinked (`remove_bodies`).
        connection.pragma_update(None, "secure_delete", "ON")?;
        connection.execute_batch(SCHEMA)?;
        migrate(&connection)?;
        Ok(Store {
            connection: Mutex::new(connection),
        })
    }

    pub fn ping(&self) -> rusqlite::Result<()> {
        lock(&self.connection).query_row("SELECT 1", [], |_| Ok(()))
    }

    /// Stores a submission once per key, received at `received_at`.
    pub fn insert(
        &self,
        new: &NewSubmission,
        received_at: DateTime<FixedOffset>,
    ) -> rusqlite::Result<Stored> {
        let mut connection = lock(&self.connection);
        let tx = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing: Option<(String, String, String, String)> = tx
            .query_row(
                "SELECT reference, received_at, access_token, body_sha256 FROM submissions \
                 WHERE idempotency_key = ?1",
                [new.key],
                |r| r.try_into(),
            )
            .optional()?;
        if let Some((reference, received_at, access_token, sha256)) = existing {
            return Ok(if sha256 == new.body_sha256 {
                Stored::Repeat(Receipt {
                    reference,
                    received_at,
                    access_token: Some(access_token),
                })
            } else {
                Stored::Conflict
            });
        }
        let s = new.submission;
        let received_at = received_at.to_rfc3339_opts(SecondsFormat::Secs, false);
        let access_token = new_access_token();
        for _ in 0..10 {
            let reference = new_reference();
            let inserted = tx.execute(
                "INSERT INTO submissions (reference, idempotency_key, received_at, kind, \
                 profile_id, profile_version, submitted_at, body, client_expected_dates, \
                 server_expected_dates, dates_match, access_token, body_sha256) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                params![
                    reference,
                    new.key,
                    received_at,
                    s.kind.id(),
                    s.profile.id,
                    s.profile.version,
                    s.submitted_at.to_rfc3339(),
                    serde_json::to_string(s).map_err(|_| corrupt("submission"))?,
                    json!(s.expected_dates).to_string(),
                    json!(new.server_dates).to_string(),
                    new.server_dates == s.expected_dates.as_slice(),
                    access_token,
                    new.body_sha256,
                ],
            );
            match inserted {
                Ok(_) => {
                    tx.commit()?;
                    return Ok(Stored::New(Receipt {
                        reference,
                        received_at,
                        access_token: Some(access_token),
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

    /// Everything stored under `reference` (in any letter case).
    pub fn record(&self, reference: &str) -> rusqlite::Result<Option<Record>> {
        read_record(&lock(&self.connection), reference)
    }

    /// Records `event` for `reference` on `today`, if `Status::check` finds nothing wrong:
    /// `None` when there is no such submission.
    pub fn add_event(
        &self,
        reference: &str,
        event: &Event,
        today: NaiveDate,
        recorded_at: DateTime<FixedOffset>,
    ) -> rusqlite::Result<Option<Result<Status, Vec<ContractError>>>> {
        let mut connection = lock(&self.connection);
        let tx = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let Some(mut record) = read_record(&tx, reference)? else {
            return Ok(None);
        };
        let errors = record.status.check(event, today);
        if !errors.is_empty() {
            return Ok(Some(Err(errors)));
        }
        tx.execute(
            "INSERT INTO events (reference, status, date, until, recorded_at) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                record.status.reference,
                event.status.id(),
                event.date.to_string(),
                event.until.map(|d| d.to_string()),
                recorded_at.to_rfc3339_opts(SecondsFormat::Secs, false),
            ],
        )?;
        tx.commit()?;
        record.status.events.push(event.clone());
        record.status.status = event.status;
        Ok(Some(Ok(record.status)))
    }
}

impl Store {
    /// Removes what residents wrote (the body, with any photos) from every submission received
    /// before `received_before`, keeping its reference, kind, dates and steps so staff can see
    /// it existed. Returns how many bodies it removed.
    pub fn remove_bodies(
        &self,
        received_before: DateTime<FixedOffset>,
        now: DateTime<FixedOffset>,
    ) -> rusqlite::Result<usize> {
        let connection = lock(&self.connection);
        // julianday reads each time with its own offset (GMT or BST), so they compare as
        // instants, not as text.
        let removed = connection.execute(
            "UPDATE submissions SET body = 'null', body_removed_at = ?2 \
             WHERE body_removed_at IS NULL AND julianday(received_at) < julianday(?1)",
            params![
                received_before.to_rfc3339_opts(SecondsFormat::Secs, false),
                now.to_rfc3339_opts(SecondsFormat::Secs, false),
            ],
        )?;
        if removed > 0 {
            // The old pages leave the write-ahead log for the database file, where
            // secure_delete has overwritten them.
            connection.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        Ok(removed)
    }
}

fn read_record(connection: &Connection, reference: &str) -> rusqlite::Result<Option<Record>> {
    let reference = reference.to_ascii_uppercase();
    type Row = (String, String, String, String, String, bool, String, Option<String>);
    let row: Option<Row> = connection
        .query_row(
            "SELECT reference, received_at, kind, body, server_expected_dates, dates_match, \
             access_token, body_removed_at FROM submissions WHERE reference = ?1",
            [&reference],
            |r| r.try_into(),
        )
        .optional()?;
    let Some((reference, received_at, kind, body, server_dates, dates_match, access_token, body_removed_at)) =
        row
    else {
        return Ok(None);
    };
    let mut statement = connection
        .prepare("SELECT status, date, until FROM events WHERE reference = ?1 ORDER BY id")?;
    let events = statement
        .query_map([&reference], |r| r.try_into())?
        .map(|row| {
            let (status, date, until): (String, String, Option<String>) = row?;
            let date_of = |text: &str| text.parse::<NaiveDate>().map_err(|_| corrupt("date"));
            Ok(Event {
                status: Stage::from_id(&status).ok_or_else(|| corrupt("status"))?,
                date: date_of(&date)?,
                until: until.as_deref().map(date_of).transpose()?,
            })
        })
        .collect::<rusqlite::Result<Vec<Event>>>()?;
    let received = DateTime::parse_from_rfc3339(&received_at)
        .map_err(|_| corrupt("time"))?
        .date_naive();
    let status = Status::new(
        reference,
        Kind::from_id(&kind).ok_or_else(|| corrupt("kind"))?,
        received_at,
        received,
        events,
        serde_json::from_str(&server_dates).map_err(|_| corrupt("dates"))?,
    );
    Ok(Some(Record {
        status,
        access_token,
        body,
        body_removed_at,
        dates_match,
    }))
}

/// Brings a database from before contract v1.1 up to date: each submission gets an access
/// token (which no resident holds: only staff can read those) and the hash that idempotency
/// compares, of the body as it was stored.
fn migrate(connection: &Connection) -> rusqlite::Result<()> {
    let columns: Vec<String> = {
        let mut statement = connection.prepare("SELECT name FROM pragma_table_info('submissions')")?;
        let rows = statement.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for column in ["access_token", "body_sha256", "body_removed_at"] {
        if !columns.iter().any(|c| c == column) {
            connection.execute(&format!("ALTER TABLE submissions ADD COLUMN {column} TEXT"), [])?;
        }
    }
    let missing: Vec<(String, String)> = {
        let mut statement = connection.prepare(
            "SELECT reference, body FROM submissions \
             WHERE access_token IS NULL OR body_sha256 IS NULL",
        )?;
        let rows = statement.query_map([], |r| r.try_into())?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (reference, body) in missing {
        let sha256 = serde_json::from_str(&body)
            .map(|value| super::canonical_sha256(&value))
            .unwrap_or_default();
        connection.execute(
            "UPDATE submissions SET access_token = coalesce(access_token, ?2), \
             body_sha256 = coalesce(body_sha256, ?3) WHERE reference = ?1",
            params![reference, new_access_token(), sha256],
        )?;
    }
    Ok(())
}
