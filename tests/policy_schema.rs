//! The JSON Schema for policy profiles (`public/policies/policy.schema.json`) and the Rust types
//! in `domain::policy` describe the same format. These tests keep the two in step: every
//! profile file passes both; broken profiles are refused by both; edge cases the Rust types
//! accept are accepted by the schema too; and the schema's lists of names are the Rust enums'.
//!
//! Known differences, which JSON Schema cannot express:
//! - every exclusion id must be different (the app checks it; `uniqueItems` compares whole items);
//! - every hazard id must be different, likewise;
//! - a hazard's `significant_from` must be a real date: the schema's pattern takes 2026-02-30
//!   (its `format: date` is a note, not a check, in JSON Schema 2020-12);
//! - a whole number written with a decimal point (`10.0`) is an integer to JSON Schema, but the
//!   app wants `10`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use resident_complaints::domain::policy::Policy;
use serde_json::{json, Value};

fn policies_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("public")
        .join("policies")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn schema() -> Value {
    read_json(&policies_dir().join("policy.schema.json"))
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema()).expect("the schema compiles")
}

/// Every profile file: (file stem, path), sorted by name.
fn profile_files() -> Vec<(String, PathBuf)> {
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(policies_dir())
        .expect("public/policies exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .filter(|path| {
            path.file_name()
                .is_some_and(|name| name != "policy.schema.json")
        })
        .map(|path| {
            (
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                path,
            )
        })
        .collect();
    files.sort();
    files
}

fn schema_errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|error| format!("{}: {}", error.instance_path(), error))
        .collect()
}

/// The default profile, the base every broken or edge case starts from.
fn base() -> Value {
    read_json(&policies_dir().join("hos-code-2024.json"))
}

fn changed(change: impl FnOnce(&mut Value)) -> Value {
    let mut json = base();
    change(&mut json);
    json
}

fn remove(value: &mut Value, key: &str) {
    value.as_object_mut().expect("an object").remove(key);
}

#[test]
fn schema_is_a_valid_draft_2020_12_schema() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    if let Err(error) = jsonschema::meta::validate(&schema) {
        panic!("policy.schema.json is not a valid JSON Schema: {error}");
    }
}

#[test]
fn every_profile_file_matches_the_schema_and_parses() {
    let validator = validator();
    let files = profile_files();
    assert!(files.len() >= 6, "the six built-ins at least: {files:?}");
    for (stem, path) in files {
        let json = read_json(&path);
        let errors = schema_errors(&validator, &json);
        assert!(
            errors.is_empty(),
            "{stem}.json does not match the schema:\n{}",
            errors.join("\n")
        );
        let text = std::fs::read_to_string(&path).unwrap();
        let policy = Policy::from_json(&text).unwrap_or_else(|e| panic!("{stem}.json: {e}"));
        assert_eq!(policy.id, stem, "{stem}.json: the id is the file name");
    }
}

#[test]
fn every_builtin_has_a_file() {
    let stems: BTreeSet<String> = profile_files().into_iter().map(|(stem, _)| stem).collect();
    for id in Policy::builtin_ids() {
        assert!(stems.contains(*id), "no public/policies/{id}.json");
        let policy = Policy::builtin(id).unwrap();
        let file = Policy::from_json(
            &std::fs::read_to_string(policies_dir().join(format!("{id}.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(policy, file, "{id}: the compiled-in profile is the file");
    }
}

#[test]
fn broken_profiles_are_refused_by_both() {
    let validator = validator();
    let cases: Vec<(&str, Value)> = vec![
        ("not an object", json!([1, 2, 3])),
        (
            "unknown top-level field",
            changed(|p| p["schema"] = "./policy.schema.json".into()),
        ),
        ("missing id", changed(|p| remove(p, "id"))),
        (
            "id with capitals",
            changed(|p| p["id"] = "My-Landlord".into()),
        ),
        (
            "id with a space",
            changed(|p| p["id"] = "my landlord".into()),
        ),
        (
            "id with a trailing newline",
            changed(|p| p["id"] = "my-landlord\n".into()),
        ),
        ("empty id", changed(|p| p["id"] = "".into())),
        ("blank version", changed(|p| p["version"] = " \t ".into())),
        ("version a number", changed(|p| p["version"] = 3.into())),
        (
            "missing landlord name",
            changed(|p| remove(&mut p["landlord"], "name")),
        ),
        (
            "blank landlord name",
            changed(|p| p["landlord"]["name"] = "  ".into()),
        ),
        (
            "unknown landlord field",
            changed(|p| p["landlord"]["phone"] = "0300".into()),
        ),
        (
            "unknown channel",
            changed(|p| {
                p["landlord"]["contacts"] = json!([{ "channel": "fax", "value": "01234" }])
            }),
        ),
        (
            "blank contact value",
            changed(|p| p["landlord"]["contacts"] = json!([{ "channel": "phone", "value": " " }])),
        ),
        (
            "contact without value",
            changed(|p| p["landlord"]["contacts"] = json!([{ "channel": "phone" }])),
        ),
        (
            "contacts null",
            changed(|p| p["landlord"]["contacts"] = Value::Null),
        ),
        ("unknown region", changed(|p| p["region"] = "wales".into())),
        ("missing region", changed(|p| remove(p, "region"))),
        ("unknown nation", changed(|p| p["nation"] = "cornwall".into())),
        (
            "Scotland in England and Wales's calendar",
            changed(|p| p["nation"] = "scotland".into()),
        ),
        (
            "Wales in Northern Ireland's calendar",
            changed(|p| {
                p["nation"] = "wales".into();
                p["region"] = "northern-ireland".into();
            }),
        ),
        (
            "England in Scotland's calendar",
            changed(|p| {
                p["nation"] = "england".into();
                p["region"] = "scotland".into();
            }),
        ),
        (
            "Northern Ireland in Scotland's calendar",
            changed(|p| {
                p["nation"] = "northern-ireland".into();
                p["region"] = "scotland".into();
            }),
        ),
        ("hazards null", changed(|p| p["hazards"] = Value::Null)),
        (
            "hazard without a date",
            changed(|p| p["hazards"] = json!([{ "id": "excess-cold", "name": "Excess cold" }])),
        ),
        (
            "hazard date in words",
            changed(|p| p["hazards"] = json!([{ "id": "excess-cold", "name": "Excess cold", "significant_from": "1 October 2026" }])),
        ),
        (
            "hazard id with capitals",
            changed(|p| p["hazards"] = json!([{ "id": "Cold", "name": "Cold", "significant_from": "2026-10-01" }])),
        ),
        (
            "damp and mould listed",
            changed(|p| p["hazards"] = json!([{ "id": "damp-and-mould", "name": "Mould", "significant_from": "2025-10-27" }])),
        ),
        (
            "blank hazard name",
            changed(|p| p["hazards"] = json!([{ "id": "cold", "name": " ", "significant_from": "2026-10-01" }])),
        ),
        (
            "unknown hazard field",
            changed(|p| p["hazards"] = json!([{ "id": "cold", "name": "Cold", "significant_from": "2026-10-01", "phase": 2 }])),
        ),
        (
            "hazards in Wales",
            changed(|p| {
                p["nation"] = "wales".into();
                p["ombudsman"] = json!({ "scheme": "psow" });
                p["hazards"] = json!([{ "id": "cold", "name": "Cold", "significant_from": "2026-10-01" }]);
            }),
        ),
        (
            "hazards in Scotland, its nation implied",
            changed(|p| {
                remove(p, "nation");
                p["region"] = "scotland".into();
                p["ombudsman"] = json!({ "scheme": "spso" });
                p["hazards"] = json!([{ "id": "cold", "name": "Cold", "significant_from": "2026-10-01" }]);
            }),
        ),
        (
            "the Housing Ombudsman in Wales",
            changed(|p| p["nation"] = "wales".into()),
        ),
        (
            "the Public Services Ombudsman for Wales in England",
            changed(|p| p["ombudsman"] = json!({ "scheme": "psow" })),
        ),
        (
            "Scotland's Ombudsman in Northern Ireland, its nation implied",
            changed(|p| {
                remove(p, "nation");
                p["region"] = "northern-ireland".into();
                p["ombudsman"] = json!({ "scheme": "spso" });
            }),
        ),
        (
            "the LGSCO in Scotland",
            changed(|p| {
                p["nation"] = "scotland".into();
                p["region"] = "scotland".into();
                p["ombudsman"] = json!({ "scheme": "lgsco" });
            }),
        ),
        (
            "unknown scheme",
            changed(|p| p["ombudsman"]["scheme"] = "financial".into()),
        ),
        (
            "both without services",
            changed(|p| p["ombudsman"] = json!({ "scheme": "both" })),
        ),
        (
            "both with no services",
            changed(|p| p["ombudsman"] = json!({ "scheme": "both", "lgsco_services": [] })),
        ),
        (
            "no one may complain",
            changed(|p| p["eligibility"]["who_may_complain"] = json!([])),
        ),
        (
            "unknown connection",
            changed(|p| p["eligibility"]["who_may_complain"] = json!(["tenant", "resident"])),
        ),
        (
            "missing written consent flag",
            changed(|p| {
                remove(
                    &mut p["eligibility"]["representatives"],
                    "written_consent_required",
                )
            }),
        ),
        (
            "anonymous as a string",
            changed(|p| p["eligibility"]["anonymous_accepted"] = "no".into()),
        ),
        (
            "time limit 0 months",
            changed(|p| p["time_limit"]["months"] = 0.into()),
        ),
        (
            "time limit 121 months",
            changed(|p| p["time_limit"]["months"] = 121.into()),
        ),
        (
            "time limit without special circumstances",
            changed(|p| remove(&mut p["time_limit"], "special_circumstances")),
        ),
        (
            "exclusions null",
            changed(|p| p["exclusions"] = Value::Null),
        ),
        (
            "unknown exclusion kind",
            changed(|p| p["exclusions"][0]["kind"] = "rent-arrears".into()),
        ),
        (
            "exclusion id with capitals",
            changed(|p| p["exclusions"][0]["id"] = "First".into()),
        ),
        (
            "blank exclusion signpost",
            changed(|p| p["exclusions"][0]["signpost"] = "".into()),
        ),
        (
            "exclusion without explanation",
            changed(|p| remove(&mut p["exclusions"][0], "explanation")),
        ),
        (
            "unknown exclusion field",
            changed(|p| p["exclusions"][0]["contact"] = "x".into()),
        ),
        (
            "Welsh without English",
            changed(|p| p["exclusions"][0]["summary"] = json!({ "cy": "Cymydog" })),
        ),
        (
            "a language the app does not have",
            changed(|p| p["exclusions"][0]["summary"] = json!({ "en": "A neighbour", "fr": "Un voisin" })),
        ),
        (
            "blank Welsh",
            changed(|p| p["exclusions"][0]["explanation"] = json!({ "en": "Why", "cy": " " })),
        ),
        (
            "a text as a list",
            changed(|p| p["exclusions"][0]["signpost"] = json!(["Call us"])),
        ),
        ("missing stages", changed(|p| remove(p, "stages"))),
        (
            "missing stage 1",
            changed(|p| remove(&mut p["stages"], "stage1")),
        ),
        (
            "stage 1 without respond",
            changed(|p| remove(&mut p["stages"]["stage1"], "respond")),
        ),
        (
            "typo in stage 1",
            changed(|p| p["stages"]["stage1"]["respnd"] = 3.into()),
        ),
        (
            "typo in stage 2",
            changed(|p| p["stages"]["stage2"]["reasons_requird"] = false.into()),
        ),
        (
            "unknown stages field",
            changed(|p| p["stages"]["stage3"] = json!({})),
        ),
        (
            "unknown clock field",
            changed(|p| p["stages"]["stage1"]["respond"]["hours"] = 2.into()),
        ),
        (
            "days as words",
            changed(|p| p["stages"]["stage1"]["respond"]["days"] = "ten".into()),
        ),
        (
            "negative days",
            changed(|p| p["stages"]["stage1"]["acknowledge"]["days"] = (-5).into()),
        ),
        (
            "fractional days",
            changed(|p| p["stages"]["stage1"]["respond"]["days"] = 10.5.into()),
        ),
        (
            "zero days",
            changed(|p| p["stages"]["stage2"]["respond"]["days"] = 0.into()),
        ),
        (
            "261 days",
            changed(|p| p["stages"]["stage1"]["respond"]["days"] = 261.into()),
        ),
        (
            "clock without from",
            changed(|p| remove(&mut p["stages"]["stage1"]["respond"], "from")),
        ),
        (
            "unknown anchor",
            changed(|p| p["stages"]["stage1"]["respond"]["from"] = "next-tuesday".into()),
        ),
        (
            "stage 1 response from the stage 1 response",
            changed(|p| p["stages"]["stage1"]["respond"]["from"] = "stage1-response".into()),
        ),
        (
            "stage 1 acknowledgement from acknowledgement",
            changed(|p| p["stages"]["stage1"]["acknowledge"]["from"] = "acknowledgement".into()),
        ),
        (
            "stage 1 contact from an escalation request",
            changed(|p| {
                p["stages"]["stage1"]["contact"] =
                    json!({ "days": 3, "from": "escalation-request" })
            }),
        ),
        (
            "stage 2 acknowledgement from receipt",
            changed(|p| p["stages"]["stage2"]["acknowledge"]["from"] = "receipt".into()),
        ),
        (
            "stage 2 response from receipt",
            changed(|p| p["stages"]["stage2"]["respond"]["from"] = "receipt".into()),
        ),
        (
            "request window from receipt",
            changed(|p| {
                p["stages"]["stage2"]["request_window"] = json!({ "days": 20, "from": "receipt" })
            }),
        ),
        (
            "request window of 0 days",
            changed(|p| {
                p["stages"]["stage2"]["request_window"] =
                    json!({ "days": 0, "from": "stage1-response" })
            }),
        ),
        (
            "response in calendar days",
            changed(|p| p["stages"]["stage1"]["respond"]["counting"] = "calendar-days".into()),
        ),
        (
            "unknown counting",
            changed(|p| p["stages"]["stage1"]["acknowledge"]["counting"] = "school-days".into()),
        ),
        (
            "Welsh mutations without the soft form",
            changed(|p| p["landlord"]["welsh_mutations"] = json!({ "aspirate": "Chartrefi Conwy" })),
        ),
        (
            "a blank soft mutation",
            changed(|p| p["landlord"]["welsh_mutations"] = json!({ "soft": " " })),
        ),
        (
            "an acknowledgement in months",
            changed(|p| p["stages"]["stage1"]["acknowledge"]["counting"] = "calendar-months".into()),
        ),
        (
            "a stage 2 contact in months",
            changed(|p| {
                p["stages"]["stage2"]["contact"] =
                    json!({ "days": 1, "from": "escalation-request", "counting": "calendar-months" })
            }),
        ),
        (
            "a concern resolved in months",
            changed(|p| {
                p["stages"]["concern"] = json!({ "name": "Quick fix", "resolve": { "days": 1, "from": "receipt", "counting": "calendar-months" } })
            }),
        ),
        (
            "extension of 261 days",
            changed(|p| p["stages"]["stage1"]["extension_days"] = 261.into()),
        ),
        (
            "negative extension",
            changed(|p| p["stages"]["stage2"]["extension_days"] = (-1).into()),
        ),
        (
            "stage 2 without reasons_required",
            changed(|p| remove(&mut p["stages"]["stage2"], "reasons_required")),
        ),
        (
            "stage 2 without respond",
            changed(|p| remove(&mut p["stages"]["stage2"], "respond")),
        ),
        (
            "concern without name",
            changed(|p| {
                p["stages"]["concern"] = json!({ "resolve": { "days": 3, "from": "receipt" } })
            }),
        ),
        (
            "concern with a blank name",
            changed(|p| {
                p["stages"]["concern"] =
                    json!({ "name": " ", "resolve": { "days": 3, "from": "receipt" } })
            }),
        ),
        (
            "concern from acknowledgement",
            changed(
                |p| p["stages"]["concern"] = json!({ "name": "Quick fix", "resolve": { "days": 3, "from": "acknowledgement" } }),
            ),
        ),
        (
            "designated person null",
            changed(|p| p["stages"]["designated_person"] = Value::Null),
        ),
        (
            "comment reply in 0 days",
            changed(|p| p["comment_reply_days"] = 0.into()),
        ),
        (
            "comment reply in 261 days",
            changed(|p| p["comment_reply_days"] = 261.into()),
        ),
    ];
    let mut failures = Vec::new();
    for (name, json) in &cases {
        let schema_accepts = validator.is_valid(json);
        let rust = Policy::from_json(&json.to_string());
        match (schema_accepts, &rust) {
            (false, Err(_)) => {}
            (true, Err(e)) => failures.push(format!(
                "{name}: the schema accepts it, Rust refuses it ({e})"
            )),
            (false, Ok(_)) => failures.push(format!(
                "{name}: Rust accepts it, the schema refuses it: {}",
                schema_errors(&validator, json).join("; ")
            )),
            (true, Ok(_)) => failures.push(format!("{name}: both accept it")),
        }
    }
    assert!(
        failures.is_empty(),
        "the schema and policy.rs disagree:\n{}",
        failures.join("\n")
    );
}

#[test]
fn edge_cases_are_accepted_by_both() {
    let validator = validator();
    let cases: Vec<(&str, Value)> = vec![
        ("the default", base()),
        (
            "an editor's $schema line",
            changed(|p| p["$schema"] = "https://example.org/policies/policy.schema.json".into()),
        ),
        (
            "texts in English and Welsh",
            changed(|p| {
                p["exclusions"][0]["summary"] = json!({ "en": "A neighbour", "cy": "Cymydog" });
                p["exclusions"][0]["signpost"] = json!({ "en": "Call us" });
                p["landlord"]["contacts"] = json!([{
                    "channel": "phone",
                    "value": "0300 123 4567",
                    "note": { "en": "9am to 5pm", "cy": "9am i 5pm" }
                }]);
            }),
        ),
        (
            "only what is required",
            json!({
                "id": "minimal",
                "version": "1",
                "landlord": { "name": "A landlord" },
                "region": "scotland",
                "ombudsman": { "scheme": "spso" },
                "eligibility": {
                    "who_may_complain": ["member-of-the-public"],
                    "representatives": {
                        "allowed": false,
                        "written_consent_required": false,
                        "replies_to_representative": false
                    },
                    "anonymous_accepted": true
                },
                "stages": { "stage1": { "respond": { "days": 1, "from": "receipt" } } }
            }),
        ),
        (
            "null for every optional field",
            changed(|p| {
                p["source"] = Value::Null;
                p["time_limit"] = Value::Null;
                p["comment_reply_days"] = Value::Null;
                p["landlord"]["emergency_repairs_phone"] = Value::Null;
                p["landlord"]["contacts"] =
                    json!([{ "channel": "phone", "value": "0300", "note": null }]);
                p["stages"]["concern"] = Value::Null;
                p["stages"]["stage1"]["acknowledge"] = Value::Null;
                p["stages"]["stage1"]["contact"] = Value::Null;
                p["stages"]["stage1"]["extension_days"] = Value::Null;
                p["stages"]["stage2"]["acknowledge"] = Value::Null;
                p["stages"]["stage2"]["contact"] = Value::Null;
                p["stages"]["stage2"]["extension_days"] = Value::Null;
                p["stages"]["stage2"]["request_window"] = Value::Null;
            }),
        ),
        (
            "no stage 2",
            changed(|p| p["stages"]["stage2"] = Value::Null),
        ),
        ("nation null", changed(|p| p["nation"] = Value::Null)),
        ("no nation", changed(|p| remove(p, "nation"))),
        ("Wales", changed(|p| {
            p["nation"] = "wales".into();
            p["ombudsman"] = json!({ "scheme": "psow" });
        })),
        (
            "Scotland",
            changed(|p| {
                p["nation"] = "scotland".into();
                p["region"] = "scotland".into();
                p["ombudsman"] = json!({ "scheme": "spso" });
            }),
        ),
        (
            "no nation in Northern Ireland's calendar",
            changed(|p| {
                remove(p, "nation");
                p["region"] = "northern-ireland".into();
                p["ombudsman"] = json!({ "scheme": "nipso" });
            }),
        ),
        (
            "phase 2 hazards",
            changed(|p| {
                p["hazards"] = json!([
                    { "id": "excess-cold", "name": { "en": "Excess cold", "cy": "Oerfel gormodol" }, "significant_from": "2026-10-01" },
                    { "id": "falls-on-stairs", "name": "Falls on stairs", "significant_from": "2027-04-01" }
                ]);
            }),
        ),
        (
            "hazards with the nation implied",
            changed(|p| {
                remove(p, "nation");
                p["hazards"] = json!([{ "id": "cold", "name": "Cold", "significant_from": "2026-10-01" }]);
            }),
        ),
        ("no hazards in Wales", changed(|p| {
            p["nation"] = "wales".into();
            p["ombudsman"] = json!({ "scheme": "psow" });
            p["hazards"] = json!([]);
        })),
        (
            "every optional field filled",
            changed(|p| {
                p["landlord"]["emergency_repairs_phone"] = "0800 000 0000".into();
                p["landlord"]["contacts"] = json!([
                    { "channel": "phone", "value": "0300", "note": "9am to 5pm" },
                    { "channel": "email", "value": "a@example.org" },
                    { "channel": "post", "value": "1 High Street" },
                    { "channel": "web", "value": "www.example.org" },
                    { "channel": "in-person", "value": "Our office" },
                    { "channel": "social-media", "value": "Facebook" }
                ]);
                p["ombudsman"] = json!({ "scheme": "both", "lgsco_services": ["Homelessness"] });
                p["landlord"]["welsh_mutations"] =
                    json!({ "soft": "Gartrefi Conwy", "aspirate": "Chartrefi Conwy" });
                p["stages"]["concern"] = json!({ "name": "Quick fix", "resolve": { "days": 3, "from": "receipt", "counting": "calendar-days" } });
                p["stages"]["stage1"]["contact"] = json!({ "days": 3, "from": "logging" });
                p["stages"]["stage1"]["respond"]["counting"] = "working-days".into();
                p["stages"]["stage2"]["contact"] =
                    json!({ "days": 2, "from": "escalation-request" });
                p["stages"]["stage2"]["request_window"] =
                    json!({ "days": 20, "from": "stage1-response", "counting": "calendar-days" });
                p["stages"]["designated_person"] = true.into();
                p["comment_reply_days"] = 10.into();
            }),
        ),
        (
            "the largest numbers",
            changed(|p| {
                p["time_limit"]["months"] = 120.into();
                p["stages"]["stage1"]["respond"]["days"] = 260.into();
                p["stages"]["stage1"]["extension_days"] = 260.into();
                p["comment_reply_days"] = 260.into();
            }),
        ),
        (
            "no extension",
            changed(|p| p["stages"]["stage1"]["extension_days"] = 0.into()),
        ),
        ("no exclusions", changed(|p| p["exclusions"] = json!([]))),
        (
            "lgsco services with housing",
            changed(|p| p["ombudsman"]["lgsco_services"] = json!(["x"])),
        ),
        (
            "the same connection twice",
            changed(|p| p["eligibility"]["who_may_complain"] = json!(["tenant", "tenant"])),
        ),
        (
            "text with spaces around it",
            changed(|p| p["landlord"]["name"] = "  A landlord ".into()),
        ),
    ];
    let mut failures = Vec::new();
    for (name, json) in &cases {
        let errors = schema_errors(&validator, json);
        if !errors.is_empty() {
            failures.push(format!(
                "{name}: the schema refuses it: {}",
                errors.join("; ")
            ));
        }
        if let Err(e) = Policy::from_json(&json.to_string()) {
            failures.push(format!("{name}: Rust refuses it: {e}"));
        }
    }
    assert!(
        failures.is_empty(),
        "the schema and policy.rs disagree:\n{}",
        failures.join("\n")
    );
}

#[test]
fn known_differences_are_only_these() {
    // Duplicate exclusion ids: the app refuses them; JSON Schema cannot say so.
    let duplicate = changed(|p| {
        let first = p["exclusions"][0].clone();
        p["exclusions"].as_array_mut().unwrap().push(first);
    });
    assert!(Policy::from_json(&duplicate.to_string()).is_err());
    assert!(
        validator().is_valid(&duplicate),
        "if the schema now refuses it, update the notes"
    );
    // Duplicate hazard ids, likewise.
    let cold = json!({ "id": "excess-cold", "name": "Excess cold", "significant_from": "2026-10-01" });
    let duplicate = changed(|p| p["hazards"] = json!([cold, cold]));
    assert!(Policy::from_json(&duplicate.to_string()).is_err());
    assert!(
        validator().is_valid(&duplicate),
        "if the schema now refuses it, update the notes"
    );
    // A date that is not a real one: the pattern takes it, the app does not.
    let not_a_day = changed(|p| {
        p["hazards"] = json!([{ "id": "cold", "name": "Cold", "significant_from": "2026-02-30" }])
    });
    assert!(Policy::from_json(&not_a_day.to_string()).is_err());
    assert!(
        validator().is_valid(&not_a_day),
        "if the schema now refuses it, update the notes"
    );
}

/// The names serde lists in "unknown variant `x`, expected one of `a`, `b`".
fn names_rust_expects(json: &Value) -> BTreeSet<String> {
    let err = Policy::from_json(&json.to_string()).expect_err("an unknown name is refused");
    let message = err.message;
    let (_, expected) = message
        .split_once("expected")
        .unwrap_or_else(|| panic!("{message}"));
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn names_in_schema(pointer: &str) -> BTreeSet<String> {
    let schema = schema();
    let list = schema
        .pointer(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in the schema"));
    list.as_array()
        .unwrap_or_else(|| panic!("{pointer} is not a list"))
        .iter()
        .map(|name| name.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn schema_enums_match_the_rust_enums() {
    const BOGUS: &str = "no-such-name";
    type Place = fn(&mut Value, &str);
    let places: [(&str, &str, Place); 8] = [
        ("region", "/properties/region/enum", |p, n| {
            // The default profile names England, which only England and Wales's calendar takes.
            remove(p, "nation");
            p["region"] = n.into();
            // Each calendar's nation has its own Ombudsman.
            p["ombudsman"] = json!({ "scheme": match n {
                "scotland" => "spso",
                "northern-ireland" => "nipso",
                _ => "housing",
            } });
        }),
        ("nation", "/properties/nation/anyOf/0/enum", |p, n| {
            p["nation"] = n.into();
            p["region"] = match n {
                "scotland" | "northern-ireland" => n.into(),
                _ => "england-and-wales".into(),
            };
            p["ombudsman"] = json!({ "scheme": match n {
                "wales" => "psow",
                "scotland" => "spso",
                "northern-ireland" => "nipso",
                _ => "housing",
            } });
        }),
        (
            "channel",
            "/$defs/contact/properties/channel/enum",
            |p, n| p["landlord"]["contacts"] = json!([{ "channel": n, "value": "x" }]),
        ),
        (
            "scheme",
            "/$defs/ombudsman/properties/scheme/enum",
            |p, n| {
                p["ombudsman"] = json!({ "scheme": n, "lgsco_services": ["Homelessness"] });
                // Each Ombudsman is its own nation's.
                let (nation, region) = match n {
                    "psow" => ("wales", "england-and-wales"),
                    "spso" => ("scotland", "scotland"),
                    "nipso" => ("northern-ireland", "northern-ireland"),
                    _ => ("england", "england-and-wales"),
                };
                p["nation"] = nation.into();
                p["region"] = region.into();
            },
        ),
        ("connection", "/$defs/connection/enum", |p, n| {
            p["eligibility"]["who_may_complain"] = json!([n])
        }),
        (
            "exclusion kind",
            "/$defs/exclusion/properties/kind/enum",
            |p, n| p["exclusions"][0]["kind"] = n.into(),
        ),
        ("counting", "/$defs/counting/enum", |p, n| {
            p["stages"]["stage2"]["request_window"] =
                json!({ "days": 20, "from": "stage1-response", "counting": n })
        }),
        ("anchor", "/$defs/clock/properties/from/enum", |p, n| {
            // Only the names are compared here; where each anchor may be used is tested above.
            p["stages"]["stage1"]["respond"]["from"] = n.into()
        }),
    ];
    let validator = validator();
    for (what, pointer, place) in places {
        let in_schema = names_in_schema(pointer);
        let in_rust = names_rust_expects(&changed(|p| place(p, BOGUS)));
        assert_eq!(
            in_schema, in_rust,
            "the {what} names differ between the schema and policy.rs"
        );
        assert!(
            !validator.is_valid(&changed(|p| place(p, BOGUS))),
            "the schema refuses an unknown {what}"
        );
        if what != "anchor" {
            for name in &in_schema {
                let json = changed(|p| place(p, name));
                assert!(
                    validator.is_valid(&json),
                    "the schema accepts {what} {name}"
                );
                if let Err(e) = Policy::from_json(&json.to_string()) {
                    panic!("Rust refuses {what} {name}: {e}");
                }
            }
        }
    }
}

#[test]
fn every_property_has_a_description() {
    fn walk(node: &Value, path: &str, missing: &mut Vec<String>) {
        match node {
            Value::Object(map) => {
                // Properties declared by an object type; refinements such as `"from": { "const":
                // "receipt" }` next to a `$ref` are described where the property is declared.
                if map.get("type") == Some(&json!("object")) {
                    if let Some(Value::Object(properties)) = map.get("properties") {
                        for (name, property) in properties {
                            if property.get("description").is_none() {
                                missing.push(format!("{path}/properties/{name}"));
                            }
                        }
                    }
                }
                for (key, value) in map {
                    walk(value, &format!("{path}/{key}"), missing);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}/{i}"), missing);
                }
            }
            _ => {}
        }
    }
    let mut missing = Vec::new();
    walk(&schema(), "", &mut missing);
    assert!(
        missing.is_empty(),
        "properties without a description:\n{}",
        missing.join("\n")
    );
}
