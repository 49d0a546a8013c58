//! One plain visit line (`- {stage: ID, since: DATE}`) recognised in one step, for the
//! passes that read the text as written (the guard's scanner, the locator, the checks of
//! quoting): see `yaml::visits`.

/// The length in bytes of the stage id when `content` (a line from its first non-blank
/// character, without its break) is exactly one plain visit item `- {stage: ID, since:
/// DATE}`: an id of ASCII letters, digits, `_` and `-`, a date of ten digits and `-`,
/// nothing else. Such a line holds no anchor, alias, tag, quote, comment or nesting
/// beyond its one flow mapping, so the guard's scanner, the locator and the checks of
/// quoting may read it in one step (their results stay those of their general reading).
/// The date is not checked for being real: that is for the parse.
pub fn plain_visit_item(content: &[u8]) -> Option<usize> {
    match plain_visit_prefix(content)? {
        (id, len) if len == content.len() => Some(id),
        _ => None,
    }
}

/// The line of `text` that starts at byte `start` when it is a plain visit item (as
/// [`plain_visit_item`]) after spaces, ended by `\n`: its indentation (spaces), the
/// length of its id, and where its `\n` is; all in bytes. Read without first seeking the
/// line's end: a pass over a run of such lines reads each once.
pub fn plain_visit_line(text: &[u8], start: usize) -> Option<(usize, usize, usize)> {
    let line = text.get(start..)?;
    let indent = line.iter().take_while(|&&c| c == b' ').count();
    let (id, len) = plain_visit_prefix(&line[indent..])?;
    let end = start + indent + len;
    (text.get(end) == Some(&b'\n')).then_some((indent, id, end))
}

/// The bytes of a plain stage id: ASCII letters, digits, `_` and `-`.
const ID_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
        c += 1;
    }
    t
};

/// The bytes of a plain visit's date: ASCII digits and `-`.
const DATE_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_digit() || b == b'-';
        c += 1;
    }
    t
};

/// The length of the stage id and of the whole item when `content` starts with a plain
/// visit item `- {stage: ID, since: DATE}` (see [`plain_visit_item`]).
fn plain_visit_prefix(content: &[u8]) -> Option<(usize, usize)> {
    const HEAD: usize = "- {stage: ".len();
    // Read by index, a byte at a time, and the fixed parts as whole words, without
    // iterators or calls to compare bytes: four passes call this on every visit line.
    let head = content.get(..HEAD)?;
    if word(head, 0) != word(b"- {stage: ", 0) || head[8..] != *b": " {
        return None;
    }
    let mut end = HEAD;
    while end < content.len() && ID_BYTE[usize::from(content[end])] {
        end += 1;
    }
    let id = end - HEAD;
    // `, since: `, ten bytes of the date, `}`.
    let tail = content.get(end..end + 20)?;
    if id == 0 || word(tail, 0) != word(b", since: ", 0) || tail[8] != b' ' || tail[19] != b'}' {
        return None;
    }
    let mut date = 9;
    while date < 19 {
        if !DATE_BYTE[usize::from(tail[date])] {
            return None;
        }
        date += 1;
    }
    Some((id, end + 20))
}

/// The eight bytes of `b` from `at` as one word (`b` holds them).
fn word(b: &[u8], at: usize) -> u64 {
    let mut w = [0; 8];
    w.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_visit_line_is_recognised_exactly() {
        assert_eq!(
            plain_visit_item(b"- {stage: hull, since: 2026-01-02}"),
            Some(4)
        );
        assert_eq!(
            plain_visit_item(b"- {stage: x_1-b, since: 2026-13-99}"),
            Some(5)
        );
        let text = b"a\n    - {stage: kit, since: 2026-01-02}\nb";
        assert_eq!(plain_visit_line(text, 2), Some((4, 3, 39)));
        for not in [
            "- {stage: , since: 2026-01-02}",
            "- {stage: hull, since: 2026-01-02} ",
            "- {stage: hull, since: 2026-01-2}",
            "- {stage: hull, since: 2026/01/02}",
            "- {stage: hull,  since: 2026-01-02}",
            "- {stage: hull, sincE: 2026-01-02}",
            "- {stage:  hull, since: 2026-01-02}",
            "- {Stage: hull, since: 2026-01-02}",
            "- {stage: h'l, since: 2026-01-02}",
            "- {stage: hull, since: 2026-01-02",
            "- {stage: hull, since: ",
            "- {stage: hull",
            "- {stage:",
            "",
        ] {
            assert_eq!(plain_visit_item(not.as_bytes()), None, "{not}");
        }
        // Without its line break, not a line.
        assert_eq!(
            plain_visit_line(b"- {stage: kit, since: 2026-01-02}", 0),
            None
        );
    }
}
