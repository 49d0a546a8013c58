//! The loader's own tests: what only its private steps can show.

use std::fs;

use super::*;

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).expect("a date")
}

#[test]
fn a_file_removed_between_listing_and_reading_is_dropped_quietly() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let keep = dir.path().join("keep.yaml");
    let gone = dir.path().join("gone.yaml");
    fs::write(&keep, "version: 1\n").expect("write");
    fs::write(&gone, "version: 1\nqueue: []\n").expect("write");
    let mut loader = Loader::new(vec![dir.path().to_path_buf()], Limits::default());
    let first = loader.load(today());
    assert_eq!(first.files.len(), 2);

    // Listed, then removed before it is read: what a save by rename looks like.
    let mut problems = Vec::new();
    let listed = loader.discover(&mut problems);
    fs::remove_file(&gone).expect("remove");
    let force: HashSet<PathBuf> = listed.iter().cloned().collect();
    let snapshot = loader.load_listed(today(), &force, listed, problems);

    let errors: Vec<&Problem> = snapshot.problems.iter().filter(|p| p.is_error()).collect();
    // Only the set's own problem (no programme): nothing about the vanished file.
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].file.is_none());
    assert_eq!(snapshot.files.len(), 1);
    assert_eq!(snapshot.files[0].path, keep);
    assert_eq!(snapshot.removed, [display_name(&gone)]);
    assert_eq!(snapshot.reread, [display_name(&keep)]);
}

#[test]
fn the_text_checks_on_a_spare_core_give_the_same_warnings_in_the_same_order() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("queue.yaml");
    // An invisible character, then serials and ids other YAML readers would not read as text.
    fs::write(
        &path,
        "version: 1\nqueue:\n  - serial: BE\u{200b}-1\n    variant: no\n    stage: 0070\n    \
         since: 2026-01-02\n    site: S\n  - serial: 1e3\n    variant: v\n    stage: s\n    \
         since: 2026-01-03\n    site: S\n",
    )
    .expect("write");
    let problems = |threads: usize| {
        let spare = std::sync::Arc::new(cores::Spare::new(threads - 1));
        match cores::with_spare(&spare, || read::read_file(&path, Limits::default(), false)) {
            read::Outcome::Parsed(_, problems, _) => {
                // Every core given back once the file is read.
                assert!(cores::with_spare(&spare, cores::take_spare).is_some() || threads == 1);
                problems
            }
            _ => panic!("the file parses"),
        }
    };
    let alone = problems(1);
    let beside = problems(2);
    // Both kinds of warning, the invisible character first.
    assert!(alone.len() >= 3, "{alone:?}");
    assert!(alone[0].message.contains("U+200B"), "{alone:?}");
    assert_eq!(alone, beside);
}

/// A queue of `n` plain vehicles, long enough to be cut into slices of 2.
fn long_queue(n: usize) -> String {
    let mut text = String::from("version: 1\nqueue:\n");
    for i in 0..n {
        text.push_str(&format!(
            "  - serial: BE-{i:04}\n    variant: v\n    stage: s\n    since: 2026-01-02\n    site: S\n"
        ));
    }
    text
}

#[test]
fn a_spare_core_lent_out_for_the_whole_parse_is_not_waited_for() {
    let text = long_queue(40);
    let alone = cores::with_threads(1, || yaml::parse_in_slices(&text, Limits::DEFAULT, 2));
    let spare = std::sync::Arc::new(cores::Spare::new(1));
    let lent = cores::with_spare(&spare, || {
        // Lent to the checks of the text, which keep it until after the parse.
        let core = cores::take_spare().expect("the one spare core");
        assert!(cores::take_spare().is_none());
        let parsed = yaml::parse_in_slices(&text, Limits::DEFAULT, 2);
        drop(core);
        parsed
    });
    // The pieces parsed by the thread that asked (the core given back only after), to the
    // same result as on one thread: the parse does not wait for the core.
    assert_eq!(lent, alone);
    let lent = lent.expect("the queue parses");
    assert_eq!(lent.queue.as_ref().map(Vec::len), Some(40));
}
