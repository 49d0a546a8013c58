//! The forecast in one sentence, for the Overview's headline and the reports.

use chrono::Datelike;

use super::super::words::{last_months, years_in_words};
use super::{Finish, Forecast, Outlook};

impl Forecast {
    /// One line for the Overview, such as "at the current rate, the last Jaguar arrives in
    /// 2031, one year late", "on course to finish in 2030" or "no deliveries in the last 6
    /// months: no finish can be projected".
    pub fn verdict(&self) -> String {
        let months = last_months(self.window_months);
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
                Some(late) if late > 0 => {
                    format!("{arrives}, {} late", years_in_words(late.into()))
                }
                // Alone, the family speaks for the programme; beside a family that cannot
                // be projected, it must not sound like the programme's finish.
                Some(0) if !blocked => format!("on course to finish in {year}"),
                Some(early) if !blocked => {
                    format!(
                        "on course to finish in {year}, {} early",
                        years_in_words((-early).into())
                    )
                }
                Some(0) => format!("{arrives}, on time"),
                Some(early) => format!("{arrives}, {} early", years_in_words((-early).into())),
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
