//! The report's figures as tables, shared by the Markdown and CSV writers.

pub(super) use super::cell::{Cell, Column, Table, col};
use super::{CountsFields, Report, Section};
use crate::domain::completeness::Gap;
use crate::domain::words::capitalize;

/// The label of the programme's row in the families, forecast and outlook tables.
const TOTAL: &str = "Total";

/// The sentence a section with against-plan columns (variants, families) carries when the
/// set has no plan, in the words of [`Gap::NoPlan`]; `None` for the other sections or with
/// a plan.
pub(super) fn no_plan_note(r: &Report, section: Section) -> Option<String> {
    let has_plan_columns = matches!(section, Section::Variants | Section::Families);
    (has_plan_columns && r.schedule.lead.is_none()).then(|| {
        format!(
            "{}. Planned to date and Against plan are left empty.",
            capitalize(&Gap::NoPlan.words())
        )
    })
}

/// The completeness in one line, as the report's head gives it: `complete`,
/// `INCOMPLETE: what is missing` or `NO DATA: what is missing` (plain text).
pub(super) fn figures_words(r: &Report) -> String {
    let c = &r.completeness;
    match c.state {
        "complete" => "complete".to_owned(),
        "no_data" => format!("NO DATA: {}", c.missing.join("; ")),
        _ => format!("INCOMPLETE: {}", c.missing.join("; ")),
    }
}

/// The table of `section`.
pub(super) fn table(r: &Report, section: Section) -> Table {
    match section {
        Section::Balance => super::balance::table(&r.balance),
        Section::Changes => super::changes::table(&r.changes),
        Section::Trend => super::trend::table(&r.trend),
        Section::Flow => super::flow::table(&r.flow),
        Section::Variants => counts_table(
            r,
            vec![
                col("family", "Family", false),
                col("variant", "Variant", false),
                col("name", "Name", false),
            ],
            r.variants
                .iter()
                .map(|v| {
                    (
                        vec![
                            Cell::text(&v.family),
                            Cell::text(&v.id),
                            Cell::text(&v.name),
                        ],
                        &v.counts,
                    )
                })
                .collect(),
            false,
        ),
        // One row per attribute, so that a value is one cell whatever the variants write.
        Section::Attributes => Table {
            columns: vec![
                col("variant", "Variant", false),
                col("name", "Name", false),
                col("attribute", "Attribute", false),
                col("value", "Value", false),
            ],
            rows: r
                .variants
                .iter()
                .flat_map(|v| {
                    v.attributes
                        .iter()
                        .map(|a| [&v.id, &v.name, &a.name, &a.value].map(Cell::text).to_vec())
                })
                .collect(),
            totals: Vec::new(),
        },
        Section::Families => counts_table(
            r,
            vec![col("family", "Family", false)],
            r.families
                .iter()
                .map(|f| (vec![Cell::text(&f.family)], &f.counts))
                .chain([(vec![Cell::text(TOTAL)], &r.total)])
                .collect(),
            true,
        ),
        Section::Queue => Table {
            columns: vec![
                col("stage", "Stage", false),
                col("name", "Name", false),
                col("rework", "Rework", false),
                col("vehicles", "Vehicles", true),
                col("on_hold", "On hold", true),
                col("overdue", "Overdue", true),
                col("median_days", "Median days", true),
                col("longest_days", "Longest days", true),
                col("bottleneck", "Bottleneck", false),
            ],
            rows: r
                .queue
                .stages
                .iter()
                .map(|s| {
                    vec![
                        Cell::text(&s.stage),
                        Cell::text(&s.name),
                        Cell::Bool(s.rework),
                        Cell::Int(s.vehicles.into()),
                        Cell::Int(s.on_hold.into()),
                        Cell::Int(s.overdue.into()),
                        s.median_days.map_or(Cell::Empty, |m| Cell::Num(m, 1)),
                        Cell::opt_int(s.longest_days),
                        Cell::Bool(r.queue.bottleneck.as_ref() == Some(&s.stage)),
                    ]
                })
                .collect(),
            totals: Vec::new(),
        },
        Section::Completeness => Table {
            columns: vec![
                col("state", "State", false),
                col("missing", "Missing", false),
            ],
            rows: if r.completeness.missing.is_empty() {
                vec![vec![Cell::text(r.completeness.state), Cell::Empty]]
            } else {
                r.completeness
                    .missing
                    .iter()
                    .map(|m| vec![Cell::text(r.completeness.state), Cell::text(m)])
                    .collect()
            },
            totals: Vec::new(),
        },
        Section::Holds => Table {
            columns: vec![
                col("reason", "Reason", false),
                col("vehicles", "Vehicles", true),
                col("stages", "Stages", false),
                col("longest_days", "Longest days", true),
                col("median_days", "Median days", true),
            ],
            rows: r
                .queue
                .holds
                .iter()
                .map(|h| {
                    vec![
                        Cell::text(&h.reason),
                        Cell::Int(h.vehicles.into()),
                        Cell::text(h.stages.join(" ")),
                        Cell::Int(h.longest_days),
                        Cell::Num(h.median_days, 1),
                    ]
                })
                .collect(),
            totals: Vec::new(),
        },
        Section::Years => Table {
            columns: vec![
                col("year", "Year", false),
                col("planned", "Planned", true),
                col("delivered", "Delivered", true),
                col("cum_planned", "Cumulative planned", true),
                col("cum_delivered", "Cumulative delivered", true),
                col("planned_to_date", "Planned to date", true),
            ],
            rows: r
                .years
                .iter()
                .map(|y| {
                    vec![
                        Cell::Int(y.year.into()),
                        Cell::Int(y.planned.into()),
                        Cell::Int(y.delivered.into()),
                        Cell::Int(y.cum_planned.into()),
                        Cell::Int(y.cum_delivered.into()),
                        Cell::opt_int(y.planned_to_date),
                    ]
                })
                .collect(),
            totals: Vec::new(),
        },
        Section::Forecast => {
            let outlooks = r.forecast.families.iter().map(|o| (o.name.as_str(), o));
            let rows: Vec<Vec<Cell>> = outlooks
                .chain([(TOTAL, &r.forecast.programme)])
                .map(|(name, o)| {
                    vec![
                        Cell::text(name),
                        Cell::Int(o.contracted.into()),
                        Cell::Int(o.delivered.into()),
                        Cell::Int(o.remaining.into()),
                        Cell::text(&o.window.first_day),
                        Cell::Int(o.window.days.into()),
                        Cell::Int(o.window.delivered.into()),
                        Cell::Num(o.window.counted, 2),
                        Cell::Int(o.window.hand_overs.into()),
                        Cell::Num(o.rate_per_month, 2),
                        Cell::opt_text(o.last_delivery.as_deref()),
                        Cell::text(o.finish.status),
                        Cell::opt_text(o.finish.date.as_deref()),
                        Cell::Num(o.finish_rate_per_month, 2),
                        Cell::opt_text(o.finish_rests_on.as_deref()),
                        Cell::opt_text(o.low_confidence.as_deref()),
                        Cell::opt_int(o.planned_finish_year),
                        o.slip_months.map_or(Cell::Empty, Cell::Signed),
                        o.years_late.map_or(Cell::Empty, |n| Cell::Signed(n.into())),
                        o.needed_per_month.map_or(Cell::Empty, |x| Cell::Num(x, 2)),
                    ]
                })
                .collect();
            Table {
                columns: vec![
                    col("family", "Family", false),
                    col("contracted", "Contracted", true),
                    col("delivered", "Delivered", true),
                    col("remaining", "Remaining", true),
                    col("window_from", "Window from", false),
                    col("window_days", "Days", true),
                    col("delivered_in_window", "In window", true),
                    col("counted_in_window", "Counted", true),
                    col("hand_overs", "Hand-overs", true),
                    col("rate_per_month", "Per month", true),
                    col("last_delivery", "Last delivery", false),
                    col("finish", "Finish", false),
                    col("finish_date", "Finish date", false),
                    col("finish_rate_per_month", "Finish at, per month", true),
                    col("finish_rests_on", "Finish rests on", false),
                    col("low_confidence", "Low confidence", false),
                    col("planned_finish_year", "Planned finish", true),
                    col("slip_months", "Months late", true),
                    col("years_late", "Years late", true),
                    col("needed_per_month", "Needed per month", true),
                ],
                totals: vec![rows.len() - 1],
                rows,
            }
        }
        Section::Outlook => {
            let mut rows = Vec::new();
            let mut totals = Vec::new();
            let outlooks = r
                .forecast
                .families
                .iter()
                .map(|o| (o.name.as_str(), o, false));
            for (name, o, total) in outlooks.chain([(TOTAL, &r.forecast.programme, true)]) {
                for y in &o.years {
                    if total {
                        totals.push(rows.len());
                    }
                    rows.push(vec![
                        Cell::text(name),
                        Cell::Int(y.year.into()),
                        Cell::Int(y.planned.into()),
                        Cell::Int(y.delivered.into()),
                        Cell::Int(y.projected.into()),
                        Cell::Signed(y.difference),
                        Cell::Int(y.cum_planned.into()),
                        Cell::Int(y.cum_projected.into()),
                        Cell::Signed(y.position),
                    ]);
                }
            }
            Table {
                columns: vec![
                    col("family", "Family", false),
                    col("year", "Year", false),
                    col("planned", "Planned", true),
                    col("delivered", "Delivered so far", true),
                    col("projected", "Projected", true),
                    col("difference", "Difference", true),
                    col("cum_planned", "Cumulative planned", true),
                    col("cum_projected", "Cumulative projected", true),
                    col("position", "Against plan", true),
                ],
                rows,
                totals,
            }
        }
        Section::Problems => Table {
            columns: vec![
                col("severity", "Severity", false),
                col("file", "File", false),
                col("line", "Line", true),
                col("column", "Column", true),
                col("message", "Message", false),
            ],
            rows: r
                .problems
                .iter()
                .map(|p| {
                    vec![
                        Cell::text(p.severity),
                        Cell::text(p.file.as_deref().unwrap_or("(status set)")),
                        Cell::opt_int(p.line),
                        Cell::opt_int(p.column),
                        Cell::text(&p.message),
                    ]
                })
                .collect(),
            totals: Vec::new(),
        },
    }
}

/// A table of counts: the `head` columns, then the counts with one column per stage.
fn counts_table(
    r: &Report,
    head: Vec<Column>,
    rows: Vec<(Vec<Cell>, &CountsFields)>,
    last_is_total: bool,
) -> Table {
    let mut columns = head;
    columns.push(col("contracted", "Contracted", true));
    columns.push(col("delivered", "Delivered", true));
    for s in &r.stages {
        columns.push(col(&format!("stage:{}", s.id), &s.id, true));
    }
    for (key, title) in [
        ("in_assembly", "In assembly"),
        ("not_started", "Not started"),
        ("on_hold", "On hold"),
        ("overdue", "Overdue"),
        ("percent_delivered", "% delivered"),
        ("planned_to_date", "Planned to date"),
        ("lead", "Against plan"),
    ] {
        columns.push(col(key, title, true));
    }
    let n = rows.len();
    let rows = rows
        .into_iter()
        .map(|(mut cells, c)| {
            cells.push(Cell::Int(c.contracted.into()));
            cells.push(Cell::Int(c.delivered.into()));
            cells.extend(c.per_stage.iter().map(|s| Cell::Int(s.vehicles.into())));
            cells.push(Cell::Int(c.in_assembly.into()));
            cells.push(Cell::Int(c.not_started.into()));
            cells.push(Cell::Int(c.on_hold.into()));
            cells.push(Cell::Int(c.overdue.into()));
            cells.push(Cell::Num(c.percent_delivered, 1));
            cells.push(Cell::opt_int(c.planned_to_date));
            cells.push(c.lead.map_or(Cell::Empty, Cell::Signed));
            cells
        })
        .collect();
    Table {
        columns,
        rows,
        totals: if last_is_total && n > 0 {
            vec![n - 1]
        } else {
            Vec::new()
        },
    }
}
