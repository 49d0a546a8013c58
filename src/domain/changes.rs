//! What changed between two loads, in words for the status line.

use std::collections::HashMap;

use super::{Programme, StageId};

/// Short phrases such as `2 vehicles moved to Paint`, `1 delivery added`.
pub fn describe(old: &Programme, new: &Programme) -> Vec<String> {
    let mut out = Vec::new();
    let before: HashMap<&str, StageId> = old.queue.iter().map(|v| (&*v.serial, v.stage)).collect();
    let mut moved: Vec<(StageId, usize)> = Vec::new();
    let mut added = 0;
    for v in &new.queue {
        match before.get(&*v.serial) {
            None => added += 1,
            Some(&s)
                if old.stages.get(s.0 as usize).map(|st| &st.id)
                    != new.stages.get(v.stage.0 as usize).map(|st| &st.id) =>
            {
                match moved.iter_mut().find(|(st, _)| *st == v.stage) {
                    Some((_, n)) => *n += 1,
                    None => moved.push((v.stage, 1)),
                }
            }
            Some(_) => {}
        }
    }
    for (stage, n) in moved {
        let name = &new.stage(stage).name;
        out.push(format!("{n} {} moved to {name}", vehicles(n)));
    }
    if added > 0 {
        out.push(format!("{added} {} entered the queue", vehicles(added)));
    }
    let now: std::collections::HashSet<&str> = new.queue.iter().map(|v| &*v.serial).collect();
    let left = old
        .queue
        .iter()
        .filter(|v| !now.contains(&*v.serial))
        .count();
    if left > 0 {
        out.push(format!("{left} {} left the queue", vehicles(left)));
    }
    let delivered = |p: &Programme| {
        p.deliveries
            .iter()
            .map(|d| u64::from(d.quantity))
            .sum::<u64>()
    };
    let (a, b) = (delivered(old), delivered(new));
    if b > a {
        out.push(format!("{} more delivered", b - a));
    } else if a > b {
        out.push(format!("{} fewer delivered", a - b));
    }
    out
}

fn vehicles(n: usize) -> &'static str {
    if n == 1 { "vehicle" } else { "vehicles" }
}
