//! The Overview's bars: delivered of contracted per family with a tick at the plan, and
//! this year and the programme against the plan (with the plan year by year when wide).

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::Data;
use crate::app::overview::State;
use crate::domain::completeness::Completeness;
use crate::domain::figures::PLAN_TO_DATE_RULE;
use crate::ui::Theme;
use crate::ui::widgets::{self, block, thousands};

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
pub(super) fn render_gauges(
    state: &State,
    data: &Data,
    theme: &Theme,
    area: Rect,
    height: u16,
    buf: &mut Buffer,
) {
    let p = data.programme();
    let f = &data.figures;
    // Without a plan there is no plan to date to mark: no tick, and the title names none.
    let has_plan = !data.completeness.lacks_plan();
    let mut title = vec![Span::styled(" Delivered of contracted ", theme.accent)];
    if has_plan {
        title.push(Span::styled("┃", theme.accent));
        title.push(Span::styled(" plan to date ", theme.muted));
    }
    let title = Line::from(title);
    let outer = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.muted)
        .title(widgets::cut(
            title,
            usize::from(area.width.saturating_sub(2)),
        ));
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
            (has_plan && contracted > 0.0).then(|| ratio(*plan, contracted)),
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
    /// The plan to date; `None` when there is no plan (no mark, no figure).
    to_date: Option<f64>,
    whole: u32,
    whole_words: String,
}

impl PlanLine {
    fn lead(&self) -> i64 {
        (f64::from(self.delivered) - self.to_date.unwrap_or(0.0)).round() as i64
    }

    /// The figures in words, from the longest (`tier` 0) to the shortest (2).
    fn text(&self, tier: usize) -> String {
        // Without a plan: what was delivered, and no plan figure (not even `0 planned in`).
        let Some(to_date) = self.to_date_text() else {
            return format!("{} delivered", thousands(self.delivered.into()));
        };
        match tier {
            0 => format!(
                "{} delivered · {} planned to date · {} {}",
                thousands(self.delivered.into()),
                to_date,
                thousands(self.whole.into()),
                self.whole_words
            ),
            1 => format!(
                "{} delivered of {} planned to date",
                thousands(self.delivered.into()),
                to_date
            ),
            _ => format!(
                "{} of {} to date",
                thousands(self.delivered.into()),
                to_date
            ),
        }
    }

    fn to_date_text(&self) -> Option<String> {
        self.to_date.map(|t| thousands(t.max(0.0).round() as u64))
    }

    fn verdict(&self, completeness: &Completeness, short: bool) -> String {
        widgets::verdict_words(completeness, self.lead(), short)
    }
}

/// Lays the plan lines out alike, so that their bars line up and compare: the words
/// shrink before the bars go.
fn plan_lines<'a>(
    lines: &[PlanLine],
    completeness: &Completeness,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'a>> {
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
            .map(|l| l.verdict(completeness, short).width())
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
                    l.to_date.filter(|_| whole > 0.0).map(|t| ratio(t, whole)),
                    theme.ok,
                    theme,
                ));
                spans.push(Span::raw(" "));
            }
            spans.push(Span::raw(format!(" {:<text_width$}  ", l.text(tier.0))));
            spans.push(Span::styled(
                l.verdict(completeness, tier.1),
                widgets::verdict_style(completeness, l.lead(), theme).add_modifier(Modifier::BOLD),
            ));
            Line::from(spans)
        })
        .collect()
}

/// [`PLAN_TO_DATE_RULE`] in fewer words, for a narrow box.
const PLAN_TO_DATE_SHORT: &str = "plan to date: each variant's year spread evenly";

/// This year and the whole programme against the plan; with `years`, the plan year by
/// year below.
pub(super) fn render_schedule(
    data: &Data,
    theme: &Theme,
    area: Rect,
    years: bool,
    buf: &mut Buffer,
) {
    let f = &data.figures;
    let has_plan = !data.completeness.lacks_plan();
    // How the plan to date is counted, on the box's lower edge: whole when it fits; not
    // without a plan, which has no plan to date.
    let rule = [PLAN_TO_DATE_RULE, PLAN_TO_DATE_SHORT]
        .into_iter()
        .map(|r| format!(" {r} "))
        .find(|r| has_plan && r.width() + 2 <= usize::from(area.width));
    let mut outer = block("Against the plan", theme);
    if let Some(rule) = rule {
        outer = outer.title_bottom(Line::from(Span::styled(rule, theme.muted)));
    }
    let inner = outer.inner(area);
    (&outer).render(area, buf);
    let mut plan = Vec::new();
    if let Some(y) = f.current_year() {
        plan.push(PlanLine {
            label: y.year.to_string(),
            delivered: y.delivered,
            to_date: has_plan.then(|| y.planned_to_date.unwrap_or(0.0)),
            whole: y.planned,
            whole_words: format!("planned in {}", y.year),
        });
    }
    plan.push(PlanLine {
        label: "Programme".to_owned(),
        delivered: f.schedule.delivered_to_date,
        to_date: has_plan.then_some(f.schedule.planned_to_date),
        whole: f.total.contracted,
        whole_words: "contracted".to_owned(),
    });
    let mut lines = plan_lines(&plan, &data.completeness, usize::from(inner.width), theme);
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
}
