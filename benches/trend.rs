//! The forecast's trend on the sample and on the large set (100 000 queued vehicles,
//! 20 000 delivery records): the figure alone (`Trend::compute`, done once per load by the
//! Deliveries view's refresh), and the Deliveries view drawn at 200×60 with the trend
//! charts (`t`) and with the yearly charts and the trend under them.
//!
//! Run: `cargo bench --bench trend`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

mod common;

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use fleetdash::app::{Action, App, Data, View};
use fleetdash::domain::forecast::{DEFAULT_WINDOW_MONTHS, Trend};
use fleetdash::status::{Limits, Loader};
use fleetdash::ui::{self, Theme, widgets};

fn app(dir: &Path) -> App {
    let today = common::today();
    let snapshot = Loader::new(vec![dir.to_path_buf()], Limits::default()).load(today);
    let mut app = App::new(Data::new(snapshot, today));
    app.view = View::Deliveries;
    app
}

fn trend(c: &mut Criterion, set: &str, mut app: App) {
    let mut g = c.benchmark_group(format!("trend/{set}"));
    g.warm_up_time(std::time::Duration::from_secs(1));
    g.measurement_time(std::time::Duration::from_secs(3));
    let p = app.data.programme().clone();
    let today = common::today();
    g.bench_function("compute", |b| {
        b.iter(|| black_box(Trend::compute(&p, today, DEFAULT_WINDOW_MONTHS)))
    });
    let area = Rect::new(0, 0, 200, 60);
    let mut buf = Buffer::empty(area);
    g.bench_function("draw-deliveries-yearly-200x60", |b| {
        b.iter(|| {
            buf.reset();
            ui::draw(&app, &Theme::default(), area, &mut buf);
            black_box(&buf);
        })
    });
    app.update(Action::SwitchChart);
    g.bench_function("draw-deliveries-trend-200x60", |b| {
        b.iter(|| {
            buf.reset();
            ui::draw(&app, &Theme::default(), area, &mut buf);
            black_box(&buf);
        })
    });
    // The two widgets alone, in the half of a 200×60 screen the view gives them.
    let half = Rect::new(0, 0, 200, 30);
    let trend = app.deliveries.trend().unwrap().clone();
    let mut half_buf = Buffer::empty(half);
    g.bench_function("widgets-200x30", |b| {
        b.iter(|| {
            half_buf.reset();
            let [left, right] = ratatui::layout::Layout::horizontal([
                ratatui::layout::Constraint::Percentage(55),
                ratatui::layout::Constraint::Percentage(45),
            ])
            .areas(half);
            widgets::trend::milestones(&trend, &Theme::default(), left, &mut half_buf);
            widgets::trend::rates(&trend.programme, &Theme::default(), right, &mut half_buf);
            black_box(&half_buf);
        })
    });
    // A view this work did not change, drawn in the same run, to read the figures above
    // against the machine's load.
    app.view = View::Overview;
    g.bench_function("reference-overview-200x60", |b| {
        b.iter(|| {
            buf.reset();
            ui::draw(&app, &Theme::default(), area, &mut buf);
            black_box(&buf);
        })
    });
    app.view = View::Deliveries;
    let small = Rect::new(0, 0, 80, 24);
    let mut buf = Buffer::empty(small);
    g.bench_function("draw-deliveries-trend-80x24", |b| {
        b.iter(|| {
            buf.reset();
            ui::draw(&app, &Theme::default(), small, &mut buf);
            black_box(&buf);
        })
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    trend(c, "sample", app(&common::sample_dir()));
    let large = common::large();
    trend(c, "large", app(&large.status));
}

criterion_group!(group, benches);
criterion_main!(group);
