//! One file per page, named after what the page asks or shows.
pub mod start;
pub mod unknown_policy;
