//! Merges the parsed files of a set into one [`Programme`] and checks it as a whole.
//!
//! Every check that needs more than one value lives here: references between sections,
//! serials written twice, totals against the contract, dates against the programme years
//! and today. An entry that cannot be counted (an unknown variant) is left out and
//! reported; everything else still counts.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasher, RandomState};

use hashbrown::{HashTable, hash_table};

use chrono::Datelike;

use super::problem::{Loc, Problem, did_you_mean};
use super::raw::{RawFile, RawProgramme};
use crate::domain::{
    Date, Delivery, Family, FamilyId, Info, Name, Origin, PlanEntry, Programme, Shared, SiteId,
    Stage, StageId, Variant, VariantId, Vehicle,
};
use crate::text::clean_owned;

/// One parsed file of the set.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The file's display name, used in problems.
    pub name: &'a str,
    pub raw: &'a RawFile,
}

/// Builds the programme from `sources` (in set order) as of `today`.
pub fn merge(sources: &[Source], today: Date) -> (Programme, Vec<Problem>) {
    merge_cached(sources, &[], today, &mut Cache::default())
}

/// What one merge keeps so that the next can skip the records (queue and deliveries) when
/// nothing they depend on changed: a small file edited in a set of a hundred thousand
/// records costs its own parse and the definitions, not a pass over every record.
#[derive(Debug, Default)]
pub struct Cache {
    records: Option<(RecordsKey, Records)>,
}

impl Cache {
    /// Forgets the cached records.
    pub fn clear(&mut self) {
        self.records = None;
    }
}

/// Everything the records of a set depend on besides their own text. The records are
/// built again whenever any of it changes.
#[derive(Debug, PartialEq)]
struct RecordsKey {
    /// Every file of the set, in order: their index is [`Origin::file`], their name is
    /// in the problems.
    files: Vec<String>,
    /// Per file: the version of its content when it holds records, `None` when it holds
    /// none (a new version of a file without records changes nothing).
    versions: Vec<Option<u64>>,
    today: Date,
    years: Option<(i32, i32)>,
    /// Variant ids and their families, in [`VariantId`] order.
    variants: Vec<(String, FamilyId)>,
    families: Vec<String>,
    /// Stage ids and the families they apply to, in [`StageId`] order.
    stages: Vec<(String, Vec<FamilyId>)>,
}

/// The records part of a merge.
#[derive(Debug, Clone)]
struct Records {
    queue: Shared<Vehicle>,
    deliveries: Shared<Delivery>,
    sites: Vec<String>,
    problems: Vec<Problem>,
}

/// Builds the programme like [`merge`], reusing the records of the last merge kept in
/// `cache` when nothing they depend on changed. `versions[i]` must change whenever the
/// content of `sources[i]` may have (the loader counts its reads); without them (an empty
/// slice, or a 0) nothing is reused.
pub fn merge_cached(
    sources: &[Source],
    versions: &[u64],
    today: Date,
    cache: &mut Cache,
) -> (Programme, Vec<Problem>) {
    let mut m = Merger {
        p: Programme {
            files: sources.iter().map(|s| s.name.to_owned()).collect(),
            ..Programme::default()
        },
        problems: Vec::new(),
        today,
        variant_index: HashMap::new(),
        variant_locs: Vec::new(),
        stage_index: HashMap::new(),
        stage_locs: Vec::new(),
        family_index: HashMap::new(),
        site_index: HashMap::new(),
    };
    m.programme(sources);
    for (i, s) in sources.iter().enumerate() {
        m.variants(i as u32, s);
    }
    for (i, s) in sources.iter().enumerate() {
        m.stages(i as u32, s);
    }
    let mut planned: HashMap<(i32, VariantId), (u32, Loc)> = HashMap::new();
    for (i, s) in sources.iter().enumerate() {
        m.plan(i as u32, s, &mut planned);
    }
    let key = m.records_key(sources, versions);
    let records = match (&key, cache.records.take()) {
        (Some(key), Some((old_key, old))) if *key == old_key => old,
        _ => m.records(sources),
    };
    m.p.queue = records.queue.clone();
    m.p.deliveries = records.deliveries.clone();
    m.p.sites.clone_from(&records.sites);
    m.problems.extend(records.problems.iter().cloned());
    if let Some(key) = key {
        cache.records = Some((key, records));
    }
    m.totals();
    (m.p, m.problems)
}

/// Serials seen so far in a merge, each where it was first written. A large programme
/// has a hundred thousand serials and more; each costs 13 bytes here (where it is written,
/// not its text or its place, which are read from the record when needed), in a table
/// sized once for all of them.
struct Serials<'a> {
    sources: &'a [Source<'a>],
    table: HashTable<Written>,
    hasher: RandomState,
}

/// Where a serial is written: a vehicle of the queue, or the `item`th serial of a delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Written {
    file: u32,
    record: u32,
    item: u32,
}

impl Written {
    /// The `item` of a vehicle of the queue.
    const QUEUED: u32 = u32::MAX;

    fn queued(file: u32, record: usize) -> Written {
        Written {
            file,
            record: record as u32,
            item: Written::QUEUED,
        }
    }

    fn delivered(file: u32, record: usize, item: usize) -> Written {
        Written {
            file,
            record: record as u32,
            item: item as u32,
        }
    }

    fn is_queued(self) -> bool {
        self.item == Written::QUEUED
    }
}

impl<'a> Serials<'a> {
    /// Room for every serial of `sources`, so that the table never grows (growing holds
    /// the old table and one twice its size at once).
    fn new(sources: &'a [Source<'a>]) -> Serials<'a> {
        let count: usize = sources
            .iter()
            .map(|s| {
                let queued = s.raw.queue.as_ref().map_or(0, Vec::len);
                let delivered: usize = s
                    .raw
                    .deliveries
                    .iter()
                    .flatten()
                    .map(|d| d.serials.as_ref().map_or(0, Vec::len))
                    .sum();
                queued + delivered
            })
            .sum();
        Serials {
            sources,
            table: HashTable::with_capacity(count),
            hasher: RandomState::new(),
        }
    }

    /// The text of the serial written at `w`.
    fn text(sources: &[Source<'a>], w: Written) -> &'a str {
        let raw = sources[w.file as usize].raw;
        let r = if w.is_queued() {
            raw.queue.as_ref().map(|q| q[w.record as usize].serial)
        } else {
            raw.deliveries
                .as_ref()
                .and_then(|d| d[w.record as usize].serials.as_ref())
                .map(|s| s[w.item as usize])
        };
        r.map_or("", |r| raw.serial(r))
    }

    /// The line of the record where the serial at `w` is written.
    fn loc(&self, w: Written) -> Loc {
        let raw = self.sources[w.file as usize].raw;
        if w.is_queued() {
            raw.queue.as_ref().map(|q| q[w.record as usize].loc())
        } else {
            raw.deliveries.as_ref().map(|d| d[w.record as usize].loc())
        }
        .unwrap_or(Loc::UNKNOWN)
    }

    /// Notes that `serial` is written at `at`, unless it was written before: then where
    /// it was first.
    fn first(&mut self, serial: &str, at: Written) -> Option<Written> {
        let (sources, hasher) = (self.sources, &self.hasher);
        let entry = self.table.entry(
            hasher.hash_one(serial),
            |&w| Serials::text(sources, w) == serial,
            |&w| hasher.hash_one(Serials::text(sources, w)),
        );
        match entry {
            hash_table::Entry::Occupied(o) => Some(*o.get()),
            hash_table::Entry::Vacant(v) => {
                v.insert(at);
                None
            }
        }
    }
}

struct Merger {
    p: Programme,
    problems: Vec<Problem>,
    today: Date,
    variant_index: HashMap<String, VariantId>,
    /// Where each variant was defined: (file, loc).
    variant_locs: Vec<(u32, Loc)>,
    stage_index: HashMap<String, StageId>,
    /// Where each stage was defined: (file, loc).
    stage_locs: Vec<(u32, Loc)>,
    family_index: HashMap<String, FamilyId>,
    site_index: HashMap<String, SiteId>,
}

impl Merger {
    fn file(&self, file: u32) -> &str {
        &self.p.files[file as usize]
    }

    fn error(&mut self, file: u32, loc: Loc, message: impl AsRef<str>) {
        let p = Problem::error(self.file(file), loc, message);
        self.problems.push(p);
    }

    fn warning(&mut self, file: u32, loc: Loc, message: impl AsRef<str>) {
        let p = Problem::warning(self.file(file), loc, message);
        self.problems.push(p);
    }

    fn place(&self, file: u32, loc: Loc) -> String {
        if loc.is_known() {
            format!("{}:{}", self.file(file), loc.line)
        } else {
            self.file(file).to_owned()
        }
    }

    fn programme(&mut self, sources: &[Source]) {
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
                super::Severity::Error,
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

    fn variants(&mut self, file: u32, s: &Source) {
        for v in s.raw.variants.iter().flatten() {
            let id = clean_owned(&v.id);
            if id.is_empty() {
                self.error(
                    file,
                    v.loc,
                    "a variant without an `id`: give it a short name such as `grf-tt`",
                );
                continue;
            }
            if let Some(&existing) = self.variant_index.get(&id) {
                let (f, l) = self.variant_locs[existing.0 as usize];
                let first_at = self.place(f, l);
                self.error(
                    file,
                    v.loc,
                    format!("variant `{id}` is defined twice (first in {first_at}): remove one or rename it"),
                );
                continue;
            }
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

    fn intern_family(&mut self, name: &str) -> FamilyId {
        let next = FamilyId(self.p.families.len() as u32);
        *self.family_index.entry(name.to_owned()).or_insert_with(|| {
            self.p.families.push(Family {
                name: name.to_owned(),
            });
            next
        })
    }

    fn stages(&mut self, file: u32, s: &Source) {
        for st in s.raw.stages.iter().flatten() {
            let id = clean_owned(&st.id);
            if id.is_empty() {
                self.error(
                    file,
                    st.loc,
                    "a stage without an `id`: give it a short name such as `paint`",
                );
                continue;
            }
            if let Some(&existing) = self.stage_index.get(&id) {
                let (f, l) = self.stage_locs[existing.0 as usize];
                let first_at = self.place(f, l);
                self.error(
                    file,
                    st.loc,
                    format!(
                        "stage `{id}` is defined twice (first in {first_at}): remove one or rename it"
                    ),
                );
                continue;
            }
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

    fn lookup_variant(
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

    fn unknown_variant(&mut self, file: u32, loc: Loc, id: &str, what: &str) {
        if id.is_empty() {
            self.error(
                file,
                loc,
                format!("{what} names a variant with an empty id: write the `id` of one of the `variants`"),
            );
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

    fn years_text(&self) -> String {
        self.p
            .info
            .as_ref()
            .map_or_else(String::new, |i| format!("{}–{}", i.first_year, i.last_year))
    }

    fn in_programme_years(&self, year: i32) -> bool {
        self.p
            .info
            .as_ref()
            .is_none_or(|i| (i.first_year..=i.last_year).contains(&year))
    }

    fn plan(&mut self, file: u32, s: &Source, planned: &mut HashMap<(i32, VariantId), (u32, Loc)>) {
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

    /// What the records depend on, or `None` when a file's version is unknown.
    fn records_key(&self, sources: &[Source], versions: &[u64]) -> Option<RecordsKey> {
        if versions.len() != sources.len() || versions.contains(&0) {
            return None;
        }
        Some(RecordsKey {
            files: self.p.files.clone(),
            versions: sources
                .iter()
                .zip(versions)
                .map(|(s, &v)| (s.raw.queue.is_some() || s.raw.deliveries.is_some()).then_some(v))
                .collect(),
            today: self.today,
            years: self.p.info.as_ref().map(|i| (i.first_year, i.last_year)),
            variants: self
                .p
                .variants
                .iter()
                .map(|v| (v.id.clone(), v.family))
                .collect(),
            families: self.p.families.iter().map(|f| f.name.clone()).collect(),
            stages: self
                .p
                .stages
                .iter()
                .map(|s| (s.id.clone(), s.families.clone()))
                .collect(),
        })
    }

    /// The queue and the deliveries of every file, checked against the definitions and
    /// against each other (a serial written twice).
    fn records(&mut self, sources: &[Source]) -> Records {
        let before = self.problems.len();
        let mut serials = Serials::new(sources);
        let mut queue = Vec::with_capacity(
            sources
                .iter()
                .map(|s| s.raw.queue.as_ref().map_or(0, Vec::len))
                .sum(),
        );
        for (i, s) in sources.iter().enumerate() {
            self.queue(i as u32, s, &mut serials, &mut queue);
        }
        let mut deliveries = Vec::with_capacity(
            sources
                .iter()
                .map(|s| s.raw.deliveries.as_ref().map_or(0, Vec::len))
                .sum(),
        );
        for (i, s) in sources.iter().enumerate() {
            self.deliveries(i as u32, s, &mut serials, &mut deliveries);
        }
        Records {
            queue: queue.into(),
            deliveries: deliveries.into(),
            sites: std::mem::take(&mut self.p.sites),
            problems: self.problems.split_off(before),
        }
    }

    fn intern_site(&mut self, name: &str) -> SiteId {
        if let Some(&id) = self.site_index.get(name) {
            return id;
        }
        let next = SiteId(self.p.sites.len() as u32);
        self.p.sites.push(name.to_owned());
        self.site_index.insert(name.to_owned(), next);
        next
    }

    /// The variant a record names (already cleaned, as records are when parsed).
    fn record_variant(
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

    fn queue<'a>(
        &mut self,
        file: u32,
        s: &Source<'a>,
        serials: &mut Serials<'a>,
        out: &mut Vec<Vehicle>,
    ) {
        for (record, v) in s.raw.queue.iter().flatten().enumerate() {
            let serial: &'a str = s.raw.serial(v.serial);
            if serial.is_empty() {
                self.error(
                    file,
                    v.loc(),
                    "a vehicle without a serial: write its serial, e.g. `serial: BE-GRF-0042`",
                );
                continue;
            }
            let Some(variant) = self.record_variant(file, v.variant_loc(), &v.variant, || {
                format!("vehicle {serial}")
            }) else {
                continue;
            };
            let stage_id: &str = &v.stage;
            let Some(&stage) = self.stage_index.get(stage_id) else {
                let hint = did_you_mean(stage_id, self.p.stages.iter().map(|s| s.id.as_str()));
                self.error(
                    file,
                    v.stage_loc(),
                    format!("vehicle {serial} is at the stage `{stage_id}`, which no `stages` section defines{hint}"),
                );
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
                self.error(file, v.stage_loc(), msg);
            }
            if let Some(first) = serials.first(serial, Written::queued(file, record)) {
                let first_at = self.place(first.file, serials.loc(first));
                self.error(
                    file,
                    v.loc(),
                    format!(
                        "vehicle {serial} is in the queue twice (first in {first_at}): remove one"
                    ),
                );
                continue;
            }
            let since = v.since.0;
            if since > self.today {
                let today = self.today;
                self.error(
                    file,
                    v.since_loc(),
                    format!(
                        "vehicle {serial} entered its stage on {since}, after today ({today}): check the date"
                    ),
                );
            }
            let due = v.due.map(|d| d.0);
            let dates = [
                ("entered its stage", Some(since), v.since_loc()),
                ("is due", due, v.due_loc()),
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
            let site = self.intern_site(if v.site.is_empty() {
                "(no site)"
            } else {
                &v.site
            });
            let optional = |n: &Option<Name>| n.as_ref().filter(|n| !n.is_empty()).cloned();
            out.push(Vehicle {
                serial: s.raw.shared_serial(v.serial),
                variant,
                stage,
                since,
                due,
                site,
                lot: optional(&v.lot),
                hold: optional(&v.hold),
                origin: Origin {
                    file,
                    line: v.loc().line,
                },
            });
        }
    }

    fn deliveries<'a>(
        &mut self,
        file: u32,
        s: &Source<'a>,
        serials: &mut Serials<'a>,
        out: &mut Vec<Delivery>,
    ) {
        for (record, d) in s.raw.deliveries.iter().flatten().enumerate() {
            let date = d.date.0;
            let Some(variant) = self.record_variant(file, d.variant_loc(), &d.variant, || {
                format!("the delivery of {date}")
            }) else {
                continue;
            };
            let quantity = match (&d.serials, d.count) {
                (None, None) => {
                    self.error(
                        file,
                        d.loc(),
                        format!("the delivery of {date} says neither `serials` nor `count`: list the serials handed over or give their number"),
                    );
                    continue;
                }
                (Some(list), Some(count)) if list.len() != count.0 as usize => {
                    self.error(
                        file,
                        d.serials_loc(),
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
                    d.date_loc(),
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
                    d.date_loc(),
                    format!(
                        "the delivery of {date} is outside the programme's delivery years {years}: check the date"
                    ),
                );
            }
            let mut kept = Vec::with_capacity(d.serials.as_ref().map_or(0, Vec::len));
            for (item, &r) in d.serials.iter().flatten().enumerate() {
                let serial: &'a str = s.raw.serial(r);
                if serial.is_empty() {
                    self.error(
                        file,
                        d.serials_loc(),
                        format!(
                            "the delivery of {date} lists an empty serial: \
                             write the serial, or remove the empty item"
                        ),
                    );
                    continue;
                }
                let at = Written::delivered(file, record, item);
                if let Some(first) = serials.first(serial, at) {
                    let first_at = self.place(first.file, serials.loc(first));
                    let msg = if first.is_queued() {
                        format!(
                            "vehicle {serial} is delivered on {date} but still in the queue ({first_at}): remove it from the queue"
                        )
                    } else {
                        format!(
                            "vehicle {serial} is delivered twice (first in {first_at}): remove one or correct the serial"
                        )
                    };
                    self.error(file, d.serials_loc(), msg);
                }
                kept.push(s.raw.shared_serial(r));
            }
            out.push(Delivery {
                date,
                variant,
                quantity,
                serials: kept,
                origin: Origin {
                    file,
                    line: d.loc().line,
                },
            });
        }
    }

    fn totals(&mut self) {
        let n = self.p.variants.len();
        let mut delivered = vec![0u64; n];
        let mut queued = vec![0u64; n];
        let mut planned = vec![0u64; n];
        for d in &self.p.deliveries {
            delivered[d.variant.0 as usize] += u64::from(d.quantity);
        }
        for v in &self.p.queue {
            queued[v.variant.0 as usize] += 1;
        }
        for e in &self.p.plan {
            planned[e.variant.0 as usize] += u64::from(e.quantity);
        }
        let has_plan = !self.p.plan.is_empty();
        for i in 0..n {
            let v = &self.p.variants[i];
            let (file, loc) = self.variant_locs[i];
            let contracted = u64::from(v.contracted);
            let id = v.id.clone();
            if delivered[i] + queued[i] > contracted {
                self.error(
                    file,
                    loc,
                    format!(
                        "variant `{id}`: {} delivered and {} in assembly make {}, above the {contracted} contracted: \
                         check the deliveries and the queue, or correct `contracted`",
                        delivered[i],
                        queued[i],
                        delivered[i] + queued[i]
                    ),
                );
            }
            if has_plan && planned[i] != contracted {
                self.warning(
                    file,
                    loc,
                    format!(
                        "variant `{id}`: the plan totals {} vehicles but {contracted} are contracted: \
                         make the plan add up to {contracted}, or correct `contracted`",
                        planned[i]
                    ),
                );
            }
        }
    }
}
