//! Stage histories written in their plain form, read by hand before serde_yaml sees them.
//!
//! A history is most of a large file's text and most of its YAML events: a visit
//! `- {stage: hull, since: 2026-01-12}` is six events, read by libyaml a byte at a time.
//! `generate` and the sample write every history in one of two plain forms:
//!
//! ```yaml
//!     history:                        # or a serial of a delivery's `histories`
//!       - {stage: hull, since: 2026-09-27}
//!       - {stage: kit, since: 2026-10-12}
//!     history: [{stage: hull, since: 2026-03-11}, {stage: kit, since: 2026-04-04}]
//! ```
//!
//! [`take`] reads those with a few byte comparisons, keeps their visits for the parse
//! ([`raw::pre_read`]) and writes in their place one short marker (`history: <mark>7`),
//! which the history's `Deserialize` turns back into the same visits, in the same table,
//! in the same order. Everything downstream (places, checks, merge) sees what serde_yaml
//! would have given.
//!
//! It is exact or steps aside. Only lines of exactly that shape are read: one space after
//! each `:` and `,`, nothing else on the line, no comment, no quote, no tag, a stage id of
//! letters, digits, `_` and `-`, a real date (a wrong date, like 2026-02-30, is left for
//! serde_yaml to report). A block history must be followed by a line indented no deeper
//! than its key. Anything else is left in the text as it was. A whole piece is left alone
//! when a flow collection (`[`, `{`) might be open at the end of one of its lines (in a
//! flow collection a `- ` item is an error that the marker would hide), when it already
//! holds the marker's text, or when reading is switched off ([`set_enabled`]). The parse
//! of the text with markers counts only when every marker was taken, once, in order
//! ([`raw::pre_read_all_taken`]), that is where a history was expected; otherwise, and on
//! any error, the caller parses the text as written, so that problems are reported from
//! it, at their places. The guard and the locator read the text as written, before and
//! after.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde::de::DeserializeOwned;

use super::search::holds;
use crate::domain::Name;
use crate::status::raw::{self, Day, PRE_READ_MARK, RawVisit};

/// Whether [`take`] (and `yaml::plain`) reads histories by hand: on, unless a test or a
/// bench compares.
pub(super) static ENABLED: AtomicBool = AtomicBool::new(true);

/// Pieces of text whose parse with markers was taken, or whose histories `yaml::plain`
/// read, since the process started.
pub(super) static READ: AtomicUsize = AtomicUsize::new(0);

/// How many pieces of text (whole files, or the slices and rests of cut ones) were read
/// with their plain histories read by hand, since the process started: for tests, to
/// see that the reading by hand was used.
pub fn pieces_read_by_hand() -> usize {
    READ.load(Ordering::Relaxed)
}

/// Switches the reading of plain histories by hand on or off, for the whole process: the
/// result is the same either way, only the time differs (tests and benches compare).
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// Parses `piece` with its plain histories read by hand (see the module's
/// documentation): `None` when none was read (parse the piece as written), `Some(Err)`
/// when the parse with markers failed or did not take every marker in turn (parse it as
/// written, with fresh tables). The marked text is read by `read_marked` when it can
/// (a slice of plain records, `yaml::plain`), else by serde_yaml. Runs inside
/// [`raw::with_serials`].
pub(super) fn parse<T: DeserializeOwned>(
    piece: &str,
    read_marked: impl FnOnce(&str) -> Option<T>,
) -> Option<Result<T, ()>> {
    let text = take(piece)?;
    let parsed =
        read_marked(&text).map_or_else(|| serde_yaml::from_str::<T>(&text).map_err(drop), Ok);
    let taken = parsed.and_then(|v| {
        if raw::pre_read_all_taken() {
            Ok(v)
        } else {
            Err(())
        }
    });
    if taken.is_ok() {
        READ.fetch_add(1, Ordering::Relaxed);
    }
    Some(taken)
}

/// How every plain visit starts.
const VISIT_START: &str = "{stage: ";

/// `text` with its plain histories replaced by markers, their visits kept by
/// [`raw::pre_read`]; `None` when none was replaced.
fn take(text: &str) -> Option<String> {
    if !ENABLED.load(Ordering::Relaxed) || !holds(text, VISIT_START) || holds(text, PRE_READ_MARK) {
        return None;
    }
    let b = text.as_bytes();
    // The markers are shorter than what they replace: one allocation, no copy on growth.
    let mut out = String::with_capacity(text.len());
    // The stage ids met so far: a few dozen texts, met hundreds of thousands of times.
    let mut names = Stages::default();
    // The text up to `copied` is in `out`.
    let mut copied = 0;
    let mut visits = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let (end, closed) = scan_line(b, i);
        if !closed {
            return None;
        }
        let line = &b[i..end];
        let next = (end + 1).min(b.len());
        let (indent, key) = key_of(line);
        let after = &line[(indent + key).min(line.len())..];
        let mut read_to = None;
        if key > 0 && after == b":" {
            // `key:` alone: a block list of plain visits below it?
            let mut j = next;
            let mut item_indent = None;
            while j < b.len() {
                let n = b[j..].iter().take_while(|&&c| c == b' ').count();
                if n <= indent || item_indent.is_some_and(|m| m != n) {
                    break;
                }
                // A visit never reads past its line's end: it is the whole line when a
                // break or the end of the text follows it (no need to seek the end first).
                let Some((v, rest)) = b[j + n..]
                    .strip_prefix(b"- ")
                    .and_then(|l| visit(l, &mut names))
                else {
                    break;
                };
                let e = b.len() - rest.len();
                if !matches!(rest.first(), None | Some(b'\n')) {
                    break;
                }
                item_indent = Some(n);
                visits.push(v);
                j = (e + 1).min(b.len());
            }
            if !visits.is_empty() && ends_block(&b[j..], indent) {
                read_to = Some(j);
            }
        } else if key > 0
            && let Some(list) = after.strip_prefix(b": [")
            && let Some(list) = list.strip_suffix(b"]")
        {
            // `key: [{...}, {...}]` on one line.
            let mut rest = list;
            while let Some((v, after)) = visit(rest, &mut names) {
                visits.push(v);
                match after.strip_prefix(b", ") {
                    Some(more) => rest = more,
                    None => {
                        rest = after;
                        break;
                    }
                }
            }
            if rest.is_empty() && !visits.is_empty() {
                read_to = Some(next);
            }
        }
        match read_to {
            Some(to) => {
                let n = raw::pre_read(&mut visits)?;
                out.push_str(&text[copied..i + indent + key]);
                out.push_str(": ");
                out.push_str(PRE_READ_MARK);
                push_number(&mut out, n);
                out.push('\n');
                copied = to;
                i = to;
            }
            None => {
                visits.clear();
                i = next.max(i + 1);
            }
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// Writes `n` in decimal at the end of `out` (as `write!` does, without its machinery:
/// once per history).
fn push_number(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut left = n;
    loop {
        k -= 1;
        digits[k] = b'0' + (left % 10) as u8;
        left /= 10;
        if left == 0 {
            break;
        }
    }
    out.extend(digits[k..].iter().map(|&d| char::from(d)));
}

/// The bytes [`scan_line`] notes: a line break, brackets, quotes and `#`.
const STOPS: [bool; 256] = {
    let mut stops = [false; 256];
    let noted = b"\n[]{}\"'#";
    let mut k = 0;
    while k < noted.len() {
        stops[noted[k] as usize] = true;
        k += 1;
    }
    stops
};

/// Where the line that starts at `from` ends (its `\n`, or the end of the text), and
/// whether no flow collection can be open at its end, whatever came before, as long as
/// none was open at the end of the line before: a line with a bracket must close every
/// bracket it opens, in order of depth, with no quote or `#` that could hide one. (It
/// errs on the side of false: a `[` in a plain text also makes it false.)
fn scan_line(b: &[u8], from: usize) -> (usize, bool) {
    let mut depth = 0usize;
    let mut brackets = false;
    let mut hiding = false;
    let mut negative = false;
    let mut i = from;
    while let Some(&c) = b.get(i) {
        if !STOPS[usize::from(c)] {
            // Most bytes: nothing to note, one look-up.
            i += 1;
            continue;
        }
        match c {
            b'\n' => break,
            b'[' | b'{' => {
                depth += 1;
                brackets = true;
            }
            b']' | b'}' => {
                match depth.checked_sub(1) {
                    Some(d) => depth = d,
                    None => negative = true,
                }
                brackets = true;
            }
            b'"' | b'\'' | b'#' => hiding = true,
            _ => {}
        }
        i += 1;
    }
    (i, !negative && (!brackets || (depth == 0 && !hiding)))
}

/// The indentation of `line` (spaces) and the length of the plain key after it: letters,
/// digits, `_`, `.` and `-`, starting with a letter or digit; 0 when there is none.
fn key_of(line: &[u8]) -> (usize, usize) {
    let indent = line.iter().take_while(|&&c| c == b' ').count();
    let rest = &line[indent..];
    if !rest.first().is_some_and(u8::is_ascii_alphanumeric) {
        return (indent, 0);
    }
    let key = rest
        .iter()
        .take_while(|&&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
        .count();
    (indent, key)
}

/// True when `rest` (the text after the items of a block history whose key is indented
/// `indent`) ends the history: the end of the text, or a line with content indented no
/// deeper than the key, and not a `- ` item at the key's own column.
fn ends_block(rest: &[u8], indent: usize) -> bool {
    let n = rest.iter().take_while(|&&c| c == b' ').count();
    match rest.get(n) {
        None => true,
        Some(&c) => {
            n <= indent
                && !matches!(c, b'\n' | b'\r' | b'\t' | b'#' | b' ')
                && !(n == indent && c == b'-')
        }
    }
}

/// The visit `{stage: ID, since: YYYY-MM-DD}` at the start of `text`, and the text after;
/// its stage the one of `names` (the ids met before) with that text, or interned and
/// added to them.
pub(super) fn visit<'t>(text: &'t [u8], names: &mut Stages) -> Option<(RawVisit, &'t [u8])> {
    let rest = text.strip_prefix(VISIT_START.as_bytes())?;
    let id = rest
        .iter()
        .take_while(|&&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
        .count();
    if !rest.first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let (stage, rest) = rest.split_at(id);
    let rest = rest.strip_prefix(b", since: ")?;
    let (date, rest) = rest.split_at_checked(10)?;
    let rest = rest.strip_prefix(b"}")?;
    let digits = |r: std::ops::Range<usize>| date[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && date[4] == b'-' && digits(5..7) && date[7] == b'-' && digits(8..10)) {
        return None;
    }
    // ASCII, checked above. As the `Deserialize` of a day reads a date in this form
    // (`raw::parse_date`, less the message it prepares), and of a name a text that
    // cleaning leaves as it is (`crate::text::clean`: printable ASCII without two
    // spaces, shorter than its cut).
    let number = |r: std::ops::Range<usize>| {
        date[r]
            .iter()
            .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'))
    };
    let day = crate::domain::Date::from_ymd_opt(number(0..4) as i32, number(5..7), number(8..10))?;
    if stage.len() >= crate::text::MAX_CHARS {
        return None;
    }
    let stage = match names.find(stage) {
        Some(name) => name,
        None => {
            let name = crate::status::intern::intern(std::str::from_utf8(stage).ok()?);
            names.add(&name);
            name
        }
    };
    let since = Day(day);
    Some((
        RawVisit {
            stage,
            since,
            at: raw::Below::default(),
        },
        rest,
    ))
}

/// The stage ids met so far in a text, interned, in the order met: the ids of one
/// history mostly come in that order, so each is sought from after the last found.
#[derive(Debug, Default)]
pub(super) struct Stages {
    names: Vec<Name>,
    /// Where the next search starts: after the last found.
    next: usize,
}

impl Stages {
    /// The name met before whose text is `id`.
    fn find(&mut self, id: &[u8]) -> Option<Name> {
        let (after, before) = self.names.split_at(self.next.min(self.names.len()));
        let at = before
            .iter()
            .position(|n| n.as_bytes() == id)
            .map(|i| i + after.len())
            .or_else(|| after.iter().position(|n| n.as_bytes() == id))?;
        self.next = at + 1;
        self.names.get(at).cloned()
    }

    /// `name` met for the first time.
    fn add(&mut self, name: &Name) {
        // A file of many more ids (not a real one) would make the search the cost.
        if self.names.len() < 64 {
            self.names.push(name.clone());
            self.next = self.names.len();
        }
    }
}

mod line;

pub use line::{plain_visit_item, plain_visit_line};
