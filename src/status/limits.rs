//! The limits on what one status file may cost to read (docs/LIMITS.md).

/// Limits on what one status file may cost to read. Every one is checked before the
/// memory or time it guards is spent; docs/LIMITS.md gives the reasons for the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// A larger file is refused before it is read.
    pub max_file_bytes: u64,
    /// The most values (every key, value, list item, list and mapping counts as one) the
    /// YAML library may hold at once, counted again each time an alias (`*name`) repeats
    /// an anchor: a file read whole, or each slice of a file read in slices (so a plain
    /// file under `max_file_bytes` loads whatever its length; docs/LIMITS.md).
    pub max_entries: usize,
    /// The deepest nesting of lists and mappings a file may have.
    pub max_depth: usize,
}

impl Limits {
    /// The defaults: far above any real programme, far below what hurts a laptop.
    pub const DEFAULT: Limits = Limits {
        max_file_bytes: 64 * 1024 * 1024,
        max_entries: 1_000_000,
        max_depth: 64,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_documented_with_their_defaults() {
        let doc = include_str!("../../docs/LIMITS.md");
        let d = Limits::DEFAULT;
        for line in [
            format!("| `max_file_bytes` | {} |", d.max_file_bytes),
            format!("| `max_entries` | {} |", d.max_entries),
            format!("| `max_depth` | {} |", d.max_depth),
        ] {
            assert!(doc.contains(&line), "docs/LIMITS.md lacks `{line}`");
        }
    }
}
