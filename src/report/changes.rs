//! The `changes` section of the report: what the files show changed since a day (`--since`,
//! by default [`DEFAULT_DAYS`] days before today): each stage entered and each hand-over,
//! oldest first, and what the files cannot tell. Its JSON form, its table, its notes.

use serde::Serialize;

use super::cell::{Cell, Table, col};
use crate::domain::changes::{self, Change};
use crate::domain::dates::add_days;
use crate::domain::{Date, Programme};

/// How many days before today the section starts when `--since` is not given.
pub const DEFAULT_DAYS: i64 = 7;

/// The changes the files show from `since` to `today`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangesReport {
    /// The first day counted, `YYYY-MM-DD`.
    pub since: String,
    /// The last day counted (the report's day), `YYYY-MM-DD`.
    pub until: String,
    /// Each change, oldest first.
    pub changes: Vec<ChangeRow>,
    /// What the files cannot tell about the period, one sentence each.
    pub untold: Vec<String>,
}

/// One change the files show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeRow {
    /// The day: a stage entered, a hand-over; `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `moved` (from a stage to another; `from` null when the vehicle keeps no history),
    /// `entered` (its first stage), `handed_over`.
    pub change: &'static str,
    /// The variant's id.
    pub variant: Option<String>,
    /// The vehicle, for a move.
    pub serial: Option<String>,
    /// The stage left (its id).
    pub from: Option<String>,
    /// The stage entered (its id).
    pub to: Option<String>,
    /// Vehicles handed over.
    pub quantity: Option<u32>,
    /// The serials handed over, those the record lists.
    pub serials: Vec<String>,
    /// The change in words.
    pub text: String,
}

/// The section for `p` from `since` to `today`.
pub fn build(p: &Programme, since: Date, today: Date) -> ChangesReport {
    let found = changes::since(p, since);
    ChangesReport {
        since: since.to_string(),
        until: today.to_string(),
        changes: found.changes.iter().map(row).collect(),
        untold: found.untold,
    }
}

/// The default first day: [`DEFAULT_DAYS`] before `today`.
pub fn default_since(today: Date) -> Date {
    add_days(today, -DEFAULT_DAYS)
}

fn row(c: &Change) -> ChangeRow {
    let mut r = ChangeRow {
        date: c.date().map(|d| d.to_string()),
        change: c.kind(),
        variant: c.variant().map(|v| v.id.to_string()),
        serial: c.serial().map(|s| s.to_string()),
        from: None,
        to: None,
        quantity: None,
        serials: Vec::new(),
        text: c.sentence(),
    };
    match c {
        Change::Moved { from, to, .. } => {
            r.from = from.as_ref().map(|f| f.id.to_string());
            r.to = Some(to.id.to_string());
        }
        Change::Entered { stage, .. } => r.to = Some(stage.id.to_string()),
        Change::HandedOver {
            quantity, serials, ..
        }
        | Change::Withdrawn {
            quantity, serials, ..
        } => {
            r.quantity = Some(*quantity);
            r.serials = serials.iter().map(ToString::to_string).collect();
        }
        _ => {}
    }
    r
}

/// One row per change, oldest first (the words are in the JSON's `text`).
pub(super) fn table(r: &ChangesReport) -> Table {
    let opt = |s: &Option<String>| s.clone().map_or(Cell::Empty, Cell::Text);
    Table {
        columns: vec![
            col("date", "Date", false),
            col("change", "Change", false),
            col("variant", "Variant", false),
            col("serial", "Serial", false),
            col("from", "From", false),
            col("to", "To", false),
            col("quantity", "Quantity", true),
            col("serials", "Serials", false),
        ],
        rows: r
            .changes
            .iter()
            .map(|c| {
                vec![
                    opt(&c.date),
                    Cell::text(c.change),
                    opt(&c.variant),
                    opt(&c.serial),
                    opt(&c.from),
                    opt(&c.to),
                    c.quantity.map_or(Cell::Empty, |q| Cell::Int(q.into())),
                    Cell::text(c.serials.join(" ")),
                ]
            })
            .collect(),
        totals: Vec::new(),
    }
}

/// The sentence under the section's heading: the period, then what the files cannot tell.
pub(super) fn intro(r: &ChangesReport) -> (String, &[String]) {
    (
        format!(
            "From the files: each stage entered and each hand-over from {} to {} (a move \
             from ? when the vehicle keeps no history). Not in the files:",
            r.since, r.until
        ),
        &r.untold,
    )
}

/// The JSON of the section alone (`--format json --section changes`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangesDocument {
    /// Always [`super::FORMAT_NAME`].
    pub format: &'static str,
    /// Always [`super::FORMAT_VERSION`].
    pub version: u32,
    /// The report's day.
    pub today: String,
    /// The section.
    pub changes: ChangesReport,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Origin, SiteId, Stage, StageId, VariantId, Vehicle, Visit};

    fn day(d: u32) -> Date {
        Date::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn a_history_gives_rows_from_stage_to_stage() {
        let stage = |id: &str| Stage {
            id: id.into(),
            name: id.to_uppercase(),
            families: Vec::new(),
            rework: false,
        };
        let visit = |s: u32, d: u32| Visit {
            stage: StageId(s),
            entered: day(d),
        };
        let p = Programme {
            stages: vec![stage("hull"), stage("paint")],
            queue: vec![Vehicle {
                serial: "V1".into(),
                variant: VariantId(0),
                stage: StageId(1),
                since: day(21),
                due: None,
                site: SiteId(0),
                lot: None,
                hold: None,
                history: vec![visit(0, 18), visit(1, 21)].into(),
                origin: Origin::default(),
            }]
            .into(),
            ..Programme::default()
        };
        let r = build(&p, day(19), day(26));
        assert_eq!(
            (r.since.as_str(), r.until.as_str()),
            ("2026-11-19", "2026-11-26")
        );
        // The hull visit (18th) is before the day; the paint visit (21st) is a move.
        assert_eq!(r.changes.len(), 1);
        let c = &r.changes[0];
        assert_eq!(c.date.as_deref(), Some("2026-11-21"));
        assert_eq!(c.change, "moved");
        assert_eq!(c.from.as_deref(), Some("hull"));
        assert_eq!(c.to.as_deref(), Some("paint"));
        assert_eq!(c.text, "V1 HULL → PAINT");
        assert_eq!(default_since(day(26)), day(19));
    }
}
