//! The triage decision tables of the built-in profiles, kept as golden files
//! (`tests/triage-tables/<profile>.md`) so that any change to what residents are told shows up
//! as a diff to review. To accept a change:
//!
//! ```sh
//! UPDATE_TRIAGE_TABLES=1 cargo test --test triage_table
//! git diff tests/triage-tables
//! ```

use std::collections::BTreeSet;
use std::path::PathBuf;

use resident_complaints::domain::policy::{ExclusionKind, Policy};
use resident_complaints::domain::triage_table::{markdown, table};

fn golden(id: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/triage-tables")
        .join(format!("{id}.md"))
}

#[test]
fn the_tables_match_their_golden_files() {
    let update = std::env::var_os("UPDATE_TRIAGE_TABLES").is_some();
    let mut stale = Vec::new();
    for id in Policy::builtin_ids() {
        let policy = Policy::builtin(id).unwrap();
        let path = golden(id);
        let generated = markdown(&policy);
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &generated).unwrap();
            continue;
        }
        let kept = std::fs::read_to_string(&path).unwrap_or_default();
        if kept != generated {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "What residents are told has changed, or the table is missing, for:\n  {}\n\
         Rewrite the files with `UPDATE_TRIAGE_TABLES=1 cargo test --test triage_table`, \
         then review `git diff tests/triage-tables` before committing.",
        stale.join("\n  ")
    );
}

#[test]
fn every_exclusion_of_every_profile_is_in_its_table() {
    for id in Policy::builtin_ids() {
        let policy = Policy::builtin(id).unwrap();
        let shown: BTreeSet<String> = table(&policy)
            .into_iter()
            .filter_map(|row| row.exclusion)
            .collect();
        // Every exclusion can be reached (no built-in lists two of one kind that share a
        // question; appeal routes are told apart by their decision), but one: a time limit a
        // good reason can lift. The late-reason page needs a reason to go on, and with one the
        // matter is a complaint the landlord weighs, so those words are never shown.
        let lifted = |e: &&resident_complaints::domain::policy::Exclusion| {
            e.kind == ExclusionKind::OutOfTime
                && policy.time_limit.as_ref().is_some_and(|l| l.special_circumstances)
        };
        let listed: BTreeSet<String> = policy
            .exclusions
            .iter()
            .filter(|e| !lifted(e))
            .map(|e| e.id.clone())
            .collect();
        assert_eq!(shown, listed, "{id}");
    }
}
