//! The Ombudsman schemes a resident can go to once the landlord's own process is over.

use super::policy::OmbudsmanScheme;
use super::translations::{ombudsman, Language};

/// How to reach an Ombudsman.
#[derive(Clone, Copy, Debug)]
pub struct OmbudsmanDetails {
    pub name: fn(Language) -> &'static str,
    pub phone: &'static str,
    pub website: &'static str,
}

pub const HOUSING_OMBUDSMAN: OmbudsmanDetails = OmbudsmanDetails {
    name: ombudsman::housing_name,
    phone: "0300 111 3000",
    website: "https://www.housing-ombudsman.org.uk/",
};

pub const LGSCO: OmbudsmanDetails = OmbudsmanDetails {
    name: ombudsman::lgsco_name,
    phone: "0300 061 0614",
    website: "https://www.lgo.org.uk/",
};

/// The same Ombudsman: its website names it (a name is a function, which cannot be compared).
impl PartialEq for OmbudsmanDetails {
    fn eq(&self, other: &Self) -> bool {
        self.website == other.website
    }
}

impl Eq for OmbudsmanDetails {}

impl OmbudsmanScheme {
    /// The Ombudsmen of this scheme, the Housing Ombudsman first where it applies.
    pub fn details(self) -> &'static [OmbudsmanDetails] {
        match self {
            OmbudsmanScheme::Housing => &[HOUSING_OMBUDSMAN],
            OmbudsmanScheme::Lgsco => &[LGSCO],
            OmbudsmanScheme::Both => &[HOUSING_OMBUDSMAN, LGSCO],
        }
    }
}
