//! A small programme with stage histories, built by hand, whose flow figures are worked
//! out by hand in `tests/flow.rs`: three main-line stages and a rework stage, one family;
//! two delivered vehicles with histories (one sent to rework), one delivered without, and
//! three in assembly (two with a history, one without). The day is Wednesday 2026-03-04.
#![allow(dead_code)] // each test file uses a part

use std::sync::Arc;

use fleetdash::domain::{
    Date, Delivery, Family, History, Info, Origin, PlanEntry, Programme, Serial, SiteId, Stage,
    StageId, Variant, VariantId, Vehicle, Visit,
};
use fleetdash::status::{FileHealth, FileState, Snapshot};

pub fn day(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd_opt(y, m, d).expect("a valid date")
}

pub fn today() -> Date {
    day(2026, 3, 4)
}

fn stage(id: &str, name: &str, rework: bool) -> Stage {
    Stage {
        id: id.to_owned(),
        name: name.to_owned(),
        families: Vec::new(),
        rework,
    }
}

/// `(stage, "MM-DD")` visits of 2026.
pub fn visits(v: &[(u32, u32, u32)]) -> Vec<Visit> {
    v.iter()
        .map(|&(s, m, d)| Visit {
            stage: StageId(s),
            entered: day(2026, m, d),
        })
        .collect()
}

pub fn vehicle(serial: &str, history: &[(u32, u32, u32)], now: (u32, Date)) -> Vehicle {
    Vehicle {
        serial: Serial::new(serial),
        variant: VariantId(0),
        stage: StageId(now.0),
        since: now.1,
        due: None,
        site: SiteId(0),
        lot: None,
        hold: None,
        history: visits(history).into(),
        origin: Origin::default(),
    }
}

/// The programme of the module's note.
pub fn programme() -> Programme {
    let mut p = Programme {
        info: Some(Info {
            name: "Flow test".to_owned(),
            customer: None,
            prime: None,
            final_assembler: None,
            first_year: 2026,
            last_year: 2026,
        }),
        families: vec![Family {
            name: "Rover".to_owned(),
        }],
        variants: vec![Variant {
            id: "rv".to_owned(),
            family: fleetdash::domain::FamilyId(0),
            name: "Rover".to_owned(),
            contracted: 20,
            attributes: Vec::new(),
        }],
        stages: vec![
            stage("hull", "Hull", false),
            stage("fit", "Fit-out", false),
            stage("test", "Tests", false),
            stage("fix", "Rework", true),
        ],
        sites: vec!["Plant".to_owned()],
        plan: vec![PlanEntry {
            year: 2026,
            variant: VariantId(0),
            quantity: 20,
        }],
        files: vec!["flow.yaml".to_owned()],
        ..Programme::default()
    };
    p.deliveries = vec![
        Delivery {
            date: day(2026, 2, 2),
            variant: VariantId(0),
            quantity: 2,
            serials: vec![Serial::new("X1"), Serial::new("X2")],
            histories: vec![
                History {
                    serial: Serial::new("X1"),
                    visits: visits(&[(0, 1, 5), (1, 1, 12), (2, 1, 19)]),
                },
                History {
                    serial: Serial::new("X2"),
                    visits: visits(&[(0, 1, 5), (1, 1, 15), (2, 1, 20), (3, 1, 22), (2, 1, 26)]),
                },
            ]
            .into_boxed_slice(),
            origin: Origin::default(),
        },
        Delivery {
            date: day(2026, 2, 16),
            variant: VariantId(0),
            quantity: 1,
            serials: Vec::new(),
            histories: Box::new([]),
            origin: Origin::default(),
        },
    ]
    .into();
    p.queue = vec![
        vehicle("Q1", &[(0, 1, 12), (1, 2, 9)], (1, day(2026, 2, 9))),
        vehicle("Q2", &[], (0, day(2026, 2, 20))),
        vehicle("Q3", &[(0, 2, 23)], (0, day(2026, 2, 23))),
    ]
    .into();
    p
}

/// `p` as a loaded snapshot of one good file.
pub fn snapshot(p: Programme) -> Snapshot {
    Snapshot {
        programme: Arc::new(p),
        problems: Vec::new(),
        files: vec![FileState {
            path: "flow.yaml".into(),
            name: "flow.yaml".to_owned(),
            health: FileHealth::Good,
        }],
        removed: Vec::new(),
        reread: Vec::new(),
        left_out: 0,
    }
}

/// `p` with every history taken away.
pub fn without_histories(mut p: Programme) -> Programme {
    for v in p.queue.iter_mut() {
        v.history = Default::default();
    }
    for d in p.deliveries.iter_mut() {
        d.histories = Box::new([]);
    }
    p
}
