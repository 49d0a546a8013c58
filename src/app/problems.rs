//! The Problems view's state: every problem of the last load, newest first, with the
//! reload that first showed it, and the selection.

use std::collections::HashMap;

use super::{Action, Data, Problem, list};

/// The problems shown and the selection.
#[derive(Debug, Default)]
pub struct State {
    /// The problems shown, newest reload first, with the reload that first showed each.
    pub(crate) rows: Vec<(Problem, u64)>,
    /// When each problem was first seen, by reload number.
    first_seen: HashMap<Problem, u64>,
    reloads: u64,
    /// The selected row.
    pub(crate) selected: Option<usize>,
    /// The first row on screen at the last drawing.
    pub(crate) offset: usize,
    /// Rows on screen at the last drawing, for paging.
    page: usize,
}

impl State {
    /// Takes the problems of a new load; a problem seen before keeps its age.
    pub fn refresh(&mut self, data: &Data) {
        self.reloads += 1;
        let now = self.reloads;
        let mut seen = HashMap::with_capacity(data.snapshot.problems.len());
        for p in &data.snapshot.problems {
            let first = self.first_seen.get(p).copied().unwrap_or(now);
            seen.insert(p.clone(), first);
        }
        self.first_seen = seen;
        self.rows = data
            .snapshot
            .problems
            .iter()
            .map(|p| (p.clone(), self.first_seen.get(p).copied().unwrap_or(now)))
            .collect();
        // Newest first; the load's own order (file, line) within one reload.
        self.rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        let len = self.rows.len();
        if len == 0 {
            self.selected = None;
            self.offset = 0;
        } else if self.selected.is_none_or(|s| s >= len) {
            self.selected = Some(0);
        }
    }

    /// Moves the selection for a movement action; returns true when it is one (the
    /// screen changes), false for any other action.
    pub fn handle(&mut self, action: Action, _data: &Data) -> bool {
        list::move_selection(&mut self.selected, self.rows.len(), action, self.page)
    }

    /// The problems in the order shown.
    pub fn rows(&self) -> impl Iterator<Item = &Problem> {
        self.rows.iter().map(|(p, _)| p)
    }

    /// Takes what the last drawing of the list learned.
    pub fn seen(&mut self, seen: Seen) {
        self.page = seen.page;
        self.offset = seen.offset;
    }
}

/// What drawing the problems' list learned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    /// Rows on screen, for PgUp/PgDn.
    pub page: usize,
    /// The first row on screen.
    pub offset: usize,
}
