//! The forecast's rate is stable from day to day when the files do not change: the bound
//! stated in `src/domain/forecast/rate.rs` and `docs/REPORT.md`, checked over random
//! delivery histories and consecutive days.
//!
//! With unchanged files, from one day to the next:
//! - the vehicles counted never rise;
//! - they fall by at most the days the window's first day moves times the largest daily
//!   share `q / L` of any hand-over (`q` vehicles `L` days after the previous one; the first
//!   over the month before it), never by a whole hand-over at once;
//! - the window's first day moves by 0 to 4 days (one, except at the ends of months), and
//!   its length changes by -3 to +1 days.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use chrono::Months;
use fleetdash::domain::forecast::{Finish, Forecast, MILLIONTHS};
use fleetdash::domain::{Date, Delivery, Family, FamilyId, Origin, Programme, Variant, VariantId};
use proptest::prelude::*;

fn day(s: &str) -> Date {
    s.parse().expect("a valid date")
}

/// One family of `contracted` vehicles with these hand-overs.
fn programme(contracted: u32, hand_overs: &[(Date, u32)]) -> Programme {
    Programme {
        families: vec![Family {
            name: "Griffon".into(),
        }],
        variants: vec![Variant {
            id: "grf".into(),
            family: FamilyId(0),
            name: "Griffon".into(),
            contracted,
            attributes: Vec::new(),
        }],
        deliveries: hand_overs
            .iter()
            .map(|&(date, quantity)| Delivery {
                date,
                variant: VariantId(0),
                quantity,
                serials: Vec::new(),
                histories: Box::default(),
                origin: Origin::default(),
            })
            .collect(),
        ..Programme::default()
    }
}

/// The first day of a window of `months` months ending `today`, as the rule states it.
fn window_first(today: Date, months: u32) -> Date {
    today
        .checked_sub_months(Months::new(months))
        .and_then(|d| d.succ_opt())
        .expect("a day in range")
}

/// The largest daily share of any hand-over, in millionths of a vehicle (rounded up): `q /
/// L` for `q` vehicles `L` days after the previous hand-over, the first over the month
/// before it.
fn largest_daily_share(hand_overs: &[(Date, u32)]) -> u64 {
    let mut days: Vec<(Date, u64)> = Vec::new();
    for &(d, q) in hand_overs.iter().filter(|&&(_, q)| q > 0) {
        match days.iter_mut().find(|(e, _)| *e == d) {
            Some((_, total)) => *total += u64::from(q),
            None => days.push((d, u64::from(q))),
        }
    }
    days.sort();
    let mut largest = 0;
    let mut previous: Option<Date> = None;
    for &(d, q) in &days {
        let length = match previous {
            Some(p) => (d - p).num_days(),
            None => (d - window_first(d, 1)).num_days() + 1,
        };
        let length = u64::try_from(length).expect("days in order");
        largest = largest.max((q * MILLIONTHS).div_ceil(length));
        previous = Some(d);
    }
    largest
}

/// A delivery history: up to 40 hand-overs of 0 to 60 vehicles, some on the same day,
/// between 2024-01-01 and 2027-06-30, and a day from 2024-06-01 to 2027-12-31 to look from.
fn history() -> impl Strategy<Value = (Vec<(Date, u32)>, Date, u32)> {
    let start = day("2024-01-01");
    (
        prop::collection::vec((0i64..1277, 0u32..=60), 0..40),
        152i64..1461,
        1u32..=24,
    )
        .prop_map(move |(hand_overs, today, months)| {
            let hand_overs = hand_overs
                .into_iter()
                .map(|(d, q)| (start + chrono::Duration::days(d), q))
                .collect();
            (hand_overs, start + chrono::Duration::days(today), months)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn with_unchanged_files_the_rate_only_drifts((all, today, months) in history()) {
        // The files do not change between the two days: nothing is dated after today.
        let hand_overs: Vec<(Date, u32)> =
            all.into_iter().filter(|&(d, _)| d <= today).collect();
        let p = programme(100_000, &hand_overs);
        let tomorrow = today.succ_opt().expect("a next day");
        let before = Forecast::compute(&p, today, months).families[0].rate;
        let after = Forecast::compute(&p, tomorrow, months).families[0].rate;

        prop_assert!(
            after.counted_millionths <= before.counted_millionths,
            "counted rose: {before:?} to {after:?}"
        );
        let moved = (window_first(tomorrow, months) - window_first(today, months)).num_days();
        prop_assert!((0..=4).contains(&moved), "the window moved {moved} days");
        let moved = u64::try_from(moved).expect("not negative");
        // Each hand-over's share is rounded down to a millionth on its own: one millionth
        // of slack per hand-over.
        let slack = hand_overs.len() as u64;
        let bound = moved * largest_daily_share(&hand_overs) + slack;
        let fell = before.counted_millionths - after.counted_millionths;
        prop_assert!(fell <= bound, "fell {fell} > {bound}: {before:?} to {after:?}");
        let grew = i64::from(after.days) - i64::from(before.days);
        prop_assert!((-3..=1).contains(&grew), "the window grew by {grew} days");
        // No hand-over drops out whole: whenever something was counted and a day with a
        // hand-over is still in the window, something is still counted.
        if after.hand_overs > 0 {
            prop_assert!(after.counted_millionths > 0, "{after:?}");
        }
    }
}

/// A line that hands over 3 vehicles every 14 days and then stops: day after day its rate
/// falls by 3/14 of a vehicle over the window's days, and its finish moves later each day
/// by a little, until its last hand-over leaves the window. Counting whole hand-overs, the
/// rate fell by 3 vehicles every 14th day and the finish jumped.
#[test]
fn a_line_that_stops_delivering_slows_down_day_by_day() {
    let first = day("2025-01-07");
    let hand_overs: Vec<(Date, u32)> = (0..40)
        .map(|i| (first + chrono::Duration::days(14 * i), 3))
        .collect();
    let last = hand_overs.last().map(|&(d, _)| d).expect("hand-overs");
    let p = programme(1_000, &hand_overs);
    let mut today = last;
    let mut previous: Option<(u64, Date)> = None;
    // Six months and a few days: past the day the last hand-over leaves the window.
    for _ in 0..190 {
        let f = Forecast::compute(&p, today, 6);
        let rate = f.families[0].rate;
        if let Some((counted, finish)) = previous {
            // A day moves the window by at most 4 days (month ends), each losing at most
            // 3/14 of a vehicle: 857 143 millionths, plus one of rounding per hand-over.
            let fell = counted - rate.counted_millionths;
            assert!(fell <= 4 * 214_286 + 40, "{today}: fell {fell}");
            match f.families[0].finish {
                Finish::Projected(day) => assert!(day > finish, "{today}: {day} <= {finish}"),
                Finish::Stalled(_) => assert_eq!(rate.counted_millionths, 0, "{today}"),
                ref other => panic!("{today}: {other:?}"),
            }
        }
        if let Finish::Projected(day) = f.families[0].finish {
            previous = Some((rate.counted_millionths, day));
        } else {
            break;
        }
        today = today.succ_opt().expect("a next day");
    }
    // The last hand-over has left the window, six months after it: nothing is projected
    // any more.
    let f = Forecast::compute(&p, today, 6);
    assert_eq!(f.families[0].finish, Finish::Stalled(last), "{today}");
    assert_eq!(today, day("2027-01-07"));
}
