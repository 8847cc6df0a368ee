//! The policy check against each nation's standard: the statutory Complaint Handling Code in
//! England, the Welsh Ombudsman's model policy in Wales, the SPSO's MCHP in Scotland. Every
//! built-in profile (the findings worked out by hand from its JSON), hand-made profiles that
//! break or better each rule one at a time, properties of the check, and the tables in
//! docs/policy-check.md kept up to date.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use resident_complaints::domain::calendar::{add_working_days, Region};
use resident_complaints::domain::local_text::LocalText;
use resident_complaints::domain::policy::{
    Anchor, Clock, ConcernStage, Counting, Nation, Ombudsman, OmbudsmanScheme, Policy, TimeLimit,
};
use resident_complaints::domain::policy_check::{
    check, markdown_table, markdown_tables, standard, working_days_at_most, Finding, Rule,
    Standard, Verdict,
};

use Rule::*;
use Verdict::{FallsShort as Short, Meets, MoreGenerous as More};

fn verdicts(policy: &Policy) -> HashMap<Rule, Verdict> {
    check(policy)
        .into_iter()
        .map(|f| (f.rule, f.verdict))
        .collect()
}

fn finding(policy: &Policy, rule: Rule) -> Finding {
    check(policy)
        .into_iter()
        .find(|f| f.rule == rule)
        .expect("every rule has a finding")
}

/// Asserts the verdict on every rule of the profile's standard: those listed, and `Meets` for
/// the rest.
fn assert_verdicts(policy: &Policy, expected: &[(Rule, Verdict)]) {
    let found = verdicts(policy);
    let rules = standard(policy).expect("a standard").rules();
    assert_eq!(found.len(), rules.len(), "{}: one finding per rule", policy.id);
    for &rule in rules {
        let want = expected
            .iter()
            .find(|(r, _)| *r == rule)
            .map_or(Meets, |(_, v)| *v);
        assert_eq!(
            found[&rule],
            want,
            "{}: {}: {}",
            policy.id,
            rule.id(),
            finding(policy, rule).detail
        );
    }
}

fn builtin(id: &str) -> Policy {
    Policy::builtin(id).unwrap()
}

fn working(days: u32, from: Anchor) -> Clock {
    Clock {
        days,
        from,
        counting: Counting::WorkingDays,
    }
}

fn calendar(days: u32, from: Anchor) -> Clock {
    Clock {
        days,
        from,
        counting: Counting::CalendarDays,
    }
}

/// The Code itself, changed by `change`.
fn code_with(change: impl FnOnce(&mut Policy)) -> Policy {
    let mut policy = Policy::default_policy();
    change(&mut policy);
    policy
}

fn stage2(policy: &mut Policy) -> &mut resident_complaints::domain::policy::Stage2 {
    policy.stages.stage2.as_mut().unwrap()
}

// The built-in profiles, worked out by hand from public/policies/*.json.

#[test]
fn the_code_meets_every_rule() {
    assert_verdicts(&Policy::default_policy(), &[]);
}

#[test]
fn nottingham() {
    // No acknowledgement at either stage, stage 1 reply 10 working days from receipt,
    // reasons required for stage 2, a 6-month limit.
    let policy = builtin("nottingham");
    assert_verdicts(
        &policy,
        &[
            (Stage1Acknowledge, Short),
            (Stage1Reply, More),
            (Stage2Acknowledge, Short),
            (NoReasonsToEscalate, Short),
            (TimeLimit, Short),
        ],
    );
    assert_eq!(finding(&policy, TimeLimit).profile_says, "6 months");
    assert_eq!(finding(&policy, Stage1Acknowledge).profile_says, "none");
}

#[test]
fn greatwell() {
    // Acknowledge in 3 working days, reply 10 from logging, stage 2 reply 20 from the request
    // with 10 days' extension and no acknowledgement time, reasons required, no time limit,
    // a "Customer concern" quick route.
    let policy = builtin("greatwell");
    assert_verdicts(
        &policy,
        &[
            (Stage1Acknowledge, More),
            (Stage2Acknowledge, Short),
            (Stage2Reply, More),
            (Stage2Extension, More),
            (NoReasonsToEscalate, Short),
            (TimeLimit, More),
        ],
    );
    assert!(finding(&policy, Stage1Reply)
        .detail
        .contains("logging is taken as acknowledgement"));
    assert!(finding(&policy, TwoStages)
        .detail
        .contains("Customer concern"));
}

#[test]
fn north_warwickshire() {
    // Stage 1 reply 10 from receipt; no stage 2 acknowledgement; stage 2 reply 20 from the
    // request, extension 10; no time limit; both Ombudsmen.
    let policy = builtin("north-warwickshire");
    assert_verdicts(
        &policy,
        &[
            (Stage1Reply, More),
            (Stage2Acknowledge, Short),
            (Stage2Reply, More),
            (Stage2Extension, More),
            (TimeLimit, More),
        ],
    );
    assert!(finding(&policy, OmbudsmanSignposting)
        .detail
        .contains("Homelessness"));
}

#[test]
fn south_cambridgeshire() {
    // Acknowledge in 3 working days at both stages, no extensions, the designated person.
    let policy = builtin("south-cambridgeshire");
    assert_verdicts(
        &policy,
        &[
            (Stage1Acknowledge, More),
            (Stage1Extension, More),
            (Stage2Acknowledge, More),
            (Stage2Extension, More),
            (NoDesignatedPerson, Short),
        ],
    );
}

#[test]
fn town_and_country() {
    // Acknowledge in 2 working days at both stages, stage 2 reply 10 from acknowledgement and
    // no stage 2 extension, reasons required, a 6-month limit, a quick-resolution route.
    let policy = builtin("town-and-country");
    assert_verdicts(
        &policy,
        &[
            (Stage1Acknowledge, More),
            (Stage2Acknowledge, More),
            (Stage2Reply, More),
            (Stage2Extension, More),
            (NoReasonsToEscalate, Short),
            (TimeLimit, Short),
        ],
    );
}

// Hand-made profiles: the Code with one thing changed.

#[test]
fn one_stage_falls_short_on_everything_about_stage_2() {
    let policy = code_with(|p| p.stages.stage2 = None);
    assert_verdicts(
        &policy,
        &[
            (TwoStages, Short),
            (Stage2Acknowledge, Short),
            (Stage2Reply, Short),
            (Stage2Extension, Short),
            (NoReasonsToEscalate, Short),
        ],
    );
    assert_eq!(finding(&policy, TwoStages).profile_says, "1 stage");
}

#[test]
fn a_quick_route_is_not_a_third_stage() {
    let policy = code_with(|p| {
        p.stages.concern = Some(ConcernStage {
            name: "Quick fix".into(),
            resolve: working(3, Anchor::Receipt),
        })
    });
    assert_verdicts(&policy, &[]);
}

#[test]
fn stage1_acknowledgement() {
    let none = code_with(|p| p.stages.stage1.acknowledge = None);
    assert_verdicts(&none, &[(Stage1Acknowledge, Short)]);
    assert!(finding(&none, Stage1Acknowledge).detail.contains("no time"));

    let six = code_with(|p| p.stages.stage1.acknowledge = Some(working(6, Anchor::Receipt)));
    assert_verdicts(&six, &[(Stage1Acknowledge, Short)]);
    assert_eq!(
        finding(&six, Stage1Acknowledge).detail,
        "Stage 1 acknowledgement: within 6 working days of receipt; the Code allows at most 5 working days."
    );

    let three = code_with(|p| p.stages.stage1.acknowledge = Some(working(3, Anchor::Receipt)));
    assert_verdicts(&three, &[(Stage1Acknowledge, More)]);
}

#[test]
fn calendar_days_are_judged_by_their_worst_case() {
    // 7 calendar days never end after the 5th working day; 8 can end on the 6th.
    let seven = code_with(|p| p.stages.stage1.acknowledge = Some(calendar(7, Anchor::Receipt)));
    assert_verdicts(&seven, &[]);
    let eight = code_with(|p| p.stages.stage1.acknowledge = Some(calendar(8, Anchor::Receipt)));
    assert_verdicts(&eight, &[(Stage1Acknowledge, Short)]);
    assert!(finding(&eight, Stage1Acknowledge)
        .detail
        .contains("8 calendar days of receipt (up to 6 working days"));
    // 4 calendar days from a Monday end on the Friday, the 4th working day: at most 4.
    let four = code_with(|p| p.stages.stage1.acknowledge = Some(calendar(4, Anchor::Receipt)));
    assert_verdicts(&four, &[(Stage1Acknowledge, More)]);
    let ten =
        code_with(|p| stage2(p).stage.acknowledge = Some(calendar(10, Anchor::EscalationRequest)));
    assert_verdicts(&ten, &[(Stage2Acknowledge, Short)]);
}

#[test]
fn stage1_reply_from_acknowledgement_or_logging() {
    let eleven = code_with(|p| p.stages.stage1.respond = working(11, Anchor::Acknowledgement));
    assert_verdicts(&eleven, &[(Stage1Reply, Short)]);
    assert_eq!(
        finding(&eleven, Stage1Reply).detail,
        "Stage 1 reply: 11 working days from acknowledgement; the Code allows at most 10 working days from acknowledgement."
    );
    let twenty = code_with(|p| p.stages.stage1.respond = working(20, Anchor::Logging));
    assert_verdicts(&twenty, &[(Stage1Reply, Short)]);
    let logging = code_with(|p| p.stages.stage1.respond = working(10, Anchor::Logging));
    assert_verdicts(&logging, &[]);
    let nine = code_with(|p| p.stages.stage1.respond = working(9, Anchor::Acknowledgement));
    assert_verdicts(&nine, &[(Stage1Reply, More)]);
}

#[test]
fn stage1_reply_from_receipt() {
    // A landlord may acknowledge on the day of receipt: 10 from receipt is never later than
    // the Code, 11 could be.
    let ten = code_with(|p| p.stages.stage1.respond = working(10, Anchor::Receipt));
    assert_verdicts(&ten, &[(Stage1Reply, More)]);
    let fifteen = code_with(|p| p.stages.stage1.respond = working(15, Anchor::Receipt));
    assert_verdicts(&fifteen, &[(Stage1Reply, Short)]);
    assert!(finding(&fifteen, Stage1Reply)
        .detail
        .contains("reply 15 working days after acknowledging"));
}

#[test]
fn extensions() {
    let s1 = code_with(|p| p.stages.stage1.extension_days = Some(11));
    assert_verdicts(&s1, &[(Stage1Extension, Short)]);
    assert_eq!(
        finding(&s1, Stage1Extension).detail,
        "Stage 1 extension: up to 11 more working days; the Code allows at most 10."
    );
    let s1_none = code_with(|p| p.stages.stage1.extension_days = None);
    assert_verdicts(&s1_none, &[(Stage1Extension, More)]);
    let s1_five = code_with(|p| p.stages.stage1.extension_days = Some(5));
    assert_verdicts(&s1_five, &[(Stage1Extension, More)]);

    let s2 = code_with(|p| stage2(p).stage.extension_days = Some(21));
    assert_verdicts(&s2, &[(Stage2Extension, Short)]);
    let s2_none = code_with(|p| stage2(p).stage.extension_days = None);
    assert_verdicts(&s2_none, &[(Stage2Extension, More)]);
}

#[test]
fn stage2_acknowledgement() {
    let none = code_with(|p| stage2(p).stage.acknowledge = None);
    assert_verdicts(&none, &[(Stage2Acknowledge, Short)]);
    let six =
        code_with(|p| stage2(p).stage.acknowledge = Some(working(6, Anchor::EscalationRequest)));
    assert_verdicts(&six, &[(Stage2Acknowledge, Short)]);
    let two =
        code_with(|p| stage2(p).stage.acknowledge = Some(working(2, Anchor::EscalationRequest)));
    assert_verdicts(&two, &[(Stage2Acknowledge, More)]);
}

#[test]
fn stage2_reply() {
    let long = code_with(|p| stage2(p).stage.respond = working(21, Anchor::Acknowledgement));
    assert_verdicts(&long, &[(Stage2Reply, Short)]);
    let short = code_with(|p| stage2(p).stage.respond = working(15, Anchor::Acknowledgement));
    assert_verdicts(&short, &[(Stage2Reply, More)]);
    let from_request =
        code_with(|p| stage2(p).stage.respond = working(20, Anchor::EscalationRequest));
    assert_verdicts(&from_request, &[(Stage2Reply, More)]);
    let too_long_from_request =
        code_with(|p| stage2(p).stage.respond = working(25, Anchor::EscalationRequest));
    assert_verdicts(&too_long_from_request, &[(Stage2Reply, Short)]);
}

#[test]
fn reasons_to_escalate() {
    let policy = code_with(|p| stage2(p).reasons_required = true);
    assert_verdicts(&policy, &[(NoReasonsToEscalate, Short)]);
}

#[test]
fn time_limits() {
    let limit = |months, special_circumstances| {
        code_with(|p| {
            p.time_limit = Some(TimeLimit {
                months,
                special_circumstances,
                only_if_not_raised_before: false,
            })
        })
    };
    assert_verdicts(&limit(11, true), &[(TimeLimit, Short)]);
    assert_verdicts(&limit(6, false), &[(TimeLimit, Short)]);
    assert_verdicts(&limit(12, false), &[]);
    assert_verdicts(&limit(24, false), &[(TimeLimit, More)]);
    let none = code_with(|p| p.time_limit = None);
    assert_verdicts(&none, &[(TimeLimit, More)]);
    assert!(finding(&limit(6, true), TimeLimit)
        .detail
        .starts_with("Time limit: 6 months (a good reason can lift it); the Code requires"));
}

#[test]
fn designated_person() {
    let policy = code_with(|p| p.stages.designated_person = true);
    assert_verdicts(&policy, &[(NoDesignatedPerson, Short)]);
}

#[test]
fn ombudsman_signposting() {
    let lgsco = code_with(|p| {
        p.ombudsman = Ombudsman {
            scheme: OmbudsmanScheme::Lgsco,
            lgsco_services: Vec::new(),
        }
    });
    assert_verdicts(&lgsco, &[(OmbudsmanSignposting, Short)]);
    let both = code_with(|p| {
        p.ombudsman = Ombudsman {
            scheme: OmbudsmanScheme::Both,
            lgsco_services: vec![LocalText::new("Homelessness")],
        }
    });
    assert_verdicts(&both, &[]);
}

#[test]
fn findings_serialise_with_stable_ids() {
    let json = serde_json::to_value(check(&builtin("nottingham"))).unwrap();
    assert_eq!(json[1]["rule"], "stage1-acknowledge");
    assert_eq!(json[1]["verdict"], "falls-short");
    assert_eq!(json[2]["verdict"], "more-generous");
    assert_eq!(json[0]["verdict"], "meets");
}

// Wales and Scotland: each compared with its own model.

/// The SPSO's model profile, changed by `change`.
fn mchp_with(change: impl FnOnce(&mut Policy)) -> Policy {
    let mut policy = builtin("spso-mchp");
    change(&mut policy);
    policy
}

/// The Welsh Ombudsman's model profile, changed by `change`.
fn psow_with(change: impl FnOnce(&mut Policy)) -> Policy {
    let mut policy = builtin("psow-model");
    change(&mut policy);
    policy
}

fn months(days: u32) -> Clock {
    Clock {
        days,
        from: Anchor::Stage1Response,
        counting: Counting::CalendarMonths,
    }
}

#[test]
fn the_models_meet_their_own_standards() {
    let spso = builtin("spso-mchp");
    assert_eq!(standard(&spso), Some(Standard::SpsoMchp));
    assert_verdicts(&spso, &[]);
    let psow = builtin("psow-model");
    assert_eq!(standard(&psow), Some(Standard::PsowModel));
    assert_verdicts(&psow, &[]);
    assert_eq!(
        finding(&spso, OmbudsmanSignposting).detail,
        "Residents are told about the Scottish Public Services Ombudsman."
    );
    assert_eq!(
        finding(&psow, OmbudsmanSignposting).detail,
        "Residents are told about the Public Services Ombudsman for Wales."
    );
    assert_eq!(
        finding(&spso, Stage1Reply).detail,
        "Stage 1 reply: 5 working days from receipt; the MCHP allows at most 5 working days from receipt."
    );
}

#[test]
fn the_codes_times_in_wales_fall_short_of_the_welsh_model() {
    // The browser tests' Welsh landlord: the Code's clocks, the Welsh Ombudsman. Stage 1 reply
    // 10 working days after an acknowledgement of up to 5: up to 15 from receipt, where the
    // model allows 10; stage 2 likewise up to 25 where it allows 20; a 12-month limit.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/fixtures/welsh-landlord.json");
    let welsh = Policy::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_verdicts(&welsh, &[(Stage1Reply, Short), (Stage2Reply, Short), (TimeLimit, More)]);
    assert_eq!(
        finding(&welsh, Stage1Reply).detail,
        "Stage 1 reply: 10 working days from acknowledgement, acknowledged within 5 working days: up to 15 working days from receipt; the model policy allows at most 10 working days from receipt."
    );
    // The Code's 12 months is more than the model's 6.
    assert_eq!(
        finding(&welsh, TimeLimit).detail,
        "Time limit: 12 months (a good reason can lift it); the model policy requires at least 6 months from the issue, or from becoming aware of it."
    );
}

#[test]
fn the_welsh_models_rules_one_at_a_time() {
    let slow = psow_with(|p| p.stages.stage1.respond = working(11, Anchor::Receipt));
    assert_verdicts(&slow, &[(Stage1Reply, Short)]);
    let quick = psow_with(|p| p.stages.stage1.respond = working(5, Anchor::Receipt));
    assert_verdicts(&quick, &[(Stage1Reply, More)]);
    let no_ack = psow_with(|p| stage2(p).stage.acknowledge = None);
    assert_verdicts(&no_ack, &[(Stage2Acknowledge, Short)]);
    let ack = psow_with(|p| stage2(p).stage.acknowledge = Some(working(3, Anchor::EscalationRequest)));
    assert_verdicts(&ack, &[(Stage2Acknowledge, More)]);
    // 15 working days after an acknowledgement of up to 5: 20 in all, as the model says.
    let from_ack = psow_with(|p| stage2(p).stage.respond = working(15, Anchor::Acknowledgement));
    assert_verdicts(&from_ack, &[]);
    let longer = psow_with(|p| stage2(p).stage.respond = working(21, Anchor::EscalationRequest));
    assert_verdicts(&longer, &[(Stage2Reply, Short)]);
    // The model sets no number for a stage 2 extension: any is the landlord's, with reasons.
    let extended = psow_with(|p| stage2(p).stage.extension_days = Some(30));
    assert_verdicts(&extended, &[]);
    assert!(finding(&extended, Stage2Extension).detail.contains("sets no number of days"));
    let three = psow_with(|p| p.time_limit.as_mut().unwrap().months = 3);
    assert_verdicts(&three, &[(TimeLimit, Short)]);
    let one_stage = psow_with(|p| p.stages.stage2 = None);
    assert_verdicts(
        &one_stage,
        &[(TwoStages, Short), (Stage2Acknowledge, Short), (Stage2Reply, Short), (Stage2Extension, Short)],
    );
    assert_eq!(
        finding(&one_stage, TwoStages).detail,
        "There is only stage 1; the model policy requires two stages, informal resolution and then a formal investigation."
    );
}

#[test]
fn the_mchps_rules_one_at_a_time() {
    // Stage 1: 5 working days from receipt, extended by at most 5 (10 in all).
    let six = mchp_with(|p| p.stages.stage1.respond = working(6, Anchor::Receipt));
    assert_verdicts(&six, &[(Stage1Reply, Short)]);
    let three = mchp_with(|p| p.stages.stage1.respond = working(3, Anchor::Receipt));
    assert_verdicts(&three, &[(Stage1Reply, More)]);
    let long_extension = mchp_with(|p| p.stages.stage1.extension_days = Some(6));
    assert_verdicts(&long_extension, &[(Stage1Extension, Short)]);
    assert_eq!(
        finding(&long_extension, Stage1Extension).detail,
        "Stage 1 extension: up to 6 more working days; the MCHP allows at most 5."
    );
    let no_extension = mchp_with(|p| p.stages.stage1.extension_days = None);
    assert_verdicts(&no_extension, &[(Stage1Extension, More)]);
    // Stage 2: acknowledged within 3, a reply within 20 of the request.
    let four = mchp_with(|p| stage2(p).stage.acknowledge = Some(working(4, Anchor::EscalationRequest)));
    assert_verdicts(&four, &[(Stage2Acknowledge, Short)]);
    let none = mchp_with(|p| stage2(p).stage.acknowledge = None);
    assert_verdicts(&none, &[(Stage2Acknowledge, Short)]);
    let from_ack = mchp_with(|p| stage2(p).stage.respond = working(17, Anchor::Acknowledgement));
    assert_verdicts(&from_ack, &[]);
    let from_logging = mchp_with(|p| stage2(p).stage.respond = working(18, Anchor::Logging));
    assert_verdicts(&from_logging, &[(Stage2Reply, Short)]);
    // The English Code's 20 working days from acknowledgement: up to 23 from the request.
    let codes = mchp_with(|p| stage2(p).stage.respond = working(20, Anchor::Acknowledgement));
    assert_verdicts(&codes, &[(Stage2Reply, Short)]);
    // The window to ask for stage 2: at least 2 months after the stage 1 reply.
    for (window, verdict) in [
        (Some(months(1)), Short),
        (Some(months(3)), More),
        (None, More),
        (Some(working(44, Anchor::Stage1Response)), Short),
        (Some(working(45, Anchor::Stage1Response)), More),
        (Some(calendar(61, Anchor::Stage1Response)), Short),
        (Some(calendar(62, Anchor::Stage1Response)), More),
    ] {
        let policy = mchp_with(|p| stage2(p).request_window = window);
        let expected: &[(Rule, Verdict)] = if verdict == Meets { &[] } else { &[(Stage2RequestWindow, verdict)] };
        assert_verdicts(&policy, expected);
    }
    // 6 months from the issue, or from finding out.
    let twelve = mchp_with(|p| p.time_limit.as_mut().unwrap().months = 12);
    assert_verdicts(&twelve, &[(TimeLimit, More)]);
    let five = mchp_with(|p| p.time_limit.as_mut().unwrap().months = 5);
    assert_verdicts(&five, &[(TimeLimit, Short)]);
    let one_stage = mchp_with(|p| p.stages.stage2 = None);
    assert_verdicts(
        &one_stage,
        &[
            (TwoStages, Short),
            (Stage2Acknowledge, Short),
            (Stage2Reply, Short),
            (Stage2Extension, Short),
            (Stage2RequestWindow, Short),
        ],
    );
}

#[test]
fn the_codes_own_profile_moved_to_scotland_is_judged_by_the_mchp() {
    // Acknowledge in 5 working days, reply 10 after that: up to 15 from receipt, where the
    // MCHP allows 5; a 10-day extension where it allows 5; stage 2 acknowledged in 5 where it
    // allows 3; no window to ask for stage 2 (more generous); 12 months (more generous).
    let mut policy = Policy::default_policy();
    policy.nation = Some(Nation::Scotland);
    policy.region = resident_complaints::domain::calendar::Region::Scotland;
    policy.ombudsman = Ombudsman { scheme: OmbudsmanScheme::Spso, lgsco_services: Vec::new() };
    policy.hazards.clear();
    assert_verdicts(
        &policy,
        &[
            (Stage1Reply, Short),
            (Stage1Extension, Short),
            (Stage2Acknowledge, Short),
            (Stage2Reply, Short),
            (Stage2RequestWindow, More),
            (TimeLimit, More),
        ],
    );
}

// Properties.

/// Higher is better for the resident.
fn rank(verdict: Verdict) -> u8 {
    match verdict {
        Short => 0,
        Meets => 1,
        More => 2,
    }
}

fn anchor_strategy(start: Anchor) -> impl Strategy<Value = Anchor> {
    prop_oneof![
        Just(start),
        Just(Anchor::Acknowledgement),
        Just(Anchor::Logging)
    ]
}

proptest! {
    /// Shortening any clock or extension never makes a verdict worse.
    #[test]
    fn shorter_clocks_never_do_worse(
        ack1 in 1u32..30, calendar1 in any::<bool>(), reply1 in 1u32..40,
        from1 in anchor_strategy(Anchor::Receipt), ext1 in 0u32..40,
        ack2 in 1u32..30, reply2 in 1u32..60,
        from2 in anchor_strategy(Anchor::EscalationRequest), ext2 in 0u32..60,
        cut in 1u32..10,
    ) {
        let build = |less: u32| code_with(|p| {
            let counting = if calendar1 { Counting::CalendarDays } else { Counting::WorkingDays };
            p.stages.stage1.acknowledge = Some(Clock {
                days: ack1.saturating_sub(less).max(1),
                from: Anchor::Receipt,
                counting,
            });
            p.stages.stage1.respond = working(reply1.saturating_sub(less).max(1), from1);
            p.stages.stage1.extension_days = Some(ext1.saturating_sub(less));
            let s2 = stage2(p);
            s2.stage.acknowledge =
                Some(working(ack2.saturating_sub(less).max(1), Anchor::EscalationRequest));
            s2.stage.respond = working(reply2.saturating_sub(less).max(1), from2);
            s2.stage.extension_days = Some(ext2.saturating_sub(less));
        });
        let before = verdicts(&build(0));
        let after = verdicts(&build(cut));
        for &rule in Rule::ALL_CODE {
            prop_assert!(
                rank(after[&rule]) >= rank(before[&rule]),
                "{}: {:?} became {:?}", rule.id(), before[&rule], after[&rule]
            );
        }
    }

    /// A calendar clock never ends after the working day it is judged as, on any start date
    /// (bank holidays included), and one working day fewer would be wrong for some start.
    #[test]
    fn calendar_clocks_never_end_after_their_working_days(
        days in 1u32..60,
        offset in 0u64..(366 * 8),
    ) {
        let clock = Clock { days, from: Anchor::Receipt, counting: Counting::CalendarDays };
        let most = working_days_at_most(&clock);
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Days::new(offset);
        let at = start.and_hms_opt(9, 0, 0).unwrap();
        let ends = clock.due(Region::EnglandAndWales, at);
        prop_assert!(ends <= add_working_days(Region::EnglandAndWales, at, most));
        // Tight: the worst start of the week needs every one of those working days.
        let tight = (0..7u64).any(|d| {
            let monday = NaiveDate::from_ymd_opt(2030, 1, 7).unwrap() + Days::new(d);
            let at = monday.and_hms_opt(9, 0, 0).unwrap();
            clock.due(Region::EnglandAndWales, at)
                > add_working_days(Region::EnglandAndWales, at, most - 1)
        });
        prop_assert!(tight);
    }
}

// The table of the built-in profiles in docs/policy-check.md.

const START: &str = "<!-- policy-check:start -->";
const END: &str = "<!-- policy-check:end -->";

#[test]
fn docs_table_is_up_to_date() {
    let policies: Vec<Policy> = Policy::builtin_ids().iter().map(|id| builtin(id)).collect();
    let expected = markdown_tables(&policies);
    let guide =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/policy-check.md"))
            .expect("docs/policy-check.md is readable");
    let found = guide
        .split_once(START)
        .and_then(|(_, rest)| rest.split_once(END))
        .map(|(inside, _)| inside.trim());
    assert!(
        found == Some(expected.trim()),
        "docs/policy-check.md's table of the built-in profiles is out of date. Put this between {START} and {END}:\n\n{expected}"
    );
}

#[test]
fn markdown_table_has_a_row_per_rule_and_a_column_per_profile() {
    let policies = vec![Policy::default_policy(), builtin("nottingham")];
    let table = markdown_table(Standard::Code, &policies);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 2 + Rule::ALL_CODE.len() + 1);
    assert_eq!(
        lines[0],
        "| Code requirement | `hos-code-2024` | `nottingham` |"
    );
    assert_eq!(
        lines[3],
        "| Stage 1 acknowledged within 5 working days | meets | **falls short**: none |"
    );
    assert_eq!(
        lines.last().unwrap(),
        &"| **Falls short, in all** | **0** | **4** |"
    );
}

#[test]
fn texts_without_welsh_are_listed() {
    use resident_complaints::domain::language::Language;
    use resident_complaints::domain::policy_check::untranslated;
    // The built-in profiles give English only: every text of theirs is listed.
    let code = Policy::builtin("hos-code-2024").unwrap();
    assert_eq!(untranslated(&code, Language::Welsh).len(), 3 * code.exclusions.len());
    assert!(untranslated(&code, Language::English).is_empty());
    // The browser tests' Welsh landlord translates all but one exclusion and one note.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/fixtures/welsh-landlord.json");
    let welsh = Policy::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(
        untranslated(&welsh, Language::Welsh),
        [
            "exclusions.already-considered.summary",
            "exclusions.already-considered.explanation",
            "exclusions.already-considered.signpost",
            "landlord.contacts[2].note",
        ]
    );
}
