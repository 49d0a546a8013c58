//! The report's `trend` section on the bundled sample, as of 2026-11-26: its points against
//! the forecast section and against the sample's deliveries.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use fleetdash::domain::Date;
use fleetdash::report::{self, Format, Report, Section};
use fleetdash::status::{Limits, Loader};

fn sample() -> Report {
    let today = Date::from_ymd_opt(2026, 11, 26).unwrap();
    let snapshot = Loader::new(vec!["config/status".into()], Limits::default()).load(today);
    report::build(&snapshot, today, 6)
}

#[test]
fn the_last_point_of_each_scope_is_the_forecast_section() {
    let r = sample();
    let t = &r.trend;
    assert_eq!(t.window_months, r.forecast.window_months);
    let forecasts = std::iter::once(&r.forecast.programme).chain(&r.forecast.families);
    for (s, f) in t.scopes.iter().zip(forecasts) {
        let last = s.points.last().unwrap();
        assert_eq!(last.day, "2026-11-26");
        assert!(!last.month_end);
        assert_eq!(last.finish, f.finish.status);
        assert_eq!(last.finish_date, f.finish.date);
        assert_eq!(last.slip_months, f.slip_months);
        assert_eq!(last.delivered, f.delivered);
        assert_eq!(last.low_confidence, f.low_confidence);
    }
    // Programme first, then the families in file order.
    let scopes: Vec<Option<&str>> = t.scopes.iter().map(|s| s.family.as_deref()).collect();
    assert_eq!(scopes, [None, Some("Griffon"), Some("Jaguar")]);
}

#[test]
fn month_ends_run_from_the_first_programme_year_and_add_up_to_the_deliveries() {
    let r = sample();
    let programme = &r.trend.scopes[0];
    // January 2025 to October 2026: 22 month-ends, then today.
    assert_eq!(programme.points.len(), 23);
    assert_eq!(programme.points[0].day, "2025-01-31");
    assert_eq!(programme.points[21].day, "2026-10-31");
    // The months' hand-overs add up to what was delivered by each day, and by today to
    // the schedule's delivered to date.
    let mut sum = 0;
    for p in &programme.points {
        sum += p.in_month;
        assert_eq!(sum, p.delivered, "{}", p.day);
    }
    assert_eq!(sum, r.schedule.delivered_to_date);
    // 2025's month-ends add up to the year's deliveries.
    let in_2025: u32 = programme.points[..12].iter().map(|p| p.in_month).sum();
    assert_eq!(in_2025, r.years[0].delivered);
}

#[test]
fn before_a_family_hands_over_it_has_no_finish_and_says_why() {
    let r = sample();
    let jaguar = &r.trend.scopes[2];
    // The first Jaguars were handed over on 2026-10-08.
    for p in jaguar
        .points
        .iter()
        .filter(|p| p.day.as_str() < "2026-10-08")
    {
        assert_eq!(p.finish, "not_started", "{}", p.day);
        assert_eq!(p.finish_date, None);
        assert_eq!(p.slip_months, None);
    }
    // While the Jaguar has not started, the programme cannot finish.
    let programme = &r.trend.scopes[0];
    for p in programme
        .points
        .iter()
        .filter(|p| p.delivered > 0 && p.day.as_str() < "2026-10-08")
    {
        assert_eq!(p.finish, "blocked", "{}", p.day);
    }
    // From 2026-10-31 it rests on two hand-overs: low confidence, said in words.
    let oct = jaguar
        .points
        .iter()
        .find(|p| p.day == "2026-10-31")
        .unwrap();
    assert_eq!(oct.finish, "projected");
    assert!(
        oct.low_confidence
            .as_deref()
            .unwrap()
            .starts_with("low confidence: "),
        "{oct:?}"
    );
    assert!(
        r.trend.movement[1].contains("no finish was projected on 2026-08-31"),
        "{:?}",
        r.trend.movement
    );
}

#[test]
fn every_format_carries_the_section() {
    let r = sample();
    let md = report::render(&r, Format::Markdown, Some(Section::Trend)).unwrap();
    assert!(
        md.starts_with("## Forecast trend\n\nGriffon: February 2032 on 2026-11-26"),
        "{md}"
    );
    let csv = report::render(&r, Format::Csv, Some(Section::Trend)).unwrap();
    let header = csv.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert_eq!(
        header,
        "scope,day,delivered,in_month,finish,finish_date,slip_months,rate_per_month,\
         needed_per_month,low_confidence"
    );
    let rows = csv.lines().count() - 1;
    assert_eq!(
        rows,
        r.trend.scopes.iter().map(|s| s.points.len()).sum::<usize>()
    );
    let json = report::render(&r, Format::Json, None).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["trend"]["scopes"][1]["planned_end"], "2030-12-31");
    let html = report::render(&r, Format::Html, Some(Section::Trend)).unwrap();
    assert!(html.contains("data-chart=\"trend\""));
}
