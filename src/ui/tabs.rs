//! The header: the programme's name and the tabs.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::app::{App, View};

/// How much of each tab's title the header has room for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    /// ` 3 Assembly queue `
    Full,
    /// ` 3 Queue `
    Short,
    /// ` 3 Queue`: one space between tabs.
    Tight,
    /// ` 3`, and the current tab ` 3 Queue `.
    Digits,
}

/// The label of a tab, with the problem count on the Problems tab.
fn label(app: &App, view: View, fit: Fit) -> String {
    let n = view.index() + 1;
    let title = match fit {
        Fit::Full => view.title(),
        _ => view.short_title(),
    };
    let count = match view {
        View::Problems if !app.data.snapshot.problems.is_empty() => {
            format!(" ({})", app.data.snapshot.problems.len())
        }
        _ => String::new(),
    };
    match fit {
        Fit::Digits if view != app.view => format!(" {n}"),
        Fit::Tight if view != app.view => format!(" {n} {title}{count}"),
        _ => format!(" {n} {title}{count} "),
    }
}

/// The most of the tab titles that fits beside the programme's name.
fn fit(app: &App, width: u16) -> Fit {
    let room = usize::from(width).saturating_sub(title(app, width).width() + 1);
    [Fit::Full, Fit::Short, Fit::Tight]
        .into_iter()
        .find(|&f| {
            View::ALL
                .iter()
                .map(|&v| label(app, v, f).width())
                .sum::<usize>()
                <= room
        })
        .unwrap_or(Fit::Digits)
}

/// The programme's name as the header shows it, cut to leave room for the tabs.
fn title(app: &App, width: u16) -> String {
    // Before the first load no programme is known yet, which is not "no programme".
    let name = if app.first_loading() {
        "loading…"
    } else {
        app.data.programme().name()
    };
    let max = (usize::from(width) / 5).max(8);
    format!(" {} ", super::widgets::fit(name, max))
}

/// The columns each tab takes, for mouse clicks.
pub fn spans(app: &App, area: Rect) -> Vec<(View, u16, u16)> {
    let mut x = area.x + title(app, area.width).width() as u16 + 1;
    let fit = fit(app, area.width);
    let mut out = Vec::new();
    for view in View::ALL {
        let w = label(app, view, fit).width() as u16;
        out.push((view, x, x.saturating_add(w)));
        x = x.saturating_add(w);
    }
    out
}

/// The tab under column `x` of the header row.
pub fn hit(app: &App, area: Rect, x: u16) -> Option<View> {
    spans(app, area)
        .into_iter()
        .find(|&(_, start, end)| (start..end).contains(&x))
        .map(|(v, _, _)| v)
}

/// Draws the header: the programme's name and the tabs, the current one marked.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut spans = vec![
        Span::styled(
            title(app, area.width),
            theme
                .accent
                .add_modifier(ratatui::style::Modifier::REVERSED),
        ),
        Span::raw(" "),
    ];
    let fit = fit(app, area.width);
    for view in View::ALL {
        let style = if view == app.view {
            theme.selected.patch(theme.accent)
        } else if view == View::Problems && app.data.snapshot.errors() > 0 {
            theme.error
        } else {
            theme.muted
        };
        spans.push(Span::styled(label(app, view, fit), style));
    }
    super::widgets::line(area, buf, Line::from(spans));
}
