//! The themes (default, light, high contrast, no colour): a style for each part of the screen.

use ratatui::style::{Color, Modifier, Style};

/// A set of styles for every part of the screen. Every state drawn in them also has a
/// symbol or a word: colour is never alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    pub name: &'static str,
    /// The whole screen's background and text.
    pub base: Style,
    pub title: Style,
    pub accent: Style,
    pub muted: Style,
    pub key: Style,
    pub status: Style,
    pub problem: Style,
    pub selected: Style,
    pub done: Style,
    pub gentle: Style,
    pub border: Style,
    pub focus_border: Style,
}

/// The themes a user can choose by name.
pub const NAMES: [&str; 3] = ["default", "light", "high-contrast"];

impl Theme {
    /// For a dark terminal, using the terminal's own palette.
    pub fn default_dark() -> Self {
        Self {
            name: "default",
            base: Style::new(),
            title: Style::new().add_modifier(Modifier::BOLD),
            accent: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            muted: Style::new().fg(Color::DarkGray),
            key: Style::new().fg(Color::Cyan),
            status: Style::new(),
            problem: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            done: Style::new().fg(Color::Green),
            gentle: Style::new().fg(Color::Yellow),
            border: Style::new().fg(Color::DarkGray),
            focus_border: Style::new().fg(Color::Cyan),
        }
    }

    /// For a light terminal or a bright room: dark ink on white.
    pub fn light() -> Self {
        let ink = Color::Rgb(20, 20, 20);
        let blue = Color::Rgb(0, 70, 150);
        let grey = Color::Rgb(85, 85, 85);
        Self {
            name: "light",
            base: Style::new().fg(ink).bg(Color::Rgb(255, 255, 255)),
            title: Style::new().fg(ink).add_modifier(Modifier::BOLD),
            accent: Style::new().fg(blue).add_modifier(Modifier::BOLD),
            muted: Style::new().fg(grey),
            key: Style::new().fg(blue),
            status: Style::new().fg(ink),
            problem: Style::new()
                .fg(Color::Rgb(150, 40, 0))
                .add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            done: Style::new().fg(Color::Rgb(0, 100, 0)),
            gentle: Style::new().fg(Color::Rgb(130, 60, 0)),
            border: Style::new().fg(grey),
            focus_border: Style::new().fg(blue),
        }
    }

    /// For a projector in bad light: white, yellow and cyan on black, every pair above
    /// WCAG AAA (7:1).
    pub fn high_contrast() -> Self {
        let white = Color::Rgb(255, 255, 255);
        let yellow = Color::Rgb(255, 255, 0);
        let cyan = Color::Rgb(0, 255, 255);
        let silver = Color::Rgb(210, 210, 210);
        let black = Color::Rgb(0, 0, 0);
        Self {
            name: "high-contrast",
            base: Style::new().fg(white).bg(black),
            title: Style::new().fg(white).add_modifier(Modifier::BOLD),
            accent: Style::new().fg(yellow).add_modifier(Modifier::BOLD),
            muted: Style::new().fg(silver),
            key: Style::new().fg(cyan).add_modifier(Modifier::BOLD),
            status: Style::new().fg(white),
            problem: Style::new()
                .fg(yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: Style::new()
                .fg(black)
                .bg(white)
                .add_modifier(Modifier::BOLD),
            done: Style::new().fg(cyan),
            gentle: Style::new().fg(yellow),
            border: Style::new().fg(white),
            focus_border: Style::new().fg(yellow),
        }
    }

    /// The names a person chooses a theme by (each one [`Theme::named`] knows).
    pub const NAMES: [&'static str; 3] = ["default", "light", "high-contrast"];

    /// The theme with this name.
    pub fn named(name: &str) -> Option<Self> {
        match name {
            "default" | "dark" => Some(Self::default_dark()),
            "light" => Some(Self::light()),
            "high-contrast" | "high_contrast" | "contrast" => Some(Self::high_contrast()),
            _ => None,
        }
    }

    /// The same theme with every colour taken out (for `NO_COLOR`); bold, underline and
    /// reversed stay, and every state keeps its word or symbol.
    pub fn without_colour(mut self) -> Self {
        for style in [
            &mut self.base,
            &mut self.title,
            &mut self.accent,
            &mut self.muted,
            &mut self.key,
            &mut self.status,
            &mut self.problem,
            &mut self.selected,
            &mut self.done,
            &mut self.gentle,
            &mut self.border,
            &mut self.focus_border,
        ] {
            style.fg = None;
            style.bg = None;
        }
        self
    }

    /// The theme to use: the name asked for (or the default), without colour when
    /// `NO_COLOR` is set to anything but an empty string.
    pub fn choose(name: Option<&str>, no_color: Option<&str>) -> Result<Self, String> {
        let theme = match name {
            None => Self::default_dark(),
            Some(name) => Self::named(name).ok_or_else(|| {
                format!(
                    "there is no theme called {name:?}; choose {}",
                    NAMES.join(", ")
                )
            })?,
        };
        Ok(match no_color {
            Some(v) if !v.is_empty() => theme.without_colour(),
            _ => theme,
        })
    }
}

/// WCAG 2 contrast ratio between two sRGB colours (1 to 21).
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgb(color: Option<Color>) -> (u8, u8, u8) {
        match color {
            Some(Color::Rgb(r, g, b)) => (r, g, b),
            other => panic!("not an RGB colour: {other:?}"),
        }
    }

    #[test]
    fn contrast_matches_the_wcag_examples() {
        assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 0.01);
        assert!((contrast((255, 255, 255), (255, 255, 255)) - 1.0).abs() < 0.01);
    }

    #[test]
    fn every_high_contrast_pair_passes_wcag_aaa() {
        let t = Theme::high_contrast();
        let black = rgb(t.base.bg);
        for (name, style) in [
            ("text", t.base),
            ("title", t.title),
            ("accent", t.accent),
            ("muted", t.muted),
            ("key", t.key),
            ("problem", t.problem),
            ("done", t.done),
            ("gentle", t.gentle),
            ("border", t.border),
        ] {
            let ratio = contrast(rgb(style.fg), black);
            assert!(ratio >= 7.0, "{name}: {ratio:.2}:1");
        }
        let selected = contrast(rgb(t.selected.fg), rgb(t.selected.bg));
        assert!(selected >= 7.0, "selected: {selected:.2}:1");
    }

    #[test]
    fn light_theme_text_passes_wcag_aa() {
        let t = Theme::light();
        let white = rgb(t.base.bg);
        for style in [t.base, t.accent, t.muted, t.problem, t.done, t.gentle] {
            assert!(contrast(rgb(style.fg), white) >= 4.5);
        }
    }

    #[test]
    fn no_color_takes_every_colour_out() {
        let t = Theme::choose(Some("high-contrast"), Some("1")).expect("theme");
        assert_eq!(t.accent.fg, None);
        assert_eq!(t.base.bg, None);
        assert!(t.accent.add_modifier.contains(Modifier::BOLD));
        assert_eq!(
            Theme::choose(None, Some("")).expect("theme"),
            Theme::default_dark()
        );
        assert!(Theme::choose(Some("neon"), None).is_err());
    }
}
