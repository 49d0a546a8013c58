//! What a forecast says of one family or of the programme: its rate, its finish against
//! the plan (the slip in months), the rate it needs to finish on plan, and each remaining
//! year.

use chrono::Datelike;

use super::super::Date;
use super::super::dates::{DAYS_PER_MONTH, end_of_year, month_and_year};
use super::super::words::{months, per_month};
use super::Rate;

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
    /// The year.
    pub year: i32,
    /// Vehicles planned that year.
    pub planned: u32,
    /// Handed over so far in the year (only the current year has any).
    pub delivered: u32,
    /// `delivered` plus what the rate adds by the end of the year.
    pub projected: u32,
    /// Planned up to the end of the year, earlier years included.
    pub cum_planned: u32,
    /// Delivered and projected up to the end of the year, earlier years included.
    pub cum_projected: u32,
}

impl YearOutlook {
    /// The year's own projected minus planned: more or fewer vehicles than that year's plan.
    /// Not where the programme stands: a year can deliver more than its own plan while the
    /// programme is still behind (see [`YearOutlook::position`]).
    pub fn difference(&self) -> i64 {
        i64::from(self.projected) - i64::from(self.planned)
    }

    /// Where the programme stands against its plan at the end of the year, at the current
    /// rate: cumulative projected minus cumulative planned (negative: behind plan).
    pub fn position(&self) -> i64 {
        i64::from(self.cum_projected) - i64::from(self.cum_planned)
    }
}

/// The rate a family (or the programme) needs from today to finish on plan, by the end of
/// its planned finish year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needed {
    /// Nothing is left to deliver.
    Nothing,
    /// There is no planned finish to aim at (no plan and no programme years).
    NoPlan,
    /// The planned finish year has ended with vehicles still to come.
    PlanEnded,
    /// `vehicles` in `days` days (from the end of today to the end of the planned finish
    /// year).
    Pace {
        /// Vehicles still to come.
        vehicles: u32,
        /// Days left to the end of the planned finish year.
        days: u32,
    },
}

impl Needed {
    /// The rate needed from today to the planned finish, with `remaining` still to come.
    pub fn of(remaining: u32, planned_finish: Option<i32>, today: Date) -> Needed {
        if remaining == 0 {
            return Needed::Nothing;
        }
        let Some(end) = planned_finish.map(end_of_year) else {
            return Needed::NoPlan;
        };
        match u32::try_from((end - today).num_days()) {
            Ok(days) if days > 0 => Needed::Pace {
                vehicles: remaining,
                days,
            },
            _ => Needed::PlanEnded,
        }
    }

    /// Vehicles per average month; `None` unless there is a pace to keep.
    pub fn per_month(&self) -> Option<f64> {
        match *self {
            Needed::Pace { vehicles, days } => {
                Some(f64::from(vehicles) * DAYS_PER_MONTH / f64::from(days))
            }
            _ => None,
        }
    }
}

/// The slip of a finish on `finish` against a plan that ends on `planned_end`, in whole
/// months: late by any number of days counts as at least a month late and is otherwise
/// rounded to the nearest month; a finish on or before the planned end is early by its whole
/// months (0: on time). Counted in days, not calendar years, so that it moves by at most a
/// month when the finish moves by a few days.
pub fn slip_months(planned_end: Date, finish: Date) -> i64 {
    let days = (finish - planned_end).num_days();
    if days > 0 {
        ((days as f64 / DAYS_PER_MONTH).round() as i64).max(1)
    } else {
        -((-days as f64 / DAYS_PER_MONTH).floor() as i64)
    }
}

/// The outlook of a family, or of the whole programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlook {
    /// The family's name, or the programme's.
    pub name: String,
    /// Vehicles on contract.
    pub contracted: u32,
    /// Handed over on or before today.
    pub delivered: u32,
    /// The day of the last hand-over on or before today.
    pub last_delivery: Option<Date>,
    /// The rate over the window. For the programme it counts every family and is shown,
    /// not projected from (see [`Outlook::finish_rate`]).
    pub rate: Rate,
    /// When the last vehicle arrives.
    pub finish: Finish,
    /// The rate the finish rests on: the family's own; for the programme, the rate of the
    /// family that finishes last, so that the rate shown beside the date gives the date.
    pub finish_rate: Rate,
    /// For the programme: the family whose finish is the programme's (`None` for a family,
    /// and when no family's finish is projected).
    pub finish_rests_on: Option<String>,
    /// The rate needed from today to finish by the end of the planned finish year.
    pub needed: Needed,
    /// The last year the plan delivers anything in (else the programme's last year).
    pub planned_finish: Option<i32>,
    /// This year and the later ones, up to the later of the planned and the projected
    /// finish (at most [`super::HORIZON_YEARS`] past the plan). The same years for every outlook
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

    /// The end of the planned finish year: the day the plan has the last vehicle by.
    pub fn planned_end(&self) -> Option<Date> {
        self.planned_finish.map(end_of_year)
    }

    /// The projected finish against the end of the planned finish year, in whole months
    /// (see [`slip_months`]): positive when late, negative when early, 0 on time. `None`
    /// unless the finish is projected and there is a plan.
    pub fn slip_months(&self) -> Option<i64> {
        match self.finish {
            Finish::Projected(day) => self.planned_end().map(|end| slip_months(end, day)),
            _ => None,
        }
    }

    /// The slip in whole years, from [`Outlook::slip_months`]: late by any number of months
    /// is at least a year late, otherwise rounded to the nearest year; early counts whole
    /// years. Never counted in calendar years (2030-12-31 to 2032-01-03 is one year late,
    /// not two).
    pub fn years_late(&self) -> Option<i32> {
        self.slip_months().map(|m| {
            let years = if m > 0 {
                ((m as f64 / 12.0).round() as i64).max(1)
            } else {
                -(-m / 12)
            };
            i32::try_from(years).unwrap_or(if years > 0 { i32::MAX } else { i32::MIN })
        })
    }

    /// The slip in words: `12 months late`, `on time`, `3 months early`; `None` as for
    /// [`Outlook::slip_months`].
    pub fn slip_words(&self) -> Option<String> {
        self.slip_months().map(|m| match m {
            0 => "on time".to_owned(),
            m if m > 0 => format!("{} late", months(m)),
            m => format!("{} early", months(-m)),
        })
    }

    /// The projected finish as `January 2032`, when projected.
    pub fn finish_month(&self) -> Option<String> {
        match self.finish {
            Finish::Projected(day) => Some(month_and_year(day)),
            _ => None,
        }
    }

    /// The rate needed against the actual one, in words: `needs 6.4 a month, does 5.1`,
    /// `nothing left to deliver`, `no plan to finish by`, `the plan ended in 2030`.
    pub fn pace_words(&self) -> String {
        match self.needed {
            Needed::Nothing => "nothing left to deliver".to_owned(),
            Needed::NoPlan => "no plan to finish by".to_owned(),
            Needed::PlanEnded => match self.planned_finish {
                Some(y) => format!("the plan ended in {y}"),
                None => "the plan has ended".to_owned(),
            },
            needed @ Needed::Pace { .. } => format!(
                "needs {}, does {:.1}",
                per_month(needed.per_month().unwrap_or(0.0)),
                self.rate.per_month()
            ),
        }
    }
}
