//! Keys found line by line inside an entry, after a place: the `stage` of each visit of a
//! history, the serial keys of a delivery's `histories:`.

use super::{Entry, LineAt, find_from, key_start};
use crate::status::problem::Loc;

/// What a key is on a plain visit line (`- {stage: ID, since: DATE}`), whose only keys are
/// `stage` and `since`, at places known from the id's length.
#[derive(Clone, Copy)]
enum OnVisit {
    /// `stage` (false) or `since` (true): at its known place.
    Known(bool),
    /// Made of id bytes alone and neither (a serial): not on such a line, passed over.
    Absent,
    /// Anything else: sought on the line as on any other.
    Sought,
}

impl OnVisit {
    fn of(key: &str) -> OnVisit {
        match key {
            "stage" => OnVisit::Known(false),
            "since" => OnVisit::Known(true),
            _ if key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') =>
            {
                OnVisit::Absent
            }
            _ => OnVisit::Sought,
        }
    }
}

/// One line of an entry as [`Entry::each_line`] gives it.
struct Line<'a> {
    /// Its 1-based number in the file.
    no: u32,
    /// What to add to a byte's place on the line for its column (the entry's first line
    /// starts at the entry's column).
    shift: u32,
    /// Its text, without the line break.
    text: &'a str,
    /// On a plain visit line, its indentation and the length of its id.
    visit: Option<(usize, usize)>,
}

impl Line<'_> {
    /// Calls `found` with each place of `key:` on this line after `after`, until it
    /// returns false; false then.
    fn keys(
        &self,
        key: &str,
        on_visit: OnVisit,
        after: Loc,
        found: &mut impl FnMut(Loc) -> bool,
    ) -> bool {
        if let Some((indent, id)) = self.visit {
            let at = match on_visit {
                OnVisit::Known(true) => indent + "- {stage: ".len() + id + ", ".len(),
                OnVisit::Known(false) => indent + "- {".len(),
                OnVisit::Absent => return true,
                OnVisit::Sought => return self.searched(key, after, found),
            };
            let loc = Loc::new(self.no, at as u32 + 1 + self.shift);
            return loc <= after || found(loc);
        }
        self.searched(key, after, found)
    }

    /// [`Self::keys`] by a search of the line.
    fn searched(&self, key: &str, after: Loc, found: &mut impl FnMut(Loc) -> bool) -> bool {
        if self.no < after.line {
            return true;
        }
        let line = self.text;
        let mut from = 0;
        while let Some(pos) = find_from(line, from, key) {
            from = pos + key.len();
            let before = &line[..pos];
            let rest = line[from..].trim_start_matches([' ', '"', '\'']);
            if !key_start(before) || !rest.starts_with(':') {
                continue;
            }
            let loc = Loc::new(self.no, before.chars().count() as u32 + 1 + self.shift);
            if loc > after && !found(loc) {
                return false;
            }
        }
        true
    }
}

impl Entry<'_> {
    /// Where `key:` is written in this entry after the place `after`, every time, in one
    /// pass over its lines: the keys of the items of a list inside the entry (the `stage`
    /// of each visit of a history).
    pub fn keys_after(&self, key: &str, after: Loc) -> Vec<Loc> {
        self.keys_after_from(key, after, LineAt::default())
    }

    /// [`Self::keys_after`] read from the line `from` on, `after`'s line or one above it
    /// ([`Self::key_line`]): the lines above hold none of them, and are not read again.
    pub fn keys_after_from(&self, key: &str, after: Loc, from: LineAt) -> Vec<Loc> {
        let mut found = Vec::new();
        self.each_key_after_from(key, after, from, |loc| {
            found.push(loc);
            true
        });
        found
    }

    /// The first of [`Self::keys_after`], reading no further than it.
    pub fn first_key_after(&self, key: &str, after: Loc) -> Option<Loc> {
        let mut first = None;
        self.each_key_after_from(key, after, LineAt::default(), |loc| {
            first = Some(loc);
            false
        });
        first
    }

    /// [`Self::first_key_after`] of each of `keys`, in one pass over the lines (the serial
    /// keys of a delivery's histories: one pass for them all, not one each).
    /// Read from the line `from` on, as [`Self::keys_after_from`].
    pub fn first_keys_after(&self, keys: &[&str], after: Loc, from: LineAt) -> Vec<Option<Loc>> {
        let mut first = vec![None; keys.len()];
        let kinds: Vec<OnVisit> = keys.iter().map(|k| OnVisit::of(k)).collect();
        let mut left = keys.iter().filter(|k| !k.is_empty()).count();
        if left == 0 {
            return first;
        }
        self.each_line(from, |line| {
            for ((key, &kind), slot) in keys.iter().zip(&kinds).zip(first.iter_mut()) {
                if slot.is_some() || key.is_empty() {
                    continue;
                }
                line.keys(key, kind, after, &mut |loc| {
                    *slot = Some(loc);
                    left -= 1;
                    false
                });
            }
            left > 0
        });
        first
    }

    /// Calls `found` with each place of [`Self::keys_after_from`] in turn, until it
    /// returns false.
    pub fn each_key_after_from(
        &self,
        key: &str,
        after: Loc,
        from: LineAt,
        mut found: impl FnMut(Loc) -> bool,
    ) {
        if key.is_empty() {
            return;
        }
        let kind = OnVisit::of(key);
        self.each_line(from, |line| line.keys(key, kind, after, &mut found));
    }

    /// Calls `f` with each line of the entry from the line `from` on, in turn, until it
    /// returns false. A plain visit line is read in one step, without seeking its end first.
    fn each_line(&self, from: LineAt, mut f: impl FnMut(&Line) -> bool) {
        let bytes = self.text.as_bytes();
        let mut start = from.start;
        for i in from.index.. {
            let no = self.first_line + i;
            let shift = if i == 0 { self.first_column - 1 } else { 0 };
            if let Some((indent, id, end)) = super::super::visits::plain_visit_line(bytes, start) {
                let line = Line {
                    no,
                    shift,
                    text: &self.text[start..end],
                    visit: Some((indent, id)),
                };
                if !f(&line) {
                    return;
                }
                start = end + 1;
                continue;
            }
            let end = self.text[start..]
                .find('\n')
                .map_or(bytes.len(), |p| start + p);
            let line = Line {
                no,
                shift,
                text: &self.text[start..end],
                visit: None,
            };
            if !f(&line) || end == bytes.len() {
                return;
            }
            start = end + 1;
        }
    }
}
