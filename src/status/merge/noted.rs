//! What a merge needs of a file's records once their share of the model is built: where
//! each serial is written, so that a later merge can note them in its table of serials
//! (see [`super::serials`]) without the records themselves.
//!
//! The loader keeps one [`Noted`] per file for as long as the file is in the set, and
//! drops the file's records (`RawVehicle`, `RawDelivery`, 80 to 88 bytes each) once they
//! are merged: 8 bytes a vehicle and 4 a delivered serial stay (a serial's place in 4, see
//! [`Refs`]), the serials' texts being the file's one text that the model shares anyway.

use std::ops::Range;

use crate::domain::SerialText;
use crate::status::problem::Loc;
use crate::status::raw::RawFile;

/// Where the serials of one file's records are written, by record.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Noted {
    /// The file's text of serials ([`RawFile::serials`]), shared.
    serials: SerialText,
    /// Per queue record, in file order: its serial.
    queue: Refs,
    /// Per queue record, in file order: the line of the record.
    lines: Box<[u32]>,
    /// Per delivery record, in file order: the line of the record and where its serials
    /// start in `items` (they end where the next record's start).
    deliveries: Box<[(u32, u32)]>,
    /// The serials every delivery record lists, one after the other.
    items: Refs,
    /// True when the file has a `queue` or a `deliveries` list.
    has_records: bool,
    /// True when the file writes `deliveries:`, even with nothing after it.
    deliveries_written: bool,
}

impl Noted {
    /// What `raw` (with its records) writes.
    pub fn of(raw: &RawFile) -> Noted {
        let vehicles = || raw.queue.iter().flatten();
        let queue = Refs::new(vehicles().map(|v| v.serial.range()));
        let lines = vehicles().map(|v| v.loc().line).collect();
        let mut items = 0;
        let mut deliveries = Vec::new();
        for d in raw.deliveries.iter().flatten() {
            deliveries.push((d.loc().line, items as u32));
            items += d.serials.map_or(0, |l| l.len());
        }
        let items = Refs::new(
            raw.deliveries
                .iter()
                .flatten()
                .flat_map(|d| d.serials.map(|l| raw.listed(l)).unwrap_or_default())
                .map(|r| r.range()),
        );
        Noted {
            serials: raw.serials.clone(),
            queue,
            lines,
            deliveries: deliveries.into_boxed_slice(),
            items,
            has_records: raw.queue.is_some() || raw.deliveries.is_some(),
            deliveries_written: raw.deliveries.is_some() || raw.section_locs.deliveries.is_known(),
        }
    }

    /// True when the file has a `queue` or a `deliveries` list.
    pub fn has_records(&self) -> bool {
        self.has_records
    }

    /// True when the file writes `deliveries:` (a list, or nothing after it).
    pub fn deliveries_written(&self) -> bool {
        self.deliveries_written
    }

    /// The records of the file: its vehicles and its delivery records.
    pub fn records(&self) -> usize {
        self.queue.len() + self.deliveries.len()
    }

    /// Every serial the file writes, valid or not (the room a table of them needs).
    pub(super) fn serial_count(&self) -> usize {
        self.queue.len() + self.items.len()
    }

    /// The delivery records.
    pub(super) fn delivery_count(&self) -> usize {
        self.deliveries.len()
    }

    /// The vehicles of the queue.
    pub(super) fn queued_count(&self) -> usize {
        self.queue.len()
    }

    /// Where the `item`th serial of the `record`th delivery is among every serial the
    /// deliveries list ([`Noted::item`]); `None` when it has no such serial.
    pub(super) fn item_index(&self, record: usize, item: usize) -> Option<usize> {
        let items = self.items_of(record);
        Some(items.start + item).filter(|&k| k < items.end)
    }

    /// The `k`th serial the deliveries list, all records together.
    pub(super) fn item(&self, k: usize) -> &str {
        self.text(self.items.get(k))
    }

    /// The delivery record that lists the `k`th serial, and its place in the record.
    pub(super) fn record_of_item(&self, k: usize) -> (usize, usize) {
        let record = self
            .deliveries
            .partition_point(|&(_, start)| start as usize <= k)
            .saturating_sub(1);
        (record, k - self.items_of(record).start.min(k))
    }

    fn text(&self, r: Option<Range<usize>>) -> &str {
        r.and_then(|r| self.serials.get(r)).unwrap_or_default()
    }

    /// The serial of the `record`th vehicle of the queue.
    pub(super) fn queued(&self, record: usize) -> &str {
        self.text(self.queue.get(record))
    }

    /// The serials the `record`th delivery lists.
    pub(super) fn delivered(&self, record: usize) -> impl Iterator<Item = &str> {
        self.items_of(record).map(|k| self.text(self.items.get(k)))
    }

    fn items_of(&self, record: usize) -> Range<usize> {
        let start = self.deliveries.get(record).map_or(0, |d| d.1 as usize);
        let end = self
            .deliveries
            .get(record + 1)
            .map_or(self.items.len(), |d| d.1 as usize);
        start..end.max(start)
    }

    /// Every serial written, valid or not.
    pub(super) fn every_serial(&self) -> impl Iterator<Item = &str> {
        let queued = (0..self.queue.len()).map(|r| self.text(self.queue.get(r)));
        queued.chain((0..self.items.len()).map(|k| self.text(self.items.get(k))))
    }

    /// Where the `record`th vehicle of the queue is written (its line; the column is not
    /// kept).
    pub(super) fn queued_loc(&self, record: usize) -> Loc {
        self.lines
            .get(record)
            .map_or(Loc::UNKNOWN, |&line| Loc::new(line, 0))
    }

    /// Where the `record`th delivery is written (its line).
    pub(super) fn delivered_loc(&self, record: usize) -> Loc {
        self.deliveries
            .get(record)
            .map_or(Loc::UNKNOWN, |&(line, _)| Loc::new(line, 0))
    }
}

/// The places of a list of serials in their file's text, 4 bytes each: the start (below
/// 16 MiB) and the length (below 255 bytes) in one `u32`; a place beyond either is kept
/// aside, with its index, in `far`.
#[derive(Debug, Default, Clone, PartialEq)]
struct Refs {
    near: Box<[u32]>,
    far: Box<[(u32, u32, u32)]>,
}

impl Refs {
    /// A `near` that stands for a place kept in `far`.
    const FAR: u32 = u32::MAX;

    fn new(refs: impl Iterator<Item = Range<usize>>) -> Refs {
        let mut near = Vec::new();
        let mut far = Vec::new();
        for (i, range) in refs.enumerate() {
            let (start, len) = (range.start, range.len());
            if start < 1 << 24 && len < 255 {
                near.push((start as u32) << 8 | len as u32);
            } else {
                near.push(Refs::FAR);
                far.push((i as u32, range.start as u32, range.end as u32));
            }
        }
        Refs {
            near: near.into_boxed_slice(),
            far: far.into_boxed_slice(),
        }
    }

    fn len(&self) -> usize {
        self.near.len()
    }

    /// The place of the `i`th serial.
    fn get(&self, i: usize) -> Option<Range<usize>> {
        let n = *self.near.get(i)?;
        if n != Refs::FAR {
            let start = (n >> 8) as usize;
            return Some(start..start + (n & 0xFF) as usize);
        }
        let at = self.far.binary_search_by_key(&(i as u32), |f| f.0).ok()?;
        self.far.get(at).map(|&(_, s, e)| s as usize..e as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::yaml;

    #[test]
    fn places_near_and_far_read_back_as_given() {
        // A start at 16 MiB or a length of 255 bytes does not fit in 4 bytes: kept aside.
        let places = [0..3, 3..258, 5..5, (1 << 24)..(1 << 24) + 2, 7..262, 9..12];
        let refs = Refs::new(places.iter().cloned());
        assert_eq!(refs.len(), 6);
        assert_eq!(refs.far.len(), 3);
        let back: Vec<_> = (0..6).map(|i| refs.get(i).unwrap()).collect();
        assert_eq!(back, places);
        assert_eq!(refs.get(6), None);
    }

    #[test]
    fn a_file_noted_reads_back_its_serials_and_lines() {
        let vehicle = |s: &str| {
            format!(
                "  - serial: {s}\n    variant: tt\n    stage: hull\n    since: 2026-06-01\n    site: S\n"
            )
        };
        let text = format!(
            "version: 1\nqueue:\n{}{}{}deliveries:\n  - date: 2026-02-05\n    variant: tt\n    serials: [D, E]\n  - date: 2026-02-06\n    variant: tt\n    count: 2\n  - date: 2026-02-07\n    variant: tt\n    serials: [G]\n",
            vehicle("A"),
            vehicle("BB"),
            vehicle("C"),
        );
        let raw = yaml::parse(&text).expect("a valid file");
        let noted = Noted::of(&raw);
        let queued: Vec<&str> = (0..4).map(|r| noted.queued(r)).collect();
        assert_eq!(queued, ["A", "BB", "C", ""]);
        let lines: Vec<u32> = (0..3).map(|r| noted.queued_loc(r).line).collect();
        assert_eq!(lines, [3, 8, 13]);
        assert_eq!(noted.delivered(0).collect::<Vec<_>>(), ["D", "E"]);
        assert_eq!(noted.delivered(1).count(), 0);
        assert_eq!(noted.delivered(2).collect::<Vec<_>>(), ["G"]);
        assert_eq!(noted.item(2), "G");
        assert_eq!(noted.record_of_item(2), (2, 0));
        assert_eq!(noted.record_of_item(1), (0, 1));
        assert_eq!(noted.item_index(2, 0), Some(2));
        assert_eq!(noted.item_index(1, 0), None);
        let every: Vec<&str> = noted.every_serial().collect();
        assert_eq!(every, ["A", "BB", "C", "D", "E", "G"]);
        assert_eq!(noted.serial_count(), 6);
    }
}
