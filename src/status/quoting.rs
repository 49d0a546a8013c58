//! Serials and ids that other YAML readers would not read as text.
//!
//! fleetdash reads every serial and id as the characters written (`0070` is `0070`). Other
//! tools that read the same files (PyYAML and most YAML 1.1 readers, spreadsheets' import,
//! editors' language servers) turn an unquoted `0070` into the number 56 or 70, `1e3` into
//! 1000, `yes` or `on` into true and `~` into nothing. Each such value written without
//! quotes gets a warning with the fix: quote it.

use crate::status::problem::{Loc, Problem};
use crate::status::yaml;
use crate::text::clean_quote;

/// The keys whose values are one serial or id.
const ONE: [&str; 4] = ["serial", "id", "variant", "stage"];

/// The keys whose values are a list of serials or ids.
const LIST: [&str; 2] = ["serials", "families"];

/// What other YAML readers make of the plain scalar `s`, when not text.
pub fn read_by_others_as(s: &str) -> Option<&'static str> {
    // Most serials and ids start with a letter no number, yes/no or null starts with.
    if !may_start_other(*s.as_bytes().first()?) {
        return None;
    }
    let bools = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
        "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
    ];
    if bools.contains(&s) {
        return Some("true or false");
    }
    if matches!(s, "~" | "null" | "Null" | "NULL") {
        return Some("null (no value)");
    }
    let unsigned = s.strip_prefix(['-', '+']).unwrap_or(s);
    let digits = |t: &str, ok: fn(char) -> bool| !t.is_empty() && t.chars().all(ok);
    let number = digits(unsigned, |c| c.is_ascii_digit() || c == '_')
        && unsigned.starts_with(|c: char| c.is_ascii_digit())
        || ["0x", "0o", "0b"].iter().any(|p| {
            unsigned
                .strip_prefix(p)
                .is_some_and(|t| digits(t, |c| c.is_ascii_hexdigit() || c == '_'))
        })
        || is_float(unsigned)
        || matches!(unsigned, ".inf" | ".Inf" | ".INF")
        || matches!(s, ".nan" | ".NaN" | ".NAN")
        // Base 60 (YAML 1.1): `1:30` is 90.
        || unsigned.contains(':')
            && unsigned.starts_with(|c: char| c.is_ascii_digit())
            && unsigned.split(':').all(|p| digits(p, |c| c.is_ascii_digit() || c == '_' || c == '.'));
    number.then_some("a number")
}

/// True when a number, a yes/no or a null of YAML may start with the byte `b`.
fn may_start_other(b: u8) -> bool {
    matches!(
        b,
        b'0'..=b'9'
            | b'+'
            | b'-'
            | b'.'
            | b'~'
            | b'n'
            | b'N'
            | b'y'
            | b'Y'
            | b't'
            | b'T'
            | b'f'
            | b'F'
            | b'o'
            | b'O'
    )
}

/// `1.5`, `.5`, `1.`, `1e3`, `1.5E-3`, with `_` between digits (YAML 1.1).
fn is_float(s: &str) -> bool {
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && e.chars().all(|c| c.is_ascii_digit())
    });
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |t: &str| t.chars().all(|c| c.is_ascii_digit() || c == '_');
    let has_digit = mantissa.chars().any(|c| c.is_ascii_digit());
    let has_dot_or_exp = mantissa.contains('.') || exponent.is_some();
    has_digit && has_dot_or_exp && exponent_ok && digits(whole) && digits(fraction)
}

/// The warnings for `file`'s serials and ids written without quotes that other YAML
/// readers would read as something else than text.
pub fn warnings(file: &str, text: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    // The indentation of a `serials:` or `families:` key whose items follow on their lines.
    let mut list_at: Option<usize> = None;
    let patterns: Vec<String> = ONE.iter().chain(&LIST).map(|k| format!("{k}:")).collect();
    let mut ids = Ids::default();
    let bytes = text.as_bytes();
    // The start of the next line and its index: the lines of `text.lines()`.
    let (mut start, mut next_i) = (0, 0);
    while start < text.len() {
        let i = next_i;
        next_i += 1;
        // A plain visit (`- {stage: ID, since: DATE}`, hundreds of thousands in a large
        // set) has one key of those checked, `stage`, its value 10 bytes after the `-`:
        // checked there without seeking the line's end first or the search of a flow
        // line below, to the same warning.
        if let Some((indent, id, end)) = yaml::visits::plain_visit_line(bytes, start) {
            if list_at.is_some_and(|at| indent <= at) {
                list_at = None;
            }
            // The plain text of the value is the id (a `,` follows it), the line ASCII:
            // the warning `warning` gives, what others make of each id sought once.
            let at = indent + "- {stage: ".len();
            let value = text.get(start + at..start + at + id).unwrap_or_default();
            if let Some(other) = ids.read_by_others_as(value) {
                out.push(problem(file, i, at + 1, value, other));
            }
            start = end + 1;
            continue;
        }
        let line = match text[start..].find('\n') {
            Some(n) => {
                let line = &text[start..start + n];
                start += n + 1;
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => {
                let line = &text[start..];
                start = text.len();
                line
            }
        };
        let content = line.trim_start();
        let indent = line.len() - content.len();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let mut check = |at: usize, value: &str| {
            if let Some(p) = warning(file, i, line, at, value) {
                out.push(p);
            }
        };
        if let Some(at) = list_at {
            if indent > at && content.starts_with("- ") {
                check(indent + 2, &content[2..]);
            } else if indent <= at {
                list_at = None;
            }
        }
        // A plain visit (`- {stage: ID, since: DATE}`, hundreds of thousands in a large
        // set) has one key of those checked, `stage`, its value 10 bytes after the `-`:
        // checked there without the search of a flow line below, to the same warning.
        if yaml::visits::plain_visit_item(content.as_bytes()).is_some() {
            let at = indent + "- {stage: ".len();
            check(at, &line[at..]);
            continue;
        }
        // A block line has its key first, found without a search; only a flow line (`{`)
        // is searched for more (a search set up per line costs more than the line).
        // `strip_prefix`, not `trim_start_matches`: the latter sets up a searcher per line.
        let mut keyed = content;
        while let Some(rest) = keyed.strip_prefix("- ") {
            keyed = rest;
        }
        let key_at = line.len() - keyed.len();
        let first_key = keyed.split(':').next().unwrap_or("");
        let flow = content.contains('{');
        // In a flow line a key starts after `{` or `,` (and spaces): those places are
        // found in one pass, not with a search set up per key (a history holds a flow
        // mapping a line, a hundred thousand of them in a large set).
        let flow_starts: Vec<usize> = if flow {
            let b = line.as_bytes();
            (0..b.len())
                .filter(|&j| matches!(b[j], b'{' | b','))
                .map(|j| j + 1 + b[j + 1..].iter().take_while(|&&c| c == b' ').count())
                .collect()
        } else {
            Vec::new()
        };
        for (key, pattern) in ONE.iter().chain(&LIST).zip(&patterns) {
            if !flow && first_key != *key {
                continue;
            }
            // A block key is at `key_at`, found without a search; so may a flow line's be
            // (`serial: 1e3  # {`).
            let searched = flow_starts
                .iter()
                .copied()
                .filter(|&p| line[p..].starts_with(pattern.as_str()));
            let found = (!flow || first_key == *key)
                .then_some(key_at)
                .into_iter()
                .chain(searched);
            for pos in found {
                let before = line[..pos].trim_end_matches(' ');
                let after_key = line[pos + key.len()..].starts_with(':');
                if !after_key || !(before.is_empty() || before.ends_with(['-', '{', ','])) {
                    continue;
                }
                let start = pos + key.len() + 1;
                let rest = &line[start..];
                let value_at = start + rest.len() - rest.trim_start().len();
                let value = rest.trim_start();
                if LIST.contains(key) {
                    if let Some(items) = value.strip_prefix('[') {
                        let inner = items.split(']').next().unwrap_or_default();
                        let mut offset = value_at + 1;
                        for item in inner.split(',') {
                            let lead = item.len() - item.trim_start().len();
                            check(offset + lead, item.trim_start());
                            offset += item.len() + 1;
                        }
                    } else if value.is_empty() || value.starts_with('#') {
                        list_at = Some(indent);
                    }
                } else {
                    check(value_at, value);
                }
            }
        }
    }
    out
}

/// The warning for the value written at byte `at` of line `line` (index `i`), if other
/// YAML readers would not read it as text.
fn warning(file: &str, i: usize, line: &str, at: usize, value: &str) -> Option<Problem> {
    // Checked first: a quote, or a letter no number or yes/no starts with, settles most.
    if !may_start_other(*value.as_bytes().first()?) {
        return None;
    }
    // The plain text ends at a comment (` #`) or, in flow style, at `,`, `}` or `]`.
    let b = value.as_bytes();
    let end = (0..b.len())
        .find(|&j| matches!(b[j], b',' | b'}' | b']') || b[j] == b'#' && j > 0 && b[j - 1] == b' ')
        .unwrap_or(b.len());
    let plain = value[..end].trim_end();
    if plain.is_empty() {
        return None;
    }
    let other = read_by_others_as(plain)?;
    let column = line[..at.min(line.len())].chars().count() + 1;
    Some(problem(file, i, column, plain, other))
}

/// The warning for `plain`, written at 1-based `column` of line `i` (from 0), which other
/// YAML readers read as `other`.
fn problem(file: &str, i: usize, column: usize, plain: &str, other: &str) -> Problem {
    let shown = clean_quote(plain);
    Problem::warning(
        file,
        Loc::new(i as u32 + 1, column as u32),
        format!(
            "`{shown}` is read here as text, but other YAML readers (YAML 1.1, \
             spreadsheets, PyYAML) read it as {other}: quote it, `\"{shown}\"`"
        ),
    )
}

/// What others make of the stage ids of plain visit lines ([`read_by_others_as`]), each
/// id sought once: a large set repeats a few ids hundreds of thousands of times.
#[derive(Default)]
struct Ids<'t> {
    seen: Vec<(&'t str, Option<&'static str>)>,
}

impl<'t> Ids<'t> {
    fn read_by_others_as(&mut self, id: &'t str) -> Option<&'static str> {
        // Most ids start with a letter that settles it.
        if !may_start_other(*id.as_bytes().first()?) {
            return None;
        }
        if let Some(&(_, other)) = self.seen.iter().find(|(s, _)| *s == id) {
            return other;
        }
        let other = read_by_others_as(id);
        if self.seen.len() < 64 {
            self.seen.push((id, other));
        }
        other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_other_readers_make_of_plain_scalars() {
        for number in [
            "0070", "1e3", "0x1F", "0o17", "0b101", "-3", "1_000", "2.10", ".5", "1:30", ".inf",
        ] {
            assert_eq!(read_by_others_as(number), Some("a number"), "{number}");
        }
        for boolean in ["true", "yes", "No", "on", "OFF", "y"] {
            assert_eq!(
                read_by_others_as(boolean),
                Some("true or false"),
                "{boolean}"
            );
        }
        assert_eq!(read_by_others_as("~"), Some("null (no value)"));
        for text in [
            "BE-GRF-0070",
            "grf-tt",
            "e3",
            "1e",
            "0x",
            "1.2.3",
            "TR-009",
            "L26A",
            "yesno",
            "1-2",
        ] {
            assert_eq!(read_by_others_as(text), None, "{text}");
        }
    }
}
