//! `fleetdash generate`: a valid status set of any size, the same for the same seed.
//!
//! Benchmarks and tests use it to measure fleetdash far beyond the sample; users can try
//! the dashboard on it. The set is split the way a real one is: a programme file, a plan,
//! one queue file per site and a deliveries file, plus a config that points at them.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use chrono::{Datelike, Duration};

use crate::domain::Date;

mod history;

pub use history::Histories;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// Variants, spread over two families.
    pub variants: usize,
    /// Vehicles in final assembly, spread over the sites.
    pub queue: usize,
    /// Delivery records (one vehicle each).
    pub deliveries: usize,
    /// The seed: the same seed gives the same files.
    pub seed: u64,
    /// The day the set is valid for: no delivery and no stage entry after it.
    pub today: Date,
}

/// The number of sites the queue is spread over (one queue file each).
pub const SITES: usize = 8;

const STAGES: [(&str, &str); 8] = [
    ("hull", "Hull received"),
    ("kit", "Variant kit and interior"),
    ("comms", "Communications"),
    ("weapon", "Weapon fit"),
    ("paint", "Paint"),
    ("tests", "Final tests"),
    ("acceptance", "Acceptance"),
    ("rework", "Rework"),
];

/// The planned lead time of each main-line stage of [`STAGES`], in days to hand-over, for
/// the Line of Balance: shorter down the line, as in the sample.
const LEAD_DAYS: [u32; 7] = [120, 100, 75, 55, 35, 21, 10];

/// A small deterministic generator (SplitMix64): the same seed gives the same set on every
/// machine, without a dependency for a few lines of arithmetic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The files of a generated set without stage histories, as written before they existed:
/// (file name relative to the set's folder, contents). [`files_with`] writes them too.
pub fn files(spec: &Spec) -> Vec<(String, String)> {
    files_with(spec, Histories::LeftOut)
}

/// The files of a generated set, with or without stage histories; everything else is the
/// same either way.
pub fn files_with(spec: &Spec, histories: Histories) -> Vec<(String, String)> {
    let mut rng = Rng(spec.seed);
    let mut history = (histories == Histories::Written).then(|| history::Writer::new(spec.seed));
    let n_variants = spec.variants.max(1);
    let families = n_variants.div_ceil(10);
    let first_year = spec.today.year() - 5;
    let last_year = spec.today.year() + 5;
    let start = Date::from_ymd_opt(first_year, 1, 1).unwrap_or(spec.today);
    let span_days = (spec.today - start).num_days().max(1) as u64;

    // Vehicles queued and delivered per variant decide the contracted quantities.
    let mut queued = vec![0u32; n_variants];
    let mut delivered = vec![0u32; n_variants];
    let mut queue_entries: Vec<Vec<String>> = vec![Vec::new(); SITES];
    let mut serial_no = vec![0u32; n_variants];
    for _ in 0..spec.queue {
        let v = rng.below(n_variants as u64) as usize;
        let family = v % families;
        // Stage 3 (weapon fit) applies to the even families only, like a turret stage.
        let mut stage = rng.below(STAGES.len() as u64) as usize;
        if stage == 3 && family % 2 == 1 {
            stage = 4;
        }
        serial_no[v] += 1;
        queued[v] += 1;
        let since = spec.today - Duration::days(rng.below(120) as i64);
        let due = since + Duration::days(20 + rng.below(90) as i64);
        let site = rng.below(SITES as u64) as usize;
        let mut e = String::with_capacity(200);
        let _ = writeln!(e, "  - serial: GEN-{v:05}-{:06}", serial_no[v]);
        let _ = writeln!(e, "    variant: v{v:05}");
        let _ = writeln!(e, "    stage: {}", STAGES[stage].0);
        let _ = writeln!(e, "    since: {since}");
        let _ = writeln!(e, "    due: {due}");
        let _ = writeln!(e, "    site: Site {}", site + 1);
        let _ = writeln!(
            e,
            "    lot: L{:02}{}",
            since.year() % 100,
            if since.month() <= 6 { 'A' } else { 'B' }
        );
        if rng.below(10) == 0 {
            let _ = writeln!(e, "    hold: waiting for a part");
        }
        if let Some(h) = history.as_mut() {
            h.queue(&mut e, stage, since, family.is_multiple_of(2));
        }
        queue_entries[site].push(e);
    }

    let mut deliveries = String::with_capacity(spec.deliveries * 120 + 64);
    deliveries.push_str("version: 1\ndeliveries:\n");
    for _ in 0..spec.deliveries {
        let v = rng.below(n_variants as u64) as usize;
        let date = start + Duration::days(rng.below(span_days) as i64);
        let n = 1 + rng.below(4) as u32;
        delivered[v] += n;
        let _ = writeln!(deliveries, "  - date: {date}\n    variant: v{v:05}");
        if rng.below(2) == 0 {
            let serials: Vec<String> = (0..n)
                .map(|_| {
                    serial_no[v] += 1;
                    format!("GEN-{v:05}-{:06}", serial_no[v])
                })
                .collect();
            let _ = writeln!(deliveries, "    serials: [{}]", serials.join(", "));
            if let Some(h) = history.as_mut() {
                h.delivered(
                    &mut deliveries,
                    &serials,
                    date,
                    (v % families).is_multiple_of(2),
                );
            }
        } else {
            serial_no[v] += n;
            let _ = writeln!(deliveries, "    count: {n}");
        }
    }

    let mut programme = String::new();
    let _ = write!(
        programme,
        "version: 1\nprogramme:\n  name: Generated programme (seed {})\n  customer: Test customer\n  \
         prime: Test prime\n  final_assembler: Test assembler\n  first_year: {first_year}\n  last_year: {last_year}\n",
        spec.seed
    );
    programme.push_str("variants:\n");
    let mut contracted = vec![0u32; n_variants];
    for v in 0..n_variants {
        contracted[v] = queued[v] + delivered[v] + 10 + rng.below(200) as u32;
        let _ = writeln!(
            programme,
            "  - id: v{v:05}\n    family: Family {}\n    name: Variant {v}\n    contracted: {}",
            v % families + 1,
            contracted[v]
        );
    }
    programme.push_str("stages:\n");
    for (i, (id, name)) in STAGES.iter().enumerate() {
        let _ = writeln!(programme, "  - id: {id}\n    name: {name}");
        if i == 3 {
            let even: Vec<String> = (0..families)
                .filter(|f| f % 2 == 0)
                .map(|f| format!("Family {}", f + 1))
                .collect();
            let _ = writeln!(programme, "    families: [{}]", even.join(", "));
        }
        if *id == "rework" {
            programme.push_str("    rework: true\n");
        } else if let Some(days) = LEAD_DAYS.get(i) {
            let _ = writeln!(programme, "    lead_time_days: {days}");
        }
    }

    // The plan spreads each variant's contract evenly over the years.
    let years = (first_year..=last_year).collect::<Vec<_>>();
    let mut plan = String::from("version: 1\nplan:\n");
    for (yi, year) in years.iter().enumerate() {
        let _ = writeln!(plan, "  {year}:");
        for (v, &c) in contracted.iter().enumerate() {
            let n = years.len() as u32;
            let share = c / n + u32::from((yi as u32) < c % n);
            if share > 0 {
                let _ = writeln!(plan, "    v{v:05}: {share}");
            }
        }
    }

    let mut out = vec![
        ("programme.yaml".to_owned(), programme),
        ("plan.yaml".to_owned(), plan),
        ("deliveries.yaml".to_owned(), deliveries),
    ];
    for (site, entries) in queue_entries.into_iter().enumerate() {
        let mut text = String::with_capacity(entries.iter().map(String::len).sum::<usize>() + 32);
        text.push_str("version: 1\nqueue:\n");
        if entries.is_empty() {
            text.truncate("version: 1\n".len());
        }
        for e in entries {
            text.push_str(&e);
        }
        out.push((format!("queue-site{}.yaml", site + 1), text));
    }
    out
}

/// Checks that `out` may be written: a new or empty folder, or any folder with `force`.
/// With `force`, status files of `out/status` that the set would not write are removed,
/// so that nothing merges with it. The error says what is there and what to do.
pub fn prepare(spec: &Spec, out: &Path, force: bool) -> Result<(), String> {
    let shown = out.display();
    let entries = match std::fs::read_dir(out) {
        Ok(entries) => entries.count(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) if out.exists() && !out.is_dir() => {
            return Err(format!("{shown} is not a folder ({e})"));
        }
        Err(e) => return Err(format!("cannot read {shown}: {e}")),
    };
    if entries == 0 {
        return Ok(());
    }
    if !force {
        return Err(format!(
            "{shown} is not empty ({entries} {}): the generated config and status files \
             would overwrite what is there or merge with it; name a new or empty folder, or \
             pass --force to overwrite them",
            if entries == 1 { "entry" } else { "entries" }
        ));
    }
    let status = out.join("status");
    let written: Vec<String> = files(spec).into_iter().map(|(name, _)| name).collect();
    let Ok(found) = std::fs::read_dir(&status) else {
        return Ok(());
    };
    for entry in found.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if crate::status::is_status_file_name(&name) && !written.contains(&name) {
            std::fs::remove_file(entry.path())
                .map_err(|e| format!("cannot remove {}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Writes the set without stage histories (see [`files`]) under `out/status/` and a
/// config at `out/fleetdash.yaml` (creating them), overwriting files of the same names;
/// see [`prepare`] first. `fleetdash generate` writes histories: [`write_with`].
pub fn write(spec: &Spec, out: &Path) -> io::Result<()> {
    write_with(spec, out, Histories::LeftOut)
}

/// [`write`], with or without stage histories.
pub fn write_with(spec: &Spec, out: &Path, histories: Histories) -> io::Result<()> {
    let status = out.join("status");
    std::fs::create_dir_all(&status)?;
    for (name, text) in files_with(spec, histories) {
        std::fs::write(status.join(name), text)?;
    }
    std::fs::write(
        out.join(crate::config::FILE_NAME),
        "# Generated by `fleetdash generate`.\nstatus:\n  - status\n",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::merge::{Source, merge};

    fn spec(seed: u64) -> Spec {
        Spec {
            variants: 23,
            queue: 500,
            deliveries: 300,
            seed,
            today: Date::from_ymd_opt(2026, 11, 26).unwrap(),
        }
    }

    #[test]
    fn same_seed_same_set() {
        assert_eq!(files(&spec(7)), files(&spec(7)));
        assert_ne!(files(&spec(7)), files(&spec(8)));
    }

    #[test]
    fn generated_set_is_valid_and_sized() {
        let s = spec(1);
        let parsed: Vec<(String, crate::status::raw::RawFile)> = files_with(&s, Histories::Written)
            .into_iter()
            .map(|(n, t)| (n, crate::status::yaml::parse(&t).expect("parses")))
            .collect();
        let sources: Vec<Source> = parsed
            .iter()
            .map(|(n, raw)| Source { name: n, raw })
            .collect();
        let (programme, problems) = merge(&sources, s.today);
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(programme.variants.len(), 23);
        assert_eq!(programme.queue.len(), 500);
        assert_eq!(programme.deliveries.len(), 300);
        // Every vehicle has a history (the merge keeps only good ones), some with a
        // rework loop; every delivery listing serials keeps one per serial.
        assert!(programme.queue.iter().all(|v| !v.history.is_empty()));
        let rework = programme.stage_by_id("rework").unwrap();
        let acceptance = programme.stage_by_id("acceptance").unwrap();
        let looped = programme
            .queue
            .iter()
            .filter(|v| {
                v.history
                    .windows(2)
                    .any(|w| w[0].stage == rework && w[1].stage == acceptance)
            })
            .count();
        assert!(
            looped > 0 && looped < 500 / 4,
            "{looped} went back to acceptance"
        );
        for d in programme.deliveries.iter() {
            assert_eq!(d.histories.len(), d.serials.len());
        }
        assert!(programme.deliveries.iter().any(|d| !d.histories.is_empty()));
    }

    #[test]
    fn without_history_the_set_is_the_same_but_for_its_histories() {
        let s = spec(3);
        let with = files_with(&s, Histories::Written);
        let without = files(&s);
        assert_eq!(with.len(), without.len());
        for ((name, a), (name_b, b)) in with.iter().zip(&without) {
            assert_eq!(name, name_b);
            // A history is its key line and the lines indented below it.
            let mut kept = String::new();
            let mut in_history = false;
            for line in a.lines() {
                let indent = line.len() - line.trim_start().len();
                if line == "    history:" || line == "    histories:" {
                    in_history = true;
                    continue;
                }
                if in_history && indent > 4 {
                    continue;
                }
                in_history = false;
                kept.push_str(line);
                kept.push('\n');
            }
            assert_eq!(&kept, b, "{name}");
        }
        assert!(without.iter().all(|(_, t)| !t.contains("history")));
    }
}
