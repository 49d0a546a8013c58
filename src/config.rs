//! The dashboard's own config: where it is found, what it holds, and its defaults.
//!
//! The config names the status folders (relative to the config file), the theme, whether
//! the mouse is used, and the limits on what a status file may cost to read.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::domain::forecast;
use crate::status::Limits;
pub use crate::ui::theme::ThemeColours;

/// The config file name looked for in `./config/` and the user's config folder.
pub const FILE_NAME: &str = "fleetdash.yaml";

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLimits {
    max_file_bytes: Option<u64>,
    max_entries: Option<usize>,
    max_depth: Option<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForecast {
    #[serde(default, deserialize_with = "window_months")]
    window_months: Option<u32>,
}

/// A forecast window from 1 to [`forecast::MAX_WINDOW_MONTHS`] months, checked while
/// parsing so that the error has a line.
fn window_months<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    let n = u64::deserialize(d)?;
    if (1..=u64::from(forecast::MAX_WINDOW_MONTHS)).contains(&n) {
        Ok(Some(n as u32))
    } else {
        Err(serde::de::Error::custom(format!(
            "forecast.window_months is {n}: write a number of months from 1 to {}",
            forecast::MAX_WINDOW_MONTHS
        )))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    status: Option<OneOrMany>,
    mouse: Option<bool>,
    theme: Option<ThemeColours>,
    limits: Option<RawLimits>,
    forecast: Option<RawForecast>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// The resolved config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The file it came from; `None` for the built-in defaults.
    pub path: Option<PathBuf>,
    /// Status folders or files, resolved against the config file's folder.
    pub status: Vec<PathBuf>,
    /// Clicks and the wheel are read (`mouse:`).
    pub mouse: bool,
    /// The colours as written (`theme:`).
    pub theme: ThemeColours,
    /// What one status file may cost to read (`limits:`).
    pub limits: Limits,
    /// The months of deliveries the forecast's rate is measured over.
    pub forecast_window_months: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            path: None,
            status: Vec::new(),
            mouse: true,
            theme: ThemeColours::default(),
            limits: Limits::default(),
            forecast_window_months: forecast::DEFAULT_WINDOW_MONTHS,
        }
    }
}

/// Why no config could be had, in words for the user.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{path}: cannot read the config: {reason}")]
    Unreadable {
        /// The file, as shown to the user.
        path: String,
        /// Why, and what to do.
        reason: String,
    },
    /// The file was read but does not hold a valid config.
    #[error("{path}:{line}:{column}: error: {message}")]
    Invalid {
        /// The file, as shown to the user.
        path: String,
        /// Where the mistake is (1-based; 0 when unknown).
        line: usize,
        /// The column of the mistake (1-based; 0 when unknown).
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// No config file was given or found, and no status folders were named.
    #[error(
        "no config found (looked for --config, ./config/{FILE_NAME} and {user}): \
         name status folders on the command line or write a config"
    )]
    NotFound {
        /// The user's config file that was looked for.
        user: String,
    },
}

/// The config file to use: `explicit`, else `./config/fleetdash.yaml`, else the user's
/// config folder (`$XDG_CONFIG_HOME/fleetdash/` or `~/.config/fleetdash/`).
pub fn locate(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    let local = Path::new("config").join(FILE_NAME);
    if local.is_file() {
        return Some(local);
    }
    user_config_path().filter(|p| p.is_file())
}

fn user_config_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("fleetdash").join(FILE_NAME))
}

/// Reads the config at `path`: its status folders resolved against the file's folder,
/// every key left out given its default (an empty file is all defaults).
///
/// Fails with [`ConfigError::Unreadable`] when the file cannot be read (missing, no
/// permission, not text), and with [`ConfigError::Invalid`], naming the line and column,
/// when it is not YAML, has an unknown key, or a value of the wrong type or out of range.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let shown = crate::status::display_name(path);
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Unreadable {
        path: shown.clone(),
        reason: match e.kind() {
            std::io::ErrorKind::NotFound => "no such file: check the --config path".to_owned(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            _ => e.to_string(),
        },
    })?;
    parse(&text, path)
}

/// Parses a config's text; `path` is where it lives (status folders are relative to it).
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let shown = crate::status::display_name(path);
    let raw: RawConfig = if crate::status::yaml::is_blank(text) {
        RawConfig::default()
    } else {
        serde_yaml::from_str(text).map_err(|e| {
            let loc = e.location();
            let full = e.to_string();
            // Cleaned: the message quotes the config's text (an unknown key), which may
            // hold escape sequences, and it is shown on the dashboard's status line.
            let message = crate::text::clean(
                full.rfind(" at line ")
                    .map_or(full.as_str(), |i| &full[..i]),
            )
            .into_owned();
            ConfigError::Invalid {
                path: shown.clone(),
                line: loc.as_ref().map_or(0, |l| l.line()),
                column: loc.as_ref().map_or(0, |l| l.column()),
                message,
            }
        })?
    };
    let base = path.parent().unwrap_or(Path::new(""));
    let status = match raw.status {
        None => vec![base.join("status")],
        Some(OneOrMany::One(s)) => vec![base.join(s)],
        Some(OneOrMany::Many(v)) => v.into_iter().map(|s| base.join(s)).collect(),
    };
    let defaults = Limits::default();
    let limits = raw.limits.unwrap_or_default();
    Ok(Config {
        path: Some(path.to_path_buf()),
        status,
        mouse: raw.mouse.unwrap_or(true),
        theme: raw.theme.unwrap_or_default(),
        limits: Limits {
            max_file_bytes: limits.max_file_bytes.unwrap_or(defaults.max_file_bytes),
            max_entries: limits.max_entries.unwrap_or(defaults.max_entries),
            max_depth: limits.max_depth.unwrap_or(defaults.max_depth),
        },
        forecast_window_months: raw
            .forecast
            .and_then(|f| f.window_months)
            .unwrap_or(forecast::DEFAULT_WINDOW_MONTHS),
    })
}

/// The config and status sources for a run: `paths` from the command line win over the
/// config's `status`; without paths a config must be found.
pub fn resolve(explicit: Option<&Path>, paths: &[PathBuf]) -> Result<Config, ConfigError> {
    let mut config = match locate(explicit) {
        Some(p) => load(&p)?,
        None if !paths.is_empty() => Config::default(),
        None => {
            return Err(ConfigError::NotFound {
                user: user_config_path()
                    .map_or_else(|| "~/.config/fleetdash".into(), |p| p.display().to_string()),
            });
        }
    };
    if !paths.is_empty() {
        config.status = paths.to_vec();
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_folders_are_relative_to_the_config() {
        let c = parse(
            "status: [a, b/c]\nmouse: false\n",
            Path::new("x/fleetdash.yaml"),
        )
        .unwrap();
        assert_eq!(c.status, [Path::new("x/a"), Path::new("x/b/c")]);
        assert!(!c.mouse);
    }

    #[test]
    fn defaults_apply_to_an_empty_config() {
        let c = parse("# nothing\n", Path::new("cfg/fleetdash.yaml")).unwrap();
        assert_eq!(c.status, [Path::new("cfg/status")]);
        assert_eq!(c.limits, Limits::default());
    }

    #[test]
    fn unknown_keys_are_errors_with_a_place() {
        let e = parse("mouse: true\ntheem: {}\n", Path::new("f.yaml")).unwrap_err();
        let ConfigError::Invalid { line, message, .. } = e else {
            panic!("{e:?}")
        };
        assert_eq!(line, 2);
        assert!(message.contains("unknown field `theem`"), "{message}");
    }

    #[test]
    fn the_forecast_window_is_read_and_checked() {
        let c = parse("forecast: { window_months: 9 }\n", Path::new("f.yaml")).unwrap();
        assert_eq!(c.forecast_window_months, 9);
        let c = parse("mouse: true\n", Path::new("f.yaml")).unwrap();
        assert_eq!(c.forecast_window_months, forecast::DEFAULT_WINDOW_MONTHS);
        let e = parse("forecast:\n  window_months: 0\n", Path::new("f.yaml")).unwrap_err();
        let ConfigError::Invalid { line, message, .. } = e else {
            panic!("{e:?}")
        };
        assert_eq!(line, 2);
        assert!(message.contains("from 1 to 120"), "{message}");
    }
}
