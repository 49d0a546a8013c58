//! What the benches share: the day of the figures, the sample set and the generated large set.
//!
//! The large set is generated afresh into a temporary folder by `fleetdash::generate`, from a
//! fixed seed and day, so every run (and every machine) measures the same bytes.

#![allow(dead_code)] // Each bench uses a different part of this module.

use std::path::{Path, PathBuf};

use fleetdash::domain::Date;
use fleetdash::generate::{self, Spec};

/// The day every load is made for (`--today 2026-11-26`).
pub fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).expect("a valid date")
}

/// The CaMo sample: `config/status`.
pub fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status")
}

/// The size issue 5 sets its targets for: 100 000 queued vehicles, 20 000 delivery records.
pub const LARGE: Spec = Spec {
    variants: 20,
    queue: 100_000,
    deliveries: 20_000,
    seed: 42,
    today: match Date::from_ymd_opt(2026, 11, 26) {
        Some(d) => d,
        None => panic!("a valid date"),
    },
};

/// A generated set on disk; the folder is removed when this is dropped.
pub struct Generated {
    _dir: tempfile::TempDir,
    /// The status folder (`…/status`).
    pub status: PathBuf,
    /// Bytes of YAML in the status folder.
    pub bytes: u64,
}

impl Generated {
    pub fn file(&self, name: &str) -> PathBuf {
        self.status.join(name)
    }
}

/// Writes the set `spec` into a fresh temporary folder.
pub fn generate(spec: &Spec) -> Generated {
    let dir = tempfile::tempdir().expect("a temporary folder");
    generate::write(spec, dir.path()).expect("the generated set is written");
    let status = dir.path().join("status");
    let bytes = std::fs::read_dir(&status)
        .expect("the status folder lists")
        .map(|e| e.expect("an entry").metadata().expect("metadata").len())
        .sum();
    Generated {
        _dir: dir,
        status,
        bytes,
    }
}

/// The large set of issue 5.
pub fn large() -> Generated {
    generate(&LARGE)
}
