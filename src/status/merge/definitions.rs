//! The definitions of a set: the programme, its variants and stages, and the plan.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::{Merger, Source};
use crate::domain::{Family, FamilyId, Info, PlanEntry, Stage, StageId, Variant, VariantId};
use crate::status::problem::{Loc, Problem, Severity, did_you_mean};
use crate::status::raw::RawProgramme;
use crate::text::clean_owned;

impl Merger {
    pub(super) fn programme(&mut self, sources: &[Source]) {
        let found: Vec<(u32, &RawProgramme, Loc)> = sources
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let p = s.raw.programme.as_ref()?;
                Some((i as u32, p, s.raw.section_locs.programme))
            })
            .collect();
        let Some(&(file, first, loc)) = found.first() else {
            self.problems.push(Problem::new(
                Severity::Error,
                None,
                Loc::UNKNOWN,
                "no file has a `programme` section: add one with the programme's name and \
                 first and last delivery years (see docs/FORMAT.md)",
            ));
            return;
        };
        for &(other, _, other_loc) in &found[1..] {
            let first_at = self.place(file, loc);
            self.error(
                other,
                other_loc,
                format!(
                    "a second `programme` section (the first is in {first_at}): keep exactly one in the set"
                ),
            );
        }
        if first.first_year.0 > first.last_year.0 {
            self.error(
                file,
                loc,
                format!(
                    "the programme's first_year {} is after its last_year {}: swap them or correct one",
                    first.first_year.0, first.last_year.0
                ),
            );
        }
        let opt = |s: &Option<String>| s.as_deref().map(clean_owned);
        self.p.info = Some(Info {
            name: clean_owned(&first.name),
            customer: opt(&first.customer),
            prime: opt(&first.prime),
            final_assembler: opt(&first.final_assembler),
            first_year: first.first_year.0,
            last_year: first.last_year.0.max(first.first_year.0),
        });
    }

    pub(super) fn variants(&mut self, file: u32, s: &Source) {
        for v in s.raw.variants.iter().flatten() {
            let defined = |m: &Merger, id: &str| {
                let existing = m.variant_index.get(id)?;
                Some(m.variant_locs[existing.0 as usize])
            };
            let Some(id) = self.new_id(file, v.loc, &v.id, ("variant", "grf-tt"), defined) else {
                continue;
            };
            let family = self.intern_family(&clean_owned(&v.family));
            let vid = VariantId(self.p.variants.len() as u32);
            self.variant_index.insert(id.clone(), vid);
            self.variant_locs.push((file, v.loc));
            self.p.variants.push(Variant {
                id,
                family,
                name: clean_owned(&v.name),
                contracted: v.contracted.0,
                attributes: v
                    .attributes
                    .0
                    .iter()
                    .map(|(k, val)| (clean_owned(k), clean_owned(val)))
                    .collect(),
            });
        }
    }

    /// The cleaned id of a new definition (`kind` names it, with an example id), or
    /// `None` once the problem is reported: an empty id, or one `defined` before (where).
    fn new_id(
        &mut self,
        file: u32,
        loc: Loc,
        given: &str,
        (kind, example): (&str, &str),
        defined: impl Fn(&Merger, &str) -> Option<(u32, Loc)>,
    ) -> Option<String> {
        let id = clean_owned(given);
        if id.is_empty() {
            let message =
                format!("a {kind} without an `id`: give it a short name such as `{example}`");
            self.error(file, loc, message);
            return None;
        }
        if let Some((f, l)) = defined(self, &id) {
            let first_at = self.place(f, l);
            let message = format!(
                "{kind} `{id}` is defined twice (first in {first_at}): remove one or rename it"
            );
            self.error(file, loc, message);
            return None;
        }
        Some(id)
    }

    pub(super) fn intern_family(&mut self, name: &str) -> FamilyId {
        let next = FamilyId(self.p.families.len() as u32);
        *self.family_index.entry(name.to_owned()).or_insert_with(|| {
            self.p.families.push(Family {
                name: name.to_owned(),
            });
            next
        })
    }

    pub(super) fn stages(&mut self, file: u32, s: &Source) {
        for st in s.raw.stages.iter().flatten() {
            let defined = |m: &Merger, id: &str| {
                let existing = m.stage_index.get(id)?;
                Some(m.stage_locs[existing.0 as usize])
            };
            let Some(id) = self.new_id(file, st.loc, &st.id, ("stage", "paint"), defined) else {
                continue;
            };
            let mut families = Vec::new();
            for name in &st.families {
                let name = clean_owned(name);
                match self.family_index.get(&name) {
                    Some(&f) => families.push(f),
                    None => {
                        let hint =
                            did_you_mean(&name, self.p.families.iter().map(|f| f.name.as_str()));
                        self.error(
                            file,
                            st.families_loc,
                            format!(
                                "stage `{id}` names the family `{name}`, which no variant has{hint}"
                            ),
                        );
                    }
                }
            }
            let lead = self.lead_time(file, st, &id, &families);
            self.p.lead_times.push(lead);
            self.stage_index
                .insert(id.clone(), StageId(self.p.stages.len() as u32));
            self.stage_locs.push((file, st.loc));
            self.p.stages.push(Stage {
                id,
                name: clean_owned(&st.name),
                families,
                rework: st.rework,
            });
        }
    }

    pub(super) fn lookup_variant(
        &mut self,
        file: u32,
        loc: Loc,
        given: &str,
        what: &str,
    ) -> Option<VariantId> {
        let id = clean_owned(given);
        if let Some(&v) = self.variant_index.get(&id) {
            return Some(v);
        }
        self.unknown_variant(file, loc, &id, what);
        None
    }

    /// `, whose `variants` record is left out (FILE:LINE): fix that record first` when the
    /// `id` of `section` is that of a definition left out for a bad value, else `None`.
    pub(super) fn left_out_words(&self, section: &'static str, id: &str) -> Option<String> {
        let &(file, loc) = self.left_out.get(&(section, id.to_owned()))?;
        let at = self.place(file, loc);
        Some(format!(
            ", whose `{section}` record is left out ({at}): fix that record first"
        ))
    }

    pub(super) fn unknown_variant(&mut self, file: u32, loc: Loc, id: &str, what: &str) {
        if id.is_empty() {
            self.error(
                file,
                loc,
                format!("{what} names a variant with an empty id: write the `id` of one of the `variants`"),
            );
            return;
        }
        if let Some(words) = self.left_out_words("variants", id) {
            self.error(file, loc, format!("{what} names the variant `{id}`{words}"));
            return;
        }
        // Suggestions in definition order, so that a tie always suggests the same.
        let hint = did_you_mean(id, self.p.variants.iter().map(|v| v.id.as_str()));
        self.error(
            file,
            loc,
            format!("{what} names the variant `{id}`, which no `variants` section defines{hint}"),
        );
    }

    pub(super) fn plan(
        &mut self,
        file: u32,
        s: &Source,
        planned: &mut HashMap<(i32, VariantId), (u32, Loc)>,
    ) {
        let Some(plan) = &s.raw.plan else { return };
        for y in &plan.years {
            let Some(year) = i32::try_from(y.year)
                .ok()
                .filter(|y| (1900..=2200).contains(y))
            else {
                self.error(
                    file,
                    y.loc,
                    format!(
                        "{} is not a plausible plan year: write a year such as 2026",
                        y.year
                    ),
                );
                continue;
            };
            if !self.in_programme_years(year) {
                let years = self.years_text();
                self.warning(
                    file,
                    y.loc,
                    format!(
                        "the plan has deliveries in {year}, outside the programme's delivery years {years}: \
                         check the year, or widen the programme's first_year and last_year"
                    ),
                );
            }
            for e in &y.entries {
                let Some(variant) =
                    self.lookup_variant(file, e.loc, &e.variant, &format!("the {year} plan"))
                else {
                    continue;
                };
                match planned.entry((year, variant)) {
                    Entry::Occupied(o) => {
                        let (f, l) = *o.get();
                        let first_at = self.place(f, l);
                        let id = &self.p.variant(variant).id;
                        let msg = format!(
                            "the {year} plan for `{id}` is written twice (first in {first_at}): keep one"
                        );
                        self.error(file, e.loc, msg);
                    }
                    Entry::Vacant(v) => {
                        v.insert((file, e.loc));
                        self.p.plan.push(PlanEntry {
                            year,
                            variant,
                            quantity: e.quantity,
                        });
                    }
                }
            }
        }
    }
}
