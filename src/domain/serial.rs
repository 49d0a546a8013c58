//! [`Serial`]: a vehicle's serial, kept in its file's text of serials.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Deref, Range};
use std::sync::Arc;

/// A serial, as part of a text shared by all the serials of one file: a hundred thousand
/// serials cost one allocation per file instead of one each, and the loader's copy of a
/// file and the programme share it. Reads, compares and hashes as the text of the serial.
#[derive(Clone)]
pub struct Serial {
    text: Arc<str>,
    start: u32,
    end: u32,
}

impl Serial {
    /// A serial of its own (tests, hand-built programmes).
    ///
    /// # Panics
    /// When `s` is 4 GiB or longer, which no status file can hold (`max_file_bytes`).
    #[allow(
        clippy::expect_used,
        reason = "hand-built serials only; files are limited"
    )]
    pub fn new(s: &str) -> Serial {
        let end = u32::try_from(s.len()).expect("a serial shorter than 4 GiB");
        Serial {
            text: Arc::from(s),
            start: 0,
            end,
        }
    }

    /// The serial at `range` of `text`.
    ///
    /// # Panics
    /// When `range` is not a range of `text` on character boundaries.
    pub fn within(text: &Arc<str>, range: Range<u32>) -> Serial {
        assert!(text.get(range.start as usize..range.end as usize).is_some());
        Serial {
            text: Arc::clone(text),
            start: range.start,
            end: range.end,
        }
    }

    /// The text of the serial.
    pub fn as_str(&self) -> &str {
        &self.text[self.start as usize..self.end as usize]
    }
}

impl Deref for Serial {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Serial {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Serial {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Serial {
    fn from(s: &str) -> Serial {
        Serial::new(s)
    }
}

impl From<String> for Serial {
    fn from(s: String) -> Serial {
        Serial::new(&s)
    }
}

impl PartialEq for Serial {
    fn eq(&self, other: &Serial) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Serial {}

impl PartialEq<str> for Serial {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Serial {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialOrd for Serial {
    fn partial_cmp(&self, other: &Serial) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Serial {
    fn cmp(&self, other: &Serial) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Serial {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for Serial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Serial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_serial_reads_as_its_part_of_the_text() {
        let text: Arc<str> = Arc::from("BE-0001BE-0002");
        let a = Serial::within(&text, 0..7);
        let b = Serial::within(&text, 7..14);
        assert_eq!(&*a, "BE-0001");
        assert_eq!(b, "BE-0002");
        assert!(a < b);
        assert_eq!(a, Serial::new("BE-0001"));
        assert_eq!(format!("[{b:>8}]"), "[ BE-0002]");
        let mut set = std::collections::HashSet::new();
        set.insert(a.clone());
        assert!(set.contains("BE-0001"));
    }

    #[test]
    #[should_panic]
    fn a_range_outside_the_text_is_refused() {
        Serial::within(&Arc::from("abc"), 2..5);
    }
}
