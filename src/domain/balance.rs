//! The Line of Balance: the production programme's own chart, in four parts.
//!
//! 1. The *objective*: planned against delivered cumulative vehicles, month by month.
//! 2. The *production plan*: the control points a vehicle of a family passes (its
//!    main-line stages in flow order, then hand-over) and each one's lead time to
//!    hand-over.
//! 3. The *progress*: per control point, the vehicles that have passed it.
//! 4. The *line*: per control point, the vehicles that must have passed it today for the
//!    plan to be met: the planned cumulative deliveries at today plus the point's lead time.
//!
//! Every planned figure is [`Figures::compute`]'s whole-vehicle plan to date, taken at
//! another day: the hand-over point's line is the plan to date the other views show.
//!
//! **Passing a control point** means entering its stage: a vehicle now in a stage has
//! passed that stage's point and every earlier one; a delivered vehicle has passed all of
//! them. **Rework** is off the main line: a vehicle sent back after a defect found at the
//! last stage of its line (government acceptance) has passed every point *before* that
//! stage but not that stage, since it must be presented again; it counts nowhere else.
//!
//! Lead times are planned (written in the status files) or measured (from stage
//! histories). The status format holds no histories yet, so [`study`] takes the measured
//! ones as an argument ([`Measured`], empty today): the line uses the planned lead time,
//! or the measured one where no plan gives it.

mod objective;

pub use objective::{MAX_YEARS, MonthPoint, objective, objectives};

use super::dates::{add_days, month_and_year};
use super::{Date, FamilyId, Figures, Programme, StageId};

/// The longest planned lead time the status files may give, in days: ten years.
pub const MAX_LEAD_DAYS: u32 = 3650;

/// The planned lead time of one stage: days from entering it to hand-over.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LeadTime {
    /// For every family the stage applies to, unless the family has its own.
    pub all: Option<u32>,
    /// Per family, where it differs.
    pub families: Vec<(FamilyId, u32)>,
}

impl LeadTime {
    /// The lead time for `family`: its own, else the stage's.
    pub fn for_family(&self, family: FamilyId) -> Option<u32> {
        self.families
            .iter()
            .find(|(f, _)| *f == family)
            .map(|&(_, d)| d)
            .or(self.all)
    }
}

/// Lead times measured from stage histories, per stage and family (empty until the status
/// format records histories).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Measured {
    /// Median days from entering the stage to hand-over, per (stage, family).
    pub days: Vec<(StageId, FamilyId, u32)>,
}

impl Measured {
    /// The measured lead time of `stage` for `family`, when there is one.
    pub fn get(&self, stage: StageId, family: FamilyId) -> Option<u32> {
        self.days
            .iter()
            .find(|&&(s, f, _)| s == stage && f == family)
            .map(|&(_, _, d)| d)
    }
}

/// One control point of a family or of the programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// The stage entered at this point; `None` for hand-over.
    pub stage: Option<StageId>,
    /// The planned lead time to hand-over, in days (0 for hand-over; `None` when not
    /// written, or when the families of a programme row differ).
    pub planned_days: Option<u32>,
    /// The measured lead time, when histories give one (same rule).
    pub measured_days: Option<u32>,
    /// Vehicles that have passed the point.
    pub progress: u32,
    /// Vehicles that must have passed it today; `None` without a lead time.
    pub line: Option<u32>,
    /// The day whose planned deliveries the line stands for (today plus the lead time);
    /// `None` without a lead time, or when the families of a programme row differ.
    pub due_by: Option<Date>,
}

impl Point {
    /// Progress less the line: a surplus (positive) or a shortfall (negative), in vehicles.
    pub fn gap(&self) -> Option<i64> {
        self.line.map(|l| i64::from(self.progress) - i64::from(l))
    }

    /// True when fewer vehicles have passed the point than the line needs.
    pub fn is_short(&self) -> bool {
        self.gap().is_some_and(|g| g < 0)
    }
}

/// The control points of one family, or of the whole programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Balance {
    /// The family; `None` for the programme (the sums of its families').
    pub family: Option<FamilyId>,
    /// The control points in flow order, hand-over last.
    pub points: Vec<Point>,
}

impl Balance {
    /// The first point, in flow order, below its line.
    pub fn first_short(&self) -> Option<&Point> {
        self.points.iter().find(|p| p.is_short())
    }
}

/// What the study could not use: the view and the report say so.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Missing {
    /// No plan entry at all: every line is 0.
    pub plan: bool,
    /// Main-line stages without a lead time (planned or measured) for a family they apply
    /// to.
    pub lead_times: Vec<(StageId, FamilyId)>,
    /// No measured lead time at all (the status files hold no stage histories).
    pub histories: bool,
}

/// The whole Line of Balance study for one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Study {
    /// The day of the study.
    pub today: Date,
    /// The programme: per stage, the sums over the families it applies to.
    pub programme: Balance,
    /// Per family, indexed like [`Programme::families`].
    pub families: Vec<Balance>,
    /// What is missing.
    pub missing: Missing,
}

/// The first point out of balance and what it means, in one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The stage (`None`: hand-over itself is short).
    pub stage: Option<StageId>,
    /// The family, when the programme has more than one.
    pub family: Option<FamilyId>,
    /// Vehicles short.
    pub short: u32,
    /// The day of the deliveries that need them.
    pub due_by: Date,
}

impl Study {
    /// The first point out of balance of `scope` (a family, or the programme: the earliest
    /// stage short in any family, the first family on a tie), with its family's due day.
    pub fn warning(&self, scope: Option<FamilyId>) -> Option<Warning> {
        let several = self.families.len() > 1;
        let candidates = self
            .families
            .iter()
            .filter(|b| scope.is_none() || b.family == scope)
            .filter_map(|b| b.first_short().map(|p| (b.family, p)));
        // Hand-over (no stage) sorts after every stage.
        let (family, point) = candidates.min_by_key(|(_, p)| p.stage.map_or(u32::MAX, |s| s.0))?;
        Some(Warning {
            stage: point.stage,
            family: family.filter(|_| several && scope.is_none()),
            short: u32::try_from(-point.gap()?).unwrap_or(u32::MAX),
            due_by: point.due_by?,
        })
    }
}

impl Warning {
    /// `Paint is 9 vehicles short of what the deliveries due by March 2027 need`.
    pub fn sentence(&self, programme: &Programme) -> String {
        let point = self
            .stage
            .map_or("Hand-over", |s| programme.stage(s).name.as_str());
        let family = self
            .family
            .map(|f| format!(" ({})", programme.family(f).name))
            .unwrap_or_default();
        let vehicles = if self.short == 1 {
            "vehicle"
        } else {
            "vehicles"
        };
        format!(
            "{point}{family} is {} {vehicles} short of what the deliveries due by {} need",
            self.short,
            month_and_year(self.due_by)
        )
    }
}

/// The main-line stages of `family`, in flow order.
pub fn control_points(programme: &Programme, family: FamilyId) -> Vec<StageId> {
    programme
        .stage_ids()
        .filter(|&s| {
            let st = programme.stage(s);
            !st.rework && st.applies_to(family)
        })
        .collect()
}

/// The planned lead time of `stage` for `family`, from [`Programme::lead_times`].
pub fn planned_lead(programme: &Programme, stage: StageId, family: FamilyId) -> Option<u32> {
    programme
        .lead_times
        .get(stage.0 as usize)
        .and_then(|l| l.for_family(family))
}

/// The planned cumulative deliveries of `family` (the programme when `None`) by the end
/// of `day`: [`Figures::compute`]'s whole-vehicle plan to date, the same function.
pub fn planned_by(programme: &Programme, family: Option<FamilyId>, day: Date) -> u32 {
    let f = Figures::compute(programme, day);
    let planned = match family {
        Some(fam) => f
            .family_schedules
            .get(fam.0 as usize)
            .map_or(0.0, |s| s.planned_to_date),
        None => f.schedule.planned_to_date,
    };
    planned.round().max(0.0) as u32
}

/// The Line of Balance of `programme` as of the end of `today`; `measured` holds the lead
/// times measured from stage histories (empty when there are none).
pub fn study(programme: &Programme, today: Date, measured: &Measured) -> Study {
    let figures = Figures::compute(programme, today);
    let plans = objective::plan_only(programme);
    // Each family's plan to date, computed once per day asked (families share lead times).
    let mut plan_cache: Vec<(Date, Figures)> = Vec::new();
    let mut plan_at = |family: FamilyId, day: Date| -> u32 {
        let at = match plan_cache.iter().position(|(d, _)| *d == day) {
            Some(i) => i,
            None => {
                plan_cache.push((day, Figures::compute(&plans, day)));
                plan_cache.len() - 1
            }
        };
        plan_cache[at]
            .1
            .family_schedules
            .get(family.0 as usize)
            .map_or(0, |s| s.planned_to_date.round().max(0.0) as u32)
    };
    let mut missing = Missing {
        plan: programme.plan.is_empty(),
        histories: measured.days.is_empty(),
        ..Missing::default()
    };
    let families: Vec<Balance> = programme
        .family_ids()
        .map(|family| {
            let counts = figures.families.get(family.0 as usize);
            let delivered = counts.map_or(0, |c| c.delivered);
            let per_stage = counts.map_or(&[][..], |c| c.per_stage.as_slice());
            let stages = control_points(programme, family);
            let mut points: Vec<Point> = stages
                .iter()
                .map(|&stage| {
                    let planned_days = planned_lead(programme, stage, family);
                    let measured_days = measured.get(stage, family);
                    // A measured lead time stands in for a planned one the files lack.
                    if planned_days.is_none() && measured_days.is_none() {
                        missing.lead_times.push((stage, family));
                    }
                    let lead = planned_days.or(measured_days);
                    let due_by = lead.map(|d| add_days(today, i64::from(d)));
                    Point {
                        stage: Some(stage),
                        planned_days,
                        measured_days,
                        progress: delivered
                            .saturating_add(passed(programme, per_stage, &stages, stage)),
                        line: due_by.map(|d| plan_at(family, d)),
                        due_by,
                    }
                })
                .collect();
            points.push(Point {
                stage: None,
                planned_days: Some(0),
                measured_days: None,
                progress: delivered,
                line: Some(plan_at(family, today)),
                due_by: Some(today),
            });
            Balance {
                family: Some(family),
                points,
            }
        })
        .collect();
    missing.lead_times.sort();
    Study {
        today,
        programme: sum(programme, &families),
        families,
        missing,
    }
}

/// Vehicles of a family in the queue that have passed `point`, one of its main-line
/// `stages`, from its vehicles `per_stage`: those in that stage or a later one, and those
/// in rework when `point` comes before the last stage of the line (see the module's note
/// on rework).
fn passed(programme: &Programme, per_stage: &[u32], stages: &[StageId], point: StageId) -> u32 {
    let last = stages.last().copied();
    let mut n = 0u32;
    for (i, (stage, &count)) in programme.stages.iter().zip(per_stage).enumerate() {
        let counts = if stage.rework {
            last.is_some_and(|last| point < last)
        } else {
            i >= point.0 as usize
        };
        if counts {
            n = n.saturating_add(count);
        }
    }
    n
}

/// The programme's points: every main-line stage of any family, then hand-over, each the
/// sum over the families it applies to; a lead time or a due day only when they agree.
fn sum(programme: &Programme, families: &[Balance]) -> Balance {
    let mut stages: Vec<Option<StageId>> = programme
        .stage_ids()
        .filter(|&s| families.iter().any(|b| has(b, Some(s))))
        .map(Some)
        .collect();
    stages.push(None);
    let points = stages
        .into_iter()
        .map(|stage| {
            let rows: Vec<&Point> = families
                .iter()
                .filter_map(|b| b.points.iter().find(|p| p.stage == stage))
                .collect();
            let line = rows
                .iter()
                .try_fold(0u32, |a, p| p.line.map(|l| a.saturating_add(l)));
            Point {
                stage,
                planned_days: same(rows.iter().map(|p| p.planned_days)),
                measured_days: same(rows.iter().map(|p| p.measured_days)),
                progress: rows.iter().fold(0u32, |a, p| a.saturating_add(p.progress)),
                line,
                due_by: same(rows.iter().map(|p| p.due_by)),
            }
        })
        .collect();
    Balance {
        family: None,
        points,
    }
}

fn has(b: &Balance, stage: Option<StageId>) -> bool {
    b.points.iter().any(|p| p.stage == stage)
}

/// The value every item holds, `None` when they differ or one is missing.
fn same<T: PartialEq + Copy>(mut items: impl Iterator<Item = Option<T>>) -> Option<T> {
    let first = items.next()??;
    items.all(|x| x == Some(first)).then_some(first)
}
