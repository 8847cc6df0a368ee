//! After sending: what the device keeps of a submission the server stored (never what the
//! resident wrote), where it stands today against the landlord's policy and the status the
//! backend gives, and what the resident can do now: chase the landlord, ask for a stage 2
//! review, or go to the Ombudsman. "My complaints" shows what this decides; it decides nothing
//! itself.
//!
//! How a submission moves on. Each kind starts at a step of the landlord's process: a
//! complaint at stage 1, a review request at stage 2, a concern at the policy's quick route, a
//! comment at its reply. The backend's events, in order, then move it: `acknowledged` and
//! `responded` are done on their dates; `extended` gives the response a new date, never later
//! than the policy allows; `escalated` starts the next step (a concern becomes a stage 1
//! complaint, a complaint goes to stage 2) from its date; `closed` ends the step. What is still
//! outstanding when a step ends is no longer due. Without a status the policy's dates stand.
//!
//! Apart from the landlord's own policy, the statutory Complaint Handling Code sets times no
//! landlord may exceed (see [`code`]): once they have passed with no answer, the Ombudsman can
//! step in, whatever the landlord's policy says.

use chrono::{DateTime, FixedOffset, Months, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::calendar::{add_working_days, working_days_between, Region};
use super::deadlines::{Milestone, MilestoneId};
use super::draft::Category;
use super::hazard_report::HazardReport;
use super::local_text::LocalText;
use super::ombudsman::OmbudsmanDetails;
use super::language::Language;
use super::policy::{Nation, OmbudsmanScheme, Policy, WelshMutations};
use super::policy_check::code;
use super::status::{self as backend, Receipt, Status};
use super::submission::{milestones_for, ExpectedDate, Kind, Submission};

/// How long the device keeps a sent submission.
pub const KEEP_MONTHS: u32 = 18;

/// What the device keeps of a submission once the server has stored it: enough to show where
/// it stands and to read its status, and nothing the resident wrote (no names, contact
/// details, descriptions, support needs or photos).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tracked {
    /// The profile it was sent under, to load the policy again.
    pub policy_id: String,
    /// The landlord's name, for the list.
    pub landlord: LocalText,
    /// Its Welsh forms after words that mutate it, for the Welsh texts that name it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub welsh_mutations: Option<WelshMutations>,
    pub reference: String,
    pub kind: Kind,
    /// What a complaint was about, for "a complaint about repairs".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// When the resident pressed send, on the device's clock.
    pub submitted_at: DateTime<FixedOffset>,
    /// When the backend stored it (RFC 3339, UK time): the landlord's clocks start here.
    pub received_at: String,
    /// The dates the policy promised, as sent.
    #[serde(default)]
    pub expected_dates: Vec<ExpectedDate>,
    /// Where it was sent: its status is read there.
    pub endpoint: String,
    /// Reads this submission's status and nothing else. Absent from a v1.0 backend.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token: Option<String>,
    /// For a review request: the reference of the complaint it asks to review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalates: Option<String>,
    /// For a comment: whether the resident asked for a reply.
    #[serde(default)]
    pub reply_wanted: bool,
    /// Which Ombudsman can look at it, decided from the answers when it was sent (a council's
    /// housing matters go to the LGSCO). None when no Ombudsman can (a member of the public).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ombudsman: Option<OmbudsmanScheme>,
    /// A hazard's legal dates (Awaab's Law), without who in the home it harms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hazard: Option<HazardReport>,
}

impl Tracked {
    /// The landlord's name as the texts in `language` take it (`Landlord::name_in_texts`).
    pub fn landlord_in_texts(&self, language: Language) -> String {
        WelshMutations::name_in_texts(&self.landlord, self.welsh_mutations.as_ref(), language)
    }

    /// What to keep of `submission`, sent under `policy` to `endpoint`: worked out when it is
    /// queued, while the policy is loaded. Its receipt comes later (`with_receipt`).
    pub fn new(policy: &Policy, submission: &Submission, endpoint: &str) -> Tracked {
        let ombudsmen = submission.ombudsman(policy);
        let ombudsman = OmbudsmanScheme::of(&ombudsmen);
        Tracked {
            policy_id: submission.profile.id.clone(),
            landlord: policy.landlord.name.clone(),
            welsh_mutations: policy.landlord.welsh_mutations.clone(),
            reference: String::new(),
            kind: submission.kind,
            category: submission.details.as_ref().and_then(|d| d.category),
            submitted_at: submission.submitted_at,
            received_at: String::new(),
            expected_dates: submission.expected_dates.clone(),
            endpoint: endpoint.to_string(),
            access_token: None,
            escalates: submission
                .escalation
                .as_ref()
                .map(|e| e.reference.trim().to_string())
                .filter(|reference| !reference.is_empty()),
            reply_wanted: submission.feedback.as_ref().is_some_and(|f| f.wants_reply),
            ombudsman,
            hazard: submission.hazard.as_ref().map(HazardReport::to_track),
        }
    }

    /// The same, once the server has stored it as `receipt`.
    pub fn with_receipt(self, receipt: &Receipt) -> Tracked {
        Tracked {
            reference: receipt.reference.clone(),
            received_at: receipt.received_at.clone(),
            access_token: receipt.access_token.clone(),
            ..self
        }
    }

    /// Its receipt, as the server gave it.
    pub fn receipt(&self) -> Receipt {
        Receipt {
            reference: self.reference.clone(),
            received_at: self.received_at.clone(),
            access_token: self.access_token.clone(),
        }
    }

    /// When the landlord received it, in the backend's local time (UK time for the reference
    /// receiver); the device's time of sending if the backend's cannot be read.
    pub fn received(&self) -> NaiveDateTime {
        DateTime::parse_from_rfc3339(&self.received_at)
            .map_or_else(|_| self.submitted_at.naive_local(), |at| at.naive_local())
    }

    /// Whether the device should forget it: `KEEP_MONTHS` after it was sent, to the day (the
    /// day clamped to the end of a shorter month).
    pub fn expired(&self, today: NaiveDate) -> bool {
        self.submitted_at
            .date_naive()
            .checked_add_months(Months::new(KEEP_MONTHS))
            .is_some_and(|end| today >= end)
    }

    /// The Ombudsmen who can look at it.
    pub fn ombudsmen(&self) -> Vec<OmbudsmanDetails> {
        self.ombudsman
            .map(|scheme| scheme.details().to_vec())
            .unwrap_or_default()
    }

    /// Whether this is a review request, sent from this device, about `complaint`.
    fn reviews(&self, complaint: &Tracked) -> bool {
        self.kind == Kind::Escalation
            && self.policy_id == complaint.policy_id
            && self.escalates.as_deref().is_some_and(|reference| {
                reference
                    .trim()
                    .eq_ignore_ascii_case(complaint.reference.trim())
            })
    }

    /// Where it stands on `today`, and what the resident can do now, under `policy` with the
    /// backend's `status` where it gave one (a status for another reference is not used).
    /// `sent` is every submission kept on this device: a review request sent from it about
    /// this complaint ends stage 1 here, and is tracked on its own.
    pub fn progress(
        &self,
        policy: &Policy,
        status: Option<&Status>,
        sent: &[Tracked],
        today: NaiveDate,
    ) -> Progress {
        let status = status.filter(|s| s.reference.trim() == self.reference.trim());
        let mut steps = vec![Step::start(
            policy,
            self,
            first_phase(self.kind),
            self.received(),
        )];
        for event in status.map_or(&[][..], |s| &s.events[..]) {
            let step = steps.last_mut().expect("there is always a step");
            match event.status {
                backend::Stage::Received => {}
                backend::Stage::Acknowledged => step.acknowledged(event.date),
                backend::Stage::Responded => step.responded(event.date),
                backend::Stage::Extended => {
                    if let Some(until) = event.until {
                        step.extended(event.date, until);
                    }
                }
                backend::Stage::Escalated => {
                    if let Some(next) = next_phase(step.phase, policy) {
                        step.end(event.date);
                        let at = event.date.and_time(NaiveTime::MIN);
                        steps.push(Step::start(policy, self, next, at));
                    }
                }
                backend::Stage::Closed => step.close(event.date),
            }
        }
        let review = sent
            .iter()
            .filter(|other| other.reviews(self))
            .map(|other| other.received().date())
            .min();
        let current = steps.last_mut().expect("there is always a step");
        if let (Phase::Stage1, Some(asked)) = (current.phase, review) {
            current.end(asked);
        }

        let region = policy.region;
        let milestones: Vec<MilestoneProgress> = steps
            .iter()
            .flat_map(|step| step.items.iter())
            .map(|item| MilestoneProgress {
                id: item.id,
                due: item.due,
                state: item.state(region, today),
                extension: item.extension,
            })
            .collect();

        let mut actions = Vec::new();
        let late = milestones
            .iter()
            .filter_map(|m| match m.state {
                MilestoneState::Late { working_days } => Some((m, working_days)),
                _ => None,
            })
            .max_by_key(|(m, _)| m.due);
        if let Some((m, working_days)) = late {
            actions.push(Action::Chase {
                milestone: m.id,
                due: m.due,
                working_days_late: working_days,
            });
        }
        let current = steps.last().expect("there is always a step");
        if review.is_none() {
            if let Some(action) = current.review(policy, today) {
                actions.push(action);
            }
        }
        if let Some(because) = current.ombudsman_reason(policy, today) {
            let ombudsmen = self.ombudsmen();
            if !ombudsmen.is_empty() {
                actions.push(Action::GoToOmbudsman { because, ombudsmen });
            }
        }
        Progress {
            milestones,
            actions,
            status_read: status.is_some(),
        }
    }
}

/// Where a submission stands on a day, and what the resident can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Each milestone of each step so far, in the order of the process (stage 1, then stage 2),
    /// earliest first within a step.
    pub milestones: Vec<MilestoneProgress>,
    /// What the resident can do now, in this order: chase, ask for a review, the Ombudsman.
    pub actions: Vec<Action>,
    /// Whether the backend's status was used. Without it the policy's dates stand, and nothing
    /// is done: the page says so.
    pub status_read: bool,
}

/// One milestone against today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MilestoneProgress {
    pub id: MilestoneId,
    /// When it is due: the policy's date, or for a response the landlord extended, its new
    /// date, but never later than the policy allows.
    pub due: NaiveDate,
    pub state: MilestoneState,
    /// For a response the landlord extended.
    pub extension: Option<Extension>,
}

/// Where a milestone stands on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MilestoneState {
    /// The backend says it happened, on this date.
    Done {
        on: NaiveDate,
    },
    /// Due on a later day (`due`).
    Due,
    DueToday,
    /// Its date has passed, and this many working days of the policy's region have passed
    /// since it (0 on the weekend after a date that fell on a Friday).
    Late {
        working_days: u32,
    },
    /// Its step ended before it happened: the landlord responded or closed the case, or the
    /// resident asked for the next stage, on this date.
    NoLongerDue {
        since: NaiveDate,
    },
}

/// A response the landlord said would take longer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extension {
    /// When the landlord said so.
    pub on: NaiveDate,
    /// The landlord's new date.
    pub until: NaiveDate,
    /// The latest the policy allows (the first response date where it allows no extension).
    pub policy_limit: NaiveDate,
    /// `until` is later than the policy allows: the milestone stays due on `policy_limit`.
    pub beyond_policy: bool,
}

/// Something the resident can do now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Contact the landlord (the page shows its contacts): `milestone`, due on `due`, is late.
    /// Where several are, the one due most recently.
    Chase {
        milestone: MilestoneId,
        due: NaiveDate,
        working_days_late: u32,
    },
    /// Ask for a stage 2 review (the review form, with the reference), until `until` where the
    /// policy sets a window for asking.
    AskForReview {
        because: ReviewReason,
        until: Option<NaiveDate>,
    },
    /// Take the complaint to the Ombudsman (or either of them, where `ombudsmen` has two).
    GoToOmbudsman {
        because: OmbudsmanReason,
        ombudsmen: Vec<OmbudsmanDetails>,
    },
}

/// Why a review can be asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewReason {
    /// The landlord gave its stage 1 response on this date (for the form's response date).
    Responded { on: NaiveDate },
    /// The landlord closed stage 1 on this date without a response recorded.
    Closed { on: NaiveDate },
    /// The stage 1 response was due on this date and has not come.
    Late { due: NaiveDate },
}

/// Why the Ombudsman can look at it now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OmbudsmanReason {
    /// The landlord's process is over: its last stage was answered or closed on this date.
    ProcessFinished { on: NaiveDate },
    /// The landlord has not answered `stage` (1 or 2) by `due`, the latest the Complaint
    /// Handling Code allows (with any extension the landlord gave, up to the Code's most).
    CodeTimePassed { stage: u8, due: NaiveDate },
}

/// The steps a submission goes through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// The policy's quick concern or quick resolution route.
    Concern,
    Stage1,
    Stage2,
    /// A comment's reply, where the resident asked for one.
    Reply,
    /// A compliment: nothing to wait for. A hazard report waits for the law's dates, not the
    /// policy's: those go with it (`Tracked::hazard`).
    Nothing,
}

fn first_phase(kind: Kind) -> Phase {
    match kind {
        Kind::Concern => Phase::Concern,
        Kind::Complaint => Phase::Stage1,
        Kind::Escalation => Phase::Stage2,
        Kind::Comment => Phase::Reply,
        Kind::Compliment | Kind::HazardReport => Phase::Nothing,
    }
}

/// Where `escalated` leads from `phase` under `policy`.
fn next_phase(phase: Phase, policy: &Policy) -> Option<Phase> {
    match phase {
        Phase::Concern => Some(Phase::Stage1),
        Phase::Stage1 if policy.stages.stage2.is_some() => Some(Phase::Stage2),
        _ => None,
    }
}

impl Phase {
    /// The milestone an `acknowledged` event marks done.
    fn acknowledgement(self) -> Option<MilestoneId> {
        match self {
            Phase::Stage1 => Some(MilestoneId::AcknowledgeBy),
            Phase::Stage2 => Some(MilestoneId::Stage2AcknowledgeBy),
            _ => None,
        }
    }

    /// The milestone a `responded` event marks done, and an `extended` event moves.
    fn response(self) -> Option<MilestoneId> {
        match self {
            Phase::Concern => Some(MilestoneId::ConcernResolveBy),
            Phase::Stage1 => Some(MilestoneId::Stage1ResponseBy),
            Phase::Stage2 => Some(MilestoneId::Stage2ResponseBy),
            Phase::Reply => Some(MilestoneId::CommentReplyBy),
            Phase::Nothing => None,
        }
    }

    /// The policy's latest date for an extended response.
    fn extended(self) -> Option<MilestoneId> {
        match self {
            Phase::Stage1 => Some(MilestoneId::Stage1ExtendedBy),
            Phase::Stage2 => Some(MilestoneId::Stage2ExtendedBy),
            _ => None,
        }
    }

    /// The milestones of this step, as the policy dates them from `start`.
    fn milestones(
        self,
        policy: &Policy,
        start: NaiveDateTime,
        reply_wanted: bool,
    ) -> Vec<Milestone> {
        match self {
            Phase::Concern => milestones_for(policy, Kind::Concern, start)
                .into_iter()
                .filter(|m| m.id == MilestoneId::ConcernResolveBy)
                .collect(),
            Phase::Stage1 => milestones_for(policy, Kind::Complaint, start),
            Phase::Stage2 => milestones_for(policy, Kind::Escalation, start),
            Phase::Reply if reply_wanted => milestones_for(policy, Kind::Comment, start),
            Phase::Reply | Phase::Nothing => Vec::new(),
        }
    }
}

/// One milestone as the events leave it.
#[derive(Clone, Copy, Debug)]
struct Item {
    id: MilestoneId,
    due: NaiveDate,
    done: Option<NaiveDate>,
    stopped: Option<NaiveDate>,
    extension: Option<Extension>,
}

impl Item {
    fn outstanding(&self) -> bool {
        self.done.is_none() && self.stopped.is_none()
    }

    fn state(&self, region: Region, today: NaiveDate) -> MilestoneState {
        match (self.done, self.stopped) {
            (Some(on), _) => MilestoneState::Done { on },
            (None, Some(since)) => MilestoneState::NoLongerDue { since },
            (None, None) if self.due > today => MilestoneState::Due,
            (None, None) if self.due == today => MilestoneState::DueToday,
            (None, None) => MilestoneState::Late {
                working_days: working_days_between(region, self.due, today),
            },
        }
    }
}

/// One step of the process (stage 1, say), from the day it started.
#[derive(Clone, Debug)]
struct Step {
    phase: Phase,
    started: NaiveDateTime,
    region: Region,
    items: Vec<Item>,
    /// The latest response the policy allows, with an extension.
    limit: Option<NaiveDate>,
    responded: Option<NaiveDate>,
    closed: Option<NaiveDate>,
    extended_until: Option<NaiveDate>,
    /// The next step started (or a review was asked for from this device) on this date.
    ended: Option<NaiveDate>,
}

impl Step {
    fn start(policy: &Policy, tracked: &Tracked, phase: Phase, started: NaiveDateTime) -> Step {
        let milestones = phase.milestones(policy, started, tracked.reply_wanted);
        let date =
            |id: Option<MilestoneId>| milestones.iter().find(|m| Some(m.id) == id).map(|m| m.date);
        let limit = date(phase.extended()).or(date(phase.response()));
        let items = milestones
            .iter()
            .filter(|m| Some(m.id) != phase.extended())
            .map(|m| Item {
                id: m.id,
                due: m.date,
                done: None,
                stopped: None,
                extension: None,
            })
            .collect();
        Step {
            phase,
            started,
            region: policy.region,
            items,
            limit,
            responded: None,
            closed: None,
            extended_until: None,
            ended: None,
        }
    }

    fn item(&mut self, id: Option<MilestoneId>) -> Option<&mut Item> {
        self.items.iter_mut().find(|item| Some(item.id) == id)
    }

    fn acknowledged(&mut self, on: NaiveDate) {
        if let Some(item) = self.item(self.phase.acknowledgement()) {
            item.done = item.done.or(Some(on));
        }
    }

    fn responded(&mut self, on: NaiveDate) {
        self.responded = self.responded.or(Some(on));
        if let Some(item) = self.item(self.phase.response()) {
            item.done = item.done.or(Some(on));
        }
        self.stop_outstanding(on);
    }

    fn extended(&mut self, on: NaiveDate, until: NaiveDate) {
        let limit = self.limit;
        self.extended_until = Some(until);
        if let Some(item) = self.item(self.phase.response()) {
            if item.outstanding() {
                let policy_limit = limit.unwrap_or(item.due);
                item.due = until.min(policy_limit);
                item.extension = Some(Extension {
                    on,
                    until,
                    policy_limit,
                    beyond_policy: until > policy_limit,
                });
            }
        }
    }

    fn close(&mut self, on: NaiveDate) {
        self.closed = self.closed.or(Some(on));
        self.stop_outstanding(on);
    }

    /// The next step starts (or a review was asked for) on `on`.
    fn end(&mut self, on: NaiveDate) {
        self.ended = self.ended.or(Some(on));
        self.stop_outstanding(on);
    }

    fn stop_outstanding(&mut self, on: NaiveDate) {
        for item in self.items.iter_mut().filter(|item| item.outstanding()) {
            item.stopped = Some(on);
        }
    }

    /// Still waiting for the landlord: not answered, closed or moved on.
    fn open(&self) -> bool {
        self.responded.is_none() && self.closed.is_none() && self.ended.is_none()
    }

    /// The date the response is due (extended where the landlord said so, within the policy).
    fn response_due(&self) -> Option<NaiveDate> {
        self.items
            .iter()
            .find(|item| Some(item.id) == self.phase.response())
            .map(|item| item.due)
    }

    /// A stage 2 review, where this is stage 1 and the policy has a stage 2: once stage 1 is
    /// answered, closed or late, until the policy's window for asking closes.
    fn review(&self, policy: &Policy, today: NaiveDate) -> Option<Action> {
        if self.phase != Phase::Stage1 || policy.stages.stage2.is_none() || self.ended.is_some() {
            return None;
        }
        let due = self.response_due()?;
        let (because, window_from) = match (self.responded, self.closed) {
            (Some(on), _) => (ReviewReason::Responded { on }, on),
            (None, Some(on)) => (ReviewReason::Closed { on }, due),
            (None, None) if today > due => (ReviewReason::Late { due }, due),
            (None, None) => return None,
        };
        let until = policy.stage2_request_by(window_from);
        if until.is_some_and(|last_day| today > last_day) {
            return None;
        }
        Some(Action::AskForReview { because, until })
    }

    /// Why the Ombudsman can look at it now, if it can: the landlord's last stage is over, or
    /// this stage has waited past the Code's times.
    fn ombudsman_reason(&self, policy: &Policy, today: NaiveDate) -> Option<OmbudsmanReason> {
        let stage = match self.phase {
            Phase::Stage1 => 1,
            Phase::Stage2 => 2,
            _ => return None,
        };
        let last_stage = stage == 2 || policy.stages.stage2.is_none();
        if last_stage {
            if let Some(on) = self.responded.or(self.closed) {
                return Some(OmbudsmanReason::ProcessFinished { on });
            }
        }
        // The Code's times are the Housing Ombudsman's, in England: elsewhere the nation's
        // Ombudsman waits for the landlord's process to end.
        if policy.nation() != Nation::England {
            return None;
        }
        let due = self.code_due(stage);
        (self.open() && today > due).then_some(OmbudsmanReason::CodeTimePassed { stage, due })
    }

    /// The latest the Complaint Handling Code allows for this stage's response: from an
    /// acknowledgement on the last day the Code allows (as the policy's dates assume), with the
    /// landlord's extension counted up to the Code's most.
    fn code_due(&self, stage: u8) -> NaiveDate {
        let (acknowledge, reply, extension) = if stage == 1 {
            (
                code::STAGE1_ACKNOWLEDGE_DAYS,
                code::STAGE1_REPLY_DAYS,
                code::STAGE1_EXTENSION_DAYS,
            )
        } else {
            (
                code::STAGE2_ACKNOWLEDGE_DAYS,
                code::STAGE2_REPLY_DAYS,
                code::STAGE2_EXTENSION_DAYS,
            )
        };
        let acknowledged =
            add_working_days(self.region, self.started, acknowledge).and_time(NaiveTime::MIN);
        let reply_by = add_working_days(self.region, acknowledged, reply);
        match self.extended_until {
            None => reply_by,
            Some(until) => {
                let most = add_working_days(self.region, acknowledged, reply + extension);
                until.min(most).max(reply_by)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! Every expected date here was worked out by hand from a printed calendar of 2026-27
    //! (bank holidays: Christmas Friday 25 and Boxing Day's substitute Monday 28 December 2026,
    //! New Year Friday 1 January 2027, Good Friday 26 and Easter Monday 29 March 2027, early May
    //! Monday 3 May; Scotland also Monday 4 January (2 January's substitute) but not Easter
    //! Monday; Northern Ireland also St Patrick's Day, Wednesday 17 March). The comments show
    //! the counting.
    use super::*;
    use crate::domain::calendar::Region;
    use crate::domain::ombudsman::{HOUSING_OMBUDSMAN, LGSCO};
    use crate::domain::draft::{
        Adjustment, ConsentBasis, Draft, FeedbackKind, Photo, RepliesTo, RepresentativeAnswers,
        Who, YesNo,
    };
    use crate::domain::examples;
    use crate::domain::policy::Connection;
    use crate::domain::status::Event;
    use crate::domain::triage::assess;
    use backend::Stage::{Acknowledged, Closed, Escalated, Extended, Responded};
    use MilestoneId::*;
    use MilestoneState::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("YYYY-MM-DD")
    }

    fn policy(id: &str) -> Policy {
        Policy::builtin(id).expect("built in")
    }

    fn in_region(id: &str, region: Region) -> Policy {
        Policy {
            region,
            ..policy(id)
        }
    }

    /// A submission kept on the device, received by the backend on `received` at 10:00 UK time.
    fn tracked(policy_id: &str, kind: Kind, received: &str) -> Tracked {
        let received_at = format!("{received}T10:00:00+00:00");
        Tracked {
            policy_id: policy_id.into(),
            landlord: LocalText::new("A landlord"),
            welsh_mutations: None,
            reference: "RC-7KQ2-M9XD".into(),
            kind,
            category: None,
            submitted_at: DateTime::parse_from_rfc3339(&received_at).unwrap(),
            received_at,
            expected_dates: Vec::new(),
            endpoint: "https://example.org/v1/submissions".into(),
            access_token: None,
            escalates: None,
            reply_wanted: false,
            ombudsman: Some(OmbudsmanScheme::Housing),
            hazard: None,
        }
    }

    /// The backend's status: received on the tracked item's date, then `events`.
    fn status(item: &Tracked, events: &[(backend::Stage, &str, Option<&str>)]) -> Status {
        Status::new(
            item.reference.clone(),
            item.kind,
            item.received_at.clone(),
            item.received().date(),
            events
                .iter()
                .map(|&(status, date, until)| Event {
                    status,
                    date: day(date),
                    until: until.map(day),
                })
                .collect(),
            Vec::new(),
        )
    }

    /// Each milestone as (id, due, state).
    fn states(progress: &Progress) -> Vec<(MilestoneId, NaiveDate, MilestoneState)> {
        progress
            .milestones
            .iter()
            .map(|m| (m.id, m.due, m.state))
            .collect()
    }

    fn chase(milestone: MilestoneId, due: &str, working_days_late: u32) -> Action {
        Action::Chase {
            milestone,
            due: day(due),
            working_days_late,
        }
    }

    fn review(because: ReviewReason, until: Option<&str>) -> Action {
        Action::AskForReview {
            because,
            until: until.map(day),
        }
    }

    fn ombudsman(because: OmbudsmanReason) -> Action {
        Action::GoToOmbudsman {
            because,
            ombudsmen: vec![HOUSING_OMBUDSMAN],
        }
    }

    fn code_passed(stage: u8, due: &str) -> Action {
        ombudsman(OmbudsmanReason::CodeTimePassed {
            stage,
            due: day(due),
        })
    }

    fn finished(on: &str) -> Action {
        ombudsman(OmbudsmanReason::ProcessFinished { on: day(on) })
    }

    // What the device keeps.

    /// The richest answers the form takes: a representative, every contact detail, an
    /// address, photos, support needs and every free text.
    fn richest_draft(policy_id: &str) -> Draft {
        Draft {
            complainant: Some(Who::SomeoneElse),
            representative: RepresentativeAnswers {
                name: "Priya Okonkwo".into(),
                relationship: "Support worker at Acacia Trust".into(),
                email: "priya.okonkwo@advice.example".into(),
                phone: "07700 900982".into(),
                consent: Some(ConsentBasis::Written),
                replies_to: Some(RepliesTo::Both),
            },
            phone: "07700 900123".into(),
            postal_address: "Flat 4, 12 Acacia Avenue, Nottingham".into(),
            address: "12 Acacia Avenue, back bedroom".into(),
            done_so_far: "Rang the repairs line three times in November".into(),
            impact: "My daughter's asthma is worse".into(),
            outcome_wanted: "Replace the extractor fan".into(),
            adjustments: vec![Adjustment::Bsl, Adjustment::Other],
            adjustments_detail: "A BSL interpreter on Tuesdays only".into(),
            photos: vec![Photo {
                name: "IMG_Zoe_kitchen.jpg".into(),
                alt: "Black mould above the cooker".into(),
                width: 1600,
                height: 1200,
                jpeg_base64: "/9j/4AAQSkZJRgABAQAAAQABAAD".into(),
            }],
            ..examples::complaint(policy_id)
        }
    }

    fn receipt() -> Receipt {
        Receipt {
            reference: "RC-7KQ2-M9XD".into(),
            received_at: "2026-12-23T10:00:05+00:00".into(),
            access_token: Some("be2042d98e5114c7ab5ae1c78912ea11".into()),
        }
    }

    fn sent_at() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-12-23T10:00:00+00:00").unwrap()
    }

    #[test]
    fn keeps_nothing_the_resident_wrote() {
        let policy = policy("greatwell");
        let draft = richest_draft("greatwell");
        let assessment = assess(&policy, &draft, sent_at().date_naive());
        let body = Submission::build(&policy, &draft, &assessment, sent_at());
        let item = Tracked::new(&policy, &body, "https://example.org/v1/submissions")
            .with_receipt(&receipt());
        let kept = serde_json::to_string(&item).unwrap();
        let sent = serde_json::to_string(&body).unwrap();
        let personal = [
            "Zoë",
            "zoe@example.org",
            "NG2 3NJ",
            "07700 900123",
            "Flat 4, 12 Acacia Avenue",
            "back bedroom",
            "Leak",
            "three times in November",
            "asthma",
            "extractor fan",
            "Priya Okonkwo",
            "Acacia Trust",
            "priya.okonkwo@advice.example",
            "07700 900982",
            "written",
            "bsl",
            "Tuesdays",
            "Black mould",
            "/9j/4AAQSkZJRgABAQAAAQABAAD",
            "tenant",
        ];
        for text in personal {
            // Each was sent (so the test means something), and none is kept.
            assert!(sent.contains(text), "the example sends {text:?}");
            assert!(!kept.contains(text), "{text:?} kept in {kept}");
        }
        assert!(!kept.contains("IMG_Zoe"));
        // What it keeps: who to ask, about what, and the key to ask with.
        assert_eq!(item.reference, "RC-7KQ2-M9XD");
        assert_eq!(item.kind, Kind::Complaint);
        assert_eq!(item.category, Some(Category::Repairs));
        assert_eq!(item.landlord, policy.landlord.name);
        assert_eq!(item.policy_id, "greatwell");
        assert_eq!(item.access_token, receipt().access_token);
        assert_eq!(item.received_at, "2026-12-23T10:00:05+00:00");
        assert_eq!(item.expected_dates, body.expected_dates);
        assert_eq!(item.ombudsman, Some(OmbudsmanScheme::Housing));
        assert_eq!(item.escalates, None);
        // It reads back as it was.
        assert_eq!(serde_json::from_str::<Tracked>(&kept).unwrap(), item);
    }

    #[test]
    fn keeps_the_landlords_welsh_forms_for_its_texts() {
        let mut policy = policy("greatwell");
        policy.landlord.name = LocalText::new("Tai Dyffryn");
        policy.landlord.welsh_mutations =
            Some(WelshMutations { soft: "Dai Dyffryn".into(), aspirate: Some("Thai Dyffryn".into()) });
        let draft = richest_draft("greatwell");
        let assessment = assess(&policy, &draft, sent_at().date_naive());
        let body = Submission::build(&policy, &draft, &assessment, sent_at());
        let item = Tracked::new(&policy, &body, "https://example.org/v1/submissions");
        // Kept on the device as JSON, and read back.
        let item: Tracked = serde_json::from_str(&serde_json::to_string(&item).unwrap()).unwrap();
        let to = crate::domain::translations::tracker::to_landlord;
        assert_eq!(to(Language::Welsh, &item.landlord_in_texts(Language::Welsh)), "At Dai Dyffryn");
        assert_eq!(to(Language::English, &item.landlord_in_texts(Language::English)), "To Tai Dyffryn");
        // One kept before it had the forms: the name as written.
        let older = Tracked { welsh_mutations: None, ..item };
        assert_eq!(to(Language::Welsh, &older.landlord_in_texts(Language::Welsh)), "At Tai Dyffryn");
    }

    #[test]
    fn a_review_request_keeps_the_reference_it_reviews_and_not_the_reasons() {
        let policy = policy("greatwell");
        let draft = Draft {
            review_reference: "  RC-AAAA-BBBB ".into(),
            review_response_date: examples::date(11, 1, 2027),
            review_reasons: "They ignored my neighbour's letter".into(),
            ..richest_draft("greatwell")
        };
        let body = Submission::build_escalation(&policy, &draft, sent_at());
        let item = Tracked::new(&policy, &body, "https://example.org/v1/submissions")
            .with_receipt(&receipt());
        assert_eq!(item.kind, Kind::Escalation);
        assert_eq!(item.escalates.as_deref(), Some("RC-AAAA-BBBB"));
        let kept = serde_json::to_string(&item).unwrap();
        assert!(serde_json::to_string(&body)
            .unwrap()
            .contains("neighbour's letter"));
        assert!(!kept.contains("neighbour"));
        assert!(!kept.contains("Zoë"));
    }

    #[test]
    fn a_comment_keeps_whether_a_reply_was_wanted_and_not_the_message() {
        let policy = policy("south-cambridgeshire");
        let draft = Draft {
            kind: Some(FeedbackKind::Comment),
            message: "Cut the grass on Tuesdays".into(),
            wants_reply: Some(YesNo::Yes),
            ..examples::complaint("south-cambridgeshire")
        };
        let assessment = assess(&policy, &draft, sent_at().date_naive());
        let body = Submission::build(&policy, &draft, &assessment, sent_at());
        let item = Tracked::new(&policy, &body, "https://example.org/v1/submissions")
            .with_receipt(&receipt());
        assert_eq!(item.kind, Kind::Comment);
        assert!(item.reply_wanted);
        assert!(!serde_json::to_string(&item).unwrap().contains("grass"));
    }

    #[test]
    fn outside_england_the_nations_ombudsman_and_not_the_codes_times() {
        use crate::domain::ombudsman::{NIPSO, PSOW, SPSO};
        use crate::domain::policy::Nation;
        for (nation, scheme, ombudsman) in [
            (Nation::Wales, OmbudsmanScheme::Psow, PSOW),
            (Nation::Scotland, OmbudsmanScheme::Spso, SPSO),
            (Nation::NorthernIreland, OmbudsmanScheme::Nipso, NIPSO),
        ] {
            let policy = Policy::default_in(nation);
            let draft = richest_draft(Policy::DEFAULT_ID);
            let assessment = assess(&policy, &draft, sent_at().date_naive());
            let body = Submission::build(&policy, &draft, &assessment, sent_at());
            let item = Tracked::new(&policy, &body, "https://example.org/v1/submissions")
                .with_receipt(&receipt());
            assert_eq!(item.ombudsman, Some(scheme), "{nation:?}");
            assert_eq!(item.ombudsmen(), [ombudsman]);
            // Long late: the Housing Ombudsman's Code would let the Ombudsman step in. Not here.
            let progress = item.progress(&policy, None, &[], day("2027-06-01"));
            assert!(
                progress.actions.iter().all(|a| !matches!(a, Action::GoToOmbudsman { .. })),
                "{nation:?}: {:?}",
                progress.actions
            );
        }
        // The same in England: the Code's times have passed, and the Ombudsman can step in.
        let policy = Policy::default_policy();
        let draft = richest_draft(Policy::DEFAULT_ID);
        let assessment = assess(&policy, &draft, sent_at().date_naive());
        let body = Submission::build(&policy, &draft, &assessment, sent_at());
        let item = Tracked::new(&policy, &body, "https://example.org/v1/submissions")
            .with_receipt(&receipt());
        let progress = item.progress(&policy, None, &[], day("2027-06-01"));
        assert!(progress.actions.iter().any(|a| matches!(
            a,
            Action::GoToOmbudsman { because: OmbudsmanReason::CodeTimePassed { .. }, .. }
        )));
    }

    #[test]
    fn the_ombudsman_is_decided_from_the_answers_when_sent() {
        let build = |id: &str, connection: Connection| {
            let policy = policy(id);
            let draft = Draft {
                connection: Some(connection),
                ..richest_draft(id)
            };
            let assessment = assess(&policy, &draft, sent_at().date_naive());
            let body = Submission::build(&policy, &draft, &assessment, sent_at());
            Tracked::new(&policy, &body, "https://example.org/v1/submissions")
                .with_receipt(&receipt())
        };
        // Nottingham (a council) sends a tenant to the Housing Ombudsman, a housing applicant
        // to the LGSCO; the Code's Housing Ombudsman cannot look at a member of the public's.
        assert_eq!(
            build("nottingham", Connection::Tenant).ombudsman,
            Some(OmbudsmanScheme::Housing)
        );
        assert_eq!(
            build("nottingham", Connection::HousingApplicant).ombudsmen(),
            vec![LGSCO]
        );
        let public = build("hos-code-2024", Connection::MemberOfThePublic);
        assert_eq!(public.ombudsman, None);
        // Even with stage 1 long late, no Ombudsman is offered to it.
        let progress = public.progress(&policy("hos-code-2024"), None, &[], day("2027-03-01"));
        assert!(progress
            .actions
            .iter()
            .all(|a| !matches!(a, Action::GoToOmbudsman { .. })));
        assert!(!progress.actions.is_empty());
    }

    #[test]
    fn expires_eighteen_months_after_sending() {
        let mut item = tracked("greatwell", Kind::Complaint, "2026-12-23");
        assert!(!item.expired(day("2028-06-22")));
        assert!(item.expired(day("2028-06-23")));
        // 31 August 2026 + 18 months is the end of February 2028, a leap year.
        item.submitted_at = DateTime::parse_from_rfc3339("2026-08-31T23:00:00+01:00").unwrap();
        assert!(!item.expired(day("2028-02-28")));
        assert!(item.expired(day("2028-02-29")));
    }

    #[test]
    fn the_clocks_start_when_the_backend_received_it() {
        let mut item = tracked("hos-code-2024", Kind::Complaint, "2026-12-23");
        // Queued on Tuesday evening, stored on Wednesday: Wednesday counts.
        item.submitted_at = DateTime::parse_from_rfc3339("2026-12-22T21:00:00+00:00").unwrap();
        assert_eq!(item.received().date(), day("2026-12-23"));
        // A summer night in UK time is that day, whatever UTC says.
        item.received_at = "2027-07-02T00:30:00+01:00".into();
        assert_eq!(item.received().date(), day("2027-07-02"));
        item.received_at = "not a date".into();
        assert_eq!(item.received().date(), day("2026-12-22"));
    }

    // Milestones against today, without a status.

    #[test]
    fn code_complaint_over_christmas_without_a_status() {
        // Received Wednesday 23 December 2026 (day 0). Acknowledge in 5 working days: 24, 29,
        // 30, 31 December, 4 January. Respond 10 working days after that: 5-8, 11-15 and 18
        // January: Monday 18 January 2027.
        let policy = policy("hos-code-2024");
        let item = tracked("hos-code-2024", Kind::Complaint, "2026-12-23");
        let on = |today: &str| item.progress(&policy, None, &[], day(today));
        let christmas = on("2026-12-24");
        assert_eq!(
            states(&christmas),
            [
                (AcknowledgeBy, day("2027-01-04"), Due),
                (Stage1ResponseBy, day("2027-01-18"), Due),
            ]
        );
        assert!(christmas.actions.is_empty());
        assert!(!christmas.status_read);
        let acknowledge_day = on("2027-01-04");
        assert_eq!(acknowledge_day.milestones[0].state, DueToday);
        assert!(acknowledge_day.actions.is_empty());
        // Tuesday 5 January: one working day late; on Sunday 10 January, 4 (5-8), as on
        // Friday 8.
        assert_eq!(
            on("2027-01-05").actions,
            [chase(AcknowledgeBy, "2027-01-04", 1)]
        );
        assert_eq!(
            on("2027-01-10").milestones[0].state,
            Late { working_days: 4 }
        );
        // Monday 18 January, the response is due today: chase the acknowledgement (10 working
        // days late: 5-8, 11-15, 18), nothing else yet.
        let due_today = on("2027-01-18");
        assert_eq!(
            states(&due_today),
            [
                (AcknowledgeBy, day("2027-01-04"), Late { working_days: 10 }),
                (Stage1ResponseBy, day("2027-01-18"), DueToday),
            ]
        );
        assert_eq!(due_today.actions, [chase(AcknowledgeBy, "2027-01-04", 10)]);
        // Monday 25 January: the response is 5 working days late (19-22, 25). The Code's own
        // time has passed too (this policy is the Code), and it sets no window for a review.
        let late = on("2027-01-25");
        assert_eq!(
            late.actions,
            [
                chase(Stage1ResponseBy, "2027-01-18", 5),
                review(
                    ReviewReason::Late {
                        due: day("2027-01-18")
                    },
                    None
                ),
                code_passed(1, "2027-01-18"),
            ]
        );
    }

    #[test]
    fn scotland_counts_late_days_without_its_new_year_holidays() {
        // Received Monday 14 December 2026: acknowledge by Monday 21 December (15-18, 21).
        // On Tuesday 5 January 2027 it is late by the working days after 21 December:
        // England and Wales 22, 23, 24, 29, 30, 31 December, 4, 5 January = 8; Scotland also
        // keeps 4 January (2 January's substitute) = 7.
        let item = tracked("hos-code-2024", Kind::Complaint, "2026-12-14");
        for (region, late) in [(Region::EnglandAndWales, 8), (Region::Scotland, 7)] {
            let progress = item.progress(
                &in_region("hos-code-2024", region),
                None,
                &[],
                day("2027-01-05"),
            );
            assert_eq!(
                progress.milestones[0],
                MilestoneProgress {
                    id: AcknowledgeBy,
                    due: day("2026-12-21"),
                    state: Late { working_days: late },
                    extension: None,
                },
                "{region:?}"
            );
        }
    }

    #[test]
    fn northern_ireland_over_st_patricks_day_and_easter() {
        // Received Monday 15 March 2027. England and Wales: acknowledge by Monday 22 March
        // (16-19, 22); respond by Wednesday 7 April (23-25, 30, 31 March, 1, 2, 5-7 April).
        // Northern Ireland skips St Patrick's Day (17 March): acknowledge by Tuesday 23 March
        // (16, 18, 19, 22, 23); respond by Thursday 8 April (24, 25, 30, 31, 1, 2, 5-8).
        // On Monday 12 April the response is late by 3 (8, 9, 12) or 2 (9, 12) working days.
        let item = tracked("hos-code-2024", Kind::Complaint, "2027-03-15");
        for (region, acknowledge, respond, late) in [
            (Region::EnglandAndWales, "2027-03-22", "2027-04-07", 3),
            (Region::NorthernIreland, "2027-03-23", "2027-04-08", 2),
        ] {
            let progress = item.progress(
                &in_region("hos-code-2024", region),
                None,
                &[],
                day("2027-04-12"),
            );
            assert_eq!(
                states(&progress)[1..],
                [(Stage1ResponseBy, day(respond), Late { working_days: late })],
                "{region:?}"
            );
            assert_eq!(progress.milestones[0].due, day(acknowledge), "{region:?}");
            assert_eq!(
                progress.actions.last(),
                Some(&code_passed(1, respond)),
                "{region:?}"
            );
        }
    }

    #[test]
    fn a_review_request_over_easter_in_england_and_in_scotland() {
        // A stage 2 request under the Code, received Thursday 25 March 2027.
        // England and Wales: acknowledge in 5 working days (30, 31 March, 1, 2, 5 April),
        // respond 20 after (6-9, 12-16, 19-23, 26-30 April, then 4 May, as 3 May is a bank
        // holiday): Tuesday 4 May. Scotland works Easter Monday: acknowledge by Friday 2 April
        // (29 March-2 April), respond by Friday 30 April (5-9, 12-16, 19-23, 26-30 April).
        // On Friday 7 May: 3 working days late (5-7 May), or 4 in Scotland (4-7 May).
        let item = tracked("hos-code-2024", Kind::Escalation, "2027-03-25");
        for (region, acknowledge, respond, late) in [
            (Region::EnglandAndWales, "2027-04-05", "2027-05-04", 3),
            (Region::Scotland, "2027-04-02", "2027-04-30", 4),
        ] {
            let progress = item.progress(
                &in_region("hos-code-2024", region),
                None,
                &[],
                day("2027-05-07"),
            );
            assert_eq!(
                states(&progress),
                [
                    (
                        Stage2AcknowledgeBy,
                        day(acknowledge),
                        Late {
                            working_days: late + 20
                        }
                    ),
                    (Stage2ResponseBy, day(respond), Late { working_days: late }),
                ],
                "{region:?}"
            );
            // No stage after this one to ask for; the Code's stage 2 time has passed.
            assert_eq!(
                progress.actions,
                [
                    chase(Stage2ResponseBy, respond, late),
                    code_passed(2, respond)
                ],
                "{region:?}"
            );
        }
    }

    // Stage 2 reviews.

    #[test]
    fn greatwell_review_window_runs_from_the_stage1_response() {
        // Greatwell: acknowledge in 3 working days (24, 29, 30 December), respond 10 after
        // (31 December, 4-8, 11-14 January): Thursday 14 January 2027. A review may be asked
        // for within 20 working days of the response: from Monday 11 January, 12-15, 18-22,
        // 25-29 January, 1-5 and 8 February.
        let policy = policy("greatwell");
        let item = tracked("greatwell", Kind::Complaint, "2026-12-23");
        let answered = status(
            &item,
            &[
                (Acknowledged, "2026-12-29", None),
                (Responded, "2027-01-11", None),
            ],
        );
        let on = |today: &str| item.progress(&policy, Some(&answered), &[], day(today));
        let progress = on("2027-01-12");
        assert!(progress.status_read);
        assert_eq!(
            states(&progress),
            [
                (
                    AcknowledgeBy,
                    day("2026-12-30"),
                    Done {
                        on: day("2026-12-29")
                    }
                ),
                (
                    Stage1ResponseBy,
                    day("2027-01-14"),
                    Done {
                        on: day("2027-01-11")
                    }
                ),
            ]
        );
        let responded = ReviewReason::Responded {
            on: day("2027-01-11"),
        };
        // Stage 2 is still to come: the landlord's process is not over.
        assert_eq!(progress.actions, [review(responded, Some("2027-02-08"))]);
        assert_eq!(
            on("2027-02-08").actions,
            [review(responded, Some("2027-02-08"))]
        );
        assert!(on("2027-02-09").actions.is_empty());
    }

    #[test]
    fn greatwell_late_response_opens_a_review_before_the_codes_time_passes() {
        // Response due Thursday 14 January 2027 (see above). With no response the review
        // window runs 20 working days from that date: 15, 18-22, 25-29 January, 1-5, 8-11
        // February. The Code's time: acknowledge by 4 January (24, 29-31 December, 4 January),
        // respond 10 working days after: Monday 18 January.
        let policy = policy("greatwell");
        let item = tracked("greatwell", Kind::Complaint, "2026-12-23");
        let acknowledged = status(&item, &[(Acknowledged, "2026-12-30", None)]);
        let on = |today: &str| item.progress(&policy, Some(&acknowledged), &[], day(today));
        assert_eq!(on("2027-01-14").actions, []);
        let late = ReviewReason::Late {
            due: day("2027-01-14"),
        };
        assert_eq!(
            on("2027-01-15").actions,
            [
                chase(Stage1ResponseBy, "2027-01-14", 1),
                review(late, Some("2027-02-11"))
            ]
        );
        // Monday 18 January is the Code's last day: not yet the Ombudsman.
        assert_eq!(
            on("2027-01-18").actions,
            [
                chase(Stage1ResponseBy, "2027-01-14", 2),
                review(late, Some("2027-02-11"))
            ]
        );
        assert_eq!(
            on("2027-01-19").actions,
            [
                chase(Stage1ResponseBy, "2027-01-14", 3),
                review(late, Some("2027-02-11")),
                code_passed(1, "2027-01-18"),
            ]
        );
        // Friday 12 February, after the window: chase and the Ombudsman remain. The response is
        // 21 working days late (15, 18-22, 25-29 January, 1-5, 8-12 February).
        assert_eq!(
            on("2027-02-12").actions,
            [
                chase(Stage1ResponseBy, "2027-01-14", 21),
                code_passed(1, "2027-01-18")
            ]
        );
    }

    #[test]
    fn an_extension_within_the_policy_moves_the_response() {
        // Greatwell allows 10 more working days: 15, 18-22, 25-28 January, so Thursday 28
        // January at the latest. The landlord says Friday 22 January.
        let policy = policy("greatwell");
        let item = tracked("greatwell", Kind::Complaint, "2026-12-23");
        let extended = status(
            &item,
            &[
                (Acknowledged, "2026-12-29", None),
                (Extended, "2027-01-13", Some("2027-01-22")),
            ],
        );
        let on = |today: &str| item.progress(&policy, Some(&extended), &[], day(today));
        let progress = on("2027-01-22");
        assert_eq!(
            progress.milestones[1],
            MilestoneProgress {
                id: Stage1ResponseBy,
                due: day("2027-01-22"),
                state: DueToday,
                extension: Some(Extension {
                    on: day("2027-01-13"),
                    until: day("2027-01-22"),
                    policy_limit: day("2027-01-28"),
                    beyond_policy: false,
                }),
            }
        );
        assert!(progress.actions.is_empty());
        // Monday 25 January: one working day late. The review window runs 20 working days
        // from 22 January (25-29 January, 1-5, 8-12, 15-19 February). The Code allows an
        // extension to 20 working days after 4 January (1 February), so 22 January is within
        // it, and has passed.
        assert_eq!(
            on("2027-01-25").actions,
            [
                chase(Stage1ResponseBy, "2027-01-22", 1),
                review(
                    ReviewReason::Late {
                        due: day("2027-01-22")
                    },
                    Some("2027-02-19")
                ),
                code_passed(1, "2027-01-22"),
            ]
        );
    }

    #[test]
    fn an_extension_beyond_the_policy_is_kept_and_flagged_but_the_policy_date_counts() {
        // The landlord says Friday 12 February; Greatwell allows 28 January; the Code allows 20
        // working days after 4 January: 5-8, 11-15, 18-22, 25-29 January, 1 February.
        let policy = policy("greatwell");
        let item = tracked("greatwell", Kind::Complaint, "2026-12-23");
        let extended = status(&item, &[(Extended, "2027-01-13", Some("2027-02-12"))]);
        let on = |today: &str| item.progress(&policy, Some(&extended), &[], day(today));
        let progress = on("2027-01-29");
        let response = progress.milestones[1];
        assert_eq!(response.due, day("2027-01-28"));
        assert_eq!(response.state, Late { working_days: 1 });
        assert_eq!(
            response.extension,
            Some(Extension {
                on: day("2027-01-13"),
                until: day("2027-02-12"),
                policy_limit: day("2027-01-28"),
                beyond_policy: true,
            })
        );
        let late = ReviewReason::Late {
            due: day("2027-01-28"),
        };
        // The window from 28 January: 29 January, 1-5, 8-12, 15-19, 22-25 February.
        assert_eq!(
            progress.actions,
            [
                chase(Stage1ResponseBy, "2027-01-28", 1),
                review(late, Some("2027-02-25"))
            ]
        );
        assert_eq!(on("2027-02-01").actions.len(), 2);
        assert_eq!(on("2027-02-02").actions[2], code_passed(1, "2027-02-01"));
    }

    #[test]
    fn a_policy_without_extensions_keeps_its_date() {
        // South Cambridgeshire gives no extension: acknowledge in 3 working days (30
        // December), respond 10 after (31 December, 4-8, 11-14 January).
        let policy = policy("south-cambridgeshire");
        let item = tracked("south-cambridgeshire", Kind::Complaint, "2026-12-23");
        let extended = status(&item, &[(Extended, "2027-01-12", Some("2027-01-20"))]);
        let progress = item.progress(&policy, Some(&extended), &[], day("2027-01-15"));
        let response = progress.milestones[1];
        assert_eq!(response.due, day("2027-01-14"));
        assert_eq!(response.state, Late { working_days: 1 });
        assert!(response.extension.unwrap().beyond_policy);
    }

    #[test]
    fn escalated_starts_stage_2_from_its_date() {
        // Greatwell, answered on 11 January, escalated on Monday 1 February 2027. Stage 2:
        // respond in 20 working days from the request (2-5, 8-12, 15-19, 22-26 February, 1
        // March). The Code: acknowledge in 5 (2-5, 8 February), respond 20 after (9-12,
        // 15-19, 22-26 February, 1-5, 8 March): Monday 8 March.
        let policy = policy("greatwell");
        let item = tracked("greatwell", Kind::Complaint, "2026-12-23");
        let events = [
            (Responded, "2027-01-11", None),
            (Escalated, "2027-02-01", None),
        ];
        let escalated = status(&item, &events);
        let on = |today: &str| item.progress(&policy, Some(&escalated), &[], day(today));
        let progress = on("2027-02-02");
        assert_eq!(
            states(&progress),
            [
                (
                    AcknowledgeBy,
                    day("2026-12-30"),
                    NoLongerDue {
                        since: day("2027-01-11")
                    }
                ),
                (
                    Stage1ResponseBy,
                    day("2027-01-14"),
                    Done {
                        on: day("2027-01-11")
                    }
                ),
                (Stage2ResponseBy, day("2027-03-01"), Due),
            ]
        );
        assert!(progress.actions.is_empty());
        assert_eq!(
            on("2027-03-02").actions,
            [chase(Stage2ResponseBy, "2027-03-01", 1)]
        );
        assert_eq!(on("2027-03-08").actions.len(), 1);
        assert_eq!(
            on("2027-03-09").actions,
            [
                chase(Stage2ResponseBy, "2027-03-01", 6),
                code_passed(2, "2027-03-08")
            ]
        );
        // Answered at stage 2: the landlord's process is over.
        let answered = status(
            &item,
            &[events[0], events[1], (Responded, "2027-03-05", None)],
        );
        let over = item.progress(&policy, Some(&answered), &[], day("2027-03-09"));
        assert_eq!(
            over.milestones[2].state,
            Done {
                on: day("2027-03-05")
            }
        );
        assert_eq!(over.actions, [finished("2027-03-05")]);
    }

    #[test]
    fn escalated_while_stage_1_is_late_ends_stage_1() {
        // Under the Code, escalated on Tuesday 19 January 2027 with no stage 1 response.
        // Stage 2: acknowledge in 5 working days (20-22, 25, 26 January), respond 20 after
        // (27-29 January, 1-5, 8-12, 15-19, 22-23 February): Tuesday 23 February.
        let policy = policy("hos-code-2024");
        let item = tracked("hos-code-2024", Kind::Complaint, "2026-12-23");
        let escalated = status(&item, &[(Escalated, "2027-01-19", None)]);
        let progress = item.progress(&policy, Some(&escalated), &[], day("2027-01-20"));
        assert_eq!(
            states(&progress),
            [
                (
                    AcknowledgeBy,
                    day("2027-01-04"),
                    NoLongerDue {
                        since: day("2027-01-19")
                    }
                ),
                (
                    Stage1ResponseBy,
                    day("2027-01-18"),
                    NoLongerDue {
                        since: day("2027-01-19")
                    }
                ),
                (Stage2AcknowledgeBy, day("2027-01-26"), Due),
                (Stage2ResponseBy, day("2027-02-23"), Due),
            ]
        );
        assert!(progress.actions.is_empty());
    }

    #[test]
    fn closed_at_stage_1_leaves_the_review_and_at_stage_2_finishes() {
        let policy = policy("hos-code-2024");
        let item = tracked("hos-code-2024", Kind::Complaint, "2026-12-23");
        let closed = status(
            &item,
            &[
                (Acknowledged, "2026-12-30", None),
                (Closed, "2027-01-11", None),
            ],
        );
        let progress = item.progress(&policy, Some(&closed), &[], day("2027-01-12"));
        assert_eq!(
            states(&progress),
            [
                (
                    AcknowledgeBy,
                    day("2027-01-04"),
                    Done {
                        on: day("2026-12-30")
                    }
                ),
                (
                    Stage1ResponseBy,
                    day("2027-01-18"),
                    NoLongerDue {
                        since: day("2027-01-11")
                    }
                ),
            ]
        );
        // Two stages: closing stage 1 does not end the process, and stage 1 is no longer
        // waited for, so the Code's time does not run.
        let closed_on = ReviewReason::Closed {
            on: day("2027-01-11"),
        };
        assert_eq!(progress.actions, [review(closed_on, None)]);
        assert_eq!(
            item.progress(&policy, Some(&closed), &[], day("2027-06-01"))
                .actions,
            [review(closed_on, None)]
        );
        // Greatwell's window then runs from the date the response was due, 14 January: to 11
        // February (see above).
        let greatwell = tracked("greatwell", Kind::Complaint, "2026-12-23");
        let closed = status(&greatwell, &[(Closed, "2027-01-11", None)]);
        let at = |today: &str| {
            greatwell.progress(&self::policy("greatwell"), Some(&closed), &[], day(today))
        };
        assert_eq!(
            at("2027-02-11").actions,
            [review(closed_on, Some("2027-02-11"))]
        );
        assert!(at("2027-02-12").actions.is_empty());
        // Closed at stage 2: over.
        let review_closed = status(
            &item,
            &[
                (Escalated, "2027-01-19", None),
                (Closed, "2027-02-01", None),
            ],
        );
        assert_eq!(
            item.progress(&policy, Some(&review_closed), &[], day("2027-02-01"))
                .actions,
            [finished("2027-02-01")]
        );
    }

    #[test]
    fn a_single_stage_policy_is_over_after_stage_1() {
        let mut single = policy("hos-code-2024");
        single.stages.stage2 = None;
        let item = tracked("hos-code-2024", Kind::Complaint, "2026-12-23");
        // Late: chase and the Ombudsman (after 18 January), never a review.
        assert_eq!(
            item.progress(&single, None, &[], day("2027-01-19")).actions,
            [
                chase(Stage1ResponseBy, "2027-01-18", 1),
                code_passed(1, "2027-01-18")
            ]
        );
        // Answered: over. An `escalated` has nowhere to go.
        let answered = status(
            &item,
            &[
                (Responded, "2027-01-15", None),
                (Escalated, "2027-01-20", None),
            ],
        );
        let progress = item.progress(&single, Some(&answered), &[], day("2027-01-21"));
        assert_eq!(progress.milestones.len(), 2);
        assert_eq!(progress.actions, [finished("2027-01-15")]);
        let closed = status(&item, &[(Closed, "2027-01-08", None)]);
        assert_eq!(
            item.progress(&single, Some(&closed), &[], day("2027-01-08"))
                .actions,
            [finished("2027-01-08")]
        );
    }

    #[test]
    fn a_review_sent_from_this_device_ends_stage_1_here() {
        // Greatwell, no status; the resident asked for a review on Wednesday 20 January 2027.
        // The request is tracked on its own: stage 2 in 20 working days (21, 22, 25-29
        // January, 1-5, 8-12, 15-17 February): Wednesday 17 February.
        let policy = policy("greatwell");
        let complaint = tracked("greatwell", Kind::Complaint, "2026-12-23");
        let mut request = tracked("greatwell", Kind::Escalation, "2027-01-20");
        request.reference = "RC-2222-3333".into();
        request.escalates = Some(" rc-7kq2-m9xd".into());
        let sent = [complaint.clone(), request.clone()];
        let progress = complaint.progress(&policy, None, &sent, day("2027-01-25"));
        assert_eq!(
            states(&progress),
            [
                (
                    AcknowledgeBy,
                    day("2026-12-30"),
                    NoLongerDue {
                        since: day("2027-01-20")
                    }
                ),
                (
                    Stage1ResponseBy,
                    day("2027-01-14"),
                    NoLongerDue {
                        since: day("2027-01-20")
                    }
                ),
            ]
        );
        assert!(progress.actions.is_empty());
        let review = request.progress(&policy, None, &sent, day("2027-01-25"));
        assert_eq!(
            states(&review),
            [(Stage2ResponseBy, day("2027-02-17"), Due)]
        );
        // A request about another complaint changes nothing.
        request.escalates = Some("RC-9999-9999".into());
        let other = complaint.progress(&policy, None, &[request], day("2027-01-25"));
        assert_eq!(other.milestones[1].state, Late { working_days: 7 });
    }

    #[test]
    fn a_status_for_another_reference_is_not_used() {
        let policy = policy("hos-code-2024");
        let item = tracked("hos-code-2024", Kind::Complaint, "2026-12-23");
        let mut other = status(&item, &[(Responded, "2027-01-08", None)]);
        other.reference = "RC-0000-0000".into();
        let progress = item.progress(&policy, Some(&other), &[], day("2027-01-11"));
        assert!(!progress.status_read);
        assert_eq!(progress.milestones[1].state, Due);
    }

    // Concerns, comments and compliments.

    #[test]
    fn a_concern_follows_its_own_date_until_it_becomes_a_complaint() {
        // Greatwell's customer concern: resolved in 3 working days (24, 29, 30 December).
        let policy = policy("greatwell");
        let item = tracked("greatwell", Kind::Concern, "2026-12-23");
        let progress = item.progress(&policy, None, &[], day("2026-12-31"));
        assert_eq!(
            states(&progress),
            [(
                ConcernResolveBy,
                day("2026-12-30"),
                Late { working_days: 1 }
            )]
        );
        assert_eq!(progress.actions, [chase(ConcernResolveBy, "2026-12-30", 1)]);
        // Long after, still only the chase: no review or Ombudsman for a concern.
        assert_eq!(
            item.progress(&policy, None, &[], day("2027-03-01"))
                .actions
                .len(),
            1
        );
        let resolved = status(&item, &[(Responded, "2026-12-29", None)]);
        let done = item.progress(&policy, Some(&resolved), &[], day("2027-03-01"));
        assert_eq!(
            done.milestones[0].state,
            Done {
                on: day("2026-12-29")
            }
        );
        assert!(done.actions.is_empty());
        // Made a formal complaint on Monday 4 January: stage 1 from then, acknowledge by 7
        // January (5-7), respond 10 working days after (8, 11-15, 18-21): Thursday 21 January.
        let escalated = status(&item, &[(Escalated, "2027-01-04", None)]);
        let formal = item.progress(&policy, Some(&escalated), &[], day("2027-01-05"));
        assert_eq!(
            states(&formal),
            [
                (
                    ConcernResolveBy,
                    day("2026-12-30"),
                    NoLongerDue {
                        since: day("2027-01-04")
                    }
                ),
                (AcknowledgeBy, day("2027-01-07"), Due),
                (Stage1ResponseBy, day("2027-01-21"), Due),
            ]
        );
        assert!(formal.actions.is_empty());
    }

    #[test]
    fn a_comment_has_a_reply_date_only_when_a_reply_was_wanted() {
        // South Cambridgeshire replies to comments in 10 working days: 24, 29-31 December,
        // 4-8, 11 January.
        let policy = policy("south-cambridgeshire");
        let mut item = tracked("south-cambridgeshire", Kind::Comment, "2026-12-23");
        item.reply_wanted = true;
        let progress = item.progress(&policy, None, &[], day("2027-01-12"));
        assert_eq!(
            states(&progress),
            [(CommentReplyBy, day("2027-01-11"), Late { working_days: 1 })]
        );
        assert_eq!(progress.actions, [chase(CommentReplyBy, "2027-01-11", 1)]);
        item.reply_wanted = false;
        let progress = item.progress(&policy, None, &[], day("2027-01-12"));
        assert!(progress.milestones.is_empty() && progress.actions.is_empty());
        // Greatwell sets no reply time for comments.
        item.reply_wanted = true;
        assert!(item
            .progress(&self::policy("greatwell"), None, &[], day("2027-01-12"))
            .milestones
            .is_empty());
    }

    #[test]
    fn a_compliment_has_nothing_to_wait_for() {
        let policy = policy("hos-code-2024");
        let item = tracked("hos-code-2024", Kind::Compliment, "2026-12-23");
        let closed = status(&item, &[(Closed, "2026-12-24", None)]);
        for status in [None, Some(&closed)] {
            let progress = item.progress(&policy, status, &[], day("2028-01-01"));
            assert!(progress.milestones.is_empty() && progress.actions.is_empty());
        }
    }

    // Properties.

    use proptest::prelude::*;

    fn kind() -> impl Strategy<Value = Kind> {
        prop::sample::select(Kind::ALL.to_vec())
    }

    fn profile() -> impl Strategy<Value = &'static str> {
        prop::sample::select(Policy::builtin_ids().to_vec())
    }

    fn event_kind() -> impl Strategy<Value = backend::Stage> {
        prop::sample::select(vec![Acknowledged, Responded, Extended, Escalated, Closed])
    }

    /// A submission received on a day of 2026-28, and events after it, each some days after
    /// the last, as `Status::check` allows.
    fn case() -> impl Strategy<
        Value = (
            &'static str,
            Kind,
            NaiveDate,
            Vec<(backend::Stage, u64, u64)>,
        ),
    > {
        (
            profile(),
            kind(),
            0i64..(3 * 365),
            prop::collection::vec((event_kind(), 0u64..20, 1u64..40), 0..5),
        )
            .prop_map(|(profile, kind, offset, events)| {
                (
                    profile,
                    kind,
                    day("2026-01-01") + chrono::Duration::days(offset),
                    events,
                )
            })
    }

    fn item_and_status(
        profile: &str,
        kind: Kind,
        received: NaiveDate,
        events: &[(backend::Stage, u64, u64)],
    ) -> (Tracked, Status) {
        let mut item = tracked(profile, kind, &received.to_string());
        item.reply_wanted = true;
        let mut date = received;
        let events = events
            .iter()
            .map(|&(status, gap, until)| {
                date = date + chrono::Days::new(gap);
                Event {
                    status,
                    date,
                    until: (status == Extended).then(|| date + chrono::Days::new(until)),
                }
            })
            .collect();
        let status = Status::new(
            item.reference.clone(),
            kind,
            item.received_at.clone(),
            received,
            events,
            Vec::new(),
        );
        (item, status)
    }

    /// Due, due today, then late by more and more: an order lateness only climbs.
    fn lateness(state: MilestoneState) -> Option<u32> {
        match state {
            Due => Some(0),
            DueToday => Some(1),
            Late { working_days } => Some(2 + working_days),
            Done { .. } | NoLongerDue { .. } => None,
        }
    }

    proptest! {
        #[test]
        fn without_a_status_nothing_is_done_and_dates_decide(
            (profile, kind, received, _) in case(), later in 0i64..400,
        ) {
            let policy = policy(profile);
            let (item, _) = item_and_status(profile, kind, received, &[]);
            let today = received + chrono::Duration::days(later);
            let progress = item.progress(&policy, None, &[], today);
            prop_assert!(!progress.status_read);
            for m in &progress.milestones {
                let expected = if m.due > today { Due } else if m.due == today { DueToday } else {
                    Late { working_days: working_days_between(policy.region, m.due, today) }
                };
                prop_assert_eq!(m.state, expected, "{:?}", m);
            }
        }

        #[test]
        fn done_is_never_late_and_never_chased(
            (profile, kind, received, events) in case(), later in 0u64..400,
        ) {
            let policy = policy(profile);
            let (item, status) = item_and_status(profile, kind, received, &events);
            let today = status.events.last().unwrap().date + chrono::Days::new(later);
            let progress = item.progress(&policy, Some(&status), &[], today);
            let ids: Vec<_> = progress.milestones.iter().map(|m| m.id).collect();
            let unique: std::collections::HashSet<_> = ids.iter().collect();
            prop_assert_eq!(unique.len(), ids.len(), "each milestone once: {:?}", ids);
            for m in &progress.milestones {
                if let Done { on } = m.state {
                    // Done only on the date of an event that says so.
                    prop_assert!(status.events.iter().any(|e| e.date == on
                        && matches!(e.status, Acknowledged | Responded)), "{:?}", m);
                    let chased = progress.actions.iter().any(|a| matches!(a,
                        Action::Chase { milestone, .. } if *milestone == m.id));
                    prop_assert!(!chased, "{:?} done and chased", m);
                }
            }
            for action in &progress.actions {
                if let Action::Chase { milestone, working_days_late, .. } = action {
                    let m = progress.milestones.iter().find(|m| m.id == *milestone).unwrap();
                    prop_assert_eq!(m.state, Late { working_days: *working_days_late });
                }
            }
        }

        #[test]
        fn lateness_only_grows_with_today(
            (profile, kind, received, events) in case(), a in 0u64..300, b in 0u64..300,
        ) {
            let policy = policy(profile);
            let (item, status) = item_and_status(profile, kind, received, &events);
            let last = status.events.last().unwrap().date;
            let (early, late) = (last + chrono::Days::new(a.min(b)), last + chrono::Days::new(a.max(b)));
            for status in [None, Some(&status)] {
                let before = item.progress(&policy, status, &[], early);
                let after = item.progress(&policy, status, &[], late);
                prop_assert_eq!(before.milestones.len(), after.milestones.len());
                for (x, y) in before.milestones.iter().zip(&after.milestones) {
                    match (lateness(x.state), lateness(y.state)) {
                        (Some(x), Some(y)) => prop_assert!(x <= y),
                        (None, None) => prop_assert_eq!(x.state, y.state),
                        _ => prop_assert!(false, "{:?} became {:?}", x, y),
                    }
                }
            }
        }

        #[test]
        fn the_ombudsman_waits_for_the_code_or_the_end(
            (profile, kind, received, events) in case(), later in 0u64..200,
        ) {
            let policy = policy(profile);
            let (item, status) = item_and_status(profile, kind, received, &events);
            let today = status.events.last().unwrap().date + chrono::Days::new(later);
            // The Code's earliest: 5 working days to acknowledge and 10 to respond from the
            // start (15), counted from the day the landlord received it; stage 2 starts later.
            let code = add_working_days(policy.region, item.received(), 15);
            let answered = status.events.iter().any(|e| matches!(e.status, Responded | Closed));
            for status in [None, Some(&status)] {
                let progress = item.progress(&policy, status, &[], today);
                for action in &progress.actions {
                    if let Action::GoToOmbudsman { because, .. } = action {
                        let formal = matches!(item.kind, Kind::Complaint | Kind::Escalation | Kind::Concern);
                        prop_assert!(formal, "{:?}", item.kind);
                        match because {
                            OmbudsmanReason::ProcessFinished { .. } => prop_assert!(status.is_some() && answered),
                            OmbudsmanReason::CodeTimePassed { due, .. } => {
                                prop_assert!(today > *due && today > code, "{:?} on {}", because, today);
                            }
                        }
                    }
                }
            }
        }
    }
}
