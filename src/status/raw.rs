//! The status files as written: serde types that mirror `docs/FORMAT.md` one to one.
//!
//! Values that can be checked alone (dates, quantities) are checked while deserializing,
//! so that serde_yaml reports them with their line and column. Checks that need the whole
//! set (references, duplicates, totals) happen in [`super::merge`].
//!
//! The same types give `fleetdash schema` its JSON Schema: the doc comments of the fields
//! are what an editor shows. The types with a hand-written `Deserialize` have a
//! hand-written `JsonSchema` in [`crate::schema`].
//!
//! The queue and the deliveries may hold a hundred thousand records, kept between loads
//! (see [`super::Loader`]): their texts are cleaned once here ([`crate::text::clean_owned`]),
//! names are shared through the loader's interner ([`Name`]), and the serials of a file are
//! kept in one text that the merged programme shares rather than copies ([`SerialRef`]).

use std::cell::RefCell;
use std::fmt;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::problem::Loc;
use crate::domain::{Date, Name, Serial};

/// The highest quantity fleetdash accepts in one field: far above any fleet, far below
/// overflow when summed.
pub const MAX_QUANTITY: u64 = 1_000_000;

/// The format versions this build reads.
pub const SUPPORTED_VERSION: u32 = 1;

/// One status file. Every section is optional; the set's files are merged.
#[derive(Debug, Default, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    /// The format version: write `version: 1` at the top of every file.
    pub version: Option<u32>,
    /// The programme's identity (exactly once in the set).
    pub programme: Option<RawProgramme>,
    /// The vehicle variants on contract.
    pub variants: Option<Vec<RawVariant>>,
    /// The final-assembly stages, in the order a vehicle goes through them.
    pub stages: Option<Vec<RawStage>>,
    pub plan: Option<RawPlan>,
    /// The vehicles in final assembly now.
    pub queue: Option<Vec<RawVehicle>>,
    /// Hand-overs to the customer.
    pub deliveries: Option<Vec<RawDelivery>>,
    /// Where each section starts, filled in by the locator.
    #[serde(skip)]
    pub section_locs: SectionLocs,
    /// The text of every serial of the file, one after the other (see [`SerialRef`]).
    #[serde(skip)]
    pub serials: Arc<str>,
}

impl RawFile {
    /// The text of a serial of this file.
    pub fn serial(&self, r: SerialRef) -> &str {
        self.serials
            .get(r.start as usize..r.end as usize)
            .unwrap_or_default()
    }

    /// A serial of this file, sharing the file's text of serials.
    pub fn shared_serial(&self, r: SerialRef) -> Serial {
        if self.serials.get(r.start as usize..r.end as usize).is_some() {
            Serial::within(&self.serials, r.start..r.end)
        } else {
            Serial::new("")
        }
    }

    /// Gives back the room the lists grew into while parsing: a file is kept for as long
    /// as the dashboard runs, and a list grown by doubling may be half empty.
    pub fn shrink_to_fit(&mut self) {
        if let Some(q) = &mut self.queue {
            q.shrink_to_fit();
        }
        if let Some(d) = &mut self.deliveries {
            d.shrink_to_fit();
            for d in d.iter_mut() {
                if let Some(s) = &mut d.serials {
                    s.shrink_to_fit();
                }
            }
        }
    }
}

/// The line of each top-level section, for problems about a section as a whole.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct SectionLocs {
    pub version: Loc,
    pub programme: Loc,
    pub variants: Loc,
    pub stages: Loc,
    pub plan: Loc,
    pub queue: Loc,
    pub deliveries: Loc,
}

#[derive(Debug, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProgramme {
    pub name: String,
    pub customer: Option<String>,
    pub prime: Option<String>,
    pub final_assembler: Option<String>,
    /// The first delivery year.
    pub first_year: Year,
    /// The last delivery year.
    pub last_year: Year,
}

#[derive(Debug, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawVariant {
    /// The short name other sections use, such as `grf-tt`.
    pub id: String,
    /// Variants of one family are added up together.
    pub family: String,
    /// The display name.
    pub name: String,
    /// Vehicles on contract.
    pub contracted: Quantity,
    /// Free text shown in the variant's detail, such as `role: ambulance`.
    #[serde(default)]
    pub attributes: Attributes,
    #[serde(skip)]
    pub loc: Loc,
}

#[derive(Debug, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawStage {
    /// The short name the queue uses.
    pub id: String,
    pub name: String,
    /// The families the stage applies to; every family when left out.
    #[serde(default)]
    pub families: Vec<String>,
    /// Off the main line: vehicles sent back after a defect found at acceptance.
    #[serde(default)]
    pub rework: bool,
    #[serde(skip)]
    pub loc: Loc,
    #[serde(skip)]
    pub families_loc: Loc,
}

#[derive(Debug, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawVehicle {
    #[schemars(with = "String")]
    pub serial: SerialRef,
    /// The `id` of a variant.
    #[schemars(with = "String")]
    pub variant: Name,
    /// The `id` of the stage it is in now.
    #[schemars(with = "String")]
    pub stage: Name,
    /// The date it entered that stage.
    pub since: Day,
    /// The date it is due to leave final assembly.
    pub due: Option<Day>,
    #[schemars(with = "String")]
    pub site: Name,
    /// The production lot.
    #[schemars(with = "Option<String>")]
    pub lot: Option<Name>,
    /// Why it is not moving, when it is on hold.
    #[schemars(with = "Option<String>")]
    pub hold: Option<Name>,
    /// Where the entry and its `variant`, `stage`, `since` and `due` are written.
    #[serde(skip)]
    pub places: Places<4>,
}

impl RawVehicle {
    pub fn loc(&self) -> Loc {
        self.places.entry()
    }

    pub fn variant_loc(&self) -> Loc {
        self.places.field(0)
    }

    pub fn stage_loc(&self) -> Loc {
        self.places.field(1)
    }

    pub fn since_loc(&self) -> Loc {
        self.places.field(2)
    }

    pub fn due_loc(&self) -> Loc {
        self.places.field(3)
    }
}

#[derive(Debug, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDelivery {
    /// The day of the hand-over.
    pub date: Day,
    /// The `id` of a variant.
    #[schemars(with = "String")]
    pub variant: Name,
    /// The serials handed over, one vehicle each.
    #[schemars(with = "Option<Vec<String>>")]
    pub serials: Option<Vec<SerialRef>>,
    /// The number handed over; must agree with `serials` when both are given.
    pub count: Option<Quantity>,
    /// Where the entry and its `variant`, `date` and `serials` are written.
    #[serde(skip)]
    pub places: Places<3>,
}

impl RawDelivery {
    pub fn loc(&self) -> Loc {
        self.places.entry()
    }

    pub fn variant_loc(&self) -> Loc {
        self.places.field(0)
    }

    pub fn date_loc(&self) -> Loc {
        self.places.field(1)
    }

    pub fn serials_loc(&self) -> Loc {
        self.places.field(2)
    }
}

/// Where a record and `N` of its fields are written, in 24 bytes instead of 8 per place: a
/// field of a block-style entry is on a line of its own below the entry's first line, at
/// the entry's column, and then takes one byte (how many lines below). A field anywhere
/// else (flow style) is kept in full beside.
#[derive(Debug, Clone, PartialEq)]
pub struct Places<const N: usize> {
    entry: Loc,
    /// Per field: 0 at the entry's own place, 1 to 254 that many lines below it at its
    /// column, [`Places::ELSEWHERE`] in `elsewhere`.
    below: [u8; N],
    elsewhere: Option<Box<[Loc; N]>>,
}

impl<const N: usize> Places<N> {
    const ELSEWHERE: u8 = u8::MAX;

    pub fn new(entry: Loc, fields: [Loc; N]) -> Self {
        let mut below = [0; N];
        for (b, f) in below.iter_mut().zip(&fields) {
            *b = if *f == entry {
                0
            } else if f.column == entry.column && f.line > entry.line {
                u8::try_from(f.line - entry.line)
                    .ok()
                    .filter(|&n| n < Self::ELSEWHERE)
                    .unwrap_or(Self::ELSEWHERE)
            } else {
                Self::ELSEWHERE
            };
        }
        let elsewhere = below.contains(&Self::ELSEWHERE).then(|| Box::new(fields));
        Places {
            entry,
            below,
            elsewhere,
        }
    }

    pub fn entry(&self) -> Loc {
        self.entry
    }

    /// The place of field `i`.
    pub fn field(&self, i: usize) -> Loc {
        match self.below[i] {
            0 => self.entry,
            Self::ELSEWHERE => self.elsewhere.as_ref().map_or(self.entry, |f| f[i]),
            n => Loc::new(self.entry.line + u32::from(n), self.entry.column),
        }
    }
}

impl<const N: usize> Default for Places<N> {
    fn default() -> Self {
        Places {
            entry: Loc::UNKNOWN,
            below: [0; N],
            elsewhere: None,
        }
    }
}

/// The `plan` section: years in file order, each with its variants in file order.
/// Kept as lists (not maps) so that a year or variant written twice is reported, not lost.
#[derive(Debug, Default, PartialEq)]
pub struct RawPlan {
    pub years: Vec<RawPlanYear>,
}

#[derive(Debug, PartialEq)]
pub struct RawPlanYear {
    pub year: i64,
    pub entries: Vec<RawPlanEntry>,
    pub loc: Loc,
}

#[derive(Debug, PartialEq)]
pub struct RawPlanEntry {
    pub variant: String,
    pub quantity: u32,
    pub loc: Loc,
}

/// Free attributes in file order.
#[derive(Debug, Default, PartialEq)]
pub struct Attributes(pub Vec<(String, String)>);

/// A serial of a file: where its text is in the file's text of serials ([`RawFile::serials`]).
/// Serials are cleaned and trimmed as they are read, then written one after the other
/// into one text per file (see [`with_serials`]): a hundred thousand serials cost one
/// allocation, shared with the merged programme ([`Serial`]), instead of one each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SerialRef {
    start: u32,
    end: u32,
}

thread_local! {
    /// The text of serials of the file being parsed, while [`with_serials`] runs.
    static SERIALS: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `parse` (which deserializes one [`RawFile`]) with a text of serials to write
/// into, and gives the file that text.
pub fn with_serials<E>(parse: impl FnOnce() -> Result<RawFile, E>) -> Result<RawFile, E> {
    struct Restore(Option<String>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let outer = self.0.take();
            SERIALS.with(|s| *s.borrow_mut() = outer);
        }
    }
    let outer = SERIALS.with(|s| s.borrow_mut().replace(String::new()));
    let restore = Restore(outer);
    let parsed = parse();
    let text = SERIALS.with(|s| s.borrow_mut().take()).unwrap_or_default();
    drop(restore);
    parsed.map(|mut raw| {
        raw.serials = Arc::from(text);
        raw
    })
}

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

/// A name in a record (a variant or stage id, a site, a lot, a hold reason): cleaned and
/// trimmed, and shared with every record that names the same (see [`super::intern`]).
impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Name;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Name, E> {
                let cleaned = crate::text::clean(v.trim());
                Ok(super::intern::intern(cleaned.trim()))
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

fn days_in_month(year: i32, month: u32) -> u32 {
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

impl<'de> Deserialize<'de> for Attributes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Attributes;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of attribute names to text, e.g. `role: ambulance`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Attributes, A::Error> {
                let mut out: Vec<(String, String)> = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Scalar>()? {
                    // A map would keep the last silently; a typo must not hide a value.
                    if out.iter().any(|(seen, _)| *seen == k) {
                        return Err(de::Error::custom(format!(
                            "the attribute `{}` is written twice: keep one",
                            crate::text::clean_quote(&k)
                        )));
                    }
                    out.push((k, v.0));
                }
                Ok(Attributes(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// Any scalar, kept as text (an attribute may be a number, such as a calibre).
struct Scalar(String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for RawPlan {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawPlan;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("years, each with the deliveries planned per variant, e.g. `2026: { grf-tt: 40 }`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawPlan, A::Error> {
                let mut years: Vec<RawPlanYear> = Vec::new();
                while let Some(year) = map.next_key::<PlanYearKey>()? {
                    // A map would keep the second silently: the first year's entries lost.
                    if years.iter().any(|y| y.year == year.0) {
                        return Err(de::Error::custom(format!(
                            "the year `{}` is written twice: put all its variants under one `{}:`",
                            year.0, year.0
                        )));
                    }
                    let entries: PlanEntries = map.next_value()?;
                    years.push(RawPlanYear {
                        year: year.0,
                        entries: entries.0,
                        loc: Loc::UNKNOWN,
                    });
                }
                Ok(RawPlan { years })
            }
        }
        d.deserialize_map(V)
    }
}

struct PlanYearKey(i64);

impl<'de> Deserialize<'de> for PlanYearKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PlanYearKey;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a year such as 2026")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<PlanYearKey, E> {
                Ok(PlanYearKey(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<PlanYearKey, E> {
                i64::try_from(v)
                    .map(PlanYearKey)
                    .map_err(|_| E::custom(format!("{v} is not a year")))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PlanYearKey, E> {
                v.trim().parse().map(PlanYearKey).map_err(|_| {
                    E::custom(format!(
                        "`{}` is not a year: plan keys are years such as 2026",
                        crate::text::clean_quote(v)
                    ))
                })
            }
        }
        d.deserialize_any(V)
    }
}

struct PlanEntries(Vec<RawPlanEntry>);

impl<'de> Deserialize<'de> for PlanEntries {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PlanEntries;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("variants with the vehicles planned, e.g. `{ grf-tt: 40, jag: 6 }`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PlanEntries, A::Error> {
                let mut out = Vec::new();
                while let Some((variant, q)) = map.next_entry::<String, Quantity>()? {
                    out.push(RawPlanEntry {
                        variant,
                        quantity: q.0,
                        loc: Loc::UNKNOWN,
                    });
                }
                Ok(PlanEntries(out))
            }
            fn visit_unit<E: de::Error>(self) -> Result<PlanEntries, E> {
                Ok(PlanEntries(Vec::new()))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_stay_small() {
        // Kept for every record of every file for as long as the dashboard runs (see
        // BENCHMARKS.md): a field added here costs a hundred thousand times over.
        assert!(std::mem::size_of::<RawVehicle>() <= 80);
        assert!(std::mem::size_of::<RawDelivery>() <= 72);
        assert!(std::mem::size_of::<crate::domain::Vehicle>() <= 72);
        assert!(std::mem::size_of::<crate::domain::Delivery>() <= 48);
    }

    #[test]
    fn places_are_kept_exactly_in_little_room() {
        assert_eq!(std::mem::size_of::<Places<4>>(), 24);
        let entry = Loc::new(10, 5);
        let block = [Loc::new(11, 5), Loc::new(12, 5), entry, Loc::new(264, 5)];
        let p = Places::new(entry, block);
        assert!(p.elsewhere.is_none(), "one byte each");
        assert_eq!(p.entry(), entry);
        assert_eq!((0..4).map(|i| p.field(i)).collect::<Vec<_>>(), block);
        // Flow style, a field above its entry, one far below: kept in full.
        for odd in [Loc::new(10, 19), Loc::new(9, 5), Loc::new(10 + 255, 5)] {
            let fields = [Loc::new(11, 5), odd, entry, Loc::new(12, 5)];
            let p = Places::new(entry, fields);
            assert_eq!((0..4).map(|i| p.field(i)).collect::<Vec<_>>(), fields);
        }
        assert_eq!(Places::<2>::default().field(1), Loc::UNKNOWN);
    }

    #[test]
    fn dates_explain_what_is_wrong() {
        assert_eq!(
            parse_date("2026-02-30").unwrap_err(),
            "`2026-02-30` is not a date: February 2026 has 28 days"
        );
        assert_eq!(
            parse_date("2028-02-30").unwrap_err(),
            "`2028-02-30` is not a date: February 2028 has 29 days"
        );
        assert!(
            parse_date("2026-13-01")
                .unwrap_err()
                .contains("no month 13")
        );
        assert!(parse_date("26/03/2026").unwrap_err().contains("YYYY-MM-DD"));
        assert_eq!(
            parse_date("2026-03-31").unwrap(),
            Date::from_ymd_opt(2026, 3, 31).unwrap()
        );
    }
}
