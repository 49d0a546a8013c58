//! The queue's table: which columns fit a width, and the rows on screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Cell, Row, StatefulWidget, Table, TableState, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::Data;
use crate::app::queue::{FIELDS, Seen, SortKey, State, Widths};
use crate::domain::{Date, Programme, Vehicle};
use crate::ui::{Theme, widgets};

/// The columns of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Mark,
    Serial,
    Variant,
    Stage,
    Site,
    Days,
    Due,
    Lot,
    Hold,
}

impl Col {
    fn sort_key(self) -> Option<SortKey> {
        Some(match self {
            Col::Serial => SortKey::Serial,
            Col::Variant => SortKey::Variant,
            Col::Stage => SortKey::Stage,
            Col::Site => SortKey::Site,
            Col::Days => SortKey::DaysInStage,
            Col::Due => SortKey::Due,
            _ => return None,
        })
    }

    fn title(self) -> &'static str {
        match self {
            Col::Mark => "",
            Col::Serial => "serial",
            Col::Variant => "variant",
            Col::Stage => "stage",
            Col::Site => "site",
            Col::Days => "days",
            Col::Due => "due",
            Col::Lot => "lot",
            Col::Hold => "hold",
        }
    }
}

/// The columns that fit a width, and whether variants and stages show their names or ids.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Columns {
    cols: Vec<(Col, u16)>,
    variant_names: bool,
    stage_names: bool,
}

/// Lays out the columns: every column narrow first, then, while the hold reason keeps
/// enough room, wider sites, stage names, the lot and variant names.
fn columns(width: u16, w: &Widths, sort: SortKey) -> Columns {
    let avail = usize::from(width);
    let mut cols: Vec<(Col, usize)> = vec![
        (Col::Mark, 2),
        (Col::Serial, w.serial.clamp(6, 20)),
        (Col::Variant, w.variant_id.clamp(7, 16)),
        (Col::Stage, w.stage_id.clamp(5, 16)),
        (Col::Site, w.site.clamp(4, 12)),
        (Col::Days, 5),
        (Col::Due, 10),
    ];
    // The sorted column keeps room for its whole title and the arrow.
    for (col, width) in &mut cols {
        if col.sort_key() == Some(sort) {
            *width = (*width).max(col.title().width() + 1);
        }
    }
    let used = |cols: &[(Col, usize)]| cols.iter().map(|c| c.1 + 1).sum::<usize>();
    const HOLD_MIN: usize = 8;
    // Too narrow: drop the columns the detail panel shows anyway.
    for drop in [Col::Site, Col::Due, Col::Days, Col::Variant] {
        if used(&cols) + HOLD_MIN <= avail {
            break;
        }
        cols.retain(|c| c.0 != drop);
    }
    // Each widening must leave the hold reason this much room (or all it needs).
    let hold_room = |wanted: usize| w.hold.clamp(HOLD_MIN, wanted);
    let grow = |cols: &mut Vec<(Col, usize)>, col: Col, to: usize, room: usize| -> bool {
        let Some(i) = cols.iter().position(|c| c.0 == col) else {
            return false;
        };
        let extra = to.saturating_sub(cols[i].1);
        if extra == 0 || used(cols) + extra + hold_room(room) > avail {
            return false;
        }
        cols[i].1 = to;
        true
    };
    grow(&mut cols, Col::Site, w.site.min(24), 20);
    let stage_names =
        w.stage_name > w.stage_id && grow(&mut cols, Col::Stage, w.stage_name.clamp(5, 24), 32);
    let lot = w.lot.max(3);
    if w.lot > 0 && used(&cols) + lot + 1 + hold_room(32) <= avail {
        cols.push((Col::Lot, lot));
    }
    let variant_names = w.variant_name > w.variant_id
        && grow(&mut cols, Col::Variant, w.variant_name.clamp(7, 32), 36);
    let hold = avail.saturating_sub(used(&cols));
    cols.push((Col::Hold, hold));
    Columns {
        cols: cols
            .into_iter()
            .map(|(c, w)| (c, u16::try_from(w).unwrap_or(u16::MAX)))
            .collect(),
        variant_names,
        stage_names,
    }
}

/// Draws the rows on screen; returns the rows on screen and the first of them.
pub(super) fn render_table(
    state: &State,
    data: &Data,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Seen> {
    let layout_for = |width: u16| columns(width, &state.widths, state.sort);
    if state.rows.is_empty() {
        if state.filter.trim().is_empty() {
            widgets::empty_note(area, buf, "No vehicle in final assembly.", theme);
            return None;
        }
        // The header stays, so that the columns the filter searched are still named.
        let layout = layout_for(area.width);
        let widths: Vec<Constraint> = layout
            .cols
            .iter()
            .map(|&(_, w)| Constraint::Length(w))
            .collect();
        Widget::render(
            Table::new(Vec::<Row>::new(), widths)
                .header(header(state, &layout, theme))
                .column_spacing(1),
            area,
            buf,
        );
        let rest = widgets::table_rows(area, 1, 0);
        match state.unknown_fields().first() {
            Some(word) => {
                let prefix = word.split(':').next().unwrap_or(word);
                let width = usize::from(area.width);
                let said = format!("No vehicle matches this filter: \"{prefix}:\" is not a field.");
                widgets::empty_note(rest, buf, &widgets::fit(&said, width), theme);
                let below = Rect {
                    y: rest.y.saturating_add(2),
                    height: rest.height.saturating_sub(2),
                    ..rest
                };
                let fields = format!("The fields: {FIELDS}");
                widgets::empty_note(below, buf, &widgets::fit(&fields, width), theme);
            }
            None => widgets::empty_note(rest, buf, "No vehicle matches this filter.", theme),
        }
        return None;
    }
    let len = state.rows.len();
    let page = usize::from(area.height.saturating_sub(1)).max(1);
    let selected = state.selected.unwrap_or(0).min(len - 1);
    let offset = state.offset_for(page);
    let scrolls = len > page;
    let table_area = if scrolls {
        Rect {
            width: area.width.saturating_sub(1),
            ..area
        }
    } else {
        area
    };
    let layout = layout_for(table_area.width);
    let p = data.programme();
    let today = data.today();
    let header = header(state, &layout, theme);
    let end = (offset + page).min(len);
    let rows = state.rows[offset..end].iter().map(|&i| {
        let v = &p.queue[i as usize];
        let overdue = v.is_overdue(today);
        let style = if overdue {
            theme.error
        } else if v.is_on_hold() {
            theme.warning
        } else {
            Style::new()
        };
        Row::new(
            layout
                .cols
                .iter()
                .map(|&(col, width)| cell(v, p, today, col, width, &layout, overdue)),
        )
        .style(style)
    });
    let widths: Vec<Constraint> = layout
        .cols
        .iter()
        .map(|&(_, w)| Constraint::Length(w))
        .collect();
    let table = Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .row_highlight_style(theme.selected);
    let mut table_state = TableState::default().with_selected(Some(selected - offset));
    StatefulWidget::render(table, table_area, buf, &mut table_state);
    if scrolls {
        let bar_area = widgets::table_rows(area, 1, 0);
        widgets::scrollbar(bar_area, buf, offset, len - page, page, theme);
    }
    Some(Seen { page, offset })
}

/// The column titles, the sorted one with its arrow.
fn header<'a>(state: &State, layout: &Columns, theme: &Theme) -> Row<'a> {
    let (sort, descending) = state.sort();
    Row::new(layout.cols.iter().map(|&(col, width)| {
        let mut title = col.title().to_owned();
        if col.sort_key() == Some(sort) {
            let arrow = if descending { "▼" } else { "▲" };
            title = format!(
                "{}{arrow}",
                widgets::fit(&title, usize::from(width).saturating_sub(1))
            );
        }
        let line = Line::from(title);
        Cell::from(if col == Col::Days {
            line.right_aligned()
        } else {
            line
        })
    }))
    .style(theme.header)
}

fn cell<'a>(
    v: &Vehicle,
    p: &Programme,
    today: Date,
    col: Col,
    width: u16,
    layout: &Columns,
    overdue: bool,
) -> Cell<'a> {
    let w = usize::from(width);
    let text = match col {
        Col::Mark => format!(
            "{}{}",
            if overdue { "!" } else { " " },
            if v.is_on_hold() { "‖" } else { " " }
        ),
        Col::Serial => widgets::fit(&v.serial, w),
        Col::Variant => {
            let variant = p.variant(v.variant);
            widgets::fit(
                if layout.variant_names {
                    &variant.name
                } else {
                    &variant.id
                },
                w,
            )
        }
        Col::Stage => {
            let stage = p.stage(v.stage);
            widgets::fit(
                if layout.stage_names {
                    &stage.name
                } else {
                    &stage.id
                },
                w,
            )
        }
        Col::Site => widgets::fit(p.site(v.site), w),
        Col::Days => {
            return Cell::from(Line::from(v.days_in_stage(today).to_string()).right_aligned());
        }
        Col::Due => v.due.map(|d| d.to_string()).unwrap_or_default(),
        Col::Lot => widgets::fit(v.lot.as_deref().unwrap_or(""), w),
        Col::Hold => widgets::fit(v.hold.as_deref().unwrap_or(""), w),
    };
    Cell::from(text)
}
