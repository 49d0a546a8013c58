//! The scanner behind [`super::scan`] and [`super::outline`]: one pass over the text,
//! line by line, that follows indentation, `- `, `key:`, flow brackets, quotes, block
//! scalars and comments closely enough to count values and depth without allocating.
//! The tokens of a line are read in [`tokens`].

mod pair;
mod tokens;

pub use pair::set_enabled as set_pairs_in_one_step;

use super::{Exceeded, Mark, Outline, Shape};
use crate::status::Limits;
use crate::status::problem::Loc;
use crate::status::yaml::visits::{plain_visit_item, plain_visit_line};

pub(super) fn run(
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
        // A run of plain visit lines, each read in one step without seeking its end first
        // (a large file holds hundreds of thousands of them, one after the other).
        if s.block_scalar.is_none() && s.quote.is_none() && s.flow.is_empty() {
            // The indentation of the run's lines read so far: a line at the same one
            // finds what the one before left (the list open, nothing pending, the same
            // depth) and adds its five entries, unless that crosses the limit.
            let mut run = None;
            while let Some((indent, id, end)) = plain_visit_line(s.text, start)
                && s.plain_owner.is_none_or(|owner| indent as isize <= owner)
            {
                s.line_no += 1;
                s.line_start = start;
                s.plain_owner = None;
                if run == Some(indent) && s.shape.entries + 5 <= s.limits.max_entries {
                    s.shape.entries += 5;
                    s.note_item(start, indent);
                } else {
                    s.plain_visit_line(start, indent, id)?;
                    run = Some(indent);
                }
                start = end + 1;
            }
        }
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
pub(super) fn line_break(text: &[u8], from: usize) -> (usize, Option<usize>) {
    let mut i = skip_plain_ascii(text, from);
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

/// Where, from `from`, the first word of 8 bytes that may hold a break starts (a word
/// with an LF, a CR or a byte past ASCII), or the last whole word ends: the bytes before
/// are read 8 at a time (a large file is mostly such bytes).
fn skip_plain_ascii(text: &[u8], from: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // True when a byte of `w` is zero (exactly: no byte is taken for zero when none is).
    let zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGH != 0;
    let mut i = from;
    while let Some(word) = text.get(i..i + 8) {
        let mut bytes = [0; 8];
        bytes.copy_from_slice(word);
        let w = u64::from_ne_bytes(bytes);
        if w & HIGH != 0
            || zero(w ^ (ONES * u64::from(b'\n')))
            || zero(w ^ (ONES * u64::from(b'\r')))
        {
            break;
        }
        i += 8;
    }
    i
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
                    if dash && let Some(id) = plain_visit_item(content) {
                        return self.plain_visit_line(start, indent, id);
                    }
                    if self.plain_pair_line(start + indent, end, dash)? {
                        if dash {
                            self.note_item(start, indent);
                        }
                        return Ok(());
                    }
                    self.resolve_pending(indent, dash, start + indent)?;
                    pos = start + indent;
                    if dash {
                        self.rest(pos, end)?;
                        self.note_item(start, indent);
                        return Ok(());
                    }
                }
            }
        }
        self.rest(pos, end)
    }

    /// The line at byte `start`, a plain visit item indented `indent` with an id `id`
    /// bytes long, outside any flow collection, quoted or block text.
    fn plain_visit_line(&mut self, start: usize, indent: usize, id: usize) -> Result<(), Exceeded> {
        self.resolve_pending(indent, true, start + indent)?;
        self.plain_visit(start + indent, id)?;
        self.note_item(start, indent);
        Ok(())
    }

    /// Notes the item at byte `start`, indented `indent`, when it is an item of a list
    /// that is a top-level key's value.
    fn note_item(&mut self, start: usize, indent: usize) {
        if self.block.get(..2) == Some(&[(0, Kind::Mapping), (indent, Kind::Sequence)]) {
            self.note(Mark::Item {
                at: start,
                col: indent,
            });
        }
    }

    /// A plain visit item `- {stage: ID, since: DATE}` whose `-` is at byte `pos` and
    /// whose id is `id` bytes long, read in one step: the same entries, depth and places
    /// of a limit crossed as [`Self::rest`] finds on such a line, without reading it a
    /// token at a time (a large file holds hundreds of thousands of them).
    fn plain_visit(&mut self, pos: usize, id: usize) -> Result<(), Exceeded> {
        // `- `: an item, with its value on the line.
        self.block_entry(pos - self.line_start, Kind::Sequence, pos)?;
        self.pending_null = None;
        // `{`: a flow mapping one deeper than the block collections (no flow is open).
        let brace = pos + 2;
        self.add(brace)?;
        let depth = self.block.len() + self.flow.len() + 1;
        self.shape.depth = self.shape.depth.max(depth);
        if depth > self.limits.max_depth {
            return Err(Exceeded::Depth(self.loc(brace)));
        }
        // `stage`, the id, `since`, the date; the mapping's two entries are whole.
        let since = brace + "{stage: ".len() + id + ", ".len();
        for at in [
            brace + 1,
            brace + "{stage: ".len(),
            since,
            since + "since: ".len(),
        ] {
            self.add(at)?;
        }
        Ok(())
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
}

/// True when `content` starts with the document marker `marker` (`---`, `...`).
fn starts_marker(content: &[u8], marker: &[u8]) -> bool {
    content.starts_with(marker) && content.get(3).is_none_or(|&b| is_blank(b))
}
