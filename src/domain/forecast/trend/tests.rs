//! The trend against a small hand-built programme whose every point is worked out by hand.
//!
//! Griffon: 24 on contract, all planned in 2026 (plan ends 2026-12-31); 2 handed over on
//! 10 February, 10 March and 10 April, nothing in May and June, 8 on 10 July. Jaguar: 4 on
//! contract, planned in 2027, none delivered. Programme years 2026–2027, today 2026-08-15.
//! The window is 120 months, so every hand-over counts whole and a rate is simply the
//! vehicles delivered over the days from the first hand-over (at the latest a month before
//! the day) to the day: the last of `r` remaining arrives `ceil(r × days / delivered)` days
//! later.

use super::*;
use crate::domain::forecast::{Finish, Forecast, Needed};
use crate::domain::{Delivery, Family, FamilyId, Info, Origin, PlanEntry, Variant, VariantId};

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

fn programme(families: &[(&str, u32)], years: Option<(i32, i32)>) -> Programme {
    Programme {
        info: years.map(|(first_year, last_year)| Info {
            name: "Test".into(),
            first_year,
            last_year,
            ..Info::default()
        }),
        families: families
            .iter()
            .map(|(n, _)| Family { name: (*n).into() })
            .collect(),
        variants: families
            .iter()
            .enumerate()
            .map(|(i, (n, c))| Variant {
                id: n.to_lowercase(),
                family: FamilyId(i as u32),
                name: (*n).into(),
                contracted: *c,
                attributes: Vec::new(),
            })
            .collect(),
        ..Programme::default()
    }
}

fn deliver(p: &mut Programme, family: u32, date: &str, quantity: u32) {
    p.deliveries.push(Delivery {
        date: day(date),
        variant: VariantId(family),
        quantity,
        serials: Vec::new(),
        histories: Box::default(),
        origin: Origin::default(),
    });
}

fn plan(p: &mut Programme, family: u32, year: i32, quantity: u32) {
    p.plan.push(PlanEntry {
        year,
        variant: VariantId(family),
        quantity,
    });
}

fn griffon_and_jaguar() -> Programme {
    let mut p = programme(&[("Griffon", 24), ("Jaguar", 4)], Some((2026, 2027)));
    plan(&mut p, 0, 2026, 24);
    plan(&mut p, 1, 2027, 4);
    deliver(&mut p, 0, "2026-02-10", 2);
    deliver(&mut p, 0, "2026-03-10", 2);
    deliver(&mut p, 0, "2026-04-10", 2);
    deliver(&mut p, 0, "2026-07-10", 8);
    // After today: never counted.
    deliver(&mut p, 0, "2026-09-10", 9);
    p
}

fn finish_of(point: &TrendPoint) -> Option<Date> {
    match point.outlook.finish {
        Finish::Projected(d) => Some(d),
        _ => None,
    }
}

#[test]
fn a_slip_and_a_recovery_month_by_month() {
    let t = Trend::compute(&griffon_and_jaguar(), day("2026-08-15"), 120);
    let g = &t.families[0];
    let days: Vec<String> = g.points.iter().map(|p| p.day.to_string()).collect();
    assert_eq!(
        days,
        [
            "2026-01-31",
            "2026-02-28",
            "2026-03-31",
            "2026-04-30",
            "2026-05-31",
            "2026-06-30",
            "2026-07-31",
            "2026-08-15"
        ]
    );
    assert_eq!(t.left_out, 0);
    assert_eq!(g.planned_end(), Some(day("2026-12-31")));

    // 31 January: before the first hand-over, nothing to project from.
    let jan = &g.points[0];
    assert_eq!(jan.outlook.finish, Finish::NotStarted);
    assert_eq!(jan.slip_months(), None);
    assert!(!jan.is_low_confidence());
    // 24 still to come in the 334 days to 31 December.
    assert_eq!(
        jan.outlook.needed,
        Needed::Pace {
            vehicles: 24,
            days: 334
        }
    );

    // Finish, slip in months, hand-over days behind the rate, vehicles in the month.
    // 28 Feb: 2 in 31 days (the window is at least a month: from 29 Jan), 22 left:
    //   ceil(22 × 31 / 2) = 341 days → 2027-02-04, 35 days late → 1 month.
    // 31 Mar: 4 in 50 days (10 Feb–31 Mar), 20 left: 250 days → 2026-12-06, on time.
    // 30 Apr: 6 in 80 days, 18 left: 240 days → 2026-12-26, on time.
    // 31 May: 6 in 111 days: 333 days → 2027-04-29, 119 days late → 4 months.
    // 30 Jun: 6 in 141 days: 423 days → 2027-08-27, 239 days late → 8 months.
    // 31 Jul: 14 in 172 days, 10 left: ceil(122.9) = 123 days → 2026-12-01, on time.
    // 15 Aug: 14 in 187 days: ceil(133.6) = 134 days → 2026-12-27, on time.
    let expected = [
        ("2027-02-04", 1, 1, 2),
        ("2026-12-06", 0, 2, 2),
        ("2026-12-26", 0, 3, 2),
        ("2027-04-29", 4, 3, 0),
        ("2027-08-27", 8, 3, 0),
        ("2026-12-01", 0, 4, 8),
        ("2026-12-27", 0, 4, 0),
    ];
    for (p, &(finish, slip, hand_overs, in_month)) in g.points[1..].iter().zip(&expected) {
        assert_eq!(finish_of(p), Some(day(finish)), "{}", p.day);
        assert_eq!(p.slip_months(), Some(slip), "{}", p.day);
        assert_eq!(p.outlook.rate.hand_overs, hand_overs, "{}", p.day);
        assert_eq!(p.in_month, in_month, "{}", p.day);
        // Fewer than 4 hand-over days: low confidence, as the forecast says.
        assert_eq!(p.is_low_confidence(), hand_overs < 4, "{}", p.day);
    }
    // The rate needed against the month's deliveries: on 31 July, 10 in the 153 days left.
    let jul = &g.points[6];
    assert_eq!(
        jul.outlook.needed,
        Needed::Pace {
            vehicles: 10,
            days: 153
        }
    );
    let needed = jul.needed_per_month().unwrap();
    assert!(
        (needed - 10.0 * 365.25 / 12.0 / 153.0).abs() < 1e-9,
        "{needed}"
    );
    assert!(jul.month_end);
    assert!(!g.points[7].month_end);
}

#[test]
fn a_family_with_no_deliveries_and_the_programme_it_blocks() {
    let t = Trend::compute(&griffon_and_jaguar(), day("2026-08-15"), 120);
    let j = &t.families[1];
    assert_eq!(j.name, "Jaguar");
    assert_eq!(j.planned_end(), Some(day("2027-12-31")));
    for p in &j.points {
        assert_eq!(p.outlook.finish, Finish::NotStarted, "{}", p.day);
        assert_eq!(p.slip_months(), None);
        assert_eq!(p.in_month, 0);
    }
    // 4 to come in the 699 days from 2026-01-31 to 2027-12-31 (334 + 365).
    assert_eq!(
        j.points[0].outlook.needed,
        Needed::Pace {
            vehicles: 4,
            days: 699
        }
    );
    // The programme: not started on 31 January, then blocked by the Jaguar.
    let p = &t.programme;
    assert_eq!(p.name, "Test");
    assert_eq!(p.points[0].outlook.finish, Finish::NotStarted);
    for point in &p.points[1..] {
        assert_eq!(point.outlook.finish, Finish::Blocked, "{}", point.day);
        assert_eq!(point.slip_months(), None);
    }
    // Its months add the families': 8 in July.
    assert_eq!(p.points[6].in_month, 8);
    assert_eq!(p.points[6].outlook.delivered, 14);
}

#[test]
fn the_last_point_is_the_forecast_of_today() {
    let prog = griffon_and_jaguar();
    for today in ["2026-08-15", "2026-07-31", "2026-05-01"] {
        let today = day(today);
        let t = Trend::compute(&prog, today, 6);
        let f = Forecast::compute(&prog, today, 6);
        for (s, o) in t.families.iter().zip(&f.families) {
            let last = s.latest().unwrap();
            assert_eq!(last.day, today);
            assert_eq!(last.outlook.finish, o.finish);
            assert_eq!(last.outlook.rate, o.rate);
            assert_eq!(last.outlook.needed, o.needed);
        }
        let last = t.programme.latest().unwrap();
        assert_eq!(last.outlook.finish, f.programme.finish);
        assert_eq!(last.outlook.finish_rests_on, f.programme.finish_rests_on);
    }
}

#[test]
fn a_programme_of_one_family_finishes_with_it() {
    let mut p = programme(&[("Griffon", 24)], Some((2026, 2026)));
    plan(&mut p, 0, 2026, 24);
    deliver(&mut p, 0, "2026-02-10", 2);
    deliver(&mut p, 0, "2026-03-10", 2);
    let t = Trend::compute(&p, day("2026-03-31"), 120);
    let last = t.programme.latest().unwrap();
    // As the Griffon on 31 March above: 2026-12-06, resting on the Griffon's rate.
    assert_eq!(finish_of(last), Some(day("2026-12-06")));
    assert_eq!(last.outlook.finish_rests_on.as_deref(), Some("Griffon"));
    assert!(last.is_low_confidence());
    assert_eq!(t.programme.points.len(), 3);
}

#[test]
fn without_a_plan_there_is_no_slip_and_no_rate_needed() {
    let mut p = programme(&[("Griffon", 24)], None);
    deliver(&mut p, 0, "2026-02-10", 2);
    let t = Trend::compute(&p, day("2026-02-28"), 120);
    // The first year comes from the deliveries: January and February 2026.
    let g = &t.families[0];
    assert_eq!(g.points.len(), 2);
    assert_eq!(g.planned_end(), None);
    let last = g.latest().unwrap();
    assert_eq!(finish_of(last), Some(day("2027-02-04")));
    assert_eq!(last.slip_months(), None);
    assert_eq!(last.outlook.needed, Needed::NoPlan);
}

#[test]
fn a_long_programme_keeps_its_latest_months() {
    let p = programme(&[("Griffon", 24)], Some((1990, 2030)));
    let t = Trend::compute(&p, day("2026-08-15"), 6);
    // January 1990 to July 2026: 36 × 12 + 7 = 439 month-ends; 120 kept and today.
    let g = &t.families[0];
    assert_eq!(g.points.len(), MAX_TREND_POINTS);
    assert_eq!(t.left_out, 439 - 120);
    assert_eq!(g.points[0].day, day("2016-08-31"));
    assert_eq!(g.points[119].day, day("2026-07-31"));
    // Today before the programme's first year: today alone.
    let t = Trend::compute(&p, day("1989-06-01"), 6);
    assert_eq!(t.programme.points.len(), 1);
    assert_eq!(t.left_out, 0);
}

#[test]
fn the_movement_over_three_months_in_words() {
    let t = Trend::compute(&griffon_and_jaguar(), day("2026-08-15"), 120);
    // Today 2026-08-15 (Dec 2026) against 31 May, three month-ends back (Apr 2027):
    // 2026-12-27 is 123 days before 2027-04-29, 4 whole months earlier.
    assert_eq!(
        t.families[0].movement(),
        "Griffon: December 2026 on 2026-08-15 against April 2027 on 2026-05-31, \
         4 months earlier"
    );
    assert_eq!(t.families[1].movement(), "Jaguar: no hand-over yet");
    // On 30 April (a month-end itself), against 31 January: no hand-over yet then.
    let t = Trend::compute(&griffon_and_jaguar(), day("2026-04-30"), 120);
    assert_eq!(
        t.families[0].movement(),
        "Griffon: December 2026 on 2026-04-30 (low confidence); no finish was projected \
         on 2026-01-31"
    );
    // On 31 March there is no month-end three months back in the programme's years.
    let t = Trend::compute(&griffon_and_jaguar(), day("2026-03-31"), 120);
    assert_eq!(
        t.families[0].movement(),
        "Griffon: December 2026 on 2026-03-31 (low confidence); no forecast 3 months \
         before to compare"
    );
}
