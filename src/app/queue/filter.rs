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
//! A queue may hold a million vehicles and the filter runs on every key typed: the text of
//! a load is lower-cased once ([`super::index`]), each filter is compiled against it
//! ([`super::matcher`]), and a filter that [`implies`] the one before only tests the rows
//! that one left ([`super::search`]).

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

/// True when every vehicle that passes `new` passes `old` as well, so that the rows of
/// `old` hold every row of `new` and only they need testing. Sufficient, not necessary:
/// it says true only when each term of `old` is implied by some term of `new`, term by
/// term:
///
/// - a word implies every word it contains (`pai` by `pain`), and a field word every
///   word of the same field it contains (`stage:pa` by `stage:pai`, `hold:` by any
///   `hold:` word); `family:x` implies `variant:x` (a variant matches its family's name);
/// - a field word implies a plain word it contains, except `due:` (plain words do not
///   search due dates): `stage:paint` implies `pain`;
/// - `held` and `hold:` words imply each other's "on hold"; `overdue` implies `due:`.
///
/// Terms are and-ed, so more terms only narrow. The language has no negation and no
/// "or": were `-word` added, a longer negated word would let more rows in (it would
/// imply nothing), and an "or" would need every alternative of `old` implied.
pub fn implies(new: &[Term], old: &[Term]) -> bool {
    old.iter().all(|o| new.iter().any(|n| term_implies(n, o)))
}

fn term_implies(new: &Term, old: &Term) -> bool {
    match (new, old) {
        (Term::Text(b), Term::Text(a)) => b.contains(a.as_str()),
        (Term::Field(g, b), Term::Field(f, a)) => {
            (g == f || (*g == Field::Family && *f == Field::Variant)) && b.contains(a.as_str())
        }
        (Term::Field(g, b), Term::Text(a)) => *g != Field::Due && b.contains(a.as_str()),
        (Term::Overdue, Term::Overdue) | (Term::Held, Term::Held) => true,
        (Term::Field(Field::Hold, _), Term::Held) => true,
        (Term::Held, Term::Field(Field::Hold, a)) | (Term::Overdue, Term::Field(Field::Due, a)) => {
            a.is_empty()
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longer_words_and_more_words_imply_the_shorter_filter() {
        let yes = [
            ("pain", "pai"),
            ("stage", "stag"),
            ("pai x", "pai"),
            ("x pai", "pai x"),
            ("stage:pai", "stage:pa"),
            ("stage:pai", "stage:"),
            ("stage:paint", "pain"),
            ("family:jag", "variant:ja"),
            ("hold:parts", "held"),
            ("held", "hold:"),
            ("overdue", "due:"),
            ("overdue held", "held"),
            ("a b", ""),
        ];
        for (new, old) in yes {
            assert!(
                implies(&parse(new), &parse(old)),
                "{new:?} should imply {old:?}"
            );
        }
        let no = [
            // A word becoming a field, a keyword or a prefix that names no field.
            ("stage:", "stage"),
            ("overdue", "overdu"),
            ("held:", "held"),
            ("due:2026", "2026"),
            ("variant:ja", "family:ja"),
            ("stage:pa", "site:pa"),
            ("pai", "pain"),
            ("held", "hold:parts"),
            ("", "a"),
        ];
        for (new, old) in no {
            assert!(
                !implies(&parse(new), &parse(old)),
                "{new:?} should not imply {old:?}"
            );
        }
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
