//! A pseudo-terminal harness for end-to-end tests: runs the real `fleetdash` binary in a
//! pty of a given size, on a copy of the sample config and status set in a temporary
//! folder, feeds what it writes to a terminal-screen parser (vt100), and waits on the
//! parsed screen with a deadline. No fixed sleeps: every wait is for something to show.
//!
//! Each test file compiles this module on its own and uses part of it.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long any wait may take before the test fails: generous, for loaded machines.
pub const DEADLINE: Duration = Duration::from_secs(10);
/// The title of the loading screen's panel, shown until the first load lands.
pub const LOADING_TITLE: &str = "Loading the status files";
/// The day the sample's figures are computed for.
pub const TODAY: &str = "2026-11-26";

/// A copy of `config/` (the dashboard config and the sample status set) in a temporary
/// folder, which is the working folder of the dashboard run on it.
pub struct Sample {
    dir: tempfile::TempDir,
}

impl Sample {
    pub fn new() -> Sample {
        let dir = tempfile::tempdir().expect("a temporary folder");
        copy_tree(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("config"),
            &dir.path().join("config"),
        );
        Sample { dir }
    }

    /// The working folder: `config/` is in it.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn config_file(&self) -> PathBuf {
        self.root().join("config/fleetdash.yaml")
    }

    pub fn status_dir(&self) -> PathBuf {
        self.root().join("config/status")
    }

    /// A file of the status folder.
    pub fn status(&self, name: &str) -> PathBuf {
        self.status_dir().join(name)
    }

    pub fn read(&self, path: &Path) -> String {
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// The text of `path` with the first `count` occurrences of `from` replaced by `to`
    /// (which must be there).
    pub fn edited(&self, path: &Path, from: &str, to: &str, count: usize) -> String {
        let text = self.read(path);
        assert!(
            text.matches(from).count() >= count,
            "`{from}` is not {count} times in {}",
            path.display()
        );
        text.replacen(from, to, count)
    }
}

impl Default for Sample {
    fn default() -> Self {
        Sample::new()
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// How to start the dashboard.
pub struct Launch {
    pub cols: u16,
    pub rows: u16,
    /// Arguments after the binary's name.
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
}

impl Default for Launch {
    fn default() -> Self {
        Launch {
            cols: 120,
            rows: 35,
            args: vec!["--today".into(), TODAY.into()],
            env: Vec::new(),
        }
    }
}

/// What the reader thread has seen.
struct Output {
    parser: vt100::Parser,
    raw: Vec<u8>,
    /// The pty was closed: the dashboard and everything it started have exited.
    closed: bool,
    /// When the last bytes arrived.
    changed_at: Instant,
}

/// The dashboard running in a pseudo-terminal.
pub struct Dash {
    pub sample: Sample,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Arc<(Mutex<Output>, Condvar)>,
    reader: Option<JoinHandle<()>>,
    exited: Option<portable_pty::ExitStatus>,
}

impl Dash {
    /// Starts the dashboard on a fresh sample at the default size and waits for its
    /// first frame.
    pub fn start() -> Dash {
        Dash::launch(Sample::new(), Launch::default())
    }

    /// Starts the dashboard on `sample` and waits for its first frame of data (the
    /// loading screen comes before it).
    pub fn launch(sample: Sample, launch: Launch) -> Dash {
        let dash = Dash::spawn(sample, launch);
        dash.wait_for_data();
        dash
    }

    /// Waits until the first load is on screen: the loading screen has gone, the status
    /// line is there, and the frame is written whole (its synchronized update closed).
    pub fn wait_for_data(&self) -> Instant {
        self.wait_output("the first frame", |out| {
            let s = out.parser.screen();
            s.alternate_screen()
                && rfind(&out.raw, b"\x1b[?2026l") > rfind(&out.raw, b"\x1b[?2026h")
                && text(s).contains("1 Overview")
                && !text(s).contains(LOADING_TITLE)
                && status_line(s).contains("q quit")
        })
    }

    /// Starts the dashboard on `sample` without waiting for anything.
    pub fn spawn(sample: Sample, launch: Launch) -> Dash {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: launch.rows,
                cols: launch.cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_fleetdash"));
        cmd.args(&launch.args);
        cmd.cwd(sample.root());
        cmd.env("TERM", "xterm-256color");
        // Nothing from the user's own setup: no config of theirs, no colour switch.
        cmd.env("HOME", sample.root());
        cmd.env("XDG_CONFIG_HOME", sample.root().join("xdg"));
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("FLEETDASH_TRACE");
        cmd.env_remove("FLEETDASH_TEST_PANIC");
        cmd.env_remove("FLEETDASH_TEST_LOAD_GATE");
        cmd.env("RUST_BACKTRACE", "0");
        for (k, v) in &launch.env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("fleetdash starts");
        // Only the child holds the terminal's other end now, so reading ends when it exits.
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let writer = pty.master.take_writer().expect("a writer");
        let output = Arc::new((
            Mutex::new(Output {
                parser: vt100::Parser::new(size(launch.rows), size(launch.cols), 0),
                raw: Vec::new(),
                closed: false,
                changed_at: Instant::now(),
            }),
            Condvar::new(),
        ));
        let shared = Arc::clone(&output);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 16 * 1024];
            loop {
                let n = reader.read(&mut buf).unwrap_or(0);
                let (lock, cv) = &*shared;
                let mut out = lock.lock().unwrap_or_else(|e| e.into_inner());
                if n == 0 {
                    out.closed = true;
                    cv.notify_all();
                    break;
                }
                out.parser.process(&buf[..n]);
                out.raw.extend_from_slice(&buf[..n]);
                out.changed_at = Instant::now();
                cv.notify_all();
            }
        });
        Dash {
            sample,
            master: pty.master,
            writer,
            child,
            output,
            reader: Some(reader),
            exited: None,
        }
    }

    /// Waits until `ready` holds for the screen, and returns when the output that made it
    /// hold arrived. Fails the test, showing the screen, after [`DEADLINE`].
    pub fn wait_for(&self, what: &str, ready: impl Fn(&vt100::Screen) -> bool) -> Instant {
        self.wait_output(what, |out| ready(out.parser.screen()))
    }

    /// Waits until the screen shows `needle` somewhere.
    pub fn wait_for_text(&self, needle: &str) -> Instant {
        self.wait_for(&format!("`{needle}` on screen"), |s| {
            text(s).contains(needle)
        })
    }

    /// Waits until the status line (the last row) shows `needle`.
    pub fn wait_for_status(&self, needle: &str) -> Instant {
        self.wait_for(&format!("`{needle}` on the status line"), |s| {
            status_line(s).contains(needle)
        })
    }

    /// Waits until the raw output holds `needle`.
    pub fn wait_for_bytes(&self, what: &str, needle: &[u8]) -> Instant {
        self.wait_output(what, |out| contains(&out.raw, needle))
    }

    /// Waits until the raw output written after its first `from` bytes holds `needle`.
    pub fn wait_for_bytes_after(&self, what: &str, from: usize, needle: &[u8]) -> Instant {
        self.wait_output(what, |out| {
            out.raw.get(from..).is_some_and(|new| contains(new, needle))
        })
    }

    /// [`Dash::wait_for`] with a longer limit than [`DEADLINE`], for large sets.
    pub fn wait_for_within(
        &self,
        what: &str,
        limit: Duration,
        ready: impl Fn(&vt100::Screen) -> bool,
    ) -> Instant {
        self.wait_output_within(what, limit, |out| ready(out.parser.screen()))
    }

    fn wait_output(&self, what: &str, ready: impl Fn(&Output) -> bool) -> Instant {
        self.wait_output_within(what, DEADLINE, ready)
    }

    fn wait_output_within(
        &self,
        what: &str,
        limit: Duration,
        ready: impl Fn(&Output) -> bool,
    ) -> Instant {
        let deadline = Instant::now() + limit;
        let (lock, cv) = &*self.output;
        let mut out = lock.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if ready(&out) {
                return out.changed_at;
            }
            let now = Instant::now();
            if out.closed || now >= deadline {
                panic!(
                    "{} while waiting for {what}; the screen:\n{}",
                    if out.closed {
                        "the dashboard exited"
                    } else {
                        "timed out"
                    },
                    text(out.parser.screen())
                );
            }
            out = cv
                .wait_timeout(out, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    /// The screen as it is now.
    pub fn screen(&self) -> vt100::Screen {
        let out = self.output.0.lock().unwrap_or_else(|e| e.into_inner());
        out.parser.screen().clone()
    }

    /// The screen's text now, one line per row.
    pub fn text(&self) -> String {
        text(&self.screen())
    }

    /// Everything the dashboard wrote so far.
    pub fn raw(&self) -> Vec<u8> {
        let out = self.output.0.lock().unwrap_or_else(|e| e.into_inner());
        out.raw.clone()
    }

    /// Types `keys` (bytes as a terminal sends them: `"q"`, `"\x03"` for Ctrl-C).
    pub fn send_keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("keys sent");
        self.writer.flush().expect("keys sent");
    }

    /// Changes the terminal's size (the dashboard gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        {
            let mut out = self.output.0.lock().unwrap_or_else(|e| e.into_inner());
            out.parser.screen_mut().set_size(size(rows), size(cols));
        }
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("the pty resized");
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a process id")
    }

    /// Sends a signal by name (`TERM`, `HUP`, `INT`) to the dashboard.
    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .args(["-s", name, &self.pid().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -s {name} failed");
    }

    /// Waits for the dashboard to exit and for all it wrote to be read.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        if let Some(status) = &self.exited {
            return status.clone();
        }
        self.wait_output("the dashboard to exit", |out| out.closed);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        let deadline = Instant::now() + DEADLINE;
        loop {
            if let Some(status) = self.child.try_wait().expect("the child's status") {
                self.exited = Some(status.clone());
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the dashboard closed its terminal but did not exit"
            );
            std::thread::yield_now();
        }
    }

    /// True while the terminal is in raw mode: no line editing, no echo, no signals from
    /// Ctrl-C, no output processing. `None` where the pty cannot tell.
    pub fn raw_mode(&self) -> Option<bool> {
        let termios = format!("{:?}", self.master.get_termios()?);
        // `LocalFlags(ECHO | ICANON | …)` in the termios' Debug text.
        let flags = |name: &str| -> Vec<String> {
            let Some(start) = termios.find(&format!("{name}(")) else {
                return Vec::new();
            };
            let rest = &termios[start + name.len() + 1..];
            let end = rest.find(')').unwrap_or(rest.len());
            rest[..end].split(" | ").map(str::to_owned).collect()
        };
        let local = flags("LocalFlags");
        let output = flags("OutputFlags");
        let cooked = ["ICANON", "ECHO", "ISIG"]
            .iter()
            .all(|f| local.iter().any(|l| l == f))
            && output.iter().any(|o| o == "OPOST");
        Some(!cooked)
    }
}

impl Drop for Dash {
    fn drop(&mut self) {
        if self.exited.is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A screen size for the parser, which has no room for zero rows or columns.
fn size(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN)
}

/// The screen's text, one line per row, trailing spaces removed.
pub fn text(screen: &vt100::Screen) -> String {
    screen.contents()
}

/// The last row of the screen: the status line.
pub fn status_line(screen: &vt100::Screen) -> String {
    let (_, cols) = screen.size();
    screen.rows(0, cols.get()).last().unwrap_or_default()
}

/// The row and column where `needle` is first drawn on `screen`.
pub fn position(screen: &vt100::Screen, needle: &str) -> Option<(u16, u16)> {
    let (rows, cols) = screen.size();
    for row in 0..rows.get() {
        let mut line = String::new();
        // The column of the cell each byte of `line` came from.
        let mut origin = Vec::new();
        for col in 0..cols.get() {
            let Some(cell) = screen.cell(row, col) else {
                continue;
            };
            if cell.is_wide_continuation() {
                continue;
            }
            let symbol = if cell.has_contents() {
                cell.contents()
            } else {
                " "
            };
            line.push_str(symbol);
            origin.extend(std::iter::repeat_n(col, symbol.len()));
        }
        if let Some(at) = line.find(needle) {
            return Some((row, origin[at]));
        }
    }
    None
}

/// True when `haystack` holds `needle`.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

/// Where `needle` first is in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Where `needle` last is in `haystack`.
pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Writes `text` to `path` the way vim and VS Code save: a temporary file in the same
/// folder, renamed over the original.
pub fn save_by_rename(path: &Path, tmp_name: &str, text: &str) {
    let tmp = path.with_file_name(tmp_name);
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}
