//! The forecast's own trend (a milestone trend): what the finish forecast would have said at
//! each month-end of the programme so far, per family and for the programme.
//!
//! Nothing is stored between loads: each point is the forecast made again as of a month-end,
//! from the deliveries dated on or before it, with that month-end as today. It is the same
//! forecast as [`Forecast::compute`]'s (the same `outlook` per family, the same settling of
//! the programme's finish, the same window), so a point that rests on few hand-overs is
//! marked low confidence exactly as the forecast of that day would have been. The last point
//! is today's, equal to the forecast on screen.
//!
//! What a point cannot know: the contract and the plan are the files' as they are today (the
//! files keep no history of them), so a change of plan moves every point's slip at once.
//!
//! Beside each point, the rate needed from that day to finish by the end of the planned
//! finish year against the vehicles actually handed over in its calendar month.
//!
//! [`Forecast::compute`]: super::Forecast::compute

use chrono::{Datelike, Months};

use super::super::dates::month_and_year;
use super::super::words::months;
use super::super::{Date, Programme};
use super::{Finish, MAX_WINDOW_MONTHS, Outlook, outlook, settle_programme};

/// The most points a series holds: ten years of month-ends and today. A longer programme
/// keeps its latest ones ([`Trend::left_out`] counts the others).
pub const MAX_TREND_POINTS: usize = 121;

/// The forecast as it stood at each month-end, per family and for the programme.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    /// The day of the last point.
    pub today: Date,
    /// The window every point's rate is measured over, in months ending on its day.
    pub window_months: u32,
    /// Per family, indexed like [`Programme::families`].
    pub families: Vec<TrendSeries>,
    /// The whole programme: its finish is its last family's, as in the forecast.
    pub programme: TrendSeries,
    /// Month-ends of the programme's first years left out to keep [`MAX_TREND_POINTS`].
    pub left_out: usize,
}

/// The points of one family, or of the programme, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendSeries {
    /// The family's name, or the programme's.
    pub name: String,
    /// The last year the plan delivers anything in (today's plan), as the forecast takes it.
    pub planned_finish: Option<i32>,
    /// One point per month-end, then today's when today is not a month-end.
    pub points: Vec<TrendPoint>,
}

/// What the forecast said on one day.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    /// The month-end (or today, for the last point) the forecast is made on.
    pub day: Date,
    /// False for today's point when today is not a month-end: its month is not over.
    pub month_end: bool,
    /// Vehicles handed over in the calendar month of `day`, up to `day`.
    pub in_month: u32,
    /// The forecast of that day: delivered so far, the rate (and, for the programme, the
    /// rate and family its finish rests on), the finish, the rate needed to finish on plan.
    /// Its `years` are left empty.
    pub outlook: Outlook,
}

impl TrendPoint {
    /// The slip in months against the end of the planned finish year, when the finish is
    /// projected and there is a plan ([`Outlook::slip_months`]).
    pub fn slip_months(&self) -> Option<i64> {
        self.outlook.slip_months()
    }

    /// True when the point's finish rests on a rate of low confidence (few hand-overs or a
    /// short window, [`super::Rate::is_low_confidence`]). False when nothing is projected.
    pub fn is_low_confidence(&self) -> bool {
        matches!(self.outlook.finish, Finish::Projected(_))
            && self.outlook.finish_rate.is_low_confidence()
    }

    /// Vehicles a month needed from `day` to finish by the end of the planned finish year;
    /// `None` when nothing is left, there is no plan, or the plan has ended.
    pub fn needed_per_month(&self) -> Option<f64> {
        self.outlook.needed.per_month()
    }
}

impl TrendSeries {
    /// The end of the planned finish year (31 December), when there is a plan.
    pub fn planned_end(&self) -> Option<Date> {
        self.planned_finish.map(super::super::dates::end_of_year)
    }

    /// The last point: today's forecast.
    pub fn latest(&self) -> Option<&TrendPoint> {
        self.points.last()
    }
}

/// Month-ends back from the latest one that [`TrendSeries::movement`] compares with.
pub const MOVEMENT_MONTHS: usize = 3;

impl TrendSeries {
    /// How the finish moved from the month-end [`MOVEMENT_MONTHS`] before the latest
    /// month-end to the last point, in words: `Griffon: February 2032 on 2026-11-26
    /// against December 2032 on 2026-08-31, 9 months earlier` (the shift counted like a
    /// slip, [`super::slip_months`]), `… (low confidence)` when the last finish rests on
    /// few hand-overs, or why it cannot say (`no hand-over yet`, `no finish was projected
    /// on 2026-08-31`, `no forecast 3 months before to compare`).
    pub fn movement(&self) -> String {
        let Some(latest) = self.latest() else {
            return format!("{}: no forecast", self.name);
        };
        let ends: Vec<&TrendPoint> = self.points.iter().filter(|p| p.month_end).collect();
        // Today's point is a month-end itself when today is one.
        let back = MOVEMENT_MONTHS + usize::from(latest.month_end);
        let earlier = ends.len().checked_sub(back).and_then(|i| ends.get(i));
        let now = match latest.outlook.finish {
            Finish::Projected(d) => d,
            Finish::Delivered(_) => return format!("{}: all delivered", self.name),
            Finish::NotStarted => return format!("{}: no hand-over yet", self.name),
            _ => return format!("{}: no finish can be projected today", self.name),
        };
        let low = if latest.is_low_confidence() {
            " (low confidence)"
        } else {
            ""
        };
        let head = format!(
            "{}: {} on {}{low}",
            self.name,
            month_and_year(now),
            latest.day
        );
        let Some(e) = earlier else {
            return format!("{head}; no forecast {MOVEMENT_MONTHS} months before to compare");
        };
        let Finish::Projected(then) = e.outlook.finish else {
            return format!("{head}; no finish was projected on {}", e.day);
        };
        // Counted between the months named, so that the words add up on their face
        // (December 2032 to February 2032 is 10 months, whatever the days).
        let month = |d: Date| i64::from(d.year()) * 12 + i64::from(d.month());
        let moved = match month(now) - month(then) {
            0 => "unchanged".to_owned(),
            m if m > 0 => format!("{} later", months(m)),
            m => format!("{} earlier", months(-m)),
        };
        format!(
            "{head} against {} on {}, {moved}",
            month_and_year(then),
            e.day
        )
    }
}

/// One series' hand-overs, one entry per day in date order, and their running sums.
struct Days {
    days: Vec<(Date, u32)>,
    cumulative: Vec<u64>,
}

impl Days {
    fn new(mut days: Vec<(Date, u32)>) -> Days {
        days.sort_unstable_by_key(|&(d, _)| d);
        days.dedup_by(|later, earlier| {
            let same = later.0 == earlier.0;
            if same {
                earlier.1 = earlier.1.saturating_add(later.1);
            }
            same
        });
        let mut sum = 0u64;
        let cumulative = days
            .iter()
            .map(|&(_, q)| {
                sum += u64::from(q);
                sum
            })
            .collect();
        Days { days, cumulative }
    }

    /// The hand-overs on or before `day`.
    fn until(&self, day: Date) -> &[(Date, u32)] {
        &self.days[..self.days.partition_point(|&(d, _)| d <= day)]
    }

    /// Vehicles handed over on or before `day`.
    fn total_until(&self, day: Date) -> u64 {
        match self.days.partition_point(|&(d, _)| d <= day) {
            0 => 0,
            n => self.cumulative[n - 1],
        }
    }

    /// Vehicles handed over from the first of `day`'s month to `day`.
    fn in_month(&self, day: Date) -> u32 {
        let before = day.with_day(1).and_then(|d| d.pred_opt());
        let earlier = before.map_or(0, |b| self.total_until(b));
        u32::try_from(self.total_until(day) - earlier).unwrap_or(u32::MAX)
    }
}

/// The last day of `day`'s month.
fn month_end(day: Date) -> Date {
    day.with_day(1)
        .and_then(|first| first.checked_add_months(Months::new(1)))
        .and_then(|next| next.pred_opt())
        .unwrap_or(day)
}

/// The days the trend is made on: each month-end from the end of January of the
/// programme's first year (its years, plan and deliveries) up to today, then today when it
/// is not a month-end; at most [`MAX_TREND_POINTS`], the latest. Returns them and how many
/// month-ends were left out.
fn days_of(programme: &Programme, today: Date) -> (Vec<Date>, usize) {
    let first_year = programme.years().next().unwrap_or(today.year());
    let Some(first) = Date::from_ymd_opt(first_year, 1, 1) else {
        return (vec![today], 0);
    };
    // Month-ends from January of the first year to today's month, counted without walking
    // them; today's month's end counts only when it is today.
    let span =
        (i64::from(today.year()) - i64::from(first_year)) * 12 + i64::from(today.month()) - 1;
    let at_month_end = month_end(today) == today;
    let past = usize::try_from(span + i64::from(at_month_end)).unwrap_or(0);
    let extra = usize::from(!at_month_end);
    let keep = past.min(MAX_TREND_POINTS - extra);
    let mut days: Vec<Date> = (past - keep..past)
        .filter_map(|k| {
            let month = first.checked_add_months(Months::new(u32::try_from(k).ok()?))?;
            Some(month_end(month))
        })
        .collect();
    if !at_month_end {
        days.push(today);
    }
    (days, past - keep)
}

impl Trend {
    /// The trend of `programme` up to `today`: at each month-end (and today), the forecast
    /// [`super::Forecast::compute`] would have made that day from the deliveries dated on
    /// or before it, over `window_months` (cut to 1..=[`MAX_WINDOW_MONTHS`]).
    pub fn compute(programme: &Programme, today: Date, window_months: u32) -> Trend {
        let window_months = window_months.clamp(1, MAX_WINDOW_MONTHS);
        let n_families = programme.families.len();

        // The same inputs as the forecast's: contracts and plan as the files give them.
        let (contracted, hand_overs) = super::contracted_and_hand_overs(programme, today);
        let hand_overs: Vec<Days> = hand_overs.into_iter().map(Days::new).collect();
        let mut planned: Vec<Vec<(i32, u32)>> = vec![Vec::new(); n_families + 1];
        for p in &programme.plan {
            let f = programme.family_of(p.variant).0 as usize;
            planned[f].push((p.year, p.quantity));
            planned[n_families].push((p.year, p.quantity));
        }
        let last_year = programme.info.as_ref().map(|i| i.last_year);
        let total = contracted.iter().fold(0, |a: u32, &c| a.saturating_add(c));
        let names: Vec<String> = programme
            .families
            .iter()
            .map(|f| f.name.clone())
            .chain([programme.name().to_owned()])
            .collect();

        let (days, left_out) = days_of(programme, today);
        let mut series: Vec<TrendSeries> = names
            .iter()
            .map(|name| TrendSeries {
                name: name.clone(),
                planned_finish: None,
                points: Vec::with_capacity(days.len()),
            })
            .collect();
        for &day in &days {
            let point = |s: usize, contracted: u32| {
                let o = outlook(
                    names[s].clone(),
                    contracted,
                    hand_overs[s].until(day),
                    &planned[s],
                    last_year,
                    day,
                    window_months,
                );
                TrendPoint {
                    day,
                    month_end: day == month_end(day),
                    in_month: hand_overs[s].in_month(day),
                    outlook: o,
                }
            };
            let families: Vec<TrendPoint> =
                (0..n_families).map(|f| point(f, contracted[f])).collect();
            let mut whole = point(n_families, total);
            let outlooks: Vec<Outlook> = families.iter().map(|p| p.outlook.clone()).collect();
            settle_programme(&mut whole.outlook, &outlooks);
            for (s, p) in families.into_iter().chain([whole]).enumerate() {
                series[s].planned_finish = p.outlook.planned_finish;
                series[s].points.push(p);
            }
        }
        let programme_series = series.pop().unwrap_or_else(|| TrendSeries {
            name: programme.name().to_owned(),
            planned_finish: None,
            points: Vec::new(),
        });
        Trend {
            today,
            window_months,
            families: series,
            programme: programme_series,
            left_out,
        }
    }

    /// Every series, the families first, then the programme.
    pub fn series(&self) -> impl Iterator<Item = &TrendSeries> {
        self.families.iter().chain([&self.programme])
    }
}

#[cfg(test)]
mod tests;
