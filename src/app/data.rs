//! The loaded data every view reads (the snapshot, its figures and its forecast), and what
//! a view derived from the queue was built from, to keep it across a reload that left the
//! queue as it was.

use std::sync::Arc;
use std::time::SystemTime;

use super::queue::{Index, Widths};
use crate::domain::completeness::Completeness;
use crate::domain::forecast::{self, Forecast};
use crate::domain::{Date, Family, Figures, Programme, Shared, Stage, Variant, Vehicle};
use crate::status::Snapshot;

/// The loaded data every view reads: the last snapshot, its figures and its forecast,
/// computed once per load so that drawing stays cheap.
#[derive(Debug, Clone)]
pub struct Data {
    /// The last load: the programme, the files read and their problems.
    pub snapshot: Snapshot,
    /// The programme's figures as of the day.
    pub figures: Figures,
    /// Where the programme heads at its recent rate.
    pub forecast: Forecast,
    /// What is missing from the data behind the figures: every verdict on screen goes
    /// through it, and `print` exits on it.
    pub completeness: Completeness,
    /// The first problem others follow from, as an index into the snapshot's problems,
    /// and how many follow from it: the headline names it (root cause first).
    pub root_cause: Option<(usize, usize)>,
    /// When the snapshot was loaded, for the status line.
    pub loaded_at: SystemTime,
    /// The queue view's index and column widths of this programme and day, when they
    /// were built with the data ([`Data::with_queue_index`], on the loader's thread), so
    /// that the dashboard's thread does not build them (half a second at a million
    /// vehicles); `None`: the view builds them itself.
    pub(crate) queue_index: Option<(Arc<Index>, Widths)>,
}

impl Data {
    /// The data of `snapshot` as of `today`, forecast over the default window.
    pub fn new(snapshot: Snapshot, today: Date) -> Self {
        Data::with_window(snapshot, today, forecast::DEFAULT_WINDOW_MONTHS)
    }

    /// The data of `snapshot` as of `today`, forecast from the deliveries of the last
    /// `window_months` months (the config's `forecast.window_months`).
    pub fn with_window(snapshot: Snapshot, today: Date, window_months: u32) -> Self {
        let figures = Figures::compute(&snapshot.programme, today);
        let forecast = Forecast::compute(&snapshot.programme, today, window_months);
        let completeness = snapshot.completeness();
        let root_cause = snapshot
            .problems_by_cause()
            .first()
            .filter(|g| !g.follow.is_empty())
            .map(|g| (g.cause, g.follow.len()));
        Data {
            snapshot,
            figures,
            forecast,
            completeness,
            root_cause,
            loaded_at: SystemTime::now(),
            queue_index: None,
        }
    }

    /// The data with the queue view's index and column widths built now, on the caller's
    /// thread: the loader's, off the dashboard's (see [`Data::queue_index`]).
    pub fn with_queue_index(mut self) -> Data {
        let p = self.programme();
        self.queue_index = Some((Arc::new(Index::new(p, self.today())), Widths::measure(p)));
        self
    }

    /// True when the queue view's index came built with the data.
    pub fn has_queue_index(&self) -> bool {
        self.queue_index.is_some()
    }

    /// The programme of the snapshot.
    pub fn programme(&self) -> &Arc<Programme> {
        &self.snapshot.programme
    }

    /// The day the figures are for.
    pub fn today(&self) -> Date {
        self.figures.today
    }
}

/// What a view derived from the queue was built from. A reload that read no queue file
/// shares the previous queue (see [`crate::domain::Shared`]); when the definitions and the
/// day are the same too, a view keeps what it derived (filtered and sorted rows, counts)
/// instead of going over a hundred thousand vehicles again.
#[derive(Debug, Clone)]
pub struct QueueBasis {
    queue: Shared<Vehicle>,
    today: Date,
    variants: Vec<Variant>,
    families: Vec<Family>,
    stages: Vec<Stage>,
    sites: Vec<String>,
}

impl QueueBasis {
    /// The basis of `data`.
    pub fn of(data: &Data) -> QueueBasis {
        let p = data.programme();
        QueueBasis {
            queue: p.queue.clone(),
            today: data.today(),
            variants: p.variants.clone(),
            families: p.families.clone(),
            stages: p.stages.clone(),
            sites: p.sites.clone(),
        }
    }

    /// True when `data` is what this basis was taken from, as far as the queue goes.
    pub fn matches(&self, data: &Data) -> bool {
        let p = data.programme();
        Shared::ptr_eq(&self.queue, &p.queue)
            && self.today == data.today()
            && self.variants == p.variants
            && self.families == p.families
            && self.stages == p.stages
            && self.sites == p.sites
    }
}
