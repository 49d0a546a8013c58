//! `fleetdash report` on the bundled sample, as of 2026-11-26: a snapshot per format (and
//! per CSV table), the JSON against its documentation, and the command line end to end.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::fs;
use std::path::Path;
use std::process::Command;

use fleetdash::domain::Date;
use fleetdash::report::{self, Format, Report, Section};
use fleetdash::status::{Limits, Loader};

const SAMPLE: &str = "config/status";

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).unwrap()
}

fn report_of(sources: Vec<std::path::PathBuf>) -> Report {
    let snapshot = Loader::new(sources, Limits::default()).load(today());
    report::build(&snapshot, today(), 6)
}

fn sample() -> Report {
    report_of(vec![SAMPLE.into()])
}

#[test]
fn markdown() {
    let text = report::render(&sample(), Format::Markdown, None).unwrap();
    insta::assert_snapshot!("markdown", text);
}

#[test]
fn markdown_writes_one_section_when_asked() {
    let text = report::render(&sample(), Format::Markdown, Some(Section::Years)).unwrap();
    assert!(
        text.starts_with("## Deliveries per year\n\nPlanned to date counts whole vehicles"),
        "{text}"
    );
    assert!(text.contains("\n\n| Year |"), "{text}");
    assert_eq!(text.matches("## ").count(), 1);
}

#[test]
fn json() {
    let text = report::render(&sample(), Format::Json, None).unwrap();
    insta::assert_snapshot!("json", text);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], "fleetdash-report");
    assert_eq!(value["version"], 2);
}

#[test]
fn csv_tables() {
    let r = sample();
    for section in Section::ALL {
        let text = report::render(&r, Format::Csv, Some(section)).unwrap();
        let body = text
            .strip_prefix('\u{feff}')
            .expect("a CSV report starts with a byte-order mark");
        let widths: Vec<usize> = body.lines().map(csv_width).collect();
        // No field of the sample holds a line break, so every line has the header's width.
        assert!(
            widths.iter().all(|&w| w == widths[0]),
            "{}: {widths:?}",
            section.name()
        );
        insta::assert_snapshot!(format!("csv_{}", section.name()), body);
    }
}

/// The fields of one CSV line: its commas outside quotes, plus one.
fn csv_width(line: &str) -> usize {
    let mut quoted = false;
    let mut commas = 0;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            _ => {}
        }
    }
    commas + 1
}

/// Every key of the sample's JSON is documented in docs/REPORT.md, written `` `key` ``.
#[test]
fn every_json_field_is_documented() {
    fn keys(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    out.push(k.clone());
                    keys(v, out);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
            _ => {}
        }
    }
    let mut r = sample();
    // The sample has no problems; give it one so that a problem's fields are seen too.
    r.problems.push(report::ProblemRow {
        severity: "error",
        file: None,
        line: None,
        column: None,
        message: String::new(),
    });
    let value = serde_json::to_value(&r).unwrap();
    let mut found = Vec::new();
    keys(&value, &mut found);
    found.sort();
    found.dedup();
    let doc = fs::read_to_string("docs/REPORT.md").unwrap();
    let missing: Vec<&String> = found
        .iter()
        .filter(|k| !doc.contains(&format!("`{k}`")))
        .collect();
    assert!(missing.is_empty(), "undocumented JSON fields: {missing:?}");
}

/// Problems whose text needs quoting (CSV) or escaping (Markdown), built by hand so that
/// the snapshots do not follow the loader's wording.
#[test]
fn problems_are_quoted_and_escaped() {
    let mut r = sample();
    let problem = |severity, file: Option<&str>, line, column, message: &str| report::ProblemRow {
        severity,
        file: file.map(str::to_owned),
        line,
        column,
        message: message.to_owned(),
    };
    r.problems = vec![
        problem(
            "error",
            Some("config/status/queue, old.yaml"),
            Some(3),
            Some(25),
            "the variant `grf-t` is unknown; did you mean `grf-tt`?",
        ),
        problem(
            "warning",
            Some("plan.yaml"),
            Some(4),
            None,
            "the plan says \"40 | 42\", a *typo*?",
        ),
        problem(
            "error",
            None,
            None,
            None,
            "=HYPERLINK(\"http://example.com\")",
        ),
    ];
    let csv = report::render(&r, Format::Csv, Some(Section::Problems)).unwrap();
    insta::assert_snapshot!("problems_csv", csv.trim_start_matches('\u{feff}'));
    let md = report::render(&r, Format::Markdown, Some(Section::Problems)).unwrap();
    insta::assert_snapshot!("problems_markdown", md);

    if let Some(p) = r.programme.as_mut() {
        p.name = "CaMo | *Belgium*".into();
    }
    let md = report::render(&r, Format::Markdown, None).unwrap();
    assert!(
        md.starts_with("# CaMo \\| \\*Belgium\\*: figures for 2026-11-26\n"),
        "{md}"
    );
    assert!(md.contains("- Problems: 2 errors, 1 warning\n"), "{md}");
}

fn fleetdash(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_fleetdash"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn the_command_writes_the_report_of_the_config() {
    let out = fleetdash(&[
        "report",
        "--config",
        "config/fleetdash.yaml",
        "--today",
        "2026-11-26",
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{out:?}");
    let expected = report::render(&sample(), Format::Json, None).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
}

#[test]
fn the_command_honours_the_configs_forecast_window() {
    let dir = tempfile::tempdir().unwrap();
    let status = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
    let config = dir.path().join("fleetdash.yaml");
    fs::write(
        &config,
        format!(
            "status: [\"{}\"]\nforecast:\n  window_months: 12\n",
            status.display()
        ),
    )
    .unwrap();
    let out = fleetdash(&[
        "report",
        "--config",
        config.to_str().unwrap(),
        "--today",
        "2026-11-26",
        "--format",
        "csv",
        "--section",
        "forecast",
    ]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    // Twelve months back from 2026-11-26, plus a day.
    assert!(
        text.contains("\nTotal,442,70,372,2025-11-27,365,"),
        "{text}"
    );
}

#[test]
fn the_command_refuses_a_csv_without_a_table() {
    let out = fleetdash(&["report", "--today", "2026-11-26", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("choose it with --section"), "{err}");
    assert!(out.stdout.is_empty());
}
