//! Merge keys (`- <<: *base`): a shared default for the items of a list, common in
//! hand-written queues. serde_yaml applies them only to its `Value`, so a file that uses
//! one is read into a `Value`, merged, and then into a [`RawFile`]. A `Value` keeps
//! numbers as numbers: in such a file, text that YAML reads as a number (`lot: 0070`) must
//! be quoted, and is refused with that advice rather than misread.

use serde::Deserialize;

use super::ParseError;
use super::annotate::annotate;
use super::reword::reword;
use crate::status::problem::Loc;
use crate::status::raw::{RawFile, with_serials};

/// True when `text` writes a merge key (`<<:`) as a key: first on its line (after an
/// item's `- `) or after a flow mapping's `{` or `,`.
pub fn has_merge_key(text: &str) -> bool {
    // Each `<` followed by `<`, found with the fast search of one character (a search for
    // `<<` reads every byte more slowly). A `<` after another `<` is no key's start.
    text.match_indices('<').any(|(at, _)| {
        if text.as_bytes().get(at + 1) != Some(&b'<') {
            return false;
        }
        let before = text[..at].trim_end_matches(' ');
        let key_start = before.is_empty()
            || before.ends_with(['\n', '{', ','])
            || before.ends_with('-') && before[..before.len() - 1].ends_with([' ', '\n']);
        let after = text[at + 2..].trim_start_matches([' ', '"', '\'']);
        key_start && after.starts_with(':')
    })
}

/// Reads a file that uses merge keys.
pub fn parse(text: &str) -> Result<RawFile, ParseError> {
    let mut value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| reword(&e, text))?;
    value.apply_merge().map_err(|e| ParseError {
        loc: first_merge_key(text),
        message: format!(
            "a merge key (`<<:`) takes an alias of a mapping or a list of them \
             (`<<: *base` or `<<: [*a, *b]`), not {}",
            plain(&e.to_string())
        ),
    })?;
    let mut raw = with_serials(|| RawFile::deserialize(value)).map_err(|e| {
        let mut p = reword(&e, text);
        // A `Value` has no places: the error points at the first merge key.
        if !p.loc.is_known() {
            p.loc = first_merge_key(text);
        }
        if p.message.contains(", found the number")
            || p.message.contains(", found true")
            || p.message.contains(", found false")
        {
            p.message.push_str(
                ": in a file that uses merge keys (`<<:`), put text that looks like a \
                 number or a yes/no in quotes",
            );
        }
        p
    })?;
    annotate(&mut raw, text);
    Ok(raw)
}

/// What serde_yaml's merge error says was found, in words.
fn plain(message: &str) -> &'static str {
    if message.contains("sequence") && message.contains("element") {
        "a list inside the list"
    } else if message.contains("tag") {
        "a tagged value"
    } else {
        "a single value"
    }
}

/// Where the first merge key is written.
fn first_merge_key(text: &str) -> Loc {
    for (i, line) in text.lines().enumerate() {
        if let Some(col) = line.find("<<") {
            return Loc::new(i as u32 + 1, line[..col].chars().count() as u32 + 1);
        }
    }
    Loc::UNKNOWN
}

#[cfg(test)]
mod tests {
    use super::has_merge_key;

    #[test]
    fn a_merge_key_is_found_where_a_key_starts_only() {
        let keys = [
            "<<: *base\n",
            "a: 1\n<<: *base\n",
            "  - <<: *base\n",
            "x: {a: 1, <<: *b}\n",
            "x: {<<: *b}\n",
            "a: 1\n   <<   : *b\n",
        ];
        for text in keys {
            assert!(has_merge_key(text), "{text:?}");
        }
        let not_keys = [
            "",
            "<",
            "a: x << y\n",
            "a: <<<: b\n",
            "<<<: b\n",
            "a: 1 <<: b\n",
            "note: \"<< here\"\n",
            // Quoted, `<<` is a plain key, not a merge key.
            "a:\n  \"<<\": *b\n",
            "a: <\n<b: 1\n",
        ];
        for text in not_keys {
            assert!(!has_merge_key(text), "{text:?}");
        }
    }
}
