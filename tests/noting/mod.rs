//! The comparison behind `tests/plain_places.rs` and `tests/plain_delivery_places.rs`: a
//! text parsed with the plain reader's noting of places off, then on, must give the same
//! file to the last place; `placed` counts the files a list of which took its places from
//! what was noted (`plain::queues_placed` or `plain::deliveries_placed`).
//!
//! A folder module, so Cargo does not build it as a test binary of its own. The noting
//! switch is the process's: a test using this module holds its file's lock while it runs.

use fleetdash::status::Limits;
use fleetdash::status::raw::RawFile;
use fleetdash::status::yaml::{self, plain, slice};

/// `text` parsed in slices of `per_slice` items on `threads` threads, the places noted by
/// the plain reader or not; and whether `placed` counted the parse.
pub fn parsed(
    text: &str,
    per_slice: usize,
    threads: usize,
    noting: bool,
    placed: fn() -> usize,
) -> (Result<RawFile, yaml::ParseError>, bool) {
    plain::set_placing(noting);
    let before = placed();
    let parsed = slice::with_threads(threads, || {
        yaml::parse_in_slices(text, Limits::DEFAULT, per_slice)
    });
    plain::set_placing(true);
    (parsed, placed() > before)
}

/// Parses `text` with the noting off then on, in slices of 1, 2, 3 and 256 items, on one
/// and on two threads, and fails with both when they differ; returns how many parses
/// `placed` counted.
pub fn same_places(text: &str, placed: fn() -> usize) -> usize {
    let mut given = 0;
    for per_slice in [1, 2, 3, 256] {
        for threads in [1, 2] {
            let (off, used) = parsed(text, per_slice, threads, false, placed);
            assert!(!used, "places noted while off");
            let (on, used) = parsed(text, per_slice, threads, true, placed);
            given += usize::from(used);
            if on != off {
                panic!(
                    "slices of {per_slice}, {threads} threads: noted:\n{on:#?}\nlocated:\n{off:#?}\ntext:\n{text}"
                );
            }
        }
    }
    given
}
