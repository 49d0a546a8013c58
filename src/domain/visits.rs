//! [`Visits`]: a vehicle's stage history, one pointer wide.

use std::alloc::{self, Layout};
use std::fmt;
use std::ops::Deref;
use std::ptr::NonNull;

use super::Visit;

/// A stage history: its visits, oldest first. Reads like a `&[Visit]` (`iter`, `len`,
/// `last`, indexing, `&history[..]`). 8 bytes in a [`Vehicle`](super::Vehicle), where a
/// boxed slice takes 16: one pointer to one allocation holding the number of visits and
/// then the visits; none at all for an empty history (most vehicles of a large set).
#[derive(Default)]
pub struct Visits(Option<NonNull<usize>>);

// SAFETY: `Visits` owns its allocation of plain `Copy` data, as a `Box<[Visit]>` would,
// and hands out shared references only.
unsafe impl Send for Visits {}
// SAFETY: as above.
unsafe impl Sync for Visits {}

/// The layout of an allocation of `len` visits, and where the visits start in it.
fn layout(len: usize) -> Option<(Layout, usize)> {
    let (layout, offset) = Layout::new::<usize>()
        .extend(Layout::array::<Visit>(len).ok()?)
        .ok()?;
    Some((layout.pad_to_align(), offset))
}

impl Visits {
    /// A history of the visits of `visits`, copied.
    pub fn new(visits: &[Visit]) -> Visits {
        if visits.is_empty() {
            return Visits(None);
        }
        let Some((layout, offset)) = layout(visits.len()) else {
            alloc::handle_alloc_error(Layout::new::<usize>())
        };
        // SAFETY: `layout` is not zero-sized (it holds a `usize`).
        let ptr = unsafe { alloc::alloc(layout) };
        let Some(head) = NonNull::new(ptr.cast::<usize>()) else {
            alloc::handle_alloc_error(layout)
        };
        // SAFETY: the allocation holds a `usize` at its start and `visits.len()` visits at
        // `offset`, both aligned as `layout` says; the source cannot overlap a new block.
        unsafe {
            head.as_ptr().write(visits.len());
            let first = ptr.add(offset).cast::<Visit>();
            std::ptr::copy_nonoverlapping(visits.as_ptr(), first, visits.len());
        }
        Visits(Some(head))
    }

    /// The visits, oldest first.
    pub fn as_slice(&self) -> &[Visit] {
        let Some(head) = self.0 else {
            return &[];
        };
        // SAFETY: `head` points to a live allocation made by `new`, whose first `usize`
        // is the number of visits written after it, at the offset `layout` gives.
        unsafe {
            let len = head.as_ptr().read();
            let offset = layout(len).map_or(0, |(_, o)| o);
            let first = head.as_ptr().cast::<u8>().add(offset).cast::<Visit>();
            std::slice::from_raw_parts(first, len)
        }
    }
}

impl Drop for Visits {
    fn drop(&mut self) {
        let Some(head) = self.0 else {
            return;
        };
        // SAFETY: as in `as_slice`; the allocation was made with `layout(len)`.
        unsafe {
            let len = head.as_ptr().read();
            if let Some((layout, _)) = layout(len) {
                alloc::dealloc(head.as_ptr().cast::<u8>(), layout);
            }
        }
    }
}

impl Deref for Visits {
    type Target = [Visit];

    fn deref(&self) -> &[Visit] {
        self.as_slice()
    }
}

impl Clone for Visits {
    fn clone(&self) -> Visits {
        Visits::new(self)
    }
}

impl PartialEq for Visits {
    fn eq(&self, other: &Visits) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Visits {}

impl fmt::Debug for Visits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_slice(), f)
    }
}

impl From<&[Visit]> for Visits {
    fn from(v: &[Visit]) -> Visits {
        Visits::new(v)
    }
}

impl From<Vec<Visit>> for Visits {
    fn from(v: Vec<Visit>) -> Visits {
        Visits::new(&v)
    }
}

impl From<Box<[Visit]>> for Visits {
    fn from(v: Box<[Visit]>) -> Visits {
        Visits::new(&v)
    }
}

impl<const N: usize> From<[Visit; N]> for Visits {
    fn from(v: [Visit; N]) -> Visits {
        Visits::new(&v)
    }
}

impl FromIterator<Visit> for Visits {
    fn from_iter<I: IntoIterator<Item = Visit>>(iter: I) -> Visits {
        Visits::new(&iter.into_iter().collect::<Vec<_>>())
    }
}

impl<'a> IntoIterator for &'a Visits {
    type Item = &'a Visit;
    type IntoIter = std::slice::Iter<'a, Visit>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Date, StageId};

    fn visit(stage: u32, day: u32) -> Visit {
        Visit {
            stage: StageId(stage),
            entered: Date::from_ymd_opt(2026, 3, day).unwrap(),
        }
    }

    #[test]
    fn a_history_reads_as_its_visits_and_is_one_pointer() {
        assert_eq!(std::mem::size_of::<Visits>(), 8);
        let none = Visits::default();
        assert!(none.is_empty());
        assert_eq!(none, Visits::new(&[]));
        let three = vec![visit(0, 1), visit(2, 5), visit(1, 9)];
        let h = Visits::from(three.clone());
        assert_eq!(h.len(), 3);
        assert_eq!(&h[..], &three[..]);
        assert_eq!(h.last(), Some(&visit(1, 9)));
        let copy = h.clone();
        drop(h);
        assert_eq!(
            copy.iter().map(|v| v.stage.0).collect::<Vec<_>>(),
            [0, 2, 1]
        );
        assert_ne!(copy, Visits::from([visit(0, 1)]));
        assert_eq!(
            format!("{:?}", Visits::from([visit(4, 2)])),
            format!("{:?}", [visit(4, 2)])
        );
    }
}
