//! The resident's own words in a submission, as a summary list: on the confirmation page (to
//! print or save while it is open) and on My complaints for one that could not be sent.

use leptos::prelude::*;

use crate::domain::language::Language;
use crate::domain::submission::Submission;
use crate::domain::translations::confirmation as t;

#[component]
pub fn SentCopy(body: Submission, language: Language) -> impl IntoView {
    let details = body.details.map(|d| {
        view! {
            <dt class="summary-list__key">{t::what_went_wrong(language)}</dt>
            <dd class="summary-list__value pre-line">{d.description}</dd>
            <dt class="summary-list__key">{t::how_affected(language)}</dt>
            <dd class="summary-list__value pre-line">{d.impact}</dd>
            <dt class="summary-list__key">{t::outcome_wanted(language)}</dt>
            <dd class="summary-list__value pre-line">{d.outcome_wanted}</dd>
        }
    });
    let message = body.feedback.map(|f| {
        view! {
            <dt class="summary-list__key">{t::your_message(language)}</dt>
            <dd class="summary-list__value pre-line">{f.message}</dd>
        }
    });
    let escalation = body.escalation.map(|e| {
        view! {
            <dt class="summary-list__key">{t::your_reasons(language)}</dt>
            <dd class="summary-list__value pre-line">{e.reasons}</dd>
        }
    });
    view! { <dl class="summary-list copy">{details}{message}{escalation}</dl> }
}
