//! One integration-test binary (one link on two cores), a module per area.

mod cache;
mod cli;
mod conference;
#[cfg(unix)]
mod crash;
mod describe;
mod export;
mod follow;
mod fuzz;
mod harness;
mod lens;
mod maps;
mod overlay_keys;
#[cfg(unix)]
mod pty;
mod rename;
mod room;
mod screen_keys;
mod screens;
mod store;
mod trust;
mod voting;
mod walk;
