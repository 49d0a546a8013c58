//! Where a record and its fields are written, kept in little room: a queue of a hundred
//! thousand vehicles keeps one [`Places`] per vehicle for as long as the dashboard runs.

use crate::status::problem::Loc;

/// Where a record and `N` of its fields are written, in 24 bytes instead of 8 per place: a
/// field of a block-style entry is on a line of its own below the entry's first line, at
/// the entry's column, and then takes one byte (how many lines below). A field anywhere
/// else (flow style) is kept in full beside.
#[derive(Debug, Clone, PartialEq)]
pub struct Places<const N: usize> {
    entry: Loc,
    /// Per field: 0 at the entry's own place, 1 to 254 that many lines below it at its
    /// column, [`Places::ELSEWHERE`] in `elsewhere`.
    below: [u8; N],
    elsewhere: Option<Box<[Loc; N]>>,
}

impl<const N: usize> Places<N> {
    const ELSEWHERE: u8 = u8::MAX;

    /// The places of an entry and of its fields, kept in little room.
    pub fn new(entry: Loc, fields: [Loc; N]) -> Self {
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
        let elsewhere = below.contains(&Self::ELSEWHERE).then(|| Box::new(fields));
        Places {
            entry,
            below,
            elsewhere,
        }
    }

    /// Where the entry is written.
    pub fn entry(&self) -> Loc {
        self.entry
    }

    /// The place of field `i`.
    pub fn field(&self, i: usize) -> Loc {
        match self.below[i] {
            0 => self.entry,
            Self::ELSEWHERE => self.elsewhere.as_ref().map_or(self.entry, |f| f[i]),
            n => Loc::new(self.entry.line + u32::from(n), self.entry.column),
        }
    }
}

impl<const N: usize> Default for Places<N> {
    fn default() -> Self {
        Places {
            entry: Loc::UNKNOWN,
            below: [0; N],
            elsewhere: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_kept_exactly_in_little_room() {
        assert_eq!(std::mem::size_of::<Places<4>>(), 24);
        let entry = Loc::new(10, 5);
        let block = [Loc::new(11, 5), Loc::new(12, 5), entry, Loc::new(264, 5)];
        let p = Places::new(entry, block);
        assert!(p.elsewhere.is_none(), "one byte each");
        assert_eq!(p.entry(), entry);
        assert_eq!((0..4).map(|i| p.field(i)).collect::<Vec<_>>(), block);
        // Flow style, a field above its entry, one far below: kept in full.
        for odd in [Loc::new(10, 19), Loc::new(9, 5), Loc::new(10 + 255, 5)] {
            let fields = [Loc::new(11, 5), odd, entry, Loc::new(12, 5)];
            let p = Places::new(entry, fields);
            assert_eq!((0..4).map(|i| p.field(i)).collect::<Vec<_>>(), fields);
        }
        assert_eq!(Places::<2>::default().field(1), Loc::UNKNOWN);
    }
}
