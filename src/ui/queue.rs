//! The Assembly queue: every vehicle in final assembly, under a pipeline of the count per
//! stage, with a filter typed at the bottom, a sort by column, a detail panel and a
//! scrollbar. The rows come filtered and sorted from [`crate::app::queue::State`]; this
//! draws only the rows on screen.

mod detail;
mod table;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::widgets::{self, plural};
use crate::app::App;
use crate::app::queue::{Seen, State};
use detail::detail_lines;
use table::render_table;

/// The smallest area the view draws in.
const MIN_WIDTH: u16 = 40;
const MIN_HEIGHT: u16 = 6;
/// From this width the detail panel goes to the right of the table instead of below it.
const SIDE_PANEL_FROM: u16 = 150;
const SIDE_PANEL_WIDTH: u16 = 60;
/// Shown while the filter is empty: what it understands.
pub const FILTER_HINT: &str =
    "text, serial: variant: family: stage: site: lot: hold: due:, overdue, held";

/// The smallest area the view draws in (columns, rows).
pub fn min_size(_app: &App) -> (u16, u16) {
    (MIN_WIDTH, MIN_HEIGHT)
}

/// Draws the queue into `area`; returns what drawing its table learned (`None` when the
/// table was not drawn).
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) -> Option<Seen> {
    let (state, data) = (&app.queue, &app.data);
    let area = area.intersection(buf.area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        widgets::too_small(
            area,
            buf,
            (area.width, area.height),
            (MIN_WIDTH, MIN_HEIGHT),
            theme,
        );
        return None;
    }
    // The queue shown lacks the vehicles of a refused file: say so first.
    let area = widgets::above_incomplete(&data.completeness, theme, area, buf);
    let [pipeline, main, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    widgets::line(
        pipeline,
        buf,
        widgets::pipeline(data.programme(), &state.per_stage, theme, pipeline.width),
    );
    render_footer(
        state,
        data.completeness.hides_vehicles(),
        theme,
        footer,
        buf,
    );

    let p = data.programme();
    let vehicle = state.selected(data).filter(|_| state.detail);
    let (table, detail) = match vehicle {
        None => (main, None),
        Some(v) => {
            let side = main.width >= SIDE_PANEL_FROM;
            let panel_width = if side { SIDE_PANEL_WIDTH } else { main.width };
            let lines = detail_lines(v, p, data.today(), panel_width.saturating_sub(2), theme);
            let height = lines.len() as u16 + 2;
            if side {
                let [t, d] =
                    Layout::horizontal([Constraint::Min(0), Constraint::Length(panel_width)])
                        .areas(main);
                let [d, _] =
                    Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(d);
                (t, Some((d, lines)))
            } else if main.height >= height + 4 {
                let [t, d] =
                    Layout::vertical([Constraint::Min(0), Constraint::Length(height)]).areas(main);
                (t, Some((d, lines)))
            } else {
                (Rect::default(), Some((main, lines)))
            }
        }
    };
    let seen = if table.is_empty() {
        None
    } else {
        render_table(state, data, theme, table, buf)
    };
    if let (Some((area, lines)), Some(v)) = (detail, vehicle) {
        Clear.render(area, buf);
        let title = Line::from(vec![
            Span::styled(format!(" {} ", v.serial), theme.accent),
            Span::styled("Esc closes ", theme.muted),
        ]);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.muted)
            .title(title);
        Paragraph::new(lines).block(block).render(area, buf);
    }
    seen
}

/// Said before the count while the rows shown are still those of the previous filter.
fn updating(state: &State) -> &'static str {
    if state.is_updating() {
        "updating… "
    } else {
        ""
    }
}

fn render_footer(state: &State, unsure: bool, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let total = state.total;
    let width = usize::from(area.width);
    let mut left: Vec<Span> = Vec::new();
    let mut right = String::new();
    if state.typing {
        let room = width.saturating_sub(24);
        left.push(Span::styled(" / ", theme.accent));
        left.push(Span::raw(tail(&state.filter, room)));
        left.push(Span::styled("█", theme.accent));
        right = format!(
            "{}{} of {} ",
            updating(state),
            widgets::thousands(state.rows.len() as u64),
            plural(total, "vehicle", "vehicles")
        );
        if state.filter.is_empty() {
            // What can be typed, until something is.
            let hint = widgets::fit(FILTER_HINT, width.saturating_sub(4 + right.width() + 2));
            left.push(Span::styled(format!(" {hint}"), theme.muted));
        }
    } else if !state.filter.is_empty() {
        let room = width.saturating_sub(44);
        left.push(Span::styled(" filter ", theme.muted));
        left.push(Span::styled(
            widgets::fit(&state.filter, room),
            theme.accent,
        ));
        left.push(Span::raw(format!(
            "  {}{} of {}",
            updating(state),
            widgets::thousands(state.rows.len() as u64),
            plural(total, "vehicle", "vehicles")
        )));
        right = "/ edits · Esc clears ".to_owned();
    } else {
        left.push(Span::raw(format!(
            " {}",
            plural(total, "vehicle", "vehicles")
        )));
        left.push(Span::styled(" · ", theme.muted));
        left.push(widgets::count_span(
            "!",
            state.overdue as u64,
            "overdue",
            theme.error,
            theme,
        ));
        left.push(Span::styled(" · ", theme.muted));
        left.push(widgets::count_span(
            "‖",
            state.held as u64,
            "on hold",
            theme.warning,
            theme,
        ));
    }
    // The right part, from the most said to the least, as room allows.
    let mut rights = vec![right.clone()];
    if !state.typing {
        let sort = format!(
            "sorted by {} {} ",
            state.sort.name(),
            if state.descending { "▼" } else { "▲" }
        );
        rights = if right.is_empty() {
            vec![sort]
        } else {
            vec![
                format!("{sort}· {right}"),
                right.clone(),
                "Esc clears ".to_owned(),
            ]
        };
    }
    // Over the whole queue, the bottleneck hint goes after the counts: the longest that
    // fits beside the sort, else the longest that fits alone (the table's header shows the
    // sort anyway).
    if !state.typing
        && state.filter.is_empty()
        && let Some(b) = &state.bottleneck
    {
        let used = Line::from(left.clone()).width();
        let fits = |tier: usize, right: usize| used + 3 + b.text(tier).width() + right <= width;
        let sort_width = rights.first().map_or(0, |r| r.width() + 2);
        let pick = (0..5)
            .find(|&t| fits(t, sort_width))
            .map(|t| (t, true))
            .or_else(|| (0..5).find(|&t| fits(t, 0)).map(|t| (t, false)));
        if let Some((tier, keep_sort)) = pick {
            let text = b.text(tier);
            let (label, rest) = text.split_at("bottleneck: ".len());
            let (name, tail) = rest.split_at(rest.find(',').unwrap_or(rest.len()));
            left.push(Span::styled(" · ", theme.muted));
            left.push(Span::styled(label.to_owned(), theme.muted));
            left.push(Span::styled(name.to_owned(), theme.warning));
            left.push(Span::styled(tail.to_owned(), theme.muted));
            // A refused file may hold the vehicles that would move the bottleneck.
            // Said in full where it fits, else as a `?`.
            if unsure {
                let room = Line::from(left.clone()).width() + 15 + sort_width <= width;
                let mark = if room { " (may be wrong)" } else { "?" };
                left.push(Span::styled(mark, theme.error));
            }
            if !keep_sort {
                rights.clear();
            }
        }
    }
    let left = Line::from(left);
    let left_width = left.width();
    widgets::line(area, buf, left);
    if let Some(right) = rights
        .into_iter()
        .find(|r| left_width + r.width() + 2 <= width)
    {
        let right_width = right.width() as u16;
        widgets::line(
            Rect::new(area.right() - right_width, area.y, right_width, 1),
            buf,
            Line::from(Span::styled(right, theme.muted)),
        );
    }
}

/// The end of `text` in at most `width` columns, for a filter being typed (the cursor end
/// must stay in view).
fn tail(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out: Vec<char> = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out.into_iter().rev().collect()
}
