//! One pass of the queue's filter, as a [`Job`] that owns (shares) all it reads, so that
//! it can run on another thread and be abandoned halfway when a newer filter comes.
//!
//! A pass tests every vehicle, or, when a previous result holds every possible match
//! ([`super::filter::implies`]), only that result's rows; always in queue order (reading
//! the index's arrays front to back: a cache miss per row would cost more than the test),
//! marking the matches in a bitmap, then taking the display order through it. The rows
//! come out in display order (no sort), with their counts.

use std::sync::Arc;

use super::filter::Term;
use super::index::{Counts, Index};
use super::matcher::Matcher;

/// Rows tested between two looks at whether the pass is still wanted.
const CHUNK: usize = 16 * 1024;

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
    ///
    /// The candidates (every vehicle, or the base's) are tested in queue order, so that
    /// the index is read front to back even when they are few; the matches are marked in
    /// a bitmap, through which the display order (or the base, already in it) is taken.
    pub fn run(&self, stop: &dyn Fn() -> bool) -> Option<Outcome> {
        let matcher = Matcher::new(&self.terms, &self.index);
        let index = &*self.index;
        let n = index.len();
        let candidates = self.base.as_ref().map(|b| bitmap(b, n));
        let mut hits = vec![0u64; n.div_ceil(64)];
        let mut counts = Counts::new(index);
        let mut found = 0;
        for (w, hit) in hits.iter_mut().enumerate() {
            if w % (CHUNK / 64) == 0 && stop() {
                return None;
            }
            let mut word = match &candidates {
                Some(c) => c[w],
                None if (w + 1) * 64 <= n => u64::MAX,
                None => (1u64 << (n - w * 64)) - 1,
            };
            while word != 0 {
                let bit = word.trailing_zeros() as usize;
                word &= word - 1;
                let i = w * 64 + bit;
                if matcher.matches(index, i) {
                    *hit |= 1 << bit;
                    counts.add(index, &index.rows[i]);
                    found += 1;
                }
            }
        }
        if stop() {
            return None;
        }
        let from = self.base.as_deref().unwrap_or(&self.order);
        let mut rows = Vec::with_capacity(found);
        rows.extend(from.iter().copied().filter(|&i| is_set(&hits, i)));
        Some(Outcome {
            generation: self.generation,
            index: Arc::clone(&self.index),
            found: self.found(rows, counts),
        })
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
