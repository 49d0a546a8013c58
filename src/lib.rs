//! fleetdash: a live terminal dashboard for fleet acquisition programmes.
//!
//! Data flows one way: status files → [`status`] (loader) → [`domain`] (model and figures)
//! → app state → views → terminal. The library holds everything but the process set-up, so
//! tests and benches reach every layer.

pub mod app;
pub mod check;
pub mod cli;
pub mod config;
pub mod domain;
pub mod event;
pub mod generate;
pub mod mem;
pub mod paths;
pub mod report;
pub mod runtime;
pub mod schema;
pub mod status;
pub mod text;
pub mod tui;
pub mod ui;
pub mod watch;
