//! The Deliveries view's state, and the figures its table shows in words: a year's cell
//! (planned/delivered, against today), the forecast's projection for the years to come, and
//! which charts are shown (per year, or the forecast's own trend, worked out per load).

mod series;

use chrono::Datelike;
use unicode_width::UnicodeWidthStr;

pub use series::Series;

use super::words::thousands;
use super::{Action, Data, list};
use crate::domain::figures::year_fraction;
use crate::domain::forecast::{Finish, Trend, YearOutlook};
use crate::domain::{FamilyId, VariantId, YearFigures};

/// The variant column is at most this wide before year columns are dropped.
const NAME_MAX: usize = 30;

/// The mark of the current year.
pub(crate) const TODAY_MARK: &str = "◆";

/// One line of the table body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    Variant(VariantId),
    /// The subtotal of a family, under its variants.
    Family(FamilyId),
}

/// Where a year stands against today.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum When {
    Past,
    /// The current year, with the share of it that has passed.
    Current(f64),
    Future,
}

/// Which charts the Deliveries view draws (`t` switches).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Charts {
    /// Planned against delivered per year, and the cumulative line with the projection.
    #[default]
    Yearly,
    /// The forecast's own trend: its finish at each month-end, and the rate needed against
    /// each month's hand-overs.
    Trend,
}

/// The Deliveries view's state: the table's rows and widths from the load, the selected
/// year and the scroll, the charts shown and the forecast's trend.
#[derive(Debug, Default, Clone)]
pub struct State {
    /// Variants in file order, each family followed by its subtotal.
    pub(crate) rows: Vec<Entry>,
    /// Planned and delivered per family, per year (indexed like the figures' years).
    pub(crate) family_years: Vec<Vec<(u32, u32)>>,
    /// The width of each year's column, and of the totals column; the year widths with
    /// the projection's shortfall or surplus, and without.
    pub(crate) year_widths: Vec<usize>,
    pub(crate) year_widths_short: Vec<usize>,
    pub(crate) total_width: usize,
    pub(crate) name_width: usize,
    /// The selected year, kept by its number across reloads.
    pub(crate) selected: Option<i32>,
    /// First body row and first year column on screen.
    pub(crate) scroll: usize,
    pub(crate) year_offset: usize,
    /// Body rows on screen at the last render, for paging.
    page: usize,
    pub(crate) charts: Series,
    /// The charts shown, kept across reloads.
    pub(crate) shown: Charts,
    /// The forecast as it stood at each month-end, over the forecast's window; `None`
    /// before the first refresh.
    pub(crate) trend: Option<Trend>,
}

impl State {
    /// Derives the rows, the widths and the chart of `data`, keeping the selected year
    /// when it is still in the period.
    pub fn refresh(&mut self, data: &Data) {
        let p = data.programme();
        let f = &data.figures;
        let years = &f.years;

        self.rows.clear();
        let mut members: Vec<Vec<VariantId>> = vec![Vec::new(); p.families.len()];
        for v in p.variant_ids() {
            members[p.family_of(v).0 as usize].push(v);
        }
        for fam in p.family_ids() {
            let vs = &members[fam.0 as usize];
            if !vs.is_empty() {
                self.rows.extend(vs.iter().map(|&v| Entry::Variant(v)));
                self.rows.push(Entry::Family(fam));
            }
        }
        self.family_years = members
            .iter()
            .map(|vs| {
                years
                    .iter()
                    .map(|y| {
                        vs.iter().fold((0, 0), |(pl, de), v| {
                            let (a, b) = y.by_variant[v.0 as usize];
                            (pl + a, de + b)
                        })
                    })
                    .collect()
            })
            .collect();

        // The totals are the widest figures of every column, the projections of the
        // family and programme rows too.
        let today = data.today();
        let widths = |difference: bool| -> Vec<usize> {
            years
                .iter()
                .map(|y| {
                    let when = when(y.year, today);
                    let (text, _) = cell(when, (y.planned, y.delivered), total_to_date(y));
                    let head = header_label(y.year, when).width();
                    let projected = p
                        .family_ids()
                        .map(Some)
                        .chain([None])
                        .filter_map(|f| projection(data, f, y.year))
                        .map(|o| projection_text(&o, difference).width())
                        .max()
                        .unwrap_or(0);
                    text.width().max(head).max(projected).max(5)
                })
                .collect()
        };
        self.year_widths = widths(true);
        self.year_widths_short = widths(false);
        let (planned, delivered) = totals(years.iter().map(|y| (y.planned, y.delivered)));
        self.total_width = pair(planned, delivered).width().max("Total".width());
        self.name_width = p
            .variants
            .iter()
            .map(|v| v.name.width())
            .chain(p.families.iter().map(|f| f.name.width() + 2))
            .chain([TOTAL_LABEL.width()])
            .max()
            .unwrap_or(8)
            .min(NAME_MAX);

        self.charts = Series::new(data);
        self.trend = Some(Trend::compute(p, today, data.forecast.window_months));
        self.selected = match (self.selected, years.first(), years.last()) {
            (_, None, _) | (_, _, None) => None,
            (Some(y), Some(first), Some(last)) if (first.year..=last.year).contains(&y) => Some(y),
            (_, Some(first), Some(last)) => Some(today.year().clamp(first.year, last.year)),
        };
        self.scroll = self.scroll.min(self.rows.len().saturating_sub(1));
    }

    /// Left/Right change the year, the movements scroll the table; returns true when the
    /// screen changes, false otherwise (at an end, or an action that means nothing here).
    pub fn handle(&mut self, action: Action, data: &Data) -> bool {
        let years = &data.figures.years;
        let (Some(first), Some(last), Some(sel)) = (years.first(), years.last(), self.selected)
        else {
            return false;
        };
        if action == Action::SwitchChart {
            self.shown = match self.shown {
                Charts::Yearly => Charts::Trend,
                Charts::Trend => Charts::Yearly,
            };
            return true;
        }
        let page = self.page;
        let last_scroll = self.rows.len().saturating_sub(page.max(1));
        let scroll = match action {
            Action::Left if sel > first.year => {
                self.selected = Some(sel - 1);
                return true;
            }
            Action::Right if sel < last.year => {
                self.selected = Some(sel + 1);
                return true;
            }
            movement => match list::step(self.scroll, last_scroll, page, movement) {
                Some(scroll) => scroll,
                None => return false,
            },
        };
        let changed = scroll != self.scroll;
        self.scroll = scroll;
        changed
    }

    /// The charts shown.
    pub fn charts_shown(&self) -> Charts {
        self.shown
    }

    /// The forecast's trend of the last refresh (`None` before the first).
    pub fn trend(&self) -> Option<&Trend> {
        self.trend.as_ref()
    }

    /// The selected year.
    pub fn selected_year(&self) -> Option<i32> {
        self.selected
    }

    /// The first row of the table on screen.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// Takes what the last drawing learned: the rows on screen, the first of them and the
    /// first year column.
    pub fn seen(&mut self, seen: Seen) {
        self.page = seen.page;
        self.scroll = seen.scroll;
        self.year_offset = seen.year_offset;
    }

    pub(crate) fn selected_index(&self, years: &[YearFigures]) -> Option<usize> {
        let first = years.first()?.year;
        usize::try_from(self.selected? - first).ok()
    }
}

/// The label of the grand-total row.
pub(crate) const TOTAL_LABEL: &str = "Σ Programme";

pub(crate) fn when(year: i32, today: crate::domain::Date) -> When {
    match year.cmp(&today.year()) {
        std::cmp::Ordering::Less => When::Past,
        std::cmp::Ordering::Equal => When::Current(year_fraction(today)),
        std::cmp::Ordering::Greater => When::Future,
    }
}

pub(crate) fn header_label(year: i32, when: When) -> String {
    match when {
        When::Current(_) => format!("{TODAY_MARK}{year}"),
        _ => year.to_string(),
    }
}

pub(crate) fn pair(a: u32, b: u32) -> String {
    format!("{}/{}", thousands(a.into()), thousands(b.into()))
}

pub(crate) fn totals(it: impl Iterator<Item = (u32, u32)>) -> (u32, u32) {
    it.fold((0u32, 0u32), |(a, b), (x, y)| {
        (a.saturating_add(x), b.saturating_add(y))
    })
}

/// The programme's plan to date in year `y` (the current year), in whole vehicles: the
/// sum of the variants' (see [`YearFigures::planned_to_date_by_variant`]).
pub(crate) fn total_to_date(y: &YearFigures) -> u32 {
    y.planned_to_date_by_variant
        .iter()
        .fold(0u32, |a, &b| a.saturating_add(b))
}

/// What a table cell says for a year, and how it reads against the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    Empty,
    OnPlan,
    Behind,
    Planned,
}

/// Planned/delivered for a past year; planned to date/delivered for the current year
/// (`to_date`, the domain's whole vehicles, so that the rows add up to their totals); only
/// the plan for a year to come.
pub(crate) fn cell(when: When, (planned, delivered): (u32, u32), to_date: u32) -> (String, Mark) {
    if planned == 0 && delivered == 0 {
        return ("·".to_owned(), Mark::Empty);
    }
    let target = match when {
        When::Past => planned,
        When::Current(_) => to_date,
        When::Future if delivered == 0 => {
            return (thousands(planned.into()), Mark::Planned);
        }
        When::Future => planned,
    };
    let mark = if delivered >= target {
        Mark::OnPlan
    } else {
        Mark::Behind
    };
    (pair(target, delivered), mark)
}

/// True when the forecast projects the programme: every family, or some of them, has a
/// rate to project from and vehicles left. The chart draws a projected line exactly then.
pub(crate) fn projecting(data: &Data) -> bool {
    matches!(
        data.forecast.programme.finish,
        Finish::Projected(_) | Finish::Blocked
    )
}

/// The forecast's year for a family (`None`: the programme) when it adds to the plan: a
/// year to come, while the chart draws a projection.
pub(crate) fn projection(data: &Data, family: Option<FamilyId>, year: i32) -> Option<YearOutlook> {
    let forecast = &data.forecast;
    if year <= data.today().year() || !projecting(data) {
        return None;
    }
    let o = match family {
        Some(f) => forecast.families.get(f.0 as usize)?,
        None => &forecast.programme,
    };
    o.years
        .iter()
        .find(|y| y.year == year)
        .filter(|y| y.planned > 0 || y.projected > 0)
        .copied()
}

/// `94/77` and `−17`: planned/projected, and the shortfall or surplus.
pub(crate) fn projection_parts(y: &YearOutlook) -> (String, String) {
    let d = y.difference();
    let signed = match d {
        0 => "±0".to_owned(),
        d if d > 0 => format!("+{}", thousands(d.unsigned_abs())),
        d => format!("−{}", thousands(d.unsigned_abs())),
    };
    (pair(y.planned, y.projected), signed)
}

/// `94/77 −17`; without `difference`, only `94/77`.
pub(crate) fn projection_text(y: &YearOutlook, difference: bool) -> String {
    let (figures, signed) = projection_parts(y);
    if difference {
        format!("{figures} {signed}")
    } else {
        figures
    }
}

/// What drawing the Deliveries table learned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    /// Body rows on screen, for paging.
    pub page: usize,
    /// The first body row on screen.
    pub scroll: usize,
    /// The first year column on screen.
    pub year_offset: usize,
}
