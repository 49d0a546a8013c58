//! The terminal is left as it was found however the dashboard ends: a key, Ctrl-C, a
//! signal or a panic. Checked on what the dashboard wrote (the alternate screen left, the
//! cursor shown, mouse capture off) and on the pty's settings (raw mode off).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

mod support;

use support::{Dash, Launch, Sample, contains, find, position, rfind};

/// The alternate screen and the cursor, as the dashboard turns them on and off.
const ALT_ON: &[u8] = b"\x1b[?1049h";
const ALT_OFF: &[u8] = b"\x1b[?1049l";
const CURSOR_HIDDEN: &[u8] = b"\x1b[?25l";
const CURSOR_SHOWN: &[u8] = b"\x1b[?25h";
const MOUSE_ON: &[u8] = b"\x1b[?1000h";
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";
const SYNC_BEGIN: &[u8] = b"\x1b[?2026h";
const SYNC_END: &[u8] = b"\x1b[?2026l";
const CLEAR_ALL: &[u8] = b"\x1b[2J";
/// "Where is the cursor?": the answer comes back on the input, which the input thread reads.
const ASK_CURSOR: &[u8] = b"\x1b[6n";

/// Checks that everything the dashboard turned on was turned off again, after the last
/// time it was turned on.
fn assert_restored(dash: &Dash) {
    let raw = dash.raw();
    let after = |off: &[u8], on: &[u8], what: &str| {
        let on_at = rfind(&raw, on).unwrap_or_else(|| panic!("{what} was never turned on"));
        let off_at = rfind(&raw, off).unwrap_or_else(|| panic!("{what} was never turned off"));
        assert!(
            off_at > on_at,
            "{what} was turned on again after being turned off"
        );
    };
    after(ALT_OFF, ALT_ON, "the alternate screen");
    after(CURSOR_SHOWN, CURSOR_HIDDEN, "the hidden cursor");
    after(MOUSE_OFF, MOUSE_ON, "mouse capture");
    let screen = dash.screen();
    assert!(!screen.alternate_screen(), "still on the alternate screen");
    assert!(!screen.hide_cursor(), "the cursor is still hidden");
    if let Some(raw_mode) = dash.raw_mode() {
        assert!(!raw_mode, "the terminal is still in raw mode");
    }
}

/// True when the screen shows a frame drawn at `cols`×`rows`: the status line's last
/// hint ends one column before the right edge of the last row. (A terminal keeps what it
/// showed when it shrinks, so the status line's row alone does not tell.)
fn drawn_at(screen: &vt100::Screen, cols: u16, rows: u16) -> bool {
    position(screen, "q quit") == Some((rows - 1, cols - 7))
}

/// Starts the dashboard and checks it set the terminal up as expected, so that the
/// checks after it ends say something.
fn started() -> Dash {
    let dash = Dash::start();
    if let Some(raw_mode) = dash.raw_mode() {
        assert!(raw_mode, "the dashboard runs in raw mode");
    }
    assert!(dash.screen().hide_cursor());
    dash
}

#[test]
fn q_restores_the_terminal() {
    let mut dash = started();
    dash.send_keys("q");
    assert!(dash.wait_exit().success());
    assert_restored(&dash);
}

#[test]
fn ctrl_c_restores_the_terminal() {
    let mut dash = started();
    // In raw mode Ctrl-C is a key, not a signal.
    dash.send_keys("\x03");
    assert!(dash.wait_exit().success());
    assert_restored(&dash);
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut dash = started();
    dash.signal("TERM");
    assert!(dash.wait_exit().success());
    assert_restored(&dash);
}

#[test]
fn sighup_restores_the_terminal() {
    let mut dash = started();
    dash.signal("HUP");
    assert!(dash.wait_exit().success());
    assert_restored(&dash);
}

#[test]
fn sigint_restores_the_terminal() {
    let mut dash = started();
    dash.signal("INT");
    assert!(dash.wait_exit().success());
    assert_restored(&dash);
}

/// The binary panics on purpose only in debug builds, as `cargo test` makes them.
#[cfg(debug_assertions)]
#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    let mut dash = Dash::spawn(
        Sample::new(),
        Launch {
            env: vec![("FLEETDASH_TEST_PANIC".into(), "1".into())],
            ..Launch::default()
        },
    );
    let status = dash.wait_exit();
    assert!(!status.success());
    assert_restored(&dash);
    let raw = dash.raw();
    let frame = find(&raw, b"Overview").expect("a frame was drawn before the panic");
    let left = rfind(&raw, ALT_OFF).unwrap();
    assert!(left > frame);
    // The message comes after the terminal was restored, with output processing back on
    // (a newline reaches the screen as CR LF, which raw mode would not do).
    let message = find(&raw, b"fleetdash crashed; the terminal has been restored.")
        .expect("the crash message");
    assert!(message > left);
    assert!(contains(&raw[message..], b"report this to"));
    assert!(contains(&raw[message..], b"\r\n"));
    let text = dash.text();
    assert!(text.contains("panicking on purpose"), "{text}");
}

#[test]
fn every_frame_is_drawn_as_one_synchronized_update() {
    let mut dash = started();
    // Two more frames, each waited for: one drawn after each resize.
    for (cols, rows) in [(90, 24), (100, 30)] {
        dash.resize(cols, rows);
        dash.wait_for(&format!("a frame of {cols}×{rows}"), |s| {
            drawn_at(s, cols, rows)
        });
    }
    dash.send_keys("q");
    dash.wait_exit();
    let raw = dash.raw();
    let mut open = false;
    let mut frames = 0;
    let mut at = 0;
    while at < raw.len() {
        if raw[at..].starts_with(SYNC_BEGIN) {
            assert!(!open, "a frame began inside another at byte {at}");
            open = true;
            frames += 1;
        } else if raw[at..].starts_with(SYNC_END) {
            open = false;
        } else if open && raw[at..].starts_with(ALT_OFF) {
            panic!("the alternate screen was left inside a frame");
        }
        at += 1;
    }
    assert!(!open, "the last frame was never closed");
    assert!(frames >= 3, "{frames} frames");
    // Drawing happens only inside frames: no text between the end of one and the next.
    let first = find(&raw, SYNC_BEGIN).unwrap();
    assert!(!contains(&raw[..first], b"Overview"));
}

#[test]
fn the_dashboard_follows_a_resize() {
    let mut dash = started();
    for (cols, rows) in [(80, 20), (140, 40)] {
        dash.resize(cols, rows);
        dash.wait_for(&format!("a frame of {cols}×{rows}"), |s| {
            drawn_at(s, cols, rows)
        });
    }
}

#[test]
fn a_storm_of_resizes_ends_on_the_last_size_and_still_quits_cleanly() {
    let mut dash = started();
    // Sizes down to a single cell, as fast as the pty takes them.
    let sizes = [
        (1, 1),
        (200, 60),
        (10, 4),
        (2, 30),
        (300, 2),
        (0, 0),
        (33, 9),
    ];
    for _ in 0..10 {
        for &(cols, rows) in &sizes {
            dash.resize(cols, rows);
        }
    }
    dash.resize(90, 26);
    dash.wait_for("a frame of 90×26 after the storm", |s| drawn_at(s, 90, 26));
    dash.send_keys("q");
    assert!(dash.wait_exit().success());
    let raw = dash.raw();
    assert!(
        rfind(&raw, ALT_OFF) > rfind(&raw, ALT_ON),
        "alternate screen left"
    );
    assert!(
        rfind(&raw, CURSOR_SHOWN) > rfind(&raw, CURSOR_HIDDEN),
        "cursor shown"
    );
}

/// True when `raw` sets a foreground or background colour (SGR 30–37, 38, 40–47, 48,
/// 90–97, 100–107); resets (39, 49) do not count.
fn sets_a_colour(raw: &[u8]) -> bool {
    let mut at = 0;
    while let Some(i) = find(&raw[at..], b"\x1b[") {
        let start = at + i + 2;
        let end = raw[start..]
            .iter()
            .position(|b| !(b.is_ascii_digit() || *b == b';'))
            .map_or(raw.len(), |e| start + e);
        if raw.get(end) == Some(&b'm') {
            let params = String::from_utf8_lossy(&raw[start..end]);
            for p in params.split(';') {
                if let 30..=38 | 40..=48 | 90..=97 | 100..=107 = p.parse::<u16>().unwrap_or(0) {
                    return true;
                }
            }
        }
        at = end;
    }
    false
}

#[test]
fn no_color_draws_without_colour() {
    let coloured = Dash::start();
    coloured.wait_for_text("Overview");
    assert!(
        sets_a_colour(&coloured.raw()),
        "the default theme sets colours"
    );
    let plain = Dash::launch(
        Sample::new(),
        Launch {
            env: vec![("NO_COLOR".into(), "1".into())],
            ..Launch::default()
        },
    );
    plain.wait_for_text("Overview");
    plain.wait_for_status("q quit");
    assert!(!sets_a_colour(&plain.raw()), "NO_COLOR is respected");
}

#[test]
fn the_dashboard_refuses_a_pipe_and_points_at_print_and_check() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_fleetdash"))
        .args(["--config", "config/fleetdash.yaml", "--today", "2026-11-26"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing drawn to the pipe");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(
        err.contains("fleetdash print") && err.contains("fleetdash check"),
        "{err}"
    );
}

/// Ctrl-L clears the screen and draws it whole again, and the dashboard goes on. It must
/// not ask the terminal where the cursor is (ratatui's `clear` does): the answer would
/// come back on the input, which the input thread is reading, and the question would
/// time out after 2 s and end the dashboard.
#[test]
fn ctrl_l_repaints_without_asking_the_terminal_anything() {
    let mut dash = started();
    for round in 0..2 {
        let before = dash.raw().len();
        dash.send_keys("\x0c");
        dash.wait_for_bytes_after("the screen cleared", before, CLEAR_ALL);
        dash.wait_for(&format!("the whole frame again ({round})"), |s| {
            support::text(s).contains("1 Overview") && support::status_line(s).contains("q quit")
        });
    }
    // Still answering keys at once.
    dash.send_keys("5");
    dash.wait_for_text("No problems");
    dash.send_keys("q");
    assert!(dash.wait_exit().success());
    assert!(
        !contains(&dash.raw(), ASK_CURSOR),
        "the terminal was asked a question"
    );
    assert_restored(&dash);
}

/// A dumb terminal cannot show the dashboard: refused as a pipe is, before anything is
/// written to the screen.
#[test]
fn a_dumb_terminal_is_refused_and_pointed_at_print_and_check() {
    let mut dash = Dash::spawn(
        Sample::new(),
        Launch {
            env: vec![("TERM".into(), "dumb".into())],
            ..Launch::default()
        },
    );
    let status = dash.wait_exit();
    assert_eq!(status.exit_code(), 2);
    let raw = dash.raw();
    assert!(!contains(&raw, ALT_ON), "the full screen was entered");
    assert!(!contains(&raw, b"\x1b["), "escapes were written");
    assert!(contains(&raw, b"TERM is dumb"));
    assert!(contains(&raw, b"fleetdash print") && contains(&raw, b"fleetdash check"));
}

/// The terminal closes while the shell that started the dashboard ignores SIGHUP
/// (`trap '' HUP`): the dashboard gets no signal, and every read of the terminal gives
/// end-of-file (or an error) at once. It must end cleanly (exit 0), neither reading on for
/// ever nor failing on the terminal it can no longer write to.
#[cfg(target_os = "linux")]
#[test]
fn the_end_of_the_terminal_ends_the_dashboard_even_without_sighup() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read as _;
    let sample = Sample::new();
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    // The shell stays the session leader (a command follows the dashboard, so it does not
    // exec it), ignores the hang-up, and writes the dashboard's exit code once it ends.
    let mut cmd = CommandBuilder::new("sh");
    cmd.args([
        "-c",
        "trap '' HUP; \"$0\" --today 2026-11-26; echo $? > exit-code",
        env!("CARGO_BIN_EXE_fleetdash"),
    ]);
    cmd.cwd(sample.root());
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", sample.root());
    cmd.env("XDG_CONFIG_HOME", sample.root().join("xdg"));
    let mut shell = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let writer = pty.master.take_writer().unwrap();
    // Read until the first frame is out, then let go of this end of the terminal.
    let (seen_tx, seen) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut raw = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n @ 1..) = reader.read(&mut buf) {
            raw.extend_from_slice(&buf[..n]);
            if contains(&raw, b"q quit") {
                let _ = seen_tx.send(());
                return;
            }
        }
    });
    seen.recv_timeout(support::DEADLINE)
        .expect("the dashboard's first frame");
    drop(writer);
    drop(pty.master);
    let code_file = sample.root().join("exit-code");
    let deadline = std::time::Instant::now() + support::DEADLINE;
    let code = loop {
        if let Ok(text) = std::fs::read_to_string(&code_file)
            && text.ends_with('\n')
        {
            break text;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the dashboard still runs after its terminal closed"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(code.trim(), "0");
    let _ = shell.wait();
}

/// A key that arrives with a resize reaches the dashboard at once. (crossterm's default
/// reader waits on edge-triggered readiness and may drop the terminal's readiness when a
/// SIGWINCH is reported in the same wake-up: the key then waits for the next key.)
#[test]
fn a_key_sent_with_a_resize_is_not_lost() {
    let mut dash = started();
    for round in 0..40u16 {
        let (key, seen) = if round % 2 == 0 {
            ("3", "BE-GRF-0069")
        } else {
            ("2", "Griffon command post")
        };
        dash.resize(100 + round, 30);
        dash.send_keys(key);
        dash.wait_for(&format!("view {key} after resize {round}"), |s| {
            support::text(s).contains(seen)
        });
    }
    dash.resize(90, 26);
    dash.send_keys("q");
    assert!(dash.wait_exit().success());
}
