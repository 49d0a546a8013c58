//! The JSON Schema of `fleetdash schema` against the sample set and against files with
//! type errors, checked with a JSON Schema validator as an editor would, and against the
//! loader, so that the schema and the loader agree on every case.

use std::fs;
use std::path::Path;

use fleetdash::schema::status_file_schema;
use fleetdash::status::yaml;
use serde_json::Value as Json;
use serde_yaml::Value as Yaml;

/// YAML as a YAML language server sees it: JSON, with mapping keys as text.
fn to_json(yaml: Yaml) -> Json {
    match yaml {
        Yaml::Null => Json::Null,
        Yaml::Bool(b) => Json::Bool(b),
        Yaml::Number(n) => serde_json::to_value(n).unwrap(),
        Yaml::String(s) => Json::String(s),
        Yaml::Sequence(items) => Json::Array(items.into_iter().map(to_json).collect()),
        Yaml::Mapping(map) => Json::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let key = match k {
                        Yaml::String(s) => s,
                        other => serde_yaml::to_string(&other).unwrap().trim().to_owned(),
                    };
                    (key, to_json(v))
                })
                .collect(),
        ),
        Yaml::Tagged(t) => to_json(t.value),
    }
}

fn json_of(text: &str) -> Json {
    to_json(serde_yaml::from_str(text).unwrap())
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&status_file_schema()).unwrap()
}

/// The instance paths of the schema's errors for `text`.
fn errors(text: &str) -> Vec<String> {
    let json = json_of(text);
    validator()
        .iter_errors(&json)
        .map(|e| e.instance_path().to_string())
        .collect()
}

#[test]
fn the_schema_is_a_draft_7_schema() {
    let schema = status_file_schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::meta::validate(&schema).unwrap();
    // Unknown fields are errors, as in the loader; the locations are not fields.
    assert_eq!(schema["additionalProperties"], false);
    let vehicle = &schema["definitions"]["RawVehicle"];
    assert_eq!(vehicle["additionalProperties"], false);
    assert!(vehicle["properties"].get("loc").is_none());
    assert!(schema["properties"].get("section_locs").is_none());
}

#[test]
fn every_sample_file_validates() {
    let validator = validator();
    let mut seen = 0;
    for entry in fs::read_dir(Path::new("config/status")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let json = json_of(&text);
        let problems: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(problems.is_empty(), "{}: {problems:#?}", path.display());
        seen += 1;
    }
    assert_eq!(seen, 5, "the sample set has five files");
}

#[test]
fn the_formats_examples_validate() {
    let text = "\
version: 1
plan:
  2025: { grf-tt: 14, grf-cp: 4, grf-amb: 2 }
  2026:
    grf-tt: 40
    jag: 6
  2027:
stages:
  - id: turret
    name: 40 mm turret
    families: [Jaguar]
  - id: rework
    name: Rework
    rework: true
variants:
  - id: grf-obs
    family: Griffon
    name: Griffon artillery observation
    contracted: 18
    attributes: { role: observation, calibre: 40, amphibious: false }
queue:
  - serial: BE-GRF-0031
    variant: grf-tt
    stage: comms
    since: 2026-10-02
    due: 2026-11-20
    site: CMI Defence, Seraing
    hold: waiting for CONTACT radio kit
deliveries:
  - date: 2025-07-15
    variant: grf-tt
    serials: [BE-GRF-0001, BE-GRF-0002]
  - date: 2025-10-30
    variant: grf-cp
    count: 3
";
    assert_eq!(errors(text), Vec::<String>::new());
    yaml::parse(text).unwrap();
}

/// Each file has one type error: the schema must reject it where the loader does.
#[test]
fn type_errors_are_rejected_where_they_are() {
    let variant = "variants:\n  - { id: a, family: F, name: A, contracted: ";
    let vehicle = "queue:\n  - { serial: S, variant: a, stage: s, site: P, since: ";
    let cases: &[(&str, String, &str)] = &[
        (
            "a quantity in quotes",
            format!("{variant}\"190\" }}\n"),
            "/variants/0/contracted",
        ),
        (
            "a negative quantity",
            format!("{variant}-1 }}\n"),
            "/variants/0/contracted",
        ),
        (
            "a quantity above the limit",
            format!("{variant}1000001 }}\n"),
            "/variants/0/contracted",
        ),
        (
            "a fraction of a vehicle",
            format!("{variant}2.5 }}\n"),
            "/variants/0/contracted",
        ),
        (
            "a date in another order",
            format!("{vehicle}02/10/2026 }}\n"),
            "/queue/0/since",
        ),
        (
            "a date that does not exist",
            format!("{vehicle}2026-02-30 }}\n"),
            "/queue/0/since",
        ),
        (
            "a date written as a number",
            format!("{vehicle}20261002 }}\n"),
            "/queue/0/since",
        ),
        (
            "an unknown field",
            "variants:\n  - { id: a, family: F, name: A, contracted: 3, contractd: 3 }\n".into(),
            "/variants/0",
        ),
        (
            "an unknown section",
            "version: 1\nvariant: []\n".into(),
            "",
        ),
        (
            "a list where a mapping belongs",
            "programme: [CaMo, 2025, 2030]\n".into(),
            "/programme",
        ),
        (
            "a plan written as a list",
            "plan:\n  - { year: 2026, grf-tt: 40 }\n".into(),
            "/plan",
        ),
        (
            "a plan year that is not a year",
            "plan:\n  next: { grf-tt: 40 }\n".into(),
            "/plan",
        ),
        (
            "a plan quantity in words",
            "plan:\n  2026: { grf-tt: forty }\n".into(),
            // The plan may be empty (null), so the error is the `anyOf`'s, at the plan.
            "/plan",
        ),
        (
            "a mapping where a list belongs",
            "deliveries:\n  date: 2026-01-01\n  variant: a\n  count: 1\n".into(),
            "/deliveries",
        ),
        (
            "serials as one text",
            "deliveries:\n  - { date: 2026-01-01, variant: a, serials: BE-1 }\n".into(),
            "/deliveries/0/serials",
        ),
        (
            "a missing field",
            "variants:\n  - { id: a, family: F, name: A }\n".into(),
            "/variants/0",
        ),
        (
            "a year out of range",
            "programme: { name: X, first_year: 25, last_year: 2030 }\n".into(),
            "/programme",
        ),
        (
            "rework as text",
            "stages:\n  - { id: r, name: R, rework: sometimes }\n".into(),
            "/stages/0/rework",
        ),
        (
            "an attribute that is a list",
            "variants:\n  - { id: a, family: F, name: A, contracted: 1, attributes: { weapons: [a, b] } }\n"
                .into(),
            "/variants/0/attributes/weapons",
        ),
    ];
    for (what, text, path) in cases {
        assert!(yaml::parse(text).is_err(), "the loader accepts {what}");
        let found = errors(text);
        assert!(
            found.iter().any(|p| p == path),
            "{what}: expected an error at `{path}`, found {found:?}"
        );
    }
}

#[test]
fn the_command_prints_the_schema() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_fleetdash"))
        .arg("schema")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text, fleetdash::schema::status_file_schema_text());
    let parsed: Json = serde_json::from_str(&text).unwrap();
    assert_eq!(parsed, status_file_schema());
}
