//! The Variants view's state: per-variant rows in the sort's order with family
//! subtotals, the selection, the stage columns scrolled to and the detail panel's text.
//!
//! Sorting keeps the families together: the variants are sorted within their family, and
//! the families are sorted among themselves by their subtotal on the same column (by
//! name for the text columns), so a subtotal always sits under its own variants. Ties keep
//! the order of the status files. `s` moves to the next column (text columns start
//! ascending, figures descending, largest first), `S` reverses; after the last column
//! comes the order of the files again.

pub mod detail;
mod sort;
mod widths;

pub use sort::{Sort, SortColumn};
pub use widths::abbreviations;
pub(crate) use widths::{HEADS, PERCENT_WIDTH, SUBTOTAL_ALL, Widths, numbers};

use super::{Action, Data, list};
use crate::domain::{FamilyId, VariantId};
use sort::sorted_rows;
use widths::widths;

/// One line of the table body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    Variant(VariantId),
    /// The subtotal of a family, under its variants.
    Family(FamilyId),
}

/// The detail panel of one variant.
#[derive(Debug, Clone)]
pub(crate) struct Detail {
    pub(crate) variant: VariantId,
    pub(crate) text: detail::Text,
    pub(crate) scroll: usize,
}

/// The Variants view's state: the rows in the sort's order, the selection, the stage
/// columns scrolled to, and the open detail.
#[derive(Debug, Clone)]
pub struct State {
    /// The body rows in display order.
    pub(crate) rows: Vec<Entry>,
    /// Indices into `rows` of the variant rows: the rows that can be selected.
    pub(crate) selectable: Vec<usize>,
    /// Index into `selectable`.
    pub(crate) selected: usize,
    /// First body row on screen.
    pub(crate) offset: usize,
    /// Body rows on screen at the last render, for paging.
    pub(crate) page: usize,
    pub(crate) sort: Sort,
    /// First stage column shown, and how many fitted at the last render
    /// (`usize::MAX` before the first render).
    pub(crate) stage_offset: usize,
    pub(crate) stages_shown: usize,
    /// Set when the sort moved to a stage: the next render scrolls it into view.
    pub(crate) reveal_sorted: bool,
    /// The ids of the variants at the last refresh, to find the selected one again after
    /// a reload that renumbers them.
    pub(crate) variant_ids: Vec<String>,
    /// Short column headers of the stages.
    pub(crate) abbreviations: Vec<String>,
    pub(crate) widths: Widths,
    pub(crate) detail: Option<Detail>,
    /// Text rows of the detail on screen at the last render.
    pub(crate) detail_page: usize,
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
    /// Derives the rows and widths of `data`, keeping the sort, the selection and the
    /// open detail on the same variant (by its id) when it is still there.
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

    /// Changes the state for `action`: the detail scrolls or closes while open, else the
    /// table sorts, scrolls its stage columns, opens a detail or moves the selection.
    /// Returns true when the screen changes, false when the action means nothing here.
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
            let Some(scroll) = list::step(detail.scroll, last, self.detail_page, action) else {
                return self.handle_table(action, data);
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
                    list::move_selection(&mut sel, self.selectable.len(), action, self.page);
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

    /// The sort of the table.
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

    /// The selected variant.
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

    /// The first body row on screen when the table shows `visible` rows: the remembered
    /// one, moved as little as keeps the selection on screen; the last variant brings the
    /// last subtotal with it.
    pub fn offset_for(&self, visible: usize) -> usize {
        let last_offset = self.rows.len().saturating_sub(visible);
        let sel_row = self.selectable.get(self.selected).copied().unwrap_or(0);
        let offset = if self.selected + 1 == self.selectable.len() {
            last_offset
        } else if sel_row < self.offset {
            sel_row
        } else if sel_row >= self.offset + visible {
            sel_row + 1 - visible
        } else {
            self.offset
        };
        offset.min(last_offset)
    }

    /// Takes what the last drawing learned: the table's rows and stage columns on screen
    /// (when the table was drawn) and the detail's (when it was).
    pub fn seen(&mut self, seen: Seen) {
        if let Some(t) = seen.table {
            self.reveal_sorted = false;
            self.stage_offset = t.stage_offset;
            self.stages_shown = t.stages_shown;
            self.page = t.page;
            self.offset = t.offset;
        }
        if let (Some((page, scroll)), Some(d)) = (seen.detail, &mut self.detail) {
            self.detail_page = page;
            d.scroll = scroll;
        }
    }
}

/// What drawing the Variants view learned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Seen {
    /// The table, when it was drawn.
    pub table: Option<TableSeen>,
    /// The detail's text rows on screen and its first line on screen, when it was drawn.
    pub detail: Option<(usize, usize)>,
}

/// What drawing the Variants table learned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableSeen {
    /// The first stage column on screen, and how many fitted.
    pub stage_offset: usize,
    /// How many stage columns fitted.
    pub stages_shown: usize,
    /// Body rows on screen, for paging.
    pub page: usize,
    /// The first body row on screen.
    pub offset: usize,
}
