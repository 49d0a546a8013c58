//! Tests of `changes`.

use super::*;
use crate::domain::Name;

fn at(h: u32) -> NaiveDateTime {
    Date::from_ymd_opt(2026, 11, 26)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

fn many(n: usize) -> Vec<Change> {
    (0..n)
        .map(|i| Change::HoldCleared {
            serial: Name::new(&format!("V{i}")),
            stage: changes::Named {
                id: Name::new("paint"),
                name: Name::new("Paint"),
            },
            reason: Name::new("parts"),
        })
        .collect()
}

#[test]
fn the_log_keeps_the_last_changes_and_counts_the_rest() {
    let mut log = Log::default();
    log.push(at(1), Vec::new());
    assert_eq!(log.entries().count(), 0, "a reload that changed nothing");
    log.push(at(1), many(300));
    log.push(at(2), many(300));
    // 600 > 500: the first reload's 100 oldest go.
    assert_eq!(log.kept(), 500);
    let first = log.entries().next().unwrap();
    assert_eq!((first.changes.len(), first.not_kept), (200, 100));
    assert_eq!(
        first
            .changes
            .first()
            .and_then(Change::serial)
            .map(|s| s.as_str()),
        Some("V100")
    );
    // 600 more: 500 kept of them, and both earlier reloads forgotten.
    log.push(at(3), many(600));
    assert_eq!(log.kept(), 500);
    assert_eq!(log.entries().count(), 1);
    assert_eq!(log.not_kept(), 700);
    assert_eq!(log.unseen(), 1200);
    log.seen();
    assert_eq!(log.unseen(), 0);
}
