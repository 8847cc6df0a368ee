//! Every page of the journey, declared once: its slug, question, fields, checks, its row on the
//! check-answers page and the page that comes next (see `page.rs` for what each part means).
//! To add a page: a `PageId`, its fields' `FieldId`s, and its `Page` in `PAGES`, in the same
//! order as `PageId`.

use chrono::NaiveDate;

use super::choice::choice;
use super::deadlines::long_date;
use super::hazard_report;
use super::draft::{
    AfterReport, Asb, Draft, FeedbackKind, HazardAnswer, Place, PriorComplaint, Responsibility, Who,
    YesNo, LONG_TEXT_MAX, SHORT_TEXT_MAX,
};
use super::language::Language;
use super::page::{
    choice_answer, every_choice, Checks, ChoiceAnswer, ChoiceQuestion, Form, Next, OwnForm, Page,
    Question, TextQuestion,
};
use super::policy::Policy;
use super::translations::{hazard, hints, questions, validation as v, when};
use super::triage;
use super::validation::{contact_errors, optional_email, optional_phone};
use super::words::{Label, Words};

choice!(
    /// Every page of the journey. The id is its slug, the URL path.
    PageId {
        Start = "",
        Safety = "safety",
        Emergency = "emergency",
        /// Damp, mould or another hazard: in England, Awaab's Law gives the landlord dates.
        Hazard = "hazard",
        HazardDetails = "about-the-hazard",
        Who = "who",
        Representative = "representative",
        Connection = "connection",
        Kind = "kind",
        Feedback = "feedback",
        Asb = "anti-social-behaviour",
        PriorComplaint = "complained-before",
        OtherProcess = "other-process",
        /// What the complaint is about.
        Matter = "what-about",
        /// Which decision, when it is about one.
        Decision = "which-decision",
        ToldBefore = "told-before",
        AfterReport = "after-report",
        When = "when",
        LateReason = "late-reason",
        Responsibility = "responsibility",
        Outcome = "outcome",
        Category = "category",
        WhatWentWrong = "what-went-wrong",
        Photos = "photos",
        Where = "where",
        DoneSoFar = "done-so-far",
        Impact = "impact",
        OutcomeWanted = "outcome-wanted",
        Support = "support",
        Contact = "contact",
        Check = "check-answers",
        /// Asking for a stage 2 review, later, by reference: not on the complaint's path.
        Review = "review",
    }
);

impl PageId {
    pub fn slug(self) -> &'static str {
        self.id()
    }

    pub fn from_slug(slug: &str) -> Option<PageId> {
        PageId::from_id(slug)
    }
}

/// Declares `FieldId`: each field's HTML id (of the input a problem links to) and, for the
/// answers a server may refuse, its JSON pointer in the contract.
macro_rules! fields {
    ($($(#[$meta:meta])* $name:ident = $id:literal $(at $pointer:literal)?),+ $(,)?) => {
        /// Every field of every page.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum FieldId { $($(#[$meta])* $name),+ }

        impl FieldId {
            pub const ALL: &'static [FieldId] = &[$(FieldId::$name),+];

            /// The id of its input in the page.
            pub fn id(self) -> &'static str {
                match self { $(FieldId::$name => $id),+ }
            }

            /// Where it is in a submission (`public/openapi.yaml`), as a JSON pointer.
            pub fn pointer(self) -> Option<&'static str> {
                match self { $(FieldId::$name => None $(.or(Some($pointer)))?),+ }
            }
        }
    };
}

fields! {
    Danger = "danger",
    Hazard = "hazard",
    ListedHazard = "listed-hazard",
    Vulnerable = "vulnerable",
    Spreading = "spreading",
    /// The date's first box.
    FirstTold = "first-told-day",
    Complainant = "complainant",
    RepName = "rep-name" at "/representative/name",
    RepRelationship = "rep-relationship" at "/representative/relationship",
    RepConsent = "rep-consent" at "/representative/consent",
    RepRepliesTo = "rep-replies-to" at "/representative/replies_to",
    RepEmail = "rep-email" at "/representative/email",
    RepPhone = "rep-phone" at "/representative/phone",
    Connection = "connection" at "/complainant/connection",
    Kind = "kind",
    Message = "message" at "/feedback/message",
    WantsReply = "wants-reply",
    Asb = "asb",
    PriorComplaint = "prior-complaint",
    OtherProcess = "other-process",
    Matter = "matter",
    Decision = "decision",
    ToldBefore = "told-before",
    AfterReport = "after-report",
    /// The date's first box: its problems link there.
    IssueDate = "issue-date-day" at "/triage/issue_date",
    Ongoing = "ongoing",
    LateReason = "late-reason" at "/triage/late_reason",
    Responsibility = "responsibility",
    SendAnyway = "send-anyway",
    OverrideReason = "override-reason" at "/triage/override_reason",
    Route = "route",
    Category = "category" at "/details/category",
    Description = "description" at "/details/description",
    Photos = "photos" at "/details/photos",
    Place = "place" at "/details/place",
    Address = "address" at "/details/address",
    DoneSoFar = "done-so-far" at "/details/done_so_far",
    Impact = "impact" at "/details/impact",
    OutcomeWanted = "outcome-wanted" at "/details/outcome_wanted",
    Adjustments = "adjustments",
    AdjustmentsDetail = "adjustments-detail" at "/support/detail",
    Name = "name" at "/complainant/name",
    ContactMethod = "contact-method" at "/complainant/contact_method",
    Email = "email" at "/complainant/email",
    Phone = "phone" at "/complainant/phone",
    PostalAddress = "postal-address" at "/complainant/postal_address",
    Postcode = "postcode" at "/complainant/postcode",
    Declaration = "declaration",
    /// Not an input: the message that sending failed, for problems no field can fix.
    SendFailure = "send-failure",
    ReviewReference = "review-reference",
    ReviewDate = "review-date-day",
    ReviewReasons = "review-reasons",
}

impl FieldId {
    /// The field at a JSON pointer of a submission, with the page that asks for it (the first
    /// page that shows it, in journey order).
    pub fn at_pointer(pointer: &str) -> Option<(PageId, FieldId)> {
        let field = FieldId::ALL
            .iter()
            .copied()
            .find(|f| f.pointer() == Some(pointer))?;
        let page = PageId::ALL
            .iter()
            .copied()
            .find(|p| p.page().fields().contains(&field))?;
        Some((page, field))
    }
}

/// The declarations, in the order of `PageId`.
pub static PAGES: [Page; PageId::ALL.len()] = [
    Page {
        id: PageId::Start,
        question: Question::Naming(questions::start),
        form: own(&[], None),
        next: Next::To(PageId::Safety),
    },
    Page {
        id: PageId::Safety,
        question: Question::Plain(questions::safety),
        form: Form::Choice(ChoiceQuestion {
            hint: Some(hints::safety),
            ..choice_question(FieldId::Danger, choice_answer!(danger), v::danger)
        }),
        next: Next::If {
            when: |d| d.danger == Some(YesNo::Yes),
            then: PageId::Emergency,
            otherwise: PageId::Hazard,
        },
    },
    Page {
        id: PageId::Emergency,
        question: Question::Plain(questions::emergency),
        form: own(&[], None),
        next: Next::To(PageId::Hazard),
    },
    Page {
        id: PageId::Hazard,
        question: Question::Plain(questions::hazard),
        form: choice(FieldId::Hazard, choice_answer!(hazard), v::hazard),
        next: Next::If {
            when: |d| matches!(d.hazard, Some(HazardAnswer::DampAndMould | HazardAnswer::Other)),
            then: PageId::HazardDetails,
            otherwise: PageId::Who,
        },
    },
    Page {
        id: PageId::HazardDetails,
        question: Question::Plain(questions::hazard_details),
        form: Form::Own(OwnForm {
            fields: &[FieldId::ListedHazard, FieldId::Vulnerable, FieldId::Spreading, FieldId::FirstTold],
            check: |c| {
                c.need(
                    hazard_report::asks_listed(c.policy, c.draft) && c.draft.listed_hazard.is_empty(),
                    FieldId::ListedHazard,
                    v::listed_hazard,
                );
                c.need(c.draft.spreading.is_none(), FieldId::Spreading, v::spreading);
                // Empty if the landlord has not been told yet.
                if !c.draft.first_told.is_empty() {
                    c.date(FieldId::FirstTold, &c.draft.first_told, v::first_told);
                }
            },
            answer: Some(|policy, draft, today, language| {
                let vulnerable: Vec<&str> =
                    draft.vulnerable.iter().map(|v| v.label(language)).collect();
                let listed = hazard_report::listed_name(policy, draft, language).unwrap_or_default();
                let told = draft
                    .first_told
                    .parse(today)
                    .map(|date| format!("{} {}", hazard::first_told(language), long_date(date, language)))
                    .unwrap_or_default();
                lines(&[
                    &listed,
                    &vulnerable.join(", "),
                    &label(draft.spreading, language),
                    &told,
                ])
            }),
        }),
        next: Next::To(PageId::Who),
    },
    Page {
        id: PageId::Who,
        question: Question::Plain(questions::who),
        form: Form::Own(OwnForm {
            fields: &[FieldId::Complainant],
            check: |c| {
                c.need(
                    c.draft.complainant.is_none(),
                    FieldId::Complainant,
                    v::complainant,
                )
            },
            answer: Some(|_, draft, _, language| label(draft.complainant, language)),
        }),
        next: Next::If {
            when: |d| d.complainant == Some(Who::SomeoneElse),
            then: PageId::Representative,
            otherwise: PageId::Connection,
        },
    },
    Page {
        id: PageId::Representative,
        question: Question::Plain(questions::representative),
        form: Form::Own(OwnForm {
            fields: &[
                FieldId::RepName,
                FieldId::RepRelationship,
                FieldId::RepConsent,
                FieldId::RepRepliesTo,
                FieldId::RepEmail,
                FieldId::RepPhone,
            ],
            check: |c| {
                let rep = &c.draft.representative;
                c.need(rep.name.trim().is_empty(), FieldId::RepName, v::your_name);
                c.need(
                    rep.relationship.trim().is_empty(),
                    FieldId::RepRelationship,
                    v::relationship,
                );
                c.need(rep.consent.is_none(), FieldId::RepConsent, v::consent);
                // Only asked where the policy lets replies go to a representative.
                let asked = c
                    .policy
                    .eligibility
                    .representatives
                    .replies_to_representative;
                c.need(
                    asked && rep.replies_to.is_none(),
                    FieldId::RepRepliesTo,
                    v::replies_to,
                );
                c.limit(FieldId::RepName, &rep.name, SHORT_TEXT_MAX);
                c.limit(FieldId::RepRelationship, &rep.relationship, SHORT_TEXT_MAX);
                c.errors
                    .extend(optional_email(FieldId::RepEmail, &rep.email, c.language));
                c.errors
                    .extend(optional_phone(FieldId::RepPhone, &rep.phone, c.language));
            },
            answer: Some(|_, draft, _, language| {
                let r = &draft.representative;
                lines(&[
                    &r.name,
                    &r.relationship,
                    &label(r.consent, language),
                    &label(r.replies_to, language),
                    &r.email,
                    &r.phone,
                ])
            }),
        }),
        next: Next::To(PageId::Connection),
    },
    Page {
        id: PageId::Connection,
        question: Question::ForWhom {
            resident: questions::connection_yours,
            someone_else: questions::connection_residents,
        },
        form: choice(
            FieldId::Connection,
            choice_answer!(connection),
            v::connection,
        ),
        next: Next::To(PageId::Kind),
    },
    Page {
        id: PageId::Kind,
        question: Question::Plain(questions::kind),
        form: choice(FieldId::Kind, choice_answer!(kind), v::kind),
        next: Next::If {
            when: |d| {
                matches!(
                    d.kind,
                    Some(FeedbackKind::Compliment | FeedbackKind::Comment)
                )
            },
            then: PageId::Feedback,
            otherwise: PageId::Asb,
        },
    },
    Page {
        id: PageId::Feedback,
        question: Question::Plain(questions::feedback),
        form: Form::Own(OwnForm {
            fields: &[FieldId::Message, FieldId::WantsReply],
            check: |c| {
                c.need(
                    c.draft.message.trim().is_empty(),
                    FieldId::Message,
                    v::message,
                );
                if c.draft.kind == Some(FeedbackKind::Comment) {
                    c.need(
                        c.draft.wants_reply.is_none(),
                        FieldId::WantsReply,
                        v::wants_reply,
                    );
                }
                c.limit(FieldId::Message, &c.draft.message, LONG_TEXT_MAX);
            },
            answer: Some(|_, draft, _, _| draft.message.clone()),
        }),
        next: Next::Rule(after_details),
    },
    // The ASB question comes first: a first report of a neighbour's behaviour is for the ASB
    // procedure, not a service request.
    Page {
        id: PageId::Asb,
        question: Question::Plain(questions::asb),
        form: choice(FieldId::Asb, choice_answer!(asb), v::asb),
        next: Next::If {
            when: |d| d.asb == Some(Asb::Behaviour),
            then: PageId::Outcome,
            otherwise: PageId::PriorComplaint,
        },
    },
    Page {
        id: PageId::PriorComplaint,
        question: Question::Plain(questions::prior_complaint),
        form: choice(
            FieldId::PriorComplaint,
            choice_answer!(prior_complaint),
            v::prior_complaint,
        ),
        // After a final answer, or with the Ombudsman, nothing later changes where it goes.
        next: Next::If {
            when: |d| {
                matches!(
                    d.prior_complaint,
                    Some(PriorComplaint::Answered | PriorComplaint::WithOmbudsman)
                )
            },
            then: PageId::Outcome,
            otherwise: PageId::OtherProcess,
        },
    },
    Page {
        id: PageId::OtherProcess,
        question: Question::Plain(questions::other_process),
        form: choice(
            FieldId::OtherProcess,
            choice_answer!(other_process),
            v::other_process,
        ),
        // How ASB reports were handled is a complaint about something already reported.
        next: Next::If {
            when: |d| d.asb == Some(Asb::Handling),
            then: PageId::When,
            otherwise: PageId::Matter,
        },
    },
    Page {
        id: PageId::Matter,
        question: Question::Plain(questions::matter),
        form: choice(FieldId::Matter, choice_answer!(matter), v::matter),
        // "Told before?" only where a first report would be a service request.
        next: Next::Rule(|_, draft, _| {
            Some(if triage::asks_decision(draft) {
                PageId::Decision
            } else if triage::asks_told_before(draft) {
                PageId::ToldBefore
            } else {
                PageId::When
            })
        }),
    },
    Page {
        id: PageId::Decision,
        question: Question::Plain(questions::decision),
        form: choice(FieldId::Decision, choice_answer!(decision), v::decision),
        next: Next::If {
            when: |d| triage::decision_with_route(d).is_some(),
            then: PageId::Outcome,
            otherwise: PageId::When,
        },
    },
    Page {
        id: PageId::ToldBefore,
        question: Question::Naming(questions::told_before),
        form: choice(
            FieldId::ToldBefore,
            choice_answer!(told_before),
            v::told_before,
        ),
        next: Next::If {
            when: |d| d.told_before == Some(YesNo::No),
            then: PageId::Outcome,
            otherwise: PageId::AfterReport,
        },
    },
    Page {
        id: PageId::AfterReport,
        question: Question::Plain(questions::after_report),
        form: choice(
            FieldId::AfterReport,
            choice_answer!(after_report),
            v::after_report,
        ),
        next: Next::If {
            when: |d| d.after_report == Some(AfterReport::SortedStraightAway),
            then: PageId::Outcome,
            otherwise: PageId::When,
        },
    },
    Page {
        id: PageId::When,
        question: Question::Plain(questions::when),
        form: Form::Own(OwnForm {
            fields: &[FieldId::IssueDate, FieldId::Ongoing],
            check: |c| {
                c.date(FieldId::IssueDate, &c.draft.issue_date, v::issue_date);
                c.need(c.draft.ongoing.is_none(), FieldId::Ongoing, v::ongoing);
            },
            answer: Some(|_, draft, today, language| {
                let typed = &draft.issue_date;
                let date = match typed.parse(today) {
                    Ok(date) => long_date(date, language),
                    Err(_) => {
                        format!(
                            "{} {} {}",
                            typed.day.trim(),
                            typed.month.trim(),
                            typed.year.trim()
                        )
                    }
                };
                let ongoing = draft.ongoing.map(|answer| {
                    format!("{} {}", when::ongoing(language), answer.label(language))
                });
                [Some(date), ongoing]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("\n")
            }),
        }),
        next: Next::Rule(|policy, draft, today| {
            Some(match triage::asks_late_reason(policy, draft, today) {
                true => PageId::LateReason,
                false => PageId::Responsibility,
            })
        }),
    },
    Page {
        id: PageId::LateReason,
        question: Question::Plain(questions::late_reason),
        form: Form::Text(TextQuestion {
            field: FieldId::LateReason,
            get: |d| &d.late_reason,
            set: |d| &mut d.late_reason,
            missing: Some(v::late_reason),
            // Where the limit bars only matters not raised before (Nottingham), having told
            // them before is the answer.
            hint: |policy, language| match &policy.time_limit {
                Some(limit) if limit.only_if_not_raised_before => {
                    hints::late_reason_raised(language)
                }
                _ => hints::late_reason(language),
            },
            max: LONG_TEXT_MAX,
        }),
        next: Next::To(PageId::Responsibility),
    },
    Page {
        id: PageId::Responsibility,
        question: Question::Plain(questions::responsibility),
        form: Form::Choice(ChoiceQuestion {
            // A councillor's conduct only where there are councillors: a council's policy.
            offered: |policy, id| {
                id != Responsibility::CouncillorConduct.id() || policy.has_councillors()
            },
            ..choice_question(
                FieldId::Responsibility,
                choice_answer!(responsibility),
                v::responsibility,
            )
        }),
        next: Next::To(PageId::Outcome),
    },
    Page {
        id: PageId::Outcome,
        question: Question::Plain(questions::outcome),
        form: own(
            &[FieldId::SendAnyway, FieldId::OverrideReason, FieldId::Route],
            Some(|c| {
                let offered = triage::assess(c.policy, c.draft, c.today).can_override();
                c.need(
                    offered && c.draft.send_anyway.is_none(),
                    FieldId::SendAnyway,
                    v::send_anyway,
                );
                if offered && c.draft.send_anyway == Some(YesNo::Yes) {
                    let reason = &c.draft.override_reason;
                    c.need(
                        reason.trim().is_empty(),
                        FieldId::OverrideReason,
                        v::override_reason,
                    );
                    c.limit(FieldId::OverrideReason, reason, LONG_TEXT_MAX);
                }
            }),
        ),
        // A matter that belongs elsewhere stops here, unless the resident sends it anyway; a
        // hazard report goes on.
        next: Next::Rule(|policy, draft, today| {
            triage::assess(policy, draft, today)
                .sends(draft)
                .then_some(PageId::Category)
        }),
    },
    Page {
        id: PageId::Category,
        question: Question::Plain(questions::category),
        form: choice(FieldId::Category, choice_answer!(category), v::category),
        next: Next::To(PageId::WhatWentWrong),
    },
    Page {
        id: PageId::WhatWentWrong,
        question: Question::Plain(questions::what_went_wrong),
        form: text(
            FieldId::Description,
            |d| &d.description,
            |d| &mut d.description,
            Some(v::description),
            |_, language| hints::what_went_wrong(language),
        ),
        next: Next::To(PageId::Photos),
    },
    Page {
        id: PageId::Photos,
        question: Question::Plain(questions::photos),
        form: Form::Own(OwnForm {
            fields: &[FieldId::Photos],
            check: |c| {
                let missing_alt = c.draft.photos.iter().any(|p| p.alt.trim().is_empty());
                c.need(missing_alt, FieldId::Photos, v::photo_alt);
            },
            answer: Some(|_, draft, _, _| {
                draft
                    .photos
                    .iter()
                    .map(|p| p.alt.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            }),
        }),
        next: Next::To(PageId::Where),
    },
    Page {
        id: PageId::Where,
        question: Question::Plain(questions::where_it_is),
        form: Form::Own(OwnForm {
            fields: &[FieldId::Place, FieldId::Address],
            check: |c| {
                c.need(c.draft.place.is_none(), FieldId::Place, v::place);
                if matches!(c.draft.place, Some(Place::Communal | Place::Elsewhere)) {
                    c.need(
                        c.draft.address.trim().is_empty(),
                        FieldId::Address,
                        v::address,
                    );
                }
                c.limit(FieldId::Address, &c.draft.address, SHORT_TEXT_MAX);
            },
            answer: Some(|_, draft, _, language| {
                [label(draft.place, language), draft.address.clone()]
                    .join("\n")
                    .trim()
                    .to_string()
            }),
        }),
        next: Next::To(PageId::DoneSoFar),
    },
    Page {
        id: PageId::DoneSoFar,
        question: Question::Plain(questions::done_so_far),
        form: text(
            FieldId::DoneSoFar,
            |d| &d.done_so_far,
            |d| &mut d.done_so_far,
            None,
            |_, language| hints::done_so_far(language),
        ),
        next: Next::To(PageId::Impact),
    },
    Page {
        id: PageId::Impact,
        question: Question::Plain(questions::impact),
        form: text(
            FieldId::Impact,
            |d| &d.impact,
            |d| &mut d.impact,
            Some(v::impact),
            |_, language| hints::impact(language),
        ),
        next: Next::To(PageId::OutcomeWanted),
    },
    Page {
        id: PageId::OutcomeWanted,
        question: Question::Plain(questions::outcome_wanted),
        form: text(
            FieldId::OutcomeWanted,
            |d| &d.outcome_wanted,
            |d| &mut d.outcome_wanted,
            Some(v::outcome_wanted),
            |_, language| hints::outcome_wanted(language),
        ),
        next: Next::Rule(after_details),
    },
    Page {
        id: PageId::Support,
        question: Question::Plain(questions::support),
        form: Form::Own(OwnForm {
            fields: &[FieldId::Adjustments, FieldId::AdjustmentsDetail],
            check: |c| {
                c.limit(
                    FieldId::AdjustmentsDetail,
                    &c.draft.adjustments_detail,
                    LONG_TEXT_MAX,
                )
            },
            answer: Some(|_, draft, _, language| {
                let mut chosen: Vec<&str> = draft
                    .adjustments
                    .iter()
                    .map(|a| a.label(language))
                    .collect();
                chosen.push(&draft.adjustments_detail);
                chosen.join("\n").trim().to_string()
            }),
        }),
        next: Next::To(PageId::Contact),
    },
    Page {
        id: PageId::Contact,
        question: Question::Plain(questions::contact),
        form: Form::Own(OwnForm {
            fields: CONTACT_FIELDS,
            check: |c| c.errors.extend(contact_errors(c.draft, c.language)),
            answer: Some(|_, draft, _, language| {
                lines(&[
                    &draft.name,
                    &label(draft.contact_method, language),
                    &draft.email,
                    &draft.phone,
                    &draft.postal_address,
                    &draft.postcode,
                ])
            }),
        }),
        next: Next::To(PageId::Check),
    },
    Page {
        id: PageId::Check,
        question: Question::Plain(questions::check),
        form: own(
            &[FieldId::Declaration, FieldId::SendFailure],
            Some(|c| c.need(!c.draft.declaration, FieldId::Declaration, v::declaration)),
        ),
        next: Next::End,
    },
    Page {
        id: PageId::Review,
        question: Question::Plain(questions::review),
        form: own(
            &[
                FieldId::ReviewReference,
                FieldId::ReviewDate,
                FieldId::ReviewReasons,
                FieldId::Name,
                FieldId::ContactMethod,
                FieldId::Email,
                FieldId::Phone,
                FieldId::PostalAddress,
                FieldId::Postcode,
                FieldId::SendFailure,
            ],
            Some(|c| {
                let reference = &c.draft.review_reference;
                c.need(
                    reference.trim().is_empty(),
                    FieldId::ReviewReference,
                    v::review_reference,
                );
                c.date(FieldId::ReviewDate, &c.draft.review_response_date, v::review_date);
                // Reasons are never required, whatever the policy asks: the Code (6.12) says
                // residents must not have to explain why they want a review.
                c.limit(
                    FieldId::ReviewReasons,
                    &c.draft.review_reasons,
                    LONG_TEXT_MAX,
                );
                c.errors.extend(contact_errors(c.draft, c.language));
            }),
        ),
        next: Next::End,
    },
];

const CONTACT_FIELDS: &[FieldId] = &[
    FieldId::Name,
    FieldId::ContactMethod,
    FieldId::Email,
    FieldId::Phone,
    FieldId::PostalAddress,
    FieldId::Postcode,
];

/// A question answered by choosing one of a set.
const fn choice(field: FieldId, answer: ChoiceAnswer, missing: Words) -> Form {
    Form::Choice(choice_question(field, answer, missing))
}

/// The question of `choice`, to change before it becomes a form.
const fn choice_question(field: FieldId, answer: ChoiceAnswer, missing: Words) -> ChoiceQuestion {
    ChoiceQuestion {
        field,
        answer,
        missing,
        hint: None,
        offered: every_choice,
    }
}

/// A question answered in writing, of at most `LONG_TEXT_MAX` characters.
const fn text(
    field: FieldId,
    get: fn(&Draft) -> &str,
    set: fn(&mut Draft) -> &mut String,
    missing: Option<Words>,
    hint: fn(&Policy, Language) -> &'static str,
) -> Form {
    Form::Text(TextQuestion {
        field,
        get,
        set,
        missing,
        hint,
        max: LONG_TEXT_MAX,
    })
}

/// A page with a view of its own and no row on the check-answers page.
const fn own(fields: &'static [FieldId], check: Option<fn(&mut Checks)>) -> Form {
    Form::Own(OwnForm {
        fields,
        check: match check {
            Some(check) => check,
            None => no_checks,
        },
        answer: None,
    })
}

fn no_checks(_: &mut Checks) {}

/// After the complaint's or feedback's details: support and contact, unless anonymous.
fn after_details(_: &Policy, draft: &Draft, _: NaiveDate) -> Option<PageId> {
    Some(match draft.complainant {
        Some(Who::Anonymous) => PageId::Check,
        _ => PageId::Support,
    })
}

fn label<T: Label>(choice: Option<T>, language: Language) -> String {
    choice
        .map(|c| c.label(language).to_string())
        .unwrap_or_default()
}

/// The answers given, one a line.
fn lines(answers: &[&str]) -> String {
    let given: Vec<&str> = answers
        .iter()
        .copied()
        .filter(|a| !a.trim().is_empty())
        .collect();
    given.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::page::Form;

    #[test]
    fn every_page_is_declared_once_in_order() {
        assert_eq!(PAGES.len(), PageId::ALL.len());
        for (declared, page) in PAGES.iter().zip(PageId::ALL) {
            assert_eq!(declared.id, page, "PAGES must follow PageId's order");
            assert_eq!(page.page().id, page);
        }
    }

    #[test]
    fn slugs_are_unique_and_round_trip() {
        for page in PageId::ALL {
            assert_eq!(PageId::from_slug(page.slug()), Some(page));
        }
        assert_eq!(PageId::from_slug("nowhere"), None);
    }

    #[test]
    fn field_ids_are_unique_and_every_field_is_on_a_page() {
        for (at, field) in FieldId::ALL.iter().enumerate() {
            assert!(
                !FieldId::ALL[..at].iter().any(|f| f.id() == field.id()),
                "{field:?}'s id is taken"
            );
            assert!(
                PAGES.iter().any(|p| p.fields().contains(field)),
                "{field:?} is on no page"
            );
            if let Some(pointer) = field.pointer() {
                assert_eq!(FieldId::at_pointer(pointer).map(|(_, f)| f), Some(*field));
            }
        }
    }

    #[test]
    fn the_answers_a_server_may_refuse_are_placed_on_their_pages() {
        assert_eq!(
            FieldId::at_pointer("/complainant/email"),
            Some((PageId::Contact, FieldId::Email))
        );
        assert_eq!(
            FieldId::at_pointer("/details/description"),
            Some((PageId::WhatWentWrong, FieldId::Description))
        );
        assert_eq!(FieldId::at_pointer("/details/nowhere"), None);
    }

    /// A page reports problems only on fields it shows: a problem elsewhere would be one the
    /// resident cannot see or fix there.
    #[test]
    fn every_problem_is_on_a_field_of_its_page() {
        let long = "x".repeat(LONG_TEXT_MAX + 1);
        let broken = Draft {
            complainant: Some(Who::SomeoneElse),
            kind: Some(FeedbackKind::Comment),
            place: Some(Place::Communal),
            address: long.clone(),
            send_anyway: Some(YesNo::Yes),
            issue_date: crate::domain::examples::date(31, 2, 2026),
            description: long.clone(),
            message: long.clone(),
            email: "not an email".into(),
            phone: "12".into(),
            postcode: "nowhere".into(),
            representative: crate::domain::draft::RepresentativeAnswers {
                email: "@".into(),
                phone: "0".into(),
                name: long.clone(),
                ..Default::default()
            },
            photos: vec![Default::default()],
            ..crate::domain::examples::complaint("x")
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        for id in Policy::builtin_ids() {
            let policy = Policy::builtin(id).unwrap();
            for draft in [Draft::new(id), broken.clone()] {
                for page in &PAGES {
                    for problem in page.check(&policy, &draft, today, Language::English) {
                        assert!(
                            page.fields().contains(&problem.field),
                            "{:?}: {problem:?}",
                            page.id
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn only_pages_that_ask_nothing_have_no_fields() {
        for page in &PAGES {
            let asks = !matches!(page.id, PageId::Start | PageId::Emergency);
            assert_eq!(!page.fields().is_empty(), asks, "{:?}", page.id);
            if let Form::Choice(question) = &page.form {
                assert!(!(question.answer.options)(Language::English).is_empty());
            }
        }
    }
}
