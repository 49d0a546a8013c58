//! Plain records read by hand: a slice of a long list (`yaml::slice`) written in the
//! plain block form that `generate` and real exports write, read without serde_yaml.
//!
//! ```yaml
//!   - serial: GEN-00013-000001
//!     stage: paint
//!     since: 2026-11-08
//!     site: Site 3
//!   - date: 2024-04-09
//!     serials: [GEN-00001-049535, GEN-00001-049536]
//!     count: 2
//!     histories:
//!       GEN-00001-049535: ~@17
//! ```
//!
//! The lines are read by a small serde `Deserializer` ([`read`]), so that the records'
//! own `Deserialize` impls run as they do under serde_yaml: names interned, serials into
//! the file's text, days checked, markers of histories read by hand (`yaml::visits`)
//! taken, unknown, missing and duplicate fields refused. Each scalar is given to them as
//! serde_yaml 0.9 gives a plain scalar (`deserialize_any`: a whole number as `u64`,
//! anything else as text; `deserialize_str`: the text; `deserialize_option`: some).
//!
//! It is exact or steps aside. Only values that YAML cannot read two ways are taken:
//! ASCII letters, digits, `-`, `_`, `.`, `/` and spaces inside; starting with a letter or a
//! digit, and when with a digit, a `YYYY-MM-DD` or a whole number without a leading zero
//! of up to 18 digits; no YAML word (`null`, `true`, `no`, `on`, `nan`, … in any case); a
//! marker `~@N`; or a one-line flow list `[a, b]` of such values. Every item at one
//! indentation, `- ` then its first key, its other keys two columns in, one per line, `: `
//! between key and value; a key alone on its line opens a mapping of such `key: value`
//! lines, or a history of plain visit lines (`- {stage: ID, since: DATE}`, read as
//! `yaml::visits` reads them), deeper, at one indentation. Lines end in LF or CR LF.
//! Comments and blank lines after the last item are read as YAML reads them: as nothing.
//! Anything else (a comment or a blank line before it, a quote, a tag, an anchor, a tab, an empty value, a nested list, an error
//! from a `Deserialize`) and the text, its serials and tables left as they were
//! ([`raw::rewind`]), the caller parses the slice with serde_yaml, which reports any
//! problem in its words, at its place. The places of the records and visits read are
//! noted as they are read, when asked ([`places`]); the locator finds the others.

use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde::de::{self, DeserializeOwned};

use super::search::holds;
use crate::status::raw::{self, RawVisit};

/// Whether [`read`] reads: on, unless a test or a bench compares.
static ENABLED: AtomicBool = AtomicBool::new(true);

/// Pieces read by hand since the process started.
static READ: AtomicUsize = AtomicUsize::new(0);

/// How many pieces of text (slices of long lists) were read by hand here, rather than by
/// serde_yaml, since the process started: for tests and benches.
pub fn pieces_read_by_hand() -> usize {
    READ.load(Ordering::Relaxed)
}

/// Switches the reading of plain records by hand on or off, for the whole process: the
/// result is the same either way, only the time differs (tests and benches compare).
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// `piece`, a YAML list of plain records (see the module's documentation), read by hand;
/// `None` when it is not one (or reading is off): then the text of serials and the tables
/// of the parse under way are as they were, and the caller parses it with serde_yaml.
/// Runs inside [`raw::with_serials`].
///
/// With `histories`, a history written as plain visit lines below its key (`history:`, or
/// a serial of `histories:`), one `- {stage: ID, since: YYYY-MM-DD}` a line, is read as
/// `yaml::visits` reads it, and handed to the history's `Deserialize` as the marker of a
/// history read before the parse (`raw::pre_read`); the piece counts only when every one
/// was taken, in turn, as a history, and when it held no marker's text before.
pub(super) fn read<T: DeserializeOwned>(piece: &str, histories: bool) -> Option<T> {
    read_placing(piece, histories, None).map(|(v, _)| v)
}

/// [`read`], noting the places of the records and visits read, and their keys as `place`
/// says (see [`places`]): they are then those the locator finds in the piece.
pub(super) fn read_placing<T: DeserializeOwned>(
    piece: &str,
    histories: bool,
    place: Option<Keys>,
) -> Option<(T, Option<Placed>)> {
    if !ENABLED.load(Ordering::Relaxed) || !piece.trim_start_matches(' ').starts_with("- ") {
        return None;
    }
    let at = raw::checkpoint();
    let mut lines = Lines {
        text: piece,
        pos: 0,
        item: 0,
        histories: histories && !holds(piece, raw::PRE_READ_MARK),
        names: Default::default(),
        visits: Vec::new(),
        pre_read: false,
        noting: place.map(Noting::new),
    };
    let parsed = T::deserialize(Items(&mut lines));
    match parsed {
        Ok(v) if !lines.pre_read || raw::pre_read_all_taken() => {
            READ.fetch_add(1, Ordering::Relaxed);
            if lines.pre_read {
                super::visits::READ.fetch_add(1, Ordering::Relaxed);
            }
            let placed = lines.noting.take().and_then(|n| n.finish(piece.as_bytes()));
            Some((v, placed))
        }
        _ => {
            if let Some(at) = at {
                raw::rewind(at);
            }
            None
        }
    }
}

/// The reading steps aside: the text is not plain, or a `Deserialize` refused it.
#[derive(Debug)]
struct Aside;

impl fmt::Display for Aside {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("not a plain record")
    }
}

impl std::error::Error for Aside {}

impl de::Error for Aside {
    fn custom<M: fmt::Display>(_: M) -> Aside {
        Aside
    }
}

/// The piece's lines, read from `pos` on.
struct Lines<'de> {
    text: &'de str,
    /// Where the next line not yet read starts.
    pos: usize,
    /// The indentation of the items (spaces).
    item: usize,
    /// Whether plain visit lines are read (see [`read`]).
    histories: bool,
    /// The stage ids met so far (as `yaml::visits` keeps them).
    names: super::visits::Stages,
    /// The visits of the history being read.
    visits: Vec<RawVisit>,
    /// True once a history was read before its `Deserialize`.
    pre_read: bool,
    /// The places noted, when asked.
    noting: Option<Noting>,
}

impl<'de> Lines<'de> {
    /// The next line, read in one pass; `None` at the end.
    fn peek(&self) -> Option<Line<'de>> {
        let b = self.text.as_bytes();
        let start = self.pos;
        if start >= b.len() {
            return None;
        }
        let mut i = start;
        while b.get(i) == Some(&b' ') {
            i += 1;
        }
        let from = i;
        let mut colon = None;
        let mut plain = true;
        let mut end = b.len();
        let mut next = b.len();
        while let Some(&c) = b.get(i) {
            if PLAIN[usize::from(c)] {
                i += 1;
                continue;
            }
            match c {
                b'\n' => {
                    (end, next) = (i, i + 1);
                    break;
                }
                // CR LF: the CR is part of the break (a CR alone is refused).
                b'\r' if b.get(i + 1) == Some(&b'\n') => {
                    (end, next) = (i, i + 2);
                    break;
                }
                b':' if colon.is_none() => colon = Some(i - from),
                _ => plain = false,
            }
            i += 1;
        }
        // `from` and `end` stand at ASCII bytes or the end: never inside a character
        // (a line that were would be refused, not taken for the end).
        let content = self.text.get(from..end);
        Some(Line {
            indent: from - start,
            content: content.unwrap_or_default(),
            colon: colon.filter(|_| content.is_some()),
            plain,
            next,
        })
    }
}

/// One line as [`Lines::peek`] reads it.
#[derive(Debug, Clone, Copy)]
struct Line<'de> {
    /// Its indentation (spaces).
    indent: usize,
    /// The rest, without the line break.
    content: &'de str,
    /// Where the first `:` of `content` is.
    colon: Option<usize>,
    /// True when every byte of `content` but that `:` is one [`PLAIN`] allows.
    plain: bool,
    /// Where the line after starts.
    next: usize,
}

impl<'de> Line<'de> {
    /// The key of a `key: value` or `key:` line whose key starts at `skip`, what it is,
    /// and what follows its `:`.
    fn key(&self, skip: usize) -> Result<(&'de str, Kind, &'de str), Aside> {
        let colon = self.colon.ok_or(Aside)?;
        let key = self.content.get(skip..colon).ok_or(Aside)?;
        let after = self.content.get(colon + 1..).ok_or(Aside)?;
        let kind = if self.plain {
            kind_of_plain(key)
        } else {
            classify(key)
        };
        Ok((key, kind.ok_or(Aside)?, after))
    }
}

/// The bytes a plain value may hold: ASCII letters, digits, space, `-`, `_`, `.`, `/`.
const PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || matches!(b, b' ' | b'-' | b'_' | b'.' | b'/');
        c += 1;
    }
    t
};

/// Words YAML (1.1 or 1.2) or Rust's float parsing may read as something else than text.
const WORDS: [&[u8]; 12] = [
    b"null",
    b"true",
    b"false",
    b"yes",
    b"no",
    b"on",
    b"off",
    b"y",
    b"n",
    b"nan",
    b"inf",
    b"infinity",
];

/// What serde_yaml makes of a plain scalar, for the values read here.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Text,
    Whole(u64),
}

/// What `s` is when it is a plain value read here; `None` for anything else.
fn classify(s: &str) -> Option<Kind> {
    let b = s.as_bytes();
    if let Some(n) = b.strip_prefix(b"~@") {
        return (!n.is_empty() && n.iter().all(u8::is_ascii_digit)).then_some(Kind::Text);
    }
    if !b.iter().all(|&c| PLAIN[usize::from(c)]) {
        return None;
    }
    kind_of_plain(s)
}

/// [`classify`] for `s` whose every byte is one [`PLAIN`] allows.
fn kind_of_plain(s: &str) -> Option<Kind> {
    let b = s.as_bytes();
    let (&first, &last) = (b.first()?, b.last()?);
    if last == b' ' {
        return None;
    }
    if first.is_ascii_digit() {
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() == 10 && digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' {
            return digits(8..10).then_some(Kind::Text);
        }
        if b.len() > 18 || (first == b'0' && b.len() > 1) || !digits(0..b.len()) {
            return None;
        }
        return s.parse().ok().map(Kind::Whole);
    }
    let word = b.len() <= 8 && WORDS.iter().any(|w| b.eq_ignore_ascii_case(w));
    (first.is_ascii_alphabetic() && !word).then_some(Kind::Text)
}

/// Errors for every `deserialize_*` that a plain value cannot give.
macro_rules! aside {
    ($($name:ident($($arg:ident: $ty:ty),*))*) => {
        $(fn $name<V: Visitor<'de>>(self, $($arg: $ty,)* _v: V) -> Result<V::Value, Aside> {
            $(let _ = $arg;)*
            Err(Aside)
        })*
    };
}

/// The ones no value here gives, with those each kind of value does not.
macro_rules! aside_common {
    () => {
        aside! {
            deserialize_bool() deserialize_i8() deserialize_i16() deserialize_i32()
            deserialize_i64() deserialize_u8() deserialize_u16() deserialize_u32()
            deserialize_u64() deserialize_f32() deserialize_f64() deserialize_char()
            deserialize_bytes() deserialize_byte_buf() deserialize_unit()
            deserialize_unit_struct(_n: &'static str)
            deserialize_newtype_struct(_n: &'static str) deserialize_tuple(_l: usize)
            deserialize_tuple_struct(_n: &'static str, _l: usize)
            deserialize_enum(_n: &'static str, _w: &'static [&'static str])
            deserialize_ignored_any()
        }
    };
}

/// A `Deserializer` for a mapping read line by line (a record, a mapping below a key):
/// `$done` is set once its last key was read; a map or struct it gives whole, anything
/// else steps aside.
macro_rules! mapping_deserializer {
    ($ty:ty) => {
        impl<'de> Deserializer<'de> for &mut $ty {
            type Error = Aside;

            fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Aside> {
                let value = v.visit_map(&mut *self)?;
                if self.done { Ok(value) } else { Err(Aside) }
            }

            fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Aside> {
                self.deserialize_any(v)
            }

            fn deserialize_struct<V: Visitor<'de>>(
                self,
                _n: &'static str,
                _f: &'static [&'static str],
                v: V,
            ) -> Result<V::Value, Aside> {
                self.deserialize_any(v)
            }

            fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Aside> {
                v.visit_some(self)
            }

            aside_common!();
            aside! {
                deserialize_str() deserialize_string() deserialize_seq() deserialize_identifier()
            }
        }
    };
}

mod places;
mod record;
mod value;

use places::Noting;
pub use places::{
    KeyAt, Keys, Placed, RecordAt, VEHICLE_KEYS, count_breaks, deliveries_placed, find_lf, placing,
    queues_placed, set_placing,
};
pub(crate) use places::{count_deliveries_placed, count_placed};
use record::Items;
