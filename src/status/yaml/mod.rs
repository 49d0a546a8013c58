//! The YAML layer: the one place that calls the YAML library. Text in, a [`RawFile`]
//! with the places of its entries, or a located problem, out: [`parse_within`].
//!
//! serde_yaml is fast (see BENCHMARKS.md) but trusts its input and keeps every event of a
//! document in memory; what this layer adds to it, each part in its own module:
//! - [`guard`]: the limits of size, depth and alias expansion, checked before the memory
//!   or time is spent;
//! - [`slice`]: long block-style lists read a slice at a time, for memory;
//! - [`visits`]: stage histories written in their plain form read by hand, for time;
//! - [`plain`]: slices of plain records read by hand, for time;
//! - [`locate`] and [`annotate`]: the places of sections, entries and fields, which
//!   serde_yaml gives only with an error (those of a queue read by hand as the plain
//!   reader noted them, `plain::places`);
//! - [`reword`] and [`place`]: its errors in a programme officer's words, at the right
//!   place;
//! - [`merge`]: merge keys (`<<: *base`), which serde_yaml leaves to its `Value`.

mod annotate;
pub mod guard;
pub mod locate;
mod merge;
mod pieces;
mod place;
pub mod plain;
mod records;
mod reword;
mod search;
pub mod slice;
#[cfg(test)]
mod tests;
pub mod visits;

use super::Limits;
use super::problem::Loc;
use super::raw::RawFile;
pub use crate::text::is_blank;
pub use records::{MAX_LEFT_OUT, parse_leaving_out};

/// A file that could not be read as a status file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Where the problem is, as near as can be told.
    pub loc: Loc,
    /// What is wrong and what to write instead.
    pub message: String,
}

/// Parses one status file within the default [`Limits`].
pub fn parse(text: &str) -> Result<RawFile, ParseError> {
    parse_within(text, Limits::DEFAULT)
}

/// Parses one status file and finds where its entries stand, refusing it before the
/// memory or time is spent when it nests deeper than `limits`, or when what the YAML
/// library would hold at once (the whole file, or one piece of it read in slices, aliases
/// expanded) has more entries. Long lists are read a slice at a time (see [`slice`]).
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
    // The values written are counted per piece read at once, below, not per file: a plain
    // file under `max_file_bytes` read in slices loads whatever its length.
    let whole_file = Limits {
        max_entries: usize::MAX,
        ..limits
    };
    let (shape, outline) = guard::outline(text, whole_file).map_err(exceeded)?;
    let too_many = shape.entries > limits.max_entries;
    // Only a file with an alias can expand beyond what its text holds.
    if shape.aliases {
        if too_many {
            return Err(exceeded(first_crossing(text, limits)));
        }
        guard::count(text, limits).map_err(exceeded)?;
    }
    if merge::has_merge_key(text) {
        if too_many {
            return Err(exceeded(first_crossing(text, limits)));
        }
        return merge::parse(text);
    }
    // An alias may name an anchor of another slice: such a file is read whole.
    let cut = (!shape.aliases)
        .then(|| slice::cut(text, &outline, per_slice))
        .flatten();
    drop(outline);
    if too_many {
        // Never read whole: cut in pieces that each hold few enough, or refused.
        let Some(mut cut) = cut else {
            return Err(exceeded(first_crossing(text, limits)));
        };
        // Each piece within the limits before it is parsed, checked by the thread that
        // parses it; when one is not, or a piece does not parse, the first problem is
        // sought piece by piece, in the order of the text.
        cut.check = Some(limits);
        let (mut raw, given) = match cut.parse_placed() {
            Some(parsed) => parsed,
            None => {
                if let Some(e) = pieces::over_limits(text, &cut, limits) {
                    return Err(exceeded(e));
                }
                return Err(pieces::first_error(text, &cut)
                    .unwrap_or_else(|| exceeded(first_crossing(text, limits))));
            }
        };
        annotate::annotate_given(&mut raw, text, given);
        return Ok(raw);
    }
    if let Some((mut raw, given)) = cut.and_then(|c| c.parse_placed()) {
        annotate::annotate_given(&mut raw, text, given);
        return Ok(raw);
    }
    // Plain histories read by hand, unless an alias might repeat one (see visits).
    if !shape.aliases
        && let Ok(mut raw) =
            super::raw::with_serials(|| visits::parse(text, |_| None).unwrap_or(Err(())))
    {
        annotate::annotate(&mut raw, text);
        return Ok(raw);
    }
    // The serials of the file go into one text of its own (see raw::SerialRef).
    let parsed = super::raw::with_serials(|| serde_yaml::from_str(text));
    let mut raw: RawFile = parsed.map_err(|e| {
        // A syntax error further on comes first: a value of the wrong type before an
        // unclosed `[` is most likely the `[`'s fault.
        match serde_yaml::from_str::<serde::de::IgnoredAny>(text) {
            Err(syntax) => reword::reword(&syntax, text),
            Ok(_) => reword::reword(&e, text),
        }
    })?;
    annotate::annotate(&mut raw, text);
    Ok(raw)
}

/// Where `text` crosses `limits.max_entries`, read as a whole.
fn first_crossing(text: &str, limits: Limits) -> guard::Exceeded {
    match guard::scan(text, limits) {
        Err(e) => e,
        Ok(_) => guard::Exceeded::Entries(Loc::UNKNOWN),
    }
}
