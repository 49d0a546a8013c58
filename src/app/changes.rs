//! The Changes view's state: the log of what each reload changed since the dashboard
//! started ([`Log`], bounded), what the files show changed in the last week (from the stage
//! histories and hand-overs), the rows the view shows, its scroll, and how many changes
//! came in since the user last looked (for the status line).

use std::collections::VecDeque;

use chrono::NaiveDateTime;

use super::{Action, Data, list};
use crate::domain::changes::{self, Change, Since};
use crate::domain::completeness::{Completeness, Gap};
use crate::domain::dates::{add_days, month_name};
use crate::domain::words::plural;
use crate::domain::{Date, Programme};

/// The most changes the log keeps; past it, the oldest go first.
pub const LOG_LIMIT: usize = 500;

/// How far back the view's part "from the files" goes: changes on or after this many
/// days before today (the report's default `--since` too).
pub const FILES_DAYS: i64 = 7;

/// What one reload changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// When the reload landed, on the local clock.
    pub at: NaiveDateTime,
    /// The changes kept, in [`changes::between`]'s order.
    pub changes: Vec<Change>,
    /// Changes of this reload no longer kept (past [`LOG_LIMIT`]).
    pub not_kept: usize,
    /// What happened to the data, when this reload's gaps differ from the last one's
    /// ([`changes::data_changed`]): then its vehicles were not compared and `changes` is
    /// empty.
    pub data: Vec<String>,
}

/// The changes of every reload since the dashboard started, oldest first, at most
/// [`LOG_LIMIT`] changes: past it the oldest changes go first (a reload all of whose
/// changes went is forgotten, and counted).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Log {
    entries: VecDeque<Entry>,
    kept: usize,
    /// Changes no longer kept, of reloads forgotten.
    forgotten: usize,
    /// Changes logged since the user last looked at the view.
    unseen: usize,
}

impl Log {
    /// Logs the changes of a reload that landed `at`; a reload that changed nothing is
    /// not logged.
    pub fn push(&mut self, at: NaiveDateTime, mut changes: Vec<Change>) {
        if changes.is_empty() {
            return;
        }
        self.unseen += changes.len();
        let not_kept = changes.len().saturating_sub(LOG_LIMIT);
        changes.truncate(LOG_LIMIT);
        self.kept += changes.len();
        self.entries.push_back(Entry {
            at,
            changes,
            not_kept,
            data: Vec::new(),
        });
        while self.kept > LOG_LIMIT {
            let Some(oldest) = self.entries.front_mut() else {
                break;
            };
            let drop = (self.kept - LOG_LIMIT).min(oldest.changes.len());
            oldest.changes.drain(..drop);
            oldest.not_kept += drop;
            self.kept -= drop;
            if oldest.changes.is_empty() {
                self.forgotten += oldest.not_kept;
                self.entries.pop_front();
            }
        }
    }

    /// Logs a reload that landed `at` whose data had other gaps than the last one's:
    /// `data` says what happened to it, and nothing was compared.
    pub fn push_data(&mut self, at: NaiveDateTime, data: Vec<String>) {
        if data.is_empty() {
            return;
        }
        self.unseen += 1;
        self.entries.push_back(Entry {
            at,
            changes: Vec::new(),
            not_kept: 0,
            data,
        });
    }

    /// The reloads logged, oldest first.
    pub fn entries(&self) -> impl DoubleEndedIterator<Item = &Entry> {
        self.entries.iter()
    }

    /// Changes kept.
    pub fn kept(&self) -> usize {
        self.kept
    }

    /// Changes no longer kept: those of reloads forgotten and those dropped from the
    /// reloads still logged.
    pub fn not_kept(&self) -> usize {
        self.forgotten + self.entries.iter().map(|e| e.not_kept).sum::<usize>()
    }

    /// Changes logged since the user last looked at the view.
    pub fn unseen(&self) -> usize {
        self.unseen
    }

    /// The user looked at the view.
    pub fn seen(&mut self) {
        self.unseen = 0;
    }
}

/// What a row of the view is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A part's or a reload's heading.
    Heading,
    /// One change.
    Change,
    /// What the data cannot tell, or that there is nothing.
    Note,
    /// A blank line between parts.
    Blank,
}

/// One row of the view: its kind, the day column (`20 Nov`, empty when undated) and the
/// text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What the row is.
    pub kind: RowKind,
    /// The day the files give, `20 Nov`, or empty.
    pub day: String,
    /// The words.
    pub text: String,
}

impl Row {
    fn new(kind: RowKind, day: String, text: String) -> Row {
        Row { kind, day, text }
    }

    fn change(c: &Change, year: i32) -> Row {
        let day = c.date().map_or_else(String::new, |d| short_day(d, year));
        Row::new(RowKind::Change, day, c.sentence())
    }
}

/// `20 Nov`, or `15 Jul 2025` outside the current `year`.
fn short_day(d: Date, year: i32) -> String {
    use chrono::Datelike;
    let month = month_name(d.month());
    let short = format!("{:>2} {}", d.day(), month.get(..3).unwrap_or(month));
    if d.year() == year {
        short
    } else {
        format!("{short} {}", d.year())
    }
}

/// The Changes view's state.
#[derive(Debug, Default, Clone)]
pub struct State {
    /// The log of the reloads.
    pub log: Log,
    /// What the files show changed in the last [`FILES_DAYS`] days.
    pub files: Option<Since>,
    /// The rows shown, newest first.
    pub(crate) rows: Vec<Row>,
    /// The first row on screen.
    pub(crate) offset: usize,
    /// Rows on screen at the last drawing.
    page: usize,
    /// The last first row at the last drawing: from it the remaining rows fill the screen.
    max_offset: Option<usize>,
    /// What is missing from the data last refreshed; `None` before a load (the empty data
    /// the dashboard starts with).
    gaps: Option<Completeness>,
    /// What happened to the data at the last refresh, when its gaps differ from those of
    /// the data before: the next reload logged says it and compares nothing.
    pending: Option<Vec<String>>,
    /// The year of the data's day: dates of other years are written with theirs.
    year: i32,
    /// The files have no `deliveries` section: hand-overs cannot be listed.
    no_deliveries: bool,
}

impl State {
    /// A copy to be refreshed in this state's place ([`crate::app::App::views`]): without
    /// the files' part and the rows, which [`State::refresh`] derives again (copying them
    /// took 50 ms at a million vehicles).
    pub(crate) fn copy_for_refresh(&self) -> State {
        State {
            log: self.log.clone(),
            files: None,
            rows: Vec::new(),
            gaps: self.gaps.clone(),
            pending: self.pending.clone(),
            ..*self
        }
    }

    /// Derives the part from the files of `data` (its last [`FILES_DAYS`] days).
    pub fn refresh(&mut self, data: &Data) {
        self.derive(data);
        self.build();
    }

    /// [`State::refresh`] but for the rows.
    fn derive(&mut self, data: &Data) {
        use chrono::Datelike;
        let p: &Programme = data.programme();
        self.files = Some(changes::since(p, add_days(data.today(), -FILES_DAYS)));
        self.year = data.today().year();
        self.no_deliveries = data.completeness.gaps.contains(&Gap::NoDeliveries);
        let now = &data.completeness;
        self.pending = self
            .gaps
            .as_ref()
            .and_then(|was| changes::data_changed(was, now));
        // The data the dashboard starts with, before any load, is no gap of the files.
        let s = &data.snapshot;
        let before_any_load = s.files.is_empty() && s.problems.is_empty();
        self.gaps = (!before_any_load).then(|| now.clone());
    }

    /// Logs the changes of a reload landed `at`; when its data has other gaps than the
    /// data before (the last [`State::refresh`]), its changes are not kept: what happened
    /// to the data is logged instead.
    pub fn push(&mut self, at: NaiveDateTime, changes: Vec<Change>) {
        self.log_only(at, changes);
        self.build();
    }

    /// [`State::push`] but for the rows.
    fn log_only(&mut self, at: NaiveDateTime, changes: Vec<Change>) {
        match self.pending.take() {
            Some(data) => self.log.push_data(at, data),
            None => self.log.push(at, changes),
        }
    }

    /// The rows: each reload newest first, its changes in order; then the files' part,
    /// newest day first, and what the files cannot tell.
    fn build(&mut self) {
        let mut rows = Vec::new();
        let log = &self.log;
        rows.push(Row::new(
            RowKind::Heading,
            String::new(),
            format!(
                "Since the dashboard started: {} in {}",
                plural(log.kept() + log.not_kept(), "change", "changes"),
                plural(log.entries.len(), "reload", "reloads")
            ),
        ));
        if log.entries.is_empty() {
            rows.push(Row::new(
                RowKind::Note,
                String::new(),
                "No reload has changed anything yet.".to_owned(),
            ));
        }
        let year = self.year;
        for e in log.entries().rev() {
            let count = if e.data.is_empty() {
                plural(e.changes.len() + e.not_kept, "change", "changes")
            } else {
                "the data changed: nothing compared".to_owned()
            };
            rows.push(Row::new(
                RowKind::Heading,
                String::new(),
                format!("{} · {count}", e.at.format("%a %e %b %H:%M:%S")),
            ));
            rows.extend(
                e.data
                    .iter()
                    .map(|d| Row::new(RowKind::Note, String::new(), d.clone())),
            );
            rows.extend(e.changes.iter().map(|c| Row::change(c, year)));
            if e.not_kept > 0 {
                rows.push(Row::new(
                    RowKind::Note,
                    String::new(),
                    format!(
                        "and {} not kept (the log keeps the last {LOG_LIMIT})",
                        plural(e.not_kept, "change", "changes")
                    ),
                ));
            }
        }
        if log.forgotten > 0 {
            rows.push(Row::new(
                RowKind::Note,
                String::new(),
                format!(
                    "{} of earlier reloads no longer kept (the log keeps the last {LOG_LIMIT})",
                    plural(log.forgotten, "change", "changes")
                ),
            ));
        }
        if let Some(files) = &self.files {
            rows.push(Row::new(RowKind::Blank, String::new(), String::new()));
            rows.push(Row::new(
                RowKind::Heading,
                String::new(),
                format!(
                    "From the files, since {}: {}",
                    files.since.format("%a %e %b %Y"),
                    plural(files.changes.len(), "change", "changes")
                ),
            ));
            if files.changes.is_empty() {
                rows.push(Row::new(
                    RowKind::Note,
                    String::new(),
                    "No stage entered and no hand-over in the files for these days.".to_owned(),
                ));
            }
            rows.extend(files.changes.iter().rev().map(|c| Row::change(c, year)));
            if self.no_deliveries {
                rows.push(Row::new(
                    RowKind::Note,
                    String::new(),
                    "No file has a `deliveries` section: hand-overs cannot be listed.".to_owned(),
                ));
            }
            rows.extend(
                files
                    .untold
                    .iter()
                    .map(|u| Row::new(RowKind::Note, String::new(), u.clone())),
            );
        }
        self.rows = rows;
        self.offset = self.offset.min(self.last());
    }

    /// The last first row: the list scrolls until its last row is on screen (as the last
    /// drawing measured it, notes wrapped).
    fn last(&self) -> usize {
        let end = self.rows.len().saturating_sub(1);
        self.max_offset.map_or(end, |m| m.min(end))
    }

    /// Scrolls for a movement action; true when it is one.
    pub fn handle(&mut self, action: Action, _data: &Data) -> bool {
        match list::step(self.offset, self.last(), self.page, action) {
            Some(next) => {
                self.offset = next;
                true
            }
            None => false,
        }
    }

    /// The rows in the order shown.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Takes what the last drawing learned.
    pub fn seen(&mut self, seen: Seen) {
        self.page = seen.page;
        self.max_offset = Some(seen.max_offset);
        self.offset = self.offset.min(self.last());
    }
}

/// What drawing the Changes view learned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    /// Rows on screen, for paging.
    pub page: usize,
    /// The last first row: from it the remaining rows fill the screen, the last at its
    /// bottom.
    pub max_offset: usize,
}

mod logged;
#[cfg(test)]
mod tests;
