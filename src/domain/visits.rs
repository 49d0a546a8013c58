//! [`Visits`]: a vehicle's stage history, one pointer wide.

use std::fmt;
use std::ops::Deref;

use super::Visit;

/// A stage history: its visits, oldest first. Reads like a `&[Visit]` (`iter`, `len`,
/// `last`, indexing, `&history[..]`). 8 bytes in a [`Vehicle`](super::Vehicle), where a
/// boxed slice takes 16: one pointer to the boxed visits, and nothing allocated for an
/// empty history (most vehicles of a large set). A history costs one allocation more
/// than a boxed slice (16 bytes), paid only by the vehicles that have one.
#[derive(Default, Clone, PartialEq, Eq)]
pub struct Visits(Option<Box<Box<[Visit]>>>);

impl Visits {
    /// A history of the visits of `visits`, copied.
    pub fn new(visits: &[Visit]) -> Visits {
        Visits::from(Box::<[Visit]>::from(visits))
    }

    /// The visits, oldest first.
    pub fn as_slice(&self) -> &[Visit] {
        self.0.as_deref().map_or(&[], |v| v)
    }
}

impl Deref for Visits {
    type Target = [Visit];

    fn deref(&self) -> &[Visit] {
        self.as_slice()
    }
}

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
        Visits::from(v.into_boxed_slice())
    }
}

impl From<Box<[Visit]>> for Visits {
    fn from(v: Box<[Visit]>) -> Visits {
        Visits((!v.is_empty()).then(|| Box::new(v)))
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
