//! The flow and trend charts of the HTML report: the cumulative flow diagram's bands (a
//! polygon per stage, a point per week on each edge) and the trend's points and bars against
//! the JSON's `flow` and `trend`, their captions' figures against the JSON's, values worked
//! out by hand from the status files and the flow fixture, and the words that stand in for a
//! chart when the data is missing.

use scraper::{ElementRef, Html};
use serde_json::Value;

use super::flow_fixture::{self, day, programme, snapshot, without_histories};
use super::{json, legend, page, same, sample, sel, text};
use fleetdash::report::{self, Report, Section};

fn fixture(p: fleetdash::domain::Programme, today: fleetdash::domain::Date) -> Report {
    report::build(&snapshot(p), today, 6)
}

/// `x,y x,y …` as points.
fn points(e: ElementRef, attr: &str) -> Vec<(f64, f64)> {
    e.value()
        .attr(attr)
        .unwrap()
        .split_whitespace()
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

/// The flow chart's bands, one per legend entry (a stage, in flow order): per week, the
/// band's top and bottom edges in pixels (y grows downwards).
fn bands(doc: &Html) -> Vec<Vec<(f64, f64)>> {
    let series = legend(doc, "flow");
    let polygons: Vec<ElementRef> = doc
        .select(&sel("figure[data-chart=flow] svg polygon"))
        .collect();
    assert_eq!(polygons.len(), series.len(), "a band per stage");
    series
        .iter()
        .map(|(name, colour)| {
            let mine: Vec<&ElementRef> = polygons
                .iter()
                .filter(|p| p.value().attr("fill") == Some(colour))
                .collect();
            assert_eq!(mine.len(), 1, "{name} {colour}");
            let at = points(*mine[0], "points");
            assert_eq!(at.len() % 2, 0, "{name}");
            let n = at.len() / 2;
            (0..n)
                .map(|i| {
                    let (top, bottom) = (at[i], at[2 * n - 1 - i]);
                    assert_eq!(top.0, bottom.0, "{name}: week {i}'s edges");
                    (top.1, bottom.1)
                })
                .collect()
        })
        .collect()
}

/// Heights in vehicles of `bands`, at `per_vehicle` pixels a vehicle.
fn heights(band: &[(f64, f64)], per_vehicle: f64) -> Vec<f64> {
    band.iter()
        .map(|(top, bottom)| (bottom - top) / per_vehicle)
        .collect()
}

#[test]
fn the_flow_chart_has_a_band_per_stage_and_a_point_per_week_to_scale() {
    let r = sample();
    let (doc, json) = (page(&r, None), json(&r));
    let weeks = json["flow"]["weeks"].as_array().unwrap();
    let stages = json["flow"]["stages"].as_array().unwrap();
    let bands = bands(&doc);
    assert_eq!(bands.len(), stages.len());
    // weeks × stages: every band has a point per week on each edge.
    for b in &bands {
        assert_eq!(b.len(), weeks.len());
    }
    // The legend names each stage in flow order.
    let names: Vec<String> = legend(&doc, "flow").into_iter().map(|s| s.0).collect();
    for (name, s) in names.iter().zip(stages) {
        assert!(name.starts_with(s["name"].as_str().unwrap()), "{name} {s}");
    }
    // The scale from the week with the most vehicles in assembly, then every band's
    // every week to it, to the pixel (each edge is rounded to a pixel).
    let total = |i: usize| -> u64 {
        weeks[i]["in_stage"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .sum()
    };
    let busiest = (0..weeks.len()).max_by_key(|&i| total(i)).unwrap();
    let base = bands.iter().map(|b| b[busiest].1).fold(0.0, f64::max);
    let roof = bands.iter().map(|b| b[busiest].0).fold(f64::MAX, f64::min);
    let per_vehicle = (base - roof) / total(busiest) as f64;
    for (k, b) in bands.iter().enumerate() {
        for (i, h) in heights(b, per_vehicle).iter().enumerate() {
            let v = weeks[i]["in_stage"][k].as_f64().unwrap();
            assert!(
                (h - v).abs() * per_vehicle <= 2.0,
                "{} week {i}: {h} for {v}",
                names[k]
            );
        }
    }
    // The main line's last stage lies on the axis; the bands stack without a gap.
    let acceptance = names
        .iter()
        .position(|n| n.contains("(acceptance)"))
        .unwrap();
    assert!(bands[acceptance].iter().all(|e| (e.1 - base).abs() < 0.5));
}

#[test]
fn the_flow_chart_on_the_fixture_is_the_hand_counted_one() {
    // tests/flow_fixture, weeks from Monday 2026-01-05. At the end of the first week (Sunday
    // 01-11) X1 and X2 are in Hull; at the end of the second (01-18) Q1 is in Hull (from
    // 01-12) and X1, X2 in Fit-out (from 01-12 and 01-15): 3. At the end of the last
    // (2026-03-02's week) Q3 in Hull and Q1 in Fit-out, Q2 without a history in none: 2.
    let r = fixture(programme(), flow_fixture::today());
    let doc = page(&r, Some(Section::Flow));
    let names: Vec<String> = legend(&doc, "flow").into_iter().map(|s| s.0).collect();
    assert_eq!(
        names,
        [
            "Hull (hull)",
            "Fit-out (fit)",
            "Tests (test)",
            "Rework (fix, off the main line)"
        ]
    );
    let bands = bands(&doc);
    assert!(bands.iter().all(|b| b.len() == 9), "9 weeks");
    let base = bands[2][0].1; // Tests: the main line's last, on the axis.
    let roof = |i: usize| bands.iter().map(|b| b[i].0).fold(f64::MAX, f64::min);
    // Two vehicles at the first week's end give the scale.
    let per_vehicle = (base - roof(0)) / 2.0;
    assert!(per_vehicle > 10.0, "{per_vehicle}");
    let near = |px: f64, vehicles: f64| (px - vehicles * per_vehicle).abs() <= 2.0;
    assert!(near(base - roof(1), 3.0), "3 in the second week");
    assert!(near(bands[1][1].1 - bands[1][1].0, 2.0), "2 in Fit-out");
    assert!(near(bands[0][1].1 - bands[0][1].0, 1.0), "1 in Hull");
    assert!(near(base - roof(8), 2.0), "2 in the last week");
    // The caption: 9 weeks from 2026-01-05, 3 handed over (2 on 02-02, 1 on 02-16), and
    // what the histories cover (one of three in assembly and one of three delivered have
    // none).
    let caption = text(
        doc.select(&sel("figure[data-chart=flow] figcaption"))
            .next()
            .unwrap(),
    );
    for words in [
        "each of 9 weeks",
        "from the week of 2026-01-05 to the week of 2026-03-02",
        "2 at the last week's end",
        "when 3 had been handed over",
        "histories for 4 of 6 vehicles",
    ] {
        assert!(caption.contains(words), "{words:?} in {caption:?}");
    }
}

#[test]
fn a_set_without_histories_says_so_instead_of_a_flow_chart() {
    let r = fixture(without_histories(programme()), flow_fixture::today());
    let doc = page(&r, None);
    assert_eq!(doc.select(&sel("figure[data-chart=flow]")).count(), 0);
    let missing = doc
        .select(&sel("section#flow p.missing[data-missing=flow]"))
        .next()
        .unwrap();
    assert_eq!(
        text(missing),
        "No cumulative flow chart: no stage histories in the status files: times in stage, \
         throughput of stages, work in progress over time, lead times and rework cannot be \
         computed."
    );
    // The rest of the page is drawn: the trend has its two month-ends (January's and
    // February's) and today.
    assert_eq!(doc.select(&sel("figure[data-chart=trend]")).count(), 1);
}

#[test]
fn fewer_than_two_month_ends_say_so_instead_of_a_trend_chart() {
    // On 2026-02-20 the plan's first year has one month-end behind it: 2026-01-31.
    let r = fixture(programme(), day(2026, 2, 20));
    let doc = page(&r, Some(Section::Trend));
    assert_eq!(doc.select(&sel("figure")).count(), 0);
    let missing = doc
        .select(&sel("p.missing[data-missing=trend]"))
        .next()
        .unwrap();
    assert!(
        text(missing).contains("only at 2026-01-31"),
        "{}",
        text(missing)
    );
    // An empty set has this year's month-ends (January to October 2026) but nothing
    // projected at any, and no plan to need a rate of.
    let empty = tempfile::tempdir().unwrap();
    let doc = page(&super::report_of(empty.path()), Some(Section::Trend));
    assert_eq!(doc.select(&sel("figure")).count(), 0);
    let missing: Vec<String> = doc.select(&sel("p.missing")).map(text).collect();
    assert_eq!(missing.len(), 2, "{missing:?}");
    assert!(
        missing[0].contains("at none of the 10 month-ends was a finish projected"),
        "{missing:?}"
    );
    assert!(
        missing[1].starts_with("No chart of the rate needed"),
        "{missing:?}"
    );
}

#[test]
fn every_caption_figure_is_the_jsons() {
    let r = sample();
    let (doc, json) = (page(&r, None), json(&r));
    let mut checked = 0;
    for e in doc.select(&sel("figcaption [data-field], p.missing [data-field]")) {
        let path = e.value().attr("data-field").unwrap();
        let value = json
            .pointer(&format!("/{}", path.replace('.', "/")))
            .unwrap_or_else(|| panic!("{path} is not in the JSON"));
        assert!(
            same(&text(e), value),
            "{path}: page {:?}, JSON {value}",
            text(e)
        );
        checked += 1;
    }
    for e in doc.select(&sel("figcaption [data-count]")) {
        let path = e.value().attr("data-count").unwrap();
        let items = json
            .pointer(&format!("/{}", path.replace('.', "/")))
            .and_then(Value::as_array)
            .unwrap_or_else(|| panic!("{path} is not an array of the JSON"));
        assert_eq!(text(e), items.len().to_string(), "{path}");
        checked += 1;
    }
    // Flow: the weeks, the first and last, the handed over, the coverage. Trend: the points,
    // the first and last month-ends, today, the window, the planned end.
    assert_eq!(checked, 11);
}

/// The trend chart's dots of `colour`: filled and hollow.
fn dots(doc: &Html, id: &str, colour: &str) -> (usize, usize) {
    let chart = format!("figure[data-chart={id}] svg");
    let filled = doc
        .select(&sel(&format!("{chart} circle[fill=\"{colour}\"]")))
        .count();
    let hollow = doc
        .select(&sel(&format!(
            "{chart} circle[fill=\"none\"][stroke=\"{colour}\"]"
        )))
        .count();
    (filled, hollow)
}

#[test]
fn the_trend_chart_has_a_dot_per_projected_month_end_of_each_family() {
    let r = sample();
    let (doc, json) = (page(&r, Some(Section::Trend)), json(&r));
    let scopes = json["trend"]["scopes"].as_array().unwrap();
    let series = legend(&doc, "trend");
    // Month-ends × families: each family's points are the programme's days.
    let days = |s: &Value| -> Vec<String> {
        s["points"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["day"].as_str().unwrap().to_owned())
            .collect()
    };
    for ((name, colour), s) in series.iter().zip(&scopes[1..]) {
        assert_eq!(s["family"], name.as_str());
        assert_eq!(days(s), days(&scopes[0]), "{name}");
        let projected: Vec<&Value> = s["points"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["finish"] == "projected")
            .collect();
        let low = projected
            .iter()
            .filter(|p| !p["low_confidence"].is_null())
            .count();
        assert_eq!(
            dots(&doc, "trend", colour),
            (projected.len() - low, low),
            "{name}"
        );
        let shown = doc
            .select(&sel(&format!("figcaption [data-projected=\"{name}\"]")))
            .next()
            .unwrap();
        assert_eq!(text(shown), projected.len().to_string());
    }
    assert_eq!(series.len(), scopes.len() - 1);
    // January 2025 (the plan's first year) to October 2026: 22 month-ends, then today.
    assert_eq!(days(&scopes[0]).len(), 23);
}

#[test]
fn the_rate_chart_has_a_bar_per_month_end_and_the_needed_rate() {
    let r = sample();
    let (doc, json) = (page(&r, Some(Section::Trend)), json(&r));
    let programme: Vec<&Value> = json["trend"]["scopes"][0]["points"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["month_end"] == true)
        .collect();
    assert_eq!(programme.len(), 22);
    let series = legend(&doc, "trend-rate");
    assert_eq!(series.len(), 2);
    let bars = super::bars(&doc, "trend-rate", &series[0].1);
    assert_eq!(bars.len(), programme.len());
    let line = doc
        .select(&sel(&format!(
            "figure[data-chart=trend-rate] svg polyline[stroke=\"{}\"]",
            series[1].1
        )))
        .next()
        .unwrap();
    let needed = points(line, "points");
    let with_needed = programme
        .iter()
        .filter(|p| !p["needed_per_month"].is_null())
        .count();
    assert_eq!(needed.len(), with_needed);
    assert_eq!(dots(&doc, "trend-rate", &series[1].1).0, with_needed);
    // By hand, from config/status/deliveries.yaml: October 2026 handed over 2 + 1 on 10-08
    // and 3 + 1 on 10-22, 7 vehicles; July 2025, the first two. On 2026-10-31, 63 of 442
    // were delivered: 379 left over the 50 months to the end of 2030, 7.58 a month.
    let october = bars[bars.len() - 1];
    let per_vehicle = october / 7.0;
    assert!((bars[6] - 2.0 * per_vehicle).abs() <= 1.5, "{bars:?}");
    assert!(bars[..6].iter().all(|&h| h == 0.0), "{bars:?}");
    // The axis's zero: the bars' bottom.
    let bottom = doc
        .select(&sel(&format!(
            "figure[data-chart=trend-rate] svg rect[fill=\"{}\"]",
            series[0].1
        )))
        .map(|e| {
            let n = |a: &str| e.value().attr(a).unwrap().parse::<f64>().unwrap();
            n("y") + n("height")
        })
        .fold(0.0, f64::max);
    let last = needed[needed.len() - 1];
    assert!(
        ((bottom - last.1) - 379.0 / 50.0 * per_vehicle).abs() <= 1.5,
        "{last:?} against {bottom} at {per_vehicle} a vehicle"
    );
    for (p, v) in programme.iter().zip(&bars) {
        assert!(
            same(&format!("{:.0}", v / per_vehicle), &p["in_month"]),
            "{p}"
        );
    }
}
