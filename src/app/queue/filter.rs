//! The queue's filter: the words typed after `/`, parsed into terms and matched against
//! vehicles.
//!
//! Every word must match (they are and-ed). A plain word matches the serial, the variant
//! (id, name or family), the stage (id or name), the site, the lot or the hold reason; a
//! word with a field prefix (`stage:paint`, `site:roanne`, `variant:jag`, `family:`,
//! `serial:`, `lot:`, `hold:`, `due:2026-12`) matches that field only, and `hold:`, `lot:`
//! or `due:` alone match any vehicle that has one; `overdue` and `held` match overdue and
//! held vehicles. Matching ignores case.
//!
//! A queue may hold 100 000 vehicles and the filter runs on every key typed, so the short
//! tables of variants, stages and sites are lower-cased once per load ([`Index`]) and each
//! filter is compiled once against them ([`Matcher`]), leaving little per vehicle: its
//! serial, lot and hold are compared ignoring ASCII case in place, without a lower-cased
//! copy of every vehicle's text (which would cost more memory than the queue itself).

use crate::domain::{Date, Programme, Vehicle};

/// One word of the filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// Any field contains the text.
    Text(String),
    /// One field contains the text; an empty text asks only that the field be there.
    Field(Field, String),
    /// `overdue`: the vehicle is past its due date.
    Overdue,
    /// `held`: the vehicle is on hold.
    Held,
}

/// The fields a word can name with a prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `serial:`
    Serial,
    /// `variant:` (id, name or family)
    Variant,
    /// `stage:` (id or name)
    Stage,
    /// `site:`
    Site,
    /// `lot:`
    Lot,
    /// `hold:` (the reason)
    Hold,
    /// `family:` (the variant's family)
    Family,
    /// `due:` (the due date, as `2026-12-01`)
    Due,
}

/// The field prefixes, as the filter's feedback lists them.
pub const FIELDS: &str = "serial: variant: family: stage: site: lot: hold: due:";

impl Field {
    fn from_prefix(prefix: &str) -> Option<Field> {
        Some(match prefix {
            "serial" => Field::Serial,
            "variant" => Field::Variant,
            "stage" => Field::Stage,
            "site" => Field::Site,
            "lot" => Field::Lot,
            "hold" => Field::Hold,
            "family" => Field::Family,
            "due" => Field::Due,
            _ => return None,
        })
    }
}

/// The terms of a filter text, lower-cased. A prefix that names no field is read as plain
/// text, so that `fix:` still finds "defect fix: hydraulic leak".
pub fn parse(text: &str) -> Vec<Term> {
    text.split_whitespace()
        .map(|word| {
            let word = word.to_lowercase();
            match word.as_str() {
                "overdue" => return Term::Overdue,
                "held" => return Term::Held,
                _ => {}
            }
            match word.split_once(':') {
                Some((prefix, value)) => match Field::from_prefix(prefix) {
                    Some(field) => Term::Field(field, value.to_owned()),
                    None => Term::Text(word),
                },
                None => Term::Text(word),
            }
        })
        .collect()
}

/// Lower-cased text of one load, built once per load.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Per variant: id, name and family name.
    variants: Vec<[String; 3]>,
    /// Per stage: id and name.
    stages: Vec<[String; 2]>,
    sites: Vec<String>,
}

impl Index {
    /// The lower-cased text of the load `p`.
    pub fn new(p: &Programme) -> Index {
        let lower = |s: &str| s.to_lowercase();
        Index {
            variants: p
                .variants
                .iter()
                .map(|v| {
                    [
                        lower(&v.id),
                        lower(&v.name),
                        lower(&p.family(v.family).name),
                    ]
                })
                .collect(),
            stages: p
                .stages
                .iter()
                .map(|s| [lower(&s.id), lower(&s.name)])
                .collect(),
            sites: p.sites.iter().map(|s| lower(s)).collect(),
        }
    }
}

/// One term, ready to test vehicles.
#[derive(Debug, Clone)]
enum Test {
    Any {
        needle: String,
        variants: Vec<bool>,
        stages: Vec<bool>,
        sites: Vec<bool>,
    },
    Serial(String),
    Variant(Vec<bool>),
    Stage(Vec<bool>),
    Site(Vec<bool>),
    Lot(String),
    Hold(String),
    Family(Vec<bool>),
    Due(String),
    Overdue,
    Held,
}

/// A filter compiled against one load's [`Index`].
#[derive(Debug, Clone)]
pub struct Matcher {
    tests: Vec<Test>,
    today: Date,
}

fn table<const N: usize>(rows: &[[String; N]], needle: &str) -> Vec<bool> {
    rows.iter()
        .map(|r| r.iter().any(|s| s.contains(needle)))
        .collect()
}

fn sites(sites: &[String], needle: &str) -> Vec<bool> {
    sites.iter().map(|s| s.contains(needle)).collect()
}

/// True when `text` is there and contains `needle`; an empty needle asks only that it be
/// there.
fn has(text: Option<&str>, needle: &str) -> bool {
    text.is_some_and(|t| contains_lower(t, needle))
}

/// True when `text`, lower-cased, contains `needle` (lower-cased already): in place for
/// ASCII text, through a lower-cased copy otherwise.
fn contains_lower(text: &str, needle: &str) -> bool {
    if !text.is_ascii() {
        return text.to_lowercase().contains(needle);
    }
    // An ASCII text lower-cases byte for byte; a needle that is not ASCII cannot be in it.
    let (text, needle) = (text.as_bytes(), needle.as_bytes());
    needle.is_empty()
        || text.windows(needle.len()).any(|w| {
            w.iter()
                .zip(needle)
                .all(|(a, b)| a.to_ascii_lowercase() == *b)
        })
}

impl Matcher {
    /// The filter `terms` compiled against `index`; `overdue` is as of `today`.
    pub fn new(terms: &[Term], index: &Index, today: Date) -> Matcher {
        let tests = terms
            .iter()
            .map(|t| match t {
                Term::Text(n) => Test::Any {
                    needle: n.clone(),
                    variants: table(&index.variants, n),
                    stages: table(&index.stages, n),
                    sites: sites(&index.sites, n),
                },
                Term::Field(Field::Serial, n) => Test::Serial(n.clone()),
                Term::Field(Field::Variant, n) => Test::Variant(table(&index.variants, n)),
                Term::Field(Field::Stage, n) => Test::Stage(table(&index.stages, n)),
                Term::Field(Field::Site, n) => Test::Site(sites(&index.sites, n)),
                Term::Field(Field::Lot, n) => Test::Lot(n.clone()),
                Term::Field(Field::Hold, n) => Test::Hold(n.clone()),
                Term::Field(Field::Family, n) => Test::Family(
                    index
                        .variants
                        .iter()
                        .map(|v| v[2].contains(n.as_str()))
                        .collect(),
                ),
                Term::Field(Field::Due, n) => Test::Due(n.clone()),
                Term::Overdue => Test::Overdue,
                Term::Held => Test::Held,
            })
            .collect();
        Matcher { tests, today }
    }

    /// True when the filter has no term: every vehicle matches.
    pub fn is_empty(&self) -> bool {
        self.tests.is_empty()
    }

    /// True when the vehicle `v` passes every term.
    pub fn matches(&self, v: &Vehicle) -> bool {
        let variant = v.variant.0 as usize;
        let stage = v.stage.0 as usize;
        let site = v.site.0 as usize;
        let hit = |t: &[bool], i: usize| t.get(i).copied().unwrap_or(false);
        self.tests.iter().all(|t| match t {
            Test::Any {
                needle,
                variants,
                stages,
                sites,
            } => {
                contains_lower(&v.serial, needle)
                    || hit(variants, variant)
                    || hit(stages, stage)
                    || hit(sites, site)
                    || has(v.lot.as_deref(), needle)
                    || has(v.hold.as_deref(), needle)
            }
            Test::Serial(n) => contains_lower(&v.serial, n),
            Test::Variant(t) => hit(t, variant),
            Test::Stage(t) => hit(t, stage),
            Test::Site(t) => hit(t, site),
            Test::Lot(n) => has(v.lot.as_deref(), n),
            Test::Hold(n) => has(v.hold.as_deref(), n),
            Test::Family(t) => hit(t, variant),
            Test::Due(n) => v.due.is_some_and(|d| d.to_string().contains(n.as_str())),
            Test::Overdue => v.is_overdue(self.today),
            Test::Held => v.is_on_hold(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_matched_ignoring_case_in_place() {
        assert!(contains_lower("BE-GRF-0042", "grf-00"));
        assert!(contains_lower("BE-GRF-0042", ""));
        assert!(!contains_lower("BE-GRF-0042", "grf-01"));
        assert!(!contains_lower("GRF", "grf-0042"));
        assert!(contains_lower("Véhicule ÉCOLE", "école"));
        assert!(!contains_lower("ECOLE", "école"));
        // The Kelvin sign lower-cases to an ASCII k: not ASCII text, so it is lowered.
        assert!(contains_lower("\u{212a}M-1", "km"));
    }

    #[test]
    fn words_become_terms() {
        assert_eq!(
            parse("  Stage:Paint roanne OVERDUE held hold: fix:x"),
            vec![
                Term::Field(Field::Stage, "paint".into()),
                Term::Text("roanne".into()),
                Term::Overdue,
                Term::Held,
                Term::Field(Field::Hold, String::new()),
                Term::Text("fix:x".into()),
            ]
        );
        assert!(parse("   ").is_empty());
    }
}
