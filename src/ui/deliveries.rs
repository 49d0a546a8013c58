//! The Deliveries view: yearly progress over the whole programme period. Planned against
//! delivered per year as bars, the cumulative plan against the cumulative deliveries as a
//! line chart, and a table per year and per variant. The current year counts the plan
//! pro-rated to today; Left/Right select a year (summed up on the first line), Up/Down
//! scroll the table.

mod charts;

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Cell, Row, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Table, TableState,
};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::widgets;
use crate::app::{Action, Data};
use crate::domain::figures::year_fraction;
use crate::domain::{FamilyId, VariantId, YearFigures};

/// The smallest area the view draws in.
const MIN_WIDTH: u16 = 50;
const MIN_HEIGHT: u16 = 8;
/// Charts need this many rows of the view (the table keeps the rest).
const CHARTS_FROM_HEIGHT: u16 = 16;
/// The line chart goes beside the bars from this width on; below it, only the bars.
const LINE_CHART_FROM_WIDTH: u16 = 70;
/// The variant column is at most this wide before year columns are dropped.
const NAME_MAX: usize = 30;
const NAME_MIN: usize = 14;
/// The mark of the current year.
const TODAY_MARK: &str = "◆";

/// One line of the table body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Variant(VariantId),
    /// The subtotal of a family, under its variants.
    Family(FamilyId),
}

/// Where a year stands against today.
#[derive(Debug, Clone, Copy, PartialEq)]
enum When {
    Past,
    /// The current year, with the share of it that has passed.
    Current(f64),
    Future,
}

#[derive(Debug, Default)]
pub struct State {
    /// Variants in file order, each family followed by its subtotal.
    rows: Vec<Entry>,
    /// Planned and delivered per family, per year (indexed like the figures' years).
    family_years: Vec<Vec<(u32, u32)>>,
    /// The width of each year's column, and of the totals column.
    year_widths: Vec<usize>,
    total_width: usize,
    name_width: usize,
    /// The selected year, kept by its number across reloads.
    selected: Option<i32>,
    /// First body row and first year column on screen.
    scroll: usize,
    year_offset: usize,
    /// Body rows on screen at the last render, for paging.
    page: usize,
    charts: charts::Series,
}

impl State {
    pub fn refresh(&mut self, data: &Data) {
        let p = data.programme();
        let f = &data.figures;
        let years = &f.years;

        self.rows.clear();
        let mut members: Vec<Vec<VariantId>> = vec![Vec::new(); p.families.len()];
        for v in p.variant_ids() {
            members[p.family_of(v).0 as usize].push(v);
        }
        for fam in p.family_ids() {
            let vs = &members[fam.0 as usize];
            if !vs.is_empty() {
                self.rows.extend(vs.iter().map(|&v| Entry::Variant(v)));
                self.rows.push(Entry::Family(fam));
            }
        }
        self.family_years = members
            .iter()
            .map(|vs| {
                years
                    .iter()
                    .map(|y| {
                        vs.iter().fold((0, 0), |(pl, de), v| {
                            let (a, b) = y.by_variant[v.0 as usize];
                            (pl + a, de + b)
                        })
                    })
                    .collect()
            })
            .collect();

        // The totals are the widest figures of every column.
        let today = data.today();
        self.year_widths = years
            .iter()
            .map(|y| {
                let when = when(y.year, today);
                let (text, _) = cell(when, (y.planned, y.delivered));
                let head = header_label(y.year, when).width();
                text.width().max(head).max(5)
            })
            .collect();
        let (planned, delivered) = totals(years.iter().map(|y| (y.planned, y.delivered)));
        self.total_width = pair(planned, delivered).width().max("Total".width());
        self.name_width = p
            .variants
            .iter()
            .map(|v| v.name.width())
            .chain(p.families.iter().map(|f| f.name.width() + 2))
            .chain([TOTAL_LABEL.width()])
            .max()
            .unwrap_or(8)
            .min(NAME_MAX);

        self.charts = charts::Series::new(data);
        self.selected = match (self.selected, years.first(), years.last()) {
            (_, None, _) | (_, _, None) => None,
            (Some(y), Some(first), Some(last)) if (first.year..=last.year).contains(&y) => Some(y),
            (_, Some(first), Some(last)) => Some(today.year().clamp(first.year, last.year)),
        };
        self.scroll = self.scroll.min(self.rows.len().saturating_sub(1));
    }

    pub fn handle(&mut self, action: Action, data: &Data) -> bool {
        let years = &data.figures.years;
        let (Some(first), Some(last), Some(sel)) = (years.first(), years.last(), self.selected)
        else {
            return false;
        };
        let page = self.page.max(1);
        let last_scroll = self.rows.len().saturating_sub(page);
        let scroll = match action {
            Action::Left if sel > first.year => {
                self.selected = Some(sel - 1);
                return true;
            }
            Action::Right if sel < last.year => {
                self.selected = Some(sel + 1);
                return true;
            }
            Action::Up => self.scroll.saturating_sub(1),
            Action::Down => (self.scroll + 1).min(last_scroll),
            Action::PageUp => self.scroll.saturating_sub(page),
            Action::PageDown => (self.scroll + page).min(last_scroll),
            Action::Top => 0,
            Action::Bottom => last_scroll,
            Action::Scroll(n) if n < 0 => self.scroll.saturating_sub(n.unsigned_abs().into()),
            Action::Scroll(n) => (self.scroll + n as usize).min(last_scroll),
            _ => return false,
        };
        let changed = scroll != self.scroll;
        self.scroll = scroll;
        changed
    }

    /// The selected year.
    pub fn selected_year(&self) -> Option<i32> {
        self.selected
    }

    /// The first row of the table on screen.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    fn selected_index(&self, years: &[YearFigures]) -> Option<usize> {
        let first = years.first()?.year;
        usize::try_from(self.selected? - first).ok()
    }
}

/// The label of the grand-total row.
const TOTAL_LABEL: &str = "Σ Programme";

fn when(year: i32, today: crate::domain::Date) -> When {
    match year.cmp(&today.year()) {
        std::cmp::Ordering::Less => When::Past,
        std::cmp::Ordering::Equal => When::Current(year_fraction(today)),
        std::cmp::Ordering::Greater => When::Future,
    }
}

fn header_label(year: i32, when: When) -> String {
    match when {
        When::Current(_) => format!("{TODAY_MARK}{year}"),
        _ => year.to_string(),
    }
}

fn pair(a: u32, b: u32) -> String {
    format!(
        "{}/{}",
        widgets::thousands(a.into()),
        widgets::thousands(b.into())
    )
}

fn totals(it: impl Iterator<Item = (u32, u32)>) -> (u32, u32) {
    it.fold((0u32, 0u32), |(a, b), (x, y)| {
        (a.saturating_add(x), b.saturating_add(y))
    })
}

/// What a table cell says for a year, and how it reads against the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Empty,
    OnPlan,
    Behind,
    Planned,
}

/// Planned/delivered for a past year; planned to date/delivered for the current year;
/// only the plan for a year to come.
fn cell(when: When, (planned, delivered): (u32, u32)) -> (String, Mark) {
    if planned == 0 && delivered == 0 {
        return ("·".to_owned(), Mark::Empty);
    }
    let target = match when {
        When::Past => planned,
        When::Current(share) => (f64::from(planned) * share).round() as u32,
        When::Future if delivered == 0 => {
            return (widgets::thousands(planned.into()), Mark::Planned);
        }
        When::Future => planned,
    };
    let mark = if delivered >= target {
        Mark::OnPlan
    } else {
        Mark::Behind
    };
    (pair(target, delivered), mark)
}

fn mark_style(mark: Mark, theme: &Theme) -> Style {
    match mark {
        Mark::Empty => theme.muted,
        Mark::OnPlan => theme.ok,
        Mark::Behind => theme.warning,
        Mark::Planned => Style::new().fg(theme.plan),
    }
}

pub fn render(state: &mut State, data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        widgets::too_small(area, buf, MIN_WIDTH, MIN_HEIGHT, theme);
        return;
    }
    let years = &data.figures.years;
    let Some(selected) = state.selected_index(years) else {
        widgets::empty_note(
            area,
            buf,
            "No delivery years: the status files have no programme years, plan or deliveries.",
            theme,
        );
        return;
    };
    let table_need = state.rows.len() as u16 + 3;
    let charts_h = if area.height >= CHARTS_FROM_HEIGHT {
        let room = area.height - 1;
        // At least the bars, one row per year; more when the table leaves room.
        let bars = years.len() as u16 + 2;
        room.saturating_sub(table_need)
            .max(bars.min(room / 2))
            .max(8)
            .min(room - 5)
    } else {
        0
    };
    let [summary, charts_area, table] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(charts_h),
        Constraint::Min(0),
    ])
    .areas(area);
    widgets::line(
        summary,
        buf,
        summary_line(data, &years[selected], theme, usize::from(area.width)),
    );
    if charts_h > 0 {
        if area.width >= LINE_CHART_FROM_WIDTH {
            let [bars, line] =
                Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                    .areas(charts_area);
            charts::render_bars(data, selected, theme, bars, buf);
            charts::render_line(&state.charts, data, theme, line, buf);
        } else {
            charts::render_bars(data, selected, theme, charts_area, buf);
        }
    }
    render_table(state, data, selected, theme, table, buf);
}

/// The selected year in one line, then the programme to date and the keys when they fit.
fn summary_line<'a>(data: &Data, y: &YearFigures, theme: &Theme, width: usize) -> Line<'a> {
    let today = data.today();
    let mut spans = vec![Span::styled(
        format!(" {} ", header_label(y.year, when(y.year, today))),
        theme.accent,
    )];
    match when(y.year, today) {
        When::Past => {
            let lead = i64::from(y.delivered) - i64::from(y.planned);
            spans.push(Span::raw(format!(
                "planned {} · delivered {} · ",
                y.planned, y.delivered
            )));
            spans.push(Span::styled(
                super::overview::verdict(lead),
                widgets::lead_style(lead, theme),
            ));
        }
        When::Current(_) => {
            let to_date = y.planned_to_date.unwrap_or(0.0);
            let lead = (f64::from(y.delivered) - to_date).round() as i64;
            spans.push(Span::raw(format!(
                "planned {} ({to_date:.0} to date) · delivered {} · ",
                y.planned, y.delivered
            )));
            spans.push(Span::styled(
                super::overview::verdict(lead),
                widgets::lead_style(lead, theme),
            ));
        }
        When::Future => {
            spans.push(Span::raw(format!("planned {}", y.planned)));
            spans.push(Span::styled(" · to come", theme.muted));
        }
    }
    let s = &data.figures.schedule;
    let tail = vec![
        Span::styled("   Programme to date: ", theme.muted),
        Span::raw(format!(
            "{} delivered of {:.0} planned · ",
            s.delivered_to_date, s.planned_to_date
        )),
        Span::styled(
            super::overview::verdict(s.lead()),
            widgets::lead_style(s.lead(), theme),
        ),
    ];
    // The keys that change the line, since the status line has no room for them.
    let hint = Span::styled("   ←/→ year", theme.muted);
    let mut line = Line::from(spans);
    let tail_width: usize = tail.iter().map(|s| s.width()).sum();
    if line.width() + tail_width + hint.width() <= width {
        line.spans.extend(tail);
    }
    if line.width() + hint.width() <= width {
        line.spans.push(hint);
    }
    line
}

fn render_table(
    state: &mut State,
    data: &Data,
    selected: usize,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    if area.height < 4 {
        return;
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
    // The names give way to the years, down to a minimum.
    let all_years: usize = state.year_widths.iter().map(|w| w + 1).sum();
    let name = width
        .saturating_sub(fixed + all_years)
        .clamp(NAME_MIN.min(state.name_width), state.name_width);
    let room = width.saturating_sub(name + fixed);
    // The selected year on screen; then earlier years while that loses none on the right.
    let end_of = |offset: usize| offset + fitting(&state.year_widths, offset, room);
    let mut offset = state.year_offset.min(selected);
    while offset < selected && end_of(offset) <= selected {
        offset += 1;
    }
    while offset > 0 && end_of(offset - 1) >= end_of(offset) {
        offset -= 1;
    }
    state.year_offset = offset;
    let shown = end_of(offset) - offset;
    let cols = state.year_offset..(state.year_offset + shown).min(years.len());
    // What the years leave goes back to the names.
    let used: usize = cols.clone().map(|i| state.year_widths[i] + 1).sum();
    let name = (name + room.saturating_sub(used)).min(state.name_width);
    // And what the names leave spreads the columns a little, up to four cells each.
    let spare = width.saturating_sub(name + fixed + used);
    let extra = (spare / (cols.len() + 1)).min(4);
    let year_width = |i: usize| state.year_widths[i] + extra;
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
    if let Some(y) = years.iter().find(|y| y.year == today.year()) {
        caption_spans.push(Span::styled(
            format!("{TODAY_MARK}{} planned to date/delivered · ", y.year),
            theme.muted,
        ));
    }
    caption_spans.push(Span::styled("later years planned", theme.muted));
    widgets::line(caption, buf, Line::from(caption_spans));

    let visible = usize::from(table.height.saturating_sub(2)).max(1);
    state.page = visible;
    let last_scroll = state.rows.len().saturating_sub(visible);
    state.scroll = state.scroll.min(last_scroll);

    let right = |text: String, width: usize| format!("{text:>width$}");
    let year_cells = |values: &dyn Fn(usize) -> (u32, u32)| -> Vec<Cell<'static>> {
        let mut cells: Vec<Cell> = cols
            .clone()
            .map(|i| {
                let when = when(years[i].year, today);
                let (text, mark) = cell(when, values(i));
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
    let end = (state.scroll + visible).min(state.rows.len());
    let rows: Vec<Row> = state.rows[state.scroll..end]
        .iter()
        .map(|&entry| match entry {
            Entry::Variant(v) => {
                let mut cells = vec![Cell::from(widgets::fit(&p.variant(v).name, name))];
                cells.extend(year_cells(&|i| years[i].by_variant[v.0 as usize]));
                Row::new(cells)
            }
            Entry::Family(fam) => {
                let label = format!("Σ {}", p.family(fam).name);
                let mut cells = vec![Cell::from(widgets::fit(&label, name))];
                cells.extend(year_cells(&|i| state.family_years[fam.0 as usize][i]));
                Row::new(cells).style(theme.accent)
            }
        })
        .collect();
    let mut footer = vec![Cell::from(widgets::fit(TOTAL_LABEL, name))];
    footer.extend(year_cells(&|i| (years[i].planned, years[i].delivered)));

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
        let body = Rect::new(
            table.right().saturating_sub(1),
            table.y + 1,
            1,
            table.height.saturating_sub(2),
        );
        let mut sb = ScrollbarState::new(last_scroll + 1).position(state.scroll);
        StatefulWidget::render(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None),
            body,
            buf,
            &mut sb,
        );
    }
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
