//! Setting the watches on the set, and what the loop does when they cannot cover it:
//! says so on the status line and checks the files every [`POLL_EVERY`].

use std::time::Instant;

use super::POLL_EVERY;
use super::reload::Force;
use super::state::Runtime;
use crate::watch::{self, Targets};

impl Runtime {
    fn targets(&self) -> Targets {
        Targets {
            sources: self.config.status.clone(),
            config: self.config.path.clone(),
        }
    }

    /// Starts watching the set, then asks for a load (the first, in the dashboard);
    /// changes arrive on the loop's channel.
    pub fn start_watching(&mut self, now: Instant) {
        self.watching = true;
        self.rewatch(now);
        // Read after the watches are set, so that no change falls between them.
        self.reload(Force::Stamps, "watch");
    }

    /// Sets every watch again (a folder came or went, the config named other folders).
    pub(super) fn rewatch(&mut self, now: Instant) {
        if !self.watching {
            return;
        }
        let result = watch::start(&self.targets(), self.tx.clone());
        // The old watches go only once the new ones are set, so no change falls between.
        self.watcher = None;
        self.poll_reasons.clear();
        match result {
            Ok(w) => {
                self.poll_reasons.clone_from(&w.poll_reasons);
                let folders: Vec<String> =
                    w.folders.iter().map(|f| f.display().to_string()).collect();
                self.trace(format_args!(
                    "watch folders=[{}] poll=[{}]",
                    folders.join(", "),
                    w.poll_reasons.join("; ")
                ));
                self.watcher = Some(w);
            }
            Err(why) => {
                self.trace(format_args!("watch failed: {why}"));
                self.poll_reasons
                    .push(format!("cannot watch the files ({why})"));
            }
        }
        self.refresh_alerts(now);
    }

    /// The lasting notes of the status line, from what the runtime knows now.
    pub(super) fn refresh_alerts(&mut self, now: Instant) {
        let mut alerts = Vec::new();
        if let Some(first) = self.poll_reasons.first() {
            let more = match self.poll_reasons.len() {
                1 => String::new(),
                n => format!(" (+{} more)", n - 1),
            };
            alerts.push(format!(
                "checking every {}s: {first}{more}",
                POLL_EVERY.as_secs()
            ));
            self.next_poll.get_or_insert(now + POLL_EVERY);
        } else {
            self.next_poll = None;
        }
        alerts.extend(self.config_problem.clone());
        self.app.alerts = alerts;
    }
}
