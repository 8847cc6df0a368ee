//! The languages the app speaks, and choosing one from a setting or the browser's list.

use super::choice::choice;

choice!(serde
    /// A language of the app's texts (`src/locales/<code>/`). English is the reference: every
    /// text exists in it, and a landlord's own text falls back to it. The id is its BCP 47
    /// code, for `lang` attributes, settings and profiles.
    #[derive(PartialOrd, Ord, Default)]
    Language {
        #[default]
        English = "en",
        Welsh = "cy",
    }
);

impl Language {
    /// The BCP 47 code.
    pub fn code(self) -> &'static str {
        self.id()
    }

    /// The language of a tag such as `cy`, `cy-GB` or `en-US`, if the app has it.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of the browser's preferred languages that the app has, else English.
    pub fn preferred<'a>(tags: impl IntoIterator<Item = &'a str>) -> Language {
        tags.into_iter().find_map(Language::from_tag).unwrap_or_default()
    }

    /// The language's name in itself, for the link that switches to it.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Welsh => "Cymraeg",
        }
    }

    /// The language the switch link offers.
    pub fn other(self) -> Language {
        match self {
            Language::English => Language::Welsh,
            Language::Welsh => Language::English,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn tags_with_regions_and_cases() {
        assert_eq!(Language::from_tag("cy"), Some(Language::Welsh));
        assert_eq!(Language::from_tag("CY-gb"), Some(Language::Welsh));
        assert_eq!(Language::from_tag("en_GB"), Some(Language::English));
        assert_eq!(Language::from_tag("fr"), None);
        assert_eq!(Language::from_tag(""), None);
    }

    #[test]
    fn the_first_known_preference_wins() {
        assert_eq!(Language::preferred(["fr-FR", "cy-GB", "en"]), Language::Welsh);
        assert_eq!(Language::preferred(["en-GB", "cy"]), Language::English);
        assert_eq!(Language::preferred(["pl", "ur"]), Language::English);
        assert_eq!(Language::preferred([]), Language::English);
    }

    proptest! {
        #[test]
        fn a_code_reads_back(index in 0..Language::ALL.len(), region in "(-[A-Za-z]{2})?") {
            let language = Language::ALL[index];
            prop_assert_eq!(Language::from_tag(&format!("{}{region}", language.code())), Some(language));
            prop_assert_eq!(language.other().other(), language);
        }
    }
}
