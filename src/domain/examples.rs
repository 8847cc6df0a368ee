//! Example answers for tests, here and in a backend that reuses the domain: one complete
//! complaint, which each test changes only where it matters to it.

use super::draft::{
    AfterReport, Asb, Category, ContactMethod, DateInput, Draft, FeedbackKind, HazardAnswer,
    Matter, OtherProcess, Place, PriorComplaint, Responsibility, Who, YesNo,
};
use super::policy::Connection;

/// A tenant's complaint for themselves about a repair reported before and still not fixed
/// (from 1 October 2026, now over), with every answer a complaint needs: under every built-in
/// profile it is a complaint, and its answers pass every page's checks.
pub fn complaint(policy_id: &str) -> Draft {
    Draft {
        danger: Some(YesNo::No),
        hazard: Some(HazardAnswer::None),
        complainant: Some(Who::Myself),
        connection: Some(Connection::Tenant),
        kind: Some(FeedbackKind::Complaint),
        asb: Some(Asb::No),
        prior_complaint: Some(PriorComplaint::No),
        other_process: Some(OtherProcess::None),
        matter: Some(Matter::Repair),
        told_before: Some(YesNo::Yes),
        after_report: Some(AfterReport::NotFixed),
        issue_date: date(1, 10, 2026),
        ongoing: Some(YesNo::No),
        responsibility: Some(Responsibility::Landlord),
        category: Some(Category::Repairs),
        description: "Leak 🚿 מים".into(),
        place: Some(Place::Home),
        impact: "Mould".into(),
        outcome_wanted: "Fix it".into(),
        name: "Zoë".into(),
        contact_method: Some(ContactMethod::Email),
        email: "zoe@example.org".into(),
        postcode: "ng23nj".into(),
        ..Draft::new(policy_id)
    }
}

/// A date as a resident types it.
pub fn date(day: u32, month: u32, year: i32) -> DateInput {
    DateInput {
        day: day.to_string(),
        month: month.to_string(),
        year: year.to_string(),
    }
}
