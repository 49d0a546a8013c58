//! Issue 11's reproductions on the bundled sample (`config/status`), each with the value
//! worked out by hand from the status files.
//!
//! The sample on 2026-11-26: 2025 planned 20 (Griffon), 2026 planned grf-tt 44, grf-cp 16,
//! grf-amb 12 and jag 6; 70 delivered (68 Griffon, 2 Jaguar), 54 of them in 2026. 2026-11-26
//! is day 330 of 365.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::path::Path;
use std::process::Command;

use fleetdash::domain::forecast::{Finish, Forecast, Needed};
use fleetdash::domain::{Date, Figures, Programme};
use fleetdash::report;
use fleetdash::status::{Limits, Loader, Snapshot};

fn day(s: &str) -> Date {
    s.parse().expect("a valid date")
}

fn sample(today: Date) -> Snapshot {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status");
    let snapshot = Loader::new(vec![dir], Limits::default()).load(today);
    assert!(snapshot.problems.is_empty(), "{:?}", snapshot.problems);
    snapshot
}

fn programme(today: Date) -> Programme {
    (*sample(today).programme).clone()
}

#[test]
fn the_plan_to_date_of_the_families_adds_up_to_the_programme() {
    let today = day("2026-11-26");
    let f = Figures::compute(&programme(today), today);
    let y = f.current_year().expect("2026 is a programme year");
    // grf-tt floor(44 × 330 / 365) = floor(39.78) = 39, grf-cp floor(16 × 330 / 365) =
    // floor(14.47) = 14, grf-amb floor(12 × 330 / 365) = floor(10.85) = 10: Griffon 63;
    // jag floor(6 × 330 / 365) = floor(5.42) = 5. Rounding each row on its own gave 65 + 5
    // against 71.
    assert_eq!(y.planned_to_date_by_family, [63, 5]);
    assert_eq!(y.planned_to_date, Some(68.0));
    // The programme: 2025's 20 and 2026's 68; the families' schedules add up to it.
    assert_eq!(f.schedule.planned_to_date, 88.0);
    let families: f64 = f.family_schedules.iter().map(|s| s.planned_to_date).sum();
    assert_eq!(families, f.schedule.planned_to_date);
    let variants: f64 = f.variant_schedules.iter().map(|s| s.planned_to_date).sum();
    assert_eq!(variants, f.schedule.planned_to_date);
    assert_eq!(f.schedule.delivered_to_date, 70);
    assert_eq!(f.schedule.lead(), -18);
}

#[test]
fn the_report_and_the_screen_give_the_same_plan_to_date() {
    let today = day("2026-11-26");
    let r = report::build(&sample(today), today, 6);
    // The report said 90.5 where the screen said 91: both now count the 88 whole vehicles.
    assert_eq!(r.schedule.planned_to_date, Some(88));
    assert_eq!(r.total.planned_to_date, Some(88));
    let families: u32 = r
        .families
        .iter()
        .map(|f| f.counts.planned_to_date.unwrap_or(0))
        .sum();
    assert_eq!(families, 88);
    let md = report::render(&r, report::Format::Markdown, None).expect("markdown");
    assert!(
        md.contains("- Schedule: 70 delivered against 88 planned to date, 18 behind plan"),
        "{md}"
    );
    let screen = Command::new(env!("CARGO_BIN_EXE_fleetdash"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "print", "--view", "overview", "--width", "80", "--height", "24",
        ])
        .args(["--today", "2026-11-26"])
        .output()
        .expect("fleetdash print runs");
    let screen = String::from_utf8_lossy(&screen.stdout);
    assert!(
        screen.contains("70 delivered of 88 planned to date"),
        "{screen}"
    );
}

#[test]
fn the_finish_is_a_date_and_a_slip_in_months_that_holds_from_day_to_day() {
    // Griffon, 314 to come; each hand-over is spread over the 14 days since the previous
    // one. On 2026-11-26 the window is 2026-05-27 to 11-26, 184 days: the 31 vehicles
    // handed over in it, less the part of 2026-06-04's 2 spread before 05-27 (5 of its 14
    // days, from 05-22): 29 + 2 × 9 / 14 = 30.285714 counted. ceil(314 × 184 / 30.285714)
    // = 1908 days, 2032-02-16; 412 days after 2030-12-31, 13.5 months: 14 months late.
    // On 2026-12-01 the window is 06-02 to 12-01, 183 days: 29 + 2 × 3 / 14 = 29.428571,
    // 1953 days, 2032-04-06, 462 days, 15.2 months: 15. On 2026-12-05, 06-06 to 12-05:
    // 2026-06-04 has left and 2026-06-18's 3 keep 13 of their 14 days, 26 + 3 × 13 / 14 =
    // 28.785714, 1997 days, 2032-05-24, 510 days, 16.8 months: 17.
    //
    // Counting each hand-over whole on its day gave 12, 12, then 16 months: the two of
    // 06-04 left the window at once on 12-04. Spread, they leave a seventh of a vehicle a
    // day, and the slip moves by a month at most from one day to the next.
    for (today, counted, finish, slip) in [
        ("2026-11-26", 30_285_714, "2032-02-16", 14),
        ("2026-12-01", 29_428_571, "2032-04-06", 15),
        ("2026-12-05", 28_785_714, "2032-05-24", 17),
    ] {
        let f = Forecast::compute(&programme(day(today)), day(today), 6);
        let g = &f.families[0];
        assert_eq!(g.rate.counted_millionths, counted, "{today}");
        assert_eq!(g.finish, Finish::Projected(day(finish)), "{today}");
        assert_eq!(g.slip_months(), Some(slip), "{today}");
        assert_eq!(g.years_late(), Some(1), "{today}");
        assert_eq!(
            g.finish_month().as_deref(),
            Some(&*month_of(finish)),
            "{today}"
        );
    }
    // Every day between, with the files unchanged: the slip never moves by more than a
    // month, and the finish only later (the line has handed over nothing since 11-19).
    let mut previous: Option<(Date, i64)> = None;
    let mut today = day("2026-11-26");
    while today <= day("2026-12-05") {
        let f = Forecast::compute(&programme(today), today, 6);
        let g = &f.families[0];
        let Finish::Projected(finish) = g.finish else {
            panic!("{today}: {:?}", g.finish)
        };
        let slip = g.slip_months().expect("a plan");
        if let Some((before, slip_before)) = previous {
            assert!(finish >= before, "{today}: {finish} before {before}");
            assert!(
                (slip - slip_before).abs() <= 1,
                "{today}: {slip_before} to {slip}"
            );
        }
        previous = Some((finish, slip));
        today = today.succ_opt().expect("a next day");
    }

    let today = day("2026-11-26");
    let f = Forecast::compute(&programme(today), today, 6);
    assert_eq!(
        f.verdict(),
        "the last Griffon arrives in February 2032 at 5.0 a month, 14 months late"
    );
}

fn month_of(date: &str) -> String {
    fleetdash::domain::dates::month_and_year(day(date))
}

#[test]
fn the_jaguar_finish_rests_on_two_hand_overs_and_says_so() {
    let today = day("2026-11-26");
    let f = Forecast::compute(&programme(today), today, 6);
    let j = &f.families[1];
    // Jaguars were handed over on 2026-10-08 and 2026-11-05, one each: the window starts at
    // the first, 50 days; 58 to come, ceil(58 × 50 / 2) = 1450 days, 2030-11-15, 46 days
    // before the plan's end: on time (a month early).
    assert!(j.rate.clipped);
    assert_eq!(
        (j.rate.days, j.rate.delivered, j.rate.hand_overs),
        (50, 2, 2)
    );
    assert_eq!(j.finish, Finish::Projected(day("2030-11-15")));
    assert_eq!(j.slip_months(), Some(-1));
    assert!(j.rate.is_low_confidence());
    assert_eq!(
        j.rate.confidence_note().as_deref(),
        Some("low confidence: 2 hand-overs in 50 days")
    );
    // The Griffon's rests on 11 hand-over days in 184: not low.
    assert_eq!(f.families[0].rate.hand_overs, 11);
    assert!(!f.families[0].rate.is_low_confidence());
    let r = report::build(&sample(today), today, 6);
    assert_eq!(
        r.forecast.families[1].low_confidence.as_deref(),
        Some("low confidence: 2 hand-overs in 50 days")
    );
    assert_eq!(r.forecast.families[0].low_confidence, None);
}

#[test]
fn the_rate_needed_to_finish_on_plan_beside_the_actual_rate() {
    let today = day("2026-11-26");
    let f = Forecast::compute(&programme(today), today, 6);
    // From 2026-11-26 to 2030-12-31: 35 + 365 + 366 + 365 + 365 = 1496 days. Griffon: 314
    // in them, 314 × 30.4375 / 1496 = 6.39 a month, against 30.285714 × 30.4375 / 184 =
    // 5.01 (see above for the vehicles counted).
    let g = &f.families[0];
    assert_eq!(
        g.needed,
        Needed::Pace {
            vehicles: 314,
            days: 1496
        }
    );
    assert_eq!(g.pace_words(), "needs 6.4 a month, does 5.0");
    // Jaguar: 58 × 30.4375 / 1496 = 1.18, against 2 × 30.4375 / 50 = 1.22 (its first
    // hand-over's month, from 2026-09-09, lies in the window: counted whole). The
    // programme: 372 × 30.4375 / 1496 = 7.57, against 32.285714 × 30.4375 / 184 = 5.34.
    assert_eq!(
        f.pace(),
        "to finish on plan: Griffon needs 6.4 a month, does 5.0; \
         Jaguar needs 1.2 a month, does 1.2; programme needs 7.6 a month, does 5.3"
    );
    let r = report::build(&sample(today), today, 6);
    assert_eq!(r.forecast.families[0].needed_per_month, Some(6.39));
    assert_eq!(r.forecast.programme.needed_per_month, Some(7.57));
}

#[test]
fn the_programme_rate_shown_beside_its_date_gives_that_date() {
    let today = day("2026-11-26");
    let f = Forecast::compute(&programme(today), today, 6);
    let p = &f.programme;
    // The date is the Griffon's, 2032-02-16. The programme's own rate, 32.285714 counted
    // in 184 days (the Griffon's and the Jaguar's 2), would put the last of its 372 at
    // ceil(372 × 184 / 32.285714) = 2121 days, 2032-09-16: shown beside the Griffon's
    // date, it did not give it. The rate the finish rests on does.
    assert_eq!(p.finish, Finish::Projected(day("2032-02-16")));
    assert_eq!(p.rate.counted_millionths, 32_285_714);
    assert_eq!(p.rate.days_for(p.remaining()), Some(2121));
    assert_eq!(p.finish_rests_on.as_deref(), Some("Griffon"));
    assert_eq!(p.finish_rate, f.families[0].rate);
    assert_eq!(
        p.finish_rate.days_for(f.families[0].remaining()),
        Some((day("2032-02-16") - today).num_days())
    );
    let r = report::build(&sample(today), today, 6);
    let row = &r.forecast.programme;
    assert_eq!(row.finish.date.as_deref(), Some("2032-02-16"));
    assert_eq!(row.finish_rests_on.as_deref(), Some("Griffon"));
    assert_eq!(
        row.finish_rate_per_month,
        r.forecast.families[0].rate_per_month
    );
}

#[test]
fn a_year_that_beats_its_own_plan_still_shows_the_programme_behind() {
    let today = day("2026-11-26");
    let f = Forecast::compute(&programme(today), today, 6);
    let y2030 = f
        .programme
        .years
        .iter()
        .find(|y| y.year == 2030)
        .expect("2030 is a plan year");
    // 2030: 65 planned (Griffon 55, Jaguar 10), 73 projected (60 + 13): 8 more than the
    // year's own plan, which the Deliveries view called "over plan".
    assert_eq!((y2030.planned, y2030.projected), (65, 73));
    assert_eq!(y2030.difference(), 8);
    // By the end of 2030 the whole plan, 442, is due; 70 delivered plus what the rates add
    // (Griffon 5 + 60 + 61 + 60 + 60, Jaguar 1 + 15 + 14 + 15 + 13) is 374: 68 behind.
    assert_eq!((y2030.cum_planned, y2030.cum_projected), (442, 374));
    assert_eq!(y2030.position(), -68);
    let r = report::build(&sample(today), today, 6);
    let row = r
        .forecast
        .programme
        .years
        .iter()
        .find(|y| y.year == 2030)
        .expect("2030 in the report");
    assert_eq!((row.difference, row.position), (8, -68));
}
