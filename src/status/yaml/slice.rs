//! Reading the long lists of a status file a slice at a time.
//!
//! serde_yaml turns a whole document into a list of events before it deserializes the
//! first value: some 15 bytes of memory for every byte of YAML, 26 MB for a queue file of
//! 1.8 MB, on top of every record already kept. Almost all of a large file is one list,
//! the `queue:` or the `deliveries:`, and an item of such a list means the same whatever
//! list it stands in. So [`cut`] takes the items of those lists out of the text, in slices
//! of a few hundred items, and [`Cut::parse`] reads each slice as a document of its own
//! (a list), then the rest of the file (every other section, and the two keys with their
//! items taken out) as one more. Only one slice's events are in memory at a time.
//!
//! A file is only cut where its text is plainly block style: the key alone on its line at
//! column 0, every item a `- ` at one column, every line of the items indented at least as
//! far as that column (the guard's scanner finds the items, see [`Outline`]). Anything
//! else, and any piece that does not parse, and the caller reads the file whole, so that a
//! problem is reported as the whole file gives it, at its place.
//!
//! When the load has a core to spare, the pieces are parsed on several threads (`slice::apart`),
//! and joined into what one thread gives.

mod apart;

use std::sync::atomic::Ordering::Relaxed;

use serde::de::DeserializeOwned;

use super::guard::{Mark, Outline};
use super::plain::{self, Keys, Placed};
use crate::status::Limits;
use crate::status::raw::{RawFile, with_serials};
pub use apart::{slices_read_apart, with_threads};

/// Items read in one piece: about 40 KB of YAML, half a megabyte of events, which the
/// allocator reuses from one slice to the next (see `BENCHMARKS.md` for the sizes tried).
pub const ITEMS_PER_SLICE: usize = 256;

/// A file's text cut into pieces (see the module's documentation).
#[derive(Debug)]
pub struct Cut<'t> {
    /// The text without the items of the lists that were cut.
    pub rest: String,
    /// The lists cut out, in the order of the text.
    pub lists: Vec<List<'t>>,
    /// The byte ranges of the text taken out of `rest`, in order: whole lines.
    pub taken: Vec<(usize, usize)>,
    /// When set, every piece is scanned by the guard within these limits just before it
    /// is parsed, on the thread that parses it, and the parse fails at the first piece
    /// past them (the caller then finds it with `pieces::over_limits`): for a file too
    /// large to read whole, whose pieces must each hold few enough.
    pub check: Option<Limits>,
}

/// The items of one top-level list, in slices.
#[derive(Debug)]
pub struct List<'t> {
    /// The section the list is the value of.
    pub section: Section,
    /// Each slice's text, in the order of the file.
    pub slices: Vec<&'t str>,
    /// How many items the slices hold together.
    pub items: usize,
}

/// The sections that are cut: the ones a large programme makes long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// `queue:`
    Queue,
    /// `deliveries:`
    Deliveries,
}

impl Section {
    /// What the plain reader notes of the section's records.
    fn keys(self) -> Keys {
        match self {
            Section::Queue => Keys::Vehicle,
            Section::Deliveries => Keys::All,
        }
    }

    /// The section whose key is written alone on `line` (a comment may follow).
    fn of_line(line: &str) -> Option<Section> {
        let (key, after) = line.split_once(':')?;
        let after = after.trim_start_matches([' ', '\t']);
        if !(after.is_empty() || after.starts_with('#')) {
            return None;
        }
        match key {
            "queue" => Some(Section::Queue),
            "deliveries" => Some(Section::Deliveries),
            _ => None,
        }
    }
}

/// Cuts the top-level lists of more than `per_slice` items that [`Section`] names into
/// slices of `per_slice` items; `None` when there is nothing to cut.
pub fn cut<'t>(text: &'t str, outline: &Outline, per_slice: usize) -> Option<Cut<'t>> {
    let per_slice = per_slice.max(1);
    if outline.odd_breaks {
        return None;
    }
    let marks = &outline.marks;
    let mut lists = Vec::new();
    // The byte ranges of the items taken out of the text.
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < marks.len() {
        let Mark::Top(key_at) = marks[i] else {
            i += 1;
            continue;
        };
        let first = i + 1;
        i = first;
        while matches!(marks.get(i), Some(Mark::Item { .. })) {
            i += 1;
        }
        let end = match marks.get(i) {
            Some(&Mark::Top(at)) => at,
            _ => text.len(),
        };
        let items = &marks[first..i];
        let (Some(&Mark::Item { at: start, col }), true) = (items.first(), items.len() > per_slice)
        else {
            continue;
        };
        let Some(section) = Section::of_line(first_line(&text[key_at..])) else {
            continue;
        };
        let key_end = key_at + first_line(&text[key_at..]).len();
        let one_column = items
            .iter()
            .all(|m| matches!(m, Mark::Item { col: c, .. } if *c == col));
        if !one_column || !only_comments(&text[key_end..start]) || !indented(&text[start..end], col)
        {
            continue;
        }
        let starts: Vec<usize> = items
            .iter()
            .step_by(per_slice)
            .map(|m| match m {
                Mark::Item { at, .. } | Mark::Top(at) => *at,
            })
            .collect();
        let slices = starts
            .iter()
            .zip(starts.iter().skip(1).chain(Some(&end)))
            .map(|(&a, &b)| &text[a..b])
            .collect();
        lists.push(List {
            section,
            slices,
            items: items.len(),
        });
        taken.push((start, end));
    }
    if lists.is_empty() {
        return None;
    }
    let mut rest =
        String::with_capacity(text.len() - taken.iter().map(|(a, b)| b - a).sum::<usize>());
    let mut from = 0;
    for &(a, b) in &taken {
        rest.push_str(&text[from..a]);
        from = b;
    }
    rest.push_str(&text[from..]);
    Some(Cut {
        rest,
        lists,
        taken,
        check: None,
    })
}

impl Cut<'_> {
    /// Reads the pieces into one file; `None` when any piece does not parse, or the
    /// pieces do not add up to the lists they were cut from. Plain histories are read by
    /// hand ([`super::visits`]); when that parse fails, the pieces are read again as
    /// written. On several threads when the load has a core to spare (`slice::apart`); on
    /// this one, as here, when that fails.
    pub fn parse(&self) -> Option<RawFile> {
        self.parse_placed().map(|(raw, _)| raw)
    }

    /// [`Cut::parse`], with the places of the queue's vehicles, and of the deliveries, when
    /// the plain reader read every slice of the list and noted them ([`Given`]).
    pub fn parse_placed(&self) -> Option<(RawFile, Option<Given>)> {
        if let Some((raw, placed)) = apart::parse(self) {
            return Some((raw, self.given(placed)));
        }
        let mut marked = false;
        let (raw, placed) = match self.parse_reading(true, &mut marked) {
            Some(parsed) => parsed,
            None if marked => self.parse_reading(false, &mut marked)?,
            None => return None,
        };
        Some((raw, self.given(placed)))
    }

    /// [`Cut::parse`], reading plain histories by hand when `by_hand`; `marked` is set
    /// when a piece was parsed with markers. With what the plain reader noted of each
    /// slice, in the order of the lists.
    fn parse_reading(
        &self,
        by_hand: bool,
        marked: &mut bool,
    ) -> Option<(RawFile, Vec<Option<Placed>>)> {
        let mut placed = Vec::new();
        if let Some(limits) = self.check {
            let pieces = self.lists.iter().flat_map(|l| l.slices.iter().copied());
            for piece in pieces.chain([self.rest.as_str()]) {
                super::guard::scan(piece, limits).ok()?;
            }
        }
        let raw = with_serials(|| {
            let (mut raw, _): (RawFile, _) = read(&self.rest, by_hand, marked, None)?;
            for list in &self.lists {
                // The rest holds the key with no value: anything else there is not the
                // file that was cut.
                let filled = match list.section {
                    Section::Queue => fill(&mut raw.queue, list, by_hand, marked, &mut placed),
                    Section::Deliveries => {
                        fill(&mut raw.deliveries, list, by_hand, marked, &mut placed)
                    }
                };
                if !filled {
                    return Err(());
                }
            }
            Ok(raw)
        })
        .ok()?;
        Some((raw, placed))
    }

    /// The places of the queue's vehicles and of the deliveries, each when every slice of
    /// its list gave its own (`placed`, one per slice, in the order of the lists).
    fn given(&self, placed: Vec<Option<Placed>>) -> Option<Given> {
        if placed.len() != self.lists.iter().map(|l| l.slices.len()).sum::<usize>() {
            return None;
        }
        let mut given = Given::default();
        let mut placed = placed.into_iter();
        for (list, &(start, end)) in self.lists.iter().zip(&self.taken) {
            let slices: Option<Vec<Placed>> = placed.by_ref().take(list.slices.len()).collect();
            let noted = slices.map(|slices| GivenList { start, end, slices });
            match list.section {
                Section::Queue => given.queue = noted,
                Section::Deliveries => given.deliveries = noted,
            }
        }
        Some(given)
    }
}

/// The places of the records of a cut file's lists as the plain reader noted them: the
/// locator need not read those lines again (`yaml::annotate`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Given {
    /// The queue's vehicles, when every slice of it was noted.
    pub queue: Option<GivenList>,
    /// The deliveries, when every slice of them was noted.
    pub deliveries: Option<GivenList>,
}

/// The places of the records of one cut list as the plain reader noted them, slice by
/// slice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GivenList {
    /// Where the items of the list start in the text (a line's start).
    pub start: usize,
    /// Where they end (the next line not theirs, or the end of the text).
    pub end: usize,
    /// What was noted of each slice, in order, lines counted from the slice's first.
    pub slices: Vec<Placed>,
}

/// One piece read: by hand when it is a slice of plain records ([`super::plain`]), their
/// plain histories too when `by_hand`, with the places of its records as `place` says
/// (when [`plain::placing`]); else its plain histories by hand when `by_hand` (`marked`
/// set then); else by serde_yaml.
fn read<T: DeserializeOwned>(
    piece: &str,
    by_hand: bool,
    marked: &mut bool,
    place: Option<Keys>,
) -> Result<(T, Option<Placed>), ()> {
    let histories = by_hand && super::visits::ENABLED.load(Relaxed);
    let place = place.filter(|_| plain::placing());
    if let Some(parsed) = plain::read_placing(piece, histories, place) {
        return Ok(parsed);
    }
    if by_hand && let Some(parsed) = super::visits::parse(piece, |t| plain::read(t, false)) {
        *marked = true;
        return parsed.map(|v| (v, None));
    }
    serde_yaml::from_str(piece).map(|v| (v, None)).map_err(drop)
}

/// Reads the items of `list`, slice by slice, into the empty `section`, and what the
/// plain reader noted of each slice into `placed`; false when a slice does not parse,
/// the items do not add up, or the section was not empty.
fn fill<T: DeserializeOwned>(
    section: &mut Option<Vec<T>>,
    list: &List,
    by_hand: bool,
    marked: &mut bool,
    placed: &mut Vec<Option<Placed>>,
) -> bool {
    if section.is_some() {
        return false;
    }
    let mut all = Vec::with_capacity(list.items);
    for slice in &list.slices {
        match read::<Vec<T>>(slice, by_hand, marked, Some(list.section.keys())) {
            Ok((items, noted)) => {
                all.extend(items);
                placed.push(noted);
            }
            Err(()) => return false,
        }
    }
    let whole = all.len() == list.items;
    *section = Some(all);
    whole
}

/// The first line of `text`, without its line break.
fn first_line(text: &str) -> &str {
    text.split(['\n', '\r']).next().unwrap_or_default()
}

/// True when `text` holds blank lines and comments only.
fn only_comments(text: &str) -> bool {
    indented(text, usize::MAX)
}

/// True when every line of `text` with content is indented `col` spaces or more. (The
/// lines of a file with breaks other than LF and CR LF are never cut.)
fn indented(text: &str, col: usize) -> bool {
    // Byte by byte: this reads every byte of a large file once more.
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        while b.get(i) == Some(&b' ') {
            i += 1;
        }
        if i - start < col {
            while matches!(b.get(i), Some(b' ' | b'\t' | b'\r')) {
                i += 1;
            }
            if !matches!(b.get(i), None | Some(b'\n' | b'#')) {
                return false;
            }
        }
        match plain::find_lf(&b[i..]) {
            Some(p) => i += p + 1,
            None => break,
        }
    }
    true
}

#[cfg(test)]
mod tests;
