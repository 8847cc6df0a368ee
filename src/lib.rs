//! resident-complaints: the domain core (`domain`, pure Rust, native and wasm) and the browser
//! app over it (feature `app`, on by default).
pub mod domain;

#[cfg(feature = "app")]
mod answers;
#[cfg(feature = "app")]
mod api;
#[cfg(feature = "app")]
mod config;
#[cfg(feature = "app")]
pub mod app;
#[cfg(feature = "app")]
mod components;
#[cfg(feature = "app")]
mod outbox;
#[cfg(feature = "app")]
mod pages;
#[cfg(feature = "app")]
mod settings;
#[cfg(feature = "app")]
mod storage;

// The README's Rust examples run as doctests, so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
