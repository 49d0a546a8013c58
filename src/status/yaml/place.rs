//! Finding in a file's text the place an error of serde_yaml is about, when serde_yaml
//! gives none or gives another (the second key written twice, the second document, the
//! first control character, the name of an alias).

use crate::status::problem::Loc;

/// Splits `what at line L column C` into `what` and the place.
pub(super) fn split_location(s: &str) -> (&str, Option<Loc>) {
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
pub(super) fn strip_locations(s: &str) -> String {
    s.split(", ")
        .map(|part| split_location(part).0)
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn line_has_tab(text: &str, loc: Loc) -> bool {
    loc.is_known()
        && text
            .lines()
            .nth(loc.line as usize - 1)
            .is_some_and(|l| l.contains('\t'))
}

/// The key in "`key` is written twice", the form of every duplicate-key message.
pub(super) fn written_twice(msg: &str) -> Option<&str> {
    let (before, _) = msg.split_once("` is written twice")?;
    Some(&before[before.rfind('`')? + 1..])
}

/// Where `key` is written the second time in the mapping that starts at `from`: at the
/// same column on a later line (block style), else later on the same line (flow style).
pub(super) fn second_key(text: &str, from: Loc, key: &str) -> Option<Loc> {
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
pub(super) fn second_document(text: &str) -> Loc {
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
pub(super) fn first_control(text: &str) -> (Loc, char) {
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
pub(super) fn alias_at(text: &str, loc: Loc) -> String {
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
