//! The header: the programme's name and the tabs.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::app::keymap;
use crate::app::{Action, App, View};

/// How much of each tab's title the header has room for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    /// ` 3 Assembly queue `
    Full,
    /// ` 3 Queue `
    Short,
    /// ` 3 Queue`: one space between tabs.
    Tight,
    /// ` 4 Deliv`: short names cut to a few letters, one space between tabs; the
    /// current tab ends with a space.
    Abbreviated,
    /// ` 3`, and the current tab ` 3 Queue `.
    Digits,
}

/// The label of a tab, with the problem count on the Problems tab.
fn label(app: &App, view: View, fit: Fit) -> String {
    let n = key(view);
    let title = match fit {
        Fit::Full => view.title(),
        Fit::Abbreviated => abbreviation(view),
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
        Fit::Tight | Fit::Abbreviated if view != app.view => format!(" {n} {title}{count}"),
        _ => format!(" {n} {title}{count} "),
    }
}

/// A view's name in a few letters, for eight tabs at 80 columns; a name already that
/// short stays as it is.
fn abbreviation(view: View) -> &'static str {
    match view {
        View::Overview => "Over",
        View::Variants => "Vars",
        View::Deliveries => "Deliv",
        View::Problems => "Probs",
        View::Balance => "Bal",
        View::Changes => "Chg",
        // Short enough already (`Queue`), and any view added later until it has one.
        #[allow(unreachable_patterns)]
        _ => view.short_title(),
    }
}

/// The key that shows `view`, from the key table (a tab's number is its key, so a view
/// whose key is free for another still shows the right one).
fn key(view: View) -> &'static str {
    keymap::BINDINGS
        .iter()
        .find(|b| b.action == Action::Show(view))
        .map_or("", |b| b.label)
}

/// The most of the tab titles that fits beside the programme's name.
fn fit(app: &App, width: u16) -> Fit {
    let room = usize::from(width).saturating_sub(title(app, width).width() + 1);
    [Fit::Full, Fit::Short, Fit::Tight, Fit::Abbreviated]
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Data;
    use crate::domain::{Date, Info, Programme};

    fn app(name: &str, problems: usize) -> App {
        let day = Date::from_ymd_opt(2026, 11, 26).unwrap();
        let mut snapshot =
            crate::status::Loader::new(Vec::new(), crate::status::Limits::default()).load(day);
        snapshot.programme = std::sync::Arc::new(Programme {
            info: Some(Info {
                name: name.to_owned(),
                ..Info::default()
            }),
            ..Programme::default()
        });
        snapshot.problems = (0..problems)
            .map(|i| crate::status::Problem::warning("f.yaml", Default::default(), format!("p{i}")))
            .collect();
        App::new(Data::new(snapshot, day))
    }

    #[test]
    fn eight_tabs_keep_their_names_at_80_columns() {
        // The sample's name and a dozen problems, on the widest tab (Deliveries).
        let mut a = app("CaMo Belgium", 12);
        a.view = View::Deliveries;
        let fit = fit(&a, 80);
        assert_eq!(fit, Fit::Abbreviated);
        // 80 - " CaMo Belgium " (14) - 1 = 65 columns for the tabs; the eight take
        // " 1 Over" 7 + " 2 Vars" 7 + " 3 Queue" 8 + " 4 Deliv " 9 + " 5 Probs (12)" 13
        // + " 6 Bal" 6 + " 7 Flow" 7 + " 8 Chg" 6 = 63.
        let used: usize = View::ALL.iter().map(|&v| label(&a, v, fit).width()).sum();
        assert_eq!(used, 63);
        assert!(used <= 65);
        let spans = spans(&a, Rect::new(0, 0, 80, 1));
        assert_eq!(spans.first().map(|s| s.1), Some(15));
        assert_eq!(spans.last().map(|s| (s.0, s.2)), Some((View::Changes, 78)));
    }

    #[test]
    fn wider_terminals_keep_the_longer_names() {
        let a = app("CaMo Belgium", 0);
        assert_eq!(fit(&a, 200), Fit::Full);
        assert_eq!(fit(&a, 40), Fit::Digits);
        assert_eq!(label(&a, View::Changes, Fit::Short), " 8 Changes ");
        assert_eq!(label(&a, View::Changes, Fit::Abbreviated), " 8 Chg");
    }
}
