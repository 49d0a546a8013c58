//! The values of a plain record (`yaml::plain`): one-line values, the items of a flow
//! list, and a mapping below a key alone on its line.

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{Aside, Kind, Lines, classify, kind_of_plain};

/// The value in `after`, what follows a key's `:` (a space, then a scalar or a one-line
/// flow list); `plain` when every byte of its line but the `:` is a plain one.
pub(super) fn value_of(after: &str, plain: bool) -> Result<Value<'_>, Aside> {
    let v = after.strip_prefix(' ').ok_or(Aside)?;
    if plain {
        return kind_of_plain(v).map(|k| Value::Scalar(v, k)).ok_or(Aside);
    }
    if let Some(list) = v.strip_prefix('[') {
        return list.strip_suffix(']').map(Value::Flow).ok_or(Aside);
    }
    classify(v).map(|k| Value::Scalar(v, k)).ok_or(Aside)
}

/// A mapping below a key alone on its line: `key: value` lines at `indent`.
pub(super) struct Nested<'a, 'de> {
    pub(super) lines: &'a mut Lines<'de>,
    pub(super) indent: usize,
    pub(super) value: Option<Value<'de>>,
    pub(super) done: bool,
}

mapping_deserializer!(Nested<'_, 'de>);

impl<'de> MapAccess<'de> for Nested<'_, 'de> {
    type Error = Aside;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Aside> {
        let line = match self.lines.peek() {
            Some(l) if l.indent == self.indent => l,
            Some(l) if l.indent > self.indent => return Err(Aside),
            _ => {
                self.done = true;
                return Ok(None);
            }
        };
        let (key, kind, after) = line.key(0)?;
        let lines = &mut *self.lines;
        if let Some(noting) = lines.noting.as_mut() {
            noting.nested_key(lines.text.as_bytes(), lines.pos, key);
        }
        self.lines.pass(line.next);
        self.value = Some(if after.is_empty() {
            // A key alone: a history of plain visit lines below it, or not read here.
            Value::Mark(self.lines.visits_below(self.indent)?.ok_or(Aside)?)
        } else {
            value_of(after, line.plain)?
        });
        seed.deserialize(Value::Scalar(key, kind)).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Aside> {
        seed.deserialize(self.value.take().ok_or(Aside)?)
    }
}

/// A value on one line: a scalar, or the inside of a flow list; or the marker of a
/// history read before the parse (`raw::pre_read`), given as its text `~@N`.
pub(super) enum Value<'de> {
    Scalar(&'de str, Kind),
    Flow(&'de str),
    Mark(usize),
}

impl<'de> Deserializer<'de> for Value<'de> {
    type Error = Aside;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Aside> {
        match self {
            Value::Scalar(_, Kind::Whole(n)) => v.visit_u64(n),
            Value::Scalar(s, Kind::Text) => v.visit_borrowed_str(s),
            Value::Flow(_) => self.deserialize_seq(v),
            Value::Mark(n) => v.visit_str(mark(n, &mut [0; MARK_LEN])),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Aside> {
        match self {
            Value::Scalar(s, _) => v.visit_borrowed_str(s),
            Value::Mark(n) => v.visit_str(mark(n, &mut [0; MARK_LEN])),
            Value::Flow(_) => Err(Aside),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Aside> {
        self.deserialize_str(v)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Aside> {
        self.deserialize_str(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Aside> {
        v.visit_some(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Aside> {
        let Value::Flow(list) = self else {
            return Err(Aside);
        };
        let mut items = list.split(", ");
        let mut flow = FlowAccess {
            items: &mut items,
            done: false,
        };
        let value = v.visit_seq(&mut flow)?;
        if flow.done { Ok(value) } else { Err(Aside) }
    }

    aside_common!();
    aside! {
        deserialize_map() deserialize_struct(_n: &'static str, _f: &'static [&'static str])
    }
}

/// The items of a one-line flow list, `, ` between them.
struct FlowAccess<'a, 'de> {
    items: &'a mut std::str::Split<'de, &'static str>,
    done: bool,
}

impl<'de> SeqAccess<'de> for FlowAccess<'_, 'de> {
    type Error = Aside;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Aside> {
        let Some(item) = self.items.next() else {
            self.done = true;
            return Ok(None);
        };
        let kind = classify(item).ok_or(Aside)?;
        seed.deserialize(Value::Scalar(item, kind)).map(Some)
    }
}

/// The most bytes a marker takes: `~@` and the 20 digits of the largest `usize`.
const MARK_LEN: usize = 24;

/// The text of the marker of history `n`, `~@` and the number, written in `buf` (not
/// allocated: a large set holds a hundred thousand histories).
fn mark(n: usize, buf: &mut [u8; MARK_LEN]) -> &str {
    let head = crate::status::raw::PRE_READ_MARK.as_bytes();
    let mut digits = [0; 20];
    let number = itoa(n, &mut digits).as_bytes();
    let mut len = 0;
    for (slot, &b) in buf.iter_mut().zip(head.iter().chain(number)) {
        *slot = b;
        len += 1;
    }
    std::str::from_utf8(buf.get(..len).unwrap_or_default()).unwrap_or_default()
}

/// `n` in decimal, written at the end of `buf`.
fn itoa(mut n: usize, buf: &mut [u8; 20]) -> &str {
    let mut k = buf.len();
    loop {
        k -= 1;
        buf[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[k..]).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_written_whole() {
        assert_eq!(mark(0, &mut [0; MARK_LEN]), "~@0");
        assert_eq!(mark(17, &mut [b'x'; MARK_LEN]), "~@17");
        assert_eq!(
            mark(usize::MAX, &mut [0; MARK_LEN]),
            "~@18446744073709551615"
        );
    }
}
