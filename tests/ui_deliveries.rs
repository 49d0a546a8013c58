//! The Deliveries view: whole-screen snapshots on the bundled sample, and its keys driven
//! through `App::update` without a terminal.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::path::{Path, PathBuf};

use fleetdash::app::{Action, App, Data, Effect, View};
use fleetdash::domain::Date;
use fleetdash::status::{Limits, Loader};
use fleetdash::ui::{self, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd_opt(y, m, d).expect("a valid date")
}

fn app_on(path: &Path, today: Date) -> App {
    let snapshot = Loader::new(vec![path.to_path_buf()], Limits::default()).load(today);
    let mut app = App::new(Data::new(snapshot, today));
    app.view = View::Deliveries;
    app
}

fn sample() -> App {
    app_on(&PathBuf::from("config/status"), day(2026, 11, 26))
}

fn line_of<'a>(screen: &'a str, start: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.starts_with(start))
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
fn snapshot_narrow_year_columns_scroll_50x20() {
    let mut app = sample();
    app.update(Action::Right);
    app.update(Action::Right);
    insta::assert_snapshot!(frame(&mut app, 50, 20));
}

#[test]
fn the_current_year_is_selected_marked_and_pro_rated() {
    let mut app = sample();
    assert_eq!(app.deliveries.selected_year(), Some(2026));
    let screen = frame(&mut app, 80, 24);
    // 78 planned in 2026; 330 of 365 days gone: of each variant's plan, the vehicles whose
    // share of the year has passed, 39 + 14 + 10 + 5 = 68.
    assert!(
        screen.contains("◆2026 planned 78 (68 to date) · delivered 54 · 14 behind plan"),
        "{screen}"
    );
    let header = line_of(&screen, "Variant");
    assert!(header.contains("◆2026"), "{header}");
    assert!(!header.contains("◆2025"), "{header}");
    // Past years: planned/delivered; this year: planned to date/delivered; then the plan
    // against the projection at the current rate, with the shortfall or surplus.
    let total = line_of(&screen, "Σ Programme");
    let cells: Vec<&str> = total.split_whitespace().collect();
    assert_eq!(
        cells[2..],
        [
            "20/16", "68/54", "94/75", "−19", "96/75", "−21", "89/75", "−14", "65/73", "+8",
            "442/70"
        ],
        "{total}"
    );
    // A variant has no projection of its own: its years to come stay planned.
    let row = line_of(&screen, "Griffon command post");
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cells[3..8], ["4/3", "14/12", "14", "12", "8"], "{row}");
}

#[test]
fn left_and_right_move_the_selected_year() {
    let mut app = sample();
    assert_eq!(app.update(Action::Left), Effect::Redraw);
    assert_eq!(app.deliveries.selected_year(), Some(2025));
    let screen = frame(&mut app, 80, 24);
    assert!(
        screen.contains(" 2025 planned 20 · delivered 16 · 4 behind plan"),
        "{screen}"
    );
    assert_eq!(
        app.update(Action::Left),
        Effect::None,
        "2025 is the first year"
    );

    for _ in 0..5 {
        assert_eq!(app.update(Action::Right), Effect::Redraw);
    }
    assert_eq!(app.deliveries.selected_year(), Some(2030));
    assert_eq!(
        app.update(Action::Right),
        Effect::None,
        "2030 is the last year"
    );
    let screen = frame(&mut app, 80, 24);
    assert!(screen.contains(" 2030 planned 65 · to come"), "{screen}");
}

#[test]
fn up_and_down_scroll_the_table() {
    let mut app = sample();
    let screen = frame(&mut app, 80, 24);
    assert!(!screen.contains("Σ Jaguar"), "{screen}");
    assert_eq!(app.update(Action::Up), Effect::None, "already at the top");
    assert_eq!(app.update(Action::Down), Effect::Redraw);
    assert_eq!(app.deliveries.scroll(), 1);
    assert_eq!(app.update(Action::Bottom), Effect::Redraw);
    let bottom = app.deliveries.scroll();
    assert_eq!(
        app.update(Action::Down),
        Effect::None,
        "already at the bottom"
    );
    let screen = frame(&mut app, 80, 24);
    assert!(screen.contains("Σ Jaguar"), "{screen}");
    assert!(!screen.contains("Griffon troop transport"), "{screen}");
    app.update(Action::PageUp);
    assert_eq!(app.deliveries.scroll(), 0);
    app.update(Action::PageDown);
    assert_eq!(app.deliveries.scroll(), bottom);
    app.update(Action::Top);
    assert_eq!(app.deliveries.scroll(), 0);
    // Everything fits at 200×60: nothing to scroll.
    frame(&mut app, 200, 60);
    assert_eq!(app.update(Action::Down), Effect::None);
}

#[test]
fn year_columns_follow_the_selected_year_when_they_do_not_all_fit() {
    let mut app = sample();
    let screen = frame(&mut app, 50, 20);
    let header = line_of(&screen, "Variant");
    assert!(
        header.contains("2025") && !header.contains("2030"),
        "{screen}"
    );
    for _ in 0..4 {
        app.update(Action::Right);
    }
    let screen = frame(&mut app, 50, 20);
    let header = line_of(&screen, "Variant");
    assert!(
        header.contains("2030") && !header.contains("2025"),
        "{screen}"
    );
    assert!(screen.contains("◀ "), "{screen}");
}

#[test]
fn charts_give_way_to_the_table_in_small_areas() {
    let mut app = sample();
    let screen = frame(&mut app, 80, 24);
    assert!(
        screen.contains("Planned ░ delivered █ per year"),
        "{screen}"
    );
    assert!(screen.contains("Cumulative"), "{screen}");
    let screen = frame(&mut app, 60, 24);
    assert!(
        screen.contains("Planned ░ delivered █ per year"),
        "{screen}"
    );
    assert!(!screen.contains("Cumulative"), "{screen}");
    let screen = frame(&mut app, 80, 14);
    assert!(!screen.contains("per year"), "{screen}");
    assert!(screen.contains("Σ Programme"), "{screen}");
}

#[test]
fn a_day_after_the_programme_shows_every_year_as_past() {
    let mut app = app_on(&PathBuf::from("config/status"), day(2031, 3, 1));
    assert_eq!(app.deliveries.selected_year(), Some(2030));
    let screen = frame(&mut app, 80, 24);
    assert!(!screen.contains('◆'), "{screen}");
    assert!(
        screen.contains(" 2030 planned 65 · delivered 0"),
        "{screen}"
    );
}

#[test]
fn a_day_before_the_programme_shows_every_year_to_come() {
    let mut app = app_on(&PathBuf::from("config/status"), day(2024, 6, 1));
    assert_eq!(app.deliveries.selected_year(), Some(2025));
    let screen = frame(&mut app, 80, 24);
    let total = line_of(&screen, "Σ Programme");
    let cells: Vec<&str> = total.split_whitespace().collect();
    assert_eq!(cells[2..5], ["20", "78", "94"], "{total}");
}

#[test]
fn no_years_at_all_says_so() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut app = app_on(dir.path(), day(2026, 11, 26));
    assert_eq!(app.deliveries.selected_year(), None);
    assert_eq!(app.update(Action::Right), Effect::None);
    let screen = frame(&mut app, 80, 24);
    assert!(screen.contains("No delivery years"), "{screen}");
}

#[test]
fn a_small_area_says_so_and_no_size_panics() {
    let mut app = sample();
    for (w, h) in [
        (0, 0),
        (1, 1),
        (20, 5),
        (49, 8),
        (50, 8),
        (50, 16),
        (69, 16),
        (70, 16),
        (80, 9),
        (300, 100),
    ] {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        let seen = ui::draw_view(&app, &Theme::default(), View::Deliveries, area, &mut buf);
        app.seen(seen);
    }
    let area = Rect::new(0, 0, 40, 10);
    let mut buf = Buffer::empty(area);
    let seen = ui::draw_view(&app, &Theme::default(), View::Deliveries, area, &mut buf);
    app.seen(seen);
    assert!(ui::buffer_text(&buf).contains("too small"));
}

#[test]
fn thousands_of_variants_over_many_years() {
    use std::fmt::Write;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut y = String::from(
        "version: 1\nprogramme:\n  name: Generated\n  first_year: 2020\n  last_year: 2039\n\
         variants:\n",
    );
    for v in 0..2000 {
        let _ = writeln!(
            y,
            "  - {{ id: v{v}, family: F{}, name: Variant {v}, contracted: 20 }}",
            v % 7
        );
    }
    y.push_str("plan:\n");
    for year in 2020..=2039 {
        let _ = write!(y, "  {year}: {{");
        for v in 0..2000 {
            let _ = write!(y, "{}v{v}: 1", if v == 0 { " " } else { ", " });
        }
        y.push_str(" }\n");
    }
    y.push_str("deliveries:\n  - { date: 2021-05-01, variant: v1999, count: 1 }\n");
    std::fs::write(dir.path().join("all.yaml"), y).expect("writing the generated set");
    let mut app = app_on(dir.path(), day(2026, 11, 26));
    let screen = frame(&mut app, 80, 24);
    assert!(screen.contains("Variant 0"), "{screen}");
    let total = line_of(&screen, "Σ Programme");
    assert!(total.contains("40 000/1"), "{total}");
    app.update(Action::Bottom);
    let screen = frame(&mut app, 200, 60);
    assert!(screen.contains("Σ F6"), "{screen}");
    for _ in 0..30 {
        app.update(Action::Right);
    }
    assert_eq!(app.deliveries.selected_year(), Some(2039));
    let screen = frame(&mut app, 80, 24);
    assert!(line_of(&screen, "Variant").contains("2039"), "{screen}");
}

/// The screen as a buffer, for styles.
fn buffer(app: &mut App, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    let seen = ui::draw(app, &Theme::default(), area, &mut buf);
    app.seen(seen);
    buf
}

/// The cells of the line chart's plot that hold `symbol`, with their colour: the rows
/// between the chart's title and its x-axis labels, right of where its box starts.
fn plot_cells(buf: &Buffer, symbol: &str) -> Vec<Option<ratatui::style::Color>> {
    let text = ui::buffer_text(buf);
    let lines: Vec<&str> = text.lines().collect();
    let top = lines
        .iter()
        .position(|l| l.contains("Cumulative"))
        .expect("the line chart");
    let left = lines[top]
        .chars()
        .take_while(|&c| c != 'C')
        .count()
        .saturating_sub(3) as u16;
    let bottom = (top..lines.len())
        .find(|&y| lines[y].contains("end 20"))
        .expect("the x-axis labels");
    let mut found = Vec::new();
    for y in top + 1..bottom {
        for x in left..buf.area.width {
            let cell = &buf[(x, y as u16)];
            if cell.symbol() == symbol {
                found.push(Some(cell.fg));
            }
        }
    }
    found
}

#[test]
fn the_line_chart_projects_the_current_rate_to_the_forecast_horizon() {
    let mut app = sample();
    for (w, h) in [(80, 24), (200, 60)] {
        let buf = buffer(&mut app, w, h);
        let screen = ui::buffer_text(&buf);
        // The axis runs on to the end of the projected finish year.
        assert!(screen.contains("end 2032"), "{w}×{h}:\n{screen}");
        assert!(screen.contains("projected ·"), "{w}×{h}:\n{screen}");
        // The Griffons finish a year after the plan: the projection is a warning.
        let projected = plot_cells(&buf, "·");
        assert!(projected.len() > 10, "{w}×{h}: {projected:?}\n{screen}");
        assert!(
            projected
                .iter()
                .all(|c| *c == Some(ratatui::style::Color::Yellow)),
            "{w}×{h}: {projected:?}"
        );
    }
}

#[test]
fn the_forecast_gives_the_rate_and_finish_per_family_and_for_the_programme() {
    let mut app = sample();
    let screen = frame(&mut app, 80, 24);
    for line in [
        // The slip in months; the programme's finish is the Griffon's, at its rate; the
        // Jaguar's rests on two hand-overs.
        " Griffon    5.0 a month  → last in 2032            14 months late",
        " Jaguar     1.2 a month  → last in 2030            1 month early, low confidence",
        " Programme  5.3 a month  → last in 2032 (Griffon)  14 months late",
    ] {
        assert!(
            screen.lines().any(|l| l == line),
            "{line:?} missing:\n{screen}"
        );
    }
    // At 200×60, in a box that says over which window, with more per line.
    let screen = frame(&mut app, 200, 60);
    assert!(
        screen.contains("Forecast at the rates of the last 6 months, to 2026-11-26"),
        "{screen}"
    );
    let griffon = line_of(&screen, "│ Griffon");
    for part in [
        "68 of 382 delivered",
        "314 to come",
        "→ last in February 2032",
        "planned by 2030",
        "14 months late",
    ] {
        assert!(griffon.contains(part), "{part} missing: {griffon}");
    }
    // This year's end at the current rate, beside the selected year.
    assert!(
        screen.contains("· 60 by the year's end at the current rate"),
        "{screen}"
    );
}

#[test]
fn years_to_come_set_the_projection_against_the_plan() {
    let mut app = sample();
    app.update(Action::Right);
    assert_eq!(app.deliveries.selected_year(), Some(2027));
    let buf = buffer(&mut app, 80, 24);
    let screen = ui::buffer_text(&buf);
    assert!(
        screen.contains(" 2027 planned 94 · to come · projected 75 · 41 behind plan"),
        "{screen}"
    );
    // The shortfall is a warning, the surplus ok.
    let row = screen
        .lines()
        .position(|l| l.starts_with("Σ Programme"))
        .expect("the totals");
    let colour_of = |needle: &str| {
        let line = screen.lines().nth(row).expect("the row");
        let at = line.find(needle).expect("the figure");
        let x = unicode_width::UnicodeWidthStr::width(&line[..at]);
        buf[(x as u16, row as u16)].fg
    };
    assert_eq!(colour_of("−19"), ratatui::style::Color::Yellow);
    assert_eq!(colour_of("+8"), ratatui::style::Color::Green);
    // 2030 delivers more than its plan at the current rate.
    for _ in 0..3 {
        app.update(Action::Right);
    }
    // Over its own plan, the year still leaves the programme behind: never "over plan".
    let screen = frame(&mut app, 80, 24);
    assert!(
        screen.contains(" 2030 planned 65 · to come · projected 73 · 68 behind plan"),
        "{screen}"
    );
}

#[test]
fn no_deliveries_in_the_window_projects_no_finish_and_draws_no_line() {
    // The sample's last hand-over is in November 2026: nothing from March to September 2027.
    let mut app = app_on(&PathBuf::from("config/status"), day(2027, 9, 1));
    for (w, h) in [(80, 24), (200, 60)] {
        let buf = buffer(&mut app, w, h);
        let screen = ui::buffer_text(&buf);
        let programme = line_of(
            &screen,
            if w == 80 {
                " Programme"
            } else {
                "│ Programme"
            },
        );
        assert!(
            programme.contains("none in the last 6 months")
                && programme.contains("no finish can be projected"),
            "{w}×{h}:\n{screen}"
        );
        assert!(!screen.contains("projected ·"), "{w}×{h}:\n{screen}");
        assert!(plot_cells(&buf, "·").is_empty(), "{w}×{h}:\n{screen}");
        // No projection in the table either: the years to come keep their plan.
        let total = line_of(&screen, "Σ Programme");
        assert!(!total.contains('−') && !total.contains('+'), "{total}");
    }
}

/// Draws the screen as the dashboard does (what drawing learns goes back to the app) and
/// returns its text.
fn frame(app: &mut App, width: u16, height: u16) -> String {
    let (text, seen) = ui::render_frame(app, &Theme::default(), width, height);
    app.seen(seen);
    text
}

/// Issue 11: a year to come says what the current rate makes of that year's own plan and
/// where the programme stands at its end; "10 over plan" alone read as good news while the
/// programme finishes late.
#[test]
fn a_year_to_come_says_where_the_programme_stands_at_its_end() {
    let mut app = sample();
    while app.deliveries.selected_year() != Some(2030) {
        assert_eq!(app.update(Action::Right), Effect::Redraw);
    }
    let screen = frame(&mut app, 200, 60);
    let summary = screen.lines().nth(1).unwrap_or_default();
    assert!(
        summary.contains(
            " · 73 at the current rate (8 more than planned that year) · \
             68 behind plan by the end of 2030"
        ),
        "{summary}"
    );
    // The same figures as the table's Σ Programme row: 65 planned, 75 projected.
    assert!(
        line_of(&screen, "Σ Programme").contains("65/73 +8"),
        "{screen}"
    );
}

/// Issue 11: every row of the current year and its total add up: the domain's whole
/// vehicles per variant (Griffon troop transport 39, not 40 rounded on its own).
#[test]
fn the_current_years_plan_to_date_adds_up() {
    let mut app = sample();
    let screen = frame(&mut app, 200, 60);
    // The 2026 column ends where its header does (columns counted in characters).
    let header = line_of(&screen, "Variant");
    let end = header
        .chars()
        .position(|c| c == '◆')
        .expect("the 2026 header")
        + "◆2026".len();
    let to_date = |row: &str| -> u32 {
        let line: String = line_of(&screen, row).chars().take(end).collect();
        let cell = line.split_whitespace().last().expect("a 2026 cell");
        cell.split('/')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no 2026 cell in {line}"))
    };
    assert_eq!(to_date("Griffon troop transport"), 39);
    assert_eq!(to_date("Griffon command post"), 14);
    assert_eq!(to_date("Griffon ambulance"), 10);
    assert_eq!(to_date("Σ Griffon"), 63);
    assert_eq!(to_date("Jaguar "), 5);
    assert_eq!(to_date("Σ Programme"), 68);
    assert_eq!(39 + 14 + 10, to_date("Σ Griffon"));
    assert_eq!(
        to_date("Σ Griffon") + to_date("Σ Jaguar"),
        to_date("Σ Programme")
    );
}
