//! Triage: what kind of matter the resident's answers describe under a landlord's policy (a
//! complaint, a service request, the ASB route, another route, or an exclusion), and why.
//!
//! The form never refuses: every outcome but a complaint or feedback can still be sent as a
//! complaint with the resident's reason, because the landlord decides, not the form.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::draft::{
    AfterReport, Asb, Draft, FeedbackKind, OtherProcess, PriorComplaint, Responsibility, YesNo,
};
use super::policy::{Exclusion, ExclusionKind, Policy};
use super::translations::{triage as text, Language};

/// Our words for an outcome, used where the profile has none of its own
/// (`src/locales/<language>/triage.toml`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuiltIn {
    Complaint,
    /// A complaint from outside the time limit, with the resident's reason.
    ComplaintLate,
    Compliment,
    Comment,
    ServiceRequest,
    PutRight,
    AntiSocialBehaviour,
    OtherBody,
    /// Outside the policy's time limit of `months`; `lifts`: a good reason can lift it.
    OutOfTime {
        months: u32,
        lifts: bool,
    },
}

impl BuiltIn {
    /// A few words naming the outcome.
    pub fn summary(self, language: Language) -> String {
        let summary = match self {
            BuiltIn::Complaint | BuiltIn::ComplaintLate => text::complaint_summary,
            BuiltIn::Compliment => text::compliment_summary,
            BuiltIn::Comment => text::comment_summary,
            BuiltIn::ServiceRequest => text::service_request_summary,
            BuiltIn::PutRight => text::put_right_summary,
            BuiltIn::AntiSocialBehaviour => text::asb_summary,
            BuiltIn::OtherBody => text::other_body_summary,
            BuiltIn::OutOfTime { months, .. } => {
                return text::out_of_time_summary(language, &months_text(months, language))
            }
        };
        summary(language).to_string()
    }

    /// Why, in plain words.
    pub fn reason(self, language: Language) -> String {
        let reason = match self {
            BuiltIn::Complaint => text::complaint_reason,
            BuiltIn::ComplaintLate => text::complaint_late_reason,
            BuiltIn::Compliment => text::compliment_reason,
            BuiltIn::Comment => text::comment_reason,
            BuiltIn::ServiceRequest => text::service_request_reason,
            BuiltIn::PutRight => text::put_right_reason,
            BuiltIn::AntiSocialBehaviour => text::asb_reason,
            BuiltIn::OtherBody => text::other_body_reason,
            BuiltIn::OutOfTime { months, lifts } => {
                let mut reason = text::out_of_time_reason(language, &months_text(months, language));
                if lifts {
                    reason.push(' ');
                    reason.push_str(text::out_of_time_unless(language));
                }
                return reason;
            }
        };
        reason(language).to_string()
    }

    /// Where to go instead, if anywhere.
    pub fn signpost(self, language: Language) -> Option<String> {
        let signpost = match self {
            BuiltIn::ServiceRequest => text::service_request_signpost,
            BuiltIn::PutRight => text::put_right_signpost,
            BuiltIn::AntiSocialBehaviour => text::asb_signpost,
            BuiltIn::OtherBody => text::other_body_signpost,
            BuiltIn::OutOfTime { .. } => text::out_of_time_signpost,
            _ => return None,
        };
        Some(signpost(language).to_string())
    }
}

/// "6 months", "1 month": the time limit as it goes into `{months}`.
fn months_text(months: u32, language: Language) -> String {
    match months {
        1 => text::one_month(language).to_string(),
        n => text::months(language, &n.to_string()),
    }
}

/// What the answers describe. The ids are used in the HTTP contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// A formal complaint (stage 1).
    Complaint,
    /// A first report: the landlord needs the chance to put it right.
    ServiceRequest,
    /// It was sorted there and then; nothing is wrong now.
    PutRightAlready,
    /// A neighbour's behaviour itself, for the ASB procedure.
    AntiSocialBehaviour,
    /// Another route deals with it (an appeal or review, or another organisation).
    OtherRoute,
    /// The policy lists it as something it does not treat as a complaint.
    Excluded,
    /// A compliment or a comment.
    Feedback,
}

impl Outcome {
    pub const ALL: [Outcome; 7] = [
        Outcome::Complaint,
        Outcome::ServiceRequest,
        Outcome::PutRightAlready,
        Outcome::AntiSocialBehaviour,
        Outcome::OtherRoute,
        Outcome::Excluded,
        Outcome::Feedback,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Outcome::Complaint => "complaint",
            Outcome::ServiceRequest => "service-request",
            Outcome::PutRightAlready => "put-right-already",
            Outcome::AntiSocialBehaviour => "anti-social-behaviour",
            Outcome::OtherRoute => "other-route",
            Outcome::Excluded => "excluded",
            Outcome::Feedback => "feedback",
        }
    }
}

/// The result of triage, with everything the outcome page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub outcome: Outcome,
    /// The profile's own exclusion that applies, if one does (its summary, explanation and
    /// signpost are shown to the resident).
    pub exclusion: Option<Exclusion>,
    /// Our words for the outcome, where the profile's exclusion does not speak (None when
    /// it does).
    pub built_in: Option<BuiltIn>,
    /// The policy's quick concern or quick resolution route, by name, offered (never forced)
    /// when the outcome is a complaint and the policy has one.
    pub concern_offered: Option<String>,
    /// The issue date is beyond the policy's time limit (false when there is no usable date
    /// yet or no limit). A fact about the date, whichever rule decided the outcome.
    pub out_of_time: bool,
    /// Out of time, but the policy lets special circumstances lift the limit and the resident
    /// gave a reason.
    pub late_reason_given: bool,
}

impl Assessment {
    /// A few words naming the outcome: the exclusion's summary where the profile has one.
    pub fn summary(&self, language: Language) -> String {
        match (&self.exclusion, self.built_in) {
            (Some(exclusion), _) => exclusion.summary.get(language).to_string(),
            (None, Some(words)) => words.summary(language),
            (None, None) => String::new(),
        }
    }

    /// Why, in plain words: the exclusion's explanation where the profile has one.
    pub fn reason(&self, language: Language) -> String {
        match (&self.exclusion, self.built_in) {
            (Some(exclusion), _) => exclusion.explanation.get(language).to_string(),
            (None, Some(words)) => words.reason(language),
            (None, None) => String::new(),
        }
    }

    /// The language the words are in: the profile's exclusion may have no Welsh, and then
    /// speaks English (a page marks it `lang="en"`).
    pub fn words_language(&self, language: Language) -> Language {
        match &self.exclusion {
            Some(exclusion) => exclusion.explanation.in_language(language).1,
            None => language,
        }
    }

    /// Where to go instead: the exclusion's signpost, or ours; None for a complaint and for
    /// feedback.
    pub fn signpost(&self, language: Language) -> Option<String> {
        match (&self.exclusion, self.built_in) {
            (Some(exclusion), _) => Some(exclusion.signpost.get(language).to_string()),
            (None, Some(words)) => words.signpost(language),
            (None, None) => None,
        }
    }

    /// Whether what is sent is a complaint: the outcome is a complaint, or the resident chose
    /// to send it anyway and said why. An exclusion never blocks: the landlord decides.
    pub fn sends_as_complaint(&self, draft: &Draft) -> bool {
        self.outcome == Outcome::Complaint
            || (self.can_override()
                && draft.send_anyway == Some(YesNo::Yes)
                && !draft.override_reason.trim().is_empty())
    }

    /// Whether the outcome page must offer "send it as a complaint anyway". Feedback is not
    /// overridden: the resident changes what kind of feedback it is instead.
    pub fn can_override(&self) -> bool {
        !matches!(self.outcome, Outcome::Complaint | Outcome::Feedback)
    }
}

/// Whether the issue date the resident gave is beyond the policy's time limit.
pub fn is_out_of_time(policy: &Policy, draft: &Draft, received: NaiveDate) -> bool {
    match draft.issue_date.parse(received) {
        Ok(date) => !policy.is_in_time(date, received),
        Err(_) => false,
    }
}

/// Whether to ask the resident why they did not complain sooner: out of time under a policy
/// that lets a good reason lift the limit. Where it cannot, a reason would change nothing.
pub fn asks_late_reason(policy: &Policy, draft: &Draft, received: NaiveDate) -> bool {
    is_out_of_time(policy, draft, received)
        && policy
            .time_limit
            .as_ref()
            .is_some_and(|limit| limit.special_circumstances)
}

/// Judges the resident's answers under `policy`, for a complaint received on `received`.
///
/// The rules run in a fixed order and the first that matches wins: feedback; already
/// considered; another process; a neighbour's behaviour; not the landlord's responsibility;
/// a first report; put right already; out of time; otherwise a complaint. An exclusion the
/// profile does not list never applies: the profile decides what it excludes.
pub fn assess(policy: &Policy, draft: &Draft, received: NaiveDate) -> Assessment {
    let out_of_time = is_out_of_time(policy, draft, received);
    let late_reason_given =
        asks_late_reason(policy, draft, received) && !draft.late_reason.trim().is_empty();
    let (outcome, exclusion, built_in) = match decide(policy, draft, out_of_time, late_reason_given)
    {
        Decision::Profile(outcome, exclusion) => (outcome, Some(exclusion.clone()), None),
        Decision::BuiltIn(outcome, words) => (outcome, None, Some(words)),
    };
    let concern_offered = match (outcome, &policy.stages.concern) {
        (Outcome::Complaint, Some(concern)) => Some(concern.name.clone()),
        _ => None,
    };
    Assessment {
        outcome,
        exclusion,
        built_in,
        concern_offered,
        out_of_time,
        late_reason_given,
    }
}

enum Decision<'p> {
    /// The profile's own exclusion applies: its texts are shown.
    Profile(Outcome, &'p Exclusion),
    /// No exclusion of the profile applies; the texts are ours.
    BuiltIn(Outcome, BuiltIn),
}

/// The profile's first exclusion of `kind`. Several of one kind (three appeal routes) share a
/// question, so the first stands for them all.
fn first_of_kind(policy: &Policy, kind: ExclusionKind) -> Option<&Exclusion> {
    policy.exclusions.iter().find(|e| e.kind == kind)
}

/// A route that applies under every policy: the profile's words where it has them, else ours.
fn profile_or<'p>(
    policy: &'p Policy,
    kind: ExclusionKind,
    outcome: Outcome,
    built_in: BuiltIn,
) -> Decision<'p> {
    match first_of_kind(policy, kind) {
        Some(exclusion) => Decision::Profile(outcome, exclusion),
        None => Decision::BuiltIn(outcome, built_in),
    }
}

fn decide<'p>(
    policy: &'p Policy,
    draft: &Draft,
    out_of_time: bool,
    late_reason_given: bool,
) -> Decision<'p> {
    // 1. Compliments and comments take the short path.
    match draft.kind {
        Some(FeedbackKind::Compliment) => {
            return Decision::BuiltIn(Outcome::Feedback, BuiltIn::Compliment)
        }
        Some(FeedbackKind::Comment) => {
            return Decision::BuiltIn(Outcome::Feedback, BuiltIn::Comment)
        }
        Some(FeedbackKind::Complaint) | None => {}
    }

    // 2. Already through the process, or with the Ombudsman: excluded only where the profile
    // says so; otherwise the later questions still decide.
    if matches!(
        draft.prior_complaint,
        Some(PriorComplaint::Answered | PriorComplaint::WithOmbudsman)
    ) {
        if let Some(exclusion) = first_of_kind(policy, ExclusionKind::AlreadyConsidered) {
            return Decision::Profile(Outcome::Excluded, exclusion);
        }
    }

    // 3. Another process already deals with it.
    let other = match draft.other_process {
        Some(OtherProcess::LegalProceedings) => {
            Some((ExclusionKind::LegalProceedings, Outcome::Excluded))
        }
        Some(OtherProcess::InsuranceClaim) => {
            Some((ExclusionKind::InsuranceClaim, Outcome::Excluded))
        }
        Some(OtherProcess::AppealRoute) => {
            Some((ExclusionKind::OwnAppealRoute, Outcome::OtherRoute))
        }
        Some(OtherProcess::None) | None => None,
    };
    if let Some((kind, outcome)) = other {
        if let Some(exclusion) = first_of_kind(policy, kind) {
            return Decision::Profile(outcome, exclusion);
        }
    }

    // 4. The behaviour itself goes to the ASB procedure under every policy. How reports were
    // handled (`Asb::Handling`) is a complaint and falls through.
    if draft.asb == Some(Asb::Behaviour) {
        return profile_or(
            policy,
            ExclusionKind::AntiSocialBehaviour,
            Outcome::AntiSocialBehaviour,
            BuiltIn::AntiSocialBehaviour,
        );
    }

    // 5. Not the landlord's to deal with. Another body always routes away: the landlord cannot
    // put right what it is not in charge of. The rest only where the profile lists them.
    let responsibility = match draft.responsibility {
        Some(Responsibility::OtherBody) => {
            return profile_or(
                policy,
                ExclusionKind::NotLandlordResponsibility,
                Outcome::OtherRoute,
                BuiltIn::OtherBody,
            )
        }
        Some(Responsibility::CouncillorConduct) => Some(ExclusionKind::CouncillorConduct),
        Some(Responsibility::StaffGrievance) => Some(ExclusionKind::StaffGrievance),
        Some(Responsibility::BusinessRelationship) => Some(ExclusionKind::BusinessRelationship),
        Some(Responsibility::PolicyItself) => Some(ExclusionKind::PolicyDisagreement),
        Some(Responsibility::InformationRequest) => Some(ExclusionKind::InformationRequest),
        Some(Responsibility::Landlord) | None => None,
    };
    if let Some(exclusion) = responsibility.and_then(|kind| first_of_kind(policy, kind)) {
        return Decision::Profile(Outcome::Excluded, exclusion);
    }

    // 6. A first report is a service request under the Code, whatever the profile lists.
    if draft.told_before == Some(YesNo::No) {
        return profile_or(
            policy,
            ExclusionKind::ServiceRequest,
            Outcome::ServiceRequest,
            BuiltIn::ServiceRequest,
        );
    }

    // 7. Sorted "there and then" (case study A): nothing left to put right.
    if draft.after_report == Some(AfterReport::SortedStraightAway) {
        return Decision::BuiltIn(Outcome::PutRightAlready, BuiltIn::PutRight);
    }

    // 8. Out of time, unless a good reason may lift the limit and one was given.
    if out_of_time && !late_reason_given {
        let words = out_of_time_words(policy);
        return profile_or(policy, ExclusionKind::OutOfTime, Outcome::Excluded, words);
    }

    // 9. A complaint.
    let words = if late_reason_given {
        BuiltIn::ComplaintLate
    } else {
        BuiltIn::Complaint
    };
    Decision::BuiltIn(Outcome::Complaint, words)
}

/// Our out-of-time words, naming the policy's limit.
fn out_of_time_words(policy: &Policy) -> BuiltIn {
    let (months, lifts) = policy.time_limit.as_ref().map_or((0, false), |limit| {
        (limit.months, limit.special_circumstances)
    });
    BuiltIn::OutOfTime { months, lifts }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::draft::DateInput;

    fn received() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn typed(date: &str) -> DateInput {
        let mut parts = date.split('-');
        let (year, month, day) = (parts.next(), parts.next(), parts.next());
        DateInput {
            day: day.unwrap().into(),
            month: month.unwrap().into(),
            year: year.unwrap().into(),
        }
    }

    fn policy(id: &str) -> Policy {
        Policy::builtin(id).unwrap()
    }

    /// A complaint under every built-in profile: told before, not fixed, recent.
    fn complaint() -> Draft {
        Draft {
            kind: Some(FeedbackKind::Complaint),
            told_before: Some(YesNo::Yes),
            after_report: Some(AfterReport::NotFixed),
            asb: Some(Asb::No),
            other_process: Some(OtherProcess::None),
            prior_complaint: Some(PriorComplaint::No),
            responsibility: Some(Responsibility::Landlord),
            issue_date: typed("2026-10-01"),
            ..Draft::new("test")
        }
    }

    /// Every trigger at once, so that each test can switch off the earlier rules.
    fn everything() -> Draft {
        Draft {
            kind: Some(FeedbackKind::Compliment),
            prior_complaint: Some(PriorComplaint::Answered),
            other_process: Some(OtherProcess::LegalProceedings),
            asb: Some(Asb::Behaviour),
            responsibility: Some(Responsibility::OtherBody),
            told_before: Some(YesNo::No),
            after_report: Some(AfterReport::SortedStraightAway),
            issue_date: typed("2020-01-01"),
            ..complaint()
        }
    }

    fn outcome(policy: &Policy, draft: &Draft) -> Outcome {
        assess(policy, draft, received()).outcome
    }

    fn exclusion_id(policy: &Policy, draft: &Draft) -> Option<String> {
        assess(policy, draft, received()).exclusion.map(|e| e.id)
    }

    #[test]
    fn a_plain_complaint() {
        for id in Policy::builtin_ids() {
            let assessment = assess(&policy(id), &complaint(), received());
            assert_eq!(assessment.outcome, Outcome::Complaint, "{id}");
            assert_eq!(assessment.exclusion, None);
            assert_eq!(
                assessment.reason(Language::English),
                text::complaint_reason(Language::English)
            );
            assert_eq!(assessment.signpost(Language::English), None);
            assert!(!assessment.out_of_time && !assessment.late_reason_given);
        }
        // Nothing answered yet is not a reason to route anywhere else.
        assert_eq!(
            outcome(&Policy::default_policy(), &Draft::new("x")),
            Outcome::Complaint
        );
    }

    #[test]
    fn rule_1_feedback_beats_everything() {
        let code = Policy::default_policy();
        let mut draft = everything();
        let assessment = assess(&code, &draft, received());
        assert_eq!(assessment.outcome, Outcome::Feedback);
        assert_eq!(
            assessment.reason(Language::English),
            text::compliment_reason(Language::English)
        );
        assert_eq!(assessment.signpost(Language::English), None);
        assert!(!assessment.can_override());
        draft.kind = Some(FeedbackKind::Comment);
        assert_eq!(
            assess(&code, &draft, received()).reason(Language::English),
            text::comment_reason(Language::English)
        );
        // Feedback cannot be "sent anyway" as a complaint: the kind is the resident's choice.
        draft.send_anyway = Some(YesNo::Yes);
        draft.override_reason = "I want a reply".into();
        assert!(!assess(&code, &draft, received()).sends_as_complaint(&draft));
    }

    #[test]
    fn rule_2_already_considered_where_the_profile_excludes_it() {
        let mut draft = complaint();
        draft.prior_complaint = Some(PriorComplaint::Answered);
        let code = Policy::default_policy();
        assert_eq!(outcome(&code, &draft), Outcome::Excluded);
        assert_eq!(
            exclusion_id(&code, &draft).as_deref(),
            Some("already-considered")
        );
        draft.prior_complaint = Some(PriorComplaint::WithOmbudsman);
        let tc = policy("town-and-country");
        assert_eq!(
            exclusion_id(&tc, &draft).as_deref(),
            Some("with-the-ombudsman")
        );
        // North Warwickshire does not exclude it: a complaint.
        assert_eq!(
            outcome(&policy("north-warwickshire"), &draft),
            Outcome::Complaint
        );
        // ... and the later questions still count.
        draft.told_before = Some(YesNo::No);
        assert_eq!(
            outcome(&policy("north-warwickshire"), &draft),
            Outcome::ServiceRequest
        );
    }

    #[test]
    fn rule_2_beats_rule_3() {
        let mut draft = everything();
        draft.kind = Some(FeedbackKind::Complaint);
        assert_eq!(
            exclusion_id(&Policy::default_policy(), &draft).as_deref(),
            Some("already-considered")
        );
    }

    #[test]
    fn rule_3_other_processes_where_the_profile_lists_them() {
        let nw = policy("north-warwickshire");
        let code = Policy::default_policy();
        let nottingham = policy("nottingham");
        let mut draft = complaint();

        draft.other_process = Some(OtherProcess::LegalProceedings);
        assert_eq!(outcome(&nw, &draft), Outcome::Excluded);
        assert_eq!(
            exclusion_id(&nw, &draft).as_deref(),
            Some("legal-proceedings")
        );

        draft.other_process = Some(OtherProcess::InsuranceClaim);
        assert_eq!(outcome(&nw, &draft), Outcome::Excluded);
        assert_eq!(
            exclusion_id(&nw, &draft).as_deref(),
            Some("insurance-claim")
        );
        // The Code lists no insurance exclusion: a complaint.
        assert_eq!(outcome(&code, &draft), Outcome::Complaint);

        draft.other_process = Some(OtherProcess::AppealRoute);
        assert_eq!(outcome(&nottingham, &draft), Outcome::OtherRoute);
        // The first of three appeal routes stands for them all.
        assert_eq!(
            exclusion_id(&nottingham, &draft).as_deref(),
            Some("other-appeal")
        );
        assert_eq!(outcome(&code, &draft), Outcome::Complaint);
    }

    #[test]
    fn rule_3_beats_rule_4() {
        let mut draft = everything();
        draft.kind = Some(FeedbackKind::Complaint);
        draft.prior_complaint = Some(PriorComplaint::No);
        assert_eq!(
            exclusion_id(&policy("north-warwickshire"), &draft).as_deref(),
            Some("legal-proceedings")
        );
        // Where the profile does not list it, the next rule decides.
        draft.other_process = Some(OtherProcess::InsuranceClaim);
        assert_eq!(
            outcome(&Policy::default_policy(), &draft),
            Outcome::AntiSocialBehaviour
        );
    }

    #[test]
    fn rule_4_behaviour_goes_to_asb_under_every_policy() {
        let mut draft = complaint();
        draft.asb = Some(Asb::Behaviour);
        for id in Policy::builtin_ids() {
            assert_eq!(
                outcome(&policy(id), &draft),
                Outcome::AntiSocialBehaviour,
                "{id}"
            );
        }
        // The Code lists no ASB exclusion: our words, which say handling can be a complaint.
        let assessment = assess(&Policy::default_policy(), &draft, received());
        assert_eq!(assessment.exclusion, None);
        assert_eq!(
            assessment.reason(Language::English),
            text::asb_reason(Language::English)
        );
        assert!(assessment
            .reason(Language::English)
            .contains("you can complain about that"));
        assert_eq!(
            assessment.signpost(Language::English).as_deref(),
            Some(text::asb_signpost(Language::English))
        );
        // North Warwickshire's own words.
        assert_eq!(
            exclusion_id(&policy("north-warwickshire"), &draft).as_deref(),
            Some("anti-social-behaviour")
        );
    }

    #[test]
    fn rule_4_handling_of_reports_is_a_complaint() {
        let mut draft = complaint();
        draft.asb = Some(Asb::Handling);
        draft.after_report = Some(AfterReport::ReportHandling);
        for id in Policy::builtin_ids() {
            assert_eq!(outcome(&policy(id), &draft), Outcome::Complaint, "{id}");
        }
    }

    #[test]
    fn rule_4_beats_rules_5_to_8() {
        let mut draft = everything();
        draft.kind = Some(FeedbackKind::Complaint);
        draft.prior_complaint = Some(PriorComplaint::No);
        draft.other_process = Some(OtherProcess::None);
        assert_eq!(
            outcome(&policy("nottingham"), &draft),
            Outcome::AntiSocialBehaviour
        );
    }

    #[test]
    fn rule_5_another_body_always_routes_away() {
        let mut draft = complaint();
        draft.responsibility = Some(Responsibility::OtherBody);
        let assessment = assess(&Policy::default_policy(), &draft, received());
        assert_eq!(assessment.outcome, Outcome::OtherRoute);
        assert_eq!(assessment.exclusion, None);
        assert_eq!(
            assessment.reason(Language::English),
            text::other_body_reason(Language::English)
        );
        assert_eq!(
            assessment.signpost(Language::English).as_deref(),
            Some(text::other_body_signpost(Language::English))
        );
        let nottingham = policy("nottingham");
        assert_eq!(outcome(&nottingham, &draft), Outcome::OtherRoute);
        assert_eq!(
            exclusion_id(&nottingham, &draft).as_deref(),
            Some("not-housing-services")
        );
    }

    #[test]
    fn rule_5_the_rest_where_the_profile_lists_them() {
        let cases = [
            (
                Responsibility::CouncillorConduct,
                "south-cambridgeshire",
                "councillor-conduct",
            ),
            (
                Responsibility::StaffGrievance,
                "south-cambridgeshire",
                "staff-grievance",
            ),
            (
                Responsibility::BusinessRelationship,
                "south-cambridgeshire",
                "business-relationship",
            ),
            (
                Responsibility::PolicyItself,
                "nottingham",
                "policy-disagreement",
            ),
            (
                Responsibility::PolicyItself,
                "town-and-country",
                "policy-content",
            ),
            (
                Responsibility::InformationRequest,
                "north-warwickshire",
                "information-request",
            ),
        ];
        for (answer, id, exclusion) in cases {
            let mut draft = complaint();
            draft.responsibility = Some(answer);
            let listed = policy(id);
            assert_eq!(
                outcome(&listed, &draft),
                Outcome::Excluded,
                "{answer:?} {id}"
            );
            assert_eq!(exclusion_id(&listed, &draft).as_deref(), Some(exclusion));
            // The Code lists none of these: a complaint.
            assert_eq!(
                outcome(&Policy::default_policy(), &draft),
                Outcome::Complaint,
                "{answer:?}"
            );
        }
    }

    #[test]
    fn rule_5_beats_rule_6() {
        let mut draft = complaint();
        draft.responsibility = Some(Responsibility::CouncillorConduct);
        draft.told_before = Some(YesNo::No);
        assert_eq!(
            exclusion_id(&policy("south-cambridgeshire"), &draft).as_deref(),
            Some("councillor-conduct")
        );
        // Not listed: the first report decides.
        assert_eq!(
            outcome(&Policy::default_policy(), &draft),
            Outcome::ServiceRequest
        );
        draft.responsibility = Some(Responsibility::OtherBody);
        assert_eq!(outcome(&policy("greatwell"), &draft), Outcome::OtherRoute);
    }

    #[test]
    fn rule_6_a_first_report_is_a_service_request_under_every_policy() {
        let mut draft = complaint();
        draft.told_before = Some(YesNo::No);
        for id in Policy::builtin_ids() {
            assert_eq!(
                outcome(&policy(id), &draft),
                Outcome::ServiceRequest,
                "{id}"
            );
        }
        // Greatwell lists no such exclusion: our words.
        let assessment = assess(&policy("greatwell"), &draft, received());
        assert_eq!(assessment.exclusion, None);
        assert_eq!(
            assessment.reason(Language::English),
            text::service_request_reason(Language::English)
        );
        assert_eq!(
            assessment.signpost(Language::English).as_deref(),
            Some(text::service_request_signpost(Language::English))
        );
        assert_eq!(
            assessment.concern_offered, None,
            "only offered for a complaint"
        );
    }

    #[test]
    fn rule_6_beats_rules_7_and_8() {
        let mut draft = complaint();
        draft.told_before = Some(YesNo::No);
        draft.after_report = Some(AfterReport::SortedStraightAway);
        draft.issue_date = typed("2020-01-01");
        let assessment = assess(&Policy::default_policy(), &draft, received());
        assert_eq!(assessment.outcome, Outcome::ServiceRequest);
        assert!(assessment.out_of_time, "still reported as a fact");
    }

    #[test]
    fn rule_7_put_right_already_beats_out_of_time() {
        let mut draft = complaint();
        draft.after_report = Some(AfterReport::SortedStraightAway);
        draft.issue_date = typed("2020-01-01");
        let assessment = assess(&Policy::default_policy(), &draft, received());
        assert_eq!(assessment.outcome, Outcome::PutRightAlready);
        assert_eq!(assessment.exclusion, None);
        assert_eq!(
            assessment.reason(Language::English),
            text::put_right_reason(Language::English)
        );
        assert_eq!(
            assessment.signpost(Language::English).as_deref(),
            Some(text::put_right_signpost(Language::English))
        );
        assert!(assessment.can_override());
    }

    #[test]
    fn rule_8_out_of_time() {
        let code = Policy::default_policy();
        let mut draft = complaint();
        // 12 months: the last day is 23 November 2026.
        draft.issue_date = typed("2025-11-23");
        assert!(!assess(&code, &draft, received()).out_of_time);
        draft.issue_date = typed("2025-11-22");
        assert!(asks_late_reason(&code, &draft, received()));
        let assessment = assess(&code, &draft, received());
        assert!(assessment.out_of_time);
        assert!(!assessment.late_reason_given);
        assert_eq!(assessment.outcome, Outcome::Excluded);
        assert_eq!(assessment.exclusion.unwrap().id, "over-12-months");

        // A good reason keeps it a complaint: the landlord weighs it.
        draft.late_reason = "I reported it in 2025 but it was never logged".into();
        let assessment = assess(&code, &draft, received());
        assert_eq!(assessment.outcome, Outcome::Complaint);
        assert!(assessment.out_of_time && assessment.late_reason_given);
        assert_eq!(
            assessment.reason(Language::English),
            text::complaint_late_reason(Language::English)
        );

        // Only spaces is no reason.
        draft.late_reason = "   ".into();
        assert_eq!(outcome(&code, &draft), Outcome::Excluded);
    }

    #[test]
    fn rule_8_without_special_circumstances_a_reason_does_not_lift_it() {
        let mut strict = Policy::default_policy();
        strict.time_limit.as_mut().unwrap().special_circumstances = false;
        let mut draft = complaint();
        draft.issue_date = typed("2020-01-01");
        draft.late_reason = "I was in hospital".into();
        assert!(!asks_late_reason(&strict, &draft, received()));
        let assessment = assess(&strict, &draft, received());
        assert_eq!(assessment.outcome, Outcome::Excluded);
        assert!(assessment.out_of_time && !assessment.late_reason_given);
    }

    #[test]
    fn rule_8_our_words_name_the_limit() {
        let mut draft = complaint();
        draft.issue_date = typed("2026-01-01");
        // Greatwell has no time limit at all.
        let greatwell = policy("greatwell");
        assert!(!assess(&greatwell, &draft, received()).out_of_time);
        let mut six = greatwell.clone();
        six.time_limit = Some(crate::domain::policy::TimeLimit {
            months: 6,
            special_circumstances: false,
        });
        let assessment = assess(&six, &draft, received());
        assert_eq!(assessment.outcome, Outcome::Excluded);
        assert_eq!(assessment.exclusion, None);
        assert_eq!(
            assessment.summary(Language::English),
            "It happened more than 6 months ago"
        );
        assert!(assessment
            .reason(Language::English)
            .contains("more than 6 months ago."));
        assert!(!assessment
            .reason(Language::English)
            .contains(text::out_of_time_unless(Language::English)));
        assert_eq!(
            assessment.signpost(Language::English).as_deref(),
            Some(text::out_of_time_signpost(Language::English))
        );
        six.time_limit = Some(crate::domain::policy::TimeLimit {
            months: 1,
            special_circumstances: true,
        });
        let assessment = assess(&six, &draft, received());
        assert!(assessment
            .reason(Language::English)
            .contains("more than 1 month ago."));
        assert!(assessment
            .reason(Language::English)
            .ends_with(text::out_of_time_unless(Language::English)));
    }

    #[test]
    fn rule_8_needs_a_real_date() {
        let mut draft = complaint();
        for (day, month, year) in [("", "", ""), ("31", "2", "2020"), ("1", "1", "20")] {
            draft.issue_date = DateInput {
                day: day.into(),
                month: month.into(),
                year: year.into(),
            };
            let assessment = assess(&Policy::default_policy(), &draft, received());
            assert!(!assessment.out_of_time);
            assert_eq!(assessment.outcome, Outcome::Complaint);
        }
    }

    #[test]
    fn rule_9_concern_is_offered_with_a_complaint_only() {
        let greatwell = policy("greatwell");
        let draft = complaint();
        assert_eq!(
            assess(&greatwell, &draft, received())
                .concern_offered
                .as_deref(),
            Some("Customer concern")
        );
        assert_eq!(
            assess(&policy("town-and-country"), &draft, received())
                .concern_offered
                .as_deref(),
            Some("Quick resolution")
        );
        assert_eq!(
            assess(&Policy::default_policy(), &draft, received()).concern_offered,
            None
        );
        let mut other = draft.clone();
        other.responsibility = Some(Responsibility::OtherBody);
        assert_eq!(assess(&greatwell, &other, received()).concern_offered, None);
    }

    #[test]
    fn sending_anyway_needs_yes_and_a_reason() {
        let mut draft = complaint();
        draft.told_before = Some(YesNo::No);
        let code = Policy::default_policy();
        let assessment = assess(&code, &draft, received());
        assert!(assessment.can_override());
        assert!(!assessment.sends_as_complaint(&draft));
        draft.send_anyway = Some(YesNo::Yes);
        assert!(!assessment.sends_as_complaint(&draft), "no reason yet");
        draft.override_reason = " \n ".into();
        assert!(!assessment.sends_as_complaint(&draft), "only spaces");
        draft.override_reason = "I reported it last year by phone".into();
        assert!(assessment.sends_as_complaint(&draft));
        draft.send_anyway = Some(YesNo::No);
        assert!(!assessment.sends_as_complaint(&draft));
        // A complaint is sent as one whatever the override answers say.
        let complaint = complaint();
        assert!(assess(&code, &complaint, received()).sends_as_complaint(&complaint));
    }

    #[test]
    fn only_complaint_and_feedback_cannot_be_overridden() {
        for outcome in Outcome::ALL {
            let assessment = Assessment {
                outcome,
                exclusion: None,
                built_in: None,
                concern_offered: None,
                out_of_time: false,
                late_reason_given: false,
            };
            assert_eq!(
                assessment.can_override(),
                !matches!(outcome, Outcome::Complaint | Outcome::Feedback),
                "{outcome:?}"
            );
        }
    }

    #[test]
    fn outcome_ids_match_serde_and_are_unique() {
        let ids: std::collections::HashSet<_> = Outcome::ALL.iter().map(|o| o.id()).collect();
        assert_eq!(ids.len(), Outcome::ALL.len());
        for outcome in Outcome::ALL {
            assert_eq!(
                serde_json::to_value(outcome).unwrap(),
                serde_json::Value::from(outcome.id())
            );
        }
    }

    #[test]
    fn every_outcome_has_words() {
        let mut drafts = vec![complaint(), everything()];
        for change in [
            |d: &mut Draft| d.told_before = Some(YesNo::No),
            |d: &mut Draft| d.after_report = Some(AfterReport::SortedStraightAway),
            |d: &mut Draft| d.asb = Some(Asb::Behaviour),
            |d: &mut Draft| d.responsibility = Some(Responsibility::OtherBody),
            |d: &mut Draft| d.issue_date = typed("2020-01-01"),
        ] {
            let mut draft = complaint();
            change(&mut draft);
            drafts.push(draft);
        }
        for id in Policy::builtin_ids() {
            for draft in &drafts {
                let a = assess(&policy(id), draft, received());
                assert!(!a.summary(Language::Welsh).is_empty() && !a.reason(Language::Welsh).is_empty(), "{id} {a:?}");
                assert_eq!(a.signpost(Language::Welsh).is_some(), a.can_override(), "{id} {a:?}");
            }
        }
    }
}
