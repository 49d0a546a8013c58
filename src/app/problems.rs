//! The Problems view's state: every problem of the last load, newest first, with the
//! reload that first showed it, and the selection. Root cause first: a problem others
//! follow from comes before them, and they are listed under it.

use std::collections::HashMap;

use super::{Action, Data, Problem, list};

/// Where a problem stands among causes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// Neither a cause of others nor following from one.
    Alone,
    /// The cause of this many problems, listed right after it.
    Cause(usize),
    /// Follows from the cause listed above it.
    Follows,
}

/// A problem shown, with the reload that first showed it and its place among causes.
pub(crate) type Shown = (Problem, u64, Grouping);

/// The problems shown and the selection.
#[derive(Debug, Default, Clone)]
pub struct State {
    /// The problems shown, newest reload first (a cause and what follows from it kept
    /// together, the cause first), with the reload that first showed each.
    pub(crate) rows: Vec<Shown>,
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
        let problems = &data.snapshot.problems;
        let first = |i: usize| {
            problems
                .get(i)
                .and_then(|p| self.first_seen.get(p).copied())
                .unwrap_or(now)
        };
        let mut groups: Vec<(u64, Vec<Shown>)> = Vec::new();
        for g in data.snapshot.problems_by_cause() {
            let Some(cause) = problems.get(g.cause) else {
                continue;
            };
            let grouping = if g.follow.is_empty() {
                Grouping::Alone
            } else {
                Grouping::Cause(g.follow.len())
            };
            let mut rows = vec![(cause.clone(), first(g.cause), grouping)];
            rows.extend(g.follow.iter().filter_map(|&i| {
                problems
                    .get(i)
                    .map(|p| (p.clone(), first(i), Grouping::Follows))
            }));
            let newest = rows.iter().map(|r| r.1).max().unwrap_or(now);
            groups.push((newest, rows));
        }
        // Newest first; the causes' order (root cause first, then file and line) within
        // one reload.
        groups.sort_by_key(|g| std::cmp::Reverse(g.0));
        self.rows = groups.into_iter().flat_map(|g| g.1).collect();
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
        self.rows.iter().map(|(p, _, _)| p)
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
