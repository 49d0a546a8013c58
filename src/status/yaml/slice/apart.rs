//! The pieces of a cut file parsed on several threads, and joined into what one thread
//! gives.
//!
//! Each piece (the rest, then every slice of every list, in the order of the text) is
//! parsed in a [`with_serials`] of its own, so into a text of serials and tables of names,
//! listed serials, visits and histories of its own; a piece's plain histories are read by
//! hand, and when that parse fails the piece is read again as written, as [`Cut::parse`]
//! does for the whole file. The thread that asked parses pieces too, and joins them in
//! order as they come: each piece's texts are appended to the file's, and what points
//! into them (the serials of vehicles, deliveries and histories, the deliveries' lists of
//! serials, the runs of visits and of histories) is moved by what came before; the
//! records' names are looked up in the file's table of names, where a name met in an
//! earlier piece already is. The places the plain reader noted of each slice of the queue
//! go along, in order; the others are found later, in the whole text, as for one thread.
//! Any failure (a piece that does not parse, lists that do not add up, a table past 4 G)
//! gives `None`, and the caller parses on one thread, which reports the problem as ever.
//!
//! A helper thread is started for each core the load has spare ([`cores::take_spare`]):
//! one at first, more when a worker of the load finishes its files while this file is
//! still being read. A helper holds one piece's events at a time, as the thread that asked;
//! pieces that finish out of order wait to be joined, a few at most.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;

use super::{Cut, Section};
use crate::status::Limits;
use crate::status::cores::{self, Core};
use crate::status::intern::{self, Lender};
use crate::status::raw::{NameTable, RawFile, RawHistory, RawVisit, SerialRef, with_serials};
use crate::status::yaml::guard;
use crate::status::yaml::plain::Placed;

/// Slices parsed on a helper thread since the process started.
static APART: AtomicUsize = AtomicUsize::new(0);

/// How many pieces of cut files (slices or rests) were parsed on a helper thread, not on
/// the thread that asked for the file, since the process started: for tests, to see
/// that a file was read on more than one thread.
pub fn slices_read_apart() -> usize {
    APART.load(Ordering::Relaxed)
}

/// Runs `f` as a load on `threads` threads reads one file: a cut file parsed in `f` may
/// use `threads` threads (the one that asked, and `threads - 1` helpers); 1 or 0 reads
/// every file on the thread that asks. For tests and benches; the loader gives its own
/// spare cores (`Loader::set_workers`).
pub fn with_threads<R>(threads: usize, f: impl FnOnce() -> R) -> R {
    cores::with_threads(threads, f)
}

/// One piece of a cut file.
#[derive(Debug, Clone, Copy)]
enum Piece<'t> {
    /// The text without the lists' items.
    Rest(&'t str),
    /// Slice `slice` of list `list` of the cut.
    Slice {
        list: usize,
        slice: usize,
        section: Section,
        text: &'t str,
    },
}

/// `cut` parsed on this thread and the spare cores of the load, with what the plain
/// reader noted of each slice of the queue; `None` when the load has no core to spare,
/// or anything fails. A spare core lent out now (to the checks of the file's text) joins
/// the parse as soon as it is given back.
pub(super) fn parse(cut: &Cut) -> Option<(RawFile, Vec<Option<Placed>>)> {
    let mut pieces = vec![Piece::Rest(&cut.rest)];
    for (l, list) in cut.lists.iter().enumerate() {
        pieces.extend(
            list.slices
                .iter()
                .enumerate()
                .map(|(s, text)| Piece::Slice {
                    list: l,
                    slice: s,
                    section: list.section,
                    text,
                }),
        );
    }
    if pieces.len() < 2 {
        return None;
    }
    if !cores::has_spare() {
        return None;
    }
    let first = cores::take_spare();
    intern::lend_on(|lender| on_threads(cut, &pieces, first, lender))
}

/// A piece parsed, with what the plain reader noted of it.
type Read = (RawFile, Option<Placed>);

/// What a helper hands back: the piece's place and its parse.
type Parsed = (usize, Option<Read>);

fn on_threads(
    cut: &Cut,
    pieces: &[Piece],
    first: Option<Core>,
    lender: &Lender,
) -> Option<(RawFile, Vec<Option<Placed>>)> {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let take = || {
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        let i = next.fetch_add(1, Ordering::Relaxed);
        (i < pieces.len()).then_some(i)
    };
    thread::scope(|s| {
        let (tx, rx) = mpsc::channel::<Parsed>();
        let spawn = |core: Core| {
            let (tx, take) = (tx.clone(), &take);
            let started = thread::Builder::new()
                .name("fleetdash-slices".to_owned())
                .stack_size(cores::STACK_BYTES)
                .spawn_scoped(s, move || {
                    let _core = core;
                    lender.run(|| {
                        while let Some(i) = take() {
                            // A panic is a piece that did not parse, not a join that
                            // waits for ever.
                            let parsed =
                                catch_unwind(AssertUnwindSafe(|| piece(&pieces[i], cut.check)))
                                    .ok()
                                    .flatten();
                            APART.fetch_add(1, Ordering::Relaxed);
                            if tx.send((i, parsed)).is_err() {
                                return;
                            }
                        }
                    })
                });
            // A thread that cannot be had gives its core back: this one parses.
            drop(started);
        };
        if let Some(core) = first {
            spawn(core);
        }
        let joined = gather(cut, pieces, &take, &rx, || {
            if next.load(Ordering::Relaxed) < pieces.len()
                && let Some(core) = cores::take_spare()
            {
                spawn(core);
            }
        });
        stop.store(true, Ordering::Relaxed);
        joined
    })
}

/// Parses pieces on this thread and receives the helpers', joining them in order;
/// `more_help` starts a helper when a core has come free.
fn gather(
    cut: &Cut,
    pieces: &[Piece],
    take: &dyn Fn() -> Option<usize>,
    rx: &mpsc::Receiver<Parsed>,
    more_help: impl Fn(),
) -> Option<(RawFile, Vec<Option<Placed>>)> {
    let mut join = Join::default();
    let mut waiting: BTreeMap<usize, Option<Read>> = BTreeMap::new();
    let mut want = 0;
    while want < pieces.len() {
        if let Some(parsed) = waiting.remove(&want) {
            join.push(cut, pieces[want], parsed?)?;
            want += 1;
            continue;
        }
        more_help();
        let (i, parsed) = match take() {
            Some(i) => (i, piece(&pieces[i], cut.check)),
            None => rx.recv().ok()?,
        };
        waiting.insert(i, parsed);
    }
    join.finish()
}

/// One piece parsed in tables of its own, its plain histories read by hand unless that
/// fails; `None` when it does not parse, or holds more than `check` allows.
fn piece(piece: &Piece, check: Option<Limits>) -> Option<Read> {
    let text = match *piece {
        Piece::Rest(text) | Piece::Slice { text, .. } => text,
    };
    if let Some(limits) = check {
        guard::scan(text, limits).ok()?;
    }
    let mut marked = false;
    let mut placed = None;
    match with_serials(|| read(piece, true, &mut marked, &mut placed)) {
        Ok(raw) => Some((raw, placed)),
        Err(()) if marked => with_serials(|| read(piece, false, &mut marked, &mut placed))
            .ok()
            .map(|raw| (raw, placed)),
        Err(()) => None,
    }
}

/// One piece read (see `slice::read`), the places of a slice of the queue in `placed`.
fn read(
    piece: &Piece,
    by_hand: bool,
    marked: &mut bool,
    placed: &mut Option<Placed>,
) -> Result<RawFile, ()> {
    match *piece {
        Piece::Rest(text) => super::read(text, by_hand, marked, None).map(|(raw, _)| raw),
        Piece::Slice { section, text, .. } => {
            let mut raw = RawFile::default();
            let keys = Some(section.keys());
            match section {
                Section::Queue => {
                    let (queue, noted) = super::read(text, by_hand, marked, keys)?;
                    (raw.queue, *placed) = (Some(queue), noted);
                }
                Section::Deliveries => {
                    let (deliveries, noted) = super::read(text, by_hand, marked, keys)?;
                    (raw.deliveries, *placed) = (Some(deliveries), noted);
                }
            }
            Ok(raw)
        }
    }
}

/// The file being joined: the rest's records, then every slice's, and the tables.
#[derive(Default)]
struct Join {
    raw: Option<RawFile>,
    serials: String,
    names: NameTable,
    listed: Vec<SerialRef>,
    visits: Vec<RawVisit>,
    histories: Vec<RawHistory>,
    /// What the plain reader noted of each slice, in the order of the lists.
    placed: Vec<Option<Placed>>,
}

impl Join {
    /// Appends the next piece, `parsed`; `None` when it does not fit.
    fn push(&mut self, cut: &Cut, piece: Piece, (mut parsed, placed): Read) -> Option<()> {
        let (by_serials, by_visits) = (self.serials.len(), self.visits.len());
        let by_histories = self.histories.len();
        self.serials.push_str(&std::mem::take(&mut parsed.serials));
        let names = self.names.remap(&std::mem::take(&mut parsed.names))?;
        let by_listed = self.listed.len();
        for r in std::mem::take(&mut parsed.listed) {
            self.listed.push(r.shifted(by_serials)?);
        }
        self.visits
            .extend(std::mem::take(&mut parsed.visits).into_vec());
        for mut h in std::mem::take(&mut parsed.histories).into_vec() {
            h.serial = h.serial.shifted(by_serials)?;
            h.visits = h.visits.shifted(by_visits)?;
            self.histories.push(h);
        }
        let Piece::Slice { list, slice, .. } = piece else {
            for v in parsed.queue.iter_mut().flatten() {
                v.rename(&names)?;
            }
            for d in parsed.deliveries.iter_mut().flatten() {
                d.rename(&names)?;
            }
            self.raw = Some(parsed);
            return Some(());
        };
        let list = cut.lists.get(list)?;
        let raw = self.raw.as_mut()?;
        self.placed.push(placed);
        let last = slice + 1 == list.slices.len();
        match list.section {
            Section::Queue => {
                let all = open(&mut raw.queue, slice, list.items)?;
                for mut v in parsed.queue? {
                    v.serial = v.serial.shifted(by_serials)?;
                    v.history = v.history.shifted(by_visits)?;
                    v.rename(&names)?;
                    all.push(v);
                }
                (!last || all.len() == list.items).then_some(())
            }
            Section::Deliveries => {
                let all = open(&mut raw.deliveries, slice, list.items)?;
                for mut d in parsed.deliveries? {
                    if let Some(l) = &mut d.serials {
                        *l = l.shifted(by_listed)?;
                    }
                    d.histories = d.histories.shifted(by_histories)?;
                    d.rename(&names)?;
                    all.push(d);
                }
                (!last || all.len() == list.items).then_some(())
            }
        }
    }

    /// The joined file.
    fn finish(self) -> Option<(RawFile, Vec<Option<Placed>>)> {
        let mut raw = self.raw?;
        raw.serials = self.serials.into();
        raw.names = self.names.into_names();
        raw.listed = self.listed.into_boxed_slice();
        raw.visits = self.visits.into_boxed_slice();
        raw.histories = self.histories.into_boxed_slice();
        Some((raw, self.placed))
    }
}

/// The list of a section its first slice opens (empty in the rest, as [`super::fill`]
/// wants it), or that the slices before filled.
fn open<T>(section: &mut Option<Vec<T>>, slice: usize, items: usize) -> Option<&mut Vec<T>> {
    if slice == 0 {
        if section.is_some() {
            return None;
        }
        *section = Some(Vec::with_capacity(items));
    }
    section.as_mut()
}
