//! The flow figures on 100 000 vehicles with about 8 visits each, built here (50 000
//! delivered with their histories, 50 000 in assembly part-way through): after a full load
//! (every part gathered), after a one-file reload that shared the queue and the deliveries
//! (the parts kept, only combined again for the day), after a reload that read a queue file
//! (the queue's part gathered again), and drawing the Flow view at 200×60.
//!
//! Run: `cargo bench --bench flow`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use fleetdash::app::{App, Data, View};
use fleetdash::domain::flow::{Cache, Flow};
use fleetdash::domain::{
    Date, Delivery, Family, FamilyId, History, Info, Origin, PlanEntry, Programme, Serial, SiteId,
    Stage, StageId, Variant, VariantId, Vehicle, Visit,
};
use fleetdash::status::{FileHealth, FileState, Snapshot};
use fleetdash::ui::{self, Theme};

const DELIVERED: u32 = 50_000;
const QUEUED: u32 = 50_000;
/// Main-line stages; a rework stage follows them.
const MAIN: u32 = 8;

fn today() -> Date {
    Date::from_ymd_opt(2030, 6, 15).unwrap()
}

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// The visits of a vehicle starting on `start` through the first `stages` main-line stages,
/// a rework and a second acceptance for one in eight; and the day after the last stay.
fn visits(rng: &mut Rng, start: Date, stages: u32) -> (Vec<Visit>, Date) {
    let mut day = start;
    let mut out = Vec::with_capacity(stages as usize + 2);
    for s in 0..stages {
        out.push(Visit {
            stage: StageId(s),
            entered: day,
        });
        day = day + chrono::Days::new(3 + rng.below(12));
        if s == MAIN - 1 && rng.below(8) == 0 {
            out.push(Visit {
                stage: StageId(MAIN),
                entered: day,
            });
            day = day + chrono::Days::new(5 + rng.below(10));
            out.push(Visit {
                stage: StageId(s),
                entered: day,
            });
            day = day + chrono::Days::new(2 + rng.below(4));
        }
    }
    (out, day)
}

fn programme() -> Programme {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let first = Date::from_ymd_opt(2025, 1, 6).unwrap();
    let mut stages: Vec<Stage> = (0..MAIN)
        .map(|i| Stage {
            id: format!("s{i}"),
            name: format!("Stage {i}"),
            families: Vec::new(),
            rework: false,
        })
        .collect();
    stages.push(Stage {
        id: "rework".to_owned(),
        name: "Rework".to_owned(),
        families: Vec::new(),
        rework: true,
    });
    let mut p = Programme {
        info: Some(Info {
            name: "Flow bench".to_owned(),
            customer: None,
            prime: None,
            final_assembler: None,
            first_year: 2025,
            last_year: 2032,
        }),
        families: vec![
            Family {
                name: "Large".to_owned(),
            },
            Family {
                name: "Small".to_owned(),
            },
        ],
        variants: (0..4)
            .map(|i| Variant {
                id: format!("v{i}"),
                family: FamilyId(i / 2),
                name: format!("Variant {i}"),
                contracted: 30_000,
                attributes: Vec::new(),
            })
            .collect(),
        stages,
        sites: vec!["Plant".to_owned()],
        plan: (2025..=2032)
            .flat_map(|year| {
                (0..4).map(move |v| PlanEntry {
                    year,
                    variant: VariantId(v),
                    quantity: 3_750,
                })
            })
            .collect(),
        files: vec!["bench.yaml".to_owned()],
        ..Programme::default()
    };
    // Delivered: ten a record, starting over the first four years.
    let mut deliveries = Vec::new();
    for r in 0..DELIVERED / 10 {
        let variant = VariantId(r % 4);
        let mut histories = Vec::new();
        let mut end = first;
        for k in 0..10 {
            let start = first + chrono::Days::new(u64::from(r) * 1800 / u64::from(DELIVERED / 10));
            let (v, last) = visits(&mut rng, start, MAIN);
            end = end.max(last);
            histories.push(History {
                serial: Serial::new(&format!("D{r}-{k}")),
                visits: v,
            });
        }
        deliveries.push(Delivery {
            date: end,
            variant,
            quantity: 10,
            serials: histories.iter().map(|h| h.serial.clone()).collect(),
            histories: histories.into_boxed_slice(),
            origin: Origin::default(),
        });
    }
    p.deliveries = deliveries.into();
    // In assembly: started in the last ten weeks, part-way through the stages.
    p.queue = (0..QUEUED)
        .map(|i| {
            let start = today() - chrono::Days::new(rng.below(75));
            let (mut v, _) = visits(&mut rng, start, MAIN);
            v.retain(|x| x.entered <= today());
            let last = *v.last().unwrap();
            Vehicle {
                serial: Serial::new(&format!("Q{i}")),
                variant: VariantId(i % 4),
                stage: last.stage,
                since: last.entered,
                due: None,
                site: SiteId(0),
                lot: None,
                hold: None,
                history: v.into(),
                origin: Origin::default(),
            }
        })
        .collect();
    p
}

fn flow(c: &mut Criterion) {
    let p = programme();
    let visits: usize = p.queue.iter().map(|v| v.history.len()).sum::<usize>()
        + p.deliveries
            .iter()
            .flat_map(|d| d.histories.iter())
            .map(|h| h.visits.len())
            .sum::<usize>();
    eprintln!("flow bench: 100 000 vehicles, {visits} visits");
    let mut g = c.benchmark_group("flow");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("full", |b| {
        b.iter(|| black_box(Cache::default().flow(&p, today())))
    });
    // A reload of one file other than the queue's and the deliveries': both lists shared.
    let mut cache = Cache::default();
    cache.flow(&p, today());
    let mut next = p.clone();
    next.plan[0].quantity += 1;
    g.bench_function("reload/shared", |b| {
        b.iter(|| black_box(cache.flow(&next, today())))
    });
    // What the bench timed gathered nothing (asked again, as a filter may skip it).
    cache.flow(&next, today());
    assert_eq!(cache.gathered, 0);
    // A queue file read again: a new queue, the deliveries shared.
    let mut cache = Cache::default();
    cache.flow(&p, today());
    let mut queues = [p.clone(), p.clone()];
    for q in &mut queues {
        q.queue = q.queue.iter().cloned().collect();
    }
    let mut turn = 0;
    g.bench_function("reload/new-queue", |b| {
        b.iter(|| {
            turn ^= 1;
            black_box(cache.flow(&queues[turn], today()))
        })
    });
    cache.flow(&queues[turn ^ 1], today());
    assert_eq!(cache.gathered, 1);
    g.finish();
    assert_eq!(
        Flow::compute(&p, today()),
        Cache::default().flow(&p, today())
    );
}

fn draw(c: &mut Criterion) {
    let snapshot = Snapshot {
        programme: Arc::new(programme()),
        problems: Vec::new(),
        files: vec![FileState {
            path: "bench.yaml".into(),
            name: "bench.yaml".to_owned(),
            health: FileHealth::Good,
        }],
        removed: Vec::new(),
        reread: Vec::new(),
        left_out: 0,
    };
    let mut app = App::new(Data::new(snapshot, today()));
    app.view = View::Flow;
    let area = Rect::new(0, 0, 200, 60);
    let mut buf = Buffer::empty(area);
    eprintln!("{}", ui::render_text(&app, &Theme::default(), 200, 60));
    c.bench_function("draw/flow/200x60", |b| {
        b.iter(|| {
            buf.reset();
            ui::draw(&app, &Theme::default(), area, &mut buf);
            black_box(&buf);
        })
    });
    // The view alone, without the tabs and the status line.
    c.bench_function("draw/flow/200x60/view", |b| {
        b.iter(|| {
            buf.reset();
            ui::draw_view(&app, &Theme::default(), View::Flow, area, &mut buf);
            black_box(&buf);
        })
    });
    // The other views' frame on the same data, for comparison.
    app.view = View::Balance;
    c.bench_function("draw/balance/200x60", |b| {
        b.iter(|| {
            buf.reset();
            ui::draw(&app, &Theme::default(), area, &mut buf);
            black_box(&buf);
        })
    });
}

criterion_group!(benches, flow, draw);
criterion_main!(benches);
