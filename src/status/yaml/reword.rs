//! serde_yaml's errors in a programme officer's words: what is wrong and what to write
//! instead, at the place the fix goes (found in the text by [`super::place`]).

use super::ParseError;
use super::place::{
    alias_at, first_control, line_has_tab, second_document, second_key, split_location,
    strip_locations, written_twice,
};
use crate::status::invisible;
use crate::status::problem::{Loc, did_you_mean};
use crate::text::Invisible;

/// Turns serde_yaml's error into a located message that says what to write instead.
pub(super) fn reword(e: &serde_yaml::Error, text: &str) -> ParseError {
    let p = reword_plain(e, text);
    // A character that cannot be seen on the line is the likeliest cause, and what YAML
    // made of it (`stage:\u{a0}x` one word, `variant\u{a0}` an unknown field) misleads.
    let Some(found) = p
        .loc
        .is_known()
        .then(|| invisible::on_line(text, p.loc.line))
        .flatten()
    else {
        return p;
    };
    let fix = match found.what {
        Invisible::Space(_) => "YAML does not read it as a space: write an ordinary space instead",
        Invisible::Nothing(_) => {
            "YAML reads it as part of the text, though it cannot be seen: delete it"
        }
    };
    ParseError {
        loc: found.loc,
        message: format!("{}: {fix}", found.describe()),
    }
}

/// [`reword`] without the look for an invisible character.
fn reword_plain(e: &serde_yaml::Error, text: &str) -> ParseError {
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
            crate::status::raw::SUPPORTED_VERSION
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
pub(super) fn unescape_debug(s: &str) -> String {
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
