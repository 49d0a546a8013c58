//! The comparison behind `tests/sliced_parse.rs` and the mutation test of
//! `tests/proptest_loader.rs`: a file read a slice at a time must give what it gives read
//! whole, to the last field, place and problem.
//!
//! A folder module, so Cargo does not build it as a test binary of its own.

use fleetdash::status::Limits;
use fleetdash::status::raw::RawFile;
use fleetdash::status::yaml::{self, ParseError, guard, slice};

/// The slice lengths tried: short ones put a cut between every pair of items.
pub const SLICES: [usize; 4] = [1, 2, 3, 5];

/// Everything a parse gives, serials and names as their text and places in full (their
/// place in the file's text of serials and tables of names and far places depends on the
/// order the pieces are read in, and nothing outside the file sees it).
pub fn summary(parsed: &Result<RawFile, ParseError>) -> String {
    let raw = match parsed {
        Ok(raw) => raw,
        Err(e) => return format!("error {e:?}"),
    };
    let mut out = format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n",
        raw.version, raw.programme, raw.variants, raw.stages, raw.plan, raw.section_locs
    );
    let far = &raw.far_places;
    for v in raw.queue.iter().flatten() {
        let places = [
            v.variant_loc(far),
            v.stage_loc(far),
            v.since_loc(far),
            v.due_loc(far),
        ];
        out += &format!(
            "vehicle {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}\n",
            raw.serial(v.serial),
            raw.name(v.variant),
            raw.name(v.stage),
            v.since,
            v.due,
            raw.name(v.site),
            v.lot.map(|n| raw.name(n)),
            v.hold.map(|n| raw.name(n)),
            v.loc(),
            places
        );
    }
    out += &format!("queue {}\n", raw.queue.is_some());
    for d in raw.deliveries.iter().flatten() {
        let serials: Option<Vec<&str>> = d
            .serials
            .map(|l| raw.listed(l).iter().map(|&r| raw.serial(r)).collect());
        let places = [d.variant_loc(far), d.date_loc(far), d.serials_loc(far)];
        out += &format!(
            "delivery {:?} {:?} {:?} {:?} {:?} {:?}\n",
            d.date,
            raw.name(d.variant),
            serials,
            d.count,
            d.loc(),
            places
        );
    }
    out += &format!("deliveries {}\n", raw.deliveries.is_some());
    out
}

/// Parses `text` whole and in slices of every length of [`SLICES`], and fails with both
/// summaries when a slicing gives anything else. Returns how many of the slicings cut
/// the file and read every piece, so that a caller can check the slices were exercised.
pub fn same_whatever_the_slices(text: &str) -> Result<usize, String> {
    let whole = summary(&yaml::parse_in_slices(text, Limits::DEFAULT, usize::MAX));
    let mut cut = 0;
    for n in SLICES {
        let sliced = summary(&yaml::parse_in_slices(text, Limits::DEFAULT, n));
        if sliced != whole {
            return Err(format!(
                "in slices of {n}:\n{sliced}\nwhole:\n{whole}\ntext:\n{text:?}"
            ));
        }
        if let Ok((_, outline)) = guard::outline(text, Limits::DEFAULT)
            && slice::cut(text, &outline, n).is_some_and(|c| c.parse().is_some())
        {
            cut += 1;
        }
    }
    Ok(cut)
}
