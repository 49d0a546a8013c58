//! What the screen says in words, where it used to be wrong (issue 12, points 11 and 12):
//! the help overlay takes the keys that work everywhere and is as wide as its longest
//! entry; the queue filter names every field, says when a prefix names none and keeps the
//! table's header; "too small" gives the terminal's size and what it needs; counts agree
//! with their noun; text cut to fit ends with an ellipsis; a sorted column keeps its title.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::path::Path;
use std::sync::Arc;

use fleetdash::app::{Action, App, Data, Effect, View};
use fleetdash::domain::{Date, Programme};
use fleetdash::status::{Limits, Loader, Loc, Problem, Snapshot};
use fleetdash::ui::{self, Theme};

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).expect("a valid date")
}

fn sample_data() -> Data {
    let snapshot =
        Loader::new(vec![Path::new("config/status").into()], Limits::default()).load(today());
    assert!(snapshot.problems.is_empty(), "{:?}", snapshot.problems);
    Data::new(snapshot, today())
}

fn sample() -> App {
    App::new(sample_data())
}

/// The sample with its programme changed by `change`.
fn sample_with(change: impl FnOnce(&mut Programme, &mut Snapshot)) -> App {
    let base = sample_data();
    let mut snapshot = base.snapshot.clone();
    let mut p: Programme = (**base.programme()).clone();
    change(&mut p, &mut snapshot);
    snapshot.programme = Arc::new(p);
    App::new(Data::new(snapshot, today()))
}

/// Draws the screen as the dashboard does (what drawing learns goes back to the app) and
/// returns its text.
fn frame(app: &mut App, width: u16, height: u16) -> String {
    let (text, seen) = ui::render_frame(app, &Theme::default(), width, height);
    app.seen(seen);
    text
}

fn typed(app: &mut App, text: &str) {
    app.update(Action::StartFilter);
    for c in text.chars() {
        app.update(Action::FilterChar(c));
    }
}

#[test]
fn the_help_lets_the_view_keys_through_and_closes() {
    let mut app = sample();
    app.update(Action::ToggleHelp);
    assert_eq!(app.update(Action::Show(View::Queue)), Effect::Redraw);
    assert_eq!((app.view, app.show_help), (View::Queue, false));
    app.update(Action::ToggleHelp);
    assert_eq!(app.update(Action::NextView), Effect::Redraw);
    assert_eq!((app.view, app.show_help), (View::Deliveries, false));
    app.update(Action::ToggleHelp);
    app.update(Action::PreviousView);
    assert_eq!((app.view, app.show_help), (View::Queue, false));
    app.update(Action::ToggleHelp);
    assert_eq!(app.update(Action::Reload), Effect::Reload);
    // The view's own keys stay behind the help.
    assert_eq!(app.update(Action::Down), Effect::None);
    assert!(app.show_help);
}

/// The words of the help's `/` entry, whatever lines they were wrapped over.
fn filter_help_words(screen: &str) -> String {
    let start = screen
        .lines()
        .position(|l| l.contains(" /  "))
        .unwrap_or_else(|| panic!("no filter entry:\n{screen}"));
    screen
        .lines()
        .skip(start)
        .take_while(|l| !l.contains(" s  "))
        // Inside the help's box, whatever the view shows around it.
        .map(|l| {
            let inside = l.split_once('│').map_or(l, |(_, rest)| rest);
            inside
                .rsplit_once('│')
                .map_or(inside, |(text, _)| text)
                .trim()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_help_shows_the_whole_filter_syntax_at_any_width() {
    let expected =
        "/ filter: text, serial: variant: family: stage: site: lot: hold: due:, overdue, held";
    for (width, height) in [(200, 60), (120, 40), (80, 24), (80, 40), (60, 40)] {
        let mut app = sample();
        app.view = View::Queue;
        app.update(Action::ToggleHelp);
        let screen = frame(&mut app, width, height);
        let words = filter_help_words(&screen);
        let words: Vec<&str> = words.split_whitespace().collect();
        assert_eq!(words.join(" "), expected, "at {width}×{height}:\n{screen}");
    }
}

#[test]
fn the_help_is_one_line_per_entry_when_the_terminal_is_wide() {
    let mut app = sample();
    app.view = View::Queue;
    app.update(Action::ToggleHelp);
    let screen = frame(&mut app, 200, 60);
    let line = screen
        .lines()
        .find(|l| l.contains(" /  "))
        .expect("the filter entry");
    assert!(line.contains("due:, overdue, held"), "{screen}");
}

#[test]
fn family_and_due_are_fields_of_the_filter() {
    let mut app = sample();
    app.view = View::Queue;
    let all = app.queue.len();
    typed(&mut app, "family:jaguar");
    let jaguars = app.queue.len();
    assert!(jaguars > 0 && jaguars < all, "{jaguars} of {all}");
    let data = app.data.clone();
    for v in app.queue.vehicles(&data) {
        let p = data.programme();
        assert_eq!(p.family(p.variant(v.variant).family).name, "Jaguar");
    }
    app.update(Action::Close);
    typed(&mut app, "due:2026-12");
    let december = app.queue.len();
    assert!(december > 0 && december < all, "{december} of {all}");
    for v in app.queue.vehicles(&data) {
        let due = v.due.expect("a due date").to_string();
        assert!(due.starts_with("2026-12"), "{due}");
    }
}

#[test]
fn a_prefix_that_names_no_field_is_said_and_the_header_stays() {
    let mut app = sample();
    app.view = View::Queue;
    typed(&mut app, "famly:jaguar");
    assert!(app.queue.is_empty());
    let screen = frame(&mut app, 80, 24);
    assert!(
        screen.contains("No vehicle matches this filter: \"famly:\" is not a field."),
        "{screen}"
    );
    assert!(
        screen.contains("The fields: serial: variant: family: stage: site: lot: hold: due:"),
        "{screen}"
    );
    assert!(
        screen
            .lines()
            .any(|l| l.contains("serial▲") && l.contains("hold")),
        "{screen}"
    );
    // Text with a colon that is no field prefix is still searched as text, quietly.
    app.update(Action::Close);
    typed(&mut app, "fix:");
    assert!(!app.queue.is_empty());
}

#[test]
fn no_match_keeps_the_header() {
    let mut app = sample();
    app.view = View::Queue;
    typed(&mut app, "no-such-vehicle");
    let screen = frame(&mut app, 80, 24);
    assert!(
        screen.contains("No vehicle matches this filter."),
        "{screen}"
    );
    assert!(screen.lines().any(|l| l.contains("serial▲")), "{screen}");
}

/// The `needs W×H` of a "too small" message.
fn needs(screen: &str) -> Option<(u16, u16)> {
    let at = screen.find("needs ")? + "needs ".len();
    let (w, rest) = screen[at..].split_once('×')?;
    let h: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((w.parse().ok()?, h.parse().ok()?))
}

#[test]
fn too_small_gives_the_terminal_size_and_what_it_needs() {
    for view in View::ALL {
        let mut app = sample();
        app.view = view;
        let screen = frame(&mut app, 80, 7);
        let Some((w, h)) = needs(&screen) else {
            // A view that draws in 80×7 says nothing.
            assert!(!screen.contains("too small"), "{view:?}:\n{screen}");
            continue;
        };
        assert!(
            screen.contains("Terminal too small: 80×7, needs "),
            "{view:?}:\n{screen}"
        );
        // What it needs is enough, and exactly enough.
        let at_need = frame(&mut app, w.max(80), h);
        assert!(
            !at_need.contains("too small"),
            "{view:?} at {w}×{h}:\n{at_need}"
        );
        let short = frame(&mut app, w.max(80), h - 1);
        assert!(short.contains("too small"), "{view:?} at {w}×{}", h - 1);
        let narrow = frame(&mut app, w - 1, h);
        assert!(narrow.contains("too small"), "{view:?} at {}×{h}", w - 1);
    }
}

#[test]
fn one_error_is_one_error() {
    let mut app = sample_with(|_, snapshot| {
        snapshot.problems = vec![Problem::error("status/plan.yaml", Loc::new(3, 1), "bad")];
    });
    let screen = frame(&mut app, 120, 24);
    let status = screen.lines().last().expect("a status line");
    assert!(status.contains("1 error "), "{status}");
    assert!(!screen.contains("1 errors"), "{screen}");
    let mut app = sample_with(|_, snapshot| {
        snapshot.problems = vec![Problem::warning("status/plan.yaml", Loc::new(3, 1), "odd")];
    });
    let status = frame(&mut app, 120, 24);
    assert!(!status.contains("1 warnings"), "{status}");
}

#[test]
fn text_cut_to_fit_ends_with_an_ellipsis() {
    let mut app = sample();
    let full = frame(&mut app, 200, 60);
    // The verdicts against the plan, whole on a wide screen.
    let verdicts: Vec<String> = full
        .lines()
        .filter_map(|l| l.find(" behind plan").map(|i| (l, i)))
        .map(|(l, i)| {
            let start = l[..i].rfind(' ').map_or(0, |s| s + 1);
            l[start..i + " behind plan".len()].to_owned()
        })
        .collect();
    assert!(!verdicts.is_empty(), "{full}");
    for width in 40..=100 {
        let screen = frame(&mut app, width, 30);
        for line in screen.lines() {
            for verdict in &verdicts {
                // A verdict on a line is whole, or its cut is marked.
                for cut in 4..verdict.len() {
                    let part = &verdict[..cut];
                    if let Some(at) = line.find(part) {
                        let rest = &line[at..];
                        assert!(
                            rest.starts_with(verdict.as_str()) || rest.contains('…'),
                            "cut without an ellipsis at {width} columns: {line:?}"
                        );
                    }
                }
            }
        }
    }
}

/// The titles of the boxes on `screen`: the top border's text, without its corners and
/// the border after it.
fn box_titles(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|line| {
            let head = line.trim_end().strip_suffix('┐')?;
            let (_, top) = head.rsplit_once('┌')?;
            Some(top.trim_end_matches('─').trim_end().to_owned())
        })
        .collect()
}

/// The Overview's box titles grow with the room (the stages' summary goes up into the
/// title when short of height); the other views pick whole titles by width, which
/// `whole` below would have to list tier by tier.
#[test]
fn a_box_title_cut_to_fit_ends_with_an_ellipsis() {
    let mut app = sample();
    let mut whole = Vec::new();
    for (width, height) in [(200, 60), (200, 24), (200, 20), (120, 40)] {
        whole.extend(box_titles(&frame(&mut app, width, height)));
    }
    for (width, height) in (40..=100).flat_map(|w| [(w, 24), (w, 30)]) {
        for title in box_titles(&frame(&mut app, width, height)) {
            // Cut with an ellipsis, or whole up to the end of a word.
            let at_a_word_end = whole.iter().any(|w| {
                w.strip_prefix(title.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            });
            assert!(
                title.ends_with('…') || at_a_word_end,
                "at {width}×{height}: {title:?} (whole: {whole:?})"
            );
        }
    }
}

#[test]
fn a_sorted_column_keeps_its_whole_title_and_arrow() {
    let mut app = sample_with(|p, _| {
        for (i, v) in p.queue.iter_mut().enumerate() {
            v.serial = format!("T{i}").into();
        }
    });
    app.view = View::Queue;
    let screen = frame(&mut app, 120, 30);
    assert!(screen.contains("serial▲"), "{screen}");
    app.update(Action::SortNext);
    let screen = frame(&mut app, 120, 30);
    assert!(screen.contains("variant▲"), "{screen}");
}
