//! The values of a status file that are checked alone, while deserializing, so that
//! serde_yaml reports them at their line and column: serials, names, quantities, dates
//! and years.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::{MAX_QUANTITY, SERIALS, SerialRef};
use crate::domain::balance::MAX_LEAD_DAYS;
use crate::domain::{Date, Name};

/// Reads any scalar as text, as serde reads a `String`, so that problems read the same.
/// (Cleaned as [`crate::text::clean_owned`] cleans.)
struct SerialVisitor;

impl Visitor<'_> for SerialVisitor {
    type Value = SerialRef;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<SerialRef, E> {
        let cleaned = crate::text::clean(v.trim());
        let serial = cleaned.trim();
        SERIALS.with(|s| {
            let mut s = s.borrow_mut();
            // Outside `with_serials` (a RawVehicle deserialized alone) the serial has no
            // file to go to: it reads as empty.
            let Some(text) = s.as_mut() else {
                return Ok(SerialRef::default());
            };
            let start = u32::try_from(text.len());
            let end = u32::try_from(text.len() + serial.len());
            let (Ok(start), Ok(end)) = (start, end) else {
                return Err(E::custom(
                    "the serials of this file add up to more than 4 GiB",
                ));
            };
            text.push_str(serial);
            Ok(SerialRef { start, end })
        })
    }
}

impl<'de> Deserialize<'de> for SerialRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_string(SerialVisitor)
    }
}

/// Runs `f` on the text of a name as written: trimmed, cleaned ([`crate::text::clean`]),
/// trimmed again. The one reading of names, shared or in a file's table ([`super::NameRef`]).
pub(super) fn cleaned_name<R>(v: &str, f: impl FnOnce(&str) -> R) -> R {
    let cleaned = crate::text::clean(v.trim());
    f(cleaned.trim())
}

/// A name kept as itself (a visit's stage; the records' names are [`super::NameRef`]s):
/// cleaned and trimmed, and shared with every record that names the same (see
/// [`crate::status::intern`]).
impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Name;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Name, E> {
                Ok(cleaned_name(v, crate::status::intern::intern))
            }
        }
        d.deserialize_string(V)
    }
}

/// A whole number of vehicles, 0 to [`MAX_QUANTITY`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity(pub u32);

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day(pub Date);

/// A year written as a whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Year(pub i32);

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(QuantityVisitor).map(Quantity)
    }
}

struct QuantityVisitor;

impl<'de> Visitor<'de> for QuantityVisitor {
    type Value = u32;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a whole number of vehicles from 0 to {MAX_QUANTITY}")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u32, E> {
        if v > MAX_QUANTITY {
            return Err(E::custom(format!(
                "{v} vehicles is not a plausible quantity: write a whole number from 0 to {MAX_QUANTITY}"
            )));
        }
        Ok(v as u32)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u32, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(E::custom(format!(
                "a quantity cannot be negative (found {v}): write a whole number from 0 to {MAX_QUANTITY}"
            ))),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<u32, E> {
        if v.fract() == 0.0 && (0.0..=MAX_QUANTITY as f64).contains(&v) {
            return Ok(v as u32);
        }
        // A whole number out of range (`1e30`, `-2.0`) is implausible, not fractional; `{:e}`
        // keeps `1e30` from being shown as thirty-one digits.
        let shown = if v.abs() >= 1e9 {
            format!("{v:e}")
        } else {
            v.to_string()
        };
        let why = if !v.is_finite() || v.fract() != 0.0 {
            format!("{shown} is not a whole number of vehicles")
        } else if v < 0.0 {
            format!("a quantity cannot be negative (found {shown})")
        } else {
            format!("{shown} vehicles is not a plausible quantity")
        };
        Err(E::custom(format!(
            "{why}: write a whole number from 0 to {MAX_QUANTITY}"
        )))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<u32, E> {
        Err(E::custom(format!(
            "expected a whole number of vehicles, found the text `{}`: write the number without quotes or units",
            crate::text::clean_quote(v)
        )))
    }
}

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = i32;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a year such as 2025")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<i32, E> {
                if (1900..=2200).contains(&v) {
                    Ok(v as i32)
                } else {
                    Err(E::custom(format!(
                        "{v} is not a plausible year: write a year from 1900 to 2200"
                    )))
                }
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<i32, E> {
                self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
            }
        }
        d.deserialize_any(V).map(Year)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date written YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                parse_date(v).map_err(E::custom)
            }
        }
        d.deserialize_str(V).map(Day)
    }
}

/// Parses `YYYY-MM-DD`, explaining what is wrong with a date that is not one.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let shown = crate::text::clean_quote(s);
    let parts: Vec<&str> = s.trim().split('-').collect();
    let [y, m, d] = parts[..] else {
        return Err(format!(
            "`{shown}` is not a date: write it as YYYY-MM-DD, e.g. 2026-03-31"
        ));
    };
    let number = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(y, 4), number(m, 2), number(d, 2)) else {
        return Err(format!(
            "`{shown}` is not a date: write it as YYYY-MM-DD, e.g. 2026-03-31"
        ));
    };
    if !(1..=12).contains(&month) {
        return Err(format!(
            "`{shown}` is not a date: there is no month {month}; write YYYY-MM-DD"
        ));
    }
    Date::from_ymd_opt(year as i32, month, day).ok_or_else(|| {
        let last = days_in_month(year as i32, month);
        format!(
            "`{shown}` is not a date: {} {year} has {last} days",
            month_name(month)
        )
    })
}

/// The English name of `month` (1–12).
pub fn month_name(month: u32) -> &'static str {
    u8::try_from(month)
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
        .map_or("?", |m| m.name())
}

/// The days of `month` (1–12) of `year`; 31 for a month that is not one.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        Date::from_ymd_opt(year + 1, 1, 1)
    } else {
        Date::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).map_or(31, |d| {
        use chrono::Datelike;
        d.day()
    })
}

/// A stage's planned lead time to hand-over, in days: one whole number for every family
/// the stage applies to, or a mapping from family to days (`{Griffon: 55, Jaguar: 90}`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeadDays {
    /// The days for every family (a number written alone).
    pub all: Option<u32>,
    /// The days per family, in file order (a mapping), the family's name as written.
    pub families: Vec<(String, u32)>,
    /// Where `lead_time_days` is written, filled in by the locator.
    pub loc: crate::status::problem::Loc,
}

/// Whole days from 0 to [`MAX_LEAD_DAYS`].
struct Days(u32);

struct DaysVisitor;

impl Visitor<'_> for DaysVisitor {
    type Value = u32;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a whole number of days from 0 to {MAX_LEAD_DAYS}")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u32, E> {
        if v > u64::from(MAX_LEAD_DAYS) {
            return Err(E::custom(format!(
                "a lead time of {v} days is not plausible: write the days from entering the stage to hand-over, 0 to {MAX_LEAD_DAYS}"
            )));
        }
        Ok(v as u32)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u32, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(E::custom(format!(
                "a lead time cannot be negative (found {v}): write the days from entering the stage to hand-over, 0 to {MAX_LEAD_DAYS}"
            ))),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<u32, E> {
        if v.fract() == 0.0 && (0.0..=f64::from(MAX_LEAD_DAYS)).contains(&v) {
            return Ok(v as u32);
        }
        Err(E::custom(format!(
            "a lead time is whole days (found {v}): write a whole number from 0 to {MAX_LEAD_DAYS}"
        )))
    }
}

impl<'de> Deserialize<'de> for Days {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DaysVisitor).map(Days)
    }
}

struct LeadVisitor;

impl<'de> Visitor<'de> for LeadVisitor {
    type Value = LeadDays;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "a whole number of days (0 to {MAX_LEAD_DAYS}), or days per family such as `{{Griffon: 55, Jaguar: 90}}`"
        )
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<LeadDays, E> {
        DaysVisitor.visit_u64(v).map(|d| LeadDays {
            all: Some(d),
            ..LeadDays::default()
        })
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<LeadDays, E> {
        DaysVisitor.visit_i64(v).map(|d| LeadDays {
            all: Some(d),
            ..LeadDays::default()
        })
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<LeadDays, E> {
        DaysVisitor.visit_f64(v).map(|d| LeadDays {
            all: Some(d),
            ..LeadDays::default()
        })
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<LeadDays, A::Error> {
        let mut families = Vec::new();
        while let Some((family, Days(d))) = map.next_entry::<String, Days>()? {
            families.push((crate::text::clean_owned(family.trim()), d));
        }
        Ok(LeadDays {
            families,
            ..LeadDays::default()
        })
    }
}

impl<'de> Deserialize<'de> for LeadDays {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LeadVisitor)
    }
}
