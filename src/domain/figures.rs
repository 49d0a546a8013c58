//! The figures every view shows, computed from a [`Programme`] for one day.
//!
//! The plan to date counts whole vehicles: each variant's plan for a year is spread evenly
//! over the year's days, and of `n` vehicles planned, the `k`-th is due once `k / n` of the
//! year has passed (12 a year: one by the end of each twelfth of the year). A variant's plan
//! to date is therefore `floor(n × day of the year / days in the year)`, and a family's, a
//! year's and the programme's are the sums of their variants': every row adds up to its
//! total, and the screen and the reports show the same whole numbers.

use chrono::Datelike;

use super::dates::days_in_year;
pub use super::dates::year_fraction;
use super::{Date, Programme};

/// Vehicle counts for a variant, a family or the whole programme.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts {
    /// Vehicles on contract.
    pub contracted: u32,
    /// Handed over on or before the day of the figures.
    pub delivered: u32,
    /// In final assembly, per stage (indexed like [`Programme::stages`]).
    pub per_stage: Vec<u32>,
    /// In the queue with a hold.
    pub on_hold: u32,
    /// In the queue past their due date.
    pub overdue: u32,
}

impl Counts {
    fn new(contracted: u32, stages: usize) -> Self {
        Counts {
            contracted,
            per_stage: vec![0; stages],
            ..Counts::default()
        }
    }

    /// Vehicles in final assembly, every stage.
    pub fn in_assembly(&self) -> u32 {
        self.per_stage.iter().sum()
    }

    /// Contracted vehicles neither delivered nor in assembly (never negative: a count
    /// above the contract is reported as a problem by the loader).
    pub fn not_started(&self) -> u32 {
        self.contracted
            .saturating_sub(self.delivered)
            .saturating_sub(self.in_assembly())
    }

    /// Delivered as a percentage of contracted, 0 when nothing is contracted.
    pub fn percent_delivered(&self) -> f64 {
        if self.contracted == 0 {
            0.0
        } else {
            100.0 * f64::from(self.delivered) / f64::from(self.contracted)
        }
    }

    fn add(&mut self, other: &Counts) {
        self.contracted += other.contracted;
        self.delivered += other.delivered;
        self.on_hold += other.on_hold;
        self.overdue += other.overdue;
        for (a, b) in self.per_stage.iter_mut().zip(&other.per_stage) {
            *a += b;
        }
    }
}

/// Plan against actual for one delivery year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct YearFigures {
    /// The year.
    pub year: i32,
    /// Vehicles planned that year.
    pub planned: u32,
    /// Vehicles handed over that year, up to the day of the figures.
    pub delivered: u32,
    /// Planned up to the end of that year.
    pub cum_planned: u32,
    /// Delivered up to the end of that year.
    pub cum_delivered: u32,
    /// For the current year only: the vehicles of the year's plan due by the day of the
    /// figures (a whole number, the sum of [`YearFigures::planned_to_date_by_variant`]).
    pub planned_to_date: Option<f64>,
    /// Planned and delivered per variant (indexed like [`Programme::variants`]).
    pub by_variant: Vec<(u32, u32)>,
    /// Per variant, the vehicles of the year's plan due by the day of the figures: all of
    /// a past year's, none of a future year's, the current year's by [`planned_by`].
    pub planned_to_date_by_variant: Vec<u32>,
    /// The same per family (indexed like [`Programme::families`]): the sums of its
    /// variants'.
    pub planned_to_date_by_family: Vec<u32>,
}

/// Where the programme stands against its plan on the day of the figures.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Schedule {
    /// The cumulative plan up to the day: past years whole, the current year's vehicles due
    /// by the day (see the module's note). Always a whole number.
    pub planned_to_date: f64,
    /// Delivered up to the day.
    pub delivered_to_date: u32,
}

impl Schedule {
    /// Vehicles ahead of the plan (negative: behind), rounded to whole vehicles.
    pub fn lead(&self) -> i64 {
        (f64::from(self.delivered_to_date) - self.planned_to_date).round() as i64
    }

    fn add(&mut self, other: &Schedule) {
        self.planned_to_date += other.planned_to_date;
        self.delivered_to_date = self
            .delivered_to_date
            .saturating_add(other.delivered_to_date);
    }
}

/// Everything the views show, for one day.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// The day the figures are for.
    pub today: Date,
    /// Per variant, indexed like [`Programme::variants`].
    pub variants: Vec<Counts>,
    /// Per family, indexed like [`Programme::families`].
    pub families: Vec<Counts>,
    /// The whole programme.
    pub total: Counts,
    /// One entry per year of [`Programme::years`], in order.
    pub years: Vec<YearFigures>,
    /// The programme against its plan: the sum of the families'.
    pub schedule: Schedule,
    /// Each variant against its plan (indexed like [`Programme::variants`]).
    pub variant_schedules: Vec<Schedule>,
    /// Each family against its plan (indexed like [`Programme::families`]): the sums of
    /// its variants'.
    pub family_schedules: Vec<Schedule>,
}

impl Figures {
    /// The figures of `programme` as of the end of `today`.
    pub fn compute(programme: &Programme, today: Date) -> Figures {
        let stages = programme.stages.len();
        let mut variants: Vec<Counts> = programme
            .variants
            .iter()
            .map(|v| Counts::new(v.contracted, stages))
            .collect();

        for d in programme.deliveries.iter().filter(|d| d.date <= today) {
            let c = &mut variants[d.variant.0 as usize];
            c.delivered = c.delivered.saturating_add(d.quantity);
        }
        for v in &programme.queue {
            let c = &mut variants[v.variant.0 as usize];
            c.per_stage[v.stage.0 as usize] += 1;
            c.on_hold += u32::from(v.is_on_hold());
            c.overdue += u32::from(v.is_overdue(today));
        }

        let mut families = vec![Counts::new(0, stages); programme.families.len()];
        let mut total = Counts::new(0, stages);
        for (variant, counts) in programme.variants.iter().zip(&variants) {
            families[variant.family.0 as usize].add(counts);
            total.add(counts);
        }

        let years = year_figures(programme, today);
        let variant_schedules: Vec<Schedule> = (0..programme.variants.len())
            .map(|v| Schedule {
                planned_to_date: f64::from(
                    years
                        .iter()
                        .filter_map(|y| y.planned_to_date_by_variant.get(v))
                        .fold(0u32, |a, &n| a.saturating_add(n)),
                ),
                delivered_to_date: variants[v].delivered,
            })
            .collect();
        let mut family_schedules = vec![Schedule::default(); programme.families.len()];
        let mut schedule = Schedule::default();
        for (variant, s) in programme.variants.iter().zip(&variant_schedules) {
            if let Some(f) = family_schedules.get_mut(variant.family.0 as usize) {
                f.add(s);
            }
            schedule.add(s);
        }
        Figures {
            today,
            variants,
            families,
            total,
            years,
            schedule,
            variant_schedules,
            family_schedules,
        }
    }

    /// The figures of the current year, when it is one of the programme's years.
    pub fn current_year(&self) -> Option<&YearFigures> {
        self.years.iter().find(|y| y.year == self.today.year())
    }
}

fn year_figures(programme: &Programme, today: Date) -> Vec<YearFigures> {
    let range = programme.years();
    let first = *range.start();
    let n_variants = programme.variants.len();
    let mut years: Vec<YearFigures> = range
        .map(|year| YearFigures {
            year,
            by_variant: vec![(0, 0); n_variants],
            planned_to_date_by_variant: vec![0; n_variants],
            planned_to_date_by_family: vec![0; programme.families.len()],
            ..YearFigures::default()
        })
        .collect();
    let index = |year: i32| usize::try_from(year - first).ok();

    for p in &programme.plan {
        if let Some(y) = index(p.year).and_then(|i| years.get_mut(i)) {
            y.planned = y.planned.saturating_add(p.quantity);
            let slot = &mut y.by_variant[p.variant.0 as usize].0;
            *slot = slot.saturating_add(p.quantity);
        }
    }
    for d in programme.deliveries.iter().filter(|d| d.date <= today) {
        if let Some(y) = index(d.date.year()).and_then(|i| years.get_mut(i)) {
            y.delivered = y.delivered.saturating_add(d.quantity);
            let slot = &mut y.by_variant[d.variant.0 as usize].1;
            *slot = slot.saturating_add(d.quantity);
        }
    }

    let (mut cum_planned, mut cum_delivered) = (0u32, 0u32);
    for y in &mut years {
        cum_planned = cum_planned.saturating_add(y.planned);
        cum_delivered = cum_delivered.saturating_add(y.delivered);
        y.cum_planned = cum_planned;
        y.cum_delivered = cum_delivered;
        let mut year_to_date = 0u32;
        for (v, variant) in programme.variants.iter().enumerate() {
            let planned = y.by_variant[v].0;
            let due = match y.year.cmp(&today.year()) {
                std::cmp::Ordering::Less => planned,
                std::cmp::Ordering::Equal => planned_by(planned, today),
                std::cmp::Ordering::Greater => 0,
            };
            y.planned_to_date_by_variant[v] = due;
            if let Some(slot) = y
                .planned_to_date_by_family
                .get_mut(variant.family.0 as usize)
            {
                *slot = slot.saturating_add(due);
            }
            year_to_date = year_to_date.saturating_add(due);
        }
        if y.year == today.year() {
            y.planned_to_date = Some(f64::from(year_to_date));
        }
    }
    years
}

/// How the plan to date is counted, in words a view can show beside the figure.
pub const PLAN_TO_DATE_RULE: &str = "plan to date: each variant's year spread evenly, a \
     vehicle due once its share of the year has passed";

/// The vehicles of a year's plan of `quantity` due by the end of `day`, a day of that year:
/// the `k`-th of `quantity` is due once `k / quantity` of the year has passed, so
/// `floor(quantity × day of the year / days in the year)`; all of them on 31 December.
pub fn planned_by(quantity: u32, day: Date) -> u32 {
    let due = u64::from(quantity) * u64::from(day.ordinal()) / u64::from(days_in_year(day.year()));
    u32::try_from(due).unwrap_or(quantity)
}
