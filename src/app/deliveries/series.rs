//! The points of the Deliveries view's line chart, worked out once per load: the
//! cumulative plan, the deliveries to date and the forecast's projection.

use chrono::Datelike;

use crate::app::Data;
use crate::domain::Date;
use crate::domain::figures::year_fraction;
use crate::domain::forecast::Finish;

/// The points of the line chart, worked out on refresh. Years are on the x axis: `2026.0`
/// is the first of January 2026.
#[derive(Debug, Default, Clone)]
pub struct Series {
    /// The cumulative plan at the end of each year, from zero at the start.
    pub(crate) plan: Vec<(f64, f64)>,
    /// The cumulative deliveries at each delivery day, up to today.
    pub(crate) actual: Vec<(f64, f64)>,
    /// The forecast's cumulative deliveries from today to its horizon; empty when no
    /// finish can be projected (nothing delivered in the window, or nothing left).
    pub(crate) projected: Vec<(f64, f64)>,
    /// The projection ends after the plan, or some family's finish cannot be projected.
    pub(crate) late: bool,
    /// A vertical line at today, when today is in the period.
    pub(crate) today: Vec<(f64, f64)>,
    pub(crate) x: [f64; 2],
    /// The last year on the x axis: the plan's, or the forecast's horizon when later.
    pub(crate) last_year: i32,
    pub(crate) y_max: f64,
}

/// Where a day falls on the x axis (at its end).
fn x_of(day: Date) -> f64 {
    f64::from(day.year()) + year_fraction(day)
}

impl Series {
    /// The points of `data`.
    pub fn new(data: &Data) -> Series {
        let years = &data.figures.years;
        let (Some(first), Some(last)) = (years.first(), years.last()) else {
            return Series::default();
        };
        // The axis runs on to the forecast's horizon (the end of the projected finish year,
        // at most ten years past the plan).
        let forecast = &data.forecast;
        let horizon = forecast.horizon();
        let last_year = last.year.max(horizon.year());
        let x = [f64::from(first.year), f64::from(last_year + 1)];
        let today = data.today();
        let mut plan = vec![(x[0], 0.0)];
        plan.extend(
            years
                .iter()
                .map(|y| (f64::from(y.year + 1), f64::from(y.cum_planned))),
        );
        if last_year > last.year {
            // The plan is done by its last year: flat from there.
            plan.push((x[1], f64::from(last.cum_planned)));
        }

        let mut days: Vec<(Date, u32)> = data
            .programme()
            .deliveries
            .iter()
            .filter(|d| d.date <= today)
            .map(|d| (d.date, d.quantity))
            .collect();
        days.sort_unstable_by_key(|d| d.0);
        let mut actual = vec![(x[0], 0.0)];
        let mut cum = 0u32;
        for (day, n) in days {
            cum = cum.saturating_add(n);
            let point = (x_of(day), f64::from(cum));
            match actual.last_mut() {
                Some(last) if last.0 == point.0 => *last = point,
                _ => actual.push(point),
            }
        }
        let now = x_of(today);
        let in_period = (x[0]..=x[1]).contains(&now);
        if in_period {
            actual.push((now, f64::from(cum)));
        } else if now > x[1] {
            actual.push((x[1], f64::from(cum)));
        }
        let whole = &forecast.programme;
        let (projected, late) = match whole.finish {
            Finish::Projected(_) => (true, whole.years_late().is_some_and(|n| n > 0)),
            // Some family can be projected, another cannot: the line shows how far the
            // current rates go, and it never reaches the contracted total.
            Finish::Blocked => (true, true),
            _ => (false, false),
        };
        let projected: Vec<(f64, f64)> = if projected && horizon > today {
            forecast
                .points(None, horizon)
                .into_iter()
                .map(|(day, n)| (x_of(day).min(x[1]), f64::from(n)))
                .collect()
        } else {
            Vec::new()
        };
        let projected_max = projected.iter().map(|p| p.1).fold(0.0, f64::max);
        let y_max = f64::from(last.cum_planned.max(cum).max(1)).max(projected_max);
        Series {
            plan,
            actual,
            projected,
            late,
            today: if in_period {
                vec![(now, 0.0), (now, y_max)]
            } else {
                Vec::new()
            },
            x,
            last_year,
            y_max,
        }
    }

    /// True when the chart draws a projected line.
    pub fn has_projection(&self) -> bool {
        !self.projected.is_empty()
    }
}
