//! A report's table as the writers see it: columns and cells, with no figures of their
//! own. Each section builds its table from these ([`super::tables`] picks the section's).

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    Text(String),
    Int(i64),
    /// A difference: `+7` in Markdown, `7` in CSV.
    Signed(i64),
    /// A number shown with this many decimals.
    Num(f64, usize),
    Bool(bool),
    Empty,
}

impl Cell {
    pub(super) fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub(super) fn opt_int(n: Option<impl Into<i64>>) -> Cell {
        n.map_or(Cell::Empty, |n| Cell::Int(n.into()))
    }

    pub(super) fn opt_text(s: Option<impl Into<String>>) -> Cell {
        s.map_or(Cell::Empty, |s| Cell::Text(s.into()))
    }

    pub(super) fn plain(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) | Cell::Signed(n) => n.to_string(),
            Cell::Num(x, d) => format!("{x:.d$}"),
            Cell::Bool(b) => b.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A column: its CSV header (snake_case), its Markdown title, and whether it holds numbers
/// (right-aligned in Markdown).
pub(super) struct Column {
    pub(super) key: String,
    pub(super) title: String,
    pub(super) numeric: bool,
}

pub(super) fn col(key: &str, title: &str, numeric: bool) -> Column {
    Column {
        key: key.to_owned(),
        title: title.to_owned(),
        numeric,
    }
}

pub(super) struct Table {
    pub(super) columns: Vec<Column>,
    pub(super) rows: Vec<Vec<Cell>>,
    /// Rows that are totals (bold in Markdown).
    pub(super) totals: Vec<usize>,
}
