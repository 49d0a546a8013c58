//! The widths of the Variants table that depend on the data only, worked out on refresh:
//! the stage columns' short headers, the widest name and figure of each column.

use unicode_width::UnicodeWidthStr;

use crate::app::Data;
use crate::app::words::{fit, thousands};
use crate::domain::{Counts, Programme};

/// Widths that depend on the data only, worked out on refresh.
#[derive(Debug, Default, Clone)]
pub(crate) struct Widths {
    pub(crate) name: usize,
    pub(crate) family: usize,
    pub(crate) contracted: usize,
    pub(crate) delivered: usize,
    pub(crate) in_assembly: usize,
    pub(crate) not_started: usize,
    pub(crate) stages: Vec<usize>,
    /// The largest contract of one variant: the scale of the bars.
    pub(crate) max_contracted: u32,
    /// The widest figures beside a bar, so that the bars keep one scale when scrolled.
    pub(crate) chart_numbers: usize,
}

/// Short headers for the stage columns: the initials of a name of several words (a number
/// is kept whole: `40 mm turret` → `40MT`), a short single word as it is, a longer one cut
/// to three letters and a dot. Made unique with a digit when two stages would share one.
pub fn abbreviations(p: &Programme) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(p.stages.len());
    for stage in &p.stages {
        let base = abbreviate(&stage.name);
        let mut candidate = base.clone();
        let mut n = 2;
        while out.contains(&candidate) {
            candidate = format!("{base}{n}");
            n += 1;
        }
        out.push(candidate);
    }
    out
}

fn abbreviate(name: &str) -> String {
    const FILLER: &[&str] = &["and", "of", "the", "for", "to", "with", "a", "an", "&"];
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '_' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !FILLER.contains(&w.to_lowercase().as_str()))
        .collect();
    let words = if kept.is_empty() { words } else { kept };
    let short = match words.as_slice() {
        [] => "?".to_owned(),
        [one] if one.chars().count() <= 5 => (*one).to_owned(),
        [one] => one.chars().take(3).chain(['.']).collect(),
        many => many
            .iter()
            .map(|w| {
                if w.chars().all(|c| c.is_ascii_digit()) {
                    (*w).to_owned()
                } else {
                    w.chars().take(1).flat_map(char::to_uppercase).collect()
                }
            })
            .collect(),
    };
    fit(&short, 5)
}

/// Column headers: short ones, and the long ones used when the room allows.
pub(crate) const HEADS: [(&str, &str); 5] = [
    ("Contr", "Contracted"),
    ("Deliv", "Delivered"),
    ("In asm", "In assembly"),
    ("Not st", "Not started"),
    ("%", "% delivered"),
];
pub(crate) const PERCENT_WIDTH: usize = 6;

pub(crate) fn widths(data: &Data, abbreviations: &[String]) -> Widths {
    let p = data.programme();
    let total = &data.figures.total;
    let num = |n: u32, head: &str| thousands(n.into()).width().max(head.width() + 1);
    Widths {
        name: p
            .variants
            .iter()
            .map(|v| v.name.width())
            .chain(p.families.iter().map(|f| f.name.width() + 2))
            .chain([SUBTOTAL_ALL.width(), "Variant".width() + 1])
            .max()
            .unwrap_or(8),
        family: p
            .families
            .iter()
            .map(|f| f.name.width())
            .chain(["Family".width() + 1])
            .max()
            .unwrap_or(7),
        contracted: num(total.contracted, HEADS[0].0),
        delivered: num(total.delivered, HEADS[1].0),
        in_assembly: num(total.in_assembly(), HEADS[2].0),
        not_started: num(total.not_started(), HEADS[3].0),
        stages: abbreviations
            .iter()
            .zip(&total.per_stage)
            .map(|(a, &n)| num(n, a))
            .collect(),
        max_contracted: p.variants.iter().map(|v| v.contracted).max().unwrap_or(0),
        chart_numbers: data
            .figures
            .variants
            .iter()
            .map(|c| numbers(c).width())
            .max()
            .unwrap_or(0),
    }
}

/// The label of the grand-total row.
pub(crate) const SUBTOTAL_ALL: &str = "Σ Programme";

/// The figures beside a variant's bar: delivered / in assembly / not started.
pub(crate) fn numbers(c: &Counts) -> String {
    format!(
        "{} / {} / {}",
        thousands(c.delivered.into()),
        thousands(c.in_assembly().into()),
        thousands(c.not_started().into())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_names_become_short_headers() {
        assert_eq!(abbreviate("Hull received"), "HR");
        assert_eq!(abbreviate("Variant kit and interior"), "VKI");
        assert_eq!(abbreviate("40 mm turret"), "40MT");
        assert_eq!(abbreviate("Paint"), "Paint");
        assert_eq!(abbreviate("Communications"), "Com.");
        assert_eq!(abbreviate(""), "?");
    }
}
