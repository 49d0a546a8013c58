//! The forecast in one sentence, for the Overview's headline and the reports.

use super::super::words::{last_months, months, per_month};
use super::{Finish, Forecast, Outlook};

impl Forecast {
    /// One line for the Overview, such as "the last Griffon arrives in January 2032 at 5.1 a
    /// month, 12 months late", "on course to finish in November 2030 at 1.2 a month (low
    /// confidence: 2 hand-overs in 50 days)" or "no deliveries in the last 6 months: no
    /// finish can be projected". The family that finishes last speaks, with the rate its
    /// finish rests on and the slip in months against the end of its planned finish year.
    pub fn verdict(&self) -> String {
        let window = last_months(self.window_months);
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
                return format!("no deliveries in {window}: no finish can be projected");
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
            let when = o.finish_month().unwrap_or_default();
            let rate = per_month(o.rate.per_month());
            let arrives = format!("the last {} arrives in {when} at {rate}", o.name);
            let course = format!("on course to finish in {when} at {rate}");
            let mut part = match o.slip_months() {
                Some(late) if late > 0 => format!("{arrives}, {} late", months(late)),
                // Alone, the family speaks for the programme; beside a family that cannot
                // be projected, it must not sound like the programme's finish.
                Some(0) if !blocked => course,
                Some(early) if !blocked => format!("{course}, {} early", months(-early)),
                Some(0) => format!("{arrives}, on time"),
                Some(early) => format!("{arrives}, {} early", months(-early)),
                None => arrives,
            };
            if let Some(note) = o.rate.confidence_note() {
                part.push_str(&format!(" ({note})"));
            }
            parts.push(part);
        }
        for o in &active {
            match o.finish {
                Finish::NotStarted => parts.push(format!("no {} delivered yet", o.name)),
                Finish::Stalled(_) => parts.push(format!("no {} delivered in {window}", o.name)),
                _ => {}
            }
        }
        parts.join("; ")
    }

    /// The rate needed to finish on plan against the actual rate, per family with vehicles
    /// on contract and for the programme: `to finish on plan: Griffon needs 6.4 a month,
    /// does 5.1; Jaguar needs 1.2 a month, does 1.2; programme needs 7.6 a month, does
    /// 5.5`. Empty when nothing is on contract.
    pub fn pace(&self) -> String {
        let active: Vec<&Outlook> = self.families.iter().filter(|o| o.contracted > 0).collect();
        if active.is_empty() {
            return String::new();
        }
        let mut parts: Vec<String> = active
            .iter()
            .map(|o| format!("{} {}", o.name, o.pace_words()))
            .collect();
        if active.len() > 1 {
            parts.push(format!("programme {}", self.programme.pace_words()));
        }
        format!("to finish on plan: {}", parts.join("; "))
    }
}
