//! The parts of a status file read as ordered lists rather than maps, so that a key
//! written twice is reported rather than lost: a variant's attributes and the plan.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::{Attributes, Quantity, RawPlan, RawPlanEntry, RawPlanYear};
use crate::status::problem::Loc;

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

/// Any scalar, kept as the characters written (`2.10` stays `2.10`, `0x1F` stays `0x1F`):
/// an attribute is free text, however YAML would read it as a number. An empty value
/// (`spare:` or `spare: ~`) is empty text.
struct Scalar(String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Written;
        impl<'de> Visitor<'de> for Written {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_owned()))
            }
            fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar(String::new()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar(String::new()))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Scalar, D::Error> {
                // As text: the YAML library then gives the scalar as written.
                d.deserialize_str(self)
            }
        }
        d.deserialize_option(Written)
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
