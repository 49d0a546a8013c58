//! Finds where sections, entries and fields stand in a status file's text.
//!
//! serde_yaml reports a position only with an error, yet a problem found later (an unknown
//! variant, a serial written twice) must still say file, line and column. After a file has
//! parsed, this module reads its text once more, line by line, and finds the top-level
//! sections and the entries of each (block-style `- ` items or `key:` entries). A field
//! is then found by its key inside its entry's lines. Flow-style sections (`queue: [...]`)
//! have no entries here; problems in them point at the section's line instead.

use crate::status::problem::Loc;

/// One top-level section (`queue:`) and its entries.
#[derive(Debug)]
pub struct Section<'a> {
    /// Its key.
    pub name: &'a str,
    /// Where its key is written.
    pub loc: Loc,
    /// Its entries, in file order.
    pub entries: Vec<Entry<'a>>,
}

impl<'a> Section<'a> {
    /// The section's own line as an entry with no keys, for items that cannot be paired
    /// with an entry of their own (flow style, anchors): every field then points there.
    pub fn as_entry(&self) -> Entry<'a> {
        Entry {
            loc: self.loc,
            text: "",
            first_line: self.loc.line,
            first_column: self.loc.column,
        }
    }
}

/// One entry of a section: the lines of a `- ` item, or of a `key:` of a mapping.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// Where the entry's first character is.
    pub loc: Loc,
    /// The entry's lines, from its first character to the next entry.
    text: &'a str,
    /// The 1-based line of `text`'s first line.
    first_line: u32,
    /// The 1-based column of `text`'s first character.
    first_column: u32,
}

/// Where a line of an entry starts: its byte in the entry's text, and its index (0: the
/// entry's first line).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LineAt {
    start: usize,
    index: u32,
}

impl<'a> Entry<'a> {
    /// The byte range of this entry's lines in `text` (the text it was located in), from
    /// the start of its first line (an item's `- ` included) to the next entry.
    pub fn lines_in(&self, text: &str) -> Option<std::ops::Range<usize>> {
        let start = (self.text.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
        let end = start + self.text.len();
        if self.text.is_empty() || end > text.len() {
            return None;
        }
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        Some(line_start..end)
    }

    /// The 1-based lines this entry spans, its first and its last.
    pub fn line_span(&self) -> (u32, u32) {
        let lines = self.text.trim_end_matches('\n').matches('\n').count() as u32;
        (self.first_line, self.first_line + lines)
    }

    /// Where `key:` is written in this entry (the first one, at any depth).
    pub fn key(&self, key: &str) -> Option<Loc> {
        self.nth_key(key, 0)
    }

    /// Where `key:` is written in this entry for the `nth` time after the first (0: the
    /// first), for a key written twice.
    pub fn nth_key(&self, key: &str, nth: usize) -> Option<Loc> {
        self.nth_key_line(key, nth).map(|(loc, _)| loc)
    }

    /// Where `key:` is written in this entry (see [`Self::key`]), and the line it is on,
    /// for [`Self::keys_after_from`].
    pub fn key_line(&self, key: &str) -> Option<(Loc, LineAt)> {
        self.nth_key_line(key, 0)
    }

    /// [`Self::nth_key`], with the line it is found on.
    fn nth_key_line(&self, key: &str, nth: usize) -> Option<(Loc, LineAt)> {
        let mut left = nth;
        let mut fits = |before: &str, after: &str| {
            let fits =
                key_start(before) && after.trim_start_matches([' ', '"', '\'']).starts_with(':');
            if !fits {
                return false;
            }
            // Later occurrences are sought past the earlier ones.
            match left.checked_sub(1) {
                Some(l) => {
                    left = l;
                    false
                }
                None => true,
            }
        };
        if key.is_empty() {
            // An empty key can only be written quoted: found by its quotes.
            return self
                .find_line("\"\"", &mut fits)
                .or_else(|| self.find_line("''", fits));
        }
        self.find_line(key, fits)
    }

    /// Where the value `value` is written in this entry, as a whole token.
    pub fn value(&self, value: &str) -> Option<Loc> {
        if value.is_empty() {
            return None;
        }
        self.find(value, |before, after| {
            let b = before.chars().next_back();
            let a = after.chars().next();
            matches!(
                b,
                None | Some(' ' | '[' | ',' | '"' | '\'' | '-' | '{' | ':')
            ) && matches!(a, None | Some(' ' | ']' | ',' | '"' | '\'' | '}' | '#'))
        })
    }

    /// The 1-based location of the first occurrence of `needle` that `fits` its context
    /// (the text before it and after it on its line), trying them in the order of the text.
    fn find(&self, needle: &str, fits: impl FnMut(&str, &str) -> bool) -> Option<Loc> {
        self.find_line(needle, fits).map(|(loc, _)| loc)
    }

    /// [`Self::find`], with the line it is found on.
    fn find_line(
        &self,
        needle: &str,
        mut fits: impl FnMut(&str, &str) -> bool,
    ) -> Option<(Loc, LineAt)> {
        if needle.contains('\n') {
            // Never on one line.
            return None;
        }
        // The occurrences are sought in the whole entry, not line by line: most lines
        // hold none, and seeking each line's end first costs more than the line.
        let text = self.text;
        let mut from = 0;
        while let Some(pos) = find_from(text, from, needle) {
            let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
            let end = pos + needle.len();
            let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
            let before = &text[line_start..pos];
            if fits(before, &text[end..line_end]) {
                let mut column = before.chars().count() as u32 + 1;
                if line_start == 0 {
                    column += self.first_column - 1;
                }
                let breaks = text.as_bytes()[..line_start]
                    .iter()
                    .filter(|&&b| b == b'\n');
                let index = breaks.count() as u32;
                let at = LineAt {
                    start: line_start,
                    index,
                };
                return Some((Loc::new(self.first_line + index, column), at));
            }
            from = end;
        }
        None
    }
}

/// Where `needle` (not empty) first occurs in `line` at or after byte `from`. The same as
/// `line[from..].find(needle)`, without setting up a substring searcher for every line: an
/// entry's lines are short, and a large file has hundreds of thousands of them.
fn find_from(line: &str, from: usize, needle: &str) -> Option<usize> {
    let (bytes, first) = (line.as_bytes(), *needle.as_bytes().first()?);
    (from..bytes.len())
        .filter(|&i| bytes[i] == first)
        .find(|&i| bytes[i..].starts_with(needle.as_bytes()))
}

/// True when a key may start right after `before` on its line.
fn key_start(before: &str) -> bool {
    let trimmed = before.trim_end_matches([' ', '"', '\'']);
    trimmed.is_empty()
        || trimmed.ends_with(['{', ','])
        || trimmed.trim_start().chars().all(|c| c == '-' || c == ' ')
}

/// The sections of `text`, in file order.
pub fn sections<'a>(text: &'a str) -> Vec<Section<'a>> {
    sections_skipping(text, &[])
}

/// [`sections`], passing over the lines of each of `skip` (byte ranges from a line's
/// start to a line's start, or the end, in the order of the text, and the LFs each
/// holds): they are not read, and give no entry. For the items of lists whose places are
/// known already (`slice::Given`).
pub fn sections_skipping<'a>(text: &'a str, skip: &[(usize, usize, u32)]) -> Vec<Section<'a>> {
    let mut sections: Vec<Section> = Vec::new();
    // Child indentation and kind of the open section: None until its first child line.
    let mut child: Option<(usize, bool)> = None;
    let mut open = false;
    let mut offset = 0;
    // Byte offset where the current entry started, to cut its text when it ends.
    let mut entry_start: Option<usize> = None;

    let close_entry = |sections: &mut Vec<Section<'a>>, start: &mut Option<usize>, end: usize| {
        if let (Some(s), Some(section)) = (start.take(), sections.last_mut())
            && let Some(e) = section.entries.last_mut()
        {
            e.text = &text[s..end];
        }
    };

    let mut line_no = 0;
    let mut skip = skip.iter().copied().peekable();
    while offset <= text.len() {
        // A range already passed (out of order, or starting inside a line) is dropped.
        while skip.next_if(|&(from, _, _)| from < offset).is_some() {}
        if let Some((from, to, lines)) = skip.next_if(|&(from, _, _)| from == offset)
            && from < to
            && to <= text.len()
        {
            line_no += lines;
            offset = to;
            continue;
        }
        line_no += 1;
        let line_start = offset;
        // A plain visit line (`- {stage: ID, since: DATE}`) deeper than the entries, or
        // outside a section, changes nothing here: passed over without seeking its end.
        if let Some((indent, _, end)) = super::visits::plain_visit_line(text.as_bytes(), offset)
            && (!open || child.is_some_and(|(c, _)| indent > c))
        {
            offset = end + 1;
            continue;
        }
        let line_end = text[offset..].find('\n').map_or(text.len(), |p| offset + p);
        offset = line_end + 1;
        let line = text[line_start..line_end].trim_end_matches('\r');
        let content = line.trim_start_matches(' ');
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = line.len() - content.len();
        let starts_item = content == "-" || content.starts_with("- ");

        if indent == 0 && !starts_item {
            // A new top-level key, or a document marker.
            close_entry(&mut sections, &mut entry_start, line_start);
            open = false;
            if content.starts_with("---") || content.starts_with("...") {
                continue;
            }
            let Some(colon) = content.find(':') else {
                continue;
            };
            let name = content[..colon].trim().trim_matches(['"', '\'']);
            let value = content[colon + 1..].trim();
            sections.push(Section {
                name,
                loc: Loc::new(line_no, 1),
                entries: Vec::new(),
            });
            // A value on the key's own line (flow style or a scalar) has no entries.
            open = value.is_empty() || value.starts_with('#');
            child = None;
            continue;
        }
        if !open {
            continue;
        }
        let (child_indent, is_seq) = *child.get_or_insert((indent, starts_item));
        let new_entry = if is_seq {
            indent == child_indent && starts_item
        } else {
            indent == child_indent
        };
        if indent < child_indent {
            // Less indented than the entries: malformed for us; stop reading the section.
            close_entry(&mut sections, &mut entry_start, line_start);
            open = false;
            continue;
        }
        if new_entry {
            close_entry(&mut sections, &mut entry_start, line_start);
            let column = if is_seq {
                // The item's content starts after the dash and its spaces.
                let after = content[1..].len() - content[1..].trim_start_matches(' ').len();
                indent + 2 + after
            } else {
                indent + 1
            };
            let item_offset = line_start + column - 1;
            if let Some(section) = sections.last_mut() {
                section.entries.push(Entry {
                    loc: Loc::new(line_no, column as u32),
                    text: "",
                    first_line: line_no,
                    first_column: column as u32,
                });
            }
            entry_start = Some(item_offset.min(text.len()));
        }
    }
    close_entry(&mut sections, &mut entry_start, text.len());
    sections
}

/// The key of a mapping entry (`2026` in `2026: { ... }`).
pub fn entry_key<'a>(entry: &Entry<'a>) -> &'a str {
    let line = entry.text.split('\n').next().unwrap_or("");
    line.split(':')
        .next()
        .unwrap_or("")
        .trim()
        .trim_matches(['"', '\''])
}

mod keys;
#[cfg(test)]
mod tests;
