//! A slice of plain records (`yaml::plain`): the list, and each record, a mapping whose
//! first key follows its item's `- `.

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::value::{Nested, Value, value_of};
use super::{Aside, Line, Lines};
use crate::status::raw;

/// The whole piece: a list of records.
pub(super) struct Items<'a, 'de>(pub(super) &'a mut Lines<'de>);

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
        let Some(line) = self.lines.peek() else {
            self.done = !self.first;
            return if self.first { Err(Aside) } else { Ok(None) };
        };
        if std::mem::take(&mut self.first) {
            self.lines.item = line.indent;
        } else if line.may_be_comment() && self.lines.only_comments_left() {
            // Comments and blank lines after the last item, as an edit or an export
            // leaves at the end of a file: YAML reads nothing in them.
            self.done = true;
            return Ok(None);
        } else if line.indent != self.lines.item {
            return Err(Aside);
        }
        if !line.content.starts_with("- ") {
            return Err(Aside);
        }
        let lines = &mut *self.lines;
        if let Some(noting) = lines.noting.as_mut() {
            noting.record(lines.text.as_bytes(), lines.pos, line.indent + 3);
        }
        let mut record = Record {
            lines: &mut *self.lines,
            pending: Some(line),
            value: None,
            done: false,
        };
        seed.deserialize(&mut record).map(Some)
    }
}

/// True when every line of `rest` is blank or a comment: spaces, then nothing or `#` and
/// anything up to the line's end (LF or CR LF; a tab or a CR alone is not taken).
fn only_comments(rest: &str) -> bool {
    rest.split_inclusive('\n').all(|line| {
        let line = line.strip_suffix('\n').unwrap_or(line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let content = line.trim_start_matches(' ');
        if content.starts_with('#') {
            !content.contains('\r')
        } else {
            content.is_empty()
        }
    })
}

impl Line<'_> {
    /// True when the line is blank or starts a comment (read by itself: a cheap test
    /// before [`Lines::only_comments_left`]).
    fn may_be_comment(&self) -> bool {
        self.content.is_empty() || self.content.starts_with('#')
    }
}

impl Lines<'_> {
    /// True when the lines not yet read are all blank or comments ([`only_comments`]).
    fn only_comments_left(&self) -> bool {
        only_comments(self.text.get(self.pos..).unwrap_or_default())
    }
}

/// One record: a mapping whose first key follows the item's `- `.
struct Record<'a, 'de> {
    lines: &'a mut Lines<'de>,
    /// The item's line (`- ` and its first key), not yet read.
    pending: Option<Line<'de>>,
    /// The line of the key just read, and what follows its `:`.
    value: Option<(Line<'de>, &'de str)>,
    done: bool,
}

mapping_deserializer!(Record<'_, 'de>);

impl<'de> MapAccess<'de> for Record<'_, 'de> {
    type Error = Aside;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Aside> {
        let (line, skip) = match self.pending.take() {
            Some(first) => (first, 2),
            None => match self.lines.peek() {
                None => {
                    self.done = true;
                    return Ok(None);
                }
                Some(l) if l.may_be_comment() && self.lines.only_comments_left() => {
                    self.done = true;
                    return Ok(None);
                }
                Some(l) if l.indent == self.lines.item + 2 => (l, 0),
                Some(l) if l.indent == self.lines.item && l.content.starts_with("- ") => {
                    self.done = true;
                    return Ok(None);
                }
                Some(_) => return Err(Aside),
            },
        };
        let (key, kind, after) = line.key(skip)?;
        let lines = &mut *self.lines;
        if let Some(noting) = lines.noting.as_mut() {
            noting.key(lines.text.as_bytes(), lines.pos, key);
        }
        self.value = Some((line, after));
        seed.deserialize(Value::Scalar(key, kind)).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Aside> {
        let (line, after) = self.value.take().ok_or(Aside)?;
        self.lines.pass(line.next);
        if !after.is_empty() {
            return seed.deserialize(value_of(after, line.plain)?);
        }
        // A key alone: a history of plain visit lines, or a mapping of plain `key: value`
        // lines below it, deeper.
        if let Some(n) = self.lines.visits_below(self.lines.item + 2)? {
            return seed.deserialize(Value::Mark(n));
        }
        match self.lines.peek() {
            Some(l) if l.indent > self.lines.item + 2 => {
                let mut map = Nested {
                    lines: &mut *self.lines,
                    indent: l.indent,
                    value: None,
                    done: false,
                };
                seed.deserialize(&mut map)
            }
            _ => Err(Aside),
        }
    }
}

impl Lines<'_> {
    /// Moves on from the line at `pos` to the next, which starts at `next`.
    pub(super) fn pass(&mut self, next: usize) {
        if let Some(noting) = self.noting.as_mut() {
            noting.passed(self.text.as_bytes(), self.pos, next);
        }
        self.pos = next;
    }

    /// When the lines below a key alone on its line (indented `key` spaces) are plain
    /// visit lines, one indentation deeper, and histories are read: reads them, as
    /// `yaml::visits` does, and keeps them for the parse (`raw::pre_read`), giving the
    /// number of their marker; `Ok(None)` when the next line is not a `- ` item deeper.
    pub(super) fn visits_below(&mut self, key: usize) -> Result<Option<usize>, Aside> {
        // What `peek` would say of the next line (its indentation, whether its content
        // starts with `- `), without reading the whole line first.
        let next = self.text.as_bytes().get(self.pos..).unwrap_or_default();
        let indent = next.iter().take_while(|&&c| c == b' ').count();
        if indent <= key || !next[indent..].starts_with(b"- ") {
            return Ok(None);
        }
        if !self.histories {
            return Err(Aside);
        }
        // Each line read once, from its start: a visit never reads past its `}`.
        let b = self.text.as_bytes();
        while let Some(line) = b.get(self.pos..).filter(|l| !l.is_empty()) {
            let n = line.iter().take_while(|&&c| c == b' ').count();
            let Some(item) = line[n..].strip_prefix(b"- ").filter(|_| n == indent) else {
                break;
            };
            let (v, rest) = super::super::visits::visit(item, &mut self.names).ok_or(Aside)?;
            if let Some(noting) = self.noting.as_mut() {
                noting.visit(b, self.pos, indent);
            }
            let break_len = match rest {
                [] => 0,
                [b'\n', ..] => 1,
                [b'\r', b'\n', ..] => 2,
                _ => return Err(Aside),
            };
            self.visits.push(v);
            self.pass(b.len() - rest.len() + break_len);
        }
        self.pre_read = true;
        raw::pre_read(&mut self.visits).map(Some).ok_or(Aside)
    }
}

#[cfg(test)]
mod tests {
    use super::only_comments;

    #[test]
    fn only_blank_and_comment_lines_end_a_list() {
        assert!(only_comments(""));
        assert!(only_comments("# edited\n"));
        assert!(only_comments("\n  \n    # deeper\r\n# last, no break"));
        assert!(!only_comments("# a\n  - serial: X\n"));
        assert!(!only_comments("\t# a tab\n"));
        assert!(!only_comments("# a CR\ralone\n"));
        assert!(!only_comments("x\n"));
    }
}
