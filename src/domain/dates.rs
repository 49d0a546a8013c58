//! Calendar arithmetic the figures share: month names, the share of a year that has passed,
//! the end of a year, and spans of days counted in average months.
//!
//! Every function is total: a day out of chrono's range gives the nearest day it can hold
//! instead of a panic.

use chrono::{Datelike, TimeDelta};

use super::Date;

/// The average month, 365.25 / 12 days, for rates per month and spans in months.
pub const DAYS_PER_MONTH: f64 = 365.25 / 12.0;

/// The English name of a month, 1 to 12 (`January`); `?` for any other number.
pub fn month_name(month: u32) -> &'static str {
    u8::try_from(month)
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
        .map_or("?", |m| m.name())
}

/// A day's month and year, as a finish is shown: `January 2032`.
pub fn month_and_year(day: Date) -> String {
    format!("{} {}", month_name(day.month()), day.year())
}

/// The share of `day`'s year that has passed at the end of `day` (1.0 on 31 December).
pub fn year_fraction(day: Date) -> f64 {
    f64::from(day.ordinal()) / f64::from(days_in_year(day.year()))
}

/// 365, or 366 in a leap year.
pub fn days_in_year(year: i32) -> u32 {
    if Date::from_ymd_opt(year, 2, 29).is_some() {
        366
    } else {
        365
    }
}

/// 31 December of `year` (the last day chrono holds for a year beyond its range).
pub fn end_of_year(year: i32) -> Date {
    Date::from_ymd_opt(year, 12, 31).unwrap_or(if year < 0 { Date::MIN } else { Date::MAX })
}

/// `days` after `day` (before it when negative), held at chrono's first or last day.
pub fn add_days(day: Date, days: i64) -> Date {
    TimeDelta::try_days(days)
        .and_then(|d| day.checked_add_signed(d))
        .unwrap_or(if days < 0 { Date::MIN } else { Date::MAX })
}

/// The span from `from` to `to` in average months (negative when `to` is earlier).
pub fn months_between(from: Date, to: Date) -> f64 {
    (to - from).num_days() as f64 / DAYS_PER_MONTH
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn month_names_and_out_of_range_months() {
        assert_eq!(month_name(1), "January");
        assert_eq!(month_name(12), "December");
        assert_eq!(month_name(0), "?");
        assert_eq!(month_name(13), "?");
        assert_eq!(month_name(u32::MAX), "?");
        assert_eq!(month_and_year(day(2032, 1, 3)), "January 2032");
    }

    #[test]
    fn shares_of_a_year() {
        // 2026-11-26 is day 330 of 365: 31+28+31+30+31+30+31+31+30+31 = 304, + 26.
        assert_eq!(year_fraction(day(2026, 11, 26)), 330.0 / 365.0);
        assert_eq!(year_fraction(day(2028, 12, 31)), 1.0);
        assert_eq!(year_fraction(day(2028, 1, 1)), 1.0 / 366.0);
        assert_eq!(days_in_year(2028), 366);
        assert_eq!(days_in_year(2100), 365);
        assert_eq!(days_in_year(2000), 366);
    }

    #[test]
    fn ends_of_years_and_spans() {
        assert_eq!(end_of_year(2030), day(2030, 12, 31));
        assert_eq!(end_of_year(i32::MAX), Date::MAX);
        assert_eq!(end_of_year(i32::MIN), Date::MIN);
        assert_eq!(add_days(day(2026, 12, 31), 39), day(2027, 2, 8));
        assert_eq!(add_days(day(2026, 12, 31), -365), day(2025, 12, 31));
        assert_eq!(add_days(day(2026, 1, 1), i64::MAX), Date::MAX);
        assert_eq!(add_days(day(2026, 1, 1), i64::MIN), Date::MIN);
        // 2030-12-31 to 2032-01-03: 365 + 3 days.
        let m = months_between(day(2030, 12, 31), day(2032, 1, 3));
        assert!((m - 368.0 / DAYS_PER_MONTH).abs() < 1e-12, "{m}");
        assert!(months_between(day(2032, 1, 3), day(2030, 12, 31)) < 0.0);
    }
}
