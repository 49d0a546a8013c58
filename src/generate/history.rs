//! The stage histories `fleetdash generate` writes: one visit per stage of the vehicle's
//! family up to the one it is in, stays about as long as the lead times of the stages
//! imply, and now and then a loop from acceptance through rework and back.
//!
//! They are drawn from a generator of their own, so that a set written with histories
//! and the same set without (`--no-history`) differ in the histories alone.

use std::fmt::Write as _;

use chrono::Duration;

use super::{LEAD_DAYS, Rng, STAGES};
use crate::domain::Date;

/// Whether a generated set writes stage histories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Histories {
    /// Every queue vehicle and every delivered vehicle listed by serial has one.
    #[default]
    Written,
    /// None: the set as written before histories existed, to compare loads.
    LeftOut,
}

/// The index of the acceptance stage in [`STAGES`].
const ACCEPTANCE: usize = 6;
/// The index of the rework stage in [`STAGES`].
const REWORK: usize = 7;
/// The index of the weapon-fit stage, which applies to the even families only.
const WEAPON: usize = 3;

/// The histories of one set, drawn from their own generator.
pub(super) struct Writer {
    rng: Rng,
}

impl Writer {
    /// The histories of the set of `seed`.
    pub(super) fn new(seed: u64) -> Writer {
        Writer {
            rng: Rng(seed ^ 0x4849_5354_4f52_5931),
        }
    }

    /// Typical days in `stage`: the difference of the lead times of a stage and the next
    /// (so the stays add up to the lead time), 10 for acceptance, 15 for rework; drawn
    /// from half to one and a half times that.
    fn stay(&mut self, stage: usize) -> Duration {
        let typical = match (LEAD_DAYS.get(stage), LEAD_DAYS.get(stage + 1)) {
            (Some(a), Some(b)) => i64::from(a - b),
            (Some(a), None) => i64::from(*a),
            _ => 15,
        };
        Duration::days((typical / 2 + self.rng.below(typical as u64 + 1) as i64).max(1))
    }

    /// The stages a vehicle of a family with (`weapon`) or without the weapon fit goes
    /// through to reach `current`, oldest first, with the occasional rework loop.
    fn path(&mut self, current: usize, weapon: bool) -> Vec<usize> {
        let main = (0..=ACCEPTANCE).filter(|&s| s != WEAPON || weapon);
        let mut path: Vec<usize> = if current == REWORK {
            main.chain([REWORK]).collect()
        } else {
            main.filter(|&s| s < current).chain([current]).collect()
        };
        // One in four vehicles past acceptance went round the rework loop once more:
        // … acceptance, rework, acceptance (now), or … acceptance, rework, acceptance,
        // rework (now).
        if current >= ACCEPTANCE && self.rng.below(4) == 0 {
            let loop_ = if current == ACCEPTANCE {
                [ACCEPTANCE, REWORK]
            } else {
                [REWORK, ACCEPTANCE]
            };
            let at = path.len() - 1;
            path.splice(at..at, loop_);
        }
        path
    }

    /// Dates the stages of `path` backwards from `last`, the day the last was entered.
    fn dated(&mut self, path: &[usize], last: Date) -> Vec<(usize, Date)> {
        let mut out = vec![(0, last); path.len()];
        let mut day = last;
        for (i, &stage) in path.iter().enumerate().rev() {
            if i + 1 < path.len() {
                day -= self.stay(stage);
            }
            out[i] = (stage, day);
        }
        out
    }

    /// Writes the `history:` of a queue vehicle at `current` since `since`.
    pub(super) fn queue(&mut self, e: &mut String, current: usize, since: Date, weapon: bool) {
        let path = self.path(current, weapon);
        e.push_str("    history:\n");
        for (stage, day) in self.dated(&path, since) {
            let _ = writeln!(e, "      - {{stage: {}, since: {day}}}", STAGES[stage].0);
        }
    }

    /// Writes the `histories:` of a delivery of `serials` handed over on `date`.
    pub(super) fn delivered(
        &mut self,
        d: &mut String,
        serials: &[String],
        date: Date,
        weapon: bool,
    ) {
        d.push_str("    histories:\n");
        for serial in serials {
            let path = self.path(ACCEPTANCE, weapon);
            let accepted = date - self.stay(ACCEPTANCE);
            let _ = writeln!(d, "      {serial}:");
            for (stage, day) in self.dated(&path, accepted) {
                let _ = writeln!(d, "        - {{stage: {}, since: {day}}}", STAGES[stage].0);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_end_at_the_current_stage_through_the_family_s_stages() {
        let mut w = Writer::new(5);
        let mut loops = 0;
        for i in 0..400 {
            let current = i % STAGES.len();
            let weapon = i % 3 == 0;
            let current = if current == WEAPON && !weapon {
                4
            } else {
                current
            };
            let path = w.path(current, weapon);
            assert_eq!(path.last(), Some(&current));
            assert_eq!(path[0], 0, "every path starts at the hull");
            assert!(path.windows(2).all(|p| p[0] != p[1]), "{path:?}");
            assert_eq!(
                path.contains(&WEAPON),
                weapon && current >= WEAPON,
                "{path:?}"
            );
            loops += usize::from(path.iter().filter(|&&s| s == ACCEPTANCE).count() > 1);
            let dated = w.dated(&path, Date::from_ymd_opt(2026, 11, 2).unwrap());
            assert!(dated.windows(2).all(|d| d[0].1 < d[1].1), "{dated:?}");
            assert_eq!(
                dated.last().unwrap().1,
                Date::from_ymd_opt(2026, 11, 2).unwrap()
            );
        }
        // A quarter of the 100 vehicles at acceptance or rework, give or take.
        assert!((10..=45).contains(&loops), "{loops}");
    }
}
