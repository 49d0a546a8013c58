//! The guards that run before a status file is parsed, so that a hostile file costs no
//! more than the limits allow.
//!
//! serde_yaml reads a whole document into a list of events (about 150 bytes each) before
//! the first value is deserialized, and libyaml slows down with the square of the nesting
//! of `[`/`{` (100 000 levels take 20 seconds). A counting visitor over serde_yaml's
//! deserializer therefore comes too late for size and depth: by the time it runs, the
//! events are in memory. So [`scan`] reads the text once, without allocating, and finds
//! how many values it holds and how deep it nests, stopping at the first limit crossed.
//!
//! Aliases are the other way round: the text is small, and what costs is serde_yaml
//! replaying an anchor's events at every `*name` (its own limit counts alias uses, not
//! what each expands to). Only a walk of the expansion can count that, so [`count`] walks
//! it with a visitor that counts every value and the depth and stops past the limit. It
//! runs only on files that use an alias, after [`scan`] has bounded their events.

mod scan;
#[cfg(test)]
mod tests;

pub use scan::set_pairs_in_one_step;

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::status::Limits;
use crate::status::problem::Loc;

/// What the text of a file holds, as far as [`scan`] read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// The values written (keys, values, items, lists and mappings), aliases counted once.
    pub entries: usize,
    /// The deepest nesting of lists and mappings.
    pub depth: usize,
    /// True when an alias (`*name`) is used.
    pub aliases: bool,
}

/// Where the top-level entries of a file start, as [`outline`] found them: enough for
/// [`super::slice`] to cut the long lists of a file into pieces serde_yaml can read one by
/// one.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outline {
    /// In the order of the text.
    pub marks: Vec<Mark>,
    /// True when a line ends with a break other than LF or CR LF (a CR alone, NEL, LS, PS).
    pub odd_breaks: bool,
}

/// The start of one line that matters to the outline of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A line in block context whose content starts at column 0, other than a `- ` item:
    /// a top-level key, a document marker (`---`, `...`) or a directive (`%`). Whatever
    /// top-level list came before has ended.
    Top(usize),
    /// A `- ` item, first on its line at column `col`, of a list that is the value of a
    /// top-level key of a block mapping.
    Item {
        /// The start of its line, in bytes.
        at: usize,
        /// The column of its `-`.
        col: usize,
    },
}

/// A limit crossed, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    /// More values than `limits.max_entries` written out.
    Entries(Loc),
    /// Nesting deeper than `limits.max_depth`.
    Depth(Loc),
    /// More values than `limits.max_entries` once aliases are expanded.
    Expanded(Loc),
    /// Nesting deeper than `limits.max_depth` once aliases are expanded.
    ExpandedDepth(Loc),
    /// More alias expansions than serde_yaml follows (a hundred times the file's own
    /// events), hit before `limits.max_entries` in a small file.
    Repeated(Loc),
}

impl Exceeded {
    /// Where the limit was crossed.
    pub fn loc(self) -> Loc {
        match self {
            Exceeded::Entries(l)
            | Exceeded::Depth(l)
            | Exceeded::Expanded(l)
            | Exceeded::ExpandedDepth(l)
            | Exceeded::Repeated(l) => l,
        }
    }

    /// What to tell the user, with the limit's name in the config and the fix.
    pub fn message(self, limits: Limits) -> String {
        let (entries, depth) = (limits.max_entries, limits.max_depth);
        match self {
            Exceeded::Entries(_) => format!(
                "the file holds more than {entries} entries (limits.max_entries): \
                 split it into several files or raise the limit"
            ),
            Exceeded::Depth(_) => format!(
                "the file nests lists and mappings more than {depth} levels deep \
                 (limits.max_depth): a status file needs 4; flatten it or raise the limit"
            ),
            Exceeded::Expanded(_) => format!(
                "the file expands to more than {entries} entries through aliases \
                 (limits.max_entries): write the entries out or raise the limit"
            ),
            Exceeded::ExpandedDepth(_) => format!(
                "the file nests more than {depth} levels deep through aliases \
                 (limits.max_depth): write the entries out or raise the limit"
            ),
            Exceeded::Repeated(_) => "the file repeats its aliases (`*name`) more often than \
                 the YAML library follows them: write the entries out"
                .to_owned(),
        }
    }
}

/// Reads `text` once and finds how many values it holds and how deep it nests, stopping
/// at the first limit crossed.
///
/// This is not a YAML parser: it follows the structure (indentation, `- `, `key:`, flow
/// brackets, quotes, block scalars, comments) closely enough that its count equals
/// serde_yaml's on files written the usual ways, and errs on the high side elsewhere (a
/// plain text continued over several lines counts once per line). Whatever the text, it
/// returns in time linear in its length and allocates at most `max_depth` levels.
pub fn scan(text: &str, limits: Limits) -> Result<Shape, Exceeded> {
    scan::run(text, limits, None).map(|(shape, _)| shape)
}

/// [`scan`], noting on the way where the top-level keys and the items of top-level lists
/// start (see [`Outline`]). The outline costs a few bytes per item, and is only as good as
/// the scanner's reading of the text: whoever uses it must check what it yields.
pub fn outline(text: &str, limits: Limits) -> Result<(Shape, Outline), Exceeded> {
    scan::run(text, limits, Some(Outline::default()))
        .map(|(shape, o)| (shape, o.unwrap_or_default()))
}

/// Walks the document as serde_yaml expands it, aliases included, and stops as soon as
/// it holds more than `limits.max_entries` values or nests deeper than `limits.max_depth`.
/// Any other error (a syntax error) is left for the real parse to report.
pub fn count(text: &str, limits: Limits) -> Result<usize, Exceeded> {
    let state = CountState {
        count: Cell::new(0),
        limits,
        over: Cell::new(None),
    };
    let result = Counter {
        state: &state,
        depth: 0,
    }
    .deserialize(serde_yaml::Deserializer::from_str(text));
    let Err(e) = result else {
        return Ok(state.count.get());
    };
    let loc = e.location().map_or(Loc::UNKNOWN, |l| {
        Loc::new(l.line() as u32, l.column() as u32)
    });
    match state.over.get() {
        Some(Over::Entries) => Err(Exceeded::Expanded(loc)),
        Some(Over::Depth) => Err(Exceeded::ExpandedDepth(loc)),
        // Its own limit on alias expansion: a billion laughs in a few hundred bytes.
        None if e.to_string().starts_with("repetition limit exceeded") => {
            Err(Exceeded::Repeated(first_alias(text)))
        }
        None => Ok(state.count.get()),
    }
}

/// Where the first alias is written: serde_yaml gives no place for its repetition limit.
fn first_alias(text: &str) -> Loc {
    for (i, line) in text.lines().enumerate() {
        let bytes = line.as_bytes();
        let found = bytes.iter().enumerate().position(|(j, &b)| {
            b == b'*' && (j == 0 || matches!(bytes[j - 1], b' ' | b'[' | b'{' | b','))
        });
        if let Some(j) = found {
            return Loc::new(i as u32 + 1, line[..j].chars().count() as u32 + 1);
        }
    }
    Loc::UNKNOWN
}

#[derive(Debug, Clone, Copy)]
enum Over {
    Entries,
    Depth,
}

struct CountState {
    count: Cell<usize>,
    limits: Limits,
    over: Cell<Option<Over>>,
}

/// Counts one value and everything in it.
#[derive(Clone, Copy)]
struct Counter<'a> {
    state: &'a CountState,
    depth: usize,
}

impl Counter<'_> {
    fn one<E: de::Error>(self) -> Result<(), E> {
        let n = self.state.count.get() + 1;
        self.state.count.set(n);
        if n > self.state.limits.max_entries {
            self.state.over.set(Some(Over::Entries));
            return Err(E::custom("too many entries"));
        }
        Ok(())
    }

    fn nested<E: de::Error>(self) -> Result<Self, E> {
        self.one()?;
        let depth = self.depth + 1;
        if depth > self.state.limits.max_depth {
            self.state.over.set(Some(Over::Depth));
            return Err(E::custom("too deep"));
        }
        Ok(Counter {
            state: self.state,
            depth,
        })
    }
}

impl<'de> DeserializeSeed<'de> for Counter<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Counter<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.one()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.one()
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<(), E> {
        self.one()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.one()
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<(), E> {
        self.one()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.one()
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.one()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.one()
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.one()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        // A tagged value (`!tag value`): the tag is not a value; what it tags is.
        use de::VariantAccess;
        let (de::IgnoredAny, variant) = data.variant()?;
        variant.newtype_variant_seed(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let inner = self.nested()?;
        while seq.next_element_seed(inner)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let inner = self.nested()?;
        while map.next_key_seed(inner)?.is_some() {
            map.next_value_seed(inner)?;
        }
        Ok(())
    }
}
