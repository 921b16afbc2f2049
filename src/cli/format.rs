//! The formats as the command line names them: clap's `ValueEnum` on a newtype over `export::Format` (which knows nothing of clap), and which formats each command takes.

use crate::export::Format;
use clap::ValueEnum;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

/// Which formats each command accepts, as data: `--format` offers these and no other.
pub const EXPORT: &[Format] = &Format::ALL;
/// `convene agenda`: the day's run-sheet.
pub const AGENDA: &[Format] = &Format::RUN_SHEET;
/// `convene report`: the folder's figures.
pub const REPORT: &[Format] = &Format::FIGURES;

/// A format as typed after `--format` (`md`, `html`, `csv`, `ics`, `docx`, `json`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatArg(pub Format);

const EVERY: [FormatArg; 6] = [
    FormatArg(Format::EVERY[0]),
    FormatArg(Format::EVERY[1]),
    FormatArg(Format::EVERY[2]),
    FormatArg(Format::EVERY[3]),
    FormatArg(Format::EVERY[4]),
    FormatArg(Format::EVERY[5]),
];

impl ValueEnum for FormatArg {
    fn value_variants<'a>() -> &'a [Self] {
        &EVERY
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self.0 {
            Format::Md => "Readable text (Markdown)",
            Format::Html => "One self-contained page that prints well",
            Format::Csv => "Rows for spreadsheets",
            Format::Ics => "Agreements, plan items and the review date as calendar to-dos",
            Format::Docx => "A Word document (needs -o FILE)",
            Format::Json => "JSON, for scripts",
        };
        Some(PossibleValue::new(self.0.extension()).help(help))
    }
}

/// The parser for a command's `--format`: only `formats` are accepted, and `--help` and
/// the completions list only those.
pub fn accepting(formats: &'static [Format]) -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(
        formats
            .iter()
            .filter_map(|&format| FormatArg(format).to_possible_value()),
    )
    .try_map(|name| FormatArg::from_str(&name, false).map(|arg| arg.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_one_name_and_each_name_reads_back() {
        assert_eq!(EVERY.map(|arg| arg.0), Format::EVERY);
        for format in Format::EVERY {
            let name = FormatArg(format).to_possible_value().expect("a name");
            assert_eq!(
                FormatArg::from_str(name.get_name(), false),
                Ok(FormatArg(format))
            );
        }
    }

    #[test]
    fn a_command_takes_only_its_own_formats() {
        let command = clap::Command::new("t").arg(
            clap::Arg::new("format")
                .long("format")
                .value_parser(accepting(AGENDA)),
        );
        let parsed = command
            .clone()
            .try_get_matches_from(["t", "--format", "docx"])
            .expect("docx is a run-sheet's");
        assert_eq!(parsed.get_one::<Format>("format"), Some(&Format::Docx));
        for other in ["csv", "ics", "json", "pdf"] {
            assert!(
                command
                    .clone()
                    .try_get_matches_from(["t", "--format", other])
                    .is_err(),
                "{other}"
            );
        }
    }
}
