//! The Problems view: every problem of the last load, newest first, with its place.

use std::collections::HashMap;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Cell, Row, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Table, TableState,
};

use super::Theme;
use super::widgets;
use crate::app::{Action, Data};
use crate::status::{FileHealth, Problem, Severity};

#[derive(Debug, Default)]
pub struct State {
    /// The problems shown, newest reload first, with the reload that first showed each.
    rows: Vec<(Problem, u64)>,
    /// When each problem was first seen, by reload number.
    first_seen: HashMap<Problem, u64>,
    reloads: u64,
    table: TableState,
    page: usize,
}

impl State {
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
            .map(|p| (p.clone(), self.first_seen[p]))
            .collect();
        // Newest first; the load's own order (file, line) within one reload.
        self.rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        let len = self.rows.len();
        if len == 0 {
            self.table.select(None);
        } else if self.table.selected().is_none_or(|s| s >= len) {
            self.table.select(Some(0));
        }
    }

    pub fn handle(&mut self, action: Action, _data: &Data) -> bool {
        let mut sel = self.table.selected();
        let moved = widgets::move_selection(&mut sel, self.rows.len(), action, self.page);
        self.table.select(sel);
        moved
    }

    /// The problems in the order shown.
    pub fn rows(&self) -> impl Iterator<Item = &Problem> {
        self.rows.iter().map(|(p, _)| p)
    }
}

pub fn render(state: &mut State, data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let [files, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    widgets::line(files, buf, files_line(data, theme));
    if state.rows.is_empty() {
        widgets::empty_note(
            list,
            buf,
            "No problems: every status file loaded cleanly.",
            theme,
        );
        return;
    }
    state.page = usize::from(list.height.saturating_sub(1));
    let place_width = state
        .rows
        .iter()
        .map(|(p, _)| p.place().chars().count())
        .max()
        .unwrap_or(10)
        .min(usize::from(area.width / 3)) as u16;
    let rows = state.rows.iter().map(|(p, _)| {
        let sev = match p.severity {
            Severity::Error => Span::styled("error", theme.error),
            Severity::Warning => Span::styled("warning", theme.warning),
        };
        Row::new(vec![
            Cell::from(sev),
            Cell::from(widgets::fit(&p.place(), usize::from(place_width))),
            Cell::from(p.message.clone()),
        ])
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(7),
            Constraint::Length(place_width),
            Constraint::Fill(1),
        ],
    )
    .header(Row::new(["", "where", "what"]).style(theme.header))
    .row_highlight_style(theme.selected);
    StatefulWidget::render(table, list, buf, &mut state.table);
    if state.rows.len() > usize::from(list.height.saturating_sub(1)) {
        let mut sb =
            ScrollbarState::new(state.rows.len()).position(state.table.selected().unwrap_or(0));
        StatefulWidget::render(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            list,
            buf,
            &mut sb,
        );
    }
}

fn files_line<'a>(data: &Data, theme: &Theme) -> Line<'a> {
    let files = &data.snapshot.files;
    let stale: Vec<String> = files
        .iter()
        .filter_map(|f| match f.health {
            FileHealth::Stale {
                since,
                has_last_good,
            } => Some(format!(
                "{} since {}{}",
                f.name,
                super::status_line::clock(since),
                if has_last_good {
                    " (last good kept)"
                } else {
                    ""
                }
            )),
            FileHealth::Good => None,
        })
        .collect();
    let mut spans = vec![Span::styled(
        format!(
            " {} files read, {} errors, {} warnings",
            files.len(),
            data.snapshot.errors(),
            data.snapshot.warnings()
        ),
        theme.muted,
    )];
    if !stale.is_empty() {
        spans.push(Span::styled(
            format!(" · failing: {}", stale.join(", ")),
            theme.error,
        ));
    }
    if !data.snapshot.removed.is_empty() {
        spans.push(Span::styled(
            format!(" · removed: {}", data.snapshot.removed.join(", ")),
            theme.warning,
        ));
    }
    Line::from(spans)
}
