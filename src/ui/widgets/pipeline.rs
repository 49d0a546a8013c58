//! The queue by stage in one line, `Hull received 5 › Paint 4 │ Rework 4`: the Assembly
//! queue's header, and the Overview's stages when short of height.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{fit, thousands};
use crate::app::words::capitalised;
use crate::domain::Programme;
use crate::ui::Theme;

/// `Hull received 5 › Variant kit and interior 4 › … │ Rework 4`: `counts` per stage, with
/// the longest labels that fit `width`: names, then ids, then ids with tighter separators,
/// then ids cut shorter.
pub fn pipeline<'a>(p: &Programme, counts: &[u32], theme: &Theme, width: u16) -> Line<'a> {
    let count = |i: usize| counts.get(i).copied().unwrap_or(0);
    let main: Vec<usize> = (0..p.stages.len())
        .filter(|&i| !p.stages[i].rework)
        .collect();
    let rework: Vec<usize> = (0..p.stages.len())
        .filter(|&i| p.stages[i].rework)
        .collect();
    let names: Vec<String> = p.stages.iter().map(|s| s.name.clone()).collect();
    let ids: Vec<String> = p.stages.iter().map(|s| capitalised(&s.id)).collect();
    let longest = ids.iter().map(|s| s.width()).max().unwrap_or(1);
    let mut tries: Vec<(Vec<String>, bool)> = vec![(names, true), (ids.clone(), true)];
    tries.extend((3..=longest.max(3)).rev().map(|k| {
        let cut = ids.iter().map(|s| fit(s, k)).collect();
        (cut, false)
    }));
    let width_of = |labels: &[String], spaced: bool| {
        let sep = if spaced { 3 } else { 1 };
        let group = |set: &[usize]| {
            set.iter()
                .map(|&i| labels[i].width() + 1 + thousands(count(i) as u64).len())
                .sum::<usize>()
                + sep * set.len().saturating_sub(1)
        };
        1 + group(&main)
            + if rework.is_empty() {
                0
            } else {
                sep + group(&rework)
            }
    };
    let last = tries.len() - 1;
    let pick = tries
        .iter()
        .position(|(labels, spaced)| width_of(labels, *spaced) <= usize::from(width))
        .unwrap_or(last);
    let (labels, spaced) = &tries[pick];
    let (arrow, bar) = if *spaced {
        (" › ", " │ ")
    } else {
        ("›", "│")
    };
    let mut spans = vec![Span::raw(" ")];
    let push = |set: &[usize], style: Style, spans: &mut Vec<Span<'a>>| {
        for (k, &i) in set.iter().enumerate() {
            if k > 0 {
                spans.push(Span::styled(arrow, theme.muted));
            }
            let n = count(i);
            spans.push(Span::styled(format!("{} ", labels[i]), style));
            spans.push(Span::styled(
                thousands(n as u64),
                if n == 0 { theme.muted } else { theme.accent },
            ));
        }
    };
    push(&main, Style::new(), &mut spans);
    if !rework.is_empty() {
        spans.push(Span::styled(bar, theme.muted));
        push(&rework, theme.warning, &mut spans);
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    use super::*;
    use crate::domain::Stage;

    fn programme() -> Programme {
        let stage = |id: &str, name: &str, rework: bool| Stage {
            id: id.to_owned(),
            name: name.to_owned(),
            families: Vec::new(),
            rework,
        };
        Programme {
            stages: vec![
                stage("hull", "Hull received", false),
                stage("paint", "Paint", false),
                stage("rework", "Rework", true),
            ],
            ..Programme::default()
        }
    }

    /// The pipeline drawn in `width` columns, as text.
    fn drawn(width: u16) -> String {
        let theme = Theme::default();
        let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
        let line = pipeline(&programme(), &[5, 1_200, 0], &theme, width);
        crate::ui::widgets::line(buf.area, &mut buf, line);
        (0..width).map(|x| buf[(x, 0)].symbol()).collect()
    }

    #[test]
    fn the_longest_labels_that_fit() {
        // Names, then ids, then ids with tight separators, then ids cut shorter; past the
        // shortest, the line is cut with an ellipsis.
        assert_eq!(drawn(41), " Hull received 5 › Paint 1 200 │ Rework 0");
        assert_eq!(drawn(40), " Hull 5 › Paint 1 200 │ Rework 0        ");
        assert_eq!(drawn(31), " Hull 5›Paint 1 200│Rework 0   ");
        assert_eq!(drawn(27), " Hull 5›Paint 1 200│Rewo… 0");
        assert_eq!(drawn(25), " Hull 5›Pai… 1 200│Rew… 0");
        assert_eq!(drawn(22), " Hu… 5›Pa… 1 200│Re… 0");
        assert_eq!(drawn(20), " Hu… 5›Pa… 1 200│Re…");
    }

    #[test]
    fn counts_are_styled_by_whether_there_are_any() {
        let theme = Theme::default();
        let mut buf = Buffer::empty(Rect::new(0, 0, 41, 1));
        let line = pipeline(&programme(), &[5, 1_200, 0], &theme, 41);
        crate::ui::widgets::line(buf.area, &mut buf, line);
        let mut expected = Buffer::with_lines([" Hull received 5 › Paint 1 200 │ Rework 0"]);
        // The separators muted, the counts in the accent, none muted, rework as a warning.
        expected.set_style(Rect::new(15, 0, 1, 1), theme.accent);
        expected.set_style(Rect::new(16, 0, 3, 1), theme.muted);
        expected.set_style(Rect::new(25, 0, 5, 1), theme.accent);
        expected.set_style(Rect::new(30, 0, 3, 1), theme.muted);
        expected.set_style(Rect::new(33, 0, 7, 1), theme.warning);
        expected.set_style(Rect::new(40, 0, 1, 1), theme.muted);
        assert_eq!(buf, expected);
    }
}
