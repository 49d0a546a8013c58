//! The tokens of one line for the scanner: block context (`- `, `key:`, `? `, block
//! scalars, plain and quoted text) and flow context (inside `[` or `{`).

use super::{Exceeded, Flow, Kind, Scanner, is_blank, is_flow_indicator};

impl Scanner<'_> {
    /// One token in block context; `None` when the rest of the line is done with.
    pub(super) fn block_token(
        &mut self,
        mut pos: usize,
        end: usize,
    ) -> Result<Option<usize>, Exceeded> {
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
    pub(super) fn flow_token(
        &mut self,
        mut pos: usize,
        end: usize,
    ) -> Result<Option<usize>, Exceeded> {
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
    pub(super) fn skip_quoted(&self, mut pos: usize, end: usize, quote: u8) -> Option<usize> {
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
