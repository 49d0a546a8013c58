//! Lists that scroll: what a movement action does to a position (the one mapping every
//! view uses, for selections and for scrolled text), and which rows a page shows.

use super::Action;

/// Where a position `current` goes for a movement `action`, in `0..=last`, with `page`
/// rows on screen; `None` when the action is not a movement.
pub fn step(current: usize, last: usize, page: usize, action: Action) -> Option<usize> {
    let page = page.max(1);
    Some(match action {
        Action::Up => current.saturating_sub(1),
        Action::Down => (current + 1).min(last),
        Action::Scroll(n) if n < 0 => current.saturating_sub(usize::from(n.unsigned_abs())),
        Action::Scroll(n) => (current + n.unsigned_abs() as usize).min(last),
        Action::PageUp => current.saturating_sub(page),
        Action::PageDown => (current + page).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    })
}

/// Moves a list selection among `len` rows for a movement action; `page` is the rows
/// visible. Returns false for actions that are not movements (an empty list takes the
/// movements and selects nothing).
pub fn move_selection(
    selected: &mut Option<usize>,
    len: usize,
    action: Action,
    page: usize,
) -> bool {
    if len == 0 {
        *selected = None;
        return step(0, 0, page, action).is_some() && !matches!(action, Action::Scroll(_));
    }
    let last = len - 1;
    let current = selected.unwrap_or(0).min(last);
    match step(current, last, page, action) {
        Some(next) => {
            *selected = Some(next);
            true
        }
        None => false,
    }
}

/// The first row on screen that keeps row `selected` of `len` in a page of `page` rows,
/// moving as little as possible from `offset`.
pub fn keep_in_view(selected: usize, offset: usize, page: usize, len: usize) -> usize {
    let page = page.max(1);
    let offset = if selected < offset {
        selected
    } else if selected >= offset + page {
        selected + 1 - page
    } else {
        offset
    };
    offset.min(len.saturating_sub(page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn movements_stay_in_the_list() {
        assert_eq!(step(0, 9, 4, Action::Up), Some(0));
        assert_eq!(step(8, 9, 4, Action::Down), Some(9));
        assert_eq!(step(9, 9, 4, Action::Down), Some(9));
        assert_eq!(step(5, 9, 4, Action::PageUp), Some(1));
        assert_eq!(step(7, 9, 4, Action::PageDown), Some(9));
        assert_eq!(step(5, 9, 0, Action::PageDown), Some(6));
        assert_eq!(step(5, 9, 4, Action::Top), Some(0));
        assert_eq!(step(5, 9, 4, Action::Bottom), Some(9));
        assert_eq!(step(2, 9, 4, Action::Scroll(-3)), Some(0));
        assert_eq!(step(8, 9, 4, Action::Scroll(3)), Some(9));
        assert_eq!(step(5, 9, 4, Action::Open), None);
    }

    #[test]
    fn an_empty_list_takes_movements_and_selects_nothing() {
        let mut sel = Some(3);
        assert!(move_selection(&mut sel, 0, Action::Down, 5));
        assert_eq!(sel, None);
        assert!(!move_selection(&mut sel, 0, Action::Scroll(1), 5));
        assert!(!move_selection(&mut sel, 0, Action::Open, 5));
        let mut sel = Some(30);
        assert!(move_selection(&mut sel, 10, Action::Up, 5));
        assert_eq!(sel, Some(8));
    }

    #[test]
    fn the_page_follows_the_selection() {
        assert_eq!(keep_in_view(0, 5, 4, 20), 0);
        assert_eq!(keep_in_view(9, 0, 4, 20), 6);
        assert_eq!(keep_in_view(6, 5, 4, 20), 5);
        assert_eq!(keep_in_view(19, 18, 4, 20), 16);
    }
}
