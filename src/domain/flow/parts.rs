//! What one source of histories gives, gathered in one pass: the queue's histories (open
//! last stays) or the delivered vehicles' (the last stay ends at the hand-over). Each part
//! depends only on its list and the programme's definitions, not on the day, so that a
//! reload that shares the list keeps it ([`super::Cache`]).

use super::super::{Date, Delivery, FamilyId, Programme, StageId, Vehicle, Visit};
use super::stats::{Hist, Series, days, month, week};

/// What the visits to one stage gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StagePart {
    /// Days of each completed stay.
    pub stays: Hist,
    /// Vehicles with at least one completed stay.
    pub vehicles: u32,
    /// Stays that ended, per week of their end.
    pub exits: Series<u32>,
    /// The days those stays lasted, summed per week of their end (for means over a window).
    pub exit_days: Series<u64>,
    /// Stays that ended, per month of their end.
    pub exits_monthly: Series<u32>,
    /// Per week, stays that began less stays that ended: its running sum is the work in
    /// progress at each week's end.
    pub wip_delta: Series<i32>,
    /// Queue vehicles in the stage now, with a history.
    pub now_tracked: u32,
    /// Queue vehicles in the stage now, all (from `stage` and `since`).
    pub now: u32,
    /// The earliest `since` of the vehicles in the stage now.
    pub oldest_since: Option<Date>,
}

/// What one source gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Part {
    /// Per stage, indexed like the programme's stages.
    pub stages: Vec<StagePart>,
    /// Vehicles with a history.
    pub tracked: u32,
    /// Vehicles without one.
    pub untracked: u32,
    /// Hand-overs per week (deliveries only, histories or not).
    pub handovers: Series<u32>,
    /// Hand-overs per month.
    pub handovers_monthly: Series<u32>,
    /// Days from the first stay to hand-over, per delivered vehicle with a history.
    pub lead: Hist,
    /// The same per family.
    pub lead_families: Vec<Hist>,
    /// Days from first entering a main-line stage to hand-over, per stage and family
    /// (`stage * families + family`).
    pub to_handover: Vec<Hist>,
    /// Delivered vehicles whose history passed their line's last main-line stage.
    pub passed: u32,
    /// Their visits to rework stages.
    pub rework_visits: u32,
    /// Of them, those that went to rework at least once.
    pub reworked: u32,
}

/// The last main-line stage of each family's line (what sends vehicles to rework): the
/// acceptance, named by the data, not by the programme.
pub fn acceptance(p: &Programme) -> Vec<Option<StageId>> {
    p.family_ids()
        .map(|f| {
            p.stage_ids()
                .filter(|&s| !p.stage(s).rework && p.stage(s).applies_to(f))
                .last()
        })
        .collect()
}

impl Part {
    fn new(p: &Programme) -> Part {
        Part {
            stages: vec![StagePart::default(); p.stages.len()],
            lead_families: vec![Hist::default(); p.families.len()],
            to_handover: vec![Hist::default(); p.stages.len() * p.families.len()],
            ..Part::default()
        }
    }

    /// The stays of one history; `end` is the hand-over of a delivered vehicle.
    fn visits(&mut self, visits: &[Visit], end: Option<Date>) {
        for (i, v) in visits.iter().enumerate() {
            let Some(s) = self.stages.get_mut(v.stage.0 as usize) else {
                continue;
            };
            s.wip_delta.add(week(v.entered), 1);
            let left = visits.get(i + 1).map(|n| n.entered).or(end);
            if let Some(left) = left {
                let d = days(v.entered, left);
                s.stays.add(d);
                if !visits[..i].iter().any(|o| o.stage == v.stage) {
                    s.vehicles += 1;
                }
                let w = week(left);
                s.exits.add(w, 1);
                s.exit_days.add(w, u64::from(d));
                s.exits_monthly.add(month(left), 1);
                s.wip_delta.add(w, -1);
            }
        }
    }

    /// The part of the queue.
    pub fn of_queue(p: &Programme, queue: &[Vehicle]) -> Part {
        let mut part = Part::new(p);
        for v in queue {
            if let Some(s) = part.stages.get_mut(v.stage.0 as usize) {
                s.now += 1;
                if !v.history.is_empty() {
                    s.now_tracked += 1;
                }
                s.oldest_since = Some(s.oldest_since.map_or(v.since, |o| o.min(v.since)));
            }
            if v.history.is_empty() {
                part.untracked += 1;
            } else {
                part.tracked += 1;
                part.visits(&v.history, None);
            }
        }
        part
    }

    /// The part of the deliveries.
    pub fn of_deliveries(p: &Programme, deliveries: &[Delivery]) -> Part {
        let mut part = Part::new(p);
        let families = p.families.len();
        let acceptance = acceptance(p);
        for d in deliveries {
            part.handovers.add(week(d.date), d.quantity);
            part.handovers_monthly.add(month(d.date), d.quantity);
            let with = d.histories.iter().filter(|h| !h.visits.is_empty()).count() as u32;
            part.tracked += with;
            part.untracked += d.quantity.saturating_sub(with);
            let family = p.variants.get(d.variant.0 as usize).map(|v| v.family);
            for h in d.histories.iter().filter(|h| !h.visits.is_empty()) {
                part.visits(&h.visits, Some(d.date));
                part.lead.add(days(h.visits[0].entered, d.date));
                let Some(FamilyId(f)) = family else { continue };
                let f = f as usize;
                if let Some(l) = part.lead_families.get_mut(f) {
                    l.add(days(h.visits[0].entered, d.date));
                }
                part.handover_leads(p, &h.visits, d.date, f, families);
                let accepted = acceptance.get(f).copied().flatten();
                if accepted.is_some_and(|a| h.visits.iter().any(|v| v.stage == a)) {
                    let rework = h
                        .visits
                        .iter()
                        .filter(|v| p.stages.get(v.stage.0 as usize).is_some_and(|s| s.rework))
                        .count() as u32;
                    part.passed += 1;
                    part.rework_visits += rework;
                    part.reworked += u32::from(rework > 0);
                }
            }
        }
        part
    }

    /// Days from first entering each main-line stage to the hand-over on `end`.
    fn handover_leads(
        &mut self,
        p: &Programme,
        visits: &[Visit],
        end: Date,
        family: usize,
        families: usize,
    ) {
        for (i, v) in visits.iter().enumerate() {
            let main = p.stages.get(v.stage.0 as usize).is_some_and(|s| !s.rework);
            if main && !visits[..i].iter().any(|o| o.stage == v.stage) {
                let at = v.stage.0 as usize * families + family;
                if let Some(h) = self.to_handover.get_mut(at) {
                    h.add(days(v.entered, end));
                }
            }
        }
    }
}
