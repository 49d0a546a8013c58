//! The delivery rate a forecast projects from: the vehicles handed over in a window of days
//! ending today, kept as a fraction so that every projection is a whole number of vehicles.

use chrono::Months;

use super::super::Date;
use super::super::dates::DAYS_PER_MONTH;
use super::super::words::plural;

/// Vehicles handed over during a stretch of days ending today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// The first day of the window (the last is today).
    pub first_day: Date,
    /// Days in the window, today included.
    pub days: u32,
    /// Vehicles handed over in the window.
    pub delivered: u32,
    /// True when the window was cut short because deliveries began inside it.
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
    /// True when nothing was handed over in the window.
    pub fn is_zero(&self) -> bool {
        self.delivered == 0
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
        f64::from(self.delivered) * DAYS_PER_MONTH / f64::from(self.days)
    }

    /// Vehicles that arrive within `days` days at this rate (whole vehicles, rounded down).
    pub fn vehicles_in(&self, days: i64) -> u64 {
        if self.days == 0 || days <= 0 {
            return 0;
        }
        (u64::from(self.delivered) * days as u64) / u64::from(self.days)
    }

    /// Days until `n` more vehicles have arrived at this rate; `None` at a rate of zero.
    pub fn days_for(&self, n: u32) -> Option<i64> {
        if self.delivered == 0 {
            return None;
        }
        let (n, d, r) = (
            u64::from(n),
            u64::from(self.days),
            u64::from(self.delivered),
        );
        Some((n * d).div_ceil(r) as i64)
    }
}

/// The rate over the window ending today; see [`Forecast::compute`] for how the window is
/// cut when deliveries began inside it.
pub(super) fn rate(hand_overs: &[(Date, u32)], today: Date, window_months: u32) -> Rate {
    let months_back = |n: u32| {
        today
            .checked_sub_months(Months::new(n))
            .and_then(|d| d.succ_opt())
            .unwrap_or(Date::MIN)
    };
    let window_first = months_back(window_months);
    // A window is at least a month long, whatever the first hand-over.
    let latest_first = months_back(1);
    let first_hand_over = hand_overs.iter().map(|&(d, _)| d).min();
    let (first_day, clipped) = match first_hand_over {
        Some(f) if f > window_first => (f.min(latest_first), true),
        _ => (window_first, false),
    };
    let in_window = || hand_overs.iter().filter(|&&(d, _)| d >= first_day);
    let delivered = in_window().fold(0u32, |a, &(_, q)| a.saturating_add(q));
    let mut days_with_hand_overs: Vec<Date> = in_window()
        .filter(|&&(_, q)| q > 0)
        .map(|&(d, _)| d)
        .collect();
    days_with_hand_overs.sort_unstable();
    days_with_hand_overs.dedup();
    let days = u32::try_from((today - first_day).num_days() + 1).unwrap_or(u32::MAX);
    Rate {
        first_day,
        days,
        delivered,
        clipped,
        hand_overs: u32::try_from(days_with_hand_overs.len()).unwrap_or(u32::MAX),
    }
}
