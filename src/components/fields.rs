//! Form fields in the manner of GOV.UK Frontend, each bound to one answer of the draft: every
//! change is written to the draft (and so saved) as it is made.
//!
//! A field is either the page's question (`heading`: its label or legend is the page's `<h1>`)
//! or one of several on a page.

use leptos::prelude::*;

use crate::answers::use_answers;
use crate::components::error_summary::{field_error, ErrorMessage};
use crate::components::page_heading::PageHeading;
use crate::domain::draft::{Choice, DateInput, Draft};
use crate::domain::page::{ChoiceAnswer, Offered};
use crate::domain::pages::FieldId;
use crate::domain::translations::fields;
use crate::domain::words::Label;
use crate::settings::use_settings;

/// The ids a field's `aria-describedby` names: its hint and its error, where shown.
fn described_by(
    name: &'static str,
    has_hint: bool,
    error: Signal<Option<String>>,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{name}-hint"));
        }
        if error.with(Option::is_some) {
            ids.push(format!("{name}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    })
}

fn group_class(error: Signal<Option<String>>) -> impl Fn() -> &'static str {
    move || {
        if error.with(Option::is_some) {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    }
}

/// The question as the page's heading, or as a plain legend/label.
fn question_text(text: String, heading: bool) -> AnyView {
    if heading {
        view! { <PageHeading title=text /> }.into_any()
    } else {
        view! { <span class="label-text">{text}</span> }.into_any()
    }
}

fn hint_view(name: &'static str, hint: Option<String>) -> impl IntoView {
    hint.map(|hint| view! { <div class="hint" id=format!("{name}-hint")>{hint}</div> })
}

/// The label (or, as the page's question, its heading), hint and inline error above a text box.
fn text_field_head(
    name: &'static str,
    label: String,
    heading: bool,
    hint: Option<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let label_view =
        view! { <label class="label" for=name>{question_text(label, heading)}</label> };
    view! {
        {if heading { view! { <div>{label_view}</div> }.into_any() } else { label_view.into_any() }}
        {hint_view(name, hint)}
        <ErrorMessage name error />
    }
}

/// The id of a choice's input: the first carries the field's name, so the error summary's
/// link lands on it.
fn choice_id(name: &'static str, index: usize) -> String {
    if index == 0 {
        name.to_string()
    } else {
        format!("{name}-{}", index + 1)
    }
}

/// The fieldset around a set of radios or checkboxes: the question as its legend, the hint
/// and the inline error.
fn choice_group(
    field: FieldId,
    question: String,
    heading: bool,
    hint: Option<String>,
    class: &'static str,
    items: impl IntoView + 'static,
) -> impl IntoView {
    let name = field.id();
    let error = field_error(field);
    let describedby = described_by(name, hint.is_some(), error);
    view! {
        <div class=group_class(error)>
            <fieldset class="fieldset" aria-describedby=describedby>
                <legend class="fieldset__legend">{question_text(question, heading)}</legend>
                {hint_view(name, hint)}
                <ErrorMessage name error />
                <div class=class>{items}</div>
            </fieldset>
        </div>
    }
}

/// Radios for a single choice, bound to a choice of the draft (see `choice_answer!`).
#[component]
pub fn Radios(
    field: FieldId,
    question: String,
    answer: ChoiceAnswer,
    #[prop(optional)] heading: bool,
    #[prop(default = None, into)] hint: Option<String>,
    /// The choices offered, in order, where the policy narrows them (all of them otherwise).
    #[prop(optional)]
    options: Option<Vec<Offered>>,
) -> impl IntoView {
    let (draft, language) = (use_answers().draft, use_settings().language);
    let name = field.id();
    let items = options
        .unwrap_or_else(|| (answer.options)(language))
        .into_iter()
        .enumerate()
        .map(|(index, offer)| {
            let value = offer.id;
            radio(
                name,
                index,
                (value, offer.label, offer.hint),
                move || draft.with(|d| (answer.get)(d) == Some(value)),
                move || draft.update(|d| (answer.set)(d, value)),
            )
        })
        .collect_view();
    choice_group(field, question, heading, hint, "radios", items)
}

/// Radios for a choice among a profile's own list, `(id, words)` in its order, bound to a text
/// answer of the draft that holds the id.
#[component]
pub fn ListRadios(
    field: FieldId,
    question: String,
    options: Vec<(String, String)>,
    get: fn(&Draft) -> &String,
    set: fn(&mut Draft) -> &mut String,
) -> impl IntoView {
    let draft = use_answers().draft;
    let name = field.id();
    let items = options
        .into_iter()
        .enumerate()
        .map(|(index, (id, words))| {
            let (current, chosen) = (id.clone(), id.clone());
            radio(
                name,
                index,
                (id, words, None),
                move || draft.with(|d| *get(d) == current),
                move || draft.update(|d| *set(d) = chosen.clone()),
            )
        })
        .collect_view();
    choice_group(field, question, false, None, "radios", items)
}

/// One radio of a set: its value, words and hint; checked while `checked` holds.
fn radio(
    name: &'static str,
    index: usize,
    item: (impl Into<String>, impl Into<String>, Option<&'static str>),
    checked: impl Fn() -> bool + Send + Sync + 'static,
    choose: impl Fn() + 'static,
) -> impl IntoView {
    choice_item(("radio", "radios"), name, index, item, checked, choose)
}

/// One radio or checkbox (`kind`, and its set's class) of a set: its value, words and hint;
/// checked while `checked` holds, `change` when the resident changes it.
fn choice_item(
    (kind, set): (&'static str, &'static str),
    name: &'static str,
    index: usize,
    (value, label, hint): (impl Into<String>, impl Into<String>, Option<&'static str>),
    checked: impl Fn() -> bool + Send + Sync + 'static,
    change: impl Fn() + 'static,
) -> impl IntoView {
    let id = choice_id(name, index);
    let hint_id = format!("{id}-item-hint");
    view! {
        <div class=format!("{set}__item")>
            <input
                class=format!("{set}__input")
                type=kind
                id=id.clone()
                name=name
                value=value.into()
                prop:checked=checked
                on:change=move |_| change()
                aria-describedby=hint.is_some().then(|| hint_id.clone())
            />
            <label class=format!("label {set}__label") for=id>{label.into()}</label>
            {hint.map(|hint| view! { <div class=format!("hint {set}__hint") id=hint_id>{hint}</div> })}
        </div>
    }
}

/// Checkboxes for any number of choices.
#[component]
pub fn Checkboxes<T: Choice + Label + Send + Sync>(
    field: FieldId,
    question: String,
    #[prop(optional)] heading: bool,
    #[prop(default = None, into)] hint: Option<String>,
    #[prop(default = T::ALL.to_vec())] options: Vec<T>,
    get: fn(&Draft) -> &Vec<T>,
    set: fn(&mut Draft) -> &mut Vec<T>,
) -> impl IntoView {
    let (draft, language) = (use_answers().draft, use_settings().language);
    let name = field.id();
    let items = options
        .into_iter()
        .enumerate()
        .map(|(index, value)| {
            let toggle = move || {
                draft.update(|d| {
                    let chosen = set(d);
                    match chosen.iter().position(|v| *v == value) {
                        Some(at) => {
                            chosen.remove(at);
                        }
                        None => chosen.push(value),
                    }
                })
            };
            choice_item(
                ("checkbox", "checkboxes"),
                name,
                index,
                (value.id(), value.label(language), None),
                move || draft.with(|d| get(d).contains(&value)),
                toggle,
            )
        })
        .collect_view();
    choice_group(field, question, heading, hint, "checkboxes", items)
}

/// A one-line text input.
#[component]
pub fn TextInput(
    field: FieldId,
    label: String,
    #[prop(optional)] heading: bool,
    #[prop(default = None, into)] hint: Option<String>,
    get: fn(&Draft) -> &str,
    set: fn(&mut Draft) -> &mut String,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] width: Option<&'static str>,
    #[prop(optional)] spellcheck: Option<bool>,
) -> impl IntoView {
    let draft = use_answers().draft;
    let name = field.id();
    let error = field_error(field);
    let describedby = described_by(name, hint.is_some(), error);
    let class = move || {
        let width = width.map(|w| format!(" input--{w}")).unwrap_or_default();
        let error = if error.with(Option::is_some) {
            " input--error"
        } else {
            ""
        };
        format!("input{width}{error}")
    };
    view! {
        <div class=group_class(error)>
            {text_field_head(name, label, heading, hint, error)}
            <input
                class=class
                id=name
                name=name
                type=input_type
                autocomplete=autocomplete
                spellcheck=spellcheck.map(|s| s.to_string())
                aria-describedby=describedby
                prop:value=move || draft.with(|d| get(d).to_string())
                on:input=move |ev| draft.update(|d| *set(d) = event_target_value(&ev))
            />
        </div>
    }
}

/// Writes 20000 as "20,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A multi-line text box with a character count.
#[component]
pub fn TextArea(
    field: FieldId,
    label: String,
    #[prop(optional)] heading: bool,
    #[prop(default = None, into)] hint: Option<String>,
    get: fn(&Draft) -> &str,
    set: fn(&mut Draft) -> &mut String,
    max: usize,
    #[prop(default = 5)] rows: u32,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let (draft, language) = (use_answers().draft, use_settings().language);
    let name = field.id();
    let error = field_error(field);
    let used = Memo::new(move |_| draft.with(|d| get(d).chars().count()));
    let hint_and_error = described_by(name, hint.is_some(), error);
    let describedby = move || {
        let ids = hint_and_error.get().unwrap_or_default();
        format!("{ids} {name}-count").trim().to_string()
    };
    let count_text = move || {
        let used = used.get();
        match (used > max, used.abs_diff(max)) {
            (true, 1) => fields::too_many_one(language).to_string(),
            (true, over) => fields::too_many(language, &thousands(over)),
            (false, 1) => fields::remaining_one(language).to_string(),
            (false, left) => fields::remaining(language, &thousands(left)),
        }
    };
    let over = move || used.get() > max;
    view! {
        <div class=group_class(error)>
            {text_field_head(name, label, heading, hint, error)}
            <textarea
                class=move || if error.with(Option::is_some) || over() { "textarea textarea--error" } else { "textarea" }
                id=name
                name=name
                rows=rows
                autocomplete=autocomplete
                aria-describedby=describedby
                prop:value=move || draft.with(|d| get(d).to_string())
                on:input=move |ev| draft.update(|d| *set(d) = event_target_value(&ev))
            ></textarea>
            <div
                id=format!("{name}-count")
                class=move || if over() { "character-count error-message" } else { "character-count hint" }
                aria-live="polite"
            >
                {count_text}
            </div>
        </div>
    }
}

/// A date as three boxes: day, month, year. Its field is the day box (`<name>-day`), where
/// its error links.
#[component]
pub fn DateField(
    field: FieldId,
    question: String,
    #[prop(optional)] heading: bool,
    hint: String,
    get: fn(&Draft) -> &DateInput,
    set: fn(&mut Draft) -> &mut DateInput,
) -> impl IntoView {
    let (draft, language) = (use_answers().draft, use_settings().language);
    let name = field.id().trim_end_matches("-day");
    let error = field_error(field);
    let describedby = described_by(name, true, error);
    let part = |part: &'static str, label: &'static str, width: &'static str| {
        let id = format!("{name}-{part}");
        let read = move |d: &Draft| -> String {
            let date = get(d);
            match part {
                "day" => date.day.clone(),
                "month" => date.month.clone(),
                _ => date.year.clone(),
            }
        };
        view! {
            <div class="date-input__item">
                <label class="label date-input__label" for=id.clone()>{label}</label>
                <input
                    class=move || if error.with(Option::is_some) { format!("input input--{width} input--error") } else { format!("input input--{width}") }
                    id=id.clone()
                    name=id
                    type="text"
                    inputmode="numeric"
                    prop:value=move || draft.with(read)
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        draft.update(|d| {
                            let date = set(d);
                            match part {
                                "day" => date.day = value,
                                "month" => date.month = value,
                                _ => date.year = value,
                            }
                        })
                    }
                />
            </div>
        }
    };
    view! {
        <div class=group_class(error)>
            <fieldset class="fieldset" role="group" aria-describedby=describedby>
                <legend class="fieldset__legend">{question_text(question, heading)}</legend>
                {hint_view(name, Some(hint))}
                <ErrorMessage name error />
                <div class="date-input">
                    {part("day", fields::day(language), "2")}
                    {part("month", fields::month(language), "2")}
                    {part("year", fields::year(language), "4")}
                </div>
            </fieldset>
        </div>
    }
}
