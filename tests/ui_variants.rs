//! The Variants view: whole-screen snapshots on the bundled sample, and its keys driven
//! through `App::update` without a terminal.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::path::PathBuf;

use fleetdash::app::variants::{SortColumn, abbreviations};
use fleetdash::app::{Action, App, Data, Effect, View};
use fleetdash::domain::{Date, VariantId};
use fleetdash::status::{Limits, Loader};
use fleetdash::ui::{self, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).expect("a valid date")
}

fn app_on(path: PathBuf) -> App {
    let snapshot = Loader::new(vec![path], Limits::default()).load(today());
    let mut app = App::new(Data::new(snapshot, today()));
    app.view = View::Variants;
    app
}

fn sample() -> App {
    app_on(PathBuf::from("config/status"))
}

fn ids(app: &App) -> Vec<String> {
    let p = app.data.programme();
    app.variants
        .order()
        .map(|v| p.variant(v).id.clone())
        .collect()
}

fn selected_id(app: &App) -> Option<String> {
    let p = app.data.programme();
    app.variants
        .selected_variant()
        .map(|v| p.variant(v).id.clone())
}

fn delivered(app: &App, v: VariantId) -> u32 {
    app.data.figures.variants[v.0 as usize].delivered
}

fn press(app: &mut App, action: Action, times: usize) {
    for _ in 0..times {
        app.update(action);
    }
}

/// The row of the screen whose text starts with `start` (the table is drawn flush left).
fn row_of(screen: &str, start: &str) -> usize {
    screen
        .lines()
        .position(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no row starts with {start:?} in\n{screen}"))
}

#[test]
fn snapshot_80x24() {
    let mut app = sample();
    insta::assert_snapshot!(frame(&mut app, 80, 24));
}

#[test]
fn snapshot_200x60() {
    let mut app = sample();
    insta::assert_snapshot!(frame(&mut app, 200, 60));
}

#[test]
fn snapshot_detail_80x24() {
    let mut app = sample();
    app.update(Action::Open);
    insta::assert_snapshot!(frame(&mut app, 80, 24));
}

#[test]
fn snapshot_detail_beside_the_table_200x60() {
    let mut app = sample();
    app.update(Action::Open);
    insta::assert_snapshot!(frame(&mut app, 200, 60));
}

#[test]
fn snapshot_sorted_by_percent_80x24() {
    let mut app = sample();
    // Variant, family, contracted, delivered, 9 stages, in assembly, not started, %.
    press(&mut app, Action::SortNext, 16);
    assert_eq!(app.variants.sort().column, SortColumn::Percent);
    insta::assert_snapshot!(frame(&mut app, 80, 24));
}

#[test]
fn starts_in_file_order_with_the_first_variant_selected() {
    let app = sample();
    assert_eq!(app.variants.sort().column, SortColumn::FileOrder);
    assert_eq!(ids(&app)[..3], ["grf-tt", "grf-cp", "grf-amb"]);
    assert_eq!(ids(&app).last().map(String::as_str), Some("jag"));
    assert_eq!(selected_id(&app).as_deref(), Some("grf-tt"));
}

#[test]
fn s_cycles_every_column_and_comes_back_to_the_file_order() {
    let mut app = sample();
    let stages = app.data.programme().stages.len();
    let mut seen = Vec::new();
    loop {
        assert_eq!(app.update(Action::SortNext), Effect::Redraw);
        let sort = app.variants.sort();
        if sort.column == SortColumn::FileOrder {
            break;
        }
        seen.push(sort.column);
        assert!(seen.len() < 100, "the cycle never ends");
    }
    // Variant, family, contracted, delivered, every stage, in assembly, not started, %.
    assert_eq!(seen.len(), 7 + stages);
    assert_eq!(seen[4], SortColumn::Stage(0));
}

#[test]
fn sorting_by_name_is_ascending_within_each_family() {
    let mut app = sample();
    app.update(Action::SortNext);
    let sort = app.variants.sort();
    assert_eq!(sort.column, SortColumn::Variant);
    assert!(!sort.descending);
    let p = app.data.programme().clone();
    let names: Vec<&str> = app
        .variants
        .order()
        .map(|v| p.variant(v).name.as_str())
        .collect();
    assert_eq!(names[0], "Griffon 81 mm mortar");
    assert_eq!(names[9], "Griffon troop transport");
    assert_eq!(names[10], "Jaguar");
    let screen = frame(&mut app, 80, 24);
    assert!(screen.contains("Variant▲"), "{screen}");
}

#[test]
fn sorting_by_delivered_starts_largest_first_and_s_upper_reverses() {
    let mut app = sample();
    press(&mut app, Action::SortNext, 4);
    assert_eq!(app.variants.sort().column, SortColumn::Delivered);
    assert!(app.variants.sort().descending);
    let order: Vec<VariantId> = app.variants.order().collect();
    let griffons = &order[..10];
    let counts: Vec<u32> = griffons.iter().map(|&v| delivered(&app, v)).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert_eq!(ids(&app)[0], "grf-tt");
    // The family with more delivered comes first too.
    assert_eq!(ids(&app)[10], "jag");
    assert!(frame(&mut app, 80, 24).contains("Deliv▼"));

    assert_eq!(app.update(Action::SortReverse), Effect::Redraw);
    assert!(!app.variants.sort().descending);
    // Jaguar (2 delivered) now comes before the Griffons (68).
    assert_eq!(ids(&app)[0], "jag");
    let order: Vec<VariantId> = app.variants.order().collect();
    let counts: Vec<u32> = order[1..].iter().map(|&v| delivered(&app, v)).collect();
    assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
    // Ties keep the file order.
    assert_eq!(ids(&app)[1..3], ["grf-eng", "grf-obs"]);
    assert!(frame(&mut app, 80, 24).contains("Deliv▲"));
}

#[test]
fn subtotals_stay_under_their_family_in_every_sort() {
    let mut app = sample();
    for _ in 0..20 {
        let screen = frame(&mut app, 200, 60);
        let griffon_total = row_of(&screen, "Σ Griffon");
        let jaguar_total = row_of(&screen, "Σ Jaguar");
        let jaguar = row_of(&screen, "Jaguar ");
        let griffons: Vec<usize> = screen
            .lines()
            .enumerate()
            .filter(|(_, l)| l.starts_with("Griffon "))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(griffons.len(), 10, "{screen}");
        let (first, last) = (griffons[0], griffons[9]);
        assert_eq!(last + 1, griffon_total, "{screen}");
        assert_eq!(last - first, 9, "{screen}");
        assert_eq!(jaguar + 1, jaguar_total, "{screen}");
        assert!(screen.contains("Σ Programme"));
        app.update(Action::SortNext);
    }
}

#[test]
fn the_selection_follows_the_variant_when_sorting() {
    let mut app = sample();
    press(&mut app, Action::Down, 2);
    assert_eq!(selected_id(&app).as_deref(), Some("grf-amb"));
    app.update(Action::SortNext);
    assert_eq!(selected_id(&app).as_deref(), Some("grf-amb"));
}

#[test]
fn a_reload_keeps_the_selection_and_the_detail_on_the_same_variant() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for entry in std::fs::read_dir("config/status").expect("the sample folder") {
        let path = entry.expect("a sample file").path();
        let name = path.file_name().expect("a file name");
        std::fs::copy(&path, dir.path().join(name)).expect("copying the sample");
    }
    let mut loader = Loader::new(vec![dir.path().to_path_buf()], Limits::default());
    let mut app = App::new(Data::new(loader.load(today()), today()));
    app.view = View::Variants;
    press(&mut app, Action::Down, 2);
    app.update(Action::Open);
    assert_eq!(selected_id(&app).as_deref(), Some("grf-amb"));

    // The troop transport moves from the first place to the last: every index changes.
    let file = dir.path().join("programme.yaml");
    let text = std::fs::read_to_string(&file).expect("reading programme.yaml");
    let start = text.find("  - id: grf-tt").expect("grf-tt in the sample");
    let end = text.find("  - id: grf-cp").expect("grf-cp in the sample");
    let moved = text[start..end].to_owned();
    let stages = text.find("\nstages:").expect("stages in the sample");
    let mut changed = String::new();
    changed.push_str(&text[..start]);
    changed.push_str(&text[end..stages]);
    changed.push('\n');
    changed.push_str(&moved);
    changed.push_str(&text[stages..]);
    std::fs::write(&file, changed).expect("writing programme.yaml");
    app.set_data(Data::new(loader.load(today()), today()));

    assert_eq!(app.data.programme().variants[0].id, "grf-cp");
    assert_eq!(selected_id(&app).as_deref(), Some("grf-amb"));
    let amb = app.data.programme().variant_by_id("grf-amb");
    assert_eq!(app.variants.detail(), amb);
}

#[test]
fn moving_the_selection() {
    let mut app = sample();
    frame(&mut app, 80, 24);
    assert_eq!(app.update(Action::Up), Effect::None, "already at the top");
    assert_eq!(app.update(Action::Down), Effect::Redraw);
    assert_eq!(selected_id(&app).as_deref(), Some("grf-cp"));
    assert_eq!(app.update(Action::Bottom), Effect::Redraw);
    assert_eq!(selected_id(&app).as_deref(), Some("jag"));
    assert_eq!(
        app.update(Action::Down),
        Effect::None,
        "already at the bottom"
    );
    app.update(Action::Top);
    assert_eq!(selected_id(&app).as_deref(), Some("grf-tt"));
    app.update(Action::PageDown);
    // The table shows 13 rows at 80×24: a page moves by that many variants, here to the end.
    assert_eq!(selected_id(&app).as_deref(), Some("jag"));
    app.update(Action::PageUp);
    assert_eq!(selected_id(&app).as_deref(), Some("grf-tt"));
    app.update(Action::Scroll(3));
    assert_eq!(selected_id(&app).as_deref(), Some("grf-eng"));
}

#[test]
fn enter_opens_the_detail_and_esc_closes_it() {
    let mut app = sample();
    app.update(Action::Down);
    assert_eq!(app.update(Action::Open), Effect::Redraw);
    let cp = app.data.programme().variant_by_id("grf-cp");
    assert_eq!(app.variants.detail(), cp);
    let screen = frame(&mut app, 80, 24);
    assert!(
        screen.contains("Griffon command post (Esc closes"),
        "{screen}"
    );
    assert!(screen.contains("Contracted"), "{screen}");

    // Up and Down scroll the detail, not the table.
    assert_eq!(app.update(Action::Down), Effect::Redraw);
    assert_eq!(app.variants.detail_scroll(), 1);
    assert_eq!(selected_id(&app).as_deref(), Some("grf-cp"));
    app.update(Action::Bottom);
    let bottom = app.variants.detail_scroll();
    assert!(bottom > 1);
    assert_eq!(app.update(Action::Down), Effect::None, "already at the end");
    let screen = frame(&mut app, 80, 24);
    assert!(screen.contains("Plan by year"), "{screen}");
    app.update(Action::Up);
    assert_eq!(app.variants.detail_scroll(), bottom - 1);

    assert_eq!(app.update(Action::Close), Effect::Redraw);
    assert_eq!(app.variants.detail(), None);
    assert_eq!(app.update(Action::Close), Effect::None);
    let screen = frame(&mut app, 80, 24);
    assert!(!screen.contains("Esc closes"), "{screen}");
}

#[test]
fn the_detail_lists_the_vehicles_and_deliveries_of_the_variant() {
    let mut app = sample();
    app.update(Action::Bottom);
    app.update(Action::Open);
    let screen = frame(&mut app, 200, 60);
    let p = app.data.programme().clone();
    let jag = p.variant_by_id("jag").expect("the sample has a Jaguar");
    for v in p.queue.iter().filter(|v| v.variant == jag) {
        assert!(
            screen.contains(&*v.serial),
            "{} missing:\n{screen}",
            v.serial
        );
    }
    for v in p.queue.iter().filter(|v| v.variant != jag) {
        assert!(
            !screen.contains(&*v.serial),
            "{} shown:\n{screen}",
            v.serial
        );
    }
    assert!(screen.contains("armoured reconnaissance and combat"));
}

#[test]
fn left_and_right_scroll_the_stage_columns_when_they_do_not_fit() {
    let mut app = sample();
    let stages = app.data.programme().stages.len();
    let screen = frame(&mut app, 80, 24);
    assert!(screen.contains("stages 1–4 of 9 ▶"), "{screen}");
    assert_eq!(app.update(Action::Left), Effect::None);
    assert_eq!(app.update(Action::Right), Effect::Redraw);
    assert_eq!(app.variants.stage_offset(), 1);
    let screen = frame(&mut app, 80, 24);
    assert!(screen.contains("◀ stages 2–"), "{screen}");
    let header = screen.lines().nth(2).unwrap_or_default().to_owned();
    assert!(!header.contains(" HR "), "{screen}");
    assert!(header.contains(" VKI "), "{screen}");
    let mut presses = 0;
    while app.update(Action::Right) == Effect::Redraw {
        frame(&mut app, 80, 24);
        presses += 1;
        assert!(presses < stages, "scrolled past the last stage");
    }
    let screen = frame(&mut app, 80, 24);
    assert!(screen.contains("of 9 (←/→)"), "no ▶ at the end: {screen}");
    assert!(
        screen.lines().nth(2).is_some_and(|l| l.contains("Rew.")),
        "{screen}"
    );
    while app.update(Action::Left) == Effect::Redraw {}
    assert_eq!(app.variants.stage_offset(), 0);

    // Everything fits at 200 columns: nothing to scroll.
    let mut app = sample();
    frame(&mut app, 200, 60);
    assert_eq!(app.update(Action::Right), Effect::None);
}

#[test]
fn sorting_by_a_stage_off_screen_brings_it_into_view() {
    let mut app = sample();
    frame(&mut app, 80, 24);
    // Variant, family, contracted, delivered, then the stages: the 7th is Final tests.
    press(&mut app, Action::SortNext, 4 + 7);
    assert_eq!(app.variants.sort().column, SortColumn::Stage(6));
    let screen = frame(&mut app, 80, 24);
    let header = screen.lines().nth(2).unwrap_or_default();
    assert!(header.contains("FT▼"), "{screen}");
}

#[test]
fn a_stage_that_does_not_apply_shows_a_dot() {
    let mut app = sample();
    let screen = frame(&mut app, 200, 60);
    let abbr = abbreviations(app.data.programme());
    let header = screen.lines().nth(2).unwrap_or_default();
    let turret = header.find(&abbr[4]).expect("the turret column is shown") + abbr[4].len() - 1;
    let rws = header.find(&abbr[3]).expect("the RWS column is shown") + abbr[3].len() - 1;
    let jaguar = screen
        .lines()
        .nth(row_of(&screen, "Jaguar "))
        .unwrap_or_default();
    let griffon = screen
        .lines()
        .nth(row_of(&screen, "Griffon resupply"))
        .unwrap_or_default();
    let at = |line: &str, col: usize| line.chars().nth(col);
    assert_eq!(at(jaguar, rws), Some('·'), "{jaguar}");
    assert_eq!(at(griffon, turret), Some('·'), "{griffon}");
    assert_eq!(at(griffon, rws), Some('0'), "{griffon}");
}

#[test]
fn a_small_area_says_so_and_no_size_panics() {
    let mut app = sample();
    app.update(Action::Open);
    for open in [true, false] {
        for (w, h) in [
            (0, 0),
            (1, 1),
            (20, 5),
            (30, 10),
            (43, 7),
            (44, 6),
            (60, 8),
            (80, 9),
        ] {
            let area = Rect::new(0, 0, w, h);
            let mut buf = Buffer::empty(area);
            let seen = ui::draw_view(&app, &Theme::default(), View::Variants, area, &mut buf);
            app.seen(seen);
        }
        let area = Rect::new(0, 0, 30, 10);
        let mut buf = Buffer::empty(area);
        let seen = ui::draw_view(&app, &Theme::default(), View::Variants, area, &mut buf);
        app.seen(seen);
        assert!(
            ui::buffer_text(&buf).contains("too small"),
            "detail open: {open}"
        );
        app.update(Action::Close);
    }
}

/// A generated programme: `families` families of `per_family` variants, a queue.
fn generated(families: usize, per_family: usize) -> tempfile::TempDir {
    use std::fmt::Write;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut y = String::from(
        "version: 1\nprogramme:\n  name: Generated\n  first_year: 2025\n  last_year: 2030\n\
         stages:\n  - id: a\n    name: Alpha\n  - id: b\n    name: Bravo\n",
    );
    y.push_str("variants:\n");
    for f in 0..families {
        for v in 0..per_family {
            let _ = writeln!(
                y,
                "  - {{ id: v{f}-{v}, family: F{f}, name: Variant {f}-{v}, contracted: {} }}",
                v % 17 + 1
            );
        }
    }
    y.push_str("queue:\n");
    for i in 0..per_family {
        let _ = writeln!(
            y,
            "  - {{ serial: S{i}, variant: v0-{i}, stage: a, since: 2026-11-01, site: X }}"
        );
    }
    std::fs::write(dir.path().join("all.yaml"), y).expect("writing the generated set");
    dir
}

#[test]
fn thousands_of_variants_scroll_and_sort() {
    let dir = generated(4, 800);
    let mut app = app_on(dir.path().to_path_buf());
    assert_eq!(app.variants.order().count(), 3200);
    let screen = frame(&mut app, 80, 24);
    assert!(screen.contains("Variant 0-0"), "{screen}");
    assert!(
        screen.contains("Σ Programme"),
        "the total stays at the foot: {screen}"
    );
    app.update(Action::Bottom);
    let screen = frame(&mut app, 80, 24);
    assert!(screen.contains("Variant 3-799"), "{screen}");
    assert!(screen.contains("Σ F3"), "{screen}");
    assert!(screen.contains("Σ Programme"), "{screen}");
    press(&mut app, Action::SortNext, 3);
    assert_eq!(app.variants.sort().column, SortColumn::Contracted);
    let order: Vec<VariantId> = app.variants.order().take(800).collect();
    let contracted: Vec<u32> = order
        .iter()
        .map(|&v| app.data.programme().variant(v).contracted)
        .collect();
    assert!(contracted.windows(2).all(|w| w[0] >= w[1]));
    let screen = frame(&mut app, 200, 60);
    assert!(
        screen.contains("Variant 3-799"),
        "the selection stays in view: {screen}"
    );
}

/// Draws the screen as the dashboard does (what drawing learns goes back to the app) and
/// returns its text.
fn frame(app: &mut App, width: u16, height: u16) -> String {
    let (text, seen) = ui::render_frame(app, &Theme::default(), width, height);
    app.seen(seen);
    text
}

/// Issue 11: the detail's plan to date is the domain's, as on the Deliveries view (the
/// troop transport's 39 of 2026's 44 by 26 November, not 40 rounded on its own).
#[test]
fn the_details_plan_to_date_is_the_deliveries_figure() {
    let mut app = sample();
    app.update(Action::Open);
    let screen = frame(&mut app, 200, 120);
    let line = screen
        .lines()
        .find(|l| l.contains("2026  planned"))
        .unwrap_or_else(|| panic!("no 2026 plan line in\n{screen}"));
    assert!(
        line.contains("2026  planned  44 (39 to date)  delivered 32"),
        "{line}"
    );
}
