//! Merges the parsed files of a set into one [`Programme`] and checks it as a whole.
//!
//! Every check that needs more than one value lives here: references between sections,
//! serials written twice, totals against the contract, dates against the programme years
//! and today. An entry that cannot be counted (an unknown variant) is left out and
//! reported; everything else still counts.
//!
//! The definitions (programme, variants, stages, plan) are merged in [`definitions`], the
//! records (queue and deliveries) in [`records`], with the table of serials of [`serials`].

mod definitions;
mod history;
mod lead;
pub mod noted;
mod records;
mod serials;
mod shares;

use std::collections::HashMap;

use super::problem::{Loc, Problem};
use super::raw::RawFile;
use crate::domain::{Date, FamilyId, Programme, SiteId, StageId, VariantId};
pub use noted::Noted;

/// One parsed file of the set.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The file's display name, used in problems.
    pub name: &'a str,
    /// What the file holds.
    pub raw: &'a RawFile,
}

/// A file's records (its `queue` and `deliveries`, with their histories) as a merge gets
/// them, to build the file's share of the model.
#[derive(Debug)]
pub enum Raw<'a> {
    /// In the file's content itself (a [`Source`] read whole).
    Borrowed(&'a RawFile),
    /// Taken out of the loader's copy: dropped by the merge once merged (the queue once
    /// the queue is built, the rest once the deliveries are), so that a first load holds
    /// every file's records and the model only the time it takes to turn the one into the
    /// other.
    Owned(Box<RawFile>),
    /// Merged before and dropped since: a merge that must build the file's share again
    /// asks for them (the loader reads the file again), and stops with [`NeedsRecords`]
    /// when they cannot be had as they were.
    Dropped,
    /// Dropped, and not to be had again: the file's latest read failed. A merge that must
    /// build its share again (the definitions changed) leaves its records out,
    /// with an error.
    Gone,
}

/// A merge stopped because it must build again the share of a file whose records it was
/// given as [`Raw::Dropped`] and could not have them again as they were merged last (the
/// file changed since, or cannot be read): read those files again and merge anew.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NeedsRecords;

/// Builds the programme from `sources` (in set order) as of `today`.
pub fn merge(sources: &[Source], today: Date) -> (Programme, Vec<Problem>) {
    merge_cached(sources, &[], today, &mut Cache::default())
}

/// What one merge keeps so that the next can skip the records (queue and deliveries) when
/// nothing they depend on changed: a small file edited in a set of a hundred thousand
/// records costs its own parse and the definitions, not a pass over every record. When
/// only some files' content changed, the records are built again for those files only
/// (see [`shares`]): the merged lists of the last merge and each file's share of them.
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
    /// The definitions left out for a bad value, and where (their records' problems
    /// point there), in a fixed order.
    left_out: Vec<(LeftOutKey, (u32, Loc))>,
}

impl RecordsKey {
    /// The same files and definitions: only the versions may differ.
    fn same_definitions(&self, other: &RecordsKey) -> bool {
        self.today == other.today && self.same_but_day(other)
    }

    /// The same files and definitions: only the versions and the day may differ.
    fn same_but_day(&self, other: &RecordsKey) -> bool {
        self.files == other.files
            && self.versions.len() == other.versions.len()
            && self.years == other.years
            && self.variants == other.variants
            && self.families == other.families
            && self.stages == other.stages
            && self.left_out == other.left_out
    }
}

/// A definition left out for a bad value: its section and its `id`.
type LeftOutKey = (&'static str, String);

/// The records part of a merge.
#[derive(Debug)]
struct Records {
    kept: shares::Kept,
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
    let noted: Vec<Noted> = sources.iter().map(|s| Noted::of(s.raw)).collect();
    let noted: Vec<&Noted> = noted.iter().collect();
    let mut raws: Vec<Raw> = sources.iter().map(|s| Raw::Borrowed(s.raw)).collect();
    match merge_records(
        sources,
        &noted,
        &mut raws,
        &mut |_| None,
        versions,
        today,
        cache,
    ) {
        Ok(merged) => merged,
        // Not met: every file's records are borrowed. Built anew from them.
        Err(NeedsRecords) => merge_cached(sources, &[], today, &mut Cache::default()),
    }
}

/// Builds the programme like [`merge_cached`] from the definitions of `sources` and the
/// records `raws` gives, `noted[i]` telling where the serials of file `i` are written.
/// Only the records of the files whose share is built again are used; a file's records
/// given as [`Raw::Owned`] are dropped once merged. The records of a file given as
/// [`Raw::Dropped`] are asked of `fetch` (by the file's place in `sources`) when its share
/// must be built again; stops with [`NeedsRecords`] when it has none (`cache` is then
/// empty).
pub fn merge_records(
    sources: &[Source],
    noted: &[&Noted],
    raws: &mut [Raw],
    fetch: &mut dyn FnMut(usize) -> Option<Box<RawFile>>,
    versions: &[u64],
    today: Date,
    cache: &mut Cache,
) -> Result<(Programme, Vec<Problem>), NeedsRecords> {
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
        left_out: HashMap::new(),
    };
    m.programme(sources);
    for (i, s) in sources.iter().enumerate() {
        for l in &s.raw.left_out_ids {
            m.left_out
                .entry((l.section, l.id.clone()))
                .or_insert((i as u32, l.loc));
        }
        m.variants(i as u32, s);
    }
    for (i, s) in sources.iter().enumerate() {
        m.stages(i as u32, s);
    }
    m.lead_times_in_flow_order();
    let mut planned: HashMap<(i32, VariantId), (u32, Loc)> = HashMap::new();
    for (i, s) in sources.iter().enumerate() {
        m.plan(i as u32, s, &mut planned);
    }
    let key = m.records_key(noted, versions);
    let records = match (&key, cache.records.take()) {
        (Some(key), Some((old_key, old))) if *key == old_key => old,
        (Some(key), Some((old_key, old))) if key.same_definitions(&old_key) => {
            m.records_of(noted, raws, fetch, &key.versions, Some(old.kept), false)?
        }
        // A new day: every share is checked again against it, but that of a file whose
        // records are gone (its latest read failed) is kept as last merged, so that a
        // file broken over midnight keeps counting its last good records.
        (Some(key), Some((old_key, old))) if key.same_but_day(&old_key) => {
            m.records_of(noted, raws, fetch, &key.versions, Some(old.kept), true)?
        }
        (key, _) => {
            let versions = key.as_ref().map_or(&[][..], |k| &k.versions);
            m.records_of(noted, raws, fetch, versions, None, false)?
        }
    };
    m.p.queue = records.kept.queue.clone();
    m.p.deliveries = records.kept.deliveries.clone();
    m.p.sites.clone_from(&records.sites);
    m.p.merge_gaps = records.kept.gaps();
    m.problems.extend(records.problems.iter().cloned());
    if let Some(key) = key {
        cache.records = Some((key, records));
    }
    m.totals();
    Ok((m.p, m.problems))
}

/// One merge under way: the programme being built, its problems, and the indexes of its
/// definitions that the records are checked against.
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
    /// The definitions left out for a bad value, by section and `id`: where the first
    /// such record stands (file, loc).
    left_out: HashMap<LeftOutKey, (u32, Loc)>,
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

    /// The records of `sources` (see [`Merger::records`]; `gone_only`: of `old`, reuse
    /// only the shares of files whose records are gone).
    fn records_of(
        &mut self,
        noted: &[&Noted],
        raws: &mut [Raw],
        fetch: &mut dyn FnMut(usize) -> Option<Box<RawFile>>,
        versions: &[Option<u64>],
        old: Option<shares::Kept>,
        gone_only: bool,
    ) -> Result<Records, NeedsRecords> {
        let (kept, sites, problems) = self.records(noted, raws, fetch, versions, old, gone_only)?;
        Ok(Records {
            kept,
            sites,
            problems,
        })
    }

    /// What the records depend on, or `None` when a file's version is unknown.
    fn records_key(&self, noted: &[&Noted], versions: &[u64]) -> Option<RecordsKey> {
        if versions.len() != noted.len() || versions.contains(&0) {
            return None;
        }
        Some(RecordsKey {
            files: self.p.files.clone(),
            versions: noted
                .iter()
                .zip(versions)
                .map(|(n, &v)| n.has_records().then_some(v))
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
            left_out: {
                let mut l: Vec<_> = self.left_out.iter().map(|(k, v)| (k.clone(), *v)).collect();
                l.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                l
            },
        })
    }

    /// Checks each variant's delivered and queued vehicles against its contract, and its
    /// plan against its contract.
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
