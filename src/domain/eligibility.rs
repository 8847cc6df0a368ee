//! Eligibility: who may use a landlord's complaints process, how a representative may act, and
//! which Ombudsman can look at the matter once the landlord's process is over.
//!
//! Like triage, it never refuses: someone the policy does not name is told the process may not
//! be open to them, and can still send it. The landlord decides, not the form.

use super::draft::{Category, Who, ConsentBasis, Draft, RepliesTo};
use super::ombudsman::{OmbudsmanDetails, HOUSING_OMBUDSMAN, LGSCO};
use super::policy::{Connection, Decision, OmbudsmanScheme, Policy};
use super::triage;
use super::translations::{eligibility as text, Language};

/// A connection as a group of people, to fit into a sentence ("tenants").
pub fn group(connection: Connection, language: Language) -> &'static str {
    let group = match connection {
        Connection::Tenant => text::tenants,
        Connection::Leaseholder => text::leaseholders,
        Connection::SharedOwner => text::shared_owners,
        Connection::HousingApplicant => text::housing_applicants,
        Connection::ServiceUser => text::service_users,
        Connection::MemberOfThePublic => text::public,
    };
    group(language)
}

/// "tenants, leaseholders and shared owners".
pub fn who_list(connections: &[Connection], language: Language) -> String {
    let groups: Vec<&str> = connections.iter().map(|c| group(*c, language)).collect();
    match groups.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => text::and(language, &rest.join(text::separator(language)), last),
    }
}

/// What the policy allows this person, and where they can go afterwards.
#[derive(Clone, Debug, PartialEq)]
pub struct Eligibility {
    /// The connection is one the policy lets complain (None when not answered yet).
    pub may_complain: Option<bool>,
    /// Plain explanation when `may_complain` is `Some(false)`: the landlord's process may not
    /// be open to them, but they can still send it and the landlord decides.
    pub explanation: Option<String>,
    /// Which Ombudsman can look at it once the landlord's process is over, for this
    /// connection; every Ombudsman of the policy's scheme while the connection is unanswered.
    pub ombudsman: Vec<OmbudsmanDetails>,
    /// Why no Ombudsman can, when the connection is answered and `ombudsman` is empty.
    pub ombudsman_note: Option<String>,
    pub anonymous_allowed: bool,
    pub representatives_allowed: bool,
    /// What a representative may confirm: all three when written consent is not required;
    /// written consent or legal authority when it is; none when representatives are not
    /// allowed.
    pub consent_options: Vec<ConsentBasis>,
    /// Shown to a representative when written consent is required.
    pub consent_note: Option<String>,
    /// Who replies may go to: the resident only when the policy does not allow replies to a
    /// representative; else all three.
    pub replies_options: Vec<RepliesTo>,
}

/// What the policy allows the person described by `draft`.
pub fn check(policy: &Policy, draft: &Draft, language: Language) -> Eligibility {
    let rules = &policy.eligibility;
    let reps = &rules.representatives;
    let may_complain = draft
        .connection
        .map(|connection| rules.who_may_complain.contains(&connection));
    let explanation = (may_complain == Some(false)).then(|| {
        let who = who_list(&rules.who_may_complain, language);
        text::may_not_be_open(language, &policy.landlord.name_in_texts(language), &who)
    });
    let ombudsman = ombudsman_for(policy, draft);
    let ombudsman_note = (draft.connection.is_some() && ombudsman.is_empty())
        .then(|| text::no_ombudsman(language).to_string());
    let consent_options = if !reps.allowed {
        Vec::new()
    } else if reps.written_consent_required {
        // The resident being present is not consent in writing.
        vec![ConsentBasis::Written, ConsentBasis::LegalAuthority]
    } else {
        ConsentBasis::ALL.to_vec()
    };
    let consent_note = (reps.allowed && reps.written_consent_required)
        .then(|| text::written_consent_needed(language).to_string());
    let replies_options = if reps.allowed && reps.replies_to_representative {
        vec![
            RepliesTo::Resident,
            RepliesTo::Representative,
            RepliesTo::Both,
        ]
    } else {
        vec![RepliesTo::Resident]
    };
    Eligibility {
        may_complain,
        explanation,
        ombudsman,
        ombudsman_note,
        anonymous_allowed: rules.anonymous_accepted,
        representatives_allowed: reps.allowed,
        consent_options,
        consent_note,
        replies_options,
    }
}

/// Whether the matter is one a council's housing department answers to the Local Government
/// and Social Care Ombudsman for: allocations (the housing register), homelessness and housing
/// advice, not its landlord services: told by the decision or the complaint's category,
/// whoever is complaining (a housing applicant's is one too: see `ombudsman_for`).
fn council_housing_matter(draft: &Draft) -> bool {
    triage::decision_with_route(draft) == Some(Decision::Housing)
        || draft.category == Some(Category::Allocations)
}

/// Which Ombudsman can look at the matter once the landlord's process is over, under the
/// policy's scheme, by what it is about and who is complaining.
///
/// - A council (`both`): the Local Government and Social Care Ombudsman for allocations,
///   homelessness and housing advice (a decision on a housing application or homelessness, an
///   allocations complaint, a housing applicant); the Housing Ombudsman for its landlord
///   services (tenants, leaseholders, shared owners); either for another service user, by the
///   service (the profile's `lgsco_services` says which).
/// - A housing association (`housing`): the Housing Ombudsman for everything it does, its
///   lettings included. It never sends anyone to the LGSCO for its own services.
/// - Members of the public: none, but for a council housing matter. The Housing Ombudsman only
///   takes complaints from people with a landlord relationship (Town and Country's policy,
///   14.2).
/// - Wales, Scotland, Northern Ireland (`psow`, `spso`, `nipso`): the nation's one Public
///   Services Ombudsman, for anyone the landlord's service affected, members of the public too.
/// - Nobody answered yet: every Ombudsman of the scheme.
pub fn ombudsman_for(policy: &Policy, draft: &Draft) -> Vec<OmbudsmanDetails> {
    let scheme = policy.ombudsman.scheme;
    let Some(connection) = draft.connection else {
        return scheme.details().to_vec();
    };
    match scheme {
        OmbudsmanScheme::Psow | OmbudsmanScheme::Spso | OmbudsmanScheme::Nipso => {
            scheme.details().to_vec()
        }
        OmbudsmanScheme::Lgsco => vec![LGSCO],
        OmbudsmanScheme::Housing => match connection {
            Connection::MemberOfThePublic => Vec::new(),
            _ => vec![HOUSING_OMBUDSMAN],
        },
        OmbudsmanScheme::Both if council_housing_matter(draft) => vec![LGSCO],
        OmbudsmanScheme::Both => match connection {
            Connection::Tenant | Connection::Leaseholder | Connection::SharedOwner => {
                vec![HOUSING_OMBUDSMAN]
            }
            Connection::ServiceUser => scheme.details().to_vec(),
            Connection::HousingApplicant => vec![LGSCO],
            Connection::MemberOfThePublic => Vec::new(),
        },
    }
}

/// The "who is complaining" choices the policy allows: a representative only where the policy
/// allows them; anonymous only where it accepts that.
pub fn complainant_options(policy: &Policy) -> Vec<Who> {
    let rules = &policy.eligibility;
    Who::ALL
        .iter()
        .copied()
        .filter(|choice| match choice {
            Who::Myself => true,
            Who::SomeoneElse => rules.representatives.allowed,
            Who::Anonymous => rules.anonymous_accepted,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(id: &str) -> Policy {
        Policy::builtin(id).unwrap()
    }

    #[test]
    fn outside_england_everyone_goes_to_the_nations_ombudsman_and_never_an_english_one() {
        use crate::domain::ombudsman::{NIPSO, PSOW, SPSO};
        use crate::domain::policy::Nation;
        for (nation, ombudsman, welsh_name) in [
            (Nation::Wales, PSOW, "Ombwdsmon Gwasanaethau Cyhoeddus Cymru"),
            (Nation::Scotland, SPSO, "Ombwdsmon Gwasanaethau Cyhoeddus yr Alban"),
            (Nation::NorthernIreland, NIPSO, "Ombwdsmon Gwasanaethau Cyhoeddus Gogledd Iwerddon"),
        ] {
            let policy = Policy::default_in(nation);
            let mut drafts: Vec<Draft> = Connection::ALL.iter().map(|c| as_a(*c)).collect();
            drafts.push(Draft::new("test"));
            // A council housing matter too: the LGSCO is England's.
            drafts.push(Draft {
                category: Some(Category::Allocations),
                ..as_a(Connection::HousingApplicant)
            });
            for draft in &drafts {
                for language in Language::ALL {
                    let eligible = check(&policy, draft, language);
                    assert_eq!(eligible.ombudsman, [ombudsman], "{nation:?} {:?}", draft.connection);
                    assert_eq!(eligible.ombudsman_note, None);
                }
            }
            assert_eq!((ombudsman.name)(Language::Welsh), welsh_name);
            assert!(!(ombudsman.name)(Language::English).contains("Housing"));
            for language in Language::ALL {
                assert!(!(ombudsman.limit)(language).is_empty());
            }
        }
        assert_eq!(PSOW.phone, "0300 790 0203");
        assert_eq!(SPSO.phone, "0800 377 7330");
        assert_eq!(NIPSO.phone, "0800 34 34 24");
        // NIPSO's limit runs from the end of the landlord's process, 6 months.
        assert!((NIPSO.limit)(Language::English).contains("6 months"));
        assert!((PSOW.limit)(Language::Welsh).contains("12 mis"));
    }

    fn as_a(connection: Connection) -> Draft {
        Draft {
            connection: Some(connection),
            ..Draft::new("test")
        }
    }

    fn names(list: &[OmbudsmanDetails]) -> Vec<&'static str> {
        list.iter().map(|o| o.website).collect()
    }

    #[test]
    fn unanswered_connection_decides_nothing_yet() {
        let nw = policy("north-warwickshire");
        let eligibility = check(&nw, &Draft::new("north-warwickshire"), Language::English);
        assert_eq!(eligibility.may_complain, None);
        assert_eq!(eligibility.explanation, None);
        assert_eq!(eligibility.ombudsman_note, None);
        assert_eq!(
            names(&eligibility.ombudsman),
            [HOUSING_OMBUDSMAN.website, LGSCO.website]
        );
    }

    #[test]
    fn who_may_complain_follows_the_policy() {
        let nw = policy("north-warwickshire");
        let tenant = check(&nw, &as_a(Connection::Tenant), Language::English);
        assert_eq!(tenant.may_complain, Some(true));
        assert_eq!(tenant.explanation, None);
        let applicant = check(&nw, &as_a(Connection::HousingApplicant), Language::English);
        assert_eq!(applicant.may_complain, Some(false));
        let explanation = applicant.explanation.unwrap();
        assert_eq!(
            explanation,
            "The complaints process of North Warwickshire Borough Council is for tenants and \
             leaseholders. So it may not be open to you. You can still send your complaint. \
             Then North Warwickshire Borough Council will decide if it can look at it."
        );
    }

    #[test]
    fn lists_read_naturally() {
        use Connection::*;
        assert_eq!(who_list(&[], Language::English), "");
        assert_eq!(who_list(&[Tenant], Language::English), "tenants");
        assert_eq!(
            who_list(&[Tenant, Leaseholder, SharedOwner], Language::English),
            "tenants, leaseholders and shared owners"
        );
        for connection in Connection::ALL {
            assert!(!group(connection, Language::Welsh).is_empty());
        }
    }

    #[test]
    fn ombudsman_by_scheme_and_connection() {
        use Connection::*;
        let ho = HOUSING_OMBUDSMAN.website;
        let lg = LGSCO.website;
        let mut p = Policy::default_policy();
        let table: [(OmbudsmanScheme, [&[&str]; 6]); 3] = [
            (
                OmbudsmanScheme::Housing,
                [&[ho], &[ho], &[ho], &[ho], &[ho], &[]],
            ),
            (
                OmbudsmanScheme::Lgsco,
                [&[lg], &[lg], &[lg], &[lg], &[lg], &[lg]],
            ),
            (
                OmbudsmanScheme::Both,
                [&[ho], &[ho], &[ho], &[lg], &[ho, lg], &[]],
            ),
        ];
        let connections = [
            Tenant,
            Leaseholder,
            SharedOwner,
            HousingApplicant,
            ServiceUser,
            MemberOfThePublic,
        ];
        for (scheme, expected) in table {
            p.ombudsman.scheme = scheme;
            for (connection, want) in connections.iter().zip(expected) {
                assert_eq!(
                    names(&ombudsman_for(&p, &as_a(*connection))),
                    want,
                    "{scheme:?} {connection:?}"
                );
            }
        }
    }

    #[test]
    fn a_councils_housing_matters_go_to_the_lgsco_its_landlord_services_to_the_housing_ombudsman() {
        use crate::domain::draft::{Category, Matter};
        let ho = HOUSING_OMBUDSMAN.website;
        let lg = LGSCO.website;
        let about = |connection, decision: Option<Decision>, category: Option<Category>| Draft {
            connection: Some(connection),
            matter: decision.map(|_| Matter::Decision),
            decision,
            category,
            ..Draft::new("test")
        };
        // Nottingham is a council: its housing applicants, homelessness and allocations go to
        // the LGSCO; a tenant's repair to the Housing Ombudsman.
        let nottingham = policy("nottingham");
        assert_eq!(nottingham.ombudsman.scheme, OmbudsmanScheme::Both);
        let route = |draft: &Draft| names(&ombudsman_for(&nottingham, draft));
        assert_eq!(route(&as_a(Connection::HousingApplicant)), [lg]);
        assert_eq!(route(&as_a(Connection::Tenant)), [ho]);
        assert_eq!(route(&about(Connection::Tenant, Some(Decision::Housing), None)), [lg]);
        assert_eq!(route(&about(Connection::Tenant, None, Some(Category::Allocations))), [lg]);
        assert_eq!(route(&about(Connection::Tenant, Some(Decision::Tenancy), None)), [ho]);
        // A decision left from a branch the resident has since left does not count.
        let mut left = about(Connection::Tenant, Some(Decision::Housing), None);
        left.matter = Some(Matter::Repair);
        assert_eq!(route(&left), [ho]);
        // A housing association never sends anyone to the LGSCO for its own services.
        for id in ["greatwell", "town-and-country"] {
            let association = policy(id);
            assert_eq!(association.ombudsman.scheme, OmbudsmanScheme::Housing, "{id}");
            for draft in [
                as_a(Connection::HousingApplicant),
                about(Connection::Tenant, Some(Decision::Housing), Some(Category::Allocations)),
            ] {
                assert_eq!(names(&ombudsman_for(&association, &draft)), [ho], "{id}");
            }
        }
        // Every council profile routes by matter.
        for id in ["nottingham", "north-warwickshire", "south-cambridgeshire"] {
            let council = policy(id);
            assert_eq!(council.ombudsman.scheme, OmbudsmanScheme::Both, "{id}");
            assert_eq!(names(&ombudsman_for(&council, &as_a(Connection::HousingApplicant))), [lg]);
            assert_eq!(names(&ombudsman_for(&council, &as_a(Connection::Leaseholder))), [ho]);
        }
    }

    #[test]
    fn no_ombudsman_is_explained() {
        let eligibility = check(
            &Policy::default_policy(),
            &as_a(Connection::MemberOfThePublic),
            Language::English,
        );
        // The Code lets the public complain to the landlord, but no Ombudsman is promised.
        assert_eq!(eligibility.may_complain, Some(true));
        assert!(eligibility.ombudsman.is_empty());
        assert_eq!(
            eligibility.ombudsman_note.as_deref(),
            Some(text::no_ombudsman(Language::English))
        );
    }

    #[test]
    fn consent_and_replies_follow_the_policy() {
        let mut p = Policy::default_policy();
        let open = check(&p, &Draft::new("x"), Language::English);
        assert!(open.representatives_allowed);
        assert_eq!(open.consent_options, ConsentBasis::ALL);
        assert_eq!(open.consent_note, None);
        assert_eq!(open.replies_options, RepliesTo::ALL);

        p.eligibility.representatives.written_consent_required = true;
        p.eligibility.representatives.replies_to_representative = false;
        let strict = check(&p, &Draft::new("x"), Language::English);
        assert_eq!(
            strict.consent_options,
            [ConsentBasis::Written, ConsentBasis::LegalAuthority]
        );
        assert_eq!(
            strict.consent_note.as_deref(),
            Some(text::written_consent_needed(Language::English))
        );
        assert_eq!(strict.replies_options, [RepliesTo::Resident]);

        p.eligibility.representatives.allowed = false;
        p.eligibility.representatives.replies_to_representative = true;
        let none = check(&p, &Draft::new("x"), Language::English);
        assert!(!none.representatives_allowed);
        assert!(none.consent_options.is_empty());
        assert_eq!(none.consent_note, None);
        assert_eq!(none.replies_options, [RepliesTo::Resident]);
    }

    #[test]
    fn complainant_choices_follow_the_policy() {
        let mut p = Policy::default_policy();
        assert_eq!(
            complainant_options(&p),
            [Who::Myself, Who::SomeoneElse]
        );
        p.eligibility.anonymous_accepted = true;
        assert_eq!(complainant_options(&p), Who::ALL);
        assert!(check(&p, &Draft::new("x"), Language::English).anonymous_allowed);
        p.eligibility.representatives.allowed = false;
        assert_eq!(
            complainant_options(&p),
            [Who::Myself, Who::Anonymous]
        );
    }
}
