//! A plain `key: value` line, or `- key: value`, read in one step: the lines of a plain
//! record (`yaml::plain`), millions in a large set. The scanner makes the same calls, in
//! the same order and at the same bytes, as its reading a token at a time would, so the
//! values counted, the depth and the place of a limit crossed are the same.

use std::sync::atomic::{AtomicBool, Ordering};

use super::{Exceeded, Kind, Scanner};

/// Whether such lines are read in one step: on, unless a test compares.
static ENABLED: AtomicBool = AtomicBool::new(true);

/// Switches the reading of plain `key: value` lines in one step on or off, for the whole
/// process: the scanner's results are the same either way (tests compare).
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// The bytes of a key: ASCII letters, digits, `_` and `-`.
const KEY: [bool; 256] = table(b"_-");

/// The bytes of a value: ASCII letters, digits, space, `_`, `-`, `.` and `/`.
const VALUE: [bool; 256] = table(b" _-./");

const fn table(extra: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    let mut i = 0;
    while i < extra.len() {
        t[extra[i] as usize] = true;
        i += 1;
    }
    t
}

/// Where the key and the value of `content` (a line from its first non-blank byte,
/// without its break) start, when it is `key: value` or `- key: value` with a key of
/// [`KEY`] bytes starting with a letter, one space after the `:` (and the `-`), and a
/// value of [`VALUE`] bytes starting with a letter or a digit; `None` for any other line.
fn plain_pair(content: &[u8]) -> Option<(usize, usize)> {
    let key = if content.starts_with(b"- ") { 2 } else { 0 };
    if !content.get(key)?.is_ascii_alphabetic() {
        return None;
    }
    let mut i = key;
    while i < content.len() && KEY[usize::from(content[i])] {
        i += 1;
    }
    if content.get(i..i + 2)? != b": " {
        return None;
    }
    let value = i + 2;
    if !content.get(value)?.is_ascii_alphanumeric() {
        return None;
    }
    content[value..]
        .iter()
        .all(|&b| VALUE[usize::from(b)])
        .then_some((key, value))
}

impl Scanner<'_> {
    /// Reads the line whose content (from byte `pos` to `end`) is a plain pair in one
    /// step; false, having done nothing, when it is not one. Called where the line's
    /// tokens would be read in block context, the pending value before it not settled.
    pub(super) fn plain_pair_line(
        &mut self,
        pos: usize,
        end: usize,
        dash: bool,
    ) -> Result<bool, Exceeded> {
        if !ENABLED.load(Ordering::Relaxed) {
            return Ok(false);
        }
        let text = self.text;
        let Some((key, value)) = text.get(pos..end).and_then(plain_pair) else {
            return Ok(false);
        };
        let col = pos - self.line_start;
        self.resolve_pending(col, dash, pos)?;
        if dash {
            // `- `: an item whose value follows on the line.
            self.block_entry(col, Kind::Sequence, pos)?;
        }
        // The key, a value; its `:` opens or continues the mapping at its column; the
        // value on the line, a plain text that lines indented below its owner continue.
        self.add(pos + key)?;
        self.block_entry(col + key, Kind::Mapping, pos + key)?;
        self.pending_null = None;
        self.add(pos + value)?;
        self.plain_owner = Some(self.block.last().map_or(-1, |&(c, _)| c as isize));
        Ok(true)
    }
}
