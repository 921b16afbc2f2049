//! One integration-test binary (one link on two cores), a module per area.

mod agenda;
mod cache;
mod capture;
mod carry;
mod cli;
mod conference;
#[cfg(unix)]
mod crash;
mod describe;
mod export;
mod export_box;
mod family;
mod floors;
mod follow;
mod formats;
mod fuzz;
#[cfg(unix)]
mod hangup;
mod harness;
mod import;
mod keys_doc;
mod lens;
mod life;
mod live;
mod loose_ends;
mod maps;
#[cfg(unix)]
mod not_files;
mod overlay_keys;
mod partnership;
mod past_date;
mod pickers;
mod pipes;
#[cfg(unix)]
mod pty;
mod rename;
mod returns_month;
mod room;
mod screen_keys;
mod screens;
mod scripted;
mod store;
mod topic;
mod trust;
mod voting;
mod walk;
mod week;
mod who_to_call;
mod word;
