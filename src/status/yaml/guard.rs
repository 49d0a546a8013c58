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
    Item { at: usize, col: usize },
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
    run(text, limits, None).map(|(shape, _)| shape)
}

/// [`scan`], noting on the way where the top-level keys and the items of top-level lists
/// start (see [`Outline`]). The outline costs a few bytes per item, and is only as good as
/// the scanner's reading of the text: whoever uses it must check what it yields.
pub fn outline(text: &str, limits: Limits) -> Result<(Shape, Outline), Exceeded> {
    run(text, limits, Some(Outline::default())).map(|(shape, o)| (shape, o.unwrap_or_default()))
}

fn run(
    text: &str,
    limits: Limits,
    outline: Option<Outline>,
) -> Result<(Shape, Option<Outline>), Exceeded> {
    let mut s = Scanner {
        text: text.as_bytes(),
        limits,
        shape: Shape {
            entries: 0,
            depth: 0,
            aliases: false,
        },
        block: Vec::new(),
        flow: Vec::new(),
        quote: None,
        block_scalar: None,
        plain_owner: None,
        pending_null: None,
        line_no: 0,
        line_start: 0,
        outline,
    };
    let mut start = 0;
    loop {
        let (end, next) = line_break(s.text, start);
        s.line_no += 1;
        s.line_start = start;
        s.line(start, end)?;
        match next {
            Some(next) => {
                // A break other than LF and CR LF.
                let lf = s.text[end..next] == *b"\n" || s.text[end..next] == *b"\r\n";
                if !lf && let Some(o) = &mut s.outline {
                    o.odd_breaks = true;
                }
                start = next;
            }
            None => break,
        }
    }
    if s.pending_null.is_some() {
        s.add(s.text.len())?;
    }
    Ok((s.shape, s.outline))
}

/// The end of the line that starts at `from`, and where the next one starts. YAML breaks
/// lines at LF, CR, CR LF, and at NEL, LS and PS (U+0085, U+2028, U+2029), as libyaml does.
fn line_break(text: &[u8], from: usize) -> (usize, Option<usize>) {
    let mut i = from;
    while i < text.len() {
        match text[i] {
            b'\n' => return (i, Some(i + 1)),
            b'\r' if text.get(i + 1) == Some(&b'\n') => return (i, Some(i + 2)),
            b'\r' => return (i, Some(i + 1)),
            0xc2 if text.get(i + 1) == Some(&0x85) => return (i, Some(i + 2)),
            0xe2 if text.get(i + 1) == Some(&0x80)
                && matches!(text.get(i + 2), Some(0xa8 | 0xa9)) =>
            {
                return (i, Some(i + 3));
            }
            _ => i += 1,
        }
    }
    (text.len(), None)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Sequence,
    Mapping,
}

/// One open `[` or `{`, and what the entry being read has had so far.
#[derive(Debug, Clone, Copy)]
struct Flow {
    mapping: bool,
    key: bool,
    colon: bool,
    value: bool,
}

struct Scanner<'t> {
    text: &'t [u8],
    limits: Limits,
    shape: Shape,
    /// The open block collections: their column and kind.
    block: Vec<(usize, Kind)>,
    flow: Vec<Flow>,
    /// The quote of a quoted text that goes on past the end of its line.
    quote: Option<u8>,
    /// The column a block scalar's lines must be indented beyond (-1: any).
    block_scalar: Option<isize>,
    /// The column a plain text's continuation lines are indented beyond.
    plain_owner: Option<isize>,
    /// A `key:` or `- ` with nothing after it on its line, its column and whether it is
    /// a key: its value is on the lines below, or it is empty (null), one more value.
    pending_null: Option<(usize, bool)>,
    line_no: u32,
    line_start: usize,
    /// What [`outline`] notes, when it runs.
    outline: Option<Outline>,
}

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn is_flow_indicator(b: u8) -> bool {
    matches!(b, b',' | b'[' | b']' | b'{' | b'}')
}

impl Scanner<'_> {
    fn loc(&self, at: usize) -> Loc {
        let at = at.min(self.text.len());
        let before = &self.text[self.line_start.min(at)..at];
        let column = before.iter().filter(|&&b| b & 0xc0 != 0x80).count() as u32 + 1;
        Loc::new(self.line_no, column)
    }

    /// One more value, written at byte `at`.
    fn add(&mut self, at: usize) -> Result<(), Exceeded> {
        self.shape.entries += 1;
        if self.shape.entries > self.limits.max_entries {
            return Err(Exceeded::Entries(self.loc(at)));
        }
        Ok(())
    }

    fn check_depth(&mut self, at: usize) -> Result<(), Exceeded> {
        let depth = self.block.len() + self.flow.len();
        self.shape.depth = self.shape.depth.max(depth);
        if depth > self.limits.max_depth {
            return Err(Exceeded::Depth(self.loc(at)));
        }
        Ok(())
    }

    /// A block entry of `kind` at column `col` (a `- ` or a `key:`): closes the deeper
    /// collections, and opens a new one unless it continues the one at that column.
    fn block_entry(&mut self, col: usize, kind: Kind, at: usize) -> Result<(), Exceeded> {
        while let Some(&(c, k)) = self.block.last() {
            // A key at a sequence's column ends an indentless sequence (`key:\n- a\nb: 1`).
            if c > col || c == col && kind == Kind::Mapping && k == Kind::Sequence {
                self.block.pop();
            } else {
                break;
            }
        }
        if self.block.last() != Some(&(col, kind)) {
            self.block.push((col, kind));
            self.add(at)?;
            self.check_depth(at)?;
        }
        Ok(())
    }

    fn line(&mut self, start: usize, end: usize) -> Result<(), Exceeded> {
        let line = &self.text[start..end];
        let indent = line.iter().take_while(|&&b| b == b' ').count();
        let blank = line[indent..].iter().all(|&b| is_blank(b));

        if let Some(owner) = self.block_scalar {
            if blank || indent as isize > owner {
                return Ok(());
            }
            self.block_scalar = None;
        }
        let mut pos = start;
        if let Some(q) = self.quote {
            match self.skip_quoted(pos, end, q) {
                Some(after) => {
                    self.quote = None;
                    pos = after;
                }
                None => return Ok(()),
            }
        } else {
            let content = &line[indent..];
            if blank || content.first() == Some(&b'#') {
                return Ok(());
            }
            if self.flow.is_empty() {
                if let Some(owner) = self.plain_owner.take()
                    && indent as isize > owner
                {
                    self.plain_owner = Some(owner);
                    return Ok(());
                }
                let dash =
                    content.first() == Some(&b'-') && content.get(1).is_none_or(|&b| is_blank(b));
                if indent == 0 && !dash {
                    self.note(Mark::Top(start));
                }
                if indent == 0 && (starts_marker(content, b"---") || starts_marker(content, b"..."))
                {
                    self.block.clear();
                    self.resolve_pending(0, false, start)?;
                    pos = start + 3;
                } else if indent == 0 && content.first() == Some(&b'%') {
                    return Ok(());
                } else {
                    self.resolve_pending(indent, dash, start + indent)?;
                    pos = start + indent;
                    if dash {
                        self.rest(pos, end)?;
                        // An item of a list that is a top-level key's value.
                        if self.block.get(..2)
                            == Some(&[(0, Kind::Mapping), (indent, Kind::Sequence)])
                        {
                            self.note(Mark::Item {
                                at: start,
                                col: indent,
                            });
                        }
                        return Ok(());
                    }
                }
            }
        }
        self.rest(pos, end)
    }

    fn note(&mut self, mark: Mark) {
        if let Some(o) = &mut self.outline {
            o.marks.push(mark);
        }
    }

    /// Settles a `key:` left without a value by the line before, now that the next
    /// content line (indented `indent`, starting with `- ` when `dash`) is known.
    fn resolve_pending(&mut self, indent: usize, dash: bool, at: usize) -> Result<(), Exceeded> {
        // A key's value may be a list at the key's own column (`key:\n- a`).
        if let Some((col, key)) = self.pending_null.take()
            && !(indent > col || key && indent == col && dash)
        {
            self.add(at)?;
        }
        Ok(())
    }

    /// The rest of a line from `pos`, in block or flow context as the state says.
    fn rest(&mut self, mut pos: usize, end: usize) -> Result<(), Exceeded> {
        while pos < end {
            pos = if self.flow.is_empty() {
                match self.block_token(pos, end)? {
                    Some(next) => next,
                    None => return Ok(()),
                }
            } else {
                match self.flow_token(pos, end)? {
                    Some(next) => next,
                    None => return Ok(()),
                }
            };
        }
        Ok(())
    }

    fn at(&self, i: usize, end: usize) -> Option<u8> {
        (i < end).then(|| self.text[i])
    }

    /// True when the byte at `i` ends a token: a blank, or the end of the line.
    fn ends(&self, i: usize, end: usize) -> bool {
        self.at(i, end).is_none_or(is_blank)
    }

    /// One token in block context; `None` when the rest of the line is done with.
    fn block_token(&mut self, mut pos: usize, end: usize) -> Result<Option<usize>, Exceeded> {
        while self.at(pos, end).is_some_and(is_blank) {
            pos += 1;
        }
        let Some(b) = self.at(pos, end) else {
            return Ok(None);
        };
        let col = pos - self.line_start;
        match b {
            b'#' => Ok(None),
            b'-' if self.ends(pos + 1, end) => {
                self.block_entry(col, Kind::Sequence, pos)?;
                self.pending_null = Some((col, false));
                self.after_indicator(pos + 1, end)
            }
            b'?' if self.ends(pos + 1, end) => {
                self.block_entry(col, Kind::Mapping, pos)?;
                Ok(Some(pos + 1))
            }
            b':' if self.ends(pos + 1, end) => {
                self.pending_null = Some((col, true));
                self.after_indicator(pos + 1, end)
            }
            b'[' | b'{' => {
                self.open_flow(b, pos)?;
                Ok(Some(pos + 1))
            }
            b'|' | b'>' => {
                self.add(pos)?;
                self.block_scalar = Some(self.block.last().map_or(-1, |&(c, _)| c as isize));
                Ok(None)
            }
            b'*' => {
                self.alias(pos)?;
                let after = self.skip_word(pos, end);
                self.maybe_key(col, pos, after, end)
            }
            b'&' | b'!' => Ok(Some(self.skip_word(pos, end))),
            b'"' | b'\'' => {
                self.add(pos)?;
                match self.skip_quoted(pos + 1, end, b) {
                    Some(after) => self.maybe_key(col, pos, after, end),
                    None => {
                        self.quote = Some(b);
                        Ok(None)
                    }
                }
            }
            _ => {
                self.add(pos)?;
                let after = self.skip_plain(pos, end, false);
                let next = self.maybe_key(col, pos, after, end)?;
                if next == Some(after) {
                    // Not a key: a plain text, which may go on over the lines indented
                    // below its owner.
                    self.plain_owner = Some(self.block.last().map_or(-1, |&(c, _)| c as isize));
                    return Ok(None);
                }
                Ok(next)
            }
        }
    }

    /// After `- ` or `: `: the value may follow on the line, or below it.
    fn after_indicator(&mut self, pos: usize, end: usize) -> Result<Option<usize>, Exceeded> {
        let mut next = pos;
        while self.at(next, end).is_some_and(is_blank) {
            next += 1;
        }
        if self.at(next, end).is_some_and(|b| b != b'#') {
            // The value is on this line.
            self.pending_null = None;
        }
        Ok(Some(next))
    }

    /// After a text or alias that ends at `after`: a `:` there makes it a key.
    fn maybe_key(
        &mut self,
        col: usize,
        start: usize,
        after: usize,
        end: usize,
    ) -> Result<Option<usize>, Exceeded> {
        let mut colon = after;
        while self.at(colon, end).is_some_and(is_blank) {
            colon += 1;
        }
        if self.at(colon, end) == Some(b':') && self.ends(colon + 1, end) {
            // The key was counted as a value already; the mapping is new or continued.
            self.block_entry(col, Kind::Mapping, start)?;
            self.pending_null = Some((col, true));
            return self.after_indicator(colon + 1, end);
        }
        Ok(Some(after))
    }

    fn alias(&mut self, at: usize) -> Result<(), Exceeded> {
        self.shape.aliases = true;
        self.add(at)
    }

    fn open_flow(&mut self, b: u8, at: usize) -> Result<(), Exceeded> {
        self.add(at)?;
        self.flow_value();
        self.flow.push(Flow {
            mapping: b == b'{',
            key: false,
            colon: false,
            value: false,
        });
        self.check_depth(at)
    }

    /// Notes that the flow entry being read has a value before or after its `:`.
    fn flow_value(&mut self) {
        if let Some(f) = self.flow.last_mut() {
            if f.colon {
                f.value = true;
            } else {
                f.key = true;
            }
        }
    }

    /// Ends the flow entry being read: `{a}` and `{a: }` hold an empty value; `[a: b]`
    /// is a list holding a one-entry mapping.
    fn end_flow_entry(&mut self, at: usize) -> Result<(), Exceeded> {
        let Some(f) = self.flow.last().copied() else {
            return Ok(());
        };
        let mut extra = 0;
        if f.mapping || f.colon {
            if f.colon && !f.key {
                extra += 1;
            }
            if (f.key || f.colon) && !f.value {
                extra += 1;
            }
            if !f.mapping {
                extra += 1;
            }
        }
        for _ in 0..extra {
            self.add(at)?;
        }
        if let Some(f) = self.flow.last_mut() {
            f.key = false;
            f.colon = false;
            f.value = false;
        }
        Ok(())
    }

    /// One token in flow context (inside `[` or `{`).
    fn flow_token(&mut self, mut pos: usize, end: usize) -> Result<Option<usize>, Exceeded> {
        while self.at(pos, end).is_some_and(is_blank) {
            pos += 1;
        }
        let Some(b) = self.at(pos, end) else {
            return Ok(None);
        };
        match b {
            b'#' => Ok(None),
            b'[' | b'{' => {
                self.open_flow(b, pos)?;
                Ok(Some(pos + 1))
            }
            b']' | b'}' => {
                self.end_flow_entry(pos)?;
                self.flow.pop();
                Ok(Some(pos + 1))
            }
            b',' => {
                self.end_flow_entry(pos)?;
                Ok(Some(pos + 1))
            }
            b'?' if self.ends(pos + 1, end) => Ok(Some(pos + 1)),
            b':' if self.ends(pos + 1, end)
                || self.at(pos + 1, end).is_some_and(is_flow_indicator) =>
            {
                if let Some(f) = self.flow.last_mut() {
                    f.colon = true;
                }
                Ok(Some(pos + 1))
            }
            b'*' => {
                self.alias(pos)?;
                self.flow_value();
                Ok(Some(self.skip_word(pos, end)))
            }
            b'&' | b'!' => Ok(Some(self.skip_word(pos, end))),
            b'"' | b'\'' => {
                self.add(pos)?;
                self.flow_value();
                match self.skip_quoted(pos + 1, end, b) {
                    // A `:` right after a quoted key needs no space (`{"a":1}`).
                    Some(after) if self.at(after, end) == Some(b':') => {
                        if let Some(f) = self.flow.last_mut() {
                            f.colon = true;
                        }
                        Ok(Some(after + 1))
                    }
                    Some(after) => Ok(Some(after)),
                    None => {
                        self.quote = Some(b);
                        Ok(None)
                    }
                }
            }
            _ => {
                self.add(pos)?;
                self.flow_value();
                Ok(Some(self.skip_plain(pos, end, true)))
            }
        }
    }

    /// Skips an anchor, a tag or an alias name.
    fn skip_word(&self, mut pos: usize, end: usize) -> usize {
        let in_flow = !self.flow.is_empty();
        while let Some(b) = self.at(pos, end) {
            if is_blank(b) || in_flow && is_flow_indicator(b) {
                break;
            }
            pos += 1;
        }
        pos
    }

    /// Skips a plain text from `pos`: it ends before `: `, ` #`, the line's end, and in
    /// flow context before `,[]{}` and a `:` followed by one of them.
    fn skip_plain(&self, mut pos: usize, end: usize, in_flow: bool) -> usize {
        // The first character is part of the text whatever it is (`-1`, `:x`, `?x`).
        pos += 1;
        while let Some(b) = self.at(pos, end) {
            match b {
                b':' if self.ends(pos + 1, end)
                    || in_flow && self.at(pos + 1, end).is_some_and(is_flow_indicator) =>
                {
                    break;
                }
                b'#' if self.at(pos - 1, end).is_some_and(is_blank) => break,
                b if in_flow && is_flow_indicator(b) => break,
                _ => pos += 1,
            }
        }
        // Blanks before a comment or a `:` belong to no text.
        while pos > 0 && self.at(pos - 1, end).is_some_and(is_blank) {
            pos -= 1;
        }
        pos
    }

    /// Skips a quoted text's inside from `pos` to just after its closing quote; `None`
    /// when it goes on past the line.
    fn skip_quoted(&self, mut pos: usize, end: usize, quote: u8) -> Option<usize> {
        while let Some(b) = self.at(pos, end) {
            if quote == b'"' && b == b'\\' {
                pos += 2;
            } else if b == quote {
                if quote == b'\'' && self.at(pos + 1, end) == Some(b'\'') {
                    pos += 2;
                } else {
                    return Some(pos + 1);
                }
            } else {
                pos += 1;
            }
        }
        None
    }
}

/// True when `content` starts with the document marker `marker` (`---`, `...`).
fn starts_marker(content: &[u8], marker: &[u8]) -> bool {
    content.starts_with(marker) && content.get(3).is_none_or(|&b| is_blank(b))
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

#[cfg(test)]
mod tests {
    use super::*;

    const UNLIMITED: Limits = Limits {
        max_file_bytes: u64::MAX,
        max_entries: usize::MAX,
        // Below serde_yaml's own limit of 128, so `count` reports depth itself.
        max_depth: 120,
    };

    /// The values serde_yaml sees, aliases expanded.
    fn exact(text: &str) -> usize {
        count(text, UNLIMITED).expect("within the limits")
    }

    #[track_caller]
    fn assert_scan_is_exact(text: &str) {
        let shape = scan(text, UNLIMITED).expect("within the limits");
        assert_eq!(shape.entries, exact(text), "for {text:?}");
    }

    #[test]
    fn the_count_is_exact_on_the_sample() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/config/status");
        let mut read = 0;
        for entry in std::fs::read_dir(dir).expect("the sample") {
            let text = std::fs::read_to_string(entry.expect("an entry").path()).expect("text");
            assert_scan_is_exact(&text);
            read += 1;
        }
        assert!(read >= 5);
    }

    #[test]
    fn the_count_is_exact_on_every_way_of_writing() {
        for text in [
            "a: 1\n",
            "a:\nb: 2\n",
            "a:\n  - x\n  - y\n",
            "a:\n- x\n- y\nb: 1\n",
            "- a\n-\n- - b\n  - c\n- d: 1\n  e:\n",
            "a: {b: 1, c, d: }\n",
            "a: [x, y: z, [1, 2], {}]\n",
            "a: [\n  1,\n  2,\n]\n",
            "a: \"quoted: text, [with] {flow}\" # and a comment: here\n",
            "a: 'it''s'\nb: \"multi\n  line\"\nc: 3\n",
            "a: plain text\n  that goes on\nb: 2\n",
            "a: |\n  block: text\n  - not an item\nb: >-\n  folded\n\nc: 1\n",
            "- |\n  x\n- y\n",
            "? a\n: b\n",
            "a: !tag 1\nb: !!str 2\n",
            "--- \na: 1\n...\n",
            "a: http://example.com:80/x\n",
            "\"a\": 1\n'b': 2\n{c: 3}: 4\n",
            "a:\n  # comment\n  b: 1\n",
            "a: 1 #c\n#d\nb: [1, # c\n  2]\n",
            "a: 1\rb: [1,\r 2]\r\nc:\u{85}  d: 3\u{2028}e: 4\u{2029}",
        ] {
            assert!(
                serde_yaml::from_str::<de::IgnoredAny>(text).is_ok(),
                "{text:?} is YAML"
            );
            assert_scan_is_exact(text);
        }
    }

    #[test]
    fn text_that_is_not_yaml_is_scanned_all_the_same() {
        for text in [
            "a: -1\nb: - x\n",
            "a: [\n",
            "\"a",
            "a:\n\t- b\n",
            "]]]}}}",
            "&",
            "*",
        ] {
            assert!(scan(text, UNLIMITED).is_ok(), "{text:?}");
        }
    }

    #[test]
    fn depth_counts_every_list_and_mapping() {
        let depth = |t: &str| scan(t, UNLIMITED).expect("within the limits").depth;
        assert_eq!(depth("a: 1\n"), 1);
        assert_eq!(depth("a: [[1]]\n"), 3);
        assert_eq!(depth("a:\n  - b: {c: [1]}\n"), 5);
        assert_eq!(depth("- - - x\n"), 3);
        assert_eq!(depth("a: \"[[[[\"\nb: '{{{{'\nc: x[[[ # [[[\n"), 1);
    }

    #[test]
    fn limits_stop_the_scan_where_they_are_crossed() {
        let limits = Limits {
            max_entries: 5,
            ..Limits::DEFAULT
        };
        assert_eq!(
            scan("a: 1\nb: 2\nc: 3\n", limits),
            Err(Exceeded::Entries(Loc::new(3, 1)))
        );
        let limits = Limits {
            max_depth: 3,
            ..Limits::DEFAULT
        };
        assert_eq!(
            scan("a:\n  b: [[1]]\n", limits),
            Err(Exceeded::Depth(Loc::new(2, 7)))
        );
        assert_eq!(
            scan("a:\n  b:\n    c:\n      d: 1\n", limits),
            Err(Exceeded::Depth(Loc::new(4, 7)))
        );
    }

    #[test]
    fn aliases_are_seen_and_counted_expanded() {
        let text = "a: &x [1, 2, 3]\nb: *x\nc: *x\n";
        let shape = scan(text, UNLIMITED).expect("within the limits");
        assert!(shape.aliases);
        // As written, an alias is one value; expanded, it is what its anchor holds.
        assert_eq!(shape.entries, 10);
        assert_eq!(exact(text), 16);
        assert!(!scan("a: '*x'\nb: x*y\n", UNLIMITED).expect("ok").aliases);
        let limits = Limits {
            max_entries: 12,
            ..Limits::DEFAULT
        };
        assert!(matches!(count(text, limits), Err(Exceeded::Expanded(_))));
    }

    #[test]
    fn depth_through_aliases_is_counted() {
        let text = "a: &a [[1]]\nb: &b [*a]\nc: &c [*b]\nd: [*c]\n";
        let limits = Limits {
            max_depth: 5,
            ..Limits::DEFAULT
        };
        assert!(scan(text, limits).is_ok(), "as written, 3 levels");
        assert!(matches!(
            count(text, limits),
            Err(Exceeded::ExpandedDepth(_))
        ));
    }

    #[test]
    fn syntax_errors_are_left_to_the_parse() {
        assert!(count("a: [1, 2\n", Limits::DEFAULT).is_ok());
        assert!(count("a: *nowhere\n", Limits::DEFAULT).is_ok());
    }
}
