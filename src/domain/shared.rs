//! [`Shared`]: a list of records that successive loads share instead of copying.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

/// A list that reads like a `Vec` (`iter`, `len`, indexing, `for v in &list`) and clones
/// by counting a reference: when a reload leaves the queue as it was, the new
/// [`Programme`](super::Programme) holds the very same list, and what is derived from it
/// (figures, sorted rows) can tell with [`Shared::ptr_eq`] that nothing needs redoing.
/// Changing it (`push`, tests building a programme) copies it first if it is shared.
pub struct Shared<T>(Arc<Vec<T>>);

impl<T> Shared<T> {
    /// True when `a` and `b` are the same list, not only equal ones.
    pub fn ptr_eq(a: &Shared<T>, b: &Shared<T>) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = Vec<T>;

    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        Arc::make_mut(&mut self.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> Default for Shared<T> {
    fn default() -> Self {
        Shared(Arc::new(Vec::new()))
    }
}

impl<T> From<Vec<T>> for Shared<T> {
    fn from(mut v: Vec<T>) -> Self {
        v.shrink_to_fit();
        Shared(Arc::new(v))
    }
}

impl<T> FromIterator<T> for Shared<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Vec::from_iter(iter).into()
    }
}

impl<'a, T> IntoIterator for &'a Shared<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Shared::ptr_eq(self, other) || self.0 == other.0
    }
}

impl<T: Eq> Eq for Shared<T> {}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_like_a_slice_and_clones_by_reference() {
        let a: Shared<u32> = vec![3, 1, 2].into();
        let b = a.clone();
        assert!(Shared::ptr_eq(&a, &b));
        assert_eq!(a.len(), 3);
        assert_eq!(a[1], 1);
        assert_eq!((&a).into_iter().sum::<u32>(), 6);
        let c: Shared<u32> = vec![3, 1, 2].into();
        assert_eq!(a, c);
        assert!(!Shared::ptr_eq(&a, &c));
        assert!(Shared::<u32>::default().is_empty());
        let mut d = a.clone();
        d.push(4);
        assert_eq!(a.len(), 3, "a change copies a shared list");
        assert_eq!(d.len(), 4);
    }
}
