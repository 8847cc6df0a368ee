//! The resident's answers: the one source of truth for the journey, saved on the device as
//! they are typed. Every field is optional or empty until answered, and typed text is kept as
//! typed (a date of 31 February is kept, and reported, not lost).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

pub use super::choice::Choice;
use super::choice::choice;
use super::policy::{Connection, Decision};

/// Bumped when a saved draft can no longer be read as it is; see `Draft::from_saved`.
pub const DRAFT_VERSION: u32 = 2;

/// Longest text a resident may give in one box. Generous, but bounded so that a 100 KB paste
/// is reported (and kept) rather than sent.
pub const LONG_TEXT_MAX: usize = 20_000;
pub const SHORT_TEXT_MAX: usize = 500;

/// At most this many photos go with a complaint.
pub const MAX_PHOTOS: usize = 5;

/// A photo the resident added, already resized on the device (longest side at most 1600 px)
/// and re-encoded as JPEG, which also leaves behind the camera's EXIF data such as location.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Photo {
    /// The file's name on the resident's device, in the draft; a submission sends
    /// `photo-1.jpg`, … instead (`Submission::build`), so the phone's name never leaves it.
    pub name: String,
    /// What the photo shows, in the resident's words (read out by screen readers).
    pub alt: String,
    pub width: u32,
    pub height: u32,
    /// The JPEG file, base64-encoded.
    pub jpeg_base64: String,
}

choice!(serde
    /// Yes or no, for the questions that are only that.
    YesNo { Yes = "yes" => yes, No = "no" => no }
);

choice!(serde
    /// Whether it is about a hazard in the home: in England, Awaab's Law gives the landlord
    /// deadlines for these (`domain::hazards`).
    HazardAnswer {
        DampAndMould = "damp-and-mould" => hazard_damp_and_mould,
        /// Anything else that could harm someone's health or safety.
        Other = "other" => hazard_other + hazard_other_hint,
        None = "none" => hazard_none,
    }
);

choice!(serde
    /// Someone living in the home whom a hazard harms most.
    Vulnerable {
        Child = "child" => vulnerable_child,
        LungOrHeart = "lung-or-heart" => vulnerable_lung_or_heart + vulnerable_lung_or_heart_hint,
        Pregnant = "pregnant" => vulnerable_pregnant,
        Older = "older" => vulnerable_older,
        Disabled = "disabled" => vulnerable_disabled + vulnerable_disabled_hint,
    }
);

choice!(serde
    /// Whether a hazard is spreading or getting worse.
    Spreading { Yes = "yes" => yes, No = "no" => no, NotSure = "not-sure" => not_sure }
);

choice!(serde
    /// Who is making the complaint.
    Who {
        Myself = "myself" => myself,
        /// A relative, friend, adviser, councillor or MP acting for the resident.
        SomeoneElse = "someone-else" => someone_else + someone_else_hint,
        /// No name given, where the policy accepts that.
        Anonymous = "anonymous" => anonymous + anonymous_hint,
    }
);

choice!(serde
    /// What the representative holds to act for the resident.
    ConsentBasis {
        Written = "written" => consent_written,
        ResidentPresent = "resident-present" => consent_present,
        LegalAuthority = "legal-authority" => consent_legal + consent_legal_hint,
    }
);

choice!(serde
    /// Who the landlord should reply to when a representative makes the complaint.
    RepliesTo { Resident = "resident" => replies_resident, Representative = "representative" => replies_me, Both = "both" => replies_both }
);

choice!(serde
    /// What kind of feedback this is.
    FeedbackKind { Complaint = "complaint" => kind_complaint, Compliment = "compliment" => kind_compliment, Comment = "comment" => kind_comment }
);

choice!(serde
    /// What the complaint is about, asked before "have you told them before?": only a first
    /// report of something to do or fix is a service request. A first complaint about how staff
    /// behaved, or a rule that was broken, is a complaint from the start.
    Matter {
        /// Something to do or put right, like a repair: a first report is a service request.
        Repair = "repair" => matter_repair + matter_repair_hint,
        /// How the landlord's staff or contractors behaved.
        Conduct = "conduct" => matter_conduct + matter_conduct_hint,
        /// The landlord did not follow its own rules, or was unfair.
        Rules = "rules" => matter_rules + matter_rules_hint,
        /// A decision with a route of its own (which one is asked next).
        Decision = "decision" => matter_decision + matter_decision_hint,
        Other = "other" => matter_other,
    }
);

choice!(serde
    /// What happened after the resident told the landlord before.
    AfterReport {
        NotFixed = "not-fixed" => not_fixed,
        NoReply = "no-reply" => no_reply,
        MissedAppointment = "missed-appointment" => missed_appointment,
        PoorWork = "poor-work" => poor_work,
        Behaviour = "behaviour" => staff_behaviour,
        PolicyNotFollowed = "policy-not-followed" => policy_not_followed,
        ReportHandling = "report-handling" => report_handling,
        /// It was put right there and then; nothing is wrong now.
        SortedStraightAway = "sorted-straight-away" => sorted_straight_away,
    }
);

choice!(serde
    /// Whether the matter is about anti-social behaviour.
    Asb {
        No = "no" => no,
        /// The neighbour's behaviour itself: the ASB procedure deals with it.
        Behaviour = "behaviour" => asb_behaviour + asb_behaviour_hint,
        /// How the landlord handled reports of it: a complaint.
        Handling = "handling" => asb_handling + asb_handling_hint,
    }
);

choice!(serde
    /// Another process already dealing with the matter, if any.
    OtherProcess {
        None = "none" => none_of_these,
        LegalProceedings = "legal-proceedings" => legal_proceedings,
        InsuranceClaim = "insurance-claim" => insurance_claim,
    }
);

choice!(serde
    /// Whether the matter has been through the complaints process before.
    PriorComplaint {
        No = "no" => no,
        /// The landlord has given its final answer on a complaint about it.
        Answered = "answered" => prior_answered,
        /// The Ombudsman is looking at it, or has.
        WithOmbudsman = "with-ombudsman" => prior_with_ombudsman,
    }
);

choice!(serde
    /// Whether the matter is the landlord's to deal with.
    Responsibility {
        Landlord = "landlord" => landlord_service,
        /// Another council service or another organisation. Its hint says contractors are
        /// the landlord's (Nottingham: "Complaints about contractors ... are our
        /// responsibility ... Customers should not be referred to the contractor partner").
        OtherBody = "other-body" => other_body + other_body_hint,
        CouncillorConduct = "councillor-conduct" => councillor_conduct,
        StaffGrievance = "staff-grievance" => staff_grievance,
        BusinessRelationship = "business-relationship" => business_relationship,
        PolicyItself = "policy-itself" => policy_itself,
        InformationRequest = "information-request" => information_request,
    }
);

choice!(serde
    /// The route the resident chose on the outcome page.
    Route {
        /// A formal complaint (stage 1).
        Complaint = "complaint" => route_complaint,
        /// The policy's quick concern or quick resolution route.
        Concern = "concern" => route_concern,
    }
);

choice!(serde
    /// What the complaint is about.
    Category {
        Repairs = "repairs" => repairs,
        DampAndMould = "damp-and-mould" => damp_and_mould,
        AsbHandling = "asb-handling" => asb_category,
        StaffOrContractor = "staff-or-contractor" => staff_or_contractor,
        Communication = "communication" => communication,
        RentAndCharges = "rent-and-charges" => rent_and_charges,
        Neighbourhood = "neighbourhood" => neighbourhood,
        Allocations = "allocations" => allocations,
        Other = "other" => something_else,
    }
);

choice!(serde
    /// Where the problem is.
    Place { Home = "home" => in_my_home, Communal = "communal" => shared_area + shared_area_hint, Elsewhere = "elsewhere" => somewhere_else }
);

choice!(serde
    /// Help the resident needs to take part.
    Adjustment {
        LargePrint = "large-print" => large_print,
        EasyRead = "easy-read" => easy_read,
        Interpreter = "interpreter" => interpreter,
        Bsl = "bsl" => bsl,
        Braille = "braille" => braille,
        Audio = "audio" => audio,
        SupportPerson = "support-person" => support_person,
        TimeOfDay = "time-of-day" => time_of_day,
        Other = "other" => something_else,
    }
);

choice!(serde
    /// How the resident wants to be contacted.
    ContactMethod { Email = "email" => email, Phone = "phone" => phone, Post = "post" => letter }
);

/// A date as typed into three boxes, kept as text until it is a real date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DateInput {
    pub day: String,
    pub month: String,
    pub year: String,
}

/// Why a typed date cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    Missing,
    Incomplete,
    NotADate,
    InTheFuture,
}

impl From<NaiveDate> for DateInput {
    /// A date as the resident would type it.
    fn from(date: NaiveDate) -> DateInput {
        DateInput {
            day: date.day().to_string(),
            month: date.month().to_string(),
            year: date.year().to_string(),
        }
    }
}

impl DateInput {
    pub fn is_empty(&self) -> bool {
        [&self.day, &self.month, &self.year]
            .iter()
            .all(|part| part.trim().is_empty())
    }

    /// The date, if it is a real one not after `today`.
    pub fn parse(&self, today: NaiveDate) -> Result<NaiveDate, DateProblem> {
        if self.is_empty() {
            return Err(DateProblem::Missing);
        }
        let parts = [&self.day, &self.month, &self.year];
        if parts.iter().any(|part| part.trim().is_empty()) {
            return Err(DateProblem::Incomplete);
        }
        let number = |text: &str| text.trim().parse::<u32>().ok();
        let (Some(day), Some(month), Some(year)) =
            (number(&self.day), number(&self.month), number(&self.year))
        else {
            return Err(DateProblem::NotADate);
        };
        // Four-digit years only: "26" is more likely a slip than the year 26.
        if !(1000..=9999).contains(&year) {
            return Err(DateProblem::NotADate);
        }
        let date = NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(DateProblem::NotADate)?;
        if date > today {
            return Err(DateProblem::InTheFuture);
        }
        Ok(date)
    }
}

/// The representative's own details, when someone complains for the resident.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RepresentativeAnswers {
    pub name: String,
    /// How they know the resident ("daughter", "support worker at ...").
    pub relationship: String,
    pub email: String,
    pub phone: String,
    pub consent: Option<ConsentBasis>,
    pub replies_to: Option<RepliesTo>,
}

/// Every answer the resident has given.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// `DRAFT_VERSION` in a new draft; a saved draft without one is discarded.
    pub version: u32,
    /// The profile the answers were given under.
    pub policy_id: String,
    /// The last page the resident was on, to resume there.
    pub last_page: String,

    // Safety first.
    pub danger: Option<YesNo>,
    /// Damp, mould or another hazard (asked in every nation; Awaab's Law's dates are England's).
    pub hazard: Option<HazardAnswer>,
    /// Which of the profile's own hazards (`Policy::hazards`) "another hazard" is, by id, or
    /// `other` for one it does not list. Empty where not asked.
    pub listed_hazard: String,
    pub vulnerable: Vec<Vulnerable>,
    pub spreading: Option<Spreading>,
    /// When the landlord was first told of the hazard: its legal deadlines count from then.
    /// Empty if they have not been told.
    pub first_told: DateInput,

    // Who is complaining.
    pub complainant: Option<Who>,
    pub representative: RepresentativeAnswers,
    pub connection: Option<Connection>,
    pub kind: Option<FeedbackKind>,

    // Triage.
    pub asb: Option<Asb>,
    pub matter: Option<Matter>,
    /// Which decision, when the matter is a decision.
    pub decision: Option<Decision>,
    pub told_before: Option<YesNo>,
    pub after_report: Option<AfterReport>,
    pub other_process: Option<OtherProcess>,
    pub prior_complaint: Option<PriorComplaint>,
    /// When it happened, or when the resident became aware of it (when it started, if it goes
    /// on).
    pub issue_date: DateInput,
    /// Whether it is still happening, or still not put right: a time limit applies only to a
    /// matter that has ended.
    pub ongoing: Option<YesNo>,
    /// Why it was not raised sooner, when out of time.
    pub late_reason: String,
    pub responsibility: Option<Responsibility>,
    /// The route chosen on the outcome page.
    pub route: Option<Route>,
    /// Where triage finds an exclusion or another route: the resident sends it as a complaint
    /// anyway, with this reason. The landlord decides, not the form.
    pub send_anyway: Option<YesNo>,
    pub override_reason: String,

    // The complaint itself.
    pub category: Option<Category>,
    pub description: String,
    pub place: Option<Place>,
    pub address: String,
    pub done_so_far: String,
    pub impact: String,
    pub outcome_wanted: String,
    pub photos: Vec<Photo>,

    // Compliments and comments.
    pub message: String,
    pub wants_reply: Option<YesNo>,

    // Support and contact.
    pub adjustments: Vec<Adjustment>,
    pub adjustments_detail: String,
    pub name: String,
    pub contact_method: Option<ContactMethod>,
    pub email: String,
    pub phone: String,
    pub postal_address: String,
    pub postcode: String,

    pub declaration: bool,
    /// One key per draft, reused on every retry, so the server never stores it twice.
    pub idempotency_key: String,

    // A request for a stage 2 review of an earlier complaint.
    pub review_reference: String,
    pub review_response_date: DateInput,
    pub review_reasons: String,
    pub review_idempotency_key: String,
}

/// What became of a saved draft when the app read it back: the draft, or (`Draft::left_on`)
/// only the page it was left on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Restored<T = Box<Draft>> {
    /// Nothing was saved.
    Nothing,
    Draft(T),
    /// Something was saved but could not be read (an older or damaged draft): the resident is
    /// told, and starts again.
    Discarded,
}

impl Draft {
    pub fn new(policy_id: &str) -> Draft {
        Draft {
            version: DRAFT_VERSION,
            policy_id: policy_id.to_string(),
            ..Draft::default()
        }
    }

    /// Reads a saved draft. A draft of another version, or one that does not parse, is
    /// discarded (with a message to the resident), never a crash.
    pub fn from_saved(saved: Option<&str>) -> Restored {
        let Some(saved) = saved else {
            return Restored::Nothing;
        };
        match serde_json::from_str::<Draft>(saved) {
            Ok(draft) if draft.version == DRAFT_VERSION => Restored::Draft(Box::new(draft)),
            _ => Restored::Discarded,
        }
    }

    /// The page a saved draft was left on, read without its answers: all the start page needs,
    /// so the first page's wasm carries no reading of every answer. A draft is saved only once
    /// started (`storage::save`), so one that is there is one to go back to. One of another
    /// version is discarded, as `from_saved` would; one damaged past its version and page is
    /// found by the whole app when the resident goes on.
    pub fn left_on(saved: Option<&str>) -> Restored<String> {
        #[derive(Deserialize)]
        struct Header {
            version: u32,
            #[serde(default)]
            last_page: String,
        }
        let Some(saved) = saved else {
            return Restored::Nothing;
        };
        match serde_json::from_str::<Header>(saved) {
            Ok(header) if header.version == DRAFT_VERSION => Restored::Draft(header.last_page),
            _ => Restored::Discarded,
        }
    }

    pub fn to_saved(&self) -> String {
        serde_json::to_string(self).expect("a draft always serialises")
    }

    /// Whether the resident has answered anything yet.
    pub fn is_started(&self) -> bool {
        *self
            != Draft {
                last_page: self.last_page.clone(),
                ..Draft::new(&self.policy_id)
            }
    }

    pub fn is_representative(&self) -> bool {
        self.complainant == Some(Who::SomeoneElse)
    }

    pub fn is_anonymous(&self) -> bool {
        self.complainant == Some(Who::Anonymous)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn typed(day: &str, month: &str, year: &str) -> DateInput {
        DateInput {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    #[test]
    fn dates_are_checked_not_trusted() {
        assert_eq!(typed("", "", "").parse(today()), Err(DateProblem::Missing));
        assert_eq!(
            typed("3", "", "2026").parse(today()),
            Err(DateProblem::Incomplete)
        );
        assert_eq!(
            typed("31", "2", "2026").parse(today()),
            Err(DateProblem::NotADate)
        );
        assert_eq!(
            typed("x", "2", "2026").parse(today()),
            Err(DateProblem::NotADate)
        );
        assert_eq!(
            typed("1", "2", "26").parse(today()),
            Err(DateProblem::NotADate)
        );
        assert_eq!(
            typed("24", "11", "2026").parse(today()),
            Err(DateProblem::InTheFuture)
        );
        assert_eq!(
            typed(" 29 ", "02", "2024").parse(today()),
            NaiveDate::from_ymd_opt(2024, 2, 29).ok_or(DateProblem::NotADate)
        );
    }

    #[test]
    fn drafts_survive_saving_with_any_text() {
        let mut draft = Draft::new("greatwell");
        draft.description = "Damp 🏚️ in the bedroom, שלום, and a very long paste ".repeat(2000);
        draft.name = "Zoë 👩🏽‍🦱 O'Brien".into();
        draft.issue_date = typed("31", "2", "2026");
        draft.asb = Some(Asb::Handling);
        assert_eq!(
            Draft::from_saved(Some(&draft.to_saved())),
            Restored::Draft(Box::new(draft))
        );
    }

    #[test]
    fn old_or_damaged_drafts_are_discarded_not_fatal() {
        assert_eq!(Draft::from_saved(None), Restored::Nothing);
        assert_eq!(Draft::from_saved(Some("{not json")), Restored::Discarded);
        assert_eq!(
            Draft::from_saved(Some(r#"{"version":0,"name":"A"}"#)),
            Restored::Discarded
        );
        assert_eq!(
            Draft::from_saved(Some(r#"{"version":1,"asb":"sometimes"}"#)),
            Restored::Discarded
        );
    }

    #[test]
    fn the_start_page_reads_the_page_a_draft_was_left_on_as_the_whole_app_reads_the_draft() {
        let mut draft = Draft::new("greatwell");
        draft.description = "Damp in the bedroom".into();
        draft.last_page = "what-happened".into();
        let saved = draft.to_saved();
        assert_eq!(Draft::left_on(Some(&saved)), Restored::Draft("what-happened".to_string()));
        assert_eq!(Draft::left_on(None), Restored::Nothing);
        for damaged in ["{not json", r#"{"version":0,"name":"A"}"#, r#"{"name":"A"}"#] {
            assert_eq!(Draft::from_saved(Some(damaged)), Restored::Discarded, "{damaged}");
            assert_eq!(Draft::left_on(Some(damaged)), Restored::Discarded, "{damaged}");
        }
    }

    #[test]
    fn choice_ids_match_serde_names() {
        for choice in AfterReport::ALL {
            assert_eq!(serde_json::to_value(choice).unwrap(), choice.id());
            assert_eq!(AfterReport::from_id(choice.id()), Some(choice));
        }
        for choice in Connection::ALL {
            assert_eq!(serde_json::to_value(choice).unwrap(), choice.id());
        }
    }

    #[test]
    fn a_new_draft_is_not_started() {
        let mut draft = Draft::new("hos-code-2024");
        assert!(!draft.is_started());
        draft.danger = Some(YesNo::No);
        assert!(draft.is_started());
    }
}
