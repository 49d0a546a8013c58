//! The probe's `soak` and `reload` modes: a loaded set edited and reloaded again and again,
//! as the dashboard lives through edits (see `main.rs`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use fleetdash::app::{App, Data};
use fleetdash::domain::Date;
use fleetdash::status::{Limits, Loader};
use fleetdash::ui::{self, Theme};

use super::{How, cpu_secs, fail, paths, report, status_kb};

/// Reloads `file` `n` times, as the dashboard does after an edit: the file is written
/// (alternately with and without a trailing comment), read again, the set merged, the
/// views refreshed, freed memory given back and a 200×60 frame drawn. Resident memory is
/// printed ten times.
pub(super) fn soak(n: usize, file: &Path, args: &[String], today: Date, workers: usize) {
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
pub(super) fn reload(
    n: usize,
    file: &Path,
    args: &[String],
    today: Date,
    workers: usize,
    how: How,
) {
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
