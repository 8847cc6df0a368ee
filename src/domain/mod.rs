//! The rules of the product as plain data and pure functions: no leptos, no web-sys.
//! It compiles natively for `cargo test`, for the reference receiver and for any backend.
pub mod brand;
pub mod calendar;
pub mod choice;
pub mod deadlines;
pub mod draft;
pub mod eligibility;
pub mod hazards;
pub mod examples;
pub mod journey;
pub mod language;
pub mod local_text;
pub mod ombudsman;
pub mod page;
pub mod pages;
pub mod policy;
pub mod policy_check;
pub mod refusal;
pub mod reminder;
pub mod status;
pub mod submission;
pub mod tracker;
pub mod translations;
pub mod triage;
pub mod triage_table;
pub mod validation;
pub mod words;
