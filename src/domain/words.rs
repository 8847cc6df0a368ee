//! The label (and hint) of every choice, shared by the question pages and the check-answers
//! page. The texts are in `src/locales/<language>/labels.toml`; each page's question is in its
//! declaration (`pages.rs`).

use super::draft::{
    Adjustment, AfterReport, Asb, Category, Who, ConsentBasis, ContactMethod, FeedbackKind,
    Matter, OtherProcess, Place, PriorComplaint, RepliesTo, Responsibility, Route, YesNo,
};
use super::language::Language;
use super::policy::{Connection, Decision};
use super::translations::labels;

type Text = fn(Language) -> &'static str;

/// How a choice reads to the resident.
pub trait Label: Copy {
    fn label_text(self) -> Text;
    fn hint_text(self) -> Option<Text> {
        None
    }
    fn label(self, language: Language) -> &'static str {
        self.label_text()(language)
    }
    fn hint(self, language: Language) -> Option<&'static str> {
        self.hint_text().map(|hint| hint(language))
    }
}

impl Label for YesNo {
    fn label_text(self) -> Text {
        match self {
            YesNo::Yes => labels::yes,
            YesNo::No => labels::no,
        }
    }
}

impl Label for Who {
    fn label_text(self) -> Text {
        match self {
            Who::Myself => labels::myself,
            Who::SomeoneElse => labels::someone_else,
            Who::Anonymous => labels::anonymous,
        }
    }
    fn hint_text(self) -> Option<Text> {
        match self {
            Who::SomeoneElse => Some(labels::someone_else_hint),
            Who::Anonymous => Some(labels::anonymous_hint),
            Who::Myself => None,
        }
    }
}

impl Label for ConsentBasis {
    fn label_text(self) -> Text {
        match self {
            ConsentBasis::Written => labels::consent_written,
            ConsentBasis::ResidentPresent => labels::consent_present,
            ConsentBasis::LegalAuthority => labels::consent_legal,
        }
    }
    fn hint_text(self) -> Option<Text> {
        (self == ConsentBasis::LegalAuthority).then_some(labels::consent_legal_hint as Text)
    }
}

impl Label for RepliesTo {
    fn label_text(self) -> Text {
        match self {
            RepliesTo::Resident => labels::replies_resident,
            RepliesTo::Representative => labels::replies_me,
            RepliesTo::Both => labels::replies_both,
        }
    }
}

impl Label for Connection {
    fn label_text(self) -> Text {
        match self {
            Connection::Tenant => labels::tenant,
            Connection::Leaseholder => labels::leaseholder,
            Connection::SharedOwner => labels::shared_owner,
            Connection::HousingApplicant => labels::housing_applicant,
            Connection::ServiceUser => labels::service_user,
            Connection::MemberOfThePublic => labels::member_of_public,
        }
    }
}

impl Label for FeedbackKind {
    fn label_text(self) -> Text {
        match self {
            FeedbackKind::Complaint => labels::kind_complaint,
            FeedbackKind::Compliment => labels::kind_compliment,
            FeedbackKind::Comment => labels::kind_comment,
        }
    }
}

impl Label for Asb {
    fn label_text(self) -> Text {
        match self {
            Asb::No => labels::no,
            Asb::Behaviour => labels::asb_behaviour,
            Asb::Handling => labels::asb_handling,
        }
    }
    fn hint_text(self) -> Option<Text> {
        match self {
            Asb::Behaviour => Some(labels::asb_behaviour_hint),
            Asb::Handling => Some(labels::asb_handling_hint),
            Asb::No => None,
        }
    }
}

impl Label for AfterReport {
    fn label_text(self) -> Text {
        match self {
            AfterReport::NotFixed => labels::not_fixed,
            AfterReport::NoReply => labels::no_reply,
            AfterReport::MissedAppointment => labels::missed_appointment,
            AfterReport::PoorWork => labels::poor_work,
            AfterReport::Behaviour => labels::staff_behaviour,
            AfterReport::PolicyNotFollowed => labels::policy_not_followed,
            AfterReport::ReportHandling => labels::report_handling,
            AfterReport::SortedStraightAway => labels::sorted_straight_away,
        }
    }
}

impl Label for OtherProcess {
    fn label_text(self) -> Text {
        match self {
            OtherProcess::LegalProceedings => labels::legal_proceedings,
            OtherProcess::InsuranceClaim => labels::insurance_claim,
            OtherProcess::None => labels::none_of_these,
        }
    }
}

impl Label for Matter {
    fn label_text(self) -> Text {
        match self {
            Matter::Repair => labels::matter_repair,
            Matter::Conduct => labels::matter_conduct,
            Matter::Rules => labels::matter_rules,
            Matter::Decision => labels::matter_decision,
            Matter::Other => labels::matter_other,
        }
    }
    fn hint_text(self) -> Option<Text> {
        match self {
            Matter::Repair => Some(labels::matter_repair_hint),
            Matter::Conduct => Some(labels::matter_conduct_hint),
            Matter::Rules => Some(labels::matter_rules_hint),
            Matter::Decision => Some(labels::matter_decision_hint),
            Matter::Other => None,
        }
    }
}

impl Label for Decision {
    fn label_text(self) -> Text {
        match self {
            Decision::Housing => labels::decision_housing,
            Decision::ServiceCharge => labels::decision_service_charge,
            Decision::Tenancy => labels::decision_tenancy,
            Decision::Benefit => labels::decision_benefit,
            Decision::Other => labels::decision_other,
            Decision::NoRoute => labels::decision_no_route,
        }
    }
    fn hint_text(self) -> Option<Text> {
        match self {
            Decision::Tenancy => Some(labels::decision_tenancy_hint),
            Decision::Other => Some(labels::decision_other_hint),
            Decision::NoRoute => Some(labels::decision_no_route_hint),
            _ => None,
        }
    }
}

impl Label for PriorComplaint {
    fn label_text(self) -> Text {
        match self {
            PriorComplaint::No => labels::no,
            PriorComplaint::Answered => labels::prior_answered,
            PriorComplaint::WithOmbudsman => labels::prior_with_ombudsman,
        }
    }
}

impl Label for Responsibility {
    fn label_text(self) -> Text {
        match self {
            Responsibility::Landlord => labels::landlord_service,
            Responsibility::OtherBody => labels::other_body,
            Responsibility::CouncillorConduct => labels::councillor_conduct,
            Responsibility::StaffGrievance => labels::staff_grievance,
            Responsibility::BusinessRelationship => labels::business_relationship,
            Responsibility::PolicyItself => labels::policy_itself,
            Responsibility::InformationRequest => labels::information_request,
        }
    }
    // Nottingham: "Complaints about contractors ... are our responsibility ... Customers
    // should not be referred to the contractor partner".
    fn hint_text(self) -> Option<Text> {
        (self == Responsibility::OtherBody).then_some(labels::other_body_hint as Text)
    }
}

impl Label for Route {
    fn label_text(self) -> Text {
        match self {
            Route::Concern => labels::route_concern,
            Route::Complaint => labels::route_complaint,
        }
    }
}

impl Label for Category {
    fn label_text(self) -> Text {
        match self {
            Category::Repairs => labels::repairs,
            Category::DampAndMould => labels::damp_and_mould,
            Category::AsbHandling => labels::asb_category,
            Category::StaffOrContractor => labels::staff_or_contractor,
            Category::Communication => labels::communication,
            Category::RentAndCharges => labels::rent_and_charges,
            Category::Neighbourhood => labels::neighbourhood,
            Category::Allocations => labels::allocations,
            Category::Other => labels::something_else,
        }
    }
}

impl Label for Place {
    fn label_text(self) -> Text {
        match self {
            Place::Home => labels::in_my_home,
            Place::Communal => labels::shared_area,
            Place::Elsewhere => labels::somewhere_else,
        }
    }
    fn hint_text(self) -> Option<Text> {
        (self == Place::Communal).then_some(labels::shared_area_hint as Text)
    }
}

impl Label for Adjustment {
    fn label_text(self) -> Text {
        match self {
            Adjustment::LargePrint => labels::large_print,
            Adjustment::EasyRead => labels::easy_read,
            Adjustment::Interpreter => labels::interpreter,
            Adjustment::Bsl => labels::bsl,
            Adjustment::Braille => labels::braille,
            Adjustment::Audio => labels::audio,
            Adjustment::SupportPerson => labels::support_person,
            Adjustment::TimeOfDay => labels::time_of_day,
            Adjustment::Other => labels::something_else,
        }
    }
}

impl Label for ContactMethod {
    fn label_text(self) -> Text {
        match self {
            ContactMethod::Email => labels::email,
            ContactMethod::Phone => labels::phone,
            ContactMethod::Post => labels::letter,
        }
    }
}
