//! The delivery rate a forecast projects from: the vehicles counted in a window of days
//! ending today, each hand-over spread evenly over the days since the previous one.
//!
//! # Why spread
//!
//! Counting each hand-over on its own day made the rate jump whenever an old hand-over left
//! the window: on the bundled sample the Griffon slip went from 12 to 16 months between
//! 2026-12-01 and 2026-12-05 with the files unchanged. Spread, a hand-over of `q` vehicles
//! made `L` days after the previous one counts `q / L` on each of those `L` days, and the
//! rate counts the days that lie in the window. The family's first hand-over is spread over
//! the month before it (it too took time to build).
//!
//! In one sentence, for a programme officer: *each hand-over is spread over the days since
//! the previous one (the first over the month before it), the rate counts what falls in the
//! last `window_months` months, and divides it by those months, or by the days since the
//! first hand-over when deliveries began later (never less than a month).*
//!
//! So that the months before deliveries began do not dilute a young line's rate, the days
//! it divides by start at the first hand-over (at the latest a month before today) while
//! that is inside the window; the first hand-over's month still counts whole as long as it
//! lies in the window.
//!
//! # What this guarantees
//!
//! With unchanged files, from one day to the next the vehicles counted never rise, and fall
//! by at most the daily share `q / L` of the hand-over whose interval holds each day that
//! leaves the window; no hand-over ever drops out whole. The window moves by one day, except
//! at the ends of months, where a window of calendar months moves by 0 to 4 days, so that
//! its length changes by -3 to +1 days. `tests/forecast_stability.rs` checks this over
//! random delivery histories. On the sample the Griffon slip now reads 14, 15 and 17 months
//! on 2026-11-26, 12-01 and 12-05 (the line has handed over nothing since 11-19), moving by
//! at most a month from one day to the next.
//!
//! The finish date itself cannot be bounded in days by any rule that projects from recent
//! deliveries: as a stopped line's rate falls towards zero its finish runs away. It does so
//! day by day, and a rate resting on few hand-overs or a short window is marked
//! ([`Rate::confidence_note`]).
//!
//! Vehicles counted are kept in millionths of a vehicle, so that every projection is exact
//! whole-number arithmetic: at `c` millionths counted in `d` days, `floor(c × t / (d ×
//! 10⁶))` more vehicles have arrived `t` days after today, and the last of `r` remaining
//! arrives `ceil(r × d × 10⁶ / c)` days after today.

use chrono::Months;

use super::super::Date;
use super::super::dates::DAYS_PER_MONTH;
use super::super::words::plural;

/// Millionths in a vehicle: the unit of [`Rate::counted_millionths`].
pub const MILLIONTHS: u64 = 1_000_000;

/// The vehicles counted over a stretch of days ending today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// The first day of the window (the last is today).
    pub first_day: Date,
    /// Days in the window, today included.
    pub days: u32,
    /// Vehicles handed over on days in the window (whole hand-overs, as in the files).
    pub delivered: u32,
    /// Vehicles the rate counts, in millionths of a vehicle: each hand-over in proportion to
    /// the days of its interval (since the previous hand-over; for the first, the month
    /// before it) that lie in the last `window_months` months.
    pub counted_millionths: u64,
    /// True when the window was cut short because deliveries began inside it: it starts at
    /// the first hand-over, or a month before today if that is earlier.
    pub clipped: bool,
    /// Days in the window with at least one hand-over.
    pub hand_overs: u32,
}

/// A rate resting on fewer hand-over days than this is of low confidence: two hand-overs
/// make a rate, not a trend.
pub const MIN_HAND_OVERS: u32 = 4;

/// A rate measured over fewer days than this (about three months) is of low confidence.
pub const MIN_WINDOW_DAYS: u32 = 91;

impl Rate {
    /// True when nothing is counted in the window (no hand-over dated in it).
    pub fn is_zero(&self) -> bool {
        self.counted_millionths == 0
    }

    /// Vehicles the rate counts, as a number (see [`Rate::counted_millionths`]).
    pub fn counted(&self) -> f64 {
        self.counted_millionths as f64 / MILLIONTHS as f64
    }

    /// True when the rate rests on fewer than [`MIN_HAND_OVERS`] hand-over days or a window
    /// shorter than [`MIN_WINDOW_DAYS`]: a projection from it may move a lot from one
    /// hand-over to the next.
    pub fn is_low_confidence(&self) -> bool {
        self.hand_overs < MIN_HAND_OVERS || self.days < MIN_WINDOW_DAYS
    }

    /// Why the rate is of low confidence, in words (`low confidence: 2 hand-overs in 50
    /// days`); `None` when it is not.
    pub fn confidence_note(&self) -> Option<String> {
        self.is_low_confidence().then(|| {
            format!(
                "low confidence: {} in {}",
                plural(self.hand_overs as usize, "hand-over", "hand-overs"),
                plural(self.days as usize, "day", "days")
            )
        })
    }

    /// Vehicles per average month (30.44 days).
    pub fn per_month(&self) -> f64 {
        if self.days == 0 {
            return 0.0;
        }
        self.counted() * DAYS_PER_MONTH / f64::from(self.days)
    }

    /// Vehicles that arrive within `days` days at this rate (whole vehicles, rounded down).
    pub fn vehicles_in(&self, days: i64) -> u64 {
        if self.days == 0 || days <= 0 {
            return 0;
        }
        let n = u128::from(self.counted_millionths) * days as u128
            / (u128::from(self.days) * u128::from(MILLIONTHS));
        u64::try_from(n).unwrap_or(u64::MAX)
    }

    /// Days until `n` more vehicles have arrived at this rate; `None` at a rate of zero.
    pub fn days_for(&self, n: u32) -> Option<i64> {
        if self.counted_millionths == 0 {
            return None;
        }
        let days = (u128::from(n) * u128::from(self.days) * u128::from(MILLIONTHS))
            .div_ceil(u128::from(self.counted_millionths));
        Some(i64::try_from(days).unwrap_or(i64::MAX))
    }
}

/// The day `n` calendar months before `today`, plus one: the first day of a window of `n`
/// months ending today.
fn months_back(today: Date, n: u32) -> Date {
    today
        .checked_sub_months(Months::new(n))
        .and_then(|d| d.succ_opt())
        .unwrap_or(Date::MIN)
}

/// Days from `from` to `to`, both included (0 when `to` is before `from`).
fn days_between(from: Date, to: Date) -> u64 {
    u64::try_from((to - from).num_days() + 1).unwrap_or(0)
}

/// The rate over the window ending today; see the module's header for how each hand-over
/// is spread, and [`super::Forecast::compute`] for how the window is cut when deliveries
/// began inside it. Hand-overs dated after today are left out.
pub(super) fn rate(hand_overs: &[(Date, u32)], today: Date, window_months: u32) -> Rate {
    // One entry per day with a hand-over, in date order.
    let mut days: Vec<(Date, u64)> = hand_overs
        .iter()
        .filter(|&&(d, q)| q > 0 && d <= today)
        .map(|&(d, q)| (d, u64::from(q)))
        .collect();
    days.sort_unstable_by_key(|&(d, _)| d);
    days.dedup_by(|later, earlier| {
        let same = later.0 == earlier.0;
        if same {
            earlier.1 = earlier.1.saturating_add(later.1);
        }
        same
    });

    // The days counted are those from `window_first`; the days divided by start at
    // `first_day`, the first hand-over when deliveries began inside the window.
    let window_first = months_back(today, window_months);
    // A window is at least a month long, whatever the first hand-over.
    let latest_first = months_back(today, 1);
    let (first_day, clipped) = match days.first() {
        Some(&(f, _)) if f > window_first => (f.min(latest_first), true),
        _ => (window_first, false),
    };
    // The first hand-over is spread over the month before it.
    let spread_from = days.first().map(|&(d, _)| months_back(d, 1));

    let mut counted: u64 = 0;
    let mut delivered: u32 = 0;
    let mut hand_over_days: u32 = 0;
    let mut previous: Option<Date> = None;
    for &(day, quantity) in &days {
        // The interval of this hand-over: the days after the previous one up to its own.
        let from = match previous {
            Some(p) => p.succ_opt().unwrap_or(p),
            None => spread_from.unwrap_or(day),
        };
        previous = Some(day);
        if day < window_first {
            continue;
        }
        if day >= first_day {
            delivered = delivered.saturating_add(u32::try_from(quantity).unwrap_or(u32::MAX));
            hand_over_days = hand_over_days.saturating_add(1);
        }
        let length = days_between(from, day).max(1);
        let inside = days_between(from.max(window_first), day);
        let share =
            u128::from(quantity) * u128::from(MILLIONTHS) * u128::from(inside) / u128::from(length);
        counted = counted.saturating_add(u64::try_from(share).unwrap_or(u64::MAX));
    }

    Rate {
        first_day,
        days: u32::try_from(days_between(first_day, today)).unwrap_or(u32::MAX),
        delivered,
        counted_millionths: counted,
        clipped,
        hand_overs: hand_over_days,
    }
}
