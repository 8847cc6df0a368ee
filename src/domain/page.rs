//! What a page declaration is (the declarations themselves are in `pages.rs`): its question,
//! how it asks (one choice, one piece of writing, or a view of its own), what it checks, how
//! its answer reads back on the check-answers page and which page comes next. The journey, the
//! checks, the check-answers page and the server's refusals are all worked out from these.

use chrono::NaiveDate;

use super::choice::Choice;
use super::draft::{DateInput, Draft};
use super::language::Language;
use super::pages::{FieldId, PageId, PAGES};
use super::policy::Policy;
use super::validation::{date_message, error, text_limit, FieldError};
use super::words::{Label, Words};

/// One page of the journey.
pub struct Page {
    pub id: PageId,
    pub question: Question,
    pub form: Form,
    pub next: Next,
}

/// The page's question: its `<h1>` and its row's key on the check-answers page.
pub enum Question {
    Plain(Words),
    /// With the landlord's name.
    Naming(fn(Language, &str) -> String),
    /// Worded for the resident, or for someone acting for them (with the landlord's name).
    ForWhom {
        resident: fn(Language, &str) -> String,
        someone_else: fn(Language, &str) -> String,
    },
}

/// How the page asks for its answers.
pub enum Form {
    /// One choice, as radios: the app draws the page from this.
    Choice(ChoiceQuestion),
    /// One piece of writing: the app draws the page from this.
    Text(TextQuestion),
    /// A page with a view of its own in `src/pages/`, registered in `src/pages/mod.rs`.
    Own(OwnForm),
}

/// A question answered by choosing one of a set.
pub struct ChoiceQuestion {
    pub field: FieldId,
    pub answer: ChoiceAnswer,
    /// The message when nothing is chosen.
    pub missing: Words,
    pub hint: Option<Words>,
    /// Whether a choice (by id) is offered under a policy: most are, always.
    pub offered: fn(&Policy, &str) -> bool,
}

impl ChoiceQuestion {
    /// The choices offered under `policy`, in order.
    pub fn options(&self, policy: &Policy, language: Language) -> Vec<Offered> {
        let mut options = (self.answer.options)(language);
        options.retain(|offer| (self.offered)(policy, offer.id));
        options
    }
}

/// Every choice is offered, under every policy.
pub const fn every_choice(_: &Policy, _: &str) -> bool {
    true
}

/// One choice of the draft, without its type: what radios read and write. `choice_answer!`
/// makes one from a field of the draft.
#[derive(Clone, Copy)]
pub struct ChoiceAnswer {
    pub get: fn(&Draft) -> Option<&'static str>,
    pub set: fn(&mut Draft, &str),
    pub options: fn(Language) -> Vec<Offered>,
}

/// A choice as offered to the resident.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offered {
    pub id: &'static str,
    pub label: &'static str,
    pub hint: Option<&'static str>,
}

/// The offers of these choices, in order.
pub fn offered<T: Choice + Label>(choices: &[T], language: Language) -> Vec<Offered> {
    choices
        .iter()
        .map(|choice| Offered {
            id: choice.id(),
            label: choice.label(language),
            hint: choice.hint(language),
        })
        .collect()
}

/// A `ChoiceAnswer` bound to `draft.<field>`, an `Option` of a choice.
macro_rules! choice_answer {
    ($($field:ident).+) => {
        $crate::domain::page::ChoiceAnswer {
            get: |draft| draft.$($field).+.map($crate::domain::choice::Choice::id),
            set: |draft, id| {
                if let Some(choice) = $crate::domain::choice::Choice::from_id(id) {
                    draft.$($field).+ = Some(choice);
                }
            },
            options: |language| {
                let all = $crate::domain::page::all_of(|draft| draft.$($field).+);
                $crate::domain::page::offered(all, language)
            },
        }
    };
}
pub(crate) use choice_answer;

/// Every value of the choice a field of the draft holds.
pub fn all_of<T: Choice>(_field: fn(&Draft) -> Option<T>) -> &'static [T] {
    T::ALL
}

impl ChoiceAnswer {
    /// The label of the chosen answer, if any.
    pub fn label(&self, draft: &Draft, language: Language) -> Option<&'static str> {
        let chosen = (self.get)(draft)?;
        (self.options)(language)
            .into_iter()
            .find(|offer| offer.id == chosen)
            .map(|offer| offer.label)
    }
}

/// A question answered in writing.
pub struct TextQuestion {
    pub field: FieldId,
    pub get: fn(&Draft) -> &str,
    pub set: fn(&mut Draft) -> &mut String,
    /// The message when it is left empty, where an answer is needed.
    pub missing: Option<Words>,
    pub hint: fn(&Policy, Language) -> &'static str,
    pub max: usize,
}

/// A page with a view of its own: the fields it shows, its checks, and its answer as it reads
/// back (none: no row on the check-answers page).
pub struct OwnForm {
    pub fields: &'static [FieldId],
    pub check: fn(&mut Checks),
    pub answer: Option<fn(&Policy, &Draft, NaiveDate, Language) -> String>,
}

/// Where the resident goes after the page.
pub enum Next {
    To(PageId),
    /// `then` when the answers so far say so, else `otherwise`.
    If {
        when: fn(&Draft) -> bool,
        then: PageId,
        otherwise: PageId,
    },
    /// Depends on the answers: `None` where the journey stops.
    Rule(fn(&Policy, &Draft, NaiveDate) -> Option<PageId>),
    /// The journey stops here.
    End,
}

/// A page's checks of the answers, collecting the problems.
pub struct Checks<'a> {
    pub policy: &'a Policy,
    pub draft: &'a Draft,
    pub today: NaiveDate,
    pub language: Language,
    pub errors: Vec<FieldError>,
}

impl Checks<'_> {
    pub fn problem(&mut self, field: FieldId, message: impl Into<String>) {
        self.errors.push(error(field, message));
    }

    /// Reports `message` when the answer is `missing`.
    pub fn need(&mut self, missing: bool, field: FieldId, message: Words) {
        if missing {
            self.problem(field, message(self.language));
        }
    }

    /// Reports a typed date that is not a real one, today or before (`missing` when blank).
    pub fn date(&mut self, field: FieldId, date: &DateInput, missing: Words) {
        if let Err(problem) = date.parse(self.today) {
            self.problem(field, date_message(problem, missing, self.language));
        }
    }

    /// Reports text longer than `max` characters.
    pub fn limit(&mut self, field: FieldId, text: &str, max: usize) {
        self.errors
            .extend(text_limit(field, text, max, self.language));
    }
}

impl PageId {
    /// The page's declaration.
    pub fn page(self) -> &'static Page {
        &PAGES[self as usize]
    }
}

impl Page {
    /// The question, worded for this landlord and for who is complaining.
    pub fn question(&self, landlord: &str, for_someone_else: bool, language: Language) -> String {
        match self.question {
            Question::Plain(words) => words(language).to_string(),
            Question::Naming(words) => words(language, landlord),
            Question::ForWhom { someone_else, .. } if for_someone_else => {
                someone_else(language, landlord)
            }
            Question::ForWhom { resident, .. } => resident(language, landlord),
        }
    }

    /// The fields the page shows, whose problems it reports.
    pub fn fields(&'static self) -> &'static [FieldId] {
        match &self.form {
            Form::Choice(question) => std::slice::from_ref(&question.field),
            Form::Text(question) => std::slice::from_ref(&question.field),
            Form::Own(form) => form.fields,
        }
    }

    /// The problems with the page's answers; empty when the resident can go on.
    pub fn check(
        &self,
        policy: &Policy,
        draft: &Draft,
        today: NaiveDate,
        language: Language,
    ) -> Vec<FieldError> {
        let mut checks = Checks {
            policy,
            draft,
            today,
            language,
            errors: Vec::new(),
        };
        match &self.form {
            Form::Choice(question) => checks.need(
                (question.answer.get)(draft).is_none(),
                question.field,
                question.missing,
            ),
            Form::Text(question) => {
                let text = (question.get)(draft);
                if let Some(missing) = question.missing {
                    checks.need(text.trim().is_empty(), question.field, missing);
                }
                checks.limit(question.field, text, question.max);
            }
            Form::Own(form) => (form.check)(&mut checks),
        }
        checks.errors
    }

    /// The answer as the resident would read it back; `None` for a page with no row on the
    /// check-answers page.
    pub fn answer(
        &self,
        policy: &Policy,
        draft: &Draft,
        today: NaiveDate,
        language: Language,
    ) -> Option<String> {
        match &self.form {
            Form::Choice(question) => Some(
                question
                    .answer
                    .label(draft, language)
                    .unwrap_or_default()
                    .to_string(),
            ),
            Form::Text(question) => Some((question.get)(draft).to_string()),
            Form::Own(form) => form.answer.map(|answer| answer(policy, draft, today, language)),
        }
    }

    /// The page after this one, given the answers; `None` where the journey stops.
    pub fn next(&self, policy: &Policy, draft: &Draft, today: NaiveDate) -> Option<PageId> {
        match self.next {
            Next::To(page) => Some(page),
            Next::If {
                when,
                then,
                otherwise,
            } => Some(if when(draft) { then } else { otherwise }),
            Next::Rule(rule) => rule(policy, draft, today),
            Next::End => None,
        }
    }
}
