//! The stage histories of the records, checked against the stages and against their
//! record: a queue vehicle's `history` must end at its `stage` and `since`, a delivery's
//! `histories` must be of serials it lists and end by its date.
//!
//! A history that is wrong is left out whole, with a warning for each thing wrong in it,
//! and its vehicle still counts: so every history the programme holds keeps the invariant
//! of [`crate::domain::Vehicle::history`] (ordered, known stages of the vehicle's family,
//! ending at the current stage), and the figures drawn from histories never rest on one
//! that contradicts itself.

use super::Merger;
use crate::domain::{Date, FamilyId, History, Serial, StageId, Visit, Visits};
use crate::status::problem::{Loc, did_you_mean};
use crate::status::raw::{RawDelivery, RawFile, RawVehicle, RawVisit};

/// Said after every problem of a history: what is kept meanwhile.
const LEFT_OUT: &str = "its history is left out";

/// How a history must end.
#[derive(Debug, Clone, Copy)]
enum End<'a> {
    /// At the vehicle's current stage, entered on `since`.
    Queued { stage: &'a str, since: Date },
    /// By the hand-over on this day.
    Delivered(Date),
}

impl Merger {
    /// The history of a queue vehicle, checked; empty when it gives none or when it is
    /// wrong (then with a warning for each thing wrong).
    pub(super) fn queue_history(
        &mut self,
        file: u32,
        raw: &RawFile,
        v: &RawVehicle,
        serial: &str,
        family: FamilyId,
    ) -> Visits {
        if v.history.is_empty() {
            return Visits::default();
        }
        let end = End::Queued {
            stage: raw.name(v.stage),
            since: v.since.0,
        };
        self.visits(file, raw.visits(v.history), v.loc(), serial, family, end)
            .map_or_else(Visits::default, Visits::from)
    }

    /// The histories a delivery keeps, checked against the serials it lists (`kept`, as
    /// the merge keeps them) and its date; each wrong one is left out with a warning.
    pub(super) fn delivery_histories(
        &mut self,
        file: u32,
        raw: &RawFile,
        d: &RawDelivery,
        family: FamilyId,
        kept: &[Serial],
    ) -> Box<[History]> {
        let written = raw.histories(d.histories);
        if written.is_empty() {
            return Box::default();
        }
        let date = d.date.0;
        let mut out: Vec<History> = Vec::with_capacity(written.len());
        for (i, h) in written.iter().enumerate() {
            let serial = raw.serial(h.serial);
            let at = h.at.loc(d.loc());
            if written[..i].iter().any(|e| raw.serial(e.serial) == serial) {
                self.warning(
                    file,
                    at,
                    format!(
                        "the delivery of {date} keeps two histories for {serial}: keep one; \
                         the second is left out"
                    ),
                );
                continue;
            }
            let Some(shared) = kept.iter().find(|s| s.as_str() == serial) else {
                let msg = if d.serials.is_none() {
                    format!(
                        "the delivery of {date} keeps a history for {serial} but gives only a \
                         `count`: list its `serials`, or move the history; {LEFT_OUT}"
                    )
                } else {
                    format!(
                        "the delivery of {date} keeps a history for {serial}, which it does not \
                         list in `serials`: add the serial, or move the history; {LEFT_OUT}"
                    )
                };
                self.warning(file, at, msg);
                continue;
            };
            let visits = raw.visits(h.visits);
            if visits.is_empty() {
                continue;
            }
            let end = End::Delivered(date);
            if let Some(visits) = self.visits(file, visits, d.loc(), serial, family, end) {
                out.push(History {
                    serial: shared.clone(),
                    visits,
                });
            }
        }
        out.into_boxed_slice()
    }

    /// The visits of one history, or `None` (with a warning for each thing wrong) when
    /// they break a rule. `entry` is where the record is written.
    fn visits(
        &mut self,
        file: u32,
        written: &[RawVisit],
        entry: Loc,
        serial: &str,
        family: FamilyId,
        end: End,
    ) -> Option<Vec<Visit>> {
        let mut out = Vec::with_capacity(written.len());
        let mut good = true;
        let mut before: Option<&RawVisit> = None;
        // A history mostly lists the stages in the order they are defined: the stage after
        // the last one is tried first, by its id (ids are unique), before the index.
        let mut after = 0;
        for w in written {
            let (loc, id, date) = (w.at.loc(entry), &*w.stage, w.since.0);
            let next = self.p.stages.get(after).filter(|s| s.id == id);
            let found = match next {
                Some(_) => Some(StageId(after as u32)),
                None => self.stage_index.get(id).copied(),
            };
            if let Some(s) = found {
                after = s.0 as usize + 1;
            }
            match found {
                Some(stage) => {
                    good &= self.stage_fits(file, loc, serial, family, stage);
                    out.push(Visit {
                        stage,
                        entered: date,
                    });
                }
                None => {
                    let message = match self.left_out_words("stages", id) {
                        Some(words) => format!(
                            "vehicle {serial}: its history names the stage `{id}`{words} \
                             ({LEFT_OUT})"
                        ),
                        None => {
                            let mut hint =
                                did_you_mean(id, self.p.stages.iter().map(|s| s.id.as_str()));
                            if hint.is_empty() {
                                hint = ": correct the stage".to_owned();
                            }
                            format!(
                                "vehicle {serial}: its history names the stage `{id}`, which \
                                 no `stages` section defines ({LEFT_OUT}){hint}"
                            )
                        }
                    };
                    self.warning(file, loc, message);
                    good = false;
                }
            }
            if let Some(b) = before {
                let (was, then) = (&*b.stage, b.since.0);
                if date < then {
                    self.warning(
                        file,
                        loc,
                        format!(
                            "vehicle {serial}: its history enters `{id}` on {date}, before `{was}` \
                             above it ({then}): list the stages oldest first, or correct the date; \
                             {LEFT_OUT}"
                        ),
                    );
                    good = false;
                } else if was == id {
                    self.warning(
                        file,
                        loc,
                        format!(
                            "vehicle {serial}: its history enters `{id}` twice in a row ({then}, \
                             {date}): remove the second, or list the stage between; {LEFT_OUT}"
                        ),
                    );
                    good = false;
                }
            }
            if date > self.today {
                let today = self.today;
                self.warning(
                    file,
                    loc,
                    format!(
                        "vehicle {serial}: its history enters `{id}` on {date}, after today \
                         ({today}): check the date; {LEFT_OUT}"
                    ),
                );
                good = false;
            }
            if let End::Delivered(handed) = end
                && date > handed
            {
                self.warning(
                    file,
                    loc,
                    format!(
                        "vehicle {serial}: its history enters `{id}` on {date}, after its \
                         hand-over on {handed}: check the date; {LEFT_OUT}"
                    ),
                );
                good = false;
            }
            before = Some(w);
        }
        if let (End::Queued { stage, since }, Some(last)) = (end, written.last())
            && (&*last.stage != stage || last.since.0 != since)
        {
            let (id, date) = (&*last.stage, last.since.0);
            self.warning(
                file,
                last.at.loc(entry),
                format!(
                    "vehicle {serial}: its history ends at `{id}` on {date}, not at `{stage}` \
                     since {since}: end it with `{{stage: {stage}, since: {since}}}`; {LEFT_OUT}"
                ),
            );
            good = false;
        }
        good.then_some(out)
    }

    /// True when `stage` applies to `family`; else a warning at `loc`.
    fn stage_fits(
        &mut self,
        file: u32,
        loc: Loc,
        serial: &str,
        family: FamilyId,
        stage: StageId,
    ) -> bool {
        let s = self.p.stage(stage);
        if s.applies_to(family) {
            return true;
        }
        let fam = &self.p.family(family).name;
        let applies: Vec<&str> = s
            .families
            .iter()
            .map(|f| self.p.family(*f).name.as_str())
            .collect();
        let msg = format!(
            "vehicle {serial} is a {fam}, but its history names the stage `{}`, which applies \
             to {} only: correct the stage; {LEFT_OUT}",
            s.id,
            applies.join(", ")
        );
        self.warning(file, loc, msg);
        false
    }
}
