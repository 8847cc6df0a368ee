//! A landlord's complaints policy as data (a "profile"): the JSON format, its validation with
//! errors that name the field, and the built-in profiles compiled into the app.
//!
//! The format is documented by `public/policies/policy.schema.json`; the Rust types here are
//! the source of truth and a test keeps the two in step.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calendar::Region;
use super::local_text::LocalText;
use super::choice::choice;

/// A landlord's policy profile. Field names match the JSON document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// The schema an editor checks the file against, for its hints as the author types:
    /// accepted and not used.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Stable identifier, lowercase letters, digits and hyphens (`greatwell`).
    pub id: String,
    /// The profile's version, recorded with every submission judged under it.
    pub version: String,
    /// The document the profile was written from, for the landlord's web team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub landlord: Landlord,
    /// Whose bank holidays count when working days are added.
    pub region: Region,
    /// The nation the landlord's homes are in, as the profile gives it (absent: implied by
    /// `region`). Read it with [`Policy::nation`], which fills in the implied one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nation: Option<Nation>,
    pub ombudsman: Ombudsman,
    pub eligibility: Eligibility,
    /// How long after the issue (or becoming aware of it) a complaint may be made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit: Option<TimeLimit>,
    #[serde(default)]
    pub exclusions: Vec<Exclusion>,
    pub stages: Stages,
    /// Working days to reply to a comment when the resident asks for a reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment_reply_days: Option<u32>,
    /// Hazards that count as significant hazards under Awaab's Law from a date, beside damp and
    /// mould (which always do in England): the later phases, as they come into force, without
    /// a change of code. England only. See `domain::hazards`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hazards: Vec<Hazard>,
}

choice!(serde
    /// The UK nation a landlord's homes are in. It decides which laws apply (Awaab's Law in
    /// England only), which the calendar `Region` cannot: England and Wales share their bank
    /// holidays.
    Nation {
        England = "england",
        Wales = "wales",
        Scotland = "scotland",
        NorthernIreland = "northern-ireland",
    }
);

impl Nation {
    /// Its name in English, e.g. "Northern Ireland".
    pub fn name(self) -> &'static str {
        match self {
            Nation::England => "England",
            Nation::Wales => "Wales",
            Nation::Scotland => "Scotland",
            Nation::NorthernIreland => "Northern Ireland",
        }
    }

    /// Whose bank holidays its working days follow.
    pub fn region(self) -> Region {
        match self {
            Nation::England | Nation::Wales => Region::EnglandAndWales,
            Nation::Scotland => Region::Scotland,
            Nation::NorthernIreland => Region::NorthernIreland,
        }
    }

    /// The nation a profile that names none is taken to be in: the region's own, and England
    /// for "england-and-wales" (so a Welsh landlord must say "wales").
    pub fn implied_by(region: Region) -> Nation {
        match region {
            Region::EnglandAndWales => Nation::England,
            Region::Scotland => Nation::Scotland,
            Region::NorthernIreland => Nation::NorthernIreland,
        }
    }
}

/// A hazard a profile names as a significant hazard under Awaab's Law from a date (a phase 2
/// hazard such as excess cold, say), beside damp and mould.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hazard {
    /// Unique within the profile (`excess-cold`), and not `damp-and-mould`, which is built in,
    /// nor `other`, which is any hazard not listed.
    pub id: String,
    /// What residents call it, as a choice they can pick.
    pub name: LocalText,
    /// The first day a landlord told of it must meet the significant-hazard deadlines.
    #[serde(with = "iso_date")]
    pub significant_from: NaiveDate,
}

/// A `YYYY-MM-DD` date read and written without chrono's format machinery, which would add
/// kilobytes to the start page's wasm (it reads the profile) for this one field.
mod iso_date {
    use chrono::{Datelike, NaiveDate};
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, to: S) -> Result<S::Ok, S::Error> {
        let text = format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day());
        to.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(from)?;
        let parts: Vec<&str> = text.split('-').collect();
        let date = match parts[..] {
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                match (y.parse(), m.parse(), d.parse()) {
                    (Ok(y), Ok(m), Ok(d)) => NaiveDate::from_ymd_opt(y, m, d),
                    _ => None,
                }
            }
            _ => None,
        };
        date.ok_or_else(|| D::Error::custom(format!("\"{text}\" is not a real date as YYYY-MM-DD")))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Landlord {
    /// Its name, which a landlord can give in Welsh too.
    pub name: LocalText,
    /// Ways to complain other than this app, in the order the landlord prefers.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// The emergency repairs line, shown before anything else when someone is in danger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emergency_repairs_phone: Option<String>,
    /// Its Welsh name as it changes after a word that mutates it, where the landlord gives it:
    /// "i Gartrefi Conwy", "â Chartrefi Conwy". Without it, Welsh texts put the name as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub welsh_mutations: Option<WelshMutations>,
}

/// A landlord's Welsh name after words that mutate it (see `translations::with_forms`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WelshMutations {
    /// After "i", "at", "wrth", "ar", "am", "o" and the other words that call for the soft
    /// mutation: "Gartrefi Conwy" for "Cartrefi Conwy".
    pub soft: String,
    /// After "â", "gyda" and "tua": "Chartrefi Conwy". Where left out, the name as written
    /// (only c, p and t change).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aspirate: Option<String>,
}

impl WelshMutations {
    /// `name` as the app's texts in `language` take it, with the forms `mutations` gives: the
    /// landlord's in the profile, or as a submission on the device kept them.
    pub fn name_in_texts(
        name: &LocalText,
        mutations: Option<&WelshMutations>,
        language: super::language::Language,
    ) -> String {
        let name = name.get(language);
        match (mutations, language) {
            (Some(forms), super::language::Language::Welsh) => super::translations::with_forms(
                name,
                &forms.soft,
                forms.aspirate.as_deref().unwrap_or(name),
            ),
            _ => name.to_string(),
        }
    }
}

impl Landlord {
    /// The name as the app's texts in `language` take it: in Welsh, with the forms the words
    /// before it call for where the profile gives them. For the texts' arguments only; show
    /// `name` anywhere else.
    pub fn name_in_texts(&self, language: super::language::Language) -> String {
        WelshMutations::name_in_texts(&self.name, self.welsh_mutations.as_ref(), language)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub channel: Channel,
    /// The number, address, web address or place, as the resident should use it.
    pub value: LocalText,
    /// Opening hours or any other detail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<LocalText>,
}

choice!(serde
    /// How a resident can reach the landlord.
    Channel {
        Phone = "phone",
        Email = "email",
        Post = "post",
        Web = "web",
        InPerson = "in-person",
        SocialMedia = "social-media",
    }
);

/// Which Ombudsman can look at a complaint once the landlord's process is over.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ombudsman {
    pub scheme: OmbudsmanScheme,
    /// Where `scheme` is `both`: the services the Local Government and Social Care Ombudsman
    /// covers instead of the Housing Ombudsman (for example housing advice and homelessness).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lgsco_services: Vec<LocalText>,
}

choice!(serde
    /// Each nation has its own Ombudsman: England two (housing, and councils' other services),
    /// Wales, Scotland and Northern Ireland one each for all public services, housing included.
    OmbudsmanScheme {
        Housing = "housing",
        Lgsco = "lgsco",
        Both = "both",
        /// The Public Services Ombudsman for Wales.
        Psow = "psow",
        /// The Scottish Public Services Ombudsman.
        Spso = "spso",
        /// The Northern Ireland Public Services Ombudsman.
        Nipso = "nipso",
    }
);

impl OmbudsmanScheme {
    /// The nation whose Ombudsman (or Ombudsmen) this is.
    pub fn nation(self) -> Nation {
        match self {
            OmbudsmanScheme::Housing | OmbudsmanScheme::Lgsco | OmbudsmanScheme::Both => {
                Nation::England
            }
            OmbudsmanScheme::Psow => Nation::Wales,
            OmbudsmanScheme::Spso => Nation::Scotland,
            OmbudsmanScheme::Nipso => Nation::NorthernIreland,
        }
    }

    /// Every Ombudsman of a nation: England's two, or the nation's one.
    pub fn of_nation(nation: Nation) -> OmbudsmanScheme {
        match nation {
            Nation::England => OmbudsmanScheme::Both,
            Nation::Wales => OmbudsmanScheme::Psow,
            Nation::Scotland => OmbudsmanScheme::Spso,
            Nation::NorthernIreland => OmbudsmanScheme::Nipso,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    /// The connections to the landlord that may use the complaints process.
    pub who_may_complain: Vec<Connection>,
    pub representatives: Representatives,
    /// Whether a complaint without a name is accepted (no reply is then possible).
    pub anonymous_accepted: bool,
}

choice!(serde
    /// A person's connection to the landlord.
    Connection {
        Tenant = "tenant" => tenant,
        Leaseholder = "leaseholder" => leaseholder,
        SharedOwner = "shared-owner" => shared_owner,
        HousingApplicant = "housing-applicant" => housing_applicant,
        ServiceUser = "service-user" => service_user,
        MemberOfThePublic = "member-of-the-public" => member_of_public,
    }
);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Representatives {
    pub allowed: bool,
    /// Whether the landlord needs the resident's consent in writing before it deals with them.
    pub written_consent_required: bool,
    /// Whether replies may go to the representative rather than only to the resident.
    pub replies_to_representative: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeLimit {
    /// Calendar months from the issue, or from when the resident became aware of it.
    pub months: u32,
    /// Whether a good reason (special circumstances) can lift the limit.
    pub special_circumstances: bool,
    /// Whether the limit bars only matters the resident has not raised with the landlord before
    /// (Nottingham: "an issue over six months old that has not previously been raised"). A
    /// matter reported before and still not put right is then in time, however old.
    #[serde(default, skip_serializing_if = "is_default")]
    pub only_if_not_raised_before: bool,
}

/// Something the policy does not treat as a complaint, with where to go instead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// Unique within the profile (`homelessness-review`).
    pub id: String,
    pub kind: ExclusionKind,
    /// A few words naming it, as a heading.
    pub summary: LocalText,
    /// Why the policy handles this another way, in plain words.
    pub explanation: LocalText,
    /// Where to go instead, with contact details where there are any.
    pub signpost: LocalText,
    /// For an `own-appeal-route` exclusion: the kind of decision whose route it describes. An
    /// appeal route without one is the profile's general words for any other decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
}

choice!(serde
    /// The kinds of decision with a route of their own, in words a resident knows.
    Decision {
        /// A decision on a housing application (allocations) or on homelessness, including
        /// whether temporary housing or an offered home is suitable.
        Housing = "housing" => decision_housing,
        /// The amount of a service charge.
        ServiceCharge = "service-charge" => decision_service_charge,
        /// Ending a tenancy (an introductory or starter tenancy, say), or taking one over.
        Tenancy = "tenancy" => decision_tenancy + decision_tenancy_hint,
        /// A benefit, such as Housing Benefit or Universal Credit.
        Benefit = "benefit" => decision_benefit,
        /// Another decision with its own way to appeal or ask for a review.
        Other = "other" => decision_other + decision_other_hint,
        /// Another decision with no appeal or review the resident knows of: an answer, not a
        /// kind of route, so no profile's exclusion may name it. Such a decision is a complaint.
        NoRoute = "no-route" => decision_no_route + decision_no_route_hint,
    }
);

choice!(serde
    /// The kinds of matter a policy may exclude. Triage asks about each kind, so a new kind is a
    /// compile error wherever it must be handled.
    ExclusionKind {
        /// A first report of a repair or problem.
        ServiceRequest = "service-request",
        /// A request for information or an explanation.
        InformationRequest = "information-request",
        /// A neighbour's behaviour or anti-social behaviour itself (not how reports were handled).
        AntiSocialBehaviour = "anti-social-behaviour",
        /// A decision with its own appeal or review route.
        OwnAppealRoute = "own-appeal-route",
        /// Court or legal action already started.
        LegalProceedings = "legal-proceedings",
        /// An insurance, liability or personal injury claim.
        InsuranceClaim = "insurance-claim",
        /// The landlord has already answered it at the end of its complaints process.
        AlreadyConsidered = "already-considered",
        /// The Ombudsman is dealing with it, or has.
        WithOmbudsman = "with-ombudsman",
        /// Older than the policy's time limit.
        OutOfTime = "out-of-time",
        /// Not the landlord's responsibility (another service or agency).
        NotLandlordResponsibility = "not-landlord-responsibility",
        /// A councillor's conduct.
        CouncillorConduct = "councillor-conduct",
        /// A member of staff's own grievance.
        StaffGrievance = "staff-grievance",
        /// Disagreement with a policy itself, rather than how it was applied.
        PolicyDisagreement = "policy-disagreement",
        /// A supplier's or partner's business relationship with the landlord.
        BusinessRelationship = "business-relationship",
    }
);

choice!(serde
    /// What starts a clock.
    Anchor {
        /// The day the landlord receives the complaint.
        Receipt = "receipt",
        /// The day the landlord acknowledges it (taken as the last day the policy allows).
        Acknowledgement = "acknowledgement",
        /// The day the landlord logs it. A complaint is logged no later than it is acknowledged,
        /// so this is taken as the acknowledgement date: never earlier than the policy promises.
        Logging = "logging",
        /// The day the resident asks for a stage 2 review.
        EscalationRequest = "escalation-request",
        /// The date of the landlord's stage 1 response.
        Stage1Response = "stage1-response",
    }
);

choice!(serde
    /// Whether a clock counts working days, calendar days or calendar months.
    #[derive(Default)]
    Counting {
        #[default]
        WorkingDays = "working-days",
        CalendarDays = "calendar-days",
        /// Whole months (`days` is then a number of months), the last day clamped to the end
        /// of a shorter month: only for stage 2's request window (the SPSO's model gives the
        /// resident two months after the stage 1 reply).
        CalendarMonths = "calendar-months",
    }
);

/// A number of days from an anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clock {
    pub days: u32,
    pub from: Anchor,
    #[serde(default, skip_serializing_if = "is_default")]
    pub counting: Counting,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stages {
    /// A quick, informal route some landlords offer before a formal complaint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concern: Option<ConcernStage>,
    pub stage1: Stage,
    /// Absent only for a policy with a single stage (which the policy check reports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage2: Option<Stage2>,
    /// Whether the policy still sends residents to a "designated person" (MP, councillor or
    /// tenant panel) before the Ombudsman, a step removed by law from 1 October 2022.
    #[serde(default, skip_serializing_if = "is_default")]
    pub designated_person: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConcernStage {
    /// What the landlord calls it ("Customer concern", "Quick resolution").
    pub name: String,
    pub resolve: Clock,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledge: Option<Clock>,
    /// A first call or meeting to talk the complaint through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Clock>,
    pub respond: Clock,
    /// Further working days the landlord may take, with reasons, after `respond`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension_days: Option<u32>,
}

/// A stage 1 with two fields more. In JSON its fields sit side by side (see `Stage2Json`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "Stage2Json", into = "Stage2Json")]
pub struct Stage2 {
    pub stage: Stage,
    /// How long after the stage 1 response the resident may ask for a review.
    pub request_window: Option<Clock>,
    /// Whether the resident must give reasons to escalate.
    pub reasons_required: bool,
}

/// `Stage2` as JSON has it, one object. Not `#[serde(flatten)]`, which reads the object twice
/// through a buffer (kilobytes more in every wasm that reads a profile) and lets unknown fields
/// through.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stage2Json {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    acknowledge: Option<Clock>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    contact: Option<Clock>,
    respond: Clock,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    extension_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    request_window: Option<Clock>,
    reasons_required: bool,
}

impl From<Stage2Json> for Stage2 {
    fn from(json: Stage2Json) -> Self {
        let Stage2Json { acknowledge, contact, respond, extension_days, request_window, reasons_required } = json;
        let stage = Stage { acknowledge, contact, respond, extension_days };
        Stage2 { stage, request_window, reasons_required }
    }
}

impl From<Stage2> for Stage2Json {
    fn from(stage2: Stage2) -> Self {
        let Stage2 { stage: Stage { acknowledge, contact, respond, extension_days }, request_window, reasons_required } = stage2;
        Stage2Json { acknowledge, contact, respond, extension_days, request_window, reasons_required }
    }
}

/// A profile that cannot be used, naming the field at fault for the person who wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyError {
    /// Dotted path to the field (`stages.stage1.respond.from`), or empty for the whole document.
    pub field: String,
    pub message: String,
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.field, self.message)
        }
    }
}

impl std::error::Error for PolicyError {}

/// The built-in profiles: id and JSON, the default first.
const BUILTINS: &[(&str, &str)] = &[
    (
        "hos-code-2024",
        include_str!("../../public/policies/hos-code-2024.json"),
    ),
    (
        "nottingham",
        include_str!("../../public/policies/nottingham.json"),
    ),
    (
        "greatwell",
        include_str!("../../public/policies/greatwell.json"),
    ),
    (
        "north-warwickshire",
        include_str!("../../public/policies/north-warwickshire.json"),
    ),
    (
        "south-cambridgeshire",
        include_str!("../../public/policies/south-cambridgeshire.json"),
    ),
    (
        "town-and-country",
        include_str!("../../public/policies/town-and-country.json"),
    ),
    // The model procedures of the Ombudsmen of Wales and Scotland. Northern Ireland's
    // Ombudsman has no model for landlords yet (see `policy_check::outside_england`).
    (
        "psow-model",
        include_str!("../../public/policies/psow-model.json"),
    ),
    (
        "spso-mchp",
        include_str!("../../public/policies/spso-mchp.json"),
    ),
];

/// The most days any clock may run: a year of working days is far beyond any real policy, so a
/// larger number is a typing mistake.
const MAX_DAYS: u32 = 260;

impl Policy {
    /// The profile used when none is chosen: the Housing Ombudsman's statutory Code.
    pub const DEFAULT_ID: &'static str = "hos-code-2024";

    /// Parses and validates a profile.
    pub fn from_json(json: &str) -> Result<Policy, PolicyError> {
        let deserializer = &mut serde_json::Deserializer::from_str(json);
        let policy: Policy = serde_path_to_error::deserialize(deserializer).map_err(|err| {
            let field = err.path().to_string();
            let inner = err.into_inner();
            PolicyError {
                // serde_path_to_error names the whole document ".".
                field: if field == "." { String::new() } else { field },
                message: plain_serde_message(&inner),
            }
        })?;
        policy.validate()?;
        Ok(policy)
    }

    /// Parses and checks a profile like `from_json`, but names every problem at once, for a
    /// web team fixing one: each field of the wrong type or unknown (serde stops at the first,
    /// so each is set aside and the rest read again), then every rule the types cannot check.
    pub fn check(json: &str) -> Result<Policy, Vec<PolicyError>> {
        use serde_path_to_error::Segment;
        let mut value: serde_json::Value = serde_json::from_str(json).map_err(|err| {
            vec![PolicyError {
                field: String::new(),
                message: plain_serde_message(&err),
            }]
        })?;
        let mut problems = Vec::new();
        // Where a required field is missing or was set aside, the default profile's value
        // stands in, so that reading goes on; problems about those fields are not the profile's.
        let mut set_aside: Vec<String> = Vec::new();
        let mut stood_in: Vec<String> = Vec::new();
        // Read once, when a field first needs standing in for.
        let mut default: Option<serde_json::Value> = None;
        // Each round takes a field out or puts one in, never the same twice.
        for _ in 0..100 {
            let error = match serde_path_to_error::deserialize::<_, Policy>(&value) {
                Ok(policy) => {
                    let own = policy.problems().into_iter().filter(|problem| {
                        !stood_in.iter().any(|path| problem.field.starts_with(path.as_str()))
                    });
                    problems.extend(own);
                    return if problems.is_empty() { Ok(policy) } else { Err(problems) };
                }
                Err(error) => error,
            };
            let mut path: Vec<Segment> = error.path().iter().cloned().collect();
            let message = plain_serde_message(error.inner());
            let missing = message
                .strip_prefix("missing field `")
                .and_then(|rest| rest.split_once('`'))
                .map(|(key, _)| key.to_string());
            if let Some(key) = missing {
                let within = dotted(&path);
                path.push(Segment::Map { key });
                let field = dotted(&path);
                if !set_aside.contains(&field) {
                    // Missing in the profile itself: named where it belongs.
                    problems.push(PolicyError { field: within, message });
                }
                let default = default.get_or_insert_with(|| {
                    serde_json::from_str(BUILTINS[0].1).expect("the default profile is JSON")
                });
                let stand_in = json_at(default, &path).cloned();
                if !stand_in.is_some_and(|stand_in| json_insert(&mut value, &path, stand_in)) {
                    break;
                }
                stood_in.push(field);
                continue;
            }
            // serde names an unknown field by its own path; other faults by the field's.
            let field = dotted(&path);
            problems.push(PolicyError { field: field.clone(), message });
            if !json_remove(&mut value, &path) {
                break;
            }
            set_aside.push(field);
        }
        Err(problems)
    }

    /// Parses and validates a profile like `from_json`, but names a fault by its line and
    /// column rather than its field: a fraction of the code, for the first page's small wasm.
    pub fn from_json_by_position(json: &str) -> Result<Policy, PolicyError> {
        let policy: Policy = serde_json::from_str(json).map_err(|err| PolicyError {
            field: String::new(),
            message: if err.is_syntax() || err.is_eof() {
                format!("not valid JSON: {err}")
            } else {
                err.to_string()
            },
        })?;
        policy.validate()?;
        Ok(policy)
    }

    /// A built-in profile by id.
    pub fn builtin(id: &str) -> Option<Policy> {
        BUILTINS
            .iter()
            .find(|(builtin_id, _)| *builtin_id == id)
            .map(|(_, json)| Policy::from_json(json).expect("built-in profiles are valid (tested)"))
    }

    /// The ids of the built-in profiles, the default first.
    pub fn builtin_ids() -> &'static [&'static str] {
        const IDS: [&str; BUILTINS.len()] = {
            let mut ids = [""; BUILTINS.len()];
            let mut i = 0;
            while i < BUILTINS.len() {
                ids[i] = BUILTINS[i].0;
                i += 1;
            }
            ids
        };
        &IDS
    }

    /// The default profile moved to `nation` (not England), with that nation's Ombudsman and
    /// no hazards (Awaab's Law is England's): the one fixture for tests of other nations.
    #[cfg(test)]
    pub(crate) fn default_in(nation: Nation) -> Policy {
        let mut policy = Policy::default_policy();
        policy.id = format!("in-{}", nation.id());
        policy.nation = Some(nation);
        policy.region = nation.region();
        policy.ombudsman = Ombudsman {
            scheme: OmbudsmanScheme::of_nation(nation),
            lgsco_services: Vec::new(),
        };
        policy.hazards.clear();
        policy.validate().expect("a valid profile in another nation");
        policy
    }

    /// The default profile.
    pub fn default_policy() -> Policy {
        Policy::builtin(Self::DEFAULT_ID).expect("the default profile is built in")
    }

    /// Whether the landlord has councillors whose conduct a resident may want to complain
    /// about: a council's policy (its other services go to the Local Government and Social
    /// Care Ombudsman: `scheme` "both"), or one that gives words for that route itself.
    pub fn has_councillors(&self) -> bool {
        self.ombudsman.scheme == OmbudsmanScheme::Both
            || self.exclusions.iter().any(|e| e.kind == ExclusionKind::CouncillorConduct)
    }

    /// The nation the landlord's homes are in: the profile's `nation` or, where it names none,
    /// the one its `region` implies (England for "england-and-wales"). A profile whose nation
    /// and region disagree is refused when it is read.
    pub fn nation(&self) -> Nation {
        self.nation.unwrap_or(Nation::implied_by(self.region))
    }

    /// The first of [`Policy::problems`], if any.
    fn validate(&self) -> Result<(), PolicyError> {
        self.problems().into_iter().next().map_or(Ok(()), Err)
    }

    /// Everything the types alone cannot check, every problem at once: non-empty texts,
    /// sensible numbers, anchors that make sense where they are used.
    fn problems(&self) -> Vec<PolicyError> {
        let mut problems = Problems::default();
        let p = &mut problems;
        if !is_slug(&self.id) {
            p.add("id", "must be lowercase letters, digits and hyphens, like \"my-landlord\"");
        }
        if self.version.trim().is_empty() {
            p.add("version", "must not be empty");
        }
        if self.landlord.name.has_blank() {
            p.add("landlord.name", "must not be empty");
        }
        if let Some(forms) = &self.landlord.welsh_mutations {
            if forms.soft.trim().is_empty() {
                p.add("landlord.welsh_mutations.soft", "must not be empty");
            }
            if forms.aspirate.as_ref().is_some_and(|a| a.trim().is_empty()) {
                p.add("landlord.welsh_mutations.aspirate", "must not be empty: leave it out if the name does not change");
            }
        }
        for (i, contact) in self.landlord.contacts.iter().enumerate() {
            if contact.value.has_blank() {
                p.add(&format!("landlord.contacts[{i}].value"), "must not be empty");
            }
        }
        if let Some(nation) = self.nation {
            if nation.region() != self.region {
                p.add(
                    "nation",
                    &format!(
                        "\"{}\" does not go with region \"{}\": {} counts working days with region \"{}\"",
                        nation.id(),
                        self.region.id(),
                        nation.name(),
                        nation.region().id()
                    ),
                );
            }
        }
        self.check_hazards(p);
        let scheme = self.ombudsman.scheme;
        if scheme.nation() != self.nation() {
            p.add(
                "ombudsman.scheme",
                &format!(
                    "\"{}\" is an Ombudsman of {}, not {}: a landlord in {} uses \"{}\"",
                    scheme.id(),
                    scheme.nation().name(),
                    self.nation().name(),
                    self.nation().name(),
                    OmbudsmanScheme::ALL
                        .iter()
                        .filter(|s| s.nation() == self.nation())
                        .map(|s| s.id())
                        .collect::<Vec<_>>()
                        .join("\", \""),
                ),
            );
        }
        if self.eligibility.who_may_complain.is_empty() {
            p.add("eligibility.who_may_complain", "must list at least one connection");
        }
        if self.ombudsman.scheme == OmbudsmanScheme::Both
            && self.ombudsman.lgsco_services.is_empty()
        {
            p.add(
                "ombudsman.lgsco_services",
                "must name the services the Local Government and Social Care Ombudsman covers when scheme is \"both\"",
            );
        }
        if let Some(limit) = &self.time_limit {
            if limit.months == 0 || limit.months > 120 {
                p.add("time_limit.months", "must be between 1 and 120");
            }
        }
        let mut ids = std::collections::HashSet::new();
        for (i, exclusion) in self.exclusions.iter().enumerate() {
            let at = |name: &str| format!("exclusions[{i}].{name}");
            if !is_slug(&exclusion.id) {
                p.add(&at("id"), "must be lowercase letters, digits and hyphens");
            } else if !ids.insert(exclusion.id.as_str()) {
                p.add(&at("id"), "is used by another exclusion");
            }
            if exclusion.decision.is_some() && exclusion.kind != ExclusionKind::OwnAppealRoute {
                p.add(&at("decision"), "is only for an exclusion of kind \"own-appeal-route\"");
            }
            if exclusion.decision == Some(Decision::NoRoute) {
                p.add(
                    &at("decision"),
                    "\"no-route\" is a decision without a route of its own; name the kind of decision this route covers, or leave it out for your general words",
                );
            }
            for (name, text) in [
                ("summary", &exclusion.summary),
                ("explanation", &exclusion.explanation),
                ("signpost", &exclusion.signpost),
            ] {
                if text.has_blank() {
                    p.add(&at(name), "must not be empty");
                }
            }
        }
        if let Some(concern) = &self.stages.concern {
            if concern.name.trim().is_empty() {
                p.add("stages.concern.name", "must not be empty");
            }
            check_clock(p, "stages.concern.resolve", &concern.resolve, &[Anchor::Receipt]);
        }
        check_stage(p, "stages.stage1", &self.stages.stage1, &[Anchor::Receipt]);
        if let Some(stage2) = &self.stages.stage2 {
            check_stage(p, "stages.stage2", &stage2.stage, &[Anchor::EscalationRequest]);
            if let Some(window) = &stage2.request_window {
                check_clock(p, "stages.stage2.request_window", window, &[Anchor::Stage1Response]);
            }
        }
        if let Some(days) = self.comment_reply_days {
            if days == 0 || days > MAX_DAYS {
                p.add("comment_reply_days", &format!("must be between 1 and {MAX_DAYS}"));
            }
        }
        problems.0
    }

    /// Each listed hazard: a slug id used once, not damp and mould (always a significant
    /// hazard in England), a name; and only in a profile for England, where the law applies.
    fn check_hazards(&self, p: &mut Problems) {
        if !self.hazards.is_empty() && self.nation() != Nation::England {
            p.add(
                "hazards",
                &format!(
                    "are for Awaab's Law, which applies in England only, and this profile's nation is {}",
                    self.nation().name()
                ),
            );
        }
        let mut ids = std::collections::HashSet::new();
        for (i, hazard) in self.hazards.iter().enumerate() {
            let at = |name: &str| format!("hazards[{i}].{name}");
            if !is_slug(&hazard.id) {
                p.add(&at("id"), "must be lowercase letters, digits and hyphens");
            } else if hazard.id == super::hazards::DAMP_AND_MOULD {
                p.add(
                    &at("id"),
                    "damp and mould is always a significant hazard in England from 27 October 2025: leave it out",
                );
            } else if hazard.id == super::hazard_report::OTHER {
                p.add(&at("id"), "`other` stands for a hazard the profile does not list: choose another id");
            } else if !ids.insert(hazard.id.as_str()) {
                p.add(&at("id"), "is used by another hazard");
            }
            if hazard.name.has_blank() {
                p.add(&at("name"), "must not be empty");
            }
        }
    }
}

/// The problems found so far, in the order of the profile.
#[derive(Default)]
struct Problems(Vec<PolicyError>);

impl Problems {
    // Plain &str: one copy of this in the start page's wasm, not one per argument type.
    fn add(&mut self, field: &str, message: &str) {
        self.0.push(PolicyError {
            field: field.to_string(),
            message: message.to_string(),
        });
    }
}

/// Checks a stage's clocks: `start` is the anchor that opens the stage; its other clocks may
/// also run from acknowledgement or logging.
fn check_stage(p: &mut Problems, path: &str, stage: &Stage, start: &[Anchor]) {
    if let Some(acknowledge) = &stage.acknowledge {
        check_clock(p, &format!("{path}.acknowledge"), acknowledge, start);
    }
    let later = [start, &[Anchor::Acknowledgement, Anchor::Logging]].concat();
    if let Some(contact) = &stage.contact {
        check_clock(p, &format!("{path}.contact"), contact, &later);
    }
    check_clock(p, &format!("{path}.respond"), &stage.respond, &later);
    if stage.respond.counting != Counting::WorkingDays {
        p.add(&format!("{path}.respond.counting"), "response times are counted in working days");
    }
    if let Some(days) = stage.extension_days {
        if days > MAX_DAYS {
            p.add(&format!("{path}.extension_days"), &format!("must be at most {MAX_DAYS}"));
        }
    }
}

fn check_clock(p: &mut Problems, path: &str, clock: &Clock, allowed: &[Anchor]) {
    if clock.counting == Counting::CalendarMonths && !path.ends_with("request_window") {
        p.add(&format!("{path}.counting"), "\"calendar-months\" is only for stages.stage2.request_window");
    }
    if clock.days == 0 || clock.days > MAX_DAYS {
        p.add(&format!("{path}.days"), &format!("must be between 1 and {MAX_DAYS}"));
    }
    if !allowed.contains(&clock.from) {
        let names: Vec<String> = allowed
            .iter()
            .map(|a| format!("\"{}\"", anchor_name(*a)))
            .collect();
        p.add(
            &format!("{path}.from"),
            &format!(
                "\"{}\" cannot start this clock; use one of {}",
                anchor_name(clock.from),
                names.join(", ")
            ),
        );
    }
}

fn anchor_name(anchor: Anchor) -> String {
    serde_json::to_value(anchor)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A field's path as a profile's author reads it (`stages.stage1.respond.days`), empty for
/// the whole document.
fn dotted(path: &[serde_path_to_error::Segment]) -> String {
    use serde_path_to_error::Segment;
    let mut text = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => text.push_str(&format!("[{index}]")),
            Segment::Map { key } if text.is_empty() => text.push_str(key),
            Segment::Map { key } => text.push_str(&format!(".{key}")),
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    text
}

/// The value at `path` in `value`, if there is one.
fn json_at<'v>(value: &'v serde_json::Value, path: &[serde_path_to_error::Segment]) -> Option<&'v serde_json::Value> {
    use serde_path_to_error::Segment;
    path.iter().try_fold(value, |value, segment| match segment {
        Segment::Map { key } => value.get(key),
        Segment::Seq { index } => value.get(index),
        Segment::Enum { .. } | Segment::Unknown => Some(value),
    })
}

/// The object or array holding the field at `path`, with the field's own segment.
fn json_parent<'v>(
    value: &'v mut serde_json::Value,
    path: &[serde_path_to_error::Segment],
) -> Option<(&'v mut serde_json::Value, serde_path_to_error::Segment)> {
    use serde_path_to_error::Segment;
    let (last, within) = path.split_last()?;
    let parent = within.iter().try_fold(value, |value, segment| match segment {
        Segment::Map { key } => value.get_mut(key),
        Segment::Seq { index } => value.get_mut(index),
        Segment::Enum { .. } | Segment::Unknown => Some(value),
    })?;
    Some((parent, last.clone()))
}

/// Takes the field at `path` out of `value`; false where there is none to take.
fn json_remove(value: &mut serde_json::Value, path: &[serde_path_to_error::Segment]) -> bool {
    use serde_path_to_error::Segment;
    match json_parent(value, path) {
        Some((serde_json::Value::Object(map), Segment::Map { key })) => map.remove(&key).is_some(),
        Some((serde_json::Value::Array(items), Segment::Seq { index })) if index < items.len() => {
            items.remove(index);
            true
        }
        _ => false,
    }
}

/// Puts `field` at `path` in `value`, in an object that is there; false otherwise.
fn json_insert(value: &mut serde_json::Value, path: &[serde_path_to_error::Segment], field: serde_json::Value) -> bool {
    use serde_path_to_error::Segment;
    match json_parent(value, path) {
        Some((serde_json::Value::Object(map), Segment::Map { key })) => map.insert(key, field).is_none(),
        _ => false,
    }
}

/// serde_json's message without its "at line 3 column 5" tail when the path already says where.
fn plain_serde_message(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let message = match text.rfind(" at line ") {
        Some(at) if err.is_data() => text[..at].to_string(),
        _ => text,
    };
    if err.is_syntax() || err.is_eof() {
        format!("not valid JSON: {message}")
    } else {
        message
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lighter_parse_agrees_and_names_the_position() {
        for id in Policy::builtin_ids() {
            let json = BUILTINS.iter().find(|(b, _)| b == id).unwrap().1;
            assert_eq!(Policy::from_json_by_position(json), Policy::from_json(json), "{id}");
        }
        let broken = BUILTINS[0].1.replacen("\"acknowledgement\"", "\"tomorrow\"", 1);
        let error = Policy::from_json_by_position(&broken).unwrap_err();
        assert!(error.message.starts_with("unknown variant `tomorrow`"), "{error}");
        assert!(error.message.contains(" at line "), "{error}");
        let error = Policy::from_json_by_position("{").unwrap_err();
        assert!(error.message.starts_with("not valid JSON: EOF while parsing"), "{error}");
    }

    fn default_json() -> serde_json::Value {
        serde_json::from_str(BUILTINS[0].1).unwrap()
    }

    /// Applies `change` to the default profile and returns the error it causes.
    fn error_after(change: impl FnOnce(&mut serde_json::Value)) -> PolicyError {
        let mut json = default_json();
        change(&mut json);
        Policy::from_json(&json.to_string()).expect_err("the changed profile must be refused")
    }

    #[test]
    fn every_builtin_parses_and_round_trips() {
        assert_eq!(Policy::builtin_ids().len(), 8);
        assert_eq!(Policy::builtin_ids()[0], Policy::DEFAULT_ID);
        for id in Policy::builtin_ids() {
            let policy = Policy::builtin(id).unwrap();
            assert_eq!(&policy.id, id, "file and id agree");
            let again = Policy::from_json(&serde_json::to_string(&policy).unwrap()).unwrap();
            assert_eq!(policy, again);
        }
        assert!(Policy::builtin("no-such-landlord").is_none());
    }

    #[test]
    fn wrong_type_names_the_field() {
        let err = error_after(|p| p["stages"]["stage1"]["respond"]["days"] = "ten".into());
        assert_eq!(err.field, "stages.stage1.respond.days");
        assert!(err.message.contains("expected u32"), "{err}");
    }

    #[test]
    fn unknown_anchor_names_the_field() {
        let err = error_after(|p| p["stages"]["stage1"]["respond"]["from"] = "next-tuesday".into());
        assert_eq!(err.field, "stages.stage1.respond.from");
        assert!(
            err.message.contains("unknown variant `next-tuesday`"),
            "{err}"
        );
        assert!(
            err.message.contains("acknowledgement"),
            "lists the anchors: {err}"
        );
    }

    #[test]
    fn anchor_in_the_wrong_place_names_the_field() {
        let err =
            error_after(|p| p["stages"]["stage1"]["respond"]["from"] = "stage1-response".into());
        assert_eq!(err.field, "stages.stage1.respond.from");
        assert!(err.message.contains("cannot start this clock"), "{err}");
    }

    #[test]
    fn negative_days_name_the_field() {
        let err = error_after(|p| p["stages"]["stage1"]["acknowledge"]["days"] = (-5).into());
        assert_eq!(err.field, "stages.stage1.acknowledge.days");
        assert!(err.message.contains("-5"), "{err}");
    }

    #[test]
    fn zero_and_huge_days_are_refused() {
        let err = error_after(|p| p["stages"]["stage2"]["respond"]["days"] = 0.into());
        assert_eq!(err.field, "stages.stage2.respond.days");
        let err = error_after(|p| p["stages"]["stage1"]["extension_days"] = 1000.into());
        assert_eq!(err.field, "stages.stage1.extension_days");
    }

    #[test]
    fn a_welsh_name_after_a_word_that_mutates_it() {
        use crate::domain::language::Language;
        let mut json = default_json();
        json["landlord"] = serde_json::json!({
            "name": "Cartrefi Conwy",
            "welsh_mutations": { "soft": "Gartrefi Conwy", "aspirate": "Chartrefi Conwy" }
        });
        let policy = Policy::from_json(&json.to_string()).unwrap();
        let name = policy.landlord.name_in_texts(Language::Welsh);
        let t = crate::domain::translations::layout::complain_to;
        assert_eq!(t(Language::Welsh, &name), "Cwyno i Gartrefi Conwy");
        assert_eq!(policy.landlord.name_in_texts(Language::English), "Cartrefi Conwy");
        // Without the forms, as written (as every built-in).
        assert_eq!(Policy::default_policy().landlord.name_in_texts(Language::Welsh), "eich landlord");
        let err = error_after(|p| p["landlord"]["welsh_mutations"] = serde_json::json!({ "soft": " " }));
        assert_eq!(err.field, "landlord.welsh_mutations.soft");
        let err = error_after(|p| p["landlord"]["welsh_mutations"] = serde_json::json!({ "sfot": "G" }));
        assert!(err.message.contains("unknown field `sfot`"), "{err}");
    }

    #[test]
    fn months_count_only_the_request_window() {
        let months = serde_json::json!({ "days": 2, "from": "stage1-response", "counting": "calendar-months" });
        let mut json = default_json();
        json["stages"]["stage2"]["request_window"] = months.clone();
        let policy = Policy::from_json(&json.to_string()).unwrap();
        let window = policy.stages.stage2.unwrap().request_window.unwrap();
        assert_eq!(window.counting, Counting::CalendarMonths);
        let err = error_after(|p| p["stages"]["stage1"]["acknowledge"]["counting"] = "calendar-months".into());
        assert_eq!(err.field, "stages.stage1.acknowledge.counting");
        assert!(err.message.contains("only for stages.stage2.request_window"), "{err}");
        let err = error_after(|p| p["stages"]["stage2"]["respond"]["counting"] = "calendar-months".into());
        assert_eq!(err.field, "stages.stage2.respond.counting");
    }

    #[test]
    fn missing_landlord_name_names_the_field() {
        let err = error_after(|p| {
            p["landlord"].as_object_mut().unwrap().remove("name");
        });
        assert_eq!(err.field, "landlord");
        assert!(err.message.contains("missing field `name`"), "{err}");
        let err = error_after(|p| p["landlord"]["name"] = "  ".into());
        assert_eq!(err.field, "landlord.name");
    }

    #[test]
    fn unknown_region_names_the_field() {
        let err = error_after(|p| p["region"] = "wales".into());
        assert_eq!(err.field, "region");
        assert!(
            err.message.contains("england-and-wales"),
            "lists the regions: {err}"
        );
    }

    #[test]
    fn nation_is_implied_by_the_region_where_it_is_left_out() {
        let implied = |region: &str| {
            let mut json = default_json();
            json.as_object_mut().unwrap().remove("nation");
            json["region"] = region.into();
            json["ombudsman"] = serde_json::json!({ "scheme": match region {
                "scotland" => "spso",
                "northern-ireland" => "nipso",
                _ => "housing",
            } });
            Policy::from_json(&json.to_string()).unwrap().nation()
        };
        // "england-and-wales" cannot tell: England, so a Welsh landlord must say "wales".
        assert_eq!(implied("england-and-wales"), Nation::England);
        assert_eq!(implied("scotland"), Nation::Scotland);
        assert_eq!(implied("northern-ireland"), Nation::NorthernIreland);
        let mut json = default_json();
        json["nation"] = "wales".into();
        json["ombudsman"] = serde_json::json!({ "scheme": "psow" });
        let welsh = Policy::from_json(&json.to_string()).unwrap();
        assert_eq!(welsh.nation(), Nation::Wales);
        assert_eq!(welsh.region, Region::EnglandAndWales);
    }

    #[test]
    fn an_ombudsman_of_another_nation_is_refused() {
        // England's schemes in Wales: never an English body for a Welsh resident.
        for scheme in ["housing", "lgsco", "spso"] {
            let err = error_after(|p| {
                p["nation"] = "wales".into();
                p["ombudsman"] = serde_json::json!({ "scheme": scheme });
            });
            assert_eq!(err.field, "ombudsman.scheme", "{scheme}");
            assert!(err.message.contains("a landlord in Wales uses \"psow\""), "{err}");
        }
        // A Welsh Ombudsman for an English landlord.
        let err = error_after(|p| p["ombudsman"] = serde_json::json!({ "scheme": "psow" }));
        assert_eq!(err.field, "ombudsman.scheme");
        assert!(err.message.contains("\"housing\", \"lgsco\", \"both\""), "{err}");
        // Each nation's own is accepted, and says its nation.
        for nation in [Nation::Wales, Nation::Scotland, Nation::NorthernIreland] {
            let policy = Policy::default_in(nation);
            assert_eq!(policy.ombudsman.scheme.nation(), nation);
            let json = serde_json::to_string(&policy).unwrap();
            assert_eq!(Policy::from_json(&json).unwrap(), policy);
        }
    }

    #[test]
    fn every_builtin_says_its_nation() {
        for id in Policy::builtin_ids() {
            let policy = Policy::builtin(id).unwrap();
            let nation = match *id {
                "psow-model" => Nation::Wales,
                "spso-mchp" => Nation::Scotland,
                _ => Nation::England,
            };
            assert_eq!(policy.nation, Some(nation), "{id} says its nation");
            assert_eq!(policy.ombudsman.scheme.nation(), nation, "{id}");
        }
    }

    #[test]
    fn a_nation_that_contradicts_the_region_names_the_field() {
        let err = error_after(|p| p["nation"] = "scotland".into());
        assert_eq!(err.field, "nation");
        assert_eq!(
            err.to_string(),
            "nation: \"scotland\" does not go with region \"england-and-wales\": Scotland counts working days with region \"scotland\""
        );
        let err = error_after(|p| {
            p["nation"] = "wales".into();
            p["region"] = "northern-ireland".into();
        });
        assert_eq!(err.field, "nation");
        assert!(err.message.contains("region \"england-and-wales\""), "{err}");
        let err = error_after(|p| {
            p["nation"] = "england".into();
            p["region"] = "scotland".into();
        });
        assert_eq!(err.field, "nation");
        let err = error_after(|p| p["nation"] = "cornwall".into());
        assert_eq!(err.field, "nation");
        assert!(err.message.contains("northern-ireland"), "lists the nations: {err}");
    }

    #[test]
    fn every_problem_at_once_for_the_web_team() {
        let mut json = default_json();
        json["landlrod"] = serde_json::json!("typo");
        json["region"] = serde_json::json!("wales");
        json["time_limit"] = serde_json::json!({ "months": 0, "special_circumstances": true });
        json["stages"]["stage1"]["respond"]["days"] = serde_json::json!(0);
        json["eligibility"]["who_may_complain"] = serde_json::json!([]);
        let problems = Policy::check(&json.to_string()).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            ["landlrod", "region", "eligibility.who_may_complain", "time_limit.months", "stages.stage1.respond.days"],
            "{problems:#?}"
        );
        assert!(problems[0].message.starts_with("unknown field `landlrod`"), "{}", problems[0]);
        // The first is the one `from_json` names; a valid profile has none.
        assert_eq!(Policy::from_json(&json.to_string()).unwrap_err().message, problems[0].message);
        assert!(Policy::check(&default_json().to_string()).is_ok());
        // An editor's `$schema` line is welcome.
        let mut with_schema = default_json();
        with_schema["$schema"] = serde_json::json!("./policy.schema.json");
        assert!(Policy::check(&with_schema.to_string()).is_ok());
        assert!(Policy::from_json_by_position(&with_schema.to_string()).is_ok());
        // A missing field cannot be set aside: it is the last named.
        let mut json = default_json();
        json.as_object_mut().unwrap().remove("landlord");
        json["region"] = serde_json::json!(7);
        let problems = Policy::check(&json.to_string()).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields.len(), 2, "{problems:#?}");
        assert!(problems.iter().any(|p| p.message.starts_with("missing field `landlord`")), "{problems:#?}");
        assert_eq!(Policy::check("{ not json").unwrap_err().len(), 1);
    }

    #[test]
    fn listed_hazards_are_checked() {
        let cold = || serde_json::json!({ "id": "excess-cold", "name": "Excess cold", "significant_from": "2026-10-01" });
        let mut json = default_json();
        json["hazards"] = serde_json::json!([cold()]);
        let policy = Policy::from_json(&json.to_string()).unwrap();
        assert_eq!(policy.hazards[0].significant_from, "2026-10-01".parse().unwrap());

        let err = error_after(|p| p["hazards"] = serde_json::json!([cold(), cold()]));
        assert_eq!(err.field, "hazards[1].id");
        assert!(err.message.contains("another hazard"), "{err}");
        let err = error_after(|p| {
            p["hazards"] = serde_json::json!([{ "id": "damp-and-mould", "name": "Mould", "significant_from": "2025-10-27" }])
        });
        assert_eq!(err.field, "hazards[0].id");
        assert!(err.message.contains("leave it out"), "{err}");
        let err = error_after(|p| {
            p["hazards"] = serde_json::json!([{ "id": "other", "name": "Other", "significant_from": "2026-10-01" }])
        });
        assert_eq!(err.field, "hazards[0].id");
        let err = error_after(|p| {
            p["hazards"] = serde_json::json!([{ "id": "Cold", "name": "Cold", "significant_from": "2026-10-01" }])
        });
        assert_eq!(err.field, "hazards[0].id");
        let err = error_after(|p| {
            p["hazards"] = serde_json::json!([{ "id": "cold", "name": " ", "significant_from": "2026-10-01" }])
        });
        assert_eq!(err.field, "hazards[0].name");
        let err = error_after(|p| {
            p["hazards"] = serde_json::json!([{ "id": "cold", "name": "Cold", "significant_from": "2026-02-30" }])
        });
        assert_eq!(err.field, "hazards[0].significant_from");
        let err = error_after(|p| {
            p["hazards"] = serde_json::json!([{ "id": "cold", "name": "Cold" }])
        });
        assert_eq!(err.field, "hazards[0]");
        assert!(err.message.contains("missing field `significant_from`"), "{err}");
        // Awaab's Law is England's: a Welsh or Scottish profile cannot list hazards.
        for (nation, region) in [("wales", "england-and-wales"), ("scotland", "scotland")] {
            let err = error_after(|p| {
                p["nation"] = nation.into();
                p["region"] = region.into();
                p["hazards"] = serde_json::json!([cold()]);
            });
            assert_eq!(err.field, "hazards", "{nation}");
            assert!(err.message.contains("England only"), "{err}");
        }
    }

    #[test]
    fn unknown_field_is_refused_so_typos_show() {
        let err = error_after(|p| p["stages"]["stage1"]["respnd"] = 3.into());
        assert!(err.field.starts_with("stages.stage1"), "{err}");
        assert!(err.message.contains("unknown field `respnd`"), "{err}");
        // Stage 2 too, whose fields are stage 1's and two more.
        let err = error_after(|p| p["stages"]["stage2"]["request_windw"] = 3.into());
        assert!(err.field.starts_with("stages.stage2"), "{err}");
        assert!(err.message.contains("unknown field `request_windw`"), "{err}");
    }

    #[test]
    fn duplicate_exclusion_ids_are_refused() {
        let err = error_after(|p| {
            let first = p["exclusions"][0].clone();
            p["exclusions"].as_array_mut().unwrap().push(first);
        });
        assert!(err.field.starts_with("exclusions["), "{err}");
        assert!(err.message.contains("another exclusion"), "{err}");
    }

    #[test]
    fn bad_json_says_so() {
        let err = Policy::from_json("{ \"id\": ").unwrap_err();
        assert!(err.message.starts_with("not valid JSON"), "{err}");
        let err = Policy::from_json("").unwrap_err();
        assert!(err.message.starts_with("not valid JSON"), "{err}");
    }

    #[test]
    fn lgsco_services_are_required_for_both() {
        let err = error_after(|p| p["ombudsman"] = serde_json::json!({ "scheme": "both" }));
        assert_eq!(err.field, "ombudsman.lgsco_services");
    }
}
