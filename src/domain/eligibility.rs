//! Eligibility: who may use a landlord's complaints process, how a representative may act, and
//! which Ombudsman can look at the matter once the landlord's process is over.
//!
//! Like triage, it never refuses: someone the policy does not name is told the process may not
//! be open to them, and can still send it. The landlord decides, not the form.

use super::draft::{Choice, Complainant, ConsentBasis, Draft, RepliesTo};
use super::ombudsman::{OmbudsmanDetails, HOUSING_OMBUDSMAN, LGSCO};
use super::policy::{Connection, OmbudsmanScheme, Policy};

/// Resident-facing texts. Kept together so that a later change can move them to translation
/// files. `{landlord}` is the landlord's name; `{who}` is a list made by `who_list`.
pub mod text {
    use crate::domain::policy::Connection;

    pub const MAY_NOT_BE_OPEN: &str = "{landlord}'s complaints process is for {who}. So it may \
        not be open to you. You can still send your complaint. {landlord} will decide if it \
        can look at it.";

    /// Shown when no Ombudsman can look at it for this connection.
    pub const NO_OMBUDSMAN: &str = "The Housing Ombudsman only looks at complaints from people \
        who rent, lease or part-own a home from a landlord, or have asked for one. So it \
        cannot look at this later. Your landlord's own answer will be the last step.";

    /// Shown with the "anonymous" choice, where the policy offers it.
    pub const ANONYMOUS_NO_REPLY: &str = "If you do not give your name, your landlord cannot \
        reply to you or tell you what they did. They can still look into it.";

    /// Shown to a representative where the policy needs written consent.
    pub const WRITTEN_CONSENT_NEEDED: &str = "Your landlord needs the resident's permission in \
        writing before it can deal with you. Or you need the legal right to act for them, like \
        a lasting power of attorney.";

    /// Shown to a representative where replies can only go to the resident.
    pub const REPLIES_TO_RESIDENT_ONLY: &str =
        "Your landlord will send its replies to the resident, not to you.";

    pub const AND: &str = " and ";
    pub const LIST_SEPARATOR: &str = ", ";

    /// A connection as a group of people, to fit into `{who}`.
    pub fn group(connection: Connection) -> &'static str {
        match connection {
            Connection::Tenant => "tenants",
            Connection::Leaseholder => "leaseholders",
            Connection::SharedOwner => "shared owners",
            Connection::HousingApplicant => "people who have asked for a home",
            Connection::ServiceUser => "people who use its services",
            Connection::MemberOfThePublic => "members of the public",
        }
    }

    /// "tenants, leaseholders and shared owners".
    pub fn who_list(connections: &[Connection]) -> String {
        let groups: Vec<&str> = connections.iter().map(|c| group(*c)).collect();
        match groups.split_last() {
            None => String::new(),
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{}{AND}{last}", rest.join(LIST_SEPARATOR)),
        }
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
pub fn check(policy: &Policy, draft: &Draft) -> Eligibility {
    let rules = &policy.eligibility;
    let reps = &rules.representatives;
    let may_complain = draft
        .connection
        .map(|connection| rules.who_may_complain.contains(&connection));
    let explanation = (may_complain == Some(false)).then(|| {
        text::MAY_NOT_BE_OPEN
            .replace("{landlord}", &policy.landlord.name)
            .replace("{who}", &text::who_list(&rules.who_may_complain))
    });
    let ombudsman = match draft.connection {
        Some(connection) => ombudsman_for(policy, connection),
        None => policy.ombudsman.scheme.details().to_vec(),
    };
    let ombudsman_note = (draft.connection.is_some() && ombudsman.is_empty())
        .then(|| text::NO_OMBUDSMAN.to_string());
    let consent_options = if !reps.allowed {
        Vec::new()
    } else if reps.written_consent_required {
        // The resident being present is not consent in writing.
        vec![ConsentBasis::Written, ConsentBasis::LegalAuthority]
    } else {
        ConsentBasis::ALL.to_vec()
    };
    let consent_note = (reps.allowed && reps.written_consent_required)
        .then(|| text::WRITTEN_CONSENT_NEEDED.to_string());
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

/// Which Ombudsman can look at a complaint from someone with this connection, under the
/// policy's scheme.
///
/// - Tenants, leaseholders and shared owners: the Housing Ombudsman (the LGSCO only where the
///   profile names no other).
/// - Housing applicants: the LGSCO where the scheme includes it (a council's housing register
///   and homelessness services); else the Housing Ombudsman, which takes applicants for a
///   housing association's homes.
/// - Other service users: every Ombudsman of the scheme, since it depends on the service (the
///   profile's `lgsco_services` says which).
/// - Members of the public: none. The Housing Ombudsman only takes complaints from people with
///   a landlord relationship (Town and Country's policy, 14.2), and whether the LGSCO could
///   depends on the service, which the form cannot tell, so none is promised.
pub fn ombudsman_for(policy: &Policy, connection: Connection) -> Vec<OmbudsmanDetails> {
    let scheme = policy.ombudsman.scheme;
    let has_housing = matches!(scheme, OmbudsmanScheme::Housing | OmbudsmanScheme::Both);
    let has_lgsco = matches!(scheme, OmbudsmanScheme::Lgsco | OmbudsmanScheme::Both);
    match connection {
        Connection::Tenant | Connection::Leaseholder | Connection::SharedOwner => {
            vec![if has_housing {
                HOUSING_OMBUDSMAN
            } else {
                LGSCO
            }]
        }
        Connection::HousingApplicant => vec![if has_lgsco { LGSCO } else { HOUSING_OMBUDSMAN }],
        Connection::ServiceUser => scheme.details().to_vec(),
        Connection::MemberOfThePublic => Vec::new(),
    }
}

/// The "who is complaining" choices the policy allows: a representative only where the policy
/// allows them; anonymous only where it accepts that.
pub fn complainant_options(policy: &Policy) -> Vec<Complainant> {
    let rules = &policy.eligibility;
    Complainant::ALL
        .iter()
        .copied()
        .filter(|choice| match choice {
            Complainant::Myself => true,
            Complainant::SomeoneElse => rules.representatives.allowed,
            Complainant::Anonymous => rules.anonymous_accepted,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(id: &str) -> Policy {
        Policy::builtin(id).unwrap()
    }

    fn as_a(connection: Connection) -> Draft {
        Draft {
            connection: Some(connection),
            ..Draft::new("test")
        }
    }

    fn names(list: &[OmbudsmanDetails]) -> Vec<&'static str> {
        list.iter().map(|o| o.name).collect()
    }

    #[test]
    fn unanswered_connection_decides_nothing_yet() {
        let nw = policy("north-warwickshire");
        let eligibility = check(&nw, &Draft::new("north-warwickshire"));
        assert_eq!(eligibility.may_complain, None);
        assert_eq!(eligibility.explanation, None);
        assert_eq!(eligibility.ombudsman_note, None);
        assert_eq!(
            names(&eligibility.ombudsman),
            [HOUSING_OMBUDSMAN.name, LGSCO.name]
        );
    }

    #[test]
    fn who_may_complain_follows_the_policy() {
        let nw = policy("north-warwickshire");
        let tenant = check(&nw, &as_a(Connection::Tenant));
        assert_eq!(tenant.may_complain, Some(true));
        assert_eq!(tenant.explanation, None);
        let applicant = check(&nw, &as_a(Connection::HousingApplicant));
        assert_eq!(applicant.may_complain, Some(false));
        let explanation = applicant.explanation.unwrap();
        assert_eq!(
            explanation,
            "North Warwickshire Borough Council's complaints process is for tenants and \
             leaseholders. So it may not be open to you. You can still send your complaint. \
             North Warwickshire Borough Council will decide if it can look at it."
        );
    }

    #[test]
    fn lists_read_naturally() {
        use Connection::*;
        assert_eq!(text::who_list(&[]), "");
        assert_eq!(text::who_list(&[Tenant]), "tenants");
        assert_eq!(
            text::who_list(&[Tenant, Leaseholder, SharedOwner]),
            "tenants, leaseholders and shared owners"
        );
        for connection in Connection::ALL {
            assert!(!text::group(*connection).is_empty());
        }
    }

    #[test]
    fn ombudsman_by_scheme_and_connection() {
        use Connection::*;
        let ho = HOUSING_OMBUDSMAN.name;
        let lg = LGSCO.name;
        let mut p = Policy::default_policy();
        let table: [(OmbudsmanScheme, [&[&str]; 6]); 3] = [
            (
                OmbudsmanScheme::Housing,
                [&[ho], &[ho], &[ho], &[ho], &[ho], &[]],
            ),
            (
                OmbudsmanScheme::Lgsco,
                [&[lg], &[lg], &[lg], &[lg], &[lg], &[]],
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
                    names(&ombudsman_for(&p, *connection)),
                    want,
                    "{scheme:?} {connection:?}"
                );
            }
        }
    }

    #[test]
    fn no_ombudsman_is_explained() {
        let eligibility = check(
            &Policy::default_policy(),
            &as_a(Connection::MemberOfThePublic),
        );
        // The Code lets the public complain to the landlord, but no Ombudsman is promised.
        assert_eq!(eligibility.may_complain, Some(true));
        assert!(eligibility.ombudsman.is_empty());
        assert_eq!(
            eligibility.ombudsman_note.as_deref(),
            Some(text::NO_OMBUDSMAN)
        );
    }

    #[test]
    fn consent_and_replies_follow_the_policy() {
        let mut p = Policy::default_policy();
        let open = check(&p, &Draft::new("x"));
        assert!(open.representatives_allowed);
        assert_eq!(open.consent_options, ConsentBasis::ALL);
        assert_eq!(open.consent_note, None);
        assert_eq!(open.replies_options, RepliesTo::ALL);

        p.eligibility.representatives.written_consent_required = true;
        p.eligibility.representatives.replies_to_representative = false;
        let strict = check(&p, &Draft::new("x"));
        assert_eq!(
            strict.consent_options,
            [ConsentBasis::Written, ConsentBasis::LegalAuthority]
        );
        assert_eq!(
            strict.consent_note.as_deref(),
            Some(text::WRITTEN_CONSENT_NEEDED)
        );
        assert_eq!(strict.replies_options, [RepliesTo::Resident]);

        p.eligibility.representatives.allowed = false;
        p.eligibility.representatives.replies_to_representative = true;
        let none = check(&p, &Draft::new("x"));
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
            [Complainant::Myself, Complainant::SomeoneElse]
        );
        p.eligibility.anonymous_accepted = true;
        assert_eq!(complainant_options(&p), Complainant::ALL);
        assert!(check(&p, &Draft::new("x")).anonymous_allowed);
        p.eligibility.representatives.allowed = false;
        assert_eq!(
            complainant_options(&p),
            [Complainant::Myself, Complainant::Anonymous]
        );
    }
}
