//! Interning the names of a status set while it is deserialized.
//!
//! serde gives a `Deserialize` implementation no context, so the [`Loader`](super::Loader)
//! lends its [`Interner`] to the thread for the length of one parse ([`with`]); the
//! `Deserialize` of [`Name`] fields finds it there. Parsed without one (tests, the JSON
//! schema), a name is simply not shared.
//!
//! When several threads parse the files of one load at once, they share one interner
//! ([`Shared`], lent with [`with_shared`]): each thread keeps its own copy of the names it
//! has already met, so that a name met again (nearly every one: a set repeats a few dozen
//! texts over a million records) costs no lock, and asks the shared interner only for a
//! name it has not met yet. Every name is then one copy across all files, as when the
//! files are read one after the other.

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};

use crate::domain::Name;

/// One copy of every name the loader keeps.
#[derive(Debug, Default)]
pub struct Interner {
    names: HashSet<Name>,
}

impl Interner {
    /// The shared copy of `s`.
    pub fn intern(&mut self, s: &str) -> Name {
        if let Some(n) = self.names.get(s) {
            return n.clone();
        }
        let n = Name::from(s);
        self.names.insert(n.clone());
        n
    }

    /// Forgets the names no record holds any more, so that names edited away over days of
    /// reloads do not pile up.
    pub fn prune(&mut self) {
        self.names.retain(|n| n.holders() > 1);
    }

    /// The names kept.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when no name is kept.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// An [`Interner`] that the threads of one load share (see the module's text).
#[derive(Debug, Default)]
pub struct Shared(Mutex<Interner>);

impl Shared {
    /// Shares `interner`.
    pub fn new(interner: Interner) -> Self {
        Shared(Mutex::new(interner))
    }

    /// The interner, with every name the threads added.
    pub fn into_inner(self) -> Interner {
        self.0.into_inner().unwrap_or_else(PoisonError::into_inner)
    }

    fn intern(&self, s: &str) -> Name {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .intern(s)
    }
}

/// What is lent to a thread.
enum Lent {
    /// An interner of its own.
    Own(Interner),
    /// A shared interner, and the names this thread has had from it.
    Shared { seen: Interner, shared: Arc<Shared> },
}

thread_local! {
    static LENT: RefCell<Option<Lent>> = const { RefCell::new(None) };
}

/// Runs `f` with `interner` lent to this thread; it is given back even if `f` panics.
pub fn with<R>(interner: &mut Interner, f: impl FnOnce() -> R) -> R {
    struct GiveBack<'a>(&'a mut Interner);
    impl Drop for GiveBack<'_> {
        fn drop(&mut self) {
            if let Some(Lent::Own(lent)) = LENT.with(|l| l.borrow_mut().take()) {
                *self.0 = lent;
            }
        }
    }
    LENT.with(|l| *l.borrow_mut() = Some(Lent::Own(std::mem::take(interner))));
    let _give_back = GiveBack(interner);
    f()
}

/// Runs `f` with `shared` lent to this thread; this thread's copies of the names it met
/// are dropped when `f` returns (or panics), so that only the records and `shared` hold
/// them.
pub fn with_shared<R>(shared: &Arc<Shared>, f: impl FnOnce() -> R) -> R {
    struct Forget;
    impl Drop for Forget {
        fn drop(&mut self) {
            drop(LENT.with(|l| l.borrow_mut().take()));
        }
    }
    LENT.with(|l| {
        *l.borrow_mut() = Some(Lent::Shared {
            seen: Interner::default(),
            shared: Arc::clone(shared),
        })
    });
    let _forget = Forget;
    f()
}

/// What [`lend_on`] lends to other threads: the interner of the thread that called it.
#[derive(Debug, Clone)]
pub struct Lender(Option<Arc<Shared>>);

impl Lender {
    /// Runs `f` on this thread with the interner lent (nothing when none was).
    pub fn run<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.0 {
            Some(shared) => with_shared(shared, f),
            None => f(),
        }
    }
}

/// Runs `f` with the interner lent to this thread made shareable, so that threads `f`
/// starts intern into it too ([`Lender::run`]): an interner of its own is shared for the
/// length of `f` and then given back to this thread whole, with every name they added.
/// For one file parsed on several threads (`status::yaml::slice`).
pub fn lend_on<R>(f: impl FnOnce(&Lender) -> R) -> R {
    /// Gives this thread its own interner back, even if `f` panics.
    struct Back(Option<Arc<Shared>>);
    impl Drop for Back {
        fn drop(&mut self) {
            let Some(shared) = self.0.take() else {
                return;
            };
            drop(LENT.with(|l| l.borrow_mut().take()));
            // Every other holder was a thread of `f`, gone by now; otherwise the names
            // are taken out of the shared one.
            let own = Arc::try_unwrap(shared).map_or_else(
                |s| std::mem::take(&mut *s.0.lock().unwrap_or_else(PoisonError::into_inner)),
                Shared::into_inner,
            );
            LENT.with(|l| *l.borrow_mut() = Some(Lent::Own(own)));
        }
    }
    let lent = LENT.with(|l| l.borrow_mut().take());
    let (shared, back) = match lent {
        None => (None, Back(None)),
        Some(Lent::Shared { seen, shared }) => {
            let s = Arc::clone(&shared);
            LENT.with(|l| *l.borrow_mut() = Some(Lent::Shared { seen, shared }));
            (Some(s), Back(None))
        }
        Some(Lent::Own(own)) => {
            let shared = Arc::new(Shared::new(own));
            LENT.with(|l| {
                *l.borrow_mut() = Some(Lent::Shared {
                    seen: Interner::default(),
                    shared: Arc::clone(&shared),
                })
            });
            (Some(Arc::clone(&shared)), Back(Some(shared)))
        }
    };
    let lender = Lender(shared);
    let out = f(&lender);
    drop(lender);
    drop(back);
    out
}

/// The shared copy of `s` when an interner is lent to this thread, else a copy of its own.
pub fn intern(s: &str) -> Name {
    LENT.with(|l| match l.borrow_mut().as_mut() {
        Some(Lent::Own(interner)) => interner.intern(s),
        Some(Lent::Shared { seen, shared }) => {
            if let Some(n) = seen.names.get(s) {
                return n.clone();
            }
            let n = shared.intern(s);
            seen.names.insert(n.clone());
            n
        }
        None => Name::from(s),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_shared_while_lent_and_pruned_when_unused() {
        let mut interner = Interner::default();
        let (a, b) = with(&mut interner, || (intern("Paint"), intern("Paint")));
        assert!(Name::ptr_eq(&a, &b));
        assert_eq!(interner.len(), 1);
        // Not lent: a copy of its own.
        assert!(!Name::ptr_eq(&intern("Paint"), &a));
        drop((a, b));
        interner.prune();
        assert!(interner.is_empty());
    }

    #[test]
    fn the_interner_comes_back_after_a_panic() {
        let mut interner = Interner::default();
        let kept = with(&mut interner, || intern("kept"));
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            with(&mut interner, || {
                intern("lost?");
                panic!("a parse that panics")
            })
        }));
        assert!(result.is_err());
        assert_eq!(interner.len(), 2);
        assert!(Name::ptr_eq(&interner.intern("kept"), &kept));
    }

    #[test]
    fn threads_sharing_an_interner_get_one_copy_of_each_name() {
        let mut first = Interner::default();
        let before = with(&mut first, || intern("Paint"));
        let shared = Arc::new(Shared::new(first));
        let names: Vec<(Name, Name, Name)> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..3)
                .map(|_| {
                    s.spawn(|| {
                        with_shared(&shared, || {
                            (intern("Paint"), intern("Trim"), intern("Trim"))
                        })
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap()).collect()
        });
        for (paint, trim, again) in &names {
            assert!(Name::ptr_eq(paint, &before));
            assert!(Name::ptr_eq(trim, &names[0].1));
            assert!(Name::ptr_eq(trim, again));
        }
        // Not lent any more on this thread, nor kept by the threads that are gone.
        assert!(!Name::ptr_eq(&intern("Paint"), &before));
        let mut back = Arc::try_unwrap(shared).unwrap().into_inner();
        assert_eq!(back.len(), 2);
        // The records (here `names` and `before`) hold them, and the interner: nothing else.
        assert_eq!(names[0].1.holders(), 3 * 2 + 1);
        drop((names, before));
        back.prune();
        assert!(back.is_empty());
    }
}
