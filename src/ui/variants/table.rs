//! The table: which columns fit, their headers, and the rows on screen.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Row, StatefulWidget, Table, TableState};
use unicode_width::UnicodeWidthStr;

use super::{NAME_MIN, arrow};
use crate::app::Data;
use crate::app::variants::{Entry, HEADS, PERCENT_WIDTH, SUBTOTAL_ALL, SortColumn, State, Widths};
use crate::domain::Counts;
use crate::ui::{Theme, widgets};

/// Which columns fit an area, and how wide.
#[derive(Debug)]
pub(super) struct Columns {
    pub(super) name: usize,
    pub(super) family: Option<usize>,
    pub(super) long: bool,
    pub(super) stages: Range<usize>,
    /// The width of every stage column, shown or not.
    pub(super) stage_widths: Vec<usize>,
    pub(super) numbers: [usize; 4],
    pub(super) percent: usize,
}

impl Columns {
    /// Chooses the columns for `width`, starting the stage columns at `offset` or earlier
    /// when the stages after it leave room.
    /// `reveal` is a stage that must be on screen if it can.
    pub(super) fn fit(w: &Widths, width: usize, offset: usize, reveal: Option<usize>) -> Columns {
        let n = w.stages.len();
        let numbers = [w.contracted, w.delivered, w.in_assembly, w.not_started];
        // One column of spacing before every column but the first.
        let fixed: usize = numbers.iter().sum::<usize>() + PERCENT_WIDTH + numbers.len() + 1;
        let name_min = w.name.min(NAME_MIN);
        let mut room = width.saturating_sub(fixed + name_min);
        let stage_cost = |i: usize| w.stages[i] + 1;
        // The furthest-left start from which every later stage fits.
        let mut start = n;
        let mut used = 0;
        while start > 0 && used + stage_cost(start - 1) <= room {
            start -= 1;
            used += stage_cost(start);
        }
        let mut start = offset.min(start);
        // The stages that fit from `start`, and the room they leave.
        let fill = |start: usize| {
            let (mut end, mut left) = (start, room);
            while end < n && stage_cost(end) <= left {
                left -= stage_cost(end);
                end += 1;
            }
            (end, left)
        };
        let (mut end, mut left) = fill(start);
        if let Some(r) = reveal.filter(|&r| r < n) {
            if r < start {
                start = r;
                (end, left) = fill(start);
            }
            while r >= end && start < r {
                start += 1;
                (end, left) = fill(start);
            }
        }
        room = left;
        let mut cols = Columns {
            name: name_min,
            family: None,
            long: false,
            stages: start..end,
            stage_widths: w.stages.clone(),
            numbers,
            percent: PERCENT_WIDTH,
        };
        if start == 0 && end == n {
            let grow = (w.name - name_min).min(room);
            cols.name += grow;
            room -= grow;
            if room > w.family {
                cols.family = Some(w.family);
                room -= w.family + 1;
            }
            let long: Vec<usize> = HEADS.iter().map(|(_, l)| l.width() + 1).collect();
            let extra: usize = (0..4)
                .map(|i| long[i].saturating_sub(numbers[i]))
                .sum::<usize>()
                + long[4].saturating_sub(PERCENT_WIDTH);
            if room >= extra {
                cols.long = true;
                for (c, l) in cols.numbers.iter_mut().zip(&long) {
                    *c = (*c).max(*l);
                }
                cols.percent = cols.percent.max(long[4]);
            }
        }
        cols
    }

    pub(super) fn width(&self) -> usize {
        self.name
            + self.family.map_or(0, |f| f + 1)
            + self
                .stages
                .clone()
                .map(|i| self.stage_widths[i] + 1)
                .sum::<usize>()
            + self.numbers.iter().map(|n| n + 1).sum::<usize>()
            + self.percent
            + 1
    }
}

/// The legend of the stage columns on screen, packed into lines of `width`.
pub(super) fn legend_lines(
    state: &State,
    data: &Data,
    cols: &Columns,
    width: usize,
) -> Vec<String> {
    let stages = &data.programme().stages;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for i in cols.stages.clone() {
        let (abbr, name) = (&state.abbreviations[i], &stages[i].name);
        if abbr == name {
            continue;
        }
        let item = format!("{abbr} {name}");
        if !current.is_empty() && current.width() + 3 + item.width() > width {
            lines.push(std::mem::take(&mut current));
        }
        current.push_str(if current.is_empty() { " " } else { " · " });
        current.push_str(&item);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// Draws the rows on screen; returns the rows on screen and the first of them.
pub(super) fn render_table(
    state: &State,
    data: &Data,
    theme: &Theme,
    cols: &Columns,
    area: Rect,
    buf: &mut Buffer,
) -> (usize, usize) {
    let p = data.programme();
    let f = &data.figures;
    let visible = usize::from(area.height.saturating_sub(2)).max(1);
    let last_offset = state.rows.len().saturating_sub(visible);
    let sel_row = state.selectable.get(state.selected).copied().unwrap_or(0);
    let offset = state.offset_for(visible);

    let end = (offset + visible).min(state.rows.len());
    let rows = state.rows[offset..end].iter().map(|&entry| match entry {
        Entry::Variant(v) => {
            let variant = p.variant(v);
            count_row(
                cols,
                &variant.name,
                Some(&p.family(variant.family).name),
                &f.variants[v.0 as usize],
                |i| p.stages[i].applies_to(variant.family),
                theme,
            )
        }
        Entry::Family(fam) => count_row(
            cols,
            &format!("Σ {}", p.family(fam).name),
            None,
            &f.families[fam.0 as usize],
            |i| p.stages[i].applies_to(fam),
            theme,
        )
        .style(theme.accent),
    });
    let footer = count_row(cols, SUBTOTAL_ALL, None, &f.total, |_| true, theme).style(theme.header);

    let mut widths = vec![Constraint::Length(cols.name as u16)];
    widths.extend(cols.family.map(|w| Constraint::Length(w as u16)));
    widths.extend(
        cols.numbers[..2]
            .iter()
            .map(|&w| Constraint::Length(w as u16)),
    );
    widths.extend(
        cols.stages
            .clone()
            .map(|i| Constraint::Length(cols.stage_widths[i] as u16)),
    );
    widths.extend(
        cols.numbers[2..]
            .iter()
            .map(|&w| Constraint::Length(w as u16)),
    );
    widths.push(Constraint::Length(cols.percent as u16));

    let table = Table::new(rows, widths)
        .header(header_row(state, cols).style(theme.header))
        .footer(footer)
        .column_spacing(1)
        .row_highlight_style(theme.selected);
    let mut table_state =
        TableState::default().with_selected(sel_row.checked_sub(offset).filter(|&i| i < visible));
    StatefulWidget::render(table, area, buf, &mut table_state);

    if state.rows.len() > visible {
        let body = widgets::table_rows(area, 1, 1);
        widgets::scrollbar(body, buf, offset, last_offset, visible, theme);
    }
    (visible, offset)
}

fn header_row<'a>(state: &State, cols: &Columns) -> Row<'a> {
    let sort = state.sort;
    let label = |column: SortColumn, text: &str, width: usize, right: bool| {
        let text = if sort.column == column {
            format!("{text}{}", arrow(sort))
        } else {
            text.to_owned()
        };
        let text = widgets::fit(&text, width);
        Cell::from(if right {
            format!("{text:>width$}")
        } else {
            text
        })
    };
    let head = |i: usize| if cols.long { HEADS[i].1 } else { HEADS[i].0 };
    let mut cells = vec![label(SortColumn::Variant, "Variant", cols.name, false)];
    if let Some(w) = cols.family {
        cells.push(label(SortColumn::Family, "Family", w, false));
    }
    cells.push(label(
        SortColumn::Contracted,
        head(0),
        cols.numbers[0],
        true,
    ));
    cells.push(label(SortColumn::Delivered, head(1), cols.numbers[1], true));
    for i in cols.stages.clone() {
        cells.push(label(
            SortColumn::Stage(i),
            &state.abbreviations[i],
            cols.stage_widths[i],
            true,
        ));
    }
    cells.push(label(
        SortColumn::InAssembly,
        head(2),
        cols.numbers[2],
        true,
    ));
    cells.push(label(
        SortColumn::NotStarted,
        head(3),
        cols.numbers[3],
        true,
    ));
    cells.push(label(SortColumn::Percent, head(4), cols.percent, true));
    Row::new(cells)
}

/// One row of figures; `applies` says whether a stage applies to the row.
fn count_row<'a>(
    cols: &Columns,
    name: &str,
    family: Option<&str>,
    c: &Counts,
    applies: impl Fn(usize) -> bool,
    theme: &Theme,
) -> Row<'a> {
    let right = |text: String, width: usize| format!("{text:>width$}");
    let num = |n: u32, width: usize| Cell::from(right(widgets::thousands(n.into()), width));
    let mut cells = vec![Cell::from(widgets::fit(name, cols.name))];
    if let Some(w) = cols.family {
        cells.push(Cell::from(widgets::fit(family.unwrap_or(""), w)));
    }
    cells.push(num(c.contracted, cols.numbers[0]));
    cells.push(num(c.delivered, cols.numbers[1]));
    for i in cols.stages.clone() {
        let width = cols.stage_widths[i];
        cells.push(if !applies(i) {
            Cell::from(Span::styled(right("·".to_owned(), width), theme.muted))
        } else {
            let n = c.per_stage.get(i).copied().unwrap_or(0);
            let text = right(widgets::thousands(n.into()), width);
            if n == 0 {
                Cell::from(Span::styled(text, theme.muted))
            } else {
                Cell::from(text)
            }
        });
    }
    cells.push(num(c.in_assembly(), cols.numbers[2]));
    cells.push(num(c.not_started(), cols.numbers[3]));
    cells.push(Cell::from(right(
        format!("{:.1}", c.percent_delivered()),
        cols.percent,
    )));
    Row::new(cells)
}
