//! For the room: the presenter view, the themes, no colour, the settings file, and the lens.

use crate::harness::Harness;
use convene::app::{Layer, Overlay};
use convene::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

fn view(h: &Harness) -> &convene::app::SessionView {
    h.app.session_view().expect("a session is open")
}

fn example(words: &str) -> Harness {
    let mut h = Harness::with_examples();
    h.keys(&format!("/{words}<enter><enter>"));
    assert!(h.app.session_view().is_some());
    h
}

#[test]
fn presenter_view_shows_the_stage_large_and_updates_as_words_are_captured() {
    let mut h = example("harbourside");
    h.keys("[[[p");
    assert!(h.app.showing(Layer::Presenter));
    insta::assert_snapshot!("presenter_80x24", h.screen(80, 24));
    insta::assert_snapshot!("presenter_160x48", h.screen(160, 48));
    let before = h.screen(80, 24);
    assert!(
        !before.contains("Captured in"),
        "nothing else: no lists, no footer"
    );
    h.keys("aBus drivers ring the control room<enter>");
    assert!(
        h.screen(80, 24)
            .contains("Bus drivers ring the control room")
    );
    let prompt = |h: &Harness| {
        view(h)
            .stage()
            .map(|s| s.prompts[view(h).prompt % s.prompts.len()].clone())
            .unwrap_or_default()
    };
    let first = prompt(&h);
    assert!(h.screen(80, 24).contains(&first[..20]));
    h.keys("<tab>");
    let next = prompt(&h);
    assert_ne!(first, next);
    assert!(
        h.screen(80, 24).contains(&next[..20]),
        "Tab shows the next prompt here too"
    );
    h.keys("<esc>");
    assert!(!h.app.showing(Layer::Presenter), "Esc returns");
    assert!(h.app.session_view().is_some(), "and stays in the session");
    h.keys("pp");
    assert!(!h.app.showing(Layer::Presenter), "p toggles");
}

#[test]
fn the_room_sees_who_does_each_agreement_by_when_in_destiny() {
    let mut h = example("harbourside");
    h.keys("p");
    assert!(h.app.showing(Layer::Presenter));
    let screen = h.screen(160, 48);
    assert!(
        screen.contains("Destiny") || screen.contains("█"),
        "{screen}"
    );
    assert!(
        screen.contains("Priya (youth service) · by 2027-01-29"),
        "each agreement with its owner and date: {screen}"
    );
    insta::assert_snapshot!("presenter_destiny_120x40", h.screen(120, 40));
}

#[test]
fn a_conference_plan_stays_off_the_wall_with_no_owner_or_date() {
    let mut h = example("Conference for J");
    h.keys("p");
    assert!(h.app.showing(Layer::Presenter));
    let screen = h.screen(160, 48);
    assert!(!screen.contains(" · by 20"), "{screen}");
}

/// Every theme, checked by what a reader needs rather than by a picture of every cell:
/// each colour on the screen is one of the theme's roles, the chosen record is drawn as
/// chosen and the problem as a problem, and, where the theme names its colours, every
/// letter stands out from its background (WCAG AA for light, AAA for high contrast).
#[test]
fn every_theme_uses_its_roles_and_its_letters_stand_out() {
    let rgb = |c: Color| match c {
        Color::Rgb(r, g, b) => Some((r, g, b)),
        _ => None,
    };
    for (name, least) in [
        ("default", None),
        ("light", Some(4.5)),
        ("high-contrast", Some(7.0)),
    ] {
        let theme = Theme::named(name).expect("theme");
        let roles = [
            theme.base,
            theme.title,
            theme.accent,
            theme.muted,
            theme.key,
            theme.status,
            theme.problem,
            theme.selected,
            theme.done,
            theme.gentle,
            theme.border,
            theme.focus_border,
        ];
        let allowed: Vec<Color> = roles
            .iter()
            .flat_map(|s| [s.fg, s.bg])
            .flatten()
            .chain([Color::Reset])
            .collect();
        for (width, height) in [(80, 24), (120, 40)] {
            let mut h = example("harbourside");
            h.app.theme = theme.clone();
            h.runtime
                .store_mut()
                .set_fault(Some(convene::store::Fault::DiskFull));
            h.keys("aWords kept while the disk is full<enter>");
            h.wait(1);
            let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
            terminal
                .draw(|frame| convene::ui::draw(&h.app, frame))
                .expect("draw");
            let buffer = terminal.backend().buffer().clone();
            let at = |needle: &str| {
                (0..height).find_map(|y| {
                    let line: String = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
                    line.find(needle)
                        .map(|i| (u16::try_from(line[..i].chars().count()).expect("x"), y))
                })
            };
            for cell in buffer.content() {
                for colour in [cell.fg, cell.bg] {
                    assert!(
                        allowed.contains(&colour),
                        "{name} {width}x{height}: {colour:?} is none of the theme's roles"
                    );
                }
            }
            let chosen = at("▶").expect("a chosen record");
            assert_eq!(
                buffer[chosen].fg,
                theme.accent.fg.unwrap_or(Color::Reset),
                "{name}: the chosen record's mark"
            );
            let problem = at("Not saved yet").expect("the problem is said");
            assert_eq!(
                buffer[problem].fg,
                theme.problem.fg.unwrap_or(Color::Reset),
                "{name}: a problem is drawn as one"
            );
            if let Some(least) = least {
                let base_bg = theme.base.bg.and_then(rgb).expect("a named background");
                for cell in buffer
                    .content()
                    .iter()
                    .filter(|c| !c.symbol().trim().is_empty())
                {
                    let fg = rgb(cell.fg).or_else(|| theme.base.fg.and_then(rgb));
                    let bg = rgb(cell.bg).unwrap_or(base_bg);
                    let fg = fg.expect("a named colour for every letter");
                    let ratio = convene::theme::contrast(fg, bg);
                    assert!(
                        ratio >= least,
                        "{name} {width}x{height}: {:?} on {bg:?} is {ratio:.2}:1",
                        cell.symbol()
                    );
                }
            }
        }
    }
}

/// The session screen's own part, drawn alone into a window of its own.
fn session_part(h: &Harness) -> ratatui::buffer::Buffer {
    let mut terminal = Terminal::new(TestBackend::new(80, 22)).expect("terminal");
    terminal
        .draw(|frame| {
            convene::ui::session::draw(&h.app, view(h), frame, frame.area());
        })
        .expect("draw");
    terminal.backend().buffer().clone()
}

#[test]
fn each_window_is_drawn_in_its_own_theme_whatever_was_drawn_before() {
    let mut projector = example("harbourside");
    projector.app.theme = Theme::high_contrast();
    let laptop = example("harbourside");
    let first = projector.styled_screen(80, 24);
    let other = laptop.styled_screen(80, 24);
    assert_eq!(
        projector.screen(80, 24),
        laptop.screen(80, 24),
        "the same words"
    );
    assert_ne!(first, other, "in each window's own styles");
    assert_eq!(
        projector.styled_screen(80, 24),
        first,
        "drawing the laptop's window left nothing behind"
    );
    // Even a part of a screen, drawn on its own, takes its theme from its app alone.
    laptop.styled_screen(80, 24);
    let after_laptop = session_part(&laptop);
    projector.styled_screen(80, 24);
    assert_eq!(
        session_part(&laptop),
        after_laptop,
        "drawing the projector's window left nothing behind"
    );
}

#[test]
fn no_color_means_no_colour_anywhere() {
    let mut h = example("harbourside");
    h.app.theme = Theme::choose(Some("high-contrast"), Some("1")).expect("theme");
    for keys in [
        "",
        "d",
        "<esc>x",
        "<esc>?",
        "<esc>aThe placement ended<enter>",
        "<esc><esc>y",
    ] {
        h.keys(keys);
        assert_eq!(h.colours(80, 24), [Color::Reset], "after {keys:?}");
    }
    h.keys("p");
    assert_eq!(h.colours(120, 40), [Color::Reset], "presenter view");
}

#[test]
fn the_lens_offers_an_alternative_and_never_changes_words_unasked() {
    let mut h = Harness::new();
    h.keys("n<enter>Harbour day<enter>>");
    h.keys("aThe placement gave her stability<enter>");
    let Some(Overlay::Form(form)) = &view(&h).overlay else {
        panic!("the form waits")
    };
    let (_, suggestion) = form.suggestion.as_ref().expect("a suggestion");
    assert_eq!(suggestion.found, "placement");
    assert!(view(&h).session.records.is_empty(), "not saved yet");
    h.settle();
    insta::assert_snapshot!("lens_80x24", h.screen(80, 24));
    insta::assert_snapshot!("lens_40x12", h.screen(40, 12));
    h.keys("k");
    assert_eq!(
        view(&h).session.records[0].body.text(),
        "The placement gave her stability"
    );

    h.keys("aContact with Dad went well<enter>y");
    assert_eq!(
        view(&h).session.records[1].body.text(),
        "Time with Dad went well"
    );

    h.keys("aShe is putting herself at risk<enter>");
    assert!(h.screen(80, 24).contains("blames the child"));
    h.keys("<esc>");
    let Some(Overlay::Form(form)) = &view(&h).overlay else {
        panic!("back to editing")
    };
    assert!(form.suggestion.is_none());
    assert_eq!(
        form.fields[0].input.text(),
        "She is putting herself at risk"
    );
    h.keys("<enter>y");
    assert_eq!(
        view(&h).session.records[2].body.text(),
        "She is being put at risk by others"
    );
}

#[test]
fn the_apps_own_words_pass_the_lens() {
    let lens = convene::lens::Lens::embedded();
    let mut texts: Vec<(String, String)> = Vec::new();
    for framework in convene::framework::Frameworks::embedded().all {
        texts.push((framework.id.clone(), framework.about.clone()));
        for stage in framework.stages {
            texts.push((stage.key.clone(), stage.purpose));
            for prompt in stage.prompts {
                texts.push((stage.key.clone(), prompt));
            }
        }
    }
    for table in [convene::app::keys::DASHBOARD, convene::app::keys::SESSION] {
        for b in table {
            texts.push((b.keys.to_owned(), b.help.to_owned()));
        }
    }
    // Every string literal in the source: labels, prompts, messages.
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.clone()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(
                std::fs::read_dir(&path)
                    .expect("dir")
                    .map(|e| e.expect("entry").path()),
            );
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("lens.rs") {
            continue;
        }
        let code = std::fs::read_to_string(&path).expect("read");
        for (n, line) in code.lines().enumerate() {
            let line = line.trim_start();
            if line.starts_with("//") {
                continue;
            }
            for (i, literal) in line.split('"').enumerate() {
                if i % 2 == 1 {
                    texts.push((format!("{}:{}", path.display(), n + 1), literal.to_owned()));
                }
            }
        }
    }
    assert!(texts.len() > 500, "{} texts read", texts.len());
    let flagged: Vec<String> = texts
        .iter()
        .flat_map(|(place, text)| {
            lens.check(text)
                .into_iter()
                .map(move |s| format!("{place}: {:?} in {text:?}", s.found))
        })
        .collect();
    assert!(flagged.is_empty(), "{flagged:#?}");
}

#[test]
fn the_room_is_never_told_time_is_up_for_a_stage_entered_on_an_earlier_day() {
    // The example workshop moved to Destiny on 12 November; the harness's day is later.
    let mut h = example("harbourside");
    h.keys("p");
    let room = h.screen(100, 30);
    assert!(
        room.contains("commit to doing"),
        "the room's screen: {room}"
    );
    assert!(!room.contains("time is up"), "{room}");
    assert!(!room.contains("minutes left"), "{room}");
}
