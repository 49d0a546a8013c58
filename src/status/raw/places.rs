//! Where a record and its fields are written, kept in little room: a queue of a million
//! vehicles holds one [`Places`] per vehicle until it is merged, and the model keeps the
//! problems' places only.

use std::num::NonZeroU32;

use crate::status::problem::Loc;

/// Where a record and `N` of its fields are written, in 16 bytes instead of 8 per place: a
/// field of a block-style entry is on a line of its own below the entry's first line, at
/// the entry's column, and then takes one byte (how many lines below). When a field is
/// anywhere else (flow style, a merge key's field, far below), the `N` places are kept in
/// full in the file's table of far places ([`super::RawFile::far_places`]), and the record
/// keeps where.
#[derive(Debug, Clone, PartialEq)]
pub struct Places<const N: usize> {
    entry: Loc,
    /// Per field: 0 at the entry's own place, 1 to 254 that many lines below it at its
    /// column, [`Places::ELSEWHERE`] in the table of far places.
    below: [u8; N],
    /// Where the `N` places start in the table of far places, from 1; `None` when every
    /// field is at or below the entry.
    far: Option<NonZeroU32>,
}

impl<const N: usize> Places<N> {
    const ELSEWHERE: u8 = u8::MAX;

    /// The places of an entry and of its fields, kept in little room: in `far` (the file's
    /// table of far places) when a field is neither at nor below the entry. Past 4 billion
    /// places in the table, such a field is placed at the entry.
    pub fn new(entry: Loc, fields: [Loc; N], far: &mut Vec<Loc>) -> Self {
        let mut below = [0; N];
        for (b, f) in below.iter_mut().zip(&fields) {
            *b = if *f == entry {
                0
            } else if f.column == entry.column && f.line > entry.line {
                u8::try_from(f.line - entry.line)
                    .ok()
                    .filter(|&n| n < Self::ELSEWHERE)
                    .unwrap_or(Self::ELSEWHERE)
            } else {
                Self::ELSEWHERE
            };
        }
        let far = if below.contains(&Self::ELSEWHERE) {
            let at = u32::try_from(far.len() + 1).ok().and_then(NonZeroU32::new);
            if at.is_some() {
                far.extend(fields);
            }
            at
        } else {
            None
        };
        Places { entry, below, far }
    }

    /// Where the entry is written.
    pub fn entry(&self) -> Loc {
        self.entry
    }

    /// The place of field `i`, `far` being the file's table of far places.
    pub fn field(&self, i: usize, far: &[Loc]) -> Loc {
        match self.below.get(i).copied().unwrap_or(0) {
            0 => self.entry,
            Self::ELSEWHERE => self
                .far
                .and_then(|at| far.get(at.get() as usize - 1 + i))
                .copied()
                .unwrap_or(self.entry),
            n => Loc::new(self.entry.line + u32::from(n), self.entry.column),
        }
    }
}

impl<const N: usize> Default for Places<N> {
    fn default() -> Self {
        Places {
            entry: Loc::UNKNOWN,
            below: [0; N],
            far: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_kept_exactly_in_little_room() {
        assert_eq!(std::mem::size_of::<Places<4>>(), 16);
        assert_eq!(std::mem::size_of::<Places<3>>(), 16);
        let mut far = Vec::new();
        let entry = Loc::new(10, 5);
        let block = [Loc::new(11, 5), Loc::new(12, 5), entry, Loc::new(264, 5)];
        let p = Places::new(entry, block, &mut far);
        assert!(p.far.is_none() && far.is_empty(), "one byte each");
        assert_eq!(p.entry(), entry);
        assert_eq!((0..4).map(|i| p.field(i, &far)).collect::<Vec<_>>(), block);
        // Flow style, a field above its entry, one far below: kept in full, each record's
        // places where it says in the one table.
        let mut odd_ones = Vec::new();
        for odd in [Loc::new(10, 19), Loc::new(9, 5), Loc::new(10 + 255, 5)] {
            let fields = [Loc::new(11, 5), odd, entry, Loc::new(12, 5)];
            odd_ones.push((Places::new(entry, fields, &mut far), fields));
        }
        assert_eq!(far.len(), 12);
        for (p, fields) in odd_ones {
            assert_eq!((0..4).map(|i| p.field(i, &far)).collect::<Vec<_>>(), fields);
        }
        // Without its table, a far field is placed at the entry.
        let p = Places::new(entry, [Loc::new(10, 19), entry], &mut Vec::new());
        assert_eq!(p.field(0, &[]), entry);
        assert_eq!(Places::<2>::default().field(1, &far), Loc::UNKNOWN);
    }
}
