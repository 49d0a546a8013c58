//! The Balance view's state: the Line of Balance study of the last load (derived once per
//! load, so drawing stays cheap), and which scope is shown: the programme or one family.
//! `←` `→` step through the scopes.

use super::{Action, Data};
use crate::domain::FamilyId;
use crate::domain::balance::{self, Balance, Measured, MonthPoint, Study, Warning};

/// What the Balance view derives from a load, and the scope it shows.
#[derive(Debug, Default, Clone)]
pub struct State {
    /// The study of the last load; `None` before the first refresh.
    pub(crate) study: Option<Study>,
    /// The objective per scope: the programme first, then each family.
    pub(crate) objectives: Vec<Vec<MonthPoint>>,
    /// The scope shown: 0 for the programme, `i + 1` for the family `i`.
    pub scope: usize,
}

impl State {
    /// Derives the study of `data` with the lead times `measured` from its stage
    /// histories (the Flow view's); the scope stays when its family still exists.
    pub fn refresh(&mut self, data: &Data, measured: &Measured) {
        let p = data.programme();
        let study = balance::study(p, data.today(), measured);
        self.objectives = balance::objectives(p, data.today());
        if self.scope > study.families.len() {
            self.scope = 0;
        }
        self.study = Some(study);
    }

    /// The scopes: the programme and each family.
    pub fn scopes(&self) -> usize {
        self.study.as_ref().map_or(1, |s| s.families.len() + 1)
    }

    /// The family shown, `None` for the programme.
    pub fn family(&self) -> Option<FamilyId> {
        self.scope.checked_sub(1).map(|i| FamilyId(i as u32))
    }

    /// The control points of the scope shown.
    pub fn balance(&self) -> Option<&Balance> {
        let study = self.study.as_ref()?;
        match self.family() {
            None => Some(&study.programme),
            Some(f) => study.families.get(f.0 as usize),
        }
    }

    /// The objective of the scope shown.
    pub fn objective(&self) -> &[MonthPoint] {
        self.objectives.get(self.scope).map_or(&[], Vec::as_slice)
    }

    /// The first point out of balance in the scope shown.
    pub fn warning(&self) -> Option<Warning> {
        self.study.as_ref()?.warning(self.family())
    }

    /// `←` `→`: the previous or next scope, wrapping; true when it changed.
    pub fn handle(&mut self, action: Action, _data: &Data) -> bool {
        let n = self.scopes();
        let before = self.scope;
        match action {
            Action::Left => self.scope = (self.scope + n - 1) % n,
            Action::Right => self.scope = (self.scope + 1) % n,
            _ => return false,
        }
        self.scope != before
    }
}
