//! Whether the figures rest on the whole status set, and what is missing when they do not.
//!
//! Every figure is computed from what loaded. A [`Completeness`] says what did not: no
//! status file at all, a folder or file that could not be read, no `programme` section,
//! refused files, records left out. The rule it carries: a verdict against the plan (on
//! plan, behind plan) is only given as such when nothing is missing; with gaps it is given
//! as resting on incomplete figures, and without data there is no verdict at all
//! ([`Completeness::verdict`]).
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
}

impl Gap {
    /// True for the gaps that leave no figures to speak of.
    pub fn is_no_data(&self) -> bool {
        matches!(self, Gap::NoStatusFiles | Gap::NoProgramme)
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
        }
    }
}

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

    /// The verdict against the plan for a lead (delivered minus planned to date) computed
    /// from these figures: `18 behind plan` when complete, `18 behind plan on incomplete
    /// figures` when something is missing, `no data` when there is nothing to count.
    pub fn verdict(&self, lead_vehicles: i64) -> String {
        match self.state() {
            State::Complete => lead(lead_vehicles),
            State::Incomplete => format!("{} on incomplete figures", lead(lead_vehicles)),
            State::NoData => "no data".to_owned(),
        }
    }

    /// True only when the figures are complete and not behind plan: the one case a
    /// verdict may be shown as good news.
    pub fn is_good_news(&self, lead_vehicles: i64) -> bool {
        self.is_complete() && lead_vehicles >= 0
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
mod tests {
    use super::*;

    #[test]
    fn nothing_missing_is_complete_and_says_the_lead_as_is() {
        let c = Completeness::default();
        assert!(c.is_complete());
        assert_eq!(c.state(), State::Complete);
        assert_eq!(c.why_not(), None);
        assert_eq!(c.verdict(0), "on plan");
        assert_eq!(c.verdict(-18), "18 behind plan");
        assert!(c.is_good_news(0));
        assert!(!c.is_good_news(-1));
        assert_eq!(c.qualify("on course"), "on course");
    }

    #[test]
    fn a_refused_file_makes_the_figures_incomplete_never_on_plan() {
        let c = Completeness::new(vec![
            Gap::RefusedFile("queue-roanne.yaml".into()),
            Gap::RecordsLeftOut(3),
        ]);
        assert!(!c.is_complete());
        assert_eq!(c.state(), State::Incomplete);
        assert_eq!(
            c.why_not().as_deref(),
            Some(
                "figures incomplete: queue-roanne.yaml refused: its records are left out; \
                 3 records left out for a bad value"
            )
        );
        assert_eq!(c.verdict(0), "on plan on incomplete figures");
        assert!(!c.is_good_news(0));
        assert_eq!(c.qualify("on course"), "on incomplete figures: on course");
        assert_eq!(
            Gap::StaleFile("plan.yaml".into()).words(),
            "plan.yaml refused: its last good version stands in for it"
        );
        assert_eq!(
            Gap::RecordsLeftOut(1).words(),
            "1 record left out for a bad value"
        );
    }

    #[test]
    fn no_programme_or_no_file_is_no_data_whatever_else() {
        for gaps in [
            vec![Gap::NoStatusFiles, Gap::UnreadSource("/nope".into())],
            vec![Gap::RefusedFile("programme.yaml".into()), Gap::NoProgramme],
        ] {
            let c = Completeness::new(gaps);
            assert_eq!(c.state(), State::NoData);
            assert_eq!(c.verdict(0), "no data");
            assert!(!c.is_good_news(0));
            assert_eq!(c.qualify("no vehicles on contract"), "no data");
            assert!(c.why_not().is_some_and(|w| w.starts_with("no data: ")));
        }
        assert_eq!(State::NoData.as_str(), "no_data");
    }
}
