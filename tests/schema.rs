//! The JSON Schema of `fleetdash schema` against the sample set and against files with
//! type errors, checked with a JSON Schema validator as an editor would, and against the
//! loader, so that the schema and the loader agree on every case.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

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
        // JSON has no NaN or infinity: kept as the text a YAML reader shows for them.
        Yaml::Number(n) if n.as_f64().is_some_and(|f| !f.is_finite()) => {
            Json::String(n.to_string())
        }
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

/// Every `*.yaml` file under `dir`, at any depth.
fn yaml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        // Only what a status folder holds: a fixture may be a link that leads nowhere.
        let Ok(meta) = fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            yaml_files(&path, out);
        } else if meta.is_file() && path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

/// Whether `fleetdash check` accepts `text` as a file, for the rules a schema can express:
/// it parses, its version is 1 or left out, and its plan years are plausible with each
/// variant once. `None` when
/// it is refused by a limit, which a schema cannot express.
fn loader_accepts(text: &str) -> Option<bool> {
    match yaml::parse(text) {
        Ok(raw) => {
            let version = raw.version.is_none_or(|v| v == 1);
            let years = raw.plan.iter().flat_map(|p| &p.years);
            // A variant written twice in a year is an error of the merge (and a key written
            // twice, which a YAML reader refuses).
            let plan = years.clone().all(|y| {
                let mut seen = std::collections::HashSet::new();
                (1900..=2200).contains(&y.year) && y.entries.iter().all(|e| seen.insert(&e.variant))
            });
            Some(version && plan)
        }
        Err(e) if e.message.contains("(limits.") || e.message.contains("more often than") => None,
        Err(_) => Some(false),
    }
}

#[test]
fn the_schema_and_the_loader_agree_on_every_fixture() {
    let mut files = Vec::new();
    yaml_files(Path::new("tests/fixtures"), &mut files);
    yaml_files(Path::new("config/status"), &mut files);
    files.sort();
    assert!(files.len() > 50, "{} files", files.len());
    let validator = validator();
    let mut compared = 0;
    for path in &files {
        let Ok(text) = fs::read_to_string(path) else {
            continue; // not UTF-8: neither reads it
        };
        let Some(loader) = loader_accepts(&text) else {
            continue;
        };
        let schema = match serde_yaml::from_str::<Yaml>(&text) {
            Ok(value) => validator.is_valid(&to_json(value)),
            // Not one YAML document: an editor shows the syntax error.
            Err(_) => false,
        };
        let why: Vec<String> = serde_yaml::from_str::<Yaml>(&text)
            .map(|v| {
                validator
                    .iter_errors(&to_json(v))
                    .map(|e| format!("{}: {e}", e.instance_path()))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(
            schema,
            loader,
            "{}: the schema {} it, the loader {} it ({why:?}; {:?})",
            path.display(),
            if schema { "accepts" } else { "rejects" },
            if loader { "accepts" } else { "rejects" },
            yaml::parse(&text).err()
        );
        compared += 1;
    }
    assert!(compared > 50, "{compared} compared");
}

#[test]
fn a_version_other_than_1_is_refused_by_both() {
    for text in ["version: 2\n", "version: 0\n"] {
        assert_eq!(errors(text), ["/version"], "{text:?}");
        let raw = yaml::parse(text).expect("parses");
        assert_ne!(
            raw.version,
            Some(1),
            "the loader refuses it when reading the file"
        );
    }
    assert_eq!(errors("version: 1\n"), Vec::<String>::new());
}

#[test]
fn unquoted_serials_are_accepted_by_both_with_a_warning() {
    for serial in ["0070", "1e3", "true", "~", "yes", "0x1F"] {
        let text = format!(
            "version: 1\nqueue:\n  - {{serial: {serial}, variant: a, stage: s, since: 2026-01-02, site: S}}\n"
        );
        assert_eq!(errors(&text), Vec::<String>::new(), "{serial}");
        let raw = yaml::parse(&text).expect("the loader reads it");
        let queue = raw.queue.as_ref().expect("a queue");
        assert_eq!(raw.serial(queue[0].serial), serial, "read as written");
        let warned = fleetdash::status::quoting::warnings("q.yaml", &text);
        assert_eq!(warned.len(), 1, "{serial}: {warned:?}");
        assert!(
            warned[0]
                .message
                .ends_with(&format!("quote it, `\"{serial}\"`"))
        );
    }
}
