//! Interning the names of a status set while it is deserialized.
//!
//! serde gives a `Deserialize` implementation no context, so the [`Loader`](super::Loader)
//! lends its [`Interner`] to the thread for the length of one parse ([`with`]); the
//! `Deserialize` of [`Name`] fields finds it there. Parsed without one (tests, the JSON
//! schema), a name is simply not shared.

use std::cell::RefCell;
use std::collections::HashSet;

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

thread_local! {
    static LENT: RefCell<Option<Interner>> = const { RefCell::new(None) };
}

/// Runs `f` with `interner` lent to this thread; it is given back even if `f` panics.
pub fn with<R>(interner: &mut Interner, f: impl FnOnce() -> R) -> R {
    struct GiveBack<'a>(&'a mut Interner);
    impl Drop for GiveBack<'_> {
        fn drop(&mut self) {
            if let Some(lent) = LENT.with(|l| l.borrow_mut().take()) {
                *self.0 = lent;
            }
        }
    }
    LENT.with(|l| *l.borrow_mut() = Some(std::mem::take(interner)));
    let _give_back = GiveBack(interner);
    f()
}

/// The shared copy of `s` when an interner is lent to this thread, else a copy of its own.
pub fn intern(s: &str) -> Name {
    LENT.with(|l| match l.borrow_mut().as_mut() {
        Some(interner) => interner.intern(s),
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
}
