//! The loaded data every view reads (the snapshot, its figures and its forecast), and what
//! a view derived from the queue was built from, to keep it across a reload that left the
//! queue as it was.

use std::sync::Arc;
use std::time::SystemTime;

use super::queue::{Index, Previous, Widths};
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
    /// thread: the loader's, off the dashboard's (see [`Data::queue_index`]). The runs of
    /// the queue that `last` indexed unchanged are taken from it ([`Index::renew`]).
    pub fn with_queue_index(mut self, last: Option<&LastIndex>) -> Data {
        self.queue_index = Some(queue_index(self.programme(), self.today(), last));
        self
    }

    /// [`Data::with_window`] and [`Data::with_queue_index`] at once: the index built on a
    /// second thread while this one works out the figures (on one thread when none can
    /// be started).
    pub fn with_window_and_index(
        snapshot: Snapshot,
        today: Date,
        window_months: u32,
        last: Option<&LastIndex>,
    ) -> Data {
        let programme = Arc::clone(&snapshot.programme);
        let build = || queue_index(&programme, today, last);
        std::thread::scope(|scope| {
            let job = std::thread::Builder::new()
                .name("fleetdash-index".into())
                .spawn_scoped(scope, build);
            let mut data = Data::with_window(snapshot, today, window_months);
            let built = job.ok().and_then(|job| job.join().ok());
            data.queue_index = Some(built.unwrap_or_else(build));
            data
        })
    }

    /// The queue view's index of this data with what it was built from, for the next
    /// load's [`Data::with_queue_index`]; `None` when the data came without one.
    pub fn last_index(&self) -> Option<LastIndex> {
        let (index, _) = self.queue_index.as_ref()?;
        let p = self.programme();
        Some(LastIndex {
            queue: p.queue.clone(),
            sites: p.sites.clone(),
            index: Arc::clone(index),
        })
    }

    /// The queue view's index when it came built with the data (see
    /// [`Data::with_queue_index`]).
    pub fn queue_index(&self) -> Option<&Index> {
        self.queue_index.as_ref().map(|(index, _)| &**index)
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

/// The queue view's index of `p` as of `today` and its column widths, built from `last`'s
/// unchanged runs where it can.
fn queue_index(p: &Programme, today: Date, last: Option<&LastIndex>) -> (Arc<Index>, Widths) {
    let previous = last.map(|l| Previous {
        queue: &l.queue,
        sites: &l.sites,
        index: &l.index,
    });
    let index = Index::renew(p, today, previous);
    let widths = Widths::of(p, &index);
    (Arc::new(index), widths)
}

/// A queue view's index with the queue and sites it was built from: what the loader
/// thread keeps of the last load so that the next one's index reuses the runs of the
/// queue (one per file) it holds again unchanged. It shares the load's queue and index,
/// so it costs the sites' names only.
#[derive(Debug, Clone)]
pub struct LastIndex {
    queue: Shared<Vehicle>,
    sites: Vec<String>,
    index: Arc<Index>,
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
