//! The dates a policy promises, each as a readable date in a machine-readable `<time>`.

use leptos::prelude::*;

use crate::settings::use_settings;
use crate::components::sentence::{sentence, MARK};
use crate::domain::translations::milestones;
use crate::domain::deadlines::{long_date, Milestone};

#[component]
pub fn TimelineList(milestones: Vec<Milestone>) -> impl IntoView {
    let language = use_settings().language;
    let rows = milestones
        .into_iter()
        .map(|milestone| {
            view! {
                <div class="summary-list__row" data-milestone=milestone.id.id()>
                    <dt class="summary-list__key">{milestone.label(language)}</dt>
                    <dd class="summary-list__value">
                        {sentence(&milestones::by(language, MARK[0]), vec![view! {
                            <time datetime=milestone.date.to_string()>{long_date(milestone.date, language)}</time>
                        }.into_any()])}
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="summary-list">{rows}</dl> }
}
