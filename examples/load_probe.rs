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

use std::path::{Path, PathBuf};
use std::time::Instant;

use fleetdash::app::{App, Data};
use fleetdash::domain::Date;
use fleetdash::status::{Limits, Loader, is_status_file_name};
use fleetdash::ui::{self, Theme};

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
            soak(n, &file, &args[3..], today, workers);
        }
        "reload" => {
            let n: usize = args
                .get(1)
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| fail("reload needs a number of reloads"));
            let file = PathBuf::from(args.get(2).unwrap_or_else(|| fail("reload needs a file")));
            reload(n, &file, &args[3..], today, workers, how);
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

/// Reloads `file` `n` times, as the dashboard does after an edit: the file is written
/// (alternately with and without a trailing comment), read again, the set merged, the
/// views refreshed, freed memory given back and a 200×60 frame drawn. Resident memory is
/// printed ten times.
fn soak(n: usize, file: &Path, args: &[String], today: Date, workers: usize) {
    let sources: Vec<PathBuf> = args.iter().map(PathBuf::from).collect();
    let original = std::fs::read_to_string(file).unwrap_or_else(|e| fail(&format!("{e}")));
    let edited = format!("{original}# edited by load_probe soak\n");
    let mut loader = Loader::new(sources, Limits::default());
    loader.set_workers(workers);
    let base = status_kb("VmRSS");
    let mut app = App::new(Data::new(loader.load(today), today));
    // As the dashboard does once its views are built.
    let trim = Instant::now();
    fleetdash::mem::release_free_memory();
    let trim_us = trim.elapsed().as_micros();
    let area = ratatui::layout::Rect::new(0, 0, 200, 60);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    ui::draw(&app, &Theme::default(), area, &mut buf);
    let force = [file.to_path_buf()].into_iter().collect();
    let all = paths(args);
    report(
        "soak",
        &all,
        0.0,
        base,
        &format!(" reloads=0 trim_us={trim_us}"),
    );
    let start = Instant::now();
    for i in 1..=n {
        let text = if i % 2 == 1 { &edited } else { &original };
        std::fs::write(file, text).unwrap_or_else(|e| fail(&format!("{e}")));
        let snapshot = loader.load_forcing(today, &force);
        app.set_data(Data::new(snapshot, today));
        // As the dashboard does after each reload.
        fleetdash::mem::release_free_memory();
        buf.reset();
        ui::draw(&app, &Theme::default(), area, &mut buf);
        if i % (n / 10).max(1) == 0 || i == n {
            let per = start.elapsed().as_secs_f64() / i as f64;
            report("soak", &all, per, base, &format!(" reloads={i}"));
        }
    }
    std::fs::write(file, &original).unwrap_or_else(|e| fail(&format!("{e}")));
    // Kept alive to the end, so that a heap profiler's "at exit" view (valgrind --tool=dhat)
    // shows what the idle dashboard holds.
    std::mem::forget((app, loader));
}

/// Reloads `file` `n` times as the dashboard does, and prints one line per reload with the
/// time of each part, in ms: `read` (listing, reading and parsing the file: the loader),
/// `merge` (the programme built again from every file), `tidy` (the loader's last steps),
/// `describe` (the words of the reload's flash: what changed in the programme), `figures`
/// (figures, forecast, completeness: `Data::with_window`), `index` (the queue view's index
/// and widths of a new queue: `Data::with_queue_index`), all on the loader thread; then
/// as the dashboard does it: `copy` (the views' states copied, `App::views`, dashboard's
/// thread), `refresh` (the copy refreshed for the new data, `Views::refresh`, on the
/// refreshing thread; `views=` each view's part), `swap` (the refreshed states put in
/// place, `App::install`, dashboard's thread), `drop` (the old data and states freed, on
/// the refreshing thread) and `frame` (one 200×60 frame). `dashboard` is `copy` + `swap`:
/// what the dashboard's thread spends on a reload, besides drawing. `loader_thread` is the
/// sum of the first six, `loader_cpu` the processor time of the process meanwhile (every
/// thread, ms; `figures_index_cpu` that of `figures` and `index`), `refresh_cpu` that of `refresh` and `drop`. Run here one after the other,
/// on this thread.
///
/// As the loader thread does, the figures and the index are worked out at once on two
/// threads (`Data::with_window_and_index`), the index reusing the runs of the last one
/// whose vehicles are unchanged: `figures` is then both, and `index` 0. With `--serial`
/// they run one after the other (`Data::with_window`, then `Data::with_queue_index`);
/// with `--fresh-index` the index is built whole each time (no reuse). The file is saved
/// again with a comment added (every vehicle the same), then as it was; with
/// `--change-lot` the edit also changes the lot of the file's first vehicle, so that its
/// run of the index is built again.
fn reload(n: usize, file: &Path, args: &[String], today: Date, workers: usize, how: How) {
    let sync = how.sync;
    let sources: Vec<PathBuf> = args.iter().map(PathBuf::from).collect();
    let original = std::fs::read_to_string(file).unwrap_or_else(|e| fail(&format!("{e}")));
    let mut edited = format!("{original}# edited by load_probe reload\n");
    if how.change_lot {
        edited = edited.replacen("\n    lot: ", "\n    lot: X", 1);
    }
    let mut loader = Loader::new(sources, Limits::default());
    loader.set_workers(workers);
    let window = fleetdash::domain::forecast::DEFAULT_WINDOW_MONTHS;
    let first = Data::with_window_and_index(loader.load(today), today, window, None);
    let mut last = first.last_index();
    let mut app = App::new(first);
    fleetdash::mem::release_free_memory();
    let area = ratatui::layout::Rect::new(0, 0, 200, 60);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    ui::draw(&app, &Theme::default(), area, &mut buf);
    let force = [file.to_path_buf()].into_iter().collect();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    for i in 1..=n {
        let text = if i % 2 == 1 { &edited } else { &original };
        std::fs::write(file, text).unwrap_or_else(|e| fail(&format!("{e}")));
        let old = std::sync::Arc::clone(app.data.programme());
        let start = Instant::now();
        let cpu_start = cpu_secs();
        let snapshot = loader.load_forcing(today, &force);
        let loaded = start.elapsed();
        let timing = loader.timing();
        // As the loader thread does: what changed, for the flash and the Changes view.
        let found = fleetdash::domain::changes::between(&old, &snapshot.programme);
        let words = fleetdash::domain::changes::words(&found);
        let described = start.elapsed();
        let figures_cpu_start = cpu_secs();
        let new_queue = !fleetdash::domain::Shared::ptr_eq(&old.queue, &snapshot.programme.queue);
        let reuse = if how.fresh_index { None } else { last.as_ref() };
        let (data, figured) = if how.serial || !new_queue {
            let data = Data::new(snapshot, today);
            let figured = start.elapsed();
            let data = if new_queue {
                data.with_queue_index(reuse)
            } else {
                data
            };
            (data, figured)
        } else {
            // As the loader thread does: the figures and the index at once.
            let data = Data::with_window_and_index(snapshot, today, window, reuse);
            (data, start.elapsed())
        };
        let indexed = start.elapsed();
        let figures_cpu = (cpu_secs() - figures_cpu_start) * 1000.0;
        if new_queue {
            last = data.last_index();
        }
        let loader_cpu = (cpu_secs() - cpu_start) * 1000.0;
        drop(old);
        if sync {
            let cpu = cpu_secs();
            app.set_data(data);
            app.log_changes(chrono::Local::now().naive_local(), found);
            fleetdash::mem::release_free_memory();
            let set = start.elapsed();
            let cpu = (cpu_secs() - cpu) * 1000.0;
            buf.reset();
            ui::draw(&app, &Theme::default(), area, &mut buf);
            println!(
                "mode=reload-sync reload={i} loader_thread={:.1} dashboard={:.1} dashboard_cpu={cpu:.1} frame={:.1} peak_kb={} rss_kb={}",
                ms(indexed),
                ms(set - indexed),
                ms(start.elapsed() - set),
                status_kb("VmHWM"),
                status_kb("VmRSS"),
            );
            continue;
        }
        let mut views = app.views();
        let copied = start.elapsed();
        let refresh_cpu_start = cpu_secs();
        let parts = views.refresh_and_log(&data, vec![(chrono::Local::now().naive_local(), found)]);
        let refreshed = start.elapsed();
        let old = app.install(data, views);
        let swapped = start.elapsed();
        drop(old);
        fleetdash::mem::release_free_memory();
        let dropped = start.elapsed();
        let refresh_cpu = (cpu_secs() - refresh_cpu_start) * 1000.0;
        buf.reset();
        ui::draw(&app, &Theme::default(), area, &mut buf);
        let drawn = start.elapsed();
        let parts: Vec<String> = parts
            .iter()
            .map(|(name, d)| format!("{name}:{:.1}", ms(*d)))
            .collect();
        println!(
            "mode=reload reload={i} read={:.1} merge={:.1} tidy={:.1} describe={:.1} figures={:.1} \
             index={:.1} figures_index_cpu={figures_cpu:.1} loader_thread={:.1} loader_cpu={:.1} \
             copy={:.2} refresh={:.1} \
             swap={:.2} drop={:.1} dashboard={:.2} refresh_cpu={:.1} views={} frame={:.1} \
             words={} peak_kb={} rss_kb={}",
            ms(timing.read),
            ms(timing.merge),
            ms(timing.tidy),
            ms(described - loaded),
            ms(figured - described),
            ms(indexed - figured),
            ms(indexed),
            loader_cpu,
            ms(copied - indexed),
            ms(refreshed - copied),
            ms(swapped - refreshed),
            ms(dropped - swapped),
            ms(copied - indexed) + ms(swapped - refreshed),
            refresh_cpu,
            parts.join(","),
            ms(drawn - dropped),
            words.len(),
            status_kb("VmHWM"),
            status_kb("VmRSS"),
        );
    }
    std::fs::write(file, &original).unwrap_or_else(|e| fail(&format!("{e}")));
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
