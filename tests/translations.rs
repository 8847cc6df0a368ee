//! The translation files (src/locales/<language>/*.toml): every language has every text, with
//! the same placeholders, and every text is used by the code. (build.rs refuses to build on a
//! missing text too; this test names every problem at once, and finds unused ones.)

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use resident_complaints::domain::language::Language;

type Texts = BTreeMap<String, String>;

fn locales() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/locales")
}

/// `module.key` → text, for one language.
fn texts(language: Language) -> Texts {
    let dir = locales().join(language.code());
    let mut texts = Texts::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let module = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let file: Texts = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        texts.extend(file.into_iter().map(|(key, text)| (format!("{module}.{key}"), text)));
    }
    texts
}

fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn every_language_has_every_text_with_the_same_placeholders() {
    let english = texts(Language::English);
    assert!(!english.is_empty(), "the English texts are there");
    let mut problems = Vec::new();
    for language in Language::ALL.into_iter().filter(|l| *l != Language::English) {
        let translated = texts(language);
        let code = language.code();
        for (key, text) in &english {
            match translated.get(key) {
                None => problems.push(format!("{code} lacks {key}")),
                Some(t) if placeholders(t) != placeholders(text) => {
                    problems.push(format!("{code} {key} has placeholders {:?}", placeholders(t)))
                }
                Some(t) if t.trim().is_empty() => problems.push(format!("{code} {key} is empty")),
                Some(_) => {}
            }
        }
        for key in translated.keys().filter(|k| !english.contains_key(*k)) {
            problems.push(format!("{code} has {key}, which English does not"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((path.clone(), std::fs::read_to_string(&path).unwrap()));
        }
    }
}

/// The calls to texts in a source file, as `module::key`: a call by path (`t::start::title`,
/// or `dates::may` after `use t::dates`), or through an alias (`use ...::{start as t}`).
fn calls(source: &str, modules: &BTreeMap<&str, ()>) -> Vec<String> {
    let mut aliases: Vec<(String, String)> = modules.keys().map(|m| (m.to_string(), m.to_string())).collect();
    let words: Vec<&str> = source.split(|c: char| !(c.is_alphanumeric() || c == '_')).collect();
    for window in words.windows(3) {
        if let [module, "as", alias] = window {
            if modules.contains_key(module) {
                aliases.push((alias.to_string(), module.to_string()));
            }
        }
    }
    let mut found = Vec::new();
    for (alias, module) in &aliases {
        let prefix = format!("{alias}::");
        for (at, _) in source.match_indices(&prefix) {
            let before = source[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let key: String = source[at + prefix.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.push(format!("{module}.{key}"));
        }
    }
    found
}

/// The labels a `choice!` declaration names after a value's id: `= "id" => label + hint`.
fn choice_labels(source: &str) -> Vec<String> {
    let ident = |text: &str| -> String {
        text.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
    };
    let mut found = Vec::new();
    for (at, arrow) in source.match_indices("\" => ") {
        let rest = &source[at + arrow.len()..];
        let label = ident(rest);
        if let Some(hint) = rest[label.len()..].strip_prefix(" + ") {
            found.push(format!("labels.{}", ident(hint)));
        }
        found.push(format!("labels.{label}"));
    }
    found
}

#[test]
fn every_text_is_used() {
    let mut code = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut code);
    let english = texts(Language::English);
    let modules: BTreeMap<&str, ()> =
        english.keys().map(|key| (key.split_once('.').unwrap().0, ())).collect();
    let used: std::collections::BTreeSet<String> =
        code.iter().flat_map(|(_, source)| {
            let mut used = calls(source, &modules);
            used.extend(choice_labels(source));
            used
        }).collect();
    let unused: Vec<&String> = english.keys().filter(|key| !used.contains(*key)).collect();
    assert!(
        unused.is_empty(),
        "texts no code uses (remove them, or use them):\n{}",
        unused.iter().map(|k| k.as_str()).collect::<Vec<_>>().join("\n")
    );
}
