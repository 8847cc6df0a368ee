//! Triage and eligibility against real matters: the case studies at the end of North
//! Warwickshire's policy (from the Housing Ombudsman's Code guidance), every exclusion of every
//! built-in profile, and every connection under every profile.

use chrono::NaiveDate;
use resident_complaints::domain::draft::{
    AfterReport, Asb, Choice, Complainant, ConsentBasis, DateInput, Draft, FeedbackKind,
    OtherProcess, PriorComplaint, RepliesTo, Responsibility, YesNo,
};
use resident_complaints::domain::eligibility::{self, complainant_options};
use resident_complaints::domain::ombudsman::{HOUSING_OMBUDSMAN, LGSCO};
use resident_complaints::domain::policy::{Connection, ExclusionKind, OmbudsmanScheme, Policy};
use resident_complaints::domain::translations::{self as t, Language};
use resident_complaints::domain::triage::{assess, Assessment, Outcome};

/// Monday 23 November 2026.
fn received() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn typed(day: u32, month: u32, year: i32) -> DateInput {
    DateInput {
        day: day.to_string(),
        month: month.to_string(),
        year: year.to_string(),
    }
}

fn all_policies() -> Vec<Policy> {
    Policy::builtin_ids()
        .iter()
        .map(|id| Policy::builtin(id).unwrap())
        .collect()
}

/// A tenant complaining about something that went wrong: every triage answer given, none of
/// them pointing anywhere but a complaint.
fn tenant_complaint(policy: &Policy) -> Draft {
    Draft {
        complainant: Some(Complainant::Myself),
        connection: Some(Connection::Tenant),
        kind: Some(FeedbackKind::Complaint),
        told_before: Some(YesNo::Yes),
        after_report: Some(AfterReport::NotFixed),
        asb: Some(Asb::No),
        other_process: Some(OtherProcess::None),
        prior_complaint: Some(PriorComplaint::No),
        responsibility: Some(Responsibility::Landlord),
        issue_date: typed(2, 11, 2026),
        ..Draft::new(&policy.id)
    }
}

/// The profile's first exclusion of `kind`, if it lists one.
fn first_of(
    policy: &Policy,
    kind: ExclusionKind,
) -> Option<&resident_complaints::domain::policy::Exclusion> {
    policy.exclusions.iter().find(|e| e.kind == kind)
}

/// The reason and signpost shown for a route that applies under every policy: the profile's
/// words where it has an exclusion of that kind, else the built-in ones.
fn assert_texts(
    a: &Assessment,
    policy: &Policy,
    kind: Option<ExclusionKind>,
    reason: &str,
    signpost: &str,
    what: &str,
) {
    match kind.and_then(|k| first_of(policy, k)) {
        Some(exclusion) => {
            assert_eq!(a.exclusion.as_ref(), Some(exclusion), "{what}");
            assert_eq!(a.reason(Language::English), exclusion.explanation.english(), "{what}");
            assert_eq!(
                a.signpost(Language::English).as_deref(),
                Some(exclusion.signpost.english()),
                "{what}"
            );
        }
        None => {
            assert_eq!(a.exclusion, None, "{what}");
            assert_eq!(a.reason(Language::English), reason, "{what}");
            assert_eq!(a.signpost(Language::English).as_deref(), Some(signpost), "{what}");
        }
    }
    assert!(a.can_override(), "{what}");
    assert_eq!(a.concern_offered, None, "{what}");
}

fn assert_complaint(a: &Assessment, policy: &Policy, what: &str) {
    assert_eq!(a.outcome, Outcome::Complaint, "{what}");
    assert_eq!(a.exclusion, None, "{what}");
    assert_eq!(a.signpost(Language::English), None, "{what}");
    assert_eq!(a.reason(Language::English), t::triage::complaint_reason(Language::English), "{what}");
    assert_eq!(
        a.concern_offered,
        policy.stages.concern.as_ref().map(|c| c.name.clone()),
        "{what}: the quick route is offered where there is one"
    );
    assert!(!a.out_of_time, "{what}");
}

// Case study A: the contractor did not arrive.

#[test]
fn case_a_sorted_there_and_then_is_not_a_complaint() {
    // Ms B is offered a new appointment and is happy with the explanation.
    for policy in all_policies() {
        let draft = Draft {
            after_report: Some(AfterReport::SortedStraightAway),
            issue_date: typed(23, 11, 2026),
            ..tenant_complaint(&policy)
        };
        let a = assess(&policy, &draft, received());
        let what = format!("case A under {}", policy.id);
        assert_eq!(a.outcome, Outcome::PutRightAlready, "{what}");
        assert_texts(
            &a,
            &policy,
            None,
            t::triage::put_right_reason(Language::English),
            t::triage::put_right_signpost(Language::English),
            &what,
        );
        // She can still send it if she wants the landlord to look into it.
        let mut anyway = draft.clone();
        anyway.send_anyway = Some(YesNo::Yes);
        anyway.override_reason = "I want to know why nobody told me they were late".into();
        assert!(!a.sends_as_complaint(&draft));
        assert!(a.sends_as_complaint(&anyway));
    }
}

#[test]
fn case_a_alternative_unexplained_missed_appointment_is_a_complaint() {
    // No appointment on the system and no explanation: a complaint.
    for policy in all_policies() {
        let draft = Draft {
            after_report: Some(AfterReport::MissedAppointment),
            issue_date: typed(23, 11, 2026),
            ..tenant_complaint(&policy)
        };
        let a = assess(&policy, &draft, received());
        assert_complaint(
            &a,
            &policy,
            &format!("case A alternative under {}", policy.id),
        );
        assert!(a.sends_as_complaint(&draft));
    }
}

// Case study B: a leaking radiator.

#[test]
fn case_b_first_report_is_a_service_request() {
    // Leaking for a few months, but Mr D has never told the landlord.
    for policy in all_policies() {
        let draft = Draft {
            told_before: Some(YesNo::No),
            after_report: None,
            issue_date: typed(1, 9, 2026),
            ..tenant_complaint(&policy)
        };
        let a = assess(&policy, &draft, received());
        let what = format!("case B under {}", policy.id);
        assert_eq!(a.outcome, Outcome::ServiceRequest, "{what}");
        assert_texts(
            &a,
            &policy,
            Some(ExclusionKind::ServiceRequest),
            t::triage::service_request_reason(Language::English),
            t::triage::service_request_signpost(Language::English),
            &what,
        );
    }
}

#[test]
fn case_b_alternative_a_reported_but_never_followed_up_is_a_complaint() {
    for policy in all_policies() {
        let draft = Draft {
            after_report: Some(AfterReport::NoReply),
            issue_date: typed(1, 9, 2026),
            ..tenant_complaint(&policy)
        };
        let a = assess(&policy, &draft, received());
        assert_complaint(
            &a,
            &policy,
            &format!("case B alternative A under {}", policy.id),
        );
    }
}

#[test]
fn case_b_alternative_b_temporary_repairs_going_round_in_circles_is_a_complaint() {
    for policy in all_policies() {
        for after in [AfterReport::NotFixed, AfterReport::PoorWork] {
            let draft = Draft {
                after_report: Some(after),
                issue_date: typed(1, 9, 2026),
                ..tenant_complaint(&policy)
            };
            let a = assess(&policy, &draft, received());
            assert_complaint(
                &a,
                &policy,
                &format!("case B alternative B ({after:?}) under {}", policy.id),
            );
        }
    }
}

// Case study C: a neighbour's loud music.

#[test]
fn case_c_the_neighbours_behaviour_goes_to_the_asb_procedure() {
    for policy in all_policies() {
        // The first call, and the call two months later while the landlord is dealing with it.
        let first = Draft {
            asb: Some(Asb::Behaviour),
            told_before: Some(YesNo::No),
            after_report: None,
            issue_date: typed(20, 9, 2026),
            ..tenant_complaint(&policy)
        };
        let again = Draft {
            told_before: Some(YesNo::Yes),
            after_report: Some(AfterReport::NotFixed),
            ..first.clone()
        };
        for (when, draft) in [("first call", first), ("two months on", again)] {
            let a = assess(&policy, &draft, received());
            let what = format!("case C {when} under {}", policy.id);
            assert_eq!(a.outcome, Outcome::AntiSocialBehaviour, "{what}");
            assert_texts(
                &a,
                &policy,
                Some(ExclusionKind::AntiSocialBehaviour),
                t::triage::asb_reason(Language::English),
                t::triage::asb_signpost(Language::English),
                &what,
            );
        }
    }
}

#[test]
fn case_c_alternative_how_reports_were_handled_is_a_complaint() {
    // Nothing heard since the first report: the handling is a complaint, under every policy.
    for policy in all_policies() {
        let draft = Draft {
            asb: Some(Asb::Handling),
            after_report: Some(AfterReport::ReportHandling),
            issue_date: typed(20, 9, 2026),
            ..tenant_complaint(&policy)
        };
        let a = assess(&policy, &draft, received());
        assert_complaint(
            &a,
            &policy,
            &format!("case C alternative under {}", policy.id),
        );
        let no_reply = Draft {
            after_report: Some(AfterReport::NoReply),
            ..draft
        };
        assert_eq!(
            assess(&policy, &no_reply, received()).outcome,
            Outcome::Complaint
        );
    }
}

// Every exclusion of every built-in profile.

/// Answers that trigger an exclusion of `kind`, starting from a plain complaint, and the
/// outcome they lead to.
fn trigger(kind: ExclusionKind, draft: &mut Draft) -> Outcome {
    match kind {
        ExclusionKind::ServiceRequest => {
            draft.told_before = Some(YesNo::No);
            draft.after_report = None;
            Outcome::ServiceRequest
        }
        ExclusionKind::InformationRequest => {
            draft.responsibility = Some(Responsibility::InformationRequest);
            Outcome::Excluded
        }
        ExclusionKind::AntiSocialBehaviour => {
            draft.asb = Some(Asb::Behaviour);
            Outcome::AntiSocialBehaviour
        }
        ExclusionKind::OwnAppealRoute => {
            draft.other_process = Some(OtherProcess::AppealRoute);
            Outcome::OtherRoute
        }
        ExclusionKind::LegalProceedings => {
            draft.other_process = Some(OtherProcess::LegalProceedings);
            Outcome::Excluded
        }
        ExclusionKind::InsuranceClaim => {
            draft.other_process = Some(OtherProcess::InsuranceClaim);
            Outcome::Excluded
        }
        ExclusionKind::AlreadyConsidered => {
            draft.prior_complaint = Some(PriorComplaint::Answered);
            Outcome::Excluded
        }
        ExclusionKind::OutOfTime => {
            // Older than any built-in limit, with no reason given.
            draft.issue_date = typed(1, 1, 2020);
            Outcome::Excluded
        }
        ExclusionKind::NotLandlordResponsibility => {
            draft.responsibility = Some(Responsibility::OtherBody);
            Outcome::OtherRoute
        }
        ExclusionKind::CouncillorConduct => {
            draft.responsibility = Some(Responsibility::CouncillorConduct);
            Outcome::Excluded
        }
        ExclusionKind::StaffGrievance => {
            draft.responsibility = Some(Responsibility::StaffGrievance);
            Outcome::Excluded
        }
        ExclusionKind::PolicyDisagreement => {
            draft.responsibility = Some(Responsibility::PolicyItself);
            Outcome::Excluded
        }
        ExclusionKind::BusinessRelationship => {
            draft.responsibility = Some(Responsibility::BusinessRelationship);
            Outcome::Excluded
        }
    }
}

#[test]
fn every_exclusion_of_every_profile_can_be_reached() {
    let mut checked = 0;
    for policy in all_policies() {
        for exclusion in &policy.exclusions {
            let what = format!("{} / {}", policy.id, exclusion.id);
            let mut draft = tenant_complaint(&policy);
            let expected = trigger(exclusion.kind, &mut draft);
            let a = assess(&policy, &draft, received());
            let first = first_of(&policy, exclusion.kind).unwrap();
            assert_eq!(a.outcome, expected, "{what}");
            assert_eq!(a.exclusion.as_ref(), Some(first), "{what}");
            assert_eq!(a.summary(Language::English), first.summary.english(), "{what}");
            assert_eq!(a.reason(Language::English), first.explanation.english(), "{what}");
            assert_eq!(
                a.signpost(Language::English).as_deref(),
                Some(first.signpost.english()),
                "{what}"
            );
            assert_eq!(a.concern_offered, None, "{what}");
            assert!(a.can_override(), "{what}");

            // The landlord decides, not the form: it can always be sent, with a reason.
            assert!(!a.sends_as_complaint(&draft), "{what}");
            draft.send_anyway = Some(YesNo::Yes);
            assert!(!a.sends_as_complaint(&draft), "{what}: a reason is needed");
            draft.override_reason = "I think this is a complaint because nobody helped".into();
            assert!(a.sends_as_complaint(&draft), "{what}");
            checked += 1;
        }
    }
    assert_eq!(checked, 38, "every exclusion of the six built-in profiles");
}

#[test]
fn already_considered_with_the_ombudsman_too() {
    for policy in all_policies() {
        let mut draft = tenant_complaint(&policy);
        draft.prior_complaint = Some(PriorComplaint::WithOmbudsman);
        let a = assess(&policy, &draft, received());
        match first_of(&policy, ExclusionKind::AlreadyConsidered) {
            Some(exclusion) => {
                assert_eq!(a.outcome, Outcome::Excluded, "{}", policy.id);
                assert_eq!(a.exclusion.as_ref(), Some(exclusion));
            }
            None => assert_eq!(a.outcome, Outcome::Complaint, "{}", policy.id),
        }
    }
}

#[test]
fn out_of_time_with_a_good_reason_stays_a_complaint() {
    for policy in all_policies() {
        let mut draft = tenant_complaint(&policy);
        draft.issue_date = typed(1, 1, 2020);
        draft.late_reason = "I reported it by phone every month but it was never logged".into();
        let a = assess(&policy, &draft, received());
        assert_eq!(a.outcome, Outcome::Complaint, "{}", policy.id);
        let limited = policy.time_limit.is_some();
        assert_eq!(a.out_of_time, limited, "{}", policy.id);
        assert_eq!(a.late_reason_given, limited, "{}", policy.id);
    }
}

// Eligibility for every connection under every profile.

#[test]
fn eligibility_for_every_connection_under_every_profile() {
    for policy in all_policies() {
        let scheme = policy.ombudsman.scheme;
        for connection in Connection::ALL.iter().copied() {
            let what = format!("{} / {connection:?}", policy.id);
            let draft = Draft {
                connection: Some(connection),
                ..Draft::new(&policy.id)
            };
            let e = eligibility::check(&policy, &draft, Language::English);
            let listed = policy.eligibility.who_may_complain.contains(&connection);
            assert_eq!(e.may_complain, Some(listed), "{what}");
            match &e.explanation {
                None => assert!(listed, "{what}"),
                Some(text) => {
                    assert!(!listed, "{what}");
                    assert!(text.contains(policy.landlord.name.english()), "{what}");
                    assert!(text.contains("You can still send"), "{what}");
                }
            }

            let names: Vec<_> = e.ombudsman.iter().map(|o| o.website).collect();
            let expected: Vec<&str> = match (connection, scheme) {
                (Connection::MemberOfThePublic, _) => vec![],
                (Connection::HousingApplicant, OmbudsmanScheme::Both) => vec![LGSCO.website],
                (Connection::ServiceUser, OmbudsmanScheme::Both) => {
                    vec![HOUSING_OMBUDSMAN.website, LGSCO.website]
                }
                (_, OmbudsmanScheme::Lgsco) => vec![LGSCO.website],
                _ => vec![HOUSING_OMBUDSMAN.website],
            };
            assert_eq!(names, expected, "{what}");
            assert_eq!(e.ombudsman_note.is_some(), expected.is_empty(), "{what}");

            let reps = &policy.eligibility.representatives;
            assert_eq!(e.representatives_allowed, reps.allowed, "{what}");
            assert_eq!(e.anonymous_allowed, policy.eligibility.anonymous_accepted);
            let consent: &[ConsentBasis] = if reps.written_consent_required {
                &[ConsentBasis::Written, ConsentBasis::LegalAuthority]
            } else {
                ConsentBasis::ALL
            };
            assert_eq!(e.consent_options, consent, "{what}");
            assert_eq!(
                e.consent_note.is_some(),
                reps.written_consent_required,
                "{what}"
            );
            let replies: &[RepliesTo] = if reps.replies_to_representative {
                RepliesTo::ALL
            } else {
                &[RepliesTo::Resident]
            };
            assert_eq!(e.replies_options, replies, "{what}");
        }
    }
}

#[test]
fn eligibility_in_the_profiles_own_terms() {
    let get = |id: &str| Policy::builtin(id).unwrap();
    let as_a = |policy: &Policy, connection| {
        eligibility::check(
            policy,
            &Draft {
                connection: Some(connection),
                ..Draft::new(&policy.id)
            }, Language::English)
    };

    // Town and Country: the public may not use the process, and the Housing Ombudsman only
    // takes complaints from people with a landlord relationship (its policy, 14.2).
    let tc = get("town-and-country");
    let public = as_a(&tc, Connection::MemberOfThePublic);
    assert_eq!(public.may_complain, Some(false));
    assert!(public.ombudsman.is_empty());
    assert!(public.ombudsman_note.is_some());
    assert_eq!(as_a(&tc, Connection::Tenant).ombudsman, [HOUSING_OMBUDSMAN]);
    assert_eq!(
        as_a(&tc, Connection::HousingApplicant).ombudsman,
        [HOUSING_OMBUDSMAN]
    );

    // Nottingham needs written consent: "the resident is here and agrees" is not offered.
    let nottingham = get("nottingham");
    let rep = as_a(&nottingham, Connection::Tenant);
    assert_eq!(
        rep.consent_options,
        [ConsentBasis::Written, ConsentBasis::LegalAuthority]
    );
    assert!(rep.consent_note.is_some());

    // North Warwickshire: the council's housing register goes to the LGSCO.
    let nw = get("north-warwickshire");
    assert_eq!(as_a(&nw, Connection::Tenant).ombudsman, [HOUSING_OMBUDSMAN]);
    let applicant = as_a(&nw, Connection::HousingApplicant);
    assert_eq!(applicant.may_complain, Some(false));
    assert_eq!(applicant.ombudsman, [LGSCO]);

    // Anonymous only where the policy accepts it (South Cambridgeshire).
    for policy in all_policies() {
        let options = complainant_options(&policy);
        assert_eq!(
            options.contains(&Complainant::Anonymous),
            policy.id == "south-cambridgeshire",
            "{}",
            policy.id
        );
        assert!(options.contains(&Complainant::Myself));
        assert!(options.contains(&Complainant::SomeoneElse));
    }
}
