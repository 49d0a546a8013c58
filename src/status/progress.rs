//! How far a load has gone, shared between the thread that loads and the one that shows it.
//!
//! The loader counts with relaxed atomics: a reader may see a file counted a moment before
//! its bytes, never a count that goes backwards within one load.

use std::sync::atomic::{AtomicU64, Ordering};

/// Counters of one load, reset by [`Progress::begin`] when a load starts.
#[derive(Debug, Default)]
pub struct Progress {
    files_total: AtomicU64,
    files_done: AtomicU64,
    bytes_total: AtomicU64,
    bytes_done: AtomicU64,
    records: AtomicU64,
    loading: AtomicU64,
}

/// What a [`Progress`] said at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProgressNow {
    /// Files the load must read (those unchanged since the last load are not counted).
    pub files_total: u64,
    /// Files read so far, parsed or refused.
    pub files_done: u64,
    /// Bytes of the files to read, from their sizes when listed.
    pub bytes_total: u64,
    /// Bytes of the files read so far.
    pub bytes_done: u64,
    /// Records (queue vehicles, deliveries, plan entries) parsed so far.
    pub records: u64,
    /// True between [`Progress::begin`] and [`Progress::end`].
    pub loading: bool,
}

impl ProgressNow {
    /// The share of the bytes read, 0.0 to 1.0 (1.0 when there is nothing to read).
    pub fn ratio(&self) -> f64 {
        if self.bytes_total == 0 {
            return if self.files_total == 0 || self.files_done >= self.files_total {
                1.0
            } else {
                self.files_done as f64 / self.files_total as f64
            };
        }
        (self.bytes_done as f64 / self.bytes_total as f64).clamp(0.0, 1.0)
    }
}

impl Progress {
    /// A load starts that must read `files` files of `bytes` bytes in all.
    pub fn begin(&self, files: u64, bytes: u64) {
        self.files_total.store(files, Ordering::Relaxed);
        self.files_done.store(0, Ordering::Relaxed);
        self.bytes_total.store(bytes, Ordering::Relaxed);
        self.bytes_done.store(0, Ordering::Relaxed);
        self.records.store(0, Ordering::Relaxed);
        self.loading.store(1, Ordering::Release);
    }

    /// One file was read: `bytes` long, holding `records` records.
    pub fn file_done(&self, bytes: u64, records: u64) {
        self.bytes_done.fetch_add(bytes, Ordering::Relaxed);
        self.records.fetch_add(records, Ordering::Relaxed);
        self.files_done.fetch_add(1, Ordering::Relaxed);
    }

    /// The load is over (merged, ready to show).
    pub fn end(&self) {
        self.loading.store(0, Ordering::Release);
    }

    /// The counters now.
    pub fn now(&self) -> ProgressNow {
        ProgressNow {
            files_total: self.files_total.load(Ordering::Relaxed),
            files_done: self.files_done.load(Ordering::Relaxed),
            bytes_total: self.bytes_total.load(Ordering::Relaxed),
            bytes_done: self.bytes_done.load(Ordering::Relaxed),
            records: self.records.load(Ordering::Relaxed),
            loading: self.loading.load(Ordering::Acquire) != 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_one_load_and_resets_for_the_next() {
        let p = Progress::default();
        p.begin(2, 300);
        p.file_done(100, 7);
        let now = p.now();
        assert_eq!((now.files_done, now.bytes_done, now.records), (1, 100, 7));
        assert!(now.loading);
        assert!((now.ratio() - 1.0 / 3.0).abs() < 1e-9);
        p.file_done(200, 1);
        p.end();
        assert!(!p.now().loading);
        assert_eq!(p.now().ratio(), 1.0);
        p.begin(1, 0);
        assert_eq!(p.now().files_done, 0);
        assert_eq!(p.now().ratio(), 0.0);
    }
}
