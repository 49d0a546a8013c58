//! A bad record costs that record, not the file (issue 11, point 2): on a fresh start, one
//! value that cannot be read leaves out the record that holds it, with its problem, and
//! every good record of the file still counts; the snapshot says how many were left out.
//! With a last good version of the file, the last good content stays, as before; a syntax
//! error that stops the parse still refuses the file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::fs;
use std::path::Path;

use fleetdash::domain::Date;
use fleetdash::status::{FileHealth, Limits, Loader, Snapshot};

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).expect("a date")
}

/// A copy of the bundled sample.
fn sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status");
    for entry in fs::read_dir(from).expect("the sample") {
        let path = entry.expect("an entry").path();
        fs::copy(&path, dir.path().join(path.file_name().expect("a name"))).expect("copy");
    }
    dir
}

/// The sample's deliveries with the date of the record at line 47 made impossible.
fn break_a_date(dir: &Path) {
    let path = dir.join("deliveries.yaml");
    let text = fs::read_to_string(&path).expect("read");
    let line = text.lines().nth(46).expect("line 47");
    assert_eq!(line, "  - date: 2026-02-26");
    let bad = text.replacen(line, "  - date: 2026-02-30", 1);
    fs::write(&path, bad).expect("write");
}

fn load(loader: &mut Loader) -> Snapshot {
    loader.load(today())
}

fn records(s: &Snapshot) -> usize {
    s.programme.deliveries.len()
}

#[test]
fn one_impossible_date_leaves_out_its_record_only() {
    let dir = sample();
    let whole = records(&load(&mut Loader::new(
        vec![dir.path().to_path_buf()],
        Limits::default(),
    )));
    assert_eq!(whole, 43);
    break_a_date(dir.path());
    let s = load(&mut Loader::new(
        vec![dir.path().to_path_buf()],
        Limits::default(),
    ));
    assert_eq!(records(&s), 42);
    assert_eq!(s.left_out, 1);
    let errors: Vec<String> = s
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| format!("{}:{}: {}", p.loc.line, p.loc.column, p.message))
        .collect();
    assert_eq!(
        errors,
        [
            "47:11: deliveries[13].date: `2026-02-30` is not a date: February 2026 has 28 days; \
          this record is left out, the rest of the file counts"
        ]
    );
    // The records after the bad one keep their places.
    let text = fs::read_to_string(dir.path().join("deliveries.yaml")).expect("read");
    let lines: Vec<&str> = text.lines().collect();
    let last_item = lines
        .iter()
        .rposition(|l| l.starts_with("  - date"))
        .expect("an item");
    let last = s.programme.deliveries.last().expect("a delivery");
    assert_eq!(last.origin.line as usize, last_item + 1);
}

#[test]
fn with_a_last_good_version_the_last_good_content_stays() {
    let dir = sample();
    let mut loader = Loader::new(vec![dir.path().to_path_buf()], Limits::default());
    assert_eq!(records(&load(&mut loader)), 43);
    break_a_date(dir.path());
    let s = load(&mut loader);
    assert_eq!(records(&s), 43, "the last good content");
    assert_eq!(s.left_out, 0);
    let f = s
        .files
        .iter()
        .find(|f| f.name.ends_with("deliveries.yaml"))
        .expect("the file");
    assert!(matches!(
        f.health,
        FileHealth::Stale {
            has_last_good: true,
            ..
        }
    ));
}

#[test]
fn a_syntax_error_still_refuses_the_file() {
    let dir = sample();
    let path = dir.path().join("deliveries.yaml");
    let text = fs::read_to_string(&path).expect("read");
    fs::write(&path, text.replacen("serials: [", "serials: [\"", 1)).expect("write");
    let s = load(&mut Loader::new(
        vec![dir.path().to_path_buf()],
        Limits::default(),
    ));
    assert_eq!(records(&s), 0);
    assert_eq!(s.left_out, 0);
}

#[test]
fn many_bad_records_refuse_the_file() {
    let dir = sample();
    let path = dir.path().join("deliveries.yaml");
    let text = fs::read_to_string(&path).expect("read");
    // Every record's variant made a list: more than the loader leaves out one by one.
    let bad = text.replace("variant: ", "variant: [x]\n    lot: ");
    fs::write(&path, bad).expect("write");
    let s = load(&mut Loader::new(
        vec![dir.path().to_path_buf()],
        Limits::default(),
    ));
    assert_eq!(records(&s), 0);
    assert_eq!(s.left_out, 0);
    const { assert!(43 > fleetdash::status::yaml::MAX_LEFT_OUT) };
}

/// The problems of the records left out of `file`, as `line:column: message` up to `:`
/// after the field.
fn left_out_places(s: &Snapshot, file: &str) -> Vec<String> {
    s.problems
        .iter()
        .filter(|p| p.is_error() && p.file.as_deref().is_some_and(|f| f.ends_with(file)))
        .map(|p| {
            let field = p.message.split(": ").next().unwrap_or("");
            format!("{}:{} {field}", p.loc.line, p.loc.column)
        })
        .collect()
}

#[test]
fn each_record_left_out_is_named_by_its_place_in_the_file_as_written() {
    let dir = sample();
    // Deliveries: the records at lines 41 (the 12th, [11]) and 47 (the 14th, [13]).
    let path = dir.path().join("deliveries.yaml");
    let mut lines: Vec<String> = fs::read_to_string(&path)
        .expect("read")
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(lines[40], "  - date: 2026-02-12");
    assert_eq!(lines[46], "  - date: 2026-02-26");
    lines[40] = "  - date: 2026-13-12".into();
    lines[46] = "  - date: 2026-02-30".into();
    fs::write(&path, lines.join("\n") + "\n").expect("write");
    // Queue: the 1st, 3rd and 5th vehicles of queue-seraing.yaml get an impossible `since`.
    let path = dir.path().join("queue-seraing.yaml");
    let text = fs::read_to_string(&path).expect("read");
    let mut out = String::new();
    for (n, line) in text.lines().enumerate() {
        let at = n + 1;
        if [11, 27, 43].contains(&at) {
            assert!(line.starts_with("    since: 2026-"), "line {at}: {line}");
            out.push_str("    since: 2026-04-31\n");
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    fs::write(&path, out).expect("write");
    let s = load(&mut Loader::new(
        vec![dir.path().to_path_buf()],
        Limits::default(),
    ));
    assert_eq!(s.left_out, 5);
    assert_eq!(
        left_out_places(&s, "deliveries.yaml"),
        ["41:11 deliveries[11].date", "47:11 deliveries[13].date"]
    );
    assert_eq!(
        left_out_places(&s, "queue-seraing.yaml"),
        [
            "11:12 queue[0].since",
            "27:12 queue[2].since",
            "43:12 queue[4].since"
        ]
    );
}

/// The messages of `s`'s problems that follow from the problem whose message starts with
/// `cause`, and how many problems there are in all.
fn following(s: &Snapshot, cause: &str) -> Vec<String> {
    let groups = s.problems_by_cause();
    let group = groups
        .iter()
        .find(|g| s.problems[g.cause].message.starts_with(cause))
        .unwrap_or_else(|| panic!("a problem starting {cause:?}: {:#?}", s.problems));
    group
        .follow
        .iter()
        .map(|&i| s.problems[i].message.clone())
        .collect()
}

/// A definition left out for a bad value: the records that name it are told so, with the
/// record's place, and grouped under it; no "did you mean" another name. The stage's
/// record has a key written twice, so that its `id` is read from its first line.
#[test]
fn a_record_naming_a_definition_left_out_points_at_that_record() {
    let dir = sample();
    let path = dir.path().join("programme.yaml");
    let text = fs::read_to_string(&path).expect("read");
    let text = text.replacen("contracted: 190", "contracted: many", 1);
    let text = text.replacen(
        "  - id: turret\n",
        "  - id: turret\n    lead_time_days: soon\n",
        1,
    );
    fs::write(&path, text).expect("write");
    let s = load(&mut Loader::new(
        vec![dir.path().to_path_buf()],
        Limits::default(),
    ));
    let variant = following(&s, "variants[0].contracted");
    assert!(!variant.is_empty());
    for m in &variant {
        assert!(
            m.contains("names the variant `grf-tt`, whose `variants` record is left out (")
                && m.ends_with("programme.yaml:19): fix that record first"),
            "{m}"
        );
        assert!(!m.contains("did you mean"), "{m}");
    }
    let stage = following(&s, "stages[4]");
    assert!(!stage.is_empty(), "{:#?}", s.problems);
    for m in &stage {
        assert!(
            m.contains("the stage `turret`, whose `stages` record is left out (")
                && m.contains("programme.yaml:111): fix that record first")
                && !m.contains("did you mean"),
            "{m}"
        );
    }
    // A typo of a name that is defined still gets its suggestion.
    let text = fs::read_to_string(dir.path().join("queue-roanne.yaml")).expect("read");
    assert!(text.contains("variant: jag\n"));
    fs::write(
        dir.path().join("queue-roanne.yaml"),
        text.replacen("variant: jag\n", "variant: jagg\n", 1),
    )
    .expect("write");
    let s = load(&mut Loader::new(
        vec![dir.path().to_path_buf()],
        Limits::default(),
    ));
    assert!(
        s.problems.iter().any(|p| p.message.contains(
            "names the variant `jagg`, which no `variants` section defines; did you mean `jag`?"
        )),
        "{:#?}",
        s.problems
    );
}
