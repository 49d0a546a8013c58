//! A generated status set in a temporary folder, for the tests that reload it after edits
//! and compare with a fresh load: the set, its day, a fresh load, an edit the loader sees.
//!
//! Each test file compiles this module on its own and uses part of it.
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::fs;
use std::path::{Path, PathBuf};

use fleetdash::domain::Date;
use fleetdash::generate::{self, Spec};
use fleetdash::status::{Limits, Loader, Snapshot};

/// The day the sets are generated for and loaded on.
pub fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).expect("a date")
}

/// The folder `set` loaded afresh on `day`.
pub fn fresh(set: &Path, day: Date) -> Snapshot {
    Loader::new(vec![set.to_path_buf()], Limits::default()).load(day)
}

/// Rewrites `file` with `f`, making sure its length changes (the loader's stamp then sees
/// the change even within one tick of the clock).
pub fn edit(file: &Path, f: impl FnOnce(&str) -> String) {
    let old = fs::read_to_string(file).expect("read");
    let mut new = f(&old);
    if new.len() == old.len() {
        new.push_str("# edited\n");
    }
    fs::write(file, new).expect("write");
}

/// A set written by `generate` into a temporary folder, removed when dropped.
pub struct Set {
    _dir: tempfile::TempDir,
    /// Its `status` folder.
    pub status: PathBuf,
}

impl Set {
    /// `variants` variants, `queue` vehicles in assembly and `deliveries` hand-overs,
    /// generated from `seed` for [`today`].
    pub fn new(variants: usize, queue: usize, deliveries: usize, seed: u64) -> Set {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let spec = Spec {
            variants,
            queue,
            deliveries,
            seed,
            today: today(),
        };
        generate::write(&spec, dir.path()).expect("the set is written");
        let status = dir.path().join("status");
        Set { _dir: dir, status }
    }

    /// The file `name` of the set.
    pub fn file(&self, name: &str) -> PathBuf {
        self.status.join(name)
    }

    /// The text of the file `name`.
    pub fn read(&self, name: &str) -> String {
        fs::read_to_string(self.file(name)).expect("read")
    }

    /// A loader of the set, within the default limits.
    pub fn loader(&self) -> Loader {
        Loader::new(vec![self.status.clone()], Limits::default())
    }

    /// Writes `text` to `name`, with a comment when its length would not change (so that
    /// the loader's stamp sees the change).
    pub fn write(&self, name: &str, text: String) {
        edit(&self.file(name), |_| text);
    }
}
