//! Text made safe for a terminal: control characters and escape sequences never reach the screen.

use std::borrow::Cow;
use std::io::{self, Write};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// Removes terminal escape sequences (CSI, OSC, DCS and the rest) and control characters,
/// keeping newlines. Tabs become spaces. Text that needs no change is borrowed.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| needs_cleaning(c) && c != '\n') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{1b}' => skip_escape(&mut chars),
            // CSI as a single C1 character.
            '\u{9b}' => skip_until_final(&mut chars),
            // OSC, DCS, SOS, PM, APC as single C1 characters: skip to their terminator.
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if needs_cleaning(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Like [`clean`], on one line: newlines and runs of spaces become a single space.
pub fn clean_line(text: &str) -> String {
    let cleaned = clean(text);
    let mut out = String::with_capacity(cleaned.len());
    for word in cleaned.split([' ', '\n']).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Text with every line break as `\n`: terminals paste `\r\n` or a bare `\r`, and
/// files from Windows end lines with `\r\n`.
pub fn line_breaks(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The text with its first letter in capitals ("builds on" → "Builds on").
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// "1 session", "2 sessions": a count with its noun, singular for one.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The first name in a name, lower case, letters and digits only, for a file name:
/// "Tyler (9) and Mia (6)" → "tyler", "J." → "j", "Zoë" → "zoë"; empty when none.
pub fn first_name_slug(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .unwrap_or("")
        .to_lowercase()
}

/// Like [`clean`], line by line, keeping each line's ending (`\n` or `\r\n`): for text
/// whose line endings belong to its format (CSV and iCalendar use CRLF) on its way to a terminal.
pub fn clean_keeping_line_ends(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| needs_cleaning(c) && c != '\n' && c != '\r')
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix("\r\n") {
            Some(body) => (body, "\r\n"),
            None => line
                .strip_suffix('\n')
                .map_or((line, ""), |body| (body, "\n")),
        };
        out.push_str(&clean(body));
        out.push_str(end);
    }
    Cow::Owned(out)
}

/// A value as pretty JSON in which every character [`clean`] would remove is written as a
/// `\uXXXX` escape: serde_json escapes C0 controls only, and C1 controls, DEL and the bidi
/// overrides would otherwise reach the terminal raw. The JSON means the same; scripts
/// reading it get the text exactly as stored.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let json = serde_json::to_string_pretty(value)?;
    // Outside strings pretty JSON is ASCII with `\n` between lines, so such a character can
    // only be inside a string, where an escape means the same character.
    if !json.chars().any(|c| needs_cleaning(c) && c != '\n') {
        return Ok(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if needs_cleaning(c) && c != '\n' {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// Prints a line to standard output through [`clean`]: the way the command line writes.
#[macro_export]
macro_rules! outln {
    ($($arg:tt)*) => {{
        $crate::text::print_out(&format!("{}\n", $crate::text::clean(&format!($($arg)*))));
    }};
}

/// Prints text to standard output through [`clean`], without adding a new line.
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => {{
        $crate::text::print_out(&$crate::text::clean(&format!($($arg)*)));
    }};
}

/// Prints a line to standard error through [`clean`]: the way the command line warns.
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => {{
        $crate::text::print_err(&format!("{}\n", $crate::text::clean(&format!($($arg)*))));
    }};
}

/// Set once the reader of standard output has closed it.
static READER_GONE: AtomicBool = AtomicBool::new(false);
/// Why something printed could not be written, for the command's end to say.
static UNWRITTEN: OnceLock<String> = OnceLock::new();

/// Writes to standard output, all of it or an error. A reader that closed the pipe
/// (`convene list | head -1`) chose to stop reading: that is no error, and nothing more
/// is written. The command still finishes what it was asked (a closed pipe never leaves
/// work half done) and ends with its usual code: 0 when all went well, as it did its job;
/// the 141 of a process killed by SIGPIPE would fail `set -o pipefail` scripts for a
/// normal way to read, and is no code convene documents.
pub fn write_out(text: &str) -> io::Result<()> {
    if READER_GONE.load(Ordering::Relaxed) {
        return Ok(());
    }
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            READER_GONE.store(true, Ordering::Relaxed);
            Ok(())
        }
        done => done,
    }
}

/// [`write_out`] for [`outln!`] and [`out!`]: a failure (a full disk under `> file`) is
/// kept for the command's end ([`unwritten`]) and never panics.
pub fn print_out(text: &str) {
    if let Err(e) = write_out(text) {
        let _ = UNWRITTEN.set(e.to_string());
    }
}

/// Writes to standard error for [`errln!`]; where it cannot be written there is nowhere
/// left to say so, and it is no reason to stop.
pub fn print_err(text: &str) {
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

/// Why something the command printed could not be written, if it could not.
pub fn unwritten() -> Option<&'static str> {
    UNWRITTEN.get().map(String::as_str)
}

fn needs_cleaning(c: char) -> bool {
    // Controls, the zero-width space, and the bidi overrides and isolates that can make
    // text read differently from how it is stored. Joiners (U+200C/D) stay: emoji need them.
    // U+FFFE and U+FFFF are not characters at all, and XML (a Word file) may not hold them.
    // U+2028 and U+2029 break a line where a terminal or a script does not expect one
    // (JavaScript reads them as line ends): escaped in JSON, never printed raw.
    c.is_control()
        || matches!(
            c,
            '\u{200b}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{fffe}'
                | '\u{ffff}'
        )
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_until_final(chars),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(chars),
        // Two-character sequences (ESC c, ESC 7, ESC ( B …): skip any intermediates and the final.
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

/// Skips a CSI sequence's parameters up to and including its final byte (0x40–0x7E).
fn skip_until_final(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            return;
        }
    }
}

/// Skips an OSC/DCS-style string up to BEL, ST (ESC \) or the C1 ST.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_and_file_names_read_as_said() {
        assert_eq!(super::count(1, "session", "sessions"), "1 session");
        assert_eq!(super::count(0, "session", "sessions"), "0 sessions");
        assert_eq!(super::first_name_slug("Tyler (9) and Mia (6)"), "tyler");
        assert_eq!(super::first_name_slug("J. (age 11)"), "j");
        assert_eq!(super::first_name_slug("  "), "");
    }

    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(
            clean("Youth workers, 🌱 青少年\nline two"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_title_that_sets_the_window_title_is_harmless() {
        assert_eq!(clean("\u{1b}]0;owned\u{7}Harbour day"), "Harbour day");
        assert_eq!(clean("\u{1b}]0;owned\u{1b}\\Harbour"), "Harbour");
    }

    #[test]
    fn colour_and_cursor_sequences_bells_and_nuls_are_removed() {
        assert_eq!(clean("\u{1b}[31mred\u{1b}[0m \u{1b}[2J\u{7}ok\0"), "red ok");
        assert_eq!(clean("a\u{9b}31mb\u{1b}cc\u{7f}"), "abc");
        assert_eq!(clean("tab\there\r\n"), "tab here\n");
        assert_eq!(clean("rtl\u{202e}txet"), "rtltxet");
        // Not characters, and no XML (a Word file) may hold them.
        assert_eq!(clean("Kai\u{fffe} Mensah\u{ffff}"), "Kai Mensah");
    }

    #[test]
    fn an_unfinished_escape_does_not_swallow_the_world_twice() {
        assert_eq!(clean("before\u{1b}[12"), "before");
        assert_eq!(clean("\u{1b}"), "");
    }

    #[test]
    fn line_ends_of_a_format_stay_and_escapes_go() {
        assert_eq!(
            clean_keeping_line_ends("a,b\r\n\u{1b}[2Jc\u{9b}2J\r\nd\n\u{202e}e"),
            "a,b\r\nc\r\nd\ne"
        );
        assert!(matches!(
            clean_keeping_line_ends("a\r\nb\n"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn json_escapes_what_a_terminal_would_act_on_and_means_the_same() {
        let text = "id\u{1b}]0;t\u{7}\u{9b}2J\u{7f}\u{202e}\u{2066}ok\n";
        let json = json(&[text]).expect("json");
        assert!(
            !json.chars().any(|c| needs_cleaning(c) && c != '\n'),
            "{json:?}"
        );
        assert!(json.contains("\\u009b") && json.contains("\\u202e") && json.contains("\\u007f"));
        let back: Vec<String> = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, [text]);
    }

    #[test]
    fn one_line_joins_lines_with_spaces() {
        assert_eq!(
            clean_line("  first\n\nsecond  third "),
            "first second third"
        );
    }
}
