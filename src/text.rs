//! Text that came from a file: cleaning it before anything shows it, and telling an
//! empty one.
//!
//! Status files are untrusted: a name may carry escape sequences (colour and cursor codes,
//! OSC 52 clipboard writes), bells, carriage returns or bidirectional overrides. They are
//! replaced here, when the file is loaded, by visible and harmless characters, so that no
//! later path (the dashboard, `print`, `check`) can pass them to a terminal.

use std::borrow::Cow;

/// The longest text kept from a file, in characters; longer text is cut with an ellipsis.
pub const MAX_CHARS: usize = 200;

/// Returns `s` with control and bidirectional-override characters made visible, runs of
/// white space (tabs, newlines) folded to one space, and cut to [`MAX_CHARS`].
pub fn clean(s: &str) -> Cow<'_, str> {
    clean_up_to(s, MAX_CHARS)
}

/// [`clean`] without the cut, for text whose end matters as much as its start: a path
/// keeps its file name however deep its folder.
pub fn clean_whole(s: &str) -> Cow<'_, str> {
    clean_up_to(s, usize::MAX)
}

/// [`clean`] cut shorter, for a file's text quoted inside a message: the message's
/// advice after the quote must survive the cut of the whole message.
pub fn clean_quote(s: &str) -> Cow<'_, str> {
    clean_up_to(s, MAX_QUOTE_CHARS)
}

/// The longest text of a file quoted in a problem, in characters.
pub const MAX_QUOTE_CHARS: usize = 40;

fn clean_up_to(s: &str, max_chars: usize) -> Cow<'_, str> {
    // Most texts of a large set are short ASCII: one pass over the bytes settles them
    // (1.3 G of 10.5 G instructions of a load went to the general test below).
    let needs_work = if s.is_ascii() {
        s.len() > max_chars || s.bytes().any(|b| b < 0x20 || b == 0x7f) || s.contains("  ")
    } else {
        s.chars().count() > max_chars || s.chars().any(|c| fix(c).is_some()) || s.contains("  ")
    };
    if !needs_work {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len().min(max_chars.saturating_mul(4)));
    let mut count = 0;
    let mut last_space = false;
    for c in s.chars() {
        if count == max_chars {
            out.pop();
            out.push('…');
            break;
        }
        let r = match fix(c) {
            Some(Fix::Drop) => continue,
            Some(Fix::Into(r)) => r,
            None => c,
        };
        if r == ' ' {
            if last_space {
                continue;
            }
            last_space = true;
        } else {
            last_space = false;
        }
        out.push(r);
        count += 1;
    }
    Cow::Owned(out)
}

/// True when `text` holds nothing but white space, comments and document markers: a YAML
/// file (a status file, the config) with nothing in it.
pub fn is_blank(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
    })
}

/// Cleans and trims, for names and identifiers.
pub fn clean_owned(s: &str) -> String {
    clean(s.trim()).trim().to_owned()
}

/// What [`clean`] does with a character it does not keep.
enum Fix {
    Into(char),
    Drop,
}

fn fix(c: char) -> Option<Fix> {
    Some(Fix::Into(match c {
        // Line and paragraph separators break lines in some terminals and none in others.
        '\t' | '\n' | '\u{0b}' | '\u{0c}' | '\u{2028}' | '\u{2029}' => ' ',
        '\u{1b}' => '␛',
        // C0 controls become their Unicode "control picture" (␇ for BEL, ␍ for CR, …).
        '\u{00}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '␡',
        // C1 controls (CSI, OSC, … in their 8-bit forms) and bidirectional controls that
        // could reorder what is shown.
        '\u{80}'..='\u{9f}'
        | '\u{061c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}' => '\u{fffd}',
        // Spaces that look like a space are one: `CMI\u{a0}Defence` is `CMI Defence`.
        _ => match invisible(c) {
            Some(Invisible::Space(_)) => ' ',
            // Nothing to see, so nothing kept: `TR-009\u{200b}` is `TR-009`.
            Some(Invisible::Nothing(_)) => return Some(Fix::Drop),
            None => return None,
        },
    }))
}

/// A character that cannot be told from a space, or from nothing at all, on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invisible {
    /// A space other than U+0020 (a no-break space, an em space, …): read as a space.
    Space(&'static str),
    /// A character with no width (a zero-width space, a joiner, a soft hyphen, …): read
    /// as nothing.
    Nothing(&'static str),
}

impl Invisible {
    /// Its name with an article, for a message: "a no-break space".
    pub fn name(self) -> &'static str {
        match self {
            Invisible::Space(n) | Invisible::Nothing(n) => n,
        }
    }
}

/// Whether `c` is a space other than U+0020 or a character that shows nothing (Unicode's
/// default-ignorable code points), and its name. The bidirectional controls and U+FEFF
/// are among them, though [`clean`] makes those visible instead.
pub fn invisible(c: char) -> Option<Invisible> {
    use Invisible::{Nothing, Space};
    Some(match c {
        '\u{a0}' => Space("a no-break space"),
        '\u{202f}' => Space("a narrow no-break space"),
        '\u{2007}' => Space("a figure space"),
        '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{205f}' | '\u{3000}' => {
            Space("a typographic space")
        }
        '\u{200b}' => Nothing("a zero-width space"),
        '\u{200c}' => Nothing("a zero-width non-joiner"),
        '\u{200d}' => Nothing("a zero-width joiner"),
        '\u{2060}' => Nothing("a word joiner"),
        '\u{feff}' => Nothing("a zero-width no-break space (byte-order mark)"),
        '\u{ad}' => Nothing("a soft hyphen"),
        '\u{61c}' | '\u{200e}' | '\u{200f}' => Nothing("a direction mark"),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Nothing("a direction control"),
        '\u{fe00}'..='\u{fe0f}' | '\u{180b}'..='\u{180d}' | '\u{180f}' => {
            Nothing("a variation selector")
        }
        '\u{e0000}'..='\u{e0fff}' => Nothing("a tag character"),
        '\u{34f}'
        | '\u{115f}'
        | '\u{1160}'
        | '\u{17b4}'
        | '\u{17b5}'
        | '\u{180e}'
        | '\u{2061}'..='\u{2064}'
        | '\u{206a}'..='\u{206f}'
        | '\u{3164}'
        | '\u{ffa0}'
        | '\u{fff0}'..='\u{fffb}'
        | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}' => Nothing("an invisible format character"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(clean("Griffon troop transport"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(clean("a\u{1b}[31mred\u{7}"), "a␛[31mred␇");
        assert_eq!(clean("\u{1b}]52;c;aGk=\u{7}"), "␛]52;c;aGk=␇");
        assert_eq!(clean("x\ry"), "x␍y");
    }

    #[test]
    fn bidi_overrides_are_replaced() {
        assert_eq!(clean("abc\u{202e}def"), "abc\u{fffd}def");
        assert_eq!(clean("\u{9b}2J"), "\u{fffd}2J");
    }

    #[test]
    fn white_space_is_folded() {
        assert_eq!(clean("waiting\tfor\n\nradio"), "waiting for radio");
    }

    #[test]
    fn line_separators_are_white_space() {
        assert_eq!(clean("a\u{2028}b\u{2029}c\u{85}d"), "a b c\u{fffd}d");
    }

    #[test]
    fn whole_text_is_cleaned_but_not_cut() {
        let long = format!("{}/q\u{1b}.yaml", "d/".repeat(MAX_CHARS));
        let cleaned = clean_whole(&long);
        assert!(cleaned.ends_with("/q␛.yaml"), "{cleaned}");
        assert_eq!(cleaned.chars().count(), long.chars().count());
    }

    #[test]
    fn long_text_is_cut() {
        let long = "é".repeat(MAX_CHARS + 50);
        let cleaned = clean(&long);
        assert_eq!(cleaned.chars().count(), MAX_CHARS);
        assert!(cleaned.ends_with('…'));
    }

    #[test]
    fn quotes_are_cut_shorter() {
        let long = "x\u{1b}".repeat(100);
        let q = clean_quote(&long);
        assert_eq!(q.chars().count(), MAX_QUOTE_CHARS);
        assert!(q.starts_with("x␛x␛") && q.ends_with('…'));
    }

    #[test]
    fn invisible_characters_never_make_two_texts_look_alike() {
        assert_eq!(clean("TR-009\u{200b}"), "TR-009");
        assert_eq!(clean("TR\u{2060}-001\u{ad}"), "TR-001");
        assert_eq!(
            clean("CMI\u{a0}Defence,\u{202f}Seraing"),
            "CMI Defence, Seraing"
        );
        assert_eq!(clean("a\u{a0} b"), "a b");
        assert_eq!(clean_owned("\u{200b} TR-1 \u{200b}"), "TR-1");
        assert_eq!(
            invisible('\u{a0}').map(Invisible::name),
            Some("a no-break space")
        );
        assert_eq!(invisible('x'), None);
        assert_eq!(invisible(' '), None);
    }

    #[test]
    fn wide_characters_are_kept() {
        assert_eq!(clean("装甲车 🚙"), "装甲车 🚙");
    }
}
