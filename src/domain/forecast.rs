//! The outlook: where the programme is heading at its recent delivery rate.
//!
//! Pure arithmetic on a [`Programme`] for one day, like [`super::figures`]. Each family's
//! rate is the number of vehicles it handed over in a recent window (the last
//! `window_months` months, ending today), kept as a fraction *vehicles / days* so that
//! every projection is an exact whole number of vehicles: at a rate of `n` vehicles in `d`
//! days, `floor(n × t / d)` more vehicles have arrived `t` days after today, and the last of
//! `r` remaining vehicles arrives `ceil(r × d / n)` days after today.
//!
//! The programme's finish is the latest of its families' finishes: a fast Griffon line does
//! not finish the Jaguars. The programme's own rate (all families together) is shown, not
//! projected from.
//!
//! The queue's bottleneck hint lives here too: the main-line stage where vehicles have
//! waited longest, by the median of their days in the stage.

use chrono::{Datelike, Months};

use super::{Date, FamilyId, Programme, StageId};

/// The window used when the config does not say.
pub const DEFAULT_WINDOW_MONTHS: u32 = 6;

/// The longest window accepted (ten years); longer windows are cut to it.
pub const MAX_WINDOW_MONTHS: u32 = 120;

/// How far past the plan the year-by-year outlook and the chart go, in years: a crawling
/// rate must not make a table of two centuries.
pub const HORIZON_YEARS: i32 = 10;

/// The average month, for showing a rate per month.
const DAYS_PER_MONTH: f64 = 365.25 / 12.0;

/// Vehicles handed over during a stretch of days ending today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// The first day of the window (the last is today).
    pub first_day: Date,
    /// Days in the window, today included.
    pub days: u32,
    /// Vehicles handed over in the window.
    pub delivered: u32,
    /// True when the window was cut short because deliveries began inside it.
    pub clipped: bool,
}

impl Rate {
    pub fn is_zero(&self) -> bool {
        self.delivered == 0
    }

    /// Vehicles per average month (30.44 days).
    pub fn per_month(&self) -> f64 {
        if self.days == 0 {
            return 0.0;
        }
        f64::from(self.delivered) * DAYS_PER_MONTH / f64::from(self.days)
    }

    /// Vehicles that arrive within `days` days at this rate (whole vehicles, rounded down).
    pub fn vehicles_in(&self, days: i64) -> u64 {
        if self.days == 0 || days <= 0 {
            return 0;
        }
        (u64::from(self.delivered) * days as u64) / u64::from(self.days)
    }

    /// Days until `n` more vehicles have arrived at this rate; `None` at a rate of zero.
    pub fn days_for(&self, n: u32) -> Option<i64> {
        if self.delivered == 0 {
            return None;
        }
        let (n, d, r) = (
            u64::from(n),
            u64::from(self.days),
            u64::from(self.delivered),
        );
        Some((n * d).div_ceil(r) as i64)
    }
}

/// When the last vehicle arrives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finish {
    /// Everything contracted is delivered; the day of the last hand-over (`None` when
    /// nothing was ever handed over, as when nothing is contracted).
    Delivered(Option<Date>),
    /// At the window's rate, the last vehicle arrives on this day.
    Projected(Date),
    /// Nothing delivered yet: there is no rate to project from.
    NotStarted,
    /// Nothing delivered in the window (a rate of zero); the last hand-over was that day.
    Stalled(Date),
    /// For the programme only: some family's finish cannot be projected (it has not
    /// started or has stalled); the families say which.
    Blocked,
}

/// One remaining year: the plan against what the rate will have delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct YearOutlook {
    pub year: i32,
    pub planned: u32,
    /// Handed over so far in the year (only the current year has any).
    pub delivered: u32,
    /// `delivered` plus what the rate adds by the end of the year.
    pub projected: u32,
}

impl YearOutlook {
    /// Projected minus planned: a surplus when positive, a shortfall when negative.
    pub fn difference(&self) -> i64 {
        i64::from(self.projected) - i64::from(self.planned)
    }
}

/// The outlook of a family, or of the whole programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlook {
    /// The family's name, or the programme's.
    pub name: String,
    pub contracted: u32,
    /// Handed over on or before today.
    pub delivered: u32,
    /// The day of the last hand-over on or before today.
    pub last_delivery: Option<Date>,
    pub rate: Rate,
    pub finish: Finish,
    /// The last year the plan delivers anything in (else the programme's last year).
    pub planned_finish: Option<i32>,
    /// This year and the later ones, up to the later of the planned and the projected
    /// finish (at most [`HORIZON_YEARS`] past the plan). The same years for every outlook
    /// of a forecast.
    pub years: Vec<YearOutlook>,
}

impl Outlook {
    /// Contracted and not yet delivered.
    pub fn remaining(&self) -> u32 {
        self.contracted.saturating_sub(self.delivered)
    }

    /// The year of the last hand-over, delivered or projected.
    pub fn finish_year(&self) -> Option<i32> {
        match self.finish {
            Finish::Delivered(Some(day)) | Finish::Projected(day) => Some(day.year()),
            _ => None,
        }
    }

    /// Years between the planned and the projected finish: positive when late, negative
    /// when early. `None` unless both are known and the finish is projected.
    pub fn years_late(&self) -> Option<i32> {
        match self.finish {
            Finish::Projected(day) => self.planned_finish.map(|p| day.year() - p),
            _ => None,
        }
    }
}

/// Vehicles waiting in one stage of final assembly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageWait {
    pub stage: StageId,
    /// The stage is off the main line (rework after a defect).
    pub rework: bool,
    pub vehicles: u32,
    pub on_hold: u32,
    pub overdue: u32,
    /// The median of the vehicles' days in the stage; `None` when the stage is empty.
    pub median_days: Option<f64>,
    pub longest_days: Option<i64>,
}

/// The whole forecast for one day.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    pub today: Date,
    /// The window the rates are measured over, in months ending today.
    pub window_months: u32,
    /// Per family, indexed like [`Programme::families`].
    pub families: Vec<Outlook>,
    pub programme: Outlook,
    /// Every stage in flow order, empty ones included.
    pub stages: Vec<StageWait>,
}

impl Forecast {
    /// The forecast of `programme` as of `today`, from the rate over the last
    /// `window_months` months (cut to 1..=[`MAX_WINDOW_MONTHS`]).
    ///
    /// Deliveries dated after today are not counted (the loader reports them). When a
    /// family's first hand-over falls inside the window, its window starts on that day
    /// instead, so that the months before deliveries began do not dilute the rate; a window
    /// is never shorter than one month, so that a single early hand-over does not make a
    /// rate.
    pub fn compute(programme: &Programme, today: Date, window_months: u32) -> Forecast {
        let window_months = window_months.clamp(1, MAX_WINDOW_MONTHS);
        let n_families = programme.families.len();

        let mut contracted = vec![0u32; n_families];
        for v in &programme.variants {
            let c = &mut contracted[v.family.0 as usize];
            *c = c.saturating_add(v.contracted);
        }
        // Each family's deliveries up to today, and the programme's as the last slot.
        let mut hand_overs: Vec<Vec<(Date, u32)>> = vec![Vec::new(); n_families + 1];
        for d in programme.deliveries.iter().filter(|d| d.date <= today) {
            let f = programme.family_of(d.variant).0 as usize;
            hand_overs[f].push((d.date, d.quantity));
            hand_overs[n_families].push((d.date, d.quantity));
        }
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
        whole.finish = programme_finish(&whole, &families);

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
                    y.planned = y.planned.saturating_add(o.years[i].planned);
                    y.delivered = y.delivered.saturating_add(o.years[i].delivered);
                    y.projected = y.projected.saturating_add(o.years[i].projected);
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

    /// The stage of the main line where vehicles have waited longest (by median days in
    /// the stage); ties go to the stage holding more vehicles, then to the earlier stage.
    /// Rework stages are left out: vehicles wait there for a fix, not for capacity, so they
    /// would hide the line's real bottleneck. `None` when no main-line stage holds a
    /// vehicle.
    pub fn bottleneck(&self) -> Option<&StageWait> {
        self.stages
            .iter()
            .filter(|s| !s.rework)
            .filter_map(|s| s.median_days.map(|m| (m, s)))
            .max_by(|(ma, a), (mb, b)| {
                ma.total_cmp(mb)
                    .then(a.vehicles.cmp(&b.vehicles))
                    .then(b.stage.cmp(&a.stage))
            })
            .map(|(_, s)| s)
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

    /// The projected cumulative line for the Deliveries chart, from today to `until`: a
    /// point today, at each year's end, at each family's projected finish and at `until`,
    /// in date order. Straight lines between the points follow the projection. A family
    /// that cannot be projected stays flat. Only today's point when `until` is not after
    /// today.
    pub fn points(&self, family: Option<FamilyId>, until: Date) -> Vec<(Date, u32)> {
        let mut days = vec![self.today];
        if until > self.today {
            for year in self.today.year()..until.year() {
                if let Some(end) = Date::from_ymd_opt(year, 12, 31) {
                    days.push(end);
                }
            }
            let finishes = match family {
                Some(f) => vec![self.outlook(Some(f))],
                None => self.families.iter().collect(),
            };
            for o in finishes {
                if let Finish::Projected(day) = o.finish {
                    days.push(day);
                }
            }
            days.push(until);
        }
        days.retain(|&d| d >= self.today && d <= until.max(self.today));
        days.sort_unstable();
        days.dedup();
        days.into_iter()
            .map(|d| (d, self.cumulative_at(family, d)))
            .collect()
    }

    /// A right edge for the chart: the end of the later of the planned and the projected
    /// finish year, at most [`HORIZON_YEARS`] past the plan.
    pub fn horizon(&self) -> Date {
        let year = self
            .programme
            .years
            .last()
            .map_or(self.today.year(), |y| y.year);
        Date::from_ymd_opt(year, 12, 31).unwrap_or(self.today)
    }

    /// One line for the Overview, such as "at the current rate, the last Jaguar arrives in
    /// 2031, one year late", "on course to finish in 2030" or "no deliveries in the last 6
    /// months: no finish can be projected".
    pub fn verdict(&self) -> String {
        let months = months_text(self.window_months);
        let active: Vec<&Outlook> = self.families.iter().filter(|o| o.contracted > 0).collect();
        if active.is_empty() {
            return "no vehicles on contract".to_owned();
        }
        match self.programme.finish {
            Finish::Delivered(_) => {
                return format!("all {} vehicles delivered", self.programme.delivered);
            }
            Finish::NotStarted => return "no deliveries yet: no finish can be projected".into(),
            Finish::Stalled(_) => {
                return format!("no deliveries in {months}: no finish can be projected");
            }
            Finish::Projected(_) | Finish::Blocked => {}
        }
        let blocked = matches!(self.programme.finish, Finish::Blocked);
        // The projected family that finishes last speaks for the programme.
        let last = active
            .iter()
            .filter_map(|o| match o.finish {
                Finish::Projected(day) => Some((day, *o)),
                _ => None,
            })
            .max_by_key(|&(day, _)| day)
            .map(|(_, o)| o);
        let mut parts = Vec::new();
        if let Some(o) = last {
            let year = o.finish_year().unwrap_or(self.today.year());
            let arrives = format!("at the current rate, the last {} arrives in {year}", o.name);
            parts.push(match o.years_late() {
                Some(late) if late > 0 => format!("{arrives}, {} late", years_text(late)),
                // Alone, the family speaks for the programme; beside a family that cannot
                // be projected, it must not sound like the programme's finish.
                Some(0) if !blocked => format!("on course to finish in {year}"),
                Some(early) if !blocked => {
                    format!(
                        "on course to finish in {year}, {} early",
                        years_text(-early)
                    )
                }
                Some(0) => format!("{arrives}, on time"),
                Some(early) => format!("{arrives}, {} early", years_text(-early)),
                None => arrives,
            });
        }
        for o in &active {
            match o.finish {
                Finish::NotStarted => parts.push(format!("no {} delivered yet", o.name)),
                Finish::Stalled(_) => parts.push(format!("no {} delivered in {months}", o.name)),
                _ => {}
            }
        }
        parts.join("; ")
    }
}

/// "the last 6 months", "the last month".
fn months_text(n: u32) -> String {
    if n == 1 {
        "the last month".to_owned()
    } else {
        format!("the last {n} months")
    }
}

/// "one year", "two years", "12 years".
fn years_text(n: i32) -> String {
    const WORDS: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let number = usize::try_from(n - 1)
        .ok()
        .and_then(|i| WORDS.get(i))
        .map_or_else(|| n.to_string(), |w| (*w).to_owned());
    if n == 1 {
        format!("{number} year")
    } else {
        format!("{number} years")
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
    let rate = rate(hand_overs, today, window_months);
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
        planned_finish,
        years: Vec::new(),
    }
}

/// The rate over the window ending today; see [`Forecast::compute`] for how the window is
/// cut when deliveries began inside it.
fn rate(hand_overs: &[(Date, u32)], today: Date, window_months: u32) -> Rate {
    let months_back = |n: u32| {
        today
            .checked_sub_months(Months::new(n))
            .and_then(|d| d.succ_opt())
            .unwrap_or(Date::MIN)
    };
    let window_first = months_back(window_months);
    // A window is at least a month long, whatever the first hand-over.
    let latest_first = months_back(1);
    let first_hand_over = hand_overs.iter().map(|&(d, _)| d).min();
    let (first_day, clipped) = match first_hand_over {
        Some(f) if f > window_first => (f.min(latest_first), true),
        _ => (window_first, false),
    };
    let delivered = hand_overs
        .iter()
        .filter(|&&(d, _)| d >= first_day)
        .fold(0u32, |a, &(_, q)| a.saturating_add(q));
    let days = u32::try_from((today - first_day).num_days() + 1).unwrap_or(u32::MAX);
    Rate {
        first_day,
        days,
        delivered,
        clipped,
    }
}

fn add_days(day: Date, days: i64) -> Date {
    day.checked_add_signed(chrono::TimeDelta::days(days))
        .unwrap_or(Date::MAX)
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
            let planned = planned
                .iter()
                .filter(|&&(y, _)| y == year)
                .fold(0u32, |a, &(_, q)| a.saturating_add(q));
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
            let added = projected_by(o, today, end) - projected_by(o, today, start);
            YearOutlook {
                year,
                planned,
                delivered,
                projected: delivered.saturating_add(added),
            }
        })
        .collect()
}

/// Every stage with the vehicles in it and how long they have waited, as of `today`.
pub fn stage_waits(programme: &Programme, today: Date) -> Vec<StageWait> {
    programme
        .stage_ids()
        .map(|stage| {
            let vehicles: Vec<_> = programme
                .queue
                .iter()
                .filter(|v| v.stage == stage)
                .collect();
            let mut days: Vec<i64> = vehicles.iter().map(|v| v.days_in_stage(today)).collect();
            days.sort_unstable();
            StageWait {
                stage,
                rework: programme.stage(stage).rework,
                vehicles: vehicles.len() as u32,
                on_hold: vehicles.iter().filter(|v| v.is_on_hold()).count() as u32,
                overdue: vehicles.iter().filter(|v| v.is_overdue(today)).count() as u32,
                median_days: median(&days),
                longest_days: days.last().copied(),
            }
        })
        .collect()
}

/// The median of sorted values: the middle one, or the mean of the two middle ones.
fn median(sorted: &[i64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2] as f64),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0),
    }
}
