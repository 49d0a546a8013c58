//! The threads that turn the terminal and the system into events: keys, mouse and
//! resizes; SIGTERM, SIGHUP and SIGINT; and the terminal going away. Each stops when the
//! loop has gone (its send fails) or when its source has nothing more to say. And what
//! the loop makes of a mouse event.

use std::sync::mpsc::Sender;

use crossterm::event::{self as ct, MouseButton, MouseEventKind};

use super::state::Runtime;
use crate::app::{Action, Effect};
use crate::event::Event;
use crate::ui::tabs;

impl Runtime {
    /// Handles a mouse event; true when the screen must be redrawn.
    pub(super) fn mouse(&mut self, m: ct::MouseEvent) -> bool {
        let action = match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll(3)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(-3)),
            MouseEventKind::Down(MouseButton::Left) if m.row == 0 => {
                let (w, h) = crossterm::terminal::size().unwrap_or((80, 24));
                tabs::hit(&self.app, ratatui::layout::Rect::new(0, 0, w, h), m.column)
                    .map(Action::Show)
            }
            _ => None,
        };
        action.is_some_and(|a| self.app.update(a) != Effect::None)
    }
}

/// Reads the terminal's input on its own thread; stops when the loop has gone or the
/// input fails (the terminal is gone: a quit).
pub fn spawn_input(tx: Sender<Event>) {
    std::thread::spawn(move || {
        loop {
            let event = match ct::read() {
                Ok(ct::Event::Key(k)) => Event::Key(k),
                Ok(ct::Event::Mouse(m)) => Event::Mouse(m),
                Ok(ct::Event::Resize(..)) => Event::Resize,
                Ok(_) => continue,
                Err(_) => {
                    // Nothing more will be read from this terminal: never try again.
                    let _ = tx.send(Event::Terminate);
                    break;
                }
            };
            if tx.send(event).is_err() {
                break;
            }
        }
    });
}

/// Waits, on its own thread, for the terminal to hang up (its window closed, the ssh
/// connection dropped) and then ends the loop.
///
/// The signal alone does not do: when the shell that started the dashboard ignores
/// SIGHUP (`trap '' HUP`, `nohup` without redirection), only the shell gets it, and every
/// read of the terminal then returns end-of-file at once. crossterm's reader takes an
/// empty read for "nothing yet" and reads again, forever, so the input thread never sees
/// an error. `poll` reports the hang-up (`POLLHUP`) whatever events are asked for, so this
/// thread asks for none: it sleeps until the hang-up and costs nothing meanwhile.
pub fn spawn_hangup_watch(tx: Sender<Event>) {
    #[cfg(unix)]
    std::thread::spawn(move || {
        let mut fds = [libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: 0,
            revents: 0,
        }];
        loop {
            // SAFETY: `fds` is a valid array of one `pollfd` for the whole call.
            let n = unsafe { libc::poll(fds.as_mut_ptr(), 1, -1) };
            if n < 0 {
                if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                    continue;
                }
                // poll itself failed: nothing to watch with, and nothing to report.
                return;
            }
            let gone = libc::POLLHUP | libc::POLLERR | libc::POLLNVAL;
            if fds[0].revents & gone != 0 {
                let _ = tx.send(Event::Terminate);
            }
            // Nothing else can wake it (no event is asked for): never poll in a loop.
            return;
        }
    });
    #[cfg(not(unix))]
    drop(tx);
}

/// Turns SIGTERM, SIGHUP and SIGINT into a clean end of the loop.
pub fn spawn_signals(tx: Sender<Event>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
        return;
    };
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(Event::Terminate);
        }
    });
}
