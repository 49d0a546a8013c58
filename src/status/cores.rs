//! The cores a load leaves spare, lent to the parse of one large file: a core no worker
//! of [`super::workers`] uses (fewer files than workers) is taken by
//! `status::yaml::slice` to read a file's slices on more than one thread, and by the
//! checks of a file's text beside its parse (`status::read`), which give it back to the
//! slices when they are done.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A worker's stack: the main thread's usual size, as the parse ran there before.
pub(super) const STACK_BYTES: usize = 8 * 1024 * 1024;

/// The cores of a load that no worker uses now (see [`super::workers`]), and how many
/// it has spare in all (some may be lent out now).
#[derive(Debug)]
pub(super) struct Spare(AtomicUsize, usize);

impl Spare {
    /// `n` cores spare.
    pub(super) fn new(n: usize) -> Spare {
        Spare(AtomicUsize::new(n), n)
    }
}

/// A spare core taken: given back when dropped.
#[derive(Debug)]
pub(super) struct Core(pub(super) Arc<Spare>);

impl Drop for Core {
    fn drop(&mut self) {
        self.0.0.fetch_add(1, Ordering::AcqRel);
    }
}

thread_local! {
    /// The spare cores of the load this thread reads a file for.
    static SPARE: RefCell<Option<Arc<Spare>>> = const { RefCell::new(None) };
}

/// Runs `f` with `spare` as the spare cores of this thread's parses.
pub(super) fn with_spare<R>(spare: &Arc<Spare>, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Arc<Spare>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let outer = self.0.take();
            SPARE.with(|s| *s.borrow_mut() = outer);
        }
    }
    let outer = SPARE.with(|s| s.borrow_mut().replace(Arc::clone(spare)));
    let _restore = Restore(outer);
    f()
}

/// Runs `f` with `threads - 1` spare cores for its parses, as a load with `threads`
/// workers reading one file gives (tests and benches).
pub(super) fn with_threads<R>(threads: usize, f: impl FnOnce() -> R) -> R {
    let spare = Arc::new(Spare::new(threads.saturating_sub(1)));
    with_spare(&spare, f)
}

/// True when the load this thread reads for has a core spare, free now or lent out
/// (to the checks of the file's text, which give it back before the parse is done).
pub(super) fn has_spare() -> bool {
    SPARE.with(|s| s.borrow().as_ref().is_some_and(|spare| spare.1 > 0))
}

/// A spare core of the load this thread reads for, if one is free now.
pub(super) fn take_spare() -> Option<Core> {
    let spare = SPARE.with(|s| s.borrow().clone())?;
    spare
        .0
        .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1))
        .ok()?;
    Some(Core(spare))
}
