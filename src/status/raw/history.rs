//! Stage histories as written: a queue vehicle's `history:` and a delivery's `histories:`.
//!
//! A large set holds a hundred thousand vehicles with several visits each, kept between
//! loads like the rest of the records. So a record does not hold its visits: they go, in
//! file order, into one table per file ([`super::RawFile::visits`]), and the record keeps
//! where its own run of visits is ([`VisitsRef`], 8 bytes, nothing allocated when the file
//! gives no history). A delivery's histories go the same way into
//! [`super::RawFile::histories`]. The tables are filled while [`super::with_serials`] runs,
//! as the text of serials is.

use std::cell::RefCell;
use std::fmt;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{Day, SerialRef, Text};
use crate::domain::Name;
use crate::status::problem::Loc;

/// One item of a `history` list: a stay in a stage, from the day the vehicle entered it.
#[derive(Debug, Clone, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawVisit {
    /// The `id` of the stage.
    #[schemars(with = "Text")]
    pub stage: Name,
    /// The date the vehicle entered it.
    pub since: Day,
    /// Where its `stage` is written, from its record's entry.
    #[serde(skip)]
    pub at: Below,
}

/// One entry of a delivery's `histories`: a serial and its visits.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct RawHistory {
    /// The serial, as a key of the mapping.
    pub serial: SerialRef,
    /// Its visits.
    pub visits: VisitsRef,
    /// Where the serial is written, from its record's entry.
    pub at: Below,
}

/// A place in a record, kept in 4 bytes: lines below the record's entry and the column.
/// The default (column 0) stands for the entry itself, for a place that was not found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Below {
    lines: u16,
    column: u16,
}

impl Below {
    /// `loc` kept relative to `entry`; the entry itself when it does not fit.
    pub fn new(entry: Loc, loc: Loc) -> Below {
        let lines = loc.line.checked_sub(entry.line).map(u16::try_from);
        match (lines, u16::try_from(loc.column)) {
            (Some(Ok(lines)), Ok(column)) if entry.is_known() && loc.is_known() => {
                Below { lines, column }
            }
            _ => Below::default(),
        }
    }

    /// The place, from the record's `entry`.
    pub fn loc(self, entry: Loc) -> Loc {
        if self.column == 0 || !entry.is_known() {
            return entry;
        }
        Loc::new(entry.line + u32::from(self.lines), u32::from(self.column))
    }
}

/// A record's run of visits in its file's table ([`super::RawFile::visits`]); empty when
/// the record gives none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VisitsRef {
    start: u32,
    len: u32,
}

impl VisitsRef {
    /// True when the record gives no visit.
    pub fn is_empty(self) -> bool {
        self.len == 0
    }

    /// The number of visits.
    pub fn len(self) -> usize {
        self.len as usize
    }

    /// Its range in the file's table.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.start as usize + self.len as usize
    }

    /// The same run in a table that has `by` visits before the table it was read into
    /// (see [`SerialRef::shifted`]); an empty run stays the default one. `None` past 4 G.
    pub fn shifted(self, by: usize) -> Option<VisitsRef> {
        let (start, len) = shift(self.start, self.len, by)?;
        Some(VisitsRef { start, len })
    }
}

/// `start` moved `by` further when `len` is not 0; `None` when the run ends past 4 G.
fn shift(start: u32, len: u32, by: usize) -> Option<(u32, u32)> {
    if len == 0 {
        return Some((0, 0));
    }
    let start = start.checked_add(u32::try_from(by).ok()?)?;
    start.checked_add(len)?;
    Some((start, len))
}

/// A delivery's run of histories in its file's table ([`super::RawFile::histories`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HistoriesRef {
    start: u32,
    len: u32,
}

impl HistoriesRef {
    /// True when the record keeps no history.
    pub fn is_empty(self) -> bool {
        self.len == 0
    }

    /// Its range in the file's table.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.start as usize + self.len as usize
    }

    /// The same run in a table that has `by` histories before the table it was read into
    /// (see [`VisitsRef::shifted`]).
    pub fn shifted(self, by: usize) -> Option<HistoriesRef> {
        let (start, len) = shift(self.start, self.len, by)?;
        Some(HistoriesRef { start, len })
    }
}

/// The tables of the file being parsed.
#[derive(Debug, Default)]
pub(super) struct Tables {
    pub visits: Vec<RawVisit>,
    pub histories: Vec<RawHistory>,
    /// The histories read before the parse ([`pre_read`]), one after the other.
    pre_read: Vec<RawVisit>,
    /// Where each of them is in `pre_read`.
    runs: Vec<std::ops::Range<usize>>,
    /// The next run a marker may take; past `runs.len()` (or a run taken out of turn)
    /// the parse is not the text's.
    next_run: usize,
    /// True when a marker was found out of turn or twice.
    broken: bool,
}

/// Where the tables of a parse stand ([`Tables::mark`]), to go back to after a reading
/// that stepped aside (`status::yaml::plain`).
#[derive(Debug, Clone, Copy)]
pub(super) struct TablesMark {
    visits: usize,
    histories: usize,
    pre_read: usize,
    runs: usize,
    next_run: usize,
    broken: bool,
}

impl Tables {
    /// Where the tables stand now.
    pub(super) fn mark(&self) -> TablesMark {
        TablesMark {
            visits: self.visits.len(),
            histories: self.histories.len(),
            pre_read: self.pre_read.len(),
            runs: self.runs.len(),
            next_run: self.next_run,
            broken: self.broken,
        }
    }

    /// Back to `mark`: what was written and read before since is dropped, the markers
    /// taken since are to be taken again.
    pub(super) fn back_to(&mut self, mark: TablesMark) {
        self.visits.truncate(mark.visits);
        self.histories.truncate(mark.histories);
        self.pre_read.truncate(mark.pre_read);
        self.runs.truncate(mark.runs);
        self.next_run = mark.next_run;
        self.broken = mark.broken;
    }
}

/// What the YAML layer writes in place of a history it read itself (see
/// `status::yaml::visits`), followed by the number [`pre_read`] gave the history: a plain
/// scalar that a [`VisitsRef`] turns back into those visits while the file is parsed.
/// The layer only writes it into a text that does not hold it. Short, as libyaml reads it
/// a byte at a time, once per history (a hundred thousand in a large set): `~` then `@`,
/// which no id, date or name of a status file holds together (a text that does is read
/// as written, only slower), and which YAML reads as a text, not as null (`~` alone).
pub const PRE_READ_MARK: &str = "~@";

/// Keeps `visits` (emptied), read from the text before the parse, for the marker
/// `{PRE_READ_MARK}{n}` that stands in their place, and gives `n`; `None` outside
/// [`super::with_serials`] (there is no table to put them in).
pub fn pre_read(visits: &mut Vec<RawVisit>) -> Option<usize> {
    TABLES.with(|t| {
        let mut t = t.borrow_mut();
        let t = t.as_mut()?;
        let start = t.pre_read.len();
        t.pre_read.append(visits);
        t.runs.push(start..t.pre_read.len());
        Some(t.runs.len() - 1)
    })
}

/// True when every history kept by [`pre_read`] so far was taken by a marker, once each
/// and in the order kept: then the parse met each marker where the history was written,
/// as the value of a history, and read nothing else as one.
pub fn pre_read_all_taken() -> bool {
    TABLES.with(|t| {
        t.borrow()
            .as_ref()
            .is_some_and(|t| !t.broken && t.next_run == t.runs.len())
    })
}

/// True while histories read before the parse wait for their markers.
fn pre_reading() -> bool {
    TABLES.with(|t| t.borrow().as_ref().is_some_and(|t| !t.runs.is_empty()))
}

/// The visits of the history whose marker is `text`, now put into the file's table:
/// `None` when `text` is not a marker, or its history is not the next one.
fn take_pre_read(text: &str) -> Option<VisitsRef> {
    let n: usize = text.strip_prefix(PRE_READ_MARK)?.parse().ok()?;
    TABLES.with(|t| {
        let mut t = t.borrow_mut();
        let t = t.as_mut()?;
        if n != t.next_run {
            t.broken = true;
            return None;
        }
        let range = t.runs.get(n)?.clone();
        t.next_run += 1;
        let start = t.visits.len();
        let Tables {
            visits, pre_read, ..
        } = t;
        visits.extend_from_slice(pre_read.get(range)?);
        let (start, len) = run::<de::value::Error>(start, visits.len()).ok()?;
        Some(VisitsRef { start, len })
    })
}

thread_local! {
    /// The tables of the file being parsed, while [`super::with_serials`] runs.
    pub(super) static TABLES: RefCell<Option<Tables>> = const { RefCell::new(None) };
}

/// The run of a table from `start` to `end`, or an error past 4 G items.
fn run<E: de::Error>(start: usize, end: usize) -> Result<(u32, u32), E> {
    match (u32::try_from(start), u32::try_from(end - start)) {
        (Ok(s), Ok(l)) if u32::try_from(end).is_ok() => Ok((s, l)),
        _ => Err(E::custom(
            "the histories of this file hold more than 4 G visits",
        )),
    }
}

impl<'de> Deserialize<'de> for VisitsRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = VisitsRef;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a list of stages with the date entered, e.g. `- {stage: hull, since: 2026-01-12}`",
                )
            }
            fn visit_none<E: de::Error>(self) -> Result<VisitsRef, E> {
                Ok(VisitsRef::default())
            }
            fn visit_unit<E: de::Error>(self) -> Result<VisitsRef, E> {
                Ok(VisitsRef::default())
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<VisitsRef, D::Error> {
                // A marker of a history read before the parse is a text: only then is a
                // text more than a mistake (see `pre_read`).
                if pre_reading() {
                    d.deserialize_any(self)
                } else {
                    d.deserialize_seq(self)
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<VisitsRef, E> {
                take_pre_read(v).ok_or_else(|| E::invalid_type(de::Unexpected::Str(v), &self))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<VisitsRef, A::Error> {
                // Each visit goes straight into the file's table. Outside `with_serials`
                // (a record read alone) there is no table: the record reads as giving none.
                let len = || TABLES.with(|t| t.borrow().as_ref().map(|t| t.visits.len()));
                let start = len();
                while let Some(v) = seq.next_element::<RawVisit>()? {
                    TABLES.with(|t| {
                        if let Some(t) = t.borrow_mut().as_mut() {
                            t.visits.push(v);
                        }
                    });
                }
                // An empty history reads as none, wherever it stands in the table, so
                // that a file's pieces parsed apart join into what one parse gives.
                match (start, len()) {
                    (Some(start), Some(end)) if end > start => {
                        let (start, len) = run(start, end)?;
                        Ok(VisitsRef { start, len })
                    }
                    _ => Ok(VisitsRef::default()),
                }
            }
        }
        d.deserialize_option(V)
    }
}

impl<'de> Deserialize<'de> for HistoriesRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = HistoriesRef;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "serials handed over, each with its list of stages, e.g. `BE-GRF-0031: [{stage: hull, since: 2026-01-12}]`",
                )
            }
            fn visit_none<E: de::Error>(self) -> Result<HistoriesRef, E> {
                Ok(HistoriesRef::default())
            }
            fn visit_unit<E: de::Error>(self) -> Result<HistoriesRef, E> {
                Ok(HistoriesRef::default())
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<HistoriesRef, D::Error> {
                d.deserialize_map(self)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<HistoriesRef, A::Error> {
                let mut read = Vec::new();
                while let Some((serial, visits)) = map.next_entry::<SerialRef, VisitsRef>()? {
                    read.push(RawHistory {
                        serial,
                        visits,
                        at: Below::default(),
                    });
                }
                TABLES.with(|t| {
                    let mut t = t.borrow_mut();
                    // None kept reads as none (see `VisitsRef`'s `visit_seq`).
                    let (Some(t), false) = (t.as_mut(), read.is_empty()) else {
                        return Ok(HistoriesRef::default());
                    };
                    let start = t.histories.len();
                    t.histories.append(&mut read);
                    let (start, len) = run(start, t.histories.len())?;
                    Ok(HistoriesRef { start, len })
                })
            }
        }
        d.deserialize_option(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_below_an_entry_fit_in_four_bytes() {
        assert_eq!(std::mem::size_of::<Below>(), 4);
        assert_eq!(std::mem::size_of::<RawVisit>(), 16);
        let entry = Loc::new(10, 5);
        assert_eq!(
            Below::new(entry, Loc::new(14, 11)).loc(entry),
            Loc::new(14, 11)
        );
        // Above the entry, or too far below: the entry.
        assert_eq!(Below::new(entry, Loc::new(9, 11)).loc(entry), entry);
        assert_eq!(
            Below::new(entry, Loc::new(10 + 70_000, 1)).loc(entry),
            entry
        );
        assert_eq!(Below::new(entry, Loc::UNKNOWN).loc(entry), entry);
    }
}
