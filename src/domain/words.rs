//! How a choice reads to the resident: its label and hint, shared by the question pages and the
//! check-answers page. Each choice names its texts (in `src/locales/<language>/labels.toml`)
//! where it is declared with `choice!`.

use super::language::Language;

/// A text in the resident's language.
pub type Words = fn(Language) -> &'static str;

/// How a choice reads to the resident.
pub trait Label: Copy {
    fn label_text(self) -> Words;
    fn hint_text(self) -> Option<Words> {
        None
    }
    fn label(self, language: Language) -> &'static str {
        self.label_text()(language)
    }
    fn hint(self, language: Language) -> Option<&'static str> {
        self.hint_text().map(|hint| hint(language))
    }
}
