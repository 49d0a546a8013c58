//! The Variants view: per-variant counts in a table with family subtotals and a grand
//! total, a stacked bar per variant below it when there is room, and a detail panel for
//! the selected variant.
//!
//! Sorting keeps the families together: the variants are sorted within their family, and
//! the families are sorted among themselves by their subtotal on the same column (by
//! name for the text columns), so a subtotal always sits under its own variants. Ties keep
//! the order of the status files. `s` moves to the next column (text columns start
//! ascending, figures descending, largest first), `S` reverses; after the last column
//! comes the order of the files again.

mod chart;
mod detail;
mod sort;
mod table;

pub use sort::{Sort, SortColumn};
pub use table::abbreviations;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::Theme;
use super::widgets;
use crate::app::{Action, Data};
use crate::domain::{FamilyId, VariantId};
use chart::render_chart;
use sort::sorted_rows;
use table::{Columns, legend_lines, render_table, widths};

/// The smallest area the view draws in.
const MIN_WIDTH: u16 = 44;
const MIN_HEIGHT: u16 = 6;
/// The variant column never gets narrower than this (unless the names are shorter)
/// before stage columns are dropped.
const NAME_MIN: usize = 22;
/// The detail opens beside the table from this width on, over it below.
const SIDE_DETAIL_WIDTH: u16 = 140;

/// One line of the table body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Variant(VariantId),
    /// The subtotal of a family, under its variants.
    Family(FamilyId),
}

/// The detail panel of one variant.
#[derive(Debug)]
struct Detail {
    variant: VariantId,
    text: detail::Text,
    scroll: usize,
}

/// Widths that depend on the data only, worked out on refresh.
#[derive(Debug, Default)]
pub(super) struct Widths {
    name: usize,
    family: usize,
    contracted: usize,
    delivered: usize,
    in_assembly: usize,
    not_started: usize,
    stages: Vec<usize>,
    /// The largest contract of one variant: the scale of the bars.
    max_contracted: u32,
    /// The widest figures beside a bar, so that the bars keep one scale when scrolled.
    chart_numbers: usize,
}

#[derive(Debug)]
pub struct State {
    /// The body rows in display order.
    rows: Vec<Entry>,
    /// Indices into `rows` of the variant rows: the rows that can be selected.
    selectable: Vec<usize>,
    /// Index into `selectable`.
    selected: usize,
    /// First body row on screen.
    offset: usize,
    /// Body rows on screen at the last render, for paging.
    page: usize,
    sort: Sort,
    /// First stage column shown, and how many fitted at the last render
    /// (`usize::MAX` before the first render).
    stage_offset: usize,
    stages_shown: usize,
    /// Set when the sort moved to a stage: the next render scrolls it into view.
    reveal_sorted: bool,
    /// The ids of the variants at the last refresh, to find the selected one again after
    /// a reload that renumbers them.
    variant_ids: Vec<String>,
    /// Short column headers of the stages.
    abbreviations: Vec<String>,
    widths: Widths,
    detail: Option<Detail>,
    /// Text rows of the detail on screen at the last render.
    detail_page: usize,
}

impl Default for State {
    fn default() -> Self {
        State {
            rows: Vec::new(),
            selectable: Vec::new(),
            selected: 0,
            offset: 0,
            page: 0,
            sort: Sort::default(),
            stage_offset: 0,
            stages_shown: usize::MAX,
            reveal_sorted: false,
            variant_ids: Vec::new(),
            abbreviations: Vec::new(),
            widths: Widths::default(),
            detail: None,
            detail_page: 0,
        }
    }
}

impl State {
    pub fn refresh(&mut self, data: &Data) {
        let p = data.programme();
        // Keep the selection and the open detail on the same variant, by its id, when it
        // is still there after a reload.
        let key = |v: VariantId| self.variant_ids.get(v.0 as usize).cloned();
        let selected_id = self.selected_variant().and_then(key);
        let detail_id = self
            .detail
            .as_ref()
            .and_then(|d| Some((key(d.variant)?, d.scroll)));
        self.variant_ids = p.variants.iter().map(|v| v.id.clone()).collect();

        self.abbreviations = abbreviations(p);
        self.widths = widths(data, &self.abbreviations);
        if let SortColumn::Stage(i) = self.sort.column
            && i >= p.stages.len()
        {
            self.sort = Sort::default();
        }
        self.stage_offset = self.stage_offset.min(p.stages.len().saturating_sub(1));
        self.sort_rows(data);

        self.selected = selected_id
            .and_then(|k| p.variant_by_id(&k))
            .and_then(|v| self.position_of(v))
            .unwrap_or(0);
        self.detail = detail_id.and_then(|(key, scroll)| {
            let variant = p.variant_by_id(&key)?;
            Some(Detail {
                variant,
                text: detail::build(data, variant),
                scroll,
            })
        });
    }

    fn position_of(&self, v: VariantId) -> Option<usize> {
        self.selectable
            .iter()
            .position(|&r| self.rows[r] == Entry::Variant(v))
    }

    /// Sorts the rows for the current sort, keeping the selected variant selected.
    fn sort_rows(&mut self, data: &Data) {
        let keep = self.selected_variant();
        self.rows = sorted_rows(data, self.sort);
        self.selectable = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e, Entry::Variant(_)))
            .map(|(i, _)| i)
            .collect();
        self.selected = keep.and_then(|v| self.position_of(v)).unwrap_or(0);
    }

    pub fn handle(&mut self, action: Action, data: &Data) -> bool {
        if let Some(detail) = &mut self.detail {
            match action {
                Action::Close => {
                    self.detail = None;
                    return true;
                }
                Action::Open => return false,
                _ => {}
            }
            let len = detail.text.len();
            let last = len.saturating_sub(self.detail_page.max(1));
            let page = self.detail_page.max(1);
            let scroll = match action {
                Action::Up => detail.scroll.saturating_sub(1),
                Action::Down => (detail.scroll + 1).min(last),
                Action::PageUp => detail.scroll.saturating_sub(page),
                Action::PageDown => (detail.scroll + page).min(last),
                Action::Top => 0,
                Action::Bottom => last,
                Action::Scroll(n) if n < 0 => detail.scroll.saturating_sub(n.unsigned_abs().into()),
                Action::Scroll(n) => (detail.scroll + n as usize).min(last),
                _ => return self.handle_table(action, data),
            };
            let changed = scroll != detail.scroll;
            detail.scroll = scroll;
            return changed;
        }
        self.handle_table(action, data)
    }

    fn handle_table(&mut self, action: Action, data: &Data) -> bool {
        let stages = data.programme().stages.len();
        match action {
            Action::SortNext => {
                let column = self.sort.column.next(stages);
                self.sort = Sort {
                    column,
                    descending: column.starts_descending(),
                };
                self.show_sorted_stage();
                self.sort_rows(data);
                true
            }
            Action::SortReverse => {
                self.sort.descending = !self.sort.descending;
                self.show_sorted_stage();
                self.sort_rows(data);
                true
            }
            Action::Left if self.stage_offset > 0 => {
                self.stage_offset -= 1;
                true
            }
            Action::Right if self.stage_offset.saturating_add(self.stages_shown) < stages => {
                self.stage_offset += 1;
                true
            }
            Action::Left | Action::Right => false,
            Action::Open => match self.selected_variant() {
                Some(variant) => {
                    self.detail = Some(Detail {
                        variant,
                        text: detail::build(data, variant),
                        scroll: 0,
                    });
                    true
                }
                None => false,
            },
            Action::Close => false,
            _ => {
                let mut sel = (!self.selectable.is_empty()).then_some(self.selected);
                let moved =
                    widgets::move_selection(&mut sel, self.selectable.len(), action, self.page);
                let changed = moved && sel != Some(self.selected);
                self.selected = sel.unwrap_or(0);
                changed
            }
        }
    }

    /// Scrolls the stage columns so that a stage being sorted by is on screen: roughly
    /// now, exactly at the next render, which knows the widths.
    fn show_sorted_stage(&mut self) {
        if let SortColumn::Stage(i) = self.sort.column {
            self.reveal_sorted = true;
            let shown = self.stages_shown.max(1);
            if i < self.stage_offset {
                self.stage_offset = i;
            } else if shown != usize::MAX && i >= self.stage_offset + shown {
                self.stage_offset = i + 1 - shown;
            }
        }
    }

    pub fn sort(&self) -> Sort {
        self.sort
    }

    /// The variants in the order shown.
    pub fn order(&self) -> impl Iterator<Item = VariantId> + '_ {
        self.rows.iter().filter_map(|e| match e {
            Entry::Variant(v) => Some(*v),
            Entry::Family(_) => None,
        })
    }

    pub fn selected_variant(&self) -> Option<VariantId> {
        let row = *self.selectable.get(self.selected)?;
        match self.rows.get(row)? {
            Entry::Variant(v) => Some(*v),
            Entry::Family(_) => None,
        }
    }

    /// The variant whose detail is open.
    pub fn detail(&self) -> Option<VariantId> {
        self.detail.as_ref().map(|d| d.variant)
    }

    /// The first line of the detail on screen.
    pub fn detail_scroll(&self) -> usize {
        self.detail.as_ref().map_or(0, |d| d.scroll)
    }

    /// The first stage column on screen.
    pub fn stage_offset(&self) -> usize {
        self.stage_offset
    }
}

pub fn render(state: &mut State, data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        widgets::too_small(area, buf, MIN_WIDTH, MIN_HEIGHT, theme);
        return;
    }
    if state.rows.is_empty() {
        widgets::empty_note(area, buf, "No variants in the status files.", theme);
        return;
    }
    let (main, side) = match &state.detail {
        Some(_) if area.width >= SIDE_DETAIL_WIDTH => {
            let table =
                Columns::fit(&state.widths, usize::from(area.width), 0, None).width() as u16 + 1;
            let main = table.clamp(area.width / 2, area.width * 3 / 5);
            let [m, s] =
                Layout::horizontal([Constraint::Length(main), Constraint::Min(0)]).areas(area);
            (Some(m), s)
        }
        Some(_) => (None, area),
        None => (Some(area), Rect::default()),
    };
    if let Some(main) = main {
        render_main(state, data, theme, main, buf);
    }
    if let Some(d) = &mut state.detail {
        let title = format!(
            "{} (Esc closes, ↑↓ scroll)",
            data.programme().variant(d.variant).name
        );
        state.detail_page = detail::render(&d.text, &mut d.scroll, &title, theme, side, buf);
    }
}

fn render_main(state: &mut State, data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer) {
    // The last column is kept for the scrollbar.
    let width = usize::from(area.width) - 1;
    let reveal = match state.sort.column {
        SortColumn::Stage(i) if state.reveal_sorted => Some(i),
        _ => None,
    };
    state.reveal_sorted = false;
    let cols = Columns::fit(&state.widths, width, state.stage_offset, reveal);
    state.stage_offset = cols.stages.start;
    state.stages_shown = cols.stages.len();
    let legend = legend_lines(state, data, &cols, width);

    // The table first, then the stage legend, then the chart with what is left.
    let height = usize::from(area.height);
    let table_need = state.rows.len() + 2;
    let body = height - 1;
    let (table_h, legend_h) = if body >= table_need + legend.len() {
        (table_need, legend.len())
    } else if body >= legend.len() + 6 {
        (body - legend.len(), legend.len())
    } else {
        (body, 0)
    };
    let [info, table, legend_area, chart] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(table_h as u16),
        Constraint::Length(legend_h as u16),
        Constraint::Min(0),
    ])
    .areas(area);

    widgets::line(info, buf, info_line(state, data, &cols, theme));
    render_table(state, data, theme, &cols, table, buf);
    for (i, l) in legend.into_iter().take(legend_h).enumerate() {
        let row = Rect::new(
            legend_area.x,
            legend_area.y + i as u16,
            legend_area.width,
            1,
        );
        widgets::line(row, buf, Line::from(Span::styled(l, theme.muted)));
    }
    // A title and at least three bars (or every variant), after a blank line when the
    // whole chart fits.
    let n = state.selectable.len();
    if usize::from(chart.height) > n.min(3) {
        let gap = u16::from(usize::from(chart.height) >= n + 2);
        let [_, chart] =
            Layout::vertical([Constraint::Length(gap), Constraint::Min(0)]).areas(chart);
        render_chart(state, data, theme, cols.name, chart, buf);
    }
}

fn info_line<'a>(state: &State, data: &Data, cols: &Columns, theme: &Theme) -> Line<'a> {
    let p = data.programme();
    let column = match state.sort.column {
        SortColumn::FileOrder => String::new(),
        SortColumn::Variant => "variant".to_owned(),
        SortColumn::Family => "family".to_owned(),
        SortColumn::Contracted => "contracted".to_owned(),
        SortColumn::Delivered => "delivered".to_owned(),
        SortColumn::Stage(i) => p.stages.get(i).map_or_else(String::new, |s| s.name.clone()),
        SortColumn::InAssembly => "in assembly".to_owned(),
        SortColumn::NotStarted => "not started".to_owned(),
        SortColumn::Percent => "% delivered".to_owned(),
    };
    let mut spans = if state.sort.column == SortColumn::FileOrder {
        vec![Span::styled(
            if state.sort.descending {
                " In reverse file order"
            } else {
                " In file order"
            },
            theme.muted,
        )]
    } else {
        vec![
            Span::styled(" Sorted by ", theme.muted),
            Span::styled(format!("{column} {}", arrow(state.sort)), theme.accent),
            Span::styled(", within each family", theme.muted),
        ]
    };
    let n = p.stages.len();
    if cols.stages.len() < n {
        let shown = if cols.stages.is_empty() {
            "no stage fits".to_owned()
        } else {
            format!(
                "stages {}–{} of {n}",
                cols.stages.start + 1,
                cols.stages.end
            )
        };
        spans.push(Span::styled(" · ", theme.muted));
        spans.push(Span::styled(
            format!(
                "{}{shown}{}",
                if cols.stages.start > 0 { "◀ " } else { "" },
                if cols.stages.end < n { " ▶" } else { "" }
            ),
            theme.accent,
        ));
        spans.push(Span::styled(" (←/→)", theme.muted));
    }
    Line::from(spans)
}

fn arrow(sort: Sort) -> &'static str {
    if sort.descending { "▼" } else { "▲" }
}
