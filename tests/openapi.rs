//! The contract document (`public/openapi.yaml`) and the Rust types in `domain::submission`
//! describe the same body. These tests keep the two in step: every example in the document is
//! a `Submission` exactly as serde writes it, passes `Submission::check` and carries the dates
//! the engine works out; bodies the app builds validate against the schema; the schema's
//! lists of names are the Rust enums'; and the schema and serde refuse the same mistakes.
//!
//! Known differences: what `Submission::check` adds (what each kind needs, email, phone and
//! postcode formats, a blank profile id) is not in the schema, which says so; a receiver
//! refuses those with a `422` all the same.

use chrono::{DateTime, FixedOffset};
use resident_complaints::domain::examples;
use resident_complaints::domain::draft::{
    Adjustment, AfterReport, Asb, Category, Choice, ConsentBasis, ContactMethod, Draft,
    FeedbackKind, Matter, OtherProcess, Place, PriorComplaint, RepliesTo, RepresentativeAnswers, Responsibility,
    Route, YesNo,
};
use resident_complaints::domain::policy::{Connection, Decision, Policy};
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
