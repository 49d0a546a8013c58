//! The table of serials a merge has seen, to find a serial written twice.

use std::hash::{BuildHasher, RandomState};

use hashbrown::{HashTable, hash_table};

use super::noted::Noted;
use crate::status::problem::Loc;

/// Serials seen so far in a merge, each where it was first written. A large programme
/// has a hundred thousand serials and more; each costs 4 bytes here (a number for where it
/// is written, not its text or its place, which are read from each file's [`Noted`] when
/// needed), in a table sized once for all of them: about 10 MiB for 1.2 million serials,
/// where a table of [`Written`] (12 bytes) took 27 MiB.
///
/// The numbers: the serials every file writes, valid or not, one after the other, in file
/// order, each file's vehicles of the queue first and then every serial of its deliveries
/// (see [`Serials::code`]). A set of 2^32 serials or more (some 40 GB of YAML, beyond the
/// loader's limits) would not fit: a serial past the last number is never found written
/// twice.
pub(super) struct Serials<'a> {
    noted: &'a [&'a Noted],
    /// The first number of each file's serials, and after the last the number of all.
    base: Vec<u32>,
    table: HashTable<u32>,
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
        let mut base = Vec::with_capacity(noted.len() + 1);
        let mut next: u64 = 0;
        for n in noted {
            base.push(u32::try_from(next).unwrap_or(u32::MAX));
            next += n.serial_count() as u64;
        }
        base.push(u32::try_from(next).unwrap_or(u32::MAX));
        Serials {
            noted,
            base,
            table: HashTable::with_capacity(count),
            hasher: RandomState::new(),
        }
    }

    /// The number of the serial written at `w`; `None` for a place no file has, or
    /// past the last number.
    fn code(&self, w: Written) -> Option<u32> {
        let file = w.file as usize;
        let n = self.noted.get(file)?;
        let local = if w.is_queued() {
            Some(w.record as usize).filter(|&r| r < n.queued_count())?
        } else {
            n.queued_count() + n.item_index(w.record as usize, w.item as usize)?
        };
        let code = u64::from(*self.base.get(file)?) + local as u64;
        let end = u64::from(*self.base.get(file + 1)?);
        u32::try_from(code).ok().filter(|_| code < end)
    }

    /// The file of the serial numbered `code`, and its number in the file.
    fn file_of(base: &[u32], code: u32) -> (usize, usize) {
        let file = base.partition_point(|&b| b <= code).saturating_sub(1);
        let start = base.get(file).copied().unwrap_or(0);
        (file, code.saturating_sub(start) as usize)
    }

    /// Where the serial numbered `code` is written.
    fn written(&self, code: u32) -> Written {
        let (file, local) = Serials::file_of(&self.base, code);
        let Some(n) = self.noted.get(file) else {
            return Written::queued(file as u32, local);
        };
        match local.checked_sub(n.queued_count()) {
            None => Written::queued(file as u32, local),
            Some(k) => {
                let (record, item) = n.record_of_item(k);
                Written::delivered(file as u32, record, item)
            }
        }
    }

    /// The text of the serial numbered `code`.
    fn text_of(noted: &[&'a Noted], base: &[u32], code: u32) -> &'a str {
        let (file, local) = Serials::file_of(base, code);
        let Some(n) = noted.get(file) else {
            return "";
        };
        match local.checked_sub(n.queued_count()) {
            None => n.queued(local),
            Some(k) => n.item(k),
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
        let code = self.code(at)?;
        let (noted, base, hasher) = (self.noted, &self.base, &self.hasher);
        let entry = self.table.entry(
            hasher.hash_one(serial),
            |&c| Serials::text_of(noted, base, c) == serial,
            |&c| hasher.hash_one(Serials::text_of(noted, base, c)),
        );
        match entry {
            hash_table::Entry::Occupied(o) => {
                let first = *o.get();
                (first != code).then(|| self.written(first))
            }
            hash_table::Entry::Vacant(v) => {
                v.insert(code);
                None
            }
        }
    }
}
