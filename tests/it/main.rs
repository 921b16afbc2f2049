//! One integration-test binary (one link on two cores), a module per area.

mod cli;
mod harness;
mod screens;
mod store;
mod walk;
