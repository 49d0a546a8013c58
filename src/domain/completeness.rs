//! Whether the figures rest on the whole status set, and what is missing when they do not.
//!
//! Every figure is computed from what loaded. A [`Completeness`] says what did not: no
//! status file at all, a folder or file that could not be read, no `programme` section,
//! refused files, records left out, no plan, no `deliveries` section. The rule it carries: a
//! verdict against the plan (on plan, behind plan) is only given as such when nothing is
//! missing; with gaps it is given as resting on incomplete figures, without a plan there is
//! nothing to compare with, and without data there is no verdict at all
//! ([`Completeness::verdict`]). A finding drawn from counts of vehicles (a shortfall, a
//! bottleneck) is never given as fact on incomplete figures ([`Completeness::finding`]).
//!
//! The loader knows what is missing; this type only holds it, so that the domain imports
//! nothing of the loader.

use super::words::{lead, plural};

/// One thing missing from the data behind the figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap {
    /// No status file was read at all: every folder is missing or empty, or the config
    /// names none.
    NoStatusFiles,
    /// A folder or file named as a source could not be read (missing, empty, unreadable);
    /// its display name.
    UnreadSource(String),
    /// No file has a valid `programme` section: nothing is contracted as far as the figures
    /// know.
    NoProgramme,
    /// A file refused with no earlier good version, so none of its records count; its
    /// display name.
    RefusedFile(String),
    /// A file whose latest version was refused; its last good content stands in for it.
    StaleFile(String),
    /// Records left out because a value in them was refused (their files still count).
    RecordsLeftOut(u64),
    /// Records the merge left out for a conflict with the rest of the set (a serial
    /// already in the queue, a variant or stage no section defines, a delivery without
    /// serials or count): their files still count.
    RecordsDropped(u64),
    /// Vehicles counted twice because their serial is written twice and both records are
    /// kept (delivered and still in the queue, or delivered twice).
    CountedTwice(u64),
    /// A programme without a plan: no file of the set has plan entries, so the deliveries
    /// cannot be compared with a plan (no ahead or behind verdict).
    NoPlan,
    /// No file of the set has a `deliveries` section (not even `deliveries: []`): the
    /// figures count none delivered, which the files do not say.
    NoDeliveries,
}

impl Gap {
    /// True for the gaps that leave no figures to speak of.
    pub fn is_no_data(&self) -> bool {
        matches!(self, Gap::NoStatusFiles | Gap::NoProgramme)
    }

    /// True for the gaps that may hide vehicles from the counts (a file, a record or a
    /// section not read); false for a missing plan, which leaves every count whole.
    pub fn hides_vehicles(&self) -> bool {
        !matches!(self, Gap::NoPlan)
    }

    /// What is missing, in words: `queue-roanne.yaml refused: its records are left out`.
    pub fn words(&self) -> String {
        match self {
            Gap::NoStatusFiles => "no status file was read".to_owned(),
            Gap::UnreadSource(name) => format!("{name} could not be read"),
            Gap::NoProgramme => "no programme section".to_owned(),
            Gap::RefusedFile(name) => format!("{name} refused: its records are left out"),
            Gap::StaleFile(name) => {
                format!("{name} refused: its last good version stands in for it")
            }
            Gap::RecordsLeftOut(n) => format!(
                "{} left out for a bad value",
                plural(
                    usize::try_from(*n).unwrap_or(usize::MAX),
                    "record",
                    "records"
                )
            ),
            Gap::RecordsDropped(n) => format!(
                "{} left out for a conflict with the rest of the set",
                plural(
                    usize::try_from(*n).unwrap_or(usize::MAX),
                    "record",
                    "records"
                )
            ),
            Gap::CountedTwice(n) => format!(
                "{} counted twice: delivered and still in the queue, or delivered twice",
                plural(
                    usize::try_from(*n).unwrap_or(usize::MAX),
                    "vehicle",
                    "vehicles"
                )
            ),
            Gap::NoPlan => "no plan: nothing to compare the deliveries with".to_owned(),
            Gap::NoDeliveries => {
                "no `deliveries` section: the figures count none delivered".to_owned()
            }
        }
    }

    /// The fix, for the gaps the files can mend by a section (`check` warns with it):
    /// `None` for the others, whose problems already say what to do.
    pub fn fix(&self) -> Option<&'static str> {
        match self {
            Gap::NoPlan => Some(
                "no file has a plan: the deliveries cannot be compared with one; write a \
                 `plan` section with the deliveries planned per year and variant \
                 (docs/FORMAT.md)",
            ),
            Gap::NoDeliveries => Some(
                "no file has a `deliveries` section: the figures count none delivered; write \
                 the hand-overs, or `deliveries: []` when none is delivered yet \
                 (docs/FORMAT.md)",
            ),
            _ => None,
        }
    }
}

/// What the merge could not count as written, found while putting the records of the
/// files together: [`Gap::RecordsDropped`] and [`Gap::CountedTwice`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MergeGaps {
    /// Records left out.
    pub left_out: u64,
    /// Vehicles counted twice.
    pub counted_twice: u64,
}

impl MergeGaps {
    /// The gaps these make, in that order (none when both are 0).
    pub fn gaps(self) -> Vec<Gap> {
        let mut out = Vec::new();
        if self.left_out > 0 {
            out.push(Gap::RecordsDropped(self.left_out));
        }
        if self.counted_twice > 0 {
            out.push(Gap::CountedTwice(self.counted_twice));
        }
        out
    }
}

/// The verdict against the plan when there is none ([`Completeness::verdict`]).
pub const NO_PLAN: &str = "no plan to compare with";

/// What a finding (a shortfall, a bottleneck) carries on incomplete figures
/// ([`Completeness::finding`]).
pub const UNSURE: &str = "may be wrong on incomplete figures";

/// The Line of Balance's finding when no point is short ([`Completeness::finding`] gives it
/// as fact only on complete figures); the view and the report say it in these words.
pub const NONE_SHORT: &str = "every control point with a line is on or above it";

/// What the Line of Balance says in place of a finding when there is no plan.
pub const NO_LINE: &str = "no plan: no control point has a line to be measured against";

/// How far the figures can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Nothing is missing.
    Complete,
    /// Something is missing: the figures count what loaded.
    Incomplete,
    /// There is nothing to count (no status file or no programme).
    NoData,
}

impl State {
    /// `complete`, `incomplete` or `no_data`, as the reports write it.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Complete => "complete",
            State::Incomplete => "incomplete",
            State::NoData => "no_data",
        }
    }
}

/// What is missing from the data behind the figures; empty when nothing is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Completeness {
    /// Every gap, in the order found.
    pub gaps: Vec<Gap>,
}

impl Completeness {
    /// The completeness of figures with these gaps (none: complete).
    pub fn new(gaps: Vec<Gap>) -> Completeness {
        Completeness { gaps }
    }

    /// True when nothing is missing: only then is a verdict given as complete, and only
    /// then should `print` and `report` exit 0.
    pub fn is_complete(&self) -> bool {
        self.gaps.is_empty()
    }

    /// Complete, incomplete, or no data.
    pub fn state(&self) -> State {
        if self.gaps.iter().any(Gap::is_no_data) {
            State::NoData
        } else if self.gaps.is_empty() {
            State::Complete
        } else {
            State::Incomplete
        }
    }

    /// Each gap in words, in order.
    pub fn missing(&self) -> Vec<String> {
        self.gaps.iter().map(Gap::words).collect()
    }

    /// Why the figures are not complete, in one line (`figures incomplete: queue-roanne.yaml
    /// refused: its records are left out`, `no data: no status file was read`); `None` when
    /// they are complete.
    pub fn why_not(&self) -> Option<String> {
        let head = match self.state() {
            State::Complete => return None,
            State::Incomplete => "figures incomplete",
            State::NoData => "no data",
        };
        Some(format!("{head}: {}", self.missing().join("; ")))
    }

    /// True when there is no plan to compare the deliveries with ([`Gap::NoPlan`]).
    pub fn lacks_plan(&self) -> bool {
        self.gaps.contains(&Gap::NoPlan)
    }

    /// The verdict against the plan for a lead (delivered minus planned to date) computed
    /// from these figures: `18 behind plan` when complete, `18 behind plan on incomplete
    /// figures` when something is missing, `no plan to compare with` without a plan (the
    /// lead is then only the deliveries), `no data` when there is nothing to count.
    pub fn verdict(&self, lead_vehicles: i64) -> String {
        match self.state() {
            State::NoData => "no data".to_owned(),
            _ if self.lacks_plan() => NO_PLAN.to_owned(),
            State::Complete => lead(lead_vehicles),
            State::Incomplete => format!("{} on incomplete figures", lead(lead_vehicles)),
        }
    }

    /// True only when the figures are complete and not behind plan: the one case a
    /// verdict may be shown as good news.
    pub fn is_good_news(&self, lead_vehicles: i64) -> bool {
        self.is_complete() && lead_vehicles >= 0
    }

    /// True when a gap may hide vehicles from the counts ([`Gap::hides_vehicles`]): then a
    /// finding drawn from them is not given as fact.
    pub fn hides_vehicles(&self) -> bool {
        self.gaps.iter().any(Gap::hides_vehicles)
    }

    /// A finding drawn from counts of vehicles (`Paint is 9 vehicles short of …`, a
    /// bottleneck) as it may be shown: as is when no gap may hide vehicles; after [`UNSURE`]
    /// when one may, since the file or record left out may hold the very vehicles it counts
    /// (what is missing is said beside it, [`Completeness::why_not`]); `None` when there is
    /// nothing to count, or when the finding rests on the plan (`on_plan`) and there is
    /// none: then it is not given at all.
    pub fn finding(&self, sentence: &str, on_plan: bool) -> Option<String> {
        match self.state() {
            State::NoData => None,
            _ if on_plan && self.lacks_plan() => None,
            _ if self.hides_vehicles() => Some(format!("{UNSURE}: {sentence}")),
            _ => Some(sentence.to_owned()),
        }
    }

    /// A sentence drawn from these figures (a forecast, a pace) as it may be shown: as is
    /// when complete, after `on incomplete figures: ` when something is missing, and
    /// replaced by `no data` when there is nothing to count.
    pub fn qualify(&self, sentence: &str) -> String {
        match self.state() {
            State::Complete => sentence.to_owned(),
            State::Incomplete => format!("on incomplete figures: {sentence}"),
            State::NoData => "no data".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests;
