//! A measurement, not run by default: how long a key waits while the loader thread reads
//! a large generated set again (100 000 queued vehicles, 20 000 delivery records).
//!
//! ```sh
//! cargo test --release --test key_latency -- --ignored --nocapture
//! ```
//!
//! It presses `r` (a full reload), then switches views key after key, each time waiting
//! for the body of the screen to change, and keeps the waits of the keys answered before
//! the reload was done.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use support::{Dash, Launch, Sample, TODAY};

/// The screen without its status line (whose flash and clock change by themselves).
fn body(screen: &vt100::Screen) -> String {
    let text = support::text(screen);
    let mut lines: Vec<&str> = text.lines().collect();
    lines.pop();
    lines.join("\n")
}

fn reload_done(trace: &Path) -> Option<String> {
    std::fs::read_to_string(trace)
        .unwrap_or_default()
        .lines()
        .find(|l| l.contains(" reload why=key "))
        .map(str::to_owned)
}

#[test]
#[ignore = "a measurement: cargo test --release --test key_latency -- --ignored --nocapture"]
fn keys_wait_little_during_a_full_reload_of_a_large_set() {
    let sample = Sample::new();
    let set = sample.root().join("large");
    let made = std::process::Command::new(env!("CARGO_BIN_EXE_fleetdash"))
        .args(["generate", "--out"])
        .arg(&set)
        .args([
            "--variants",
            "20",
            "--queue",
            "100000",
            "--deliveries",
            "20000",
        ])
        .args(["--seed", "42", "--today", TODAY])
        .output()
        .expect("generate runs");
    assert!(made.status.success());
    let trace = sample.root().join("trace.log");
    let mut dash = Dash::spawn(
        sample,
        Launch {
            args: vec![
                "--today".into(),
                TODAY.into(),
                set.join("status").display().to_string(),
            ],
            env: vec![("FLEETDASH_TRACE".into(), trace.display().to_string())],
            ..Launch::default()
        },
    );
    let slow = Duration::from_secs(300);
    // The first frame of data: the loading screen comes before it.
    dash.wait_for_within("the first frame", slow, |s| {
        support::status_line(s).contains("q quit")
            && !support::text(s).contains(support::LOADING_TITLE)
    });
    dash.send_keys("r");
    let mut waits = Vec::new();
    for key in "2345123451234512345123451234512345"
        .chars()
        .cycle()
        .take(2000)
    {
        let before = body(&dash.screen());
        let sent = Instant::now();
        dash.send_keys(&key.to_string());
        let shown = dash.wait_for_within("the next view", slow, |s| body(s) != before);
        if reload_done(&trace).is_some() {
            break;
        }
        waits.push(shown.saturating_duration_since(sent));
    }
    let done = loop {
        if let Some(line) = reload_done(&trace) {
            break line;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    waits.sort();
    assert!(
        !waits.is_empty(),
        "the reload was over before a key: {done}"
    );
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    eprintln!(
        "{} keys answered during the reload: median {:.1} ms, max {:.1} ms; the reload: {}",
        waits.len(),
        ms(waits[waits.len() / 2]),
        ms(waits[waits.len() - 1]),
        done.split(" took=").nth(1).unwrap_or(&done)
    );
    dash.send_keys("q");
    dash.wait_exit();
}
