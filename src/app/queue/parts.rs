//! The parts of the queue's state that stand alone: the sort columns, the widest texts of
//! a load, and the bottleneck hint (Little's law when histories give it).

use unicode_width::UnicodeWidthStr;

use super::Index;
use crate::app::Data;
use crate::app::words::capitalised;
use crate::domain::flow::Flow;
use crate::domain::{Programme, StageId};

/// The columns the queue sorts by, in the order `s` goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortKey {
    #[default]
    /// The serial number (and, as a tie-break, every other column's).
    Serial,
    /// The variant, in file order.
    Variant,
    /// Flow order, rework last.
    Stage,
    /// The site, by name.
    Site,
    /// Days in the current stage.
    DaysInStage,
    /// The due date, vehicles without one last.
    Due,
}

impl SortKey {
    /// Every column, in the order `s` goes through them.
    pub const ALL: [SortKey; 6] = [
        SortKey::Serial,
        SortKey::Variant,
        SortKey::Stage,
        SortKey::Site,
        SortKey::DaysInStage,
        SortKey::Due,
    ];

    /// The column's name, as the footer says it.
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Serial => "serial",
            SortKey::Variant => "variant",
            SortKey::Stage => "stage",
            SortKey::Site => "site",
            SortKey::DaysInStage => "days in stage",
            SortKey::Due => "due",
        }
    }

    /// The column after this one.
    pub(crate) fn next(self) -> SortKey {
        let i = SortKey::ALL.iter().position(|&k| k == self).unwrap_or(0);
        SortKey::ALL[(i + 1) % SortKey::ALL.len()]
    }

    /// The vehicles stuck longest are the ones to see first; every other column ascends.
    pub(crate) fn starts_descending(self) -> bool {
        self == SortKey::DaysInStage
    }
}

/// The widest texts of a load, for laying out the columns without measuring every row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Widths {
    pub(crate) serial: usize,
    pub(crate) variant_id: usize,
    pub(crate) variant_name: usize,
    pub(crate) stage_id: usize,
    pub(crate) stage_name: usize,
    pub(crate) site: usize,
    pub(crate) lot: usize,
    pub(crate) hold: usize,
}

impl Widths {
    /// The widths of `p`, the queue's texts taken from its `index` (which measured its
    /// serials, lots and holds as it read them): the same as [`Widths::measure`] without
    /// a pass over the queue.
    pub(crate) fn of(p: &Programme, index: &Index) -> Widths {
        let max = |it: &mut dyn Iterator<Item = usize>| it.max().unwrap_or(0);
        Widths {
            serial: max(&mut index.runs.iter().map(|r| r.serial_width)),
            lot: index.lot_width,
            hold: index.hold_width,
            ..Widths::of_definitions(p)
        }
    }

    /// The widths of the definitions' and sites' texts; none for the queue's.
    fn of_definitions(p: &Programme) -> Widths {
        let max = |it: &mut dyn Iterator<Item = usize>| it.max().unwrap_or(0);
        Widths {
            serial: 0,
            variant_id: max(&mut p.variants.iter().map(|v| v.id.width())),
            variant_name: max(&mut p.variants.iter().map(|v| v.name.width())),
            stage_id: max(&mut p.stages.iter().map(|s| s.id.width())),
            stage_name: max(&mut p.stages.iter().map(|s| s.name.width())),
            site: max(&mut p.sites.iter().map(|s| s.width())),
            lot: 0,
            hold: 0,
        }
    }

    /// The widths of `p`, every vehicle measured.
    #[cfg(test)]
    pub(crate) fn measure(p: &Programme) -> Widths {
        let max = |it: &mut dyn Iterator<Item = usize>| it.max().unwrap_or(0);
        Widths {
            serial: max(&mut p.queue.iter().map(|v| v.serial.width())),
            variant_id: max(&mut p.variants.iter().map(|v| v.id.width())),
            variant_name: max(&mut p.variants.iter().map(|v| v.name.width())),
            stage_id: max(&mut p.stages.iter().map(|s| s.id.width())),
            stage_name: max(&mut p.stages.iter().map(|s| s.name.width())),
            site: max(&mut p.sites.iter().map(|s| s.width())),
            lot: max(&mut p
                .queue
                .iter()
                .filter_map(|v| v.lot.as_deref())
                .map(str::width)),
            hold: max(&mut p
                .queue
                .iter()
                .filter_map(|v| v.hold.as_deref())
                .map(str::width)),
        }
    }
}

/// The bottleneck the queue's bottom line names: by Little's law when the status files
/// give stage histories ([`crate::domain::flow::little`]), else the main-line stage whose
/// vehicles have waited longest so far (median days in the stage now).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bottleneck {
    pub(crate) name: String,
    pub(crate) id: String,
    pub(crate) evidence: Evidence,
}

/// What names the bottleneck.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Evidence {
    /// The median days the vehicles in the stage now have waited.
    Waiting { median_days: f64 },
    /// Little's law: the WIP, vehicles leaving a week, and days to clear the WIP at that
    /// rate (`None`: none left in the window, stalled).
    Little {
        wip: u32,
        per_week: f64,
        clear_days: Option<f64>,
    },
}

impl Bottleneck {
    /// Little's bottleneck of `flow` when it names one, else the forecast's longest wait.
    pub(crate) fn choose(data: &Data, flow: Option<&Flow>) -> Option<Bottleneck> {
        let p = data.programme();
        let named = |stage: StageId, evidence| {
            let s = p.stages.get(stage.0 as usize)?;
            Some(Bottleneck {
                name: s.name.clone(),
                id: s.id.clone(),
                evidence,
            })
        };
        if let Some(b) = flow.and_then(|f| f.bottleneck) {
            return named(
                b.stage(),
                Evidence::Little {
                    wip: b.row.wip,
                    per_week: b.row.per_week,
                    clear_days: b.row.clear_days,
                },
            );
        }
        let b = data.forecast.bottleneck()?;
        named(
            b.stage,
            Evidence::Waiting {
                median_days: b.median_days?,
            },
        )
    }

    /// The hint in words, from the longest (`tier` 0) to the shortest (4).
    pub(crate) fn text(&self, tier: usize) -> String {
        let name = &self.name;
        let short = format!("bottleneck: {}", capitalised(&self.id));
        match self.evidence {
            Evidence::Waiting { median_days } => {
                // A median is a whole number of days or a half: 34, 34.5.
                let days = if median_days == 1.0 {
                    "1 day".to_owned()
                } else {
                    format!("{median_days} days")
                };
                match tier {
                    0 => format!("bottleneck: {name}, median {days} in stage"),
                    1 => format!("bottleneck: {name}, median {days}"),
                    2 => format!("bottleneck: {name}, {days}"),
                    3 => format!("bottleneck: {name}"),
                    _ => short,
                }
            }
            Evidence::Little {
                wip,
                per_week,
                clear_days,
            } => {
                let clear = clear_days.map_or_else(
                    || "none leaving".to_owned(),
                    |d| format!("{d:.0} days to clear"),
                );
                match tier {
                    0 => format!(
                        "bottleneck: {name}, {wip} in progress, {per_week:.1} out a week, {clear}"
                    ),
                    1 => format!("bottleneck: {name}, {wip} in progress, {clear}"),
                    2 => format!("bottleneck: {name}, {clear}"),
                    3 => format!("bottleneck: {name}"),
                    _ => short,
                }
            }
        }
    }
}
