//! The serials the deliveries list, kept one after the other in one table per file
//! ([`RawFile::listed`]): a delivery holds where its list is ([`ListedRef`], 8 bytes), not
//! a list of its own (24 bytes, and an allocation of 32 bytes or more). A file of two
//! hundred thousand deliveries is held until it is merged, beside the merged deliveries:
//! the lists were 11 MB of the peak of a load at a million vehicles.
//!
//! The table is filled while [`super::with_serials`] runs, as the text of serials is.

use std::cell::RefCell;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};

use super::{RawFile, SerialRef};

/// A delivery's list of serials: where it is in its file's table ([`RawFile::listed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListedRef {
    start: u32,
    len: u32,
}

impl ListedRef {
    /// The number of serials listed.
    pub fn len(self) -> usize {
        self.len as usize
    }

    /// True when the list is empty (`serials: []`).
    pub fn is_empty(self) -> bool {
        self.len == 0
    }

    /// Its range in the file's table.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.start as usize + self.len as usize
    }

    /// The same list in a table that has `by` serials before the table it was read into
    /// (see [`SerialRef::shifted`]); `None` past 4 G.
    pub fn shifted(self, by: usize) -> Option<ListedRef> {
        let start = self.start.checked_add(u32::try_from(by).ok()?)?;
        start.checked_add(self.len)?;
        Some(ListedRef {
            start,
            len: self.len,
        })
    }
}

thread_local! {
    /// The table of listed serials of the file being parsed, while
    /// [`super::with_serials`] runs.
    pub(super) static LISTED: RefCell<Option<Vec<SerialRef>>> = const { RefCell::new(None) };
}

impl RawFile {
    /// The serials a delivery lists.
    pub fn listed(&self, r: ListedRef) -> &[SerialRef] {
        self.listed.get(r.range()).unwrap_or_default()
    }
}

impl<'de> Deserialize<'de> for ListedRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ListedRef;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a sequence")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ListedRef, A::Error> {
                // Each serial goes straight into the file's table. Outside `with_serials`
                // (a record read alone) there is no table: the list reads as empty, as
                // its serials read as empty there.
                let len = || LISTED.with(|t| t.borrow().as_ref().map(Vec::len));
                let start = len();
                while let Some(r) = seq.next_element::<SerialRef>()? {
                    LISTED.with(|t| {
                        if let Some(t) = t.borrow_mut().as_mut() {
                            t.push(r);
                        }
                    });
                }
                let (Some(start), Some(end)) = (start, len()) else {
                    return Ok(ListedRef::default());
                };
                match (u32::try_from(start), u32::try_from(end - start)) {
                    (Ok(start), Ok(len)) if u32::try_from(end).is_ok() => {
                        Ok(ListedRef { start, len })
                    }
                    _ => Err(de::Error::custom(
                        "the deliveries of this file list more than 4 G serials",
                    )),
                }
            }
        }
        d.deserialize_seq(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_is_a_run_of_its_file_s_table() {
        let raw = super::super::with_serials(|| {
            serde_yaml::from_str::<RawFile>(
                "deliveries:\n  - {date: 2026-01-05, variant: a, serials: [A, B]}\n  - {date: 2026-01-06, variant: a, serials: []}\n  - {date: 2026-01-07, variant: a, count: 1}\n  - {date: 2026-01-08, variant: a, serials: [C]}\n",
            )
        })
        .unwrap();
        let lists: Vec<Option<Vec<&str>>> = raw
            .deliveries
            .iter()
            .flatten()
            .map(|d| {
                d.serials
                    .map(|l| raw.listed(l).iter().map(|&s| raw.serial(s)).collect())
            })
            .collect();
        assert_eq!(
            lists,
            [Some(vec!["A", "B"]), Some(vec![]), None, Some(vec!["C"])]
        );
        assert_eq!(raw.listed.len(), 3, "one table, no list of its own");
        assert_eq!(std::mem::size_of::<Option<ListedRef>>(), 12);
        let moved = ListedRef { start: 1, len: 2 }.shifted(3).unwrap();
        assert_eq!(moved.range(), 4..6);
        assert_eq!(
            ListedRef { start: 1, len: 2 }.shifted(u32::MAX as usize),
            None
        );
    }
}
