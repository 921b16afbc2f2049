//! One integration-test binary (one link on two cores), a module per area.

mod cli;
mod store;
