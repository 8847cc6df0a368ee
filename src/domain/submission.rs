//! The body of the HTTP contract (v1): what the app sends to a landlord's backend, built as a
//! pure function of the policy, the answers and the time; and the checks a receiver makes of
//! it, whose errors name a JSON pointer that the app maps back to the page that asked.
//!
//! The contract is written down in `public/openapi.yaml`.

use super::choice::choice;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::calendar::add_working_days;
use super::deadlines::{Milestone, MilestoneId, Timeline};
use super::draft::{
    Adjustment, AfterReport, Asb, Category, ConsentBasis, ContactMethod, Draft, FeedbackKind,
    Matter, OtherProcess, Photo, Place, PriorComplaint, RepliesTo, Responsibility, Route, YesNo,
    LONG_TEXT_MAX, MAX_PHOTOS, SHORT_TEXT_MAX,
};
use super::hazard_report::HazardReport;
use super::language::Language;
use super::ombudsman::OmbudsmanDetails;
use super::policy::{Connection, Decision, Policy};
use super::triage::{self, Assessment, Conclusion};
use super::validation::{is_email, is_uk_phone, normalise_postcode};

pub const CONTRACT_VERSION: &str = "1";

/// The largest photo accepted, as base64 (about 1 MB of JPEG; the app sends them well under
/// 500 KB).
pub const MAX_PHOTO_BASE64: usize = 1_400_000;

choice!(serde
    /// What is being sent.
    Kind {
        Complaint = "complaint",
        /// The policy's quick concern or quick resolution route.
        Concern = "concern",
        /// A request for a stage 2 review.
        Escalation = "escalation",
        /// Damp, mould or another hazard Awaab's Law gives dates for, none passed yet
        /// (`hazard` says which, with the dates; contract v1.2).
        HazardReport = "hazard-report",
        Compliment = "compliment",
        Comment = "comment",
    }
);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileRef {
    pub id: String,
    pub version: String,
}

/// The person the complaint is about (the resident), or who makes it for themselves.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Complainant {
    /// True when no name is given (only where the policy accepts that).
    pub anonymous: bool,
    pub name: String,
    pub connection: Option<Connection>,
    pub contact_method: Option<ContactMethod>,
    pub email: String,
    pub phone: String,
    pub postal_address: String,
    /// In its standard form ("NG2 3NJ"), or empty.
    pub postcode: String,
}

impl Complainant {
    /// The resident's name and contact details as given, trimmed.
    fn named(draft: &Draft) -> Complainant {
        Complainant {
            anonymous: false,
            name: draft.name.trim().to_string(),
            connection: draft.connection,
            contact_method: draft.contact_method,
            email: draft.email.trim().to_string(),
            phone: draft.phone.trim().to_string(),
            postal_address: draft.postal_address.trim().to_string(),
            postcode: normalise_postcode(&draft.postcode).unwrap_or_default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Representative {
    pub name: String,
    pub relationship: String,
    pub email: String,
    pub phone: String,
    pub consent: Option<ConsentBasis>,
    pub replies_to: Option<RepliesTo>,
}

/// The answers that decided what kind of matter this is, and what was decided.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Triage {
    pub danger: Option<YesNo>,
    pub anti_social_behaviour: Option<Asb>,
    /// What the complaint is mainly about.
    #[serde(default)]
    pub matter: Option<Matter>,
    /// Which decision, when it is about one.
    #[serde(default)]
    pub decision: Option<Decision>,
    pub told_before: Option<YesNo>,
    pub after_report: Option<AfterReport>,
    pub other_process: Option<OtherProcess>,
    pub prior_complaint: Option<PriorComplaint>,
    /// When it happened or came to light, where a real date was given.
    pub issue_date: Option<NaiveDate>,
    /// Whether it is still happening, or still not put right.
    #[serde(default)]
    pub ongoing: Option<YesNo>,
    pub out_of_time: bool,
    pub late_reason: String,
    pub responsibility: Option<Responsibility>,
    /// What the form made of the answers.
    pub outcome: Option<Conclusion>,
    /// The profile's exclusion that applied, if any.
    pub exclusion_id: Option<String>,
    /// The resident sent it as a complaint although the form suggested another route.
    pub overridden: bool,
    pub override_reason: String,
    pub may_complain: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Details {
    pub category: Option<Category>,
    pub description: String,
    pub place: Option<Place>,
    pub address: String,
    pub done_so_far: String,
    pub impact: String,
    pub outcome_wanted: String,
    /// Up to five photos, resized and re-encoded on the device (see `Photo`), each sent under a
    /// neutral name (`photo-1.jpg`, ...): the name on the phone can carry a person's name.
    #[serde(default)]
    pub photos: Vec<Photo>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    pub message: String,
    pub wants_reply: bool,
}

/// A stage 2 review request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Escalation {
    /// The reference of the complaint.
    pub reference: String,
    pub stage1_response_date: Option<NaiveDate>,
    /// Always optional: the Code (6.12) says residents need not explain why they want a review,
    /// even where the landlord's policy asks.
    pub reasons: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Support {
    pub adjustments: Vec<Adjustment>,
    pub detail: String,
}

/// One date the client worked out from the policy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedDate {
    pub id: String,
    pub date: NaiveDate,
}

/// The request body of `POST /v1/submissions`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    pub contract_version: String,
    pub kind: Kind,
    pub profile: ProfileRef,
    /// The device's time when the resident pressed send, with its offset.
    pub submitted_at: DateTime<FixedOffset>,
    pub complainant: Complainant,
    pub representative: Option<Representative>,
    pub triage: Triage,
    pub details: Option<Details>,
    pub feedback: Option<Feedback>,
    pub escalation: Option<Escalation>,
    pub support: Support,
    /// The dates the policy promises, as the client worked them out for `submitted_at`.
    pub expected_dates: Vec<ExpectedDate>,
    /// The language the resident used the form in: a landlord bound by the Welsh Language
    /// Standards replies in Welsh to a resident who wrote in Welsh. English when absent.
    #[serde(default)]
    pub language: Language,
    /// Damp, mould or another hazard, with Awaab's Law's deadlines in England (contract v1.2).
    /// Absent, not null, otherwise: a v1.1 backend that refuses unknown fields still takes the rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hazard: Option<HazardReport>,
}

/// The dates a policy promises for a submission of `kind` received at `at`: what the client
/// shows and sends, and what a receiver recomputes to compare.
pub fn milestones_for(policy: &Policy, kind: Kind, at: NaiveDateTime) -> Vec<Milestone> {
    let all = |timeline: Timeline| timeline.iter().copied().collect::<Vec<_>>();
    match kind {
        Kind::Complaint => all(policy.timeline(at))
            .into_iter()
            .filter(|m| m.id != MilestoneId::ConcernResolveBy)
            .collect(),
        Kind::Concern => all(policy.timeline(at)),
        Kind::Escalation => all(policy.escalation_timeline(at)),
        Kind::Comment => policy
            .comment_reply_days
            .map(|days| {
                let date = add_working_days(policy.region, at, days);
                vec![Milestone::new(MilestoneId::CommentReplyBy, date)]
            })
            .unwrap_or_default(),
        // The law's dates, not the policy's, go with a hazard report: in `hazard`.
        Kind::Compliment | Kind::HazardReport => Vec::new(),
    }
}

impl Submission {
    /// Which Ombudsman can look at what was sent, by what it is about (see
    /// [`eligibility::ombudsman_for`](super::eligibility::ombudsman_for)): for the confirmation,
    /// once the answers have left the device.
    pub fn ombudsman(&self, policy: &Policy) -> Vec<OmbudsmanDetails> {
        let answers = Draft {
            connection: self.complainant.connection,
            asb: self.triage.anti_social_behaviour,
            matter: self.triage.matter,
            decision: self.triage.decision,
            category: self.details.as_ref().and_then(|d| d.category),
            ..Draft::default()
        };
        super::eligibility::ombudsman_for(policy, &answers)
    }

    /// The body for the resident's answers, sent at `now`.
    pub fn build(
        policy: &Policy,
        draft: &Draft,
        assessment: &Assessment,
        now: DateTime<FixedOffset>,
    ) -> Submission {
        let kind = match draft.kind {
            Some(FeedbackKind::Compliment) => Kind::Compliment,
            Some(FeedbackKind::Comment) => Kind::Comment,
            _ if draft.route == Some(Route::Concern) && assessment.concern_offered.is_some() => {
                Kind::Concern
            }
            _ if assessment.sends_as_hazard_report(draft) => Kind::HazardReport,
            _ => Kind::Complaint,
        };
        // Both say what is wrong in the same words (`details`).
        let complaint = matches!(kind, Kind::Complaint | Kind::Concern | Kind::HazardReport);
        let anonymous = draft.is_anonymous();
        let text = |s: &str| s.trim().to_string();
        // Nothing that names the resident goes with an anonymous complaint.
        let complainant = if anonymous {
            Complainant {
                anonymous,
                connection: draft.connection,
                ..Complainant::default()
            }
        } else {
            Complainant::named(draft)
        };
        let representative = draft.is_representative().then(|| {
            let r = &draft.representative;
            Representative {
                name: text(&r.name),
                relationship: text(&r.relationship),
                email: text(&r.email),
                phone: text(&r.phone),
                consent: r.consent,
                replies_to: r.replies_to,
            }
        });
        let overridden =
            assessment.outcome != Conclusion::Complaint && assessment.sends_as_complaint(draft);
        let triage = Triage {
            danger: draft.danger,
            anti_social_behaviour: draft.asb,
            matter: draft.matter.filter(|_| draft.asb != Some(Asb::Handling)),
            // Only the answers on the resident's path: one left from a branch they have since
            // left would mislead the landlord.
            decision: draft.decision.filter(|_| triage::asks_decision(draft)),
            told_before: triage::told_before(draft),
            after_report: draft
                .after_report
                .filter(|_| triage::asks_told_before(draft) && draft.told_before == Some(YesNo::Yes)),
            other_process: draft.other_process,
            prior_complaint: draft.prior_complaint,
            issue_date: draft.issue_date.parse(now.date_naive()).ok(),
            ongoing: draft.ongoing,
            out_of_time: assessment.out_of_time,
            late_reason: text(&draft.late_reason),
            responsibility: draft.responsibility,
            outcome: Some(assessment.outcome),
            exclusion_id: assessment.exclusion.as_ref().map(|e| e.id.clone()),
            overridden,
            override_reason: if overridden {
                text(&draft.override_reason)
            } else {
                String::new()
            },
            may_complain: draft
                .connection
                .map(|c| policy.eligibility.who_may_complain.contains(&c)),
        };
        let details = complaint.then(|| Details {
            category: draft.category,
            description: text(&draft.description),
            place: draft.place,
            address: text(&draft.address),
            done_so_far: text(&draft.done_so_far),
            impact: text(&draft.impact),
            outcome_wanted: text(&draft.outcome_wanted),
            photos: draft
                .photos
                .iter()
                .enumerate()
                .map(|(i, photo)| Photo {
                    name: format!("photo-{}.jpg", i + 1),
                    ..photo.clone()
                })
                .collect(),
        });
        let feedback = (!complaint).then(|| Feedback {
            message: text(&draft.message),
            wants_reply: draft.wants_reply == Some(YesNo::Yes),
        });
        Submission {
            contract_version: CONTRACT_VERSION.to_string(),
            kind,
            profile: ProfileRef {
                id: policy.id.clone(),
                version: policy.version.clone(),
            },
            submitted_at: now,
            complainant,
            representative,
            triage,
            details,
            feedback,
            escalation: None,
            support: Support {
                adjustments: draft.adjustments.clone(),
                detail: text(&draft.adjustments_detail),
            },
            expected_dates: Submission::dates_for(policy, kind, now),
            language: Language::English,
            // The law's days are the UK's, whatever the device's clock says.
            hazard: complaint
                .then(|| {
                    let uk_now = super::calendar::uk_time(now.to_utc()).naive_local();
                    HazardReport::from_answers(policy, draft, uk_now)
                })
                .flatten(),
        }
    }

    /// A request for a stage 2 review of the complaint `draft.review_reference`.
    pub fn build_escalation(
        policy: &Policy,
        draft: &Draft,
        now: DateTime<FixedOffset>,
    ) -> Submission {
        let text = |s: &str| s.trim().to_string();
        Submission {
            contract_version: CONTRACT_VERSION.to_string(),
            kind: Kind::Escalation,
            profile: ProfileRef {
                id: policy.id.clone(),
                version: policy.version.clone(),
            },
            submitted_at: now,
            complainant: Complainant::named(draft),
            representative: None,
            triage: Triage::default(),
            details: None,
            feedback: None,
            escalation: Some(Escalation {
                reference: text(&draft.review_reference),
                stage1_response_date: draft.review_response_date.parse(now.date_naive()).ok(),
                reasons: text(&draft.review_reasons),
            }),
            support: Support {
                adjustments: draft.adjustments.clone(),
                detail: text(&draft.adjustments_detail),
            },
            expected_dates: Submission::dates_for(policy, Kind::Escalation, now),
            language: Language::English,
            hazard: None,
        }
    }

    /// The expected dates of the contract, for a submission of `kind` received at `at`.
    pub fn dates_for(policy: &Policy, kind: Kind, at: DateTime<FixedOffset>) -> Vec<ExpectedDate> {
        milestones_for(policy, kind, at.naive_local())
            .into_iter()
            .map(|m| ExpectedDate {
                id: m.id.id().to_string(),
                date: m.date,
            })
            .collect()
    }

    /// What a receiver checks beyond the types: the contract version, what each kind needs,
    /// lengths, and contact details. Each error names a JSON pointer into the body.
    pub fn check(&self) -> Vec<ContractError> {
        let mut errors = Vec::new();
        let mut need = |bad: bool, pointer: &'static str, message: &str| {
            if bad {
                errors.push(ContractError {
                    pointer,
                    message: message.to_string(),
                });
            }
        };
        need(
            self.contract_version != CONTRACT_VERSION,
            "/contract_version",
            "must be \"1\"",
        );
        need(
            self.profile.id.trim().is_empty(),
            "/profile/id",
            "is required",
        );
        let c = &self.complainant;
        if !c.anonymous {
            need(
                c.name.trim().is_empty(),
                "/complainant/name",
                "is required unless the complaint is anonymous",
            );
            need(
                c.contact_method.is_none(),
                "/complainant/contact_method",
                "is required unless the complaint is anonymous",
            );
            match c.contact_method {
                Some(ContactMethod::Email) => need(
                    c.email.is_empty(),
                    "/complainant/email",
                    "is required to contact by email",
                ),
                Some(ContactMethod::Phone) => need(
                    c.phone.is_empty(),
                    "/complainant/phone",
                    "is required to contact by phone",
                ),
                Some(ContactMethod::Post) => need(
                    c.postal_address.is_empty(),
                    "/complainant/postal_address",
                    "is required to contact by post",
                ),
                None => {}
            }
        }
        need(
            !c.email.is_empty() && !is_email(&c.email),
            "/complainant/email",
            "is not an email address",
        );
        need(
            !c.phone.is_empty() && !is_uk_phone(&c.phone),
            "/complainant/phone",
            "is not a UK phone number",
        );
        need(
            !c.postcode.is_empty() && normalise_postcode(&c.postcode).is_none(),
            "/complainant/postcode",
            "is not a UK postcode",
        );
        if let Some(r) = &self.representative {
            need(
                r.name.trim().is_empty(),
                "/representative/name",
                "is required",
            );
            need(
                r.consent.is_none(),
                "/representative/consent",
                "is required",
            );
            need(
                !r.email.is_empty() && !is_email(&r.email),
                "/representative/email",
                "is not an email address",
            );
            need(
                !r.phone.is_empty() && !is_uk_phone(&r.phone),
                "/representative/phone",
                "is not a UK phone number",
            );
        }
        match self.kind {
            Kind::Complaint | Kind::Concern | Kind::HazardReport => match &self.details {
                None => need(true, "/details", "is required for a complaint or hazard report"),
                Some(d) => need(
                    d.description.trim().is_empty(),
                    "/details/description",
                    "is required",
                ),
            },
            Kind::Compliment | Kind::Comment => match &self.feedback {
                None => need(true, "/feedback", "is required for a compliment or comment"),
                Some(f) => need(
                    f.message.trim().is_empty(),
                    "/feedback/message",
                    "is required",
                ),
            },
            Kind::Escalation => match &self.escalation {
                None => need(true, "/escalation", "is required for a review request"),
                Some(e) => need(
                    e.reference.trim().is_empty(),
                    "/escalation/reference",
                    "is required",
                ),
            },
        }
        need(
            self.kind == Kind::HazardReport && self.hazard.is_none(),
            "/hazard",
            "is required for a hazard report",
        );
        let long = [
            (
                "/details/description",
                self.details.as_ref().map(|d| &d.description),
            ),
            (
                "/details/done_so_far",
                self.details.as_ref().map(|d| &d.done_so_far),
            ),
            ("/details/impact", self.details.as_ref().map(|d| &d.impact)),
            (
                "/details/outcome_wanted",
                self.details.as_ref().map(|d| &d.outcome_wanted),
            ),
            (
                "/feedback/message",
                self.feedback.as_ref().map(|f| &f.message),
            ),
            (
                "/escalation/reasons",
                self.escalation.as_ref().map(|e| &e.reasons),
            ),
            ("/triage/late_reason", Some(&self.triage.late_reason)),
            (
                "/triage/override_reason",
                Some(&self.triage.override_reason),
            ),
            ("/support/detail", Some(&self.support.detail)),
        ];
        if let Some(details) = &self.details {
            need(
                details.photos.len() > MAX_PHOTOS,
                "/details/photos",
                "has more than 5 photos",
            );
            for photo in &details.photos {
                need(
                    photo.jpeg_base64.len() > MAX_PHOTO_BASE64,
                    "/details/photos",
                    "has a photo over 1 MB",
                );
            }
        }
        for (field, text) in long {
            need(
                text.is_some_and(|t| t.chars().count() > LONG_TEXT_MAX),
                field,
                "is too long (at most 20000 characters)",
            );
        }
        let short = [
            ("/complainant/name", &c.name),
            ("/complainant/postal_address", &c.postal_address),
            (
                "/details/address",
                &self
                    .details
                    .as_ref()
                    .map(|d| d.address.clone())
                    .unwrap_or_default(),
            ),
        ];
        for (field, text) in short {
            need(
                text.chars().count() > SHORT_TEXT_MAX,
                field,
                "is too long (at most 500 characters)",
            );
        }
        errors
    }
}

/// A submission's answer that breaks the contract: where (a JSON pointer into the body) and
/// what is wrong, as a receiver reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContractError {
    pub pointer: &'static str,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::examples;
    use crate::domain::draft::{DateInput, Who};
    use crate::domain::triage::assess;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-12-23T10:00:00+00:00").unwrap()
    }

    pub(crate) fn complaint_draft() -> Draft {
        Draft {
            matter: None,
            ongoing: None,
            ..examples::complaint("hos-code-2024")
        }
    }

    fn build(policy: &Policy, draft: &Draft) -> Submission {
        Submission::build(
            policy,
            draft,
            &assess(policy, draft, now().date_naive()),
            now(),
        )
    }

    #[test]
    fn a_complaint_carries_everything_and_its_dates() {
        let policy = Policy::default_policy();
        let body = build(&policy, &complaint_draft());
        assert_eq!(body.kind, Kind::Complaint);
        assert_eq!(
            body.profile,
            ProfileRef {
                id: "hos-code-2024".into(),
                version: "2024-04-01".into()
            }
        );
        assert_eq!(body.complainant.postcode, "NG2 3NJ");
        assert_eq!(body.triage.issue_date, NaiveDate::from_ymd_opt(2026, 10, 1));
        assert_eq!(body.details.as_ref().unwrap().description, "Leak 🚿 מים");
        let ids: Vec<_> = body.expected_dates.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            ids,
            ["acknowledge_by", "stage1_response_by", "stage1_extended_by"]
        );
        assert!(body.check().is_empty(), "{:?}", body.check());
        // The body round-trips through JSON unchanged.
        let json = serde_json::to_string(&body).unwrap();
        assert_eq!(serde_json::from_str::<Submission>(&json).unwrap(), body);
    }

    #[test]
    fn photos_go_under_neutral_names_not_the_phones() {
        let photo = |name: &str, alt: &str| Photo {
            name: name.into(),
            alt: alt.into(),
            width: 1600,
            height: 1200,
            jpeg_base64: "/9j/".into(),
        };
        let draft = Draft {
            photos: vec![
                photo("IMG_20261201_Zoe_OBrien.jpg", "Mould on the wall"),
                photo("Screenshot from Sam's phone.png", "The fan"),
            ],
            ..complaint_draft()
        };
        let body = build(&Policy::default_policy(), &draft);
        let sent = &body.details.as_ref().unwrap().photos;
        assert_eq!(
            *sent,
            [
                photo("photo-1.jpg", "Mould on the wall"),
                photo("photo-2.jpg", "The fan"),
            ]
        );
        // The draft on the device keeps its own names.
        assert_eq!(draft.photos[0].name, "IMG_20261201_Zoe_OBrien.jpg");
        assert!(body.check().is_empty(), "{:?}", body.check());
    }

    #[test]
    fn a_concern_and_an_override_are_recorded() {
        let policy = Policy::builtin("greatwell").unwrap();
        let concern = Draft {
            route: Some(Route::Concern),
            ..complaint_draft()
        };
        let body = build(&policy, &concern);
        assert_eq!(body.kind, Kind::Concern);
        assert!(body
            .expected_dates
            .iter()
            .any(|d| d.id == "concern_resolve_by"));

        let first_report = Draft {
            told_before: Some(YesNo::No),
            send_anyway: Some(YesNo::Yes),
            override_reason: "It was never logged".into(),
            ..complaint_draft()
        };
        let body = build(&Policy::default_policy(), &first_report);
        assert_eq!(body.kind, Kind::Complaint);
        assert_eq!(body.triage.outcome, Some(Conclusion::ServiceRequest));
        assert!(body.triage.overridden);
        assert_eq!(body.triage.override_reason, "It was never logged");
        assert_eq!(body.triage.exclusion_id.as_deref(), Some("first-report"));
    }

    #[test]
    fn damp_within_the_laws_dates_goes_as_a_hazard_report_with_them() {
        use crate::domain::draft::HazardAnswer;
        use crate::domain::hazards::DeadlineId;
        // Not told yet, sent Wednesday 23 December 2026 (day 0): the investigation is due on
        // the 10th working day, past Christmas, Boxing Day's Monday 28th and New Year's Day:
        // 24, 29, 30, 31 December, 4, 5, 6, 7, 8, then Monday 11 January 2027.
        let draft = Draft {
            hazard: Some(HazardAnswer::DampAndMould),
            ..complaint_draft()
        };
        let body = build(&Policy::default_policy(), &draft);
        assert_eq!(body.kind, Kind::HazardReport);
        assert_eq!(body.triage.outcome, Some(Conclusion::HazardReport));
        assert_eq!(body.triage.told_before, Some(YesNo::No), "the hazard page answers it");
        assert!(!body.triage.overridden);
        // The law's dates go with it, not the complaints policy's.
        assert!(body.expected_dates.is_empty());
        let hazard = body.hazard.as_ref().expect("the hazard and its dates");
        let investigate = hazard.deadlines.iter().find(|d| d.id == DeadlineId::Investigate).unwrap();
        assert_eq!(investigate.due, NaiveDate::from_ymd_opt(2027, 1, 11).unwrap());
        assert!(hazard.missed.is_empty());
        assert_eq!(body.details.as_ref().unwrap().description, draft.description.trim());
        assert!(body.check().is_empty(), "{:?}", body.check());
        // A receiver refuses a hazard report without its hazard.
        let bare = Submission { hazard: None, ..body };
        assert_eq!(bare.check()[0].pointer, "/hazard");
    }

    #[test]
    fn anonymous_sends_no_contact_details() {
        let policy = Policy::builtin("south-cambridgeshire").unwrap();
        let draft = Draft {
            complainant: Some(Who::Anonymous),
            ..complaint_draft()
        };
        let body = build(&policy, &draft);
        assert!(body.complainant.anonymous);
        assert_eq!(body.complainant.name, "");
        assert_eq!(body.complainant.email, "");
        assert!(body.check().is_empty());
    }

    #[test]
    fn a_comment_has_its_reply_date() {
        let policy = Policy::builtin("south-cambridgeshire").unwrap();
        let draft = Draft {
            kind: Some(FeedbackKind::Comment),
            message: "Idea".into(),
            wants_reply: Some(YesNo::Yes),
            ..complaint_draft()
        };
        let body = build(&policy, &draft);
        assert_eq!(body.kind, Kind::Comment);
        assert!(body.details.is_none());
        assert_eq!(
            body.expected_dates,
            [ExpectedDate {
                id: "comment_reply_by".into(),
                date: NaiveDate::from_ymd_opt(2027, 1, 11).unwrap()
            }]
        );
    }

    #[test]
    fn checks_name_json_pointers_that_map_to_pages() {
        let policy = Policy::default_policy();
        let mut body = build(&policy, &complaint_draft());
        body.contract_version = "2".into();
        body.complainant.email = "nope".into();
        body.details.as_mut().unwrap().description = "x".repeat(LONG_TEXT_MAX + 1);
        let fields: Vec<_> = body.check().into_iter().map(|e| e.pointer).collect();
        assert_eq!(
            fields,
            [
                "/contract_version",
                "/complainant/email",
                "/details/description"
            ]
        );
    }

    #[test]
    fn a_review_request_carries_the_reference_and_stage_2_dates() {
        let policy = Policy::builtin("greatwell").unwrap();
        let draft = Draft {
            review_reference: " RC-7KQ2-M9XD ".into(),
            review_response_date: DateInput {
                day: "11".into(),
                month: "12".into(),
                year: "2026".into(),
            },
            ..complaint_draft()
        };
        let body = Submission::build_escalation(&policy, &draft, now());
        assert_eq!(body.kind, Kind::Escalation);
        let escalation = body.escalation.as_ref().unwrap();
        assert_eq!(escalation.reference, "RC-7KQ2-M9XD");
        assert_eq!(
            escalation.stage1_response_date,
            NaiveDate::from_ymd_opt(2026, 12, 11)
        );
        let ids: Vec<_> = body.expected_dates.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["stage2_response_by", "stage2_extended_by"]);
        assert!(body.check().is_empty(), "{:?}", body.check());
    }
}
