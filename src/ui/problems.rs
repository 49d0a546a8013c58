//! The Problems view: every problem of the last load, newest first, with its place; a
//! cause first, with the problems that follow from it listed under it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Cell, Padding, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap,
};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Theme;
use super::widgets;
use crate::app::problems::{Grouping, Seen, State};
use crate::app::{App, Data, FileHealth, Problem, Severity};
use crate::domain::words::follow_words;

/// Draws the Problems view into `area`; returns what drawing the list learned (`None`
/// when there is no list).
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) -> Option<Seen> {
    let (state, data) = (&app.problems, &app.data);
    let area = area.intersection(buf.area);
    let [files, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    // The times files began to fail only in the live dashboard: `print` output must not
    // depend on the clock.
    widgets::line(files, buf, files_line(data, theme, files.width, app.live));
    if state.rows.is_empty() {
        widgets::empty_note(
            list,
            buf,
            "No problems: every status file loaded cleanly.",
            theme,
        );
        return None;
    }
    // The selected problem in full below the list, when the list keeps a few rows.
    let selected = state
        .selected
        .and_then(|i| state.rows.get(i))
        .map(|(p, _, _)| p.clone());
    let detail_lines = selected.as_ref().map_or(0, |p| {
        let width = usize::from(list.width.saturating_sub(2)).max(1);
        (wrapped_lines(&p.message, width) as u16).clamp(1, DETAIL_MAX_LINES)
    });
    let (table_area, detail) = if selected.is_some() && list.height >= detail_lines + 1 + 4 {
        // Right under the list when the list is short, at the bottom when it scrolls.
        let table_height = (list.height - detail_lines - 1).min(state.rows.len() as u16 + 1);
        let [t, d, _] = Layout::vertical([
            Constraint::Length(table_height),
            Constraint::Length(detail_lines + 1),
            Constraint::Min(0),
        ])
        .areas(list);
        (t, Some(d))
    } else {
        (list, None)
    };
    let seen = render_table(state, theme, table_area, buf);
    if let (Some(area), Some(p)) = (detail, &selected) {
        render_detail(p, theme, area, buf);
    }
    Some(seen)
}

/// The most lines the selected problem's message takes below the list.
const DETAIL_MAX_LINES: u16 = 4;

fn severity_span<'a>(p: &Problem, theme: &Theme) -> Span<'a> {
    match p.severity {
        Severity::Error => Span::styled("error", theme.error),
        Severity::Warning => Span::styled("warning", theme.warning),
    }
}

/// The list; returns the rows on screen and the first of them.
fn render_table(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) -> Seen {
    let page = usize::from(area.height.saturating_sub(1));
    let scrolls = state.rows.len() > page;
    let table_area = Rect {
        width: area.width.saturating_sub(u16::from(scrolls)),
        ..area
    };
    let place_width = state
        .rows
        .iter()
        .map(|(p, _, _)| p.place().width())
        .max()
        .unwrap_or(10)
        .min(usize::from(table_area.width / 3)) as u16;
    // Severity, place and message, one column between each.
    let message_width = usize::from(table_area.width.saturating_sub(7 + place_width + 2));
    // A cause says how many follow from it; those are listed under it, marked.
    let rows = state.rows.iter().map(|(p, _, grouping)| {
        let message = match grouping {
            Grouping::Alone => widgets::fit(&p.message, message_width),
            Grouping::Cause(n) => {
                let tail = format!(" ({})", follow_words(*n));
                let room = message_width.saturating_sub(tail.width());
                format!("{}{tail}", widgets::fit(&p.message, room))
            }
            Grouping::Follows => widgets::fit(&format!("↳ {}", p.message), message_width),
        };
        let style = match grouping {
            Grouping::Follows => theme.muted,
            _ => Style::new(),
        };
        Row::new(vec![
            Cell::from(severity_span(p, theme)),
            Cell::from(fit_start(&p.place(), usize::from(place_width))),
            Cell::from(message),
        ])
        .style(style)
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
    // Ratatui's table moves the first row to keep the selection on screen: what it chose
    // is handed back, not kept here.
    let mut table_state = TableState::default()
        .with_selected(state.selected)
        .with_offset(state.offset);
    StatefulWidget::render(table, table_area, buf, &mut table_state);
    if scrolls {
        let page = page.max(1);
        let bar_area = widgets::table_rows(area, 1, 0);
        let max_offset = state.rows.len().saturating_sub(page);
        widgets::scrollbar(bar_area, buf, table_state.offset(), max_offset, page, theme);
    }
    Seen {
        page,
        offset: table_state.offset(),
    }
}

/// The selected problem with its whole place and message, wrapped.
fn render_detail(p: &Problem, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let title = Line::from(vec![
        Span::raw(" "),
        severity_span(p, theme),
        Span::styled(format!(" {} ", p.place()), theme.accent),
    ]);
    Paragraph::new(p.message.clone())
        .wrap(Wrap { trim: false })
        .block(
            Block::default()
                .borders(Borders::TOP)
                .border_style(theme.muted)
                .padding(Padding::horizontal(1))
                .title(title),
        )
        .render(area, buf);
}

/// The lines `text` takes when wrapped at word boundaries to `width` columns (a word
/// longer than the width is broken).
fn wrapped_lines(text: &str, width: usize) -> usize {
    let mut lines = 1;
    let mut used = 0;
    for word in text.split(' ') {
        let w = word.width();
        let need = if used == 0 { w } else { used + 1 + w };
        if need <= width {
            used = need;
        } else {
            lines += 1;
            used = w;
            while used > width {
                lines += 1;
                used -= width;
            }
        }
    }
    lines
}

/// `text` cut from the start to `width` columns, so that a place keeps its file name and
/// line: `…/status/queue.yaml:12:5`.
fn fit_start(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut kept = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        kept.push(c);
        used += w;
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// `1 file`, `3 files`.
fn count(n: usize, what: &str) -> String {
    widgets::plural(n, what, &format!("{what}s"))
}

/// How much the files line says about failing and removed files, from most to least.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Detail {
    /// Whole names, since when, whether the last good content is kept.
    Full,
    /// The last part of each name, since when.
    Short,
    /// The last part of each name.
    Names,
    /// How many files.
    Counts,
}

fn files_line<'a>(data: &Data, theme: &Theme, width: u16, show_times: bool) -> Line<'a> {
    let files = &data.snapshot.files;
    // One-shot renders (`print`) must not depend on the clock.
    let when = |since| {
        if show_times {
            format!(" since {}", widgets::clock(since))
        } else {
            String::new()
        }
    };
    let head = Span::styled(
        format!(
            " {} read, {}, {}",
            count(files.len(), "file"),
            count(data.snapshot.errors(), "error"),
            count(data.snapshot.warnings(), "warning")
        ),
        theme.muted,
    );
    let name = |name: &str, detail: Detail| {
        if detail == Detail::Full {
            name.to_owned()
        } else {
            name.rsplit('/').next().unwrap_or(name).to_owned()
        }
    };
    let tail = |detail: Detail| {
        let stale: Vec<String> = files
            .iter()
            .filter_map(|f| match f.health {
                FileHealth::Stale {
                    since,
                    has_last_good,
                } => Some(match detail {
                    Detail::Full => format!(
                        "{}{}{}",
                        name(&f.name, detail),
                        when(since),
                        if has_last_good {
                            " (last good kept)"
                        } else {
                            ""
                        }
                    ),
                    Detail::Short => format!("{}{}", name(&f.name, detail), when(since)),
                    _ => name(&f.name, detail),
                }),
                FileHealth::Good => None,
            })
            .collect();
        let removed: Vec<String> = data
            .snapshot
            .removed
            .iter()
            .map(|n| name(n, detail))
            .collect();
        let mut out = Vec::new();
        if !stale.is_empty() {
            let what = if detail == Detail::Counts {
                count(stale.len(), "file")
            } else {
                stale.join(", ")
            };
            out.push(Span::styled(format!(" · failing: {what}"), theme.error));
        }
        if !removed.is_empty() {
            let what = if detail == Detail::Counts {
                count(removed.len(), "file")
            } else {
                removed.join(", ")
            };
            out.push(Span::styled(format!(" · removed: {what}"), theme.warning));
        }
        out
    };
    let room = usize::from(width).saturating_sub(head.width());
    let tail = [Detail::Full, Detail::Short, Detail::Names]
        .into_iter()
        .map(tail)
        .find(|t| t.iter().map(Span::width).sum::<usize>() <= room)
        .unwrap_or_else(|| tail(Detail::Counts));
    Line::from(std::iter::once(head).chain(tail).collect::<Vec<_>>())
}
