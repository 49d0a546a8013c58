//! One table as CSV, for spreadsheets: RFC 4180 quoting, UTF-8 with a byte-order mark.

use super::tables::{Cell, Table};

/// The UTF-8 byte-order mark, so that spreadsheets (Excel above all) read the file as
/// UTF-8 instead of the system's code page.
const BOM: &str = "\u{feff}";

/// One table as CSV (RFC 4180 quoting, `\n` line ends), preceded by a byte-order mark.
pub(super) fn write(t: &Table) -> String {
    let mut out = String::from(BOM);
    let header: Vec<String> = t.columns.iter().map(|c| csv_field(&c.key)).collect();
    out.push_str(&header.join(","));
    out.push('\n');
    for row in &t.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Cell::Text(s) => csv_field(&defuse_formula(s)),
                other => other.plain(),
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// A field quoted when it must be: it holds a comma, a quote or a line break, or starts or
/// ends with a space (which a spreadsheet would drop). Quotes inside are doubled.
fn csv_field(s: &str) -> String {
    let needs_quotes = s.contains([',', '"', '\n', '\r'])
        || s.starts_with(char::is_whitespace)
        || s.ends_with(char::is_whitespace);
    if needs_quotes {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Text from a status file that a spreadsheet would take for a formula (`=`, `+`, `-`,
/// `@` first) is written after an apostrophe, so that opening the file runs nothing.
fn defuse_formula(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::super::tables::col;
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_they_must_be() {
        assert_eq!(csv_field("Griffon"), "Griffon");
        assert_eq!(
            csv_field("CMI Defence, Seraing"),
            "\"CMI Defence, Seraing\""
        );
        assert_eq!(csv_field("the \"CTA\" gun"), "\"the \"\"CTA\"\" gun\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field(" padded"), "\" padded\"");
        assert_eq!(csv_field(""), "");
    }

    #[test]
    fn formulas_from_files_are_defused() {
        assert_eq!(defuse_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse_formula("-1+2"), "'-1+2");
        assert_eq!(defuse_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse_formula("grf-tt"), "grf-tt");
        let t = Table {
            columns: vec![col("a", "A", false), col("b", "B", true)],
            rows: vec![vec![Cell::text("=1+1, then"), Cell::Int(-3)]],
            totals: Vec::new(),
        };
        // Numbers are the report's own and keep their sign.
        assert_eq!(write(&t), "\u{feff}a,b\n\"'=1+1, then\",-3\n");
    }
}
