//! The serials of a file kept in one text, and the tables a parse fills ([`with_serials`]):
//! its names, listed serials, visits and histories.

use std::cell::RefCell;

use super::listed::LISTED;
use super::names::{NAMES, NameTable};
use super::{RawFile, history};
use crate::domain::SerialText;

/// A serial of a file: where its text is in the file's text of serials ([`RawFile::serials`]).
/// Serials are cleaned and trimmed as they are read, then written one after the other
/// into one text per file (see [`with_serials`]): a hundred thousand serials cost one
/// allocation, shared with the merged programme ([`Serial`]), instead of one each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SerialRef {
    pub(super) start: u32,
    pub(super) end: u32,
}

impl SerialRef {
    /// Where the serial is in its file's text of serials.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The same serial in a text of serials that has `by` bytes before the text it was
    /// read into: for a file whose pieces were parsed apart, each into a text of its own,
    /// and joined in order (`status::yaml::slice`); `None` past 4 GiB.
    pub fn shifted(self, by: usize) -> Option<SerialRef> {
        let by = u32::try_from(by).ok()?;
        Some(SerialRef {
            start: self.start.checked_add(by)?,
            end: self.end.checked_add(by)?,
        })
    }
}

thread_local! {
    /// The text of serials of the file being parsed, while [`with_serials`] runs.
    pub(super) static SERIALS: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `parse` (which deserializes one [`RawFile`]) with a text of serials, tables of
/// names, of listed serials, of visits and of histories to write into, and gives the file
/// those.
pub fn with_serials<E>(parse: impl FnOnce() -> Result<RawFile, E>) -> Result<RawFile, E> {
    struct Restore(Outer);
    type Outer = (
        Option<String>,
        Option<NameTable>,
        Option<Vec<SerialRef>>,
        Option<history::Tables>,
    );
    impl Drop for Restore {
        fn drop(&mut self) {
            let (outer, names, listed, tables) = std::mem::take(&mut self.0);
            SERIALS.with(|s| *s.borrow_mut() = outer);
            NAMES.with(|n| *n.borrow_mut() = names);
            LISTED.with(|l| *l.borrow_mut() = listed);
            history::TABLES.with(|t| *t.borrow_mut() = tables);
        }
    }
    let restore = Restore((
        SERIALS.with(|s| s.borrow_mut().replace(String::new())),
        NAMES.with(|n| n.borrow_mut().replace(NameTable::default())),
        LISTED.with(|l| l.borrow_mut().replace(Vec::new())),
        history::TABLES.with(|t| t.borrow_mut().replace(history::Tables::default())),
    ));
    let parsed = parse();
    let text = SERIALS.with(|s| s.borrow_mut().take()).unwrap_or_default();
    let names = NAMES.with(|n| n.borrow_mut().take()).unwrap_or_default();
    let listed = LISTED.with(|l| l.borrow_mut().take()).unwrap_or_default();
    let tables = history::TABLES
        .with(|t| t.borrow_mut().take())
        .unwrap_or_default();
    drop(restore);
    parsed.map(|mut raw| {
        raw.serials = SerialText::new(text);
        raw.names = names.into_names();
        raw.listed = listed.into_boxed_slice();
        raw.visits = tables.visits.into_boxed_slice();
        raw.histories = tables.histories.into_boxed_slice();
        raw
    })
}

/// Where the text of serials and the tables of the parse under way stand ([`checkpoint`]).
#[derive(Debug, Clone, Copy)]
pub struct Checkpoint {
    serials: usize,
    names: usize,
    listed: usize,
    tables: history::TablesMark,
}

/// Where the parse under way (inside [`with_serials`]) stands, so that a reading that
/// steps aside half way can leave the text of serials and the tables as it found them
/// ([`rewind`]); `None` outside `with_serials`.
pub fn checkpoint() -> Option<Checkpoint> {
    let serials = SERIALS.with(|s| s.borrow().as_ref().map(String::len))?;
    let names = NAMES.with(|n| n.borrow().as_ref().map(NameTable::len))?;
    let listed = LISTED.with(|l| l.borrow().as_ref().map(Vec::len))?;
    let tables = history::TABLES.with(|t| t.borrow().as_ref().map(history::Tables::mark))?;
    Some(Checkpoint {
        serials,
        names,
        listed,
        tables,
    })
}

/// Back to `at`: every serial, name, listed serial, visit and history written since is
/// dropped.
pub fn rewind(at: Checkpoint) {
    SERIALS.with(|s| {
        if let Some(s) = s.borrow_mut().as_mut() {
            s.truncate(at.serials);
        }
    });
    NAMES.with(|n| {
        if let Some(n) = n.borrow_mut().as_mut() {
            n.truncate(at.names);
        }
    });
    LISTED.with(|l| {
        if let Some(l) = l.borrow_mut().as_mut() {
            l.truncate(at.listed);
        }
    });
    history::TABLES.with(|t| {
        if let Some(t) = t.borrow_mut().as_mut() {
            t.back_to(at.tables);
        }
    });
}
