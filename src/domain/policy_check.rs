//! The policy check: a profile compared, rule by rule, with the standard of its nation, for
//! the landlord's web team. In England that is the Housing Ombudsman's statutory Complaint
//! Handling Code (from 1 April 2024); in Wales the Public Services Ombudsman for Wales's Model
//! Complaints Policy; in Scotland the SPSO's Model Complaints Handling Procedure (MCHP) for
//! registered social landlords. Northern Ireland's Ombudsman has published no model for
//! landlords, so a profile there is not compared (see [`no_standard`]).
//!
//! Every rule gets a finding, so a report is a full picture: where the profile falls short of
//! the standard, where it promises residents more than the standard asks, and where it
//! matches. Profiles keep what the landlord wrote; this check is how a web team sees what
//! needs fixing.
//!
//! Two conversions make profiles comparable with a standard, both chosen so that a profile is
//! never said to meet it when it might not:
//!
//! - **Calendar days** (allowed for acknowledgements): a clock of N calendar days counts as the
//!   most working days it can ever cover, whichever day of the week the complaint arrives (see
//!   [`working_days_at_most`]). Bank holidays are left out: they only make a working-day clock
//!   longer, so they can only make a calendar clock look better than it is.
//! - **Reply clocks from the start of a stage** (receipt, or the request for a review): the Code
//!   counts the reply time from the acknowledgement, and a landlord may acknowledge on the day
//!   it receives a complaint. So R working days from receipt is judged as R days from
//!   acknowledgement: within the Code's limit it is *more generous* (never later than the Code,
//!   and sooner whenever acknowledging takes time); over it, it *falls short*. The Welsh and
//!   Scottish models count the reply from the start of the stage, so a reply clock from
//!   acknowledgement is judged by its worst case: the acknowledgement's days and its own.
//!
//! A clock from logging is taken as a clock from acknowledgement, as the dates do (see
//! [`Anchor::Logging`]).

use super::choice::choice;
use std::cmp::Ordering;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::deadlines::CODE_ACKNOWLEDGE_DAYS;
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

/// The SPSO's Model Complaints Handling Procedure for registered social landlords (revised
/// January 2020, in use from 1 April 2021), in working days (months for the time limit and
/// the window to ask for stage 2).
pub mod mchp {
    /// Stage 1, frontline response: a decision, from receipt.
    pub const STAGE1_REPLY_DAYS: u32 = 5;
    /// In exceptional circumstances, the most a stage 1 decision may be extended by (10 in all).
    pub const STAGE1_EXTENSION_DAYS: u32 = 5;
    /// Stage 2, investigation: acknowledged, from the request.
    pub const STAGE2_ACKNOWLEDGE_DAYS: u32 = 3;
    /// Stage 2: a full reply, from the request.
    pub const STAGE2_REPLY_DAYS: u32 = 20;
    /// A complaint is normally made within this many months of the event or of finding out.
    pub const TIME_LIMIT_MONTHS: u32 = 6;
    /// Stage 2 may be asked for up to this many months after the stage 1 reply (or 6 months
    /// from the event, if that is later).
    pub const STAGE2_REQUEST_MONTHS: u32 = 2;
}

/// The Public Services Ombudsman for Wales's Model Complaints Policy, in working days (months
/// for the time limit).
pub mod psow {
    /// Stage 1, informal resolution: an answer, from receipt.
    pub const STAGE1_REPLY_DAYS: u32 = 10;
    /// Stage 2, formal investigation: acknowledged, from the request.
    pub const STAGE2_ACKNOWLEDGE_DAYS: u32 = 5;
    /// Stage 2: a full reply, from the request.
    pub const STAGE2_REPLY_DAYS: u32 = 20;
    /// A complaint is normally made within this many months of becoming aware of the matter.
    pub const TIME_LIMIT_MONTHS: u32 = 6;
}

choice!(serde
    /// The standard a profile is compared with: its nation's.
    Standard {
        /// The Housing Ombudsman's Complaint Handling Code (England).
        Code = "hos-code-2024",
        /// The Public Services Ombudsman for Wales's Model Complaints Policy.
        PsowModel = "psow-model",
        /// The SPSO's Model Complaints Handling Procedure for registered social landlords.
        SpsoMchp = "spso-mchp",
    }
);

impl Standard {
    /// The standard for a landlord in `nation`, if there is one.
    pub fn of(nation: Nation) -> Option<Standard> {
        match nation {
            Nation::England => Some(Standard::Code),
            Nation::Wales => Some(Standard::PsowModel),
            Nation::Scotland => Some(Standard::SpsoMchp),
            Nation::NorthernIreland => None,
        }
    }

    /// The nation whose standard it is.
    pub fn nation(self) -> Nation {
        match self {
            Standard::Code => Nation::England,
            Standard::PsowModel => Nation::Wales,
            Standard::SpsoMchp => Nation::Scotland,
        }
    }

    /// Its full name, as a page names it once: "the Housing Ombudsman’s statutory Complaint
    /// Handling Code".
    pub fn name(self) -> &'static str {
        match self {
            Standard::Code => "the Housing Ombudsman\u{2019}s statutory Complaint Handling Code",
            Standard::PsowModel => "the Public Services Ombudsman for Wales\u{2019}s Model Complaints Policy",
            Standard::SpsoMchp => "the Scottish Public Services Ombudsman\u{2019}s Model Complaints Handling Procedure (MCHP) for registered social landlords",
        }
    }

    /// Its short name in a sentence: "the Code", "the model policy", "the MCHP".
    pub fn the(self) -> &'static str {
        match self {
            Standard::Code => "the Code",
            Standard::PsowModel => "the model policy",
            Standard::SpsoMchp => "the MCHP",
        }
    }

    /// Its short name as a heading: "Code", "Model policy", "MCHP".
    pub fn short(self) -> &'static str {
        match self {
            Standard::Code => "Code",
            Standard::PsowModel => "Model policy",
            Standard::SpsoMchp => "MCHP",
        }
    }

    /// The rules it has, in the order of a report.
    pub fn rules(self) -> &'static [Rule] {
        use Rule::*;
        match self {
            Standard::Code => Rule::ALL_CODE,
            Standard::PsowModel => &[
                TwoStages,
                Stage1Reply,
                Stage2Acknowledge,
                Stage2Reply,
                Stage2Extension,
                TimeLimit,
                OmbudsmanSignposting,
            ],
            Standard::SpsoMchp => &[
                TwoStages,
                Stage1Reply,
                Stage1Extension,
                Stage2Acknowledge,
                Stage2Reply,
                Stage2Extension,
                Stage2RequestWindow,
                TimeLimit,
                OmbudsmanSignposting,
            ],
        }
    }
}

/// The standard a profile is compared with, if its nation has one.
pub fn standard(policy: &Policy) -> Option<Standard> {
    Standard::of(policy.nation())
}

choice!(serde
    /// One requirement of a standard. The order here is the order of a report.
    Rule {
        /// Exactly two stages: a complaint, then a review (or an investigation).
        TwoStages = "two-stages",
        /// Acknowledge a complaint within 5 working days of receipt (the Code).
        Stage1Acknowledge = "stage1-acknowledge",
        /// Reply at stage 1 in time.
        Stage1Reply = "stage1-reply",
        /// Extend a stage 1 reply by no more than the standard allows.
        Stage1Extension = "stage1-extension",
        /// Acknowledge a request for stage 2 in time.
        Stage2Acknowledge = "stage2-acknowledge",
        /// Reply at stage 2 in time.
        Stage2Reply = "stage2-reply",
        /// Extend a stage 2 reply by no more than the standard allows.
        Stage2Extension = "stage2-extension",
        /// Let the resident ask for stage 2 for as long as the standard says (the MCHP).
        Stage2RequestWindow = "stage2-request-window",
        /// Residents need not give reasons for asking for a review (the Code).
        NoReasonsToEscalate = "no-reasons-to-escalate",
        /// Accept a complaint made within the standard's months of the issue or of becoming
        /// aware of it.
        TimeLimit = "time-limit",
        /// No "designated person" step before the Ombudsman (removed by law in England on
        /// 1 October 2022).
        NoDesignatedPerson = "no-designated-person",
        /// The nation's Ombudsman's details are given.
        OmbudsmanSignposting = "ombudsman-signposting",
    }
);

impl Rule {
    /// The Code's rules, in order.
    pub const ALL_CODE: &'static [Rule] = &[
        Rule::TwoStages,
        Rule::Stage1Acknowledge,
        Rule::Stage1Reply,
        Rule::Stage1Extension,
        Rule::Stage2Acknowledge,
        Rule::Stage2Reply,
        Rule::Stage2Extension,
        Rule::NoReasonsToEscalate,
        Rule::TimeLimit,
        Rule::NoDesignatedPerson,
        Rule::OmbudsmanSignposting,
    ];

    /// What `standard` requires, in a few plain words.
    pub fn title(self, standard: Standard) -> &'static str {
        use Standard::*;
        match (standard, self) {
            (Code, Rule::TwoStages) => "Two stages: a complaint, then a review",
            (PsowModel, Rule::TwoStages) => "Two stages: informal resolution, then a formal investigation",
            (SpsoMchp, Rule::TwoStages) => "Two stages: a frontline response, then an investigation",
            (_, Rule::Stage1Acknowledge) => "Stage 1 acknowledged within 5 working days",
            (Code, Rule::Stage1Reply) => "Stage 1 reply within 10 working days of acknowledging",
            (PsowModel, Rule::Stage1Reply) => "Stage 1 answer within 10 working days of receipt",
            (SpsoMchp, Rule::Stage1Reply) => "Stage 1 decision within 5 working days of receipt",
            (SpsoMchp, Rule::Stage1Extension) => "Stage 1 extension of at most 5 working days (10 in all)",
            (_, Rule::Stage1Extension) => "Stage 1 extension of at most 10 working days",
            (SpsoMchp, Rule::Stage2Acknowledge) => "Stage 2 acknowledged within 3 working days",
            (_, Rule::Stage2Acknowledge) => "Stage 2 acknowledged within 5 working days",
            (Code, Rule::Stage2Reply) => "Stage 2 reply within 20 working days of acknowledging",
            (_, Rule::Stage2Reply) => "Stage 2 reply within 20 working days of the request",
            (Code, Rule::Stage2Extension) => "Stage 2 extension of at most 20 working days",
            (_, Rule::Stage2Extension) => "Stage 2 extension only with a reason and a new date",
            (_, Rule::Stage2RequestWindow) => "Stage 2 can be asked for up to 2 months after the stage 1 reply",
            (_, Rule::NoReasonsToEscalate) => "No reasons needed to ask for stage 2",
            (Code, Rule::TimeLimit) => "Complaints accepted up to 12 months after the issue",
            (_, Rule::TimeLimit) => "Complaints accepted up to 6 months after the issue",
            (_, Rule::NoDesignatedPerson) => "No \u{201c}designated person\u{201d} step",
            (Code, Rule::OmbudsmanSignposting) => "The Housing Ombudsman signposted",
            (PsowModel, Rule::OmbudsmanSignposting) => "The Public Services Ombudsman for Wales signposted",
            (SpsoMchp, Rule::OmbudsmanSignposting) => "The Scottish Public Services Ombudsman signposted",
        }
    }
}

choice!(serde
    /// How a profile compares with one rule of its standard, in the order a report shows them:
    /// what needs fixing first.
    Verdict {
        /// Residents could get less than the standard promises: the profile needs changing.
        FallsShort = "falls-short",
        /// Residents always get at least what the standard promises, and sometimes more.
        MoreGenerous = "more-generous",
        /// The profile says what the standard says.
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

    /// Days allowed against the standard's limit: fewer is more generous.
    fn of_days(days: u32, code_limit: u32) -> Verdict {
        match days.cmp(&code_limit) {
            Ordering::Less => Verdict::MoreGenerous,
            Ordering::Equal => Verdict::Meets,
            Ordering::Greater => Verdict::FallsShort,
        }
    }
}

/// What a profile says about one rule of its standard, and how that compares.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: Rule,
    pub verdict: Verdict,
    /// What the profile says, in a few words ("3 working days from receipt", "none").
    pub profile_says: String,
    /// A sentence setting what the profile says against what the standard requires.
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

/// Where a profile's nation has no standard to compare it with (Northern Ireland), why: None
/// elsewhere.
pub fn no_standard(policy: &Policy) -> Option<String> {
    match policy.nation() {
        Nation::NorthernIreland => Some(
            "This landlord is in Northern Ireland. The Housing Ombudsman\u{2019}s Complaint Handling Code is for landlords in England, so this page does not check the policy against it. The Northern Ireland Public Services Ombudsman is writing model complaints handling procedures one sector at a time, starting with councils, and has none for landlords yet, so there is no standard to compare this policy with."
                .to_string(),
        ),
        _ => None,
    }
}

/// What a page says the profile is compared with, in a sentence.
pub fn compared_with(policy: &Policy) -> String {
    match standard(policy) {
        Some(Standard::Code) => {
            "How this complaints policy compares with the Housing Ombudsman\u{2019}s statutory Complaint Handling Code.".to_string()
        }
        Some(standard) => format!(
            "This landlord is in {}, so this complaints policy is compared with {}, not with the Housing Ombudsman\u{2019}s Complaint Handling Code, which is for landlords in England.",
            standard.nation().name(),
            standard.name()
        ),
        None => "This complaints policy is not compared with a standard.".to_string(),
    }
}

/// Compares a profile with its nation's standard: one finding per rule, in the order of
/// [`Standard::rules`]. None where the nation has no standard (see [`no_standard`]).
pub fn check(policy: &Policy) -> Vec<Finding> {
    match standard(policy) {
        None => Vec::new(),
        Some(Standard::Code) => check_code(policy),
        Some(standard) => check_model(policy, standard),
    }
}

fn check_code(policy: &Policy) -> Vec<Finding> {
    let s = Standard::Code;
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
    let mut findings = vec![two_stages(policy, s)];
    findings.push(acknowledge(
        Rule::Stage1Acknowledge,
        "Stage 1",
        stages.stage1.acknowledge.as_ref(),
        "receipt",
        code::STAGE1_ACKNOWLEDGE_DAYS,
        s,
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
        s,
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
                s,
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
                s,
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
    findings.push(time_limit(policy, s, code::TIME_LIMIT_MONTHS));
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

/// The Welsh or Scottish model: its rules, with the reply times counted from the start of each
/// stage.
fn check_model(policy: &Policy, s: Standard) -> Vec<Finding> {
    let stages = &policy.stages;
    let (stage1_days, stage2_ack, stage2_days, months) = match s {
        Standard::SpsoMchp => (
            mchp::STAGE1_REPLY_DAYS,
            mchp::STAGE2_ACKNOWLEDGE_DAYS,
            mchp::STAGE2_REPLY_DAYS,
            mchp::TIME_LIMIT_MONTHS,
        ),
        _ => (
            psow::STAGE1_REPLY_DAYS,
            psow::STAGE2_ACKNOWLEDGE_DAYS,
            psow::STAGE2_REPLY_DAYS,
            psow::TIME_LIMIT_MONTHS,
        ),
    };
    let mut findings = Vec::new();
    for rule in s.rules() {
        let stage2 = stages.stage2.as_ref();
        let finding = match (rule, stage2) {
            (Rule::TwoStages, _) => two_stages(policy, s),
            (Rule::Stage1Reply, _) => {
                reply_from_start(*rule, "Stage 1", &stages.stage1, "receipt", stage1_days, s)
            }
            (Rule::Stage1Extension, _) => extension(
                *rule,
                "Stage 1",
                &stages.stage1,
                mchp::STAGE1_EXTENSION_DAYS,
                s,
            ),
            (Rule::TimeLimit, _) => time_limit(policy, s, months),
            (Rule::OmbudsmanSignposting, _) => nations_ombudsman(policy, s),
            (_, None) => Finding::new(
                *rule,
                Verdict::FallsShort,
                "no stage 2",
                format!(
                    "There is no stage 2, so a resident cannot ask for an investigation; {} has one.",
                    s.the()
                ),
            ),
            (Rule::Stage2Acknowledge, Some(stage2)) => acknowledge(
                *rule,
                "Stage 2",
                stage2.stage.acknowledge.as_ref(),
                "the request",
                stage2_ack,
                s,
            ),
            (Rule::Stage2Reply, Some(stage2)) => {
                reply_from_start(*rule, "Stage 2", &stage2.stage, "the request", stage2_days, s)
            }
            (Rule::Stage2Extension, Some(stage2)) => open_extension(&stage2.stage, s),
            (Rule::Stage2RequestWindow, Some(stage2)) => request_window(stage2.request_window.as_ref(), s),
            // Not among the models' rules.
            (Rule::Stage1Acknowledge | Rule::NoReasonsToEscalate | Rule::NoDesignatedPerson, _) => {
                unreachable!("not a rule of {}", s.id())
            }
        };
        findings.push(finding);
    }
    findings
}

fn two_stages(policy: &Policy, s: Standard) -> Finding {
    let stages = &policy.stages;
    let the = s.the();
    let what = match s {
        Standard::Code => "a complaint and then a review",
        Standard::PsowModel => "informal resolution and then a formal investigation",
        Standard::SpsoMchp => "a frontline response and then an investigation",
    };
    if stages.stage2.is_none() {
        return Finding::new(
            Rule::TwoStages,
            Verdict::FallsShort,
            "1 stage",
            format!("There is only stage 1; {the} requires two stages, {what}."),
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
                "Two stages, as {the} requires, and a quick route before them (\u{201c}{}\u{201d}) that a resident may skip to make a formal complaint straight away.",
                concern.name
            ),
        ),
        None => Finding::new(
            Rule::TwoStages,
            Verdict::Meets,
            "2 stages",
            format!("Two stages, {what}, as {the} requires."),
        ),
    }
}

fn acknowledge(
    rule: Rule,
    stage: &str,
    clock: Option<&Clock>,
    from: &str,
    code_days: u32,
    s: Standard,
) -> Finding {
    let the = s.the();
    let Some(clock) = clock else {
        return Finding::new(
            rule,
            Verdict::FallsShort,
            "none",
            format!(
                "{stage} acknowledgement: the profile gives no time; {the} requires one within {code_days} working days of {from}."
            ),
        );
    };
    let days = working_days_at_most(clock);
    let verdict = Verdict::of_days(days, code_days);
    let says = days_text(clock);
    let detail = format!(
        "{stage} acknowledgement: within {says} of {from}{}; {the} allows at most {code_days} working days.",
        calendar_note(clock)
    );
    Finding::new(rule, verdict, says, detail)
}

/// A reply clock under the Welsh or Scottish model, which counts it from the start of the
/// stage (`from`): a clock from acknowledgement or logging is judged by its worst case, the
/// acknowledgement's days (or the Code's 5, as the dates assume, where the profile gives none)
/// and its own.
fn reply_from_start(
    rule: Rule,
    stage_name: &str,
    stage: &Stage,
    from: &str,
    limit: u32,
    s: Standard,
) -> Finding {
    let clock = &stage.respond;
    let the = s.the();
    let says = format!("{} from {}", days_text(clock), anchor_words(clock.from));
    let allows = format!("{the} allows at most {limit} working days from {from}");
    match clock.from {
        Anchor::Acknowledgement | Anchor::Logging => {
            let acknowledged = stage
                .acknowledge
                .as_ref()
                .map_or(CODE_ACKNOWLEDGE_DAYS, working_days_at_most);
            let worst = acknowledged + working_days_at_most(clock);
            Finding::new(
                rule,
                Verdict::of_days(worst, limit),
                says.clone(),
                format!(
                    "{stage_name} reply: {says}{}, acknowledged within {acknowledged} working days: up to {worst} working days from {from}; {allows}.",
                    calendar_note(clock)
                ),
            )
        }
        Anchor::Receipt | Anchor::EscalationRequest | Anchor::Stage1Response => {
            let days = working_days_at_most(clock);
            Finding::new(
                rule,
                Verdict::of_days(days, limit),
                says.clone(),
                format!("{stage_name} reply: {says}{}; {allows}.", calendar_note(clock)),
            )
        }
    }
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

fn extension(rule: Rule, stage_name: &str, stage: &Stage, code_days: u32, s: Standard) -> Finding {
    let the = s.the();
    match stage.extension_days {
        None => Finding::new(
            rule,
            Verdict::MoreGenerous,
            "none",
            format!(
                "{stage_name} extension: the profile allows none; {the} allows up to {code_days} more working days."
            ),
        ),
        Some(days) => {
            let verdict = Verdict::of_days(days, code_days);
            Finding::new(
                rule,
                verdict,
                format!("{days} working days"),
                format!(
                    "{stage_name} extension: up to {days} more working days; {the} allows at most {code_days}."
                ),
            )
        }
    }
}

/// A stage 2 extension under the Welsh or Scottish model, which sets no number of days: the
/// landlord tells the resident why it needs longer, and when it will reply.
fn open_extension(stage: &Stage, s: Standard) -> Finding {
    let the = s.the();
    match stage.extension_days {
        // No number to compare: the profile promises no later date, and the model lets a
        // landlord take longer only by telling the resident why and when.
        None => Finding::new(
            Rule::Stage2Extension,
            Verdict::Meets,
            "no number of days",
            format!(
                "Stage 2 extension: the profile sets no number of days, nor does {the}: a landlord that needs longer must tell the resident why and when it will reply."
            ),
        ),
        Some(days) => Finding::new(
            Rule::Stage2Extension,
            Verdict::Meets,
            format!("{days} working days"),
            format!(
                "Stage 2 extension: up to {days} more working days. {} sets no number of days, but the landlord must tell the resident why it needs longer and when it will reply.",
                capitalised(the)
            ),
        ),
    }
}

/// How long after the stage 1 reply a resident may ask for stage 2, against the MCHP's 2
/// months (or 6 from the event, if later: the shorter is the least a resident always has).
fn request_window(window: Option<&Clock>, s: Standard) -> Finding {
    let the = s.the();
    let months = mchp::STAGE2_REQUEST_MONTHS;
    let Some(window) = window else {
        return Finding::new(
            Rule::Stage2RequestWindow,
            Verdict::MoreGenerous,
            "no limit",
            format!(
                "Stage 2 request: no time limit; {the} lets a resident ask for at least {months} months after the stage 1 reply."
            ),
        );
    };
    let verdict = match window.counting {
        Counting::CalendarMonths => Verdict::of_days(months, window.days),
        // Never shorter than 2 months only if it always covers the longest 2 months (62 days).
        _ if least_calendar_days(window) >= 62 => Verdict::MoreGenerous,
        _ => Verdict::FallsShort,
    };
    let says = days_text(window);
    Finding::new(
        Rule::Stage2RequestWindow,
        verdict,
        format!("{says} from the stage 1 reply"),
        format!(
            "Stage 2 request: within {says} of the stage 1 reply; {the} allows {months} months (or 6 months from the event, if that is later)."
        ),
    )
}

fn time_limit(policy: &Policy, s: Standard, code: u32) -> Finding {
    let the = s.the();
    let Some(limit) = &policy.time_limit else {
        return Finding::new(
            Rule::TimeLimit,
            Verdict::MoreGenerous,
            "none",
            format!(
                "Time limit: none, so a complaint is accepted however long ago the issue was; {the} requires at least {code} months."
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
            "Time limit: {months} months{lifted}; {the} requires a complaint made within {code} months of the issue, or of becoming aware of it, to be accepted."
        ),
        _ => format!(
            "Time limit: {months} months{lifted}; {the} requires at least {code} months from the issue, or from becoming aware of it."
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

/// Under the Welsh or Scottish model: the nation's one Ombudsman (a profile's scheme always
/// matches its nation, or it is refused).
fn nations_ombudsman(policy: &Policy, s: Standard) -> Finding {
    let details = policy.ombudsman.scheme.details();
    let names: Vec<&str> = details
        .iter()
        .map(|d| (d.name)(Language::English))
        .collect();
    let own = OmbudsmanScheme::of_nation(s.nation());
    if policy.ombudsman.scheme == own {
        Finding::new(
            Rule::OmbudsmanSignposting,
            Verdict::Meets,
            names.join(" and "),
            format!("Residents are told about the {}.", names.join(" and ")),
        )
    } else {
        Finding::new(
            Rule::OmbudsmanSignposting,
            Verdict::FallsShort,
            names.join(" and "),
            format!(
                "Residents are told about the {}; {} requires the details of the Ombudsman of {}.",
                names.join(" and "),
                s.the(),
                s.nation().name()
            ),
        )
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
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
        // Outside England the Code is not checked: the nation's standard is (see `check`).
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

/// The fewest calendar days a clock can span from the day it starts, whichever day of the
/// week that is: the opposite of [`working_days_at_most`]. Bank holidays are left out: they
/// only make a working-day clock longer. A month is at least 28 days.
pub fn least_calendar_days(clock: &Clock) -> u32 {
    match clock.counting {
        Counting::CalendarDays => clock.days,
        Counting::CalendarMonths => clock.days * 28,
        Counting::WorkingDays => {
            let is_working = |day: u32| day % 7 < 5; // day 0 is a Monday
            (0..7)
                .map(|start: u32| {
                    let mut day = if is_working(start) { start } else { start + 7 - start % 7 };
                    for _ in 0..clock.days {
                        day += 1;
                        while !is_working(day) {
                            day += 1;
                        }
                    }
                    day - start
                })
                .min()
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

/// The findings for several profiles against `standard` as a Markdown table: a row per rule, a
/// column per profile, and a last row counting where each falls short. A profile of another
/// nation is not checked against it. docs/policy-check.md shows the built-ins (see
/// [`markdown_tables`]), and a test keeps it up to date.
pub fn markdown_table(standard: Standard, policies: &[Policy]) -> String {
    let results: Vec<Option<Vec<Finding>>> = policies
        .iter()
        .map(|policy| (self::standard(policy) == Some(standard)).then(|| check(policy)))
        .collect();
    let mut table = format!("| {} requirement |", standard.short());
    for policy in policies {
        let _ = write!(table, " `{}` |", policy.id);
    }
    table.push_str("\n| --- |");
    for _ in policies {
        table.push_str(" --- |");
    }
    table.push('\n');
    for (row, rule) in standard.rules().iter().enumerate() {
        let _ = write!(table, "| {} |", rule.title(standard));
        for findings in &results {
            let Some(finding) = findings.as_ref().and_then(|f| f.get(row)) else {
                let _ = write!(
                    table,
                    " not checked: {} is {}\u{2019}s |",
                    standard.the(),
                    standard.nation().name()
                );
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
        match findings {
            Some(findings) => {
                let short = findings
                    .iter()
                    .filter(|f| f.verdict == Verdict::FallsShort)
                    .count();
                let _ = write!(table, " **{short}** |");
            }
            None => table.push_str(" |"),
        }
    }
    table.push('\n');
    table
}

/// Each standard's table of the profiles compared with it, under a heading naming it, in the
/// order of [`Standard::ALL`]; a standard no profile is compared with has none.
pub fn markdown_tables(policies: &[Policy]) -> String {
    let mut text = String::new();
    for standard in Standard::ALL {
        let own: Vec<Policy> = policies
            .iter()
            .filter(|policy| self::standard(policy) == Some(standard))
            .cloned()
            .collect();
        if own.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        let name = capitalised(standard.name());
        let _ = write!(text, "{} ({}):\n\n{}", name, standard.nation().name(), markdown_table(standard, &own));
    }
    text
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
    fn each_nation_is_compared_with_its_own_standard_and_says_which() {
        let english = Policy::default_policy();
        assert_eq!(standard(&english), Some(Standard::Code));
        assert_eq!(no_standard(&english), None);
        assert_eq!(check(&english).len(), Rule::ALL_CODE.len());
        assert!(compared_with(&english).contains("statutory Complaint Handling Code"));
        for (nation, standard_is, name) in [
            (Nation::Wales, Standard::PsowModel, "Public Services Ombudsman for Wales\u{2019}s Model Complaints Policy"),
            (Nation::Scotland, Standard::SpsoMchp, "Model Complaints Handling Procedure (MCHP)"),
        ] {
            let policy = Policy::default_in(nation);
            assert_eq!(standard(&policy), Some(standard_is));
            assert_eq!(no_standard(&policy), None);
            let rules: Vec<Rule> = check(&policy).iter().map(|f| f.rule).collect();
            assert_eq!(rules, standard_is.rules(), "{nation:?}");
            let lead = compared_with(&policy);
            assert!(lead.contains(&format!("This landlord is in {}", nation.name())), "{lead}");
            assert!(lead.contains(name), "{lead}");
            assert!(lead.contains("not with the Housing Ombudsman\u{2019}s Complaint Handling Code"), "{lead}");
            // No finding names the Code or an English Ombudsman.
            for finding in check(&policy) {
                for english_body in ["the Code", "Housing Ombudsman", "Local Government"] {
                    assert!(!finding.detail.contains(english_body), "{nation:?}: {}", finding.detail);
                }
            }
        }
        // Northern Ireland: no model for landlords, so nothing is compared, and it says so.
        let ni = Policy::default_in(Nation::NorthernIreland);
        assert_eq!(standard(&ni), None);
        assert_eq!(check(&ni), []);
        let note = no_standard(&ni).unwrap();
        assert!(note.contains("This landlord is in Northern Ireland."), "{note}");
        assert!(note.contains("is for landlords in England"), "{note}");
        assert!(note.contains("has none for landlords yet"), "{note}");
        // A table of one standard: a profile of another nation's column says why it is not
        // checked.
        let table = markdown_table(Standard::Code, &[english, Policy::default_in(Nation::Wales)]);
        assert!(table.contains("| not checked: the Code is England\u{2019}s |"), "{table}");
    }

    #[test]
    fn the_fewest_calendar_days_a_clock_spans() {
        let working = |days| Clock { days, from: Anchor::Stage1Response, counting: Counting::WorkingDays };
        // 5 working days are a week from any day; 1 from a Friday (or a Saturday) is Monday.
        assert_eq!(least_calendar_days(&working(5)), 7);
        assert_eq!(least_calendar_days(&working(1)), 1);
        assert_eq!(least_calendar_days(&working(44)), 60);
        assert_eq!(least_calendar_days(&working(45)), 63);
        assert_eq!(least_calendar_days(&calendar(20)), 20);
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
            let policy = Policy::builtin(id).unwrap();
            let findings = check(&policy);
            let rules: Vec<Rule> = findings.iter().map(|f| f.rule).collect();
            let standard = standard(&policy).expect("every built-in has a standard");
            assert_eq!(rules, standard.rules(), "{id}");
        }
        // Each standard's rules are in the order of Rule::ALL.
        for standard in Standard::ALL {
            let positions: Vec<usize> = standard
                .rules()
                .iter()
                .map(|rule| Rule::ALL.iter().position(|r| r == rule).unwrap())
                .collect();
            assert!(positions.windows(2).all(|w| w[0] < w[1]), "{}", standard.id());
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
