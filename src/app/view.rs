//! The views, in tab order: their names on the tabs, in the help and on the command line.

/// The views, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    /// The programme in one screen.
    Overview,
    /// Per-variant counts, sortable, with a detail.
    Variants,
    /// Every vehicle in final assembly.
    Queue,
    /// Plan against actual per year, and the forecast.
    Deliveries,
    /// Every problem of the last load.
    Problems,
    /// The Line of Balance: each control point's progress against the plan's needs.
    Balance,
    /// How vehicles move through the stages: time in stage, throughput, work in progress.
    Flow,
    /// What each reload changed, and what the files show changed in the last week.
    Changes,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 8] = [
        View::Overview,
        View::Variants,
        View::Queue,
        View::Deliveries,
        View::Problems,
        View::Balance,
        View::Flow,
        View::Changes,
    ];

    /// The title on the tab and the help.
    pub fn title(self) -> &'static str {
        match self {
            View::Overview => "Overview",
            View::Variants => "Variants",
            View::Queue => "Assembly queue",
            View::Deliveries => "Deliveries",
            View::Problems => "Problems",
            View::Balance => "Line of Balance",
            View::Flow => "Flow",
            View::Changes => "Changes",
        }
    }

    /// A shorter title for narrow terminals.
    pub fn short_title(self) -> &'static str {
        match self {
            View::Queue => "Queue",
            View::Deliveries => "Deliveries",
            View::Variants => "Variants",
            View::Overview => "Overview",
            View::Problems => "Problems",
            View::Balance => "Balance",
            View::Flow => "Flow",
            View::Changes => "Changes",
        }
    }

    /// The place of the view in tab order, from 0.
    pub fn index(self) -> usize {
        View::ALL.iter().position(|&v| v == self).unwrap_or(0)
    }

    /// The view after this one, the first after the last.
    pub fn next(self) -> View {
        View::ALL[(self.index() + 1) % View::ALL.len()]
    }

    /// The view before this one, the last before the first.
    pub fn previous(self) -> View {
        View::ALL[(self.index() + View::ALL.len() - 1) % View::ALL.len()]
    }
}
