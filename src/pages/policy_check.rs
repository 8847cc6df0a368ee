//! The policy check, for the landlord's web team (`/policy-check`, a wasm of its own, never
//! linked from the resident's journey): the profile in use compared with its nation's
//! standard (the Housing Ombudsman's Complaint Handling Code in England, the Ombudsman's model
//! procedure in Wales and Scotland), what falls short first. The findings come from
//! `domain::policy_check`; this page only lays them out.

use leptos::prelude::*;

use crate::components::page_heading::PageHeading;
use crate::domain::language::Language;
use crate::domain::policy::Policy;
use crate::domain::policy_check::{
    check, compared_with, no_standard, standard, untranslated, Finding, Standard, Verdict,
};
use crate::domain::triage_table::{self, outcome_name, Row};
use crate::settings::use_settings;

#[component]
pub fn PolicyCheckPage() -> impl IntoView {
    /// A group's heading.
    fn group_heading(verdict: Verdict, count: usize, the: &str) -> String {
        let what = match verdict {
            Verdict::FallsShort => "Falls short of",
            Verdict::MoreGenerous => "More generous than",
            Verdict::Meets => "Meets",
        };
        let rules = if count == 1 { "rule" } else { "rules" };
        format!("{what} {the} ({count} {rules})")
    }

    /// The verdict as a tag: the words carry the meaning, the border colour only helps.
    fn tag(verdict: Verdict) -> impl IntoView {
        let text = match verdict {
            Verdict::FallsShort => "Falls short",
            Verdict::MoreGenerous => "More generous",
            Verdict::Meets => "Meets",
        };
        view! { <strong class=format!("tag tag--{}", verdict.id())>{text}</strong> }
    }

    /// One row of a summary list.
    fn item(key: &'static str, value: impl IntoView) -> impl IntoView {
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">{key}</dt>
                <dd class="summary-list__value">{value}</dd>
            </div>
        }
    }

    /// One answer of triage: the answers that lead to it, then what the resident is told.
    fn triage_row(row: Row) -> impl IntoView {
        let why = if row.reason_shown {
            "Why"
        } else {
            "Why (not shown to the resident)"
        };
        let answers = row
            .answers
            .into_iter()
            .map(|(question, answers)| {
                let answers = answers
                    .into_iter()
                    .map(|answer| view! { <li>{answer}</li> })
                    .collect_view();
                view! { <li>{question}<ul class="list list--bullet">{answers}</ul></li> }
            })
            .collect_view();
        let words = match (row.exclusion, row.landlord_words) {
            (_, Some((id, summary))) => view! {
                "Ours (a route the law sets), with the profile\u{2019}s " <code>{id}</code>
                " beside: \u{201c}" {summary} "\u{201d}"
            }
            .into_any(),
            (Some(id), None) => view! { "The profile\u{2019}s own: " <code>{id}</code> }.into_any(),
            (None, None) => "Ours: the profile lists nothing for this".into_any(),
        };
        let yes_no = if row.send_anyway { "Yes" } else { "No" };
        let ombudsman = row
            .ombudsman
            .unwrap_or_else(|| "Not shown (no outcome page)".into());
        view! {
            <section data-outcome=row.outcome.id()>
                <h3 class="heading-s">{outcome_name(row.outcome)} ": " {row.summary}</h3>
                <dl class="summary-list">
                    {item("When the resident answers", view! { <ul class="list">{answers}</ul> })}
                    {item(why, view! { <span class="pre-line">{row.reason}</span> })}
                    {row.signpost.map(|signpost| item("Where to go instead", view! { <span class="pre-line">{signpost}</span> }))}
                    {item("Words", words)}
                    {row.concern.map(|concern| item("Quick route offered", concern))}
                    {row.asb_case_continues.then(|| item("Anti-social behaviour case", "Carries on under the ASB procedure"))}
                    {item("May send it as a complaint anyway", yes_no)}
                    {item("Ombudsman", ombudsman)}
                </dl>
            </section>
        }
    }

    let settings = use_settings();
    let (id, version, landlord, source, findings, lead, standard) =
        settings.policy.with_value(|policy| {
            (
                policy.id.clone(),
                policy.version.clone(),
                policy.landlord.name.english().to_string(),
                policy.source.clone(),
                check(policy),
                compared_with(policy),
                standard(policy),
            )
        });
    // The standard's short name in a sentence; unused where there is none (nothing to count).
    let the = standard.map_or("the standard", Standard::the);
    // Every answer triage can give under this profile, from the domain (the golden files in
    // tests/triage-tables are the same table).
    let triage_rows = settings.policy.with_value(triage_table::table);
    let triage_count = triage_rows.len();
    let triage_rows = triage_rows.into_iter().map(triage_row).collect_view();
    crate::config::set_title(&format!("Policy check \u{2013} {landlord}"));
    // The profile's own texts that residents reading another language see in English.
    let languages = Language::ALL
        .into_iter()
        .filter(|language| *language != Language::English)
        .map(|language| {
            let missing = settings.policy.with_value(|policy| untranslated(policy, language));
            let name = match language {
                Language::Welsh => "Welsh",
                Language::English => "English",
            };
            let text = if missing.is_empty() {
                format!("Every text of this profile is in {name}.")
            } else {
                format!(
                    "{} of this profile\u{2019}s texts have no {name}, so residents reading the form in {name} see them in English: {}.",
                    missing.len(),
                    missing.join(", ")
                )
            };
            view! { <p data-untranslated=language.code() data-count=missing.len()>{text}</p> }
        })
        .collect_view();
    let total = findings.len();
    let count = |verdict: Verdict| findings.iter().filter(|f| f.verdict == verdict).count();
    let short = count(Verdict::FallsShort);
    let no_standard = settings.policy.with_value(no_standard);
    let summary = if let Some(note) = no_standard {
        note
    } else if short == 0 {
        format!("This policy meets or does better than {the} on all {total} rules checked.")
    } else {
        format!("This policy falls short of {the} on {short} of the {total} rules checked.")
    };
    // Without a standard nothing is compared, so there is nothing to count.
    let counts = (total > 0).then(|| {
        format!(
            " More generous on {}, the same as {the} on {}.",
            count(Verdict::MoreGenerous),
            count(Verdict::Meets)
        )
    });
    let groups = Verdict::ALL
        .into_iter()
        .map(|verdict| {
            let rows: Vec<Finding> = findings
                .iter()
                .filter(|f| f.verdict == verdict)
                .cloned()
                .collect();
            (!rows.is_empty()).then(|| {
                let heading = group_heading(verdict, rows.len(), the);
                let rows = rows
                    .into_iter()
                    .map(|finding| {
                        view! {
                            <div class="summary-list__row" data-rule=finding.rule.id() data-verdict=finding.verdict.id()>
                                <dt class="summary-list__key">{standard.map(|s| finding.rule.title(s))}</dt>
                                <dd class="summary-list__value">
                                    {tag(finding.verdict)} " " {finding.detail}
                                </dd>
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <h2 class="heading-m">{heading}</h2>
                    <dl class="summary-list">{rows}</dl>
                }
            })
        })
        .collect_view();
    let hazards = settings.policy.with_value(|policy| awaabs_law(policy, settings.today));
    let others = Policy::builtin_ids()
        .iter()
        .filter(|other| **other != id)
        .map(|other| {
            // A full page load (the app reads the profile when it starts), to this same page
            // wherever the app is served.
            view! {
                <li><a href=format!("?policy={other}") rel="external"><code>{*other}</code></a></li>
            }
        })
        .collect_view();
    let source = source.map(|source| {
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">"Written from"</dt>
                <dd class="summary-list__value">{source}</dd>
            </div>
        }
    });
    // For the landlord's website team, in English whatever the page's language.
    view! {
        <div lang="en">
        <PageHeading title="Policy check" class="heading-xl" />
        <p class="lead" data-standard=standard.map(Standard::id)>
            {lead} " This page is for the landlord\u{2019}s website team."
        </p>
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt class="summary-list__key">"Landlord"</dt>
                <dd class="summary-list__value">{landlord}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Policy id"</dt>
                <dd class="summary-list__value"><code>{id.clone()}</code></dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Version"</dt>
                <dd class="summary-list__value">{version}</dd>
            </div>
            {source}
        </dl>
        <p data-falls-short=short>
            <strong>{summary}</strong>
            {counts}
        </p>
        {groups}
        {hazards}
        <h2 class="heading-m">"What residents are told"</h2>
        <p data-triage-rows=triage_count>
            "Every answer the form can give a resident under this policy (" {triage_count}
            " in all), worked out from the form\u{2019}s own questions and rules, with the answers that lead to each. A question not listed is not asked; \u{201c}(if asked)\u{201d} means earlier answers decide whether it is."
        </p>
        {triage_rows}
        <h2 class="heading-m">"Languages"</h2>
        <p>"The form is in English and Welsh. A profile can give its own texts in both (see the schema); where it gives no Welsh, the English is shown."</p>
        {languages}
        <h2 class="heading-m">"How the check works"</h2>
        <ul class="list list--bullet">
            <li>{format!("\u{201c}Falls short\u{201d} means residents could get less than {the} promises. Change the policy, then the profile.")}</li>
            <li>{format!("\u{201c}More generous\u{201d} means residents always get at least what {the} promises, and sometimes more.")}</li>
            <li>"Calendar days count as the most working days they can cover, whichever day of the week they start."</li>
            <li>{if standard == Some(Standard::Code) {
                "A reply time counted from the day a complaint arrives is judged as if it were acknowledged that same day."
            } else {
                "A reply time counted from acknowledgement is judged by its worst case: the days to acknowledge, then the days to reply."
            }}</li>
        </ul>
        <h2 class="heading-m">"Check another built-in policy"</h2>
        <ul class="list list--bullet">{others}</ul>
        </div>
    }
}

/// Whether Awaab's Law applies to this profile's landlord and, if so, the dates the form shows
/// for damp and mould reported on `today`, and the hazards the profile adds.
fn awaabs_law(policy: &Policy, today: chrono::NaiveDate) -> impl IntoView {
    use crate::domain::deadlines::long_date;
    use crate::domain::hazards::{self, Hazard};
    let english = Language::English;
    let body = match hazards::significant(policy, hazards::DAMP_AND_MOULD, today) {
        Err(_) => {
            let nation = policy.nation();
            view! {
                <p data-awaab="no">
                    "This landlord is in " {nation.name()} ". Awaab\u{2019}s Law is England\u{2019}s, so the form shows no legal hazard dates: a resident who reports damp, mould or another hazard is told so plainly, and that the landlord must still put it right."
                </p>
            }
            .into_any()
        }
        Ok(law) => {
            let rows = law
                .iter()
                .map(|d| {
                    let latest = if d.at_the_latest { " at the latest" } else { "" };
                    view! {
                        <div class="summary-list__row" data-deadline=d.id.id()>
                            <dt class="summary-list__key">{d.id.label(english)}</dt>
                            <dd class="summary-list__value">{format!("By {}{latest}", long_date(d.due, english))}</dd>
                        </div>
                    }
                })
                .collect_view();
            let listed = hazards::all(policy)
                .into_iter()
                .filter_map(|hazard| match hazard {
                    Hazard::Listed(listed) => Some(view! {
                        <li>{listed.name.english().to_string()} ", a significant hazard from " {long_date(hazard.significant_from(), english)}</li>
                    }),
                    Hazard::DampAndMould => None,
                })
                .collect_view();
            view! {
                <p data-awaab="yes">
                    "This landlord is in England, so Awaab\u{2019}s Law applies: the Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025 (SI 2025/1042), in force from 27 October 2025. A resident who reports damp or mould is asked who it harms, whether it is spreading and when the landlord was first told, and is shown these dates. For damp and mould first reported today:"
                </p>
                <dl class="summary-list">{rows}</dl>
                <p>"Until a date has passed, the form sends it as a hazard report (kind " <code>"hazard-report"</code> "), with the dates; the resident may send it as a complaint instead. A missed date makes it a complaint, and the complaint says which date was missed. The significant hazards, each from the day it counts (residents who report something else choose from those this profile adds):"</p>
                <ul class="list list--bullet">{listed}<li>"Damp and mould, a significant hazard from 27 October 2025 (the law\u{2019}s own)"</li></ul>
            }
            .into_any()
        }
    };
    view! {
        <h2 class="heading-m">"Hazards: Awaab\u{2019}s Law"</h2>
        {body}
    }
}

/// The policy check when the profile cannot be used: every problem, for the web team fixing
/// it (residents never see this page).
#[component]
pub fn ProfileProblems(problem: crate::config::SetupProblem) -> impl IntoView {
    use crate::config::SetupProblem;
    let title = "This profile cannot be used yet";
    crate::config::set_title(&format!("{title} – Policy check"));
    let body = match problem {
        SetupProblem::InvalidPolicy { address, errors } => {
            let count = match errors.len() {
                1 => "1 problem".to_string(),
                n => format!("{n} problems"),
            };
            let items = errors
                .into_iter()
                .map(|error| {
                    let field = (!error.field.is_empty()).then(|| view! { <code>{error.field.clone()}</code>": " });
                    view! { <li data-profile-problem>{field}{error.message}</li> }
                })
                .collect_view();
            view! {
                <p>"The profile at " <code>{address}</code> " has " {count} ". Fix them, then reload this page. Each names its field, as a path into the file."</p>
                <ul class="list list--bullet">{items}</ul>
                <p>"The fields are described in " <a href="policies/policy.schema.json">"policies/policy.schema.json"</a> ". Your editor can check the file as you type if it starts with " <code>"\"$schema\": \"policies/policy.schema.json\""</code> ". From the command line: " <code>"make check-profile FILE=your-profile.json"</code> "."</p>
            }
            .into_any()
        }
        other => view! { <p data-problem>{crate::pages::setup_problem::explain(&other)}</p> }.into_any(),
    };
    view! {
        <PageHeading title=title.to_string() class="heading-xl" />
        {body}
    }
}
