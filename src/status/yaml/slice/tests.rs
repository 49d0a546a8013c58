//! Tests of the cut of long lists into slices.

use super::*;
use crate::status::Limits;
use crate::status::yaml::guard;

/// The rest, and each list's section and slices.
type Pieces = (String, Vec<(Section, Vec<String>)>);

fn cut_text(text: &str, per_slice: usize) -> Option<Pieces> {
    let (_, outline) = guard::outline(text, Limits::DEFAULT).unwrap();
    cut(text, &outline, per_slice).map(|c| {
        let lists = c
            .lists
            .iter()
            .map(|l| (l.section, l.slices.iter().map(|s| s.to_string()).collect()))
            .collect();
        (c.rest, lists)
    })
}

#[test]
fn long_lists_are_cut_into_slices_and_the_rest_keeps_their_keys() {
    let text = "version: 1\nqueue:\n  # first\n  - a: 1\n    b: 2\n  - a: 3\n\n  - a: 4\n\
                # between\nplan:\n  2025: {x: 1}\ndeliveries:\n- d: 1\n- d: 2\n- d: 3\n";
    let (rest, lists) = cut_text(text, 2).unwrap();
    assert_eq!(
        rest,
        "version: 1\nqueue:\n  # first\nplan:\n  2025: {x: 1}\ndeliveries:\n"
    );
    assert_eq!(
        lists,
        [
            (
                Section::Queue,
                vec![
                    "  - a: 1\n    b: 2\n  - a: 3\n\n".to_owned(),
                    "  - a: 4\n# between\n".to_owned()
                ]
            ),
            (
                Section::Deliveries,
                vec!["- d: 1\n- d: 2\n".to_owned(), "- d: 3\n".to_owned()]
            ),
        ]
    );
}

#[test]
fn short_lists_and_other_sections_stay_whole() {
    assert!(cut_text("queue:\n- a\n- b\n", 2).is_none());
    assert!(cut_text("stages:\n- a\n- b\n- c\n", 2).is_none());
    assert!(cut_text("queue: [a, b, c]\n", 1).is_none());
}

#[test]
fn text_that_is_not_plainly_block_style_stays_whole() {
    for text in [
        // Something between the key and its items, or after the key.
        "queue:\n  !!seq\n  - a\n  - b\n  - c\n",
        "queue: &q\n  - a\n  - b\n  - c\n",
        "queue: !!seq\n  - a\n  - b\n  - c\n",
        // A line less indented than the items.
        "queue:\n  - a\n  - b\n - c\n  - d\n",
        "queue:\n  - \"a\n b\"\n  - b\n  - c\n",
        // A line break YAML knows and the cut does not.
        "queue:\n- a\n- b\u{2028}- c\n",
        "queue:\n- a\n- b\r- c\n",
        "queue:\n- a\n- b\u{85}- c\n",
        // The key quoted, or not at the top level.
        "\"queue\":\n- a\n- b\n- c\n",
        "x:\n  queue:\n  - a\n  - b\n  - c\n",
    ] {
        let cut = cut_text(text, 1);
        assert!(cut.is_none(), "{text:?} was cut: {cut:?}");
    }
}

#[test]
fn a_list_inside_a_multi_line_text_is_not_an_item() {
    let text = "queue:\n- a: |\n    - b\n    - c\n- d\n";
    let (_, lists) = cut_text(text, 1).unwrap();
    assert_eq!(lists[0].1, ["- a: |\n    - b\n    - c\n", "- d\n"]);
    let text = "queue:\n- a: \"x\n- y\"\n- d\n- e\n";
    let (_, lists) = cut_text(text, 1).unwrap();
    assert_eq!(lists[0].1, ["- a: \"x\n- y\"\n", "- d\n", "- e\n"]);
}

#[test]
fn crlf_lines_are_cut_at_their_items() {
    let text = "queue:\r\n- a\r\n- b\r\n- c\r\n";
    let (rest, lists) = cut_text(text, 2).unwrap();
    assert_eq!(rest, "queue:\r\n");
    assert_eq!(lists[0].1, ["- a\r\n- b\r\n", "- c\r\n"]);
}
