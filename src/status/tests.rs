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
