//! The records of a merge, kept per file, so that a reload that read one queue file again
//! builds that file's vehicles only.
//!
//! A file's share of the records (its vehicles or deliveries, their problems, the sites
//! its vehicles name) depends on the definitions, on its own content, and on the other
//! files through the serials written twice only: a vehicle whose serial an earlier record
//! holds is left out, and every problem of a serial written twice says where it was first.
//! So every merge still notes every serial in one table, in the order of a whole merge
//! (the queue of each file, then the deliveries of each file). A file whose content is
//! the same as at the last merge has its serials noted from the list of the records whose
//! serials that merge noted; when they meet the same earlier serials as then (usually
//! none), its share is copied, else it is built again like the file that changed.
//!
//! Usually the files read again write no serial that the others write ([`apart::apart`]: a
//! look-up of each of the others' serials in a table of theirs); then the others' shares
//! are copied without noting their serials, and the table holds the new files' only.

use std::ops::Range;

use super::noted::Noted;
use super::serials::{Serials, Written};
use super::{Merger, NeedsRecords, Raw};
use crate::domain::completeness::MergeGaps;
use crate::domain::{Delivery, Shared, SiteId, Vehicle};
use crate::status::problem::{Loc, Problem};
use crate::status::raw::RawFile;

mod apart;
mod joined;
use apart::{apart, count_serials};
use joined::Joined;

/// A serial found written before: where (`at`), where it was `first`, and the line of
/// that first record (part of the problem's words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Twice {
    at: Written,
    first: Written,
    first_loc: Loc,
}

/// What the records of one part of a file (its queue or its deliveries) met at the table
/// of serials.
#[derive(Debug, Default)]
pub(super) struct Marks {
    /// The records (their index in the file's list) whose serials were noted, in order.
    pub(super) checked: Vec<u32>,
    /// The serials among them found written before.
    twice: Vec<Twice>,
    /// The records left out for a conflict with the definitions or another record.
    pub(super) left_out: u64,
    /// The vehicles kept though their serial was written before (counted twice).
    pub(super) counted_twice: u64,
}

impl Marks {
    /// Notes that the serial at `at` was written `first` at `first_loc`.
    pub(super) fn twice(&mut self, at: Written, first: Written, first_loc: Loc) {
        self.twice.push(Twice {
            at,
            first,
            first_loc,
        });
    }
}

/// One part (queue or deliveries) of one file's share.
#[derive(Debug, Default)]
struct Part {
    /// Its records in the merged list.
    range: Range<usize>,
    marks: Marks,
    problems: Vec<Problem>,
}

/// One file's share of the records of the last merge.
#[derive(Debug, Default)]
pub(super) struct Share {
    /// The version of the file's content it was built from; `None` for a file without
    /// records.
    version: Option<u64>,
    queue: Part,
    deliveries: Part,
    /// The sites its vehicles name, in the order they first do: their id in the last
    /// merge, and their name.
    sites: Vec<(SiteId, String)>,
}

/// The merged records of the last merge, with each file's share of them.
#[derive(Debug, Default)]
pub(super) struct Kept {
    pub(super) queue: Shared<Vehicle>,
    pub(super) deliveries: Shared<Delivery>,
    pub(super) shares: Vec<Share>,
}

impl Kept {
    /// What the merge left out or counted twice, over every file's share.
    pub(super) fn gaps(&self) -> MergeGaps {
        let mut g = MergeGaps::default();
        for part in self.shares.iter().flat_map(|s| [&s.queue, &s.deliveries]) {
            g.left_out += part.marks.left_out;
            g.counted_twice += part.marks.counted_twice;
        }
        g
    }
}

/// Gives a vehicle of the last merge its site's id in this one, when `remap` changes it.
fn renumber_site(v: &mut Vehicle, remap: &[(SiteId, SiteId)]) {
    if let Some(&(_, new)) = remap.iter().find(|(id, _)| *id == v.site) {
        v.site = new;
    }
}

/// Notes the serials of the queue records `checked` of `file` in `serials`; those found
/// written before.
fn note_queue(serials: &mut Serials, file: u32, noted: &Noted, checked: &[u32]) -> Vec<Twice> {
    let mut marks = Marks::default();
    for &record in checked {
        let at = Written::queued(file, record as usize);
        if let Some(first) = serials.first(noted.queued(record as usize), at) {
            marks.twice(at, first, serials.loc(first));
        }
    }
    marks.twice
}

/// Notes the serials of the delivery records `checked` of `file`, as
/// [`Merger::deliveries`] does (an empty serial is not noted).
fn note_deliveries(serials: &mut Serials, file: u32, noted: &Noted, checked: &[u32]) -> Vec<Twice> {
    let mut marks = Marks::default();
    for &record in checked {
        for (item, serial) in noted.delivered(record as usize).enumerate() {
            if serial.is_empty() {
                continue;
            }
            let at = Written::delivered(file, record as usize, item);
            if let Some(first) = serials.first(serial, at) {
                marks.twice(at, first, serials.loc(first));
            }
        }
    }
    marks.twice
}

/// The records of a file whose records are gone (see [`Raw::Gone`]): none, with an error
/// saying so, every record of the file counted as left out.
fn gone(m: &mut Merger, file: u32, noted: &Noted) -> Part {
    let p0 = m.problems.len();
    m.error(
        file,
        Loc::UNKNOWN,
        format!(
            "its {} records are left out until the file reads again: what they are checked \
             against changed (the definitions, the files of the set or another file's serials), \
             and its last good records are not kept to be checked again",
            noted.records()
        ),
    );
    Part {
        range: 0..0,
        marks: Marks {
            left_out: noted.records() as u64,
            ..Marks::default()
        },
        problems: m.problems[p0..].to_vec(),
    }
}

impl Merger {
    /// The queue and the deliveries of every file, checked against the definitions and
    /// against each other (a serial written twice), with their problems. `old` is the
    /// last merge's, made with the same files and definitions, and `versions` the version
    /// of each file's content (`None` for a file without records): a file whose version
    /// is its share's in `old` has its share copied when the serials written twice around
    /// it are the same. With `gone_only` (`old` was made on another day), only the shares
    /// of files whose records are gone ([`Raw::Gone`]) are copied: the others are checked
    /// again against the new day.
    pub(super) fn records(
        &mut self,
        noted: &[&Noted],
        raws: &mut [Raw],
        fetch: &mut dyn FnMut(usize) -> Option<Box<RawFile>>,
        versions: &[Option<u64>],
        old: Option<Kept>,
        gone_only: bool,
    ) -> Result<(Kept, Vec<String>, Vec<Problem>), NeedsRecords> {
        let before = self.problems.len();
        let n = noted.len();
        let mut old = old.unwrap_or_default();
        let mut shares: Vec<Share> = Vec::with_capacity(n);
        let mut reuse = Vec::with_capacity(n);
        for i in 0..n {
            let version = versions.get(i).copied().flatten();
            let same = old
                .shares
                .get(i)
                .is_some_and(|o| versions.len() == n && o.version == version);
            let gone = matches!(raws.get(i), Some(Raw::Gone));
            reuse.push(same && (!gone_only || gone));
            shares.push(Share {
                version,
                ..Share::default()
            });
        }
        // The usual reload: the files read again share no serial with the others, whose
        // shares are then copied without noting their serials.
        let apart = reuse.contains(&true) && apart(noted, &reuse, &old.shares);
        let mut serials = if apart {
            let again: Vec<bool> = reuse.iter().map(|r| !r).collect();
            Serials::with_capacity(noted, count_serials(noted, &again))
        } else {
            Serials::new(noted)
        };

        let room = noted.iter().map(|n| n.queued_count()).sum();
        let mut queue = Joined::new(&old.queue, room);
        let mut at = 0;
        for i in 0..n {
            let file = i as u32;
            if reuse[i] {
                let o = std::mem::take(&mut old.shares[i].queue);
                if apart
                    || note_queue(&mut serials, file, noted[i], &o.marks.checked) == o.marks.twice
                {
                    let mut remap = Vec::new();
                    for (id, name) in std::mem::take(&mut old.shares[i].sites) {
                        let new = self.intern_site(&name);
                        if new != id {
                            remap.push((id, new));
                        }
                        shares[i].sites.push((new, name));
                    }
                    self.problems.extend(o.problems.iter().cloned());
                    let len = o.range.len();
                    queue.old(o.range.clone(), &remap, renumber_site);
                    shares[i].queue = Part {
                        range: at..at + len,
                        ..o
                    };
                    at += len;
                    continue;
                }
            }
            if let Raw::Dropped = raws[i] {
                raws[i] = Raw::Owned(fetch(i).ok_or(NeedsRecords)?);
            }
            let raw: &RawFile = match &raws[i] {
                Raw::Borrowed(raw) => raw,
                Raw::Owned(raw) => raw,
                Raw::Dropped => return Err(NeedsRecords),
                Raw::Gone => {
                    shares[i].queue = Part {
                        range: at..at,
                        ..gone(self, file, noted[i])
                    };
                    continue;
                }
            };
            let p0 = self.problems.len();
            let mut marks = Marks::default();
            let mut sites = Vec::new();
            let added = queue.add(|out| {
                let start = out.len();
                self.queue(file, raw, &mut serials, out, &mut marks);
                sites = self.sites_of(out.get(start..).unwrap_or_default());
            });
            shares[i].sites = sites;
            shares[i].queue = Part {
                range: at..at + added,
                marks,
                problems: self.problems[p0..].to_vec(),
            };
            at += added;
            // Merged: the loader's records of the queue are no longer needed.
            if let Raw::Owned(raw) = &mut raws[i] {
                raw.queue = None;
            }
        }
        let queue = queue.finish();

        let room = noted.iter().map(|n| n.delivery_count()).sum();
        let mut deliveries = Joined::new(&old.deliveries, room);
        let mut at = 0;
        for i in 0..n {
            let file = i as u32;
            if reuse[i] {
                let o = std::mem::take(&mut old.shares[i].deliveries);
                if apart
                    || note_deliveries(&mut serials, file, noted[i], &o.marks.checked)
                        == o.marks.twice
                {
                    self.problems.extend(o.problems.iter().cloned());
                    let len = o.range.len();
                    deliveries.old(o.range.clone(), &[], |_, _| {});
                    shares[i].deliveries = Part {
                        range: at..at + len,
                        ..o
                    };
                    at += len;
                    continue;
                }
            }
            if let Raw::Dropped = raws[i] {
                raws[i] = Raw::Owned(fetch(i).ok_or(NeedsRecords)?);
            }
            let raw: &RawFile = match &raws[i] {
                Raw::Borrowed(raw) => raw,
                Raw::Owned(raw) => raw,
                Raw::Dropped => return Err(NeedsRecords),
                Raw::Gone => {
                    shares[i].deliveries.range = at..at;
                    continue;
                }
            };
            let p0 = self.problems.len();
            let mut marks = Marks::default();
            let added = deliveries.add(|out| {
                self.deliveries(file, raw, &mut serials, out, &mut marks);
            });
            shares[i].deliveries = Part {
                range: at..at + added,
                marks,
                problems: self.problems[p0..].to_vec(),
            };
            at += added;
            // Merged: the loader's records are no longer needed.
            if let Raw::Owned(_) = raws[i] {
                raws[i] = Raw::Dropped;
            }
        }
        let deliveries = deliveries.finish();
        let kept = Kept {
            queue,
            deliveries,
            shares,
        };
        let sites = std::mem::take(&mut self.p.sites);
        Ok((kept, sites, self.problems.split_off(before)))
    }

    /// The sites `vehicles` name, in the order they first do.
    fn sites_of(&self, vehicles: &[Vehicle]) -> Vec<(SiteId, String)> {
        let mut seen = vec![false; self.p.sites.len()];
        let mut sites = Vec::new();
        for v in vehicles {
            let i = v.site.0 as usize;
            if seen.get(i) == Some(&false) {
                seen[i] = true;
                sites.push((v.site, self.p.sites[i].clone()));
            }
        }
        sites
    }
}
