//! Awaab's Law: the deadlines a social landlord in England must meet once it knows of a hazard
//! in a resident's home, under the Hazards in Social Housing (Prescribed Requirements) (England)
//! Regulations 2025 (SI 2025/1042, in force 27 October 2025), made under section 10A of the
//! Landlord and Tenant Act 1985 (section 42 of the Social Housing (Regulation) Act 2023).
//!
//! - An **emergency hazard** (an imminent and significant risk of harm, from any hazard but
//!   crowding and space): investigate and make safe within 24 hours of becoming aware of it.
//! - A **significant hazard** (damp and mould from 27 October 2025, and any hazard a profile
//!   lists from the day it lists): investigate within 10 working days of becoming aware; a
//!   written summary of the findings within 3 working days of the investigation ending; safety
//!   work within 5 working days of it ending.
//! - After either, further work to stop it coming back begun within 5 working days of the
//!   investigation ending, or within 12 weeks where 5 working days is not reasonably practicable.
//! - Where the home cannot be made safe in time, the landlord must offer suitable alternative
//!   accommodation (see [`DeadlineId::alternative_accommodation`]).
//!
//! These are terms of the tenancy: a missed one is a breach the resident can complain about, and
//! [`Deadlines::missed`] says which (with stable ids for the HTTP contract).
//!
//! The law is England's: a profile says its nation ([`Policy::nation`]). For Wales, Scotland and
//! Northern Ireland, and for a landlord told before 27 October 2025, every function here answers
//! [`NotApplicable`], never dates.
//!
//! # How the days are counted
//!
//! Working days are those of the profile's calendar region (`calendar`): Monday to Friday, not a
//! bank holiday or substitute day. The Regulations count "within N working days of" the day the
//! landlord became aware (or the investigation ended), and, as in the published guidance, that
//! day is day 0 and is not counted: the deadline is the N-th working day after it, by the end
//! of that day. This is `calendar::add_working_days`'s convention, which the complaint dates on
//! the same pages use:
//!
//! - **The time of day does not move the date.** Told on Friday 4 December 2026 at 18:30,
//!   Friday is day 0 and the investigation is due on Friday 18 December. The law speaks of days,
//!   not office hours, and a report by phone or email that evening reaches the landlord that
//!   day (a landlord that argues it only learnt of it on Monday would have every date one
//!   working day later).
//! - **Told on a weekend or bank holiday, the next working day is day 0.** Told on Christmas Day
//!   2026, Tuesday 29 December is day 0 and the investigation is due on Wednesday 13 January
//!   2027. Counting from the holiday itself would end one working day sooner (Tuesday 12).
//!   The Regulations do not say when a report made while the landlord is closed makes it
//!   "aware", and this module tells a resident that a legal deadline has passed: so it takes
//!   the later reading, and never names a day earlier than the law can require.
//! - **24 hours are 24 elapsed hours**, through nights, weekends and bank holidays: a duration,
//!   not a time on the clock. Across a change of the clocks the deadline shows an hour earlier
//!   (October) or later (March) on the clock than the time the landlord was told.
//! - **12 weeks are 84 calendar days**, and the date stands even on a bank holiday.
//! - The dates that count from the end of the investigation, which a resident cannot know, are
//!   given **at the latest**: as if it ended on its own deadline. A landlord whose investigation
//!   ended later has missed that deadline already, so a passed "at the latest" date is missed
//!   whatever day it ended. [`Deadlines::with_investigation_ended`] gives the dates from the day
//!   it really ended.
//!
//! ```
//! use chrono::NaiveDate;
//! use resident_complaints::domain::hazards::{self, DeadlineId, Lateness};
//! use resident_complaints::domain::policy::Policy;
//!
//! let policy = Policy::default_policy();
//! let told = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
//! let deadlines = hazards::significant(&policy, hazards::DAMP_AND_MOULD, told).unwrap();
//! let investigate = deadlines.get(DeadlineId::Investigate).unwrap();
//! assert_eq!(investigate.due, NaiveDate::from_ymd_opt(2026, 12, 18).unwrap());
//!
//! let today = NaiveDate::from_ymd_opt(2026, 12, 29).unwrap().and_hms_opt(9, 0, 0).unwrap();
//! let missed = deadlines.missed(today);
//! assert_eq!(missed[0].id, DeadlineId::Investigate);
//! assert_eq!(missed[0].late, Lateness::WorkingDays(5));
//! ```

use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::calendar::{add_working_days, uk_instant, uk_time, working_days_between, Region};
use super::choice::choice;
use super::policy::{self, Nation, Policy};

/// The day the Regulations came into force: Monday 27 October 2025.
pub const IN_FORCE: NaiveDate = match NaiveDate::from_ymd_opt(2025, 10, 27) {
    Some(day) => day,
    None => panic!("a real date"),
};

/// The id of damp and mould (damp, mould and fungal growth), a significant hazard in England
/// from [`IN_FORCE`]. A profile's own hazards cannot use it.
pub const DAMP_AND_MOULD: &str = "damp-and-mould";

/// Hours to investigate an emergency hazard and make it safe.
pub const EMERGENCY_HOURS: i64 = 24;
/// Working days to investigate a significant hazard.
pub const INVESTIGATE_DAYS: u32 = 10;
/// Working days from the end of the investigation to the written summary of its findings.
pub const SUMMARY_DAYS: u32 = 3;
/// Working days from the end of the investigation to make a significant hazard safe.
pub const SAFETY_WORK_DAYS: u32 = 5;
/// Working days from the end of the investigation to begin further work.
pub const FURTHER_WORK_DAYS: u32 = 5;
/// Weeks from the end of the investigation to begin further work where 5 working days is not
/// reasonably practicable.
pub const FURTHER_WORK_WEEKS: u64 = 12;

choice!(serde
    /// Which of the law's two sets of deadlines a hazard is reported under.
    Track {
        /// An imminent and significant risk of harm: 24 hours.
        Emergency = "emergency",
        /// A significant risk of harm from a hazard the law names: working days.
        Significant = "significant",
    }
);

choice!(serde
    /// Each deadline the Regulations set, with a stable id for the HTTP contract.
    DeadlineId {
        /// An emergency hazard investigated and made safe: 24 hours from becoming aware.
        EmergencyMakeSafe = "emergency_make_safe_by",
        /// A significant hazard investigated: 10 working days from becoming aware.
        Investigate = "investigate_by",
        /// A written summary of the investigation's findings given to the resident: 3 working
        /// days from the end of the investigation.
        WrittenSummary = "written_summary_by",
        /// A significant hazard made safe: 5 working days from the end of the investigation.
        SafetyWork = "safety_work_by",
        /// Further work to stop the hazard coming back begun: 5 working days from the end of
        /// the investigation.
        FurtherWork = "further_work_start_by",
        /// Further work begun where 5 working days was not reasonably practicable: 12 weeks
        /// from the end of the investigation.
        FurtherWorkLatest = "further_work_start_latest_by",
    }
);

impl DeadlineId {
    /// What the landlord must do by it, in words a resident reads.
    pub fn label(self, language: super::language::Language) -> &'static str {
        use super::translations::hazard as t;
        let label = match self {
            DeadlineId::EmergencyMakeSafe => t::emergency_make_safe_by,
            DeadlineId::Investigate => t::investigate_by,
            DeadlineId::WrittenSummary => t::written_summary_by,
            DeadlineId::SafetyWork => t::safety_work_by,
            DeadlineId::FurtherWork => t::further_work_start_by,
            DeadlineId::FurtherWorkLatest => t::further_work_start_latest_by,
        };
        label(language)
    }

    /// Whether the landlord must offer the household suitable alternative accommodation (at
    /// its own cost) where it cannot make the home safe by this deadline.
    pub fn alternative_accommodation(self) -> bool {
        matches!(self, DeadlineId::EmergencyMakeSafe | DeadlineId::SafetyWork)
    }

    /// Whether it counts from the end of the investigation, a day the resident cannot know.
    pub fn after_investigation(self) -> bool {
        !matches!(
            self,
            DeadlineId::EmergencyMakeSafe | DeadlineId::Investigate
        )
    }
}

/// A hazard the law can name as significant under a profile: damp and mould, which it always
/// does in England, or one the profile lists, from its date. Pages word damp and mould
/// themselves, and a listed hazard by its `name`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Hazard<'a> {
    DampAndMould,
    Listed(&'a policy::Hazard),
}

impl Hazard<'_> {
    pub fn id(&self) -> &str {
        match self {
            Hazard::DampAndMould => DAMP_AND_MOULD,
            Hazard::Listed(hazard) => &hazard.id,
        }
    }

    /// The first day a landlord told of it must meet the significant-hazard deadlines.
    pub fn significant_from(&self) -> NaiveDate {
        match self {
            Hazard::DampAndMould => IN_FORCE,
            Hazard::Listed(hazard) => hazard.significant_from,
        }
    }
}

/// Damp and mould, then the profile's own hazards, in its order.
pub fn all(policy: &Policy) -> Vec<Hazard<'_>> {
    std::iter::once(Hazard::DampAndMould)
        .chain(policy.hazards.iter().map(Hazard::Listed))
        .collect()
}

/// The hazard with this id, damp and mould or the profile's.
pub fn find<'a>(policy: &'a Policy, id: &str) -> Option<Hazard<'a>> {
    all(policy).into_iter().find(|hazard| hazard.id() == id)
}

/// The hazards that are significant hazards for a landlord told on `day`: the choices a page
/// offers. None outside England, or before the law came into force.
pub fn significant_hazards(policy: &Policy, day: NaiveDate) -> Vec<Hazard<'_>> {
    if applies(policy).is_err() || day < IN_FORCE {
        return Vec::new();
    }
    all(policy)
        .into_iter()
        .filter(|hazard| hazard.significant_from() <= day)
        .collect()
}

/// Why the law gives no dates, for a page to word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case", deny_unknown_fields)]
pub enum NotApplicable {
    /// The landlord's homes are in Wales, Scotland or Northern Ireland, which have laws of
    /// their own.
    NotInEngland { nation: Nation },
    /// The landlord was told before 27 October 2025, when the law came into force.
    BeforeInForce,
    /// Not a significant hazard on the day the landlord was told: one the profile lists from a
    /// later date (`significant_from`), or one the law does not name yet (none). The 24-hour
    /// emergency rule still applies to any hazard.
    NotASignificantHazard { significant_from: Option<NaiveDate> },
}

/// Whether Awaab's Law applies to the profile's landlord at all: only in England.
pub fn applies(policy: &Policy) -> Result<(), NotApplicable> {
    match policy.nation() {
        Nation::England => Ok(()),
        nation => Err(NotApplicable::NotInEngland { nation }),
    }
}

/// One deadline: what, and by when.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    pub id: DeadlineId,
    /// The last day, by its end (UK time); for the 24-hour deadline, the day of `due_at`.
    pub due: NaiveDate,
    /// For the 24-hour deadline, the moment itself, in UK time (`2026-10-25T09:00:00+00:00`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_at: Option<DateTime<FixedOffset>>,
    /// Whether the date assumes the investigation ends on its own deadline: "at the latest".
    #[serde(default, skip_serializing_if = "is_false")]
    pub at_the_latest: bool,
}

fn is_false(value: &bool) -> bool {
    !value
}

/// How late a passed deadline is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lateness {
    /// Working days after the day it was due, up to and including today: 0 on the Saturday
    /// after a Friday deadline.
    WorkingDays(u32),
    /// Hours after the 24-hour deadline, any part of an hour counted as one.
    Hours(u32),
}

/// A deadline that has passed: missed, unless the landlord did what it asks in time, which only
/// the resident knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Missed {
    pub id: DeadlineId,
    pub due: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_at: Option<DateTime<FixedOffset>>,
    pub late: Lateness,
}

/// The deadlines for one hazard reported to a landlord in England, in the order the law sets
/// them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadlines {
    track: Track,
    region: Region,
    deadlines: Vec<Deadline>,
}

/// The deadlines for an emergency hazard the landlord was told of at `told` (UK time, as the
/// resident gives it): made safe within 24 hours, then further work "at the latest".
pub fn emergency(policy: &Policy, told: NaiveDateTime) -> Result<Deadlines, NotApplicable> {
    applies(policy)?;
    if told.date() < IN_FORCE {
        return Err(NotApplicable::BeforeInForce);
    }
    let due_at = uk_time(uk_instant(told) + chrono::Duration::hours(EMERGENCY_HOURS));
    let make_safe = Deadline {
        id: DeadlineId::EmergencyMakeSafe,
        due: due_at.date_naive(),
        due_at: Some(due_at),
        at_the_latest: false,
    };
    let mut deadlines = vec![make_safe];
    deadlines.extend(from_investigation_end(
        policy.region,
        Track::Emergency,
        make_safe.due,
        true,
    ));
    Ok(Deadlines {
        track: Track::Emergency,
        region: policy.region,
        deadlines,
    })
}

/// The deadlines for a significant hazard (`hazard`, an id: [`DAMP_AND_MOULD`] or the
/// profile's) the landlord was told of on `told`: the investigation, then the rest "at the
/// latest".
pub fn significant(
    policy: &Policy,
    hazard: &str,
    told: NaiveDate,
) -> Result<Deadlines, NotApplicable> {
    applies(policy)?;
    if told < IN_FORCE {
        return Err(NotApplicable::BeforeInForce);
    }
    let significant_from = find(policy, hazard).map(|hazard| hazard.significant_from());
    if significant_from.is_none_or(|from| from > told) {
        return Err(NotApplicable::NotASignificantHazard { significant_from });
    }
    let investigate = Deadline::on(
        DeadlineId::Investigate,
        working_days_from(policy.region, told, INVESTIGATE_DAYS),
    );
    let mut deadlines = vec![investigate];
    deadlines.extend(from_investigation_end(
        policy.region,
        Track::Significant,
        investigate.due,
        true,
    ));
    Ok(Deadlines {
        track: Track::Significant,
        region: policy.region,
        deadlines,
    })
}

impl Deadline {
    fn on(id: DeadlineId, due: NaiveDate) -> Deadline {
        Deadline {
            id,
            due,
            due_at: None,
            at_the_latest: false,
        }
    }

    /// This deadline as missed at `now`, if it has passed by then (see [`Deadline::lateness`]).
    /// Never further work's first date: it may begin up to 12 weeks on where 5 working days is
    /// not reasonably practicable, which the resident cannot judge, so only the 12 weeks
    /// passing is surely a missed deadline.
    pub fn missed(&self, region: Region, now: NaiveDateTime) -> Option<Missed> {
        if self.id == DeadlineId::FurtherWork {
            return None;
        }
        self.lateness(region, now).map(|late| Missed {
            id: self.id,
            due: self.due,
            due_at: self.due_at,
            late,
        })
    }

    /// How late it is at `now` (UK time), if it has passed: a day's deadline once the day is
    /// over, the 24-hour one once the moment is.
    pub fn lateness(&self, region: Region, now: NaiveDateTime) -> Option<Lateness> {
        match self.due_at {
            Some(due_at) => {
                let seconds = (uk_instant(now) - due_at.to_utc()).num_seconds();
                (seconds > 0).then(|| Lateness::Hours(((seconds + 3599) / 3600) as u32))
            }
            None => (now.date() > self.due)
                .then(|| Lateness::WorkingDays(working_days_between(region, self.due, now.date()))),
        }
    }
}

/// The `days`-th working day after `day`, which is day 0 (the next working day is, where `day`
/// is not one): `add_working_days`, the convention the module documentation explains.
fn working_days_from(region: Region, day: NaiveDate, days: u32) -> NaiveDate {
    add_working_days(region, day.and_time(NaiveTime::MIN), days)
}

/// The deadlines that count from the investigation's end on `ended`.
fn from_investigation_end(
    region: Region,
    track: Track,
    ended: NaiveDate,
    at_the_latest: bool,
) -> Vec<Deadline> {
    let after = |id, days| Deadline {
        at_the_latest,
        ..Deadline::on(id, working_days_from(region, ended, days))
    };
    let mut deadlines = Vec::new();
    if track == Track::Significant {
        deadlines.push(after(DeadlineId::WrittenSummary, SUMMARY_DAYS));
        deadlines.push(after(DeadlineId::SafetyWork, SAFETY_WORK_DAYS));
    }
    deadlines.push(after(DeadlineId::FurtherWork, FURTHER_WORK_DAYS));
    deadlines.push(Deadline {
        at_the_latest,
        ..Deadline::on(
            DeadlineId::FurtherWorkLatest,
            ended + Days::new(7 * FURTHER_WORK_WEEKS),
        )
    });
    deadlines
}

impl Deadlines {
    pub fn track(&self) -> Track {
        self.track
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Deadline> {
        self.deadlines.iter()
    }

    pub fn get(&self, id: DeadlineId) -> Option<&Deadline> {
        self.deadlines.iter().find(|deadline| deadline.id == id)
    }

    /// The same deadlines with those after the investigation counted from the day it really
    /// ended (`ended`, which the landlord's written summary gives), no longer "at the latest".
    pub fn with_investigation_ended(&self, ended: NaiveDate) -> Deadlines {
        let mut deadlines: Vec<Deadline> = self
            .deadlines
            .iter()
            .copied()
            .filter(|deadline| !deadline.id.after_investigation())
            .collect();
        deadlines.extend(from_investigation_end(
            self.region,
            self.track,
            ended,
            false,
        ));
        Deadlines {
            deadlines,
            ..self.clone()
        }
    }

    /// The deadlines passed at `now` (UK time), and by how much, in order: what a page words as
    /// "this is late, and can be a complaint", and a submission records as missed.
    pub fn missed(&self, now: NaiveDateTime) -> Vec<Missed> {
        self.deadlines
            .iter()
            .filter_map(|deadline| deadline.missed(self.region, now))
            .collect()
    }
}

impl<'a> IntoIterator for &'a Deadlines {
    type Item = &'a Deadline;
    type IntoIter = std::slice::Iter<'a, Deadline>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::is_working_day;
    use crate::domain::policy::{OmbudsmanScheme, PolicyError};
    use serde_json::{json, Value};
    use DeadlineId::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("YYYY-MM-DD")
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("YYYY-MM-DD HH:MM")
    }

    fn code() -> Policy {
        Policy::default_policy()
    }

    /// The default profile, changed as JSON and read as a landlord's file would be.
    fn profile(change: impl FnOnce(&mut Value)) -> Result<Policy, PolicyError> {
        let mut json = serde_json::to_value(code()).unwrap();
        change(&mut json);
        Policy::from_json(&json.to_string())
    }

    /// The default profile with excess cold a significant hazard from 1 October 2026.
    fn with_excess_cold() -> Policy {
        profile(|p| {
            p["hazards"] = json!([{
                "id": "excess-cold",
                "name": { "en": "Excess cold", "cy": "Oerfel gormodol" },
                "significant_from": "2026-10-01"
            }])
        })
        .unwrap()
    }

    fn damp(told: &str) -> Deadlines {
        significant(&code(), DAMP_AND_MOULD, day(told)).unwrap()
    }

    /// The deadlines as (id, ISO date) pairs, in order.
    fn dates(deadlines: &Deadlines) -> Vec<(&'static str, String)> {
        deadlines
            .iter()
            .map(|d| (d.id.id(), d.due.to_string()))
            .collect()
    }

    fn expected(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
        pairs
            .iter()
            .map(|(id, date)| (*id, date.to_string()))
            .collect()
    }

    #[test]
    fn told_on_a_friday_evening() {
        // Friday 4 December 2026 at 18:30: the time does not move the date, Friday is day 0.
        // Investigation, 10 working days: Mon 7 (1), 8, 9, 10, Fri 11 (5), Mon 14 (6), 15, 16,
        // 17, Fri 18 (10).
        // Ended at the latest Fri 18: summary, 3: Mon 21 (1), Tue 22 (2), Wed 23 (3).
        // Safety and further work, 5: 21, 22, 23, Thu 24 (4), [Fri 25 Christmas Day, Mon 28
        // Boxing Day (substitute day)], Tue 29 (5).
        // 12 weeks: Fri 18 December + 84 days = Fri 12 March 2027 (13 days to 31 December, 31
        // in January, 28 in February, 12 in March).
        let deadlines =
            significant(&code(), DAMP_AND_MOULD, at("2026-12-04 18:30").date()).unwrap();
        assert_eq!(
            dates(&deadlines),
            expected(&[
                ("investigate_by", "2026-12-18"),
                ("written_summary_by", "2026-12-23"),
                ("safety_work_by", "2026-12-29"),
                ("further_work_start_by", "2026-12-29"),
                ("further_work_start_latest_by", "2027-03-12"),
            ])
        );
        assert_eq!(deadlines.track(), Track::Significant);
        assert!(!deadlines.get(Investigate).unwrap().at_the_latest);
        assert!(deadlines.iter().skip(1).all(|d| d.at_the_latest));
        // The same as told that morning.
        assert_eq!(deadlines, damp("2026-12-04"));
    }

    #[test]
    fn told_on_christmas_eve_2026() {
        // Thursday 24 December 2026 is a working day: day 0. Fri 25 (Christmas Day), Mon 28
        // (Boxing Day, substitute day) and Fri 1 January 2027 (New Year's Day) do not count.
        // Investigation: Tue 29 (1), Wed 30 (2), Thu 31 (3), Mon 4 (4), 5, 6, 7, Fri 8 (8),
        // Mon 11 (9), Tue 12 January (10).
        // Summary: Wed 13 (1), Thu 14 (2), Fri 15 (3). Safety and further work: Mon 18 (4),
        // Tue 19 (5). 12 weeks: Tue 12 January + 84 days = Tue 6 April 2027 (19 days to 31
        // January, 28 in February, 31 in March, 6 in April), after Easter Monday 29 March.
        assert_eq!(
            dates(&damp("2026-12-24")),
            expected(&[
                ("investigate_by", "2027-01-12"),
                ("written_summary_by", "2027-01-15"),
                ("safety_work_by", "2027-01-19"),
                ("further_work_start_by", "2027-01-19"),
                ("further_work_start_latest_by", "2027-04-06"),
            ])
        );
    }

    #[test]
    fn told_on_a_weekend_or_bank_holiday_the_next_working_day_is_day_0() {
        // Christmas Day, Friday 25 December 2026: the next working day, Tue 29, is day 0.
        // Wed 30 (1), Thu 31 (2), [Fri 1 New Year's Day], Mon 4 (3), 5, 6, 7, Fri 8 (7),
        // Mon 11 (8), Tue 12 (9), Wed 13 January 2027 (10). Boxing Day (Sat 26) and its
        // substitute day (Mon 28) give the same.
        for told in ["2026-12-25", "2026-12-26", "2026-12-27", "2026-12-28"] {
            assert_eq!(
                damp(told).get(Investigate).unwrap().due,
                day("2027-01-13"),
                "told {told}"
            );
        }
        // Saturday 5 December 2026: Monday 7 is day 0. Tue 8 (1) ... Fri 11 (4), Mon 14 (5)
        // ... Fri 18 (9), Mon 21 December (10).
        assert_eq!(
            damp("2026-12-05").get(Investigate).unwrap().due,
            day("2026-12-21")
        );
        assert_eq!(damp("2026-12-06"), damp("2026-12-07"));
    }

    #[test]
    fn the_first_day_of_the_law() {
        // Monday 27 October 2025, day 0: Tue 28 (1) ... Fri 31 (4), Mon 3 November (5) ...
        // Fri 7 (9), Mon 10 November 2025 (10).
        assert_eq!(
            damp("2025-10-27").get(Investigate).unwrap().due,
            day("2025-11-10")
        );
        assert_eq!(
            significant(&code(), DAMP_AND_MOULD, day("2025-10-26")),
            Err(NotApplicable::BeforeInForce)
        );
        assert_eq!(
            emergency(&code(), at("2025-10-26 23:59")),
            Err(NotApplicable::BeforeInForce)
        );
        assert!(emergency(&code(), at("2025-10-27 00:00")).is_ok());
    }

    #[test]
    fn emergency_24_hours_across_midnight_and_the_weekend() {
        // Friday 4 December 2026 at 18:30 (GMT): 24 hours later is Saturday 5 December at
        // 18:30, weekend or not.
        let deadlines = emergency(&code(), at("2026-12-04 18:30")).unwrap();
        let make_safe = deadlines.get(EmergencyMakeSafe).unwrap();
        assert_eq!(make_safe.due, day("2026-12-05"));
        assert_eq!(
            make_safe.due_at.unwrap().to_rfc3339(),
            "2026-12-05T18:30:00+00:00"
        );
        assert_eq!(deadlines.track(), Track::Emergency);
        // Further work, at the latest from the investigation's end on Saturday 5: Monday 7 is
        // day 0, Tue 8 (1) ... Fri 11 (4), Mon 14 December (5); 12 weeks: Saturday 5 December
        // + 84 days = Saturday 27 February 2027.
        assert_eq!(
            dates(&deadlines),
            expected(&[
                ("emergency_make_safe_by", "2026-12-05"),
                ("further_work_start_by", "2026-12-14"),
                ("further_work_start_latest_by", "2027-02-27"),
            ])
        );
        // Told at 23:30 on Christmas Eve: due at 23:30 on Christmas Day, a bank holiday.
        let christmas = emergency(&code(), at("2026-12-24 23:30")).unwrap();
        assert_eq!(
            christmas
                .get(EmergencyMakeSafe)
                .unwrap()
                .due_at
                .unwrap()
                .to_rfc3339(),
            "2026-12-25T23:30:00+00:00"
        );
    }

    #[test]
    fn emergency_24_hours_are_elapsed_hours_across_a_change_of_the_clocks() {
        let due_at = |told: &str| {
            let deadlines = emergency(&code(), at(told)).unwrap();
            deadlines
                .get(EmergencyMakeSafe)
                .unwrap()
                .due_at
                .unwrap()
                .to_rfc3339()
        };
        // The clocks go back at 02:00 BST on Sunday 25 October 2026. Told at 10:00 BST on
        // Saturday 24 (09:00 UTC): 24 hours later is 09:00 UTC, 09:00 GMT on the clock.
        assert_eq!(due_at("2026-10-24 10:00"), "2026-10-25T09:00:00+00:00");
        // Told at 00:30 BST on Sunday 25, a day of 25 hours: due at 23:30 GMT the same day.
        assert_eq!(due_at("2026-10-25 00:30"), "2026-10-25T23:30:00+00:00");
        // Told at 01:30 on Sunday 25, a time the clock shows twice: the first, 00:30 UTC.
        assert_eq!(due_at("2026-10-25 01:30"), "2026-10-26T00:30:00+00:00");
        // The clocks go forward at 01:00 GMT on Sunday 28 March 2027. Told at 10:00 GMT on
        // Saturday 27: 10:00 UTC on Sunday, 11:00 BST on the clock.
        assert_eq!(due_at("2027-03-27 10:00"), "2027-03-28T11:00:00+01:00");
        // Told at 23:30 GMT on Saturday 27: due at 00:30 BST on Monday 29 (Easter Monday).
        assert_eq!(due_at("2027-03-27 23:30"), "2027-03-29T00:30:00+01:00");
        let deadlines = emergency(&code(), at("2027-03-27 23:30")).unwrap();
        assert_eq!(
            deadlines.get(EmergencyMakeSafe).unwrap().due,
            day("2027-03-29")
        );
    }

    #[test]
    fn twelve_weeks_and_the_real_end_of_the_investigation() {
        // The investigation really ended on Wednesday 9 December 2026 (told Friday 4).
        // Summary: Thu 10 (1), Fri 11 (2), Mon 14 (3). Safety and further work: Tue 15 (4),
        // Wed 16 (5). 12 weeks: Wed 9 December + 84 days = Wed 3 March 2027 (22 days to 31
        // December, 31 in January, 28 in February, 3 in March).
        let ended = damp("2026-12-04").with_investigation_ended(day("2026-12-09"));
        assert_eq!(
            dates(&ended),
            expected(&[
                ("investigate_by", "2026-12-18"),
                ("written_summary_by", "2026-12-14"),
                ("safety_work_by", "2026-12-16"),
                ("further_work_start_by", "2026-12-16"),
                ("further_work_start_latest_by", "2027-03-03"),
            ])
        );
        assert!(ended.iter().all(|d| !d.at_the_latest));
        // 12 weeks are calendar weeks: ended Monday 4 January 2027, they end on Easter Monday,
        // 29 March 2027, a bank holiday, and the date stands.
        let easter = damp("2026-12-04").with_investigation_ended(day("2027-01-04"));
        assert_eq!(
            easter.get(FurtherWorkLatest).unwrap().due,
            day("2027-03-29")
        );
        // Ended on its deadline: the "at the latest" dates, no longer marked so.
        let on_time = damp("2026-12-04");
        let latest: Vec<_> = on_time
            .iter()
            .map(|d| Deadline {
                at_the_latest: false,
                ..*d
            })
            .collect();
        let ended = on_time.with_investigation_ended(day("2026-12-18"));
        assert_eq!(ended.iter().copied().collect::<Vec<_>>(), latest);
    }

    #[test]
    fn england_only() {
        assert_eq!(applies(&code()), Ok(()));
        for (nation, region) in [
            ("wales", "england-and-wales"),
            ("scotland", "scotland"),
            ("northern-ireland", "northern-ireland"),
        ] {
            let scheme = OmbudsmanScheme::of_nation(Nation::from_id(nation).unwrap());
            let policy = profile(|p| {
                p["nation"] = nation.into();
                p["region"] = region.into();
                p["ombudsman"] = serde_json::json!({ "scheme": scheme.id() });
            })
            .unwrap();
            let not_here = NotApplicable::NotInEngland {
                nation: policy.nation(),
            };
            assert_eq!(policy.nation().id(), nation);
            assert_eq!(applies(&policy), Err(not_here));
            assert_eq!(
                significant(&policy, DAMP_AND_MOULD, day("2026-12-04")),
                Err(not_here)
            );
            assert_eq!(emergency(&policy, at("2026-12-04 18:30")), Err(not_here));
            assert!(significant_hazards(&policy, day("2026-12-04")).is_empty());
        }
        // A profile that names no nation: Scotland's region means Scotland.
        let scottish = profile(|p| {
            p.as_object_mut().unwrap().remove("nation");
            p["region"] = "scotland".into();
            p["ombudsman"] = json!({ "scheme": "spso" });
        })
        .unwrap();
        assert_eq!(
            applies(&scottish),
            Err(NotApplicable::NotInEngland {
                nation: Nation::Scotland
            })
        );
        // A nation that contradicts its region is refused before any of this.
        let refused = profile(|p| p["nation"] = "scotland".into()).unwrap_err();
        assert_eq!(refused.field, "nation");
        let refused = profile(|p| {
            p["nation"] = "wales".into();
            p["region"] = "northern-ireland".into();
        })
        .unwrap_err();
        assert_eq!(refused.field, "nation");
    }

    #[test]
    fn a_phase_2_hazard_from_its_date() {
        let policy = with_excess_cold();
        // Wednesday 30 September 2026: not yet a significant hazard.
        assert_eq!(
            significant(&policy, "excess-cold", day("2026-09-30")),
            Err(NotApplicable::NotASignificantHazard {
                significant_from: Some(day("2026-10-01"))
            })
        );
        let ids = |day: &str| -> Vec<String> {
            significant_hazards(&policy, self::day(day))
                .iter()
                .map(|h| h.id().to_string())
                .collect()
        };
        assert_eq!(ids("2026-09-30"), ["damp-and-mould"]);
        // Thursday 1 October 2026, day 0: Fri 2 (1), Mon 5 (2) ... Fri 9 (6), Mon 12 (7),
        // Tue 13 (8), Wed 14 (9), Thu 15 October (10).
        let deadlines = significant(&policy, "excess-cold", day("2026-10-01")).unwrap();
        assert_eq!(deadlines.get(Investigate).unwrap().due, day("2026-10-15"));
        assert_eq!(ids("2026-10-01"), ["damp-and-mould", "excess-cold"]);
        // Damp and mould needs no listing; a hazard the profile does not list is not one.
        assert!(significant(&policy, DAMP_AND_MOULD, day("2026-09-30")).is_ok());
        assert_eq!(
            significant(&policy, "noise", day("2026-10-01")),
            Err(NotApplicable::NotASignificantHazard {
                significant_from: None
            })
        );
        assert_eq!(
            significant(&code(), "excess-cold", day("2026-10-01")),
            Err(NotApplicable::NotASignificantHazard {
                significant_from: None
            })
        );
        let Some(Hazard::Listed(listed)) = find(&policy, "excess-cold") else {
            panic!("listed");
        };
        assert_eq!(
            listed.name.get(crate::domain::language::Language::Welsh),
            "Oerfel gormodol"
        );
        assert!(significant_hazards(&policy, day("2025-10-26")).is_empty());
    }

    #[test]
    fn which_deadlines_have_passed() {
        let deadlines = damp("2026-12-04");
        let missed = |now: &str| -> Vec<(&'static str, Lateness)> {
            deadlines
                .missed(at(now))
                .iter()
                .map(|m| (m.id.id(), m.late))
                .collect()
        };
        // Due Friday 18 December: not passed that day, whatever the hour.
        assert_eq!(missed("2026-12-18 23:59"), []);
        // Saturday 19: passed, by no working day yet.
        assert_eq!(
            missed("2026-12-19 09:00"),
            [("investigate_by", Lateness::WorkingDays(0))]
        );
        // Tuesday 29 December, 15 working days after Friday 4 (Mon 7 ... Fri 18 (10), Mon 21,
        // Tue 22, Wed 23, Thu 24, Tue 29 (15)): the investigation is 5 working days late (21,
        // 22, 23, 24, 29), the summary 2 (24, 29); safety and further work are due today.
        assert_eq!(
            missed("2026-12-29 12:00"),
            [
                ("investigate_by", Lateness::WorkingDays(5)),
                ("written_summary_by", Lateness::WorkingDays(2)),
            ]
        );
        // Tuesday 12 January 2027: 14, 11 and 9 working days late.
        // After Fri 18: 21, 22, 23, 24, 29, 30, 31, 4, 5, 6, 7, 8, 11, 12 (14).
        // After Wed 23: 24, 29, 30, 31, 4, 5, 6, 7, 8, 11, 12 (11).
        // After Tue 29: 30, 31, 4, 5, 6, 7, 8, 11, 12 (9).
        // Further work's 5 working days have passed too, but it may wait up to 12 weeks where
        // sooner is not reasonably practicable: not surely missed until then.
        assert_eq!(
            missed("2027-01-12 12:00"),
            [
                ("investigate_by", Lateness::WorkingDays(14)),
                ("written_summary_by", Lateness::WorkingDays(11)),
                ("safety_work_by", Lateness::WorkingDays(9)),
            ]
        );
        // Saturday 13 March 2027, the day after the 12 weeks.
        assert_eq!(
            missed("2027-03-13 09:00").last(),
            Some(&("further_work_start_latest_by", Lateness::WorkingDays(0)))
        );
    }

    #[test]
    fn an_emergency_is_late_by_the_hour() {
        // Told Friday 4 December 2026 at 18:30, due Saturday 5 at 18:30.
        let deadlines = emergency(&code(), at("2026-12-04 18:30")).unwrap();
        assert_eq!(deadlines.missed(at("2026-12-05 18:30")), []);
        let late = |now: &str| deadlines.missed(at(now))[0].late;
        // One minute late is late: any part of an hour counts.
        assert_eq!(late("2026-12-05 18:31"), Lateness::Hours(1));
        assert_eq!(late("2026-12-06 09:00"), Lateness::Hours(15));
        // Across the clocks going back: told 10:00 BST Saturday 24 October 2026, due 09:00 GMT
        // Sunday 25; at 10:00 GMT it is one hour late, though the clock shows the same time.
        let autumn = emergency(&code(), at("2026-10-24 10:00")).unwrap();
        assert_eq!(autumn.missed(at("2026-10-25 09:00")), []);
        assert_eq!(
            autumn.missed(at("2026-10-25 10:00"))[0].late,
            Lateness::Hours(1)
        );
    }

    #[test]
    fn deadline_ids_are_stable_snake_case_and_serialise_as_the_contract_will() {
        for id in DeadlineId::ALL {
            assert!(
                id.id().bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{id:?}"
            );
            assert!(id.id().ends_with("_by"), "{id:?}");
        }
        let ids: std::collections::HashSet<_> = DeadlineId::ALL.iter().map(|d| d.id()).collect();
        assert_eq!(ids.len(), DeadlineId::ALL.len());
        assert!(EmergencyMakeSafe.alternative_accommodation());
        assert!(SafetyWork.alternative_accommodation());
        assert!(!Investigate.alternative_accommodation());

        let deadlines = emergency(&code(), at("2026-10-24 10:00")).unwrap();
        let make_safe = deadlines.get(EmergencyMakeSafe).unwrap();
        assert_eq!(
            serde_json::to_value(make_safe).unwrap(),
            json!({ "id": "emergency_make_safe_by", "due": "2026-10-25", "due_at": "2026-10-25T09:00:00Z" })
        );
        // In summer time the moment carries its offset, and reads back the same.
        let spring = emergency(&code(), at("2027-03-27 10:00")).unwrap();
        let make_safe = *spring.get(EmergencyMakeSafe).unwrap();
        let spring_json = json!({ "id": "emergency_make_safe_by", "due": "2027-03-28", "due_at": "2027-03-28T11:00:00+01:00" });
        assert_eq!(serde_json::to_value(make_safe).unwrap(), spring_json);
        assert_eq!(
            serde_json::from_value::<Deadline>(spring_json).unwrap(),
            make_safe
        );
        let summary = *damp("2026-12-04").get(WrittenSummary).unwrap();
        let summary_json =
            json!({ "id": "written_summary_by", "due": "2026-12-23", "at_the_latest": true });
        assert_eq!(serde_json::to_value(summary).unwrap(), summary_json);
        assert_eq!(
            serde_json::from_value::<Deadline>(summary_json).unwrap(),
            summary
        );

        let missed = damp("2026-12-04").missed(at("2026-12-29 12:00"))[0];
        let missed_json =
            json!({ "id": "investigate_by", "due": "2026-12-18", "late": { "working_days": 5 } });
        assert_eq!(serde_json::to_value(missed).unwrap(), missed_json);
        assert_eq!(
            serde_json::from_value::<Missed>(missed_json).unwrap(),
            missed
        );

        for (why, json) in [
            (
                NotApplicable::NotInEngland {
                    nation: Nation::Wales,
                },
                json!({ "reason": "not_in_england", "nation": "wales" }),
            ),
            (
                NotApplicable::BeforeInForce,
                json!({ "reason": "before_in_force" }),
            ),
            (
                NotApplicable::NotASignificantHazard {
                    significant_from: Some(day("2026-10-01")),
                },
                json!({ "reason": "not_a_significant_hazard", "significant_from": "2026-10-01" }),
            ),
        ] {
            assert_eq!(serde_json::to_value(why).unwrap(), json);
            assert_eq!(serde_json::from_value::<NotApplicable>(json).unwrap(), why);
        }
        assert_eq!(
            serde_json::to_value(Track::Significant).unwrap(),
            "significant"
        );
    }

    proptest::proptest! {
        /// For any day from the law's first to 2040: every deadline counted in working days is
        /// a working day after the day the landlord was told, in the law's order; the 12 weeks
        /// are 84 days after the investigation; and the real end on its deadline gives the
        /// "at the latest" dates.
        #[test]
        fn significant_deadlines_are_ordered_working_days(offset in 0u64..(15 * 366)) {
            let policy = with_excess_cold();
            let told = IN_FORCE + Days::new(offset);
            let deadlines = significant(&policy, DAMP_AND_MOULD, told).unwrap();
            for deadline in &deadlines {
                proptest::prop_assert!(deadline.due > told, "{deadline:?}");
                if deadline.id != FurtherWorkLatest {
                    proptest::prop_assert!(is_working_day(policy.region, deadline.due), "{deadline:?}");
                }
            }
            let due = |id| deadlines.get(id).unwrap().due;
            proptest::prop_assert!(due(Investigate) < due(WrittenSummary));
            proptest::prop_assert!(due(WrittenSummary) < due(SafetyWork));
            proptest::prop_assert_eq!(due(SafetyWork), due(FurtherWork));
            proptest::prop_assert_eq!(due(FurtherWorkLatest), due(Investigate) + Days::new(84));
            let ended = deadlines.with_investigation_ended(due(Investigate));
            for (latest, real) in deadlines.iter().zip(&ended) {
                proptest::prop_assert_eq!((latest.id, latest.due), (real.id, real.due));
            }
        }

        /// Told later, no deadline comes sooner.
        #[test]
        fn deadlines_never_come_sooner_when_told_later(offset in 0u64..(15 * 366), later in 0u64..40) {
            let told = IN_FORCE + Days::new(offset);
            let (first, second) = (damp(&told.to_string()), damp(&(told + Days::new(later)).to_string()));
            for (a, b) in first.iter().zip(&second) {
                proptest::prop_assert!(a.due <= b.due, "{a:?} then {b:?}");
            }
            let hour = |day: NaiveDate| day.and_hms_opt(10, 0, 0).unwrap();
            let (a, b) = (
                emergency(&code(), hour(told)).unwrap(),
                emergency(&code(), hour(told + Days::new(later))).unwrap(),
            );
            for (a, b) in a.iter().zip(&b) {
                proptest::prop_assert!(a.due <= b.due, "{a:?} then {b:?}");
            }
        }

        /// 24 hours are 24 elapsed hours, whatever the clocks do, and due on the day told (told
        /// just after midnight on the 25-hour day the clocks go back), the next, or the one
        /// after (told late on the night before they go forward).
        #[test]
        fn the_emergency_deadline_is_24_elapsed_hours(offset in 0i64..(15 * 366 * 24 * 60)) {
            let told = IN_FORCE.and_time(NaiveTime::MIN) + chrono::Duration::minutes(offset);
            let deadlines = emergency(&code(), told).unwrap();
            let make_safe = deadlines.get(EmergencyMakeSafe).unwrap();
            let due_at = make_safe.due_at.unwrap();
            proptest::prop_assert_eq!(due_at.to_utc() - uk_instant(told), chrono::Duration::hours(24));
            proptest::prop_assert_eq!(due_at.offset().local_minus_utc(), uk_time(due_at.to_utc()).offset().local_minus_utc());
            proptest::prop_assert!(make_safe.due >= told.date() && make_safe.due <= told.date() + Days::new(2));
        }

        /// Later, the same deadlines or more have passed, each no less late; a day's deadline
        /// has passed exactly when its day is over.
        #[test]
        fn more_passes_as_time_goes_on(offset in 0u64..(15 * 366), after in 0i64..(200 * 24), more in 0i64..(60 * 24)) {
            let told = IN_FORCE + Days::new(offset);
            let deadlines = damp(&told.to_string());
            let now = told.and_time(NaiveTime::MIN) + chrono::Duration::hours(after);
            let later = now + chrono::Duration::hours(more);
            let (sooner, then) = (deadlines.missed(now), deadlines.missed(later));
            proptest::prop_assert!(sooner.len() <= then.len());
            for (a, b) in sooner.iter().zip(&then) {
                proptest::prop_assert_eq!(a.id, b.id);
                let (Lateness::WorkingDays(a), Lateness::WorkingDays(b)) = (a.late, b.late) else {
                    return Err(proptest::test_runner::TestCaseError::fail("working days"));
                };
                proptest::prop_assert!(a <= b);
            }
            for deadline in &deadlines {
                let passed = sooner.iter().any(|m| m.id == deadline.id);
                let surely = deadline.id != DeadlineId::FurtherWork && now.date() > deadline.due;
                proptest::prop_assert_eq!(passed, surely, "{:?}", deadline);
            }
        }
    }
}
