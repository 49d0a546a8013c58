//! The event loop: wait for the next event or timer, let the [`Runtime`] handle it, and
//! do to the terminal what that asks (draw, repaint, follow a resize, quit).

use std::io;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Instant;

use super::reload::Gate;
use super::state::{Runtime, Todo};
use super::{Options, TEST_LOAD_GATE_VAR, TEST_PANIC_VAR, TRACE_VAR, input};
use crate::tui::Tui;

/// Runs the dashboard until the user quits, a signal ends it or its terminal goes away.
///
/// Starts the input, signal and loader threads, sets the terminal up and draws the
/// loading screen at once; then sets the watches and asks the loader thread for the
/// first load, whose progress the screen shows until it lands. Returns `Ok(())` on every normal
/// end (`q`, Ctrl-C, SIGTERM, SIGHUP, SIGINT, the end of the terminal's input), with the
/// terminal restored. Fails when the terminal cannot be set up or written to (an error of
/// the terminal, such as a closed output); the terminal is restored then too.
pub fn run(options: Options) -> io::Result<()> {
    let (tx, rx) = mpsc::channel();
    input::spawn_input(tx.clone());
    input::spawn_hangup_watch(tx.clone());
    input::spawn_signals(tx.clone());
    let mut state = Runtime::with_gate(options, tx, test_gate());
    if let Some(path) = std::env::var_os(TRACE_VAR) {
        state.open_trace(&path);
    }
    let panic_on_purpose = cfg!(debug_assertions) && std::env::var_os(TEST_PANIC_VAR).is_some();

    crate::tui::install_panic_hook();
    let mut tui = Tui::enter(state.app.mouse)?;
    let mut todo = Todo::redraw();
    loop {
        match show(&mut tui, &mut state, &todo) {
            Ok(()) => {}
            // The terminal went away between the hang-up and its event: that is a quit.
            Err(e) if terminal_gone(&e) => break,
            Err(e) => return Err(e),
        }
        if !state.watching {
            // The first frame is on screen: now the watches, then the first load, so that
            // no change falls between them.
            state.start_watching(Instant::now());
        }
        if panic_on_purpose {
            panic_on_purpose_now();
        }
        let event = match state.next_wake() {
            Some(at) => rx.recv_timeout(at.saturating_duration_since(Instant::now())),
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        let now = Instant::now();
        todo = match event {
            Ok(event) => state.handle(event, now),
            Err(RecvTimeoutError::Timeout) => state.on_timers(now),
            Err(RecvTimeoutError::Disconnected) => break,
        };
        if todo.quit {
            break;
        }
    }
    drop(tui);
    Ok(())
}

/// Brings the screen up to date with what the last event changed.
fn show(tui: &mut Tui, state: &mut Runtime, todo: &Todo) -> io::Result<()> {
    if todo.repaint {
        tui.clear()?;
    }
    if todo.resize {
        tui.autoresize()?;
    }
    tui.set_mouse(state.app.mouse)?;
    if todo.redraw || todo.repaint || todo.resize {
        tui.draw(&mut state.app, &state.theme)?;
    }
    Ok(())
}

/// True when writing failed because the terminal itself is gone (its window closed, the
/// ssh connection lost): EIO on a hung-up terminal, or a broken pipe.
fn terminal_gone(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::BrokenPipe | io::ErrorKind::UnexpectedEof | io::ErrorKind::NotConnected
    ) || e
        .raw_os_error()
        .is_some_and(|code| code == libc::EIO || code == libc::ENXIO)
}

/// The loader's gate named by [`TEST_LOAD_GATE_VAR`] (debug builds only): opening a FIFO
/// waits for a writer, and reading it waits for the writer to close it.
fn test_gate() -> Option<Gate> {
    if !cfg!(debug_assertions) {
        return None;
    }
    let path = std::env::var_os(TEST_LOAD_GATE_VAR)?;
    Some(Box::new(move || {
        if let Ok(mut fifo) = std::fs::File::open(&path) {
            let _ = io::copy(&mut fifo, &mut io::sink());
        }
    }))
}

/// The test hook of [`TEST_PANIC_VAR`] (debug builds only): a panic after the first frame,
/// so that tests can check the terminal is restored.
#[allow(
    clippy::panic,
    reason = "a panic asked for by a test, in debug builds only"
)]
fn panic_on_purpose_now() -> ! {
    panic!("{TEST_PANIC_VAR} is set: panicking on purpose after the first frame");
}
