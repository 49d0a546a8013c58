//! [`Cache`]: the parts of the flow figures kept across reloads. Gathering a part goes over
//! every vehicle and visit; a reload that read no queue file shares the queue
//! ([`Shared::ptr_eq`]), and its part is kept when the definitions it depends on (the
//! stages, and the family of each variant) are the same too.

use super::super::{Delivery, FamilyId, Programme, Shared, Stage, Vehicle};
use super::combine::combine;
use super::parts::Part;
use super::{Date, Flow};

/// What a part depends on besides its list.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Definitions {
    stages: Vec<Stage>,
    variant_families: Vec<FamilyId>,
    families: usize,
}

impl Definitions {
    fn of(p: &Programme) -> Definitions {
        Definitions {
            stages: p.stages.clone(),
            variant_families: p.variants.iter().map(|v| v.family).collect(),
            families: p.families.len(),
        }
    }
}

/// The queue's and the deliveries' parts of the last [`Cache::flow`], with what they were
/// gathered from.
#[derive(Debug, Default)]
pub struct Cache {
    queue: Option<(Shared<Vehicle>, Part)>,
    deliveries: Option<(Shared<Delivery>, Part)>,
    definitions: Option<Definitions>,
    /// Parts gathered anew by the last call (0, 1 or 2), for tests and benches.
    pub gathered: u32,
}

impl Cache {
    /// The flow figures of `p` as of `today`, gathering again only the parts whose list
    /// or definitions changed.
    pub fn flow(&mut self, p: &Programme, today: Date) -> Flow {
        let defs = Definitions::of(p);
        if self.definitions.as_ref() != Some(&defs) {
            self.queue = None;
            self.deliveries = None;
            self.definitions = Some(defs);
        }
        self.gathered = 0;
        if !self
            .queue
            .as_ref()
            .is_some_and(|(q, _)| Shared::ptr_eq(q, &p.queue))
        {
            self.queue = Some((p.queue.clone(), Part::of_queue(p, &p.queue)));
            self.gathered += 1;
        }
        if !self
            .deliveries
            .as_ref()
            .is_some_and(|(d, _)| Shared::ptr_eq(d, &p.deliveries))
        {
            self.deliveries = Some((p.deliveries.clone(), Part::of_deliveries(p, &p.deliveries)));
            self.gathered += 1;
        }
        let empty = Part::default();
        let q = self.queue.as_ref().map_or(&empty, |(_, part)| part);
        let d = self.deliveries.as_ref().map_or(&empty, |(_, part)| part);
        combine(p, today, q, d)
    }
}
