//! The index built run by run, each run of the queue being the vehicles of one file: a
//! run whose vehicles are as they were in the last index (same serials, variant, stage,
//! site, lot, hold and due date, one for one) has its rows and lower-cased serials taken
//! from it, ids renumbered, instead of being built again. A reload of one queue file of
//! eight builds one run; the result is the index a fresh build gives, field for field.

use std::ops::Range;

use hashbrown::{HashMap, HashSet};
use unicode_width::UnicodeWidthStr;

use super::{Index, NONE, Row, Run, by_serial, id, lower, order_of, prefix, serial_order};
use crate::domain::{Date, Programme, Vehicle};

/// The last index, with what it was built from: the queue and the sites' names.
#[derive(Debug, Clone, Copy)]
pub struct Previous<'a> {
    /// The queue the index was built from.
    pub queue: &'a [Vehicle],
    /// That programme's sites ([`Programme::sites`]), to renumber the reused rows' sites.
    pub sites: &'a [String],
    /// The index.
    pub index: &'a Index,
}

/// A table of distinct texts (lots, hold reasons) in the order they are first met,
/// lower-cased, told apart by their text as written.
#[derive(Default)]
struct Table<'a> {
    seen: HashMap<&'a str, u32>,
    texts: Vec<String>,
    width: usize,
}

impl<'a> Table<'a> {
    fn id(&mut self, text: &'a str) -> u32 {
        *self.seen.entry(text).or_insert_with(|| {
            self.texts.push(lower(text));
            self.width = self.width.max(text.width());
            id(self.texts.len() - 1)
        })
    }
}

/// The widest of `serials` in terminal columns; printable ASCII is one column a byte.
fn widest<'a>(serials: impl Iterator<Item = &'a str>) -> usize {
    serials
        .map(|s| {
            if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
                s.len()
            } else {
                s.width()
            }
        })
        .max()
        .unwrap_or(0)
}

/// The runs of `p`'s queue from one file each.
fn runs_of(p: &Programme) -> Vec<(String, Range<usize>)> {
    let mut runs: Vec<(u32, Range<usize>)> = Vec::new();
    for (i, v) in p.queue.iter().enumerate() {
        match runs.last_mut() {
            Some((file, r)) if *file == v.origin.file => r.end = i + 1,
            _ => runs.push((v.origin.file, i..i + 1)),
        }
    }
    runs.into_iter()
        .map(|(f, r)| (p.files.get(f as usize).cloned().unwrap_or_default(), r))
        .collect()
}

/// True when vehicle `new` of the new queue indexes as `old` of the last one did
/// (`sites`: each old site's id in the new programme).
fn same(new: &Vehicle, old: &Vehicle, sites: &[u32]) -> bool {
    new.variant == old.variant
        && new.stage == old.stage
        && sites.get(old.site.0 as usize) == Some(&new.site.0)
        && new.due == old.due
        && new.lot == old.lot
        && new.hold == old.hold
        && new.serial.as_str() == old.serial.as_str()
}

/// For each run of `runs`, the range of the last index it takes its rows from, when its
/// file had one run there of the same vehicles.
fn reusable(
    p: &Programme,
    runs: &[(String, Range<usize>)],
    prev: &Previous,
    sites: &[u32],
) -> Vec<Option<Range<usize>>> {
    let mut old: HashMap<&str, Option<&Run>> = HashMap::default();
    for r in &prev.index.runs {
        old.entry(r.file.as_str())
            .and_modify(|e| *e = None)
            .or_insert(Some(r));
    }
    let whole = prev.index.rows.len() == prev.queue.len();
    runs.iter()
        .map(|(file, range)| {
            let run = old.get(file.as_str()).copied().flatten()?;
            let from = run.range.clone();
            let fits = whole && from.len() == range.len() && from.end <= prev.queue.len();
            (fits
                && p.queue[range.clone()]
                    .iter()
                    .zip(&prev.queue[from.clone()])
                    .all(|(n, o)| same(n, o, sites)))
            .then_some(from)
        })
        .collect()
}

/// The new id of the text whose id in the last index was `old` (`map`: the new ids given
/// so far), `text` giving it as the vehicle writes it (read only for an id not met
/// yet); [`NONE`] for none.
fn renumber<'a>(
    map: &mut [u32],
    table: &mut Table<'a>,
    old: u32,
    text: impl FnOnce() -> Option<&'a str>,
) -> u32 {
    if old == NONE {
        return NONE;
    }
    match map.get_mut(old as usize) {
        Some(slot) if *slot != NONE => *slot,
        Some(slot) => {
            *slot = text().map_or(NONE, |t| table.id(t));
            *slot
        }
        None => text().map_or(NONE, |t| table.id(t)),
    }
}

/// The serial order of the new queue: the last index's order of the reused runs' vehicles
/// (renumbered) merged with the order of the others'. The reused runs must keep their
/// order in the queue for the first to stay in order; otherwise the whole queue is sorted.
fn renew_order(
    queue: &[Vehicle],
    old: &Index,
    runs: &[Run],
    from: &[Option<Range<usize>>],
) -> Vec<u32> {
    let mut map = vec![NONE; old.rows.len()];
    let mut last = 0;
    for (run, from) in runs.iter().zip(from) {
        let Some(r) = from else { continue };
        if r.start < last {
            return order_of(queue, 0..queue.len());
        }
        last = r.end;
        for (new, slot) in run.range.clone().zip(&mut map[r.clone()]) {
            *slot = id(new);
        }
    }
    let kept: Vec<u32> = old
        .by_serial
        .iter()
        .filter_map(|&i| map.get(i as usize).copied().filter(|&n| n != NONE))
        .collect();
    let built = runs
        .iter()
        .zip(from)
        .filter(|(_, from)| from.is_none())
        .flat_map(|(run, _)| run.range.clone());
    merge(queue, kept, order_of(queue, built))
}

/// Two lists in serial order merged into one. The vehicles' [`prefix`]es are worked out
/// first in queue order (16 MB at a million, read in order): taken in serial order, each
/// would cost two cache misses (the vehicle, then its serial's text), some 0.25 s at a
/// million.
fn merge(queue: &[Vehicle], a: Vec<u32>, b: Vec<u32>) -> Vec<u32> {
    let prefixes: Vec<u128> = queue.iter().map(|v| prefix(&v.serial)).collect();
    let key = |i: u32| (prefixes.get(i as usize).copied().unwrap_or_default(), i);
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    let (mut ka, mut kb) = (a.peek().map(|&i| key(i)), b.peek().map(|&i| key(i)));
    loop {
        match (ka, kb) {
            (Some(x), Some(y)) if by_serial(queue, x, y).is_le() => {
                out.push(x.1);
                a.next();
                ka = a.peek().map(|&i| key(i));
            }
            (_, Some(y)) => {
                out.push(y.1);
                b.next();
                kb = b.peek().map(|&i| key(i));
            }
            (Some(x), None) => {
                out.push(x.1);
                out.extend(a.skip(1));
                break;
            }
            (None, None) => break,
        }
    }
    out
}

impl Index {
    /// Where the lower-cased serial of vehicle `i` starts in the text of serials.
    fn serial_start(&self, i: usize) -> usize {
        i.checked_sub(1)
            .and_then(|j| self.ends.get(j))
            .map_or(0, |&e| e as usize)
    }

    /// The lower-cased serials of `vehicles`, one after another.
    fn serials_bytes(&self, vehicles: Range<usize>) -> &str {
        let start = self.serial_start(vehicles.start);
        let end = self.serial_start(vehicles.end).max(start);
        self.serials.get(start..end).unwrap_or_default()
    }

    /// The index of the load `p` as of `today`, built run by run: the runs of `prev`'s
    /// queue that `p`'s queue holds again unchanged (same file, same vehicles) are taken
    /// from `prev.index`; `None`: every run built. The same index as [`Index::new`] gives.
    pub fn renew(p: &Programme, today: Date, prev: Option<Previous>) -> Index {
        let queue = &p.queue;
        let runs = runs_of(p);
        // Each old site's id in `p` (NONE when gone), by name.
        let site_map: Vec<u32> = prev.as_ref().map_or(Vec::new(), |prev| {
            let names: HashMap<&str, u32> = p
                .sites
                .iter()
                .enumerate()
                .map(|(i, s)| (s.as_str(), id(i)))
                .collect();
            prev.sites
                .iter()
                .map(|s| names.get(s.as_str()).copied().unwrap_or(NONE))
                .collect()
        });
        let from = match &prev {
            Some(prev) => reusable(p, &runs, prev, &site_map),
            None => vec![None; runs.len()],
        };
        let old = prev.map(|p| p.index);
        let old_at = |r: &Range<usize>| old.map(|o| &o.rows[r.clone()]).unwrap_or_default();

        // The due dates, in date order: those the reused rows name and the others'.
        let mut dates: HashSet<Date> = HashSet::default();
        let mut old_due = vec![false; old.map_or(0, |o| o.dues.len())];
        for ((_, range), from) in runs.iter().zip(&from) {
            match from {
                Some(r) => {
                    for row in old_at(r) {
                        if let Some(d) = old_due.get_mut(row.due as usize) {
                            *d = true;
                        }
                    }
                }
                None => dates.extend(queue[range.clone()].iter().filter_map(|v| v.due)),
            }
        }
        if let Some(o) = old {
            dates.extend(o.dues.iter().zip(&old_due).filter(|x| *x.1).map(|x| *x.0));
        }
        let mut dues: Vec<Date> = dates.into_iter().collect();
        dues.sort_unstable();
        let due_id = |d: Option<Date>| d.and_then(|d| dues.binary_search(&d).ok()).map_or(NONE, id);
        let due_map: Vec<u32> = old.map_or(Vec::new(), |o| {
            o.dues.iter().map(|&d| due_id(Some(d))).collect()
        });

        // Each old lot and hold id's new one (NONE until met).
        let mut lot_map = vec![NONE; old.map_or(0, |o| o.lots.len())];
        let mut hold_map = vec![NONE; old.map_or(0, |o| o.holds.len())];
        let (mut lots, mut holds) = (Table::default(), Table::default());
        let mut rows = Vec::with_capacity(queue.len());
        // Sized once (ASCII serials keep their length lower-cased): grown by doubling, a
        // 20 MB text is copied and its pages touched again at each step.
        let bytes: usize = runs
            .iter()
            .zip(&from)
            .map(|((_, range), from)| match (from, old) {
                (Some(r), Some(o)) => o.serials_bytes(r.clone()).len(),
                _ => queue[range.clone()].iter().map(|v| v.serial.len()).sum(),
            })
            .sum();
        let mut serials = String::with_capacity(bytes);
        let mut ends = Vec::with_capacity(queue.len());
        let mut index_runs = Vec::with_capacity(runs.len());
        for ((file, range), from) in runs.into_iter().zip(&from) {
            let serial_width = match (from, old) {
                (Some(r), Some(o)) => {
                    // The vehicles themselves are read only for a lot or hold not met yet.
                    for (i, row) in range.clone().zip(&o.rows[r.clone()]) {
                        let v = || &queue[i];
                        rows.push(Row {
                            site: site_map.get(row.site as usize).copied().unwrap_or(NONE),
                            lot: renumber(&mut lot_map, &mut lots, row.lot, || v().lot.as_deref()),
                            hold: renumber(&mut hold_map, &mut holds, row.hold, || {
                                v().hold.as_deref()
                            }),
                            due: due_map.get(row.due as usize).copied().unwrap_or(NONE),
                            ..*row
                        });
                    }
                    let base = serials.len();
                    let start = o.serial_start(r.start);
                    serials.push_str(o.serials_bytes(r.clone()));
                    ends.extend(
                        o.ends[r.clone()]
                            .iter()
                            .map(|&e| id(e as usize - start + base)),
                    );
                    o.runs
                        .iter()
                        .find(|x| x.range == *r)
                        .map_or(0, |x| x.serial_width)
                }
                _ => {
                    for v in &queue[range.clone()] {
                        if v.serial.is_ascii() {
                            serials.extend(v.serial.chars().map(|c| c.to_ascii_lowercase()));
                        } else {
                            serials.push_str(&v.serial.to_lowercase());
                        }
                        ends.push(id(serials.len()));
                        rows.push(Row {
                            variant: v.variant.0,
                            stage: v.stage.0,
                            site: v.site.0,
                            lot: v.lot.as_deref().map_or(NONE, |t| lots.id(t)),
                            hold: v.hold.as_deref().map_or(NONE, |t| holds.id(t)),
                            due: due_id(v.due),
                        });
                    }
                    widest(queue[range.clone()].iter().map(|v| v.serial.as_str()))
                }
            };
            index_runs.push(Run {
                file,
                range,
                serial_width,
            });
        }
        let by_serial = match old {
            Some(o) if from.iter().any(Option::is_some) => {
                renew_order(queue, o, &index_runs, &from)
            }
            _ => serial_order(p),
        };
        Index {
            rows,
            serials,
            ends,
            lots: lots.texts,
            holds: holds.texts,
            lot_width: lots.width,
            hold_width: holds.width,
            dues,
            by_serial,
            runs: index_runs,
            ..Index::of_definitions(p, today)
        }
    }
}

#[cfg(test)]
mod tests;
