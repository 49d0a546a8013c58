//! Times one load of a status set in a fresh process and reports its memory, for
//! BENCHMARKS.md and `scripts/compare-load.sh`.
//!
//! ```text
//! load_probe floor      PATH...   read each file and parse it into serde::de::IgnoredAny
//! load_probe fleetdash  PATH...   a full load with validation, as `fleetdash check` does
//! load_probe soak N FILE PATH...  load, then N times: edit FILE, reload, refresh, draw
//! load_probe reload N FILE PATH... as soak, timing each part of every reload (below)
//! load_probe parse T N FILE         parse FILE N times as the loader does, on T threads
//! ```
//!
//! `reload --sync` puts the new data in place as the dashboard did before the views were
//! refreshed on their own thread: `App::set_data` on the dashboard's thread, the old data
//! dropped there too (`dashboard=` is then that time).
//!
//! `--workers N` has the loader read N files at once (default: one per core, as the
//! binary does); `--workers 1` reads them one by one.
//!
//! The allocator is tuned as the fleetdash binary tunes it ([`fleetdash::mem`]); with
//! `--default-malloc`, glibc's defaults are kept (for the floor under both settings).
//!
//! PATH is a status folder (its `*.yaml`/`*.yml` files, in name order, as the loader reads
//! them) or a file. One line of `key=value` pairs is printed per measurement:
//! `secs` is the wall time of the load alone, `base_kb` the resident memory before it,
//! `peak_kb` the peak resident memory of the process (VmHWM) and `rss_kb` the resident
//! memory once it is done (what stays). Run it in a fresh process per measurement: the
//! peak of a process never goes down.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

mod reload;

use std::path::{Path, PathBuf};
use std::time::Instant;

use fleetdash::domain::Date;
use fleetdash::status::{Limits, Loader, is_status_file_name};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // As the fleetdash binary does, unless asked to measure with the allocator's defaults.
    match args.iter().position(|a| a == "--default-malloc") {
        Some(i) => {
            args.remove(i);
        }
        None => fleetdash::mem::tune_allocator(),
    }
    // `--workers N`: the loader's threads (default: one per core, as the binary).
    let workers = match args.iter().position(|a| a == "--workers") {
        Some(i) => {
            let n = args.remove(i + 1);
            args.remove(i);
            n.parse()
                .unwrap_or_else(|_| fail("--workers needs a number"))
        }
        None => 0,
    };
    // `--sync`: the views refreshed on the dashboard's thread, as before.
    let how = How {
        sync: flag(&mut args, "--sync"),
        serial: flag(&mut args, "--serial"),
        fresh_index: flag(&mut args, "--fresh-index"),
        change_lot: flag(&mut args, "--change-lot"),
    };
    let today = match args.iter().position(|a| a == "--today") {
        Some(i) => {
            let d = args.remove(i + 1);
            args.remove(i);
            fleetdash::status::raw::parse_date(&d).unwrap_or_else(|e| fail(&e))
        }
        None => Date::from_ymd_opt(2026, 11, 26).expect("a valid date"),
    };
    let Some(mode) = args.first().cloned() else {
        fail("usage: load_probe floor|fleetdash|soak N FILE PATH...")
    };
    match mode.as_str() {
        "floor" => floor(&paths(&args[1..])),
        "fleetdash" => load(&args[1..], today, workers),
        "soak" => {
            let n: usize = args
                .get(1)
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| fail("soak needs a number of reloads"));
            let file = PathBuf::from(args.get(2).unwrap_or_else(|| fail("soak needs a file")));
            reload::soak(n, &file, &args[3..], today, workers);
        }
        "reload" => {
            let n: usize = args
                .get(1)
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| fail("reload needs a number of reloads"));
            let file = PathBuf::from(args.get(2).unwrap_or_else(|| fail("reload needs a file")));
            reload::reload(n, &file, &args[3..], today, workers, how);
        }
        "parse" => {
            let n = |i: usize, what: &str| -> usize {
                args.get(i)
                    .and_then(|n| n.parse().ok())
                    .unwrap_or_else(|| fail(what))
            };
            let (threads, times) = (n(1, "parse needs threads"), n(2, "parse needs a count"));
            let file = PathBuf::from(args.get(3).unwrap_or_else(|| fail("parse needs a file")));
            parse(threads, times, &file);
        }
        other => fail(&format!("unknown mode {other}")),
    }
}

/// True when `name` is among `args` (taken out of them).
fn flag(args: &mut Vec<String>, name: &str) -> bool {
    let at = args.iter().position(|a| a == name);
    at.map(|i| args.remove(i)).is_some()
}

/// How `reload` works (see its doc).
#[derive(Clone, Copy)]
struct How {
    sync: bool,
    serial: bool,
    fresh_index: bool,
    change_lot: bool,
}

fn fail(message: &str) -> ! {
    eprintln!("load_probe: {message}");
    std::process::exit(2)
}

/// The files of the set in load order.
fn paths(args: &[String]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for a in args {
        let p = Path::new(a);
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .unwrap_or_else(|e| fail(&format!("{a}: {e}")))
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(is_status_file_name)
                })
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(p.to_path_buf());
        }
    }
    out
}

fn bytes(paths: &[PathBuf]) -> u64 {
    paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}

/// A field of /proc/self/status, in kB.
fn status_kb(field: &str) -> u64 {
    let text = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn report(mode: &str, paths: &[PathBuf], secs: f64, base_kb: u64, extra: &str) {
    println!(
        "mode={mode} files={} bytes={} secs={secs:.4} cpu_secs={:.4} base_kb={base_kb} peak_kb={} rss_kb={}{extra}",
        paths.len(),
        bytes(paths),
        cpu_secs(),
        status_kb("VmHWM"),
        status_kb("VmRSS"),
    );
}

/// The processor time (user and system, every thread) the process has used so far: on a
/// machine shared with other work, the wall time says how long a load waited too, this
/// says how much it did.
fn cpu_secs() -> f64 {
    // SAFETY: getrusage writes into the struct it is given; a zeroed rusage is valid.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: RUSAGE_SELF with a valid pointer to a rusage.
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return 0.0;
    }
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

/// The floor of this parser: what serde_yaml costs on the same files with nothing kept.
/// Each file is read and parsed in turn, as the loader reads them, and then dropped.
fn floor(paths: &[PathBuf]) {
    let base = status_kb("VmRSS");
    let start = Instant::now();
    for p in paths {
        let text = std::fs::read_to_string(p).unwrap_or_else(|e| fail(&format!("{e}")));
        let parsed: Result<serde::de::IgnoredAny, _> = serde_yaml::from_str(&text);
        if let Err(e) = parsed {
            fail(&format!("{}: {e}", p.display()));
        }
    }
    report("floor", paths, start.elapsed().as_secs_f64(), base, "");
}

fn load(args: &[String], today: Date, workers: usize) {
    let sources: Vec<PathBuf> = args.iter().map(PathBuf::from).collect();
    let base = status_kb("VmRSS");
    let start = Instant::now();
    // The loader is kept to the end, as the dashboard keeps it: it holds the last good
    // content of every file.
    let mut loader = Loader::new(sources, Limits::default());
    loader.set_workers(workers);
    let snapshot = loader.load(today);
    let secs = start.elapsed().as_secs_f64();
    let extra = format!(
        " queue={} deliveries={} problems={}",
        snapshot.programme.queue.len(),
        snapshot.programme.deliveries.len(),
        snapshot.problems.len()
    );
    report("fleetdash", &paths(args), secs, base, &extra);
    drop((snapshot, loader));
}

/// Parses `file` `times` times as the loader does, its slices on up to `threads` threads
/// (`slice::with_threads`), and prints one line per parse: wall and processor time (ms,
/// every thread of the process) and the slices parsed on a helper thread.
fn parse(threads: usize, times: usize, file: &Path) {
    use fleetdash::status::yaml::{self, slice};
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| fail(&e.to_string()));
    let mut interner = fleetdash::status::intern::Interner::default();
    for i in 1..=times {
        let (start, cpu, apart) = (Instant::now(), cpu_secs(), slice::slices_read_apart());
        let parsed = fleetdash::status::intern::with(&mut interner, || {
            slice::with_threads(threads, || yaml::parse_within(&text, Limits::default()))
        });
        let records = parsed.map_or(0, |r| r.queue.map_or(0, |q| q.len()));
        println!(
            "mode=parse threads={threads} parse={i} wall_ms={:.1} cpu_ms={:.1} records={records} apart={}",
            start.elapsed().as_secs_f64() * 1000.0,
            (cpu_secs() - cpu) * 1000.0,
            slice::slices_read_apart() - apart
        );
    }
}
