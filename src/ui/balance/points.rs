//! The Balance view's table: per control point a bar of its progress with a tick at its
//! line, the two counts and the shortfall or surplus in vehicles; when wide, the lead
//! times (planned, measured) and the month the line stands for.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::domain::Programme;
use crate::domain::balance::{Balance, Point, Study};
use crate::ui::Theme;
use crate::ui::widgets::{self, block, fit, pad, thousands};

/// From this width, the table shows the lead times and the month of each line.
pub const WIDE: u16 = 120;

/// The bar of a point: its progress in `width` cells scaled to `scale` vehicles, `┃` at
/// its line.
fn bar<'a>(width: usize, point: &Point, scale: u32, fill: Style, theme: &Theme) -> Vec<Span<'a>> {
    if width == 0 {
        return Vec::new();
    }
    let cells = |n: u32| {
        (u64::from(n) * width as u64)
            .checked_div(u64::from(scale))
            .map_or(0, |c| usize::try_from(c).unwrap_or(width))
    };
    let filled = cells(point.progress).min(width);
    let mut marks: Vec<(&str, Style)> = (0..width)
        .map(|i| {
            if i < filled {
                ("█", fill)
            } else {
                ("░", theme.muted)
            }
        })
        .collect();
    if let Some(line) = point.line {
        marks[cells(line).min(width - 1)] = ("┃", theme.accent);
    }
    let mut spans: Vec<Span> = Vec::new();
    for (text, style) in marks {
        match spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(text),
            _ => spans.push(Span::styled(text.to_owned(), style)),
        }
    }
    spans
}

/// `9 short`, `3 over`, `on line`, or `no line`.
fn gap_text(point: &Point) -> String {
    match point.gap() {
        None => "no line".to_owned(),
        Some(0) => "on line".to_owned(),
        Some(g) if g < 0 => format!("{} short", thousands(g.unsigned_abs())),
        Some(g) => format!("{} over", thousands(g.unsigned_abs())),
    }
}

fn days(d: Option<u32>) -> String {
    d.map_or("—".to_owned(), |d| format!("{d} d"))
}

/// A programme row's planned lead time: the families' own when they differ (`120/180 d`).
fn planned(study: &Study, balance: &Balance, point: &Point) -> String {
    if point.planned_days.is_some() || balance.family.is_some() {
        return days(point.planned_days);
    }
    let each: Vec<String> = study
        .families
        .iter()
        .filter_map(|b| b.points.iter().find(|q| q.stage == point.stage))
        .map(|q| q.planned_days.map_or("—".to_owned(), |d| d.to_string()))
        .collect();
    if each.is_empty() {
        "—".to_owned()
    } else {
        format!("{} d", each.join("/"))
    }
}

/// A programme row's month: the families' own when they differ (`Mar/May 2027`).
fn due(study: &Study, balance: &Balance, point: &Point) -> String {
    let month = |d: crate::domain::Date| d.format("%b %Y").to_string();
    if let Some(d) = point.due_by {
        return month(d);
    }
    if balance.family.is_some() {
        return "—".to_owned();
    }
    let each: Vec<String> = study
        .families
        .iter()
        .filter_map(|b| b.points.iter().find(|q| q.stage == point.stage))
        .map(|q| {
            q.due_by
                .map_or("—".to_owned(), |d| d.format("%b %y").to_string())
        })
        .collect();
    if each.is_empty() {
        "—".to_owned()
    } else {
        each.join("/")
    }
}

/// Draws the table in `area` (a block of one header row and a row per point).
pub fn render(
    p: &Programme,
    study: &Study,
    balance: &Balance,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let wide = area.width >= WIDE;
    let title = if wide {
        "Control points · vehicles that have passed each (bar) against the line ┃ the plan needs today"
    } else {
        "Control points: passed ┃ line"
    };
    let b = block(title, theme);
    let inner = b.inner(area);
    b.render(area, buf);
    if inner.is_empty() {
        return;
    }
    let name_w = if wide { 28 } else { 18 };
    let counts_w = 13;
    let gap_w = 10;
    let extra_w = if wide { 38 } else { 0 };
    let name_w = name_w.min(usize::from(inner.width) / 3);
    // The name, two spaces, the bar, two spaces, the counts, two spaces, the gap.
    let bar_w = usize::from(inner.width).saturating_sub(name_w + counts_w + gap_w + extra_w + 6);
    let scale = balance
        .points
        .iter()
        .map(|pt| pt.progress.max(pt.line.unwrap_or(0)))
        .max()
        .unwrap_or(0);

    let mut header = format!(
        "{}  {}  {:>counts_w$}  {:>gap_w$}",
        pad("control point", name_w),
        pad("", bar_w),
        "passed / line",
        "gap"
    );
    if wide {
        header.push_str(&format!(
            "  {:>9}  {:>9}  {:>14}",
            "planned", "measured", "line due by"
        ));
    }
    widgets::line(inner, buf, Line::from(Span::styled(header, theme.header)));

    for (i, pt) in balance.points.iter().enumerate() {
        let y = inner.y + 1 + i as u16;
        if y >= inner.bottom() {
            break;
        }
        let name = pt.stage.map_or("Hand-over", |s| p.stage(s).name.as_str());
        let fill = if study.missing.plan {
            theme.accent
        } else if pt.is_short() {
            theme.warning
        } else {
            theme.ok
        };
        let mut spans = vec![Span::raw(pad(&fit(name, name_w), name_w)), Span::raw("  ")];
        spans.extend(bar(bar_w, pt, scale, fill, theme));
        let counts = match pt.line {
            Some(l) => format!(
                "{} / {}",
                thousands(u64::from(pt.progress)),
                thousands(u64::from(l))
            ),
            None => format!("{} / —", thousands(u64::from(pt.progress))),
        };
        spans.push(Span::raw(format!("  {counts:>counts_w$}  ")));
        // Without a plan every line is 0: a surplus over it would be no finding.
        let (gap, gap_style) = match pt.gap() {
            _ if study.missing.plan => ("no plan".to_owned(), theme.muted),
            None => (gap_text(pt), theme.muted),
            Some(g) => (gap_text(pt), widgets::lead_style(g, theme)),
        };
        spans.push(Span::styled(format!("{gap:>gap_w$}"), gap_style));
        if wide {
            spans.push(Span::raw(format!(
                "  {:>9}  {:>9}  {:>14}",
                planned(study, balance, pt),
                days(pt.measured_days),
                due(study, balance, pt)
            )));
        }
        widgets::line(
            Rect::new(inner.x, y, inner.width, 1),
            buf,
            Line::from(spans),
        );
    }
}
