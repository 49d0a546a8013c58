//! The Overview's queue: vehicles per stage as bars (or the one-line pipeline when short
//! of height), and the vehicles that need attention.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::Data;
use crate::app::overview::State;
use crate::ui::Theme;
use crate::ui::widgets::{self, block, plural, thousands};

/// The queue by stage: a summary line, then a bar per stage (two columns, or the
/// queue view's one-line pipeline, when short of height).
pub(super) fn render_stages(
    state: &State,
    data: &Data,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
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
    // Not started is what is left of the contract: a refused queue or deliveries file, or a
    // record left out, would count its vehicles here, so the count says it is incomplete.
    let not_started = format!(" · {} not started", thousands(total.not_started() as u64));
    let unsure = if data.completeness.is_complete() {
        ""
    } else {
        " (incomplete)"
    };
    if Line::from(summary.clone()).width() + not_started.width() + unsure.width() <= room {
        summary.push(Span::raw(not_started));
        summary.push(Span::styled(unsure, theme.error));
    }
    let outer = if in_title {
        let mut spans = vec![Span::styled(format!("{title}·"), theme.accent)];
        spans.extend(summary.iter().cloned());
        spans.push(Span::raw(" "));
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.muted)
            .title(widgets::cut(
                Line::from(spans),
                usize::from(area.width.saturating_sub(2)),
            ))
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
            widgets::pipeline(p, &total.per_stage, theme, rest.width),
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
/// The vehicles on hold grouped by reason, one line each, most vehicles first; the rest
/// counted on the last line when they do not all fit.
pub(super) fn render_holds(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height < 3 || state.holds.is_empty() {
        return;
    }
    let outer = block("On hold, by reason", theme);
    let inner = outer.inner(area);
    (&outer).render(area, buf);
    let rows = usize::from(inner.height);
    let width = usize::from(inner.width.saturating_sub(1));
    let shown = if state.holds.len() > rows {
        rows.saturating_sub(1)
    } else {
        rows
    };
    for (k, words) in state.holds.iter().take(shown).enumerate() {
        let line = Line::from(Span::raw(format!(" {}", widgets::fit(words, width))));
        widgets::line(
            Rect::new(inner.x, inner.y + k as u16, inner.width, 1),
            buf,
            line,
        );
    }
    let rest = state.holds.len() - shown.min(state.holds.len());
    if rest > 0 {
        let line = Line::from(Span::styled(
            format!(" and {} more", widgets::plural(rest, "reason", "reasons")),
            theme.muted,
        ));
        widgets::line(
            Rect::new(inner.x, inner.y + shown as u16, inner.width, 1),
            buf,
            line,
        );
    }
}

/// The number of rows [`render_holds`] wants: a line per reason and the box.
pub(super) fn holds_height(state: &State) -> u16 {
    if state.holds.is_empty() {
        0
    } else {
        u16::try_from(state.holds.len())
            .unwrap_or(u16::MAX)
            .saturating_add(2)
    }
}

pub(super) fn render_attention(
    state: &State,
    data: &Data,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
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
