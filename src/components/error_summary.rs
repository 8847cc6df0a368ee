//! The GOV.UK error summary: every problem on the page, each a link to its field.

use leptos::prelude::*;

use crate::components::question::focus;
use crate::settings::use_settings;
use crate::domain::translations::errors as t;
use crate::domain::pages::FieldId;
use crate::domain::validation::FieldError;

/// The page's current errors, shared by the summary and the fields' inline messages.
#[derive(Clone, Copy)]
pub struct FormErrors(pub RwSignal<Vec<FieldError>>);

impl FormErrors {
    /// The message for one field, if it has a problem.
    pub fn message(&self, field: FieldId) -> Signal<Option<String>> {
        let errors = self.0;
        // `try_with`: a field built outside its page's form could otherwise find the errors of
        // the page before, already disposed.
        Signal::derive(move || {
            errors
                .try_with(|list| {
                    list.iter()
                        .find(|e| e.field == field)
                        .map(|e| e.message.clone())
                })
                .flatten()
        })
    }
}

/// The inline error of the field `name`, from the form's errors (none outside a form).
pub fn field_error(name: FieldId) -> Signal<Option<String>> {
    match use_context::<FormErrors>() {
        Some(errors) => errors.message(name),
        None => Signal::derive(|| None),
    }
}

#[component]
pub fn ErrorSummary(errors: FormErrors) -> impl IntoView {
    let language = use_settings().language;
    move || {
        let list = errors.0.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|error| {
                    let field = error.field.id();
                    view! {
                        <li>
                            <a
                                href=format!("#{field}")
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    focus(field);
                                }
                            >
                                {error.message}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                    <h2 class="error-summary__title" id="error-summary-title">{t::summary_title(language)}</h2>
                    <ul class="list error-summary__list">{items}</ul>
                </div>
            }
        })
    }
}

/// The inline message under a field's label.
#[component]
pub fn ErrorMessage(name: &'static str, error: Signal<Option<String>>) -> impl IntoView {
    let language = use_settings().language;
    move || {
        error.get().map(|message| {
            view! {
                <p class="error-message" id=format!("{name}-error")>
                    <span class="visually-hidden">{t::prefix(language)} " "</span>
                    {message}
                </p>
            }
        })
    }
}
