//! The policy check: a profile compared, rule by rule, with the Housing Ombudsman's statutory
//! Complaint Handling Code (from 1 April 2024), for the landlord's web team.
//!
//! Every rule gets a finding, so a report is a full picture: where the profile falls short of
//! the Code, where it promises residents more than the Code asks, and where it matches. Profiles
//! keep what the landlord wrote; this check is how a web team sees what needs fixing.
//!
//! Two conversions make profiles comparable with the Code, both chosen so that a profile is
//! never said to meet the Code when it might not:
//!
//! - **Calendar days** (allowed for acknowledgements): a clock of N calendar days counts as the
//!   most working days it can ever cover, whichever day of the week the complaint arrives (see
//!   [`working_days_at_most`]). Bank holidays are left out: they only make a working-day clock
//!   longer, so they can only make a calendar clock look better than it is.
//! - **Reply clocks from the start of a stage** (receipt, or the request for a review): the Code
//!   counts the reply time from the acknowledgement, and a landlord may acknowledge on the day
//!   it receives a complaint. So R working days from receipt is judged as R days from
//!   acknowledgement: within the Code's limit it is *more generous* (never later than the Code,
//!   and sooner whenever acknowledging takes time); over it, it *falls short*.
//!
//! A clock from logging is taken as a clock from acknowledgement, as the dates do (see
//! [`Anchor::Logging`]).

use super::choice::choice;
use std::cmp::Ordering;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::language::Language;
use super::policy::{Anchor, Clock, Counting, Nation, OmbudsmanScheme, Policy, Stage};

/// The Code's limits, in working days (months for the time limit).
pub mod code {
    /// Acknowledge a stage 1 complaint, from receipt.
    pub const STAGE1_ACKNOWLEDGE_DAYS: u32 = 5;
    /// Reply at stage 1, from acknowledgement.
    pub const STAGE1_REPLY_DAYS: u32 = 10;
    /// The most a stage 1 reply may be extended by.
    pub const STAGE1_EXTENSION_DAYS: u32 = 10;
    /// Acknowledge a request for a stage 2 review, from the request.
    pub const STAGE2_ACKNOWLEDGE_DAYS: u32 = 5;
    /// Reply at stage 2, from acknowledgement.
    pub const STAGE2_REPLY_DAYS: u32 = 20;
    /// The most a stage 2 reply may be extended by.
    pub const STAGE2_EXTENSION_DAYS: u32 = 20;
    /// A complaint made within this many months of the issue (or of becoming aware of it) must
    /// be accepted.
    pub const TIME_LIMIT_MONTHS: u32 = 12;
}

choice!(serde
    /// One requirement of the Code. The order here is the order of a report.
    Rule {
        /// Exactly two stages: a complaint, then a review.
        TwoStages = "two-stages",
        /// Acknowledge a complaint within 5 working days of receipt.
        Stage1Acknowledge = "stage1-acknowledge",
        /// Reply within 10 working days of acknowledging.
        Stage1Reply = "stage1-reply",
        /// Extend a stage 1 reply by at most 10 working days.
        Stage1Extension = "stage1-extension",
        /// Acknowledge a request for a review within 5 working days.
        Stage2Acknowledge = "stage2-acknowledge",
        /// Reply to a review within 20 working days of acknowledging the request.
        Stage2Reply = "stage2-reply",
        /// Extend a stage 2 reply by at most 20 working days.
        Stage2Extension = "stage2-extension",
        /// Residents need not give reasons for asking for a review.
        NoReasonsToEscalate = "no-reasons-to-escalate",
        /// Accept a complaint made within 12 months of the issue or of becoming aware of it.
        TimeLimit = "time-limit",
        /// No "designated person" step before the Ombudsman (removed by law on 1 October 2022).
        NoDesignatedPerson = "no-designated-person",
        /// The Housing Ombudsman's details are given.
        OmbudsmanSignposting = "ombudsman-signposting",
    }
);

impl Rule {
    /// What the Code requires, in a few plain words.
    pub fn title(self) -> &'static str {
        match self {
            Rule::TwoStages => "Two stages: a complaint, then a review",
            Rule::Stage1Acknowledge => "Stage 1 acknowledged within 5 working days",
            Rule::Stage1Reply => "Stage 1 reply within 10 working days of acknowledging",
            Rule::Stage1Extension => "Stage 1 extension of at most 10 working days",
            Rule::Stage2Acknowledge => "Stage 2 acknowledged within 5 working days",
            Rule::Stage2Reply => "Stage 2 reply within 20 working days of acknowledging",
            Rule::Stage2Extension => "Stage 2 extension of at most 20 working days",
            Rule::NoReasonsToEscalate => "No reasons needed to ask for stage 2",
            Rule::TimeLimit => "Complaints accepted up to 12 months after the issue",
            Rule::NoDesignatedPerson => "No \u{201c}designated person\u{201d} step",
            Rule::OmbudsmanSignposting => "The Housing Ombudsman signposted",
        }
    }
}

choice!(serde
    /// How a profile compares with one rule of the Code, in the order a report shows them:
    /// what needs fixing first.
    Verdict {
        /// Residents could get less than the Code promises: the profile needs changing.
        FallsShort = "falls-short",
        /// Residents always get at least what the Code promises, and sometimes more.
        MoreGenerous = "more-generous",
        /// The profile says what the Code says.
        Meets = "meets",
    }
);

impl Verdict {
    /// In words, lowercase: "falls short", "more generous", "meets".
    pub fn words(self) -> &'static str {
        match self {
            Verdict::FallsShort => "falls short",
            Verdict::MoreGenerous => "more generous",
            Verdict::Meets => "meets",
        }
    }

    /// Days allowed against the Code's limit: fewer is more generous.
    fn of_days(days: u32, code_limit: u32) -> Verdict {
        match days.cmp(&code_limit) {
            Ordering::Less => Verdict::MoreGenerous,
            Ordering::Equal => Verdict::Meets,
            Ordering::Greater => Verdict::FallsShort,
        }
    }
}

/// What a profile says about one rule of the Code, and how that compares.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: Rule,
    pub verdict: Verdict,
    /// What the profile says, in a few words ("3 working days from receipt", "none").
    pub profile_says: String,
    /// A sentence setting what the profile says against what the Code requires.
    pub detail: String,
}

impl Finding {
    fn new(rule: Rule, verdict: Verdict, profile_says: impl Into<String>, detail: String) -> Self {
        Finding {
            rule,
            verdict,
            profile_says: profile_says.into(),
            detail,
        }
    }
}

/// Outside England, why the Code is not checked: it is the Housing Ombudsman's, for landlords
/// in England, and the nation's own Ombudsman sets the model procedure. None in England.
pub fn outside_england(policy: &Policy) -> Option<String> {
    let model = match policy.nation() {
        Nation::England => return None,
        Nation::Wales => "the Public Services Ombudsman for Wales\u{2019}s Model Complaints Policy",
        Nation::Scotland => {
            "the Scottish Public Services Ombudsman\u{2019}s Model Complaints Handling Procedure"
        }
        Nation::NorthernIreland => {
            "the Northern Ireland Public Services Ombudsman\u{2019}s Model Complaints Handling Procedure"
        }
    };
    Some(format!(
        "This landlord is in {}. The Housing Ombudsman\u{2019}s Complaint Handling Code is for landlords in England, so this page does not check the policy against it. In {} the model to follow is {model}.",
        policy.nation().name(),
        policy.nation().name(),
    ))
}

/// Compares a profile with the Code: one finding per rule, in the order of [`Rule::ALL`]. None
/// outside England, where the Code does not apply (see [`outside_england`]).
pub fn check(policy: &Policy) -> Vec<Finding> {
    if outside_england(policy).is_some() {
        return Vec::new();
    }
    let stages = &policy.stages;
    let stage2 = stages.stage2.as_ref();
    let no_stage2 = |rule: Rule| {
        Finding::new(
            rule,
            Verdict::FallsShort,
            "no stage 2",
            "There is no stage 2, so a resident cannot ask for a review; the Code requires one."
                .to_string(),
        )
    };
    let mut findings = vec![two_stages(policy)];
    findings.push(acknowledge(
        Rule::Stage1Acknowledge,
        "Stage 1",
        stages.stage1.acknowledge.as_ref(),
        "receipt",
        code::STAGE1_ACKNOWLEDGE_DAYS,
    ));
    findings.push(reply(
        Rule::Stage1Reply,
        "Stage 1",
        &stages.stage1,
        code::STAGE1_REPLY_DAYS,
    ));
    findings.push(extension(
        Rule::Stage1Extension,
        "Stage 1",
        &stages.stage1,
        code::STAGE1_EXTENSION_DAYS,
    ));
    match stage2 {
        None => findings.extend(
            [
                Rule::Stage2Acknowledge,
                Rule::Stage2Reply,
                Rule::Stage2Extension,
                Rule::NoReasonsToEscalate,
            ]
            .map(no_stage2),
        ),
        Some(stage2) => {
            findings.push(acknowledge(
                Rule::Stage2Acknowledge,
                "Stage 2",
                stage2.stage.acknowledge.as_ref(),
                "the request",
                code::STAGE2_ACKNOWLEDGE_DAYS,
            ));
            findings.push(reply(
                Rule::Stage2Reply,
                "Stage 2",
                &stage2.stage,
                code::STAGE2_REPLY_DAYS,
            ));
            findings.push(extension(
                Rule::Stage2Extension,
                "Stage 2",
                &stage2.stage,
                code::STAGE2_EXTENSION_DAYS,
            ));
            findings.push(if stage2.reasons_required {
                Finding::new(
                    Rule::NoReasonsToEscalate,
                    Verdict::FallsShort,
                    "reasons required",
                    "A resident must give reasons to ask for stage 2; under the Code they need not."
                        .to_string(),
                )
            } else {
                Finding::new(
                    Rule::NoReasonsToEscalate,
                    Verdict::Meets,
                    "reasons optional",
                    "A resident may ask for stage 2 without giving reasons, as the Code says."
                        .to_string(),
                )
            });
        }
    }
    findings.push(time_limit(policy));
    findings.push(if stages.designated_person {
        Finding::new(
            Rule::NoDesignatedPerson,
            Verdict::FallsShort,
            "designated person step",
            "Residents are sent to a \u{201c}designated person\u{201d} (an MP, councillor or tenant panel) before the Ombudsman; the law removed this step on 1 October 2022, and residents may go straight to the Ombudsman."
                .to_string(),
        )
    } else {
        Finding::new(
            Rule::NoDesignatedPerson,
            Verdict::Meets,
            "none",
            "Residents can go to the Ombudsman straight after the landlord\u{2019}s final reply, with no \u{201c}designated person\u{201d} step."
                .to_string(),
        )
    });
    findings.push(ombudsman(policy));
    findings
}

fn two_stages(policy: &Policy) -> Finding {
    let stages = &policy.stages;
    if stages.stage2.is_none() {
        return Finding::new(
            Rule::TwoStages,
            Verdict::FallsShort,
            "1 stage",
            "There is only stage 1; the Code requires two stages, a complaint and then a review."
                .to_string(),
        );
    }
    match &stages.concern {
        // A quick route the resident may skip is not a third stage: the app always offers a
        // formal complaint straight away.
        Some(concern) => Finding::new(
            Rule::TwoStages,
            Verdict::Meets,
            "2 stages, and a quick route",
            format!(
                "Two stages, as the Code requires, and a quick route before them (\u{201c}{}\u{201d}) that a resident may skip to make a formal complaint straight away.",
                concern.name
            ),
        ),
        None => Finding::new(
            Rule::TwoStages,
            Verdict::Meets,
            "2 stages",
            "Two stages, a complaint and then a review, as the Code requires.".to_string(),
        ),
    }
}

fn acknowledge(
    rule: Rule,
    stage: &str,
    clock: Option<&Clock>,
    from: &str,
    code_days: u32,
) -> Finding {
    let Some(clock) = clock else {
        return Finding::new(
            rule,
            Verdict::FallsShort,
            "none",
            format!(
                "{stage} acknowledgement: the profile gives no time; the Code requires one within {code_days} working days of {from}."
            ),
        );
    };
    let days = working_days_at_most(clock);
    let verdict = Verdict::of_days(days, code_days);
    let says = days_text(clock);
    let detail = format!(
        "{stage} acknowledgement: within {says} of {from}{}; the Code allows at most {code_days} working days.",
        calendar_note(clock)
    );
    Finding::new(rule, verdict, says, detail)
}

fn reply(rule: Rule, stage_name: &str, stage: &Stage, code_days: u32) -> Finding {
    let clock = &stage.respond;
    let days = working_days_at_most(clock);
    let says = format!("{} from {}", days_text(clock), anchor_words(clock.from));
    let allows = format!("the Code allows at most {code_days} working days from acknowledgement");
    match clock.from {
        Anchor::Acknowledgement | Anchor::Logging => {
            let logging = if clock.from == Anchor::Logging {
                " (logging is taken as acknowledgement)"
            } else {
                ""
            };
            Finding::new(
                rule,
                Verdict::of_days(days, code_days),
                says.clone(),
                format!(
                    "{stage_name} reply: {says}{}{logging}; {allows}.",
                    calendar_note(clock)
                ),
            )
        }
        // From the start of the stage: a landlord may acknowledge on that very day.
        Anchor::Receipt | Anchor::EscalationRequest | Anchor::Stage1Response => {
            if days <= code_days {
                Finding::new(
                    rule,
                    Verdict::MoreGenerous,
                    says.clone(),
                    format!(
                        "{stage_name} reply: {says}{}. That is never later than the Code\u{2019}s {code_days} working days from acknowledgement, and sooner whenever acknowledging takes time.",
                        calendar_note(clock)
                    ),
                )
            } else {
                Finding::new(
                    rule,
                    Verdict::FallsShort,
                    says.clone(),
                    format!(
                        "{stage_name} reply: {says}{}. A landlord that acknowledges on the first day could then reply {days} working days after acknowledging; {allows}.",
                        calendar_note(clock)
                    ),
                )
            }
        }
    }
}

fn extension(rule: Rule, stage_name: &str, stage: &Stage, code_days: u32) -> Finding {
    match stage.extension_days {
        None => Finding::new(
            rule,
            Verdict::MoreGenerous,
            "none",
            format!(
                "{stage_name} extension: the profile allows none; the Code allows up to {code_days} more working days."
            ),
        ),
        Some(days) => {
            let verdict = Verdict::of_days(days, code_days);
            Finding::new(
                rule,
                verdict,
                format!("{days} working days"),
                format!(
                    "{stage_name} extension: up to {days} more working days; the Code allows at most {code_days}."
                ),
            )
        }
    }
}

fn time_limit(policy: &Policy) -> Finding {
    let code = code::TIME_LIMIT_MONTHS;
    let Some(limit) = &policy.time_limit else {
        return Finding::new(
            Rule::TimeLimit,
            Verdict::MoreGenerous,
            "none",
            format!(
                "Time limit: none, so a complaint is accepted however long ago the issue was; the Code requires at least {code} months."
            ),
        );
    };
    let months = limit.months;
    let lifted = match (limit.only_if_not_raised_before, limit.special_circumstances) {
        (true, true) => " for matters not raised before (a good reason can lift it)",
        (true, false) => " for matters not raised before",
        (false, true) => " (a good reason can lift it)",
        (false, false) => "",
    };
    let detail = match months.cmp(&code) {
        Ordering::Less => format!(
            "Time limit: {months} months{lifted}; the Code requires a complaint made within {code} months of the issue, or of becoming aware of it, to be accepted."
        ),
        _ => format!(
            "Time limit: {months} months{lifted}; the Code requires at least {code} months from the issue, or from becoming aware of it."
        ),
    };
    Finding::new(
        Rule::TimeLimit,
        // More months is more generous: the opposite of days.
        Verdict::of_days(code, months),
        format!("{months} months"),
        detail,
    )
}

fn ombudsman(policy: &Policy) -> Finding {
    match policy.ombudsman.scheme {
        OmbudsmanScheme::Housing => Finding::new(
            Rule::OmbudsmanSignposting,
            Verdict::Meets,
            "Housing Ombudsman",
            "Residents are told about the Housing Ombudsman.".to_string(),
        ),
        OmbudsmanScheme::Both => Finding::new(
            Rule::OmbudsmanSignposting,
            Verdict::Meets,
            "Housing Ombudsman and LGSCO",
            format!(
                "Residents are told about the Housing Ombudsman, and about the Local Government and Social Care Ombudsman for: {}.",
                policy
                    .ombudsman
                    .lgsco_services
                    .iter()
                    .map(|service| service.english())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        ),
        // Outside England the Code is not checked (see `outside_england`).
        OmbudsmanScheme::Psow | OmbudsmanScheme::Spso | OmbudsmanScheme::Nipso => Finding::new(
            Rule::OmbudsmanSignposting,
            Verdict::FallsShort,
            "an Ombudsman outside England",
            "The Code requires the Housing Ombudsman\u{2019}s details.".to_string(),
        ),
        OmbudsmanScheme::Lgsco => Finding::new(
            Rule::OmbudsmanSignposting,
            Verdict::FallsShort,
            "LGSCO only",
            "Residents are told only about the Local Government and Social Care Ombudsman; the Code requires the Housing Ombudsman\u{2019}s details."
                .to_string(),
        ),
    }
}

/// The most working days a clock can cover. A clock in working days is itself; a clock of N
/// calendar days is judged by its worst case: whichever day of the week the clock starts, its
/// last day is never later than this many working days on. A clock that starts on a weekend
/// counts working days from the next Monday (as the dates do), while calendar days count from
/// the day itself. Bank holidays are ignored: they push a working-day deadline later, never a
/// calendar one, so ignoring them can only make a calendar clock look worse, never better.
///
/// For example 7 calendar days are at most 5 working days, and 8 are at most 6.
pub fn working_days_at_most(clock: &Clock) -> u32 {
    match clock.counting {
        Counting::WorkingDays => clock.days,
        // A month is at most 31 days.
        Counting::CalendarMonths => working_days_at_most(&Clock {
            days: clock.days * 31,
            counting: Counting::CalendarDays,
            ..*clock
        }),
        Counting::CalendarDays => {
            let is_working = |day: u32| day % 7 < 5; // day 0 is a Monday
            (0..7)
                .map(|start: u32| {
                    // Day 0 of the working-day count: the start, or the next Monday.
                    let day0 = if is_working(start) {
                        start
                    } else {
                        start + 7 - start % 7
                    };
                    let end = start + clock.days;
                    if end <= day0 {
                        0
                    } else {
                        // The k-th working day after day 0 is on or after `end` for the first
                        // time when k is one more than the working days strictly between them.
                        let between = (day0 + 1..end).filter(|&d| is_working(d)).count() as u32;
                        between + 1
                    }
                })
                .max()
                .unwrap_or(0)
        }
    }
}

/// "3 working days", "7 calendar days".
fn days_text(clock: &Clock) -> String {
    match clock.counting {
        Counting::WorkingDays => format!("{} working days", clock.days),
        Counting::CalendarDays => format!("{} calendar days", clock.days),
        Counting::CalendarMonths if clock.days == 1 => "1 month".to_string(),
        Counting::CalendarMonths => format!("{} months", clock.days),
    }
}

/// For a calendar clock, its worst case in working days.
fn calendar_note(clock: &Clock) -> String {
    match clock.counting {
        Counting::WorkingDays => String::new(),
        Counting::CalendarDays | Counting::CalendarMonths => format!(
            " (up to {} working days, whichever day it starts)",
            working_days_at_most(clock)
        ),
    }
}

fn anchor_words(anchor: Anchor) -> &'static str {
    match anchor {
        Anchor::Receipt => "receipt",
        Anchor::Acknowledgement => "acknowledgement",
        Anchor::Logging => "logging",
        Anchor::EscalationRequest => "the request",
        Anchor::Stage1Response => "the stage 1 reply",
    }
}

/// The findings for several profiles as a Markdown table: a row per rule, a column per profile,
/// and a last row counting where each falls short. docs/policy-check.md shows it for the
/// built-ins, and a test keeps it up to date.
pub fn markdown_table(policies: &[Policy]) -> String {
    let results: Vec<Vec<Finding>> = policies.iter().map(check).collect();
    let mut table = String::from("| Code requirement |");
    for policy in policies {
        let _ = write!(table, " `{}` |", policy.id);
    }
    table.push_str("\n| --- |");
    for _ in policies {
        table.push_str(" --- |");
    }
    table.push('\n');
    for (row, rule) in Rule::ALL.iter().enumerate() {
        let _ = write!(table, "| {} |", rule.title());
        for findings in &results {
            let Some(finding) = findings.get(row) else {
                let _ = write!(table, " not checked: the Code is England\u{2019}s |");
                continue;
            };
            debug_assert_eq!(finding.rule, *rule);
            let _ = match finding.verdict {
                Verdict::Meets => write!(table, " meets |"),
                Verdict::FallsShort => {
                    write!(table, " **falls short**: {} |", finding.profile_says)
                }
                Verdict::MoreGenerous => {
                    write!(table, " more generous: {} |", finding.profile_says)
                }
            };
        }
        table.push('\n');
    }
    table.push_str("| **Falls short, in all** |");
    for findings in &results {
        let short = findings
            .iter()
            .filter(|f| f.verdict == Verdict::FallsShort)
            .count();
        let _ = write!(table, " **{short}** |");
    }
    table.push('\n');
    table
}

/// The profile's own texts that have no translation into `language`, by where they are
/// (`exclusions.asb.explanation`, `landlord.contacts[0].note`): residents reading the form in
/// that language see these in English. Names and contact details are left out: most are
/// proper names, numbers and addresses, the same in every language.
pub fn untranslated(policy: &Policy, language: Language) -> Vec<String> {
    let mut missing = Vec::new();
    for exclusion in &policy.exclusions {
        for (name, text) in [
            ("summary", &exclusion.summary),
            ("explanation", &exclusion.explanation),
            ("signpost", &exclusion.signpost),
        ] {
            if !text.has(language) {
                missing.push(format!("exclusions.{}.{name}", exclusion.id));
            }
        }
    }
    for (i, contact) in policy.landlord.contacts.iter().enumerate() {
        if contact.note.as_ref().is_some_and(|note| !note.has(language)) {
            missing.push(format!("landlord.contacts[{i}].note"));
        }
    }
    for (i, service) in policy.ombudsman.lgsco_services.iter().enumerate() {
        if !service.has(language) {
            missing.push(format!("ombudsman.lgsco_services[{i}]"));
        }
    }
    // A hazard's name is a choice residents read, not a proper name.
    for hazard in &policy.hazards {
        if !hazard.name.has(language) {
            missing.push(format!("hazards.{}.name", hazard.id));
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_england_the_code_is_not_checked_and_the_nations_model_is_named() {
        let english = Policy::default_policy();
        assert_eq!(outside_england(&english), None);
        assert_eq!(check(&english).len(), Rule::ALL.len());
        for (nation, model) in [
            (Nation::Wales, "Model Complaints Policy"),
            (Nation::Scotland, "Scottish Public Services Ombudsman\u{2019}s Model Complaints Handling Procedure"),
            (Nation::NorthernIreland, "Northern Ireland Public Services Ombudsman\u{2019}s Model Complaints Handling Procedure"),
        ] {
            let policy = Policy::default_in(nation);
            // Not failed against England's Code: not compared with it at all.
            assert_eq!(check(&policy), []);
            let note = outside_england(&policy).unwrap();
            assert!(note.contains(&format!("This landlord is in {}.", nation.name())), "{note}");
            assert!(note.contains("is for landlords in England"), "{note}");
            assert!(note.contains(model), "{note}");
        }
        // A table with one of each: the other nation's column says why it is not checked.
        let table = markdown_table(&[english, Policy::default_in(Nation::Wales)]);
        assert!(table.contains("| not checked: the Code is England\u{2019}s |"), "{table}");
    }

    #[test]
    fn a_hazard_name_without_welsh_is_listed() {
        let mut json = serde_json::to_value(Policy::default_policy()).unwrap();
        json["hazards"] = serde_json::json!([
            { "id": "excess-cold", "name": { "en": "Excess cold", "cy": "Oerfel gormodol" }, "significant_from": "2026-10-01" },
            { "id": "fire", "name": "Fire", "significant_from": "2026-10-01" }
        ]);
        let policy = Policy::from_json(&json.to_string()).unwrap();
        let missing = untranslated(&policy, Language::Welsh);
        assert!(missing.contains(&"hazards.fire.name".to_string()), "{missing:?}");
        assert!(!missing.iter().any(|m| m.starts_with("hazards.excess-cold")), "{missing:?}");
    }

    fn calendar(days: u32) -> Clock {
        Clock {
            days,
            from: Anchor::Receipt,
            counting: Counting::CalendarDays,
        }
    }

    #[test]
    fn calendar_days_by_their_worst_case() {
        // 5 calendar days from a Monday end on the Saturday: past the 4th working day.
        assert_eq!(working_days_at_most(&calendar(5)), 5);
        assert_eq!(working_days_at_most(&calendar(6)), 5);
        assert_eq!(working_days_at_most(&calendar(7)), 5);
        assert_eq!(working_days_at_most(&calendar(8)), 6);
        assert_eq!(working_days_at_most(&calendar(14)), 10);
        assert_eq!(working_days_at_most(&calendar(1)), 1);
        let working = Clock {
            counting: Counting::WorkingDays,
            ..calendar(8)
        };
        assert_eq!(working_days_at_most(&working), 8);
    }

    #[test]
    fn one_finding_per_rule_in_order() {
        for id in Policy::builtin_ids() {
            let findings = check(&Policy::builtin(id).unwrap());
            let rules: Vec<Rule> = findings.iter().map(|f| f.rule).collect();
            assert_eq!(rules, Rule::ALL, "{id}");
        }
    }

    #[test]
    fn ids_match_serde() {
        for rule in Rule::ALL {
            assert_eq!(serde_json::to_value(rule).unwrap(), rule.id());
        }
        for verdict in Verdict::ALL {
            assert_eq!(serde_json::to_value(verdict).unwrap(), verdict.id());
        }
    }
}
