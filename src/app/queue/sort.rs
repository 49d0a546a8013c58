//! The queue's display order: every vehicle sorted by one column, ties by serial (and by
//! place in the queue among equal serials).
//!
//! Each vehicle gets one 64-bit key, the column's rank above its place in serial order
//! (worked out once per load, [`Index::by_serial`]), so that the sort compares integers
//! only, never texts: about 50 ms for a million vehicles on one core.

use super::SortKey;
use super::index::Index;
use crate::domain::Programme;

/// Every vehicle of `index` (built from `p`) in the order of `key`, descending when `descending` (the
/// column only: ties stay in ascending serial order, as the old comparison had them).
pub(crate) fn order(index: &Index, p: &Programme, key: SortKey, descending: bool) -> Vec<u32> {
    if key == SortKey::Serial {
        let mut order = index.by_serial.clone();
        if descending {
            order.reverse();
        }
        return order;
    }
    let rank = |ranks: &[u32], i: u32| ranks.get(i as usize).copied().unwrap_or(u32::MAX);
    let mut serial_rank = vec![0u32; index.len()];
    for (rank, &i) in index.by_serial.iter().enumerate() {
        if let Some(r) = serial_rank.get_mut(i as usize) {
            *r = u32::try_from(rank).unwrap_or(u32::MAX);
        }
    }
    let days = |v: &crate::domain::Vehicle| {
        u32::try_from(v.days_in_stage(index.today)).unwrap_or(u32::MAX)
    };
    let mut keys: Vec<u64> = index
        .rows
        .iter()
        .zip(&serial_rank)
        .zip(p.queue.iter())
        .map(|((row, &serial), v)| {
            let primary = match key {
                SortKey::Serial => 0,
                SortKey::Variant => row.variant,
                SortKey::Stage => rank(&index.stage_rank, row.stage),
                SortKey::Site => rank(&index.site_rank, row.site),
                SortKey::DaysInStage => days(v),
                // Due ids follow the dates; vehicles without one (`NONE`) go last.
                SortKey::Due => row.due,
            };
            let primary = if descending {
                u32::MAX - primary
            } else {
                primary
            };
            (u64::from(primary) << 32) | u64::from(serial)
        })
        .collect();
    keys.sort_unstable();
    keys.iter()
        .filter_map(|&k| index.by_serial.get((k & u64::from(u32::MAX)) as usize))
        .copied()
        .collect()
}
