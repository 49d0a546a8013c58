//! The outlook: where the programme is heading at its recent delivery rate.
//!
//! Pure arithmetic on a [`Programme`] for one day, like [`super::figures`]. Each family's
//! rate is the vehicles it handed over in a recent window (the last `window_months` months,
//! ending today), **each hand-over spread evenly over the days since the previous one** and
//! counted for the part of those days that lies in the window, so that with unchanged files
//! the rate drifts from day to day instead of jumping when an old hand-over leaves the
//! window (the rule, and the bound it guarantees, are in `rate.rs`). The rate is kept as a
//! fraction *vehicles / days* so that every projection is an exact whole number of
//! vehicles: at a rate of `n` vehicles in `d` days, `floor(n × t / d)` more vehicles have
//! arrived `t` days after today, and the last of `r` remaining vehicles arrives
//! `ceil(r × d / n)` days after today.
//!
//! The programme's finish is the latest of its families' finishes: a fast Griffon line does
//! not finish the Jaguars. The programme's own rate (all families together) is shown, not
//! projected from.
//!
//! The queue's bottleneck hint lives here too: the main-line stage where vehicles have
//! waited longest, by the median of their days in the stage.

mod chart;
mod outlook;
mod rate;
mod stages;
mod trend;
mod verdict;

use chrono::Datelike;

use super::dates::add_days;
use super::{Date, FamilyId, Programme};

pub use outlook::{Finish, Needed, Outlook, YearOutlook, slip_months};
pub use rate::{MILLIONTHS, MIN_HAND_OVERS, MIN_WINDOW_DAYS, Rate};
pub use stages::{StageWait, stage_waits};
pub use trend::{MAX_TREND_POINTS, MOVEMENT_MONTHS, Trend, TrendPoint, TrendSeries};

/// The window used when the config does not say.
pub const DEFAULT_WINDOW_MONTHS: u32 = 6;

/// The longest window accepted (ten years); longer windows are cut to it.
pub const MAX_WINDOW_MONTHS: u32 = 120;

/// How far past the plan the year-by-year outlook and the chart go, in years: a crawling
/// rate must not make a table of two centuries.
pub const HORIZON_YEARS: i32 = 10;

/// The whole forecast for one day.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    /// The day the forecast is made on (the window's last day).
    pub today: Date,
    /// The window the rates are measured over, in months ending today.
    pub window_months: u32,
    /// Per family, indexed like [`Programme::families`].
    pub families: Vec<Outlook>,
    /// The whole programme.
    pub programme: Outlook,
    /// Every stage in flow order, empty ones included.
    pub stages: Vec<StageWait>,
}

impl Forecast {
    /// The forecast of `programme` as of `today`, from the rate over the last
    /// `window_months` months (cut to 1..=[`MAX_WINDOW_MONTHS`]).
    ///
    /// Deliveries dated after today are not counted (the loader reports them). Each
    /// hand-over is spread over the days since the previous one, the first over the month
    /// before it, and counted for the part of those days within the window. When a family's
    /// first hand-over falls inside the window, the days the rate divides by start on that
    /// day instead, so that the months before deliveries began do not dilute the rate; they
    /// are never fewer than a month's, so that a single early hand-over does not make a
    /// rate.
    pub fn compute(programme: &Programme, today: Date, window_months: u32) -> Forecast {
        let window_months = window_months.clamp(1, MAX_WINDOW_MONTHS);
        let n_families = programme.families.len();

        let (contracted, hand_overs) = contracted_and_hand_overs(programme, today);
        let mut planned: Vec<Vec<(i32, u32)>> = vec![Vec::new(); n_families + 1];
        for p in &programme.plan {
            let f = programme.family_of(p.variant).0 as usize;
            planned[f].push((p.year, p.quantity));
            planned[n_families].push((p.year, p.quantity));
        }
        let programme_last_year = programme.info.as_ref().map(|i| i.last_year);

        let mut families: Vec<Outlook> = (0..n_families)
            .map(|f| {
                outlook(
                    programme.families[f].name.clone(),
                    contracted[f],
                    &hand_overs[f],
                    &planned[f],
                    programme_last_year,
                    today,
                    window_months,
                )
            })
            .collect();
        let mut whole = outlook(
            programme.name().to_owned(),
            contracted.iter().fold(0, |a: u32, &c| a.saturating_add(c)),
            &hand_overs[n_families],
            &planned[n_families],
            programme_last_year,
            today,
            window_months,
        );
        settle_programme(&mut whole, &families);

        // One range of years for every outlook, so that the programme's are the sums: this
        // year to the later of the planned and the projected finishes, within the horizon.
        let first = today.year();
        let outlooks = || families.iter().chain([&whole]);
        let plan_end = outlooks()
            .filter_map(|o| o.planned_finish)
            .fold(first, i32::max);
        let projected_end = outlooks()
            .filter_map(|o| match o.finish {
                Finish::Projected(day) => Some(day.year()),
                _ => None,
            })
            .fold(first, i32::max);
        let last = plan_end.max(projected_end.min(plan_end.saturating_add(HORIZON_YEARS)));

        for (f, o) in families.iter_mut().enumerate() {
            o.years = year_outlooks(o, &hand_overs[f], &planned[f], today, first..=last);
        }
        whole.years = (first..=last)
            .enumerate()
            .map(|(i, year)| {
                let mut y = YearOutlook {
                    year,
                    ..YearOutlook::default()
                };
                for o in &families {
                    let f = &o.years[i];
                    y.planned = y.planned.saturating_add(f.planned);
                    y.delivered = y.delivered.saturating_add(f.delivered);
                    y.projected = y.projected.saturating_add(f.projected);
                    y.cum_planned = y.cum_planned.saturating_add(f.cum_planned);
                    y.cum_projected = y.cum_projected.saturating_add(f.cum_projected);
                }
                y
            })
            .collect();

        Forecast {
            today,
            window_months,
            families,
            programme: whole,
            stages: stage_waits(programme, today),
        }
    }

    /// The family's outlook, or the programme's for `None`.
    pub fn outlook(&self, family: Option<FamilyId>) -> &Outlook {
        family
            .and_then(|f| self.families.get(f.0 as usize))
            .unwrap_or(&self.programme)
    }

    /// Cumulative vehicles delivered by `day` at the window's rates: the family's, or the
    /// programme's (the sum of its families) for `None`. Days up to today give what was
    /// delivered by today.
    pub fn cumulative_at(&self, family: Option<FamilyId>, day: Date) -> u32 {
        match family {
            Some(f) => self
                .families
                .get(f.0 as usize)
                .map_or(0, |o| projected_by(o, self.today, day)),
            None => self
                .families
                .iter()
                .map(|o| projected_by(o, self.today, day))
                .fold(0, u32::saturating_add),
        }
    }
}

/// The rate, finish and planned finish of a family or of the programme; `years` is filled
/// in later, once the common range of years is known.
fn outlook(
    name: String,
    contracted: u32,
    hand_overs: &[(Date, u32)],
    planned: &[(i32, u32)],
    programme_last_year: Option<i32>,
    today: Date,
    window_months: u32,
) -> Outlook {
    let delivered = hand_overs
        .iter()
        .fold(0u32, |a, &(_, q)| a.saturating_add(q));
    let rate = rate::rate(hand_overs, today, window_months);
    let last_hand_over = hand_overs.iter().map(|&(d, _)| d).max();
    let remaining = contracted.saturating_sub(delivered);
    let finish = if remaining == 0 {
        Finish::Delivered(last_hand_over)
    } else if let Some(days) = rate.days_for(remaining) {
        Finish::Projected(add_days(today, days))
    } else if let Some(last) = last_hand_over {
        Finish::Stalled(last)
    } else {
        Finish::NotStarted
    };
    let planned_finish = planned
        .iter()
        .filter(|&&(_, q)| q > 0)
        .map(|&(y, _)| y)
        .max()
        .or(programme_last_year);
    Outlook {
        name,
        contracted,
        delivered,
        last_delivery: last_hand_over,
        rate,
        finish,
        finish_rate: rate,
        finish_rests_on: None,
        needed: Needed::of(remaining, planned_finish, today),
        planned_finish,
        years: Vec::new(),
    }
}

/// The programme's finish from its families' (see [`programme_finish`]), and the rate and
/// family it rests on. Shared with [`trend`], which settles each month-end's programme so.
fn settle_programme(whole: &mut Outlook, families: &[Outlook]) {
    whole.finish = programme_finish(whole, families);
    if let Finish::Projected(day) = whole.finish
        && let Some(last) = families
            .iter()
            .find(|o| o.remaining() > 0 && o.finish == Finish::Projected(day))
    {
        whole.finish_rate = last.rate;
        whole.finish_rests_on = Some(last.name.clone());
    }
}

/// The programme finishes when its last family does.
fn programme_finish(whole: &Outlook, families: &[Outlook]) -> Finish {
    if whole.remaining() == 0 {
        return whole.finish.clone();
    }
    match whole.finish {
        Finish::NotStarted | Finish::Stalled(_) => return whole.finish.clone(),
        _ => {}
    }
    let mut last = None;
    for o in families.iter().filter(|o| o.remaining() > 0) {
        match o.finish {
            Finish::Projected(day) => last = last.max(Some(day)),
            _ => return Finish::Blocked,
        }
    }
    last.map_or(Finish::Blocked, Finish::Projected)
}

/// Cumulative deliveries of a family by `day` at its rate (what was delivered by today for
/// days up to today).
fn projected_by(o: &Outlook, today: Date, day: Date) -> u32 {
    let days = (day - today).num_days();
    let more = o.rate.vehicles_in(days);
    let more = u32::try_from(more).unwrap_or(u32::MAX).min(o.remaining());
    o.delivered.saturating_add(more)
}

fn year_outlooks(
    o: &Outlook,
    hand_overs: &[(Date, u32)],
    planned: &[(i32, u32)],
    today: Date,
    years: std::ops::RangeInclusive<i32>,
) -> Vec<YearOutlook> {
    years
        .map(|year| {
            let planned_until = |last: i32| {
                planned
                    .iter()
                    .filter(|&&(y, _)| y <= last)
                    .fold(0u32, |a, &(_, q)| a.saturating_add(q))
            };
            let cum_planned = planned_until(year);
            let planned = cum_planned - planned_until(year - 1);
            let delivered = hand_overs
                .iter()
                .filter(|&&(d, _)| d.year() == year)
                .fold(0u32, |a, &(_, q)| a.saturating_add(q));
            let start = if year == today.year() {
                today
            } else {
                Date::from_ymd_opt(year - 1, 12, 31).unwrap_or(today)
            };
            let end = Date::from_ymd_opt(year, 12, 31).unwrap_or(today);
            let cum_projected = projected_by(o, today, end);
            let added = cum_projected - projected_by(o, today, start);
            YearOutlook {
                year,
                planned,
                delivered,
                projected: delivered.saturating_add(added),
                cum_planned,
                cum_projected,
            }
        })
        .collect()
}

/// The forecast's inputs: each family's vehicles on contract (indexed by family), and each
/// family's hand-overs up to `today` as (day, vehicles) in file order, the programme's as
/// the last slot. Shared by the forecast and its trend.
pub(super) fn contracted_and_hand_overs(
    programme: &Programme,
    today: Date,
) -> (Vec<u32>, Vec<Vec<(Date, u32)>>) {
    let n_families = programme.families.len();
    let mut contracted = vec![0u32; n_families];
    for v in &programme.variants {
        let c = &mut contracted[v.family.0 as usize];
        *c = c.saturating_add(v.contracted);
    }
    let mut hand_overs: Vec<Vec<(Date, u32)>> = vec![Vec::new(); n_families + 1];
    for d in programme.deliveries.iter().filter(|d| d.date <= today) {
        let f = programme.family_of(d.variant).0 as usize;
        hand_overs[f].push((d.date, d.quantity));
        hand_overs[n_families].push((d.date, d.quantity));
    }
    (contracted, hand_overs)
}
