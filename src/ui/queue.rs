//! The Assembly queue: every vehicle in final assembly, under a pipeline of the count per
//! stage, with a filter typed at the bottom, a sort by column, a detail panel and a
//! scrollbar.
//!
//! A generated programme may queue 100 000 vehicles, so the work is split: filtering and
//! sorting happen in [`State::refresh`] and when the user changes the filter or the sort,
//! and leave a list of row indices; [`render`] only builds the rows on screen.

mod filter;

use std::cmp::Ordering;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Cell, Clear, Paragraph, Row, StatefulWidget, Table, TableState, Widget,
};
use unicode_width::UnicodeWidthStr;

pub use filter::{Field, Term, parse as parse_filter};

use super::Theme;
use super::widgets;
use crate::app::{Action, Data};
use crate::domain::{Date, Programme, Vehicle};

/// The smallest area the view draws in.
const MIN_WIDTH: u16 = 40;
const MIN_HEIGHT: u16 = 6;
/// From this width the detail panel goes to the right of the table instead of below it.
const SIDE_PANEL_FROM: u16 = 150;
const SIDE_PANEL_WIDTH: u16 = 60;
/// Shown while the filter is empty: what it understands.
const FILTER_HINT: &str = "text, stage: site: variant: hold: lot:, overdue, held";
/// The longest filter kept, in characters.
const MAX_FILTER: usize = 200;

/// The columns the queue sorts by, in the order `s` goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortKey {
    #[default]
    Serial,
    Variant,
    /// Flow order, rework last.
    Stage,
    Site,
    DaysInStage,
    Due,
}

impl SortKey {
    pub const ALL: [SortKey; 6] = [
        SortKey::Serial,
        SortKey::Variant,
        SortKey::Stage,
        SortKey::Site,
        SortKey::DaysInStage,
        SortKey::Due,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SortKey::Serial => "serial",
            SortKey::Variant => "variant",
            SortKey::Stage => "stage",
            SortKey::Site => "site",
            SortKey::DaysInStage => "days in stage",
            SortKey::Due => "due",
        }
    }

    fn next(self) -> SortKey {
        let i = SortKey::ALL.iter().position(|&k| k == self).unwrap_or(0);
        SortKey::ALL[(i + 1) % SortKey::ALL.len()]
    }

    /// The vehicles stuck longest are the ones to see first; every other column ascends.
    fn starts_descending(self) -> bool {
        self == SortKey::DaysInStage
    }
}

/// The widest texts of a load, for laying out the columns without measuring every row.
#[derive(Debug, Clone, Copy, Default)]
struct Widths {
    serial: usize,
    variant_id: usize,
    variant_name: usize,
    stage_id: usize,
    stage_name: usize,
    site: usize,
    lot: usize,
    hold: usize,
}

impl Widths {
    fn measure(p: &Programme) -> Widths {
        let max = |it: &mut dyn Iterator<Item = usize>| it.max().unwrap_or(0);
        Widths {
            serial: max(&mut p.queue.iter().map(|v| v.serial.width())),
            variant_id: max(&mut p.variants.iter().map(|v| v.id.width())),
            variant_name: max(&mut p.variants.iter().map(|v| v.name.width())),
            stage_id: max(&mut p.stages.iter().map(|s| s.id.width())),
            stage_name: max(&mut p.stages.iter().map(|s| s.name.width())),
            site: max(&mut p.sites.iter().map(|s| s.width())),
            lot: max(&mut p
                .queue
                .iter()
                .filter_map(|v| v.lot.as_deref())
                .map(str::width)),
            hold: max(&mut p
                .queue
                .iter()
                .filter_map(|v| v.hold.as_deref())
                .map(str::width)),
        }
    }
}

#[derive(Debug, Default)]
pub struct State {
    /// What the rows were built from: a reload that leaves it as it was keeps them.
    basis: Option<super::QueueBasis>,
    /// Lower-cased text of the load, for the filter.
    index: filter::Index,
    /// Vehicles in the queue, before the filter.
    total: usize,
    /// Indices into [`Programme::queue`] of the rows shown, filtered and sorted.
    rows: Vec<u32>,
    /// Per stage, the vehicles among the rows shown (indexed like the stages).
    per_stage: Vec<u32>,
    overdue: usize,
    held: usize,
    /// Sort rank of each stage: flow order, rework stages after the main line.
    stage_rank: Vec<u32>,
    /// Sort rank of each site: by name.
    site_rank: Vec<u32>,
    widths: Widths,
    filter: String,
    typing: bool,
    sort: SortKey,
    descending: bool,
    /// Index into `rows`.
    selected: Option<usize>,
    /// The serial of the selected vehicle, to find it again when the rows change.
    selected_serial: Option<crate::domain::Serial>,
    /// The first row on screen.
    offset: usize,
    /// Rows on screen at the last render, for PgUp/PgDn.
    page: usize,
    detail: bool,
    /// The forecast's bottleneck, for the hint on the bottom line.
    bottleneck: Option<Bottleneck>,
}

/// The main-line stage where vehicles wait longest, by median days in the stage.
#[derive(Debug, Clone, PartialEq)]
struct Bottleneck {
    name: String,
    id: String,
    median_days: f64,
}

impl Bottleneck {
    /// The hint in words, from the longest (`tier` 0) to the shortest (4).
    fn text(&self, tier: usize) -> String {
        let name = &self.name;
        // A median is a whole number of days or a half: 34, 34.5.
        let days = if self.median_days == 1.0 {
            "1 day".to_owned()
        } else {
            format!("{} days", self.median_days)
        };
        match tier {
            0 => format!("bottleneck: {name}, median {days} in stage"),
            1 => format!("bottleneck: {name}, median {days}"),
            2 => format!("bottleneck: {name}, {days}"),
            3 => format!("bottleneck: {name}"),
            _ => format!("bottleneck: {}", capitalised(&self.id)),
        }
    }
}

/// Where the selection goes when its vehicle is no longer among the rows.
#[derive(Clone, Copy)]
enum Lost {
    /// The first row (the filter changed).
    First,
    /// The row at the same place (a reload took the vehicle away).
    SamePlace,
}

impl State {
    /// Rebuilds the rows for new data, keeping the filter, the sort and the selected
    /// vehicle when it is still queued.
    pub fn refresh(&mut self, data: &Data) {
        if self.basis.as_ref().is_some_and(|b| b.matches(data)) {
            return;
        }
        self.basis = Some(super::QueueBasis::of(data));
        let p = data.programme();
        self.index = filter::Index::new(p);
        self.widths = Widths::measure(p);
        let n = p.stages.len() as u32;
        self.stage_rank = p
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| i as u32 + if s.rework { n } else { 0 })
            .collect();
        let mut sites: Vec<usize> = (0..p.sites.len()).collect();
        sites.sort_by_cached_key(|&i| p.sites[i].to_lowercase());
        self.site_rank = vec![0; sites.len()];
        for (rank, &i) in sites.iter().enumerate() {
            self.site_rank[i] = rank as u32;
        }
        self.total = p.queue.len();
        self.bottleneck = data.forecast.bottleneck().and_then(|b| {
            let stage = p.stages.get(b.stage.0 as usize)?;
            Some(Bottleneck {
                name: stage.name.clone(),
                id: stage.id.clone(),
                median_days: b.median_days?,
            })
        });
        self.rebuild(data, Lost::SamePlace);
    }

    pub fn handle(&mut self, action: Action, data: &Data) -> bool {
        match action {
            Action::StartFilter => {
                self.typing = true;
                true
            }
            Action::FilterChar(c) if self.typing => {
                if !c.is_control() && self.filter.chars().count() < MAX_FILTER {
                    self.filter.push(c);
                    self.rebuild(data, Lost::First);
                }
                true
            }
            Action::FilterBackspace if self.typing => {
                if self.filter.pop().is_some() {
                    self.rebuild(data, Lost::First);
                }
                true
            }
            Action::AcceptFilter if self.typing => {
                self.typing = false;
                if self.filter.trim().is_empty() {
                    self.filter.clear();
                }
                true
            }
            Action::Close => {
                if self.typing {
                    self.typing = false;
                    self.clear_filter(data);
                } else if self.detail {
                    self.detail = false;
                } else if !self.filter.is_empty() {
                    self.clear_filter(data);
                } else {
                    return false;
                }
                true
            }
            Action::SortNext => {
                self.sort = self.sort.next();
                self.descending = self.sort.starts_descending();
                self.resort(data);
                true
            }
            Action::SortReverse => {
                self.descending = !self.descending;
                self.resort(data);
                true
            }
            Action::Open => {
                if self.selected.is_none() {
                    return false;
                }
                self.detail = true;
                true
            }
            Action::Scroll(n) => self.scroll(n, data),
            movement => {
                let moved = widgets::move_selection(
                    &mut self.selected,
                    self.rows.len(),
                    movement,
                    self.page,
                );
                if moved {
                    self.remember_selection(data.programme());
                }
                moved
            }
        }
    }

    /// True while the user types a filter.
    pub fn is_typing(&self) -> bool {
        self.typing
    }

    /// The filter typed or kept, as typed.
    pub fn filter(&self) -> &str {
        &self.filter
    }

    pub fn sort(&self) -> (SortKey, bool) {
        (self.sort, self.descending)
    }

    pub fn detail_open(&self) -> bool {
        self.detail
    }

    /// The number of rows shown (after the filter).
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The vehicles shown, in order.
    pub fn vehicles<'a>(&'a self, data: &'a Data) -> impl Iterator<Item = &'a Vehicle> + 'a {
        let queue = &data.programme().queue;
        self.rows.iter().filter_map(|&i| queue.get(i as usize))
    }

    /// The selected vehicle.
    pub fn selected<'a>(&self, data: &'a Data) -> Option<&'a Vehicle> {
        let i = *self.rows.get(self.selected?)?;
        data.programme().queue.get(i as usize)
    }

    /// The index of the selected row among the rows shown.
    pub fn selected_row(&self) -> Option<usize> {
        self.selected
    }

    /// The first row on screen.
    pub fn offset(&self) -> usize {
        self.offset
    }

    fn clear_filter(&mut self, data: &Data) {
        if !self.filter.is_empty() {
            self.filter.clear();
            self.rebuild(data, Lost::First);
        }
    }

    /// Filters and sorts the rows again.
    fn rebuild(&mut self, data: &Data, lost: Lost) {
        let p = data.programme();
        let today = data.today();
        let matcher = filter::Matcher::new(&filter::parse(&self.filter), &self.index, today);
        self.rows = if matcher.is_empty() {
            (0..p.queue.len() as u32).collect()
        } else {
            p.queue
                .iter()
                .enumerate()
                .filter(|(_, v)| matcher.matches(v))
                .map(|(i, _)| i as u32)
                .collect()
        };
        self.per_stage = vec![0; p.stages.len()];
        (self.overdue, self.held) = (0, 0);
        for &i in &self.rows {
            let v = &p.queue[i as usize];
            if let Some(n) = self.per_stage.get_mut(v.stage.0 as usize) {
                *n += 1;
            }
            self.overdue += usize::from(v.is_overdue(today));
            self.held += usize::from(v.is_on_hold());
        }
        self.sort_rows(p, today);
        self.restore_selection(p, lost);
    }

    /// Sorts the rows again (the filter did not change).
    fn resort(&mut self, data: &Data) {
        self.sort_rows(data.programme(), data.today());
        self.restore_selection(data.programme(), Lost::First);
    }

    fn sort_rows(&mut self, p: &Programme, today: Date) {
        let (key, descending) = (self.sort, self.descending);
        let (stage_rank, site_rank) = (&self.stage_rank, &self.site_rank);
        let rank = |ranks: &[u32], i: u32| ranks.get(i as usize).copied().unwrap_or(u32::MAX);
        self.rows.sort_unstable_by(|&a, &b| {
            let (va, vb) = (&p.queue[a as usize], &p.queue[b as usize]);
            let primary = match key {
                SortKey::Serial => Ordering::Equal,
                SortKey::Variant => va.variant.cmp(&vb.variant),
                SortKey::Stage => rank(stage_rank, va.stage.0).cmp(&rank(stage_rank, vb.stage.0)),
                SortKey::Site => rank(site_rank, va.site.0).cmp(&rank(site_rank, vb.site.0)),
                SortKey::DaysInStage => va.days_in_stage(today).cmp(&vb.days_in_stage(today)),
                // Vehicles without a due date go after the dated ones.
                SortKey::Due => match (va.due, vb.due) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                },
            };
            let by_serial = va.serial.cmp(&vb.serial).then(a.cmp(&b));
            match (key, descending) {
                (SortKey::Serial, true) => by_serial.reverse(),
                (_, true) => primary.reverse().then(by_serial),
                (_, false) => primary.then(by_serial),
            }
        });
    }

    /// Selects the remembered vehicle again after the rows changed.
    fn restore_selection(&mut self, p: &Programme, lost: Lost) {
        let len = self.rows.len();
        if len == 0 {
            self.selected = None;
            self.offset = 0;
            return;
        }
        let found = self.selected_serial.as_deref().and_then(|serial| {
            self.rows.iter().position(|&i| {
                p.queue
                    .get(i as usize)
                    .is_some_and(|v| *v.serial == *serial)
            })
        });
        self.offset = self.offset.min(len - 1);
        match (found, lost) {
            (Some(i), _) => self.selected = Some(i),
            // The serial stays remembered, so that the vehicle is selected again when the
            // filter lets it back in (a word typed, then erased).
            (None, Lost::First) => self.selected = Some(0),
            (None, Lost::SamePlace) => {
                self.selected = Some(self.selected.unwrap_or(0).min(len - 1));
                self.remember_selection(p);
            }
        }
    }

    fn remember_selection(&mut self, p: &Programme) {
        self.selected_serial = self
            .selected
            .and_then(|s| self.rows.get(s))
            .and_then(|&i| p.queue.get(i as usize))
            .map(|v| v.serial.clone());
    }

    /// The mouse wheel: the list and the selection move together, so the selected row
    /// stays where it is on screen until the list reaches an end.
    fn scroll(&mut self, n: i8, data: &Data) -> bool {
        let len = self.rows.len();
        if len == 0 {
            return false;
        }
        let shift = |x: usize, max: usize| (x as i64 + i64::from(n)).clamp(0, max as i64) as usize;
        let max_offset = len.saturating_sub(self.page.max(1));
        self.offset = shift(self.offset, max_offset);
        self.selected = Some(shift(self.selected.unwrap_or(0), len - 1));
        self.remember_selection(data.programme());
        true
    }
}

pub fn render(state: &mut State, data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        widgets::too_small(area, buf, MIN_WIDTH, MIN_HEIGHT, theme);
        return;
    }
    let [pipeline, main, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    widgets::line(
        pipeline,
        buf,
        self::pipeline(data.programme(), &state.per_stage, theme, pipeline.width),
    );
    render_footer(state, theme, footer, buf);

    let p = data.programme();
    let vehicle = state.selected(data).filter(|_| state.detail);
    let (table, detail) = match vehicle {
        None => (main, None),
        Some(v) => {
            let side = main.width >= SIDE_PANEL_FROM;
            let panel_width = if side { SIDE_PANEL_WIDTH } else { main.width };
            let lines = detail_lines(v, p, data.today(), panel_width.saturating_sub(2), theme);
            let height = lines.len() as u16 + 2;
            if side {
                let [t, d] =
                    Layout::horizontal([Constraint::Min(0), Constraint::Length(panel_width)])
                        .areas(main);
                let [d, _] =
                    Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(d);
                (t, Some((d, lines)))
            } else if main.height >= height + 4 {
                let [t, d] =
                    Layout::vertical([Constraint::Min(0), Constraint::Length(height)]).areas(main);
                (t, Some((d, lines)))
            } else {
                (Rect::default(), Some((main, lines)))
            }
        }
    };
    if !table.is_empty() {
        render_table(state, data, theme, table, buf);
    }
    if let (Some((area, lines)), Some(v)) = (detail, vehicle) {
        Clear.render(area, buf);
        let title = Line::from(vec![
            Span::styled(format!(" {} ", v.serial), theme.accent),
            Span::styled("Esc closes ", theme.muted),
        ]);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.muted)
            .title(title);
        Paragraph::new(lines).block(block).render(area, buf);
    }
}

/// `Hull received 5 › Variant kit and interior 4 › … │ Rework 4`: `counts` per stage, with
/// the longest labels that fit `width`: names, then ids, then ids with tighter separators,
/// then ids cut shorter.
pub(crate) fn pipeline<'a>(p: &Programme, counts: &[u32], theme: &Theme, width: u16) -> Line<'a> {
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
        let cut = ids.iter().map(|s| widgets::fit(s, k)).collect();
        (cut, false)
    }));
    let width_of = |labels: &[String], spaced: bool| {
        let sep = if spaced { 3 } else { 1 };
        let group = |set: &[usize]| {
            set.iter()
                .map(|&i| labels[i].width() + 1 + widgets::thousands(count(i) as u64).len())
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
                widgets::thousands(n as u64),
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

/// `hull` → `Hull`.
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        widgets::thousands(n as u64),
        if n == 1 { one } else { many }
    )
}

fn render_footer(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let total = state.total;
    let width = usize::from(area.width);
    let mut left: Vec<Span> = Vec::new();
    let mut right = String::new();
    if state.typing {
        let room = width.saturating_sub(24);
        left.push(Span::styled(" / ", theme.accent));
        left.push(Span::raw(tail(&state.filter, room)));
        left.push(Span::styled("█", theme.accent));
        right = format!(
            "{} of {} ",
            widgets::thousands(state.rows.len() as u64),
            plural(total, "vehicle", "vehicles")
        );
        if state.filter.is_empty() {
            // What can be typed, until something is.
            let hint = widgets::fit(FILTER_HINT, width.saturating_sub(4 + right.width() + 2));
            left.push(Span::styled(format!(" {hint}"), theme.muted));
        }
    } else if !state.filter.is_empty() {
        let room = width.saturating_sub(44);
        left.push(Span::styled(" filter ", theme.muted));
        left.push(Span::styled(
            widgets::fit(&state.filter, room),
            theme.accent,
        ));
        left.push(Span::raw(format!(
            "  {} of {}",
            widgets::thousands(state.rows.len() as u64),
            plural(total, "vehicle", "vehicles")
        )));
        right = "/ edits · Esc clears ".to_owned();
    } else {
        left.push(Span::raw(format!(
            " {}",
            plural(total, "vehicle", "vehicles")
        )));
        left.push(Span::styled(" · ", theme.muted));
        left.push(widgets::count_span(
            "!",
            state.overdue as u64,
            "overdue",
            theme.error,
            theme,
        ));
        left.push(Span::styled(" · ", theme.muted));
        left.push(widgets::count_span(
            "‖",
            state.held as u64,
            "on hold",
            theme.warning,
            theme,
        ));
    }
    // The right part, from the most said to the least, as room allows.
    let mut rights = vec![right.clone()];
    if !state.typing {
        let sort = format!(
            "sorted by {} {} ",
            state.sort.name(),
            if state.descending { "▼" } else { "▲" }
        );
        rights = if right.is_empty() {
            vec![sort]
        } else {
            vec![
                format!("{sort}· {right}"),
                right.clone(),
                "Esc clears ".to_owned(),
            ]
        };
    }
    // Over the whole queue, the bottleneck hint goes after the counts: the longest that
    // fits beside the sort, else the longest that fits alone (the table's header shows the
    // sort anyway).
    if !state.typing
        && state.filter.is_empty()
        && let Some(b) = &state.bottleneck
    {
        let used = Line::from(left.clone()).width();
        let fits = |tier: usize, right: usize| used + 3 + b.text(tier).width() + right <= width;
        let sort_width = rights.first().map_or(0, |r| r.width() + 2);
        let pick = (0..5)
            .find(|&t| fits(t, sort_width))
            .map(|t| (t, true))
            .or_else(|| (0..5).find(|&t| fits(t, 0)).map(|t| (t, false)));
        if let Some((tier, keep_sort)) = pick {
            let text = b.text(tier);
            let (label, rest) = text.split_at("bottleneck: ".len());
            let (name, tail) = rest.split_at(rest.find(',').unwrap_or(rest.len()));
            left.push(Span::styled(" · ", theme.muted));
            left.push(Span::styled(label.to_owned(), theme.muted));
            left.push(Span::styled(name.to_owned(), theme.warning));
            left.push(Span::styled(tail.to_owned(), theme.muted));
            if !keep_sort {
                rights.clear();
            }
        }
    }
    let left = Line::from(left);
    let left_width = left.width();
    widgets::line(area, buf, left);
    if let Some(right) = rights
        .into_iter()
        .find(|r| left_width + r.width() + 2 <= width)
    {
        let right_width = right.width() as u16;
        widgets::line(
            Rect::new(area.right() - right_width, area.y, right_width, 1),
            buf,
            Line::from(Span::styled(right, theme.muted)),
        );
    }
}

/// The end of `text` in at most `width` columns, for a filter being typed (the cursor end
/// must stay in view).
fn tail(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out: Vec<char> = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out.into_iter().rev().collect()
}

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
fn columns(width: u16, w: &Widths) -> Columns {
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

fn render_table(state: &mut State, data: &Data, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if state.rows.is_empty() {
        let note = if state.filter.trim().is_empty() {
            "No vehicle in final assembly."
        } else {
            "No vehicle matches this filter."
        };
        widgets::empty_note(area, buf, note, theme);
        return;
    }
    let len = state.rows.len();
    let page = usize::from(area.height.saturating_sub(1)).max(1);
    state.page = page;
    let selected = state.selected.unwrap_or(0).min(len - 1);
    if selected < state.offset {
        state.offset = selected;
    } else if selected >= state.offset + page {
        state.offset = selected + 1 - page;
    }
    state.offset = state.offset.min(len.saturating_sub(page));
    let scrolls = len > page;
    let table_area = if scrolls {
        Rect {
            width: area.width.saturating_sub(1),
            ..area
        }
    } else {
        area
    };
    let layout = columns(table_area.width, &state.widths);
    let p = data.programme();
    let today = data.today();
    let header = Row::new(layout.cols.iter().map(|&(col, width)| {
        let mut title = col.title().to_owned();
        if col.sort_key() == Some(state.sort) {
            let arrow = if state.descending { "▼" } else { "▲" };
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
    .style(theme.header);
    let end = (state.offset + page).min(len);
    let rows = state.rows[state.offset..end].iter().map(|&i| {
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
    let mut table_state = TableState::default().with_selected(Some(selected - state.offset));
    StatefulWidget::render(table, table_area, buf, &mut table_state);
    if scrolls {
        let bar_area = widgets::table_rows(area, 1, 0);
        widgets::scrollbar(bar_area, buf, state.offset, len - page, page, theme);
    }
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

fn days(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

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
fn detail_lines<'a>(
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
