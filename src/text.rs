//! The words of the journey in one place: each page's question, and the label (and hint) of
//! every choice, shared by the question pages and the check-answers page. (A later issue moves
//! them into translation files.)

use crate::domain::draft::{
    Adjustment, AfterReport, Asb, Category, Complainant, ConsentBasis, ContactMethod, FeedbackKind,
    OtherProcess, Place, PriorComplaint, RepliesTo, Responsibility, Route, YesNo,
};
use crate::domain::journey::PageId;
use crate::domain::policy::Connection;

/// A page's question (its `<h1>`), with the landlord's name where it reads better.
pub fn question(page: PageId, landlord: &str, for_someone_else: bool) -> String {
    let your = if for_someone_else {
        "the resident\u{2019}s"
    } else {
        "your"
    };
    match page {
        PageId::Start => format!("Make a complaint to {landlord}"),
        PageId::Safety => "Is anyone in danger right now?".into(),
        PageId::Emergency => "Get help now".into(),
        PageId::Who => "Who is making this complaint?".into(),
        PageId::Representative => "Your details, as the person acting for the resident".into(),
        PageId::Connection => format!("What is {your} connection to {landlord}?"),
        PageId::Kind => "What would you like to do?".into(),
        PageId::Feedback => "What would you like to tell them?".into(),
        PageId::Asb => {
            "Is it about a neighbour\u{2019}s behaviour, or anti-social behaviour?".into()
        }
        PageId::ToldBefore => format!("Have you told {landlord} about this before?"),
        PageId::AfterReport => "What happened when you told them?".into(),
        PageId::OtherProcess => "Is any of these happening about this matter?".into(),
        PageId::PriorComplaint => "Have you complained about this before?".into(),
        PageId::When => "When did it happen, or when did you find out about it?".into(),
        PageId::LateReason => "Why could you not tell them sooner?".into(),
        PageId::Responsibility => "Is it about any of these?".into(),
        PageId::Outcome => "What happens next".into(),
        PageId::Category => "What is your complaint about?".into(),
        PageId::WhatWentWrong => "What went wrong?".into(),
        PageId::Photos => "Add photos (optional)".into(),
        PageId::Where => "Where is the problem?".into(),
        PageId::DoneSoFar => "What have you done about it so far?".into(),
        PageId::Impact => "How has this affected you and your household?".into(),
        PageId::OutcomeWanted => "What would you like to happen to put it right?".into(),
        PageId::Support => "Do you need any help to take part?".into(),
        PageId::Contact => "How should they contact you?".into(),
        PageId::Check => "Check your answers".into(),
        PageId::Review => "Ask for a review of your complaint".into(),
    }
}

/// How a choice reads to the resident.
pub trait Label: Copy {
    fn label(self) -> &'static str;
    fn hint(self) -> Option<&'static str> {
        None
    }
}

impl Label for YesNo {
    fn label(self) -> &'static str {
        match self {
            YesNo::Yes => "Yes",
            YesNo::No => "No",
        }
    }
}

impl Label for Complainant {
    fn label(self) -> &'static str {
        match self {
            Complainant::Myself => "I am complaining for myself",
            Complainant::SomeoneElse => "I am complaining for someone else",
            Complainant::Anonymous => "I do not want to give my name",
        }
    }
    fn hint(self) -> Option<&'static str> {
        match self {
            Complainant::SomeoneElse => Some("For example, a relative, a friend, a support worker, an adviser, a councillor or an MP."),
            Complainant::Anonymous => Some("They will look into it, but they will not be able to reply to you."),
            Complainant::Myself => None,
        }
    }
}

impl Label for ConsentBasis {
    fn label(self) -> &'static str {
        match self {
            ConsentBasis::Written => "They have given me their agreement in writing",
            ConsentBasis::ResidentPresent => "They are with me now and agree",
            ConsentBasis::LegalAuthority => "I have legal authority to act for them",
        }
    }
    fn hint(self) -> Option<&'static str> {
        match self {
            ConsentBasis::LegalAuthority => Some("For example, a lasting power of attorney."),
            _ => None,
        }
    }
}

impl Label for RepliesTo {
    fn label(self) -> &'static str {
        match self {
            RepliesTo::Resident => "The resident",
            RepliesTo::Representative => "Me",
            RepliesTo::Both => "Both of us",
        }
    }
}

impl Label for Connection {
    fn label(self) -> &'static str {
        match self {
            Connection::Tenant => "Tenant",
            Connection::Leaseholder => "Leaseholder",
            Connection::SharedOwner => "Shared owner",
            Connection::HousingApplicant => "Applying for housing",
            Connection::ServiceUser => "I use another of their services",
            Connection::MemberOfThePublic => "None of these: I am a member of the public",
        }
    }
}

impl Label for FeedbackKind {
    fn label(self) -> &'static str {
        match self {
            FeedbackKind::Complaint => "Tell them something has gone wrong",
            FeedbackKind::Compliment => "Say thank you",
            FeedbackKind::Comment => "Make a suggestion",
        }
    }
}

impl Label for Asb {
    fn label(self) -> &'static str {
        match self {
            Asb::No => "No",
            Asb::Behaviour => "Yes, it is about what a neighbour or someone else is doing",
            Asb::Handling => "Yes, it is about how my landlord dealt with my reports",
        }
    }
    fn hint(self) -> Option<&'static str> {
        match self {
            Asb::Behaviour => Some("For example, noise, threats, or damage."),
            Asb::Handling => {
                Some("For example, nobody replied, or they did not do what they said.")
            }
            Asb::No => None,
        }
    }
}

impl Label for AfterReport {
    fn label(self) -> &'static str {
        match self {
            AfterReport::NotFixed => "It was not put right",
            AfterReport::NoReply => "Nobody replied",
            AfterReport::MissedAppointment => "They missed an appointment",
            AfterReport::PoorWork => "The work was poor",
            AfterReport::Behaviour => "A member of staff or a contractor behaved badly",
            AfterReport::PolicyNotFollowed => "They did not do what their rules say",
            AfterReport::ReportHandling => "I am unhappy with how they dealt with it",
            AfterReport::SortedStraightAway => "They sorted it out straight away",
        }
    }
}

impl Label for OtherProcess {
    fn label(self) -> &'static str {
        match self {
            OtherProcess::LegalProceedings => "Court or legal action",
            OtherProcess::InsuranceClaim => "An insurance, injury or damage claim",
            OtherProcess::AppealRoute => "I can appeal or ask for a review in another way",
            OtherProcess::None => "None of these",
        }
    }
    fn hint(self) -> Option<&'static str> {
        match self {
            OtherProcess::AppealRoute => Some("For example, a review of a housing or homelessness decision, a service charge dispute, or who takes over a tenancy."),
            _ => None,
        }
    }
}

impl Label for PriorComplaint {
    fn label(self) -> &'static str {
        match self {
            PriorComplaint::No => "No",
            PriorComplaint::Answered => "Yes, and they have given me their final answer",
            PriorComplaint::WithOmbudsman => "Yes, and the Ombudsman is looking at it, or has",
        }
    }
}

impl Label for Responsibility {
    fn label(self) -> &'static str {
        match self {
            Responsibility::Landlord => "No, it is about my landlord\u{2019}s service",
            Responsibility::OtherBody => "Another council service or another organisation",
            Responsibility::CouncillorConduct => "How a councillor behaved",
            Responsibility::StaffGrievance => "I work for them and it is about my job",
            Responsibility::BusinessRelationship => "My business works with them",
            Responsibility::PolicyItself => "I disagree with one of their rules",
            Responsibility::InformationRequest => "I want information or an explanation",
        }
    }
}

impl Label for Route {
    fn label(self) -> &'static str {
        match self {
            Route::Concern => "Try to sort it out quickly first",
            Route::Complaint => "Make a formal complaint now",
        }
    }
}

impl Label for Category {
    fn label(self) -> &'static str {
        match self {
            Category::Repairs => "Repairs",
            Category::DampAndMould => "Damp and mould",
            Category::AsbHandling => "How they dealt with anti-social behaviour",
            Category::StaffOrContractor => "How staff or a contractor behaved",
            Category::Communication => "Not being kept informed",
            Category::RentAndCharges => "Rent and charges",
            Category::Neighbourhood => "The estate or neighbourhood",
            Category::Allocations => "Applying for or moving home",
            Category::Other => "Something else",
        }
    }
}

impl Label for Place {
    fn label(self) -> &'static str {
        match self {
            Place::Home => "In my home",
            Place::Communal => "In a shared area",
            Place::Elsewhere => "Somewhere else",
        }
    }
    fn hint(self) -> Option<&'static str> {
        match self {
            Place::Communal => Some("For example, a stairwell, a lift, a garden or a car park."),
            _ => None,
        }
    }
}

impl Label for Adjustment {
    fn label(self) -> &'static str {
        match self {
            Adjustment::LargePrint => "Large print",
            Adjustment::EasyRead => "Easy read",
            Adjustment::Interpreter => "Another language or an interpreter",
            Adjustment::Bsl => "British Sign Language (BSL)",
            Adjustment::Braille => "Braille",
            Adjustment::Audio => "Audio",
            Adjustment::SupportPerson => "Someone with me to support me",
            Adjustment::TimeOfDay => "Contact at a certain time of day",
            Adjustment::Other => "Something else",
        }
    }
}

impl Label for ContactMethod {
    fn label(self) -> &'static str {
        match self {
            ContactMethod::Email => "Email",
            ContactMethod::Phone => "Phone",
            ContactMethod::Post => "Letter",
        }
    }
}
