//! The places of the records read by hand (`yaml::plain`), noted while they are read, so
//! that the locator need not read their lines again (`yaml::annotate`).
//!
//! A plain record is written one way only: its entry's `- `, then its first key, its other
//! keys on lines of their own two columns in (the entry's column), the visits of a history
//! one a line, deeper, as `- {stage: ID, since: DATE}`. So the places the locator finds in
//! such lines are the ones noted here: the entry's first key, the line of each key at the
//! entry's column, and the `stage` of each visit. The locator seeks a delivery's fields
//! and the serials of its histories by name in the whole entry: for deliveries every key
//! is noted, at any depth, with its name ([`Keys::All`]), and `yaml::annotate` seeks them
//! there as the locator would in the text.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Whether places are noted: on, unless a test or a bench compares with the locator.
static PLACING: AtomicBool = AtomicBool::new(true);

/// Files whose queue was placed from what was noted, since the process started.
static GIVEN: AtomicUsize = AtomicUsize::new(0);

/// Files whose deliveries were placed from what was noted, since the process started.
static GIVEN_DELIVERIES: AtomicUsize = AtomicUsize::new(0);

/// How many files had their queue's vehicles placed from what the plain reader noted,
/// not by the locator, since the process started: for tests and benches.
pub fn queues_placed() -> usize {
    GIVEN.load(Ordering::Relaxed)
}

/// Counts one file placed from what was noted (`yaml::annotate`).
pub(crate) fn count_placed() {
    GIVEN.fetch_add(1, Ordering::Relaxed);
}

/// How many files had their deliveries (records, fields, histories and visits) placed
/// from what the plain reader noted, not by the locator, since the process started: for
/// tests and benches.
pub fn deliveries_placed() -> usize {
    GIVEN_DELIVERIES.load(Ordering::Relaxed)
}

/// Counts one file whose deliveries were placed from what was noted (`yaml::annotate`).
pub(crate) fn count_deliveries_placed() {
    GIVEN_DELIVERIES.fetch_add(1, Ordering::Relaxed);
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

/// What is noted of a piece's records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// The lines of [`VEHICLE_KEYS`] at the record's column (a slice of the queue).
    Vehicle,
    /// Every key of every record, at any depth, in the order of the text (a slice of the
    /// deliveries: the locator seeks a field, the serial of a history, by its name in the
    /// whole entry). A key `stage` or `since` other than a visit's, a mapping below any
    /// key but `histories`, or visits anywhere else than below one of its keys, and
    /// nothing is noted: the locator places the piece.
    All,
}

/// Where the records of one piece read by hand are written: lines counted from the
/// piece's first line (0), columns 1-based, as `problem::Loc` counts them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Placed {
    /// Each record, in the order of the piece.
    pub records: Vec<RecordAt>,
    /// The line and the column of each visit's `stage`, in the order of the piece.
    pub visits: Vec<(u32, u32)>,
    /// With [`Keys::All`], every key of every record, in the order of the piece.
    pub keys: Vec<KeyAt>,
    /// The line breaks (`\n`) of the whole piece: where the next piece's first line is.
    pub lines: u32,
    /// The piece's length in bytes: where the next piece starts.
    pub bytes: usize,
}

/// Where one key is written ([`Keys::All`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyAt {
    /// Its line, from the piece's first (0).
    pub line: u32,
    /// Its 1-based column.
    pub column: u32,
    /// Where its text starts in the piece (bytes).
    pub start: u32,
    /// Its length in bytes.
    pub len: u32,
}

/// Where one record is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordAt {
    /// The line of its `- ` (from the piece's first line, 0).
    pub line: u32,
    /// The 1-based column of its first key, the column of its other keys.
    pub column: u32,
    /// The line of each of [`VEHICLE_KEYS`], when the record writes it ([`Keys::Vehicle`]).
    pub keys: [Option<u32>; 4],
    /// Its first key in [`Placed::keys`] ([`Keys::All`]; the record's keys run to the
    /// next record's first).
    pub keys_from: u32,
    /// Its first visit in [`Placed::visits`] (its visits run to the next record's first).
    pub visits_from: u32,
}

/// Notes places while a piece is read: the lines are counted as the reading moves on,
/// each byte once.
#[derive(Debug)]
pub(super) struct Noting {
    pub(super) placed: Placed,
    /// A byte already counted up to, and its line.
    counted: (usize, u32),
    /// What is noted.
    keys: Keys,
    /// With [`Keys::All`]: whether the last key of the record's own was `histories`, and
    /// whether a key below it was read since.
    in_histories: (bool, bool),
    /// With [`Keys::All`]: something the locator would read otherwise was met.
    spoiled: bool,
    /// With [`Keys::All`]: a record of the piece keeps histories.
    histories: bool,
}

impl Noting {
    /// Nothing noted yet, `keys` to be.
    pub(super) fn new(keys: Keys) -> Noting {
        Noting {
            placed: Placed::default(),
            counted: (0, 0),
            keys,
            in_histories: (false, false),
            spoiled: false,
            histories: false,
        }
    }

    /// The line (from 0) of byte `pos` of `text`, at or after the last one asked.
    pub(super) fn line_of(&mut self, text: &[u8], pos: usize) -> u32 {
        let (from, line) = self.counted;
        if pos == from {
            return line;
        }
        let breaks = text.get(from..pos).map_or(0, count_breaks);
        let line = line + breaks;
        self.counted = (pos.max(from), line);
        line
    }

    /// The reading moved from the line that starts at `from` to the next, at `to`: when
    /// the lines were counted up to `from`, they are up to `to`, one more when the line
    /// ended in a break, without reading its bytes again.
    pub(super) fn passed(&mut self, text: &[u8], from: usize, to: usize) {
        let (at, line) = self.counted;
        if at == from && to > from && to <= text.len() && text[to - 1] == b'\n' {
            self.counted = (to, line + 1);
        }
    }

    /// A record whose `- ` line starts at `pos`, its first key at `column` (1-based).
    pub(super) fn record(&mut self, text: &[u8], pos: usize, column: usize) {
        let line = self.line_of(text, pos);
        self.placed.records.push(RecordAt {
            line,
            column: column as u32,
            keys: [None; 4],
            keys_from: self.placed.keys.len() as u32,
            visits_from: self.placed.visits.len() as u32,
        });
    }

    /// A key of the record being read, on the line that starts at `pos` (`key` a slice of
    /// `text`): with [`Keys::Vehicle`], noted the first time when it is one of
    /// [`VEHICLE_KEYS`]; with [`Keys::All`], noted.
    pub(super) fn key(&mut self, text: &[u8], pos: usize, key: &str) {
        // Counted on every key's line, so that the next is counted from there ([`Self::passed`]).
        let line = self.line_of(text, pos);
        if self.keys == Keys::All {
            self.in_histories = (key == "histories", false);
            self.histories |= key == "histories";
            self.any_key(text, pos, key);
            return;
        }
        let Some(k) = VEHICLE_KEYS.iter().position(|&v| v == key) else {
            return;
        };
        if let Some(r) = self.placed.records.last_mut() {
            r.keys[k].get_or_insert(line);
        }
    }

    /// A key of a mapping below a key of the record, on the line that starts at `pos`
    /// (`key` a slice of `text`): noted with [`Keys::All`].
    pub(super) fn nested_key(&mut self, text: &[u8], pos: usize, key: &str) {
        self.line_of(text, pos);
        if self.keys == Keys::All {
            self.spoiled |= !self.in_histories.0;
            self.in_histories.1 = true;
            self.any_key(text, pos, key);
        }
    }

    /// Notes `key`, a slice of `text` on the line that starts at `pos` ([`Keys::All`]).
    fn any_key(&mut self, text: &[u8], pos: usize, key: &str) {
        // A `stage` or `since` the locator would find among the visits' keys.
        self.spoiled |= matches!(key, "stage" | "since");
        let start = (key.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
        if start < pos || start > text.len() {
            self.spoiled = true;
            return;
        }
        let line = self.line_of(text, pos);
        self.placed.keys.push(KeyAt {
            line,
            // The piece's lines are plain ASCII: a byte is a column.
            column: (start - pos + 1) as u32,
            start: start as u32,
            len: key.len() as u32,
        });
    }

    /// A visit line that starts at `pos` and is indented `indent` spaces: its `stage`
    /// follows `- {`.
    pub(super) fn visit(&mut self, text: &[u8], pos: usize, indent: usize) {
        // Only below a serial of `histories` are the visits the locator pairs with them.
        self.spoiled |= self.keys == Keys::All && self.in_histories != (true, true);
        let line = self.line_of(text, pos);
        self.placed
            .visits
            .push((line, (indent + "- {".len() + 1) as u32));
    }

    /// The places noted, once the whole piece is read; `None` when the locator must find
    /// them (see [`Keys::All`]), or the piece is too long to note in 32 bits.
    ///
    /// Deliveries none of which keeps a history are left to the locator too: it finds
    /// their few keys at little cost, where what is noted of them (some 100 bytes a
    /// delivery, every key with its place) would be held until their file is placed: 20 MB
    /// for the 200 000 deliveries of issue 15's million-vehicle set, at the end of its
    /// read, when a load holds the most (BENCHMARKS.md).
    pub(super) fn finish(mut self, text: &[u8]) -> Option<Placed> {
        let plain_deliveries = self.keys == Keys::All && !self.histories;
        if self.spoiled || plain_deliveries || u32::try_from(text.len()).is_err() {
            return None;
        }
        self.placed.lines = self.line_of(text, text.len());
        self.placed.bytes = text.len();
        Some(self.placed)
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
