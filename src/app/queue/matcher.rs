//! A filter compiled against one load's [`Index`]: every term that names a shared text
//! (variant, stage, site, lot, hold, due date) becomes a yes/no per entry of that text's
//! table, worked out once per filter; testing a vehicle is then a few lookups in those
//! tables and, for plain words and `serial:`, a search in its lower-cased serial. No
//! allocation per vehicle.

use super::filter::{Field, Term};
use super::index::{Index, NONE, Row};

/// Which column of a [`Row`] a lookup reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Variant,
    Stage,
    Site,
    Lot,
    Hold,
    Due,
}

/// Yes or no per entry of one column's table; a row whose id is past the table's end (or
/// [`NONE`]) is a no.
#[derive(Debug, Clone)]
struct Lookup {
    column: Column,
    hits: Vec<bool>,
}

impl Lookup {
    fn new(column: Column, hits: Vec<bool>) -> Lookup {
        Lookup { column, hits }
    }

    fn hit(&self, row: &Row) -> bool {
        let id = match self.column {
            Column::Variant => row.variant,
            Column::Stage => row.stage,
            Column::Site => row.site,
            Column::Lot => row.lot,
            Column::Hold => row.hold,
            Column::Due => row.due,
        };
        id != NONE && self.hits.get(id as usize).copied().unwrap_or(false)
    }
}

/// One term, ready to test vehicles.
#[derive(Debug, Clone)]
enum Test {
    /// A plain word: the serial contains it, or one of the lookups says yes.
    Any {
        needle: Vec<u8>,
        lookups: Vec<Lookup>,
    },
    /// `serial:`: the serial contains it.
    Serial(Vec<u8>),
    /// Every other term: one lookup.
    One(Lookup),
}

/// A filter compiled against one load's [`Index`].
#[derive(Debug, Clone)]
pub struct Matcher {
    tests: Vec<Test>,
}

/// True when `haystack` contains `needle` (an empty needle is in every text).
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let mut from = 0;
    while let Some(at) = haystack
        .get(from..)
        .and_then(|h| h.iter().position(|&b| b == first))
    {
        let start = from + at + 1;
        match haystack.get(start..start + rest.len()) {
            Some(tail) if tail == rest => return true,
            Some(_) => from = start,
            None => return false,
        }
    }
    false
}

fn any<const N: usize>(rows: &[[String; N]], needle: &str) -> Vec<bool> {
    rows.iter()
        .map(|r| r.iter().any(|s| s.contains(needle)))
        .collect()
}

fn each(texts: &[String], needle: &str) -> Vec<bool> {
    texts.iter().map(|s| s.contains(needle)).collect()
}

impl Matcher {
    /// The filter `terms` (lower-cased by [`super::filter::parse`]) compiled against
    /// `index`; `overdue` is as of the index's day.
    pub fn new(terms: &[Term], index: &Index) -> Matcher {
        let dues = |keep: &dyn Fn(crate::domain::Date) -> bool| {
            Lookup::new(Column::Due, index.dues.iter().map(|&d| keep(d)).collect())
        };
        let tests = terms
            .iter()
            .map(|t| match t {
                Term::Text(n) => Test::Any {
                    needle: n.as_bytes().to_vec(),
                    // A column none of whose names holds the word cannot say yes: left
                    // out, so that a word found in serials only (`gen-0000`) costs a row
                    // the search of its serial alone.
                    lookups: [
                        Lookup::new(Column::Variant, any(&index.variants, n)),
                        Lookup::new(Column::Stage, any(&index.stages, n)),
                        Lookup::new(Column::Site, each(&index.sites, n)),
                        Lookup::new(Column::Lot, each(&index.lots, n)),
                        Lookup::new(Column::Hold, each(&index.holds, n)),
                    ]
                    .into_iter()
                    .filter(|l| l.hits.contains(&true))
                    .collect(),
                },
                Term::Field(Field::Serial, n) => Test::Serial(n.as_bytes().to_vec()),
                Term::Field(Field::Variant, n) => {
                    Test::One(Lookup::new(Column::Variant, any(&index.variants, n)))
                }
                Term::Field(Field::Family, n) => Test::One(Lookup::new(
                    Column::Variant,
                    index
                        .variants
                        .iter()
                        .map(|v| v[2].contains(n.as_str()))
                        .collect(),
                )),
                Term::Field(Field::Stage, n) => {
                    Test::One(Lookup::new(Column::Stage, any(&index.stages, n)))
                }
                Term::Field(Field::Site, n) => {
                    Test::One(Lookup::new(Column::Site, each(&index.sites, n)))
                }
                Term::Field(Field::Lot, n) => {
                    Test::One(Lookup::new(Column::Lot, each(&index.lots, n)))
                }
                Term::Field(Field::Hold, n) => {
                    Test::One(Lookup::new(Column::Hold, each(&index.holds, n)))
                }
                Term::Field(Field::Due, n) => {
                    Test::One(dues(&|d| d.to_string().contains(n.as_str())))
                }
                Term::Overdue => Test::One(dues(&|d| index.today > d)),
                Term::Held => Test::One(Lookup::new(Column::Hold, vec![true; index.holds.len()])),
            })
            .collect();
        Matcher { tests }
    }

    /// True when vehicle `i` of `index` passes every term.
    pub fn matches(&self, index: &Index, i: usize) -> bool {
        let Some(row) = index.rows.get(i) else {
            return false;
        };
        self.tests.iter().all(|t| match t {
            Test::Any { needle, lookups } => {
                lookups.iter().any(|l| l.hit(row)) || contains(index.serial(i), needle)
            }
            Test::Serial(needle) => contains(index.serial(i), needle),
            Test::One(lookup) => lookup.hit(row),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_finds_needles_anywhere() {
        assert!(contains(b"be-grf-0042", b"grf-00"));
        assert!(contains(b"be-grf-0042", b""));
        assert!(contains(b"aab", b"ab"));
        assert!(contains(b"0042", b"42"));
        assert!(!contains(b"be-grf-0042", b"grf-01"));
        assert!(!contains(b"grf", b"grf-0042"));
        assert!(!contains(b"", b"a"));
    }

    #[test]
    fn a_word_in_no_name_is_sought_in_the_serials_alone() {
        let today = crate::domain::Date::from_ymd_opt(2026, 11, 26).unwrap();
        let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/status");
        let loaded =
            crate::status::Loader::new(vec![here], crate::status::Limits::default()).load(today);
        let data = crate::app::Data::new(loaded, today);
        let index = Index::new(data.programme(), today);
        let compiled = |text: &str| Matcher::new(&super::super::filter::parse(text), &index);
        let lookups = |m: &Matcher| match &m.tests[..] {
            [Test::Any { lookups, .. }] => lookups.iter().map(|l| l.column).collect(),
            _ => Vec::new(),
        };
        let rows = |m: &Matcher| (0..index.len()).filter(|&i| m.matches(&index, i)).count();
        // `be-grf-00` is in serials only; `seraing` in one site's name; `l2` in lots.
        let serials_only = compiled("be-grf-00");
        assert_eq!(lookups(&serials_only), Vec::<Column>::new());
        assert_eq!(
            rows(&serials_only),
            (0..index.len())
                .filter(|&i| contains(index.serial(i), b"be-grf-00"))
                .count()
        );
        assert!(rows(&serials_only) > 0);
        assert_eq!(lookups(&compiled("seraing")), [Column::Site]);
        assert!(lookups(&compiled("l2")).contains(&Column::Lot));
    }
}
