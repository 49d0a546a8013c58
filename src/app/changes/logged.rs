//! A refresh and the changes of the reloads behind it in one go, the rows built once:
//! what the refreshing thread does for a load (building the rows at a million vehicles
//! costs about as much as the refresh's own pass, so once instead of twice).

use chrono::NaiveDateTime;

use super::State;
use crate::app::Data;
use crate::domain::changes::Change;

impl State {
    /// [`State::refresh`] for `data`, then [`State::push`] of each reload of `reloads`
    /// (the local time it landed and what it changed, oldest first), the rows built once
    /// at the end: the same log and rows as the calls one by one.
    pub fn refresh_and_log(&mut self, data: &Data, reloads: Vec<(NaiveDateTime, Vec<Change>)>) {
        self.derive(data);
        for (at, changes) in reloads {
            self.log_only(at, changes);
        }
        self.build();
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::path::Path;

    use super::*;
    use crate::status::{Limits, Loader};

    #[test]
    fn the_log_and_rows_are_those_of_a_refresh_then_each_push() {
        let today = crate::domain::Date::from_ymd_opt(2026, 11, 26).unwrap();
        let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status");
        let dir = tempfile::tempdir().unwrap();
        for entry in std::fs::read_dir(&here).unwrap() {
            let path = entry.unwrap().path();
            let mut text = std::fs::read_to_string(&path).unwrap();
            if path.ends_with("queue-roanne.yaml") {
                text = text.replacen("\n    stage: comms\n", "\n    stage: hull\n", 1);
            }
            std::fs::write(dir.path().join(path.file_name().unwrap()), text).unwrap();
        }
        let load = |p: &Path| {
            Data::new(
                Loader::new(vec![p.into()], Limits::default()).load(today),
                today,
            )
        };
        let (old, new) = (load(&here), load(dir.path()));
        let found = crate::domain::changes::between(old.programme(), new.programme());
        assert_eq!(found.len(), 1);
        let at = |s| today.and_hms_opt(9, 0, s).unwrap();

        let mut one_by_one = State::default();
        one_by_one.refresh(&old);
        let mut at_once = one_by_one.clone();
        one_by_one.refresh(&new);
        one_by_one.push(at(1), found.clone());
        one_by_one.push(at(2), found.clone());
        at_once.refresh_and_log(&new, vec![(at(1), found.clone()), (at(2), found)]);
        assert_eq!(one_by_one.log.entries().count(), 2);
        assert_eq!(at_once.log, one_by_one.log);
        assert_eq!(at_once.rows, one_by_one.rows);
    }
}
