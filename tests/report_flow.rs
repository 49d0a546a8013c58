//! `report --section flow` and the flow figures in the JSON, on the hand-built programme of
//! tests/flow_fixture (figures worked out by hand in tests/flow.rs): every format, the
//! bottleneck named by Little's law in the queue and the headline, the measured lead times
//! in the Line of Balance, and a set without histories saying what it cannot compute.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

mod flow_fixture;

use fleetdash::report::{self, Format, Section};
use flow_fixture::{programme, snapshot, today, without_histories};

fn json(p: fleetdash::domain::Programme) -> serde_json::Value {
    let r = report::build(&snapshot(p), today(), 6);
    serde_json::from_str(&report::render(&r, Format::Json, None).unwrap()).unwrap()
}

#[test]
fn the_json_carries_the_flow_figures() {
    let j = json(programme());
    let f = &j["flow"];
    assert_eq!(f["bottleneck"]["stage"], "fit");
    assert_eq!(f["bottleneck"]["stalled"], false);
    assert_eq!(j["queue"]["bottleneck"], "fit");
    assert_eq!(f["lead_time"]["median_days"], 28.0);
    assert_eq!(f["lead_time"]["vehicles"], 2);
    assert_eq!(f["rework"]["rate"], 0.5);
    assert_eq!(f["rework"]["passed_acceptance"], 2);
    assert_eq!(f["queue_without_history"], 1);
    assert_eq!(f["delivered_without_history"], 1);
    let hull = &f["stages"][0];
    assert_eq!(hull["days_in_stage"]["median_days"], 10.0);
    assert_eq!(hull["days_in_stage"]["p85_days"], 28);
    assert_eq!(hull["in_progress"], 2);
    assert_eq!(hull["oldest_days"], 12);
    assert_eq!(hull["leaving"]["weekly_trend"], "falling");
    assert_eq!(
        hull["leaving"]["monthly"][0],
        serde_json::json!(["2026-01", 2])
    );
    assert_eq!(hull["clear_days"], 30.3);
    assert_eq!(
        f["stages"][3]["clear_days"],
        serde_json::Value::Null,
        "rework"
    );
    let weeks = f["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 9);
    assert_eq!(weeks[0]["week"], "2026-01-05");
    assert_eq!(weeks[0]["in_stage"], serde_json::json!([2, 0, 0, 0]));
    assert_eq!(weeks[4]["handed_over"], 2);
    // The Line of Balance's family scope uses the measured lead times.
    let rover = &j["balance"]["scopes"][1]["points"];
    assert_eq!(rover[0]["measured_lead_days"], 28);
    assert_eq!(rover[1]["measured_lead_days"], 20);
    assert_eq!(rover[2]["measured_lead_days"], 14);
    // No planned lead time in the files: the measured ones draw the lines (Hull: today plus
    // 28 days), and no lead time is missing.
    assert!(rover[0]["line"].is_u64(), "{rover}");
    assert_eq!(rover[0]["due_by"], "2026-04-01");
    let missing = j["balance"]["missing"].as_array().unwrap();
    assert!(
        !missing
            .iter()
            .any(|m| m.as_str().unwrap().contains("lead time")),
        "{missing:?}"
    );
}

#[test]
fn without_histories_the_figures_are_null_and_missing_says_why() {
    let j = json(without_histories(programme()));
    let f = &j["flow"];
    assert_eq!(f["bottleneck"], serde_json::Value::Null);
    assert_eq!(f["lead_time"], serde_json::Value::Null);
    assert_eq!(f["rework"], serde_json::Value::Null);
    assert_eq!(f["stages"][0]["days_in_stage"], serde_json::Value::Null);
    assert_eq!(f["stages"][0]["leaving"], serde_json::Value::Null);
    assert_eq!(f["stages"][0]["in_progress"], 2);
    assert!(f["weeks"].as_array().unwrap().is_empty());
    assert!(
        f["missing"][0]
            .as_str()
            .unwrap()
            .starts_with("no stage histories"),
        "{f}"
    );
    // The queue's bottleneck falls back to the longest median wait: Fit-out's Q1, 23 days.
    assert_eq!(j["queue"]["bottleneck"], "fit");
    assert_eq!(j["queue"]["stages"][1]["median_days"], 23.0);
}

#[test]
fn csv_markdown_and_html_hold_the_flow_table() {
    let r = report::build(&snapshot(programme()), today(), 6);
    let csv = report::render(&r, Format::Csv, Some(Section::Flow)).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with("stage,name,rework,in_progress,oldest_days,median_days,p85_days,mean_days,stays,vehicles,per_week,weekly_trend,little_expected_wip,clear_days,bottleneck"));
    assert_eq!(
        lines[1],
        "hull,Hull,false,2,12,10.0,28,15.0,3,3,0.23,falling,0.49,30.3,false"
    );
    assert_eq!(
        lines[2],
        "fit,Fit-out,false,1,23,6.0,7,6.0,2,2,0.15,falling,0.13,45.5,true"
    );
    // Three hand-overs in the 13 weeks: 0.23 a week.
    assert_eq!(
        lines[5],
        ",Hand-over (lead time),false,,,28.0,28,28.0,2,2,0.23,rising,,,false"
    );
    let md = report::render(&r, Format::Markdown, None).unwrap();
    assert!(
        md.contains("- Bottleneck (Little's law): Fit-out (fit), 1 in progress, 0.2 leave a week"),
        "{md}"
    );
    assert!(
        md.contains("## Flow\n\nBottleneck by Little's law: Fit-out (fit)"),
        "{md}"
    );
    let html = report::render(&r, Format::Html, Some(Section::Flow)).unwrap();
    assert!(html.contains("<table data-section=\"flow\">"), "{html}");
    assert!(
        html.contains("<td data-key=\"clear_days\" class=\"num\">45.5</td>"),
        "{html}"
    );
}
