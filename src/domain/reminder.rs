//! A reminder the resident can take away: an iCalendar file (RFC 5545) with an all-day event
//! on each date a tracked submission is still due, and an alarm that morning. It holds what
//! the tracker shows (the landlord, the reference, what is due) and nothing the resident
//! wrote. Each event's UID is its reference and milestone, so a calendar that imports the file
//! again updates the events rather than doubling them.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::domain::language::Language;
use crate::domain::tracker::{MilestoneState, Progress, Tracked};
use crate::domain::translations::tracker as t;

/// The calendar file of what is still due for `item`, or None if nothing is. `stamp` is now,
/// in UTC; `my_complaints` is the address of the page that says what to do if a date passes.
pub fn calendar_file(
    item: &Tracked,
    progress: &Progress,
    language: Language,
    stamp: NaiveDateTime,
    my_complaints: &str,
) -> Option<String> {
    let landlord = &item.landlord_in_texts(language);
    let events: Vec<String> = progress
        .milestones
        .iter()
        .filter(|m| matches!(m.state, MilestoneState::Due | MilestoneState::DueToday))
        .map(|m| {
            let summary = t::calendar_summary(language, m.id.label(language), landlord, &item.reference);
            event(Event {
                uid: format!("{}-{}@resident-complaints", item.reference, m.id.id()),
                day: m.due,
                summary: &summary,
                description: &t::calendar_description(language, my_complaints),
                url: my_complaints,
                stamp,
            })
        })
        .collect();
    if events.is_empty() {
        return None;
    }
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//resident-complaints//My complaints//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    lines.extend(events);
    lines.push("END:VCALENDAR".into());
    Some(lines.join("\r\n") + "\r\n")
}

/// The name to save the file under.
pub fn file_name(item: &Tracked) -> String {
    let safe: String = item
        .reference
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    format!("complaint-{safe}.ics")
}

struct Event<'a> {
    uid: String,
    day: NaiveDate,
    summary: &'a str,
    description: &'a str,
    url: &'a str,
    stamp: NaiveDateTime,
}

/// One all-day event, its lines folded, with an alarm at 9 in the morning.
fn event(e: Event) -> String {
    let date = |d: NaiveDate| d.format("%Y%m%d").to_string();
    [
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", text(&e.uid)),
        format!("DTSTAMP:{}", e.stamp.format("%Y%m%dT%H%M%SZ")),
        format!("DTSTART;VALUE=DATE:{}", date(e.day)),
        format!("DTEND;VALUE=DATE:{}", date(e.day + Duration::days(1))),
        format!("SUMMARY:{}", text(e.summary)),
        format!("DESCRIPTION:{}", text(e.description)),
        format!("URL:{}", e.url),
        "TRANSP:TRANSPARENT".into(),
        "BEGIN:VALARM".into(),
        "ACTION:DISPLAY".into(),
        "TRIGGER:PT9H".into(),
        format!("DESCRIPTION:{}", text(e.summary)),
        "END:VALARM".into(),
        "END:VEVENT".into(),
    ]
    .iter()
    .map(|line| fold(line))
    .collect::<Vec<_>>()
    .join("\r\n")
}

/// A TEXT value, escaped (RFC 5545 3.3.11).
fn text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' | ';' | ',' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            _ => escaped.push(c),
        }
    }
    escaped
}

/// A content line folded at 75 octets, never inside a character (RFC 5545 3.1).
fn fold(line: &str) -> String {
    let mut folded = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            folded.push_str("\r\n ");
            width = 1;
        }
        folded.push(c);
        width += c.len_utf8();
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::deadlines::MilestoneId;
    use crate::domain::local_text::LocalText;
    use crate::domain::submission::Kind;
    use crate::domain::tracker::MilestoneProgress;
    use proptest::prelude::*;

    fn item(landlord: &str) -> Tracked {
        Tracked {
            policy_id: "greatwell".into(),
            landlord: LocalText::new(landlord),
            welsh_mutations: None,
            reference: "RC-7KQ2-M9XD".into(),
            kind: Kind::Complaint,
            category: None,
            submitted_at: "2026-12-02T10:00:00+00:00".parse().unwrap(),
            received_at: "2026-12-02T10:00:01+00:00".into(),
            expected_dates: Vec::new(),
            endpoint: "https://landlord.example/v1/submissions".into(),
            access_token: Some("secret-token".into()),
            escalates: None,
            reply_wanted: false,
            ombudsman: None,
            hazard: None,
        }
    }

    fn progress(states: &[(MilestoneId, &str, MilestoneState)]) -> Progress {
        Progress {
            milestones: states
                .iter()
                .map(|(id, due, state)| MilestoneProgress {
                    id: *id,
                    due: due.parse().unwrap(),
                    state: *state,
                    extension: None,
                })
                .collect(),
            actions: Vec::new(),
            status_read: false,
        }
    }

    const STAMP: &str = "2026-12-02T14:30:00";
    const PAGE: &str = "https://complaints.example/my-complaints?policy=greatwell";

    fn file(item: &Tracked, progress: &Progress) -> Option<String> {
        calendar_file(item, progress, Language::English, STAMP.parse().unwrap(), PAGE)
    }

    /// The file's lines, unfolded.
    fn unfolded(file: &str) -> Vec<String> {
        file.replace("\r\n ", "").split("\r\n").map(String::from).collect()
    }

    #[test]
    fn one_event_for_each_date_still_due_and_none_for_what_is_done_or_late() {
        let done = MilestoneState::Done { on: "2026-12-03".parse().unwrap() };
        let progress = progress(&[
            (MilestoneId::AcknowledgeBy, "2026-12-04", done),
            (MilestoneId::ContactBy, "2026-12-03", MilestoneState::Late { working_days: 1 }),
            (MilestoneId::Stage1ResponseBy, "2026-12-16", MilestoneState::Due),
            (MilestoneId::Stage2RequestBy, "2026-12-04", MilestoneState::DueToday),
        ]);
        let file = file(&item("Greatwell Homes"), &progress).unwrap();
        let lines = unfolded(&file);
        assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 2);
        let starts: Vec<&str> = lines.iter().filter_map(|l| l.strip_prefix("DTSTART;VALUE=DATE:")).collect();
        assert_eq!(starts, ["20261216", "20261204"]);
        assert!(lines.contains(&"DTEND;VALUE=DATE:20261217".to_string()));
        assert!(lines.contains(&"UID:RC-7KQ2-M9XD-stage1_response_by@resident-complaints".to_string()));
        assert!(lines.contains(&"DTSTAMP:20261202T143000Z".to_string()));
        assert!(lines.contains(&format!("URL:{PAGE}")));
        // Commas are escaped in text values.
        assert!(lines.contains(&"SUMMARY:Your landlord replies to your complaint: Greatwell Homes\\, reference RC-7KQ2-M9XD".to_string()), "{lines:?}");
        // Never the token that reads the status.
        assert!(!file.contains("secret-token"));
        assert!(file.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn nothing_due_makes_no_file() {
        let progress = progress(&[(MilestoneId::Stage1ResponseBy, "2026-12-16", MilestoneState::Late { working_days: 3 })]);
        assert_eq!(file(&item("Greatwell Homes"), &progress), None);
    }

    #[test]
    fn a_file_name_keeps_only_safe_characters() {
        let mut odd = item("Greatwell Homes");
        odd.reference = "RC-1/../2;x".into();
        assert_eq!(file_name(&odd), "complaint-RC-12x.ics");
        assert_eq!(file_name(&item("x")), "complaint-RC-7KQ2-M9XD.ics");
    }

    /// A TEXT value read back, as a calendar reads it.
    fn unescape(value: &str) -> String {
        let mut text = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            match (c, c == '\\') {
                (_, true) => match chars.next() {
                    Some('n') => text.push('\n'),
                    Some(other) => text.push(other),
                    None => {}
                },
                _ => text.push(c),
            }
        }
        text
    }

    proptest! {
        /// Whatever the landlord's name (Welsh, emoji, semicolons, new lines), every line is
        /// at most 75 octets, lines break only with CRLF, and unfolding and unescaping gives
        /// the name back.
        #[test]
        fn lines_are_folded_and_text_escaped(name in "[a-zA-Zâŵŷ’😀;,\\\\\n ]{1,120}") {
            let progress = progress(&[(MilestoneId::Stage1ResponseBy, "2026-12-16", MilestoneState::Due)]);
            let file = file(&item(&name), &progress).unwrap();
            for line in file.split("\r\n") {
                prop_assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
                prop_assert!(!line.contains('\n') && !line.contains('\r'));
            }
            let summary = unfolded(&file).into_iter().find_map(|l| l.strip_prefix("SUMMARY:").map(String::from)).unwrap();
            let unescaped = unescape(&summary);
            let expected = format!("Your landlord replies to your complaint: {}, reference RC-7KQ2-M9XD", name.replace('\r', ""));
            prop_assert_eq!(unescaped, expected);
        }
    }
}
