//! The short path for a compliment or a comment: the message, and for a comment whether a
//! reply is wanted.

use leptos::prelude::*;

use crate::domain::page::choice_answer;
use crate::domain::pages::FieldId;
use crate::answers::use_answers;
use crate::components::fields::{Radios, TextArea};
use crate::components::question::QuestionPage;
use crate::domain::draft::{FeedbackKind, LONG_TEXT_MAX};
use crate::domain::pages::PageId;
use crate::domain::translations::feedback as t;
use crate::pages::question;
use crate::settings::use_settings;

#[component]
pub fn FeedbackPage() -> impl IntoView {
    let settings = use_settings();
    let title = question(PageId::Feedback);
    let comment = use_answers()
        .draft
        .with_untracked(|d| d.kind == Some(FeedbackKind::Comment));
    let language = settings.language;
    let hint = if comment {
        t::hint_comment(language)
    } else {
        t::hint_compliment(language)
    };
    let reply_hint = settings
        .policy
        .with_value(|p| p.comment_reply_days)
        .map(|days| t::reply_within(language, &days.to_string()));
    view! {
        <QuestionPage page=PageId::Feedback title=title.clone()>
            <TextArea field=FieldId::Message label=title heading=true hint=hint.to_string() get=|d| &d.message set=|d| &mut d.message max=LONG_TEXT_MAX rows=8 />
            {comment.then(|| view! {
                <Radios field=FieldId::WantsReply question=t::wants_reply(language).to_string() hint=reply_hint answer=choice_answer!(wants_reply) />
            })}
        </QuestionPage>
    }
}
