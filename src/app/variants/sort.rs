//! The order of the table: which column, which way, and the rows in that order.

use std::cmp::Ordering;

use super::Entry;
use crate::app::Data;
use crate::domain::{Counts, FamilyId, Programme, VariantId};

/// A column the table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortColumn {
    /// The order of the status files.
    #[default]
    FileOrder,
    /// The variant's name.
    Variant,
    /// The family's name.
    Family,
    /// Vehicles on contract.
    Contracted,
    /// Vehicles delivered.
    Delivered,
    /// Vehicles in one stage (index into [`Programme::stages`]).
    Stage(usize),
    /// Vehicles in final assembly.
    InAssembly,
    /// Vehicles not started.
    NotStarted,
    /// The share delivered.
    Percent,
}

impl SortColumn {
    pub(super) fn next(self, stages: usize) -> SortColumn {
        use SortColumn::*;
        match self {
            FileOrder => Variant,
            Variant => Family,
            Family => Contracted,
            Contracted => Delivered,
            Delivered if stages > 0 => Stage(0),
            Delivered => InAssembly,
            Stage(i) if i + 1 < stages => Stage(i + 1),
            Stage(_) => InAssembly,
            InAssembly => NotStarted,
            NotStarted => Percent,
            Percent => FileOrder,
        }
    }

    /// Figures sort largest first when first chosen; names and the file order A to Z.
    pub(super) fn starts_descending(self) -> bool {
        !matches!(
            self,
            SortColumn::FileOrder | SortColumn::Variant | SortColumn::Family
        )
    }
}

/// The sort of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort {
    /// The column sorted by.
    pub column: SortColumn,
    /// True for the largest (or last) first.
    pub descending: bool,
}

/// The body rows in display order for `sort`: each family's variants, then its subtotal.
pub(super) fn sorted_rows(data: &Data, sort: Sort) -> Vec<Entry> {
    let p = data.programme();
    let f = &data.figures;
    let mut members: Vec<Vec<VariantId>> = vec![Vec::new(); p.families.len()];
    for v in p.variant_ids() {
        members[p.family_of(v).0 as usize].push(v);
    }
    let mut families: Vec<FamilyId> = p
        .family_ids()
        .filter(|fam| !members[fam.0 as usize].is_empty())
        .collect();
    let direct = |o: Ordering| if sort.descending { o.reverse() } else { o };
    families.sort_by(|&a, &b| {
        let by_column = match sort.column {
            SortColumn::FileOrder => a.cmp(&b),
            SortColumn::Variant | SortColumn::Family => {
                text_cmp(&p.family(a).name, &p.family(b).name)
            }
            column => compare_counts(
                column,
                p,
                (&f.families[a.0 as usize], a),
                (&f.families[b.0 as usize], b),
            ),
        };
        direct(by_column).then(a.cmp(&b))
    });
    let mut rows = Vec::with_capacity(p.variants.len() + families.len());
    for fam in families {
        let vs = &mut members[fam.0 as usize];
        vs.sort_by(|&a, &b| {
            let by_column = match sort.column {
                SortColumn::FileOrder => a.cmp(&b),
                SortColumn::Variant => text_cmp(&p.variant(a).name, &p.variant(b).name),
                SortColumn::Family => Ordering::Equal,
                column => compare_counts(
                    column,
                    p,
                    (&f.variants[a.0 as usize], p.family_of(a)),
                    (&f.variants[b.0 as usize], p.family_of(b)),
                ),
            };
            direct(by_column).then(a.cmp(&b))
        });
        rows.extend(vs.iter().map(|&v| Entry::Variant(v)));
        rows.push(Entry::Family(fam));
    }
    rows
}

fn text_cmp(a: &str, b: &str) -> Ordering {
    a.to_lowercase().cmp(&b.to_lowercase())
}

/// Compares two rows' figures on a numeric column; a stage that does not apply to a row's
/// family counts below zero, so it sorts after every real count when largest come first.
fn compare_counts(
    column: SortColumn,
    p: &Programme,
    (a, fa): (&Counts, FamilyId),
    (b, fb): (&Counts, FamilyId),
) -> Ordering {
    let value = |c: &Counts, fam: FamilyId| -> f64 {
        match column {
            SortColumn::Contracted => c.contracted.into(),
            SortColumn::Delivered => c.delivered.into(),
            SortColumn::Stage(i) => {
                if p.stages.get(i).is_some_and(|s| s.applies_to(fam)) {
                    c.per_stage.get(i).copied().unwrap_or(0).into()
                } else {
                    -1.0
                }
            }
            SortColumn::InAssembly => c.in_assembly().into(),
            SortColumn::NotStarted => c.not_started().into(),
            SortColumn::Percent => c.percent_delivered(),
            SortColumn::FileOrder | SortColumn::Variant | SortColumn::Family => 0.0,
        }
    };
    value(a, fa).total_cmp(&value(b, fb))
}
