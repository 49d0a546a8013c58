//! The objective of a Line of Balance: planned against delivered cumulative vehicles at the
//! end of each month of the programme's years.

use super::super::dates::end_of_year;
use super::super::{Date, FamilyId, Figures, Programme, Schedule};

/// The most years the objective covers, from the programme's first: a month costs a pass
/// over the plan and the deliveries, and a hostile set may name centuries.
pub const MAX_YEARS: usize = 15;

/// One month of the objective chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthPoint {
    /// The last day of the month.
    pub end: Date,
    /// Planned cumulative deliveries by the end of the month (the plan to date of
    /// [`Figures::compute`] on that day).
    pub planned: u32,
    /// Delivered cumulative by the end of the month, or by today in the current month;
    /// `None` for months after today.
    pub delivered: Option<u32>,
}

/// The objective of `family` (the programme when `None`): one point per month of the
/// programme's years (at most [`MAX_YEARS`]), as of `today`.
pub fn objective(programme: &Programme, family: Option<FamilyId>, today: Date) -> Vec<MonthPoint> {
    let scope = family.map_or(0, |f| f.0 as usize + 1);
    objectives(programme, today)
        .into_iter()
        .nth(scope)
        .unwrap_or_default()
}

/// The objectives of the programme (first) and of each family (then, indexed like
/// [`Programme::families`]): the plan from one [`Figures::compute`] per month (on the plan
/// alone), the deliveries counted in one pass over them sorted by day.
pub fn objectives(programme: &Programme, today: Date) -> Vec<Vec<MonthPoint>> {
    let plan = Programme {
        deliveries: Default::default(),
        ..plan_only(programme)
    };
    let scopes = 1 + programme.families.len();
    let mut delivered: Vec<(Date, usize, u32)> = programme
        .deliveries
        .iter()
        .filter(|d| d.date <= today)
        .map(|d| {
            (
                d.date,
                1 + programme.family_of(d.variant).0 as usize,
                d.quantity,
            )
        })
        .collect();
    delivered.sort_unstable_by_key(|&(date, ..)| date);
    let mut next = 0;
    let mut cumulative = vec![0u32; scopes];
    let mut out = vec![Vec::new(); scopes];
    for year in programme.years().take(MAX_YEARS) {
        for month in 1..=12 {
            let Some(first) = Date::from_ymd_opt(year, month, 1) else {
                continue;
            };
            let end = month_end(year, month);
            while let Some(&(date, scope, quantity)) = delivered.get(next) {
                if date > end {
                    break;
                }
                for s in [0, scope] {
                    if let Some(c) = cumulative.get_mut(s) {
                        *c = c.saturating_add(quantity);
                    }
                }
                next += 1;
            }
            let figures = Figures::compute(&plan, end);
            let planned = std::iter::once(figures.schedule)
                .chain(figures.family_schedules.iter().copied())
                .map(|s: Schedule| s.planned_to_date.round().max(0.0) as u32);
            // Deliveries after today are left out above: the current month counts to today.
            let shown = first <= today;
            for ((series, planned), &done) in out.iter_mut().zip(planned).zip(&cumulative) {
                series.push(MonthPoint {
                    end,
                    planned,
                    delivered: shown.then_some(done),
                });
            }
        }
    }
    out
}

/// A copy of `programme` without its queue, which plays no part in the plan or the
/// deliveries: [`Figures::compute`] on it costs a pass over the plan and the deliveries.
pub(super) fn plan_only(programme: &Programme) -> Programme {
    Programme {
        info: programme.info.clone(),
        families: programme.families.clone(),
        variants: programme.variants.clone(),
        plan: programme.plan.clone(),
        deliveries: programme.deliveries.clone(),
        ..Programme::default()
    }
}

/// The last day of `month` of `year`.
fn month_end(year: i32, month: u32) -> Date {
    let next = if month == 12 {
        Date::from_ymd_opt(year.saturating_add(1), 1, 1)
    } else {
        Date::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|d| d.pred_opt())
        .unwrap_or_else(|| end_of_year(year))
}
