//! What a backend tells about a stored submission (contract v1.1): the receipt the app keeps,
//! and the status its `access_token` may read: where the complaint has got to, each step with
//! its date, beside the dates the landlord's policy promises.
//!
//! The reference receiver records these; the app shows them. Both use these types, so the two
//! cannot drift apart.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::choice::choice;
use super::submission::{ContractError, ExpectedDate, Kind};

/// The answer to a `POST /v1/submissions` that stored the submission (or had stored it before).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// Read out over the phone and written on letters: not a secret.
    pub reference: String,
    pub received_at: String,
    /// Lets whoever holds it read this submission's status, and nothing else of it. A secret
    /// kept on the resident's device. Absent from a backend that speaks contract v1.0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token: Option<String>,
}

choice!(serde
    /// A step in a submission's handling.
    Stage {
        /// Stored by the backend: always the first step, recorded by the backend itself.
        Received = "received",
        Acknowledged = "acknowledged",
        Responded = "responded",
        /// The landlord needs longer, and says until when.
        Extended = "extended",
        /// The resident asked for the next stage.
        Escalated = "escalated",
        Closed = "closed",
    }
);

/// One step, on the day it happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub status: Stage,
    pub date: NaiveDate,
    /// For `extended` only: the new date for the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

/// `GET /v1/submissions/{reference}/status`: all a resident's access token may read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    pub reference: String,
    pub kind: Kind,
    pub received_at: String,
    /// The latest step.
    pub status: Stage,
    /// Every step in order, starting with `received`.
    pub events: Vec<Event>,
    /// The dates the landlord's policy promises, as the backend worked them out on receipt.
    pub expected_dates: Vec<ExpectedDate>,
}

impl Status {
    /// The status of a submission received on `received` (its date) with `later` events.
    pub fn new(
        reference: String,
        kind: Kind,
        received_at: String,
        received: NaiveDate,
        later: Vec<Event>,
        expected_dates: Vec<ExpectedDate>,
    ) -> Status {
        let mut events = vec![Event {
            status: Stage::Received,
            date: received,
            until: None,
        }];
        events.extend(later);
        Status {
            reference,
            kind,
            received_at,
            status: events.last().map_or(Stage::Received, |e| e.status),
            events,
            expected_dates,
        }
    }

    /// What is wrong with recording `event` next, `today`: each problem at its JSON pointer
    /// into the event. Staff record steps as they happen, so a step dated before the last one,
    /// or after tomorrow (clocks differ), is a mistake.
    pub fn check(&self, event: &Event, today: NaiveDate) -> Vec<ContractError> {
        let mut errors = Vec::new();
        let mut error = |pointer, message: String| errors.push(ContractError { pointer, message });
        if event.status == Stage::Received {
            error(
                "/status",
                "\"received\" is recorded when the submission is stored".into(),
            );
        }
        if let Some(last) = self.events.last() {
            if event.date < last.date {
                error(
                    "/date",
                    format!("is before the last step, on {}", last.date),
                );
            }
        }
        if today
            .checked_add_days(Days::new(1))
            .is_some_and(|tomorrow| event.date > tomorrow)
        {
            error("/date", "is in the future".into());
        }
        match (event.status, event.until) {
            (Stage::Extended, None) => error("/until", "is required for an extension".into()),
            (Stage::Extended, Some(until)) if until <= event.date => {
                error("/until", "is not after the date of the extension".into())
            }
            (Stage::Extended, Some(_)) | (_, None) => {}
            (_, Some(_)) => error("/until", "is only for an extension".into()),
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(d: u32, m: u32, y: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn status() -> Status {
        Status::new(
            "RC-2345-6789".into(),
            Kind::Complaint,
            "2026-12-02T10:00:00+00:00".into(),
            date(2, 12, 2026),
            vec![Event {
                status: Stage::Acknowledged,
                date: date(3, 12, 2026),
                until: None,
            }],
            vec![],
        )
    }

    fn event(status: Stage, date: NaiveDate, until: Option<NaiveDate>) -> Event {
        Event {
            status,
            date,
            until,
        }
    }

    fn pointers(errors: Vec<ContractError>) -> Vec<&'static str> {
        errors.into_iter().map(|e| e.pointer).collect()
    }

    #[test]
    fn the_latest_step_is_the_status_and_received_comes_first() {
        let status = status();
        assert_eq!(status.status, Stage::Acknowledged);
        assert_eq!(status.events[0].status, Stage::Received);
        assert_eq!(status.events[0].date, date(2, 12, 2026));
    }

    #[test]
    fn steps_are_checked_against_the_last_one_and_today() {
        let status = status();
        let today = date(10, 12, 2026);
        let ok = event(Stage::Extended, date(9, 12, 2026), Some(date(20, 1, 2027)));
        assert_eq!(pointers(status.check(&ok, today)), Vec::<&str>::new());
        // Tomorrow is allowed (clocks differ); later is not.
        let tomorrow = event(Stage::Responded, date(11, 12, 2026), None);
        assert!(status.check(&tomorrow, today).is_empty());
        let cases = [
            (
                event(Stage::Received, date(9, 12, 2026), None),
                vec!["/status"],
            ),
            (
                event(Stage::Responded, date(2, 12, 2026), None),
                vec!["/date"],
            ),
            (
                event(Stage::Responded, date(12, 12, 2026), None),
                vec!["/date"],
            ),
            (
                event(Stage::Extended, date(9, 12, 2026), None),
                vec!["/until"],
            ),
            (
                event(Stage::Extended, date(9, 12, 2026), Some(date(9, 12, 2026))),
                vec!["/until"],
            ),
            (
                event(Stage::Closed, date(9, 12, 2026), Some(date(20, 12, 2026))),
                vec!["/until"],
            ),
        ];
        for (event, expected) in cases {
            assert_eq!(pointers(status.check(&event, today)), expected, "{event:?}");
        }
    }

    #[test]
    fn a_receipt_from_a_v1_0_backend_has_no_token() {
        let old: Receipt =
            serde_json::from_str(r#"{"reference":"RC-2345-6789","received_at":"x"}"#).unwrap();
        assert_eq!(old.access_token, None);
        assert!(!serde_json::to_string(&old)
            .unwrap()
            .contains("access_token"));
    }
}
