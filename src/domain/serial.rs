//! [`Serial`]: a vehicle's serial, kept in its file's text of serials ([`SerialText`]).

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Deref, Range};
use std::ptr::{self, NonNull};
use std::sync::Arc;

/// The text of every serial of one file, one after the other, shared by the loader's copy
/// of the file and every [`Serial`] of it. One pointer wide: it takes the `String` the
/// parse wrote into as it is (no copy of the text), trimmed to its length.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct SerialText(Arc<String>);

impl SerialText {
    /// The text `s`, trimmed to its length (in place when the allocator can).
    pub fn new(mut s: String) -> SerialText {
        s.shrink_to_fit();
        SerialText(Arc::new(s))
    }
}

impl Deref for SerialText {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<String> for SerialText {
    fn from(s: String) -> SerialText {
        SerialText::new(s)
    }
}

impl From<&str> for SerialText {
    fn from(s: &str) -> SerialText {
        SerialText::new(s.to_owned())
    }
}

impl fmt::Debug for SerialText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self.0, f)
    }
}

/// A serial, as part of a text shared by all the serials of one file: a hundred thousand
/// serials cost one allocation per file instead of one each, and the loader's copy of a
/// file and the programme share it. Reads, compares and hashes as the text of the serial.
///
/// 12 bytes, aligned on 4, so that a [`Vehicle`](super::Vehicle) holding one needs no
/// padding after it: a counted pointer to a [`SerialText`] (the `Arc`'s own, taken with
/// [`Arc::into_raw`]) and where the serial is in it, as its start (below 16 MiB) and its
/// length (below 255 bytes) in one `u32`. A serial beyond either (a file with more than
/// 16 MiB of serials, a serial of 255 bytes or more) gets a text of its own instead.
#[repr(C, packed(4))]
pub struct Serial {
    /// One strong count of the `Arc<String>` of a [`SerialText`].
    text: NonNull<String>,
    /// `start << 8 | length` in `text`, or [`Serial::WHOLE`].
    at: u32,
}

// SAFETY: a `Serial` is an `Arc<String>` (Send and Sync: `String` is both) and an
// integer; it never hands out a mutable reference to the text.
unsafe impl Send for Serial {}
// SAFETY: as above.
unsafe impl Sync for Serial {}

impl Serial {
    /// `at` of a serial that is the whole of its text.
    const WHOLE: u32 = u32::MAX;
    /// The starts `at` can hold.
    const STARTS: u32 = 1 << 24;
    /// The lengths `at` can hold (255 would make [`Serial::WHOLE`]).
    const LENGTHS: u32 = 255;

    /// A serial of its own (tests, hand-built programmes): a text of its own.
    pub fn new(s: &str) -> Serial {
        Serial::counted(&SerialText::from(s), Serial::WHOLE)
    }

    /// The serial at `range` of `text`; `None` when `range` is not a range of `text` on
    /// character boundaries.
    pub fn within(text: &SerialText, range: Range<u32>) -> Option<Serial> {
        let serial = text.get(range.start as usize..range.end as usize)?;
        let len = range.end - range.start;
        Some(if range.start < Serial::STARTS && len < Serial::LENGTHS {
            Serial::counted(text, range.start << 8 | len)
        } else {
            Serial::new(serial)
        })
    }

    /// A serial holding one more count of `text`.
    fn counted(text: &SerialText, at: u32) -> Serial {
        let raw = Arc::into_raw(Arc::clone(&text.0)).cast_mut();
        Serial {
            // SAFETY: `Arc::into_raw` never gives a null pointer.
            text: unsafe { NonNull::new_unchecked(raw) },
            at,
        }
    }

    /// The pointer to the text, read from its packed place.
    fn text_ptr(&self) -> NonNull<String> {
        // SAFETY: the field is initialised; a packed field is read without a reference.
        unsafe { ptr::addr_of!(self.text).read_unaligned() }
    }

    /// The text of the serial.
    pub fn as_str(&self) -> &str {
        // SAFETY: `text` holds a strong count of its `Arc` for as long as `self` lives, so
        // the `String` it points to lives at least as long as the borrow of `self`.
        let text: &String = unsafe { self.text_ptr().as_ref() };
        let at = self.at;
        if at == Serial::WHOLE {
            return text;
        }
        let (start, len) = ((at >> 8) as usize, (at & 0xFF) as usize);
        text.get(start..start + len).unwrap_or_default()
    }
}

impl Clone for Serial {
    fn clone(&self) -> Serial {
        let text = self.text_ptr();
        // SAFETY: `text` came from `Arc::into_raw` and its count is held by `self`.
        unsafe { Arc::increment_strong_count(text.as_ptr()) };
        Serial { text, at: self.at }
    }
}

impl Drop for Serial {
    fn drop(&mut self) {
        let text = self.text_ptr();
        // SAFETY: `text` came from `Arc::into_raw`, and this `Serial` owns one strong
        // count of it, given back here once.
        unsafe { Arc::decrement_strong_count(text.as_ptr()) };
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
        let text = SerialText::from("BE-0001BE-0002");
        let a = Serial::within(&text, 0..7).unwrap();
        let b = Serial::within(&text, 7..14).unwrap();
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
    fn a_range_outside_the_text_is_refused() {
        assert!(Serial::within(&SerialText::from("abc"), 2..5).is_none());
        assert!(Serial::within(&SerialText::from("é"), 0..1).is_none());
        assert!(Serial::within(&SerialText::from("abc"), 1..3).is_some());
    }

    #[test]
    fn a_serial_is_twelve_bytes_and_counts_its_text() {
        // 12 bytes (24 before the `thin` branch: a fat pointer and two `u32`).
        assert_eq!(std::mem::size_of::<Serial>(), 12);
        assert_eq!(std::mem::align_of::<Serial>(), 4);
        let text = SerialText::from("AB");
        let a = Serial::within(&text, 0..1).unwrap();
        assert_eq!(Arc::strong_count(&text.0), 2);
        let b = a.clone();
        assert_eq!(Arc::strong_count(&text.0), 3);
        drop(a);
        assert_eq!(Arc::strong_count(&text.0), 2);
        let moved = vec![b];
        assert_eq!(moved[0], "A");
        drop(moved);
        assert_eq!(Arc::strong_count(&text.0), 1);
    }

    #[test]
    fn a_serial_beyond_what_its_place_holds_gets_a_text_of_its_own() {
        // A start at 16 MiB and a serial of 255 bytes do not fit in `at`: each reads the
        // same, from a copy of its own.
        let mut big = "x".repeat(1 << 24);
        big.push_str("BE-9");
        big.push_str(&"y".repeat(255));
        let text = SerialText::from(big);
        let far = Serial::within(&text, (1 << 24)..(1 << 24) + 4).unwrap();
        assert_eq!(far, "BE-9");
        let long = Serial::within(&text, (1 << 24) + 4..(1 << 24) + 259).unwrap();
        assert_eq!(long.len(), 255);
        assert!(long.bytes().all(|b| b == b'y'));
        assert_eq!(
            Arc::strong_count(&text.0),
            1,
            "neither shares the large text"
        );
        let near = Serial::within(&text, 3..7).unwrap();
        assert_eq!(near, "xxxx");
        let longest_shared = Serial::within(&text, 0..254).unwrap();
        assert_eq!(longest_shared.len(), 254);
        assert_eq!(Arc::strong_count(&text.0), 3);
        assert_eq!(Serial::new(""), "");
        assert_eq!(Serial::within(&text, 5..5).unwrap(), "");
    }
}
