//! The one place that calls the YAML library: text in, [`RawFile`] or a located error out.
//!
//! Keeping serde_yaml behind this module means the guards against hostile input (size,
//! depth, alias expansion: [`guard`]) and the rewording of its errors live in one place.

pub mod guard;
pub mod slice;

use super::Limits;
use super::locate::{self, Section};
use super::problem::{Loc, did_you_mean};
use super::raw::{Places, RawFile};

/// A file that could not be read as a status file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub loc: Loc,
    pub message: String,
}

/// True when `text` holds nothing but white space and comments.
pub fn is_blank(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
    })
}

/// Parses one status file within the default [`Limits`].
pub fn parse(text: &str) -> Result<RawFile, ParseError> {
    parse_within(text, Limits::DEFAULT)
}

/// Parses one status file and finds where its entries stand, refusing it before the
/// memory or time is spent when it holds more entries or nests deeper than `limits`.
/// Long lists are read a slice at a time (see [`slice`]).
pub fn parse_within(text: &str, limits: Limits) -> Result<RawFile, ParseError> {
    parse_in_slices(text, limits, slice::ITEMS_PER_SLICE)
}

/// [`parse_within`], reading the lists of more than `per_slice` items `per_slice` items at
/// a time; `usize::MAX` reads every file whole. The result is the same whatever
/// `per_slice` (the tests check it with short slices); only the memory a parse takes
/// changes.
pub fn parse_in_slices(
    text: &str,
    limits: Limits,
    per_slice: usize,
) -> Result<RawFile, ParseError> {
    let exceeded = |e: guard::Exceeded| ParseError {
        loc: e.loc(),
        message: e.message(limits),
    };
    let (shape, outline) = guard::outline(text, limits).map_err(exceeded)?;
    // Only a file with an alias can expand beyond what its text holds.
    if shape.aliases {
        guard::count(text, limits).map_err(exceeded)?;
    }
    // An alias may name an anchor of another slice: such a file is read whole.
    let cut = (!shape.aliases)
        .then(|| slice::cut(text, &outline, per_slice))
        .flatten();
    drop(outline);
    if let Some(mut raw) = cut.and_then(|c| c.parse()) {
        annotate(&mut raw, text);
        return Ok(raw);
    }
    // The serials of the file go into one text of its own (see raw::SerialRef).
    let parsed = super::raw::with_serials(|| serde_yaml::from_str(text));
    let mut raw: RawFile = parsed.map_err(|e| {
        // A syntax error further on comes first: a value of the wrong type before an
        // unclosed `[` is most likely the `[`'s fault.
        match serde_yaml::from_str::<serde::de::IgnoredAny>(text) {
            Err(syntax) => reword(&syntax, text),
            Ok(_) => reword(&e, text),
        }
    })?;
    annotate(&mut raw, text);
    Ok(raw)
}

/// Turns serde_yaml's error into a located message that says what to write instead.
fn reword(e: &serde_yaml::Error, text: &str) -> ParseError {
    let loc = e.location().map_or(Loc::UNKNOWN, |l| {
        Loc::new(l.line() as u32, l.column() as u32)
    });
    let full = e.to_string();
    // Syntax errors read "PROBLEM at line L column C, while CONTEXT at line L column C";
    // the context's place is where the unclosed quote or bracket opened.
    if let Some((_, context)) = full.split_once(", while ") {
        let (what, at) = split_location(context);
        let unclosed = match what {
            "scanning a quoted scalar" => {
                Some("this quoted text is never closed: add the closing quote")
            }
            "parsing a flow sequence" => {
                Some("this `[` list is never closed: add `]` after its last item")
            }
            "parsing a flow mapping" => {
                Some("this `{` mapping is never closed: add `}` after its last entry")
            }
            // The place given is the line after; the context's is the key's own.
            "scanning a simple key" => Some(
                "this key has no `:` after it: write `key: value` \
                 (a key holds at most 1024 characters)",
            ),
            _ => None,
        };
        if let (Some(message), Some(at)) = (unclosed, at) {
            return ParseError {
                loc: at,
                message: message.to_owned(),
            };
        }
    }
    let msg = strip_locations(&full);
    let msg = msg.as_str();
    let message = if let Some(rest) = msg.split("unknown field `").nth(1) {
        let (prefix, _) = msg.split_once("unknown field `").unwrap_or(("", ""));
        let field = rest.split('`').next().unwrap_or("");
        // After the field: its name may hold anything, "expected" included.
        let known: Vec<&str> = rest[field.len()..]
            .split_once("expected")
            .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        // A long name is no typo of a short one, and comparing it would cost its length.
        let hint = if field.len() <= 64 {
            did_you_mean(field, known.iter().copied())
        } else {
            String::new()
        };
        format!(
            "{prefix}unknown field `{}`{hint} (the fields here are: {})",
            crate::text::clean_quote(field),
            known.join(", ")
        )
    } else if msg.contains("more than one document") {
        return ParseError {
            loc: second_document(text),
            message: "this file holds several YAML documents (separated by `---`); \
                      write one document per file"
                .to_owned(),
        };
    } else if msg.starts_with("control characters are not allowed") {
        let (loc, c) = first_control(text);
        return ParseError {
            loc,
            message: format!(
                "the file holds the control character U+{:04X}, which YAML does not allow: \
                 delete it (a file of binary data is not a status file)",
                c as u32
            ),
        };
    } else if msg.contains("repetition limit exceeded") {
        "the file repeats its aliases (`*name`) more often than fleetdash follows them: \
         write the entries out"
            .to_owned()
    } else if msg.starts_with("unknown anchor") {
        let name = alias_at(text, loc);
        format!(
            "the alias `*{name}` names no anchor: write `&{name}` on the value it repeats, \
             before this line, or write the value out"
        )
    } else if msg.contains("did not find expected key") {
        "the indentation is off here: the keys of one mapping must start in the same column"
            .to_owned()
    } else if msg.contains("tab character")
        || msg.contains("cannot start any token") && line_has_tab(text, loc)
    {
        "a tab is used for indentation here: replace it with spaces \
         (YAML is indented with spaces only)"
            .to_owned()
    } else if msg.contains("cannot start any token") {
        "a value cannot start with this character (`@` and a backquote are reserved in YAML): \
         put the value in quotes"
            .to_owned()
    } else if msg.contains("mapping values are not allowed") {
        "a `key: value` cannot start here: line this key up with the keys above it, \
         or put quotes around a value that holds `: `"
            .to_owned()
    } else if msg.contains("recursion limit exceeded") {
        // Only reached when limits.max_depth is set above the YAML library's own limit.
        "the file nests lists and mappings more than 128 levels deep, \
         the most the YAML library reads: flatten it"
            .to_owned()
    } else if msg.starts_with("invalid type") && msg.contains("expected struct RawFile") {
        "a status file is a mapping of sections (`version:`, `queue:`, …), \
         not a list or a single value"
            .to_owned()
    } else if let Some(m) = reword_field_count(msg) {
        return ParseError {
            loc: written_twice(&m).map_or(loc, |key| second_key(text, loc, key).unwrap_or(loc)),
            message: m,
        };
    } else if let Some(key) = written_twice(msg) {
        // The checks of `raw` on keys serde would let through: attributes, plan years.
        return ParseError {
            loc: second_key(text, loc, key).unwrap_or(loc),
            message: msg.to_owned(),
        };
    } else if let Some(m) = reword_type(msg) {
        m
    } else {
        msg.replace("struct Raw", "")
    };
    ParseError { loc, message }
}

/// `PATH: missing field `x`` and `PATH: duplicate field `x`` in words, with the fix.
fn reword_field_count(msg: &str) -> Option<String> {
    for (marker, fix) in [
        ("missing field `", "is missing: add it with its value"),
        (
            "duplicate field `",
            "is written twice in this entry: keep one",
        ),
    ] {
        if let Some((prefix, rest)) = msg.split_once(marker) {
            let field = rest.split('`').next().unwrap_or("");
            if prefix.is_empty() {
                // The top level: the sections of the file.
                return Some(match marker {
                    "missing field `" => format!("the section `{field}` {fix}"),
                    _ => format!(
                        "the section `{field}` is written twice in this file: \
                         keep one, with the entries of both"
                    ),
                });
            }
            return Some(format!("{prefix}the field `{field}` {fix}"));
        }
    }
    None
}

/// `PATH: invalid type: FOUND, expected WANTED` in a programme officer's words:
/// `PATH: expected WANTED, found FOUND`, with serde's and Rust's names replaced.
fn reword_type(msg: &str) -> Option<String> {
    let (prefix, rest) = msg
        .split_once("invalid type: ")
        .or_else(|| msg.split_once("invalid value: "))?;
    if prefix == "version: " {
        return Some(format!(
            "the format version is a whole number: write `version: {}`",
            super::raw::SUPPORTED_VERSION
        ));
    }
    // `rsplit`: the found value may be text holding ", expected "; the wanted part never does.
    let (found, wanted) = rest.rsplit_once(", expected ")?;
    let found = if let Some(text) = found
        .strip_prefix("string \"")
        .and_then(|t| t.strip_suffix('"'))
    {
        format!(
            "the text `{}`",
            crate::text::clean_quote(&unescape_debug(text))
        )
    } else if let Some(n) = found
        .strip_prefix("integer `")
        .or_else(|| found.strip_prefix("floating point `"))
    {
        format!("the number {}", n.trim_end_matches('`'))
    } else if let Some(b) = found.strip_prefix("boolean ") {
        b.to_owned()
    } else {
        match found {
            "unit value" => "an empty value".to_owned(),
            "sequence" => "a list".to_owned(),
            "map" => "a mapping".to_owned(),
            other => other.to_owned(),
        }
    };
    if wanted == "field identifier" {
        return Some(format!(
            "{prefix}a key here is a name such as `queue`, not {}: write `name: value`",
            found.trim_start_matches("the ")
        ));
    }
    let wanted = match wanted {
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "usize" => "a whole number",
        "a boolean" => "`true` or `false`",
        "a string" => "text",
        "a sequence" => "a list (`[a, b]`, or one `- ` item per line)",
        "a map" => "a mapping of `name: value` lines",
        w if w.starts_with("struct Raw") => "a mapping of `field: value` lines",
        w => w,
    };
    Some(format!("{prefix}expected {wanted}, found {found}"))
}

/// Undoes the escaping of Rust's `{:?}`, which serde uses to quote a text it found
/// (`\u{1b}`, `\"`): the text is cleaned like any other when the problem is made.
fn unescape_debug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('0') => out.push('\0'),
            Some('u') => {
                let rest = chars.as_str();
                let code = rest
                    .strip_prefix('{')
                    .and_then(|r| r.split_once('}'))
                    .and_then(|(hex, _)| u32::from_str_radix(hex, 16).ok().map(|n| (hex, n)));
                match code.and_then(|(hex, n)| char::from_u32(n).map(|c| (hex, c))) {
                    Some((hex, c)) => {
                        out.push(c);
                        chars = rest[hex.len() + 2..].chars();
                    }
                    None => out.push_str("\\u"),
                }
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Splits `what at line L column C` into `what` and the place.
fn split_location(s: &str) -> (&str, Option<Loc>) {
    let Some(i) = s.rfind(" at line ") else {
        return (s, None);
    };
    let mut numbers = s[i + 9..]
        .split(" column ")
        .map(|n| n.trim().parse::<u32>().ok());
    match (numbers.next().flatten(), numbers.next().flatten()) {
        (Some(line), Some(column)) => (&s[..i], Some(Loc::new(line, column))),
        _ => (s, None),
    }
}

/// Removes every ` at line L column C` from a message: the place is shown apart.
fn strip_locations(s: &str) -> String {
    s.split(", ")
        .map(|part| split_location(part).0)
        .collect::<Vec<_>>()
        .join(", ")
}

fn line_has_tab(text: &str, loc: Loc) -> bool {
    loc.is_known()
        && text
            .lines()
            .nth(loc.line as usize - 1)
            .is_some_and(|l| l.contains('\t'))
}

/// The key in "`key` is written twice", the form of every duplicate-key message.
fn written_twice(msg: &str) -> Option<&str> {
    let (before, _) = msg.split_once("` is written twice")?;
    Some(&before[before.rfind('`')? + 1..])
}

/// Where `key` is written the second time in the mapping that starts at `from`: at the
/// same column on a later line (block style), else later on the same line (flow style).
fn second_key(text: &str, from: Loc, key: &str) -> Option<Loc> {
    if !from.is_known() || key.is_empty() {
        return None;
    }
    let col = from.column as usize - 1;
    let is_key_at = |line: &str, byte: usize| {
        let rest = line[byte..].trim_start_matches(['"', '\'']);
        rest.strip_prefix(key)
            .is_some_and(|after| after.trim_start_matches(['"', '\'', ' ']).starts_with(':'))
    };
    let mut seen = 0;
    for (i, line) in text.lines().enumerate().skip(from.line as usize - 1) {
        let first = i + 1 == from.line as usize;
        let Some((byte, _)) = line.char_indices().nth(col) else {
            if first {
                return None;
            }
            continue;
        };
        let indent = line.len() - line.trim_start_matches(' ').len();
        if !first && indent < byte && !line.trim().is_empty() && !line.trim().starts_with('#') {
            // Less indented than the mapping's keys: the mapping has ended.
            break;
        }
        if first {
            // Flow style: every key of the mapping may be on this line.
            let mut from_byte = byte;
            while let Some(pos) = line[from_byte..].find(key).map(|p| p + from_byte) {
                let start = line[..pos].trim_end_matches(['"', '\'']).len();
                let before = line[..start].chars().next_back();
                if (start == byte || matches!(before, Some(' ' | '{' | ',')))
                    && is_key_at(line, pos)
                {
                    seen += 1;
                    if seen == 2 {
                        return Some(Loc::new(
                            from.line,
                            line[..start].chars().count() as u32 + 1,
                        ));
                    }
                }
                from_byte = pos + key.len();
            }
        } else if indent == byte && is_key_at(line, byte) {
            seen += 1;
            if seen == 2 {
                return Some(Loc::new(i as u32 + 1, from.column));
            }
        }
    }
    None
}

/// Where the second document starts: its `---` line.
fn second_document(text: &str) -> Loc {
    let mut content = false;
    for (i, line) in text.lines().enumerate() {
        let marker =
            line.starts_with("---") && line[3..].chars().next().is_none_or(char::is_whitespace);
        if marker && content {
            return Loc::new(i as u32 + 1, 1);
        }
        let t = line.trim();
        if marker || !t.is_empty() && !t.starts_with('#') && t != "..." {
            // A `---` opens a document even before any content.
            content = true;
        }
    }
    Loc::UNKNOWN
}

/// The first character the YAML library refuses, and where it is.
fn first_control(text: &str) -> (Loc, char) {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}')
            || ('\u{a0}'..='\u{d7ff}').contains(&c)
            || ('\u{e000}'..='\u{fffd}').contains(&c)
            || c >= '\u{10000}'
    };
    for (i, line) in text.split('\n').enumerate() {
        if let Some((col, c)) = line.chars().enumerate().find(|&(_, c)| !allowed(c)) {
            return (Loc::new(i as u32 + 1, col as u32 + 1), c);
        }
    }
    (Loc::UNKNOWN, '\u{fffd}')
}

/// The name of the alias written at `loc` (`x` for `*x`), cleaned and cut short.
fn alias_at(text: &str, loc: Loc) -> String {
    let name = text
        .lines()
        .nth((loc.line as usize).saturating_sub(1))
        .and_then(|l| {
            l.chars()
                .skip(loc.column as usize - 1)
                .collect::<String>()
                .into()
        })
        .and_then(|rest: String| rest.strip_prefix('*').map(str::to_owned))
        .map(|rest| {
            rest.chars()
                .take_while(|c| !c.is_whitespace() && !",[]{}".contains(*c))
                .take(crate::text::MAX_QUOTE_CHARS)
                .collect::<String>()
        })
        .unwrap_or_default();
    if name.is_empty() {
        "name".to_owned()
    } else {
        crate::text::clean(&name).into_owned()
    }
}

/// Fills in the locations of sections, entries and the fields problems point at.
fn annotate(raw: &mut RawFile, text: &str) {
    let sections = locate::sections(text);
    let find = |name: &str| sections.iter().find(|s| s.name == name);
    let loc_of = |name: &str| find(name).map_or(Loc::UNKNOWN, |s| s.loc);
    raw.section_locs.version = loc_of("version");
    raw.section_locs.programme = loc_of("programme");
    raw.section_locs.variants = loc_of("variants");
    raw.section_locs.stages = loc_of("stages");
    raw.section_locs.plan = loc_of("plan");
    raw.section_locs.queue = loc_of("queue");
    raw.section_locs.deliveries = loc_of("deliveries");

    if let (Some(items), Some(s)) = (raw.variants.as_mut(), find("variants")) {
        for_entries(items, s, |v, e| v.loc = e.loc);
    }
    if let (Some(items), Some(s)) = (raw.stages.as_mut(), find("stages")) {
        for_entries(items, s, |st, e| {
            st.loc = e.loc;
            st.families_loc = e.key("families").unwrap_or(e.loc);
        });
    }
    if let (Some(items), Some(s)) = (raw.queue.as_mut(), find("queue")) {
        for_entries(items, s, |v, e| {
            let key = |k| e.key(k).unwrap_or(e.loc);
            v.places = Places::new(
                e.loc,
                [key("variant"), key("stage"), key("since"), key("due")],
            );
        });
    }
    if let (Some(items), Some(s)) = (raw.deliveries.as_mut(), find("deliveries")) {
        for_entries(items, s, |d, e| {
            let key = |k| e.key(k).unwrap_or(e.loc);
            d.places = Places::new(e.loc, [key("variant"), key("date"), key("serials")]);
        });
    }
    if let (Some(plan), Some(s)) = (raw.plan.as_mut(), find("plan")) {
        // Each lookup reads the year's lines from the top: a year of many thousand
        // variants would take the square of that. Past a budget of bytes read, the
        // entries point at their year.
        let mut lookups = LOCATE_BUDGET / text.len().max(1);
        for_entries(&mut plan.years, s, |y, e| {
            y.loc = e.loc;
            for entry in &mut y.entries {
                entry.loc = match lookups.checked_sub(1) {
                    Some(left) => {
                        lookups = left;
                        e.key(&entry.variant).unwrap_or(e.loc)
                    }
                    None => e.loc,
                };
            }
        });
    }
}

/// The bytes [`annotate`] may read looking up plan entries: tens of milliseconds.
const LOCATE_BUDGET: usize = 16 * 1024 * 1024;

/// Pairs parsed items with located entries; when they do not pair up one to one (flow
/// style, anchors), every item points at the section instead.
fn for_entries<T>(items: &mut [T], section: &Section, mut f: impl FnMut(&mut T, &locate::Entry)) {
    if items.len() == section.entries.len() {
        for (item, entry) in items.iter_mut().zip(&section.entries) {
            f(item, entry);
        }
    } else {
        // Not the first entry's place: that would point a problem at the wrong item.
        let whole = section.as_entry();
        for item in items.iter_mut() {
            f(item, &whole);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_suggests_the_closest() {
        let text =
            "version: 1\nvariants:\n  - id: a\n    family: F\n    name: A\n    contractd: 3\n";
        let e = parse(text).unwrap_err();
        assert_eq!(e.loc, Loc::new(6, 5));
        assert!(
            e.message
                .starts_with("variants[0]: unknown field `contractd`; did you mean `contracted`?"),
            "{}",
            e.message
        );
    }

    #[test]
    fn long_quoted_text_leaves_room_for_the_advice() {
        let long = "x".repeat(5000);
        let key = "x".repeat(1000);
        let e = parse(&format!("version: 1\n{key}expected: 1\n")).unwrap_err();
        assert!(e.message.ends_with(
            "…` (the fields here are: version, programme, variants, stages, plan, queue, deliveries)"
        ), "{}", e.message);
        assert!(
            e.message.chars().count() < crate::text::MAX_CHARS,
            "{}",
            e.message
        );
        let e = parse(&format!("deliveries:\n  - date: \"{long}\"\n")).unwrap_err();
        assert!(
            e.message
                .ends_with("…` is not a date: write it as YYYY-MM-DD, e.g. 2026-03-31"),
            "{}",
            e.message
        );
        let e = parse(&format!("variants:\n  - contracted: \"{long}\"\n")).unwrap_err();
        assert!(
            e.message
                .ends_with("…`: write the number without quotes or units"),
            "{}",
            e.message
        );
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let e = parse("version: 1\nqueue:\n  - serial: \"BE\n").unwrap_err();
        assert_eq!(e.loc, Loc::new(3, 13));
        assert_eq!(
            e.message,
            "this quoted text is never closed: add the closing quote"
        );
        let e = parse("version: 1\nplan: {2025: {a: 1}\n").unwrap_err();
        assert_eq!(e.loc, Loc::new(2, 7));
        assert!(e.message.contains("never closed"), "{}", e.message);
    }

    #[test]
    fn type_errors_say_what_was_found_and_what_belongs() {
        let cases = [
            (
                "version: one\n",
                "the format version is a whole number: write `version: 1`",
            ),
            (
                "version: -3\n",
                "the format version is a whole number: write `version: 1`",
            ),
            (
                "stages:\n  - id: x\n    name: X\n    rework: yes\n",
                "stages[0].rework: expected `true` or `false`, found the text `yes`",
            ),
            (
                "stages:\n  - id: x\n    name: X\n    families: Jaguar\n",
                "stages[0].families: expected a list (`[a, b]`, or one `- ` item per line), \
                 found the text `Jaguar`",
            ),
            (
                "variants:\n  - id: x\n    family: [a, b]\n    name: X\n    contracted: 1\n",
                "variants[0].family: expected text, found a list",
            ),
            (
                "programme: [a]\n",
                "programme: expected a mapping of `field: value` lines, found a list",
            ),
            (
                "variants:\n  id: x\n",
                "variants: expected a list (`[a, b]`, or one `- ` item per line), found a mapping",
            ),
            (
                "deliveries:\n  - date: 2026-03-01\n    variant: a\n    count: 2.5\n",
                "deliveries[0].count: 2.5 is not a whole number of vehicles: \
                 write a whole number from 0 to 1000000",
            ),
            (
                "deliveries:\n  - date: 2026-03-01\n    variant: a\n    count: -2.0\n",
                "deliveries[0].count: a quantity cannot be negative (found -2): \
                 write a whole number from 0 to 1000000",
            ),
        ];
        for (text, expected) in cases {
            let e = parse(text).unwrap_err();
            assert_eq!(e.message, expected, "for {text:?}");
        }
    }

    #[test]
    fn fields_written_twice_or_missing_are_named() {
        let e = parse("queue:\n  - serial: A\n    serial: B\n").unwrap_err();
        assert_eq!(
            e.message,
            "queue[0]: the field `serial` is written twice in this entry: keep one"
        );
        let e = parse("programme:\n  name: X\n  first_year: 2025\n").unwrap_err();
        assert_eq!(
            e.message,
            "programme: the field `last_year` is missing: add it with its value"
        );
    }

    #[test]
    fn a_key_without_its_colon_points_at_the_key() {
        let e = parse("programme:\n  name: x\n  customer y\n  first_year: 2025\n").unwrap_err();
        assert_eq!(e.loc, Loc::new(3, 3));
        assert!(
            e.message.starts_with("this key has no `:` after it"),
            "{}",
            e.message
        );
    }

    #[test]
    fn reserved_characters_and_tabs_are_explained() {
        let e = parse("version: 1\nprogramme:\n  name: @home\n").unwrap_err();
        assert_eq!(e.loc, Loc::new(3, 9));
        assert!(
            e.message.contains("put the value in quotes"),
            "{}",
            e.message
        );
        let e = parse("version: 1\nqueue:\n\t- serial: A\n").unwrap_err();
        assert_eq!(e.loc, Loc::new(3, 1));
        assert!(e.message.starts_with("a tab is used"), "{}", e.message);
    }

    #[test]
    fn flow_style_items_point_at_their_section() {
        let text = "version: 1\n\nqueue: [{serial: A, variant: x, stage: s, since: 2026-01-02, site: S},\n  {serial: B, variant: y, stage: s, since: 2026-01-02, site: S}]\n";
        let raw = parse(text).unwrap();
        for v in raw.queue.unwrap() {
            assert_eq!(v.loc(), Loc::new(3, 1));
            assert_eq!(v.variant_loc(), Loc::new(3, 1));
        }
    }

    #[test]
    fn wrong_document_type_is_explained() {
        let e = parse("- a\n- b\n").unwrap_err();
        assert!(e.message.contains("mapping of sections"), "{}", e.message);
    }

    #[test]
    fn keys_written_twice_point_at_the_second() {
        let cases = [
            (
                "version: 1\nqueue: []\nqueue: []\n",
                Loc::new(3, 1),
                "the section `queue` is written twice in this file: keep one, with the entries of both",
            ),
            (
                "plan:\n  2026: {a: 1}\n  2027: {}\n  2026: {b: 2}\n",
                Loc::new(4, 3),
                "plan: the year `2026` is written twice: put all its variants under one `2026:`",
            ),
            (
                "plan: {2026: {a: 1}, 2026: {b: 2}}\n",
                Loc::new(1, 22),
                "plan: the year `2026` is written twice: put all its variants under one `2026:`",
            ),
            (
                "variants:\n  - {id: x, family: F, name: X, contracted: 1, attributes: {r: a, r: b}}\n",
                Loc::new(2, 67),
                "variants[0].attributes: the attribute `r` is written twice: keep one",
            ),
        ];
        for (text, loc, message) in cases {
            let e = parse(text).unwrap_err();
            assert_eq!((e.loc, e.message.as_str()), (loc, message), "for {text:?}");
        }
    }

    #[test]
    fn a_syntax_error_comes_before_the_type_error_it_causes() {
        let e = parse("version: 1\nqueue: [a\n").unwrap_err();
        assert_eq!(e.loc, Loc::new(2, 8));
        assert!(
            e.message.contains("`[` list is never closed"),
            "{}",
            e.message
        );
    }

    #[test]
    fn documents_control_characters_and_anchors_are_placed() {
        let e = parse("version: 1\n---\nversion: 1\n").unwrap_err();
        assert_eq!(e.loc, Loc::new(2, 1));
        let e = parse("---\nversion: 1\n---\nversion: 1\n").unwrap_err();
        assert_eq!(e.loc, Loc::new(3, 1));
        let e = parse("version: 1\nqueue: [é\u{7}]\n").unwrap_err();
        assert_eq!(e.loc, Loc::new(2, 10));
        assert!(e.message.contains("U+0007"), "{}", e.message);
        let e = parse("version: 1\nqueue: *q\n").unwrap_err();
        assert!(
            e.message.starts_with("the alias `*q` names no anchor"),
            "{}",
            e.message
        );
    }

    #[test]
    fn text_quoted_by_serde_is_unescaped() {
        assert_eq!(
            unescape_debug(r#"a\u{1b}[2J \"b\" \\ \t"#),
            "a\u{1b}[2J \"b\" \\ \t"
        );
        assert_eq!(unescape_debug(r"\u{zz} \u{110000}"), r"\u{zz} \u{110000}");
    }

    #[test]
    fn entries_are_located() {
        let text = "queue:\n  - serial: A\n    variant: x\n    stage: s\n    since: 2026-01-02\n    site: S\n";
        let raw = parse(text).unwrap();
        let v = &raw.queue.unwrap()[0];
        assert_eq!(v.loc(), Loc::new(2, 5));
        assert_eq!(v.variant_loc(), Loc::new(3, 5));
        assert_eq!(v.stage_loc(), Loc::new(4, 5));
    }
}
