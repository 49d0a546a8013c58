//! Tests of the guards: the scanner's count against serde_yaml's own, and the limits.

use super::*;
use serde::de;

const UNLIMITED: Limits = Limits {
    max_file_bytes: u64::MAX,
    max_entries: usize::MAX,
    // Below serde_yaml's own limit of 128, so `count` reports depth itself.
    max_depth: 120,
};

/// The values serde_yaml sees, aliases expanded.
fn exact(text: &str) -> usize {
    count(text, UNLIMITED).expect("within the limits")
}

#[track_caller]
fn assert_scan_is_exact(text: &str) {
    let shape = scan(text, UNLIMITED).expect("within the limits");
    assert_eq!(shape.entries, exact(text), "for {text:?}");
}

#[test]
fn the_count_is_exact_on_the_sample() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/config/status");
    let mut read = 0;
    for entry in std::fs::read_dir(dir).expect("the sample") {
        let text = std::fs::read_to_string(entry.expect("an entry").path()).expect("text");
        assert_scan_is_exact(&text);
        read += 1;
    }
    assert!(read >= 5);
}

#[test]
fn the_count_is_exact_on_every_way_of_writing() {
    for text in [
        "a: 1\n",
        "a:\nb: 2\n",
        "a:\n  - x\n  - y\n",
        "a:\n- x\n- y\nb: 1\n",
        "- a\n-\n- - b\n  - c\n- d: 1\n  e:\n",
        "a: {b: 1, c, d: }\n",
        "a: [x, y: z, [1, 2], {}]\n",
        "a: [\n  1,\n  2,\n]\n",
        "a: \"quoted: text, [with] {flow}\" # and a comment: here\n",
        "a: 'it''s'\nb: \"multi\n  line\"\nc: 3\n",
        "a: plain text\n  that goes on\nb: 2\n",
        "a: |\n  block: text\n  - not an item\nb: >-\n  folded\n\nc: 1\n",
        "- |\n  x\n- y\n",
        "? a\n: b\n",
        "a: !tag 1\nb: !!str 2\n",
        "--- \na: 1\n...\n",
        "a: http://example.com:80/x\n",
        "\"a\": 1\n'b': 2\n{c: 3}: 4\n",
        "a:\n  # comment\n  b: 1\n",
        "a: 1 #c\n#d\nb: [1, # c\n  2]\n",
        "a: 1\rb: [1,\r 2]\r\nc:\u{85}  d: 3\u{2028}e: 4\u{2029}",
    ] {
        assert!(
            serde_yaml::from_str::<de::IgnoredAny>(text).is_ok(),
            "{text:?} is YAML"
        );
        assert_scan_is_exact(text);
    }
}

#[test]
fn text_that_is_not_yaml_is_scanned_all_the_same() {
    for text in [
        "a: -1\nb: - x\n",
        "a: [\n",
        "\"a",
        "a:\n\t- b\n",
        "]]]}}}",
        "&",
        "*",
    ] {
        assert!(scan(text, UNLIMITED).is_ok(), "{text:?}");
    }
}

#[test]
fn depth_counts_every_list_and_mapping() {
    let depth = |t: &str| scan(t, UNLIMITED).expect("within the limits").depth;
    assert_eq!(depth("a: 1\n"), 1);
    assert_eq!(depth("a: [[1]]\n"), 3);
    assert_eq!(depth("a:\n  - b: {c: [1]}\n"), 5);
    assert_eq!(depth("- - - x\n"), 3);
    assert_eq!(depth("a: \"[[[[\"\nb: '{{{{'\nc: x[[[ # [[[\n"), 1);
}

#[test]
fn limits_stop_the_scan_where_they_are_crossed() {
    let limits = Limits {
        max_entries: 5,
        ..Limits::DEFAULT
    };
    assert_eq!(
        scan("a: 1\nb: 2\nc: 3\n", limits),
        Err(Exceeded::Entries(Loc::new(3, 1)))
    );
    let limits = Limits {
        max_depth: 3,
        ..Limits::DEFAULT
    };
    assert_eq!(
        scan("a:\n  b: [[1]]\n", limits),
        Err(Exceeded::Depth(Loc::new(2, 7)))
    );
    assert_eq!(
        scan("a:\n  b:\n    c:\n      d: 1\n", limits),
        Err(Exceeded::Depth(Loc::new(4, 7)))
    );
}

#[test]
fn aliases_are_seen_and_counted_expanded() {
    let text = "a: &x [1, 2, 3]\nb: *x\nc: *x\n";
    let shape = scan(text, UNLIMITED).expect("within the limits");
    assert!(shape.aliases);
    // As written, an alias is one value; expanded, it is what its anchor holds.
    assert_eq!(shape.entries, 10);
    assert_eq!(exact(text), 16);
    assert!(!scan("a: '*x'\nb: x*y\n", UNLIMITED).expect("ok").aliases);
    let limits = Limits {
        max_entries: 12,
        ..Limits::DEFAULT
    };
    assert!(matches!(count(text, limits), Err(Exceeded::Expanded(_))));
}

#[test]
fn depth_through_aliases_is_counted() {
    let text = "a: &a [[1]]\nb: &b [*a]\nc: &c [*b]\nd: [*c]\n";
    let limits = Limits {
        max_depth: 5,
        ..Limits::DEFAULT
    };
    assert!(scan(text, limits).is_ok(), "as written, 3 levels");
    assert!(matches!(
        count(text, limits),
        Err(Exceeded::ExpandedDepth(_))
    ));
}

#[test]
fn syntax_errors_are_left_to_the_parse() {
    assert!(count("a: [1, 2\n", Limits::DEFAULT).is_ok());
    assert!(count("a: *nowhere\n", Limits::DEFAULT).is_ok());
}

#[test]
fn line_ends_are_found_at_every_place_in_a_word() {
    // Each break YAML knows, and bytes past ASCII that are not one, at every offset from
    // 0 to 19: the end and the next line's start, as read a byte at a time.
    for brk in [
        "\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "é", "\u{2030}",
    ] {
        for at in 0..20 {
            let text = format!("{}{brk}tail of the line, long enough", "a".repeat(at));
            let b = text.as_bytes();
            let is_break = !matches!(brk, "é" | "\u{2030}");
            let want = if is_break {
                (at, Some(at + brk.len()))
            } else {
                (b.len(), None)
            };
            assert_eq!(scan::line_break(b, 0), want, "{brk:?} at {at}");
            assert_eq!(
                scan::line_break(b, at.min(3)),
                want,
                "{brk:?} at {at}, from 3"
            );
        }
    }
}
