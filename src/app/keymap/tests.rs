//! The key table's tests: which key does what, where.

use super::*;

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, NONE)
}

#[test]
fn vim_keys_and_arrows_move() {
    assert_eq!(
        action(press(KeyCode::Char('j')), View::Queue, false),
        Some(Action::Down)
    );
    assert_eq!(
        action(press(KeyCode::Down), View::Queue, false),
        Some(Action::Down)
    );
    assert_eq!(
        action(
            KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT),
            View::Queue,
            false
        ),
        Some(Action::Bottom)
    );
}

#[test]
fn keys_only_work_where_they_make_sense() {
    assert_eq!(
        action(press(KeyCode::Char('/')), View::Overview, false),
        None
    );
    assert_eq!(
        action(press(KeyCode::Char('/')), View::Queue, false),
        Some(Action::StartFilter)
    );
}

#[test]
fn typing_takes_letters_but_ctrl_c_still_quits() {
    assert_eq!(
        action(press(KeyCode::Char('q')), View::Queue, true),
        Some(Action::FilterChar('q'))
    );
    assert_eq!(
        action(KeyEvent::new(KeyCode::Char('c'), CTRL), View::Queue, true),
        Some(Action::Quit)
    );
}

#[test]
fn modifiers_a_terminal_adds_do_not_break_a_binding() {
    // Shift-Tab arrives as BackTab with Shift.
    assert_eq!(
        action(
            KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
            View::Overview,
            false
        ),
        Some(Action::PreviousView)
    );
    assert_eq!(
        action(
            KeyEvent::new(KeyCode::Down, KeyModifiers::SHIFT | KeyModifiers::SUPER),
            View::Queue,
            false
        ),
        Some(Action::Down)
    );
    // Control and Alt still tell keys apart.
    assert_eq!(
        action(
            KeyEvent::new(KeyCode::Char('l'), CTRL | KeyModifiers::SHIFT),
            View::Variants,
            false
        ),
        Some(Action::Repaint)
    );
    assert_eq!(
        action(
            KeyEvent::new(KeyCode::Char('q'), KeyModifiers::ALT),
            View::Overview,
            false
        ),
        None
    );
}

#[test]
fn releases_are_ignored() {
    let mut k = press(KeyCode::Char('q'));
    k.kind = KeyEventKind::Release;
    assert_eq!(action(k, View::Overview, false), None);
}

#[test]
fn every_view_has_help_and_quit() {
    for v in View::ALL {
        let actions: Vec<_> = bindings_for(v).map(|b| b.action).collect();
        assert!(actions.contains(&Action::Quit) && actions.contains(&Action::ToggleHelp));
    }
}

#[test]
fn seven_shows_the_flow_and_eight_the_changes() {
    assert_eq!(
        action(press(KeyCode::Char('7')), View::Overview, false),
        Some(Action::Show(View::Flow))
    );
    assert_eq!(
        action(press(KeyCode::Char('8')), View::Overview, false),
        Some(Action::Show(View::Changes))
    );
    // The Changes view scrolls with the list keys.
    assert_eq!(
        action(press(KeyCode::PageDown), View::Changes, false),
        Some(Action::PageDown)
    );
}
