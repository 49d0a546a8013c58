//! The Deliveries table: a column per year that fits around the selected one, a row per
//! variant with family subtotals and the programme's total, the years to come filled with
//! the forecast's projection.

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, StatefulWidget, Table, TableState};
use unicode_width::UnicodeWidthStr;

use super::{mark_style, projection_spans};
use crate::app::Data;
use crate::app::deliveries::{
    Entry, Seen, State, TODAY_MARK, TOTAL_LABEL, When, cell, header_label, pair, projection,
    total_to_date, totals, when,
};
use crate::domain::FamilyId;
use crate::ui::{Theme, widgets};

/// The variant column is never narrower than this (unless the names are shorter) before
/// year columns are dropped.
const NAME_MIN: usize = 14;
/// The projection's shortfall or surplus shows in the table while the names keep this
/// many columns (or all they need); below it, only planned/projected, coloured.
const NAME_WITH_DIFFERENCE: usize = 20;

/// Draws the table of years and variants; returns what it learned (`None` when too
/// short to draw).
pub(super) fn render_table(
    state: &State,
    data: &Data,
    selected: usize,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Seen> {
    if area.height < 4 {
        return None;
    }
    let p = data.programme();
    let years = &data.figures.years;
    let today = data.today();
    let [caption, table] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);

    // Columns: the variant, the years that fit around the selected one, the totals; one
    // column is kept for the scrollbar.
    let width = usize::from(area.width).saturating_sub(1);
    let fixed = state.total_width + 1;
    // The projections say their shortfall or surplus while every year fits beside names
    // that keep enough room.
    let all = |widths: &[usize]| widths.iter().map(|w| w + 1).sum::<usize>();
    // Without a plan there is nothing to be over or under: the projections say no
    // difference and take no colour of good or bad news.
    let no_plan = data.completeness.lacks_plan();
    let difference = !no_plan
        && NAME_WITH_DIFFERENCE.min(state.name_width) + fixed + all(&state.year_widths) <= width;
    let year_widths = if difference {
        &state.year_widths
    } else {
        &state.year_widths_short
    };
    // The names give way to the years, down to a minimum.
    let all_years = all(year_widths);
    let name = width
        .saturating_sub(fixed + all_years)
        .clamp(NAME_MIN.min(state.name_width), state.name_width);
    let room = width.saturating_sub(name + fixed);
    // The selected year on screen; then earlier years while that loses none on the right.
    let end_of = |offset: usize| offset + fitting(year_widths, offset, room);
    let mut offset = state.year_offset.min(selected);
    while offset < selected && end_of(offset) <= selected {
        offset += 1;
    }
    while offset > 0 && end_of(offset - 1) >= end_of(offset) {
        offset -= 1;
    }
    let year_offset = offset;
    let shown = end_of(offset) - offset;
    let cols = year_offset..(year_offset + shown).min(years.len());
    // What the years leave goes back to the names.
    let used: usize = cols.clone().map(|i| year_widths[i] + 1).sum();
    let name = (name + room.saturating_sub(used)).min(state.name_width);
    // And what the names leave spreads the columns a little, up to four cells each.
    let spare = width.saturating_sub(name + fixed + used);
    let extra = (spare / (cols.len() + 1)).min(4);
    let year_width = |i: usize| year_widths[i] + extra;
    let total_width = state.total_width + extra;

    let mut caption_spans = Vec::new();
    if cols.len() < years.len() {
        caption_spans.push(Span::styled(
            format!(
                " {}{}–{}{} (←/→) ·",
                if cols.start > 0 { "◀ " } else { "" },
                years[cols.start].year,
                years[cols.end - 1].year,
                if cols.end < years.len() { " ▶" } else { "" },
            ),
            theme.accent,
        ));
    }
    caption_spans.push(Span::styled(" Planned/delivered · ", theme.muted));
    // The rest of the legend, the longest that fits.
    let this_year = years.iter().find(|y| y.year == today.year());
    let middles: Vec<String> = match this_year {
        Some(y) => vec![
            format!("{TODAY_MARK}{} planned to date/delivered · ", y.year),
            format!("{TODAY_MARK}{} to date/delivered · ", y.year),
        ],
        None => vec![String::new()],
    };
    let projected = cols
        .clone()
        .any(|i| projection(data, None, years[i].year).is_some());
    let endings: &[&str] = if projected {
        &[
            "later years planned; Σ rows planned/projected at the current rate, ± against the plan",
            "later years planned, Σ rows planned/projected at the current rate",
            "later planned, Σ planned/projected",
            "later planned, Σ plan/projected",
        ]
    } else {
        &["later years planned"]
    };
    let lead = Line::from(caption_spans.clone()).width();
    let fits = |m: &String, e: &&str| lead + m.width() + e.width() <= usize::from(caption.width);
    let legend = endings
        .iter()
        .find_map(|e| middles.iter().find(|m| fits(m, e)).map(|m| (m, e)))
        .unwrap_or((&middles[middles.len() - 1], &endings[endings.len() - 1]));
    caption_spans.push(Span::styled(
        format!("{}{}", legend.0, legend.1),
        theme.muted,
    ));
    widgets::line(caption, buf, Line::from(caption_spans));

    let visible = usize::from(table.height.saturating_sub(2)).max(1);
    let last_scroll = state.rows.len().saturating_sub(visible);
    let scroll = state.scroll.min(last_scroll);

    let right = |text: String, width: usize| format!("{text:>width$}");
    // `forecast`: the family (`Some`) or the programme (`None`) whose projection fills the
    // years to come; variants have none.
    // `to_date`: the row's plan to date in the current year, from the domain.
    let year_cells = |values: &dyn Fn(usize) -> (u32, u32),
                      to_date: &dyn Fn(usize) -> u32,
                      forecast: Option<Option<FamilyId>>|
     -> Vec<Cell<'static>> {
        let mut cells: Vec<Cell> = cols
            .clone()
            .map(|i| {
                if let Some(o) = forecast.and_then(|f| projection(data, f, years[i].year)) {
                    let mut spans = projection_spans(&o, difference, theme);
                    if no_plan {
                        spans = spans.into_iter().map(|s| s.style(theme.muted)).collect();
                    }
                    let used: usize = spans.iter().map(Span::width).sum();
                    let mut line = vec![Span::raw(" ".repeat(year_width(i).saturating_sub(used)))];
                    line.extend(spans);
                    return Cell::from(Line::from(line));
                }
                let when = when(years[i].year, today);
                let (text, mark) = cell(when, values(i), to_date(i));
                let mut style = mark_style(mark, theme);
                if matches!(when, When::Current(_)) {
                    style = style.add_modifier(Modifier::BOLD);
                }
                Cell::from(Span::styled(right(text, year_width(i)), style))
            })
            .collect();
        let (planned, delivered) = totals((0..years.len()).map(values));
        cells.push(Cell::from(right(pair(planned, delivered), total_width)));
        cells
    };
    let end = (scroll + visible).min(state.rows.len());
    let rows: Vec<Row> = state.rows[scroll..end]
        .iter()
        .map(|&entry| match entry {
            Entry::Variant(v) => {
                let mut cells = vec![Cell::from(widgets::fit(&p.variant(v).name, name))];
                let v = v.0 as usize;
                cells.extend(year_cells(
                    &|i| years[i].by_variant[v],
                    &|i| {
                        years[i]
                            .planned_to_date_by_variant
                            .get(v)
                            .copied()
                            .unwrap_or(0)
                    },
                    None,
                ));
                Row::new(cells)
            }
            Entry::Family(fam) => {
                let label = format!("Σ {}", p.family(fam).name);
                let mut cells = vec![Cell::from(widgets::fit(&label, name))];
                let f = fam.0 as usize;
                cells.extend(year_cells(
                    &|i| state.family_years[f][i],
                    &|i| {
                        years[i]
                            .planned_to_date_by_family
                            .get(f)
                            .copied()
                            .unwrap_or(0)
                    },
                    Some(Some(fam)),
                ));
                Row::new(cells).style(theme.accent)
            }
        })
        .collect();
    let mut footer = vec![Cell::from(widgets::fit(TOTAL_LABEL, name))];
    footer.extend(year_cells(
        &|i| (years[i].planned, years[i].delivered),
        &|i| total_to_date(&years[i]),
        Some(None),
    ));

    let mut header = vec![Cell::from("Variant")];
    for i in cols.clone() {
        let when = when(years[i].year, today);
        let style = if i == selected {
            theme.selected
        } else if matches!(when, When::Current(_)) {
            theme.accent
        } else {
            theme.header
        };
        header.push(Cell::from(Span::styled(
            right(header_label(years[i].year, when), year_width(i)),
            style,
        )));
    }
    header.push(Cell::from(right("Total".to_owned(), total_width)));

    let mut widths = vec![Constraint::Length(name as u16)];
    widths.extend(
        cols.clone()
            .map(|i| Constraint::Length(year_width(i) as u16)),
    );
    widths.push(Constraint::Length(total_width as u16));
    let t = Table::new(rows, widths)
        .header(Row::new(header).style(theme.header))
        .footer(Row::new(footer).style(theme.header))
        .column_spacing(1);
    StatefulWidget::render(t, table, buf, &mut TableState::default());

    if state.rows.len() > visible {
        let body = widgets::table_rows(table, 1, 1);
        widgets::scrollbar(body, buf, scroll, last_scroll, visible, theme);
    }
    Some(Seen {
        page: visible,
        scroll,
        year_offset,
    })
}

/// How many year columns fit in `room` from `offset` on.
fn fitting(widths: &[usize], offset: usize, room: usize) -> usize {
    let mut used = 0;
    widths
        .iter()
        .skip(offset)
        .take_while(|&&w| {
            used += w + 1;
            used <= room
        })
        .count()
}
