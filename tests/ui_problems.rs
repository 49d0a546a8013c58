//! The Problems view, on the clean sample and on a small broken status set.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::fs;
use std::path::{Path, PathBuf};

use fleetdash::app::{Action, App, Data, View};
use fleetdash::domain::Date;
use fleetdash::status::{Limits, Loader, Snapshot};
use fleetdash::ui::{self, Theme};

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).expect("a valid date")
}

fn app_for(snapshot: Snapshot) -> App {
    let mut app = App::new(Data::new(snapshot, today()));
    app.view = View::Problems;
    app
}

/// A status set with a mistake of each common kind: a file that does not parse, a file
/// without its version, an unknown variant, a stage of another family, a date after
/// today, a serial twice.
const BROKEN: &[(&str, &str)] = &[
    (
        "programme.yaml",
        "version: 1
programme:
  name: Test Fleet
  first_year: 2025
  last_year: 2027
variants:
  - id: grf-tt
    family: Griffon
    name: Griffon troop transport
    contracted: 10
  - id: jag
    family: Jaguar
    name: Jaguar
    contracted: 4
stages:
  - id: hull
    name: Hull received
  - id: turret
    name: 40 mm turret
    families: [Jaguar]
  - id: paint
    name: Paint
",
    ),
    (
        "queue.yaml",
        "version: 1
queue:
  - serial: BE-GRF-0001
    variant: grf-tt
    stage: turret
    since: 2026-10-02
    site: Seraing
  - serial: BE-GRF-0002
    variant: grf-xx
    stage: paint
    since: 2026-10-02
    site: Seraing
  - serial: BE-GRF-0003
    variant: grf-tt
    stage: paint
    since: 2026-12-30
    site: Seraing
  - serial: BE-GRF-0003
    variant: grf-tt
    stage: hull
    since: 2026-11-01
    site: Seraing
",
    ),
    (
        "plan.yaml",
        "plan:
  2026: { grf-tt: 6, jag: 4 }
  2027: { grf-tt: 4 }
",
    ),
    (
        "deliveries.yaml",
        "version: 1
deliveries:
  - date: 2026-01-05
    variant: jag
    count: [3
",
    ),
];

/// The broken set, loaded from a temporary folder, with the folder taken out of every
/// name and message so that the screen does not depend on where the folder was made.
fn broken() -> App {
    let dir = tempfile::tempdir().expect("a temp dir");
    for (name, text) in BROKEN {
        fs::write(dir.path().join(name), text).expect("written");
    }
    let snapshot = Loader::new(vec![dir.path().to_path_buf()], Limits::default()).load(today());
    app_for(relative(snapshot, dir.path()))
}

fn relative(mut snapshot: Snapshot, dir: &Path) -> Snapshot {
    let prefix = format!("{}/", dir.display());
    let strip = |s: &str| s.replace(&prefix, "");
    for p in &mut snapshot.problems {
        p.file = p.file.as_deref().map(strip);
        p.message = strip(&p.message);
    }
    for f in &mut snapshot.files {
        f.name = strip(&f.name);
    }
    snapshot
}

/// The screen with the times of day (when a file started failing) masked.
fn screen(app: &mut App, width: u16, height: u16) -> String {
    let text = frame(app, width, height);
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find("since ") {
        let (head, tail) = rest.split_at(i + "since ".len());
        out.push_str(head);
        let clock = tail.get(..8).filter(|t| {
            t.bytes().enumerate().all(|(k, b)| {
                if k % 3 == 2 {
                    b == b':'
                } else {
                    b.is_ascii_digit()
                }
            })
        });
        match clock {
            Some(_) => {
                out.push_str("HH:MM:SS");
                rest = &tail[8..];
            }
            None => rest = tail,
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn problems_80x24_without_problems() {
    let snapshot =
        Loader::new(vec![PathBuf::from("config/status")], Limits::default()).load(today());
    insta::assert_snapshot!(screen(&mut app_for(snapshot), 80, 24));
}

#[test]
fn problems_80x24() {
    insta::assert_snapshot!(screen(&mut broken(), 80, 24));
}

#[test]
fn problems_200x60() {
    insta::assert_snapshot!(screen(&mut broken(), 200, 60));
}

#[test]
fn the_selected_problem_is_shown_whole_below_the_list() {
    let mut app = broken();
    // The parse error of deliveries.yaml, whose message is longer than a line of 80.
    let problem = app.problems.rows().next().expect("a problem").clone();
    assert!(problem.message.len() > 80, "{}", problem.message);
    let text = screen(&mut app, 80, 24);
    let lines: Vec<&str> = text.lines().collect();
    let title = lines
        .iter()
        .position(|l| l.starts_with(&format!(" error {} ─", problem.place())))
        .unwrap_or_else(|| panic!("no detail title:\n{text}"));
    // The message, wrapped over the lines under the title, reads whole.
    let below = lines[title + 1..]
        .iter()
        .take_while(|l| !l.is_empty())
        .map(|l| l.trim())
        .collect::<Vec<_>>();
    assert!(below.len() > 1, "{text}");
    assert_eq!(below.join(" "), problem.message, "{text}");

    // The detail follows the selection.
    app.update(Action::Bottom);
    let last = app.problems.rows().last().expect("a problem").clone();
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains(&format!(" error {} ─", last.place())),
        "{text}"
    );
    assert!(text.contains(&last.message), "{text}");
}

#[test]
fn movement_keys_move_through_the_problems() {
    let mut app = broken();
    let n = app.problems.rows().count();
    assert_eq!(n, 6);
    let first = app.problems.rows().next().expect("a problem").clone();
    let text = screen(&mut app, 80, 24);
    assert!(text.contains(&format!(" {}", first.place())), "{text}");
    app.update(Action::Down);
    let second = app.problems.rows().nth(1).expect("a problem").clone();
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains(&format!("{} {}", second.severity, second.place())),
        "{text}"
    );
}

#[test]
fn a_file_that_fails_is_named_on_the_first_line() {
    let text = screen(&mut broken(), 80, 24);
    let first = text.lines().nth(1).expect("a line");
    // One-shot renders say nothing that depends on the clock.
    assert_eq!(
        first,
        " 4 files read, 5 errors, 1 warning · failing: deliveries.yaml"
    );
    // The live dashboard says since when.
    let mut live = broken();
    live.live = true;
    let text = screen(&mut live, 80, 24);
    let first = text.lines().nth(1).expect("a line");
    assert_eq!(
        first,
        " 4 files read, 5 errors, 1 warning · failing: deliveries.yaml since HH:MM:SS"
    );
}

/// Draws the screen as the dashboard does (what drawing learns goes back to the app) and
/// returns its text.
fn frame(app: &mut App, width: u16, height: u16) -> String {
    let (text, seen) = ui::render_frame(app, &Theme::default(), width, height);
    app.seen(seen);
    text
}
