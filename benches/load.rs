//! Loading a status set: a full load (find, read, parse, validate and merge), the merge
//! alone, a reload after one small file changed, on the sample and on the large set, and
//! the passes over the text besides the parse (invisible characters, unquoted serials).
//!
//! Run: `cargo bench --bench load` (add a filter such as `-- reload` to run a part).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

mod common;

use std::collections::HashSet;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

use fleetdash::status::merge::{self, Source};
use fleetdash::status::raw::RawFile;
use fleetdash::status::{Limits, Loader, yaml};

fn loader(dir: &Path) -> Loader {
    Loader::new(vec![dir.to_path_buf()], Limits::default())
}

/// Every file of a folder, parsed, with its name: what the merge is given.
fn parsed(dir: &Path) -> Vec<(String, RawFile)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the folder lists")
        .map(|e| e.expect("an entry").path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("the file reads");
            let raw = yaml::parse(&text).expect("the file parses");
            (p.file_name().unwrap().to_string_lossy().into_owned(), raw)
        })
        .collect()
}

fn sources(files: &[(String, RawFile)]) -> Vec<Source<'_>> {
    files
        .iter()
        .map(|(name, raw)| Source { name, raw })
        .collect()
}

fn full_load(c: &mut Criterion) {
    let today = common::today();
    let sample = common::sample_dir();
    let large = common::large();

    let mut g = c.benchmark_group("load");
    g.bench_function("sample", |b| {
        b.iter(|| black_box(loader(&sample).load(today)))
    });
    g.sample_size(10)
        .measurement_time(Duration::from_secs(15))
        .throughput(Throughput::Bytes(large.bytes));
    g.bench_function("large", |b| {
        b.iter(|| black_box(loader(&large.status).load(today)))
    });
    g.finish();
}

fn validate(c: &mut Criterion) {
    let today = common::today();
    let sample = parsed(&common::sample_dir());
    let large_set = common::large();
    let large = parsed(&large_set.status);
    let mut g = c.benchmark_group("validate");
    let s = sources(&sample);
    g.bench_function("sample", |b| b.iter(|| black_box(merge::merge(&s, today))));
    let l = sources(&large);
    g.sample_size(10);
    g.bench_function("large", |b| b.iter(|| black_box(merge::merge(&l, today))));
    g.finish();
}

fn reload(c: &mut Criterion) {
    let today = common::today();
    let large = common::large();
    let mut g = c.benchmark_group("reload");
    g.sample_size(20).measurement_time(Duration::from_secs(10));

    // Nothing changed: the files are only looked at (their size and time).
    let mut l = loader(&large.status);
    l.load(today);
    g.bench_function("large/unchanged", |b| b.iter(|| black_box(l.load(today))));

    // The watcher saw plan.yaml change: it is read again, the rest is kept.
    let plan = large.file("plan.yaml");
    let force: HashSet<PathBuf> = [plan].into_iter().collect();
    g.bench_function("large/plan.yaml", |b| {
        b.iter(|| black_box(l.load_forcing(today, &force)))
    });

    // A contracted quantity edited in programme.yaml, the file that defines the variants
    // and stages every other file refers to.
    let programme = large.file("programme.yaml");
    let text = std::fs::read_to_string(&programme).expect("programme.yaml reads");
    let edited = [
        text.replacen("contracted: ", "contracted: 1", 1),
        text.clone(),
    ];
    let force: HashSet<PathBuf> = [programme.clone()].into_iter().collect();
    let mut turn = 0;
    g.bench_function("large/programme.yaml", |b| {
        b.iter_batched(
            || {
                turn ^= 1;
                std::fs::write(&programme, &edited[turn]).expect("programme.yaml is written");
            },
            |()| black_box(l.load_forcing(today, &force)),
            BatchSize::PerIteration,
        )
    });

    // One of the eight queue files (1.8 MB, 12 500 vehicles) saved again: it is parsed
    // again and every record merged again.
    let queue = large.file("queue-site1.yaml");
    let force: HashSet<PathBuf> = [queue].into_iter().collect();
    g.sample_size(10);
    g.bench_function("large/queue-site1.yaml", |b| {
        b.iter(|| black_box(l.load_forcing(today, &force)))
    });
    g.finish();
}

/// The passes over a file's text besides the parse: the warnings of invisible characters
/// and of unquoted serials and ids, over every file of the large set.
fn text_passes(c: &mut Criterion) {
    let large = common::large();
    let mut texts: Vec<(String, String)> = std::fs::read_dir(&large.status)
        .expect("the folder lists")
        .map(|e| {
            let p = e.expect("an entry").path();
            let name = p.display().to_string();
            (name, std::fs::read_to_string(&p).expect("the file reads"))
        })
        .collect();
    texts.sort();
    let mut g = c.benchmark_group("passes");
    g.sample_size(10).throughput(Throughput::Bytes(large.bytes));
    g.bench_function("large/invisible", |b| {
        b.iter(|| {
            for (name, text) in &texts {
                black_box(fleetdash::status::invisible::warnings(name, text));
            }
        })
    });
    g.bench_function("large/quoting", |b| {
        b.iter(|| {
            for (name, text) in &texts {
                black_box(fleetdash::status::quoting::warnings(name, text));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, full_load, validate, reload, text_passes);
criterion_main!(benches);
