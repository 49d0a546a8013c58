//! The forecast-trend charts (`ui::widgets::trend`) drawn from a small hand-built programme.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed test may panic

use fleetdash::domain::forecast::Trend;
use fleetdash::domain::{
    Date, Delivery, Family, FamilyId, Info, Origin, PlanEntry, Programme, Variant, VariantId,
};
use fleetdash::ui::Theme;
use fleetdash::ui::widgets::trend::{milestones, rates};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

/// Griffon: 24 on contract, all planned in 2026; 2 on 10 Feb, 10 Mar and 10 Apr, 8 on
/// 10 Jul. Jaguar: 4 planned in 2027, none delivered. The trend as of 2026-08-15 with a
/// 120-month window (its figures are worked out in `src/domain/forecast/trend/tests.rs`):
/// no finish on 31 Jan; then Feb 2027, Dec 2026, Dec 2026, Apr 2027, Aug 2027 (low
/// confidence, fewer than 4 hand-overs), then Dec 2026 twice.
fn trend() -> Trend {
    let names = [("Griffon", 24), ("Jaguar", 4)];
    let mut p = Programme {
        info: Some(Info {
            name: "Test".into(),
            first_year: 2026,
            last_year: 2027,
            ..Info::default()
        }),
        families: names
            .iter()
            .map(|(n, _)| Family { name: (*n).into() })
            .collect(),
        variants: names
            .iter()
            .enumerate()
            .map(|(i, (n, c))| Variant {
                id: n.to_lowercase(),
                family: FamilyId(i as u32),
                name: (*n).into(),
                contracted: *c,
                attributes: Vec::new(),
            })
            .collect(),
        ..Programme::default()
    };
    for (variant, year, quantity) in [(0, 2026, 24), (1, 2027, 4)] {
        p.plan.push(PlanEntry {
            year,
            variant: VariantId(variant),
            quantity,
        });
    }
    for (date, quantity) in [
        ("2026-02-10", 2),
        ("2026-03-10", 2),
        ("2026-04-10", 2),
        ("2026-07-10", 8),
    ] {
        p.deliveries.push(Delivery {
            date: day(date),
            variant: VariantId(0),
            quantity,
            serials: Vec::new(),
            histories: Box::default(),
            origin: Origin::default(),
        });
    }
    Trend::compute(&p, day("2026-08-15"), 120)
}

fn text(buf: &Buffer) -> String {
    let width = usize::from(buf.area.width);
    buf.content()
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn draw(f: impl Fn(Rect, &mut Buffer), width: u16, height: u16) -> String {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    f(area, &mut buf);
    text(&buf)
}

#[test]
fn milestone_chart_marks_each_month_end_and_the_plan_end() {
    let t = trend();
    let screen = draw(|a, b| milestones(&t, &Theme::default(), a, b), 60, 14);
    insta::assert_snapshot!(screen);
    let rows: Vec<&str> = screen.lines().collect();
    // The plot: the rows between the title and the x axis, right of the y axis.
    let plot: String = rows[1..rows.len() - 3]
        .iter()
        .map(|r| r.chars().skip(8).collect::<String>())
        .collect();
    let count = |c: char| plot.chars().filter(|&x| x == c).count();
    // Seven month-ends projected: five of low confidence (g: fewer than 4 hand-overs),
    // then 31 July and today (G).
    assert_eq!(count('g'), 5, "{screen}");
    assert_eq!(count('G'), 2, "{screen}");
    // The Jaguar has no finish to draw: only its legend and its planned end.
    assert!(rows[0].contains("J Jaguar"), "{}", rows[0]);
    assert_eq!(count('j') + count('J'), 0);
    // The y axis runs over whole years, 2026 to 2028.
    assert!(screen.contains("2028"), "{screen}");
    assert!(screen.contains("2026"), "{screen}");
    assert!(
        screen.contains("Jan 2026") && screen.contains("Aug 2026"),
        "{screen}"
    );
}

#[test]
fn milestone_chart_points_rise_with_the_slip() {
    let t = trend();
    let screen = draw(|a, b| milestones(&t, &Theme::default(), a, b), 60, 14);
    // Row of each point's mark: a later finish is drawn higher (a smaller row).
    let row_of = |col_from: usize, c: char| {
        screen
            .lines()
            .enumerate()
            .skip(1)
            .find(|(_, l)| l.chars().skip(col_from).any(|x| x == c))
            .map(|(r, _)| r)
            .unwrap()
    };
    let g_rows: Vec<usize> = screen
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| l.contains('g'))
        .map(|(r, _)| r)
        .collect();
    // The 30 June point (Aug 2027, 8 months late) is the highest of the low-confidence
    // ones; 31 July's recovery (Dec 2026) lower.
    let highest_g = *g_rows.iter().min().unwrap();
    let g_recovered = row_of(0, 'G');
    assert!(highest_g < g_recovered, "{screen}");
}

#[test]
fn rate_chart_sets_the_needed_rate_against_each_month() {
    let t = trend();
    let screen = draw(
        |a, b| rates(&t.families[0], &Theme::default(), a, b),
        60,
        12,
    );
    insta::assert_snapshot!(screen);
    let rows: Vec<&str> = screen.lines().collect();
    assert!(rows[0].contains("needed"), "{}", rows[0]);
    // The biggest month is July's 8; the needed rate (at most 2.98 a month) and the
    // forecast's rates stay under it: the axis tops at 8 × 1.05 = 8.4, labelled 8.
    assert!(
        screen.contains("│8") || screen.contains("8 │") || screen.contains("8│"),
        "{screen}"
    );
    assert!(!screen.contains('≥'), "{screen}");
}

#[test]
fn an_empty_area_or_trend_draws_nothing() {
    let t = trend();
    let mut buf = Buffer::empty(Rect::new(0, 0, 10, 3));
    milestones(&t, &Theme::default(), Rect::new(0, 0, 0, 0), &mut buf);
    rates(
        &t.programme,
        &Theme::default(),
        Rect::new(0, 0, 0, 0),
        &mut buf,
    );
    assert_eq!(text(&buf).trim(), "");
}
