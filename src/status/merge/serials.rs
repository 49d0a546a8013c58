//! The table of serials a merge has seen, to find a serial written twice.

use std::hash::{BuildHasher, RandomState};

use hashbrown::{HashTable, hash_table};

use super::Source;
use crate::status::problem::Loc;

/// Serials seen so far in a merge, each where it was first written. A large programme
/// has a hundred thousand serials and more; each costs 13 bytes here (where it is written,
/// not its text or its place, which are read from the record when needed), in a table
/// sized once for all of them.
pub(super) struct Serials<'a> {
    sources: &'a [Source<'a>],
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
    /// Room for every serial of `sources`, so that the table never grows (growing holds
    /// the old table and one twice its size at once).
    pub(super) fn new(sources: &'a [Source<'a>]) -> Serials<'a> {
        let count: usize = sources
            .iter()
            .map(|s| {
                let queued = s.raw.queue.as_ref().map_or(0, Vec::len);
                let delivered: usize = s
                    .raw
                    .deliveries
                    .iter()
                    .flatten()
                    .map(|d| d.serials.as_ref().map_or(0, Vec::len))
                    .sum();
                queued + delivered
            })
            .sum();
        Serials::with_capacity(sources, count)
    }

    /// Room for `count` serials of `sources`.
    pub(super) fn with_capacity(sources: &'a [Source<'a>], count: usize) -> Serials<'a> {
        Serials {
            sources,
            table: HashTable::with_capacity(count),
            hasher: RandomState::new(),
        }
    }

    /// The text of the serial written at `w`.
    pub(super) fn text(sources: &[Source<'a>], w: Written) -> &'a str {
        let raw = sources[w.file as usize].raw;
        let r = if w.is_queued() {
            raw.queue.as_ref().map(|q| q[w.record as usize].serial)
        } else {
            raw.deliveries
                .as_ref()
                .and_then(|d| d[w.record as usize].serials.as_ref())
                .map(|s| s[w.item as usize])
        };
        r.map_or("", |r| raw.serial(r))
    }

    /// The line of the record where the serial at `w` is written.
    pub(super) fn loc(&self, w: Written) -> Loc {
        let raw = self.sources[w.file as usize].raw;
        if w.is_queued() {
            raw.queue.as_ref().map(|q| q[w.record as usize].loc())
        } else {
            raw.deliveries.as_ref().map(|d| d[w.record as usize].loc())
        }
        .unwrap_or(Loc::UNKNOWN)
    }

    /// Notes that `serial` is written at `at`, unless it was written before: then where
    /// it was first. A serial noted at `at` already (a file's serials noted before its
    /// records are built again, see [`super::shares`]) is first where it is.
    pub(super) fn first(&mut self, serial: &str, at: Written) -> Option<Written> {
        let (sources, hasher) = (self.sources, &self.hasher);
        let entry = self.table.entry(
            hasher.hash_one(serial),
            |&w| Serials::text(sources, w) == serial,
            |&w| hasher.hash_one(Serials::text(sources, w)),
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
