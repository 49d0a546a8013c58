//! The flow figures on a hand-built programme whose every figure is worked out by hand in
//! the comments (tests/flow_fixture: Wednesday 2026-03-04, weeks from Monday 2026-01-05).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

mod flow_fixture;

use fleetdash::domain::balance::Measured;
use fleetdash::domain::flow::stats::{Hist, trend};
use fleetdash::domain::flow::{Cache, Direction, Flow};
use fleetdash::domain::{FamilyId, StageId};
use flow_fixture::{day, programme, today, vehicle, without_histories};

fn flow() -> Flow {
    Flow::compute(&programme(), today())
}

#[test]
fn percentiles_by_hand() {
    let mut h = Hist::default();
    for d in 1..=20 {
        h.add(d);
    }
    // 1..=20: the middle pair 10 and 11; rank ⌈0.85 × 20⌉ = 17.
    assert_eq!(
        (h.median(), h.p85(), h.mean()),
        (Some(10.5), Some(17), Some(10.5))
    );
    let mut one = Hist::default();
    one.add(4);
    assert_eq!((one.median(), one.p85()), (Some(4.0), Some(4)));
    assert_eq!(Hist::default().median(), None);
}

#[test]
fn the_weeks_run_from_the_first_stay_to_today() {
    let f = flow();
    assert_eq!(f.weeks.first(), Some(&day(2026, 1, 5)));
    assert_eq!(f.weeks.last(), Some(&day(2026, 3, 2)));
    assert_eq!(f.weeks.len(), 9);
    assert_eq!(
        f.months,
        vec![day(2026, 1, 1), day(2026, 2, 1), day(2026, 3, 1)]
    );
}

#[test]
fn time_in_stage_from_completed_stays() {
    let f = flow();
    // Hull: X1 7 days, X2 10, Q1 28 (left 02-09); Q2 and Q3 are still there.
    let hull = f.stage(StageId(0)).unwrap().time.unwrap();
    assert_eq!((hull.median, hull.p85, hull.mean), (10.0, 28, 15.0));
    assert_eq!((hull.count, hull.vehicles), (3, 3));
    // Fit-out: X1 7, X2 5; Q1 is still there.
    let fit = f.stage(StageId(1)).unwrap().time.unwrap();
    assert_eq!((fit.median, fit.p85, fit.count), (6.0, 7, 2));
    // Tests: X1 14, X2 2 then 7 after rework: three stays of two vehicles.
    let tests = f.stage(StageId(2)).unwrap().time.unwrap();
    assert_eq!(
        (tests.median, tests.p85, tests.count, tests.vehicles),
        (7.0, 14, 3, 2)
    );
    let rework = f.stage(StageId(3)).unwrap().time.unwrap();
    assert_eq!((rework.median, rework.p85), (4.0, 4));
}

#[test]
fn the_vehicles_in_a_stage_now_and_the_oldest() {
    let f = flow();
    let hull = f.stage(StageId(0)).unwrap();
    // Q2 (no history) since 02-20 and Q3 since 02-23: 12 days to 03-04.
    assert_eq!(
        (hull.now, hull.now_tracked, hull.oldest_days),
        (2, 1, Some(12))
    );
    let fit = f.stage(StageId(1)).unwrap();
    assert_eq!((fit.now, fit.oldest_days), (1, Some(23)));
    assert_eq!(f.stage(StageId(2)).unwrap().oldest_days, None);
}

#[test]
fn throughput_per_week_and_month() {
    let f = flow();
    let hull = f.stage(StageId(0)).unwrap().throughput.clone().unwrap();
    // X1 left on 01-12 and X2 on 01-15 (week 2), Q1 on 02-09 (week 6).
    assert_eq!(hull.weekly, vec![0, 2, 0, 0, 0, 1, 0, 0, 0]);
    assert_eq!(hull.monthly, vec![2, 1, 0]);
    // The three fall in the last 13 complete weeks.
    assert!((hull.per_week - 3.0 / 13.0).abs() < 1e-9);
    // Weeks 5–8 average 0.25, weeks 1–4 0.5: falling; two complete months are too few.
    let t = hull.weekly_trend.unwrap();
    assert_eq!(
        (t.recent, t.earlier, t.direction),
        (0.25, 0.5, Direction::Falling)
    );
    assert_eq!(hull.monthly_trend, None);
    let tests = f.stage(StageId(2)).unwrap().throughput.clone().unwrap();
    // X2 left Tests for rework on 01-22, then X1 and X2 were handed over on 02-02.
    assert_eq!(tests.weekly, vec![0, 0, 1, 0, 2, 0, 0, 0, 0]);
    // Hand-overs: 2 on 02-02, 1 on 02-16 (no history, still counted).
    assert_eq!(f.handovers.weekly, vec![0, 0, 0, 0, 2, 0, 1, 0, 0]);
    assert_eq!(f.handovers.monthly, vec![0, 3, 0]);
    assert_eq!(f.delivered_cumulative, vec![0, 0, 0, 0, 2, 2, 3, 3, 3]);
    assert_eq!(
        f.handovers.weekly_trend.unwrap().direction,
        Direction::Rising
    );
}

#[test]
fn work_in_progress_at_each_weeks_end() {
    let f = flow();
    let wip = |s| f.stage(StageId(s)).unwrap().wip.clone();
    // Sunday 01-11: X1 and X2 in Hull; 01-18: Q1; Q1 leaves 02-09; Q3 enters 02-23.
    assert_eq!(wip(0), vec![2, 1, 1, 1, 1, 0, 0, 1, 1]);
    assert_eq!(wip(1), vec![0, 2, 0, 0, 0, 1, 1, 1, 1]);
    // 01-25: X1 in Tests, X2 in rework; 02-01: both in Tests; handed over 02-02.
    assert_eq!(wip(2), vec![0, 0, 1, 2, 0, 0, 0, 0, 0]);
    assert_eq!(wip(3), vec![0, 0, 1, 0, 0, 0, 0, 0, 0]);
}

#[test]
fn lead_time_rework_and_measured_lead_times() {
    let f = flow();
    // X1 and X2: 01-05 to 02-02, 28 days each.
    let lead = f.lead.unwrap();
    assert_eq!((lead.median, lead.p85, lead.vehicles), (28.0, 28, 2));
    // Both passed Tests (the last main-line stage); X2 went to rework once.
    let r = f.rework.unwrap();
    assert_eq!((r.passed, r.visits, r.reworked, r.rate()), (2, 1, 1, 0.5));
    // Hull 28 and 28; Fit-out 21 and 18 (19.5, rounded 20); Tests 14 and 13 (13.5 → 14).
    let m = &f.measured;
    let rover = FamilyId(0);
    assert_eq!(m.get(StageId(0), rover), Some(28));
    assert_eq!(m.get(StageId(1), rover), Some(20));
    assert_eq!(m.get(StageId(2), rover), Some(14));
    assert_eq!(m.get(StageId(3), rover), None);
    assert_eq!(
        f.basis.words(),
        "histories for 4 of 6 vehicles (2 without: left out of the flow figures)"
    );
}

#[test]
fn littles_law_names_the_bottleneck_with_its_evidence() {
    let f = flow();
    let hull = f.little.iter().find(|r| r.stage == StageId(0)).unwrap();
    // Q3 is the one tracked vehicle in Hull; 3 stays ended in the window, 45 days in all.
    assert_eq!((hull.wip, hull.exits, hull.mean_days), (1, 3, Some(15.0)));
    assert!((hull.expected_wip.unwrap() - 45.0 / 91.0).abs() < 1e-9);
    assert!((hull.clear_days.unwrap() - 91.0 / 3.0).abs() < 1e-9);
    // Fit-out: Q1 in it, 2 stays ended: 1 ÷ (2/13) × 7 = 45.5 days to clear, the longest.
    let b = f.bottleneck.unwrap();
    assert_eq!(b.stage(), StageId(1));
    assert!((b.row.clear_days.unwrap() - 45.5).abs() < 1e-9);
    assert_eq!(
        b.evidence(),
        "1 in progress, 0.2 leave a week (mean 6 days in stage): 46 days to clear"
    );
    assert_eq!(f.little.len(), 3, "rework has no row");
}

#[test]
fn a_stage_holding_vehicles_none_left_is_stalled_and_comes_first() {
    let mut p = programme();
    // In June: Q4 in Tests since January, Q5 in Fit-out since April (after a stay in Hull),
    // Q1 still in Fit-out. In the 13 weeks before the week of 06-01 only Q5 left a stage.
    p.queue
        .push(vehicle("Q4", &[(0, 1, 5), (2, 1, 6)], (2, day(2026, 1, 6))));
    p.queue.push(vehicle(
        "Q5",
        &[(0, 3, 20), (1, 4, 1)],
        (1, day(2026, 4, 1)),
    ));
    let late = Flow::compute(&p, day(2026, 6, 1));
    // Hull: Q3, 1 left in 13 weeks: 91 days to clear. Fit-out (Q1, Q5) and Tests (Q4):
    // none left, stalled; Fit-out holds more.
    let hull = late.little.iter().find(|r| r.stage == StageId(0)).unwrap();
    assert!((hull.clear_days.unwrap() - 91.0).abs() < 1e-9);
    let b = late.bottleneck.unwrap();
    assert_eq!((b.stage(), b.stalled, b.row.wip), (StageId(1), true, 2));
    assert!(
        b.evidence()
            .ends_with("none left in the last 13 weeks: stalled")
    );
}

#[test]
fn without_histories_the_figures_say_what_they_cannot_give() {
    let p = without_histories(programme());
    let f = Flow::compute(&p, today());
    assert!(f.basis.no_history());
    assert!(f.basis.words().starts_with("no stage histories"));
    let hull = f.stage(StageId(0)).unwrap();
    // Today's queue is still known...
    assert_eq!((hull.now, hull.oldest_days), (2, Some(12)));
    // ...but nothing histories give is shown as a zero.
    assert_eq!((hull.time, hull.throughput.clone()), (None, None));
    assert!(hull.wip.is_empty());
    assert_eq!((f.lead, f.rework, f.bottleneck), (None, None, None));
    assert!(f.little.is_empty());
    assert_eq!(f.measured, Measured::default());
    // Hand-overs need no history.
    assert_eq!(f.handovers.monthly.iter().sum::<u32>(), 3);
}

#[test]
fn the_trend_needs_twice_its_periods_complete() {
    // The last value is the open period.
    assert_eq!(
        trend(&[1, 1, 1, 1, 9], 2).unwrap().direction,
        Direction::Steady
    );
    assert_eq!(
        trend(&[1, 1, 2, 2, 0], 2).unwrap().direction,
        Direction::Rising
    );
    assert_eq!(trend(&[1, 1, 2, 0], 2), None);
}

#[test]
fn the_cache_gathers_again_only_what_a_reload_changed() {
    let p = programme();
    let mut cache = Cache::default();
    assert_eq!(cache.flow(&p, today()), flow());
    assert_eq!(cache.gathered, 2);
    // Same lists (shared), another plan and another day: nothing gathered again.
    let mut next = p.clone();
    next.plan[0].quantity = 30;
    let later = day(2026, 3, 20);
    assert_eq!(cache.flow(&next, later), Flow::compute(&next, later));
    assert_eq!(cache.gathered, 0);
    // A new queue: its part only.
    next.queue
        .push(vehicle("Q5", &[(0, 3, 2)], (0, day(2026, 3, 2))));
    assert_eq!(cache.flow(&next, later), Flow::compute(&next, later));
    assert_eq!(cache.gathered, 1);
    // Stages renamed: both parts.
    next.stages[0].name = "Hull in".to_owned();
    assert_eq!(cache.flow(&next, later), Flow::compute(&next, later));
    assert_eq!(cache.gathered, 2);
}
