//! A file too large to read whole (more values than `limits.max_entries`): it loads when
//! it can be cut into pieces ([`super::slice`]) that each hold few enough, since the YAML
//! library holds one piece's events at a time. Its problems are then found piece by piece
//! and placed in the whole text, so that it is never read whole, not even to say what is
//! wrong with it.

use super::ParseError;
use super::guard::{self, Exceeded};
use super::reword::reword;
use super::slice::{Cut, Section};
use crate::status::Limits;
use crate::status::problem::Loc;
use crate::status::raw::{RawDelivery, RawFile, RawVehicle};

/// The first piece of `cut` that holds more than the limits allow, placed in `text`.
pub fn over_limits(text: &str, cut: &Cut, limits: Limits) -> Option<Exceeded> {
    for list in &cut.lists {
        for slice in &list.slices {
            if let Err(e) = guard::scan(slice, limits) {
                return Some(e.moved(lines_before(text, offset(text, slice))));
            }
        }
    }
    match guard::scan(&cut.rest, limits) {
        Err(e) => {
            let line = rest_line(text, cut, e.loc().line);
            Some(e.moved(line - e.loc().line))
        }
        Ok(_) => None,
    }
}

/// The first problem of the pieces of `cut`, placed in `text`, with the paths of list
/// items numbered as in the whole list (`queue[300]`, not `[44]`).
pub fn first_error(text: &str, cut: &Cut) -> Option<ParseError> {
    for list in &cut.lists {
        let mut before = 0;
        for slice in &list.slices {
            let parsed = match list.section {
                Section::Queue => serde_yaml::from_str::<Vec<RawVehicle>>(slice).map(|v| v.len()),
                Section::Deliveries => {
                    serde_yaml::from_str::<Vec<RawDelivery>>(slice).map(|v| v.len())
                }
            };
            match parsed {
                Ok(n) => before += n,
                Err(e) => {
                    let mut p = reword(&e, slice);
                    if p.loc.is_known() {
                        p.loc.line += lines_before(text, offset(text, slice));
                    }
                    p.message = renumber(&p.message, list.section, before);
                    return Some(p);
                }
            }
        }
    }
    let e = serde_yaml::from_str::<RawFile>(&cut.rest).err()?;
    let mut p = reword(&e, &cut.rest);
    if p.loc.is_known() {
        p.loc.line = rest_line(text, cut, p.loc.line);
    }
    Some(p)
}

/// `.[i]…` as `queue[before + i]…`.
fn renumber(message: &str, section: Section, before: usize) -> String {
    let key = match section {
        Section::Queue => "queue",
        Section::Deliveries => "deliveries",
    };
    // serde_yaml writes the path of an item of a document that is a list `.[i]`.
    let Some((i, rest)) = message
        .strip_prefix(".[")
        .or_else(|| message.strip_prefix('['))
        .and_then(|m| m.split_once(']'))
        .and_then(|(i, rest)| Some((i.parse::<usize>().ok()?, rest)))
    else {
        return message.to_owned();
    };
    format!("{key}[{}]{rest}", before + i)
}

/// Where `piece` (a part of `text`) starts in it, in bytes.
fn offset(text: &str, piece: &str) -> usize {
    (piece.as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

/// The lines of `text` before byte `at`.
fn lines_before(text: &str, at: usize) -> u32 {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
}

/// The line of `text` that line `line` of `cut.rest` is.
fn rest_line(text: &str, cut: &Cut, line: u32) -> u32 {
    let mut removed = 0;
    for &(a, b) in &cut.taken {
        // The first line after the range, as numbered in the rest.
        let after = lines_before(text, a) - removed + 1;
        if line < after {
            break;
        }
        removed += lines_before(text, b) - lines_before(text, a);
    }
    line + removed
}

impl Exceeded {
    /// The same limit crossed `lines` further down.
    fn moved(self, lines: u32) -> Exceeded {
        let m = |l: Loc| Loc::new(l.line + lines, l.column);
        match self {
            Exceeded::Entries(l) => Exceeded::Entries(m(l)),
            Exceeded::Depth(l) => Exceeded::Depth(m(l)),
            Exceeded::Expanded(l) => Exceeded::Expanded(m(l)),
            Exceeded::ExpandedDepth(l) => Exceeded::ExpandedDepth(m(l)),
            Exceeded::Repeated(l) => Exceeded::Repeated(m(l)),
        }
    }
}
