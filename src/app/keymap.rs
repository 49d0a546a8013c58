//! Keys to actions, per view. One table serves the key handling, the help overlay and the
//! hints on the status line, so they cannot disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{Action, View};

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

/// One line of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys, each with the modifiers it needs.
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// The keys as the help shows them.
    pub label: &'static str,
    /// What the keys ask for.
    pub action: Action,
    /// What the help says the keys do.
    pub help: &'static str,
    /// The views where the binding works; empty means every view.
    pub views: &'static [View],
    /// Shown on the status line of those views.
    pub hint: bool,
}

const LISTS: &[View] = &[
    View::Variants,
    View::Queue,
    View::Deliveries,
    View::Problems,
    View::Flow,
    View::Changes,
];
const SORTED: &[View] = &[View::Variants, View::Queue];
const FILTERED: &[View] = &[View::Queue];
const DETAIL: &[View] = &[View::Variants, View::Queue, View::Flow];
const LEFT_RIGHT: &[View] = &[View::Deliveries, View::Variants, View::Balance];

macro_rules! bind {
    ($label:literal, [$($key:expr),+], $action:expr, $help:literal, $views:expr, $hint:literal) => {
        Binding { keys: &[$($key),+], label: $label, action: $action, help: $help, views: $views, hint: $hint }
    };
}

/// Every key of the dashboard, in the order the help lists them.
pub const BINDINGS: &[Binding] = &[
    bind!(
        "Tab",
        [(KeyCode::Tab, NONE)],
        Action::NextView,
        "next view",
        &[],
        true
    ),
    bind!(
        "Shift-Tab",
        [(KeyCode::BackTab, NONE)],
        Action::PreviousView,
        "previous view",
        &[],
        false
    ),
    bind!(
        "1",
        [(KeyCode::Char('1'), NONE)],
        Action::Show(View::Overview),
        "Overview",
        &[],
        false
    ),
    bind!(
        "2",
        [(KeyCode::Char('2'), NONE)],
        Action::Show(View::Variants),
        "Variants",
        &[],
        false
    ),
    bind!(
        "3",
        [(KeyCode::Char('3'), NONE)],
        Action::Show(View::Queue),
        "Assembly queue",
        &[],
        false
    ),
    bind!(
        "4",
        [(KeyCode::Char('4'), NONE)],
        Action::Show(View::Deliveries),
        "Deliveries",
        &[],
        false
    ),
    bind!(
        "5",
        [(KeyCode::Char('5'), NONE)],
        Action::Show(View::Problems),
        "Problems",
        &[],
        false
    ),
    bind!(
        "6",
        [(KeyCode::Char('6'), NONE)],
        Action::Show(View::Balance),
        "Line of Balance",
        &[],
        false
    ),
    bind!(
        "7",
        [(KeyCode::Char('7'), NONE)],
        Action::Show(View::Flow),
        "Flow",
        &[],
        false
    ),
    bind!(
        "8",
        [(KeyCode::Char('8'), NONE)],
        Action::Show(View::Changes),
        "Changes",
        &[],
        false
    ),
    bind!(
        "↑/k",
        [(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)],
        Action::Up,
        "move up",
        LISTS,
        false
    ),
    bind!(
        "↓/j",
        [(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)],
        Action::Down,
        "move down",
        LISTS,
        true
    ),
    bind!(
        "←/h",
        [(KeyCode::Left, NONE), (KeyCode::Char('h'), NONE)],
        Action::Left,
        "scroll left / previous year / previous family",
        LEFT_RIGHT,
        false
    ),
    bind!(
        "→/l",
        [(KeyCode::Right, NONE), (KeyCode::Char('l'), NONE)],
        Action::Right,
        "scroll right / next year / next family",
        LEFT_RIGHT,
        false
    ),
    bind!(
        "PgUp",
        [(KeyCode::PageUp, NONE), (KeyCode::Char('b'), CTRL)],
        Action::PageUp,
        "page up",
        LISTS,
        false
    ),
    bind!(
        "PgDn",
        [(KeyCode::PageDown, NONE), (KeyCode::Char('f'), CTRL)],
        Action::PageDown,
        "page down",
        LISTS,
        false
    ),
    bind!(
        "Home/g",
        [(KeyCode::Home, NONE), (KeyCode::Char('g'), NONE)],
        Action::Top,
        "first row",
        LISTS,
        false
    ),
    bind!(
        "End/G",
        [(KeyCode::End, NONE), (KeyCode::Char('G'), NONE)],
        Action::Bottom,
        "last row",
        LISTS,
        false
    ),
    bind!(
        "/",
        [(KeyCode::Char('/'), NONE)],
        Action::StartFilter,
        "filter: text, serial: variant: family: stage: site: lot: hold: due:, overdue, held",
        FILTERED,
        true
    ),
    bind!(
        "s",
        [(KeyCode::Char('s'), NONE)],
        Action::SortNext,
        "sort by the next column",
        SORTED,
        true
    ),
    bind!(
        "S",
        [(KeyCode::Char('S'), NONE)],
        Action::SortReverse,
        "reverse the sort",
        SORTED,
        false
    ),
    bind!(
        "t",
        [(KeyCode::Char('t'), NONE)],
        Action::SwitchChart,
        "charts: per year / the forecast's trend",
        &[View::Deliveries],
        true
    ),
    bind!(
        "Enter",
        [(KeyCode::Enter, NONE)],
        Action::Open,
        "open the detail",
        DETAIL,
        true
    ),
    bind!(
        "Esc",
        [(KeyCode::Esc, NONE)],
        Action::Close,
        "close the detail / clear the filter",
        &[],
        false
    ),
    bind!(
        "r",
        [(KeyCode::Char('r'), NONE)],
        Action::Reload,
        "reload every file now",
        &[],
        false
    ),
    bind!(
        "Ctrl-L",
        [(KeyCode::Char('l'), CTRL)],
        Action::Repaint,
        "repaint the screen",
        &[],
        false
    ),
    bind!(
        "?",
        [(KeyCode::Char('?'), NONE)],
        Action::ToggleHelp,
        "help",
        &[],
        true
    ),
    bind!(
        "q",
        [(KeyCode::Char('q'), NONE), (KeyCode::Char('c'), CTRL)],
        Action::Quit,
        "quit (also Ctrl-C)",
        &[],
        true
    ),
];

impl Binding {
    /// True when the binding works in `view`.
    pub fn applies_to(&self, view: View) -> bool {
        self.views.is_empty() || self.views.contains(&view)
    }

    /// True when a key `code` with the [`significant`] modifiers `mods` is one of the
    /// binding's keys.
    fn matches(&self, code: KeyCode, mods: KeyModifiers) -> bool {
        self.keys
            .iter()
            .any(|&(c, m)| c == code && significant(m) == mods)
    }
}

/// The modifiers that tell bindings apart: Control and Alt. Shift is part of the key a
/// terminal sends ('S', '?', 'G', and Shift-Tab, which arrives as BackTab *with* Shift),
/// and terminals add other modifiers of their own (Super, Hyper, Meta from the kitty
/// protocol); none of them may break a binding.
fn significant(mods: KeyModifiers) -> KeyModifiers {
    mods & (KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// The bindings that work in `view`, in help order.
pub fn bindings_for(view: View) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.applies_to(view))
}

/// The action of a key press in `view`; `typing` is true while a filter takes text.
/// Releases and repeats of non-movement keys do nothing.
pub fn action(key: KeyEvent, view: View, typing: bool) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let mods = significant(key.modifiers);
    if key.code == KeyCode::Char('c') && mods == CTRL {
        return Some(Action::Quit);
    }
    if typing {
        return match key.code {
            KeyCode::Esc => Some(Action::Close),
            KeyCode::Enter => Some(Action::AcceptFilter),
            KeyCode::Backspace => Some(Action::FilterBackspace),
            KeyCode::Char(c) if mods.is_empty() => Some(Action::FilterChar(c)),
            KeyCode::Up => Some(Action::Up),
            KeyCode::Down => Some(Action::Down),
            _ => None,
        };
    }
    BINDINGS
        .iter()
        .find(|b| b.applies_to(view) && b.matches(key.code, mods))
        .map(|b| b.action)
}

#[cfg(test)]
mod tests;
