//! The loader thread seen from the loop: keys answered while it works, and requests
//! posted meanwhile merged into one load.

use super::*;

#[test]
fn keys_are_answered_during_a_load_and_requests_posted_meanwhile_make_one_load() {
    let (_dir, root) = sample();
    let config = crate::config::load(&root.join("fleetdash.yaml")).unwrap();
    // The loader thread tells when a load starts, and waits for a word to go on.
    let (started_tx, started) = mpsc::channel::<()>();
    let (go, go_rx) = mpsc::channel::<()>();
    let gate: reload::Gate = Box::new(move || {
        let _ = started_tx.send(());
        let _ = go_rx.recv();
    });
    let (tx, rx) = mpsc::channel();
    let options = Options {
        config,
        today: Date::from_ymd_opt(2026, 11, 26),
        status_from_cli: false,
    };
    let mut rt = Rig {
        rt: Runtime::with_gate(options, tx, Some(gate)),
        rx,
    };
    let key = |c| {
        Event::Key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
        ))
    };
    // Nothing is read before the first request.
    assert!(rt.app.first_loading());
    assert_eq!(rt.next_wake(), None);
    let asked = Instant::now();
    rt.reload(reload::Force::Stamps, "first");
    started
        .recv_timeout(DEADLINE)
        .expect("the first load starts");
    // The first load is held: the loading screen answers keys all the same, and takes
    // the load's progress every PROGRESS_EVERY, and only while it runs.
    assert!(rt.handle(key('2'), Instant::now()).redraw);
    assert_eq!(rt.app.view, crate::app::View::Variants);
    let tick = rt.next_wake().expect("a progress timer while loading");
    assert!(tick >= asked + PROGRESS_EVERY && tick <= Instant::now() + PROGRESS_EVERY);
    assert!(rt.on_timers(tick).redraw);
    let loading = rt.app.loading.as_ref().expect("the loading state");
    assert!(loading.first && loading.progress.is_some());
    // The first tick comes PROGRESS_EVERY after the load was asked for.
    assert_eq!(loading.elapsed, PROGRESS_EVERY);
    assert_eq!(rt.next_wake(), Some(tick + PROGRESS_EVERY));
    go.send(()).unwrap();
    assert!(rt.pump().redraw);
    assert!(rt.app.loading.is_none());
    assert_eq!(rt.app.data.snapshot.files.len(), 5);
    // The first load is no news, and no reload.
    assert_eq!(flash(&rt), "");
    assert_eq!(rt.reloads(), 0);
    assert_eq!(rt.next_wake(), None, "idle, no timer");

    // A reload, held: the last figures stay, keys are answered.
    rt.reload(reload::Force::Stamps, "poll");
    started.recv_timeout(DEADLINE).expect("the reload starts");
    assert!(rt.handle(key('5'), Instant::now()).redraw);
    assert_eq!(rt.app.view, crate::app::View::Problems);
    assert!(!rt.app.first_loading());
    // Three requests while it is held: one file, another, then `r`.
    let one = |name: &str| reload::Force::Files([root.join("status").join(name)].into());
    rt.reload(one("plan.yaml"), "files");
    rt.reload(one("queue-roanne.yaml"), "files");
    assert!(rt.handle(key('r'), Instant::now()).redraw);
    go.send(()).unwrap();
    rt.pump();
    // Another load follows: its progress is still taken.
    assert!(rt.app.loading.is_some() && rt.next_wake().is_some());
    // The next load does what the three asked, once.
    started
        .recv_timeout(DEADLINE)
        .expect("a second load starts");
    go.send(()).unwrap();
    rt.pump();
    assert_eq!(rt.app.data.snapshot.reread.len(), 5);
    assert_eq!(flash(&rt), "reloaded 5 files");
    assert!(rt.app.loading.is_none());
    // Idle again: no timer but the flash's end.
    assert_eq!(rt.next_wake(), rt.app.flash.as_ref().map(|f| f.until));
    // No third load: once the runtime has gone, the thread ends with nothing more to send.
    let Rig { rt, rx } = rt;
    drop(rt);
    match rx.recv_timeout(DEADLINE) {
        Err(mpsc::RecvTimeoutError::Disconnected) => {}
        other => panic!("a third load: {other:?}"),
    }
}

#[test]
fn merged_requests_keep_the_widest_force_and_the_newest_day() {
    use reload::{Force, Request};
    let day = |d| Date::from_ymd_opt(2026, 11, d).unwrap();
    let request = |force, why: &str, d| Request {
        force,
        why: why.into(),
        today: day(d),
        window_months: 6,
        sources: None,
        note: None,
    };
    let files = |names: &[&str]| Force::Files(names.iter().map(PathBuf::from).collect());
    let merged = request(files(&["a"]), "files", 1).merge(request(files(&["b"]), "files", 2));
    assert_eq!(merged.force, files(&["a", "b"]));
    assert_eq!((merged.why.as_str(), merged.today), ("files", day(2)));
    let merged = merged.merge(request(Force::Stamps, "poll", 3));
    assert_eq!(merged.force, files(&["a", "b"]));
    assert_eq!(merged.why, "poll+files");
    let merged = request(Force::All, "key", 1).merge(request(files(&["c"]), "files", 1));
    assert_eq!(merged.force, Force::All);
}

/// A change to every file of a large set (`touch status/*.yaml` on 1 000 one-vehicle
/// files) costs about what `r` costs: which of the set's files the watcher named is
/// worked out once per path, not by comparing every pair (which took 7.6 s).
#[test]
fn a_change_to_a_thousand_files_costs_about_what_r_costs() {
    let (_dir, root) = sample();
    let status = root.join("status");
    for name in ["queue-seraing.yaml", "queue-roanne.yaml"] {
        std::fs::remove_file(status.join(name)).unwrap();
    }
    let mut paths = Vec::new();
    for i in 0..1000 {
        let path = status.join(format!("queue-{i:04}.yaml"));
        std::fs::write(
            &path,
            format!(
                "version: 1\nqueue:\n  - serial: BE-GRF-{:04}\n    variant: grf-tt\n    \
                 stage: hull\n    since: 2026-11-20\n    site: Seraing\n",
                5000 + i
            ),
        )
        .unwrap();
        paths.push(path);
    }
    let mut rt = runtime(crate::config::load(&root.join("fleetdash.yaml")).unwrap());
    assert_eq!(rt.app.data.snapshot.files.len(), 1003);
    let key_r = Event::Key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('r'),
        crossterm::event::KeyModifiers::NONE,
    ));
    let started = Instant::now();
    rt.handle(key_r, started);
    rt.pump();
    let all = started.elapsed();
    assert_eq!(rt.app.data.snapshot.reread.len(), 1003);

    // Every file named by the watcher, as absolute paths (the loader lists them through
    // `…/config/status`, spelled as the config names it).
    let started = Instant::now();
    rt.handle(Event::Files(paths), started);
    let due = rt.pending.deadline.expect("a reload is pending");
    rt.on_timers(due);
    rt.pump();
    // The timers ran at once: no debounce is in the time.
    let touched = started.elapsed();
    assert_eq!(rt.app.data.snapshot.reread.len(), 1000);
    eprintln!("r: {all:?}, 1 000 files named: {touched:?}");
    assert!(
        touched < all * 3 + Duration::from_millis(200),
        "r took {all:?}, a change to 1 000 files {touched:?}"
    );
}

/// The next finished load on the channel, other events handled as the loop would.
fn next_loaded(rt: &mut Rig) -> Box<crate::event::Loaded> {
    loop {
        match rt
            .rx
            .recv_timeout(DEADLINE)
            .expect("a load within the deadline")
        {
            Event::Loaded(loaded) => return loaded,
            other => {
                rt.rt.handle(other, Instant::now());
            }
        }
    }
}

#[test]
fn the_queue_index_of_a_reload_is_built_on_the_loader_thread() {
    let (_dir, root) = sample();
    let mut rt = runtime(crate::config::load(&root.join("fleetdash.yaml")).unwrap());
    let status = root.join("status");
    let one = |name: &str| reload::Force::Files([status.join(name)].into());

    // A queue file edited: the load comes with the queue view's index built, and the
    // view takes that very index, building nothing on the loop's thread.
    let queue = status.join("queue-roanne.yaml");
    let text = std::fs::read_to_string(&queue).unwrap();
    std::fs::write(&queue, text.replacen("stage: paint", "stage: hull", 1)).unwrap();
    rt.reload(one("queue-roanne.yaml"), "files");
    let loaded = next_loaded(&mut rt);
    let data = loaded.data.as_ref().expect("new data");
    let (built, _) = data
        .queue_index
        .clone()
        .expect("the index came with the data");
    assert_eq!(built.len(), data.programme().queue.len());
    rt.handle(Event::Loaded(loaded), Instant::now());
    land(&mut rt);
    assert!(std::sync::Arc::ptr_eq(rt.app.queue.index(), &built));

    // The plan edited: the queue is the same, no index is built, the view keeps its own.
    let plan = status.join("plan.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(&plan, format!("{text}# edited\n")).unwrap();
    rt.reload(one("plan.yaml"), "files");
    let loaded = next_loaded(&mut rt);
    assert!(loaded.data.as_ref().is_none_or(|d| !d.has_queue_index()));
    rt.handle(Event::Loaded(loaded), Instant::now());
    land(&mut rt);
    assert!(std::sync::Arc::ptr_eq(rt.app.queue.index(), &built));
}

/// Handles the events on the channel until the views' states of the loads taken have
/// landed.
fn land(rt: &mut Rig) {
    while rt.landing.is_some() {
        let event = rt.rx.recv_timeout(DEADLINE).expect("a landing");
        rt.rt.handle(event, Instant::now());
    }
}
