//! A landlord's own words in a profile (an exclusion's explanation, a contact's opening hours),
//! in English and, where the landlord gives them, other languages. In JSON either a string
//! (English) or an object of language codes, English required:
//! `{"en": "Call us on 0115 915 2000", "cy": "Ffoniwch ni ar 0115 915 2000"}`.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::language::Language;

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LocalText {
    /// English first, then the others the landlord gave, each once.
    texts: Vec<(Language, String)>,
}

impl LocalText {
    pub fn new(english: impl Into<String>) -> LocalText {
        LocalText { texts: vec![(Language::English, english.into())] }
    }

    pub fn english(&self) -> &str {
        self.texts.first().map_or("", |(_, text)| text)
    }

    /// The text in `language`, or in English where the landlord gave none, with the language
    /// it is in (for a `lang` attribute on a fallback).
    pub fn in_language(&self, language: Language) -> (&str, Language) {
        self.texts
            .iter()
            .find(|(l, _)| *l == language)
            .map_or((self.english(), Language::English), |(l, text)| (text.as_str(), *l))
    }

    pub fn get(&self, language: Language) -> &str {
        self.in_language(language).0
    }

    pub fn has(&self, language: Language) -> bool {
        self.texts.iter().any(|(l, _)| *l == language)
    }

    /// Whether any of its texts is empty or only spaces.
    pub fn has_blank(&self) -> bool {
        self.texts.iter().any(|(_, text)| text.trim().is_empty())
    }
}

impl Serialize for LocalText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.texts.len() == 1 {
            return serializer.serialize_str(self.english());
        }
        serializer.collect_map(self.texts.iter().map(|(language, text)| (language.code(), text)))
    }
}

impl<'de> Deserialize<'de> for LocalText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<LocalText, D::Error> {
        deserializer.deserialize_any(LocalTextVisitor)
    }
}

/// By hand rather than `#[serde(untagged)]`: smaller, and its errors say what is wrong.
struct LocalTextVisitor;

impl<'de> Visitor<'de> for LocalTextVisitor {
    type Value = LocalText;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text, or an object of texts by language code with \"en\" required")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<LocalText, E> {
        Ok(LocalText::new(text))
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<LocalText, M::Error> {
        let mut texts: Vec<(Language, String)> = Vec::new();
        while let Some(code) = map.next_key::<String>()? {
            let language = Language::ALL
                .into_iter()
                .find(|l| l.code() == code)
                .ok_or_else(|| de::Error::custom(format!("unknown language \"{code}\": use \"en\" or \"cy\"")))?;
            if texts.iter().any(|(l, _)| *l == language) {
                return Err(de::Error::custom(format!("\"{code}\" is given twice")));
            }
            texts.push((language, map.next_value()?));
        }
        if !texts.iter().any(|(l, _)| *l == Language::English) {
            return Err(de::Error::custom("a text needs its English (\"en\")"));
        }
        super::short_sort::sort_short_by_key(&mut texts, |(language, _)| *language);
        Ok(LocalText { texts })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_is_english_and_welsh_falls_back_to_it() {
        let text: LocalText = serde_json::from_str(r#""Call us""#).unwrap();
        assert_eq!(text.get(Language::Welsh), "Call us");
        assert_eq!(text.in_language(Language::Welsh), ("Call us", Language::English));
        assert!(!text.has(Language::Welsh));
        assert_eq!(serde_json::to_string(&text).unwrap(), r#""Call us""#);
    }

    #[test]
    fn languages_by_code_round_trip() {
        let json = r#"{"cy":"Ffoniwch ni","en":"Call us"}"#;
        let text: LocalText = serde_json::from_str(json).unwrap();
        assert_eq!(text.in_language(Language::Welsh), ("Ffoniwch ni", Language::Welsh));
        assert_eq!(text.get(Language::English), "Call us");
        let back: LocalText = serde_json::from_str(&serde_json::to_string(&text).unwrap()).unwrap();
        assert_eq!(back, text);
    }

    #[test]
    fn bad_texts_are_refused_with_the_reason() {
        for (json, reason) in [
            (r#"{"cy":"Ffoniwch ni"}"#, "needs its English"),
            (r#"{"en":"Call us","fr":"Appelez"}"#, "unknown language \"fr\""),
            (r#"{"en":"Call us","en":"Ring us"}"#, "given twice"),
            ("42", "a text, or an object"),
        ] {
            let error = serde_json::from_str::<LocalText>(json).unwrap_err().to_string();
            assert!(error.contains(reason), "{json}: {error}");
        }
    }
}
