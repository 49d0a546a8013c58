//! The Overview: the programme in one screen, readable from across a room.
//!
//! A headline says whether the programme is ahead of or behind plan, and the forecast's
//! verdict under it where the programme is heading at its recent rate; bars show delivered
//! of contracted per family, with a tick where the plan says they should be today; the
//! current year and the whole programme against the plan; the queue by stage. A wide
//! screen gets two columns, the year-by-year plan and the vehicles that need attention.

use std::cmp::Reverse;

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::widgets::{self, block, thousands};
use crate::app::{Action, Data};
use crate::domain::figures::year_fraction;
use crate::domain::forecast::Finish;

/// The narrowest area the Overview draws in.
const MIN_WIDTH: u16 = 40;
/// From this size on, two columns.
const WIDE_WIDTH: u16 = 150;
const WIDE_HEIGHT: u16 = 30;
/// The most vehicles kept for the attention list.
const ATTENTION_MAX: usize = 100;

/// What the Overview derives from a load once, so that drawing stays cheap on a queue of
/// any length.
#[derive(Debug, Default)]
pub struct State {
    /// Per family, the deliveries the plan expects by today.
    family_plan_to_date: Vec<f64>,
    /// Per stage, the vehicles on hold and overdue.
    stage_held: Vec<u32>,
    stage_overdue: Vec<u32>,
    /// Indices into the queue of the overdue vehicles (most overdue first), then the held
    /// ones (longest in stage first).
    attention: Vec<u32>,
    /// All the overdue or held vehicles, of which `attention` keeps the first.
    attention_total: usize,
    /// What the queue figures above were built from: a reload that leaves it as it was
    /// keeps them.
    basis: Option<super::QueueBasis>,
}

impl State {
    pub fn refresh(&mut self, data: &Data) {
        let p = data.programme();
        let f = &data.figures;
        let today = data.today();

        self.family_plan_to_date = vec![0.0; p.families.len()];
        for y in &f.years {
            let share = if y.year < today.year() {
                1.0
            } else if y.year == today.year() {
                year_fraction(today)
            } else {
                0.0
            };
            for (v, &(planned, _)) in p.variants.iter().zip(&y.by_variant) {
                if let Some(slot) = self.family_plan_to_date.get_mut(v.family.0 as usize) {
                    *slot += f64::from(planned) * share;
                }
            }
        }

        if self.basis.as_ref().is_some_and(|b| b.matches(data)) {
            return;
        }
        self.basis = Some(super::QueueBasis::of(data));
        self.stage_held = vec![0; p.stages.len()];
        self.stage_overdue = vec![0; p.stages.len()];
        let mut overdue = Vec::new();
        let mut held = Vec::new();
        for (i, v) in p.queue.iter().enumerate() {
            let s = v.stage.0 as usize;
            if let Some(days) = v.days_overdue(today) {
                overdue.push((Reverse(days), i as u32));
                if let Some(n) = self.stage_overdue.get_mut(s) {
                    *n += 1;
                }
            } else if v.is_on_hold() {
                held.push((Reverse(v.days_in_stage(today)), i as u32));
            }
            if v.is_on_hold()
                && let Some(n) = self.stage_held.get_mut(s)
            {
                *n += 1;
            }
        }
        self.attention_total = overdue.len() + held.len();
        // Only the first ATTENTION_MAX are kept: pick them, then sort those alone.
        let serial = |i: u32| &p.queue[i as usize].serial;
        let order = |a: &(Reverse<i64>, u32), b: &(Reverse<i64>, u32)| {
            a.0.cmp(&b.0).then_with(|| serial(a.1).cmp(serial(b.1)))
        };
        for list in [&mut overdue, &mut held] {
            if list.len() > ATTENTION_MAX {
                list.select_nth_unstable_by(ATTENTION_MAX, order);
                list.truncate(ATTENTION_MAX);
            }
            list.sort_unstable_by(order);
        }
        self.attention = overdue
            .into_iter()
            .chain(held)
            .map(|(_, i)| i)
            .take(ATTENTION_MAX)
            .collect();
    }

    /// The Overview has nothing to select or scroll.
    pub fn handle(&mut self, _action: Action, _data: &Data) -> bool {
        false
    }
}

pub fn render(state: &mut State, data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    let p = data.programme();
    let gauges_height = p.families.len() as u16 + 3;
    let min_height = 2 + gauges_height + 4 + 3;
    if area.width < MIN_WIDTH || area.height < min_height {
        widgets::too_small(area, buf, MIN_WIDTH, min_height, theme);
        return;
    }
    if area.width >= WIDE_WIDTH && area.height >= WIDE_HEIGHT {
        render_wide(state, data, theme, area, buf);
    } else {
        render_compact(state, data, theme, area, buf);
    }
}

/// One column: headline, forecast, gauges, the plan, the stages (in two columns or one
/// line when short of height).
fn render_compact(state: &State, data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let families = data.programme().families.len() as u16;
    let [headline, forecast, gauges, schedule, stages] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(families + 3),
        Constraint::Length(4),
        Constraint::Min(3),
    ])
    .areas(area);
    widgets::line(headline, buf, headline_line(data, theme, headline.width));
    widgets::line(forecast, buf, forecast_line(data, theme, forecast.width));
    render_gauges(state, data, theme, gauges, 1, buf);
    render_schedule(data, theme, schedule, false, buf);
    render_stages(state, data, theme, stages, buf);
}

/// Two columns: gauges and the plan on the left, stages and the vehicles that need
/// attention on the right.
fn render_wide(state: &State, data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let p = data.programme();
    let [headline, forecast, facts, _, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    widgets::line(headline, buf, headline_line(data, theme, headline.width));
    widgets::line(forecast, buf, forecast_line(data, theme, forecast.width));
    widgets::line(facts, buf, facts_line(data, theme));
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body);

    let rows = p.families.len() as u16 + 1;
    // Tall bars read from further away; a blank line between them.
    let gauge_rows = match body.height {
        50.. => 3,
        40.. => 2,
        _ => 1,
    };
    let gaps = if gauge_rows > 1 { rows - 1 } else { 0 };
    let gauges_height = rows * gauge_rows + gaps + 2;
    let years = data.figures.years.len() as u16;
    let [gauges, schedule, _] = Layout::vertical([
        Constraint::Length(gauges_height),
        Constraint::Length(2 + 1 + 1 + years + 2),
        Constraint::Min(0),
    ])
    .areas(left);
    render_gauges(state, data, theme, gauges, gauge_rows, buf);
    render_schedule(data, theme, schedule, true, buf);

    let stages_height = p.stages.len() as u16 + 1 + 2;
    let [stages, attention] =
        Layout::vertical([Constraint::Length(stages_height), Constraint::Min(0)]).areas(right);
    render_stages(state, data, theme, stages, buf);
    render_attention(state, data, theme, attention, buf);
}

/// `▼ 21 behind plan · 70 of 442 delivered · 2026-11-26 · no problems`, cut from the end
/// to fit.
fn headline_line<'a>(data: &Data, theme: &Theme, width: u16) -> Line<'a> {
    let f = &data.figures;
    let lead = f.schedule.lead();
    let arrow = match lead {
        0 => "●",
        n if n > 0 => "▲",
        _ => "▼",
    };
    let mut spans = vec![Span::styled(
        format!(" {arrow} {}", verdict(lead).to_uppercase()),
        widgets::lead_style(lead, theme).add_modifier(Modifier::BOLD),
    )];
    let (errors, warnings) = (data.snapshot.errors(), data.snapshot.warnings());
    let problems = if errors + warnings == 0 {
        Span::styled("no problems", theme.ok)
    } else {
        let mut parts = Vec::new();
        if errors > 0 {
            parts.push(plural(errors, "error", "errors"));
        }
        if warnings > 0 {
            parts.push(plural(warnings, "warning", "warnings"));
        }
        Span::styled(
            format!("{} (5)", parts.join(", ")),
            if errors > 0 {
                theme.error
            } else {
                theme.warning
            },
        )
    };
    let rest = [
        Span::styled(
            format!(
                "{} of {} delivered",
                thousands(f.total.delivered.into()),
                thousands(f.total.contracted.into())
            ),
            theme.accent,
        ),
        problems,
        Span::styled(format!("figures for {}", data.today()), theme.muted),
    ];
    let mut used = Line::from(spans.clone()).width();
    for span in rest {
        let need = 3 + span.width();
        if used + need > usize::from(width) {
            break;
        }
        spans.push(Span::styled(" · ", theme.muted));
        spans.push(span);
        used += need;
    }
    Line::from(spans)
}

/// `▸ at the current rate, the last Griffon arrives in 2032, two years late`, with the
/// window the rate is measured over when it fits.
fn forecast_line<'a>(data: &Data, theme: &Theme, width: u16) -> Line<'a> {
    let forecast = &data.forecast;
    let style = forecast_style(data, theme);
    let verdict = forecast.verdict();
    let width = usize::from(width);
    let lead = " ▸ ";
    let mut spans = vec![
        Span::styled(lead, style),
        Span::styled(
            widgets::fit(&verdict, width.saturating_sub(lead.width())),
            style.add_modifier(Modifier::BOLD),
        ),
    ];
    // "At the current rate" says which rate where there is room; a verdict without a rate
    // (delivered, stalled, not started) needs no window.
    if matches!(
        forecast.programme.finish,
        Finish::Projected(_) | Finish::Blocked
    ) {
        let window = Span::styled(
            format!(
                " · rate of the last {}",
                plural(forecast.window_months as usize, "month", "months")
            ),
            theme.muted,
        );
        if Line::from(spans.clone()).width() + window.width() <= width {
            spans.push(window);
        }
    }
    Line::from(spans)
}

/// How the forecast reads: a warning when the programme finishes late or its finish cannot
/// be projected though deliveries were due, ok when it is on course or delivered, muted
/// when there is nothing to say yet.
pub(crate) fn forecast_style(data: &Data, theme: &Theme) -> Style {
    let whole = &data.forecast.programme;
    if whole.contracted == 0 {
        return theme.muted;
    }
    match whole.finish {
        Finish::Delivered(_) => theme.ok,
        Finish::Projected(_) => {
            // The family that finishes last speaks for the programme, as in the verdict.
            let last = data
                .forecast
                .families
                .iter()
                .filter(|o| o.contracted > 0)
                .filter_map(|o| match o.finish {
                    Finish::Projected(day) => Some((day, o)),
                    _ => None,
                })
                .max_by_key(|&(day, _)| day)
                .map(|(_, o)| o);
            if last.and_then(|o| o.years_late()).is_some_and(|n| n > 0) {
                theme.warning
            } else {
                theme.ok
            }
        }
        Finish::NotStarted if data.figures.schedule.planned_to_date <= 0.0 => theme.muted,
        Finish::NotStarted | Finish::Stalled(_) | Finish::Blocked => theme.warning,
    }
}

fn facts_line<'a>(data: &Data, theme: &Theme) -> Line<'a> {
    let p = data.programme();
    let mut parts = Vec::new();
    if let Some(info) = &p.info {
        if let Some(c) = &info.customer {
            parts.push(format!("for {c}"));
        }
        if let Some(prime) = &info.prime {
            parts.push(format!("prime {prime}"));
        }
        if let Some(fa) = &info.final_assembler {
            parts.push(format!("final assembly {fa}"));
        }
        parts.push(format!("deliveries {}–{}", info.first_year, info.last_year));
    }
    Line::from(Span::styled(format!(" {}", parts.join(" · ")), theme.muted))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `on plan`, `3 ahead of plan`, `12 behind plan`.
pub fn verdict(lead: i64) -> String {
    match lead {
        0 => "on plan".to_owned(),
        n if n > 0 => format!("{} ahead of plan", thousands(n.unsigned_abs())),
        n => format!("{} behind plan", thousands(n.unsigned_abs())),
    }
}

/// A bar of `width` cells filled to `ratio`, in eighths of a cell, with a tick at `mark`
/// (a ratio too) where the plan stands.
fn bar<'a>(
    width: usize,
    ratio: f64,
    mark: Option<f64>,
    fill: Style,
    theme: &Theme,
) -> Vec<Span<'a>> {
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    if width == 0 {
        return Vec::new();
    }
    let eighths = (ratio.clamp(0.0, 1.0) * width as f64 * 8.0).round() as usize;
    let mut cells: Vec<(String, Style)> = Vec::with_capacity(width);
    for i in 0..width {
        let filled = eighths.saturating_sub(i * 8).min(8);
        cells.push(match filled {
            8 => ("█".to_owned(), fill),
            0 => ("░".to_owned(), theme.muted),
            n => (PARTS[n].to_owned(), fill),
        });
    }
    if let Some(m) = mark {
        let at = ((m.clamp(0.0, 1.0) * width as f64).round() as usize).min(width - 1);
        cells[at] = ("┃".to_owned(), theme.accent);
    }
    // Merge runs of one style into one span each.
    let mut spans: Vec<Span> = Vec::new();
    for (text, style) in cells {
        match spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(&text),
            _ => spans.push(Span::styled(text, style)),
        }
    }
    spans
}

fn ratio(part: f64, whole: f64) -> f64 {
    if whole <= 0.0 { 0.0 } else { part / whole }
}

/// Delivered of contracted per family and for the programme, each with a tick where the
/// plan expects it today. `height` rows per bar, a blank line between bars when above 1.
fn render_gauges(
    state: &State,
    data: &Data,
    theme: &Theme,
    area: Rect,
    height: u16,
    buf: &mut Buffer,
) {
    let p = data.programme();
    let f = &data.figures;
    let title = Line::from(vec![
        Span::styled(" Delivered of contracted ", theme.accent),
        Span::styled("┃", theme.accent),
        Span::styled(" plan to date ", theme.muted),
    ]);
    let outer = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.muted)
        .title(title);
    let inner = outer.inner(area);
    (&outer).render(area, buf);
    let mut entries: Vec<(&str, &crate::domain::Counts, f64)> = p
        .family_ids()
        .map(|id| {
            let i = id.0 as usize;
            (
                p.family(id).name.as_str(),
                &f.families[i],
                state.family_plan_to_date.get(i).copied().unwrap_or(0.0),
            )
        })
        .collect();
    entries.push(("Programme", &f.total, f.schedule.planned_to_date));
    let label_width = entries
        .iter()
        .map(|e| e.0.width())
        .max()
        .unwrap_or(9)
        .min(20)
        + 2;
    // `delivered / contracted  %`, each column as wide as its widest figure.
    let numbers: Vec<(String, String)> = entries
        .iter()
        .map(|(_, c, _)| {
            (
                thousands(c.delivered.into()),
                thousands(c.contracted.into()),
            )
        })
        .collect();
    let widest = |f: fn(&(String, String)) -> &String| {
        numbers.iter().map(|n| f(n).len()).max().unwrap_or(0).max(4)
    };
    let (dw, cw) = (widest(|n| &n.0), widest(|n| &n.1));
    let figures: Vec<String> = entries
        .iter()
        .zip(&numbers)
        .map(|((_, c, _), (d, k))| format!("{d:>dw$} / {k:<cw$} {:>5.1} %", c.percent_delivered()))
        .collect();
    let figures_width = figures.iter().map(|s| s.width()).max().unwrap_or(0);
    let step = if height > 1 { height + 1 } else { 1 };
    for (k, ((name, counts, plan), figure)) in entries.iter().zip(&figures).enumerate() {
        let y = inner.y + k as u16 * step;
        if y + height > inner.bottom() {
            break;
        }
        let bar_width = usize::from(inner.width).saturating_sub(label_width + figures_width + 3);
        let contracted = f64::from(counts.contracted);
        let fill = bar(
            bar_width,
            ratio(f64::from(counts.delivered), contracted),
            (contracted > 0.0).then(|| ratio(*plan, contracted)),
            theme.ok,
            theme,
        );
        for row in 0..height {
            let mut spans = vec![Span::styled(
                if row == (height - 1) / 2 {
                    format!(" {}", widgets::pad(name, label_width - 1))
                } else {
                    " ".repeat(label_width)
                },
                theme.accent,
            )];
            spans.extend(fill.iter().cloned());
            if row == (height - 1) / 2 {
                spans.push(Span::raw(format!("  {figure}")));
            }
            widgets::line(
                Rect::new(inner.x, y + row, inner.width, 1),
                buf,
                Line::from(spans),
            );
        }
    }
}

/// One line of the plan: label, bar, figures, verdict.
struct PlanLine {
    label: String,
    delivered: u32,
    to_date: f64,
    whole: u32,
    whole_words: String,
}

impl PlanLine {
    fn lead(&self) -> i64 {
        (f64::from(self.delivered) - self.to_date).round() as i64
    }

    /// The figures in words, from the longest (`tier` 0) to the shortest (2).
    fn text(&self, tier: usize) -> String {
        match tier {
            0 => format!(
                "{} delivered · {} planned to date · {} {}",
                thousands(self.delivered.into()),
                self.to_date_text(),
                thousands(self.whole.into()),
                self.whole_words
            ),
            1 => format!(
                "{} delivered of {} planned to date",
                thousands(self.delivered.into()),
                self.to_date_text()
            ),
            _ => format!(
                "{} of {} to date",
                thousands(self.delivered.into()),
                self.to_date_text()
            ),
        }
    }

    fn to_date_text(&self) -> String {
        thousands(self.to_date.max(0.0).round() as u64)
    }

    fn verdict(&self, short: bool) -> String {
        let v = verdict(self.lead());
        if short {
            v.trim_end_matches(" of plan").to_owned()
        } else {
            v
        }
    }
}

/// Lays the plan lines out alike, so that their bars line up and compare: the words
/// shrink before the bars go.
fn plan_lines<'a>(lines: &[PlanLine], width: usize, theme: &Theme) -> Vec<Line<'a>> {
    const LABEL: usize = 11;
    const BAR_MIN: usize = 12;
    let tiers = [(0, false), (1, false), (2, false), (2, true)];
    let fixed = |(tier, short): (usize, bool)| {
        let text = lines
            .iter()
            .map(|l| l.text(tier).width())
            .max()
            .unwrap_or(0);
        let verdict = lines
            .iter()
            .map(|l| l.verdict(short).width())
            .max()
            .unwrap_or(0);
        // Label, a space after the bar, the text between spaces, the verdict, a margin.
        (text, LABEL + 1 + (1 + text + 2) + verdict + 1)
    };
    let (tier, bar_width) = tiers
        .iter()
        .find(|&&t| fixed(t).1 + BAR_MIN <= width)
        .map(|&t| (t, width - fixed(t).1))
        .unwrap_or_else(|| {
            let t = tiers
                .iter()
                .copied()
                .find(|&t| fixed(t).1 <= width)
                .unwrap_or(tiers[3]);
            (t, 0)
        });
    let text_width = fixed(tier).0;
    lines
        .iter()
        .map(|l| {
            let mut spans = vec![Span::styled(format!(" {:<10}", l.label), theme.accent)];
            if bar_width > 0 {
                let whole = f64::from(l.whole);
                spans.extend(bar(
                    bar_width,
                    ratio(f64::from(l.delivered), whole),
                    (whole > 0.0).then(|| ratio(l.to_date, whole)),
                    theme.ok,
                    theme,
                ));
                spans.push(Span::raw(" "));
            }
            spans.push(Span::raw(format!(" {:<text_width$}  ", l.text(tier.0))));
            spans.push(Span::styled(
                l.verdict(tier.1),
                widgets::lead_style(l.lead(), theme).add_modifier(Modifier::BOLD),
            ));
            Line::from(spans)
        })
        .collect()
}

/// This year and the whole programme against the plan; with `years`, the plan year by
/// year below.
fn render_schedule(data: &Data, theme: &Theme, area: Rect, years: bool, buf: &mut Buffer) {
    let f = &data.figures;
    let outer = block("Against the plan", theme);
    let inner = outer.inner(area);
    (&outer).render(area, buf);
    let mut plan = Vec::new();
    if let Some(y) = f.current_year() {
        plan.push(PlanLine {
            label: y.year.to_string(),
            delivered: y.delivered,
            to_date: y.planned_to_date.unwrap_or(0.0),
            whole: y.planned,
            whole_words: format!("planned in {}", y.year),
        });
    }
    plan.push(PlanLine {
        label: "Programme".to_owned(),
        delivered: f.schedule.delivered_to_date,
        to_date: f.schedule.planned_to_date,
        whole: f.total.contracted,
        whole_words: "contracted".to_owned(),
    });
    let mut lines = plan_lines(&plan, usize::from(inner.width), theme);
    if years && !f.years.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            format!(
                " {:<6}{:>8}{:>11}{:>11}{:>12}",
                "year", "planned", "delivered", "cum. plan", "cum. deliv"
            ),
            theme.header,
        )));
        let this_year = data.today().year();
        for y in &f.years {
            let style = match y.year.cmp(&this_year) {
                std::cmp::Ordering::Less => Style::new(),
                std::cmp::Ordering::Equal => theme.accent,
                std::cmp::Ordering::Greater => theme.muted,
            };
            let behind = y.year < this_year && y.cum_delivered < y.cum_planned;
            let mut spans = vec![Span::styled(
                format!(
                    " {:<6}{:>8}{:>11}{:>11}{:>12}",
                    y.year,
                    thousands(y.planned.into()),
                    thousands(y.delivered.into()),
                    thousands(y.cum_planned.into()),
                    thousands(y.cum_delivered.into())
                ),
                style,
            )];
            if y.year == this_year {
                spans.push(Span::styled("  ◀ this year", theme.accent));
            } else if behind {
                spans.push(Span::styled(
                    format!(
                        "  {} short",
                        thousands((y.cum_planned - y.cum_delivered).into())
                    ),
                    theme.warning,
                ));
            }
            lines.push(Line::from(spans));
        }
    }
    for (k, line) in lines.into_iter().enumerate() {
        let y = inner.y + k as u16;
        if y >= inner.bottom() {
            break;
        }
        widgets::line(Rect::new(inner.x, y, inner.width, 1), buf, line);
    }
}

/// The queue by stage: a summary line, then a bar per stage (two columns, or the
/// queue view's one-line pipeline, when short of height).
fn render_stages(state: &State, data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let p = data.programme();
    let total = &data.figures.total;
    let n = p.stages.len();
    let title = " Final assembly ";
    // One row short of a line per stage (or per two stages), the summary goes up into the
    // title.
    let inner_height = usize::from(area.height.saturating_sub(2));
    let in_title =
        n > 0 && (inner_height == n || (inner_height == n.div_ceil(2) && area.width >= 48 + 2));
    let room = if in_title {
        usize::from(area.width.saturating_sub(2)).saturating_sub(title.width() + 2)
    } else {
        usize::from(area.width.saturating_sub(2))
    };
    let mut summary = vec![
        Span::styled(
            format!(" {} in assembly", thousands(total.in_assembly() as u64)),
            theme.accent,
        ),
        Span::styled(" · ", theme.muted),
        widgets::count_span("‖", total.on_hold, "on hold", theme.warning, theme),
        Span::styled(" · ", theme.muted),
        widgets::count_span("!", total.overdue, "overdue", theme.error, theme),
    ];
    let not_started = format!(" · {} not started", thousands(total.not_started() as u64));
    if Line::from(summary.clone()).width() + not_started.width() <= room {
        summary.push(Span::raw(not_started));
    }
    let outer = if in_title {
        let mut spans = vec![Span::styled(format!("{title}·"), theme.accent)];
        spans.extend(summary.iter().cloned());
        spans.push(Span::raw(" "));
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.muted)
            .title(Line::from(spans))
    } else {
        block("Final assembly", theme)
    };
    let inner = outer.inner(area);
    (&outer).render(area, buf);
    if inner.is_empty() {
        return;
    }
    let rest = if in_title {
        inner
    } else {
        widgets::line(inner, buf, Line::from(summary));
        Rect {
            y: inner.y + 1,
            height: inner.height.saturating_sub(1),
            ..inner
        }
    };
    if rest.is_empty() {
        return;
    }
    let rows = usize::from(rest.height);
    let columns = if n <= rows {
        1
    } else if n.div_ceil(2) <= rows && rest.width >= 48 {
        2
    } else {
        widgets::line(
            rest,
            buf,
            super::queue::pipeline(p, &total.per_stage, theme, rest.width),
        );
        return;
    };
    let per_column = n.div_ceil(columns);
    let col_width = rest.width / columns as u16;
    let counts = &total.per_stage;
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let name_width = p
        .stages
        .iter()
        .map(|s| s.name.width())
        .max()
        .unwrap_or(5)
        .min(usize::from(col_width) / 3)
        .max(4);
    // The counts and the ` ‖ 12 ! 12` after each bar take what the largest needs, so
    // that every bar starts and may end at the same column.
    let count_width = thousands(max.into()).len().max(4);
    let flags = |i: usize| {
        let held = state.stage_held.get(i).copied().unwrap_or(0);
        let overdue = state.stage_overdue.get(i).copied().unwrap_or(0);
        let held = (held > 0).then(|| format!(" ‖ {}", thousands(held as u64)));
        let overdue = (overdue > 0).then(|| format!(" ! {}", thousands(overdue as u64)));
        (held, overdue)
    };
    let flags_width = (0..n)
        .map(|i| {
            let (held, overdue) = flags(i);
            held.map_or(0, |h| h.width()) + overdue.map_or(0, |o| o.width())
        })
        .max()
        .unwrap_or(0);
    let bar_room =
        usize::from(col_width).saturating_sub(name_width + 2 + count_width + 1 + flags_width + 1);
    for (i, stage) in p.stages.iter().enumerate() {
        let (col, row) = (i / per_column, i % per_column);
        let count = counts.get(i).copied().unwrap_or(0);
        let len = (count as usize * bar_room)
            .div_ceil(max as usize)
            .min(bar_room);
        let (held, overdue) = flags(i);
        let mut spans = vec![
            Span::raw(format!(" {} ", widgets::pad(&stage.name, name_width))),
            Span::styled(
                format!("{:>count_width$} ", thousands(count.into())),
                if count == 0 {
                    theme.muted
                } else {
                    theme.accent
                },
            ),
            Span::styled(
                "█".repeat(len),
                if stage.rework {
                    theme.warning
                } else {
                    theme.ok
                },
            ),
        ];
        if let Some(held) = held {
            spans.push(Span::styled(held, theme.warning));
        }
        if let Some(overdue) = overdue {
            spans.push(Span::styled(overdue, theme.error));
        }
        let x = rest.x + col as u16 * col_width;
        widgets::line(
            Rect::new(x, rest.y + row as u16, col_width, 1),
            buf,
            Line::from(spans),
        );
    }
}

/// The vehicles that most need attention: overdue first (most days late first), then on
/// hold (longest in stage first).
fn render_attention(state: &State, data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height < 3 {
        return;
    }
    let p = data.programme();
    let today = data.today();
    let outer = block("Needs attention: overdue, then on hold", theme);
    let inner = outer.inner(area);
    (&outer).render(area, buf);
    if state.attention.is_empty() {
        widgets::empty_note(inner, buf, "Nothing overdue or on hold.", theme);
        return;
    }
    let serial_width = state
        .attention
        .iter()
        .filter_map(|&i| p.queue.get(i as usize))
        .map(|v| v.serial.width())
        .max()
        .unwrap_or(8);
    let stage_width = p
        .stages
        .iter()
        .map(|s| s.name.width())
        .max()
        .unwrap_or(8)
        .min(usize::from(inner.width) / 4);
    let shown = usize::from(inner.height);
    let more = state.attention_total.saturating_sub(shown);
    let take = if more > 0 { shown - 1 } else { shown };
    let more = state.attention_total - take.min(state.attention_total);
    for (k, &i) in state.attention.iter().take(take).enumerate() {
        let Some(v) = p.queue.get(i as usize) else {
            continue;
        };
        let (mark, why, style) = match v.days_overdue(today) {
            Some(days) => (
                "!",
                match v.hold.as_deref() {
                    Some(h) => format!("{} late · {h}", plural(days as usize, "day", "days")),
                    None => format!("{} late", plural(days as usize, "day", "days")),
                },
                theme.error,
            ),
            None => (
                "‖",
                format!(
                    "{} in stage · {}",
                    plural(v.days_in_stage(today) as usize, "day", "days"),
                    v.hold.as_deref().unwrap_or("")
                ),
                theme.warning,
            ),
        };
        let line = Line::from(vec![
            Span::styled(format!(" {mark} "), style),
            Span::styled(format!("{} ", widgets::pad(&v.serial, serial_width)), style),
            Span::raw(format!(
                "{} ",
                widgets::pad(&p.stage(v.stage).name, stage_width)
            )),
        ]);
        let room = usize::from(inner.width).saturating_sub(line.width());
        let line = Line::from(
            line.spans
                .into_iter()
                .chain([Span::styled(widgets::fit(&why, room), style)])
                .collect::<Vec<_>>(),
        );
        widgets::line(
            Rect::new(inner.x, inner.y + k as u16, inner.width, 1),
            buf,
            line,
        );
    }
    if more > 0 {
        let y = inner.y + take as u16;
        widgets::line(
            Rect::new(inner.x, y, inner.width, 1),
            buf,
            Line::from(Span::styled(
                format!(" … and {more} more: press 3, then / overdue or / held"),
                theme.muted,
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn bars_fill_in_eighths_and_tick_the_plan() {
        let theme = Theme::default();
        assert_eq!(
            text(&bar(10, 0.5, Some(0.7), theme.ok, &theme)),
            "█████░░┃░░"
        );
        // 9 eighths of 4 cells: one full cell and one eighth.
        assert_eq!(text(&bar(4, 9.0 / 32.0, None, theme.ok, &theme)), "█▏░░");
        // A plan at or past the end ticks the last cell.
        assert_eq!(text(&bar(4, 1.5, Some(2.0), theme.ok, &theme)), "███┃");
        assert!(bar(0, 0.5, Some(0.5), theme.ok, &theme).is_empty());
    }

    #[test]
    fn verdicts() {
        assert_eq!(verdict(0), "on plan");
        assert_eq!(verdict(3), "3 ahead of plan");
        assert_eq!(verdict(-12), "12 behind plan");
    }
}
