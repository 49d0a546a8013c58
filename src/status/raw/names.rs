//! The names of a file's records kept in one table per file ([`RawFile::names`]): a
//! record holds where its names are in the table ([`NameRef`], 4 bytes), not the names
//! (8 bytes each). A queue of a million vehicles names a few dozen variants, stages, sites,
//! lots and hold reasons, five per vehicle; the records are held until they are merged, so
//! the 20 bytes this saves a vehicle are 20 MB of the peak of a load.
//!
//! The table is filled while [`super::with_serials`] runs, as the text of serials is; the
//! names in it are the loader's shared copies ([`crate::status::intern`]).

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::num::NonZeroU32;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::RawFile;
use crate::domain::Name;

/// A name of a record (a variant or stage id, a site, a lot, a hold reason): where it is
/// in its file's table of names ([`RawFile::name`]). Cleaned and trimmed as it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NameRef(NonZeroU32);

impl NameRef {
    /// The name of a record deserialized outside [`super::with_serials`], which has no
    /// table to go to: it reads as empty, as its serial does.
    const NOWHERE: NameRef = NameRef(NonZeroU32::MAX);

    /// Its place in the table.
    fn index(self) -> usize {
        self.0.get() as usize - 1
    }

    /// The same name in a table that `remap` maps the table it was read into to (see
    /// [`NameTable::remap`]); `None` when it is not in it.
    pub fn remapped(self, remap: &[NameRef]) -> Option<NameRef> {
        remap.get(self.index()).copied()
    }
}

/// A table of names being filled: the names in the order they were first met, and where
/// each is.
#[derive(Debug, Default)]
pub struct NameTable {
    names: Vec<Name>,
    index: HashMap<Name, NameRef>,
}

impl NameTable {
    /// Where `name` is in the table, added if it is not yet; `None` past 4 billion names.
    pub fn add(&mut self, name: &str) -> Option<NameRef> {
        if let Some(&r) = self.index.get(name) {
            return Some(r);
        }
        let n = u32::try_from(self.names.len() + 1).ok()?;
        let r = NameRef(NonZeroU32::new(n).filter(|_| n < u32::MAX)?);
        let shared = crate::status::intern::intern(name);
        self.names.push(shared.clone());
        self.index.insert(shared, r);
        Some(r)
    }

    /// Where each name of `names` (another file's table) is in this table, added where it
    /// is not yet: for joining files parsed apart (`status::yaml::slice`); `None` when one
    /// does not fit.
    pub fn remap(&mut self, names: &[Name]) -> Option<Vec<NameRef>> {
        names.iter().map(|n| self.add(n)).collect()
    }

    /// The names, in table order.
    pub fn into_names(self) -> Box<[Name]> {
        self.names.into_boxed_slice()
    }

    /// How many names the table holds (for [`super::checkpoint`]).
    pub(super) fn len(&self) -> usize {
        self.names.len()
    }

    /// Back to its first `len` names ([`super::rewind`]).
    pub(super) fn truncate(&mut self, len: usize) {
        for n in self.names.drain(len.min(self.names.len())..) {
            self.index.remove(&n);
        }
    }
}

thread_local! {
    /// The table of names of the file being parsed, while [`super::with_serials`] runs.
    pub(super) static NAMES: RefCell<Option<NameTable>> = const { RefCell::new(None) };
}

impl RawFile {
    /// The text of a name of this file's records (empty when it has none there).
    pub fn name(&self, r: NameRef) -> &str {
        self.shared_name(r).map_or("", |n| n.as_str())
    }

    /// A name of this file's records, shared.
    pub fn shared_name(&self, r: NameRef) -> Option<&Name> {
        self.names.get(r.index())
    }
}

impl<'de> Deserialize<'de> for NameRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = NameRef;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<NameRef, E> {
                super::values::cleaned_name(v, |name| {
                    NAMES.with(|t| match t.borrow_mut().as_mut() {
                        Some(table) => table.add(name).ok_or_else(|| {
                            E::custom("this file names more than 4 billion different things")
                        }),
                        None => Ok(NameRef::NOWHERE),
                    })
                })
            }
        }
        d.deserialize_string(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_kept_once_and_found_again() {
        let mut t = NameTable::default();
        let a = t.add("hull").unwrap();
        let b = t.add("paint").unwrap();
        assert_eq!(t.add("hull"), Some(a));
        assert_ne!(a, b);
        assert_eq!(std::mem::size_of::<Option<NameRef>>(), 4);

        // Back to one name: `paint` is gone, and added again at the same place.
        t.truncate(1);
        assert_eq!(t.len(), 1);
        assert_eq!(t.add("paint"), Some(b));

        // Another table's names, remapped into this one.
        let mut other = NameTable::default();
        let p = other.add("paint").unwrap();
        let s = other.add("seraing").unwrap();
        let remap = t.remap(&other.into_names()).unwrap();
        assert_eq!(p.remapped(&remap), Some(b));
        let s = s.remapped(&remap).unwrap();
        let file = RawFile {
            names: t.into_names(),
            ..RawFile::default()
        };
        assert_eq!(
            [file.name(a), file.name(b), file.name(s)],
            ["hull", "paint", "seraing"]
        );
        assert_eq!(file.name(NameRef::NOWHERE), "");
    }
}
