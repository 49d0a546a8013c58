//! The Variants view: per-variant counts in a table with family subtotals and a grand
//! total, a stacked bar per variant below it when there is room, and a detail panel for
//! the selected variant. The rows, their order and the detail's text come from
//! [`crate::app::variants::State`].

mod chart;
mod detail;
mod table;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::Theme;
use super::widgets;
use crate::app::variants::{Seen, Sort, SortColumn, State, TableSeen};
use crate::app::{App, Data};
use chart::render_chart;
use table::{Columns, legend_lines, render_table};

/// The smallest area the view draws in.
const MIN_WIDTH: u16 = 44;
const MIN_HEIGHT: u16 = 6;
/// The variant column never gets narrower than this (unless the names are shorter)
/// before stage columns are dropped.
const NAME_MIN: usize = 22;
/// The detail opens beside the table from this width on, over it below.
const SIDE_DETAIL_WIDTH: u16 = 140;

/// The smallest area the view draws in (columns, rows).
pub fn min_size(_app: &App) -> (u16, u16) {
    (MIN_WIDTH, MIN_HEIGHT)
}

/// Draws the Variants view into `area`; returns what drawing the table and the detail
/// learned.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) -> Seen {
    let (state, data) = (&app.variants, &app.data);
    let mut seen = Seen::default();
    let area = area.intersection(buf.area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        widgets::too_small(
            area,
            buf,
            (area.width, area.height),
            (MIN_WIDTH, MIN_HEIGHT),
            theme,
        );
        return seen;
    }
    // Every count rests on the vehicles loaded: say first when some are missing.
    let area = widgets::above_incomplete(&data.completeness, theme, area, buf);
    if state.rows.is_empty() {
        widgets::empty_note(area, buf, "No variants in the status files.", theme);
        return seen;
    }
    let (main, side) = match &state.detail {
        Some(_) if area.width >= SIDE_DETAIL_WIDTH => {
            let table =
                Columns::fit(&state.widths, usize::from(area.width), 0, None).width() as u16 + 1;
            let main = table.clamp(area.width / 2, area.width * 3 / 5);
            let [m, s] =
                Layout::horizontal([Constraint::Length(main), Constraint::Min(0)]).areas(area);
            (Some(m), s)
        }
        Some(_) => (None, area),
        None => (Some(area), Rect::default()),
    };
    if let Some(main) = main {
        seen.table = Some(render_main(state, data, theme, main, buf));
    }
    if let Some(d) = &state.detail {
        let title = format!(
            "{} (Esc closes, ↑↓ scroll)",
            data.programme().variant(d.variant).name
        );
        seen.detail = Some(detail::render(&d.text, d.scroll, &title, theme, side, buf));
    }
    seen
}

/// The table, its legend and the chart; returns what the table learned.
fn render_main(
    state: &State,
    data: &Data,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> TableSeen {
    // The last column is kept for the scrollbar.
    let width = usize::from(area.width) - 1;
    let reveal = match state.sort.column {
        SortColumn::Stage(i) if state.reveal_sorted => Some(i),
        _ => None,
    };
    let cols = Columns::fit(&state.widths, width, state.stage_offset, reveal);
    let legend = legend_lines(state, data, &cols, width);

    // The table first, then the stage legend, then the chart with what is left.
    let height = usize::from(area.height);
    let table_need = state.rows.len() + 2;
    let body = height - 1;
    let (table_h, legend_h) = if body >= table_need + legend.len() {
        (table_need, legend.len())
    } else if body >= legend.len() + 6 {
        (body - legend.len(), legend.len())
    } else {
        (body, 0)
    };
    let [info, table, legend_area, chart] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(table_h as u16),
        Constraint::Length(legend_h as u16),
        Constraint::Min(0),
    ])
    .areas(area);

    widgets::line(info, buf, info_line(state, data, &cols, theme));
    let (page, offset) = render_table(state, data, theme, &cols, table, buf);
    for (i, l) in legend.into_iter().take(legend_h).enumerate() {
        let row = Rect::new(
            legend_area.x,
            legend_area.y + i as u16,
            legend_area.width,
            1,
        );
        widgets::line(row, buf, Line::from(Span::styled(l, theme.muted)));
    }
    // A title and at least three bars (or every variant), after a blank line when the
    // whole chart fits.
    let n = state.selectable.len();
    if usize::from(chart.height) > n.min(3) {
        let gap = u16::from(usize::from(chart.height) >= n + 2);
        let [_, chart] =
            Layout::vertical([Constraint::Length(gap), Constraint::Min(0)]).areas(chart);
        render_chart(state, data, theme, cols.name, chart, buf);
    }
    TableSeen {
        stage_offset: cols.stages.start,
        stages_shown: cols.stages.len(),
        page,
        offset,
    }
}

fn info_line<'a>(state: &State, data: &Data, cols: &Columns, theme: &Theme) -> Line<'a> {
    let p = data.programme();
    let column = match state.sort.column {
        SortColumn::FileOrder => String::new(),
        SortColumn::Variant => "variant".to_owned(),
        SortColumn::Family => "family".to_owned(),
        SortColumn::Contracted => "contracted".to_owned(),
        SortColumn::Delivered => "delivered".to_owned(),
        SortColumn::Stage(i) => p.stages.get(i).map_or_else(String::new, |s| s.name.clone()),
        SortColumn::InAssembly => "in assembly".to_owned(),
        SortColumn::NotStarted => "not started".to_owned(),
        SortColumn::Percent => "% delivered".to_owned(),
    };
    let mut spans = if state.sort.column == SortColumn::FileOrder {
        vec![Span::styled(
            if state.sort.descending {
                " In reverse file order"
            } else {
                " In file order"
            },
            theme.muted,
        )]
    } else {
        vec![
            Span::styled(" Sorted by ", theme.muted),
            Span::styled(format!("{column} {}", arrow(state.sort)), theme.accent),
            Span::styled(", within each family", theme.muted),
        ]
    };
    let n = p.stages.len();
    if cols.stages.len() < n {
        let shown = if cols.stages.is_empty() {
            "no stage fits".to_owned()
        } else {
            format!(
                "stages {}–{} of {n}",
                cols.stages.start + 1,
                cols.stages.end
            )
        };
        spans.push(Span::styled(" · ", theme.muted));
        spans.push(Span::styled(
            format!(
                "{}{shown}{}",
                if cols.stages.start > 0 { "◀ " } else { "" },
                if cols.stages.end < n { " ▶" } else { "" }
            ),
            theme.accent,
        ));
        spans.push(Span::styled(" (←/→)", theme.muted));
    }
    Line::from(spans)
}

fn arrow(sort: Sort) -> &'static str {
    if sort.descending { "▼" } else { "▲" }
}
