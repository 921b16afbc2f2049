//! `convene generate` (hidden): large fictional sessions for benchmarks and trials.

use super::{CliError, Context, ExitKind};
use crate::store::Store;

/// Development: fill the folder with fictional workshops (for benchmarks).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many sessions
    #[arg(long, default_value_t = 1, value_parser = super::numbers::count)]
    pub sessions: u32,
    /// Records in each session
    #[arg(long, default_value_t = 10_000, value_parser = super::numbers::count)]
    pub records: u32,
}

pub fn run(args: Args, ctx: &Context) -> Result<ExitKind, CliError> {
    let store = Store::open(&ctx.dir)?;
    for i in 0..args.sessions {
        let session =
            crate::generate::workshop(&format!("gen{i:05}"), args.records as usize, u64::from(i));
        store.create(&session)?;
    }
    crate::outln!(
        "{} sessions of {} records in {}",
        args.sessions,
        args.records,
        ctx.dir.display()
    );
    Ok(ExitKind::Done)
}

/// Development: open a session as the app does, draw a frame, and print the peak memory.
#[derive(Debug, clap::Args)]
pub struct PeakArgs {
    /// The session file
    pub file: std::path::PathBuf,
}

pub fn peak_memory(args: PeakArgs, ctx: &Context) -> Result<ExitKind, CliError> {
    let loaded = crate::store::load_path(&args.file)?;
    let framework = ctx
        .frameworks
        .get(&loaded.session.framework)
        .cloned()
        .ok_or_else(|| CliError::new(ExitKind::Unreadable, "the framework is not known here"))?;
    let (mut app, _) = crate::app::App::new(
        ctx.frameworks.clone(),
        ctx.offset,
        ctx.dir.clone(),
        crate::clock::now(),
    );
    app.screen =
        crate::app::Screen::Session(Box::new(crate::app::SessionView::new(loaded, framework)));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))
        .map_err(|e| CliError::new(ExitKind::Storage, e.to_string()))?;
    terminal
        .draw(|f| crate::ui::draw(&app, f))
        .map_err(|e| CliError::new(ExitKind::Storage, e.to_string()))?;
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .map_or("unknown (no /proc here)".to_owned(), |l| {
            l.trim_start_matches("VmHWM:").trim().to_owned()
        });
    crate::outln!("{peak}");
    Ok(ExitKind::Done)
}
