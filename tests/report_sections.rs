//! `report --section S` in every format holds that section and only it (issue 17: `--section
//! balance --format json` was refused). The expected headings, CSV headers and JSON keys
//! are written out here by hand, from docs/REPORT.md.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::process::Command;

use fleetdash::domain::Date;
use fleetdash::report::{self, Format, Report, Section};
use fleetdash::status::{Limits, Loader};
use serde_json::{Value, json};

fn sample() -> Report {
    let today = Date::from_ymd_opt(2026, 11, 26).unwrap();
    let snapshot = Loader::new(vec!["config/status".into()], Limits::default()).load(today);
    report::build(&snapshot, today, 6)
}

/// What every JSON report carries, in order.
const ALWAYS: [&str; 6] = [
    "format",
    "version",
    "today",
    "completeness",
    "files",
    "programme",
];

/// Per section: its name, its Markdown heading, the start of its CSV header, and the JSON
/// keys it adds to [`ALWAYS`], in order.
const SECTIONS: [(Section, &str, &str, &str, &[&str]); 14] = [
    (
        Section::Completeness,
        "completeness",
        "Completeness",
        "state,missing",
        &[],
    ),
    (
        Section::Variants,
        "variants",
        "Variants",
        "family,variant,name,contracted,delivered,stage:",
        &["stages", "variants"],
    ),
    (
        Section::Attributes,
        "attributes",
        "Variant attributes",
        "variant,name,attribute,value",
        &["variants"],
    ),
    (
        Section::Families,
        "families",
        "Families",
        "family,contracted,delivered,stage:",
        &["stages", "families", "total"],
    ),
    (
        Section::Queue,
        "queue",
        "Assembly queue",
        "stage,name,rework,vehicles,on_hold",
        &["queue"],
    ),
    (
        Section::Holds,
        "holds",
        "Holds by reason",
        "reason,vehicles,stages",
        &["queue"],
    ),
    (
        Section::Years,
        "years",
        "Deliveries per year",
        "year,planned,delivered,cum_planned",
        &["schedule", "years"],
    ),
    (
        Section::Forecast,
        "forecast",
        "Forecast",
        "family,contracted,delivered,remaining,window_from",
        &["forecast"],
    ),
    (
        Section::Outlook,
        "outlook",
        "Outlook per year",
        "family,year,planned,delivered,projected",
        &["forecast"],
    ),
    (
        Section::Trend,
        "trend",
        "Forecast trend",
        "scope,day,delivered,in_month",
        &["trend"],
    ),
    (
        Section::Balance,
        "balance",
        "Line of Balance",
        "scope,stage,point,planned_lead_days",
        &["balance"],
    ),
    (
        Section::Flow,
        "flow",
        "Flow",
        "stage,name,rework,in_progress",
        &["flow"],
    ),
    (
        Section::Problems,
        "problems",
        "Problems",
        "severity,file,line,column,message",
        &["problems"],
    ),
    (
        Section::Changes,
        "changes",
        "Changes",
        "date,change,variant,serial",
        &["changes"],
    ),
];

#[test]
fn the_list_covers_every_section() {
    let listed: Vec<Section> = SECTIONS.iter().map(|s| s.0).collect();
    assert_eq!(listed, Section::ALL);
    for (section, name, ..) in SECTIONS {
        assert_eq!(section.name(), name);
    }
}

#[test]
fn markdown_holds_the_section_alone() {
    let r = sample();
    for (section, _, heading, ..) in SECTIONS {
        let text = report::render(&r, Format::Markdown, Some(section)).unwrap();
        let headings: Vec<&str> = text.lines().filter(|l| l.starts_with('#')).collect();
        assert_eq!(headings, [format!("## {heading}")], "{text}");
    }
}

#[test]
fn csv_holds_the_section_alone() {
    let r = sample();
    for (section, _, _, header, _) in SECTIONS {
        let text = report::render(&r, Format::Csv, Some(section)).unwrap();
        let first = text
            .strip_prefix('\u{feff}')
            .unwrap()
            .lines()
            .next()
            .unwrap();
        assert!(first.starts_with(header), "{}: {first}", section.name());
    }
}

#[test]
fn html_holds_the_section_alone() {
    let r = sample();
    for (section, name, heading, ..) in SECTIONS {
        let text = report::render(&r, Format::Html, Some(section)).unwrap();
        assert_eq!(text.matches("<section ").count(), 1, "{name}");
        assert!(
            text.contains(&format!("id=\"{name}\">\n<h2>{heading}</h2>")),
            "{name}"
        );
    }
}

/// The top-level keys of a JSON text, in the order written.
fn top_keys(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            l.strip_prefix("  \"")?
                .split_once("\":")
                .map(|(k, _)| k.to_owned())
        })
        .collect()
}

/// `value` with `field` removed from each object of the array at `pointer`, or from the
/// object there.
fn without(mut value: Value, pointer: &str, field: &str) -> Value {
    match value.pointer_mut(pointer).unwrap() {
        Value::Array(items) => items.iter_mut().for_each(|i| {
            i.as_object_mut().unwrap().remove(field).unwrap();
        }),
        Value::Object(map) => {
            map.remove(field).unwrap();
        }
        other => panic!("{pointer}: {other}"),
    }
    value
}

/// `value` with each object of the array at `pointer` (or the object there) cut to `keep`.
fn only(mut value: Value, pointer: &str, keep: &[&str]) -> Value {
    let cut = |o: &mut Value| {
        o.as_object_mut()
            .unwrap()
            .retain(|k, _| keep.contains(&&**k))
    };
    match value.pointer_mut(pointer).unwrap() {
        Value::Array(items) => items.iter_mut().for_each(cut),
        o => cut(o),
    }
    value
}

#[test]
fn json_holds_the_section_alone_as_the_whole_report_has_it() {
    let r = sample();
    let whole: Value =
        serde_json::from_str(&report::render(&r, Format::Json, None).unwrap()).unwrap();
    for (section, name, _, _, keys) in SECTIONS {
        let text = report::render(&r, Format::Json, Some(section)).unwrap();
        let expected_keys: Vec<&str> = ALWAYS.iter().chain(keys).copied().collect();
        assert_eq!(top_keys(&text), expected_keys, "{name}");
        let part: Value = serde_json::from_str(&text).unwrap();
        for key in ALWAYS {
            assert_eq!(part[key], whole[key], "{name}: {key}");
        }
        // Each key as the whole report has it, but where two sections share one.
        for &key in keys {
            let w = whole[key].clone();
            let expected = match (section, key) {
                (Section::Variants, "variants") => without(w, "", "attributes"),
                (Section::Attributes, "variants") => {
                    only(w, "", &["id", "family", "name", "attributes"])
                }
                (Section::Queue, _) => without(w, "", "holds"),
                (Section::Holds, _) => json!({"holds": w["holds"]}),
                (Section::Forecast, _) => {
                    without(without(w, "/families", "years"), "/programme", "years")
                }
                (Section::Outlook, _) => {
                    let w = json!({"families": w["families"], "programme": w["programme"]});
                    only(
                        only(w, "/families", &["name", "years"]),
                        "/programme",
                        &["name", "years"],
                    )
                }
                _ => w,
            };
            assert_eq!(part[key], expected, "{name}: {key}");
        }
    }
}

#[test]
fn the_command_writes_any_section_in_json() {
    let out = Command::new(env!("CARGO_BIN_EXE_fleetdash"))
        .args(["report", "--today", "2026-11-26", "--format", "json"])
        .args(["--section", "balance"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let v: Value = serde_json::from_str(&String::from_utf8(out.stdout).unwrap()).unwrap();
    // The sample's hand-over point: 70 delivered against the plan to date, 88.
    let programme = &v["balance"]["scopes"][0];
    assert_eq!(programme["family"], Value::Null);
    let hand_over = programme["points"].as_array().unwrap().last().unwrap();
    assert_eq!(
        (&hand_over["passed"], &hand_over["line"]),
        (&json!(70), &json!(88))
    );
    assert!(v.get("variants").is_none() && v.get("forecast").is_none());
}
