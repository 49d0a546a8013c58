//! Serials and ids that other YAML readers would read as a number, a yes/no or nothing
//! (issue 11, point 7): fleetdash reads them as written, and warns with the fix.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use fleetdash::status::quoting::warnings;

fn lines(text: &str) -> Vec<String> {
    warnings("q.yaml", text)
        .iter()
        .map(|p| format!("{}:{}: {}", p.loc.line, p.loc.column, p.message))
        .collect()
}

#[test]
fn unquoted_serials_and_ids_that_are_not_text_elsewhere_are_warned() {
    let text = "\
version: 1
variants:
  - id: 1e3
    family: F
    name: 2.10
stages:
  - {id: yes, name: Yes, families: [0x1F, Jaguar, ~]}
queue:
  - serial: 0070
    variant: grf-tt
    stage: 'on'
    site: 12
deliveries:
  - date: 2026-01-01
    variant: true
    serials:
      - BE-1
      - 007 # a comment
      - \"008\"
";
    let fix = |v: &str, other: &str| {
        format!(
            "`{v}` is read here as text, but other YAML readers (YAML 1.1, spreadsheets, \
             PyYAML) read it as {other}: quote it, `\"{v}\"`"
        )
    };
    assert_eq!(
        lines(text),
        [
            format!("3:9: {}", fix("1e3", "a number")),
            format!("7:10: {}", fix("yes", "true or false")),
            format!("7:37: {}", fix("0x1F", "a number")),
            format!("7:51: {}", fix("~", "null (no value)")),
            format!("9:13: {}", fix("0070", "a number")),
            format!("15:14: {}", fix("true", "true or false")),
            format!("18:9: {}", fix("007", "a number")),
        ]
    );
}

#[test]
fn text_and_quoted_values_are_not_warned() {
    let text = "queue:\n  - serial: \"0070\"\n    variant: grf-tt\n    stage: paint\n    site: 0070\n    lot: 1e3\n";
    assert_eq!(lines(text), Vec::<String>::new());
}
