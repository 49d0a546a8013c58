//! Changes since a day, from the histories and hand-overs, and their sentences.

use super::*;

fn visit(stage: u32, m: u32, d: u32) -> Visit {
    Visit {
        stage: StageId(stage),
        entered: day(m, d),
    }
}

#[test]
fn since_a_day_the_histories_give_the_moves_and_the_records_the_hand_overs() {
    // H1: hull 11-02, paint 11-19 (on the day: counted), accept 11-24.
    let mut h1 = vehicle("H1", 2, None);
    h1.history = vec![visit(0, 11, 2), visit(1, 11, 19), visit(2, 11, 24)].into();
    // H2: entered hull 11-20 (its first visit).
    let mut h2 = vehicle("H2", 0, Some("radio kit"));
    h2.history = vec![visit(0, 11, 20)].into();
    // H3: paint 11-18, the day before: nothing.
    let mut h3 = vehicle("H3", 1, None);
    h3.history = vec![visit(0, 11, 1), visit(1, 11, 18)].into();
    // N1: no history, in paint since 11-21: a move from an unknown stage.
    let mut n1 = vehicle("N1", 1, None);
    n1.since = day(11, 21);
    // N2: no history, since 11-01: nothing.
    let n2 = vehicle("N2", 0, None);
    let mut handed = delivery(day(11, 23), 2, &["D1", "D2"]);
    handed.histories = vec![History {
        serial: "D1".into(),
        // accept 11-10 then rework 11-20 then accept 11-22.
        visits: vec![visit(2, 11, 10), visit(1, 11, 20), visit(2, 11, 22)],
    }]
    .into();
    let old = delivery(day(11, 18), 1, &["D0"]);
    let p = full(vec![h1, h2, h3, n1, n2], vec![old, handed]);
    let s = since(&p, day(11, 19));
    let g = named("grf", "Griffon");
    let (hull, paint, accept) = (
        named("hull", "Hull"),
        named("paint", "Paint"),
        named("accept", "Acceptance"),
    );
    let n = |s: &str| Name::new(s);
    let moved = |serial: &str, from: &Named, to: &Named, on: Date| Change::Moved {
        serial: n(serial),
        variant: g.clone(),
        from: Some(from.clone()),
        to: to.clone(),
        on,
    };
    assert_eq!(
        s.changes,
        [
            moved("H1", &hull, &paint, day(11, 19)),
            Change::Entered {
                serial: n("H2"),
                variant: g.clone(),
                stage: hull.clone(),
                on: day(11, 20),
            },
            moved("D1", &accept, &paint, day(11, 20)),
            Change::Moved {
                serial: n("N1"),
                variant: g.clone(),
                from: None,
                to: paint.clone(),
                on: day(11, 21),
            },
            moved("D1", &paint, &accept, day(11, 22)),
            Change::HandedOver {
                variant: g.clone(),
                date: day(11, 23),
                quantity: 2,
                serials: vec![n("D1"), n("D2")],
            },
            moved("H1", &paint, &accept, day(11, 24)),
        ]
    );
    assert_eq!(
        s.untold,
        [
            "2 of 5 vehicles in assembly keep no stage history: for them only the day each \
             entered its current stage is known (? → stage).",
            "1 vehicle handed over since 2026-11-19 keeps no stage history: its moves before \
             the hand-over are not known.",
            "The files do not date holds: when 1 vehicle on hold now was set, and which holds \
             were lifted, is not known.",
            "The files keep no record of plan or contract changes, nor of vehicles that left \
             assembly without a hand-over: only a running dashboard sees them (its Changes \
             view).",
        ]
    );
    // A day after every record: nothing dated, the same things untold but the hand-over.
    let later = since(&p, day(11, 25));
    assert!(later.changes.is_empty());
    assert_eq!(later.untold.len(), 3);
}

#[test]
fn sentences_name_the_vehicle_the_stages_and_the_figures() {
    let c = Change::Moved {
        serial: Name::new("BE-GRF-0031"),
        variant: named("grf", "Griffon"),
        from: Some(named("hull", "Hull")),
        to: named("paint", "Paint"),
        on: day(11, 20),
    };
    assert_eq!(c.sentence(), "BE-GRF-0031 Hull → Paint");
    assert_eq!(c.kind(), "moved");
    assert_eq!(c.date(), Some(day(11, 20)));
    let h = Change::HandedOver {
        variant: named("grf", "Griffon"),
        date: day(11, 20),
        quantity: 7,
        serials: ["A", "B", "C", "D", "E", "F", "G"].map(Name::new).to_vec(),
    };
    assert_eq!(
        h.sentence(),
        "7 Griffon handed over (A, B, C, D, E and 2 more)"
    );
    let plan = Change::PlanChanged {
        variant: named("grf", "Griffon"),
        year: 2027,
        old: 6,
        new: 8,
    };
    assert_eq!(plan.sentence(), "plan 2027 for Griffon: 6 → 8");
    assert_eq!(plan.date(), None);
}
