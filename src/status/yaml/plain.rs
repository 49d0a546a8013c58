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
//! lines, deeper, at one indentation. Lines end in LF or CR LF. Anything else (a comment, a
//! blank line, a quote, a tag, an anchor, a tab, an empty value, a nested list, an error
//! from a `Deserialize`) and the text, its serials and tables left as they were
//! ([`raw::rewind`]), the caller parses the slice with serde_yaml, which reports any
//! problem in its words, at its place. The places are found afterwards by the locator,
//! from the text as written, as for any parse.

use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde::de::Visitor;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess};

use crate::status::raw;

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
pub(super) fn read<T: DeserializeOwned>(piece: &str) -> Option<T> {
    if !ENABLED.load(Ordering::Relaxed) || !piece.trim_start_matches(' ').starts_with("- ") {
        return None;
    }
    let at = raw::checkpoint();
    let mut lines = Lines {
        text: piece,
        pos: 0,
        item: 0,
    };
    match T::deserialize(Items(&mut lines)) {
        Ok(v) => {
            READ.fetch_add(1, Ordering::Relaxed);
            Some(v)
        }
        Err(Aside) => {
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
}

impl<'de> Lines<'de> {
    /// The next line: its indentation, its content after it (without the line break) and
    /// where the line after starts; `None` at the end.
    fn peek(&self) -> Option<(usize, &'de str, usize)> {
        let rest = self.text.get(self.pos..).filter(|r| !r.is_empty())?;
        let (line, next) = match rest.find('\n') {
            Some(n) => (&rest[..n], self.pos + n + 1),
            None => (rest, self.text.len()),
        };
        // CR LF: the CR is part of the break (a CR alone stays, and is refused).
        let line = match line.strip_suffix('\r') {
            Some(l) if next <= self.text.len() && self.text.as_bytes()[next - 1] == b'\n' => l,
            _ => line,
        };
        let indent = line.bytes().take_while(|&c| c == b' ').count();
        Some((indent, &line[indent..], next))
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
    let (&first, &last) = (b.first()?, b.last()?);
    if first == b'~' {
        let n = b.strip_prefix(b"~@")?;
        return (!n.is_empty() && n.iter().all(u8::is_ascii_digit)).then_some(Kind::Text);
    }
    if last == b' ' || !b.iter().all(|&c| PLAIN[usize::from(c)]) {
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

mod value;

use value::{Nested, Value, value_of};

/// The whole piece: a list of records.
struct Items<'a, 'de>(&'a mut Lines<'de>);

impl<'de> Deserializer<'de> for Items<'_, 'de> {
    type Error = Aside;

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Aside> {
        let mut items = ItemsAccess {
            lines: self.0,
            first: true,
            done: false,
        };
        let value = v.visit_seq(&mut items)?;
        if items.done { Ok(value) } else { Err(Aside) }
    }

    aside_common!();
    aside! {
        deserialize_any() deserialize_str() deserialize_string() deserialize_option()
        deserialize_map() deserialize_identifier()
        deserialize_struct(_n: &'static str, _f: &'static [&'static str])
    }
}

struct ItemsAccess<'a, 'de> {
    lines: &'a mut Lines<'de>,
    first: bool,
    done: bool,
}

impl<'de> SeqAccess<'de> for ItemsAccess<'_, 'de> {
    type Error = Aside;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Aside> {
        let Some((indent, content, next)) = self.lines.peek() else {
            self.done = !self.first;
            return if self.first { Err(Aside) } else { Ok(None) };
        };
        if std::mem::take(&mut self.first) {
            self.lines.item = indent;
        } else if indent != self.lines.item {
            return Err(Aside);
        }
        let first = content.strip_prefix("- ").ok_or(Aside)?;
        let mut record = Record {
            lines: &mut *self.lines,
            pending: Some((first, next)),
            value: None,
            done: false,
        };
        seed.deserialize(&mut record).map(Some)
    }
}

/// One record: a mapping whose first key follows the item's `- `.
struct Record<'a, 'de> {
    lines: &'a mut Lines<'de>,
    /// The first key's line, not yet read, and where the line after starts.
    pending: Option<(&'de str, usize)>,
    /// What follows the key just read (`: value` or nothing), and the next line's start.
    value: Option<(&'de str, usize)>,
    done: bool,
}

impl<'de> Deserializer<'de> for &mut Record<'_, 'de> {
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
    aside! { deserialize_str() deserialize_string() deserialize_seq() deserialize_identifier() }
}

impl<'de> MapAccess<'de> for Record<'_, 'de> {
    type Error = Aside;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Aside> {
        let (content, next) = match self.pending.take() {
            Some(first) => first,
            None => match self.lines.peek() {
                None => {
                    self.done = true;
                    return Ok(None);
                }
                Some((n, content, next)) if n == self.lines.item + 2 => (content, next),
                Some((n, content, _)) if n == self.lines.item && content.starts_with("- ") => {
                    self.done = true;
                    return Ok(None);
                }
                Some(_) => return Err(Aside),
            },
        };
        let (key, after) = content.split_once(':').ok_or(Aside)?;
        let kind = classify(key).ok_or(Aside)?;
        self.value = Some((after, next));
        seed.deserialize(Value::Scalar(key, kind)).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Aside> {
        let (after, next) = self.value.take().ok_or(Aside)?;
        self.lines.pos = next;
        if !after.is_empty() {
            return seed.deserialize(value_of(after.strip_prefix(' ').ok_or(Aside)?)?);
        }
        // A key alone: a mapping of plain `key: value` lines below it, deeper.
        match self.lines.peek() {
            Some((n, _, _)) if n > self.lines.item + 2 => {
                let mut map = Nested {
                    lines: &mut *self.lines,
                    indent: n,
                    value: None,
                    done: false,
                };
                seed.deserialize(&mut map)
            }
            _ => Err(Aside),
        }
    }
}
