//! Loading the large set with stage histories against the same set without them (issue 14:
//! within 1.5 times): the same vehicles, stages and dates, the files with histories add a
//! `history` to every queue vehicle and `histories` to every delivery that lists serials.
//!
//! `with` reads the plain histories by hand (`status::yaml::visits`), as a load does;
//! `with_serde_yaml_only` switches that off and leaves every history to serde_yaml, as
//! before it. `without_plain_off` and `with_plain_off` switch off the reading of plain
//! records by hand (`status::yaml::plain`) and leave the records' slices to serde_yaml.
//!
//! Run: `cargo bench --bench history`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use fleetdash::generate::{self, Histories};
use fleetdash::status::yaml::{plain, visits};
use fleetdash::status::{Limits, Loader};

/// The large set written with or without histories into a fresh temporary folder: the
/// folder, its `status` folder and the bytes of YAML in it.
fn large(histories: Histories) -> (tempfile::TempDir, std::path::PathBuf, u64) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    generate::write_with(&common::LARGE, dir.path(), histories).expect("the set is written");
    let status = dir.path().join("status");
    let bytes = std::fs::read_dir(&status)
        .expect("the status folder lists")
        .map(|e| e.expect("an entry").metadata().expect("metadata").len())
        .sum();
    (dir, status, bytes)
}

fn load(dir: &Path) -> fleetdash::status::Snapshot {
    Loader::new(vec![dir.to_path_buf()], Limits::default()).load(common::today())
}

fn with_and_without(c: &mut Criterion) {
    let (_keep_with, with, with_bytes) = large(Histories::Written);
    let (_keep_without, without, without_bytes) = large(Histories::LeftOut);
    // Both load clean, the same vehicles, one with histories.
    let (a, b) = (load(&with), load(&without));
    assert!(a.problems.is_empty() && b.problems.is_empty());
    assert_eq!(a.programme.queue.len(), b.programme.queue.len());
    let queued_visits: usize = a.programme.queue.iter().map(|v| v.history.len()).sum();
    let kept: usize = a
        .programme
        .deliveries
        .iter()
        .map(|d| d.histories.len())
        .sum();
    eprintln!(
        "with histories: {with_bytes} bytes, {queued_visits} visits in the queue, {kept} delivered \
         histories; without: {without_bytes} bytes"
    );
    drop((a, b));

    let mut g = c.benchmark_group("history_load");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Bytes(without_bytes));
    g.bench_function("without", |b| b.iter(|| black_box(load(&without))));
    g.throughput(Throughput::Bytes(with_bytes));
    g.bench_function("with", |b| b.iter(|| black_box(load(&with))));
    visits::set_enabled(false);
    g.bench_function("with_serde_yaml_only", |b| {
        b.iter(|| black_box(load(&with)))
    });
    visits::set_enabled(true);
    plain::set_enabled(false);
    g.throughput(Throughput::Bytes(without_bytes));
    g.bench_function("without_plain_off", |b| {
        b.iter(|| black_box(load(&without)))
    });
    g.throughput(Throughput::Bytes(with_bytes));
    g.bench_function("with_plain_off", |b| b.iter(|| black_box(load(&with))));
    plain::set_enabled(true);
    g.finish();
}

criterion_group!(benches, with_and_without);
criterion_main!(benches);
