//! The views' states of a load built on the refreshing thread: keys answered while it
//! works, what they did kept when the new states land, and the states that land those
//! built there.

use std::sync::Arc;

use super::*;
use crate::app::{Action, App, Data, View};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn char_key(c: char) -> Event {
    key(KeyCode::Char(c))
}

/// The serials of the queue's rows shown, and the selected one.
fn queue_rows(app: &App) -> (Vec<String>, Option<String>) {
    let rows = app.queue.vehicles(&app.data).map(|v| v.serial.to_string());
    let selected = app.queue.selected(&app.data).map(|v| v.serial.to_string());
    (rows.collect(), selected)
}

/// Edits `queue-roanne.yaml` (its vehicle at the comms stage back to the hull) and asks for a
/// reload of it.
fn edit_and_reload(rt: &mut Rig, root: &Path) {
    let status = root.join("status");
    edit(
        &status.join("queue-roanne.yaml"),
        "\n    stage: comms\n",
        "\n    stage: hull\n",
        1,
    );
    let force = reload::Force::Files([status.join("queue-roanne.yaml")].into());
    rt.reload(force, "files");
}

#[test]
fn keys_are_answered_while_the_views_refresh_and_what_they_did_is_kept() {
    let (_dir, root) = sample();
    let config = crate::config::load(&root.join("fleetdash.yaml")).unwrap();
    // The refreshing thread tells when it starts a job, and waits for a word to go on.
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
        rt: Runtime::with_gates(options, tx, None, Some(gate)),
        rx,
    };
    // The first load's views go through at once.
    go.send(()).unwrap();
    rt.reload(reload::Force::Stamps, "first");
    assert!(rt.pump().redraw);
    assert!(rt.app.loading.is_none() && !rt.app.is_refreshing());
    started.recv_timeout(DEADLINE).unwrap();

    // The queue, filtered (typed, then kept) and sorted by its second column.
    let before_keys = [
        char_key('3'),
        char_key('/'),
        char_key('g'),
        char_key('r'),
        char_key('f'),
        key(KeyCode::Enter),
        char_key('s'),
    ];
    for event in before_keys {
        rt.handle(event, Instant::now());
    }
    let old = rt.app.data.clone();
    let (old_rows, _) = queue_rows(&rt.app);
    assert!(old_rows.len() > 3, "{old_rows:?}");
    assert_eq!(rt.app.queue.selected_row(), Some(0));

    // A reload: its load lands, and the views' refresh is held on its thread.
    edit_and_reload(&mut rt, &root);
    loop {
        let event = rt.rx.recv_timeout(DEADLINE).expect("the load");
        let loaded = matches!(event, Event::Loaded(_));
        rt.rt.handle(event, Instant::now());
        if loaded {
            break;
        }
    }
    started.recv_timeout(DEADLINE).expect("the refresh starts");
    assert!(rt.app.is_refreshing());
    // The old figures and rows stay on screen, with no flash yet.
    assert!(Arc::ptr_eq(rt.app.data.programme(), old.programme()));
    assert_eq!(flash(&rt), "");

    // Keys are answered meanwhile: the sort reversed, the selection moved down twice,
    // the Variants view's selection moved, and back to the queue.
    let reversed = !rt.app.queue.sort().1;
    assert!(rt.handle(char_key('S'), Instant::now()).redraw);
    assert_eq!(rt.app.queue.sort().1, reversed);
    // The selected vehicle stays selected in the new order.
    let row = rt.app.queue.selected_row().unwrap();
    assert_eq!(queue_rows(&rt.app).0[row], old_rows[0]);
    let held_keys = [
        char_key('j'),
        char_key('j'),
        char_key('2'),
        char_key('j'),
        char_key('3'),
    ];
    for event in held_keys {
        assert!(rt.handle(event, Instant::now()).redraw);
    }
    assert_eq!(rt.app.queue.selected_row(), Some(row + 2));
    assert_eq!(rt.app.variants.selected, 1);
    assert_eq!(rt.app.view, View::Queue);
    assert!(Arc::ptr_eq(rt.app.data.programme(), old.programme()));

    // Released: the new data lands, with what the keys did.
    go.send(()).unwrap();
    rt.pump();
    assert!(!rt.app.is_refreshing() && rt.landing.is_none());
    assert!(!Arc::ptr_eq(rt.app.data.programme(), old.programme()));
    assert_ne!(flash(&rt), "");

    // What the dashboard would show had the new data landed at once, and the same keys
    // been pressed after it: the same actions on an app refreshed on this thread.
    let old_data = old.clone();
    let mut want = App::new(old);
    for action in [
        Action::Show(View::Queue),
        Action::StartFilter,
        Action::FilterChar('g'),
        Action::FilterChar('r'),
        Action::FilterChar('f'),
        Action::AcceptFilter,
        Action::SortNext,
    ] {
        want.update(action);
    }
    want.set_data(Data::clone(&rt.app.data));
    for action in [
        Action::SortReverse,
        Action::Down,
        Action::Down,
        Action::Show(View::Variants),
        Action::Down,
        Action::Show(View::Queue),
    ] {
        want.update(action);
    }
    let (rows, selected) = queue_rows(&rt.app);
    assert_eq!((rows.clone(), selected.clone()), queue_rows(&want));
    assert_eq!(rt.app.queue.filter(), "grf");
    assert_eq!(rt.app.queue.sort(), want.queue.sort());
    assert_eq!(rt.app.queue.selected_row(), Some(row + 2));
    assert_eq!(rt.app.variants.selected, want.variants.selected);
    // The edit landed: one more vehicle at the hull than in the old data.
    let hulls = |data: &Data| {
        let p = data.programme();
        let queue = p.queue.iter();
        queue
            .filter(|v| p.stages[v.stage.0 as usize].id == "hull")
            .count()
    };
    assert_eq!(hulls(&rt.app.data), hulls(&old_data) + 1);
    assert_eq!(rows.len(), old_rows.len());
}

#[test]
fn the_states_that_land_are_those_built_on_the_refreshing_thread() {
    let (_dir, root) = sample();
    let mut rt = runtime(crate::config::load(&root.join("fleetdash.yaml")).unwrap());
    edit_and_reload(&mut rt, &root);
    let refreshed = loop {
        match rt.rx.recv_timeout(DEADLINE).expect("a refresh") {
            Event::Refreshed(refreshed) => break refreshed,
            other => {
                rt.rt.handle(other, Instant::now());
            }
        }
    };
    // What the refreshing thread built: the queue's order for its sort (and its rows, the
    // same list with no filter), the Overview's vehicles to look at.
    let order = Arc::clone(refreshed.views.queue.order());
    assert_eq!(order.len(), refreshed.data.programme().queue.len());
    let attention = refreshed.views.overview.attention.as_ptr();
    assert!(!refreshed.views.overview.attention.is_empty());
    rt.handle(Event::Refreshed(refreshed), Instant::now());
    assert!(rt.landing.is_none());
    // The very lists land: nothing was built again on the loop's thread.
    assert!(Arc::ptr_eq(rt.app.queue.order(), &order));
    assert!(Arc::ptr_eq(&rt.app.queue.rows, &order));
    assert_eq!(rt.app.overview.attention.as_ptr(), attention);
}

#[test]
fn a_refresh_overtaken_by_a_newer_load_is_dropped_and_both_reloads_are_logged() {
    let (_dir, root) = sample();
    let config = crate::config::load(&root.join("fleetdash.yaml")).unwrap();
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
        rt: Runtime::with_gates(options, tx, None, Some(gate)),
        rx,
    };
    go.send(()).unwrap();
    rt.reload(reload::Force::Stamps, "first");
    rt.pump();
    started.recv_timeout(DEADLINE).unwrap();
    let old = rt.app.data.clone();
    let next_loaded = |rt: &mut Rig| loop {
        let event = rt.rx.recv_timeout(DEADLINE).expect("a load");
        let loaded = matches!(event, Event::Loaded(_));
        rt.rt.handle(event, Instant::now());
        if loaded {
            break;
        }
    };

    // A first reload, whose refresh is held; then a second file edited and reloaded.
    edit_and_reload(&mut rt, &root);
    next_loaded(&mut rt);
    started
        .recv_timeout(DEADLINE)
        .expect("the first refresh starts");
    let seraing = root.join("status").join("queue-seraing.yaml");
    edit(&seraing, "\n    stage: kit\n", "\n    stage: hull\n", 1);
    rt.reload(reload::Force::Files([seraing].into()), "files");
    next_loaded(&mut rt);

    // The first refresh, released, comes back and is not shown: a newer one is wanted.
    go.send(()).unwrap();
    loop {
        let event = rt.rx.recv_timeout(DEADLINE).expect("the first refresh");
        let refreshed = matches!(event, Event::Refreshed(_));
        rt.rt.handle(event, Instant::now());
        if refreshed {
            break;
        }
    }
    assert!(rt.landing.is_some() && rt.app.is_refreshing());
    assert!(Arc::ptr_eq(rt.app.data.programme(), old.programme()));
    assert_eq!(rt.app.changes.log.entries().count(), 0);

    // The second lands: both edits in the data, both reloads in the Changes view's log.
    started
        .recv_timeout(DEADLINE)
        .expect("the second refresh starts");
    go.send(()).unwrap();
    rt.pump();
    assert!(rt.landing.is_none() && !rt.app.is_refreshing());
    let hulls = |data: &Data| {
        let p = data.programme();
        let queue = p.queue.iter();
        queue
            .filter(|v| p.stages[v.stage.0 as usize].id == "hull")
            .count()
    };
    assert_eq!(hulls(&rt.app.data), hulls(&old) + 2);
    assert_eq!(rt.app.changes.log.entries().count(), 2);
    assert_eq!(rt.reloads(), 2);
}
