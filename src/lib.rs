//! resident-complaints: the domain core (`domain`, pure Rust, native and wasm), the browser
//! app over it (feature `app`), and the reference receiver, a backend a landlord could run
//! (feature `receiver`, native only). Both features are on by default.
pub mod domain;

#[cfg(all(feature = "receiver", not(target_arch = "wasm32")))]
pub mod receiver;

#[cfg(feature = "app")]
mod answers;
#[cfg(feature = "app")]
mod api;
#[cfg(feature = "app")]
pub mod app;
#[cfg(feature = "app")]
mod components;
#[cfg(feature = "app")]
mod config;
#[cfg(feature = "app")]
mod dom;
#[cfg(feature = "app")]
mod outbox;
#[cfg(feature = "app")]
mod pages;
#[cfg(feature = "app")]
mod settings;
#[cfg(feature = "app")]
mod storage;

// The Rust examples in the README and the guides in docs/ run as doctests, so they stay true.
// Every hand-written guide is included, so an example added to one is tested too.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
#[cfg(doctest)]
#[doc = include_str!("../docs/architecture.md")]
pub struct ArchitectureDoctests;
#[cfg(doctest)]
#[doc = include_str!("../docs/contract.md")]
pub struct ContractDoctests;
#[cfg(doctest)]
#[doc = include_str!("../docs/embedding.md")]
pub struct EmbeddingDoctests;
#[cfg(doctest)]
#[doc = include_str!("../docs/languages.md")]
pub struct LanguagesDoctests;
#[cfg(doctest)]
#[doc = include_str!("../docs/performance.md")]
pub struct PerformanceDoctests;
#[cfg(doctest)]
#[doc = include_str!("../docs/policy-check.md")]
pub struct PolicyCheckDoctests;
#[cfg(doctest)]
#[doc = include_str!("../docs/receiver.md")]
pub struct ReceiverDoctests;
#[cfg(doctest)]
#[doc = include_str!("../docs/testing.md")]
pub struct TestingDoctests;
