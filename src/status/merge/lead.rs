//! The planned lead times of the stages (`lead_time_days`), checked against the families
//! and the flow: what the Line of Balance reads.

use super::Merger;
use crate::domain::FamilyId;
use crate::domain::balance::LeadTime;
use crate::status::problem::did_you_mean;
use crate::status::raw::RawStage;

impl Merger {
    /// The lead time of `st`, the stage `id` of `families` (empty: every family), with a
    /// problem for each family it names that is unknown, off the stage or named twice.
    pub(super) fn lead_time(
        &mut self,
        file: u32,
        st: &RawStage,
        id: &str,
        families: &[FamilyId],
    ) -> LeadTime {
        let Some(raw) = &st.lead_time_days else {
            return LeadTime::default();
        };
        if st.rework {
            let message = format!(
                "stage `{id}` is rework, off the main line: its lead time is not used; remove `lead_time_days`"
            );
            self.warning(file, raw.loc, message);
            return LeadTime::default();
        }
        if raw.all.is_none() && raw.families.is_empty() {
            let message = format!(
                "stage `{id}` has an empty `lead_time_days`: write the days to hand-over, such as `lead_time_days: 55` or `{{Griffon: 55}}`"
            );
            self.error(file, raw.loc, message);
        }
        let mut lead = LeadTime {
            all: raw.all,
            families: Vec::new(),
        };
        for (name, days) in &raw.families {
            let Some(&f) = self.family_index.get(name) else {
                let hint = did_you_mean(name, self.p.families.iter().map(|f| f.name.as_str()));
                let message = format!(
                    "stage `{id}` gives a lead time for the family `{name}`, which no variant has{hint}"
                );
                self.error(file, raw.loc, message);
                continue;
            };
            if !families.is_empty() && !families.contains(&f) {
                let message = format!(
                    "stage `{id}` gives a lead time for `{name}`, a family it does not apply to: remove it or add `{name}` to its `families`"
                );
                self.error(file, raw.loc, message);
                continue;
            }
            if lead.families.iter().any(|&(g, _)| g == f) {
                let message =
                    format!("stage `{id}` gives the lead time of `{name}` twice: keep one");
                self.error(file, raw.loc, message);
                continue;
            }
            lead.families.push((f, *days));
        }
        lead
    }

    /// Warns of a stage whose lead time for a family is longer than an earlier stage's: a
    /// later stage is nearer hand-over, so its lead time cannot be longer.
    pub(super) fn lead_times_in_flow_order(&mut self) {
        let mut warnings = Vec::new();
        for family in self.p.family_ids() {
            let mut earlier: Option<(usize, u32)> = None;
            for (i, stage) in self.p.stages.iter().enumerate() {
                if stage.rework || !stage.applies_to(family) {
                    continue;
                }
                let Some(days) = self.p.lead_times.get(i).and_then(|l| l.for_family(family)) else {
                    continue;
                };
                if let Some((e, before)) = earlier
                    && days > before
                {
                    warnings.push((i, e, family, days, before));
                }
                earlier = Some((i, days));
            }
        }
        for (i, e, family, days, before) in warnings {
            let (file, loc) = self.stage_locs[i];
            let message = format!(
                "stage `{}` plans {days} days to hand-over for {}, more than the earlier stage `{}` ({before} days): a later stage is nearer hand-over; check the two lead times",
                self.p.stages[i].id,
                self.p.family(family).name,
                self.p.stages[e].id,
            );
            self.warning(file, loc, message);
        }
    }
}
