//! The Assembly queue driven through `App::update`, as the keys drive it: filtering,
//! sorting, moving, the detail panel, and the selection across reloads.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::fs;
use std::path::Path;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use fleetdash::app::keymap;
use fleetdash::app::queue::SortKey;
use fleetdash::app::{Action, App, Data, Effect, View};
use fleetdash::domain::{Date, Origin, Programme, SiteId, StageId, VariantId, Vehicle};
use fleetdash::status::{Limits, Loader, Snapshot};
use fleetdash::ui::{self, Theme};

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).expect("a valid date")
}

fn load(dir: &Path) -> Data {
    let snapshot = Loader::new(vec![dir.to_path_buf()], Limits::default()).load(today());
    assert!(snapshot.problems.is_empty(), "{:?}", snapshot.problems);
    Data::new(snapshot, today())
}

/// The sample, on the queue view.
fn sample() -> App {
    let mut app = App::new(load(Path::new("config/status")));
    app.view = View::Queue;
    app
}

fn typed(app: &mut App, text: &str) {
    assert_eq!(app.update(Action::StartFilter), Effect::Redraw);
    for c in text.chars() {
        assert_eq!(app.update(Action::FilterChar(c)), Effect::Redraw);
    }
}

fn serials(app: &App) -> Vec<String> {
    app.queue
        .vehicles(&app.data)
        .map(|v| v.serial.to_string())
        .collect()
}

fn selected(app: &App) -> String {
    app.queue
        .selected(&app.data)
        .map(|v| v.serial.to_string())
        .unwrap_or_default()
}

/// The serials of the queue that pass `test`, in serial order.
fn expected(app: &App, test: impl Fn(&Programme, &Vehicle) -> bool) -> Vec<String> {
    let p = app.data.programme();
    let mut out: Vec<String> = p
        .queue
        .iter()
        .filter(|v| test(p, v))
        .map(|v| v.serial.to_string())
        .collect();
    out.sort();
    out
}

#[test]
fn typing_filters_as_it_goes_and_enter_keeps_the_filter() {
    let mut app = sample();
    let all = app.queue.len();
    assert_eq!(all, app.data.programme().queue.len());
    typed(&mut app, "stage:paint");
    assert!(app.is_typing());
    let paint = expected(&app, |p, v| p.stage(v.stage).id == "paint");
    assert!(!paint.is_empty());
    assert_eq!(serials(&app), paint);

    app.update(Action::AcceptFilter);
    assert!(!app.is_typing());
    assert_eq!(app.queue.filter(), "stage:paint");
    assert_eq!(serials(&app), paint);
    let text = frame(&mut app, 80, 24);
    assert!(
        text.contains(&format!("{} of {all} vehicles", paint.len())),
        "{text}"
    );

    // Esc when not typing clears the kept filter; a second Esc has nothing to close.
    assert_eq!(app.update(Action::Close), Effect::Redraw);
    assert_eq!(app.queue.filter(), "");
    assert_eq!(app.queue.len(), all);
    assert_eq!(app.update(Action::Close), Effect::None);
}

#[test]
fn esc_while_typing_clears_the_filter() {
    let mut app = sample();
    typed(&mut app, "roanne");
    assert!(app.queue.len() < app.data.programme().queue.len());
    app.update(Action::Close);
    assert!(!app.is_typing());
    assert_eq!(app.queue.filter(), "");
    assert_eq!(app.queue.len(), app.data.programme().queue.len());
}

#[test]
fn backspace_edits_the_filter() {
    let mut app = sample();
    typed(&mut app, "stage:paintx");
    assert!(app.queue.is_empty());
    let text = frame(&mut app, 80, 24);
    assert!(text.contains("No vehicle matches this filter."), "{text}");
    app.update(Action::FilterBackspace);
    assert_eq!(app.queue.filter(), "stage:paint");
    assert_eq!(
        serials(&app),
        expected(&app, |p, v| p.stage(v.stage).id == "paint")
    );
}

#[test]
fn while_typing_the_keymap_sends_letters_to_the_filter() {
    let mut app = sample();
    app.update(Action::StartFilter);
    for c in ['q', 's', 'j', '3'] {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let action = keymap::action(key, app.view, app.is_typing()).expect("a key action");
        assert_eq!(action, Action::FilterChar(c));
        app.update(action);
    }
    assert_eq!(app.queue.filter(), "qsj3");
    assert_eq!(app.view, View::Queue);
}

/// Which vehicles a filter should keep.
type Test = fn(&Programme, &Vehicle) -> bool;

#[test]
fn plain_words_match_every_field_ignoring_case() {
    let cases: [(&str, Test); 6] = [
        ("ROANNE", |p, v| p.site(v.site) == "KNDS Roanne"),
        ("hydraulic", |_, v| {
            v.hold.as_deref().is_some_and(|h| h.contains("hydraulic"))
        }),
        // A variant's name and family.
        ("jaguar", |p, v| p.variant(v.variant).id == "jag"),
        // A stage's name.
        ("turret", |p, v| p.stage(v.stage).id == "turret"),
        ("l25b", |_, v| v.lot.as_deref() == Some("L25B")),
        ("grf-00", |_, v| v.serial.starts_with("BE-GRF-00")),
    ];
    for (word, test) in cases {
        let mut app = sample();
        typed(&mut app, word);
        let want = expected(&app, test);
        assert!(!want.is_empty(), "{word}");
        assert_eq!(serials(&app), want, "{word}");
    }
}

#[test]
fn field_prefixes_match_one_field() {
    let cases: [(&str, Test); 7] = [
        ("site:roanne", |p, v| p.site(v.site) == "KNDS Roanne"),
        ("variant:jag", |p, v| p.variant(v.variant).id == "jag"),
        ("stage:rework", |p, v| p.stage(v.stage).rework),
        ("hold:", |_, v| v.is_on_hold()),
        ("hold:radio", |_, v| {
            v.hold.as_deref().is_some_and(|h| h.contains("radio"))
        }),
        ("overdue", |_, v| v.is_overdue(today())),
        ("held overdue", |_, v| {
            v.is_on_hold() && v.is_overdue(today())
        }),
    ];
    for (filter, test) in cases {
        let mut app = sample();
        typed(&mut app, filter);
        app.update(Action::AcceptFilter);
        let want = expected(&app, test);
        assert!(!want.is_empty(), "{filter}");
        assert_eq!(serials(&app), want, "{filter}");
    }
    // A prefix limits the match to its field: `roanne` is a site, not a stage.
    let mut app = sample();
    typed(&mut app, "stage:roanne");
    assert!(app.queue.is_empty());
    // A prefix that names no field is plain text: the hold reason has `fix:`.
    let mut app = sample();
    typed(&mut app, "fix:");
    assert_eq!(
        serials(&app),
        expected(&app, |_, v| v
            .hold
            .as_deref()
            .is_some_and(|h| h.contains("fix:")))
    );
}

#[test]
fn s_cycles_the_sort_and_capital_s_reverses_it() {
    let mut app = sample();
    let today = today();
    assert_eq!(app.queue.sort(), (SortKey::Serial, false));
    let first_serials = serials(&app);
    let mut sorted = first_serials.clone();
    sorted.sort();
    assert_eq!(first_serials, sorted);

    let seen: Vec<SortKey> = (0..6)
        .map(|_| {
            app.update(Action::SortNext);
            app.queue.sort().0
        })
        .collect();
    assert_eq!(
        seen,
        [
            SortKey::Variant,
            SortKey::Stage,
            SortKey::Site,
            SortKey::DaysInStage,
            SortKey::Due,
            SortKey::Serial
        ]
    );

    // Stage: flow order, rework after the main line.
    press_until(&mut app, SortKey::Stage);
    let p = app.data.programme().clone();
    let ranks: Vec<(bool, u32)> = app
        .queue
        .vehicles(&app.data)
        .map(|v| (p.stage(v.stage).rework, v.stage.0))
        .collect();
    assert!(ranks.is_sorted(), "{ranks:?}");
    assert!(ranks.last().is_some_and(|r| r.0));

    // Days in stage: longest first, then reversed.
    press_until(&mut app, SortKey::DaysInStage);
    assert_eq!(app.queue.sort(), (SortKey::DaysInStage, true));
    let days: Vec<i64> = app
        .queue
        .vehicles(&app.data)
        .map(|v| v.days_in_stage(today))
        .collect();
    assert!(days.is_sorted_by(|a, b| a >= b), "{days:?}");
    let text = frame(&mut app, 80, 24);
    assert!(text.contains("days▼"), "{text}");
    app.update(Action::SortReverse);
    let days: Vec<i64> = app
        .queue
        .vehicles(&app.data)
        .map(|v| v.days_in_stage(today))
        .collect();
    assert!(days.is_sorted(), "{days:?}");
    assert!(frame(&mut app, 80, 24).contains("days▲"));

    // Due: earliest first.
    press_until(&mut app, SortKey::Due);
    let due: Vec<_> = app.queue.vehicles(&app.data).map(|v| v.due).collect();
    assert!(due.iter().flatten().is_sorted());

    // Serial reversed.
    press_until(&mut app, SortKey::Serial);
    app.update(Action::SortReverse);
    assert_eq!(
        serials(&app),
        first_serials.iter().rev().cloned().collect::<Vec<_>>()
    );
}

fn press_until(app: &mut App, key: SortKey) {
    for _ in 0..SortKey::ALL.len() {
        if app.queue.sort().0 == key {
            return;
        }
        app.update(Action::SortNext);
    }
    panic!("{key:?} never came");
}

#[test]
fn sorting_and_filtering_keep_the_selected_vehicle() {
    let mut app = sample();
    app.update(Action::Down);
    app.update(Action::Down);
    let chosen = selected(&app);
    app.update(Action::SortNext);
    app.update(Action::SortNext);
    assert_eq!(selected(&app), chosen);
    // A filter that drops it selects the first row; erasing the word brings it back.
    typed(&mut app, "zzz");
    assert_eq!(app.queue.selected_row(), None);
    for _ in 0..3 {
        app.update(Action::FilterBackspace);
    }
    assert_eq!(selected(&app), chosen);
}

#[test]
fn movement_keys_move_the_selection() {
    let mut app = sample();
    let len = app.queue.len();
    assert_eq!(app.queue.selected_row(), Some(0));
    app.update(Action::Up);
    assert_eq!(app.queue.selected_row(), Some(0));
    app.update(Action::Down);
    assert_eq!(app.queue.selected_row(), Some(1));
    app.update(Action::Bottom);
    assert_eq!(app.queue.selected_row(), Some(len - 1));
    app.update(Action::Down);
    assert_eq!(app.queue.selected_row(), Some(len - 1));
    app.update(Action::Top);
    assert_eq!(app.queue.selected_row(), Some(0));

    // A page is the rows on screen at the last draw: 24 rows less the tab bar, the status
    // line, the pipeline, the footer and the table header.
    frame(&mut app, 80, 24);
    app.update(Action::PageDown);
    assert_eq!(app.queue.selected_row(), Some(19));
    app.update(Action::PageUp);
    assert_eq!(app.queue.selected_row(), Some(0));
}

#[test]
fn the_wheel_scrolls_the_list_and_the_selection_together() {
    let mut app = sample();
    frame(&mut app, 80, 24);
    app.update(Action::Down);
    app.update(Action::Scroll(3));
    assert_eq!(app.queue.offset(), 3);
    assert_eq!(app.queue.selected_row(), Some(4));
    app.update(Action::Scroll(-3));
    assert_eq!(app.queue.offset(), 0);
    assert_eq!(app.queue.selected_row(), Some(1));
    // At the end of the list the selection keeps moving to the last row.
    for _ in 0..20 {
        app.update(Action::Scroll(3));
    }
    assert_eq!(app.queue.selected_row(), Some(app.queue.len() - 1));
    let text = frame(&mut app, 80, 24);
    assert!(text.contains(&selected(&app)), "{text}");
}

#[test]
fn enter_opens_the_detail_and_esc_closes_it_before_the_filter() {
    let mut app = sample();
    typed(&mut app, "0069");
    app.update(Action::AcceptFilter);
    assert_eq!(app.update(Action::Open), Effect::Redraw);
    assert!(app.queue.detail_open());
    let text = frame(&mut app, 80, 24);
    for part in [
        "BE-GRF-0069 Esc closes",
        "Griffon troop transport (grf-tt), Griffon",
        "Rework (rework), off the main line",
        "overdue by 20 days",
        "defect fix: hydraulic leak found at acceptance",
        "config/status/queue-roanne.yaml:8",
    ] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
    app.update(Action::Close);
    assert!(!app.queue.detail_open());
    assert_eq!(app.queue.filter(), "0069");
    app.update(Action::Close);
    assert_eq!(app.queue.filter(), "");
}

#[test]
fn the_detail_shows_the_place_in_the_flow() {
    let mut app = sample();
    typed(&mut app, "BE-JAG-003");
    app.update(Action::AcceptFilter);
    app.update(Action::Open);
    for (width, height) in [(80, 24), (200, 60)] {
        let text = frame(&mut app, width, height);
        assert!(
            text.contains("40 mm turret (turret), step 4 of 7, next Paint"),
            "{text}"
        );
    }
}

#[test]
fn open_on_an_empty_list_does_nothing() {
    let mut app = sample();
    typed(&mut app, "nothing-matches-this");
    app.update(Action::AcceptFilter);
    assert_eq!(app.update(Action::Open), Effect::None);
    assert!(!app.queue.detail_open());
}

fn copy_sample(to: &Path) {
    for entry in fs::read_dir("config/status").expect("the sample") {
        let path = entry.expect("an entry").path();
        fs::copy(&path, to.join(path.file_name().expect("a name"))).expect("a copy");
    }
}

/// Removes the queue entry of `serial` (from its `- serial:` line to the next one).
fn remove_vehicle(dir: &Path, file: &str, serial: &str) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).expect("the file");
    let start = text
        .find(&format!("  - serial: {serial}\n"))
        .expect("the vehicle");
    let end = text[start + 1..]
        .find("  - serial:")
        .map_or(text.len(), |i| start + 1 + i);
    fs::write(&path, format!("{}{}", &text[..start], &text[end..])).expect("written");
}

#[test]
fn a_reload_keeps_the_selection_on_the_same_serial() {
    let dir = tempfile::tempdir().expect("a temp dir");
    copy_sample(dir.path());
    let mut app = App::new(load(dir.path()));
    app.view = View::Queue;
    for _ in 0..5 {
        app.update(Action::Down);
    }
    let chosen = selected(&app);
    assert_eq!(chosen, "BE-GRF-0074");
    let row = app.queue.selected_row();

    // Two vehicles before it leave the queue: it moves up two rows and stays selected.
    remove_vehicle(dir.path(), "queue-roanne.yaml", "BE-GRF-0069");
    remove_vehicle(dir.path(), "queue-seraing.yaml", "BE-GRF-0070");
    app.set_data(load(dir.path()));
    assert_eq!(selected(&app), chosen);
    assert_eq!(app.queue.selected_row(), row.map(|r| r - 2));

    // When it leaves too, the selection stays at the same place.
    remove_vehicle(dir.path(), "queue-seraing.yaml", "BE-GRF-0074");
    app.set_data(load(dir.path()));
    assert_eq!(app.queue.selected_row(), row.map(|r| r - 2));
    assert_eq!(selected(&app), "BE-GRF-0075");
}

#[test]
fn a_reload_keeps_the_filter_and_the_sort() {
    let mut app = sample();
    typed(&mut app, "held");
    app.update(Action::AcceptFilter);
    app.update(Action::SortNext);
    let before = serials(&app);
    app.set_data(load(Path::new("config/status")));
    assert_eq!(app.queue.filter(), "held");
    assert_eq!(app.queue.sort().0, SortKey::Variant);
    assert_eq!(serials(&app), before);
}

/// A queue of `n` generated vehicles on the sample's programme.
fn generated(n: usize) -> App {
    let base = load(Path::new("config/status"));
    let mut p: Programme = (**base.programme()).clone();
    let stages = p.stages.len() as u32;
    let variants = p.variants.len() as u32;
    let first = Date::from_ymd_opt(2026, 1, 1).expect("a date");
    p.queue = (0..n)
        .map(|i| Vehicle {
            serial: format!("GEN-{i:06}").into(),
            variant: VariantId(i as u32 % variants),
            stage: StageId((i as u32 / 7) % stages),
            since: first + chrono::Days::new((i % 300) as u64),
            due: (i % 5 != 0).then(|| first + chrono::Days::new((i % 400) as u64)),
            site: SiteId((i % 2) as u32),
            lot: Some(format!("L{}", i % 9).into()),
            hold: (i % 97 == 0).then(|| "waiting for parts".into()),
            history: Default::default(),
            origin: Origin::default(),
        })
        .collect();
    let snapshot = Snapshot {
        programme: Arc::new(p),
        ..base.snapshot
    };
    let mut app = App::new(Data::new(snapshot, today()));
    app.view = View::Queue;
    app
}

#[test]
fn a_hundred_thousand_vehicles_filter_sort_and_scroll() {
    let mut app = generated(100_000);
    assert_eq!(app.queue.len(), 100_000);
    typed(&mut app, "hold:parts");
    let held = (0..100_000).filter(|i| i % 97 == 0).count();
    assert_eq!(app.queue.len(), held);
    app.update(Action::AcceptFilter);
    app.update(Action::Close);
    assert_eq!(app.queue.len(), 100_000);
    app.update(Action::SortReverse);
    app.update(Action::Bottom);
    let text = frame(&mut app, 80, 24);
    assert!(text.contains("GEN-000000"), "{text}");
    assert!(text.contains("100 000 vehicles"), "{text}");
}

#[test]
fn the_mouse_wheel_in_an_empty_queue_does_nothing() {
    let base = load(Path::new("config/status"));
    let mut p: Programme = (**base.programme()).clone();
    p.queue.clear();
    let snapshot = Snapshot {
        programme: Arc::new(p),
        ..base.snapshot
    };
    let mut app = App::new(Data::new(snapshot, today()));
    app.view = View::Queue;
    assert_eq!(app.update(Action::Scroll(3)), Effect::None);
    let text = frame(&mut app, 80, 24);
    assert!(text.contains("No vehicle in final assembly."), "{text}");
}

/// Draws the screen as the dashboard does (what drawing learns goes back to the app) and
/// returns its text.
fn frame(app: &mut App, width: u16, height: u16) -> String {
    let (text, seen) = ui::render_frame(app, &Theme::default(), width, height);
    app.seen(seen);
    text
}
