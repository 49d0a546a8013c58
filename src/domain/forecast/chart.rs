//! The forecast as the Deliveries chart draws it: the projected cumulative line and the
//! chart's right edge.

use chrono::Datelike;

use super::super::{Date, FamilyId};
use super::{Finish, Forecast};

impl Forecast {
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
    /// finish year, at most [`super::HORIZON_YEARS`] past the plan.
    pub fn horizon(&self) -> Date {
        let year = self
            .programme
            .years
            .last()
            .map_or(self.today.year(), |y| y.year);
        Date::from_ymd_opt(year, 12, 31).unwrap_or(self.today)
    }
}
