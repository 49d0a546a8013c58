//! `fleetdash report --section changes`: the week's changes from the bundled sample's files
//! in every format, `--since` and its default, and the refusals, run as the binary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::process::{Command, Output};

fn fleetdash(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fleetdash"))
        .args([
            "report",
            "--config",
            "config/fleetdash.yaml",
            "--today",
            "2026-11-26",
        ])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The CSV rows (without the header) as (date, change, serial or serials).
fn rows(csv: &str) -> Vec<(String, String, String)> {
    csv.trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            let who = if f[1] == "handed_over" { f[7] } else { f[3] };
            (f[0].to_owned(), f[1].to_owned(), who.to_owned())
        })
        .collect()
}

/// The sample's queue vehicles whose `since` is 2026-11-19 or later, and its two
/// hand-overs of 2026-11-19, read off the files by hand; oldest first, on one day moves
/// before hand-overs, each in file order (queue-roanne.yaml before queue-seraing.yaml).
/// A vehicle whose history holds only its current stage entered the line that day.
fn week() -> Vec<(String, String, String)> {
    [
        ("2026-11-19", "moved", "BE-GRF-0094"),
        ("2026-11-19", "moved", "BE-GRF-0097"),
        ("2026-11-19", "handed_over", "BE-GRF-0066 BE-GRF-0067"),
        ("2026-11-19", "handed_over", "BE-GRF-0068"),
        ("2026-11-20", "moved", "BE-GRF-0080"),
        ("2026-11-20", "entered", "BE-GRF-0099"),
        ("2026-11-23", "moved", "BE-GRF-0076"),
        ("2026-11-23", "moved", "BE-JAG-006"),
        ("2026-11-24", "entered", "BE-JAG-010"),
        ("2026-11-24", "moved", "BE-GRF-0084"),
        ("2026-11-25", "entered", "BE-GRF-0100"),
    ]
    .map(|(a, b, c)| (a.to_owned(), b.to_owned(), c.to_owned()))
    .to_vec()
}

#[test]
fn the_week_since_a_day_in_csv() {
    let out = fleetdash(&[
        "--section",
        "changes",
        "--since",
        "2026-11-19",
        "--format",
        "csv",
    ]);
    let text = stdout(&out);
    assert!(
        text.trim_start_matches('\u{feff}')
            .starts_with("date,change,variant,serial,from,to,quantity,serials\n"),
        "{text}"
    );
    assert_eq!(rows(&text), week());
}

#[test]
fn since_defaults_to_seven_days_before_today() {
    let given = stdout(&fleetdash(&[
        "--section",
        "changes",
        "--since",
        "2026-11-19",
        "--format",
        "csv",
    ]));
    let default = stdout(&fleetdash(&["--section", "changes", "--format", "csv"]));
    assert_eq!(given, default);
}

#[test]
fn a_later_day_keeps_only_what_came_after_it() {
    let text = stdout(&fleetdash(&[
        "--section",
        "changes",
        "--since",
        "2026-11-24",
        "--format",
        "csv",
    ]));
    let later: Vec<_> = week()
        .into_iter()
        .filter(|r| r.0.as_str() >= "2026-11-24")
        .collect();
    assert_eq!(later.len(), 3);
    assert_eq!(rows(&text), later);
}

#[test]
fn the_week_in_json_markdown_and_html() {
    let json = stdout(&fleetdash(&[
        "--section",
        "changes",
        "--since",
        "2026-11-19",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["format"], "fleetdash-report");
    assert_eq!(v["changes"]["since"], "2026-11-19");
    assert_eq!(v["changes"]["until"], "2026-11-26");
    let changes = v["changes"]["changes"].as_array().unwrap();
    assert_eq!(changes.len(), week().len());
    // Its history: hull, kit, then comms on 2026-11-19.
    assert_eq!(
        changes[0]["text"],
        "BE-GRF-0094 Variant kit and interior → Communications"
    );
    assert_eq!(changes[0]["from"], "kit");
    assert_eq!(changes[2]["quantity"], 2);
    // What the files cannot tell is said.
    let untold = v["changes"]["untold"].as_array().unwrap();
    assert!(
        untold
            .iter()
            .any(|u| u.as_str().unwrap().contains("do not date holds"))
    );
    // The whole JSON carries the section too.
    let whole: serde_json::Value =
        serde_json::from_str(&stdout(&fleetdash(&["--format", "json"]))).unwrap();
    assert_eq!(whole["changes"], v["changes"]);

    let md = stdout(&fleetdash(&[
        "--section",
        "changes",
        "--since",
        "2026-11-19",
    ]));
    assert!(md.starts_with("## Changes\n\nFrom the files:"), "{md}");
    assert!(
        md.contains("| 2026-11-25 | entered | grf-eng | BE-GRF-0100 |  | hull |  |  |"),
        "{md}"
    );
    assert!(md.contains("- The files do not date holds"), "{md}");

    let html = stdout(&fleetdash(&[
        "--section",
        "changes",
        "--since",
        "2026-11-19",
        "--format",
        "html",
    ]));
    assert!(
        html.contains("<section class=\"block\" id=\"changes\">"),
        "{html}"
    );
    assert_eq!(
        html.matches("<td data-key=\"change\">").count(),
        week().len()
    );
    assert!(html.contains("<li>The files do not date holds"), "{html}");
}

#[test]
fn since_after_today_or_malformed_is_refused() {
    let out = fleetdash(&["--section", "changes", "--since", "2026-11-27"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("--since 2026-11-27 is after today (2026-11-26)"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    for bad in ["19/11/2026", "2026-11-31", "last week"] {
        let out = fleetdash(&["--section", "changes", "--since", bad]);
        assert!(!out.status.success(), "{bad}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(&format!("`{bad}` is not a date")), "{err}");
    }
}
