//! The dates a policy promises: from the time a complaint (or a review request) is received,
//! each milestone of the policy as a real date, in working days of the policy's region.

use super::choice::choice;
use chrono::{Datelike, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::calendar::{add_working_days, Region};
use super::policy::{Anchor, Clock, Counting, Policy, Stage};
use super::translations::{self as t, Language};

/// Where a policy gives no acknowledgement time but starts a clock at acknowledgement, the
/// statutory Code's limit (5 working days) is assumed: the Code binds every member landlord.
pub const CODE_ACKNOWLEDGE_DAYS: u32 = 5;

choice!(
    /// The milestones a policy can promise, each with a stable id used in the HTTP contract.
    MilestoneId {
        AcknowledgeBy = "acknowledge_by",
        ContactBy = "contact_by",
        ConcernResolveBy = "concern_resolve_by",
        Stage1ResponseBy = "stage1_response_by",
        Stage1ExtendedBy = "stage1_extended_by",
        Stage2RequestBy = "stage2_request_by",
        Stage2AcknowledgeBy = "stage2_acknowledge_by",
        Stage2ResponseBy = "stage2_response_by",
        Stage2ExtendedBy = "stage2_extended_by",
        CommentReplyBy = "comment_reply_by",
    }
);

impl MilestoneId {
    /// What happens by this date, in words a resident reads.
    pub fn label(self, language: Language) -> &'static str {
        use t::milestones;
        let label = match self {
            MilestoneId::AcknowledgeBy => milestones::acknowledge_by,
            MilestoneId::ContactBy => milestones::contact_by,
            MilestoneId::ConcernResolveBy => milestones::concern_resolve_by,
            MilestoneId::Stage1ResponseBy => milestones::stage1_response_by,
            MilestoneId::Stage1ExtendedBy => milestones::stage1_extended_by,
            MilestoneId::Stage2RequestBy => milestones::stage2_request_by,
            MilestoneId::Stage2AcknowledgeBy => milestones::stage2_acknowledge_by,
            MilestoneId::Stage2ResponseBy => milestones::stage2_response_by,
            MilestoneId::Stage2ExtendedBy => milestones::stage2_extended_by,
            MilestoneId::CommentReplyBy => milestones::comment_reply_by,
        };
        label(language)
    }
}

/// One dated promise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Milestone {
    pub id: MilestoneId,
    pub date: NaiveDate,
}

impl Milestone {
    pub fn new(id: MilestoneId, date: NaiveDate) -> Milestone {
        Milestone { id, date }
    }

    pub fn label(&self, language: Language) -> &'static str {
        self.id.label(language)
    }
}

/// The dated milestones, earliest first (milestones on the same day keep the policy's order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    milestones: Vec<Milestone>,
}

impl Timeline {
    fn new(mut milestones: Vec<Milestone>) -> Timeline {
        super::short_sort::sort_short_by_key(&mut milestones, |m| m.date);
        Timeline { milestones }
    }

    /// The date of a milestone by its id (`"stage1_response_by"`), where the policy has it.
    pub fn get(&self, id: &str) -> Option<NaiveDate> {
        self.milestones
            .iter()
            .find(|m| m.id.id() == id)
            .map(|m| m.date)
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Milestone> {
        self.milestones.iter()
    }

    pub fn len(&self) -> usize {
        self.milestones.len()
    }

    pub fn is_empty(&self) -> bool {
        self.milestones.is_empty()
    }
}

impl<'a> IntoIterator for &'a Timeline {
    type Item = &'a Milestone;
    type IntoIter = std::slice::Iter<'a, Milestone>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Clock {
    /// The date this clock runs out when started at `start`.
    pub fn due(&self, region: Region, start: NaiveDateTime) -> NaiveDate {
        match self.counting {
            Counting::WorkingDays => add_working_days(region, start, self.days),
            Counting::CalendarDays => start.date() + chrono::Days::new(u64::from(self.days)),
            // Clamped to the end of a shorter month, as time limits are (`is_in_time`).
            Counting::CalendarMonths => start
                .date()
                .checked_add_months(Months::new(self.days))
                .unwrap_or(NaiveDate::MAX),
        }
    }
}

/// The dates of one stage, started at `start` (receipt, or the request to escalate).
struct StageDates {
    acknowledge: Option<NaiveDate>,
    contact: Option<NaiveDate>,
    respond: NaiveDate,
    extended: Option<NaiveDate>,
}

fn stage_dates(region: Region, stage: &Stage, start: NaiveDateTime) -> StageDates {
    let acknowledge = stage.acknowledge.map(|clock| clock.due(region, start));
    // A clock from acknowledgement assumes the landlord acknowledges on the last allowed day,
    // so the resident is never told a date earlier than the policy promises.
    let acknowledged = acknowledge
        .unwrap_or_else(|| add_working_days(region, start, CODE_ACKNOWLEDGE_DAYS))
        .and_time(NaiveTime::MIN);
    let anchor = |clock: &Clock| match clock.from {
        Anchor::Acknowledgement | Anchor::Logging => acknowledged,
        _ => start,
    };
    let respond = stage.respond.due(region, anchor(&stage.respond));
    StageDates {
        acknowledge,
        contact: stage.contact.map(|clock| clock.due(region, anchor(&clock))),
        respond,
        extended: stage.extension_days.map(|days| {
            add_working_days(region, anchor(&stage.respond), stage.respond.days + days)
        }),
    }
}

fn push(milestones: &mut Vec<Milestone>, id: MilestoneId, date: Option<NaiveDate>) {
    if let Some(date) = date {
        milestones.push(Milestone { id, date });
    }
}

impl Policy {
    /// What the policy promises for a complaint received at `received` (local time).
    pub fn timeline(&self, received: NaiveDateTime) -> Timeline {
        let mut milestones = Vec::new();
        let stage1 = stage_dates(self.region, &self.stages.stage1, received);
        push(
            &mut milestones,
            MilestoneId::AcknowledgeBy,
            stage1.acknowledge,
        );
        push(&mut milestones, MilestoneId::ContactBy, stage1.contact);
        push(
            &mut milestones,
            MilestoneId::ConcernResolveBy,
            self.stages
                .concern
                .as_ref()
                .map(|c| c.resolve.due(self.region, received)),
        );
        push(
            &mut milestones,
            MilestoneId::Stage1ResponseBy,
            Some(stage1.respond),
        );
        push(
            &mut milestones,
            MilestoneId::Stage1ExtendedBy,
            stage1.extended,
        );
        Timeline::new(milestones)
    }

    /// What the policy promises for a stage 2 review requested at `escalated`. Empty for a
    /// policy without a second stage.
    pub fn escalation_timeline(&self, escalated: NaiveDateTime) -> Timeline {
        let mut milestones = Vec::new();
        if let Some(stage2) = &self.stages.stage2 {
            let dates = stage_dates(self.region, &stage2.stage, escalated);
            push(
                &mut milestones,
                MilestoneId::Stage2AcknowledgeBy,
                dates.acknowledge,
            );
            push(
                &mut milestones,
                MilestoneId::Stage2ResponseBy,
                Some(dates.respond),
            );
            push(
                &mut milestones,
                MilestoneId::Stage2ExtendedBy,
                dates.extended,
            );
        }
        Timeline::new(milestones)
    }

    /// The last day to ask for a stage 2 review, where the policy sets a window.
    pub fn stage2_request_by(&self, stage1_response: NaiveDate) -> Option<NaiveDate> {
        let window = self.stages.stage2.as_ref()?.request_window?;
        Some(window.due(self.region, stage1_response.and_time(NaiveTime::MIN)))
    }

    /// Whether a complaint about something that happened (or came to light) on `issue_date`
    /// and received on `received` is inside the policy's time limit. The limit's last day is
    /// clamped to the end of a shorter month (31 August + 6 months is 28 or 29 February).
    pub fn is_in_time(&self, issue_date: NaiveDate, received: NaiveDate) -> bool {
        match &self.time_limit {
            None => true,
            Some(limit) => issue_date
                .checked_add_months(Months::new(limit.months))
                .is_none_or(|last_day| received <= last_day),
        }
    }
}

/// A date as residents read it: "Friday 11 December 2026", "Dydd Gwener 11 Rhagfyr 2026".
/// Written out by hand rather than with chrono's formatter, which adds weight to the wasm.
pub fn long_date(date: NaiveDate, language: Language) -> String {
    use t::dates;
    const MONTHS: [fn(Language) -> &'static str; 12] = [
        dates::january,
        dates::february,
        dates::march,
        dates::april,
        dates::may,
        dates::june,
        dates::july,
        dates::august,
        dates::september,
        dates::october,
        dates::november,
        dates::december,
    ];
    let weekday = match date.weekday() {
        Weekday::Mon => dates::monday,
        Weekday::Tue => dates::tuesday,
        Weekday::Wed => dates::wednesday,
        Weekday::Thu => dates::thursday,
        Weekday::Fri => dates::friday,
        Weekday::Sat => dates::saturday,
        Weekday::Sun => dates::sunday,
    };
    dates::long(
        language,
        weekday(language),
        &date.day().to_string(),
        MONTHS[date.month0() as usize](language),
        &date.year().to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    /// The timeline as (id, ISO date) pairs, in order.
    fn pairs(timeline: &Timeline) -> Vec<(&'static str, String)> {
        timeline
            .iter()
            .map(|m| (m.id.id(), m.date.to_string()))
            .collect()
    }

    fn code() -> Policy {
        Policy::default_policy()
    }

    #[test]
    fn code_over_christmas_2026() {
        // Wed 23 Dec is day 0; Fri 25, Mon 28 (Boxing Day substitute) and Fri 1 Jan are holidays.
        let timeline = code().timeline(at("2026-12-23 10:00"));
        assert_eq!(
            pairs(&timeline),
            [
                ("acknowledge_by", "2027-01-04".to_string()),
                ("stage1_response_by", "2027-01-18".to_string()),
                ("stage1_extended_by", "2027-02-01".to_string()),
            ]
        );
        assert_eq!(timeline.get("stage1_response_by"), Some(day("2027-01-18")));
        assert_eq!(timeline.get("contact_by"), None);
    }

    #[test]
    fn code_over_easter_2027() {
        // Good Friday 26 Mar, Easter Monday 29 Mar, early May bank holiday Mon 3 May 2027.
        let timeline = code().timeline(at("2027-03-25 16:59"));
        assert_eq!(timeline.get("acknowledge_by"), Some(day("2027-04-05")));
        assert_eq!(timeline.get("stage1_response_by"), Some(day("2027-04-19")));
        assert_eq!(timeline.get("stage1_extended_by"), Some(day("2027-05-04")));
    }

    #[test]
    fn time_of_day_does_not_move_dates() {
        let morning = code().timeline(at("2026-12-23 09:00"));
        assert_eq!(morning, code().timeline(at("2026-12-23 17:30")));
        assert_eq!(morning, code().timeline(at("2026-12-23 23:59")));
    }

    #[test]
    fn code_escalation_over_christmas_2026() {
        // Received on a Saturday: Monday 21 December is day 0.
        let timeline = code().escalation_timeline(at("2026-12-19 12:00"));
        assert_eq!(
            pairs(&timeline),
            [
                ("stage2_acknowledge_by", "2026-12-30".to_string()),
                ("stage2_response_by", "2027-01-28".to_string()),
                ("stage2_extended_by", "2027-02-25".to_string()),
            ]
        );
    }

    #[test]
    fn code_has_no_request_window() {
        assert_eq!(code().stage2_request_by(day("2026-12-01")), None);
    }

    #[test]
    fn missing_acknowledgement_assumes_the_codes_five_days() {
        let mut policy = code();
        policy.stages.stage1.acknowledge = None;
        // Same respond date as with an explicit 5-day acknowledgement, but no promise shown.
        let timeline = policy.timeline(at("2026-12-23 10:00"));
        assert_eq!(timeline.get("acknowledge_by"), None);
        assert_eq!(timeline.get("stage1_response_by"), Some(day("2027-01-18")));
    }

    #[test]
    fn calendar_day_window_counts_every_day() {
        let mut policy = code();
        stage2_mut(&mut policy).request_window = Some(Clock {
            days: 20,
            from: Anchor::Stage1Response,
            counting: Counting::CalendarDays,
        });
        assert_eq!(
            policy.stage2_request_by(day("2026-12-15")),
            Some(day("2027-01-04"))
        );
        stage2_mut(&mut policy).request_window = Some(Clock {
            days: 20,
            from: Anchor::Stage1Response,
            counting: Counting::WorkingDays,
        });
        // Tue 15 Dec 2026 + 20 working days, skipping 25 and 28 Dec and 1 Jan.
        assert_eq!(
            policy.stage2_request_by(day("2026-12-15")),
            Some(day("2027-01-15"))
        );
    }

    #[test]
    fn a_window_in_months_ends_on_the_same_date_or_the_end_of_a_shorter_month() {
        let mut policy = code();
        stage2_mut(&mut policy).request_window = Some(Clock {
            days: 2,
            from: Anchor::Stage1Response,
            counting: Counting::CalendarMonths,
        });
        // Whatever the day of the week or the bank holidays: 2 months on.
        assert_eq!(policy.stage2_request_by(day("2026-10-22")), Some(day("2026-12-22")));
        assert_eq!(policy.stage2_request_by(day("2026-10-25")), Some(day("2026-12-25")));
        // 31 December + 2 months is the end of February.
        assert_eq!(policy.stage2_request_by(day("2026-12-31")), Some(day("2027-02-28")));
        assert_eq!(policy.stage2_request_by(day("2027-12-31")), Some(day("2028-02-29")));
    }

    fn stage2_mut(policy: &mut Policy) -> &mut crate::domain::policy::Stage2 {
        policy.stages.stage2.as_mut().unwrap()
    }

    #[test]
    fn time_limit_in_calendar_months_with_clamping() {
        let policy = code(); // 12 months
        assert!(policy.is_in_time(day("2025-11-23"), day("2026-11-23")));
        assert!(!policy.is_in_time(day("2025-11-22"), day("2026-11-23")));
        // 29 February + 12 months is clamped to 28 February.
        assert!(policy.is_in_time(day("2024-02-29"), day("2025-02-28")));
        assert!(!policy.is_in_time(day("2024-02-29"), day("2025-03-01")));
        let mut six = code();
        six.time_limit.as_mut().unwrap().months = 6;
        // 31 August + 6 months is the end of February.
        assert!(six.is_in_time(day("2026-08-31"), day("2027-02-28")));
        assert!(!six.is_in_time(day("2026-08-31"), day("2027-03-01")));
        let mut none = code();
        none.time_limit = None;
        assert!(none.is_in_time(day("1990-01-01"), day("2026-11-23")));
    }

    #[test]
    fn long_dates_read_naturally() {
        assert_eq!(long_date(day("2026-12-11"), Language::English), "Friday 11 December 2026");
        assert_eq!(long_date(day("2027-01-04"), Language::English), "Monday 4 January 2027");
        assert_eq!(long_date(day("2026-12-11"), Language::Welsh), "Dydd Gwener 11 Rhagfyr 2026");
        assert_eq!(long_date(day("2027-07-01"), Language::Welsh), "Dydd Iau 1 Gorffennaf 2027");
    }

    /// Every built-in profile's promises, worked out by hand on a calendar, for a complaint
    /// received before Christmas 2026 and before Easter 2027, and a review asked for before
    /// Christmas 2026.
    #[test]
    fn builtin_profiles_over_christmas_and_easter() {
        type Expected = &'static [(&'static str, &'static str)];
        let cases: &[(&str, Expected, Expected, Expected)] = &[
            (
                "nottingham",
                &[
                    ("stage1_response_by", "2027-01-11"),
                    ("stage1_extended_by", "2027-01-25"),
                ],
                &[
                    ("stage1_response_by", "2027-04-12"),
                    ("stage1_extended_by", "2027-04-26"),
                ],
                // No acknowledgement time: the Code's 5 days (4 January) start the clock.
                &[
                    ("stage2_response_by", "2027-02-01"),
                    ("stage2_extended_by", "2027-03-01"),
                ],
            ),
            (
                "greatwell",
                &[
                    ("acknowledge_by", "2026-12-30"),
                    ("concern_resolve_by", "2026-12-30"),
                    ("stage1_response_by", "2027-01-14"),
                    ("stage1_extended_by", "2027-01-28"),
                ],
                &[
                    ("acknowledge_by", "2027-04-01"),
                    ("concern_resolve_by", "2027-04-01"),
                    ("stage1_response_by", "2027-04-15"),
                    ("stage1_extended_by", "2027-04-29"),
                ],
                &[
                    ("stage2_response_by", "2027-01-25"),
                    ("stage2_extended_by", "2027-02-08"),
                ],
            ),
            (
                "north-warwickshire",
                &[
                    ("acknowledge_by", "2027-01-04"),
                    ("stage1_response_by", "2027-01-11"),
                    ("stage1_extended_by", "2027-01-25"),
                ],
                &[
                    ("acknowledge_by", "2027-04-05"),
                    ("stage1_response_by", "2027-04-12"),
                    ("stage1_extended_by", "2027-04-26"),
                ],
                &[
                    ("stage2_response_by", "2027-01-25"),
                    ("stage2_extended_by", "2027-02-08"),
                ],
            ),
            (
                "south-cambridgeshire",
                &[
                    ("acknowledge_by", "2026-12-30"),
                    ("stage1_response_by", "2027-01-14"),
                ],
                &[
                    ("acknowledge_by", "2027-04-01"),
                    ("stage1_response_by", "2027-04-15"),
                ],
                &[
                    ("stage2_acknowledge_by", "2026-12-30"),
                    ("stage2_response_by", "2027-01-28"),
                ],
            ),
            (
                "town-and-country",
                &[
                    ("acknowledge_by", "2026-12-29"),
                    ("concern_resolve_by", "2026-12-30"),
                    ("contact_by", "2027-01-04"),
                    ("stage1_response_by", "2027-01-13"),
                    ("stage1_extended_by", "2027-01-27"),
                ],
                &[
                    ("acknowledge_by", "2027-03-31"),
                    ("concern_resolve_by", "2027-04-01"),
                    ("contact_by", "2027-04-05"),
                    ("stage1_response_by", "2027-04-14"),
                    ("stage1_extended_by", "2027-04-28"),
                ],
                &[
                    ("stage2_acknowledge_by", "2026-12-29"),
                    ("stage2_response_by", "2027-01-13"),
                ],
            ),
        ];
        let owned = |expected: Expected| -> Vec<(&'static str, String)> {
            expected
                .iter()
                .map(|(id, date)| (*id, date.to_string()))
                .collect()
        };
        for (id, christmas, easter, review) in cases {
            let policy = Policy::builtin(id).unwrap();
            assert_eq!(
                pairs(&policy.timeline(at("2026-12-23 10:00"))),
                owned(christmas),
                "{id} at Christmas"
            );
            assert_eq!(
                pairs(&policy.timeline(at("2027-03-25 18:30"))),
                owned(easter),
                "{id} at Easter"
            );
            assert_eq!(
                pairs(&policy.escalation_timeline(at("2026-12-23 10:00"))),
                owned(review),
                "{id} review at Christmas"
            );
        }
        let stage1_reply = day("2027-01-11");
        assert_eq!(
            Policy::builtin("greatwell")
                .unwrap()
                .stage2_request_by(stage1_reply),
            Some(day("2027-02-08"))
        );
        assert_eq!(
            Policy::builtin("town-and-country")
                .unwrap()
                .stage2_request_by(stage1_reply),
            Some(day("2027-01-31"))
        );
        assert_eq!(
            Policy::builtin("nottingham")
                .unwrap()
                .stage2_request_by(stage1_reply),
            None
        );
    }

    /// The SPSO's model, worked out by hand on Scotland's calendar: St Andrew's Day 2025 fell
    /// on a Sunday, so Monday 1 December 2025 is the holiday; 2 January 2027 is a Saturday, so
    /// Monday 4 January 2027 is; Easter Monday is not a holiday in Scotland.
    #[test]
    fn the_spso_model_on_scotlands_bank_holidays() {
        let spso = Policy::builtin("spso-mchp").unwrap();
        let owned = |expected: &[(&'static str, &str)]| -> Vec<(&'static str, String)> {
            expected.iter().map(|(id, date)| (*id, date.to_string())).collect()
        };
        // Thursday 27 November 2025 is day 0; Friday 28 is day 1, Monday 1 December is St
        // Andrew's Day's substitute, so the 5th working day is Friday 5 December (Thursday 4
        // in England), and the 10th Friday 12 December.
        assert_eq!(
            pairs(&spso.timeline(at("2025-11-27 10:00"))),
            owned(&[("stage1_response_by", "2025-12-05"), ("stage1_extended_by", "2025-12-12")])
        );
        let mut in_england = spso.clone();
        in_england.region = Region::EnglandAndWales;
        assert_eq!(in_england.timeline(at("2025-11-27 10:00")).get("stage1_response_by"), Some(day("2025-12-04")));
        // Stage 2 asked for then: acknowledged by the 3rd working day, Wednesday 3 December;
        // the 20th is Tuesday 30 December, past Christmas and Boxing Day.
        assert_eq!(
            pairs(&spso.escalation_timeline(at("2025-11-27 10:00"))),
            owned(&[("stage2_acknowledge_by", "2025-12-03"), ("stage2_response_by", "2025-12-30")])
        );
        // Wednesday 23 December 2026 (the browser tests' day): Christmas Day, the Boxing Day
        // substitute (Monday 28), New Year's Day and the 2 January substitute (Monday 4
        // January) are skipped: Tuesday 5 January, and Tuesday 12 with the extension.
        assert_eq!(
            pairs(&spso.timeline(at("2026-12-23 10:00"))),
            owned(&[("stage1_response_by", "2027-01-05"), ("stage1_extended_by", "2027-01-12")])
        );
        assert_eq!(
            pairs(&spso.escalation_timeline(at("2026-12-23 10:00"))),
            owned(&[("stage2_acknowledge_by", "2026-12-30"), ("stage2_response_by", "2027-01-26")])
        );
        // Thursday 25 March 2027: Good Friday is a holiday, Easter Monday is not.
        assert_eq!(
            pairs(&spso.timeline(at("2027-03-25 18:30"))),
            owned(&[("stage1_response_by", "2027-04-02"), ("stage1_extended_by", "2027-04-09")])
        );
        // Stage 2 may be asked for up to 2 months after the stage 1 reply, on any day.
        assert_eq!(spso.stage2_request_by(day("2027-01-05")), Some(day("2027-03-05")));
        assert_eq!(spso.stage2_request_by(day("2026-12-31")), Some(day("2027-02-28")));
        // A complaint within 6 months of the issue, the last day clamped to a shorter month.
        assert!(spso.is_in_time(day("2025-05-31"), day("2025-11-30")));
        assert!(!spso.is_in_time(day("2025-05-31"), day("2025-12-01")));
    }

    /// The Welsh Ombudsman's model, on England and Wales's calendar.
    #[test]
    fn the_psow_model_on_the_welsh_bank_holidays() {
        let psow = Policy::builtin("psow-model").unwrap();
        // Wednesday 23 December 2026: Christmas Day, the Boxing Day substitute and New Year's
        // Day are skipped; the 10th working day is Monday 11 January.
        assert_eq!(
            pairs(&psow.timeline(at("2026-12-23 10:00"))),
            [("stage1_response_by", "2027-01-11".to_string())]
        );
        // Good Friday and Easter Monday 2027 are both holidays in Wales.
        assert_eq!(
            pairs(&psow.timeline(at("2027-03-25 18:30"))),
            [("stage1_response_by", "2027-04-12".to_string())]
        );
        assert_eq!(
            pairs(&psow.escalation_timeline(at("2026-12-23 10:00"))),
            [
                ("stage2_acknowledge_by", "2027-01-04".to_string()),
                ("stage2_response_by", "2027-01-25".to_string()),
            ]
        );
        // The model sets no time to ask for stage 2.
        assert_eq!(psow.stage2_request_by(day("2027-01-11")), None);
        assert!(psow.is_in_time(day("2026-06-23"), day("2026-12-23")));
        assert!(!psow.is_in_time(day("2026-06-22"), day("2026-12-23")));
    }

    /// Northern Ireland has no built-in model (its Ombudsman has none for landlords yet): the
    /// Code's clocks counted on its calendar, over St Patrick's Day and the Boyne.
    #[test]
    fn northern_ireland_counts_st_patricks_day_and_the_boyne() {
        let ni = Policy::default_in(crate::domain::policy::Nation::NorthernIreland);
        // Tuesday 16 March 2027: St Patrick's Day (Wednesday 17), Good Friday and Easter Monday
        // are skipped.
        assert_eq!(
            pairs(&ni.timeline(at("2027-03-16 10:00"))),
            [
                ("acknowledge_by", "2027-03-24".to_string()),
                ("stage1_response_by", "2027-04-09".to_string()),
                ("stage1_extended_by", "2027-04-23".to_string()),
            ]
        );
        // Friday 9 July 2027: the Boyne (Monday 12 July) is skipped; the August holiday is the
        // last Monday, as in England, so Monday 2 August is a working day.
        assert_eq!(
            pairs(&ni.timeline(at("2027-07-09 10:00"))),
            [
                ("acknowledge_by", "2027-07-19".to_string()),
                ("stage1_response_by", "2027-08-02".to_string()),
                ("stage1_extended_by", "2027-08-16".to_string()),
            ]
        );
    }

    #[test]
    fn milestone_ids_are_unique_and_labelled() {
        let ids: std::collections::HashSet<_> =
            MilestoneId::ALL.iter().map(|m| m.id()).collect();
        assert_eq!(ids.len(), MilestoneId::ALL.len());
        assert!(MilestoneId::ALL.iter().all(|m| !m.label(Language::Welsh).is_empty()));
    }

    proptest::proptest! {
        /// For every built-in profile and any receipt time: every promised date is a working
        /// day on or after receipt, and the later promises never come before the earlier ones.
        #[test]
        fn promises_are_ordered_working_days(
            profile in 0..Policy::builtin_ids().len(),
            days in 0i64..(23 * 366),
            minute in 0u32..(24 * 60),
        ) {
            use crate::domain::calendar::is_working_day;
            let policy = Policy::builtin(Policy::builtin_ids()[profile]).unwrap();
            let received = (day("2018-01-01") + chrono::Duration::days(days))
                .and_hms_opt(minute / 60, minute % 60, 0)
                .unwrap();
            let timeline = policy.timeline(received);
            let review = policy.escalation_timeline(received);
            for milestone in timeline.iter().chain(review.iter()) {
                proptest::prop_assert!(is_working_day(policy.region, milestone.date), "{:?}", milestone);
                proptest::prop_assert!(milestone.date > received.date(), "{:?}", milestone);
            }
            let get = |t: &Timeline, id: &str| t.get(id);
            proptest::prop_assert!(get(&timeline, "acknowledge_by") <= get(&timeline, "stage1_response_by"));
            if let Some(extended) = get(&timeline, "stage1_extended_by") {
                proptest::prop_assert!(get(&timeline, "stage1_response_by").unwrap() < extended);
            }
            if let Some(extended) = get(&review, "stage2_extended_by") {
                proptest::prop_assert!(get(&review, "stage2_response_by").unwrap() < extended);
            }
        }
    }
}
