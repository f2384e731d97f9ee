//! clap in Swedish: its own error messages, the usage line and the few English words it puts into
//! help texts. clap renders these itself in English; we parse with `try_parse`, read the error's kind
//! and context (the flag, the value, clap's suggestion), and write the sentence in Swedish.

use super::Cli;
use clap::error::{ContextKind, ContextValue, Error, ErrorKind};
use clap::{CommandFactory, Parser};
use std::ffi::OsString;

/// What parsing the command line came to.
pub enum Parsed {
    /// Run this.
    Run(Cli),
    /// Print `text` (help or version on stdout, an error on stderr) and end with `code`.
    Exit {
        text: String,
        to_stderr: bool,
        code: u8,
    },
}

/// Parses the process's arguments; see `parse_from`.
pub fn parse() -> Parsed {
    parse_from(std::env::args_os())
}

/// Parses `args` (the program name first), with help and errors in Swedish.
pub fn parse_from<I, T>(args: I) -> Parsed
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    match Cli::try_parse_from(&args) {
        Ok(cli) => Parsed::Run(cli),
        Err(e) => match e.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => Parsed::Exit {
                text: with_newline(swedish_help(&e.render().to_string())),
                to_stderr: false,
                code: 0,
            },
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => Parsed::Exit {
                text: with_newline(swedish_help(&e.render().to_string())),
                to_stderr: true,
                code: 2,
            },
            _ => Parsed::Exit {
                text: message(&e, &args),
                to_stderr: true,
                code: 2,
            },
        },
    }
}

fn with_newline(text: String) -> String {
    if text.ends_with('\n') {
        text
    } else {
        text + "\n"
    }
}

/// The plain usage of the (sub)command the arguments name, e.g. `styrdok build [FLAGGOR] [INDATA]`.
/// clap's own usage in an error lists the flags that were given, which is no help when one of them
/// is the mistake.
fn usage(args: &[OsString]) -> (String, String) {
    let mut command = Cli::command();
    let mut path = vec![command.get_name().to_string()];
    for arg in args.iter().skip(1).filter_map(|a| a.to_str()) {
        match command.find_subcommand(arg) {
            Some(sub) => {
                let sub = sub.clone();
                path.push(sub.get_name().to_string());
                command = sub;
            }
            None if arg.starts_with('-') => continue,
            None => break,
        }
    }
    let mut command = command.bin_name(path.join(" "));
    let usage = command.render_usage().to_string();
    (swedish_help(&usage), path.join(" "))
}

/// The English bits clap writes into a help text it otherwise takes from us.
fn swedish_help(text: &str) -> String {
    text.replace("[OPTIONS]", "[FLAGGOR]")
        .replace("[default: ", "[standard: ")
        .replace("[possible values: ", "[möjliga värden: ")
        .replace("Usage: ", "Användning: ")
}

fn context(e: &Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(_) | ContextValue::None => None,
        _ => None,
    }
}

fn did_you_mean(e: &Error, kind: ContextKind) -> String {
    context(e, kind)
        .map(|s| format!("; menade du «{s}»?"))
        .unwrap_or_default()
}

/// The whole error: the sentence, the usage line, where to read more.
fn message(e: &Error, args: &[OsString]) -> String {
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let sentence = match e.kind() {
        ErrorKind::UnknownArgument if arg.starts_with('-') => format!(
            "okänd flagga «{arg}»{}",
            did_you_mean(e, ContextKind::SuggestedArg)
        ),
        ErrorKind::UnknownArgument => format!("oväntat argument «{arg}»"),
        ErrorKind::InvalidSubcommand => format!(
            "okänt kommando «{}»{}",
            context(e, ContextKind::InvalidSubcommand).unwrap_or_default(),
            did_you_mean(e, ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("«{arg}» behöver ett värde")
        }
        ErrorKind::InvalidValue => {
            let valid = context(e, ContextKind::ValidValue)
                .map(|v| format!(" (möjliga värden: {v})"))
                .unwrap_or_default();
            format!(
                "«{value}» är inget giltigt värde för «{arg}»{valid}{}",
                did_you_mean(e, ContextKind::SuggestedValue)
            )
        }
        ErrorKind::ValueValidation => {
            format!("«{value}» är inget giltigt värde för «{arg}»")
        }
        ErrorKind::MissingRequiredArgument => format!("argument saknas: «{arg}»"),
        ErrorKind::MissingSubcommand => "ett kommando saknas".to_string(),
        ErrorKind::ArgumentConflict => format!(
            "«{arg}» kan inte användas tillsammans med «{}»",
            context(e, ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues => format!("för många värden för «{arg}»: «{value}»"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("fel antal värden för «{arg}»")
        }
        ErrorKind::NoEquals => format!("«{arg}» skrivs med likhetstecken: {arg}=VÄRDE"),
        ErrorKind::InvalidUtf8 => "ett argument är inte giltig text (UTF-8)".to_string(),
        _ => "kommandoraden kunde inte läsas".to_string(),
    };
    let (usage, command) = usage(args);
    format!("fel: {sentence}\n\n{usage}\n\nMer hjälp: {command} --help\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(args: &[&str]) -> (String, u8) {
        match parse_from(std::iter::once("styrdok").chain(args.iter().copied())) {
            Parsed::Exit {
                text,
                to_stderr: true,
                code,
            } => (text, code),
            _ => panic!("{args:?} should not parse"),
        }
    }

    #[test]
    fn errors_are_swedish_with_usage_and_suggestion() {
        let (text, code) = error_of(&["build", "--wacth"]);
        assert_eq!(code, 2);
        assert!(
            text.contains("okänd flagga «--wacth»; menade du «--watch»?"),
            "{text}"
        );
        assert!(
            text.contains("Användning: styrdok build [FLAGGOR] [INDATA]"),
            "{text}"
        );
        assert!(text.contains("Mer hjälp: styrdok build --help"), "{text}");
        let (text, _) = error_of(&["build", "--output"]);
        assert!(
            text.contains("«--output <MAPP>» behöver ett värde"),
            "{text}"
        );
        let (text, _) = error_of(&["biuld"]);
        assert!(
            text.contains("okänt kommando «biuld»; menade du «build»?"),
            "{text}"
        );
        assert!(
            !text.contains("Usage") && !text.contains("error:"),
            "{text}"
        );
    }
}
