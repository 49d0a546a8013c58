//! The detail panel of one vehicle: its facts, wrapped under their labels, two to a line
//! when the panel is wide.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::app::words::days;
use crate::domain::{Date, Programme, Vehicle};
use crate::ui::{Theme, widgets};

/// The width of the labels of the detail panel, with the space before them.
const LABEL_WIDTH: usize = 10;

/// One fact of the detail panel: a label and its value, in styled parts.
type Fact<'a> = (&'static str, Vec<Span<'a>>);

/// `label value…` wrapped at word boundaries to `width`, the lines after the first
/// indented under the value.
fn hang<'a>(fact: Fact<'a>, width: usize, theme: &Theme) -> Vec<Line<'a>> {
    let (label, value) = fact;
    let room = width.saturating_sub(LABEL_WIDTH).max(8);
    let mut lines: Vec<Line<'a>> = Vec::new();
    let mut line: Vec<Span<'a>> = vec![Span::styled(
        format!(" {label:<w$}", w = LABEL_WIDTH - 1),
        theme.muted,
    )];
    let mut used = 0;
    for span in value {
        let style = span.style;
        for (k, word) in span.content.split(' ').enumerate() {
            // Words are split at spaces: a space goes before every word but the first of
            // a span, and before that one too when the span starts with a space.
            let gap = k > 0 || span.content.starts_with(' ');
            let word = widgets::fit(word, room);
            let w = word.width();
            if used > 0 && used + usize::from(gap) + w > room {
                lines.push(Line::from(std::mem::take(&mut line)));
                line.push(Span::raw(" ".repeat(LABEL_WIDTH)));
                used = 0;
            } else if gap && used > 0 {
                line.push(Span::styled(" ", style));
                used += 1;
            }
            if !word.is_empty() {
                used += w;
                line.push(Span::styled(word, style));
            }
        }
    }
    lines.push(Line::from(line));
    lines
}

/// Two facts side by side when both fit in `width`, else one under the other.
fn pair<'a>(a: Fact<'a>, b: Fact<'a>, width: usize, theme: &Theme) -> Vec<Line<'a>> {
    let value_width = |f: &Fact| f.1.iter().map(Span::width).sum::<usize>();
    let column = (width / 2).max(LABEL_WIDTH + value_width(&a) + 2);
    if column + LABEL_WIDTH + value_width(&b) > width {
        let mut lines = hang(a, width, theme);
        lines.extend(hang(b, width, theme));
        return lines;
    }
    let mut first = hang(a, column, theme).remove(0);
    let pad = column.saturating_sub(first.width());
    first.spans.push(Span::raw(" ".repeat(pad)));
    first
        .spans
        .extend(hang(b, width - column, theme).remove(0).spans);
    vec![first]
}

/// The facts of one vehicle for the detail panel, laid out for `width` columns: short
/// facts share a line when the panel is wide and short of height.
pub(super) fn detail_lines<'a>(
    v: &Vehicle,
    p: &Programme,
    today: Date,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let width = usize::from(width);
    let variant = p.variant(v.variant);
    let family = p.family(variant.family);
    let stage = p.stage(v.stage);

    let flow: Vec<_> = p
        .stage_ids()
        .filter(|&s| !p.stage(s).rework && p.stage(s).applies_to(variant.family))
        .collect();
    let position = if stage.rework {
        Span::styled("off the main line, after a defect", theme.warning)
    } else {
        match flow.iter().position(|&s| s == v.stage) {
            Some(i) => {
                let next = flow.get(i + 1).map_or_else(
                    || "the last step".to_owned(),
                    |&n| format!("next {}", p.stage(n).name),
                );
                Span::raw(format!("step {} of {}, {next}", i + 1, flow.len()))
            }
            None => Span::styled(format!("not a {} stage", family.name), theme.error),
        }
    };
    let due = match v.due {
        None => Span::styled("not given", theme.muted),
        Some(due) => match v.days_overdue(today) {
            Some(n) => Span::styled(format!("{due}, overdue by {}", days(n)), theme.error),
            None if due == today => Span::raw(format!("{due}, due today")),
            None => Span::raw(format!("{due}, in {}", days((due - today).num_days()))),
        },
    };
    let file = p
        .files
        .get(v.origin.file as usize)
        .map_or("(unknown file)", String::as_str);
    let origin = if v.origin.line > 0 {
        format!("{file}:{}", v.origin.line)
    } else {
        file.to_owned()
    };
    let or_none = |text: Option<&str>, style: Style| match text {
        Some(t) => Span::styled(t.to_owned(), style),
        None => Span::styled("none", theme.muted),
    };

    let since: Fact = (
        "In stage",
        vec![Span::raw(format!(
            "{}, since {}",
            days(v.days_in_stage(today)),
            v.since
        ))],
    );
    let site: Fact = ("Site", vec![Span::raw(p.site(v.site).to_owned())]);
    let lot: Fact = ("Lot", vec![or_none(v.lot.as_deref(), Style::new())]);
    let mut lines = hang(
        (
            "Variant",
            vec![Span::raw(format!(
                "{} ({}), {}",
                variant.name, variant.id, family.name
            ))],
        ),
        width,
        theme,
    );
    lines.extend(hang(
        (
            "Stage",
            vec![
                Span::raw(format!("{} ({}), ", stage.name, stage.id)),
                position,
            ],
        ),
        width,
        theme,
    ));
    let tall = width < 70;
    if tall {
        for fact in [since, ("Due", vec![due]), site, lot] {
            lines.extend(hang(fact, width, theme));
        }
    } else {
        lines.extend(pair(since, ("Due", vec![due]), width, theme));
        lines.extend(pair(site, lot, width, theme));
    }
    lines.extend(hang(
        ("Hold", vec![or_none(v.hold.as_deref(), theme.warning)]),
        width,
        theme,
    ));
    lines.extend(hang(
        ("From", vec![Span::styled(origin, theme.muted)]),
        width,
        theme,
    ));
    lines
}
