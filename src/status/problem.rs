//! A problem found while loading: what, where, how bad.

use std::fmt;

/// How bad a problem is. `check` exits 1 when any problem is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing; the figures still stand.
    Warning,
    /// Something is left out or wrong; `check` exits 1.
    Error,
}

impl Severity {
    /// The word `check` prints: `warning` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A line and column in a file, both 1-based; 0 means unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Loc {
    /// The line, from 1.
    pub line: u32,
    /// The column in characters, from 1.
    pub column: u32,
}

impl Loc {
    /// A place not known.
    pub const UNKNOWN: Loc = Loc { line: 0, column: 0 };

    /// Line `line`, column `column`.
    pub fn new(line: u32, column: u32) -> Self {
        Loc { line, column }
    }

    /// True unless [`Loc::UNKNOWN`].
    pub fn is_known(self) -> bool {
        self.line > 0
    }

    /// `self` when known, else `fallback`.
    pub fn or(self, fallback: Loc) -> Loc {
        if self.is_known() { self } else { fallback }
    }
}

/// One problem of a load, ready to show to a programme officer.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Problem {
    /// How bad.
    pub severity: Severity,
    /// The file's display name, `None` for problems of the whole set.
    pub file: Option<String>,
    /// Where in the file, when known.
    pub loc: Loc,
    /// Already cleaned of control characters.
    pub message: String,
}

impl Problem {
    /// A problem of `severity` with its message cleaned of control characters.
    pub fn new(severity: Severity, file: Option<&str>, loc: Loc, message: impl AsRef<str>) -> Self {
        Problem {
            severity,
            file: file.map(str::to_owned),
            loc,
            message: crate::text::clean(message.as_ref()).into_owned(),
        }
    }

    /// An error in `file`.
    pub fn error(file: &str, loc: Loc, message: impl AsRef<str>) -> Self {
        Problem::new(Severity::Error, Some(file), loc, message)
    }

    /// A warning in `file`.
    pub fn warning(file: &str, loc: Loc, message: impl AsRef<str>) -> Self {
        Problem::new(Severity::Warning, Some(file), loc, message)
    }

    /// True for an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col`, as much of it as is known.
    pub fn place(&self) -> String {
        let file = self.file.as_deref().unwrap_or("(status set)");
        match (self.loc.line, self.loc.column) {
            (0, _) => file.to_owned(),
            (line, 0) => format!("{file}:{line}"),
            (line, col) => format!("{file}:{line}:{col}"),
        }
    }
}

impl fmt::Display for Problem {
    /// `file:line:col: severity: message`, the form compilers use, so editors can jump.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.place(), self.severity, self.message)
    }
}

/// The closest of `known` to `given`, when it is close enough to be a likely typo.
pub fn suggest<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let given_lower = given.to_lowercase();
    known
        .into_iter()
        .map(|k| (strsim::levenshtein(&given_lower, &k.to_lowercase()), k))
        .filter(|&(d, k)| d <= (k.chars().count() / 3).max(2) && d > 0 || d == 0 && k != given)
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

/// ` (did you mean `x`?)` or nothing.
pub fn did_you_mean<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    suggest(given, known).map_or_else(String::new, |k| format!("; did you mean `{k}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_has_compiler_form() {
        let p = Problem::error("q.yaml", Loc::new(3, 5), "bad");
        assert_eq!(p.to_string(), "q.yaml:3:5: error: bad");
        let p = Problem::new(Severity::Warning, None, Loc::UNKNOWN, "x");
        assert_eq!(p.to_string(), "(status set): warning: x");
    }

    #[test]
    fn suggestions() {
        let known = ["contracted", "family", "name", "id"];
        assert_eq!(suggest("contracted_qty", known), None);
        assert_eq!(suggest("contractd", known), Some("contracted"));
        assert_eq!(suggest("Family", known), Some("family"));
        assert_eq!(suggest("zzzzzz", known), None);
    }
}
