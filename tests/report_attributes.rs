//! A variant's free attributes reach every report format as the characters written:
//! `2.10` stays `2.10`, `0x1F` stays `0x1F`, `~` is empty (issue 12, item 6).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::fs;
use std::path::Path;
use std::process::Command;

use fleetdash::domain::Date;
use fleetdash::report::{self, Format, Section};
use fleetdash::status::{Limits, Loader};
use serde_json::{Value, json};

/// The attributes the sample gives `grf-tt`, as its programme file writes them.
const SAMPLE_ATTRIBUTES: &str =
    "      role: troop transport\n      weapon: FN deFNder remote weapon station\n";

/// What the test adds after them: values YAML would read as numbers or as null, and one a
/// spreadsheet would run.
const ADDED: &str = "      software: 2.10\n      calibre: 40.0\n      drawing: 1e3\n      \
                     part: 0x1F\n      spare: ~\n      note: \"=SUM(A1), then\"\n";

/// `grf-tt`'s attributes as they must come out, each value the characters written.
const EXPECTED: [(&str, &str); 8] = [
    ("role", "troop transport"),
    ("weapon", "FN deFNder remote weapon station"),
    ("software", "2.10"),
    ("calibre", "40.0"),
    ("drawing", "1e3"),
    ("part", "0x1F"),
    ("spare", ""),
    ("note", "=SUM(A1), then"),
];

/// A copy of the sample status set with the attributes added to `grf-tt`.
fn status_with_attributes() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir("config/status").unwrap() {
        let path = entry.unwrap().path();
        let mut text = fs::read_to_string(&path).unwrap();
        if path.file_name().unwrap() == "programme.yaml" {
            assert!(text.contains(SAMPLE_ATTRIBUTES));
            text = text.replacen(SAMPLE_ATTRIBUTES, &format!("{SAMPLE_ATTRIBUTES}{ADDED}"), 1);
        }
        fs::write(dir.path().join(path.file_name().unwrap()), text).unwrap();
    }
    dir
}

fn render(status: &Path, format: Format, section: Option<Section>) -> String {
    let today = Date::from_ymd_opt(2026, 11, 26).unwrap();
    let snapshot = Loader::new(vec![status.to_path_buf()], Limits::default()).load(today);
    assert!(snapshot.problems.is_empty(), "{:?}", snapshot.problems);
    report::render(&report::build(&snapshot, today, 6), format, section).unwrap()
}

fn expected_json() -> Value {
    EXPECTED
        .iter()
        .map(|(name, value)| json!({"name": name, "value": value}))
        .collect()
}

#[test]
fn the_json_carries_the_attributes_as_written() {
    let dir = status_with_attributes();
    for section in [None, Some(Section::Attributes)] {
        let text = render(dir.path(), Format::Json, section);
        let v: Value = serde_json::from_str(&text).unwrap();
        let grf_tt = &v["variants"][0];
        assert_eq!(grf_tt["id"], "grf-tt");
        assert_eq!(grf_tt["attributes"], expected_json(), "{section:?}");
        // Strings, never numbers or null.
        assert!(text.contains("\"value\": \"2.10\""), "{text}");
        assert!(text.contains("\"value\": \"\""), "{text}");
        // Another variant keeps its own two.
        assert_eq!(
            v["variants"][1]["attributes"],
            json!([{"name": "role", "value": "command post"},
                   {"name": "weapon", "value": "FN deFNder remote weapon station"}])
        );
    }
}

#[test]
fn the_csv_table_carries_them_with_the_formula_guard_and_the_bom() {
    let dir = status_with_attributes();
    let text = render(dir.path(), Format::Csv, Some(Section::Attributes));
    let body = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let lines: Vec<&str> = body.lines().take(9).collect();
    assert_eq!(
        lines,
        [
            "variant,name,attribute,value",
            "grf-tt,Griffon troop transport,role,troop transport",
            "grf-tt,Griffon troop transport,weapon,FN deFNder remote weapon station",
            "grf-tt,Griffon troop transport,software,2.10",
            "grf-tt,Griffon troop transport,calibre,40.0",
            "grf-tt,Griffon troop transport,drawing,1e3",
            "grf-tt,Griffon troop transport,part,0x1F",
            "grf-tt,Griffon troop transport,spare,",
            // Quoted for its comma, after an apostrophe so that a spreadsheet runs nothing.
            "grf-tt,Griffon troop transport,note,\"'=SUM(A1), then\"",
        ]
    );
}

#[test]
fn the_markdown_shows_them_per_variant() {
    let dir = status_with_attributes();
    let whole = render(dir.path(), Format::Markdown, None);
    let alone = render(dir.path(), Format::Markdown, Some(Section::Attributes));
    assert!(
        whole.contains(&alone),
        "the section alone is the whole report's"
    );
    let rows: Vec<&str> = alone
        .lines()
        .filter(|l| l.starts_with("| grf-tt "))
        .collect();
    assert_eq!(
        rows,
        [
            "| grf-tt | Griffon troop transport | role | troop transport |",
            "| grf-tt | Griffon troop transport | weapon | FN deFNder remote weapon station |",
            "| grf-tt | Griffon troop transport | software | 2.10 |",
            "| grf-tt | Griffon troop transport | calibre | 40.0 |",
            "| grf-tt | Griffon troop transport | drawing | 1e3 |",
            "| grf-tt | Griffon troop transport | part | 0x1F |",
            "| grf-tt | Griffon troop transport | spare |  |",
            "| grf-tt | Griffon troop transport | note | =SUM(A1), then |",
        ]
    );
}

#[test]
fn the_html_page_shows_them() {
    let dir = status_with_attributes();
    let page = render(dir.path(), Format::Html, None);
    let start = page
        .find("<table data-section=\"attributes\">")
        .expect("an attributes table");
    let table = &page[start..start + page[start..].find("</table>").unwrap()];
    for (name, value) in EXPECTED {
        let cells =
            format!("<td data-key=\"attribute\">{name}</td><td data-key=\"value\">{value}</td>");
        assert!(table.contains(&cells), "{cells} not in {table}");
    }
}

#[test]
fn a_set_without_attributes_says_so() {
    let dir = status_with_attributes();
    let programme = dir.path().join("programme.yaml");
    let text = fs::read_to_string(&programme).unwrap();
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("      ") && l.trim() != "attributes:")
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(&programme, without).unwrap();
    let md = render(dir.path(), Format::Markdown, Some(Section::Attributes));
    assert!(md.contains("\n\nNo variant has attributes.\n"), "{md}");
    let csv = render(dir.path(), Format::Csv, Some(Section::Attributes));
    assert_eq!(csv, "\u{feff}variant,name,attribute,value\n");
    let v: Value = serde_json::from_str(&render(dir.path(), Format::Json, None)).unwrap();
    assert_eq!(v["variants"][0]["attributes"], json!([]));
}

#[test]
fn the_command_writes_the_attributes_table() {
    let dir = status_with_attributes();
    let out = Command::new(env!("CARGO_BIN_EXE_fleetdash"))
        .args(["report", "--today", "2026-11-26", "--format", "csv"])
        .args(["--section", "attributes"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("\ngrf-tt,Griffon troop transport,part,0x1F\n"),
        "{text}"
    );
}
