//! Building blocks shared by pages, in the manner of GOV.UK Frontend.
pub mod contacts;
pub mod error_summary;
pub mod fields;
pub mod hazard_dates;
pub mod linked_text;
pub mod ombudsman;
pub mod page_heading;
pub mod question;
pub mod sent_copy;
pub mod sentence;
pub mod timeline;
