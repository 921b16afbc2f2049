//! The app's styles in one place. Every state also has a word or symbol: colour is never alone.

use ratatui::style::{Color, Modifier, Style};

pub const TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
pub const ACCENT: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const MUTED: Style = Style::new().fg(Color::DarkGray);
pub const KEY: Style = Style::new().fg(Color::Cyan);
pub const STATUS: Style = Style::new();
pub const PROBLEM: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
pub const SELECTED: Style = Style::new().add_modifier(Modifier::REVERSED);
pub const DONE: Style = Style::new().fg(Color::Green);
pub const GENTLE: Style = Style::new().fg(Color::Yellow);
pub const BORDER: Style = Style::new().fg(Color::DarkGray);
pub const FOCUS_BORDER: Style = Style::new().fg(Color::Cyan);
