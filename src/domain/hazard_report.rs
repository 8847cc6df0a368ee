//! What the resident told the form about a hazard in their home, with the dates Awaab's Law
//! gives their landlord from when it was first told (`hazards`): shown on the outcome page and
//! sent with the submission (`Submission::hazard`, contract v1.2), so the landlord reads which
//! legal deadline the resident says was missed.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::draft::{Draft, HazardAnswer, Spreading, Vulnerable};
use super::hazards::{self, Deadline, Missed};
use super::calendar::Region;
use super::language::Language;
use super::policy::Policy;
use super::translations::hazard as t;

/// The id of a hazard the resident described in their own words (not one the law names).
pub const OTHER: &str = "other";

/// Whether the resident is asked which of the profile's own hazards "another hazard" is: where
/// it lists any (phase 2 of Awaab's Law, as each comes into force).
pub fn asks_listed(policy: &Policy, draft: &Draft) -> bool {
    draft.hazard == Some(HazardAnswer::Other) && !policy.hazards.is_empty()
}

/// The choices of that question, `(id, words)`: the profile's hazards in its order, then
/// something else.
pub fn listed_choices(policy: &Policy, language: Language) -> Vec<(String, String)> {
    policy
        .hazards
        .iter()
        .map(|hazard| (hazard.id.clone(), hazard.name.get(language).to_string()))
        .chain([(OTHER.to_string(), t::something_else(language).to_string())])
        .collect()
}

/// The hazard the answers report, by id: damp and mould, one the profile lists, or `other`;
/// None where there is none.
pub fn hazard_id<'a>(policy: &'a Policy, draft: &Draft) -> Option<&'a str> {
    match draft.hazard? {
        HazardAnswer::DampAndMould => Some(hazards::DAMP_AND_MOULD),
        HazardAnswer::Other => Some(
            policy
                .hazards
                .iter()
                .find(|hazard| asks_listed(policy, draft) && hazard.id == draft.listed_hazard)
                .map_or(OTHER, |hazard| hazard.id.as_str()),
        ),
        HazardAnswer::None => None,
    }
}

/// The words of the profile's hazard the resident chose, for their answers read back.
pub fn listed_name(policy: &Policy, draft: &Draft, language: Language) -> Option<String> {
    asks_listed(policy, draft).then(|| {
        listed_choices(policy, language)
            .into_iter()
            .find(|(id, _)| *id == draft.listed_hazard)
            .map(|(_, words)| words)
    })?
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HazardReport {
    /// `damp-and-mould`, a hazard the profile lists (`Policy::hazards`), or `other`.
    pub hazard: String,
    /// Who lives with it that it harms most.
    pub vulnerable: Vec<Vulnerable>,
    pub spreading: Option<Spreading>,
    /// When the landlord was first told, as the resident remembers it; absent if this is the
    /// first time.
    pub first_told: Option<NaiveDate>,
    /// The law's deadlines, counted from `first_told` (or from the day it was sent). Empty where
    /// the law sets none for this hazard yet, and outside England.
    pub deadlines: Vec<Deadline>,
    /// Those passed when it was sent.
    pub missed: Vec<Missed>,
}

impl HazardReport {
    /// The report the answers make under `policy` at `now` (UK time): None where the resident
    /// reports no hazard. Outside England it has no dates: the law is England's.
    pub fn from_answers(policy: &Policy, draft: &Draft, now: NaiveDateTime) -> Option<HazardReport> {
        let hazard = hazard_id(policy, draft)?;
        let today = now.date();
        let first_told = draft.first_told.parse(today).ok();
        let law = hazards::significant(policy, hazard, first_told.unwrap_or(today)).ok();
        let report = HazardReport {
            hazard: hazard.to_string(),
            vulnerable: draft.vulnerable.clone(),
            spreading: draft.spreading,
            first_told,
            deadlines: law.map_or_else(Vec::new, |law| law.iter().copied().collect()),
            missed: Vec::new(),
        };
        Some(report.as_of(policy.region, now))
    }

    /// The same with the deadlines passed at `now` (UK time), on `region`'s calendar.
    pub fn as_of(self, region: Region, now: NaiveDateTime) -> HazardReport {
        let missed = self
            .deadlines
            .iter()
            .filter_map(|d| d.missed(region, now))
            .collect();
        HazardReport { missed, ..self }
    }

    /// What a device keeps to follow it (`tracker::Tracked`): the hazard and its dates, not
    /// who in the home it harms or how it is going.
    pub fn to_track(&self) -> HazardReport {
        HazardReport {
            vulnerable: Vec::new(),
            spreading: None,
            missed: Vec::new(),
            ..self.clone()
        }
    }

    /// Whether a legal deadline has passed: then it is a complaint about it.
    pub fn is_late(&self) -> bool {
        !self.missed.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::examples;
    use crate::domain::draft::DateInput;
    use crate::domain::hazards::{DeadlineId, Lateness};

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, 0, 0).unwrap()
    }

    fn damp(first_told: DateInput) -> Draft {
        Draft {
            hazard: Some(HazardAnswer::DampAndMould),
            vulnerable: vec![Vulnerable::Child, Vulnerable::LungOrHeart],
            spreading: Some(Spreading::Yes),
            first_told,
            ..examples::complaint("hos-code-2024")
        }
    }

    fn day(date: &str) -> NaiveDate {
        date.parse().unwrap()
    }

    #[test]
    fn damp_told_fifteen_working_days_ago_has_missed_its_investigation() {
        let policy = Policy::default_policy();
        // Told Tuesday 24 November 2026. Today, Wednesday 16 December 2026, is 16 working days
        // on: the investigation was due on the 10th working day, Tuesday 8 December, and is
        // late by 6 working days (9, 10, 11, 14, 15, 16 December).
        let draft = damp(DateInput::from(day("2026-11-24")));
        let report = HazardReport::from_answers(&policy, &draft, at(2026, 12, 16, 10)).unwrap();
        assert_eq!(report.hazard, "damp-and-mould");
        assert_eq!(report.first_told, Some(day("2026-11-24")));
        assert_eq!(report.vulnerable, [Vulnerable::Child, Vulnerable::LungOrHeart]);
        let investigate = report.deadlines.iter().find(|d| d.id == DeadlineId::Investigate).unwrap();
        assert_eq!(investigate.due, day("2026-12-08"));
        assert!(report.is_late());
        assert_eq!(report.missed[0].id, DeadlineId::Investigate);
        assert_eq!(report.missed[0].late, Lateness::WorkingDays(6));
        // The later dates count from the investigation's own deadline, at the latest: the
        // summary (3 working days on, Friday 11 December) and the safety work (5, Tuesday 15)
        // have passed too; further work "within 5 working days" may wait 12 weeks.
        let missed: Vec<DeadlineId> = report.missed.iter().map(|m| m.id).collect();
        assert_eq!(missed, [DeadlineId::Investigate, DeadlineId::WrittenSummary, DeadlineId::SafetyWork]);
    }

    #[test]
    fn kept_to_track_without_who_it_harms_and_late_again_later() {
        let policy = Policy::default_policy();
        let draft = damp(DateInput::from(day("2026-12-09")));
        // Told Wednesday 9 December: investigation due Wednesday 23 December, not late on the day.
        let sent = HazardReport::from_answers(&policy, &draft, at(2026, 12, 23, 10)).unwrap();
        assert!(!sent.is_late());
        let kept = sent.to_track();
        assert_eq!((kept.vulnerable.len(), kept.spreading), (0, None));
        // Thursday 24 December: 1 working day late.
        let later = kept.as_of(policy.region, at(2026, 12, 24, 9));
        assert_eq!(later.missed[0].id, DeadlineId::Investigate);
        assert_eq!(later.missed[0].late, Lateness::WorkingDays(1));
    }

    #[test]
    fn not_told_yet_counts_from_today_and_nothing_is_late() {
        let policy = Policy::default_policy();
        let report = HazardReport::from_answers(&policy, &damp(DateInput::default()), at(2026, 12, 16, 10)).unwrap();
        assert_eq!(report.first_told, None);
        // From Wednesday 16 December 2026: 17, 18, 21, 22, 23, 24, 29, 30, 31 December, then
        // (past the 25th, the 28th and New Year's Day) Monday 4 January 2027 is the 10th.
        assert_eq!(report.deadlines[0].due, day("2027-01-04"));
        assert!(!report.is_late());
    }

    #[test]
    fn another_hazard_and_any_outside_england_are_reported_without_dates() {
        let policy = Policy::default_policy();
        let other = Draft { hazard: Some(HazardAnswer::Other), ..damp(DateInput::default()) };
        let report = HazardReport::from_answers(&policy, &other, at(2026, 12, 16, 10)).unwrap();
        assert_eq!((report.hazard.as_str(), report.deadlines.len()), ("other", 0));
        let none = Draft { hazard: Some(HazardAnswer::None), ..damp(DateInput::default()) };
        assert_eq!(HazardReport::from_answers(&policy, &none, at(2026, 12, 16, 10)), None);
        let mut wales = Policy::default_policy();
        wales.nation = Some(crate::domain::policy::Nation::Wales);
        let welsh = HazardReport::from_answers(&wales, &damp(DateInput::default()), at(2026, 12, 16, 10)).unwrap();
        assert_eq!((welsh.hazard.as_str(), welsh.deadlines.len(), welsh.is_late()), ("damp-and-mould", 0, false));
    }

    #[test]
    fn a_hazard_the_profile_lists_has_the_laws_dates_from_the_day_it_counts() {
        // Phase 2 as data: excess cold from 1 October 2026, a later hazard from October 2027.
        let mut policy = Policy::default_policy();
        let json = r#"[
            {"id": "excess-cold", "name": "Cold: the home cannot be kept warm", "significant_from": "2026-10-01"},
            {"id": "fire", "name": "Fire", "significant_from": "2027-10-01"}
        ]"#;
        policy.hazards = serde_json::from_str(json).unwrap();
        let chosen = |listed: &str| Draft {
            hazard: Some(HazardAnswer::Other),
            listed_hazard: listed.into(),
            ..damp(DateInput::from(day("2026-11-24")))
        };
        assert!(asks_listed(&policy, &chosen("")));
        let ids: Vec<String> = listed_choices(&policy, Language::English).into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["excess-cold", "fire", "other"]);
        let now = at(2026, 12, 16, 10);
        // Told Tuesday 24 November, as in the damp case: the same dates, and late.
        let cold = HazardReport::from_answers(&policy, &chosen("excess-cold"), now).unwrap();
        assert_eq!(cold.hazard, "excess-cold");
        assert_eq!(cold.deadlines[0].due, day("2026-12-08"));
        assert!(cold.is_late());
        assert_eq!(listed_name(&policy, &chosen("excess-cold"), Language::English).as_deref(), Some("Cold: the home cannot be kept warm"));
        // Not a significant hazard until 2027, nor anything the profile does not list: no dates.
        for listed in ["fire", "other", "not-listed", ""] {
            let report = HazardReport::from_answers(&policy, &chosen(listed), now).unwrap();
            let id = if listed == "fire" { "fire" } else { OTHER };
            assert_eq!((report.hazard.as_str(), report.deadlines.len()), (id, 0), "{listed}");
        }
        // A choice left from "another hazard" does not follow the resident to damp and mould,
        // and a profile that lists none does not ask.
        let damp_now = Draft { hazard: Some(HazardAnswer::DampAndMould), ..chosen("excess-cold") };
        assert_eq!(hazard_id(&policy, &damp_now), Some(hazards::DAMP_AND_MOULD));
        assert!(!asks_listed(&Policy::default_policy(), &chosen("excess-cold")));
        assert_eq!(hazard_id(&Policy::default_policy(), &chosen("excess-cold")), Some(OTHER));
    }
}
