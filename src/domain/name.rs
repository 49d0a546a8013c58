//! [`Name`]: a short text that many records share, stored once.
//!
//! A large programme repeats a few dozen texts (variant and stage ids, sites, lots, hold
//! reasons) over a hundred thousand records. The loader interns them, so that every record
//! holds a pointer to one shared copy instead of a copy of its own.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// Shared, immutable text. Cloning it counts a reference; it is one pointer wide, so an
/// `Option<Name>` costs 8 bytes in a record.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name(Arc<Box<str>>);

impl Name {
    /// A name holding `s`.
    pub fn new(s: &str) -> Name {
        Name(Arc::new(s.into()))
    }

    /// The text of the name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when `a` and `b` are the same shared copy (not only the same text).
    pub fn ptr_eq(a: &Name, b: &Name) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }

    /// How many holders share this copy.
    pub fn holders(&self) -> usize {
        Arc::strong_count(&self.0)
    }
}

impl Deref for Name {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Name {
        Name::new(s)
    }
}

impl From<String> for Name {
    fn from(s: String) -> Name {
        Name(Arc::new(s.into_boxed_str()))
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_one_pointer_and_reads_as_text() {
        assert_eq!(std::mem::size_of::<Name>(), 8);
        assert_eq!(std::mem::size_of::<Option<Name>>(), 8);
        let n = Name::from("Paint");
        assert_eq!(&*n, "Paint");
        assert_eq!(format!("[{n:<7}]"), "[Paint  ]");
        let shared = n.clone();
        assert!(Name::ptr_eq(&n, &shared));
        assert_eq!(n.holders(), 2);
        assert!(!Name::ptr_eq(&n, &Name::from("Paint")));
        assert_eq!(n, Name::from("Paint"));
    }
}
