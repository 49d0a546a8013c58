//! Searches of a whole file's text that read it at the speed of the one-character search.

/// True when `text` holds `needle`, as `str::contains`: each place of its first character,
/// found with the fast search of one character, is compared with the rest. A search for a
/// short text (`str::contains(&str)`) reads every byte more slowly, and the files are tens
/// of megabytes.
pub fn holds(text: &str, needle: &str) -> bool {
    let Some(first) = needle.chars().next() else {
        return true;
    };
    text.match_indices(first)
        .any(|(at, _)| text.as_bytes()[at..].starts_with(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::holds;

    #[test]
    fn holds_as_contains() {
        let texts = [
            "",
            "~",
            "~@",
            "a~b~@c",
            "~~@",
            "{stage: ",
            "{stag",
            "é~@é",
            "x{stage: y",
        ];
        for text in texts {
            for needle in ["", "~@", "{stage: ", "é", "@"] {
                assert_eq!(
                    holds(text, needle),
                    text.contains(needle),
                    "{text:?} {needle:?}"
                );
            }
        }
    }
}
