//! The forecast in words for the Deliveries view: per family and for the programme, the
//! delivery rate over the recent window, the projected last delivery and how it stands
//! against the plan. One line per outlook with the columns aligned; the words shrink before
//! a line goes.

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::Data;
use crate::app::words::{last_months, month_name};
use crate::domain::Date;
use crate::domain::forecast::{Finish, Forecast, Outlook};
use crate::ui::{Theme, widgets};

/// How much a line says, from the most to the least.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tier {
    /// Delivered of contracted, the rate in words, what is left, the finish to the month,
    /// the planned finish and the verdict.
    Full,
    /// The rate in words, the finish year and the verdict.
    Rate,
    /// The rate per month only.
    ShortRate,
    /// The finish year and the verdict.
    Bare,
}

const TIERS: [Tier; 4] = [Tier::Full, Tier::Rate, Tier::ShortRate, Tier::Bare];

/// The outlooks to show, in order: the families with vehicles on contract, then the
/// programme (unless a single family already says it all). With more than `budget`, the
/// families that finish last (or cannot finish) are kept, and the programme.
pub fn rows(forecast: &Forecast, budget: usize) -> Vec<&Outlook> {
    let families: Vec<&Outlook> = forecast
        .families
        .iter()
        .filter(|o| o.contracted > 0)
        .collect();
    if families.len() <= 1 {
        return families.into_iter().take(budget).collect();
    }
    let budget = budget.max(1);
    if families.len() < budget {
        let mut rows = families;
        rows.push(&forecast.programme);
        return rows;
    }
    // The latest finishes first; a family that cannot be projected is later than any.
    let lateness = |o: &Outlook| match o.finish {
        Finish::Projected(day) => (1, day),
        Finish::NotStarted | Finish::Stalled(_) | Finish::Blocked => (2, Date::MAX),
        Finish::Delivered(_) => (0, Date::MIN),
    };
    let mut order: Vec<usize> = (0..families.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(lateness(families[i])));
    order.truncate(budget - 1);
    order.sort_unstable();
    let mut rows: Vec<&Outlook> = order.into_iter().map(|i| families[i]).collect();
    rows.push(&forecast.programme);
    rows
}

/// One column of a line: its text and style.
type Part = (String, Style);

/// The columns of one outlook's line at `tier`; empty texts keep the columns aligned.
fn parts(o: &Outlook, tier: Tier, data: &Data, theme: &Theme) -> Vec<Part> {
    let months = last_months(data.forecast.window_months);
    let rate = &o.rate;
    let per_month = format!("{:.1} a month", rate.per_month());
    let nothing_due = data.figures.schedule.planned_to_date <= 0.0;
    let no_finish = if nothing_due {
        theme.muted
    } else {
        theme.warning
    };
    let rate_text = match (&o.finish, tier) {
        (Finish::Delivered(_), _) => {
            format!("all {} delivered", widgets::thousands(o.contracted.into()))
        }
        (Finish::NotStarted, Tier::Bare | Tier::ShortRate) => "none yet".to_owned(),
        (Finish::NotStarted, _) => "none delivered yet".to_owned(),
        (_, Tier::ShortRate) if rate.is_zero() => "none lately".to_owned(),
        (_, _) if rate.is_zero() => format!("none in {months}"),
        (_, Tier::ShortRate) => per_month,
        (_, _) if rate.clipped => {
            format!("{} since {}, {per_month}", counted(rate), rate.first_day)
        }
        (_, _) => format!("{} in {months}, {per_month}", counted(rate)),
    };
    let (finish, finish_style) = match o.finish {
        Finish::Projected(day) => (
            match tier {
                Tier::Full => format!("→ last in {} {}", month_name(day.month()), day.year()),
                Tier::Bare => format!("→ {}", day.year()),
                _ => format!("→ last in {}", day.year()),
            },
            Style::new(),
        ),
        Finish::Delivered(Some(day)) => (format!("the last on {day}"), theme.ok),
        Finish::Delivered(None) => ("nothing to deliver".to_owned(), theme.muted),
        Finish::Stalled(last) if tier == Tier::Full => (
            format!("no finish can be projected (last hand-over {last})"),
            no_finish,
        ),
        Finish::NotStarted | Finish::Stalled(_) | Finish::Blocked => (
            if tier == Tier::Bare {
                "no finish".to_owned()
            } else {
                "no finish can be projected".to_owned()
            },
            no_finish,
        ),
    };
    // The slip in months against the end of the planned finish year, with a mark when the
    // rate it rests on is thin (few hand-overs or a short window).
    let (mut late, late_style) = match (o.slip_months(), o.slip_words()) {
        (Some(m), Some(words)) if m > 0 => (words, theme.warning),
        (Some(_), Some(words)) => (words, theme.ok),
        _ => (String::new(), Style::new()),
    };
    if !late.is_empty() && o.finish_rate.confidence_note().is_some() {
        late.push_str(", low confidence");
    }
    // The programme's outlook carries the programme's name; "Programme" says what the line
    // is, as on the Overview's gauges.
    let name = if std::ptr::eq(o, &data.forecast.programme) {
        "Programme".to_owned()
    } else {
        o.name.clone()
    };
    let mut out: Vec<Part> = vec![(name, theme.accent)];
    if tier == Tier::Full {
        out.push((
            format!(
                "{} of {} delivered",
                widgets::thousands(o.delivered.into()),
                widgets::thousands(o.contracted.into())
            ),
            Style::new(),
        ));
    }
    if tier != Tier::Bare {
        out.push((rate_text, Style::new()));
    }
    if tier == Tier::Full {
        let left = match o.finish {
            Finish::Delivered(_) => String::new(),
            _ => format!("{} to come", widgets::thousands(o.remaining().into())),
        };
        out.push((left, Style::new()));
    }
    // The programme's finish is its last family's, at that family's rate: say so, so that
    // the date does not read as the programme's own rate carried on.
    let finish = match (&o.finish_rests_on, &o.finish, tier) {
        (Some(family), Finish::Projected(_), Tier::Full) => format!("{finish} ({family}'s rate)"),
        (Some(family), Finish::Projected(_), _) => format!("{finish} ({family})"),
        _ => finish,
    };
    out.push((finish, finish_style));
    if tier == Tier::Full {
        let plan = o
            .planned_finish
            .map_or_else(String::new, |y| format!("planned by {y}"));
        out.push((plan, theme.muted));
    }
    out.push((late, late_style));
    out
}

/// The lines for `rows`, at the richest tier that fits `width`.
fn lines<'a>(rows: &[&Outlook], data: &Data, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    const GAP: usize = 2;
    let layout = |tier: Tier| {
        let table: Vec<Vec<Part>> = rows.iter().map(|o| parts(o, tier, data, theme)).collect();
        let columns = table.first().map_or(0, Vec::len);
        let widths: Vec<usize> = (0..columns)
            .map(|c| table.iter().map(|r| r[c].0.width()).max().unwrap_or(0))
            .collect();
        // The last column needs no padding.
        let total = (1 + widths.iter().map(|w| w + GAP).sum::<usize>()).saturating_sub(GAP);
        (table, widths, total)
    };
    let (table, widths, _) = TIERS
        .iter()
        .map(|&t| layout(t))
        .find(|(_, _, total)| *total <= width)
        .unwrap_or_else(|| layout(Tier::Bare));
    table
        .into_iter()
        .map(|row| {
            let last = row.len().saturating_sub(1);
            let mut spans = vec![Span::raw(" ")];
            for (c, (text, style)) in row.into_iter().enumerate() {
                let pad = if c < last {
                    widths[c].saturating_sub(text.width()) + GAP
                } else {
                    0
                };
                spans.push(Span::styled(text, style));
                if pad > 0 {
                    spans.push(Span::raw(" ".repeat(pad)));
                }
            }
            Line::from(spans)
        })
        .collect()
}

/// The forecast's lines in `area`, one per outlook; with `boxed`, in a titled box that
/// says over which window the rates are measured.
pub fn render(data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer, boxed: bool) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let inner = if boxed {
        let title = format!(
            "Forecast at the rates of {}, to {}",
            last_months(data.forecast.window_months),
            data.today()
        );
        let block = widgets::block(title, theme);
        let inner = block.inner(area);
        block.render(area, buf);
        inner
    } else {
        area
    };
    let rows = rows(&data.forecast, usize::from(inner.height));
    for (k, line) in lines(&rows, data, theme, usize::from(inner.width))
        .into_iter()
        .enumerate()
    {
        let y = inner.y + k as u16;
        if y >= inner.bottom() {
            break;
        }
        widgets::line(Rect::new(inner.x, y, inner.width, 1), buf, line);
    }
}

/// The vehicles the rate counts, so that the rate beside them adds up: whole hand-overs when
/// they are what is counted, else "30.3 counted" (a hand-over counts in proportion to the
/// days of its interval inside the window, `domain::forecast::rate`).
fn counted(rate: &crate::domain::forecast::Rate) -> String {
    let counted = rate.counted();
    if (counted - f64::from(rate.delivered)).abs() < 0.05 {
        widgets::thousands(rate.delivered.into())
    } else {
        format!("{counted:.1} counted")
    }
}
