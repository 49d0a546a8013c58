//! Fills in the places of a parsed file's sections, entries and fields from its text,
//! with [`super::locate`], or from what the plain reader noted ([`Given`]).

use std::collections::HashMap;

use super::locate::{self, Section};
use super::plain::{KeyAt, Placed};
use super::slice::{Given, GivenList};
use crate::status::problem::Loc;
use crate::status::raw::{Below, Places, RawDelivery, RawFile, RawVehicle, RawVisit};

/// Fills in the locations of sections, entries and the fields problems point at.
pub(super) fn annotate(raw: &mut RawFile, text: &str) {
    annotate_given(raw, text, None);
}

/// [`annotate`], the queue's vehicles and their visits, and the deliveries with their
/// histories, placed as `given` says when it gives them all: the locator then passes
/// over their lines.
pub(super) fn annotate_given(raw: &mut RawFile, text: &str, given: Option<Given>) {
    let given = given.unwrap_or_default();
    let queue = raw.queue.as_deref().unwrap_or_default();
    let given_queue = given.queue.filter(|g| fits(g, queue));
    let deliveries = raw.deliveries.as_deref().unwrap_or_default();
    let given_deliveries = given
        .deliveries
        .filter(|g| fits_deliveries(g, deliveries, raw));
    let mut skip: Vec<(usize, usize, u32)> = [&given_queue, &given_deliveries]
        .into_iter()
        .flatten()
        .map(|g| (g.start, g.end, g.slices.iter().map(|s| s.lines).sum()))
        .collect();
    skip.sort_unstable();
    let sections = locate::sections_skipping(text, &skip);
    let given = given_queue;
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
            if let Some(lead) = st.lead_time_days.as_mut() {
                lead.loc = e.key("lead_time_days").unwrap_or(e.loc);
            }
        });
    }
    let (visits, far) = (&mut raw.visits, &mut raw.far_places);
    if let (Some(given), Some(items)) = (&given, raw.queue.as_mut()) {
        place_given(items, visits, far, text, given);
    } else if let (Some(items), Some(s)) = (raw.queue.as_mut(), find("queue")) {
        for_entries(items, s, |v, e| {
            let key = |k| e.key(k).unwrap_or(e.loc);
            // A history has `stage` and `since` keys of its own: the vehicle's are the ones
            // at its entry's column (block style), wherever the history is written.
            let own = |k| {
                let first = e.key(k);
                if v.history.is_empty() || first.is_some_and(|l| l.column == e.loc.column) {
                    return first.unwrap_or(e.loc);
                }
                let all = e.keys_after(k, Loc::UNKNOWN);
                all.iter()
                    .find(|l| l.column == e.loc.column)
                    .or(all.first())
                    .copied()
                    .unwrap_or(e.loc)
            };
            v.places = Places::new(
                e.loc,
                [key("variant"), own("stage"), own("since"), key("due")],
                far,
            );
            if !v.history.is_empty()
                && let Some((history, line)) = e.key_line("history")
                && let Some(run) = visits.get_mut(v.history.range())
            {
                // Placed as found, reading no further than the last visit's.
                let mut placed = 0;
                e.each_key_after_from("stage", history, line, |loc| {
                    if let Some(visit) = run.get_mut(placed) {
                        visit.at = Below::new(e.loc, loc);
                        placed += 1;
                    }
                    placed < run.len()
                });
                if placed < run.len() {
                    place_visits(run, e.loc, history, &[]);
                }
            }
        });
    }
    let (histories, serials, far) = (&mut raw.histories, &raw.serials, &mut raw.far_places);
    if let (Some(given), Some(items)) = (&given_deliveries, raw.deliveries.as_mut()) {
        super::plain::count_deliveries_placed();
        let mut delivered = items.iter_mut();
        let mut first = 1 + super::plain::count_breaks(text_before(text, given.start));
        let mut piece_at = given.start;
        for slice in &given.slices {
            let piece = text
                .get(piece_at..piece_at + slice.bytes)
                .unwrap_or_default();
            for (i, d) in delivered.by_ref().take(slice.records.len()).enumerate() {
                let noted = Noted::of(slice, i, first, piece);
                d.places = Places::new(noted.entry, noted.fields(), far);
                let Some(kept) = histories.get_mut(d.histories.range()) else {
                    continue;
                };
                let Some(at) = noted.find("histories", 0) else {
                    continue;
                };
                let stages: Vec<Loc> = noted.visits.iter().map(|&v| noted.loc(v)).collect();
                let mut next = 0;
                for h in kept.iter_mut() {
                    let serial = serials.get(h.serial.range()).unwrap_or_default();
                    let serial_at = noted
                        .find(serial, at + 1)
                        .map_or(noted.key_loc(at), |k| noted.key_loc(k));
                    h.at = Below::new(noted.entry, serial_at);
                    let n = h.visits.len();
                    if let Some(run) = visits.get_mut(h.visits.range()) {
                        let theirs = stages.get(next..next + n).unwrap_or_default();
                        place_visits(run, noted.entry, serial_at, theirs);
                    }
                    next += n;
                }
            }
            first += slice.lines;
            piece_at += slice.bytes;
        }
    } else if let (Some(items), Some(s)) = (raw.deliveries.as_mut(), find("deliveries")) {
        for_entries(items, s, |d, e| {
            let key = |k| e.key(k).unwrap_or(e.loc);
            let fields = [key("variant"), key("date"), key("serials")];
            d.places = Places::new(e.loc, fields, far);
            let (Some((at, line)), Some(kept)) = (
                e.key_line("histories"),
                histories.get_mut(d.histories.range()),
            ) else {
                return;
            };
            // The visits of every history of the record, one after the other.
            let stages = e.keys_after_from("stage", at, line);
            // The serials' keys sought in one pass, not one pass each.
            let keys: Vec<&str> = kept
                .iter()
                .map(|h| serials.get(h.serial.range()).unwrap_or_default())
                .collect();
            let found = e.first_keys_after(&keys, at, line);
            let mut next = 0;
            for (h, serial_at) in kept.iter_mut().zip(found) {
                let serial_at = serial_at.unwrap_or(at);
                h.at = Below::new(e.loc, serial_at);
                let n = h.visits.len();
                if let Some(run) = visits.get_mut(h.visits.range()) {
                    let theirs = stages.get(next..next + n).unwrap_or_default();
                    place_visits(run, e.loc, serial_at, theirs);
                }
                next += n;
            }
        });
    }
    if let (Some(plan), Some(s)) = (raw.plan.as_mut(), find("plan")) {
        // Each lookup reads the year's lines from the top: a year of many thousand
        // variants would take the square of that. Past a budget of bytes read, the
        // entries point at their year.
        let mut lookups = LOCATE_BUDGET / text.len().max(1);
        for_entries(&mut plan.years, s, |y, e| {
            y.loc = e.loc;
            // A variant written twice in a year points at its second writing.
            let mut seen: HashMap<&str, usize> = HashMap::new();
            for entry in &mut y.entries {
                let nth = seen
                    .entry(&entry.variant)
                    .and_modify(|n| *n += 1)
                    .or_insert(0);
                entry.loc = match lookups.checked_sub(1) {
                    Some(left) => {
                        lookups = left;
                        e.nth_key(&entry.variant, *nth).unwrap_or(e.loc)
                    }
                    None => e.loc,
                };
            }
        });
    }
}

/// True when `given` places every vehicle of `queue` and every visit of their histories,
/// slice by slice.
fn fits(given: &GivenList, queue: &[RawVehicle]) -> bool {
    let mut vehicles = queue.iter();
    let all = given.slices.iter().all(|slice| {
        let theirs = vehicles.by_ref().take(slice.records.len());
        let (n, visits) = theirs.fold((0, 0), |(n, v), x| (n + 1, v + x.history.len()));
        n == slice.records.len() && visits == slice.visits.len()
    });
    all && vehicles.next().is_none()
}

/// Places the vehicles of the queue and their visits as `given` (which [`fits`] them)
/// says: the places the locator finds in the same lines (see `plain::places`).
fn place_given(
    queue: &mut [RawVehicle],
    visits: &mut [RawVisit],
    far: &mut Vec<Loc>,
    text: &str,
    given: &GivenList,
) {
    super::plain::count_placed();
    let mut first = 1 + super::plain::count_breaks(text_before(text, given.start));
    let mut vehicles = queue.iter_mut();
    for slice in &given.slices {
        let mut placed = slice.visits.iter();
        // The records first: a zip takes from its first iterator before the second.
        for (r, v) in slice.records.iter().zip(vehicles.by_ref()) {
            let entry = Loc::new(first + r.line, r.column);
            let key = |k: Option<u32>| k.map_or(entry, |l| Loc::new(first + l, r.column));
            v.places = Places::new(entry, r.keys.map(key), far);
            let run = visits.get_mut(v.history.range()).unwrap_or_default();
            for (visit, &(line, column)) in run.iter_mut().zip(placed.by_ref()) {
                visit.at = Below::new(entry, Loc::new(first + line, column));
            }
        }
        first += slice.lines;
    }
}

/// The bytes of `text` before `at`.
fn text_before(text: &str, at: usize) -> &[u8] {
    text.as_bytes().get(..at).unwrap_or_default()
}

/// True when `given` notes every delivery of `deliveries`, slice by slice, and what the
/// locator would find of each can be told from it: no history of a serial `stage` or
/// `since` (the locator would take a visit's key for it).
fn fits_deliveries(given: &GivenList, deliveries: &[RawDelivery], raw: &RawFile) -> bool {
    let records: usize = given.slices.iter().map(|s| s.records.len()).sum();
    let odd = |d: &RawDelivery| {
        let kept = raw.histories.get(d.histories.range()).unwrap_or_default();
        kept.iter().any(|h| {
            let serial = raw.serials.get(h.serial.range()).unwrap_or_default();
            matches!(serial, "stage" | "since")
        })
    };
    records == deliveries.len() && !deliveries.iter().any(odd)
}

/// What the plain reader noted of one delivery ([`super::plain::Keys::All`]), its lines
/// counted from the file's first.
struct Noted<'a> {
    /// Where the record is written.
    entry: Loc,
    /// Its keys, at any depth, in the order of the text.
    keys: &'a [KeyAt],
    /// Its visits' `stage` keys, in order (line and column in the piece).
    visits: &'a [(u32, u32)],
    /// The 1-based line of the piece's first line.
    first: u32,
    /// The piece's text.
    piece: &'a str,
}

impl<'a> Noted<'a> {
    /// Record `i` of `slice`, whose first line is line `first` of the file.
    fn of(slice: &'a Placed, i: usize, first: u32, piece: &'a str) -> Noted<'a> {
        let records = &slice.records;
        let r = records.get(i).copied();
        let next = records.get(i + 1);
        let keys_to = next.map_or(slice.keys.len(), |n| n.keys_from as usize);
        let visits_to = next.map_or(slice.visits.len(), |n| n.visits_from as usize);
        let (line, column, keys_from, visits_from) = r.map_or((0, 0, 0, 0), |r| {
            (r.line, r.column, r.keys_from, r.visits_from)
        });
        Noted {
            entry: Loc::new(first + line, column),
            keys: slice
                .keys
                .get(keys_from as usize..keys_to)
                .unwrap_or_default(),
            visits: slice
                .visits
                .get(visits_from as usize..visits_to)
                .unwrap_or_default(),
            first,
            piece,
        }
    }

    /// A place noted in the piece, in the file.
    fn loc(&self, (line, column): (u32, u32)) -> Loc {
        Loc::new(self.first + line, column)
    }

    /// Where key `k` of the record is written.
    fn key_loc(&self, k: usize) -> Loc {
        self.keys
            .get(k)
            .map_or(self.entry, |key| self.loc((key.line, key.column)))
    }

    /// The first of the record's keys from the `from`th on named `name`, as the locator
    /// seeks a key in an entry's lines.
    fn find(&self, name: &str, from: usize) -> Option<usize> {
        let bytes = self.piece.as_bytes();
        let keys = self.keys.get(from..).unwrap_or_default();
        let named = |k: &KeyAt| {
            let start = k.start as usize;
            bytes.get(start..start + k.len as usize) == Some(name.as_bytes())
        };
        keys.iter().position(named).map(|k| from + k)
    }

    /// Where the locator places the `variant`, `date` and `serials` of the record.
    fn fields(&self) -> [Loc; 3] {
        ["variant", "date", "serials"]
            .map(|k| self.find(k, 0).map_or(self.entry, |k| self.key_loc(k)))
    }
}

/// Places the visits of one history at the `stage` keys found for them (`stages`, in
/// order); when they do not pair up (an anchor, a list written on one line with its keys
/// elsewhere), every visit points at `key`, where the history is written.
fn place_visits(run: &mut [RawVisit], entry: Loc, key: Loc, stages: &[Loc]) {
    if stages.len() >= run.len() {
        for (visit, &loc) in run.iter_mut().zip(stages) {
            visit.at = Below::new(entry, loc);
        }
    } else {
        for visit in run {
            visit.at = Below::new(entry, key);
        }
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
