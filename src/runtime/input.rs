//! The threads that turn the terminal and the system into events: keys, mouse and
//! resizes; SIGTERM, SIGHUP and SIGINT. Each stops when the
//! loop has gone (its send fails) or when its source has nothing more to say.

use std::sync::mpsc::Sender;

use crossterm::event as ct;

use crate::event::Event;

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
