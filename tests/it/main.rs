//! One integration-test binary (one link on two cores), a module per area.

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
mod live;
mod maps;
mod overlay_keys;
#[cfg(unix)]
mod pty;
mod room;
mod screen_keys;
mod screens;
mod store;
mod trust;
mod voting;
mod walk;
