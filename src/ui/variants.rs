//! The variants view (first cut: a placeholder until the view is built).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Theme;
use super::widgets;
use crate::app::{Action, Data};

#[derive(Debug, Default)]
pub struct State {
    typing: bool,
}

impl State {
    pub fn refresh(&mut self, _data: &Data) {}

    pub fn handle(&mut self, _action: Action, _data: &Data) -> bool {
        false
    }

    pub fn is_typing(&self) -> bool {
        self.typing
    }
}

pub fn render(_state: &mut State, _data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer) {
    widgets::empty_note(area, buf, "(view being built)", theme);
}
