//! The loading screen, drawn until the first load lands: what is being read, files read
//! of all, records read, a gauge of the bytes read, and the time so far. Its words, and
//! those the status line shows while a long reload runs, are [`crate::app::loading`]'s.
//!
//! Everything drawn comes from [`Loading`], which the runtime refreshes while the load
//! runs; nothing here reads the clock, so a drawing depends on the state alone.
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Gauge, LineGauge, Widget};

use super::widgets::{self, thousands};
use super::{MIN_HEIGHT, MIN_WIDTH, Theme, help, status_line, tabs};
use crate::app::App;
use crate::app::loading::{Loading, Phase, bytes_of, elapsed, percent, phase_words};

/// The panel's widest and its rows: title and border, what is read, the phase, files,
/// bytes, records, a blank, the gauge.
const PANEL_WIDTH: u16 = 64;
const PANEL_HEIGHT: u16 = 9;

/// Draws the loading screen of `loading` into `area`: the tabs, the panel, the status
/// line and the help when asked for; on a terminal too small for them, the few lines
/// that fit.
pub fn render(app: &App, loading: &Loading, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        compact(loading, theme, area, buf);
        return;
    }
    let [header, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    tabs::render(app, theme, header, buf);
    panel(loading, theme, body, buf);
    status_line::render(app, theme, status, buf);
    if app.show_help {
        help::render(app, theme, body, buf);
    }
}

/// The panel in the middle of `area`.
fn panel(loading: &Loading, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let area = widgets::centered(area, PANEL_WIDTH, PANEL_HEIGHT);
    Clear.render(area, buf);
    let block = widgets::block("Loading the status files", theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let inner = inner.inner(ratatui::layout::Margin::new(1, 0));
    let mut lines = vec![
        Line::from(vec![
            Span::styled("from ", theme.muted),
            Span::raw(loading.sources.join(", ")),
        ]),
        Line::from(vec![
            Span::raw(phase_words(loading)),
            Span::styled(format!(", {}", elapsed(loading.elapsed)), theme.muted),
        ]),
    ];
    let progress = loading
        .progress
        .filter(|_| loading.phase() != Phase::Listing);
    if let Some(p) = progress {
        lines.push(Line::from(vec![
            Span::styled("files    ", theme.muted),
            Span::raw(format!(
                "{} of {}",
                thousands(p.files_done),
                thousands(p.files_total)
            )),
        ]));
        lines.push(Line::from(vec![
            Span::styled("data     ", theme.muted),
            Span::raw(bytes_of(p.bytes_done, p.bytes_total)),
        ]));
        // Records are counted as files are parsed; no count is no claim.
        if p.records > 0 {
            lines.push(Line::from(vec![
                Span::styled("records  ", theme.muted),
                Span::raw(thousands(p.records)),
            ]));
        }
    }
    // The gauge on the last row (the seventh at most), the lines above it.
    let gauge_at = inner.height.saturating_sub(1).min(6);
    for (line, row) in lines
        .into_iter()
        .zip(inner.rows().take(usize::from(gauge_at)))
    {
        widgets::line(row, buf, line);
    }
    let gauge_row = inner.rows().nth(usize::from(gauge_at)).unwrap_or_default();
    let ratio = progress.map_or(0.0, |p| p.ratio());
    Gauge::default()
        .gauge_style(theme.accent)
        .ratio(ratio)
        .label(percent(ratio))
        .use_unicode(true)
        .render(gauge_row, buf);
}

/// The loading screen in an area smaller than the frame: a title, a gauge, the files
/// read, the quit key, as many of them as fit.
fn compact(loading: &Loading, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    let ratio = loading.progress.map_or(0.0, |p| p.ratio());
    let files = loading.progress.map_or_else(String::new, |p| {
        format!("{}/{} files", p.files_done, p.files_total)
    });
    let mut rows = area.rows();
    if let Some(row) = rows.next() {
        widgets::line(row, buf, Line::styled("Loading", theme.accent));
    }
    if let Some(row) = rows.next() {
        LineGauge::default()
            .filled_style(theme.accent)
            .unfilled_style(theme.muted)
            .ratio(ratio)
            .label(percent(ratio))
            .render(row, buf);
    }
    if let Some(row) = rows.next() {
        widgets::line(row, buf, Line::raw(files));
    }
    if let Some(row) = rows.next() {
        widgets::line(row, buf, Line::styled("q quit", theme.muted));
    }
}
