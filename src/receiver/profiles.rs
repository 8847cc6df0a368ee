//! The policy profiles a receiver knows: the built-in ones, and a landlord's own from
//! `--policy FILE` and `--policies DIR`. Each file is checked before the receiver listens, with
//! the checks and words of the app's policy check (`Policy::check`, every problem at once), so
//! a profile the web team's check refuses is never taken here, and the other way round.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::domain::policy::Policy;

/// The profiles by id: the built-in ones, those in `files`, and every `*.json` in `dirs`. Or,
/// when any file cannot be used, every problem with every file, one a line, each naming its
/// file: the receiver does not start with a profile missing, as it would then refuse that
/// landlord's residents.
pub fn load(files: &[PathBuf], dirs: &[PathBuf]) -> Result<HashMap<String, Policy>, String> {
    let mut known: HashMap<String, Policy> = Policy::builtin_ids()
        .iter()
        .filter_map(|id| Some((id.to_string(), Policy::builtin(id)?)))
        .collect();
    let mut problems = Vec::new();
    let mut paths = files.to_vec();
    for dir in dirs {
        match json_files(dir) {
            Ok(found) if found.is_empty() => {
                problems.push(format!("{}: has no *.json files", dir.display()))
            }
            Ok(found) => paths.extend(found),
            Err(e) => problems.push(format!("{}: cannot read the folder: {e}", dir.display())),
        }
    }
    // Where each landlord's own profile came from, to name both files when two share an id.
    let mut read_from: HashMap<String, &Path> = HashMap::new();
    for path in &paths {
        let named = |problem: String| format!("{}: {problem}", path.display());
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                problems.push(named(format!("cannot read it: {e}")));
                continue;
            }
        };
        let policy = match Policy::check(&text) {
            Ok(policy) => policy,
            Err(errors) => {
                problems.extend(errors.iter().map(|e| named(e.to_string())));
                continue;
            }
        };
        let id = policy.id.clone();
        if Policy::builtin_ids().contains(&id.as_str()) {
            problems.push(named(format!(
                "id: \"{id}\" is a built-in profile's id: give your profile an id of its own"
            )));
        } else if let Some(other) = read_from.get(&id) {
            problems.push(named(format!(
                "id: \"{id}\" is also the id of the profile in {}",
                other.display()
            )));
        } else {
            read_from.insert(id.clone(), path);
            known.insert(id, policy);
        }
    }
    if !problems.is_empty() {
        return Err(format!(
            "cannot start: {} with the policy profiles:\n  {}",
            if problems.len() == 1 {
                "a problem"
            } else {
                "problems"
            },
            problems.join("\n  ")
        ));
    }
    let mut own: Vec<String> = read_from
        .iter()
        .map(|(id, path)| format!("{id} ({})", path.display()))
        .collect();
    if !own.is_empty() {
        own.sort();
        eprintln!("receiver: landlords' own profiles: {}", own.join(", "));
    }
    Ok(known)
}

/// The `*.json` files in `dir`, in name order (not its subfolders').
fn json_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "json") {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch folder for one test, removed afterwards.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Scratch {
            let dir =
                std::env::temp_dir().join(format!("rc-profiles-{}-{name}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            Scratch(dir)
        }

        /// Writes greatwell's profile under `id`, changed by `change`, as `name`.
        fn profile(
            &self,
            name: &str,
            id: &str,
            change: impl FnOnce(&mut serde_json::Value),
        ) -> PathBuf {
            let mut json = serde_json::to_value(Policy::builtin("greatwell").unwrap()).unwrap();
            json["id"] = id.into();
            change(&mut json);
            let path = self.0.join(name);
            std::fs::write(&path, json.to_string()).unwrap();
            path
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn own_profiles_are_known_beside_the_built_in_ones() {
        let scratch = Scratch::new("known");
        let file = scratch.profile("acacia.json", "acacia-homes", |_| {});
        let folder = Scratch::new("known-folder");
        folder.profile("b.json", "birch-homes", |_| {});
        folder.profile("c.json", "cedar-homes", |_| {});
        std::fs::write(folder.0.join("notes.txt"), "not a profile").unwrap();
        let known = load(&[file], &[folder.0.clone()]).unwrap();
        for id in Policy::builtin_ids().iter().copied().chain([
            "acacia-homes",
            "birch-homes",
            "cedar-homes",
        ]) {
            assert_eq!(known[id].id, id);
        }
        assert_eq!(known.len(), Policy::builtin_ids().len() + 3);
    }

    #[test]
    fn every_problem_in_every_file_is_named_with_its_file() {
        let scratch = Scratch::new("problems");
        let broken = scratch.profile("broken.json", "Broken Homes", |json| {
            json["version"] = "".into();
            json["stages"]["stage1"]["respond"]["days"] = 0.into();
        });
        let builtin = scratch.profile("greatwell.json", "greatwell", |_| {});
        let first = scratch.profile("one.json", "twin-homes", |_| {});
        let second = scratch.profile("two.json", "twin-homes", |_| {});
        let missing = scratch.0.join("missing.json");
        let files = [
            broken.clone(),
            builtin.clone(),
            first.clone(),
            second.clone(),
            missing.clone(),
        ];
        let message = load(&files, &[scratch.0.join("no-such-folder")]).unwrap_err();
        let lines: Vec<&str> = message.lines().map(str::trim).collect();
        assert_eq!(lines[0], "cannot start: problems with the policy profiles:");
        let broken = broken.display();
        assert!(
            lines[1].ends_with(
                "no-such-folder: cannot read the folder: No such file or directory (os error 2)"
            ),
            "{message}"
        );
        assert_eq!(
            lines[2],
            format!(
                "{broken}: id: must be lowercase letters, digits and hyphens, like \"my-landlord\""
            )
        );
        assert_eq!(lines[3], format!("{broken}: version: must not be empty"));
        assert_eq!(
            lines[4],
            format!("{broken}: stages.stage1.respond.days: must be between 1 and 260")
        );
        assert!(
            lines[5].starts_with(&format!(
                "{}: id: \"greatwell\" is a built-in",
                builtin.display()
            )),
            "{message}"
        );
        assert_eq!(
            lines[6],
            format!(
                "{}: id: \"twin-homes\" is also the id of the profile in {}",
                second.display(),
                first.display()
            )
        );
        assert!(
            lines[7].starts_with(&format!("{}: cannot read it: ", missing.display())),
            "{message}"
        );
        assert_eq!(lines.len(), 8, "{message}");

        let empty = Scratch::new("empty");
        let message = load(&[], &[empty.0.clone()]).unwrap_err();
        assert!(message.ends_with("has no *.json files"), "{message}");
    }
}
