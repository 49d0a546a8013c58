//! The loading screen, drawn until the first load lands: what is being read, files read
//! of all, records read, a gauge of the bytes read, and the time so far. And the words
//! the status line shows while a long reload runs.
//!
//! Everything drawn comes from [`Loading`], which the runtime refreshes while the load
//! runs; nothing here reads the clock, so a drawing depends on the state alone.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Gauge, LineGauge, Widget};

use super::widgets::{self, thousands};
use super::{MIN_HEIGHT, MIN_WIDTH, Theme, help, status_line, tabs};
use crate::app::App;
use crate::app::loading::{Loading, Phase};

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

/// What the status line says of a load: `loading: 3 of 11 files, 42%, 2.4 s`; `None`
/// while no load is shown (none runs, or a reload is still young) and during the first
/// load, whose screen says it all.
pub fn status_text(app: &App) -> Option<String> {
    let loading = app.loading.as_ref().filter(|l| l.shown() && !l.first)?;
    let what = match (loading.phase(), loading.progress) {
        (Phase::Reading, Some(p)) => format!(
            "{} of {} files, {}",
            thousands(p.files_done),
            thousands(p.files_total),
            percent(p.ratio())
        ),
        _ => phase_words(loading).to_owned(),
    };
    Some(format!("loading: {what}, {}", elapsed(loading.elapsed)))
}

/// Where the load is, in words.
fn phase_words(loading: &Loading) -> &'static str {
    match loading.phase() {
        Phase::Listing => "listing the files",
        Phase::Reading => "reading the files",
        Phase::Figuring => "merging the files, working out the figures",
    }
}

/// `42%`, rounded down so that 100% means done.
fn percent(ratio: f64) -> String {
    format!("{}%", (ratio.clamp(0.0, 1.0) * 100.0).floor() as u32)
}

/// `2.4 s`, `1 min 05 s`.
fn elapsed(d: Duration) -> String {
    let secs = d.as_secs();
    if secs < 60 {
        format!("{}.{} s", secs, d.subsec_millis() / 100)
    } else {
        format!("{} min {:02} s", secs / 60, secs % 60)
    }
}

/// `63.2 of 151.0 MB`, in the unit of the total.
fn bytes_of(done: u64, total: u64) -> String {
    const KB: f64 = 1000.0;
    let (unit, div) = match total {
        t if t >= 1_000_000_000 => ("GB", KB * KB * KB),
        t if t >= 1_000_000 => ("MB", KB * KB),
        t if t >= 1_000 => ("kB", KB),
        _ => return format!("{done} of {total} bytes"),
    };
    format!(
        "{:.1} of {:.1} {unit}",
        done as f64 / div,
        total as f64 / div
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_times_in_words() {
        assert_eq!(bytes_of(63_200_000, 151_000_000), "63.2 of 151.0 MB");
        assert_eq!(bytes_of(500, 900), "500 of 900 bytes");
        assert_eq!(bytes_of(1_500, 2_000), "1.5 of 2.0 kB");
        assert_eq!(elapsed(Duration::from_millis(2_460)), "2.4 s");
        assert_eq!(elapsed(Duration::from_secs(65)), "1 min 05 s");
        assert_eq!(percent(0.999), "99%");
        assert_eq!(percent(1.0), "100%");
    }
}
