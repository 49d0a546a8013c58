use super::*;
use crate::domain::{Origin, Serial, SiteId, StageId, VariantId};

fn day(d: u32) -> Date {
    Date::from_ymd_opt(2026, 1, d).unwrap()
}

/// A vehicle of file `file`: serial, site, lot, hold and due day (of January).
fn v(
    file: u32,
    serial: &str,
    site: u32,
    lot: Option<&str>,
    hold: Option<&str>,
    due: Option<u32>,
) -> Vehicle {
    Vehicle {
        serial: Serial::new(serial),
        variant: VariantId(0),
        stage: StageId(0),
        since: day(1),
        due: due.map(day),
        site: SiteId(site),
        lot: lot.map(Into::into),
        hold: hold.map(Into::into),
        history: Default::default(),
        origin: Origin { file, line: 1 },
    }
}

/// Three files: `a` and `c` with vehicles written alike in case only, a serial written in
/// two files (a tie), a non-ASCII serial and lot; `b` in between.
fn programme() -> Programme {
    Programme {
        files: vec!["a.yaml".into(), "b.yaml".into(), "c.yaml".into()],
        sites: vec!["North".into(), "south".into()],
        queue: vec![
            v(0, "X-2", 0, Some("Lot-A"), None, Some(5)),
            v(0, "x-1", 0, Some("lot-a"), Some("Parts"), None),
            v(0, "SAME", 1, None, None, Some(9)),
            v(1, "B-1", 1, Some("Lot-B"), None, Some(7)),
            v(1, "B-2", 0, Some("Lot-A"), Some("parts"), Some(5)),
            v(2, "Éa-9", 1, Some("Lot-É"), None, Some(2)),
            v(2, "SAME", 0, Some("Lot-A"), Some("Parts"), Some(30)),
        ]
        .into(),
        ..Programme::default()
    }
}

fn renewed(old: &Programme, new: &Programme) -> (Index, Vec<bool>) {
    let last = Index::new(old, day(10));
    let prev = Previous {
        queue: &old.queue,
        sites: &old.sites,
        index: &last,
    };
    let names: HashMap<&str, u32> = new
        .sites
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), id(i)))
        .collect();
    let sites: Vec<u32> = old
        .sites
        .iter()
        .map(|s| names.get(s.as_str()).copied().unwrap_or(NONE))
        .collect();
    let reused = reusable(new, &runs_of(new), &prev, &sites)
        .iter()
        .map(Option::is_some)
        .collect();
    (Index::renew(new, day(12), Some(prev)), reused)
}

#[test]
fn a_fresh_index_measures_what_the_widths_measure() {
    let p = programme();
    let index = Index::new(&p, day(10));
    assert_eq!(
        index
            .runs
            .iter()
            .map(|r| r.range.clone())
            .collect::<Vec<_>>(),
        [0..3, 3..5, 5..7]
    );
    assert_eq!(
        crate::app::queue::Widths::of(&p, &index),
        crate::app::queue::Widths::measure(&p)
    );
    // Lots told apart as written, in the order first met: Lot-A, lot-a, Lot-B, Lot-É.
    assert_eq!(index.lots, ["lot-a", "lot-a", "lot-b", "lot-é"]);
    assert_eq!(
        index.rows.iter().map(|r| r.lot).collect::<Vec<_>>(),
        [0, 1, NONE, 2, 0, 3, 0]
    );
}

#[test]
fn an_unchanged_queue_reuses_every_run_and_is_the_fresh_index() {
    let p = programme();
    let (index, reused) = renewed(&p, &p);
    assert_eq!(reused, [true, true, true]);
    assert_eq!(index, Index::new(&p, day(12)));
}

#[test]
fn a_changed_run_is_built_again_and_the_tables_renumbered() {
    let old = programme();
    let mut new = programme();
    // In b: a lot and a due date never seen before, the hold taken off.
    new.queue[4] = v(1, "B-2", 0, Some("Lot-Z"), None, Some(1));
    let (index, reused) = renewed(&old, &new);
    assert_eq!(reused, [true, false, true]);
    assert_eq!(index, Index::new(&new, day(12)));
    // The dates in order: 1 2 5 7 9 30 (the 1st is new, first).
    assert_eq!(index.dues, [1, 2, 5, 7, 9, 30].map(day));
    assert_eq!(index.rows[0].due, 2);
}

#[test]
fn a_vehicle_moved_between_runs() {
    let old = programme();
    let mut new = programme();
    // B-2 moved from b to the end of a.
    let moved = new.queue.remove(4);
    new.queue.insert(
        3,
        Vehicle {
            origin: Origin { file: 0, line: 9 },
            ..moved
        },
    );
    let (index, reused) = renewed(&old, &new);
    assert_eq!(reused, [false, false, true]);
    assert_eq!(index, Index::new(&new, day(12)));
}

#[test]
fn a_site_named_first_renumbers_the_reused_runs_sites() {
    let old = programme();
    let mut new = programme();
    // A site named by a's first vehicle, before "south": south's id goes from 1 to 2.
    new.sites = vec!["North".into(), "Aardvark".into(), "south".into()];
    for v in new.queue.iter_mut().filter(|v| v.site.0 == 1) {
        v.site = SiteId(2);
    }
    new.queue[0].site = SiteId(1);
    let (index, reused) = renewed(&old, &new);
    assert_eq!(reused, [false, true, true]);
    assert_eq!(index, Index::new(&new, day(12)));
    // B-1, of b (reused), is at south.
    assert_eq!(index.rows[3].site, 2);
}

#[test]
fn runs_in_another_order_are_sorted_again_whole() {
    let old = programme();
    let mut new = programme();
    // The files' order changed: c's vehicles first.
    new.queue.rotate_right(2);
    let (index, reused) = renewed(&old, &new);
    assert_eq!(reused, [true, true, true]);
    assert_eq!(index, Index::new(&new, day(12)));
    // SAME in c now comes before SAME in a: the tie goes to the earlier in the queue.
    let same: Vec<u32> = index
        .by_serial
        .iter()
        .copied()
        .filter(|&i| new.queue[i as usize].serial.as_str() == "SAME")
        .collect();
    assert_eq!(same, [1, 4]);
}
