//! The first frame comes before the first load (issue 15, point 2): the real binary in a
//! pseudo-terminal, its first load held at the test gate (a FIFO the loader thread reads
//! before each load, debug builds only), draws the loading screen and answers keys; once
//! the gate opens, the data and the problems of the load are shown as always.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

#[cfg(all(unix, debug_assertions))]
mod support;

#[cfg(all(unix, debug_assertions))]
mod gated {
    use std::path::{Path, PathBuf};

    use super::support::{Dash, LOADING_TITLE, Launch, Sample, status_line, text};

    /// Starts the dashboard on `sample` at `cols`×`rows` with its loads held at a gate;
    /// returns it and the gate.
    fn held(sample: Sample, cols: u16, rows: u16) -> (Dash, PathBuf) {
        let gate = sample.root().join("gate");
        let made = std::process::Command::new("mkfifo").arg(&gate).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        let dash = Dash::spawn(
            sample,
            Launch {
                cols,
                rows,
                env: vec![(
                    "FLEETDASH_TEST_LOAD_GATE".into(),
                    gate.display().to_string(),
                )],
                ..Launch::default()
            },
        );
        (dash, gate)
    }

    /// Lets the held load go: the loader reads the gate to its end.
    fn open_gate(gate: &Path) {
        drop(std::fs::OpenOptions::new().write(true).open(gate).unwrap());
    }

    fn loading_screen(s: &vt100::Screen) -> bool {
        s.alternate_screen()
            && text(s).contains(LOADING_TITLE)
            && status_line(s).trim_end().ends_with("q quit")
    }

    #[test]
    fn the_loading_screen_is_drawn_while_the_first_load_is_held_and_answers_keys() {
        let (mut dash, _gate) = held(Sample::new(), 80, 24);
        dash.wait_for("the loading screen", loading_screen);
        let screen = dash.text();
        // Held before it began: nothing counted, so no count is claimed.
        assert!(screen.contains("from config/status"), "{screen}");
        assert!(screen.contains("listing the files"), "{screen}");
        assert!(!screen.contains(" of "), "{screen}");
        assert!(screen.contains("loading…"), "{screen}");
        // The help opens and closes over it.
        dash.send_keys("?");
        dash.wait_for("the help over the loading screen", |s| {
            text(s).contains("quit (also Ctrl-C)")
        });
        dash.send_keys("?");
        dash.wait_for("the help closed", |s| {
            loading_screen(s) && !text(s).contains("quit (also Ctrl-C)")
        });
        // `q` quits at once, the load still held.
        dash.send_keys("q");
        assert!(dash.wait_exit().success());
        assert!(!dash.screen().alternate_screen());
    }

    #[test]
    fn once_the_first_load_lands_its_data_and_problems_show_as_always() {
        let sample = Sample::new();
        // A file that does not load: at start, as without the loading screen, the status
        // line names it and says it is not shown.
        let roanne = sample.status("queue-roanne.yaml");
        std::fs::write(&roanne, "version: 1\nqueue: [\n").unwrap();
        let (mut dash, gate) = held(sample, 120, 35);
        dash.wait_for("the loading screen", loading_screen);
        // A view chosen while loading is the one shown when the data comes.
        dash.send_keys("5");
        dash.wait_for("the Problems tab marked", |s| {
            loading_screen(s) && text(s).contains("5 Problems")
        });
        open_gate(&gate);
        dash.wait_for_data();
        dash.wait_for_status("queue-roanne.yaml:");
        let status = status_line(&dash.screen());
        assert!(status.contains("not shown"), "{status}");
        assert!(status.contains(" loaded "), "{status}");
        let screen = dash.text();
        assert!(screen.contains("queue-roanne.yaml"), "{screen}");
        assert!(!screen.contains(LOADING_TITLE), "{screen}");
        dash.send_keys("q");
        assert!(dash.wait_exit().success());
    }

    /// A reload held past 300 ms shows its progress on the status line, over the figures
    /// of the last load, which stay; then goes when it lands.
    #[test]
    fn a_long_reload_shows_its_progress_on_the_status_line() {
        let (mut dash, gate) = held(Sample::new(), 120, 35);
        dash.wait_for("the loading screen", loading_screen);
        open_gate(&gate);
        dash.wait_for_data();
        let body = |s: &vt100::Screen| {
            let text = text(s);
            let lines: Vec<&str> = text.lines().collect();
            lines[..lines.len().saturating_sub(1)].join("\n")
        };
        let before = body(&dash.screen());
        assert!(before.contains("BEHIND PLAN"), "{before}");
        // `r`: held at the gate before it lists a file.
        dash.send_keys("r");
        dash.wait_for_status("loading: listing the files");
        assert_eq!(body(&dash.screen()), before);
        open_gate(&gate);
        dash.wait_for_status("reloaded 5 files");
        let status = status_line(&dash.screen());
        assert!(!status.contains("loading:"), "{status}");
        dash.send_keys("q");
        assert!(dash.wait_exit().success());
    }
}
