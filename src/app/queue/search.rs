//! One pass of the queue's filter, as a [`Job`] that owns (shares) all it reads, so that
//! it can run on another thread and be abandoned halfway when a newer filter comes.
//!
//! A pass tests either every vehicle in queue order (reading the index's arrays front to
//! back, marking the matches in a bitmap, then taking the display order through it), or,
//! when a previous result holds every possible match ([`super::filter::implies`]) and is
//! small enough, only that result's rows. Either way the rows come out in display order
//! (no sort), with their counts.

use std::sync::Arc;

use super::filter::Term;
use super::index::{Counts, Index};
use super::matcher::Matcher;

/// Rows tested between two looks at whether the pass is still wanted.
const CHUNK: usize = 16 * 1024;

/// Testing the rows of a previous result reads the index out of order, several times
/// dearer per row than a pass in order: below `1 / RANDOM_COST` of the queue it pays.
const RANDOM_COST: usize = 4;

/// The rows a filter left, in display order, and their counts.
#[derive(Debug, Clone)]
pub struct Found {
    /// The filter's terms.
    pub terms: Vec<Term>,
    /// Indices into [`crate::domain::Programme::queue`], in display order.
    pub rows: Arc<Vec<u32>>,
    /// Per stage, overdue and held among `rows`.
    pub counts: Counts,
}

/// A filter pass to run: on the loop's thread when it is small, on the filtering thread
/// otherwise (see [`super::State::take_job`]).
#[derive(Debug, Clone)]
pub struct Job {
    pub(crate) generation: u64,
    pub(crate) index: Arc<Index>,
    /// Every vehicle, in display order.
    pub(crate) order: Arc<Vec<u32>>,
    pub(crate) terms: Vec<Term>,
    /// The rows of a filter that `terms` implies, in display order; `None`: every row.
    pub(crate) base: Option<Arc<Vec<u32>>>,
}

/// A finished pass, for [`super::State::filtered`].
#[derive(Debug)]
pub struct Outcome {
    /// The job's generation: the state takes the outcome only if it is still its latest.
    pub generation: u64,
    pub(crate) index: Arc<Index>,
    pub(crate) found: Found,
}

impl Job {
    /// Which change of the filter, the sort or the data this pass is for; later changes
    /// have higher numbers.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The rows this pass tests (a measure of its cost).
    pub fn size(&self) -> usize {
        self.base.as_ref().map_or(self.index.len(), |b| b.len())
    }

    /// Runs the pass; gives up and returns `None` as soon as `stop` says true (it is asked
    /// every few thousand rows).
    pub fn run(&self, stop: &dyn Fn() -> bool) -> Option<Outcome> {
        let matcher = Matcher::new(&self.terms, &self.index);
        let found = match &self.base {
            Some(base) if base.len().saturating_mul(RANDOM_COST) < self.index.len() => {
                self.some(&matcher, base, stop)?
            }
            _ => self.all(&matcher, stop)?,
        };
        Some(Outcome {
            generation: self.generation,
            index: Arc::clone(&self.index),
            found,
        })
    }

    /// Tests the rows of `base` only.
    fn some(&self, matcher: &Matcher, base: &[u32], stop: &dyn Fn() -> bool) -> Option<Found> {
        let index = &*self.index;
        let mut rows = Vec::new();
        let mut counts = Counts::new(index);
        for chunk in base.chunks(CHUNK) {
            if stop() {
                return None;
            }
            for &i in chunk {
                if matcher.matches(index, i as usize) {
                    rows.push(i);
                    counts.add(index, &index.rows[i as usize]);
                }
            }
        }
        Some(self.found(rows, counts))
    }

    /// Tests every row in queue order, then takes the display order through the matches.
    fn all(&self, matcher: &Matcher, stop: &dyn Fn() -> bool) -> Option<Found> {
        let index = &*self.index;
        let mut bits = vec![0u64; index.len().div_ceil(64)];
        let mut counts = Counts::new(index);
        let mut hits = 0;
        for start in (0..index.len()).step_by(CHUNK) {
            if stop() {
                return None;
            }
            for i in start..(start + CHUNK).min(index.len()) {
                if matcher.matches(index, i) {
                    bits[i / 64] |= 1 << (i % 64);
                    counts.add(index, &index.rows[i]);
                    hits += 1;
                }
            }
        }
        if stop() {
            return None;
        }
        let mut rows = Vec::with_capacity(hits);
        rows.extend(self.order.iter().copied().filter(|&i| is_set(&bits, i)));
        Some(self.found(rows, counts))
    }

    fn found(&self, rows: Vec<u32>, counts: Counts) -> Found {
        Found {
            terms: self.terms.clone(),
            rows: Arc::new(rows),
            counts,
        }
    }
}

/// True when bit `i` of `bits` is set.
pub(crate) fn is_set(bits: &[u64], i: u32) -> bool {
    bits.get(i as usize / 64)
        .is_some_and(|w| w & (1 << (i % 64)) != 0)
}

/// A bitmap with the bits of `rows` set, for `len` vehicles.
pub(crate) fn bitmap(rows: &[u32], len: usize) -> Vec<u64> {
    let mut bits = vec![0u64; len.div_ceil(64)];
    for &i in rows {
        if let Some(w) = bits.get_mut(i as usize / 64) {
            *w |= 1 << (i % 64);
        }
    }
    bits
}
