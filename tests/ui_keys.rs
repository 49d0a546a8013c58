//! Every key binding, from the bytes a real terminal sends (xterm's), through crossterm's
//! parser in the real binary: what hand-built key events cannot show (Shift-Tab arrives
//! as BackTab *with* Shift; arrows, Home and End come as escape sequences; Ctrl-F as one
//! control byte). Each key is checked by what it changes on screen.
//!
//! Ctrl-L (repaint) is left to the runtime's pseudo-terminal tests: it is the subject of
//! its own fault (issue 12, point 1).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

mod support;

use support::{Dash, status_line, text};

/// What xterm sends for each key.
const TAB: &str = "\t";
const SHIFT_TAB: &str = "\x1b[Z";
const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const UP: &str = "\x1b[A";
const DOWN: &str = "\x1b[B";
const RIGHT: &str = "\x1b[C";
const LEFT: &str = "\x1b[D";
const HOME: &str = "\x1b[H";
const END: &str = "\x1b[F";
const PAGE_UP: &str = "\x1b[5~";
const PAGE_DOWN: &str = "\x1b[6~";
const CTRL_B: &str = "\x02";
const CTRL_F: &str = "\x06";

/// A line each view alone shows.
const OVERVIEW: &str = "Delivered of contracted";
const VARIANTS: &str = "In file order";
const QUEUE: &str = "sorted by serial";
const DELIVERIES: &str = "Planned/delivered";
const PROBLEMS: &str = "No problems: every status file loaded cleanly.";
const BALANCE: &str = "Control points";
const CHANGES: &str = "From the files, since";
const FLOW: &str = "Cumulative flow, per week";

/// Sends `keys` and waits until the screen shows `needle`.
fn expect(dash: &mut Dash, keys: &str, needle: &str) {
    dash.send_keys(keys);
    dash.wait_for(&format!("`{needle}` after {keys:?}"), |s| {
        text(s).contains(needle)
    });
}

/// Sends `keys` and waits until the screen no longer shows `needle`.
fn expect_gone(dash: &mut Dash, keys: &str, needle: &str) {
    dash.send_keys(keys);
    dash.wait_for(&format!("`{needle}` gone after {keys:?}"), |s| {
        !text(s).contains(needle)
    });
}

/// The serial in the title of the queue's open detail panel.
fn detail_serial(screen: &vt100::Screen) -> Option<String> {
    let text = text(screen);
    let at = text.find(" Esc closes")?;
    let before = text[..at].trim_end();
    Some(before.rsplit(' ').next()?.to_owned())
}

/// Sends `keys` and waits until the open detail shows a vehicle other than `now`;
/// returns it.
fn detail_after(dash: &mut Dash, keys: &str, now: &str) -> String {
    dash.send_keys(keys);
    dash.wait_for(&format!("the detail to change after {keys:?}"), |s| {
        detail_serial(s).is_some_and(|serial| serial != now)
    });
    detail_serial(&dash.screen()).expect("a detail")
}

/// The queue's rows on screen, by serial, in order.
fn queue_serials(screen: &str) -> Vec<String> {
    screen
        .lines()
        .skip_while(|l| !l.contains("serial▲"))
        .skip(1)
        .filter_map(|l| l.split_whitespace().find(|w| w.starts_with("BE-")))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_binding_works_from_the_bytes_a_terminal_sends() {
    let mut dash = Dash::start();
    dash.wait_for_text(OVERVIEW);

    // Views: Tab, Shift-Tab (BackTab with Shift), the digits.
    expect(&mut dash, TAB, VARIANTS);
    expect(&mut dash, SHIFT_TAB, OVERVIEW);
    expect(&mut dash, SHIFT_TAB, CHANGES);
    expect(&mut dash, SHIFT_TAB, FLOW);
    expect(&mut dash, SHIFT_TAB, BALANCE);
    expect(&mut dash, SHIFT_TAB, PROBLEMS);
    expect(&mut dash, "7", FLOW);
    expect(&mut dash, "6", BALANCE);
    expect(&mut dash, "8", CHANGES);
    expect(&mut dash, "3", QUEUE);
    expect(&mut dash, "4", DELIVERIES);
    expect(&mut dash, "5", PROBLEMS);
    expect(&mut dash, "2", VARIANTS);
    expect(&mut dash, "1", OVERVIEW);

    // The help: `?` opens and closes it, Esc closes it, a digit goes through it.
    expect(&mut dash, "?", "Keys: Overview");
    expect_gone(&mut dash, "?", "Keys: Overview");
    expect(&mut dash, "?", "Keys: Overview");
    expect_gone(&mut dash, ESC, "Keys: Overview");
    expect(&mut dash, "?", "Keys: Overview");
    expect(&mut dash, "3", QUEUE);
    assert!(!dash.text().contains("Keys: "), "{}", dash.text());

    // The queue: Enter opens the detail of the selected row, which then follows every
    // movement key.
    let rows = queue_serials(&dash.text());
    assert!(rows.len() >= 4, "{}", dash.text());
    dash.send_keys(ENTER);
    dash.wait_for("the detail", |s| detail_serial(s).is_some());
    assert_eq!(
        detail_serial(&dash.screen()).as_deref(),
        Some(rows[0].as_str())
    );
    assert_eq!(detail_after(&mut dash, "j", &rows[0]), rows[1]);
    assert_eq!(detail_after(&mut dash, DOWN, &rows[1]), rows[2]);
    assert_eq!(detail_after(&mut dash, "k", &rows[2]), rows[1]);
    assert_eq!(detail_after(&mut dash, UP, &rows[1]), rows[0]);
    let last = detail_after(&mut dash, "G", &rows[0]);
    assert_eq!(detail_after(&mut dash, "g", &last), rows[0]);
    assert_eq!(detail_after(&mut dash, END, &rows[0]), last);
    assert_eq!(detail_after(&mut dash, HOME, &last), rows[0]);
    let page = detail_after(&mut dash, PAGE_DOWN, &rows[0]);
    assert_eq!(detail_after(&mut dash, PAGE_UP, &page), rows[0]);
    assert_eq!(detail_after(&mut dash, CTRL_F, &rows[0]), page);
    assert_eq!(detail_after(&mut dash, CTRL_B, &page), rows[0]);
    dash.send_keys(ESC);
    dash.wait_for("the detail closed", |s| detail_serial(s).is_none());

    // Sorting, and the filter: `/`, typed text, Enter keeps it, Esc clears it.
    expect(&mut dash, "s", "sorted by variant ▲");
    expect(&mut dash, "S", "sorted by variant ▼");
    dash.send_keys("/");
    dash.wait_for_status("typing a filter");
    expect(&mut dash, "held", " / held");
    dash.send_keys(ENTER);
    dash.wait_for("the filter kept", |s| {
        text(s).contains(" filter held") && !status_line(s).contains("typing a filter")
    });
    expect_gone(&mut dash, ESC, " filter held");

    // Deliveries: ←/→ and h/l change the year.
    expect(&mut dash, "4", DELIVERIES);
    let year = |s: &vt100::Screen| -> Option<i32> {
        let t = text(s);
        let line = t.lines().nth(1)?;
        line.trim_start_matches([' ', '◆']).get(..4)?.parse().ok()
    };
    let first = year(&dash.screen()).expect("a selected year");
    for (keys, want) in [
        (RIGHT, first + 1),
        (LEFT, first),
        ("l", first + 1),
        ("h", first),
    ] {
        dash.send_keys(keys);
        dash.wait_for(&format!("year {want} after {keys:?}"), |s| {
            year(s) == Some(want)
        });
    }

    // Reload, then quit.
    dash.send_keys("r");
    dash.wait_for_status("reloaded");
    dash.send_keys("q");
    assert!(dash.wait_exit().success());
}

#[test]
fn ctrl_c_quits_from_the_bytes_a_terminal_sends() {
    let mut dash = Dash::start();
    dash.send_keys("3/ab");
    dash.wait_for_status("typing a filter");
    // Ctrl-C quits even while a filter takes text.
    dash.send_keys("\x03");
    assert!(dash.wait_exit().success());
}
