//! The places of the records read by hand (`yaml::plain`), noted while they are read, so
//! that the locator need not read their lines again (`yaml::annotate`).
//!
//! A plain record is written one way only: its entry's `- `, then its first key, its other
//! keys on lines of their own two columns in (the entry's column), the visits of a history
//! one a line, deeper, as `- {stage: ID, since: DATE}`. So the places the locator finds in
//! such lines are the ones noted here: the entry's first key, the line of each key at the
//! entry's column, and the `stage` of each visit.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Whether places are noted: on, unless a test or a bench compares with the locator.
static PLACING: AtomicBool = AtomicBool::new(true);

/// Files whose queue was placed from what was noted, since the process started.
static GIVEN: AtomicUsize = AtomicUsize::new(0);

/// How many files had their queue's vehicles placed from what the plain reader noted,
/// not by the locator, since the process started: for tests and benches.
pub fn queues_placed() -> usize {
    GIVEN.load(Ordering::Relaxed)
}

/// Counts one file placed from what was noted (`yaml::annotate`).
pub(crate) fn count_placed() {
    GIVEN.fetch_add(1, Ordering::Relaxed);
}

/// Switches the noting of places on or off, for the whole process: the places are the
/// same either way (the locator finds them when they are not noted), only the time
/// differs.
pub fn set_placing(on: bool) {
    PLACING.store(on, Ordering::Relaxed);
}

/// Whether places are noted ([`set_placing`]).
pub fn placing() -> bool {
    PLACING.load(Ordering::Relaxed)
}

/// The keys of a queue vehicle whose places are kept (`RawVehicle::places`), in order.
pub const VEHICLE_KEYS: [&str; 4] = ["variant", "stage", "since", "due"];

/// Where the records of one piece read by hand are written: lines counted from the
/// piece's first line (0), columns 1-based, as `problem::Loc` counts them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Placed {
    /// Each record, in the order of the piece.
    pub records: Vec<RecordAt>,
    /// The line and the column of each visit's `stage`, in the order of the piece.
    pub visits: Vec<(u32, u32)>,
    /// The line breaks (`\n`) of the whole piece: where the next piece's first line is.
    pub lines: u32,
}

/// Where one record is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordAt {
    /// The line of its `- ` (from the piece's first line, 0).
    pub line: u32,
    /// The 1-based column of its first key, the column of its other keys.
    pub column: u32,
    /// The line of each of [`VEHICLE_KEYS`], when the record writes it.
    pub keys: [Option<u32>; 4],
}

/// Notes places while a piece is read: the lines are counted as the reading moves on,
/// each byte once.
#[derive(Debug, Default)]
pub(super) struct Noting {
    pub(super) placed: Placed,
    /// A byte already counted up to, and its line.
    counted: (usize, u32),
}

impl Noting {
    /// The line (from 0) of byte `pos` of `text`, at or after the last one asked.
    pub(super) fn line_of(&mut self, text: &[u8], pos: usize) -> u32 {
        let (from, line) = self.counted;
        let breaks = text.get(from..pos).map_or(0, count_breaks);
        let line = line + breaks;
        self.counted = (pos.max(from), line);
        line
    }

    /// A record whose `- ` line starts at `pos`, its first key at `column` (1-based).
    pub(super) fn record(&mut self, text: &[u8], pos: usize, column: usize) {
        let line = self.line_of(text, pos);
        self.placed.records.push(RecordAt {
            line,
            column: column as u32,
            keys: [None; 4],
        });
    }

    /// A key of the record being read, on the line that starts at `pos`: noted the first
    /// time when it is one of [`VEHICLE_KEYS`].
    pub(super) fn key(&mut self, text: &[u8], pos: usize, key: &str) {
        let Some(k) = VEHICLE_KEYS.iter().position(|&v| v == key) else {
            return;
        };
        let line = self.line_of(text, pos);
        if let Some(r) = self.placed.records.last_mut() {
            r.keys[k].get_or_insert(line);
        }
    }

    /// A visit line that starts at `pos` and is indented `indent` spaces: its `stage`
    /// follows `- {`.
    pub(super) fn visit(&mut self, text: &[u8], pos: usize, indent: usize) {
        let line = self.line_of(text, pos);
        self.placed
            .visits
            .push((line, (indent + "- {".len() + 1) as u32));
    }

    /// The places noted, once the whole piece is read.
    pub(super) fn finish(mut self, text: &[u8]) -> Placed {
        self.placed.lines = self.line_of(text, text.len());
        self.placed
    }
}

/// The LFs in `bytes` (memchr's counter, a word or a vector at a time).
pub fn count_breaks(bytes: &[u8]) -> u32 {
    memchr::memchr_iter(b'\n', bytes).count() as u32
}

/// Where the first LF of `bytes` is.
pub fn find_lf(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_are_counted_as_one_at_a_time() {
        let text = "a\nbb\n\n\r\n\u{85}é\n\u{2028}xxxxxxxxxxxxxxx\nyy\n\n\n\nz\n";
        for from in 0..text.len() {
            for to in from..=text.len() {
                let b = &text.as_bytes()[from..to];
                let want = b.iter().filter(|&&c| c == b'\n').count() as u32;
                assert_eq!(count_breaks(b), want, "{from}..{to}");
            }
        }
        assert_eq!(count_breaks(&[b'\n'; 17]), 17);
        assert_eq!(count_breaks(&[0x8a; 17]), 0);
        for from in 0..text.len() {
            let b = &text.as_bytes()[from..];
            assert_eq!(find_lf(b), b.iter().position(|&c| c == b'\n'), "{from}");
        }
        assert_eq!(find_lf(&[0x8a; 17]), None);
    }
}
