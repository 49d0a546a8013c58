//! Reading the config again while the dashboard runs: a good config applies at once
//! (theme, mouse, status folders, limits, forecast window); a bad one, or one caught empty
//! half-way through a save, leaves the last good one in force and says why.

use std::time::Instant;

use super::reload::{Force, Sources};
use super::state::{Runtime, stamp};
use crate::ui::Theme;

impl Runtime {
    /// Reads the config again if its size or time changed (while polling); true when it
    /// did, and a reload was asked for.
    pub(super) fn apply_config_if_changed(&mut self, now: Instant) -> bool {
        let stamp = self.config.path.as_deref().and_then(stamp);
        if stamp == self.config_stamp {
            return false;
        }
        self.config_stamp = stamp;
        let force = if self.apply_config(now) {
            Force::All
        } else {
            Force::Stamps
        };
        self.reload(force, "config");
        true
    }

    /// Reads the config and applies what it says; a config that does not load leaves the
    /// last good one in force and says why. True when every file must be read again.
    pub(super) fn apply_config(&mut self, now: Instant) -> bool {
        let Some(path) = self.config.path.clone() else {
            return false;
        };
        let shown = crate::status::display_name(&path);
        // Empty, a config means the defaults; emptied while the dashboard runs, it is much
        // more likely a save caught half-way, and its defaults could name other folders.
        let emptied = std::fs::read_to_string(&path)
            .is_ok_and(|text| crate::status::yaml::is_blank(&text))
            .then(|| format!("{shown}: the file is empty"));
        let loaded = match emptied {
            Some(why) => Err(why),
            None => crate::config::load(&path).map_err(|e| e.to_string()),
        };
        let mut new = match loaded {
            Ok(new) => new,
            Err(e) => {
                self.trace(format_args!("config not applied: {e}"));
                self.config_problem = Some(format!("config not applied, last good kept: {e}"));
                self.refresh_alerts(now);
                return false;
            }
        };
        if self.status_from_cli {
            new.status.clone_from(&self.config.status);
        }
        self.config_problem = None;
        let (theme, bad) = Theme::from_config(&new.theme, Theme::no_color_requested());
        self.theme = theme;
        self.app.mouse = new.mouse;
        let sources_changed = new.status != self.config.status;
        let limits_changed = new.limits != self.config.limits;
        // A new forecast window needs no file read again: the request carries the window,
        // and the loader thread works the figures out again.
        self.new_sources = Some(Sources {
            paths: new.status.clone(),
            limits: new.limits,
            changed: sources_changed || self.new_sources.as_ref().is_some_and(|s| s.changed),
        });
        self.config = new;
        if sources_changed {
            self.rewatch(now);
        }
        self.refresh_alerts(now);
        let mut note = format!("{shown} applied");
        if sources_changed {
            note.push_str(", status from ");
            let folders: Vec<String> = self
                .config
                .status
                .iter()
                .map(|s| crate::status::display_name(s))
                .collect();
            note.push_str(&folders.join(", "));
        }
        if let Some(b) = bad.first() {
            note.push_str(&format!("; {b}"));
        }
        // Shown by the reload that follows, with what changed in the set.
        self.config_note = Some(note);
        self.trace(format_args!(
            "config applied sources_changed={sources_changed}"
        ));
        sources_changed || limits_changed
    }
}
