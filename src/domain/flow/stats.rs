//! The arithmetic of the flow figures: whole-day histograms and their percentiles, series
//! of weekly or monthly counts, the calendar's week and month numbers, and the trend.

use chrono::Datelike;

use super::super::Date;

/// Days as a whole-day histogram: `counts[d]` values equal `d`. Two histograms add
/// (a reload merges what each source gave) and a percentile is a walk over the days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hist {
    counts: Vec<u32>,
    n: u64,
    sum: u64,
}

impl Hist {
    /// Counts one value of `days`.
    pub fn add(&mut self, days: u32) {
        let d = days as usize;
        if d >= self.counts.len() {
            self.counts.resize(d + 1, 0);
        }
        self.counts[d] += 1;
        self.n += 1;
        self.sum += u64::from(days);
    }

    /// Adds every value of `other`.
    pub fn merge(&mut self, other: &Hist) {
        if other.counts.len() > self.counts.len() {
            self.counts.resize(other.counts.len(), 0);
        }
        for (a, b) in self.counts.iter_mut().zip(&other.counts) {
            *a += b;
        }
        self.n += other.n;
        self.sum += other.sum;
    }

    /// How many values.
    pub fn len(&self) -> u64 {
        self.n
    }

    /// True when no value was counted.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The `k`-th smallest value, from 1.
    fn nth(&self, k: u64) -> u32 {
        let mut seen = 0u64;
        for (d, &c) in self.counts.iter().enumerate() {
            seen += u64::from(c);
            if seen >= k {
                return d as u32;
            }
        }
        self.counts.len().saturating_sub(1) as u32
    }

    /// The median: the middle value, or the mean of the two middle ones.
    pub fn median(&self) -> Option<f64> {
        let n = self.n;
        match n {
            0 => None,
            _ if n % 2 == 1 => Some(f64::from(self.nth(n / 2 + 1))),
            _ => Some((f64::from(self.nth(n / 2)) + f64::from(self.nth(n / 2 + 1))) / 2.0),
        }
    }

    /// The 85th percentile by nearest rank: the smallest value at least 85 % of the values
    /// are at or under (the value of rank ⌈0.85 n⌉).
    pub fn p85(&self) -> Option<u32> {
        (self.n > 0).then(|| self.nth((self.n * 85).div_ceil(100)))
    }

    /// The mean.
    pub fn mean(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum as f64 / self.n as f64)
    }

    /// The largest value.
    pub fn max(&self) -> Option<u32> {
        (self.n > 0).then(|| self.counts.len().saturating_sub(1) as u32)
    }
}

/// Values per period (week or month number), from `first`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series<T> {
    /// The number of the first period.
    pub first: i32,
    /// One value per period.
    pub values: Vec<T>,
}

impl<T> Default for Series<T> {
    fn default() -> Self {
        Series {
            first: 0,
            values: Vec::new(),
        }
    }
}

impl<T: Copy + Default + std::ops::AddAssign> Series<T> {
    /// An empty series able to hold periods `first..=last` without growing.
    pub fn spanning(first: i32, last: i32) -> Self {
        let n = usize::try_from(last - first + 1).unwrap_or(0);
        Series {
            first,
            values: vec![T::default(); n],
        }
    }

    /// Adds `v` to period `at`, growing the series to hold it.
    pub fn add(&mut self, at: i32, v: T) {
        if self.values.is_empty() {
            self.first = at;
        }
        if at < self.first {
            let grow = (self.first - at) as usize;
            self.values
                .splice(0..0, std::iter::repeat_n(T::default(), grow));
            self.first = at;
        }
        let i = (at - self.first) as usize;
        if i >= self.values.len() {
            self.values.resize(i + 1, T::default());
        }
        self.values[i] += v;
    }

    /// The value of period `at` (the default outside the series).
    pub fn get(&self, at: i32) -> T {
        usize::try_from(at - self.first)
            .ok()
            .and_then(|i| self.values.get(i).copied())
            .unwrap_or_default()
    }

    /// The periods that hold a value: `None` when the series is empty.
    pub fn span(&self) -> Option<(i32, i32)> {
        (!self.values.is_empty()).then(|| (self.first, self.first + self.values.len() as i32 - 1))
    }

    /// Adds every value of `other`.
    pub fn merge(&mut self, other: &Series<T>) {
        for (i, &v) in other.values.iter().enumerate() {
            self.add(other.first + i as i32, v);
        }
    }

    /// The values of periods `first..=last`, the default where the series holds none.
    pub fn window(&self, first: i32, last: i32) -> Vec<T> {
        (first..=last).map(|at| self.get(at)).collect()
    }
}

/// The number of the week (Monday to Sunday) holding `day`.
pub fn week(day: Date) -> i32 {
    // Day 1 of the common era, 0001-01-01, was a Monday.
    (day.num_days_from_ce() - 1).div_euclid(7)
}

/// The Monday of week `w`.
pub fn week_start(w: i32) -> Date {
    Date::from_num_days_from_ce_opt(w * 7 + 1).unwrap_or_default()
}

/// The number of the month holding `day` (months since year 0).
pub fn month(day: Date) -> i32 {
    day.year() * 12 + day.month0() as i32
}

/// The first day of month `m`.
pub fn month_start(m: i32) -> Date {
    Date::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1).unwrap_or_default()
}

/// Whole days from `from` to `to`, 0 when `to` comes first.
pub fn days(from: Date, to: Date) -> u32 {
    u32::try_from((to - from).num_days()).unwrap_or(0)
}

/// Which way a throughput goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The recent periods average more than 10 % above the earlier ones.
    Rising,
    /// Within 10 % of the earlier ones.
    Steady,
    /// More than 10 % below.
    Falling,
}

impl Direction {
    /// `rising`, `steady`, `falling`.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Rising => "rising",
            Direction::Steady => "steady",
            Direction::Falling => "falling",
        }
    }

    /// `↗`, `→`, `↘`.
    pub fn arrow(self) -> &'static str {
        match self {
            Direction::Rising => "↗",
            Direction::Steady => "→",
            Direction::Falling => "↘",
        }
    }
}

/// The trend of a throughput: the mean of the last `n` complete periods against the mean
/// of the `n` before them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trend {
    /// Periods in each half.
    pub periods: u32,
    /// The mean per period of the last `periods` complete periods.
    pub recent: f64,
    /// The mean per period of the `periods` before them.
    pub earlier: f64,
    /// Which way it goes.
    pub direction: Direction,
}

/// The trend of `values` (one per period, the last the current period, still open):
/// `None` when fewer than `2 n` complete periods exist.
pub fn trend(values: &[u32], n: usize) -> Option<Trend> {
    let complete = values.len().checked_sub(1)?;
    if n == 0 || complete < 2 * n {
        return None;
    }
    let mean = |s: &[u32]| s.iter().map(|&v| f64::from(v)).sum::<f64>() / n as f64;
    let recent = mean(&values[complete - n..complete]);
    let earlier = mean(&values[complete - 2 * n..complete - n]);
    let direction = if recent > earlier * 1.1 {
        Direction::Rising
    } else if recent < earlier * 0.9 {
        Direction::Falling
    } else {
        Direction::Steady
    };
    Some(Trend {
        periods: n as u32,
        recent,
        earlier,
        direction,
    })
}
