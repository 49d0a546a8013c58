//! The Line of Balance worked out by hand on a textbook case, and on the bundled sample.
//!
//! The textbook case: one family (`Tank`), one variant `t` planned 12 in 2026 and 24 in
//! 2027; three control points A, B, C (then hand-over) with planned lead times of 90, 60
//! and 30 days; a rework stage. Today is 2026-06-30, day 181 of 2026.
//!
//! The plan to date of a year of `n` is `floor(n × day of the year / 365)`:
//!
//! | point     | lead | due by     | day of 2026 | line = floor(12 × day / 365)  |
//! |-----------|-----:|------------|------------:|-------------------------------|
//! | A         |   90 | 2026-09-28 |         271 | 3252 / 365 = 8.91 → 8         |
//! | B         |   60 | 2026-08-29 |         241 | 2892 / 365 = 7.92 → 7         |
//! | C         |   30 | 2026-07-30 |         211 | 2532 / 365 = 6.94 → 6         |
//! | hand-over |    0 | 2026-06-30 |         181 | 2172 / 365 = 5.95 → 5         |
//!
//! Progress: 4 delivered; in the queue 2 at A, 1 at B, 1 at C, 1 in rework. A vehicle has
//! passed a point when it is in that stage or a later one; one in rework has passed every
//! point before C (the last), not C:
//!
//! | point     | progress                       | gap |
//! |-----------|--------------------------------|----:|
//! | A         | 4 + 2 + 1 + 1 + 1 (rework) = 9 |  +1 |
//! | B         | 4 + 1 + 1 + 1 (rework) = 7     |   0 |
//! | C         | 4 + 1 = 5                      |  −1 |
//! | hand-over | 4                              |  −1 |
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::path::Path;

use fleetdash::domain::balance::{self, LeadTime, Measured, objective};
use fleetdash::domain::{
    Date, Delivery, Family, FamilyId, Figures, Info, Origin, PlanEntry, Programme, SiteId, Stage,
    StageId, Variant, VariantId, Vehicle,
};
use fleetdash::status::{Limits, Loader};

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd_opt(y, m, d).expect("a valid date")
}

fn stage(id: &str, rework: bool) -> Stage {
    Stage {
        id: id.into(),
        name: id.into(),
        families: Vec::new(),
        rework,
    }
}

fn vehicle(n: u32, stage: u32) -> Vehicle {
    Vehicle {
        serial: format!("T-{n:03}").as_str().into(),
        variant: VariantId(0),
        stage: StageId(stage),
        since: day(2026, 6, 1),
        due: None,
        site: SiteId(0),
        lot: None,
        hold: None,
        history: Default::default(),
        origin: Origin::default(),
    }
}

fn textbook() -> Programme {
    let lead = |d| LeadTime {
        all: Some(d),
        families: Vec::new(),
    };
    Programme {
        info: Some(Info {
            name: "Textbook".into(),
            first_year: 2026,
            last_year: 2027,
            ..Info::default()
        }),
        families: vec![Family {
            name: "Tank".into(),
        }],
        variants: vec![Variant {
            id: "t".into(),
            family: FamilyId(0),
            name: "Tank".into(),
            contracted: 36,
            attributes: Vec::new(),
        }],
        stages: vec![
            stage("A", false),
            stage("B", false),
            stage("C", false),
            stage("rework", true),
        ],
        lead_times: vec![lead(90), lead(60), lead(30)],
        sites: vec!["Plant".into()],
        plan: vec![
            PlanEntry {
                year: 2026,
                variant: VariantId(0),
                quantity: 12,
            },
            PlanEntry {
                year: 2027,
                variant: VariantId(0),
                quantity: 24,
            },
        ],
        queue: vec![
            vehicle(5, 0),
            vehicle(6, 0),
            vehicle(7, 1),
            vehicle(8, 2),
            vehicle(9, 3),
        ]
        .into(),
        deliveries: vec![Delivery {
            date: day(2026, 5, 15),
            variant: VariantId(0),
            quantity: 4,
            serials: Vec::new(),
            histories: Box::default(),
            origin: Origin::default(),
        }]
        .into(),
        ..Programme::default()
    }
}

/// (progress, line, gap) per point, hand-over last.
fn rows(b: &balance::Balance) -> Vec<(u32, Option<u32>, Option<i64>)> {
    b.points
        .iter()
        .map(|p| (p.progress, p.line, p.gap()))
        .collect()
}

#[test]
fn textbook_case_progress_line_and_gap_per_point() {
    let s = balance::study(&textbook(), day(2026, 6, 30), &Measured::default());
    let tank = &s.families[0];
    assert_eq!(
        rows(tank),
        [
            (9, Some(8), Some(1)),
            (7, Some(7), Some(0)),
            (5, Some(6), Some(-1)),
            (4, Some(5), Some(-1)),
        ]
    );
    let due: Vec<_> = tank.points.iter().map(|p| p.due_by).collect();
    assert_eq!(
        due,
        [
            Some(day(2026, 9, 28)),
            Some(day(2026, 8, 29)),
            Some(day(2026, 7, 30)),
            Some(day(2026, 6, 30)),
        ]
    );
    // One family: the programme's rows are the family's.
    assert_eq!(rows(&s.programme), rows(tank));
    assert!(s.missing.lead_times.is_empty() && !s.missing.plan && s.missing.histories);
}

#[test]
fn the_first_point_short_is_named_with_the_month_its_deliveries_are_due() {
    let p = textbook();
    let s = balance::study(&p, day(2026, 6, 30), &Measured::default());
    let w = s.warning(None).expect("C is short");
    assert_eq!(w.stage, Some(StageId(2)));
    assert_eq!(
        w.sentence(&p),
        "C is 1 vehicle short of what the deliveries due by July 2026 need"
    );
}

#[test]
fn a_lead_time_across_the_new_year_takes_the_next_years_plan() {
    // A at 200 days: due 2027-01-16, day 16 of 2027: all 12 of 2026 and
    // floor(24 × 16 / 365) = floor(1.05) = 1 of 2027, so 13; progress 9, gap −4.
    let mut p = textbook();
    p.lead_times[0].all = Some(200);
    let s = balance::study(&p, day(2026, 6, 30), &Measured::default());
    let a = &s.families[0].points[0];
    assert_eq!(
        (a.due_by, a.line, a.gap()),
        (Some(day(2027, 1, 16)), Some(13), Some(-4))
    );
    let w = s.warning(None).expect("A is short");
    assert_eq!(
        w.sentence(&p),
        "A is 4 vehicles short of what the deliveries due by January 2027 need"
    );
}

#[test]
fn without_lead_times_only_hand_over_has_a_line_and_the_gaps_are_named() {
    let mut p = textbook();
    p.lead_times.clear();
    let s = balance::study(&p, day(2026, 6, 30), &Measured::default());
    assert_eq!(
        rows(&s.families[0]),
        [
            (9, None, None),
            (7, None, None),
            (5, None, None),
            (4, Some(5), Some(-1))
        ]
    );
    let f = FamilyId(0);
    assert_eq!(
        s.missing.lead_times,
        [(StageId(0), f), (StageId(1), f), (StageId(2), f)]
    );
    // Hand-over is short: its sentence names it, due today.
    assert_eq!(
        s.warning(None).map(|w| w.sentence(&p)).as_deref(),
        Some("Hand-over is 1 vehicle short of what the deliveries due by June 2026 need")
    );
}

#[test]
fn a_measured_lead_time_stands_in_where_no_plan_gives_one() {
    let mut p = textbook();
    p.lead_times[1].all = None;
    let measured = Measured {
        days: vec![(StageId(1), FamilyId(0), 60), (StageId(0), FamilyId(0), 75)],
    };
    let s = balance::study(&p, day(2026, 6, 30), &measured);
    let [a, b, ..] = &s.families[0].points[..] else {
        panic!("four points")
    };
    // B: measured 60 days, the same line as the planned 60 gave.
    assert_eq!(
        (b.planned_days, b.measured_days, b.line),
        (None, Some(60), Some(7))
    );
    // A: the planned 90 wins over the measured 75; both are kept.
    assert_eq!(
        (a.planned_days, a.measured_days, a.line),
        (Some(90), Some(75), Some(8))
    );
}

#[test]
fn per_family_lead_times_and_family_only_stages_sum_into_the_programme() {
    // Two families: Tank (as above) and Scout, whose variant `s` is planned 12 in 2026,
    // with 2 delivered and 1 vehicle at B. Stage B is Tank's only; C has 10 days for
    // Scout. Scout's points: A (90 days, line 8), C (10 days: 2026-07-10, day 191,
    // floor(12 × 191 / 365) = 6), hand-over (5). Scout's progress: A 2 + 1 = 3 (its
    // vehicle sits at B, a stage later than A in flow order), C 2, hand-over 2.
    let mut p = textbook();
    p.families.push(Family {
        name: "Scout".into(),
    });
    p.variants.push(Variant {
        id: "s".into(),
        family: FamilyId(1),
        name: "Scout".into(),
        contracted: 12,
        attributes: Vec::new(),
    });
    p.stages[1].families = vec![FamilyId(0)];
    p.lead_times[2].families = vec![(FamilyId(1), 10)];
    p.plan.push(PlanEntry {
        year: 2026,
        variant: VariantId(1),
        quantity: 12,
    });
    let mut v = vehicle(20, 1);
    v.variant = VariantId(1);
    p.queue.push(v);
    p.deliveries.push(Delivery {
        date: day(2026, 6, 1),
        variant: VariantId(1),
        quantity: 2,
        serials: Vec::new(),
        histories: Box::default(),
        origin: Origin::default(),
    });
    let s = balance::study(&p, day(2026, 6, 30), &Measured::default());
    assert_eq!(
        rows(&s.families[1]),
        [
            (3, Some(8), Some(-5)),
            (2, Some(6), Some(-4)),
            (2, Some(5), Some(-3))
        ]
    );
    // The programme: A 9 + 3 against 8 + 8; B Tank's alone; C 5 + 2 against 6 + 6, its
    // lead time differing per family (none shown); hand-over 4 + 2 against 5 + 5.
    assert_eq!(
        rows(&s.programme),
        [
            (12, Some(16), Some(-4)),
            (7, Some(7), Some(0)),
            (7, Some(12), Some(-5)),
            (6, Some(10), Some(-4)),
        ]
    );
    assert_eq!(s.programme.points[2].planned_days, None);
    assert_eq!(s.programme.points[0].planned_days, Some(90));
    // The programme's warning: the earliest stage short in any family, named with it.
    assert_eq!(
        s.warning(None).map(|w| w.sentence(&p)).as_deref(),
        Some("A (Scout) is 5 vehicles short of what the deliveries due by September 2026 need")
    );
}

#[test]
fn the_objective_is_the_plan_to_date_at_each_month_end_and_delivered_up_to_today() {
    let p = textbook();
    let today = day(2026, 6, 30);
    let o = objective(&p, None, today);
    assert_eq!(o.len(), 24);
    // End of March 2026, day 90: floor(12 × 90 / 365) = 2; nothing delivered yet.
    assert_eq!(
        (o[2].end, o[2].planned, o[2].delivered),
        (day(2026, 3, 31), 2, Some(0))
    );
    // End of June: 5 planned (the hand-over line), 4 delivered; July is in the future.
    assert_eq!((o[5].planned, o[5].delivered), (5, Some(4)));
    assert_eq!(o[6].delivered, None);
    // End of 2027: 12 + 24.
    assert_eq!(o[23].planned, 36);
}

fn sample(today: Date) -> Programme {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status");
    let snapshot = Loader::new(vec![dir], Limits::default()).load(today);
    assert!(snapshot.problems.is_empty(), "{:?}", snapshot.problems);
    (*snapshot.programme).clone()
}

#[test]
fn on_the_sample_hand_over_agrees_with_the_deliveries_view() {
    let today = day(2026, 11, 26);
    let p = sample(today);
    let s = balance::study(&p, today, &Measured::default());
    let figures = Figures::compute(&p, today);
    let hand_over = s.programme.points.last().expect("hand-over");
    assert_eq!(hand_over.stage, None);
    assert_eq!(
        (hand_over.progress, hand_over.line),
        (
            figures.schedule.delivered_to_date,
            Some(figures.schedule.planned_to_date as u32)
        )
    );
    assert_eq!((hand_over.progress, hand_over.line), (70, Some(88)));
    // The sample writes a planned lead time for every main-line stage of each family.
    assert!(
        s.missing.lead_times.is_empty(),
        "{:?}",
        s.missing.lead_times
    );
}

#[test]
fn on_the_sample_the_objective_agrees_with_the_figures_at_every_month_end() {
    let today = day(2026, 11, 26);
    let p = sample(today);
    let all = balance::objectives(&p, today);
    assert_eq!(all.len(), 1 + p.families.len());
    for (i, m) in all[0].iter().enumerate() {
        let f = Figures::compute(&p, m.end.min(today));
        assert_eq!(
            m.planned,
            Figures::compute(&p, m.end).schedule.planned_to_date as u32
        );
        let family = |k: usize| &all[k + 1][i];
        if m.end <= today || m.delivered.is_some() {
            assert_eq!(m.delivered, Some(f.schedule.delivered_to_date), "{}", m.end);
            for (k, s) in f.family_schedules.iter().enumerate() {
                assert_eq!(family(k).delivered, Some(s.delivered_to_date), "{}", m.end);
            }
        } else {
            assert_eq!(m.delivered, None);
        }
    }
    // November 2026, the current month: delivered to today, 70; planned by its end.
    let nov = all[0]
        .iter()
        .find(|m| m.end == day(2026, 11, 30))
        .expect("November");
    assert_eq!(nov.delivered, Some(70));
}
