//! Triage: what kind of matter the resident's answers describe under a landlord's policy (a
//! complaint, a service request, the ASB route, another route, or an exclusion), and why.
//!
//! The form never refuses: every outcome but a complaint or feedback can still be sent as a
//! complaint with the resident's reason, because the landlord decides, not the form.

use chrono::NaiveDate;

use super::choice::choice;
use super::draft::{
    AfterReport, Asb, Draft, FeedbackKind, HazardAnswer, Matter, OtherProcess, PriorComplaint,
    Responsibility, YesNo,
};
use super::hazard_report::HazardReport;
use super::policy::{Decision, Exclusion, ExclusionKind, Nation, Policy};
use super::translations::{triage as text, Language};

/// Our words for an outcome (`src/locales/<language>/triage.toml`). Most are used where the
/// profile has none of its own; those that [`lead`](BuiltIn::leads) say what the law gives the
/// resident and are shown under every profile, with the profile's own words beside them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BuiltIn {
    Complaint,
    /// A complaint from outside the time limit, with the resident's reason.
    ComplaintLate,
    Compliment,
    Comment,
    ServiceRequest,
    /// A hazard Awaab's Law gives dates for, none of them passed yet.
    HazardReport,
    PutRight,
    AntiSocialBehaviour,
    OtherBody,
    /// Outside the policy's time limit of `months`; `lifts`: a good reason can lift it.
    OutOfTime {
        months: u32,
        lifts: bool,
    },
    /// The landlord has given its final answer: the next step is the Ombudsman.
    FinalAnswer,
    /// The Ombudsman is dealing with it, or has.
    WithOmbudsman,
    /// A decision with a route of its own. Housing, service charge, tenancy and benefit
    /// decisions have routes the law sets; `Other` is the general words.
    Decision(Decision),
    /// A councillor's conduct, where each nation's law sends it: in England the council's
    /// Monitoring Officer (Localism Act 2011); in Wales the Public Services Ombudsman for Wales
    /// (Local Government Act 2000, Part III); in Scotland the Ethical Standards Commissioner
    /// (Ethical Standards in Public Life etc. (Scotland) Act 2000); in Northern Ireland the
    /// Northern Ireland Public Services Ombudsman, as Local Government Commissioner for
    /// Standards (Local Government Act (Northern Ireland) 2014).
    CouncillorConduct(Nation),
    /// The amount of a service charge outside England, where the First-tier Tribunal
    /// (Property Chamber) does not sit: in Wales a leaseholder goes to the Leasehold Valuation
    /// Tribunal (the Residential Property Tribunal Wales); in Scotland a home owner whose
    /// landlord is its property factor to the First-tier Tribunal for Scotland (Housing and
    /// Property Chamber); in Northern Ireland we name no tribunal.
    ServiceChargeOutsideEngland(Nation),
}

impl BuiltIn {
    /// Whether our words lead, under every profile: the routes the law sets and the Ombudsman
    /// after a final answer. A profile cannot take these away; its own words are shown beside.
    pub fn leads(self) -> bool {
        matches!(
            self,
            BuiltIn::FinalAnswer
                | BuiltIn::WithOmbudsman
                | BuiltIn::CouncillorConduct(_)
                | BuiltIn::ServiceChargeOutsideEngland(_)
                | BuiltIn::Decision(
                    Decision::Housing
                        | Decision::ServiceCharge
                        | Decision::Tenancy
                        | Decision::Benefit
                )
        )
    }

    /// A few words naming the outcome.
    pub fn summary(self, language: Language) -> String {
        let summary = match self {
            BuiltIn::Complaint | BuiltIn::ComplaintLate => text::complaint_summary,
            BuiltIn::Compliment => text::compliment_summary,
            BuiltIn::Comment => text::comment_summary,
            BuiltIn::ServiceRequest => text::service_request_summary,
            BuiltIn::HazardReport => text::hazard_report_summary,
            BuiltIn::PutRight => text::put_right_summary,
            BuiltIn::AntiSocialBehaviour => text::asb_summary,
            BuiltIn::OtherBody => text::other_body_summary,
            BuiltIn::OutOfTime { months, .. } => {
                return text::out_of_time_summary(language, &months_text(months, language))
            }
            BuiltIn::FinalAnswer => text::final_answer_summary,
            BuiltIn::WithOmbudsman => text::with_ombudsman_summary,
            BuiltIn::Decision(Decision::Housing) => text::housing_decision_summary,
            BuiltIn::Decision(Decision::ServiceCharge) => text::service_charge_summary,
            BuiltIn::Decision(Decision::Tenancy) => text::tenancy_decision_summary,
            BuiltIn::Decision(Decision::Benefit) => text::benefit_decision_summary,
            // A decision without a route is a complaint: never decided as one.
            BuiltIn::Decision(Decision::Other | Decision::NoRoute) => text::other_decision_summary,
            BuiltIn::CouncillorConduct(nation) => match nation {
                Nation::England => text::councillor_summary,
                Nation::Wales => text::councillor_summary_wales,
                Nation::Scotland => text::councillor_summary_scotland,
                Nation::NorthernIreland => text::councillor_summary_northern_ireland,
            },
            BuiltIn::ServiceChargeOutsideEngland(Nation::Wales) => text::service_charge_summary_wales,
            BuiltIn::ServiceChargeOutsideEngland(_) => text::service_charge_summary_elsewhere,
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
            BuiltIn::HazardReport => text::hazard_report_reason,
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
            BuiltIn::FinalAnswer => text::final_answer_reason,
            BuiltIn::WithOmbudsman => text::with_ombudsman_reason,
            BuiltIn::Decision(Decision::Housing) => text::housing_decision_reason,
            BuiltIn::Decision(Decision::ServiceCharge) => text::service_charge_reason,
            BuiltIn::Decision(Decision::Tenancy) => text::tenancy_decision_reason,
            BuiltIn::Decision(Decision::Benefit) => text::benefit_decision_reason,
            BuiltIn::Decision(Decision::Other | Decision::NoRoute) => text::other_decision_reason,
            BuiltIn::CouncillorConduct(nation) => match nation {
                Nation::England => text::councillor_reason,
                Nation::Wales => text::councillor_reason_wales,
                Nation::Scotland => text::councillor_reason_scotland,
                Nation::NorthernIreland => text::councillor_reason_northern_ireland,
            },
            BuiltIn::ServiceChargeOutsideEngland(Nation::Wales) => text::service_charge_reason_wales,
            BuiltIn::ServiceChargeOutsideEngland(_) => text::service_charge_reason_elsewhere,
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
            BuiltIn::FinalAnswer => text::final_answer_signpost,
            BuiltIn::WithOmbudsman => text::with_ombudsman_signpost,
            BuiltIn::Decision(Decision::Housing) => text::housing_decision_signpost,
            BuiltIn::Decision(Decision::ServiceCharge) => text::service_charge_signpost,
            BuiltIn::Decision(Decision::Tenancy) => text::tenancy_decision_signpost,
            BuiltIn::Decision(Decision::Benefit) => text::benefit_decision_signpost,
            BuiltIn::Decision(Decision::Other | Decision::NoRoute) => {
                text::other_decision_signpost
            }
            BuiltIn::CouncillorConduct(nation) => match nation {
                Nation::England => text::councillor_signpost,
                Nation::Wales => text::councillor_signpost_wales,
                Nation::Scotland => text::councillor_signpost_scotland,
                Nation::NorthernIreland => text::councillor_signpost_northern_ireland,
            },
            BuiltIn::ServiceChargeOutsideEngland(nation) => match nation {
                Nation::Wales => text::service_charge_signpost_wales,
                Nation::Scotland => text::service_charge_signpost_scotland,
                // Not reached for England (the tribunal's own words are), but a route is a route.
                Nation::NorthernIreland | Nation::England => {
                    text::service_charge_signpost_northern_ireland
                }
            },
            // A hazard report is sent from here: nowhere else to go.
            BuiltIn::Complaint
            | BuiltIn::ComplaintLate
            | BuiltIn::Compliment
            | BuiltIn::Comment
            | BuiltIn::HazardReport => return None,
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

choice!(serde
    /// What the answers describe. The ids are used in the HTTP contract.
    Conclusion {
        /// A formal complaint (stage 1).
        Complaint = "complaint",
        /// A first report: the landlord needs the chance to put it right.
        ServiceRequest = "service-request",
        /// Damp, mould or another hazard Awaab's Law gives dates for, none passed yet: sent as
        /// a hazard report with the dates (a missed one makes it a complaint).
        HazardReport = "hazard-report",
        /// It was sorted there and then; nothing is wrong now.
        PutRightAlready = "put-right-already",
        /// A neighbour's behaviour itself, for the ASB procedure.
        AntiSocialBehaviour = "anti-social-behaviour",
        /// Another route deals with it (an appeal or review, or another organisation).
        OtherRoute = "other-route",
        /// The policy lists it as something it does not treat as a complaint.
        Excluded = "excluded",
        /// The landlord's process is over (a final answer), or the Ombudsman has it: the next step
        /// is the Ombudsman.
        Ombudsman = "ombudsman",
        /// A compliment or a comment.
        Feedback = "feedback",
    }
);

/// The result of triage, with everything the outcome page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub outcome: Conclusion,
    /// The profile's own exclusion that applies, if one does: its words are shown, beside ours
    /// where ours lead.
    pub exclusion: Option<Exclusion>,
    /// Our words: where the profile's exclusion does not speak (None when it does), or where
    /// they lead (a route set by law, the Ombudsman).
    pub built_in: Option<BuiltIn>,
    /// The policy's quick concern or quick resolution route, by name, offered (never forced)
    /// when the outcome is a complaint and the policy has one.
    pub concern_offered: Option<String>,
    /// The time limit applies and the issue date is beyond it (false when there is no usable
    /// date yet, no limit, the matter goes on, or the limit does not reach it). A fact about
    /// the date, whichever rule decided the outcome.
    pub out_of_time: bool,
    /// Out of time, but the policy lets special circumstances lift the limit and the resident
    /// gave a reason.
    pub late_reason_given: bool,
    /// A complaint about how reports of anti-social behaviour were handled: the ASB case itself
    /// carries on under the ASB procedure (North Warwickshire's case study C).
    pub asb_case_continues: bool,
}

impl Assessment {
    /// Our words, where they speak: they lead, or the profile has none.
    fn ours(&self) -> Option<BuiltIn> {
        match (&self.exclusion, self.built_in) {
            (_, Some(words)) if words.leads() => Some(words),
            (None, words) => words,
            (Some(_), _) => None,
        }
    }

    /// The profile's own words shown beside ours, where ours lead and the profile has some.
    pub fn landlord_words(&self) -> Option<&Exclusion> {
        self.exclusion
            .as_ref()
            .filter(|_| self.built_in.is_some_and(BuiltIn::leads))
    }

    /// A few words naming the outcome: the exclusion's summary where the profile's words lead.
    pub fn summary(&self, language: Language) -> String {
        match (self.ours(), &self.exclusion) {
            (Some(words), _) => words.summary(language),
            (None, Some(exclusion)) => exclusion.summary.get(language).to_string(),
            (None, None) => String::new(),
        }
    }

    /// Why, in plain words: the exclusion's explanation where the profile's words lead.
    pub fn reason(&self, language: Language) -> String {
        match (self.ours(), &self.exclusion) {
            (Some(words), _) => words.reason(language),
            (None, Some(exclusion)) => exclusion.explanation.get(language).to_string(),
            (None, None) => String::new(),
        }
    }

    /// The language the leading words are in: the profile's exclusion may have no Welsh, and
    /// then speaks English (a page marks it `lang="en"`).
    pub fn words_language(&self, language: Language) -> Language {
        match (self.ours(), &self.exclusion) {
            (None, Some(exclusion)) => exclusion.explanation.in_language(language).1,
            _ => language,
        }
    }

    /// Where to go instead: the exclusion's signpost, or ours; None for a complaint and for
    /// feedback.
    pub fn signpost(&self, language: Language) -> Option<String> {
        match (self.ours(), &self.exclusion) {
            (Some(words), _) => words.signpost(language),
            (None, Some(exclusion)) => Some(exclusion.signpost.get(language).to_string()),
            (None, None) => None,
        }
    }

    /// Whether what is sent is a complaint: the outcome is a complaint, or the resident chose
    /// to send it anyway and said why. An exclusion never blocks: the landlord decides.
    pub fn sends_as_complaint(&self, draft: &Draft) -> bool {
        self.outcome == Conclusion::Complaint
            || (self.can_override()
                && draft.send_anyway == Some(YesNo::Yes)
                && !draft.override_reason.trim().is_empty())
    }

    /// Whether what is sent is a hazard report: the outcome is one, and the resident did not
    /// choose to send it as a complaint instead.
    pub fn sends_as_hazard_report(&self, draft: &Draft) -> bool {
        self.outcome == Conclusion::HazardReport && !self.sends_as_complaint(draft)
    }

    /// Whether the answers go on to be sent from here: as a complaint or a hazard report.
    pub fn sends(&self, draft: &Draft) -> bool {
        self.sends_as_complaint(draft) || self.sends_as_hazard_report(draft)
    }

    /// Whether the outcome page says the summary and the reason: for every outcome but a
    /// complaint (which needs no explaining), and for a complaint made late with a reason,
    /// which the landlord will weigh. Compliments and comments never reach the outcome page.
    pub fn reason_shown(&self) -> bool {
        match self.outcome {
            Conclusion::Complaint => self.late_reason_given,
            Conclusion::Feedback => false,
            _ => true,
        }
    }

    /// Whether the outcome page must offer "send it as a complaint anyway". Feedback is not
    /// overridden: the resident changes what kind of feedback it is instead.
    pub fn can_override(&self) -> bool {
        !matches!(self.outcome, Conclusion::Complaint | Conclusion::Feedback)
    }
}

// The journey asks some questions only on some branches, and an answer left from a branch the
// resident has since left must not count: these say which branch the answers are on, for the
// journey and for the rules alike.

/// Whether it is about something to do or fix, where a first report is a service request.
/// Not a complaint about how ASB reports were handled: those were reported.
fn about_something_to_fix(draft: &Draft) -> bool {
    draft.asb != Some(Asb::Handling) && matches!(draft.matter, Some(Matter::Repair) | None)
}

/// Whether the resident reported damp, mould or another hazard: its page asked when they first
/// told the landlord, which answers "told before?".
fn hazard_reported(draft: &Draft) -> bool {
    matches!(draft.hazard, Some(HazardAnswer::DampAndMould | HazardAnswer::Other))
}

/// Whether the resident is asked if they told the landlord before (and what happened): about
/// something to do or fix, unless the hazard's page asked already.
pub fn asks_told_before(draft: &Draft) -> bool {
    about_something_to_fix(draft) && !hazard_reported(draft)
}

/// Whether the landlord was told before, on the resident's path: the hazard's "when did you
/// first tell them" (empty if not yet), or the question itself.
pub fn told_before(draft: &Draft) -> Option<YesNo> {
    if !about_something_to_fix(draft) {
        None
    } else if hazard_reported(draft) {
        Some(if draft.first_told.is_empty() { YesNo::No } else { YesNo::Yes })
    } else {
        draft.told_before
    }
}

/// Whether the resident is asked which decision it is.
pub fn asks_decision(draft: &Draft) -> bool {
    draft.asb != Some(Asb::Handling) && draft.matter == Some(Matter::Decision)
}

/// The decision with a route of its own that the resident chose, if they did: a decision they
/// know no appeal for is a complaint like any other.
pub fn decision_with_route(draft: &Draft) -> Option<Decision> {
    match draft.decision {
        Some(Decision::NoRoute) => None,
        decision if asks_decision(draft) => Some(decision.unwrap_or(Decision::Other)),
        _ => None,
    }
}

/// Whether the resident has raised the matter with the landlord before: told them about it, or
/// reported the anti-social behaviour whose handling they complain about.
fn raised_before(draft: &Draft) -> bool {
    told_before(draft) == Some(YesNo::Yes) || draft.asb == Some(Asb::Handling)
}

/// Whether the policy's time limit bars the matter: it has ended (a failure that goes on today
/// is in time), it is not one the limit leaves out (Nottingham's limit bars only matters not
/// raised before), and its date is beyond the limit.
pub fn is_out_of_time(policy: &Policy, draft: &Draft, received: NaiveDate) -> bool {
    let Some(limit) = &policy.time_limit else {
        return false;
    };
    if draft.ongoing == Some(YesNo::Yes) || (limit.only_if_not_raised_before && raised_before(draft))
    {
        return false;
    }
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
/// The rules run in the order the journey asks, and the first that matches wins: feedback; a
/// neighbour's behaviour; a final answer or the Ombudsman; another process (court, a claim); a
/// decision with its own route; a hazard the law's dates still cover; a first report; put right
/// already; not the landlord's responsibility; out of time; otherwise a complaint. Routes the law sets (a decision's review or
/// tribunal, a councillor's conduct, the Ombudsman after a final answer) apply under every
/// profile, with its words beside ours; any other exclusion applies only where the profile
/// lists it.
pub fn assess(policy: &Policy, draft: &Draft, received: NaiveDate) -> Assessment {
    let out_of_time = is_out_of_time(policy, draft, received);
    let late_reason_given =
        asks_late_reason(policy, draft, received) && !draft.late_reason.trim().is_empty();
    let Decided {
        outcome,
        exclusion,
        built_in,
    } = decide(policy, draft, received, out_of_time, late_reason_given);
    let concern_offered = match (outcome, &policy.stages.concern) {
        (Conclusion::Complaint, Some(concern)) => Some(concern.name.clone()),
        _ => None,
    };
    Assessment {
        outcome,
        exclusion: exclusion.cloned(),
        built_in,
        concern_offered,
        out_of_time,
        late_reason_given,
        asb_case_continues: draft.kind != Some(FeedbackKind::Compliment)
            && draft.kind != Some(FeedbackKind::Comment)
            && draft.asb == Some(Asb::Handling),
    }
}

/// What a rule decided: the outcome, the profile's words and ours.
struct Decided<'p> {
    outcome: Conclusion,
    exclusion: Option<&'p Exclusion>,
    built_in: Option<BuiltIn>,
}

impl<'p> Decided<'p> {
    /// The profile's own exclusion applies: its words are shown.
    fn profile(outcome: Conclusion, exclusion: &'p Exclusion) -> Decided<'p> {
        Decided {
            outcome,
            exclusion: Some(exclusion),
            built_in: None,
        }
    }

    /// No exclusion of the profile applies; the words are ours.
    fn ours(outcome: Conclusion, words: BuiltIn) -> Decided<'p> {
        Decided {
            outcome,
            exclusion: None,
            built_in: Some(words),
        }
    }

    /// Under every policy: our words where they lead, with the profile's beside; otherwise the
    /// profile's where it has them, else ours.
    fn either(outcome: Conclusion, exclusion: Option<&'p Exclusion>, words: BuiltIn) -> Decided<'p> {
        match exclusion {
            Some(exclusion) if !words.leads() => Decided::profile(outcome, exclusion),
            _ => Decided {
                outcome,
                exclusion,
                built_in: Some(words),
            },
        }
    }
}

/// The profile's first exclusion of `kind`. Several of one kind share a question, so the first
/// stands for them all (appeal routes are told apart by their decision: see [`route_for`]).
fn first_of_kind(policy: &Policy, kind: ExclusionKind) -> Option<&Exclusion> {
    policy.exclusions.iter().find(|e| e.kind == kind)
}

/// The profile's route for a kind of decision: the appeal route that names it, else its
/// general appeal route (one that names no decision) for a decision of the landlord's own. A
/// benefit is decided by the council or the DWP, so a landlord's general words do not fit it;
/// nor a decision with no route.
pub fn route_for(policy: &Policy, decision: Decision) -> Option<&Exclusion> {
    let appeal_routes = || {
        policy
            .exclusions
            .iter()
            .filter(|e| e.kind == ExclusionKind::OwnAppealRoute)
    };
    appeal_routes()
        .find(|e| e.decision == Some(decision))
        .or_else(|| {
            (!matches!(decision, Decision::Benefit | Decision::NoRoute))
                .then(|| appeal_routes().find(|e| e.decision.is_none()))
                .flatten()
        })
}

fn decide<'p>(
    policy: &'p Policy,
    draft: &Draft,
    received: NaiveDate,
    out_of_time: bool,
    late_reason_given: bool,
) -> Decided<'p> {
    // 1. Compliments and comments take the short path.
    match draft.kind {
        Some(FeedbackKind::Compliment) => {
            return Decided::ours(Conclusion::Feedback, BuiltIn::Compliment)
        }
        Some(FeedbackKind::Comment) => return Decided::ours(Conclusion::Feedback, BuiltIn::Comment),
        Some(FeedbackKind::Complaint) | None => {}
    }

    // 2. The behaviour itself goes to the ASB procedure under every policy. How reports were
    // handled (`Asb::Handling`) is a complaint and falls through.
    if draft.asb == Some(Asb::Behaviour) {
        let theirs = first_of_kind(policy, ExclusionKind::AntiSocialBehaviour);
        return Decided::either(
            Conclusion::AntiSocialBehaviour,
            theirs,
            BuiltIn::AntiSocialBehaviour,
        );
    }

    // 3. After a final answer the next step is the Ombudsman, under every policy; if the
    // Ombudsman has it already, it is theirs.
    match draft.prior_complaint {
        Some(PriorComplaint::Answered) => {
            let theirs = first_of_kind(policy, ExclusionKind::AlreadyConsidered);
            return Decided::either(Conclusion::Ombudsman, theirs, BuiltIn::FinalAnswer);
        }
        Some(PriorComplaint::WithOmbudsman) => {
            let theirs = first_of_kind(policy, ExclusionKind::WithOmbudsman);
            return Decided::either(Conclusion::Ombudsman, theirs, BuiltIn::WithOmbudsman);
        }
        Some(PriorComplaint::No) | None => {}
    }

    // 4. Court action or a claim already deals with it, where the profile says so.
    let other = match draft.other_process {
        Some(OtherProcess::LegalProceedings) => Some(ExclusionKind::LegalProceedings),
        Some(OtherProcess::InsuranceClaim) => Some(ExclusionKind::InsuranceClaim),
        Some(OtherProcess::None) | None => None,
    };
    if let Some(exclusion) = other.and_then(|kind| first_of_kind(policy, kind)) {
        return Decided::profile(Conclusion::Excluded, exclusion);
    }

    // 5. A decision with a route of its own, under every policy: the law's where it sets one,
    // with the profile's words for that kind of decision beside; else the profile's, else ours.
    if let Some(decision) = decision_with_route(draft) {
        let theirs = route_for(policy, decision);
        // The tribunal for a service charge is England's: each nation has its own words.
        let words = match (decision, policy.nation()) {
            (Decision::ServiceCharge, nation) if nation != Nation::England => {
                BuiltIn::ServiceChargeOutsideEngland(nation)
            }
            _ => BuiltIn::Decision(decision),
        };
        return Decided::either(Conclusion::OtherRoute, theirs, words);
    }

    // 6. A hazard Awaab's Law gives dates for, none passed: the landlord still has time, so it
    // goes as a hazard report with the dates. A missed date makes it a complaint (below).
    if about_something_to_fix(draft) && hazard_in_time(policy, draft, received) {
        return Decided::ours(Conclusion::HazardReport, BuiltIn::HazardReport);
    }

    // 7. A first report of something to do or fix is a service request under the Code, whatever
    // the profile lists. How staff behaved, or a broken rule, is a complaint the first time:
    // the journey does not ask whether they were told.
    if told_before(draft) == Some(YesNo::No) {
        let theirs = first_of_kind(policy, ExclusionKind::ServiceRequest);
        return Decided::either(Conclusion::ServiceRequest, theirs, BuiltIn::ServiceRequest);
    }
    // 8. Sorted "there and then" (case study A): nothing left to put right.
    if asks_told_before(draft) && draft.after_report == Some(AfterReport::SortedStraightAway) {
        return Decided::ours(Conclusion::PutRightAlready, BuiltIn::PutRight);
    }

    // 9. Not the landlord's to deal with. Another body always routes away: the landlord cannot
    // put right what it is not in charge of; a councillor's conduct goes where the nation's law
    // sends it. The rest only where the profile lists them.
    let responsibility = match draft.responsibility {
        Some(Responsibility::OtherBody) => {
            let theirs = first_of_kind(policy, ExclusionKind::NotLandlordResponsibility);
            return Decided::either(Conclusion::OtherRoute, theirs, BuiltIn::OtherBody);
        }
        Some(Responsibility::CouncillorConduct) => {
            let theirs = first_of_kind(policy, ExclusionKind::CouncillorConduct);
            let ours = BuiltIn::CouncillorConduct(policy.nation());
            return Decided::either(Conclusion::OtherRoute, theirs, ours);
        }
        Some(Responsibility::StaffGrievance) => Some(ExclusionKind::StaffGrievance),
        Some(Responsibility::BusinessRelationship) => Some(ExclusionKind::BusinessRelationship),
        Some(Responsibility::PolicyItself) => Some(ExclusionKind::PolicyDisagreement),
        Some(Responsibility::InformationRequest) => Some(ExclusionKind::InformationRequest),
        Some(Responsibility::Landlord) | None => None,
    };
    if let Some(exclusion) = responsibility.and_then(|kind| first_of_kind(policy, kind)) {
        return Decided::profile(Conclusion::Excluded, exclusion);
    }

    // 10. Out of time, unless a good reason may lift the limit and one was given.
    if out_of_time && !late_reason_given {
        let theirs = first_of_kind(policy, ExclusionKind::OutOfTime);
        return Decided::either(Conclusion::Excluded, theirs, out_of_time_words(policy));
    }

    // 11. A complaint.
    let words = if late_reason_given {
        BuiltIn::ComplaintLate
    } else {
        BuiltIn::Complaint
    };
    Decided::ours(Conclusion::Complaint, words)
}

/// Whether the answers report a hazard the law gives dates for, with none passed on `received`.
fn hazard_in_time(policy: &Policy, draft: &Draft, received: NaiveDate) -> bool {
    let start_of_day = received.and_hms_opt(0, 0, 0).expect("midnight exists");
    HazardReport::from_answers(policy, draft, start_of_day)
        .is_some_and(|report| !report.deadlines.is_empty() && !report.is_late())
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
    use crate::domain::examples;
    use crate::domain::draft::DateInput;
    use crate::domain::policy::TimeLimit;

    /// Monday 23 November 2026.
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

    fn all() -> impl Iterator<Item = Policy> {
        Policy::builtin_ids().iter().map(|id| policy(id))
    }

    /// A complaint under every built-in profile: a repair reported before, not fixed, recent
    /// and over.
    fn complaint() -> Draft {
        examples::complaint("test")
    }

    fn outcome(policy: &Policy, draft: &Draft) -> Conclusion {
        assess(policy, draft, received()).outcome
    }

    fn exclusion_id(policy: &Policy, draft: &Draft) -> Option<String> {
        assess(policy, draft, received()).exclusion.map(|e| e.id)
    }

    #[test]
    fn a_plain_complaint() {
        for policy in all() {
            let assessment = assess(&policy, &complaint(), received());
            assert_eq!(assessment.outcome, Conclusion::Complaint, "{}", policy.id);
            assert_eq!(assessment.exclusion, None);
            assert_eq!(
                assessment.reason(Language::English),
                text::complaint_reason(Language::English)
            );
            assert_eq!(assessment.signpost(Language::English), None);
            assert!(!assessment.out_of_time && !assessment.late_reason_given);
            assert!(!assessment.asb_case_continues);
        }
        // Nothing answered yet is not a reason to route anywhere else.
        assert_eq!(
            outcome(&Policy::default_policy(), &Draft::new("x")),
            Conclusion::Complaint
        );
    }

    #[test]
    fn feedback_beats_everything() {
        let code = Policy::default_policy();
        let mut draft = Draft {
            kind: Some(FeedbackKind::Compliment),
            asb: Some(Asb::Behaviour),
            prior_complaint: Some(PriorComplaint::Answered),
            told_before: Some(YesNo::No),
            ..complaint()
        };
        let assessment = assess(&code, &draft, received());
        assert_eq!(assessment.outcome, Conclusion::Feedback);
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
    fn a_neighbours_behaviour_goes_to_the_asb_procedure_under_every_policy() {
        let draft = Draft {
            asb: Some(Asb::Behaviour),
            ..complaint()
        };
        for policy in all() {
            assert_eq!(outcome(&policy, &draft), Conclusion::AntiSocialBehaviour, "{}", policy.id);
        }
        // The Code lists no ASB exclusion: our words, which say handling can be a complaint.
        let assessment = assess(&Policy::default_policy(), &draft, received());
        assert_eq!(assessment.exclusion, None);
        assert!(assessment
            .reason(Language::English)
            .contains("you can complain about that"));
        assert_eq!(
            exclusion_id(&policy("north-warwickshire"), &draft).as_deref(),
            Some("anti-social-behaviour")
        );
    }

    #[test]
    fn how_asb_reports_were_handled_is_a_complaint_and_the_asb_case_carries_on() {
        // North Warwickshire, case study C: "as well as following up on the reports of ASB as
        // per the ASB policy, the landlord should also open a complaint case".
        let draft = Draft {
            asb: Some(Asb::Handling),
            // Left from a branch the resident has since left: not asked on this one.
            matter: Some(Matter::Repair),
            told_before: Some(YesNo::No),
            ..complaint()
        };
        for policy in all() {
            let assessment = assess(&policy, &draft, received());
            assert_eq!(assessment.outcome, Conclusion::Complaint, "{}", policy.id);
            assert!(assessment.asb_case_continues, "{}", policy.id);
        }
    }

    #[test]
    fn a_decision_has_its_own_route_under_every_policy() {
        for decision in [
            Decision::Housing,
            Decision::ServiceCharge,
            Decision::Tenancy,
            Decision::Benefit,
            Decision::Other,
        ] {
            let draft = Draft {
                matter: Some(Matter::Decision),
                decision: Some(decision),
                ..complaint()
            };
            for policy in all() {
                let assessment = assess(&policy, &draft, received());
                assert_eq!(assessment.outcome, Conclusion::OtherRoute, "{decision:?} {}", policy.id);
                assert!(assessment.can_override());
                assert!(assessment.signpost(Language::English).is_some());
            }
        }
    }

    #[test]
    fn routes_the_law_sets_lead_with_the_profiles_words_beside() {
        let decided = |id: &str, decision: Decision| {
            let draft = Draft {
                matter: Some(Matter::Decision),
                decision: Some(decision),
                ..complaint()
            };
            assess(&policy(id), &draft, received())
        };
        // The Code lists no appeal route: the law's words alone.
        let code = decided("hos-code-2024", Decision::ServiceCharge);
        assert_eq!(code.built_in, Some(BuiltIn::Decision(Decision::ServiceCharge)));
        assert!(code.reason(Language::English).contains("First-tier Tribunal (Property Chamber)"));
        assert!(code.reason(Language::English).contains("cannot look at how much rent or service charge is"));
        assert_eq!(code.landlord_words(), None);
        // South Cambridgeshire: "The complaints process cannot be used for customers who are
        // requesting a review of the allocations process."
        let allocation = decided("south-cambridgeshire", Decision::Housing);
        assert!(allocation.reason(Language::English).contains("within 21 days"));
        assert_eq!(allocation.landlord_words().map(|e| e.id.as_str()), Some("allocations-review"));
        // "It can also not be used in regard to introductory tenancies": beside our words, which
        // also cover taking over a tenancy after a death, where its words do not fit.
        let tenancy = decided("south-cambridgeshire", Decision::Tenancy);
        assert_eq!(tenancy.built_in, Some(BuiltIn::Decision(Decision::Tenancy)));
        assert_eq!(tenancy.landlord_words().map(|e| e.id.as_str()), Some("introductory-tenancy"));
        // "Where statutory procedures are in place": the general words for anything else.
        let other = decided("south-cambridgeshire", Decision::Other);
        assert_eq!(other.exclusion.as_ref().map(|e| e.id.as_str()), Some("statutory-procedure"));
        // Nottingham: "review of suitability of emergency temporary accommodation" and "of
        // permanent accommodation following a homelessness application".
        let homeless = decided("nottingham", Decision::Housing);
        assert_eq!(homeless.landlord_words().map(|e| e.id.as_str()), Some("housing-review"));
        // Town and Country: "such as dispute about service charges, succession or tenancy
        // issues" beside the tribunal's route.
        let charge = decided("town-and-country", Decision::ServiceCharge);
        assert_eq!(charge.landlord_words().map(|e| e.id.as_str()), Some("other-appeal"));
        // A benefit is not the landlord's decision: its general appeal words do not fit.
        let benefit = decided("town-and-country", Decision::Benefit);
        assert_eq!(benefit.exclusion, None);
        assert!(benefit.reason(Language::English).contains("within 1 month"));
        // Greatwell lists no route at all: our general words.
        let general = decided("greatwell", Decision::Other);
        assert_eq!(general.exclusion, None);
        assert_eq!(general.built_in, Some(BuiltIn::Decision(Decision::Other)));
    }

    #[test]
    fn a_decision_with_no_route_is_a_complaint() {
        // Refusing to pay for damage has no appeal of its own: "an expression of
        // dissatisfaction ... about the actions ... of the organisation" is a complaint.
        let draft = Draft {
            matter: Some(Matter::Decision),
            decision: Some(Decision::NoRoute),
            ..complaint()
        };
        for policy in all() {
            assert_eq!(outcome(&policy, &draft), Conclusion::Complaint, "{}", policy.id);
        }
    }

    #[test]
    fn a_decision_counts_only_on_its_branch() {
        // The resident chose a decision, then went back and said it is a repair.
        let draft = Draft {
            decision: Some(Decision::Housing),
            ..complaint()
        };
        for policy in all() {
            assert_eq!(outcome(&policy, &draft), Conclusion::Complaint, "{}", policy.id);
        }
    }

    #[test]
    fn a_first_report_of_a_repair_is_a_service_request_under_every_policy() {
        let draft = Draft {
            told_before: Some(YesNo::No),
            ..complaint()
        };
        for policy in all() {
            assert_eq!(outcome(&policy, &draft), Conclusion::ServiceRequest, "{}", policy.id);
        }
        // Greatwell lists no such exclusion: our words.
        let assessment = assess(&policy("greatwell"), &draft, received());
        assert_eq!(assessment.exclusion, None);
        assert_eq!(
            assessment.signpost(Language::English).as_deref(),
            Some(text::service_request_signpost(Language::English))
        );
        assert_eq!(assessment.concern_offered, None, "only offered for a complaint");
    }

    #[test]
    fn a_first_complaint_about_conduct_or_broken_rules_is_a_complaint() {
        // The Code: "an expression of dissatisfaction ... about the standard of service, actions
        // or lack of action by the organisation, its own staff, or those acting on its behalf".
        // A contractor who swore at a resident yesterday is a complaint the first time.
        for matter in [Matter::Conduct, Matter::Rules, Matter::Other] {
            let draft = Draft {
                matter: Some(matter),
                // Not asked on this branch: left from an earlier answer.
                told_before: Some(YesNo::No),
                after_report: Some(AfterReport::SortedStraightAway),
                ..complaint()
            };
            for policy in all() {
                assert_eq!(outcome(&policy, &draft), Conclusion::Complaint, "{matter:?} {}", policy.id);
            }
        }
    }

    #[test]
    fn put_right_there_and_then() {
        let draft = Draft {
            after_report: Some(AfterReport::SortedStraightAway),
            issue_date: typed("2020-01-01"),
            ..complaint()
        };
        let assessment = assess(&Policy::default_policy(), &draft, received());
        assert_eq!(assessment.outcome, Conclusion::PutRightAlready);
        assert_eq!(assessment.exclusion, None);
        assert!(assessment.out_of_time, "still reported as a fact");
        assert!(assessment.can_override());
    }

    /// Everything an outcome says in `language`: its summary, reason and signpost.
    fn said(assessment: &Assessment, language: Language) -> String {
        let signpost = assessment.signpost(language).unwrap_or_default();
        format!("{} {} {signpost}", assessment.summary(language), assessment.reason(language))
    }

    #[test]
    fn outside_england_the_words_name_no_english_body_nor_its_time_limit() {
        use crate::domain::policy::Nation;
        let ended = Draft {
            prior_complaint: Some(PriorComplaint::Answered),
            ..complaint()
        };
        let with_ombudsman = Draft {
            prior_complaint: Some(PriorComplaint::WithOmbudsman),
            ..complaint()
        };
        let service_charge = Draft {
            matter: Some(Matter::Decision),
            decision: Some(Decision::ServiceCharge),
            ..complaint()
        };
        for nation in [Nation::Wales, Nation::Scotland, Nation::NorthernIreland] {
            let policy = Policy::default_in(nation);
            for draft in [&ended, &with_ombudsman, &complaint(), &service_charge] {
                let assessment = assess(&policy, draft, received());
                for language in Language::ALL {
                    let words = said(&assessment, language);
                    for english_body in [
                        "Housing Ombudsman",
                        "Local Government",
                        "Ombwdsmon Tai",
                        "Llywodraeth Leol",
                        "12 months",
                        "12 mis",
                        // England's tribunal for a service charge, and England's advice service.
                        "Tribunal (Property Chamber)",
                        "(Siambr Eiddo)",
                        "Leasehold Advisory",
                        "Cynghori ar Lesddaliadau",
                    ] {
                        assert!(!words.contains(english_body), "{nation:?} {language:?}: {words}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_service_charge_names_each_nations_tribunal_or_none() {
        let draft = Draft {
            matter: Some(Matter::Decision),
            decision: Some(Decision::ServiceCharge),
            ..complaint()
        };
        let words = |policy: &Policy, language| {
            let a = assess(policy, &draft, received());
            assert_eq!(a.outcome, Conclusion::OtherRoute, "{}", policy.id);
            assert!(a.signpost(language).is_some());
            said(&a, language)
        };
        let english = words(&Policy::default_policy(), Language::English);
        assert!(english.contains("First-tier Tribunal (Property Chamber)"), "{english}");
        let wales = words(&Policy::builtin("psow-model").unwrap(), Language::English);
        assert!(wales.contains("Leasehold Valuation Tribunal"), "{wales}");
        assert!(wales.contains("Residential Property Tribunal Wales"), "{wales}");
        let cymraeg = words(&Policy::builtin("psow-model").unwrap(), Language::Welsh);
        // "i Dribiwnlys": the name mutated after "i".
        assert!(cymraeg.contains("i Dribiwnlys Eiddo Preswyl Cymru"), "{cymraeg}");
        let scotland = words(&Policy::builtin("spso-mchp").unwrap(), Language::English);
        assert!(scotland.contains("First-tier Tribunal for Scotland (Housing and Property Chamber)"), "{scotland}");
        let ni = words(&Policy::default_in(Nation::NorthernIreland), Language::English);
        assert!(!ni.contains("Tribunal"), "{ni}");
        assert!(ni.contains("Housing Rights"), "{ni}");
    }

    #[test]
    fn after_a_final_answer_the_next_step_is_the_ombudsman_under_every_policy() {
        let draft = Draft {
            prior_complaint: Some(PriorComplaint::Answered),
            ..complaint()
        };
        for policy in all() {
            let assessment = assess(&policy, &draft, received());
            assert_eq!(assessment.outcome, Conclusion::Ombudsman, "{}", policy.id);
            assert_eq!(assessment.built_in, Some(BuiltIn::FinalAnswer));
            assert_eq!(
                assessment.summary(Language::English),
                text::final_answer_summary(Language::English)
            );
            assert!(assessment.reason(Language::English).contains("The next step is the Ombudsman"));
            assert!(assessment.can_override());
        }
        // Town and Country excludes only "matters already being dealt with or previously
        // concluded by the Housing Ombudsman": its words are not shown after a final answer.
        let tc = assess(&policy("town-and-country"), &draft, received());
        assert_eq!(tc.landlord_words(), None);
        // Greatwell: "Our Stage 2 determination letter will be our final response."
        let greatwell = assess(&policy("greatwell"), &draft, received());
        assert_eq!(greatwell.landlord_words().map(|e| e.id.as_str()), Some("final-response-given"));
    }

    #[test]
    fn with_the_ombudsman_already() {
        let draft = Draft {
            prior_complaint: Some(PriorComplaint::WithOmbudsman),
            ..complaint()
        };
        for policy in all() {
            let assessment = assess(&policy, &draft, received());
            assert_eq!(assessment.outcome, Conclusion::Ombudsman, "{}", policy.id);
            assert_eq!(assessment.built_in, Some(BuiltIn::WithOmbudsman));
        }
        let tc = assess(&policy("town-and-country"), &draft, received());
        assert_eq!(tc.landlord_words().map(|e| e.id.as_str()), Some("with-the-ombudsman"));
    }

    #[test]
    fn court_action_and_claims_where_the_profile_lists_them() {
        let nw = policy("north-warwickshire");
        let code = Policy::default_policy();
        let mut draft = complaint();
        draft.other_process = Some(OtherProcess::LegalProceedings);
        assert_eq!(exclusion_id(&nw, &draft).as_deref(), Some("legal-proceedings"));
        assert_eq!(outcome(&nw, &draft), Conclusion::Excluded);
        draft.other_process = Some(OtherProcess::InsuranceClaim);
        assert_eq!(exclusion_id(&nw, &draft).as_deref(), Some("insurance-claim"));
        // The Code lists no insurance exclusion: a complaint.
        assert_eq!(outcome(&code, &draft), Conclusion::Complaint);
    }

    #[test]
    fn another_body_always_routes_away() {
        let draft = Draft {
            responsibility: Some(Responsibility::OtherBody),
            ..complaint()
        };
        let assessment = assess(&Policy::default_policy(), &draft, received());
        assert_eq!(assessment.outcome, Conclusion::OtherRoute);
        assert_eq!(assessment.built_in, Some(BuiltIn::OtherBody));
        let nottingham = policy("nottingham");
        assert_eq!(exclusion_id(&nottingham, &draft).as_deref(), Some("not-housing-services"));
        assert_eq!(assess(&nottingham, &draft, received()).built_in, None);
    }

    #[test]
    fn a_councillors_conduct_goes_where_each_nations_law_sends_it() {
        // England: the Monitoring Officer (Localism Act 2011). Wales: the Public Services
        // Ombudsman for Wales; Scotland: the Ethical Standards Commissioner; Northern Ireland:
        // the Northern Ireland Public Services Ombudsman. Never England's officer elsewhere.
        let draft = Draft {
            responsibility: Some(Responsibility::CouncillorConduct),
            ..complaint()
        };
        let policies = all().into_iter().chain([Policy::default_in(Nation::NorthernIreland)]);
        for policy in policies {
            let nation = policy.nation();
            let assessment = assess(&policy, &draft, received());
            assert_eq!(assessment.outcome, Conclusion::OtherRoute, "{}", policy.id);
            assert_eq!(assessment.built_in, Some(BuiltIn::CouncillorConduct(nation)));
            for language in Language::ALL {
                assert!(assessment.signpost(language).is_some(), "{}", policy.id);
                let words = said(&assessment, language);
                let body = match (nation, language) {
                    (Nation::England, Language::English) => "Monitoring Officer",
                    (Nation::England, Language::Welsh) => "Swyddog Monitro",
                    (Nation::Wales, Language::English) => "Public Services Ombudsman for Wales",
                    (Nation::Wales, Language::Welsh) => "Ombwdsmon Gwasanaethau Cyhoeddus Cymru",
                    (Nation::Scotland, Language::English) => "Ethical Standards Commissioner",
                    (Nation::Scotland, Language::Welsh) => "Comisiynydd Safonau Moesegol",
                    (Nation::NorthernIreland, Language::English) => "Northern Ireland Public Services Ombudsman",
                    (Nation::NorthernIreland, Language::Welsh) => "Ombwdsmon Gwasanaethau Cyhoeddus Gogledd Iwerddon",
                };
                assert!(words.contains(body), "{} {language:?}: {words}", policy.id);
                if nation != Nation::England {
                    assert!(!words.contains("Monitoring Officer") && !words.contains("Swyddog Monitro"), "{words}");
                }
            }
        }
        // South Cambridgeshire: "Complaints of this nature should be directed to the Monitoring
        // Officer at monitoring.officer@scambs.gov.uk": its words beside ours.
        let sc = assess(&policy("south-cambridgeshire"), &draft, received());
        let words = sc.landlord_words().unwrap();
        assert!(words.signpost.english().contains("monitoring.officer@scambs.gov.uk"));
    }

    #[test]
    fn the_rest_only_where_the_profile_lists_them() {
        let cases = [
            (Responsibility::StaffGrievance, "south-cambridgeshire", "staff-grievance"),
            (Responsibility::BusinessRelationship, "south-cambridgeshire", "business-relationship"),
            (Responsibility::PolicyItself, "nottingham", "policy-disagreement"),
            (Responsibility::PolicyItself, "town-and-country", "policy-content"),
            (Responsibility::InformationRequest, "north-warwickshire", "information-request"),
        ];
        for (answer, id, exclusion) in cases {
            let draft = Draft {
                responsibility: Some(answer),
                ..complaint()
            };
            let listed = policy(id);
            assert_eq!(outcome(&listed, &draft), Conclusion::Excluded, "{answer:?} {id}");
            assert_eq!(exclusion_id(&listed, &draft).as_deref(), Some(exclusion));
            // The Code lists none of these: a complaint.
            assert_eq!(outcome(&Policy::default_policy(), &draft), Conclusion::Complaint, "{answer:?}");
        }
    }

    #[test]
    fn out_of_time_only_when_it_has_ended() {
        let code = Policy::default_policy();
        // 12 months: the last day is 23 November 2026.
        let mut draft = Draft {
            issue_date: typed("2025-11-23"),
            ..complaint()
        };
        assert!(!assess(&code, &draft, received()).out_of_time);
        draft.issue_date = typed("2025-11-22");
        assert!(asks_late_reason(&code, &draft, received()));
        let assessment = assess(&code, &draft, received());
        assert_eq!(assessment.outcome, Conclusion::Excluded);
        assert_eq!(assessment.exclusion.unwrap().id, "over-12-months");
        // Damp that started 14 months ago and is still there is in time: the failure goes on.
        draft.issue_date = typed("2025-09-20");
        draft.ongoing = Some(YesNo::Yes);
        let assessment = assess(&code, &draft, received());
        assert_eq!(assessment.outcome, Conclusion::Complaint);
        assert!(!assessment.out_of_time);
        assert!(!asks_late_reason(&code, &draft, received()));
        // Town and Country names "issues ongoing related to the complaint" as a good reason.
        let tc = policy("town-and-country");
        draft.issue_date = typed("2026-03-01");
        assert_eq!(outcome(&tc, &draft), Conclusion::Complaint);
        draft.ongoing = Some(YesNo::No);
        assert_eq!(outcome(&tc, &draft), Conclusion::Excluded);
    }

    #[test]
    fn nottingham_bars_only_what_was_not_raised_before() {
        // "an issue over six months old that has not previously been raised unless there are
        // any special circumstances".
        let nottingham = policy("nottingham");
        assert!(nottingham.time_limit.as_ref().unwrap().only_if_not_raised_before);
        // A leak reported eight months ago and never fixed: raised before, so in time.
        let reported = Draft {
            issue_date: typed("2026-03-20"),
            ..complaint()
        };
        assert_eq!(outcome(&nottingham, &reported), Conclusion::Complaint);
        assert!(!assess(&nottingham, &reported, received()).out_of_time);
        // A complaint about how reports of ASB were handled: those were raised.
        let handling = Draft {
            asb: Some(Asb::Handling),
            ..reported.clone()
        };
        assert_eq!(outcome(&nottingham, &handling), Conclusion::Complaint);
        // Conduct eight months ago, never raised: out of time, unless a good reason.
        let conduct = Draft {
            matter: Some(Matter::Conduct),
            ..reported.clone()
        };
        assert_eq!(outcome(&nottingham, &conduct), Conclusion::Excluded);
        assert_eq!(exclusion_id(&nottingham, &conduct).as_deref(), Some("over-6-months"));
        let explained = Draft {
            late_reason: "I was in hospital".into(),
            ..conduct
        };
        assert_eq!(outcome(&nottingham, &explained), Conclusion::Complaint);
        // Town and Country's 6 months have no such words: the reported leak is out of time there.
        assert_eq!(outcome(&policy("town-and-country"), &reported), Conclusion::Excluded);
    }

    #[test]
    fn a_reason_lifts_the_limit_only_where_special_circumstances_can() {
        let code = Policy::default_policy();
        let mut draft = Draft {
            issue_date: typed("2020-01-01"),
            late_reason: "I reported it in 2025 but it was never logged".into(),
            ..complaint()
        };
        let assessment = assess(&code, &draft, received());
        assert_eq!(assessment.outcome, Conclusion::Complaint);
        assert!(assessment.out_of_time && assessment.late_reason_given);
        assert_eq!(
            assessment.reason(Language::English),
            text::complaint_late_reason(Language::English)
        );
        draft.late_reason = "   ".into();
        assert_eq!(outcome(&code, &draft), Conclusion::Excluded, "only spaces is no reason");

        let mut strict = code.clone();
        strict.time_limit.as_mut().unwrap().special_circumstances = false;
        draft.late_reason = "I was in hospital".into();
        assert!(!asks_late_reason(&strict, &draft, received()));
        let assessment = assess(&strict, &draft, received());
        assert_eq!(assessment.outcome, Conclusion::Excluded);
        assert!(assessment.out_of_time && !assessment.late_reason_given);
    }

    #[test]
    fn our_out_of_time_words_name_the_limit() {
        let draft = Draft {
            issue_date: typed("2026-01-01"),
            ..complaint()
        };
        // Greatwell has no time limit at all.
        let greatwell = policy("greatwell");
        assert!(!assess(&greatwell, &draft, received()).out_of_time);
        let mut six = greatwell.clone();
        six.time_limit = Some(TimeLimit {
            months: 6,
            special_circumstances: false,
            only_if_not_raised_before: false,
        });
        let assessment = assess(&six, &draft, received());
        assert_eq!(assessment.outcome, Conclusion::Excluded);
        assert_eq!(assessment.exclusion, None);
        assert_eq!(assessment.summary(Language::English), "It happened more than 6 months ago");
        assert!(!assessment
            .reason(Language::English)
            .contains(text::out_of_time_unless(Language::English)));
        six.time_limit = Some(TimeLimit {
            months: 1,
            special_circumstances: true,
            only_if_not_raised_before: false,
        });
        let assessment = assess(&six, &draft, received());
        assert!(assessment.reason(Language::English).contains("more than 1 month ago."));
        assert!(assessment
            .reason(Language::English)
            .ends_with(text::out_of_time_unless(Language::English)));
    }

    #[test]
    fn out_of_time_needs_a_real_date() {
        let mut draft = complaint();
        for (day, month, year) in [("", "", ""), ("31", "2", "2020"), ("1", "1", "20")] {
            draft.issue_date = DateInput {
                day: day.into(),
                month: month.into(),
                year: year.into(),
            };
            let assessment = assess(&Policy::default_policy(), &draft, received());
            assert!(!assessment.out_of_time);
            assert_eq!(assessment.outcome, Conclusion::Complaint);
        }
    }

    #[test]
    fn the_quick_route_is_offered_with_a_complaint_only() {
        let greatwell = policy("greatwell");
        let draft = complaint();
        assert_eq!(
            assess(&greatwell, &draft, received()).concern_offered.as_deref(),
            Some("Customer concern")
        );
        assert_eq!(
            assess(&policy("town-and-country"), &draft, received()).concern_offered.as_deref(),
            Some("Quick resolution")
        );
        assert_eq!(assess(&Policy::default_policy(), &draft, received()).concern_offered, None);
        let other = Draft {
            responsibility: Some(Responsibility::OtherBody),
            ..draft
        };
        assert_eq!(assess(&greatwell, &other, received()).concern_offered, None);
    }

    #[test]
    fn sending_anyway_needs_yes_and_a_reason() {
        let mut draft = Draft {
            told_before: Some(YesNo::No),
            ..complaint()
        };
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
        let complaint = complaint();
        assert!(assess(&code, &complaint, received()).sends_as_complaint(&complaint));
    }

    #[test]
    fn only_complaint_and_feedback_cannot_be_overridden() {
        for outcome in Conclusion::ALL {
            let assessment = Assessment {
                outcome,
                exclusion: None,
                built_in: None,
                concern_offered: None,
                out_of_time: false,
                late_reason_given: false,
                asb_case_continues: false,
            };
            assert_eq!(
                assessment.can_override(),
                !matches!(outcome, Conclusion::Complaint | Conclusion::Feedback),
                "{outcome:?}"
            );
        }
    }

    #[test]
    fn outcome_ids_match_serde_and_are_unique() {
        let ids: std::collections::HashSet<_> = Conclusion::ALL.iter().map(|o| o.id()).collect();
        assert_eq!(ids.len(), Conclusion::ALL.len());
        for outcome in Conclusion::ALL {
            assert_eq!(
                serde_json::to_value(outcome).unwrap(),
                serde_json::Value::from(outcome.id())
            );
        }
    }

    #[test]
    fn every_outcome_has_words_in_every_language() {
        let changes: [fn(&mut Draft); 10] = [
            |d| d.told_before = Some(YesNo::No),
            |d| d.hazard = Some(HazardAnswer::DampAndMould),
            |d| d.after_report = Some(AfterReport::SortedStraightAway),
            |d| d.asb = Some(Asb::Behaviour),
            |d| d.responsibility = Some(Responsibility::OtherBody),
            |d| d.responsibility = Some(Responsibility::CouncillorConduct),
            |d| d.issue_date = typed("2020-01-01"),
            |d| d.prior_complaint = Some(PriorComplaint::Answered),
            |d| d.prior_complaint = Some(PriorComplaint::WithOmbudsman),
            |d| {
                d.matter = Some(Matter::Decision);
                d.decision = Some(Decision::Benefit);
            },
        ];
        for policy in all() {
            for change in changes {
                let mut draft = complaint();
                change(&mut draft);
                let a = assess(&policy, &draft, received());
                for language in Language::ALL {
                    assert!(!a.summary(language).is_empty() && !a.reason(language).is_empty(), "{} {a:?}", policy.id);
                    // Every outcome that stops the form says where to go instead; a hazard
                    // report is sent from here.
                    let stops = a.can_override() && a.outcome != Conclusion::HazardReport;
                    assert_eq!(a.signpost(language).is_some(), stops, "{} {a:?}", policy.id);
                }
            }
        }
    }

    /// Black mould reported under the default profile (England), told the landlord on `told`
    /// (empty: not yet).
    fn damp(told: &str) -> Draft {
        Draft {
            hazard: Some(HazardAnswer::DampAndMould),
            first_told: if told.is_empty() { DateInput::default() } else { typed(told) },
            // Left from a branch the hazard's page replaces: "when did you first tell them?"
            // answers it.
            told_before: Some(YesNo::No),
            ..complaint()
        }
    }

    #[test]
    fn a_hazard_within_the_laws_dates_is_a_hazard_report_and_a_missed_date_a_complaint() {
        let code = Policy::default_policy();
        // Received Monday 23 November 2026. Not told yet: the dates start now.
        let first = damp("");
        assert!(!asks_told_before(&first));
        assert_eq!(told_before(&first), Some(YesNo::No));
        let assessment = assess(&code, &first, received());
        assert_eq!(assessment.outcome, Conclusion::HazardReport);
        assert!(assessment.reason_shown() && assessment.can_override());
        assert_eq!(assessment.signpost(Language::English), None);
        assert!(assessment.sends_as_hazard_report(&first) && assessment.sends(&first));
        // Told on Monday 9 November: the investigation is due on the 10th working day,
        // Monday 23 November, so nothing has passed on the day itself.
        let told = damp("2026-11-09");
        assert_eq!(told_before(&told), Some(YesNo::Yes));
        assert_eq!(outcome(&code, &told), Conclusion::HazardReport);
        // Told on Friday 6 November: due Friday 20 November, missed. A complaint, whatever
        // the profile, though "told before?" was once answered no.
        let late = damp("2026-11-06");
        for policy in all() {
            assert_eq!(outcome(&policy, &late), Conclusion::Complaint, "{}", policy.id);
            // Awaab's Law is England's: elsewhere a first report is a service request.
            let first_report = if policy.nation() == crate::domain::policy::Nation::England {
                Conclusion::HazardReport
            } else {
                Conclusion::ServiceRequest
            };
            assert_eq!(outcome(&policy, &first), first_report, "{}", policy.id);
        }
    }

    #[test]
    fn a_hazard_report_can_be_sent_as_a_complaint_instead() {
        let code = Policy::default_policy();
        let mut draft = Draft {
            send_anyway: Some(YesNo::Yes),
            override_reason: "They have ignored the mould for a year".into(),
            ..damp("")
        };
        let assessment = assess(&code, &draft, received());
        assert!(assessment.sends_as_complaint(&draft) && !assessment.sends_as_hazard_report(&draft));
        // "No" sends the hazard report: unlike the other outcomes, it goes on.
        draft.send_anyway = Some(YesNo::No);
        assert!(!assessment.sends_as_complaint(&draft) && assessment.sends(&draft));
    }

    #[test]
    fn a_hazard_without_the_laws_dates_is_triaged_like_any_repair() {
        // Another hazard has no dates yet, nor damp outside England: a first report is a
        // service request, one told before a complaint.
        let mut wales = Policy::default_policy();
        wales.nation = Some(crate::domain::policy::Nation::Wales);
        let code = Policy::default_policy();
        let other = |told: &str| Draft { hazard: Some(HazardAnswer::Other), ..damp(told) };
        assert_eq!(outcome(&code, &other("")), Conclusion::ServiceRequest);
        assert_eq!(outcome(&code, &other("2026-11-20")), Conclusion::Complaint);
        assert_eq!(outcome(&wales, &damp("")), Conclusion::ServiceRequest);
        assert_eq!(outcome(&wales, &damp("2026-11-20")), Conclusion::Complaint);
        // No hazard: "told before?" is asked and counts.
        let none = Draft { hazard: Some(HazardAnswer::None), ..damp("") };
        assert!(asks_told_before(&none));
        assert_eq!(outcome(&code, &none), Conclusion::ServiceRequest);
    }

    #[test]
    fn a_complaint_about_something_else_is_not_a_hazard_report() {
        // Mould at home, but the complaint is about how staff behaved: a complaint.
        let draft = Draft { matter: Some(Matter::Conduct), ..damp("") };
        assert_eq!(told_before(&draft), None);
        assert_eq!(outcome(&Policy::default_policy(), &draft), Conclusion::Complaint);
    }
}
