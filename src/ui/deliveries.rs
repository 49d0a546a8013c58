//! The Deliveries view: yearly progress over the whole programme period. Planned against
//! delivered per year as bars, the cumulative plan against the cumulative deliveries as a
//! line chart with the forecast's projection after today, the forecast in words (rates and
//! projected finishes), and a table per year and per variant whose family and programme
//! rows set the projection against the plan in the years to come. The current year counts
//! the plan pro-rated to today; Left/Right select a year (summed up on the first line),
//! Up/Down scroll the table.

mod charts;
mod outlook;

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, StatefulWidget, Table, TableState};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::widgets;
use crate::app::{Action, Data};
use crate::domain::figures::year_fraction;
use crate::domain::forecast::{Finish, YearOutlook};
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
/// The projection's shortfall or surplus shows in the table while the names keep this
/// many columns (or all they need); below it, only planned/projected, coloured.
const NAME_WITH_DIFFERENCE: usize = 20;
/// The forecast goes in a titled box, with more said per line, from this size on.
const OUTLOOK_BOX_FROM_HEIGHT: u16 = 36;
const OUTLOOK_BOX_FROM_WIDTH: u16 = 100;
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
    /// The width of each year's column, and of the totals column; the year widths with
    /// the projection's shortfall or surplus, and without.
    year_widths: Vec<usize>,
    year_widths_short: Vec<usize>,
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

        // The totals are the widest figures of every column, the projections of the
        // family and programme rows too.
        let today = data.today();
        let widths = |difference: bool| -> Vec<usize> {
            years
                .iter()
                .map(|y| {
                    let when = when(y.year, today);
                    let (text, _) = cell(when, (y.planned, y.delivered));
                    let head = header_label(y.year, when).width();
                    let projected = p
                        .family_ids()
                        .map(Some)
                        .chain([None])
                        .filter_map(|f| projection(data, f, y.year))
                        .map(|o| projection_text(&o, difference).width())
                        .max()
                        .unwrap_or(0);
                    text.width().max(head).max(projected).max(5)
                })
                .collect()
        };
        self.year_widths = widths(true);
        self.year_widths_short = widths(false);
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

/// True when the forecast projects the programme: every family, or some of them, has a
/// rate to project from and vehicles left. The chart draws a projected line exactly then.
fn projecting(data: &Data) -> bool {
    matches!(
        data.forecast.programme.finish,
        Finish::Projected(_) | Finish::Blocked
    )
}

/// The forecast's year for a family (`None`: the programme) when it adds to the plan: a
/// year to come, while the chart draws a projection.
fn projection(data: &Data, family: Option<FamilyId>, year: i32) -> Option<YearOutlook> {
    let forecast = &data.forecast;
    if year <= data.today().year() || !projecting(data) {
        return None;
    }
    let o = match family {
        Some(f) => forecast.families.get(f.0 as usize)?,
        None => &forecast.programme,
    };
    o.years
        .iter()
        .find(|y| y.year == year)
        .filter(|y| y.planned > 0 || y.projected > 0)
        .copied()
}

/// `94/77` and `−17`: planned/projected, and the shortfall or surplus.
fn projection_parts(y: &YearOutlook) -> (String, String) {
    let d = y.difference();
    let signed = match d {
        0 => "±0".to_owned(),
        d if d > 0 => format!("+{}", widgets::thousands(d.unsigned_abs())),
        d => format!("−{}", widgets::thousands(d.unsigned_abs())),
    };
    (pair(y.planned, y.projected), signed)
}

/// `94/77 −17`; without `difference`, only `94/77`.
fn projection_text(y: &YearOutlook, difference: bool) -> String {
    let (figures, signed) = projection_parts(y);
    if difference {
        format!("{figures} {signed}")
    } else {
        figures
    }
}

/// The figures in the plan's colour and the difference coloured by its sign; without the
/// difference, the figures take its colour.
fn projection_spans<'a>(y: &YearOutlook, difference: bool, theme: &Theme) -> Vec<Span<'a>> {
    let style = if y.difference() < 0 {
        theme.warning
    } else {
        theme.ok
    };
    let (figures, signed) = projection_parts(y);
    if !difference {
        return vec![Span::styled(figures, style)];
    }
    vec![
        Span::styled(figures, Style::new().fg(theme.plan)),
        Span::raw(" "),
        Span::styled(signed, style),
    ]
}

/// How many lines the forecast takes in an area of `width`×`height`, and whether boxed.
fn outlook_height(data: &Data, width: u16, height: u16) -> (u16, bool) {
    let boxed = height >= OUTLOOK_BOX_FROM_HEIGHT && width >= OUTLOOK_BOX_FROM_WIDTH;
    // A line per family and the programme's where the table keeps a few rows; else only
    // the programme's (or the family's that finishes last).
    let budget = if boxed {
        8
    } else if height >= CHARTS_FROM_HEIGHT + 4 {
        3
    } else {
        1
    };
    let rows = outlook::rows(&data.forecast, budget).len() as u16;
    match rows {
        0 => (0, false),
        n if boxed => (n + 2, true),
        n => (n, false),
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
    let (outlook_h, boxed) = outlook_height(data, area.width, area.height);
    let charts_h = if area.height >= CHARTS_FROM_HEIGHT {
        let room = area.height - 1 - outlook_h;
        // At least the bars, one row per year; more when the table leaves room.
        let bars = years.len() as u16 + 2;
        room.saturating_sub(table_need)
            .max(bars.min(room / 2))
            .max(8)
            .min(room.saturating_sub(5))
    } else {
        0
    };
    let [summary, outlook_area, charts_area, table] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(outlook_h),
        Constraint::Length(charts_h),
        Constraint::Min(0),
    ])
    .areas(area);
    widgets::line(
        summary,
        buf,
        summary_line(data, &years[selected], theme, usize::from(area.width)),
    );
    outlook::render(data, theme, outlook_area, buf, boxed);
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
                widgets::thousands(y.planned.into()),
                widgets::thousands(y.delivered.into())
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
                "planned {} ({} to date) · delivered {} · ",
                widgets::thousands(y.planned.into()),
                widgets::thousands(to_date.max(0.0).round() as u64),
                widgets::thousands(y.delivered.into())
            )));
            spans.push(Span::styled(
                super::overview::verdict(lead),
                widgets::lead_style(lead, theme),
            ));
        }
        When::Future => {
            spans.push(Span::raw(format!(
                "planned {}",
                widgets::thousands(y.planned.into())
            )));
            spans.push(Span::styled(" · to come", theme.muted));
        }
    }
    // A year to come: what the current rate makes of it, in the most words that fit.
    let projected = match when(y.year, today) {
        When::Future => projection(data, None, y.year).map(|o| {
            let d = o.difference();
            let (verdict, style) = match d {
                0 => ("as planned".to_owned(), theme.ok),
                d if d > 0 => (
                    format!("{} over plan", widgets::thousands(d.unsigned_abs())),
                    theme.ok,
                ),
                d => (
                    format!("{} short", widgets::thousands(d.unsigned_abs())),
                    theme.warning,
                ),
            };
            let p = widgets::thousands(o.projected.into());
            [
                vec![
                    Span::raw(format!(" · {p} at the current rate · ")),
                    Span::styled(verdict.clone(), style),
                ],
                vec![
                    Span::raw(format!(" · projected {p} · ")),
                    Span::styled(verdict, style),
                ],
                vec![Span::styled(format!(" · projected {p}"), style)],
            ]
        }),
        _ => None,
    };
    // This year's end at the current rate, when there is room for it.
    let year_end = match when(y.year, today) {
        When::Current(_) => data
            .forecast
            .programme
            .years
            .iter()
            .find(|o| o.year == y.year)
            .filter(|_| projecting(data))
            .map(|o| {
                Span::styled(
                    format!(" · {} by the year's end at the current rate", o.projected),
                    theme.muted,
                )
            }),
        _ => None,
    };
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
    if let Some(tiers) = projected {
        let used = line.width();
        let width_of = |t: &[Span]| t.iter().map(Span::width).sum::<usize>();
        // With the keys' hint if possible, else alone.
        let pick = tiers
            .iter()
            .find(|t| used + width_of(t) + hint.width() <= width)
            .or_else(|| tiers.iter().find(|t| used + width_of(t) <= width));
        if let Some(t) = pick {
            line.spans.extend(t.iter().cloned());
        }
    }
    if let Some(year_end) = year_end
        && line.width() + year_end.width() + hint.width() <= width
    {
        line.spans.push(year_end);
    }
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
    // The projections say their shortfall or surplus while every year fits beside names
    // that keep enough room.
    let all = |widths: &[usize]| widths.iter().map(|w| w + 1).sum::<usize>();
    let difference =
        NAME_WITH_DIFFERENCE.min(state.name_width) + fixed + all(&state.year_widths) <= width;
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
    state.year_offset = offset;
    let shown = end_of(offset) - offset;
    let cols = state.year_offset..(state.year_offset + shown).min(years.len());
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
    state.page = visible;
    let last_scroll = state.rows.len().saturating_sub(visible);
    state.scroll = state.scroll.min(last_scroll);

    let right = |text: String, width: usize| format!("{text:>width$}");
    // `forecast`: the family (`Some`) or the programme (`None`) whose projection fills the
    // years to come; variants have none.
    let year_cells = |values: &dyn Fn(usize) -> (u32, u32),
                      forecast: Option<Option<FamilyId>>|
     -> Vec<Cell<'static>> {
        let mut cells: Vec<Cell> = cols
            .clone()
            .map(|i| {
                if let Some(o) = forecast.and_then(|f| projection(data, f, years[i].year)) {
                    let spans = projection_spans(&o, difference, theme);
                    let used: usize = spans.iter().map(Span::width).sum();
                    let mut line = vec![Span::raw(" ".repeat(year_width(i).saturating_sub(used)))];
                    line.extend(spans);
                    return Cell::from(Line::from(line));
                }
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
                cells.extend(year_cells(&|i| years[i].by_variant[v.0 as usize], None));
                Row::new(cells)
            }
            Entry::Family(fam) => {
                let label = format!("Σ {}", p.family(fam).name);
                let mut cells = vec![Cell::from(widgets::fit(&label, name))];
                cells.extend(year_cells(
                    &|i| state.family_years[fam.0 as usize][i],
                    Some(Some(fam)),
                ));
                Row::new(cells).style(theme.accent)
            }
        })
        .collect();
    let mut footer = vec![Cell::from(widgets::fit(TOTAL_LABEL, name))];
    footer.extend(year_cells(
        &|i| (years[i].planned, years[i].delivered),
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
        widgets::scrollbar(body, buf, state.scroll, last_scroll, visible, theme);
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
