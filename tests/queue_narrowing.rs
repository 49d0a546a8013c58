//! The queue's filter narrowed from earlier results and run off the loop: after every key
//! of long pseudo-random sequences (words, field prefixes, keywords, backspaces, `-`
//! words, sorts), the rows equal a fresh filter worked out here from the vehicles
//! themselves; and a pass that a newer change superseded never lands over the newer one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::path::Path;
use std::sync::Arc;

use fleetdash::app::queue::{Field, Job, SortKey, Term, parse_filter};
use fleetdash::app::{Action, App, Data, View};
use fleetdash::domain::{Date, Origin, Programme, SiteId, StageId, VariantId, Vehicle};
use fleetdash::status::{Limits, Loader, Snapshot};

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 26).expect("a valid date")
}

/// A small deterministic generator (xorshift), so that every run types the same keys.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// `n` vehicles on the sample's programme, with mixed-case and non-ASCII serials, shared
/// lots and holds, and some without a due date.
fn generated(n: usize) -> Data {
    let snapshot = Loader::new(vec!["config/status".into()], Limits::default()).load(today());
    let mut p: Programme = (*snapshot.programme).clone();
    let (stages, variants, sites) = (p.stages.len(), p.variants.len(), p.sites.len());
    let first = Date::from_ymd_opt(2026, 6, 1).expect("a date");
    let holds = ["Waiting for PARTS", "paint defect", "Défaut câblage"];
    p.queue = (0..n)
        .map(|i| Vehicle {
            serial: match i % 5 {
                0 => format!("Gen-{i:05}"),
                1 => format!("BE-GRF-{i:04}"),
                2 => format!("Véh-{i}"),
                _ => format!("gen-{:04}-x{}", i * 7 % 1000, i % 3),
            }
            .as_str()
            .into(),
            variant: VariantId((i * 3 % variants) as u32),
            stage: StageId((i / 5 % stages) as u32),
            since: first + chrono::Days::new((i * 13 % 170) as u64),
            due: (i % 6 != 0).then(|| first + chrono::Days::new((i * 11 % 240) as u64)),
            site: SiteId((i % sites) as u32),
            lot: (i % 4 != 0).then(|| format!("L{}{}", i % 7, ["a", "B"][i % 2]).as_str().into()),
            hold: (i % 9 == 0).then(|| holds[i % 3].into()),
            history: Default::default(),
            origin: Origin::default(),
        })
        .collect();
    Data::new(
        Snapshot {
            programme: Arc::new(p),
            ..snapshot
        },
        today(),
    )
}

/// The terms of `filter` tested on `v`, from the vehicle's own fields.
fn passes(p: &Programme, v: &Vehicle, terms: &[Term]) -> bool {
    let low = |s: &str| s.to_lowercase();
    let variant = &p.variants[v.variant.0 as usize];
    let family = low(&p.family(variant.family).name);
    let stage = &p.stages[v.stage.0 as usize];
    let site = low(&p.sites[v.site.0 as usize]);
    let lot = v.lot.as_deref().map(low);
    let hold = v.hold.as_deref().map(low);
    let has = |t: &Option<String>, n: &str| t.as_deref().is_some_and(|t| t.contains(n));
    let in_variant = |n: &str| {
        low(&variant.id).contains(n) || low(&variant.name).contains(n) || family.contains(n)
    };
    let in_stage = |n: &str| low(&stage.id).contains(n) || low(&stage.name).contains(n);
    terms.iter().all(|t| match t {
        Term::Text(n) => {
            low(&v.serial).contains(n.as_str())
                || in_variant(n)
                || in_stage(n)
                || site.contains(n.as_str())
                || has(&lot, n)
                || has(&hold, n)
        }
        Term::Field(Field::Serial, n) => low(&v.serial).contains(n.as_str()),
        Term::Field(Field::Variant, n) => in_variant(n),
        Term::Field(Field::Family, n) => family.contains(n.as_str()),
        Term::Field(Field::Stage, n) => in_stage(n),
        Term::Field(Field::Site, n) => site.contains(n.as_str()),
        Term::Field(Field::Lot, n) => has(&lot, n),
        Term::Field(Field::Hold, n) => has(&hold, n),
        Term::Field(Field::Due, n) => v.due.is_some_and(|d| d.to_string().contains(n.as_str())),
        Term::Overdue => v.due.is_some_and(|d| today() > d),
        Term::Held => v.hold.is_some(),
    })
}

/// The serials a fresh filter shows for the app's filter and sort, in order: the matches,
/// sorted by the column with ties by serial (the order of the queue among equal serials).
fn fresh(app: &App) -> Vec<String> {
    let p = app.data.programme();
    let terms = parse_filter(app.queue.filter());
    let (key, descending) = app.queue.sort();
    let rank = |i: usize| -> i64 {
        let v = &p.queue[i];
        match key {
            SortKey::Serial => 0,
            SortKey::Variant => v.variant.0.into(),
            SortKey::Stage => {
                let s = v.stage.0 as usize;
                (s + if p.stages[s].rework {
                    p.stages.len()
                } else {
                    0
                }) as i64
            }
            SortKey::Site => {
                let name = p.sites[v.site.0 as usize].to_lowercase();
                p.sites.iter().filter(|s| s.to_lowercase() < name).count() as i64
            }
            SortKey::DaysInStage => v.days_in_stage(today()),
            SortKey::Due => v.due.map_or(i64::MAX, |d| (d - today()).num_days()),
        }
    };
    let mut rows: Vec<usize> = (0..p.queue.len())
        .filter(|&i| passes(p, &p.queue[i], &terms))
        .collect();
    rows.sort_by(|&a, &b| {
        let by_serial = p.queue[a].serial.cmp(&p.queue[b].serial).then(a.cmp(&b));
        let primary = rank(a).cmp(&rank(b));
        match (key, descending) {
            (SortKey::Serial, true) => by_serial.reverse(),
            (_, true) => primary.reverse().then(by_serial),
            (_, false) => primary.then(by_serial),
        }
    });
    rows.iter()
        .map(|&i| p.queue[i].serial.to_string())
        .collect()
}

fn shown(app: &App) -> Vec<String> {
    let rows = app.queue.vehicles(&app.data);
    rows.map(|v| v.serial.to_string()).collect()
}

/// Pieces typed: letters and digits of the serials, lots and stage names, field prefixes,
/// keywords, spaces and `-` words.
const PIECES: &[&str] = &[
    "g", "e", "n", "-", "0", "1", "2", "7", "x", "l", "a", "b", "é", "h", "p", "i", "t", " ",
    "stage:", "lot:", "hold:", "due:", "serial:", "family:", "variant:", "site:", "overdue",
    "held", "2026-0", "-x", "paint", "be", "grf", "wait",
];

/// One step of a sequence: mostly typing, some backspaces, now and then a sort or Esc.
fn step(app: &mut App, rng: &mut Rng) {
    match rng.below(20) {
        0..=11 => {
            for c in PIECES[rng.below(PIECES.len())].chars() {
                app.update(Action::FilterChar(c));
            }
        }
        12..=16 => {
            for _ in 0..=rng.below(3) {
                app.update(Action::FilterBackspace);
            }
        }
        17 => {
            app.update(Action::SortNext);
            app.update(Action::StartFilter);
        }
        18 => {
            app.update(Action::SortReverse);
            app.update(Action::StartFilter);
        }
        _ => {
            app.update(Action::Close);
            app.update(Action::StartFilter);
        }
    }
}

fn app(data: Data) -> App {
    let mut app = App::new(data);
    app.view = View::Queue;
    app.update(Action::StartFilter);
    app
}

#[test]
fn every_narrowed_result_equals_a_fresh_filter() {
    let data = generated(2_000);
    for seed in [1, 7, 2026] {
        let mut app = app(data.clone());
        let mut rng = Rng(seed);
        for n in 0..200 {
            step(&mut app, &mut rng);
            assert!(!app.queue.is_updating());
            let expected = fresh(&app);
            assert_eq!(
                shown(&app),
                expected,
                "seed {seed}, step {n}, filter {:?}, sort {:?}",
                app.queue.filter(),
                app.queue.sort()
            );
        }
    }
}

/// The bits of the vehicles of `data` that pass `filter`.
fn oracle(data: &Data, filter: &str) -> Vec<bool> {
    let p = data.programme();
    let terms = parse_filter(filter);
    p.queue.iter().map(|v| passes(p, v, &terms)).collect()
}

#[test]
fn a_filter_said_to_imply_another_lets_in_only_rows_of_the_other() {
    let data = generated(1_200);
    let mut rng = Rng(5);
    // Filters on each side of every rule of `implies`, then random ones.
    let fixed = [
        "1",
        "2",
        "6",
        "l1",
        "pa",
        "gen",
        "wait",
        "due:",
        "due:2026-1",
        "due:1",
        "overdue",
        "held",
        "hold:",
        "hold:w",
        "stage:",
        "stage:pa",
        "site:",
        "lot:",
        "lot:l1",
        "family:",
        "variant:",
        "family:a",
        "variant:a",
        "serial:gen",
        "serial:1",
        "held:",
        "-1",
    ];
    let random = (0..220).map(|_| {
        (0..=rng.below(4))
            .map(|_| PIECES[rng.below(PIECES.len())])
            .collect()
    });
    let filters: Vec<String> = fixed.iter().map(|f| f.to_string()).chain(random).collect();
    let bits: Vec<Vec<bool>> = filters.iter().map(|f| oracle(&data, f)).collect();
    let mut implied = 0;
    for (new, new_bits) in filters.iter().zip(&bits) {
        for (old, old_bits) in filters.iter().zip(&bits) {
            if fleetdash::app::queue::filter::implies(&parse_filter(new), &parse_filter(old)) {
                implied += 1;
                let outside = (0..new_bits.len()).find(|&i| new_bits[i] && !old_bits[i]);
                assert_eq!(outside, None, "{new:?} lets in a row {old:?} does not");
            }
        }
    }
    // Enough pairs other than a filter and itself to mean something.
    assert!(implied > 2 * filters.len(), "{implied}");
}

/// Runs the jobs left in `jobs`, in an order `rng` picks, handing each outcome back.
fn run_some(app: &mut App, jobs: &mut Vec<Job>, rng: &mut Rng) -> usize {
    let mut landed = 0;
    while !jobs.is_empty() {
        let job = jobs.remove(rng.below(jobs.len()));
        let outcome = job.run(&|| false).expect("a pass nobody stops finishes");
        let newest = outcome.generation == app.queue.generation();
        let took = app.queue.filtered(outcome, &app.data);
        assert_eq!(took, newest, "only the newest pass may land");
        landed += usize::from(took);
    }
    landed
}

#[test]
fn passes_off_the_loop_land_in_any_order_and_only_the_newest_shows() {
    let data = generated(2_000);
    for seed in [3, 99] {
        let mut app = app(data.clone());
        // Every pass over more than 100 rows is left for a thread, as the dashboard does
        // for a million vehicles.
        app.queue.set_background(Some(100));
        let mut rng = Rng(seed);
        let mut jobs = Vec::new();
        let mut landed = 0;
        for n in 0..250 {
            step(&mut app, &mut rng);
            jobs.extend(app.queue.take_job());
            // Now and then the thread catches up, its passes finishing in any order.
            if rng.below(4) == 0 || n == 249 {
                landed += run_some(&mut app, &mut jobs, &mut rng);
                assert!(!app.queue.is_updating(), "seed {seed}, step {n}");
                assert_eq!(shown(&app), fresh(&app), "seed {seed}, step {n}");
            }
        }
        assert!(
            landed > 10,
            "seed {seed}: only {landed} passes went off the loop"
        );
    }
}

#[test]
fn a_superseded_pass_never_lands_over_a_newer_one() {
    let mut app = app(generated(2_400));
    app.queue.set_background(Some(0));
    let before = shown(&app);
    app.update(Action::FilterChar('g'));
    let older = app.queue.take_job().expect("a pass left for the thread");
    // The typed text is there at once, over the rows of the previous filter.
    assert_eq!(app.queue.filter(), "g");
    assert!(app.queue.is_updating());
    assert_eq!(shown(&app), before);
    app.update(Action::FilterChar('e'));
    app.update(Action::FilterChar('n'));
    app.update(Action::FilterChar('-'));
    app.update(Action::FilterChar('0'));
    let newer = app.queue.take_job().expect("a pass left for the thread");
    assert!(newer.generation() > older.generation());
    let newer = newer.run(&|| false).unwrap();
    assert!(app.queue.filtered(newer, &app.data));
    let expected = fresh(&app);
    assert!(!expected.is_empty() && expected.len() < before.len());
    assert_eq!(shown(&app), expected);
    // The older pass, finished late, is dropped: the rows stay those of "gen-0".
    let older = older.run(&|| false).unwrap();
    assert!(!app.queue.filtered(older, &app.data));
    assert_eq!(shown(&app), expected);
    assert!(!app.queue.is_updating());

    // A pass under way when the sort changes is dropped too: the sort asks again.
    app.update(Action::FilterChar('1'));
    let before_sort = app.queue.take_job().unwrap();
    app.update(Action::SortNext);
    let after_sort = app
        .queue
        .take_job()
        .expect("the pass asked again in the new order");
    assert!(
        !app.queue
            .filtered(before_sort.run(&|| false).unwrap(), &app.data)
    );
    assert!(
        app.queue
            .filtered(after_sort.run(&|| false).unwrap(), &app.data)
    );
    assert_eq!(shown(&app), fresh(&app));
    assert_eq!(app.queue.sort().0, SortKey::Variant);

    // A pass that is told to stop gives up.
    app.update(Action::FilterChar('2'));
    let job = app.queue.take_job().unwrap();
    assert!(job.run(&|| true).is_none());
}

#[test]
fn without_a_thread_every_pass_runs_at_once() {
    let mut loader = Loader::new(vec![Path::new("config/status").into()], Limits::default());
    let mut app = app(Data::new(loader.load(today()), today()));
    for c in "stage:pai".chars() {
        app.update(Action::FilterChar(c));
        assert!(app.queue.take_job().is_none());
        assert!(!app.queue.is_updating());
        assert_eq!(shown(&app), fresh(&app));
    }
    assert!(!shown(&app).is_empty());
}
