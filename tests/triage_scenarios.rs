//! Triage and eligibility against real matters: the case studies at the end of North
//! Warwickshire's policy (from the Housing Ombudsman's Code guidance), every exclusion of every
//! built-in profile, and every connection under every profile.

use chrono::NaiveDate;
use resident_complaints::domain::draft::{
    AfterReport, Asb, Who, ConsentBasis, Draft, Matter,
    OtherProcess, PriorComplaint, RepliesTo, Responsibility, YesNo,
};
use resident_complaints::domain::eligibility::{self, complainant_options};
use resident_complaints::domain::ombudsman::{HOUSING_OMBUDSMAN, LGSCO};
use resident_complaints::domain::policy::{
    Connection, Decision, Exclusion, ExclusionKind, Nation, OmbudsmanScheme, Policy,
};
use resident_complaints::domain::examples;
use resident_complaints::domain::translations::{self as t, Language};
use resident_complaints::domain::triage::{assess, route_for, Assessment, BuiltIn, Conclusion};

/// Monday 23 November 2026.
fn received() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
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
        issue_date: examples::date(2, 11, 2026),
        ..examples::complaint(&policy.id)
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
    assert_eq!(a.outcome, Conclusion::Complaint, "{what}");
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
            issue_date: examples::date(23, 11, 2026),
            ..tenant_complaint(&policy)
        };
        let a = assess(&policy, &draft, received());
        let what = format!("case A under {}", policy.id);
        assert_eq!(a.outcome, Conclusion::PutRightAlready, "{what}");
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
            issue_date: examples::date(23, 11, 2026),
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
            issue_date: examples::date(1, 9, 2026),
            ..tenant_complaint(&policy)
        };
        let a = assess(&policy, &draft, received());
        let what = format!("case B under {}", policy.id);
        assert_eq!(a.outcome, Conclusion::ServiceRequest, "{what}");
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
            issue_date: examples::date(1, 9, 2026),
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
                issue_date: examples::date(1, 9, 2026),
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
            issue_date: examples::date(20, 9, 2026),
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
            assert_eq!(a.outcome, Conclusion::AntiSocialBehaviour, "{what}");
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
            issue_date: examples::date(20, 9, 2026),
            ..tenant_complaint(&policy)
        };
        let a = assess(&policy, &draft, received());
        assert_complaint(
            &a,
            &policy,
            &format!("case C alternative under {}", policy.id),
        );
        // "as well as following up on the reports of ASB as per the ASB policy, the landlord
        // should also open a complaint case": the resident is told the ASB case carries on.
        assert!(a.asb_case_continues, "{}", policy.id);
        let no_reply = Draft {
            after_report: Some(AfterReport::NoReply),
            ..draft
        };
        assert_eq!(
            assess(&policy, &no_reply, received()).outcome,
            Conclusion::Complaint
        );
    }
}

// Every exclusion of every built-in profile.

/// Answers that trigger `exclusion`, starting from a plain complaint, and the outcome they lead
/// to.
fn trigger(exclusion: &Exclusion, draft: &mut Draft) -> Conclusion {
    match exclusion.kind {
        ExclusionKind::ServiceRequest => {
            draft.told_before = Some(YesNo::No);
            draft.after_report = None;
            Conclusion::ServiceRequest
        }
        ExclusionKind::InformationRequest => {
            draft.responsibility = Some(Responsibility::InformationRequest);
            Conclusion::Excluded
        }
        ExclusionKind::AntiSocialBehaviour => {
            draft.asb = Some(Asb::Behaviour);
            Conclusion::AntiSocialBehaviour
        }
        ExclusionKind::OwnAppealRoute => {
            draft.matter = Some(Matter::Decision);
            draft.decision = Some(exclusion.decision.unwrap_or(Decision::Other));
            Conclusion::OtherRoute
        }
        ExclusionKind::LegalProceedings => {
            draft.other_process = Some(OtherProcess::LegalProceedings);
            Conclusion::Excluded
        }
        ExclusionKind::InsuranceClaim => {
            draft.other_process = Some(OtherProcess::InsuranceClaim);
            Conclusion::Excluded
        }
        ExclusionKind::AlreadyConsidered => {
            draft.prior_complaint = Some(PriorComplaint::Answered);
            Conclusion::Ombudsman
        }
        ExclusionKind::WithOmbudsman => {
            draft.prior_complaint = Some(PriorComplaint::WithOmbudsman);
            Conclusion::Ombudsman
        }
        ExclusionKind::OutOfTime => {
            // Older than any built-in limit, raised for the first time, over, and no reason
            // given.
            draft.matter = Some(Matter::Conduct);
            draft.issue_date = examples::date(1, 1, 2020);
            Conclusion::Excluded
        }
        ExclusionKind::NotLandlordResponsibility => {
            draft.responsibility = Some(Responsibility::OtherBody);
            Conclusion::OtherRoute
        }
        ExclusionKind::CouncillorConduct => {
            draft.responsibility = Some(Responsibility::CouncillorConduct);
            Conclusion::OtherRoute
        }
        ExclusionKind::StaffGrievance => {
            draft.responsibility = Some(Responsibility::StaffGrievance);
            Conclusion::Excluded
        }
        ExclusionKind::PolicyDisagreement => {
            draft.responsibility = Some(Responsibility::PolicyItself);
            Conclusion::Excluded
        }
        ExclusionKind::BusinessRelationship => {
            draft.responsibility = Some(Responsibility::BusinessRelationship);
            Conclusion::Excluded
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
            let expected = trigger(exclusion, &mut draft);
            let a = assess(&policy, &draft, received());
            assert_eq!(a.outcome, expected, "{what}");
            assert_eq!(a.exclusion.as_ref(), Some(exclusion), "{what}");
            if a.built_in.is_some_and(BuiltIn::leads) {
                // A route the law sets: ours first, the landlord's own words beside.
                assert_eq!(a.landlord_words(), Some(exclusion), "{what}");
            } else {
                assert_eq!(a.summary(Language::English), exclusion.summary.english(), "{what}");
                assert_eq!(a.reason(Language::English), exclusion.explanation.english(), "{what}");
                assert_eq!(
                    a.signpost(Language::English).as_deref(),
                    Some(exclusion.signpost.english()),
                    "{what}"
                );
            }
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
    assert_eq!(checked, 50, "every exclusion of the eight built-in profiles");
}

#[test]
fn out_of_time_with_a_good_reason_stays_a_complaint() {
    for policy in all_policies() {
        let mut draft = tenant_complaint(&policy);
        draft.matter = Some(Matter::Conduct);
        draft.issue_date = examples::date(1, 1, 2020);
        draft.late_reason = "I reported it by phone every month but it was never logged".into();
        let a = assess(&policy, &draft, received());
        assert_eq!(a.outcome, Conclusion::Complaint, "{}", policy.id);
        let limited = policy.time_limit.is_some();
        assert_eq!(a.out_of_time, limited, "{}", policy.id);
        assert_eq!(a.late_reason_given, limited, "{}", policy.id);
    }
}

// Issue 14, item by item: each answer read against the seeds and the Code.

#[test]
fn item_1_a_failure_that_goes_on_today_is_in_time() {
    // The Code: a complaint "within twelve months of the issue occurring or the resident
    // becoming aware of the issue" must be accepted; a leak still not fixed is still occurring.
    for policy in all_policies() {
        // Reported eight months ago, still not fixed; damp for fourteen months, still there.
        for started in [examples::date(20, 3, 2026), examples::date(20, 9, 2025)] {
            let draft = Draft {
                issue_date: started,
                ongoing: Some(YesNo::Yes),
                ..tenant_complaint(&policy)
            };
            let a = assess(&policy, &draft, received());
            assert_complaint(&a, &policy, &format!("ongoing under {}", policy.id));
        }
    }
    // Town and Country, in its own words: "There are issues ongoing related to the complaint
    // e.g. ASB" is a good reason. Ended eight months ago, it is out of time there.
    let tc = Policy::builtin("town-and-country").unwrap();
    let ended = Draft {
        issue_date: examples::date(20, 3, 2026),
        ..tenant_complaint(&tc)
    };
    assert_eq!(assess(&tc, &ended, received()).exclusion.map(|e| e.id).as_deref(), Some("over-6-months"));
}

#[test]
fn item_2_nottingham_bars_an_issue_over_six_months_old_only_if_not_previously_raised() {
    // "an issue over six months old that has not previously been raised unless there are any
    // special circumstances in relation to this".
    let nottingham = Policy::builtin("nottingham").unwrap();
    let reported = Draft {
        issue_date: examples::date(20, 3, 2026),
        ..tenant_complaint(&nottingham)
    };
    assert_complaint(&assess(&nottingham, &reported, received()), &nottingham, "reported before");
    // Raised for the first time now: out of time, and the words say why.
    let first_time = Draft {
        matter: Some(Matter::Rules),
        ..reported
    };
    let a = assess(&nottingham, &first_time, received());
    assert_eq!(a.outcome, Conclusion::Excluded);
    assert!(a.reason(Language::English).contains("if you have not told us about it before"));
}

#[test]
fn item_3_a_councils_housing_matters_go_to_the_lgsco() {
    // Nottingham is a council: a housing applicant's Ombudsman is the Local Government and
    // Social Care Ombudsman; a tenant's is the Housing Ombudsman.
    let nottingham = Policy::builtin("nottingham").unwrap();
    let as_a = |connection| {
        let draft = Draft {
            connection: Some(connection),
            ..tenant_complaint(&nottingham)
        };
        eligibility::check(&nottingham, &draft, Language::English).ombudsman
    };
    assert_eq!(as_a(Connection::HousingApplicant), [LGSCO]);
    assert_eq!(as_a(Connection::Tenant), [HOUSING_OMBUDSMAN]);
    assert!(nottingham.ombudsman.lgsco_services.len() >= 3, "allocations, homelessness, advice");
    // A housing association never sends anyone to the LGSCO for its own services.
    for policy in all_policies() {
        if policy.ombudsman.scheme == OmbudsmanScheme::Housing {
            for connection in Connection::ALL.iter().copied() {
                let draft = Draft {
                    connection: Some(connection),
                    matter: Some(Matter::Decision),
                    decision: Some(Decision::Housing),
                    ..tenant_complaint(&policy)
                };
                let e = eligibility::check(&policy, &draft, Language::English);
                assert!(!e.ombudsman.contains(&LGSCO), "{} {connection:?}", policy.id);
            }
        }
    }
}

#[test]
fn item_4_each_kind_of_decision_gets_the_profiles_own_route() {
    let route = |id: &str, decision| {
        let policy = Policy::builtin(id).unwrap();
        route_for(&policy, decision).map(|e| e.id.clone())
    };
    // South Cambridgeshire: "a review of the allocations process" and "introductory tenancies",
    // and "where statutory procedures are in place" for the rest.
    assert_eq!(route("south-cambridgeshire", Decision::Housing).as_deref(), Some("allocations-review"));
    assert_eq!(route("south-cambridgeshire", Decision::Tenancy).as_deref(), Some("introductory-tenancy"));
    assert_eq!(route("south-cambridgeshire", Decision::ServiceCharge).as_deref(), Some("statutory-procedure"));
    // Nottingham: "review of suitability of emergency temporary accommodation" and "of
    // permanent accommodation following a homelessness application" can now be shown.
    assert_eq!(route("nottingham", Decision::Housing).as_deref(), Some("housing-review"));
    assert_eq!(route("nottingham", Decision::Other).as_deref(), Some("other-appeal"));
    // Greatwell and the Code list none: our plain general words.
    for id in ["greatwell", "hos-code-2024"] {
        let policy = Policy::builtin(id).unwrap();
        let draft = Draft {
            matter: Some(Matter::Decision),
            decision: Some(Decision::Tenancy),
            ..tenant_complaint(&policy)
        };
        let a = assess(&policy, &draft, received());
        assert_eq!(a.exclusion, None, "{id}");
        assert_eq!(a.summary(Language::English), t::triage::tenancy_decision_summary(Language::English));
    }
}

#[test]
fn item_5_who_may_complain_matches_each_seed() {
    let who = |id: &str| Policy::builtin(id).unwrap().eligibility.who_may_complain;
    use Connection::*;
    // Town and Country: "from anyone who receives a service from us or is affected by a Town
    // and Country Housing (Legacy Rosebery) decision or action".
    assert!(who("town-and-country").contains(&MemberOfThePublic));
    // Nottingham: "any person or group of people affected by an activity or service provided".
    assert!(who("nottingham").contains(&MemberOfThePublic));
    // Greatwell: "A tenant, leaseholder, shared owner of Greatwell Homes or an individual
    // receiving a service from us": applying for one of its homes is a service.
    assert_eq!(who("greatwell"), [Tenant, Leaseholder, SharedOwner, HousingApplicant, ServiceUser]);
    // North Warwickshire's housing landlord services: "affecting a resident or group of
    // residents"; the council's housing register has its own process (and the LGSCO).
    assert_eq!(who("north-warwickshire"), [Tenant, Leaseholder]);
    // The Code: anyone may complain.
    assert_eq!(who("hos-code-2024"), Connection::ALL);
    for policy in all_policies() {
        let public = Draft {
            connection: Some(MemberOfThePublic),
            ..tenant_complaint(&policy)
        };
        let e = eligibility::check(&policy, &public, Language::English);
        assert_eq!(e.explanation.is_some(), !who(&policy.id).contains(&MemberOfThePublic));
    }
}

#[test]
fn item_7_after_a_final_answer_the_resident_is_told_the_ombudsman_is_next() {
    // Town and Country excludes "matters already being dealt with or previously concluded by
    // the Housing Ombudsman service": not a final answer from the landlord.
    for policy in all_policies() {
        let draft = Draft {
            prior_complaint: Some(PriorComplaint::Answered),
            ..tenant_complaint(&policy)
        };
        let a = assess(&policy, &draft, received());
        assert_eq!(a.outcome, Conclusion::Ombudsman, "{}", policy.id);
        assert!(!a.summary(Language::English).contains("dealing with it"), "{}", policy.id);
        assert!(a.signpost(Language::English).unwrap().contains("Contact the Ombudsman"));
        let e = eligibility::check(&policy, &draft, Language::English);
        // In England the Housing Ombudsman; elsewhere the nation's own.
        let expected = match policy.ombudsman.scheme {
            OmbudsmanScheme::Psow | OmbudsmanScheme::Spso | OmbudsmanScheme::Nipso => {
                policy.ombudsman.scheme.details()
            }
            _ => &[HOUSING_OMBUDSMAN],
        };
        assert_eq!(e.ombudsman, expected, "{}: a tenant's Ombudsman", policy.id);
    }
}

#[test]
fn item_8_a_first_complaint_about_conduct_is_a_complaint() {
    // North Warwickshire: a complaint includes "the behaviour of staff or contractors"; Town
    // and Country: "the behavior of Town and Country Housing staff or contractors".
    for policy in all_policies() {
        let draft = Draft {
            matter: Some(Matter::Conduct),
            told_before: None,
            after_report: None,
            issue_date: examples::date(22, 11, 2026),
            ..tenant_complaint(&policy)
        };
        assert_complaint(&assess(&policy, &draft, received()), &policy, &policy.id);
    }
}

#[test]
fn item_9_routes_set_by_law_are_signposted_under_every_profile() {
    /// The words a route's reason must hold, and the answers that lead to it.
    type Case = (&'static str, fn(&mut Draft));
    let cases: [Case; 4] = [
        // Localism Act 2011: the council's Monitoring Officer (each nation's body below).
        ("Monitoring Officer", |d| d.responsibility = Some(Responsibility::CouncillorConduct)),
        // Landlord and Tenant Act 1985: the First-tier Tribunal decides service charges.
        ("First-tier Tribunal (Property Chamber)", |d| {
            d.matter = Some(Matter::Decision);
            d.decision = Some(Decision::ServiceCharge);
        }),
        // Housing Act 1996, s.202: a homelessness review, asked for within 21 days; s.166A:
        // an allocation decision's review.
        ("within 21 days", |d| {
            d.matter = Some(Matter::Decision);
            d.decision = Some(Decision::Housing);
        }),
        ("decision on your housing form", |d| {
            d.matter = Some(Matter::Decision);
            d.decision = Some(Decision::Housing);
        }),
    ];
    for (words, change) in cases {
        for policy in all_policies() {
            // The Monitoring Officer is England's: each nation's law sends a councillor's conduct
            // to its own body. The tribunal for a service charge is England's too: in Wales a
            // leaseholder's is the Leasehold Valuation Tribunal; in Scotland the words name no
            // tribunal but in the signpost, for a home owner whose landlord is its factor.
            let words = match (words, policy.nation()) {
                ("Monitoring Officer", Nation::Wales) => "Public Services Ombudsman for Wales",
                ("Monitoring Officer", Nation::Scotland) => "Ethical Standards Commissioner",
                ("Monitoring Officer", Nation::NorthernIreland) => "Northern Ireland Public Services Ombudsman",
                ("First-tier Tribunal (Property Chamber)", Nation::Wales) => "Leasehold Valuation Tribunal",
                ("First-tier Tribunal (Property Chamber)", Nation::Scotland | Nation::NorthernIreland) => {
                    "does not decide how much a charge should be"
                }
                (words, _) => words,
            };
            let mut draft = tenant_complaint(&policy);
            change(&mut draft);
            let a = assess(&policy, &draft, received());
            assert_eq!(a.outcome, Conclusion::OtherRoute, "{words} under {}", policy.id);
            assert!(a.built_in.is_some_and(BuiltIn::leads), "{words} under {}", policy.id);
            assert!(a.reason(Language::English).contains(words), "{words} under {}", policy.id);
            assert!(a.can_override(), "the right to send anyway");
        }
    }
    // The Housing Ombudsman cannot look at the level of rent or service charges.
    let code = Policy::default_policy();
    let mut draft = tenant_complaint(&code);
    draft.matter = Some(Matter::Decision);
    draft.decision = Some(Decision::ServiceCharge);
    assert!(assess(&code, &draft, received())
        .reason(Language::English)
        .contains("cannot look at how much rent or service charge is"));
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
                // Outside England everyone goes to the nation's one Ombudsman.
                (_, OmbudsmanScheme::Psow | OmbudsmanScheme::Spso | OmbudsmanScheme::Nipso) => {
                    scheme.details().iter().map(|o| o.website).collect()
                }
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
                &ConsentBasis::ALL
            };
            assert_eq!(e.consent_options, consent, "{what}");
            assert_eq!(
                e.consent_note.is_some(),
                reps.written_consent_required,
                "{what}"
            );
            let replies: &[RepliesTo] = if reps.replies_to_representative {
                &RepliesTo::ALL
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

    // Town and Country: anyone affected may use the process, but the Housing Ombudsman only
    // takes complaints from people with a landlord relationship (its policy, 14.2).
    let tc = get("town-and-country");
    let public = as_a(&tc, Connection::MemberOfThePublic);
    assert_eq!(public.may_complain, Some(true));
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

    // Anonymous only where the policy accepts it (South Cambridgeshire, and the SPSO's model:
    // "we treat all complaints, including anonymous complaints, seriously").
    for policy in all_policies() {
        let options = complainant_options(&policy);
        assert_eq!(
            options.contains(&Who::Anonymous),
            ["south-cambridgeshire", "spso-mchp"].contains(&policy.id.as_str()),
            "{}",
            policy.id
        );
        assert!(options.contains(&Who::Myself));
        assert!(options.contains(&Who::SomeoneElse));
    }
}
