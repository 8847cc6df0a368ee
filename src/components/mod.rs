//! Building blocks shared by pages, in the manner of GOV.UK Frontend.
pub mod contacts;
pub mod ombudsman;
pub mod timeline;
