//! convene: a terminal companion for strengths-based sessions.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), warn(clippy::unwrap_used))]

pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod context;
pub mod describe;
pub mod effects;
pub mod export;
pub mod framework;
#[cfg(feature = "dev-tools")]
pub mod generate;
pub mod import;
pub mod lens;
pub mod model;
pub mod plain;
pub mod report;
pub mod returns;
pub mod store;
pub mod text;
pub mod theme;
pub mod tui;
pub mod ui;
pub mod watch;
pub mod week;
