//! The figures of `tests/fixtures/valid/one-file`, worked out by hand.
//!
//! The fixture, in short (programme years 2025–2027):
//!
//! | variant | family  | contracted | plan 2025 / 2026 / 2027 |
//! |---------|---------|-----------:|-------------------------|
//! | grf-tt  | Griffon | 10         | 2 / 5 / 3               |
//! | grf-amb | Griffon | 4          | 1 / 2 / 1               |
//! | jag     | Jaguar  | 4          | 0 / 2 / 2               |
//!
//! Deliveries: grf-tt 2 on 2025-09-10, 2 on 2026-02-05, 1 on 2026-09-17; grf-amb 1 on
//! 2025-11-20, 1 on 2026-05-14; jag 1 on 2026-06-30.
//!
//! Queue (stages hull, turret, acceptance, rework, in that order):
//! BE-GRF-0006 grf-tt hull, due 2026-08-01; BE-GRF-0007 grf-tt acceptance, on hold;
//! BE-GRF-0008 grf-amb rework, due 2026-06-30; BE-JAG-002 jag turret, due 2026-09-01;
//! BE-JAG-003 jag hull.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::path::Path;

use fleetdash::domain::figures::{planned_by, year_fraction};
use fleetdash::domain::{Counts, Date, Figures, Programme, Schedule, YearFigures};
use fleetdash::status::{Limits, Loader};

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd_opt(y, m, d).expect("a valid date")
}

/// The fixture, loaded as of 2026-11-26 (when every record in it is in the past).
fn programme() -> Programme {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/one-file");
    let snapshot = Loader::new(vec![dir], Limits::default()).load(day(2026, 11, 26));
    assert!(snapshot.problems.is_empty(), "{:?}", snapshot.problems);
    let p = (*snapshot.programme).clone();
    let ids: Vec<&str> = p.variants.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, ["grf-tt", "grf-amb", "jag"]);
    let stages: Vec<&str> = p.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(stages, ["hull", "turret", "acceptance", "rework"]);
    p
}

fn counts(
    contracted: u32,
    delivered: u32,
    per_stage: [u32; 4],
    on_hold: u32,
    overdue: u32,
) -> Counts {
    Counts {
        contracted,
        delivered,
        per_stage: per_stage.to_vec(),
        on_hold,
        overdue,
    }
}

#[track_caller]
fn assert_close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "{actual} is not {expected}"
    );
}

#[test]
fn variant_family_and_total_counts_on_2_july_2026() {
    let f = Figures::compute(&programme(), day(2026, 7, 2));

    // The 2026-09-17 delivery is after the day: not counted. BE-GRF-0008 was due 06-30.
    let tt = counts(10, 4, [1, 0, 1, 0], 1, 0);
    let amb = counts(4, 2, [0, 0, 0, 1], 0, 1);
    let jag = counts(4, 1, [1, 1, 0, 0], 0, 0);
    assert_eq!(f.variants, [tt.clone(), amb.clone(), jag.clone()]);

    assert_eq!(tt.in_assembly(), 2);
    assert_eq!(tt.not_started(), 4);
    assert_close(tt.percent_delivered(), 40.0);
    assert_eq!(amb.in_assembly(), 1);
    assert_eq!(amb.not_started(), 1);
    assert_close(amb.percent_delivered(), 50.0);
    assert_eq!(jag.in_assembly(), 2);
    assert_eq!(jag.not_started(), 1);
    assert_close(jag.percent_delivered(), 25.0);

    let griffon = counts(14, 6, [1, 0, 1, 1], 1, 1);
    assert_eq!(f.families, [griffon.clone(), jag.clone()]);
    assert_eq!(griffon.not_started(), 5);
    assert_close(griffon.percent_delivered(), 600.0 / 14.0);

    let total = counts(18, 7, [2, 1, 1, 1], 1, 1);
    assert_eq!(f.total, total);
    assert_eq!(f.total.in_assembly(), 5);
    assert_eq!(f.total.not_started(), 6);
}

#[test]
fn counts_on_26_november_2026() {
    let f = Figures::compute(&programme(), day(2026, 11, 26));
    // The 2026-09-17 delivery now counts; BE-GRF-0006 and BE-JAG-002 are now overdue too.
    assert_eq!(f.variants[0], counts(10, 5, [1, 0, 1, 0], 1, 1));
    assert_eq!(f.variants[0].not_started(), 3);
    assert_close(f.variants[0].percent_delivered(), 50.0);
    assert_eq!(f.variants[2], counts(4, 1, [1, 1, 0, 0], 0, 1));
    assert_eq!(f.total, counts(18, 8, [2, 1, 1, 1], 1, 3));
}

#[test]
fn years_on_2_july_2026() {
    let f = Figures::compute(&programme(), day(2026, 7, 2));
    // 2026-07-02 is day 183 of 365: 31 + 28 + 31 + 30 + 31 + 30 + 2. Of each variant's
    // 2026 plan, the vehicles due: grf-tt floor(5 × 183 / 365) = floor(2.507) = 2, grf-amb
    // floor(2 × 183 / 365) = floor(1.003) = 1, jag the same, 1: 4 for the year.
    let years: Vec<(i32, u32, u32, u32, u32)> = f
        .years
        .iter()
        .map(|y| {
            (
                y.year,
                y.planned,
                y.delivered,
                y.cum_planned,
                y.cum_delivered,
            )
        })
        .collect();
    assert_eq!(
        years,
        [(2025, 3, 3, 3, 3), (2026, 9, 4, 12, 7), (2027, 6, 0, 18, 7),]
    );
    assert_eq!(f.years[0].planned_to_date, None);
    assert_eq!(f.years[1].planned_to_date, Some(4.0));
    assert_eq!(f.years[2].planned_to_date, None);
    assert_eq!(f.years[1].planned_to_date_by_variant, [2, 1, 1]);
    assert_eq!(f.years[1].planned_to_date_by_family, [3, 1]);
    // A past year is due whole, a future one not at all.
    assert_eq!(f.years[0].planned_to_date_by_variant, [2, 1, 0]);
    assert_eq!(f.years[0].planned_to_date_by_family, [3, 0]);
    assert_eq!(f.years[2].planned_to_date_by_variant, [0, 0, 0]);
    assert_eq!(f.years[0].by_variant, [(2, 2), (1, 1), (0, 0)]);
    assert_eq!(f.years[1].by_variant, [(5, 2), (2, 1), (2, 1)]);
    assert_eq!(f.years[2].by_variant, [(3, 0), (1, 0), (2, 0)]);

    let current: &YearFigures = f.current_year().expect("2026 is a programme year");
    assert_eq!(current.year, 2026);

    // 2025 whole and 2026's due vehicles: 3 + 4 = 7; 7 delivered, so on plan.
    assert_eq!(f.schedule.planned_to_date, 7.0);
    assert_eq!(f.schedule.delivered_to_date, 7);
    assert_eq!(f.schedule.lead(), 0);
    // Per variant: grf-tt 2 + 2 planned, 2 + 2 delivered; grf-amb 1 + 1 and 1 + 1; jag 1
    // and 1 (2026-06-30). The families and the programme are their sums.
    let planned = |s: &[Schedule]| s.iter().map(|s| s.planned_to_date).collect::<Vec<_>>();
    let delivered = |s: &[Schedule]| s.iter().map(|s| s.delivered_to_date).collect::<Vec<_>>();
    assert_eq!(planned(&f.variant_schedules), [4.0, 2.0, 1.0]);
    assert_eq!(delivered(&f.variant_schedules), [4, 2, 1]);
    assert_eq!(planned(&f.family_schedules), [6.0, 1.0]);
    assert_eq!(delivered(&f.family_schedules), [6, 1]);
}

#[test]
fn years_on_26_november_2026() {
    let f = Figures::compute(&programme(), day(2026, 11, 26));
    // Day 330 of 365: 304 days to the end of October, plus 26. Due of the 2026 plan:
    // grf-tt floor(5 × 330 / 365) = floor(4.52) = 4, grf-amb floor(2 × 330 / 365) =
    // floor(1.81) = 1, jag 1: 6.
    assert_eq!(f.years[1].delivered, 5);
    assert_eq!(f.years[1].cum_delivered, 8);
    assert_eq!(f.years[2].cum_delivered, 8);
    assert_eq!(f.years[1].planned_to_date_by_variant, [4, 1, 1]);
    assert_eq!(f.years[1].planned_to_date_by_family, [5, 1]);
    assert_eq!(f.years[1].planned_to_date, Some(6.0));
    assert_eq!(f.schedule.planned_to_date, 3.0 + 6.0);
    assert_eq!(f.schedule.delivered_to_date, 8);
    assert_eq!(f.schedule.lead(), -1);
    // Griffon: 3 + 5 planned, 7 delivered; Jaguar: 1 and 1. They add up to the programme.
    let g = f.family_schedules[0];
    let j = f.family_schedules[1];
    assert_eq!((g.planned_to_date, g.delivered_to_date), (8.0, 7));
    assert_eq!((j.planned_to_date, j.delivered_to_date), (1.0, 1));
    assert_eq!(
        g.planned_to_date + j.planned_to_date,
        f.schedule.planned_to_date
    );
}

#[test]
fn a_vehicle_of_the_plan_is_due_once_its_share_of_the_year_has_passed() {
    // 12 a year: one by the end of each twelfth. 2026-01-31 is day 31: 12 × 31 / 365 =
    // 1.02, the first is due; on day 30, 0.99, none yet.
    assert_eq!(planned_by(12, day(2026, 1, 30)), 0);
    assert_eq!(planned_by(12, day(2026, 1, 31)), 1);
    // A single vehicle is due on the last day of its year, and not before.
    assert_eq!(planned_by(1, day(2026, 12, 30)), 0);
    assert_eq!(planned_by(1, day(2026, 12, 31)), 1);
    assert_eq!(
        planned_by(1, day(2028, 12, 31)),
        1,
        "a leap year's last day"
    );
    // 366 a leap year: one a day.
    assert_eq!(planned_by(366, day(2028, 2, 29)), 60);
    assert_eq!(planned_by(0, day(2026, 12, 31)), 0);
    // No overflow at the largest plan.
    assert_eq!(planned_by(u32::MAX, day(2026, 12, 31)), u32::MAX);
}

#[test]
fn schedule_before_and_after_the_programme() {
    let p = programme();
    let before = Figures::compute(&p, day(2024, 6, 1));
    assert_eq!(before.current_year(), None);
    assert_close(before.schedule.planned_to_date, 0.0);
    assert_eq!(before.schedule.delivered_to_date, 0);
    assert_eq!(before.schedule.lead(), 0);
    assert_eq!(before.total.delivered, 0);

    let after = Figures::compute(&p, day(2028, 3, 1));
    assert_eq!(after.current_year(), None);
    assert_eq!(after.schedule.planned_to_date, 18.0);
    assert_eq!(after.schedule.delivered_to_date, 8);
    assert_eq!(after.schedule.lead(), -10);
}

#[test]
fn year_fraction_counts_the_day_itself() {
    assert_close(year_fraction(day(2026, 1, 1)), 1.0 / 365.0);
    assert_close(year_fraction(day(2026, 7, 2)), 183.0 / 365.0);
    assert_close(year_fraction(day(2026, 12, 31)), 1.0);
    // 2028 is a leap year: 2 July is day 184 of 366.
    assert_close(year_fraction(day(2028, 7, 2)), 184.0 / 366.0);
}

#[test]
fn lead_rounds_to_whole_vehicles() {
    let lead = |planned_to_date: f64, delivered_to_date: u32| {
        Schedule {
            planned_to_date,
            delivered_to_date,
        }
        .lead()
    };
    assert_eq!(lead(7.0, 7), 0);
    assert_eq!(lead(7.5, 9), 2, "1.5 ahead rounds away from zero");
    assert_eq!(lead(7.6, 9), 1);
    assert_eq!(lead(10.4, 9), -1);
    assert_eq!(
        lead(9.5, 9),
        -1,
        "half a vehicle behind shows as one behind"
    );
    assert_eq!(lead(0.0, 0), 0);
    assert_eq!(lead(100.0, 40), -60);
}
