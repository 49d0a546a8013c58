//! The checks of quoting on plain visit lines (`- {stage: ID, since: DATE}`), whose ids
//! are looked up once each: every line warned at its own place, repeated ids included.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use fleetdash::status::quoting::warnings;

#[test]
fn each_visit_line_of_an_id_read_otherwise_is_warned_at_its_place() {
    let text = "\
queue:
  - serial: S1
    history:
      - {stage: on, since: 2026-01-01}
      - {stage: tests, since: 2026-01-02}
      - {stage: on, since: 2026-01-03}
      - {stage: 1e3, since: 2026-01-04}
      - {stage: tests, since: 2026-01-05}
        - {stage: No, since: 2026-01-06}
      - {stage: 1e3, since: 2026-01-07}\r
      - {stage: hull, since: 2026-01-08}
";
    let fix = |v: &str, other: &str| {
        format!(
            "`{v}` is read here as text, but other YAML readers (YAML 1.1, spreadsheets, \
             PyYAML) read it as {other}: quote it, `\"{v}\"`"
        )
    };
    let got: Vec<String> = warnings("q.yaml", text)
        .iter()
        .map(|p| format!("{}:{}: {}", p.loc.line, p.loc.column, p.message))
        .collect();
    // The id starts after six spaces and `- {stage: ` (eight spaces on line 9).
    assert_eq!(
        got,
        [
            format!("4:17: {}", fix("on", "true or false")),
            format!("6:17: {}", fix("on", "true or false")),
            format!("7:17: {}", fix("1e3", "a number")),
            format!("9:19: {}", fix("No", "true or false")),
            format!("10:17: {}", fix("1e3", "a number")),
        ]
    );
}
