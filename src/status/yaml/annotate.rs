//! Fills in the places of a parsed file's sections, entries and fields from its text,
//! with [`super::locate`].

use std::collections::HashMap;

use super::locate::{self, Section};
use crate::status::problem::Loc;
use crate::status::raw::{Places, RawFile};

/// Fills in the locations of sections, entries and the fields problems point at.
pub(super) fn annotate(raw: &mut RawFile, text: &str) {
    let sections = locate::sections(text);
    let find = |name: &str| sections.iter().find(|s| s.name == name);
    let loc_of = |name: &str| find(name).map_or(Loc::UNKNOWN, |s| s.loc);
    raw.section_locs.version = loc_of("version");
    raw.section_locs.programme = loc_of("programme");
    raw.section_locs.variants = loc_of("variants");
    raw.section_locs.stages = loc_of("stages");
    raw.section_locs.plan = loc_of("plan");
    raw.section_locs.queue = loc_of("queue");
    raw.section_locs.deliveries = loc_of("deliveries");

    if let (Some(items), Some(s)) = (raw.variants.as_mut(), find("variants")) {
        for_entries(items, s, |v, e| v.loc = e.loc);
    }
    if let (Some(items), Some(s)) = (raw.stages.as_mut(), find("stages")) {
        for_entries(items, s, |st, e| {
            st.loc = e.loc;
            st.families_loc = e.key("families").unwrap_or(e.loc);
            if let Some(lead) = st.lead_time_days.as_mut() {
                lead.loc = e.key("lead_time_days").unwrap_or(e.loc);
            }
        });
    }
    if let (Some(items), Some(s)) = (raw.queue.as_mut(), find("queue")) {
        for_entries(items, s, |v, e| {
            let key = |k| e.key(k).unwrap_or(e.loc);
            v.places = Places::new(
                e.loc,
                [key("variant"), key("stage"), key("since"), key("due")],
            );
        });
    }
    if let (Some(items), Some(s)) = (raw.deliveries.as_mut(), find("deliveries")) {
        for_entries(items, s, |d, e| {
            let key = |k| e.key(k).unwrap_or(e.loc);
            d.places = Places::new(e.loc, [key("variant"), key("date"), key("serials")]);
        });
    }
    if let (Some(plan), Some(s)) = (raw.plan.as_mut(), find("plan")) {
        // Each lookup reads the year's lines from the top: a year of many thousand
        // variants would take the square of that. Past a budget of bytes read, the
        // entries point at their year.
        let mut lookups = LOCATE_BUDGET / text.len().max(1);
        for_entries(&mut plan.years, s, |y, e| {
            y.loc = e.loc;
            // A variant written twice in a year points at its second writing.
            let mut seen: HashMap<&str, usize> = HashMap::new();
            for entry in &mut y.entries {
                let nth = seen
                    .entry(&entry.variant)
                    .and_modify(|n| *n += 1)
                    .or_insert(0);
                entry.loc = match lookups.checked_sub(1) {
                    Some(left) => {
                        lookups = left;
                        e.nth_key(&entry.variant, *nth).unwrap_or(e.loc)
                    }
                    None => e.loc,
                };
            }
        });
    }
}

/// The bytes [`annotate`] may read looking up plan entries: tens of milliseconds.
const LOCATE_BUDGET: usize = 16 * 1024 * 1024;

/// Pairs parsed items with located entries; when they do not pair up one to one (flow
/// style, anchors), every item points at the section instead.
fn for_entries<T>(items: &mut [T], section: &Section, mut f: impl FnMut(&mut T, &locate::Entry)) {
    if items.len() == section.entries.len() {
        for (item, entry) in items.iter_mut().zip(&section.entries) {
            f(item, entry);
        }
    } else {
        // Not the first entry's place: that would point a problem at the wrong item.
        let whole = section.as_entry();
        for item in items.iter_mut() {
            f(item, &whole);
        }
    }
}
