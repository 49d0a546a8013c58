//! A reload builds again only the records of the files it read again (and of those whose
//! serials written twice changed with them); whatever moves between files, it must give
//! exactly what a fresh load of the same files gives: serials written twice across files,
//! a vehicle moved from one file to another, the sites renumbered, a file removed and added.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::fs;
use std::path::Path;

use fleetdash::domain::Shared;
use fleetdash::status::{Limits, Loader, Problem, Snapshot};

mod generated;
use generated::{Set, fresh, today};

#[track_caller]
fn assert_same(step: &str, kept: &Snapshot, fresh: &Snapshot) {
    assert_eq!(kept.problems, fresh.problems, "problems after: {step}");
    assert_eq!(*kept.programme, *fresh.programme, "programme after: {step}");
}

/// The problems whose message holds `text`, as "file:line".
fn places(s: &Snapshot, text: &str) -> Vec<String> {
    s.problems
        .iter()
        .filter(|p: &&Problem| p.message.contains(text))
        .map(|p| {
            let file = p.file.as_deref().unwrap_or("-");
            let name = Path::new(file)
                .file_name()
                .map_or(file.into(), |n| n.to_string_lossy());
            format!("{name}:{}", p.loc.line)
        })
        .collect()
}

/// The first vehicle entry of a queue file: its text (ending with a newline), and its
/// serial.
fn first_entry(text: &str) -> (String, String) {
    let start = text.find("  - serial: ").expect("a vehicle");
    let rest = &text[start..];
    let end = rest[1..].find("  - serial: ").map_or(rest.len(), |e| e + 1);
    let entry = rest[..end].to_owned();
    let serial = entry["  - serial: ".len()..]
        .lines()
        .next()
        .expect("a serial")
        .trim()
        .to_owned();
    (entry, serial)
}

#[test]
fn a_serial_written_twice_across_files_and_a_vehicle_moved_between_files() {
    let set = Set::new(6, 2000, 400, 11);
    let mut loader = Loader::new(vec![set.status.clone()], Limits::default());
    let first = loader.load(today());
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    let queued = first.programme.queue.len();

    // The first vehicle of site 2 written again at the end of site 1: site 1 comes first,
    // so site 2's vehicle (a file not read again) is the one left out.
    let site1 = set.read("queue-site1.yaml");
    let site2 = set.read("queue-site2.yaml");
    let (entry, serial) = first_entry(&site2);
    let line = site1.lines().count() + 1;
    set.write("queue-site1.yaml", format!("{site1}{entry}"));
    let s = loader.load(today());
    assert_same(
        "a serial of site 2 added to site 1",
        &s,
        &fresh(&set.status, today()),
    );
    let twice = format!("vehicle {serial} is in the queue twice (first in ");
    let first_in = format!("queue-site1.yaml:{line}): remove one");
    assert!(
        s.problems
            .iter()
            .filter(|p| p.message.contains(&twice))
            .all(|p| p.message.ends_with(&first_in)),
        "{:?}",
        s.problems
    );
    let site2_line = site2[..site2.find("  - serial: ").unwrap()].lines().count() + 1;
    assert_eq!(
        places(&s, &twice),
        [format!("queue-site2.yaml:{site2_line}")]
    );
    assert_eq!(
        s.programme.queue.len(),
        queued,
        "one of the two is left out"
    );
    assert!(Shared::ptr_eq(
        &first.programme.deliveries,
        &s.programme.deliveries
    ));

    // Removed from site 2: the vehicle has moved from site 2 to site 1.
    let site2_without = site2.replacen(&entry, "", 1);
    set.write("queue-site2.yaml", site2_without.clone());
    let s = loader.load(today());
    assert_same(
        "the serial removed from site 2",
        &s,
        &fresh(&set.status, today()),
    );
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    let moved = s
        .programme
        .queue
        .iter()
        .find(|v| v.serial.as_str() == serial)
        .expect("the vehicle is still queued");
    assert!(s.programme.files[moved.origin.file as usize].ends_with("queue-site1.yaml"));
    assert_eq!(moved.origin.line as usize, line);

    // Removed from site 1 again: the duplicate and the vehicle gone.
    set.write("queue-site1.yaml", site1.clone());
    let s = loader.load(today());
    assert_same(
        "the serial removed from site 1",
        &s,
        &fresh(&set.status, today()),
    );
    assert_eq!(s.programme.queue.len(), queued - 1);

    // Written back into site 2 as it was: the set as generated.
    set.write("queue-site2.yaml", site2);
    let s = loader.load(today());
    assert_same("the set as it was", &s, &fresh(&set.status, today()));
    assert_eq!(*s.programme, *first.programme);
}

#[test]
fn a_queued_serial_also_delivered_is_found_from_a_later_queue_file() {
    let set = Set::new(6, 2000, 400, 11);
    let mut loader = Loader::new(vec![set.status.clone()], Limits::default());
    let first = loader.load(today());
    let deliveries = set.read("deliveries.yaml");
    let at = deliveries
        .find("serials: [")
        .expect("a delivery with serials")
        + "serials: [".len();
    let delivered: String = deliveries[at..]
        .chars()
        .take_while(|c| *c != ',' && *c != ']')
        .collect();
    let delivery_line = deliveries[..at].lines().count();

    // A queue vehicle with a delivered serial: the deliveries (not read again) say so.
    let site4 = set.read("queue-site4.yaml");
    let (entry, serial) = first_entry(&site4);
    let copy = entry.replacen(&serial, &delivered, 1);
    let line = site4.lines().count() + 1;
    set.write("queue-site4.yaml", format!("{site4}{copy}"));
    let s = loader.load(today());
    assert_same(
        "a delivered serial queued",
        &s,
        &fresh(&set.status, today()),
    );
    let still = format!("vehicle {delivered} is delivered on ");
    let found = places(&s, &still);
    assert_eq!(found, [format!("deliveries.yaml:{delivery_line}")]);
    assert!(
        s.problems
            .iter()
            .any(|p| p.message.contains(&format!("queue-site4.yaml:{line}"))),
        "{:?}",
        s.problems
    );

    // Taken out again: the problem goes with it.
    set.write("queue-site4.yaml", site4);
    let s = loader.load(today());
    assert_same("the serial taken out", &s, &fresh(&set.status, today()));
    assert_eq!(*s.programme, *first.programme);
}

#[test]
fn sites_first_named_in_a_changed_file_renumber_the_others() {
    let set = Set::new(6, 2000, 400, 11);
    let mut loader = Loader::new(vec![set.status.clone()], Limits::default());
    let first = loader.load(today());
    assert_eq!(first.programme.sites[..3], ["Site 1", "Site 2", "Site 3"]);

    // The first vehicle of site 1 now at site 3: site 3 is named first, and the vehicles
    // of every other file (not read again) name their sites by new numbers.
    let site1 = set.read("queue-site1.yaml");
    let edited = site1.replacen("site: Site 1\n", "site: Site 3\n", 1);
    set.write("queue-site1.yaml", edited);
    let s = loader.load(today());
    assert_same(
        "a vehicle of site 1 put at site 3",
        &s,
        &fresh(&set.status, today()),
    );
    assert_eq!(s.programme.sites[..3], ["Site 3", "Site 1", "Site 2"]);

    set.write("queue-site1.yaml", site1);
    let s = loader.load(today());
    assert_same("put back", &s, &fresh(&set.status, today()));
    assert_eq!(*s.programme, *first.programme);
}

#[test]
fn a_file_removed_and_added_back() {
    let set = Set::new(6, 2000, 400, 11);
    let mut loader = Loader::new(vec![set.status.clone()], Limits::default());
    let first = loader.load(today());
    let site2 = set.read("queue-site2.yaml");

    fs::remove_file(set.file("queue-site2.yaml")).expect("remove");
    let s = loader.load(today());
    assert_same("site 2 removed", &s, &fresh(&set.status, today()));
    let left = first.programme.queue.len() - site2.matches("  - serial: ").count();
    assert_eq!(s.programme.queue.len(), left);

    // Added back under another name, after every other queue file.
    fs::write(set.file("queue-site9.yaml"), &site2).expect("write");
    let s = loader.load(today());
    assert_same(
        "site 2 added back as site 9",
        &s,
        &fresh(&set.status, today()),
    );
    assert_eq!(s.programme.queue.len(), first.programme.queue.len());

    fs::remove_file(set.file("queue-site9.yaml")).expect("remove");
    fs::write(set.file("queue-site2.yaml"), &site2).expect("write");
    let s = loader.load(today());
    assert_same("site 2 back", &s, &fresh(&set.status, today()));
    assert_eq!(*s.programme, *first.programme);
}
