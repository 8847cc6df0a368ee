//! The Ombudsman schemes a resident can go to once the landlord's own process is over.

use super::policy::OmbudsmanScheme;
use super::translations::{ombudsman, Language};

/// How to reach an Ombudsman.
#[derive(Clone, Copy, Debug)]
pub struct OmbudsmanDetails {
    pub name: fn(Language) -> &'static str,
    pub phone: &'static str,
    pub website: &'static str,
    /// When a resident must go to it by, in one sentence ("Ask them within 12 months…").
    pub limit: fn(Language) -> &'static str,
}

pub const HOUSING_OMBUDSMAN: OmbudsmanDetails = OmbudsmanDetails {
    name: ombudsman::housing_name,
    phone: "0300 111 3000",
    website: "https://www.housing-ombudsman.org.uk/",
    limit: ombudsman::limit_from_final_answer,
};

pub const LGSCO: OmbudsmanDetails = OmbudsmanDetails {
    name: ombudsman::lgsco_name,
    phone: "0300 061 0614",
    website: "https://www.lgo.org.uk/",
    // 12 months from when the person "first had notice of the matter": Local Government Act
    // 1974, section 26B (https://www.lgo.org.uk/information-centre/staff-guidance/guidance-on-jurisdiction?chapter=6).
    limit: ombudsman::limit_from_knowing,
};

/// The Public Services Ombudsman for Wales (Ombwdsmon Gwasanaethau Cyhoeddus Cymru): phone from
/// https://www.ombudsman.wales/privacy-notice/ ("By phone: 0300 790 0203"); its time limit from
/// https://www.ombudsman.wales/fact-sheets/complaints-against-public-bodies-our-procedure/
/// (events that "happened or came to light within the previous year").
pub const PSOW: OmbudsmanDetails = OmbudsmanDetails {
    name: ombudsman::psow_name,
    phone: "0300 790 0203",
    website: "https://www.ombudsman.wales/",
    limit: ombudsman::limit_from_knowing,
};

/// The Scottish Public Services Ombudsman: freephone and time limit from
/// https://www.spso.org.uk/faqs ("Call us on 0800 377 7330"; not "if you have known about the
/// problem for more than 12 months before complaining").
pub const SPSO: OmbudsmanDetails = OmbudsmanDetails {
    name: ombudsman::spso_name,
    phone: "0800 377 7330",
    website: "https://www.spso.org.uk/",
    limit: ombudsman::limit_from_knowing,
};

/// The Northern Ireland Public Services Ombudsman: time limit from
/// https://www.nipso.org.uk/faqs ("more than 6 months after completing the organisation's
/// complaints procedure"); freephone from https://nipso.org.uk/nipso/nipso-latest-news/covid-19-update-2/
/// ("our helpline at 0800 343424", written 0800 34 34 24 by NIPSO).
pub const NIPSO: OmbudsmanDetails = OmbudsmanDetails {
    name: ombudsman::nipso_name,
    phone: "0800 34 34 24",
    website: "https://www.nipso.org.uk/",
    limit: ombudsman::limit_from_process_end,
};

/// The same Ombudsman: its website names it (a name is a function, which cannot be compared).
impl PartialEq for OmbudsmanDetails {
    fn eq(&self, other: &Self) -> bool {
        self.website == other.website
    }
}

impl Eq for OmbudsmanDetails {}

impl OmbudsmanScheme {
    /// The scheme whose Ombudsmen are exactly these, if any (what a tracked complaint keeps).
    pub fn of(ombudsmen: &[OmbudsmanDetails]) -> Option<OmbudsmanScheme> {
        OmbudsmanScheme::ALL
            .into_iter()
            .find(|scheme| scheme.details() == ombudsmen)
    }

    /// The Ombudsmen of this scheme, the Housing Ombudsman first where it applies.
    pub fn details(self) -> &'static [OmbudsmanDetails] {
        match self {
            OmbudsmanScheme::Housing => &[HOUSING_OMBUDSMAN],
            OmbudsmanScheme::Lgsco => &[LGSCO],
            OmbudsmanScheme::Both => &[HOUSING_OMBUDSMAN, LGSCO],
            OmbudsmanScheme::Psow => &[PSOW],
            OmbudsmanScheme::Spso => &[SPSO],
            OmbudsmanScheme::Nipso => &[NIPSO],
        }
    }
}
