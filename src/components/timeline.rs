//! The dates a policy promises, each as a readable date in a machine-readable `<time>`.

use leptos::prelude::*;

use crate::components::built;
use crate::components::sentence::{sentence_nodes, MARK};
use crate::dom::el;
use crate::domain::deadlines::{long_date, Milestone};
use crate::domain::language::Language;
use crate::domain::translations::milestones;
use crate::settings::use_settings;

/// A day as the page shows it, in a `<time>` for machines.
pub fn time(date: chrono::NaiveDate, language: Language) -> web_sys::Node {
    el("time").attr("datetime", &date.to_string()).text(&long_date(date, language)).into()
}

/// The list, built into the DOM (see `crate::dom`): the start page's, and every other page's
/// through [`TimelineList`].
pub fn timeline_list(milestones: &[Milestone], language: Language) -> web_sys::Node {
    let rows = milestones.iter().map(|milestone| {
        let by = sentence_nodes(&milestones::by(language, MARK[0]), vec![time(milestone.date, language)]);
        el("div")
            .class("summary-list__row")
            .attr("data-milestone", milestone.id.id())
            .child(el("dt").class("summary-list__key").text(milestone.label(language)))
            .child(el("dd").class("summary-list__value").children(by))
            .into()
    });
    el("dl").class("summary-list").children(rows).into()
}

#[component]
pub fn TimelineList(milestones: Vec<Milestone>) -> impl IntoView {
    built([timeline_list(&milestones, use_settings().language)])
}
