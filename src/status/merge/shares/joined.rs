//! [`Joined`]: the merged queue or deliveries, put together from each file's share.

use std::ops::Range;

use crate::domain::{Shared, SiteId};

/// A merged list put together in order from ranges of the last merge's list (with the
/// sites of its vehicles renumbered when asked) and new records, written into one list
/// as they come: the new records of a first load are built in place, not in a list of
/// their own copied into the merged one (which held two copies of a queue file at once,
/// and a list grown by doubling per file). The last merge's list itself when the pieces
/// are all of it, in order, unchanged.
pub(super) struct Joined<'a, T> {
    old: &'a Shared<T>,
    out: Vec<T>,
    /// True while the pieces so far are the last merge's list from its start to `next`,
    /// unchanged: they are not written into `out`, which is empty.
    whole: bool,
    next: usize,
    /// At least the length of the merged list: `out`'s room, taken when first written.
    room: usize,
}

impl<'a, T: Clone> Joined<'a, T> {
    pub(super) fn new(old: &'a Shared<T>, room: usize) -> Joined<'a, T> {
        Joined {
            old,
            out: Vec::new(),
            whole: true,
            next: 0,
            room,
        }
    }

    /// Makes room in `out` and writes the pieces kept whole so far into it.
    fn apart(&mut self) {
        if self.out.capacity() == 0 {
            self.out.reserve_exact(self.room.max(self.next));
        }
        if self.whole {
            self.whole = false;
            self.out
                .extend_from_slice(self.old.get(..self.next).unwrap_or_default());
        }
    }

    /// Adds `range` of the last merge's list, each record passed to `renumber` with
    /// `remap` when `remap` is not empty.
    pub(super) fn old(
        &mut self,
        range: Range<usize>,
        remap: &[(SiteId, SiteId)],
        renumber: impl Fn(&mut T, &[(SiteId, SiteId)]),
    ) {
        if self.whole && range.start == self.next && remap.is_empty() {
            self.next = range.end;
            return;
        }
        self.apart();
        let start = self.out.len();
        self.out
            .extend_from_slice(self.old.get(range).unwrap_or_default());
        if !remap.is_empty() {
            for x in &mut self.out[start..] {
                renumber(x, remap);
            }
        }
    }

    /// Adds the records `build` pushes onto the list it is given (which holds the
    /// records before them); how many it pushed.
    pub(super) fn add(&mut self, build: impl FnOnce(&mut Vec<T>)) -> usize {
        if self.whole && self.next > 0 {
            // Records after a part of the last merge's list kept whole: it is copied only
            // if they are not none (a reload of a file without records keeps it whole).
            let mut new = Vec::new();
            build(&mut new);
            let added = new.len();
            if added > 0 {
                self.apart();
                self.out.append(&mut new);
            }
            return added;
        }
        if self.out.capacity() == 0 {
            self.out.reserve_exact(self.room);
        }
        let start = self.out.len();
        build(&mut self.out);
        let added = self.out.len() - start;
        if added > 0 {
            // Nothing of the last merge's list before them (`next` is 0).
            self.whole = false;
        }
        added
    }

    /// The merged list.
    pub(super) fn finish(mut self) -> Shared<T> {
        if self.whole && self.next == self.old.len() {
            return self.old.clone();
        }
        self.apart();
        self.out.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bump(x: &mut u32, remap: &[(SiteId, SiteId)]) {
        *x += remap.len() as u32 * 100;
    }

    #[test]
    fn the_last_list_whole_is_the_same_list() {
        let old: Shared<u32> = vec![1, 2, 3, 4].into();
        let mut j = Joined::new(&old, 4);
        j.old(0..2, &[], bump);
        // A file read again that gives nothing keeps the list whole.
        assert_eq!(j.add(|_| {}), 0);
        j.old(2..4, &[], bump);
        assert!(Shared::ptr_eq(&j.finish(), &old));
    }

    #[test]
    fn new_records_are_built_in_place_after_what_came_before() {
        let empty = Shared::default();
        let mut j = Joined::new(&empty, 5);
        assert_eq!(j.add(|out| out.extend([7, 8])), 2);
        assert_eq!(
            j.add(|out| {
                assert_eq!(out[..], [7, 8], "built after the records before them");
                out.push(9);
            }),
            1
        );
        assert_eq!(j.finish()[..], [7, 8, 9]);

        let old: Shared<u32> = vec![1, 2, 3, 4].into();
        let mut j = Joined::new(&old, 6);
        j.old(0..2, &[], bump);
        assert_eq!(j.add(|out| out.push(5)), 1);
        j.old(2..4, &[(SiteId(0), SiteId(1))], bump);
        let joined = j.finish();
        assert!(!Shared::ptr_eq(&joined, &old));
        assert_eq!(joined[..], [1, 2, 5, 103, 104]);
    }

    #[test]
    fn pieces_out_of_order_or_short_are_copied() {
        let old: Shared<u32> = vec![1, 2, 3].into();
        let mut j = Joined::new(&old, 3);
        j.old(1..3, &[], bump);
        j.old(0..1, &[], bump);
        assert_eq!(j.finish()[..], [2, 3, 1]);
        let mut j = Joined::new(&old, 3);
        j.old(0..2, &[], bump);
        let short = j.finish();
        assert_eq!(short[..], [1, 2]);
        assert!(!Shared::ptr_eq(&short, &old));
    }
}
