//! The queue's and the deliveries' parts put together for one day: the figures of
//! [`Flow`]. Cheap next to gathering the parts: it goes over weeks, months and days of
//! histograms, never over vehicles.

use super::super::balance::Measured;
use super::super::{Date, FamilyId, Programme, StageId};
use super::little::{self, Window};
use super::parts::{Part, StagePart};
use super::stats::{Hist, Series, days, month, month_start, trend, week, week_start};
use super::{
    Basis, Flow, Rework, Spread, StageFlow, TREND_MONTHS, TREND_WEEKS, Throughput, WINDOW_WEEKS,
};

/// The figures of `p` on `today` from the queue's part `q` and the deliveries' part `d`.
pub fn combine(p: &Programme, today: Date, q: &Part, d: &Part) -> Flow {
    let basis = Basis {
        queue_tracked: q.tracked,
        queue_untracked: q.untracked,
        delivered_tracked: d.tracked,
        delivered_untracked: d.untracked,
    };
    let (tw, tm) = (week(today), month(today));
    let first = first_week(q, d).map(|f| f.min(tw));
    let weeks: Vec<Date> = first.map_or_else(Vec::new, |f| (f..=tw).map(week_start).collect());
    let first_month = first.map(|f| month(week_start(f)));
    let months: Vec<Date> =
        first_month.map_or_else(Vec::new, |f| (f..=tm).map(month_start).collect());
    let span = Span {
        first_week: first.unwrap_or(tw),
        week: tw,
        first_month: first_month.unwrap_or(tm),
        month: tm,
        empty: first.is_none(),
    };
    let stages: Vec<StageFlow> = p
        .stage_ids()
        .map(|s| stage(p, s, today, &span, &basis, q, d))
        .collect();
    let mut lead = d.lead.clone();
    lead.merge(&q.lead);
    let lead_families = d
        .lead_families
        .iter()
        .map(|h| spread(h, h.len() as u32))
        .collect();
    let little = little::rows(p, &stages, &windows(p, &span, q, d));
    let bottleneck = little::bottleneck(&little);
    let handovers = throughput(&d.handovers, &d.handovers_monthly, &span);
    let mut cum = 0u32;
    let delivered_cumulative = handovers
        .weekly
        .iter()
        .map(|&n| {
            cum = cum.saturating_add(n);
            cum
        })
        .collect();
    Flow {
        today,
        basis,
        weeks,
        months,
        stages,
        handovers,
        delivered_cumulative,
        lead: spread(&lead, lead.len() as u32),
        lead_families,
        rework: (d.passed > 0).then_some(Rework {
            passed: d.passed,
            visits: d.rework_visits,
            reworked: d.reworked,
        }),
        little,
        bottleneck,
        measured: measured(p, d),
    }
}

/// The weeks and months the series run over.
struct Span {
    first_week: i32,
    week: i32,
    first_month: i32,
    month: i32,
    /// No stay and no hand-over: every series is empty.
    empty: bool,
}

fn first_week(q: &Part, d: &Part) -> Option<i32> {
    let firsts = [q, d].into_iter().flat_map(|part| {
        part.stages
            .iter()
            .filter_map(|s| s.wip_delta.span())
            .chain(part.handovers.span())
            .map(|(f, _)| f)
    });
    firsts.min()
}

/// `h`'s spread, resting on `vehicles`; `None` when it is empty.
fn spread(h: &Hist, vehicles: u32) -> Option<Spread> {
    Some(Spread {
        median: h.median()?,
        p85: h.p85()?,
        mean: h.mean()?,
        count: h.len(),
        vehicles,
    })
}

fn throughput(weekly: &Series<u32>, monthly: &Series<u32>, span: &Span) -> Throughput {
    if span.empty {
        return Throughput::default();
    }
    let weekly = weekly.window(span.first_week, span.week);
    let monthly = monthly.window(span.first_month, span.month);
    let last = span.week - 1;
    let window: u32 = (last - WINDOW_WEEKS as i32 + 1..=last)
        .map(|w| {
            weekly
                .get((w - span.first_week) as usize)
                .copied()
                .unwrap_or(0)
        })
        .sum();
    Throughput {
        per_week: f64::from(window) / WINDOW_WEEKS as f64,
        weekly_trend: trend(&weekly, TREND_WEEKS),
        monthly_trend: trend(&monthly, TREND_MONTHS),
        weekly,
        monthly,
    }
}

fn stage(
    p: &Programme,
    s: StageId,
    today: Date,
    span: &Span,
    basis: &Basis,
    q: &Part,
    d: &Part,
) -> StageFlow {
    let empty = StagePart::default();
    let qs = q.stages.get(s.0 as usize).unwrap_or(&empty);
    let ds = d.stages.get(s.0 as usize).unwrap_or(&empty);
    let mut stays = qs.stays.clone();
    stays.merge(&ds.stays);
    let (throughput, wip) = if basis.no_history() || span.empty {
        (None, Vec::new())
    } else {
        let mut exits = qs.exits.clone();
        exits.merge(&ds.exits);
        let mut monthly = qs.exits_monthly.clone();
        monthly.merge(&ds.exits_monthly);
        let mut running = 0i64;
        let wip = (span.first_week..=span.week)
            .map(|w| {
                running += i64::from(qs.wip_delta.get(w)) + i64::from(ds.wip_delta.get(w));
                u32::try_from(running).unwrap_or(0)
            })
            .collect();
        (Some(throughput(&exits, &monthly, span)), wip)
    };
    StageFlow {
        stage: s,
        rework: p.stage(s).rework,
        now: qs.now,
        now_tracked: qs.now_tracked,
        oldest_days: qs.oldest_since.map(|since| days(since, today)),
        time: spread(&stays, qs.vehicles + ds.vehicles),
        throughput,
        wip,
    }
}

/// Per stage, the stays that ended in the last [`WINDOW_WEEKS`] complete weeks and their
/// days.
fn windows(p: &Programme, span: &Span, q: &Part, d: &Part) -> Vec<Window> {
    let last = span.week - 1;
    let first = last - WINDOW_WEEKS as i32 + 1;
    p.stage_ids()
        .map(|s| {
            let mut w = Window::default();
            for part in [q, d] {
                if let Some(sp) = part.stages.get(s.0 as usize) {
                    for at in first..=last {
                        w.exits += u64::from(sp.exits.get(at));
                        w.days += sp.exit_days.get(at);
                    }
                }
            }
            w
        })
        .collect()
}

/// The median days from first entering each main-line stage to hand-over, per family,
/// rounded to whole days.
fn measured(p: &Programme, d: &Part) -> Measured {
    let families = p.families.len();
    let mut days = Vec::new();
    for s in p.stage_ids() {
        for f in p.family_ids() {
            let at = s.0 as usize * families + f.0 as usize;
            if let Some(m) = d.to_handover.get(at).and_then(Hist::median) {
                days.push((s, FamilyId(f.0), m.round() as u32));
            }
        }
    }
    Measured { days }
}
