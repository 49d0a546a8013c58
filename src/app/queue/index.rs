//! The queue's index: what the filter and the sort read of one load, laid out so that a
//! pass over a million vehicles reads a few compact arrays in order instead of the
//! vehicles themselves.
//!
//! Per vehicle (in [`Programme::queue`] order) it keeps a [`Row`] of ids (24 bytes) and
//! its serial lower-cased, one after another in one text. The texts a vehicle shares with
//! others (variant, stage, site, lot, hold, due date) are kept once each, lower-cased, in
//! small tables that a compiled filter turns into yes/no per entry
//! ([`super::matcher`]). At a million 16-byte serials that is about 24 MB of rows, 20 MB
//! of serials and their ends, and 4 MB for the serial order the sort starts from.
//!
//! The queue is merged file by file, so it is a run of each file's vehicles; the index
//! notes those runs, and a reload's index takes the runs whose vehicles are unchanged
//! from the last one instead of building them again ([`Index::renew`]).

use std::cmp::Ordering;

use crate::domain::{Date, Programme, Vehicle};

mod renew;
pub use renew::Previous;

/// Stands for "none" in a [`Row`]'s lot, hold and due columns.
pub(crate) const NONE: u32 = u32::MAX;

/// One queued vehicle's ids, as indices into the tables of the [`Index`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Row {
    pub(crate) variant: u32,
    pub(crate) stage: u32,
    pub(crate) site: u32,
    /// Into [`Index::lots`], or [`NONE`].
    pub(crate) lot: u32,
    /// Into [`Index::holds`], or [`NONE`].
    pub(crate) hold: u32,
    /// Into [`Index::dues`] (which is in date order), or [`NONE`].
    pub(crate) due: u32,
}

/// The lower-cased text and ids of one load, built once per load, shared read-only with
/// the filtering thread.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Index {
    pub(crate) rows: Vec<Row>,
    /// The serials, lower-cased, one after another.
    serials: String,
    /// Where each serial ends in `serials` (bytes); serial `i` starts where `i - 1` ends.
    ends: Vec<u32>,
    /// Per variant: id, name and family name.
    pub(crate) variants: Vec<[String; 3]>,
    /// Per stage: id and name.
    pub(crate) stages: Vec<[String; 2]>,
    pub(crate) sites: Vec<String>,
    /// The distinct lots and hold reasons, lower-cased.
    pub(crate) lots: Vec<String>,
    pub(crate) holds: Vec<String>,
    /// The distinct due dates, in date order.
    pub(crate) dues: Vec<Date>,
    /// The queue's indices in serial order (ties in queue order).
    pub(crate) by_serial: Vec<u32>,
    /// Sort rank of each stage: flow order, rework stages after the main line.
    pub(crate) stage_rank: Vec<u32>,
    /// Sort rank of each site: by name.
    pub(crate) site_rank: Vec<u32>,
    /// The day `overdue` and the days in stage are counted from.
    pub(crate) today: Date,
    /// The runs of the queue that come from one file each, in queue order: what a
    /// reload reuses ([`Index::renew`]).
    pub(crate) runs: Vec<Run>,
    /// The widest lot and hold reason, as written (terminal columns).
    pub(crate) lot_width: usize,
    pub(crate) hold_width: usize,
}

/// A run of the queue whose vehicles come from one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Run {
    /// The file's display name ([`Programme::files`]).
    pub(crate) file: String,
    /// Its vehicles' indices in the queue.
    pub(crate) range: std::ops::Range<usize>,
    /// Its widest serial, as written (terminal columns).
    pub(crate) serial_width: usize,
}

/// `text` lower-cased as the filter compares it: byte by byte when it is ASCII, by
/// Unicode's rules otherwise.
pub(crate) fn lower(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    }
}

/// A number that fits in the u32 columns; the queue never holds 4 billion entries.
pub(super) fn id(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NONE)
}

/// The queue's indices in serial order, ties in queue order. The sort compares the first
/// 16 bytes of each serial as one integer, held beside the index, and reads the vehicles
/// only when those are equal: a million serials read in place would cost a cache miss
/// per comparison (seconds), their prefixes cost 32 MB for the time of the sort.
pub(super) fn serial_order(p: &Programme) -> Vec<u32> {
    order_of(&p.queue, 0..p.queue.len())
}

/// The first 16 bytes of `serial` as one integer, in the order of the bytes.
pub(super) fn prefix(serial: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let n = serial.len().min(16);
    bytes[..n].copy_from_slice(&serial.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
}

/// How vehicles `a` and `b` of `queue`, with their [`prefix`]es, compare in the serial
/// order: by serial, ties in queue order.
pub(super) fn by_serial(queue: &[Vehicle], a: (u128, u32), b: (u128, u32)) -> Ordering {
    a.0.cmp(&b.0)
        .then_with(|| queue[a.1 as usize].serial.cmp(&queue[b.1 as usize].serial))
        .then(a.1.cmp(&b.1))
}

/// The vehicles `indices` of `queue` in serial order (see [`serial_order`]).
pub(super) fn order_of(queue: &[Vehicle], indices: impl Iterator<Item = usize>) -> Vec<u32> {
    let mut keyed: Vec<(u128, u32)> = indices.map(|i| (prefix(&queue[i].serial), id(i))).collect();
    keyed.sort_unstable_by(|&a, &b| by_serial(queue, a, b));
    keyed.into_iter().map(|(_, i)| i).collect()
}

impl Index {
    /// The index of the load `p` as of `today`.
    pub fn new(p: &Programme, today: Date) -> Index {
        Index::renew(p, today, None)
    }

    /// An index of no vehicle with the tables of `p`'s definitions and sites.
    fn of_definitions(p: &Programme, today: Date) -> Index {
        let n = id(p.stages.len());
        let stage_rank = p
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| id(i) + if s.rework { n } else { 0 })
            .collect();
        let mut sites: Vec<usize> = (0..p.sites.len()).collect();
        sites.sort_by_cached_key(|&i| p.sites[i].to_lowercase());
        let mut site_rank = vec![0; sites.len()];
        for (rank, &i) in sites.iter().enumerate() {
            site_rank[i] = id(rank);
        }
        Index {
            variants: p
                .variants
                .iter()
                .map(|v| {
                    [
                        lower(&v.id),
                        lower(&v.name),
                        lower(&p.family(v.family).name),
                    ]
                })
                .collect(),
            stages: p
                .stages
                .iter()
                .map(|s| [lower(&s.id), lower(&s.name)])
                .collect(),
            sites: p.sites.iter().map(|s| lower(s)).collect(),
            stage_rank,
            site_rank,
            today,
            ..Index::default()
        }
    }

    /// Vehicles in the queue.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when the queue is empty.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The lower-cased serial of vehicle `i`.
    pub(crate) fn serial(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        let end = self.ends.get(i).map_or(start, |&e| e as usize);
        self.serials.as_bytes().get(start..end).unwrap_or_default()
    }

    /// True when vehicle `i` is past its due date.
    pub(crate) fn is_overdue(&self, row: &Row) -> bool {
        self.dues
            .get(row.due as usize)
            .is_some_and(|&d| self.today > d)
    }
}

/// The counts the queue's footer and pipeline show for a set of rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Per stage, the vehicles among the rows (indexed like the stages).
    pub per_stage: Vec<u32>,
    /// Vehicles past their due date among the rows.
    pub overdue: usize,
    /// Vehicles on hold among the rows.
    pub held: usize,
}

impl Counts {
    /// No vehicle yet, for the stages of `index`.
    pub(crate) fn new(index: &Index) -> Counts {
        Counts {
            per_stage: vec![0; index.stages.len()],
            overdue: 0,
            held: 0,
        }
    }

    /// Counts one more row.
    pub(crate) fn add(&mut self, index: &Index, row: &Row) {
        if let Some(n) = self.per_stage.get_mut(row.stage as usize) {
            *n += 1;
        }
        self.overdue += usize::from(index.is_overdue(row));
        self.held += usize::from(row.hold != NONE);
    }

    /// The counts of every vehicle of `index`.
    pub(crate) fn all(index: &Index) -> Counts {
        let mut counts = Counts::new(index);
        for row in &index.rows {
            counts.add(index, row);
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Origin, Serial, SiteId, StageId, VariantId, Vehicle};

    #[test]
    fn serials_sort_by_their_bytes_past_the_first_sixteen_and_ties_keep_queue_order() {
        let day = Date::from_ymd_opt(2026, 1, 1).unwrap();
        let serials = [
            "ABCDEFGHIJKLMNOPz",
            "ab",
            "ABCDEFGHIJKLMNOPa",
            "ab\u{0}",
            "ABCDEFGHIJKLMNOP",
            "ab",
            "",
            "Éa",
            "b",
        ];
        let p = Programme {
            queue: serials
                .iter()
                .map(|s| Vehicle {
                    serial: Serial::new(s),
                    variant: VariantId(0),
                    stage: StageId(0),
                    since: day,
                    due: None,
                    site: SiteId(0),
                    lot: None,
                    hold: None,
                    history: Default::default(),
                    origin: Origin::default(),
                })
                .collect(),
            ..Programme::default()
        };
        let mut expected: Vec<u32> = (0..serials.len() as u32).collect();
        expected.sort_by_key(|&i| serials[i as usize]);
        assert_eq!(serial_order(&p), expected);
        assert_eq!(&expected[..4], &[6, 4, 2, 0]);
    }
}
