//! `fleetdash report --format html` on the bundled sample, as of 2026-11-26, read back with
//! an HTML parser: every figure on the page against the JSON report's, every chart's bars
//! and points against the figures they draw, nothing that reaches the network, and hostile
//! text from a status file shown as text. The flow and trend charts: `report_html/`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

mod flow_fixture;
#[path = "report_html/flow_trend.rs"]
mod flow_trend;

use std::path::Path;
use std::process::Command;

use fleetdash::domain::Date;
use fleetdash::report::{self, Format, Report, Section};
use fleetdash::status::{Limits, Loader};
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).unwrap()
}

fn report_of(status: &Path) -> Report {
    let snapshot = Loader::new(vec![status.to_path_buf()], Limits::default()).load(today());
    report::build(&snapshot, today(), 6)
}

fn sample() -> Report {
    report_of(Path::new("config/status"))
}

fn page(r: &Report, section: Option<Section>) -> Html {
    Html::parse_document(&report::render(r, Format::Html, section).unwrap())
}

fn json(r: &Report) -> Value {
    serde_json::from_str(&report::render(r, Format::Json, None).unwrap()).unwrap()
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text(e: ElementRef) -> String {
    e.text().collect::<String>().trim().to_owned()
}

/// `cell` shows `value`: the same number (to the decimals shown), text, or yes/blank.
fn same(cell: &str, value: &Value) -> bool {
    match value {
        Value::Number(n) => cell
            .trim_start_matches('+')
            .parse::<f64>()
            .is_ok_and(|c| (c - n.as_f64().unwrap()).abs() < 1e-9),
        Value::String(s) => cell == s,
        Value::Bool(b) => cell == if *b { "yes" } else { "" },
        Value::Null => cell.is_empty(),
        _ => false,
    }
}

#[test]
fn every_headline_figure_is_the_jsons() {
    let r = sample();
    let (doc, json) = (page(&r, None), json(&r));
    let mut checked = 0;
    for e in doc.select(&sel("header [data-field]")) {
        let path = e.value().attr("data-field").unwrap();
        let value = json
            .pointer(&format!("/{}", path.replace('.', "/")))
            .unwrap_or_else(|| panic!("{path} is not in the JSON"));
        let shown = e
            .value()
            .attr("data-value")
            .map_or_else(|| text(e), str::to_owned);
        assert!(same(&shown, value), "{path}: page {shown:?}, JSON {value}");
        checked += 1;
    }
    // The day, the completeness, five counts, the schedule's three, the verdict, the pace.
    assert_eq!(checked, 12);
}

#[test]
fn the_files_are_the_jsons() {
    let r = sample();
    let (doc, json) = (page(&r, None), json(&r));
    let shown: Vec<String> = doc.select(&sel("li[data-field=files]")).map(text).collect();
    let files: Vec<String> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(shown, files);
    assert!(
        files.contains(&"config/status/plan.yaml".to_owned()),
        "{files:?}"
    );
}

#[test]
fn every_table_cell_is_the_jsons() {
    let r = sample();
    let (doc, json) = (page(&r, None), json(&r));
    let mut checked = 0;
    // The tables whose rows are the items of a JSON array, in order (the families' last
    // row is the total).
    for (section, array) in [
        ("variants", "/variants"),
        ("families", "/families"),
        ("years", "/years"),
        ("queue", "/queue/stages"),
        ("holds", "/queue/holds"),
        ("problems", "/problems"),
    ] {
        let items = json.pointer(array).unwrap().as_array().unwrap();
        let rows: Vec<ElementRef> = doc
            .select(&sel(&format!("table[data-section={section}] tbody tr")))
            .collect();
        let extra = usize::from(section == "families");
        assert_eq!(rows.len(), items.len() + extra, "{section}");
        for (i, row) in rows.iter().enumerate() {
            let item = items.get(i).unwrap_or(&json["total"]);
            for td in row.select(&sel("td")) {
                let key = td.value().attr("data-key").unwrap();
                let value = item.get(key).or_else(|| {
                    // A stage's column of the counts tables.
                    item.get("per_stage")?
                        .as_array()?
                        .iter()
                        .find(|s| s["stage"] == key)
                        .map(|s| &s["vehicles"])
                });
                let Some(value) = value.filter(|v| !v.is_array()) else {
                    continue;
                };
                if section == "families" && i == items.len() && key == "family" {
                    assert_eq!(text(td), "Total");
                    continue;
                }
                assert!(same(&text(td), value), "{section} row {i} {key}: {value}");
                checked += 1;
            }
        }
    }
    assert!(checked > 250, "only {checked} cells checked");
}

/// The chart `id`'s legend: each series' name and colour.
fn legend(doc: &Html, id: &str) -> Vec<(String, String)> {
    doc.select(&sel(&format!(
        "figure[data-chart={id}] .legend [data-series]"
    )))
    .map(|e| {
        let v = e.value();
        (
            v.attr("data-series").unwrap().to_owned(),
            v.attr("data-colour").unwrap().to_owned(),
        )
    })
    .collect()
}

/// The heights of the chart's bars of `colour`, left to right.
fn bars(doc: &Html, id: &str, colour: &str) -> Vec<f64> {
    let mut bars: Vec<(f64, f64)> = doc
        .select(&sel(&format!(
            "figure[data-chart={id}] svg rect[fill=\"{colour}\"]"
        )))
        .map(|e| {
            let n = |a: &str| e.value().attr(a).unwrap().parse::<f64>().unwrap();
            (n("x"), n("height"))
        })
        .collect();
    bars.sort_by(|a, b| a.0.total_cmp(&b.0));
    bars.into_iter().map(|(_, h)| h).collect()
}

/// `heights` are `values` at one scale, to the pixel.
fn drawn_to_scale(heights: &[f64], values: &[u64], scale: f64) {
    assert_eq!(heights.len(), values.len());
    for (h, v) in heights.iter().zip(values) {
        assert!(
            (h - *v as f64 * scale).abs() <= 1.5,
            "{h} px for {v} at {scale}"
        );
    }
}

fn column(json: &Value, array: &str, key: &str) -> Vec<u64> {
    json.pointer(array)
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.pointer(key).unwrap().as_u64().unwrap())
        .collect()
}

#[test]
fn the_bar_charts_have_a_bar_per_figure_to_scale() {
    let r = sample();
    let (doc, json) = (page(&r, None), json(&r));
    for (id, array, keys) in [
        ("families", "/families", ["/contracted", "/delivered"]),
        ("years", "/years", ["/planned", "/delivered"]),
    ] {
        let series = legend(&doc, id);
        assert_eq!(series.len(), 2, "{id}");
        let plan = bars(&doc, id, &series[0].1);
        let values = column(&json, array, keys[0]);
        assert_eq!(plan.len(), values.len(), "{id}: {plan:?}");
        let max = values.iter().max().copied().unwrap() as f64;
        let scale = plan.iter().copied().fold(0.0, f64::max) / max;
        drawn_to_scale(&plan, &values, scale);
        drawn_to_scale(
            &bars(&doc, id, &series[1].1),
            &column(&json, array, keys[1]),
            scale,
        );
    }
}

/// The points of the chart's line of `colour`, and its dots.
fn line(doc: &Html, id: &str, colour: &str) -> (Vec<(f64, f64)>, usize) {
    let chart = format!("figure[data-chart={id}] svg");
    let lines: Vec<ElementRef> = doc
        .select(&sel(&format!("{chart} polyline[stroke=\"{colour}\"]")))
        .collect();
    assert_eq!(lines.len(), 1, "{id} {colour}");
    let points = lines[0]
        .value()
        .attr("points")
        .unwrap()
        .split_whitespace()
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect();
    let dots = doc
        .select(&sel(&format!("{chart} circle[fill=\"{colour}\"]")))
        .count();
    (points, dots)
}

#[test]
fn the_cumulative_chart_has_a_point_per_year_of_each_line() {
    let r = sample();
    let (doc, json) = (page(&r, None), json(&r));
    let series = legend(&doc, "cumulative");
    let names: Vec<&str> = series.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(
        names,
        [
            "planned, cumulative",
            "delivered, cumulative",
            "forecast at the current rate"
        ]
    );
    let plan = column(&json, "/years", "/cum_planned");
    let this_year = 2026;
    let actual: Vec<u64> = json["years"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|y| y["year"].as_i64().unwrap() <= this_year)
        .map(|y| y["cum_delivered"].as_u64().unwrap())
        .collect();
    let forecast = column(&json, "/forecast/programme/years", "/cum_projected");
    let (origin, top) = {
        let (points, dots) = line(&doc, "cumulative", &series[0].1);
        assert_eq!((points.len(), dots), (plan.len(), plan.len()));
        (points[0], points[plan.len() - 1])
    };
    // Pixels per vehicle, from the plan's first and last points (y grows downwards).
    let scale = (origin.1 - top.1) / (plan[plan.len() - 1] - plan[0]) as f64;
    let base = origin.1 + plan[0] as f64 * scale;
    for ((_, colour), values) in series.iter().zip([&plan, &actual, &forecast]) {
        let (points, dots) = line(&doc, "cumulative", colour);
        assert_eq!(points.len(), values.len(), "{colour}");
        assert_eq!(dots, values.len(), "{colour}");
        let heights: Vec<f64> = points.iter().map(|p| base - p.1).collect();
        drawn_to_scale(&heights, values, scale);
    }
    // The sample: deliveries in 2025 and 2026, the outlook from 2026 to the finish in 2032.
    assert_eq!((actual.len(), forecast.len()), (2, 7));
}

#[test]
fn nothing_on_the_page_reaches_the_network() {
    let html = report::render(&sample(), Format::Html, None).unwrap();
    let lower = html.to_lowercase();
    for bad in [
        "http", "//", "@import", "url(", "<script", "<link", "<img", "<iframe",
    ] {
        assert!(!lower.contains(bad), "the page holds `{bad}`");
    }
    let doc = Html::parse_document(&html);
    let loaders: Vec<_> = doc
        .select(&sel("[src], [href], [srcset], [action], [data]"))
        .map(|e| format!("{:?}", e.value()))
        .collect();
    assert!(loaders.is_empty(), "{loaders:?} load something");
    // The charts are drawn inline (families, years, forecast, the trend's two, the flow).
    assert_eq!(doc.select(&sel("figure.chart svg")).count(), 6);
}

#[test]
fn hostile_text_from_a_status_file_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    let status = dir.path().join("status");
    std::fs::create_dir(&status).unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status");
    let name = "<script>alert(1)</script> & \"CaMo\"";
    let reason = "<img src=x onerror=alert(2)>";
    for entry in std::fs::read_dir(&sample).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let text = text
            .replace("name: CaMo Belgium", &format!("name: '{name}'"))
            .replacen("waiting for SICS software release", reason, 1);
        std::fs::write(status.join(path.file_name().unwrap()), text).unwrap();
    }
    let r = report_of(&status);
    assert_eq!(r.programme.as_ref().unwrap().name, name);
    assert!(r.queue.holds.iter().any(|h| h.reason == reason));
    let doc = page(&r, None);
    assert_eq!(doc.select(&sel("script, img")).count(), 0);
    let h1 = doc.select(&sel("h1")).next().unwrap();
    assert_eq!(text(h1), name);
    let title = doc.select(&sel("title")).next().unwrap();
    assert!(text(title).starts_with(name), "{}", text(title));
    let reasons: Vec<String> = doc
        .select(&sel("table[data-section=holds] td[data-key=reason]"))
        .map(text)
        .collect();
    assert!(reasons.iter().any(|x| x == reason), "{reasons:?}");
}

#[test]
fn a_section_alone_is_its_block_with_the_day_and_the_files() {
    let r = sample();
    let doc = page(&r, Some(Section::Years));
    let sections: Vec<&str> = doc
        .select(&sel("section"))
        .map(|s| s.value().attr("id").unwrap())
        .collect();
    assert_eq!(sections, ["years"]);
    assert_eq!(doc.select(&sel("dl.headline")).count(), 0);
    assert_eq!(doc.select(&sel("figure[data-chart=years]")).count(), 1);
    assert_eq!(doc.select(&sel("figure.chart")).count(), 1);
    let day = doc.select(&sel("time[data-field=today]")).next().unwrap();
    assert_eq!(text(day), "2026-11-26");
    assert_eq!(
        doc.select(&sel("li[data-field=files]")).count(),
        r.files.len()
    );

    // The flow and the trend alone: their charts and nothing else's.
    for (section, charts) in [
        (Section::Flow, &["flow"][..]),
        (Section::Trend, &["trend", "trend-rate"][..]),
    ] {
        let doc = page(&r, Some(section));
        let shown: Vec<&str> = doc
            .select(&sel("figure.chart"))
            .map(|f| f.value().attr("data-chart").unwrap())
            .collect();
        assert_eq!(shown, charts, "{section:?}");
        assert_eq!(doc.select(&sel("section")).count(), 1);
    }

    // The queue alone shows its holds grouped by cause.
    let doc = page(&r, Some(Section::Queue));
    assert_eq!(
        doc.select(&sel("table[data-section=holds] tbody tr"))
            .count(),
        r.queue.holds.len()
    );
    assert!(!r.queue.holds.is_empty());
}

#[test]
fn the_command_writes_the_page() {
    let out = Command::new(env!("CARGO_BIN_EXE_fleetdash"))
        .args([
            "report",
            "--config",
            "config/fleetdash.yaml",
            "--today",
            "2026-11-26",
            "--format",
            "html",
            "--section",
            "families",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let expected = report::render(&sample(), Format::Html, Some(Section::Families)).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
}

#[test]
fn an_empty_status_set_gives_a_page_that_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let r = report_of(dir.path());
    let doc = page(&r, None);
    let state = doc
        .select(&sel("[data-field=\"completeness.state\"]"))
        .next()
        .unwrap();
    assert_eq!(state.value().attr("data-value"), Some("no_data"));
    assert_eq!(text(state), "NO DATA");
    // The charts are there: no bar, no plan or delivery, the forecast's years alone; the
    // trend (no month-end) and the flow (no history) say in words why they have no chart.
    assert_eq!(doc.select(&sel("figure.chart svg")).count(), 3);
    let missing: Vec<&str> = doc
        .select(&sel("p.missing"))
        .map(|p| p.value().attr("data-missing").unwrap())
        .collect();
    assert_eq!(missing, ["trend", "trend-rate", "flow"]);
    assert_eq!(doc.select(&sel("figure.chart svg rect")).count(), 0);
    assert_eq!(
        doc.select(&sel("figure.chart svg circle")).count(),
        r.forecast.programme.years.len()
    );
}

/// The trend's block: its sentences, then the milestone chart with a legend entry per
/// family, a dot per projected month-end, hollow where the rate rests on few hand-overs.
#[test]
fn the_trend_block_has_its_chart_and_its_table() {
    let r = sample();
    let doc = page(&r, Some(Section::Trend));
    let legend: Vec<String> = doc
        .select(&sel("figure[data-chart=\"trend\"] [data-series]"))
        .map(|e| e.value().attr("data-series").unwrap().to_owned())
        .collect();
    assert_eq!(legend, ["Griffon", "Jaguar"]);
    let projected: usize = r
        .trend
        .scopes
        .iter()
        .filter(|s| s.family.is_some())
        .map(|s| s.points.iter().filter(|p| p.finish == "projected").count())
        .sum();
    assert_eq!(
        doc.select(&sel("figure[data-chart=\"trend\"] svg circle"))
            .count(),
        projected
    );
    let rows = doc
        .select(&sel("table[data-section=\"trend\"] tbody tr"))
        .count();
    let points: usize = r.trend.scopes.iter().map(|s| s.points.len()).sum();
    assert_eq!(rows, points);
}

#[test]
fn the_balance_block_says_the_first_point_out_of_balance_as_the_json_does() {
    let r = sample();
    let j = json(&r);
    let warning = j["balance"]["warning"]
        .as_str()
        .expect("the sample has one");
    assert_eq!(
        warning,
        "Hull received (Griffon) is 7 vehicles short of what the deliveries due by March 2027 need"
    );
    for doc in [page(&r, None), page(&r, Some(Section::Balance))] {
        let said: Vec<String> = doc
            .select(&sel("#balance [data-key=balance-summary]"))
            .map(text)
            .collect();
        assert_eq!(said.len(), 1);
        assert!(said[0].starts_with(&format!("{warning}. ")), "{}", said[0]);
    }
}
