//! The bottom line: when the data was loaded, what changed, what is wrong, and the keys
//! that matter now.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::widgets::{clock, plural};
use crate::app::keymap;
use crate::app::loading::works_while_first_loading;
use crate::app::{Action, App, FileHealth, View};

/// Draws the status line into the one-row `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let snapshot = &app.data.snapshot;
    let mut left: Vec<Span> = Vec::new();
    if app.first_loading() {
        // Nothing loaded yet: the loading screen says how far it has gone.
    } else if app.live {
        left.push(Span::styled(
            format!(" loaded {} ", clock(app.data.loaded_at)),
            theme.muted,
        ));
    } else if app.flash.is_none() {
        left.push(Span::styled(
            format!(" figures for {} ", app.data.today()),
            theme.muted,
        ));
    }
    // A file whose latest save did not load: where it went wrong and since when.
    let stale: Vec<(&str, std::time::SystemTime, bool)> = snapshot
        .files
        .iter()
        .filter_map(|f| match f.health {
            FileHealth::Stale {
                since,
                has_last_good,
            } => Some((f.name.as_str(), since, has_last_good)),
            FileHealth::Good => None,
        })
        .collect();
    if let Some(&(name, since, has_last_good)) = stale.first() {
        // Its first error, else its first problem (an empty file is a warning).
        let of_file = || {
            snapshot
                .problems
                .iter()
                .filter(|p| p.file.as_deref() == Some(name))
        };
        let problem = of_file()
            .find(|p| p.is_error())
            .or_else(|| of_file().next());
        let short = name.rsplit('/').next().unwrap_or(name);
        let at = problem.map_or_else(String::new, |p| {
            p.place().strip_prefix(name).unwrap_or_default().to_owned()
        });
        let place = format!("{short}{at}");
        let more = if stale.len() > 1 {
            format!(" (+{} more)", stale.len() - 1)
        } else {
            String::new()
        };
        let kept = if has_last_good {
            "last good kept"
        } else {
            "not shown"
        };
        // One-shot renders (`print`) must not depend on the clock.
        let when = if app.live {
            format!(" since {}", clock(since))
        } else {
            String::new()
        };
        left.push(Span::styled(
            format!("⚠ {place}{when}: {kept}{more} "),
            theme.error,
        ));
    } else if snapshot.errors() > 0 {
        left.push(Span::styled(
            format!("{} ", plural(snapshot.errors(), "error", "errors")),
            theme.error,
        ));
    } else if snapshot.warnings() > 0 {
        left.push(Span::styled(
            format!("{} ", plural(snapshot.warnings(), "warning", "warnings")),
            theme.warning,
        ));
    }
    // Changes since the user last looked at the Changes view, and the key that shows it.
    let unseen = app.changes.log.unseen();
    if unseen > 0 {
        let key = keymap::BINDINGS
            .iter()
            .find(|b| b.action == Action::Show(View::Changes))
            .map_or("", |b| b.label);
        left.push(Span::styled(
            format!("{} · {key} ", plural(unseen, "change", "changes")),
            theme.accent,
        ));
    }
    for alert in &app.alerts {
        left.push(Span::styled(format!("⚠ {alert} "), theme.warning));
    }
    // A long reload: how far it has gone, while the figures of the last load stay.
    if let Some(text) = crate::app::loading::status_text(app) {
        let pad = if left.is_empty() { " " } else { "" };
        left.push(Span::styled(format!("{pad}{text} "), theme.accent));
    }
    if let Some(flash) = &app.flash {
        let pad = if left.is_empty() { " " } else { "" };
        left.push(Span::styled(format!("{pad}{} ", flash.text), theme.accent));
    }
    if app.is_typing() {
        left.push(Span::styled(
            "typing a filter: Enter keeps it, Esc clears it",
            theme.muted,
        ));
    }

    let mut hints: Vec<String> = keymap::bindings_for(app.view)
        .filter(|b| b.hint && (!app.first_loading() || works_while_first_loading(b.action)))
        .map(|b| {
            format!(
                "{} {}",
                b.label,
                b.help.split([' ', ':']).next().unwrap_or("")
            )
        })
        .collect();
    let left_line = Line::from(left);
    let left_width = left_line.width() as u16;
    super::widgets::line(area, buf, left_line);
    // The hints that fit beside the left part, dropping from the middle of the list so
    // that `? help` and `q quit` stay last to go.
    let mut right = format!("{} ", hints.join("  "));
    while hints.len() > 2 && left_width + right.width() as u16 >= area.width {
        hints.remove(hints.len() - 3);
        right = format!("{} ", hints.join("  "));
    }
    let right_width = right.width() as u16;
    if left_width + right_width < area.width {
        let x = area.right() - right_width;
        super::widgets::line(
            Rect::new(x, area.y, right_width, 1),
            buf,
            Line::from(Span::styled(right, theme.muted)),
        );
    }
}
