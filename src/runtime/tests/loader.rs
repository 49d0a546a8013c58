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
    rt.reload(reload::Force::Stamps, "first");
    started
        .recv_timeout(DEADLINE)
        .expect("the first load starts");
    // The load is held: keys are answered all the same.
    let key = |c| {
        Event::Key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
        ))
    };
    assert!(rt.handle(key('2'), Instant::now()).redraw);
    assert_eq!(rt.app.view, crate::app::View::Variants);
    // Three requests while it is held: one file, another, then `r`.
    let one = |name: &str| reload::Force::Files([root.join("status").join(name)].into());
    rt.reload(one("plan.yaml"), "files");
    rt.reload(one("queue-roanne.yaml"), "files");
    assert!(rt.handle(key('r'), Instant::now()).redraw);
    go.send(()).unwrap();
    rt.pump();
    // The next load does what the three asked, once.
    started
        .recv_timeout(DEADLINE)
        .expect("a second load starts");
    go.send(()).unwrap();
    rt.pump();
    assert_eq!(rt.app.data.snapshot.reread.len(), 5);
    assert_eq!(flash(&rt), "reloaded 5 files");
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
