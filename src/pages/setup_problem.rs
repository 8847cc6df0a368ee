//! Shown when the app cannot start with the settings it was given (a profile that does not
//! exist, cannot be fetched or is not valid, an address the deployment does not allow), or
//! cannot send with them (an endpoint that redirects): how the resident can still complain,
//! then exactly what is wrong, for the landlord's web team.

use leptos::prelude::*;

use crate::components::contacts::ContactList;
use crate::components::ombudsman::OmbudsmanDetails;
use crate::components::page_heading::PageHeading;
use crate::config::SetupProblem;
use crate::domain::language::Language;
use crate::domain::policy::{Nation, OmbudsmanScheme, Policy};
use crate::domain::translations as t;
use crate::outbox::{use_outbox, Ended};
use crate::pages::not_found::NotFoundPage;
use crate::settings::use_settings;

pub const SLUG: &str = "setup-problem";

/// What is wrong, in words for the web team.
pub fn explain(problem: &SetupProblem) -> String {
    match problem {
        SetupProblem::UnknownPolicy(id) => format!(
            "There is no built-in complaints policy called \u{201c}{id}\u{201d}. The built-in \
             policies are: {}. A policy of your own is given by its address (a JSON file).",
            Policy::builtin_ids().join(", ")
        ),
        SetupProblem::NotAllowed { setting, address } => format!(
            "The {setting} setting names {address}, which is on another site. Add that site's \
             origin to the resident-complaints:allowed-origins meta tag in index.html if it is \
             yours."
        ),
        SetupProblem::Userinfo { setting, address } => format!(
            "The {setting} setting names {address} with a user name or password before the \
             site's name (not shown). Give the address without them."
        ),
        SetupProblem::PolicyUnavailable { address, reason } => {
            format!("The complaints policy at {address} could not be used: {reason}.")
        }
        SetupProblem::InvalidPolicy { address, errors } => {
            let error = errors.first().map(ToString::to_string).unwrap_or_default();
            // Residents' pages name a fault by its position only; the policy check, by field.
            let field = if error.contains(" at line ") {
                " The policy-check page, with the same policy setting, names the field, and every other problem."
            } else {
                ""
            };
            format!(
                "The complaints policy at {address} is not a valid profile. {error}.{field} The \
                 format is described by policies/policy.schema.json."
            )
        }
        SetupProblem::EndpointRedirects { address } => format!(
            "The endpoint {address} answered a complaint with a redirect. The form does not \
             follow redirects, so that complaints go only where the settings say. Give the \
             address the complaints system answers at, without a redirect."
        ),
    }
}

/// After the resident's submission met an endpoint that redirects: the same page, with the
/// landlord's contacts, and word that their answers are still on the device.
pub fn after_send() -> AnyView {
    let Some(Ended::Redirected(address)) = untrack(|| use_outbox().ended()) else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let settings = use_settings();
    let language = settings.language;
    let contacts = settings.policy.with_value(|p| p.landlord.contacts.clone());
    view! {
        <SetupProblemPage problem=SetupProblem::EndpointRedirects { address } language>
            <p>{t::setup_problem::answers_kept(language)}</p>
            <ContactList contacts />
        </SetupProblemPage>
    }
    .into_any()
}

/// Each nation's Ombudsmen, the nation named: the profile failed, so the app cannot tell
/// which nation the landlord is in, and must not send a resident in Wales to an English body.
fn by_nation(language: Language) -> impl IntoView {
    Nation::ALL
        .iter()
        .map(|&nation| {
            let heading = match nation {
                Nation::England => t::ombudsman::in_england,
                Nation::Wales => t::ombudsman::in_wales,
                Nation::Scotland => t::ombudsman::in_scotland,
                Nation::NorthernIreland => t::ombudsman::in_northern_ireland,
            };
            let ombudsmen = OmbudsmanScheme::of_nation(nation).details().to_vec();
            view! {
                <h2 class="heading-s">{heading(language)}</h2>
                <OmbudsmanDetails ombudsmen language />
            }
        })
        .collect_view()
}

/// The page; `children` are what the app knows of the landlord, when it knows.
#[component]
pub fn SetupProblemPage(
    problem: SetupProblem,
    language: Language,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    crate::config::set_title(t::setup_problem::title(language));
    view! {
        <PageHeading title=t::setup_problem::title(language) class="heading-xl" />
        <p>{t::setup_problem::other_ways(language)}</p>
        {children.map(|children| children())}
        <p>{t::setup_problem::ombudsman(language)}</p>
        {by_nation(language)}
        <h2 class="heading-m">{t::setup_problem::for_web_team(language)}</h2>
        // For the web team, in English whatever the resident's language.
        <p class="setup-problem" data-problem lang="en">{explain(&problem)}</p>
    }
}
