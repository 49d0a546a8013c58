//! Every colour of the dashboard, by meaning. Views ask for `theme.error`, never for red.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

use serde::Deserialize;

/// The colours of the theme, as names (`green`, `light-red`), `#rrggbb` or 0–255 indexes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeColours {
    /// The colour of what is on plan or fine.
    pub ok: Option<String>,
    /// The colour of what needs a look (behind plan, holds).
    pub warning: Option<String>,
    /// The colour of what is wrong (errors, no data).
    pub error: Option<String>,
    /// The colour of titles, the selected tab and keys.
    pub accent: Option<String>,
    /// The colour of secondary text.
    pub muted: Option<String>,
}

/// Every colour and mark of the screen, by what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// On plan, delivered, good.
    pub ok: Style,
    /// Behind plan, on hold, warnings.
    pub warning: Style,
    /// Overdue, errors.
    pub error: Style,
    /// Titles, the selected tab, figures that matter.
    pub accent: Style,
    /// Secondary text: units, hints, borders.
    pub muted: Style,
    /// The selected row.
    pub selected: Style,
    /// Table headers.
    pub header: Style,
    /// The colour of planned figures in charts (delivered use `ok`).
    pub plan: Color,
    /// True when `NO_COLOR` (or the caller) turned colour off: marks only.
    pub no_color: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::from_config(&ThemeColours::default(), false).0
    }
}

impl Theme {
    /// The theme from the config's colours; with `no_color`, no colour at all (bold,
    /// dim and reverse still mark meaning). Returns the colour names it could not read.
    pub fn from_config(c: &ThemeColours, no_color: bool) -> (Theme, Vec<String>) {
        let mut bad = Vec::new();
        let mut colour = |given: &Option<String>, default: Color| match given {
            Some(name) => Color::from_str(name).unwrap_or_else(|_| {
                bad.push(format!(
                    "theme colour `{}` is not a colour name, #rrggbb or 0-255",
                    crate::text::clean(name)
                ));
                default
            }),
            None => default,
        };
        let ok = colour(&c.ok, Color::Green);
        let warning = colour(&c.warning, Color::Yellow);
        let error = colour(&c.error, Color::LightRed);
        let accent = colour(&c.accent, Color::Cyan);
        let muted = colour(&c.muted, Color::DarkGray);
        let theme = if no_color {
            Theme {
                ok: Style::new(),
                warning: Style::new().add_modifier(Modifier::BOLD),
                error: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                accent: Style::new().add_modifier(Modifier::BOLD),
                muted: Style::new().add_modifier(Modifier::DIM),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                header: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                plan: Color::Reset,
                no_color,
            }
        } else {
            Theme {
                ok: Style::new().fg(ok),
                warning: Style::new().fg(warning),
                error: Style::new().fg(error).add_modifier(Modifier::BOLD),
                accent: Style::new().fg(accent).add_modifier(Modifier::BOLD),
                muted: Style::new().fg(muted),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                header: Style::new().fg(accent).add_modifier(Modifier::BOLD),
                plan: muted,
                no_color,
            }
        };
        (theme, bad)
    }

    /// True when the `NO_COLOR` convention asks for no colour.
    pub fn no_color_requested() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }
}
