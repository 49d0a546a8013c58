//! The table of serials a merge has seen, to find a serial written twice.

use std::hash::{BuildHasher, RandomState};

use hashbrown::{HashTable, hash_table};

use super::noted::Noted;
use crate::status::problem::Loc;

/// Serials seen so far in a merge, each where it was first written. A large programme
/// has a hundred thousand serials and more; each costs 13 bytes here (where it is written,
/// not its text or its place, which are read from each file's [`Noted`] when needed), in a
/// table sized once for all of them.
pub(super) struct Serials<'a> {
    noted: &'a [&'a Noted],
    table: HashTable<Written>,
    hasher: RandomState,
}

/// Where a serial is written: a vehicle of the queue, or the `item`th serial of a delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Written {
    pub(super) file: u32,
    record: u32,
    item: u32,
}

impl Written {
    /// The `item` of a vehicle of the queue.
    const QUEUED: u32 = u32::MAX;

    pub(super) fn queued(file: u32, record: usize) -> Written {
        Written {
            file,
            record: record as u32,
            item: Written::QUEUED,
        }
    }

    pub(super) fn delivered(file: u32, record: usize, item: usize) -> Written {
        Written {
            file,
            record: record as u32,
            item: item as u32,
        }
    }

    pub(super) fn is_queued(self) -> bool {
        self.item == Written::QUEUED
    }
}

impl<'a> Serials<'a> {
    /// Room for every serial of `noted`, so that the table never grows (growing holds
    /// the old table and one twice its size at once).
    pub(super) fn new(noted: &'a [&'a Noted]) -> Serials<'a> {
        let count = noted.iter().map(|n| n.serial_count()).sum();
        Serials::with_capacity(noted, count)
    }

    /// Room for `count` serials of the files `noted`.
    pub(super) fn with_capacity(noted: &'a [&'a Noted], count: usize) -> Serials<'a> {
        Serials {
            noted,
            table: HashTable::with_capacity(count),
            hasher: RandomState::new(),
        }
    }

    /// The text of the serial written at `w`.
    pub(super) fn text(noted: &[&'a Noted], w: Written) -> &'a str {
        let Some(n) = noted.get(w.file as usize) else {
            return "";
        };
        if w.is_queued() {
            n.queued(w.record as usize)
        } else {
            n.delivered_item(w.record as usize, w.item as usize)
        }
    }

    /// The line of the record where the serial at `w` is written (its column is not
    /// kept).
    pub(super) fn loc(&self, w: Written) -> Loc {
        let Some(n) = self.noted.get(w.file as usize) else {
            return Loc::UNKNOWN;
        };
        if w.is_queued() {
            n.queued_loc(w.record as usize)
        } else {
            n.delivered_loc(w.record as usize)
        }
    }

    /// Notes that `serial` is written at `at`, unless it was written before: then where
    /// it was first. A serial noted at `at` already (a file's serials noted before its
    /// records are built again, see [`super::shares`]) is first where it is.
    pub(super) fn first(&mut self, serial: &str, at: Written) -> Option<Written> {
        let (noted, hasher) = (self.noted, &self.hasher);
        let entry = self.table.entry(
            hasher.hash_one(serial),
            |&w| Serials::text(noted, w) == serial,
            |&w| hasher.hash_one(Serials::text(noted, w)),
        );
        match entry {
            hash_table::Entry::Occupied(o) => Some(*o.get()).filter(|&w| w != at),
            hash_table::Entry::Vacant(v) => {
                v.insert(at);
                None
            }
        }
    }
}
