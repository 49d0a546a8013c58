//! A bad record costs that record, not the file (issue 11): when a value of one item of
//! `variants`, `stages`, `queue` or `deliveries` cannot be read (an impossible date, a
//! text for a number), that item is left out and the rest of the file read again. Used
//! when a file has no last good content to fall back on; a syntax error, or a problem
//! outside the items, still refuses the file.

use super::locate;
use super::{ParseError, parse_within};
use crate::status::Limits;
use crate::status::raw::{LeftOutId, RawFile};

/// The most records left out of one file before it is refused whole: each costs one more
/// parse of the file.
pub const MAX_LEFT_OUT: usize = 25;

/// The sections whose items may be left out one by one.
const SECTIONS: [&str; 4] = ["variants", "stages", "queue", "deliveries"];

/// Parses `text` like [`parse_within`], leaving out each item whose value cannot be read;
/// gives the file and the problem of each item left out, in the order of the file.
pub fn parse_leaving_out(
    text: &str,
    limits: Limits,
) -> Result<(RawFile, Vec<ParseError>), ParseError> {
    let mut current: Option<String> = None;
    let mut left_out = Vec::new();
    // The items left out so far, by section and place in the file as written: a blanked
    // item is no longer an item, so the later ones are numbered one less in the new text.
    let mut removed: Vec<(&str, usize)> = Vec::new();
    let mut ids: Vec<LeftOutId> = Vec::new();
    loop {
        let now = current.as_deref().unwrap_or(text);
        let e = match parse_within(now, limits) {
            Ok(mut raw) => {
                left_out.sort_by_key(|e: &ParseError| (e.loc.line, e.loc.column));
                raw.left_out_ids = ids;
                return Ok((raw, left_out));
            }
            Err(e) => e,
        };
        let Some((section, index, range)) = record_of(now, &e) else {
            return Err(renumbered(e, &removed));
        };
        if left_out.len() >= MAX_LEFT_OUT {
            return Err(renumbered(e, &removed));
        }
        // Blank, not removed: every other line keeps its number and its places.
        let mut next = String::with_capacity(now.len());
        next.push_str(&now[..range.start]);
        next.extend(
            now[range.clone()]
                .chars()
                .map(|c| if c == '\n' || c == '\r' { c } else { ' ' }),
        );
        next.push_str(&now[range.end..]);
        if let Some(id) = id_of(&now[range.clone()]).filter(|_| section != "queue") {
            ids.push(LeftOutId {
                section,
                id,
                loc: e.loc,
            });
        }
        current = Some(next);
        let e = renumbered(e, &removed);
        removed.push((section, original_index(&removed, section, index)));
        left_out.push(e);
    }
}

/// The `id` an item's lines (`  - id: grf-tt` …) give, when they are a list of one mapping
/// whose `id` is a text: read leniently, each value as YAML reads it alone, so that the bad
/// value that left the item out does not hide its `id`.
/// When the item does not read at all (a key written twice), its first line still gives
/// a plain `- id: VALUE`.
fn id_of(item: &str) -> Option<String> {
    let read = serde_yaml::from_str::<serde_yaml::Value>(item)
        .ok()
        .and_then(|value| {
            let id = value
                .as_sequence()?
                .first()?
                .get("id")?
                .as_str()?
                .to_owned();
            Some(id)
        });
    let id = read.or_else(|| {
        let first = item.lines().find(|l| !l.trim().is_empty())?;
        let id = first.trim_start().strip_prefix("- id:")?;
        let id = id.split(" #").next()?.trim();
        let plain = id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ' '));
        plain.then(|| id.to_owned())
    })?;
    let id = id.trim();
    (!id.is_empty()).then(|| crate::text::clean_whole(id).into_owned())
}

/// The place in the file as written of the item numbered `index` of `section` once the
/// items `removed` were blanked.
fn original_index(removed: &[(&str, usize)], section: &str, index: usize) -> usize {
    let mut gone: Vec<usize> = removed
        .iter()
        .filter(|(s, _)| *s == section)
        .map(|&(_, i)| i)
        .collect();
    gone.sort_unstable();
    gone.into_iter()
        .fold(index, |at, g| if g <= at { at + 1 } else { at })
}

/// `e` with the item it names (`queue[3]…`) numbered as in the file as written.
fn renumbered(e: ParseError, removed: &[(&str, usize)]) -> ParseError {
    let Some((section, index)) = item_named(&e) else {
        return e;
    };
    let original = original_index(removed, section, index);
    if original == index {
        return e;
    }
    let named = format!("{section}[{index}]");
    let message = format!("{section}[{original}]{}", &e.message[named.len()..]);
    ParseError { message, ..e }
}

/// The section and item a problem names at its start (`queue[3].since: …`).
fn item_named(e: &ParseError) -> Option<(&'static str, usize)> {
    let (section, rest) = e.message.split_once('[')?;
    let section = SECTIONS.into_iter().find(|s| *s == section)?;
    let index: usize = rest.split_once(']')?.0.parse().ok()?;
    Some((section, index))
}

/// The section, the item and the lines of the item the problem `e` is in, when it names
/// one (`queue[3].since: …`) and that item stands where the problem is (block style).
fn record_of(text: &str, e: &ParseError) -> Option<(&'static str, usize, std::ops::Range<usize>)> {
    let (section, index) = item_named(e)?;
    let sections = locate::sections(text);
    let s = sections.iter().find(|s| s.name == section)?;
    let entry = s.entries.get(index)?;
    let (first, last) = entry.line_span();
    if !(first..=last).contains(&e.loc.line) {
        return None;
    }
    Some((section, index, entry.lines_in(text)?))
}
