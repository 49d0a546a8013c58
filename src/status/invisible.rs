//! Characters that cannot be seen, named where they are written.
//!
//! A serial pasted from a document or a web page may carry a zero-width space, an id a
//! no-break space: on screen `TR-009` and `TR-009` then look the same and are not. The
//! loader reads them as nothing and as a space ([`crate::text::clean`]), so that they never
//! make two things look alike, and says so here: each one, with its name, its code and the
//! text it follows ("a no-break space U+00A0 after `stage:`").

use crate::status::problem::{Loc, Problem};
use crate::text::{Invisible, clean_quote, invisible};

/// The most characters named per file; the rest are counted in one more warning.
const MAX_NAMED: usize = 10;

/// The keys whose values are free text, where a no-break space is a typographer's choice
/// (`40\u{a0}mm`) and reads as a space: only zero-width characters are named there.
const FREE_TEXT: [&str; 7] = [
    "name",
    "customer",
    "prime",
    "final_assembler",
    "site",
    "lot",
    "hold",
];

/// Where an invisible character stands in a line of a file, and what it is.
pub struct Found {
    /// Its place.
    pub loc: Loc,
    /// What it is.
    pub what: Invisible,
    /// Its code point.
    pub code: u32,
    /// The text before it on its line, trimmed, `- ` left out, cut short.
    pub after: String,
    /// The escape it is written as in a double-quoted text (`\u200b`), when it is.
    pub escape: Option<String>,
}

impl Found {
    /// "a no-break space U+00A0 after `stage:`".
    pub fn describe(&self) -> String {
        let place = if self.after.is_empty() {
            "at the start of the line".to_owned()
        } else {
            format!("after `{}`", self.after)
        };
        let written = self
            .escape
            .as_ref()
            .map(|e| format!(" written as `{e}`"))
            .unwrap_or_default();
        format!("{} U+{:04X}{written} {place}", self.what.name(), self.code)
    }
}

/// The first invisible character on line `line` (1-based) of `text`, outside a comment.
pub fn on_line(text: &str, line: u32) -> Option<Found> {
    let l = text.lines().nth((line as usize).checked_sub(1)?)?;
    in_line(l, line).next()
}

/// Every invisible character of `line` (numbered `number`), outside a comment.
fn in_line(line: &str, number: u32) -> impl Iterator<Item = Found> + '_ {
    let comment = comment_start(line);
    line.char_indices()
        .take_while(move |&(i, _)| i < comment)
        .filter_map(move |(i, c)| {
            let what = invisible(c)?;
            let before = &line[..i];
            let after = before.trim_start().trim_start_matches("- ").trim_end();
            let shown: String = {
                let n = after.chars().count();
                after.chars().skip(n.saturating_sub(30)).collect()
            };
            Some(Found {
                loc: Loc::new(number, before.chars().count() as u32 + 1),
                what,
                code: c as u32,
                after: clean_quote(&shown).into_owned(),
                escape: None,
            })
        })
}

/// Every invisible character written as an escape in a double-quoted text of `line`
/// (numbered `number`): `\u200b`, `\U0000200B`, `\xa0`, and YAML's `\_` (a no-break space).
fn escapes_in_line(line: &str, number: u32) -> impl Iterator<Item = Found> + '_ {
    let b = line.as_bytes();
    let mut quoted = false;
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' if !quoted && (i == 0 || b[i - 1] == b' ' || b[i - 1] == b'\t') => break,
            b'"' => quoted = !quoted,
            b'\\' if quoted => {
                let (len, code) = match b.get(i + 1) {
                    Some(b'u') => (6, hex(line, i + 2, 4)),
                    Some(b'U') => (10, hex(line, i + 2, 8)),
                    Some(b'x') => (4, hex(line, i + 2, 2)),
                    Some(b'_') => (2, Some(0xa0)),
                    _ => (2, None),
                };
                let c = code.and_then(char::from_u32);
                if let Some((c, what)) = c.and_then(|c| Some((c, invisible(c)?))) {
                    let after = line[..i].trim_start().trim_start_matches("- ").trim_end();
                    let n = after.chars().count();
                    let shown: String = after.chars().skip(n.saturating_sub(30)).collect();
                    found.push(Found {
                        loc: Loc::new(number, line[..i].chars().count() as u32 + 1),
                        what,
                        code: c as u32,
                        after: clean_quote(&shown).into_owned(),
                        escape: line.get(i..i + len).map(str::to_owned),
                    });
                }
                i += len.min(b.len() - i);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    found.into_iter()
}

/// The `digits` hexadecimal digits at byte `at` of `line`, as a number.
fn hex(line: &str, at: usize, digits: usize) -> Option<u32> {
    let h = line.get(at..at + digits)?;
    u32::from_str_radix(h, 16).ok()
}

/// Where a comment starts on `line` (a `#` at its start or after a blank), roughly: a `#`
/// inside quotes is taken for one too, which only hides a character from the warnings.
fn comment_start(line: &str) -> usize {
    let b = line.as_bytes();
    (0..b.len())
        .find(|&i| b[i] == b'#' && (i == 0 || b[i - 1] == b' ' || b[i - 1] == b'\t'))
        .unwrap_or(b.len())
}

/// The key whose value a character at the end of `before` is in, when the line writes one.
fn key_of(before: &str) -> Option<&str> {
    let colon = before.rfind(": ")?;
    let key = before[..colon].trim_end();
    let start = key.rfind([' ', '{', ',', '-']).map_or(0, |i| i + 1);
    Some(key[start..].trim_matches(['"', '\'']))
}

/// Warnings for the invisible characters of a file that loaded: every one in an id, a
/// serial, a key or a date; in free text only those that show nothing.
pub fn warnings(file: &str, text: &str) -> Vec<Problem> {
    // Most files have none: a pass over their bytes settles it.
    let written = !text.is_ascii();
    let escaped = text.contains('\\');
    if !written && !escaped {
        return Vec::new();
    }
    let mut found = text.lines().enumerate().flat_map(|(i, line)| {
        let number = i as u32 + 1;
        let literal = written.then(|| in_line(line, number)).into_iter().flatten();
        let escapes = escaped
            .then(|| escapes_in_line(line, number))
            .into_iter()
            .flatten();
        literal.chain(escapes).filter(move |f| {
            let byte = line
                .char_indices()
                .nth(f.loc.column as usize - 1)
                .map_or(0, |(b, _)| b);
            let free = key_of(&line[..byte]).is_some_and(|k| FREE_TEXT.contains(&k));
            !(free && matches!(f.what, Invisible::Space(_)))
        })
    });
    let mut out: Vec<Problem> = found
        .by_ref()
        .take(MAX_NAMED)
        .map(|f| {
            let reading = match f.what {
                Invisible::Space(_) => {
                    "it is read as an ordinary space: write one (or none, in an id or a serial)"
                }
                Invisible::Nothing(_) => "it cannot be seen and is read as nothing: delete it",
            };
            Problem::warning(file, f.loc, format!("{}: {reading}", f.describe()))
        })
        .collect();
    let more = found.count();
    if more > 0 {
        out.push(Problem::warning(
            file,
            Loc::UNKNOWN,
            format!("and {more} more invisible characters in this file, read the same way"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<String> {
        warnings("q.yaml", text)
            .iter()
            .map(|p| format!("{}:{} {}", p.loc.line, p.loc.column, p.message))
            .collect()
    }

    #[test]
    fn an_invisible_character_written_as_an_escape_is_named_too() {
        let text = "queue:\n  - serial: \"TR-009\\u200b\"\n    lot: \"L\\_1\"  # \"\\u200b\"\n    site: a\\u200b\n    name: \"x\\\\u200b\"\n";
        assert_eq!(
            messages(text),
            [
                "2:20 a zero-width space U+200B written as `\\u200b` after `serial: \"TR-009`: \
                 it cannot be seen and is read as nothing: delete it",
            ]
        );
        // In an id, YAML's `\_` is a no-break space; in free text (`lot`) it is a choice.
        let text = "stages:\n  - id: \"paint\\_2\"\n    name: \"40\\_mm\"\n";
        assert_eq!(
            messages(text),
            [
                "2:15 a no-break space U+00A0 written as `\\_` after `id: \"paint`: it is read \
                 as an ordinary space: write one (or none, in an id or a serial)"
            ]
        );
        assert!(
            messages("a: \"\\U0000FEFF\\x41\"\n")[0].contains("U+FEFF written as `\\U0000FEFF`")
        );
    }
}
