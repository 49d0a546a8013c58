//! Drawing each view of the dashboard into a 200×60 buffer, on the sample and on the large
//! set, as the terminal does every frame: the buffer is reset, the whole screen drawn.
//!
//! Also measured: refreshing the views after a reload (their cached rows are rebuilt).
//!
//! Run: `cargo bench --bench render` (add a filter such as `-- large` to run a part).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

mod common;

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use fleetdash::app::{App, Data, View};
use fleetdash::domain::changes;
use fleetdash::status::{Limits, Loader};
use fleetdash::ui::{self, Theme};

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

fn app(dir: &Path) -> App {
    let today = common::today();
    let snapshot = Loader::new(vec![dir.to_path_buf()], Limits::default()).load(today);
    App::new(Data::new(snapshot, today))
}

fn view_name(v: View) -> &'static str {
    match v {
        View::Overview => "overview",
        View::Variants => "variants",
        View::Queue => "queue",
        View::Deliveries => "deliveries",
        View::Problems => "problems",
        View::Balance => "balance",
        View::Flow => "flow",
        View::Changes => "changes",
    }
}

fn draw_views(c: &mut Criterion, set: &str, mut app: App) {
    let area = Rect::new(0, 0, WIDTH, HEIGHT);
    let mut buf = Buffer::empty(area);
    let mut g = c.benchmark_group(format!("draw/{set}"));
    for view in View::ALL {
        app.view = view;
        g.bench_function(view_name(view), |b| {
            b.iter(|| {
                buf.reset();
                ui::draw(&app, &Theme::default(), area, &mut buf);
                black_box(&buf);
            })
        });
    }
    g.finish();
}

fn draw(c: &mut Criterion) {
    draw_views(c, "sample", app(&common::sample_dir()));
    let large = common::large();
    draw_views(c, "large", app(&large.status));
}

/// `fleetdash print`: one frame drawn and turned into text.
fn print(c: &mut Criterion) {
    let app = app(&common::sample_dir());
    c.bench_function("print/sample/overview", |b| {
        b.iter(|| black_box(ui::render_text(&app, &Theme::default(), 100, 30)))
    });
}

/// What a reload costs the views: new data in, every view's rows refreshed. When the
/// queue is the one they were built from, they keep their rows; when it is a new one (a
/// queue file was read again), they filter and sort it again.
fn refresh(c: &mut Criterion) {
    let large = common::large();
    let mut app = app(&large.status);
    let data = app.data.clone();
    let mut g = c.benchmark_group("refresh");
    g.sample_size(20);
    g.bench_function("large/same-queue", |b| {
        b.iter(|| {
            app.set_data(data.clone());
            black_box(&app);
        })
    });
    // Two programmes equal in every record, each with a queue of its own.
    let copy = |data: &Data| {
        let mut d = data.clone();
        let mut p = (**d.programme()).clone();
        p.queue = p.queue.to_vec().into();
        d.snapshot.programme = std::sync::Arc::new(p);
        d
    };
    let twins = [copy(&data), copy(&data)];
    let mut turn = 0;
    g.bench_function("large/new-queue", |b| {
        b.iter(|| {
            turn ^= 1;
            app.set_data(twins[turn].clone());
            black_box(&app);
        })
    });
    g.finish();
}

/// A whole reload as the dashboard does it after plan.yaml changed: the loader reads the
/// file again and merges, the change is put in words for the flash, the figures and every
/// view's rows are rebuilt, and a frame is drawn.
fn reload_app(c: &mut Criterion) {
    let today = common::today();
    let large = common::large();
    let mut loader = Loader::new(vec![large.status.clone()], Limits::default());
    let mut app = App::new(Data::new(loader.load(today), today));
    app.view = View::Queue;
    let force = [large.file("plan.yaml")].into_iter().collect();
    let area = Rect::new(0, 0, WIDTH, HEIGHT);
    let mut buf = Buffer::empty(area);
    let mut g = c.benchmark_group("reload-app");
    g.sample_size(20);
    g.bench_function("large/plan.yaml", |b| {
        b.iter(|| {
            let snapshot = loader.load_forcing(today, &force);
            let words = changes::describe(app.data.programme(), &snapshot.programme);
            app.set_data(Data::new(snapshot, today));
            buf.reset();
            ui::draw(&app, &Theme::default(), area, &mut buf);
            black_box((&buf, words));
        })
    });
    g.finish();
}

criterion_group!(benches, draw, print, refresh, reload_app);
criterion_main!(benches);
