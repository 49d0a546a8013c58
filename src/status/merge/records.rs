//! The records of one file, its queue and its deliveries, checked against the definitions
//! and against the serials of the records before them (a serial written twice); the
//! files are put together in [`super::shares`].

use chrono::Datelike;

use super::Merger;
use super::serials::{Serials, Written};
use super::shares::Marks;
use crate::domain::{Delivery, Origin, SiteId, VariantId, Vehicle};
use crate::status::problem::{Loc, did_you_mean};
use crate::status::raw::{NameRef, RawFile};

impl Merger {
    pub(super) fn intern_site(&mut self, name: &str) -> SiteId {
        if let Some(&id) = self.site_index.get(name) {
            return id;
        }
        let next = SiteId(self.p.sites.len() as u32);
        self.p.sites.push(name.to_owned());
        self.site_index.insert(name.to_owned(), next);
        next
    }

    /// The variant a record names (already cleaned, as records are when parsed).
    pub(super) fn record_variant(
        &mut self,
        file: u32,
        loc: Loc,
        id: &str,
        what: impl FnOnce() -> String,
    ) -> Option<VariantId> {
        if let Some(&v) = self.variant_index.get(id) {
            return Some(v);
        }
        self.unknown_variant(file, loc, id, &what());
        None
    }

    pub(super) fn queue(
        &mut self,
        file: u32,
        raw: &RawFile,
        serials: &mut Serials,
        out: &mut Vec<Vehicle>,
        marks: &mut Marks,
    ) {
        let far = &raw.far_places;
        for (record, v) in raw.queue.iter().flatten().enumerate() {
            let serial: &str = raw.serial(v.serial);
            if serial.is_empty() {
                self.error(
                    file,
                    v.loc(),
                    "a vehicle without a serial: write its serial, e.g. `serial: BE-GRF-0042`",
                );
                marks.left_out += 1;
                continue;
            }
            let Some(variant) =
                self.record_variant(file, v.variant_loc(far), raw.name(v.variant), || {
                    format!("vehicle {serial}")
                })
            else {
                marks.left_out += 1;
                continue;
            };
            let stage_id = raw.name(v.stage);
            let Some(&stage) = self.stage_index.get(stage_id) else {
                let message = match self.left_out_words("stages", stage_id) {
                    Some(words) => format!("vehicle {serial} is at the stage `{stage_id}`{words}"),
                    None => {
                        let hint =
                            did_you_mean(stage_id, self.p.stages.iter().map(|s| s.id.as_str()));
                        format!(
                            "vehicle {serial} is at the stage `{stage_id}`, which no `stages` section defines{hint}"
                        )
                    }
                };
                self.error(file, v.stage_loc(far), message);
                marks.left_out += 1;
                continue;
            };
            let family = self.p.family_of(variant);
            if !self.p.stage(stage).applies_to(family) {
                let fam = &self.p.family(family).name;
                let applies: Vec<&str> = self
                    .p
                    .stage(stage)
                    .families
                    .iter()
                    .map(|f| self.p.family(*f).name.as_str())
                    .collect();
                let msg = format!(
                    "vehicle {serial} is a {fam}, but the stage `{stage_id}` applies to {} only: \
                     put it at a stage for {fam}, or correct its variant",
                    applies.join(", ")
                );
                self.error(file, v.stage_loc(far), msg);
            }
            marks.checked.push(record as u32);
            let at = Written::queued(file, record);
            if let Some(first) = serials.first(serial, at) {
                let first_loc = serials.loc(first);
                marks.twice(at, first, first_loc);
                let first_at = self.place(first.file, first_loc);
                self.error(
                    file,
                    v.loc(),
                    format!(
                        "vehicle {serial} is in the queue twice (first in {first_at}): remove one"
                    ),
                );
                marks.left_out += 1;
                continue;
            }
            let since = v.since.0;
            if since > self.today {
                let today = self.today;
                self.error(
                    file,
                    v.since_loc(far),
                    format!(
                        "vehicle {serial} entered its stage on {since}, after today ({today}): check the date"
                    ),
                );
            }
            let due = v.due.map(|d| d.0);
            let dates = [
                ("entered its stage", Some(since), v.since_loc(far)),
                ("is due", due, v.due_loc(far)),
            ];
            for (label, date, loc) in dates {
                if let Some(date) = date.filter(|d| !self.in_programme_years(d.year())) {
                    let years = self.years_text();
                    self.warning(
                        file,
                        loc,
                        format!(
                            "vehicle {serial} {label} on {date}, outside the programme years {years}: check the date"
                        ),
                    );
                }
            }
            let site = match raw.name(v.site) {
                "" => "(no site)",
                site => site,
            };
            let site = self.intern_site(site);
            let optional = |n: Option<NameRef>| {
                let n = n.and_then(|n| raw.shared_name(n));
                n.filter(|n| !n.is_empty()).cloned()
            };
            let history = self.queue_history(file, raw, v, serial, family);
            out.push(Vehicle {
                serial: raw.shared_serial(v.serial),
                variant,
                stage,
                since,
                due,
                site,
                lot: optional(v.lot),
                hold: optional(v.hold),
                history,
                origin: Origin {
                    file,
                    line: v.loc().line,
                },
            });
        }
    }

    pub(super) fn deliveries(
        &mut self,
        file: u32,
        raw: &RawFile,
        serials: &mut Serials,
        out: &mut Vec<Delivery>,
        marks: &mut Marks,
    ) {
        let far = &raw.far_places;
        for (record, d) in raw.deliveries.iter().flatten().enumerate() {
            let date = d.date.0;
            let Some(variant) =
                self.record_variant(file, d.variant_loc(far), raw.name(d.variant), || {
                    format!("the delivery of {date}")
                })
            else {
                marks.left_out += 1;
                continue;
            };
            let listed = d.serials.map(|l| raw.listed(l));
            let quantity = match (listed, d.count) {
                (None, None) => {
                    self.error(
                        file,
                        d.loc(),
                        format!("the delivery of {date} says neither `serials` nor `count`: list the serials handed over or give their number"),
                    );
                    marks.left_out += 1;
                    continue;
                }
                (Some(list), Some(count)) if list.len() != count.0 as usize => {
                    self.error(
                        file,
                        d.serials_loc(far),
                        format!(
                            "the delivery of {date} lists {} serials but says `count: {}`: make them agree",
                            list.len(),
                            count.0
                        ),
                    );
                    list.len() as u32
                }
                (Some(list), _) => list.len() as u32,
                (None, Some(count)) => count.0,
            };
            if date > self.today {
                let today = self.today;
                self.error(
                    file,
                    d.date_loc(far),
                    format!(
                        "the delivery of {date} is dated after today ({today}): check the date; \
                         a delivery is recorded once it has happened"
                    ),
                );
            }
            if !self.in_programme_years(date.year()) {
                let years = self.years_text();
                self.warning(
                    file,
                    d.date_loc(far),
                    format!(
                        "the delivery of {date} is outside the programme's delivery years {years}: check the date"
                    ),
                );
            }
            marks.checked.push(record as u32);
            let listed = listed.unwrap_or_default();
            let mut kept = Vec::with_capacity(listed.len());
            for (item, &r) in listed.iter().enumerate() {
                let serial: &str = raw.serial(r);
                if serial.is_empty() {
                    self.error(
                        file,
                        d.serials_loc(far),
                        format!(
                            "the delivery of {date} lists an empty serial: \
                             write the serial, or remove the empty item"
                        ),
                    );
                    continue;
                }
                let at = Written::delivered(file, record, item);
                if let Some(first) = serials.first(serial, at) {
                    let first_loc = serials.loc(first);
                    marks.twice(at, first, first_loc);
                    let first_at = self.place(first.file, first_loc);
                    let msg = if first.is_queued() {
                        format!(
                            "vehicle {serial} is delivered on {date} but still in the queue ({first_at}): remove it from the queue"
                        )
                    } else {
                        format!(
                            "vehicle {serial} is delivered twice (first in {first_at}): remove one or correct the serial"
                        )
                    };
                    self.error(file, d.serials_loc(far), msg);
                    marks.counted_twice += 1;
                }
                kept.push(raw.shared_serial(r));
            }
            let family = self.p.family_of(variant);
            let histories = self.delivery_histories(file, raw, d, family, &kept);
            out.push(Delivery {
                date,
                variant,
                quantity,
                serials: kept,
                histories,
                origin: Origin {
                    file,
                    line: d.loc().line,
                },
            });
        }
    }
}
