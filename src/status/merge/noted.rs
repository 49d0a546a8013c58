//! What a merge needs of a file's records once their share of the model is built: where
//! each serial is written, so that a later merge can note them in its table of serials
//! (see [`super::serials`]) without the records themselves.
//!
//! The loader keeps one [`Noted`] per file for as long as the file is in the set, and
//! drops the file's records (`RawVehicle`, `RawDelivery`, 80 to 88 bytes each) once they
//! are merged: 12 bytes a vehicle and 8 a delivered serial stay, the serials' texts being
//! the file's one text that the model shares anyway.

use crate::domain::SerialText;
use crate::status::problem::Loc;
use crate::status::raw::{RawFile, SerialRef};

/// Where the serials of one file's records are written, by record.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Noted {
    /// The file's text of serials ([`RawFile::serials`]), shared.
    serials: SerialText,
    /// Per queue record, in file order: its serial and the line of the record.
    queue: Box<[(SerialRef, u32)]>,
    /// Per delivery record, in file order: the line of the record and where its serials
    /// start in `items` (they end where the next record's start).
    deliveries: Box<[(u32, u32)]>,
    /// The serials every delivery record lists, one after the other.
    items: Box<[SerialRef]>,
    /// True when the file has a `queue` or a `deliveries` list.
    has_records: bool,
    /// True when the file writes `deliveries:`, even with nothing after it.
    deliveries_written: bool,
}

impl Noted {
    /// What `raw` (with its records) writes.
    pub fn of(raw: &RawFile) -> Noted {
        let queue = raw
            .queue
            .iter()
            .flatten()
            .map(|v| (v.serial, v.loc().line))
            .collect();
        let mut items = Vec::new();
        let mut deliveries = Vec::new();
        for d in raw.deliveries.iter().flatten() {
            deliveries.push((d.loc().line, items.len() as u32));
            items.extend(d.serials.iter().flatten().copied());
        }
        Noted {
            serials: raw.serials.clone(),
            queue,
            deliveries: deliveries.into_boxed_slice(),
            items: items.into_boxed_slice(),
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
        self.items.get(k).map_or("", |&r| self.text(r))
    }

    /// The delivery record that lists the `k`th serial, and its place in the record.
    pub(super) fn record_of_item(&self, k: usize) -> (usize, usize) {
        let record = self
            .deliveries
            .partition_point(|&(_, start)| start as usize <= k)
            .saturating_sub(1);
        (record, k - self.items_of(record).start.min(k))
    }

    fn text(&self, r: SerialRef) -> &str {
        self.serials.get(r.range()).unwrap_or_default()
    }

    /// The serial of the `record`th vehicle of the queue.
    pub(super) fn queued(&self, record: usize) -> &str {
        self.queue.get(record).map_or("", |&(r, _)| self.text(r))
    }

    /// The serials the `record`th delivery lists.
    pub(super) fn delivered(&self, record: usize) -> impl Iterator<Item = &str> {
        self.items
            .get(self.items_of(record))
            .unwrap_or_default()
            .iter()
            .map(|&r| self.text(r))
    }

    fn items_of(&self, record: usize) -> std::ops::Range<usize> {
        let start = self.deliveries.get(record).map_or(0, |d| d.1 as usize);
        let end = self
            .deliveries
            .get(record + 1)
            .map_or(self.items.len(), |d| d.1 as usize);
        start..end.max(start)
    }

    /// Every serial written, valid or not.
    pub(super) fn every_serial(&self) -> impl Iterator<Item = &str> {
        let queued = self.queue.iter().map(|&(r, _)| self.text(r));
        queued.chain(self.items.iter().map(|&r| self.text(r)))
    }

    /// Where the `record`th vehicle of the queue is written (its line; the column is not
    /// kept).
    pub(super) fn queued_loc(&self, record: usize) -> Loc {
        self.queue
            .get(record)
            .map_or(Loc::UNKNOWN, |&(_, line)| Loc::new(line, 0))
    }

    /// Where the `record`th delivery is written (its line).
    pub(super) fn delivered_loc(&self, record: usize) -> Loc {
        self.deliveries
            .get(record)
            .map_or(Loc::UNKNOWN, |&(line, _)| Loc::new(line, 0))
    }
}
