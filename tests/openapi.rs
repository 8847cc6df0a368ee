//! The contract document (`public/openapi.yaml`) and the Rust types in `domain::submission`
//! and `domain::status` describe the same bodies. These tests keep the two in step: every
//! example in the document is a `Submission` exactly as serde writes it, passes
//! `Submission::check` and carries the dates the engine works out; bodies the app builds
//! validate against the schema; the schema's lists of names are the Rust enums'; and the
//! schema and serde refuse the same mistakes. For contract v1.1 likewise: every example
//! validates against its schema and is a `Receipt`, `Status`, `Event` or `Stage` exactly as
//! serde writes it; the status examples are steps `Status::check` accepts; and what it refuses
//! for an event's shape alone, the schema refuses too.
//!
//! Known differences: what `Submission::check` adds (what each kind needs, email, phone and
//! postcode formats, a blank profile id) is not in the schema, which says so; a receiver
//! refuses those with a `422` all the same. Likewise what `Status::check` says of an event's
//! dates (before the last step, after tomorrow, an `until` not after its date).

use chrono::{DateTime, FixedOffset};
use resident_complaints::domain::examples;
use resident_complaints::domain::draft::{
    HazardAnswer, Spreading, Vulnerable,
    Adjustment, AfterReport, Asb, Category, Choice, ConsentBasis, ContactMethod, Draft,
    FeedbackKind, Matter, OtherProcess, Place, PriorComplaint, RepliesTo, RepresentativeAnswers, Responsibility,
    Route, YesNo,
};
use resident_complaints::domain::policy::{Connection, Decision, Policy};
use resident_complaints::domain::status::{Event, Receipt, Stage, Status};
use resident_complaints::domain::submission::{Escalation, Kind, Submission};
use resident_complaints::domain::triage::{assess, Conclusion};
use serde_json::{json, Value};

fn document() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/openapi.yaml");
    let text = std::fs::read_to_string(path).expect("public/openapi.yaml exists");
    serde_norway::from_str(&text).expect("public/openapi.yaml is YAML")
}

/// A validator for one of the document's component schemas, resolving its `$ref`s.
fn validator(doc: &Value, name: &str) -> jsonschema::Validator {
    let schema = json!({
        "$ref": format!("#/components/schemas/{name}"),
        "components": { "schemas": doc["components"]["schemas"] },
    });
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

fn schema_errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn request_examples(doc: &Value) -> Vec<(String, Value)> {
    let examples = doc["paths"]["/v1/submissions"]["post"]["requestBody"]["content"]
        ["application/json"]["examples"]
        .as_object()
        .expect("the POST body has examples");
    examples
        .iter()
        .map(|(name, example)| (name.clone(), example["value"].clone()))
        .collect()
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn build(policy_id: &str, draft: &Draft, now: &str) -> Submission {
    let policy = Policy::builtin(policy_id).unwrap();
    let now = at(now);
    Submission::build(
        &policy,
        draft,
        &assess(&policy, draft, now.date_naive()),
        now,
    )
}

fn complaint_draft() -> Draft {
    Draft {
        matter: None,
        ongoing: None,
        issue_date: examples::date(14, 10, 2026),
        category: Some(Category::DampAndMould),
        description: "Mould on the bedroom wall 🍄, עברית and a long\nline".into(),
        impact: "Asthma".into(),
        outcome_wanted: "Fix the fan".into(),
        adjustments: vec![Adjustment::LargePrint, Adjustment::Bsl],
        postcode: "ng2 4qb".into(),
        ..examples::complaint("hos-code-2024")
    }
}

/// Bodies as the app builds them, one of each shape it sends.
fn built_bodies() -> Vec<(&'static str, Submission)> {
    let now = "2026-12-23T10:00:00+00:00";
    let complaint = complaint_draft();
    let for_someone = Draft {
        complainant: Some(resident_complaints::domain::draft::Who::SomeoneElse),
        representative: RepresentativeAnswers {
            name: "Priya".into(),
            relationship: "Daughter".into(),
            email: "priya@example.org".into(),
            phone: "07700 900123".into(),
            consent: Some(ConsentBasis::ResidentPresent),
            replies_to: Some(RepliesTo::Representative),
        },
        ..complaint.clone()
    };
    let anonymous = Draft {
        complainant: Some(resident_complaints::domain::draft::Who::Anonymous),
        ..complaint.clone()
    };
    let concern = Draft {
        route: Some(Route::Concern),
        ..complaint.clone()
    };
    let overridden = Draft {
        told_before: Some(YesNo::No),
        send_anyway: Some(YesNo::Yes),
        override_reason: "It was never logged".into(),
        ..complaint.clone()
    };
    let compliment = Draft {
        kind: Some(FeedbackKind::Compliment),
        message: "Thank you".into(),
        wants_reply: Some(YesNo::No),
        ..complaint.clone()
    };
    let comment = Draft {
        kind: Some(FeedbackKind::Comment),
        message: "An idea".into(),
        wants_reply: Some(YesNo::Yes),
        ..complaint.clone()
    };
    // Black mould, first told a month before and not yet investigated: Awaab's Law's
    // deadlines, three of them missed.
    let hazard = Draft {
        hazard: Some(HazardAnswer::DampAndMould),
        vulnerable: vec![Vulnerable::Child, Vulnerable::LungOrHeart],
        spreading: Some(Spreading::Yes),
        first_told: examples::date(23, 11, 2026),
        ..complaint.clone()
    };
    let mut escalation = build("hos-code-2024", &complaint, now);
    escalation.kind = Kind::Escalation;
    escalation.details = None;
    escalation.escalation = Some(Escalation {
        reference: "RC-7KQ2-M9XD".into(),
        stage1_response_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 20),
        reasons: String::new(),
    });
    escalation.expected_dates = Submission::dates_for(
        &Policy::builtin("hos-code-2024").unwrap(),
        Kind::Escalation,
        at(now),
    );
    vec![
        ("complaint", build("hos-code-2024", &complaint, now)),
        ("for someone", build("hos-code-2024", &for_someone, now)),
        ("anonymous", build("south-cambridgeshire", &anonymous, now)),
        ("concern", build("greatwell", &concern, now)),
        ("overridden", build("hos-code-2024", &overridden, now)),
        ("compliment", build("nottingham", &compliment, now)),
        ("comment", build("south-cambridgeshire", &comment, now)),
        ("escalation", escalation),
        ("hazard", build("hos-code-2024", &hazard, now)),
        ("another hazard", build("greatwell", &Draft { hazard: Some(HazardAnswer::Other), ..hazard.clone() }, now)),
        // Told the week before: no deadline passed yet, so a hazard report.
        ("hazard report", build("nottingham", &Draft { first_told: examples::date(16, 12, 2026), ..hazard.clone() }, now)),
    ]
}

#[test]
fn every_example_is_a_submission_as_serde_writes_it() {
    let doc = document();
    let validator = validator(&doc, "Submission");
    let examples = request_examples(&doc);
    let mut kinds = Vec::new();
    for (name, value) in &examples {
        let errors = schema_errors(&validator, value);
        assert!(errors.is_empty(), "example {name}: {errors:#?}");
        let body: Submission = serde_json::from_value(value.clone())
            .unwrap_or_else(|e| panic!("example {name} does not parse: {e}"));
        assert_eq!(
            &serde_json::to_value(&body).unwrap(),
            value,
            "example {name} is not exactly what serde writes"
        );
        assert!(
            body.check().is_empty(),
            "example {name}: {:?}",
            body.check()
        );
        let policy = Policy::builtin(&body.profile.id)
            .unwrap_or_else(|| panic!("example {name}: unknown profile"));
        assert_eq!(body.profile.version, policy.version, "example {name}");
        assert_eq!(
            body.expected_dates,
            Submission::dates_for(&policy, body.kind, body.submitted_at),
            "example {name}: the dates are not the engine's"
        );
        assert_eq!(
            serde_json::to_value(body.kind).unwrap(),
            json!(name),
            "each example is named after its kind"
        );
        kinds.push(body.kind);
    }
    for kind in Kind::ALL {
        assert!(kinds.contains(&kind), "no example of {kind:?}");
    }
}

#[test]
fn bodies_the_app_builds_validate() {
    let doc = document();
    let validator = validator(&doc, "Submission");
    for (name, body) in built_bodies() {
        assert!(body.check().is_empty(), "{name}: {:?}", body.check());
        let value = serde_json::to_value(&body).unwrap();
        let errors = schema_errors(&validator, &value);
        assert!(errors.is_empty(), "{name}: {errors:#?}\n{value:#}");
    }
}

fn schema_enum(doc: &Value, name: &str) -> Vec<String> {
    doc["components"]["schemas"][name]["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("{name} has an enum"))
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

fn ids<T: Choice>() -> Vec<String> {
    T::ALL.iter().map(|c| c.id().to_string()).collect()
}

#[test]
fn the_schemas_names_are_the_rust_enums() {
    let doc = document();
    let serde_ids = |values: Vec<Value>| -> Vec<String> {
        values
            .into_iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let kinds = serde_ids(Kind::ALL.map(|k| serde_json::to_value(k).unwrap()).into());
    let outcomes = serde_ids(
        Conclusion::ALL
            .map(|o| serde_json::to_value(o).unwrap())
            .into(),
    );
    assert_eq!(Conclusion::ALL.map(|o| o.id()).to_vec(), outcomes);
    let cases: Vec<(&str, Vec<String>)> = vec![
        ("Kind", kinds),
        ("Outcome", outcomes),
        ("Connection", ids::<Connection>()),
        ("ContactMethod", ids::<ContactMethod>()),
        ("ConsentBasis", ids::<ConsentBasis>()),
        ("RepliesTo", ids::<RepliesTo>()),
        ("YesNo", ids::<YesNo>()),
        ("Asb", ids::<Asb>()),
        ("AfterReport", ids::<AfterReport>()),
        ("OtherProcess", ids::<OtherProcess>()),
        ("Matter", ids::<Matter>()),
        ("Decision", ids::<Decision>()),
        ("PriorComplaint", ids::<PriorComplaint>()),
        ("Responsibility", ids::<Responsibility>()),
        ("Category", ids::<Category>()),
        ("Place", ids::<Place>()),
        ("Adjustment", ids::<Adjustment>()),
    ];
    for (name, rust) in cases {
        assert_eq!(schema_enum(&doc, name), rust, "{name}");
    }
    // The choice ids are the serde names (the Choice macro promises it; this checks it).
    for adjustment in Adjustment::ALL {
        assert_eq!(
            serde_json::to_value(adjustment).unwrap(),
            json!(adjustment.id())
        );
    }
}

/// A change to the complaint example: a JSON pointer and the value to put there (`None`
/// removes the field).
fn changed(base: &Value, pointer: &str, value: Option<Value>) -> Value {
    let mut body = base.clone();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let object = body
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("{parent} is an object"));
    match value {
        Some(value) => object.insert(key.to_string(), value),
        None => object.remove(key),
    };
    body
}

#[test]
fn the_schema_and_serde_refuse_the_same_mistakes() {
    let doc = document();
    let validator = validator(&doc, "Submission");
    let examples = request_examples(&doc);
    let base = &examples.iter().find(|(n, _)| n == "complaint").unwrap().1;
    let refused: Vec<(&str, Option<Value>)> = vec![
        ("/surprise", Some(json!(1))),
        ("/complainant/nickname", Some(json!("Z"))),
        ("/details/pictures", Some(json!([]))),
        ("/details/photos", Some(json!([{ "jpeg": "" }]))),
        ("/details/photos", Some(json!([{ "width": -1 }]))),
        ("/details/photos", Some(json!({}))),
        ("/kind", Some(json!("Complaint"))),
        ("/kind", Some(json!(null))),
        ("/kind", None),
        ("/profile/version", None),
        ("/complainant/connection", Some(json!("landlord"))),
        ("/complainant/anonymous", Some(json!("false"))),
        ("/complainant/name", Some(json!(null))),
        ("/complainant/email", None),
        ("/triage/danger", Some(json!(false))),
        ("/triage/outcome", Some(json!("service_request"))),
        ("/triage/issue_date", Some(json!(20261014))),
        ("/triage/out_of_time", None),
        ("/details/category", Some(json!("damp_and_mould"))),
        ("/details/description", None),
        (
            "/support/adjustments",
            Some(json!(["bsl", "sign-language"])),
        ),
        ("/support/adjustments", Some(json!(null))),
        ("/expected_dates", Some(json!([{ "id": "acknowledge_by" }]))),
        ("/expected_dates", Some(json!({}))),
        ("/representative", Some(json!("Priya"))),
    ];
    for (pointer, value) in refused {
        let body = changed(base, pointer, value.clone());
        assert!(
            !schema_errors(&validator, &body).is_empty(),
            "the schema accepts {pointer} = {value:?}"
        );
        assert!(
            serde_json::from_value::<Submission>(body).is_err(),
            "serde accepts {pointer} = {value:?}"
        );
    }
    // Both accept an optional field left out (serde reads it as null), and null where the
    // Rust type is an Option.
    let accepted: Vec<(&str, Option<Value>)> = vec![
        ("/representative", None),
        ("/details", Some(json!(null))),
        ("/complainant/connection", None),
        ("/triage/issue_date", Some(json!(null))),
        ("/triage/may_complain", None),
        ("/escalation", None),
        ("/details/photos", None),
        (
            "/details/photos",
            Some(json!([{ "alt": "Mould above the window" }])),
        ),
    ];
    for (pointer, value) in accepted {
        let body = changed(base, pointer, value.clone());
        let errors = schema_errors(&validator, &body);
        assert!(errors.is_empty(), "{pointer} = {value:?}: {errors:?}");
        assert!(
            serde_json::from_value::<Submission>(body).is_ok(),
            "serde refuses {pointer} = {value:?}"
        );
    }
}

#[test]
fn response_examples_match_their_schemas() {
    let doc = document();
    let post = &doc["paths"]["/v1/submissions"]["post"]["responses"];
    for (status, schema) in [("201", "Receipt"), ("400", "Errors"), ("422", "Errors")] {
        let example = &post[status]["content"]["application/json"]["example"];
        let errors = schema_errors(&validator(&doc, schema), example);
        assert!(errors.is_empty(), "{status}: {errors:?}");
    }
}

// Contract v1.1: the receipt, the status a resident's access token reads, the events staff
// record and the record staff read, against `domain::status`.

/// A schema on its own, with the document's components beside it so its `$ref`s resolve.
fn validator_of(doc: &Value, schema: &Value) -> jsonschema::Validator {
    let mut schema = schema.clone();
    schema["components"] = json!({ "schemas": doc["components"]["schemas"] });
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

/// The `#/components/...` object a `$ref` points to, or the object itself.
fn resolved<'a>(doc: &'a Value, object: &'a Value) -> &'a Value {
    match object["$ref"].as_str() {
        Some(pointer) => doc
            .pointer(pointer.trim_start_matches('#'))
            .unwrap_or_else(|| panic!("{pointer} exists")),
        None => object,
    }
}

/// The component a schema is: its own `$ref`, or the first `$ref` of its `allOf`.
fn schema_name(schema: &Value) -> Option<&str> {
    schema["$ref"]
        .as_str()
        .or_else(|| schema["allOf"][0]["$ref"].as_str())
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
}

/// Every example in the document: where it is, the schema it is an example of, and its value.
/// From request bodies and responses (`example` or `examples`, through `$ref`s), and the
/// `examples` of the component schemas.
fn all_examples(doc: &Value) -> Vec<(String, Value, Value)> {
    let mut found = Vec::new();
    let mut media = |at: String, content: &Value| {
        let Some(json) = content.get("application/json") else {
            return;
        };
        let schema = &json["schema"];
        if let Some(example) = json.get("example") {
            found.push((at.clone(), schema.clone(), example.clone()));
        }
        for (name, example) in json["examples"].as_object().into_iter().flatten() {
            let value = resolved(doc, example)["value"].clone();
            found.push((format!("{at} {name}"), schema.clone(), value));
        }
    };
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let at = format!("{} {path}", method.to_uppercase());
            if let Some(body) = operation.get("requestBody") {
                media(format!("{at} body"), &resolved(doc, body)["content"]);
            }
            for (status, response) in operation["responses"].as_object().unwrap() {
                media(
                    format!("{at} {status}"),
                    &resolved(doc, response)["content"],
                );
            }
        }
    }
    for (name, schema) in doc["components"]["schemas"].as_object().unwrap() {
        for example in schema["examples"].as_array().into_iter().flatten() {
            let reference = json!({ "$ref": format!("#/components/schemas/{name}") });
            found.push((format!("schema {name}"), reference, example.clone()));
        }
    }
    found
}

/// `value` read as `T` and written back: exactly the same JSON.
fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(at: &str, value: &Value) -> T {
    let typed: T = serde_json::from_value(value.clone())
        .unwrap_or_else(|e| panic!("{at}: not a {}: {e}", std::any::type_name::<T>()));
    assert_eq!(
        &serde_json::to_value(&typed).unwrap(),
        value,
        "{at}: not exactly what serde writes"
    );
    typed
}

#[test]
fn every_example_matches_its_schema_and_the_rust_type() {
    let doc = document();
    let mut seen = Vec::new();
    for (at, schema, example) in all_examples(&doc) {
        let errors = schema_errors(&validator_of(&doc, &schema), &example);
        assert!(errors.is_empty(), "{at}: {errors:#?}");
        let name = schema_name(&schema).unwrap_or("");
        match name {
            "Receipt" => {
                round_trip::<Receipt>(&at, &example);
            }
            "Status" => {
                round_trip::<Status>(&at, &example);
            }
            "Event" => {
                round_trip::<Event>(&at, &example);
            }
            "Stage" => {
                round_trip::<Stage>(&at, &example);
            }
            "Record" => {
                round_trip::<Submission>(&at, &example["submission"]);
                round_trip::<Status>(&at, &example["status"]);
            }
            "Submission" => {
                round_trip::<Submission>(&at, &example);
            }
            _ => {}
        }
        seen.push(name.to_string());
    }
    for name in ["Receipt", "Stage", "Event", "Status", "Record", "Errors"] {
        assert!(seen.iter().any(|n| n == name), "no example of {name}");
    }
}

#[test]
fn the_receipt_example_has_a_token_a_v1_0_receipt_has_none() {
    let doc = document();
    let validator = validator(&doc, "Receipt");
    let example = &doc["paths"]["/v1/submissions"]["post"]["responses"]["201"]["content"]
        ["application/json"]["example"];
    let receipt: Receipt = round_trip("the 201 example", example);
    let token = receipt
        .access_token
        .expect("the example has an access_token");
    // The reference receiver's: 256 random bits, in lowercase hexadecimal.
    assert_eq!(token.len(), 64);
    assert!(token
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
    // A v1.0 backend's receipt, without one, is still a receipt.
    let old = changed(example, "/access_token", None);
    assert!(schema_errors(&validator, &old).is_empty());
    assert_eq!(
        round_trip::<Receipt>("a v1.0 receipt", &old).access_token,
        None
    );
    // A token of fewer than 128 bits, or one a bearer header cannot carry, is not.
    for short in [
        json!("0123456789abcdef"),
        json!("not a token, 128 bits or not"),
    ] {
        let receipt = changed(example, "/access_token", Some(short.clone()));
        assert!(
            !schema_errors(&validator, &receipt).is_empty(),
            "the schema accepts access_token {short}"
        );
    }
}

#[test]
fn the_stage_schema_lists_every_stage() {
    let doc = document();
    assert_eq!(
        schema_enum(&doc, "Stage"),
        Stage::ALL.map(|s| s.id()).to_vec()
    );
    for stage in Stage::ALL {
        assert_eq!(serde_json::to_value(stage).unwrap(), json!(stage.id()));
    }
}

fn status_example(doc: &Value) -> Value {
    doc["paths"]["/v1/submissions/{reference}/status"]["get"]["responses"]["200"]["content"]
        ["application/json"]["example"]
        .clone()
}

fn event_body_schema(doc: &Value) -> Value {
    doc["paths"]["/v1/submissions/{reference}/events"]["post"]["requestBody"]["content"]
        ["application/json"]["schema"]
        .clone()
}

fn day(text: &str) -> chrono::NaiveDate {
    text.parse().unwrap()
}

/// The status and event examples tell one true story: each step is one `Status::check`
/// accepts on its day, and the dates are the engine's for the complaint example.
#[test]
fn the_status_examples_are_steps_the_checks_accept() {
    let doc = document();
    let status: Status = serde_json::from_value(status_example(&doc)).unwrap();
    let received = day(&status.received_at[..10]);
    let mut so_far = Status::new(
        status.reference.clone(),
        status.kind,
        status.received_at.clone(),
        received,
        vec![],
        status.expected_dates.clone(),
    );
    for event in &status.events[1..] {
        let errors = so_far.check(event, event.date);
        assert!(errors.is_empty(), "{event:?}: {errors:?}");
        so_far = Status::new(
            so_far.reference.clone(),
            so_far.kind,
            so_far.received_at.clone(),
            received,
            so_far.events[1..]
                .iter()
                .cloned()
                .chain([event.clone()])
                .collect(),
            so_far.expected_dates.clone(),
        );
    }
    assert_eq!(
        so_far, status,
        "the example is what Status::new makes of its steps"
    );

    // Recording the first event example after receipt gives the 201 example.
    let events = &doc["paths"]["/v1/submissions/{reference}/events"]["post"];
    let acknowledged: Event = serde_json::from_value(
        events["requestBody"]["content"]["application/json"]["examples"]["acknowledged"]["value"]
            .clone(),
    )
    .unwrap();
    let after: Status = serde_json::from_value(
        events["responses"]["201"]["content"]["application/json"]["example"].clone(),
    )
    .unwrap();
    assert_eq!(
        after,
        Status::new(
            status.reference.clone(),
            status.kind,
            status.received_at.clone(),
            received,
            vec![acknowledged],
            status.expected_dates.clone(),
        )
    );

    // The record is of the complaint example, with the engine's dates and the same status.
    let record = &doc["paths"]["/v1/submissions/{reference}"]["get"]["responses"]["200"]["content"]
        ["application/json"]["example"];
    let submission: Submission = serde_json::from_value(record["submission"].clone()).unwrap();
    let complaint = &request_examples(&doc)
        .into_iter()
        .find(|(name, _)| name == "complaint")
        .unwrap()
        .1;
    assert_eq!(&record["submission"], complaint);
    let policy = Policy::builtin(&submission.profile.id).unwrap();
    let dates = Submission::dates_for(&policy, submission.kind, submission.submitted_at);
    assert_eq!(record["server_expected_dates"], json!(dates));
    assert_eq!(
        record["dates_match"],
        json!(dates == submission.expected_dates)
    );
    assert_eq!(status.expected_dates, dates);
    assert_eq!(record["status"], status_example(&doc));
    assert_eq!(record["reference"], json!(status.reference));
    assert_eq!(record["received_at"], json!(status.received_at));
    assert_eq!(status.kind, submission.kind);
}

/// What `Status::check` refuses for the event's shape alone, the schema refuses too: `until`
/// without `extended` or `extended` without it, and (in the request body) `received`. What
/// depends on the dates (an `until` not after the date, a date before the last step's or
/// after tomorrow) the schema cannot say: those are the receiver's `422`s.
#[test]
fn the_schema_refuses_the_events_the_checks_refuse_for_their_shape() {
    let doc = document();
    let status: Status = serde_json::from_value(status_example(&doc)).unwrap();
    let today = day("2026-12-20");
    let event_schema = validator(&doc, "Event");
    let body_schema = validator_of(&doc, &event_body_schema(&doc));
    let event = |status: &str, date: &str, until: Option<&str>| {
        let mut event = json!({ "status": status, "date": date });
        if let Some(until) = until {
            event["until"] = json!(until);
        }
        event
    };
    let typed = |value: &Value| -> Event { serde_json::from_value(value.clone()).unwrap() };

    let accepted = [
        event("responded", "2026-12-19", None),
        event("extended", "2026-12-19", Some("2027-01-20")),
        event("closed", "2026-12-21", None),
    ];
    for value in &accepted {
        assert!(status.check(&typed(value), today).is_empty(), "{value}");
        assert!(schema_errors(&body_schema, value).is_empty(), "{value}");
    }

    let shape = [
        (event("extended", "2026-12-19", None), "/until"),
        (event("closed", "2026-12-19", Some("2027-01-20")), "/until"),
        (
            event("responded", "2026-12-19", Some("2026-12-22")),
            "/until",
        ),
    ];
    for (value, pointer) in &shape {
        let pointers: Vec<_> = status
            .check(&typed(value), today)
            .iter()
            .map(|e| e.pointer)
            .collect();
        assert_eq!(pointers, [*pointer], "{value}");
        assert!(
            !schema_errors(&event_schema, value).is_empty(),
            "Event accepts {value}"
        );
        assert!(
            !schema_errors(&body_schema, value).is_empty(),
            "the body accepts {value}"
        );
    }

    // `received` is an Event (the first of every status) but never a body to record.
    let received = event("received", "2026-12-19", None);
    let pointers: Vec<_> = status
        .check(&typed(&received), today)
        .iter()
        .map(|e| e.pointer)
        .collect();
    assert_eq!(pointers, ["/status"]);
    assert!(schema_errors(&event_schema, &received).is_empty());
    assert!(!schema_errors(&body_schema, &received).is_empty());

    let dates_only = [
        (
            event("extended", "2026-12-19", Some("2026-12-19")),
            "/until",
        ),
        (event("responded", "2026-12-17", None), "/date"),
        (event("responded", "2026-12-22", None), "/date"),
    ];
    for (value, pointer) in &dates_only {
        let pointers: Vec<_> = status
            .check(&typed(value), today)
            .iter()
            .map(|e| e.pointer)
            .collect();
        assert_eq!(pointers, [*pointer], "{value}");
        assert!(schema_errors(&body_schema, value).is_empty(), "{value}");
    }

    // And serde refuses what the schema refuses for its form.
    let base = event("acknowledged", "2026-12-19", None);
    let refused: Vec<(&str, Option<Value>)> = vec![
        ("/status", Some(json!("Acknowledged"))),
        ("/status", Some(json!("sent"))),
        ("/status", None),
        ("/date", None),
        ("/date", Some(json!(20261219))),
        ("/until", Some(json!(null))),
        ("/note", Some(json!("phoned"))),
    ];
    for (pointer, value) in refused {
        let body = changed(&base, pointer, value.clone());
        assert!(
            !schema_errors(&body_schema, &body).is_empty(),
            "the schema accepts {pointer} = {value:?}"
        );
        // An explicit null `until` is the one serde reads as absent; the schema refuses it,
        // as a v1.1 backend never writes it.
        if pointer != "/until" {
            assert!(
                serde_json::from_value::<Event>(body).is_err(),
                "serde accepts {pointer} = {value:?}"
            );
        }
    }
}

