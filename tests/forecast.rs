//! The forecast against hand-computed cases.
//!
//! Most cases use today = 2026-12-31 and a 12-month window, which is then the whole of
//! 2026: 365 days, so that a rate of 73 vehicles in the window is 0.2 a day and the
//! arithmetic can be checked by hand.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use fleetdash::domain::forecast::{Finish, Forecast, Needed, YearOutlook};
use fleetdash::domain::{
    Date, Delivery, Family, FamilyId, Info, Origin, PlanEntry, Programme, SiteId, Stage, StageId,
    Variant, VariantId, Vehicle,
};

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

/// A programme of one variant per family: `families` is (name, contracted).
fn programme(families: &[(&str, u32)]) -> Programme {
    Programme {
        info: Some(Info {
            name: "Test".into(),
            first_year: 2025,
            last_year: 2030,
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
        sites: vec!["Plant".into()],
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

fn plan(p: &mut Programme, family: u32, years: &[(i32, u32)]) {
    for &(year, quantity) in years {
        p.plan.push(PlanEntry {
            year,
            variant: VariantId(family),
            quantity,
        });
    }
}

/// A year of an outlook: the year's own plan, delivered and projected, then the cumulative
/// plan and projection at its end.
fn year(
    year: i32,
    (planned, delivered, projected): (u32, u32, u32),
    (cum_planned, cum_projected): (u32, u32),
) -> YearOutlook {
    YearOutlook {
        year,
        planned,
        delivered,
        projected,
        cum_planned,
        cum_projected,
    }
}

/// The note a rate of `hand_overs` days in `days` days carries.
const LOW_3_IN_365: &str = "(low confidence: 3 hand-overs in 365 days)";

/// Griffon: 400 contracted; 100 delivered in 2025 (before the window), 73 in 2026.
///
/// Each hand-over is spread over the days since the previous one: 2026-01-01's 3 over the
/// one day since 2025-12-31, inside the 2026 window, so that the 12-month window on
/// 2026-12-31 counts all 73 of 2026 and none of 2025.
fn late_griffon() -> Programme {
    let mut p = programme(&[("Griffon", 400)]);
    deliver(&mut p, 0, "2025-12-31", 100);
    deliver(&mut p, 0, "2026-01-01", 3); // the window's first day: counted
    deliver(&mut p, 0, "2026-06-15", 40);
    deliver(&mut p, 0, "2026-12-31", 30); // today: counted
    deliver(&mut p, 0, "2027-01-05", 50); // after today: not counted
    plan(
        &mut p,
        0,
        &[(2025, 100), (2026, 100), (2027, 100), (2028, 100)],
    );
    p
}

#[test]
fn the_rate_is_the_window_deliveries_over_its_days() {
    let f = Forecast::compute(&late_griffon(), day("2026-12-31"), 12);
    let r = f.families[0].rate;
    assert_eq!(r.first_day, day("2026-01-01"));
    assert_eq!(r.days, 365);
    assert_eq!(r.delivered, 73);
    assert!(!r.clipped);
    // 73 / 365 a day × 30.4375 days a month.
    assert!((r.per_month() - 6.0875).abs() < 1e-9, "{}", r.per_month());
}

#[test]
fn a_late_family_is_projected_past_its_plan() {
    let f = Forecast::compute(&late_griffon(), day("2026-12-31"), 12);
    let g = &f.families[0];
    assert_eq!(g.delivered, 173);
    assert_eq!(g.remaining(), 227);
    // 227 vehicles at 73 per 365 days: ceil(227 × 365 / 73) = 1135 days after 2026-12-31:
    // 2027 (365) and 2028 (366) bring it to 2028-12-31 with 404 days left; 2029 takes 365
    // more (2029-12-31), and 39 days later is 2030-02-08.
    assert_eq!(g.finish, Finish::Projected(day("2030-02-08")));
    assert_eq!(g.planned_finish, Some(2028));
    // 2028-12-31 to 2030-02-08 is 366 + 38 = 404 days, 13.27 average months: 13 months
    // late, which is one year (not two, as counting calendar years 2028 to 2030 said).
    assert_eq!(g.planned_end(), Some(day("2028-12-31")));
    assert_eq!(g.slip_months(), Some(13));
    assert_eq!(g.years_late(), Some(1));
    assert_eq!(g.slip_words().as_deref(), Some("13 months late"));
    // The rate rests on three hand-over days (2026-01-01, 06-15 and 12-31).
    assert_eq!(g.rate.hand_overs, 3);
    assert!(g.rate.is_low_confidence());
    assert_eq!(
        f.verdict(),
        format!(
            "the last Griffon arrives in February 2030 at 6.1 a month, 13 months late \
             {LOW_3_IN_365}"
        )
    );
    assert_eq!(f.programme.finish, Finish::Projected(day("2030-02-08")));
    // To finish on plan, the 227 left must come in the 731 days of 2027 and 2028:
    // 227 × 30.4375 / 731 = 9.452 a month.
    assert_eq!(
        g.needed,
        Needed::Pace {
            vehicles: 227,
            days: 731
        }
    );
    assert_eq!(g.pace_words(), "needs 9.5 a month, does 6.1");
    assert_eq!(
        f.pace(),
        "to finish on plan: Griffon needs 9.5 a month, does 6.1"
    );
}

#[test]
fn each_remaining_year_is_projected_against_its_plan() {
    let f = Forecast::compute(&late_griffon(), day("2026-12-31"), 12);
    // By the end of 2027 (365 days): floor(73 × 365 / 365) = 73. By the end of 2028 (731
    // days): floor(73 × 731 / 365) = 146, so 73 in 2028. By the end of 2029 (1096 days):
    // floor(73 × 1096 / 365) = 219, so 73 in 2029; the last 8 in 2030. 2026 has 73 so
    // far and no day left.
    // Cumulative: 200 planned by the end of 2026 (100 in 2025), 400 from 2028; 173
    // delivered by today, then 73 a year up to the 400 contracted.
    assert_eq!(
        f.families[0].years,
        [
            year(2026, (100, 73, 73), (200, 173)),
            year(2027, (100, 0, 73), (300, 246)),
            year(2028, (100, 0, 73), (400, 319)),
            year(2029, (0, 0, 73), (400, 392)),
            year(2030, (0, 0, 8), (400, 400)),
        ]
    );
    assert_eq!(f.families[0].years[1].difference(), -27);
    // 2029 delivers 73 more than its own plan (none), yet the programme is still 8 behind
    // its whole plan at the end of it: the position says so, the difference does not.
    assert_eq!(f.families[0].years[3].difference(), 73);
    assert_eq!(f.families[0].years[3].position(), -8);
    assert_eq!(f.families[0].years[4].position(), 0);
    assert_eq!(f.programme.years, f.families[0].years);
}

#[test]
fn the_current_year_adds_the_rest_of_the_year_to_what_was_delivered() {
    // Today 2026-06-30, window 6 months: 2025-12-31 to 2026-06-30, 182 days. 143 vehicles
    // were handed over in it, but 2025-12-31's 100, the first hand-over, is spread over the
    // month before it (2025-12-01 to 12-31, 31 days), one of which is in the window: it
    // counts 100 / 31 = 3.225806, beside 3 + 40. Counting it whole made a rate of 143 in
    // 182 days out of one day's hand-over.
    let f = Forecast::compute(&late_griffon(), day("2026-06-30"), 6);
    let g = &f.families[0];
    assert_eq!(g.rate.first_day, day("2025-12-31"));
    assert_eq!((g.rate.days, g.rate.delivered), (182, 143));
    assert_eq!(g.rate.counted_millionths, 3_225_806 + 43_000_000);
    // Up to the end of 2026 (184 days): floor(46.225806 × 184 / 182) = floor(46.73) = 46.
    // 143 delivered by today (100 in 2025), 46 more by the end of the year.
    assert_eq!(g.years[0], year(2026, (100, 43, 89), (200, 189)));
}

#[test]
fn on_course_and_early() {
    let mut p = late_griffon();
    p.plan.push(PlanEntry {
        year: 2030,
        variant: VariantId(0),
        quantity: 1,
    });
    let f = Forecast::compute(&p, day("2026-12-31"), 12);
    // 2030-02-08 is 326 days before 2030-12-31: 10.7 months, 10 whole months early.
    assert_eq!(f.families[0].slip_months(), Some(-10));
    assert_eq!(f.families[0].years_late(), Some(0));
    assert_eq!(
        f.verdict(),
        format!(
            "on course to finish in February 2030 at 6.1 a month, 10 months early {LOW_3_IN_365}"
        )
    );

    p.plan.push(PlanEntry {
        year: 2032,
        variant: VariantId(0),
        quantity: 1,
    });
    let f = Forecast::compute(&p, day("2026-12-31"), 12);
    // 2030-02-08 to 2032-12-31: 326 + 365 + 366 = 1057 days, 34.7 months.
    assert_eq!(f.families[0].slip_months(), Some(-34));
    assert_eq!(f.families[0].years_late(), Some(-2));
    assert_eq!(
        f.verdict(),
        format!(
            "on course to finish in February 2030 at 6.1 a month, 34 months early {LOW_3_IN_365}"
        )
    );
    // The years run to the plan's end even when the projection ends before it.
    assert_eq!(
        f.programme.years.last(),
        Some(&year(2032, (1, 0, 0), (402, 400)))
    );
}

#[test]
fn without_a_plan_the_programme_years_are_the_reference() {
    let mut p = late_griffon();
    p.plan.clear();
    let f = Forecast::compute(&p, day("2026-12-31"), 12);
    assert_eq!(f.families[0].planned_finish, Some(2030));
    assert_eq!(
        f.verdict(),
        format!(
            "on course to finish in February 2030 at 6.1 a month, 10 months early {LOW_3_IN_365}"
        )
    );
    p.info = None;
    let f = Forecast::compute(&p, day("2026-12-31"), 12);
    assert_eq!(f.families[0].planned_finish, None);
    assert_eq!(f.families[0].slip_months(), None);
    assert_eq!(f.families[0].needed, Needed::NoPlan);
    assert_eq!(
        f.verdict(),
        format!("the last Griffon arrives in February 2030 at 6.1 a month {LOW_3_IN_365}")
    );
}

#[test]
fn no_deliveries_yet() {
    let mut p = programme(&[("Griffon", 10), ("Jaguar", 6)]);
    plan(&mut p, 0, &[(2027, 10)]);
    plan(&mut p, 1, &[(2027, 6)]);
    let f = Forecast::compute(&p, day("2026-11-26"), 6);
    assert_eq!(f.families[0].finish, Finish::NotStarted);
    assert_eq!(f.programme.finish, Finish::NotStarted);
    assert_eq!(f.families[0].rate.delivered, 0);
    assert_eq!(f.verdict(), "no deliveries yet: no finish can be projected");
    // Nothing is projected: the plan stands against zero.
    assert_eq!(
        f.families[0].years,
        [
            year(2026, (0, 0, 0), (0, 0)),
            year(2027, (10, 0, 0), (10, 0))
        ]
    );
    assert_eq!(
        f.families[0].needed,
        Needed::Pace {
            vehicles: 10,
            days: 400
        },
        "2026-11-26 to 2027-12-31 is 35 + 365 days"
    );
    assert_eq!(f.cumulative_at(None, day("2030-01-01")), 0);
}

#[test]
fn a_rate_of_zero_projects_no_finish() {
    let mut p = programme(&[("Griffon", 10)]);
    deliver(&mut p, 0, "2026-03-10", 4);
    // Window: 2026-05-27 to 2026-11-26; the only hand-over is before it.
    let f = Forecast::compute(&p, day("2026-11-26"), 6);
    let g = &f.families[0];
    assert_eq!(g.rate.first_day, day("2026-05-27"));
    assert_eq!((g.rate.delivered, g.rate.days), (0, 184));
    assert!(g.rate.is_zero());
    assert_eq!(g.rate.per_month(), 0.0);
    assert_eq!(g.finish, Finish::Stalled(day("2026-03-10")));
    assert_eq!(
        f.verdict(),
        "no deliveries in the last 6 months: no finish can be projected"
    );
    assert_eq!(f.cumulative_at(None, day("2029-01-01")), 4);
    // A one-month window is "the last month".
    let f = Forecast::compute(&p, day("2026-11-26"), 1);
    assert_eq!(
        f.verdict(),
        "no deliveries in the last month: no finish can be projected"
    );
}

#[test]
fn a_finished_family_leaves_the_verdict_to_the_others() {
    let mut p = programme(&[("Griffon", 100), ("Jaguar", 10)]);
    plan(&mut p, 0, &[(2026, 50), (2027, 50)]);
    plan(&mut p, 1, &[(2026, 10)]);
    deliver(&mut p, 1, "2026-02-01", 6);
    deliver(&mut p, 1, "2026-09-30", 4);
    deliver(&mut p, 0, "2026-06-01", 73);
    let f = Forecast::compute(&p, day("2026-12-31"), 12);
    let j = &f.families[1];
    assert_eq!(j.remaining(), 0);
    assert_eq!(j.finish, Finish::Delivered(Some(day("2026-09-30"))));
    assert_eq!(j.finish_year(), Some(2026));
    assert_eq!(j.years_late(), None);
    // The finished family adds nothing after today.
    assert_eq!(
        j.years,
        [
            year(2026, (10, 10, 10), (10, 10)),
            year(2027, (0, 0, 0), (10, 10))
        ]
    );
    assert_eq!(j.needed, Needed::Nothing);
    assert_eq!(j.pace_words(), "nothing left to deliver");
    // Griffon: window clipped to its first hand-over, 2026-06-01, 214 days; 27 remaining:
    // ceil(27 × 214 / 73) = 80 days after 2026-12-31 is 2027-03-21.
    let g = &f.families[0];
    assert!(g.rate.clipped);
    assert_eq!((g.rate.first_day, g.rate.days), (day("2026-06-01"), 214));
    assert_eq!(g.finish, Finish::Projected(day("2027-03-21")));
    assert_eq!(f.programme.finish, Finish::Projected(day("2027-03-21")));
    // 73 in 214 days is 10.38 a month; 2027-03-21 is 285 days (9.4 months) before the end
    // of 2027; one hand-over day.
    assert_eq!(
        f.verdict(),
        "on course to finish in March 2027 at 10.4 a month, 9 months early \
         (low confidence: 1 hand-over in 214 days)"
    );
    assert_eq!(f.programme.finish_rests_on.as_deref(), Some("Griffon"));

    // Everything delivered.
    deliver(&mut p, 0, "2026-12-01", 27);
    let f = Forecast::compute(&p, day("2026-12-31"), 12);
    assert_eq!(
        f.programme.finish,
        Finish::Delivered(Some(day("2026-12-01")))
    );
    assert_eq!(f.verdict(), "all 110 vehicles delivered");
}

#[test]
fn a_family_that_cannot_be_projected_blocks_the_programme_finish() {
    let mut p = late_griffon();
    p.families.push(Family {
        name: "Jaguar".into(),
    });
    p.variants.push(Variant {
        id: "jag".into(),
        family: FamilyId(1),
        name: "Jaguar".into(),
        contracted: 60,
        attributes: Vec::new(),
    });
    plan(&mut p, 1, &[(2026, 6), (2027, 54)]);
    let f = Forecast::compute(&p, day("2026-12-31"), 12);
    assert_eq!(f.families[1].finish, Finish::NotStarted);
    assert_eq!(f.programme.finish, Finish::Blocked);
    assert_eq!(
        f.verdict(),
        format!(
            "the last Griffon arrives in February 2030 at 6.1 a month, 13 months late \
             {LOW_3_IN_365}; no Jaguar delivered yet"
        )
    );
    // The programme's years add up the families; the Jaguars add nothing. By the end of
    // 2027: 300 Griffon and 60 Jaguar planned, 246 Griffon projected.
    assert_eq!(f.programme.years[1], year(2027, (154, 0, 73), (360, 246)));
    // No family's projection is the programme's finish.
    assert_eq!(f.programme.finish_rests_on, None);
    // The programme's own rate counts every family.
    assert_eq!(f.programme.rate.delivered, 73);

    // Beside a blocked family, an on-time family does not claim the programme's finish.
    plan(&mut p, 0, &[(2030, 1)]);
    let f = Forecast::compute(&p, day("2026-12-31"), 12);
    assert_eq!(
        f.verdict(),
        format!(
            "the last Griffon arrives in February 2030 at 6.1 a month, 10 months early \
             {LOW_3_IN_365}; no Jaguar delivered yet"
        )
    );
}

#[test]
fn a_window_longer_than_the_programme_starts_at_the_first_delivery() {
    let mut p = programme(&[("Griffon", 100)]);
    deliver(&mut p, 0, "2026-10-01", 10);
    deliver(&mut p, 0, "2026-11-15", 5);
    // 24 months back is 2024-11-27, before any delivery: the window starts on 2026-10-01,
    // 57 days to 2026-11-26 inclusive.
    let f = Forecast::compute(&p, day("2026-11-26"), 24);
    let r = f.families[0].rate;
    assert!(r.clipped);
    assert_eq!(
        (r.first_day, r.days, r.delivered),
        (day("2026-10-01"), 57, 15)
    );
    // 85 remaining: ceil(85 × 57 / 15) = 323 days after 2026-11-26 is 2027-10-15.
    assert_eq!(f.families[0].finish, Finish::Projected(day("2027-10-15")));
}

#[test]
fn a_window_is_never_shorter_than_a_month() {
    let mut p = programme(&[("Jaguar", 60)]);
    deliver(&mut p, 0, "2026-11-20", 2);
    let f = Forecast::compute(&p, day("2026-11-26"), 6);
    let r = f.families[0].rate;
    // One month back from 2026-11-26, plus a day: 2026-10-27, 31 days.
    assert_eq!(
        (r.first_day, r.days, r.delivered),
        (day("2026-10-27"), 31, 2)
    );
    // 58 remaining: ceil(58 × 31 / 2) = 899 days after 2026-11-26: 35 to the end of 2026,
    // 365 and 366 to the end of 2028, then the 133rd day of 2029, 2029-05-13.
    assert_eq!(f.families[0].finish, Finish::Projected(day("2029-05-13")));
}

#[test]
fn the_window_is_cut_to_its_limits() {
    let f = Forecast::compute(&late_griffon(), day("2026-12-31"), 0);
    assert_eq!(f.window_months, 1);
    let f = Forecast::compute(&late_griffon(), day("2026-12-31"), 100_000);
    assert_eq!(f.window_months, 120);
}

#[test]
fn a_crawling_rate_stops_the_years_at_the_horizon() {
    let mut p = programme(&[("Griffon", 1000)]);
    plan(&mut p, 0, &[(2026, 500), (2027, 500)]);
    deliver(&mut p, 0, "2026-01-31", 1);
    let f = Forecast::compute(&p, day("2026-12-31"), 12);
    // 999 vehicles at one in 335 days (2026-01-31 to 12-31): ceil(999 × 335) = 334 665
    // days, centuries away, but the years stop ten after the plan.
    assert_eq!(f.families[0].finish, Finish::Projected(day("2943-04-13")));
    assert_eq!(f.families[0].finish_year(), Some(2943));
    assert_eq!(f.programme.years.last().map(|y| y.year), Some(2037));
    assert_eq!(f.horizon(), day("2037-12-31"));
    // 2027-12-31 to 2943-04-13: 334 300 days, 10 983 average months.
    assert_eq!(f.families[0].slip_months(), Some(10_983));
    assert_eq!(
        f.verdict(),
        "the last Griffon arrives in April 2943 at 0.1 a month, 10 983 months late \
         (low confidence: 1 hand-over in 335 days)"
    );
}

#[test]
fn a_rate_too_slow_for_the_calendar_projects_the_last_day_without_a_panic() {
    // Four billion vehicles at one in ten years: about 4 × 10¹³ days away, past the last
    // day chrono holds.
    let mut p = programme(&[("Griffon", 4_000_000_000)]);
    plan(&mut p, 0, &[(2026, 4_000_000_000)]);
    deliver(&mut p, 0, "2017-01-01", 1);
    let f = Forecast::compute(&p, day("2026-12-31"), 120);
    assert_eq!(f.families[0].finish, Finish::Projected(Date::MAX));
    assert!(f.families[0].slip_months().is_some_and(|m| m > 0));
    assert!(
        f.verdict()
            .starts_with("the last Griffon arrives in December ")
    );
}

#[test]
fn projected_points_for_the_chart() {
    let f = Forecast::compute(&late_griffon(), day("2026-12-31"), 12);
    let until = f.horizon();
    assert_eq!(until, day("2030-12-31"));
    assert_eq!(
        f.points(None, until),
        [
            (day("2026-12-31"), 173),
            (day("2027-12-31"), 246),
            (day("2028-12-31"), 319),
            (day("2029-12-31"), 392),
            (day("2030-02-08"), 400),
            (day("2030-12-31"), 400),
        ]
    );
    assert_eq!(f.points(Some(FamilyId(0)), until), f.points(None, until));
    assert_eq!(
        f.points(None, day("2020-01-01")),
        [(day("2026-12-31"), 173)]
    );
    // Half-way through 2027 (181 days): floor(73 × 181 / 365) = 36 more.
    assert_eq!(f.cumulative_at(None, day("2027-06-30")), 209);
    // Before today: what was delivered by today.
    assert_eq!(f.cumulative_at(None, day("2026-01-01")), 173);
}

#[test]
fn the_programme_line_adds_the_families() {
    let mut p = programme(&[("Griffon", 100), ("Jaguar", 10)]);
    // Griffon: 73 from 2026-02-01, 334 days; Jaguar: 5 from 2026-07-04, 181 days. Each
    // first hand-over is spread over the month before it, inside the 2026 window: counted
    // whole.
    deliver(&mut p, 0, "2026-02-01", 73);
    deliver(&mut p, 1, "2026-07-04", 5);
    let f = Forecast::compute(&p, day("2026-12-31"), 12);
    assert_eq!(f.families[0].rate.days, 334);
    assert_eq!(f.families[1].rate.days, 181);
    // Griffon's 27: ceil(27 × 334 / 73) = 124 days, 2027-05-04. Jaguar's 5: ceil(5 × 181
    // / 5) = 181 days, 2027-06-30.
    assert_eq!(f.families[0].finish, Finish::Projected(day("2027-05-04")));
    assert_eq!(f.families[1].finish, Finish::Projected(day("2027-06-30")));
    // The programme's date is the Jaguars', so the rate beside it is theirs: 5 in 181 days
    // gives the date back, where the programme's own rate (78 in 334 days, 32 left) would
    // give ceil(32 × 334 / 78) = 138 days, 2027-05-18.
    assert_eq!(f.programme.finish, Finish::Projected(day("2027-06-30")));
    assert_eq!(f.programme.finish_rests_on.as_deref(), Some("Jaguar"));
    assert_eq!(f.programme.finish_rate, f.families[1].rate);
    let (rate, left) = (f.programme.finish_rate, f.families[1].remaining());
    assert_eq!(rate.days_for(left), Some(181));
    assert_eq!(
        f.programme.rate.days_for(f.programme.remaining()),
        Some(138)
    );
    assert_eq!(
        f.points(None, day("2027-12-31")),
        [
            (day("2026-12-31"), 78),
            (day("2027-05-04"), 108), // 100 Griffon, 5 + floor(5 × 124 / 181) = 8 Jaguar
            (day("2027-06-30"), 110),
            (day("2027-12-31"), 110),
        ]
    );
}

fn vehicle(serial: &str, stage: u32, since: &str, hold: bool) -> Vehicle {
    Vehicle {
        serial: serial.into(),
        variant: VariantId(0),
        stage: StageId(stage),
        since: day(since),
        due: Some(day("2026-11-20")),
        site: SiteId(0),
        lot: None,
        hold: hold.then(|| "waiting for a radio".into()),
        history: Default::default(),
        origin: Origin::default(),
    }
}

#[test]
fn the_bottleneck_is_the_stage_with_the_longest_median_wait() {
    let mut p = programme(&[("Griffon", 100)]);
    p.stages = ["hull", "comms", "paint", "tests", "rework"]
        .iter()
        .map(|s| Stage {
            id: (*s).into(),
            name: s.to_uppercase(),
            families: Vec::new(),
            rework: *s == "rework",
        })
        .collect();
    // Today 2026-11-26. hull: 1 and 30 days, median 15.5. comms: 5, 40 and 50 days,
    // median 40. paint: 40 days, median 40, one vehicle: comms wins the tie with more
    // vehicles. tests: empty. rework: 100 days, but off the main line.
    p.queue = vec![
        vehicle("R", 4, "2026-08-18", false),
        vehicle("A", 0, "2026-11-25", false),
        vehicle("B", 0, "2026-10-27", false),
        vehicle("C", 1, "2026-11-21", false),
        vehicle("D", 1, "2026-10-17", true),
        vehicle("E", 1, "2026-10-07", false),
        vehicle("F", 2, "2026-10-17", false),
    ]
    .into();
    let f = Forecast::compute(&p, day("2026-11-26"), 6);
    let w = &f.stages;
    assert_eq!(w.len(), 5);
    assert_eq!((w[4].rework, w[4].median_days), (true, Some(100.0)));
    assert_eq!(w[0].median_days, Some(15.5));
    assert_eq!(w[0].longest_days, Some(30));
    assert_eq!(
        (w[1].vehicles, w[1].on_hold, w[1].overdue),
        (3, 1, 3),
        "every vehicle is past 2026-11-20"
    );
    assert_eq!(w[1].median_days, Some(40.0));
    assert_eq!((w[3].vehicles, w[3].median_days), (0, None));
    let b = f.bottleneck().unwrap();
    assert_eq!((b.stage, b.median_days), (StageId(1), Some(40.0)));

    // With equal medians and counts, the earlier stage.
    p.queue.push(vehicle("G", 2, "2026-10-17", false));
    p.queue.push(vehicle("H", 2, "2026-10-17", false));
    p.queue.remove(3);
    p.queue.push(vehicle("C", 1, "2026-10-17", false));
    let f = Forecast::compute(&p, day("2026-11-26"), 6);
    assert_eq!(f.bottleneck().unwrap().stage, StageId(1));

    // Only rework holds vehicles: no bottleneck on the line.
    p.queue = vec![vehicle("R", 4, "2026-08-18", false)].into();
    let f = Forecast::compute(&p, day("2026-11-26"), 6);
    assert_eq!(f.bottleneck(), None);
}

#[test]
fn nothing_contracted() {
    let f = Forecast::compute(&programme(&[]), day("2026-11-26"), 6);
    assert_eq!(f.verdict(), "no vehicles on contract");
    assert_eq!(
        f.programme.years,
        [
            year(2026, (0, 0, 0), (0, 0)),
            year(2027, (0, 0, 0), (0, 0)),
            year(2028, (0, 0, 0), (0, 0)),
            year(2029, (0, 0, 0), (0, 0)),
            year(2030, (0, 0, 0), (0, 0))
        ]
    );
}
