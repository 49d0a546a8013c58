//! The terminal: entering and leaving full-screen mode, and drawing frames.
//!
//! Everything the app turns on (raw mode, the alternate screen, mouse capture, a hidden
//! cursor) is turned off again on every way out: a normal quit, a signal, an error and a
//! panic, whose hook restores the terminal before the message is printed.

use std::io::{self, Stdout, Write};
use std::mem::ManuallyDrop;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute, queue};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use crate::app::App;

/// Set while the terminal is in full-screen mode, so restoring twice does nothing.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Set while mouse capture is on.
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Where to report a crash.
pub const REPORT_TO: &str =
    "the fleetdash issue tracker (run `fleetdash --version` and include its output)";

/// The terminal in full-screen mode; dropping it restores the terminal.
pub struct Tui {
    /// Dropped by hand (see `Drop`): ratatui's own drop may print to a terminal that is gone.
    terminal: ManuallyDrop<Terminal<CrosstermBackend<Stdout>>>,
}

impl Tui {
    /// Enters full-screen mode. Call [`install_panic_hook`] first.
    pub fn enter(mouse: bool) -> io::Result<Tui> {
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let set_up = || -> io::Result<Tui> {
            let mut stdout = io::stdout();
            execute!(stdout, EnterAlternateScreen, cursor::Hide)?;
            if mouse {
                MOUSE.store(true, Ordering::SeqCst);
                execute!(stdout, EnableMouseCapture)?;
            }
            let terminal = Terminal::new(CrosstermBackend::new(stdout))?;
            Ok(Tui {
                terminal: ManuallyDrop::new(terminal),
            })
        };
        // Half set up is still set up: undo what was done before saying why.
        set_up().inspect_err(|_| restore())
    }

    /// Turns mouse capture on or off (the config changed).
    pub fn set_mouse(&mut self, on: bool) -> io::Result<()> {
        if on != MOUSE.load(Ordering::SeqCst) {
            if on {
                execute!(self.terminal.backend_mut(), EnableMouseCapture)?;
            } else {
                execute!(self.terminal.backend_mut(), DisableMouseCapture)?;
            }
            MOUSE.store(on, Ordering::SeqCst);
        }
        Ok(())
    }

    /// Draws one frame inside the terminal's synchronized-update sequence, so that the
    /// terminal shows it whole, never half-drawn.
    pub fn draw(&mut self, app: &mut App, theme: &crate::ui::Theme) -> io::Result<()> {
        if !ACTIVE.load(Ordering::SeqCst) {
            // A panic on another thread restored the terminal: drawing now would scribble
            // over the user's shell, so the loop ends instead.
            return Err(io::Error::other("the terminal was restored after a crash"));
        }
        queue!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        let result = self
            .terminal
            .draw(|frame| {
                let area = frame.area();
                let seen = crate::ui::draw(app, theme, area, frame.buffer_mut());
                app.seen(seen);
            })
            .map(|_| ());
        queue!(self.terminal.backend_mut(), EndSynchronizedUpdate)?;
        self.terminal.backend_mut().flush()?;
        result
    }

    /// Forgets what is on screen, so that the next draw repaints every cell.
    ///
    /// Not ratatui's `Terminal::clear`: that one asks the terminal where its cursor is
    /// (to put it back after), and the answer is read from the input, which the input
    /// thread holds; the question then times out after 2 s with an error. Resizing the
    /// viewport to the size the terminal reports (a system call, no question on the wire)
    /// clears the screen and the back buffer the same way, and the cursor is hidden anyway.
    pub fn clear(&mut self) -> io::Result<()> {
        let size = self.terminal.size()?;
        self.terminal
            .resize(Rect::new(0, 0, size.width, size.height))
    }

    /// Follows a change of the terminal's size.
    pub fn autoresize(&mut self) -> io::Result<()> {
        self.terminal.autoresize()
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        // ratatui's drop shows the cursor and, when that fails, says so on stderr, which
        // panics when stderr is the terminal that went away (and a panic while leaving
        // aborts). Shown here instead; when that fails the terminal is gone, and the
        // `Terminal` (a few buffers) is left to the end of the process.
        let shown = self.terminal.show_cursor().is_ok();
        restore();
        if shown {
            // SAFETY: dropped once, here, and never used again.
            unsafe { ManuallyDrop::drop(&mut self.terminal) }
        }
    }
}

/// Leaves full-screen mode; does nothing when it is not on. Safe to call from a panic
/// hook or a signal path.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut stdout = io::stdout();
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(stdout, DisableMouseCapture);
    }
    let _ = execute!(
        stdout,
        EndSynchronizedUpdate,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = stdout.flush();
}

/// Restores the terminal before a panic's message is printed, and says where to report it.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
        eprintln!(
            "fleetdash crashed; the terminal has been restored. Please report this to {REPORT_TO}."
        );
    }));
}
