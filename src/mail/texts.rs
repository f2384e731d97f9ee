//! The words of the drafts: built in, or the project's own copies in `mallar/` (written by
//! `styrdok templates export --epost`), with an `Ämne:` line and the `{{…}}` placeholders of the
//! Excel templates.

use super::MailError;
use crate::render::write_atomic;
use std::path::{Path, PathBuf};

pub(crate) const FORM_FILE: &str = "epost-blankett.txt";
pub const REMINDER_FILE: &str = "epost-paminnelse.txt";

/// (file name, built-in text).
const BUILT_IN: [(&str, &str); 2] = [
    (
        FORM_FILE,
        include_str!("../../templates/epost-blankett.txt"),
    ),
    (
        REMINDER_FILE,
        include_str!("../../templates/epost-paminnelse.txt"),
    ),
];

/// A text larger than this is not a message (and would be read whole).
pub(super) const MAX_BYTES: u64 = 1024 * 1024;

/// One message's text: the subject line and the body, placeholders not yet filled.
#[derive(Debug, Clone, PartialEq)]
pub struct MessageText {
    /// Where it came from, for a problem's message: the file name, or the path of the user's copy.
    pub file: String,
    pub subject: String,
    pub body: String,
    /// The file's line numbers of the subject and of the body's first line, for problems.
    pub subject_line: usize,
    pub body_line: usize,
}

impl MessageText {
    /// `name`'s text: the project's own copy in `folder` when there is one, else the built-in one.
    pub fn load(folder: &Path, name: &str) -> Result<MessageText, MailError> {
        let path = folder.join(name);
        if !path.is_file() {
            let text = BUILT_IN
                .iter()
                .find(|(n, _)| *n == name)
                .map_or("", |(_, t)| t);
            return parse(name, text).ok_or_else(|| MailError::NoSubject(PathBuf::from(name)));
        }
        let read_err = |source| MailError::Read {
            path: path.clone(),
            source,
        };
        if path.metadata().map_err(read_err)?.len() > MAX_BYTES {
            return Err(MailError::TooLarge(path));
        }
        let bytes = std::fs::read(&path).map_err(read_err)?;
        let text = String::from_utf8(bytes).map_err(|_| MailError::NotText(path.clone()))?;
        parse(&path.display().to_string(), &text).ok_or(MailError::NoSubject(path))
    }
}

/// Splits `Ämne: …` from the body; `None` without a subject line. Windows editors' byte-order mark
/// and CRLF line ends are accepted.
fn parse(file: &str, text: &str) -> Option<MessageText> {
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text
        .lines()
        .enumerate()
        .skip_while(|(_, l)| l.trim().is_empty());
    let (subject_at, first) = lines.next()?;
    let (label, subject) = first.split_once(':')?;
    if !["ämne", "subject"].contains(&label.trim().to_lowercase().as_str()) {
        return None;
    }
    let body: Vec<(usize, &str)> = lines.skip_while(|(_, l)| l.trim().is_empty()).collect();
    Some(MessageText {
        file: file.to_string(),
        subject: subject.trim().to_string(),
        body: body.iter().map(|(_, l)| *l).collect::<Vec<_>>().join("\n"),
        subject_line: subject_at + 1,
        body_line: body.first().map_or(subject_at + 2, |(n, _)| n + 1),
    })
}

/// Writes the built-in texts into `dir` to be edited; never over an existing file.
pub fn export(dir: &Path) -> Result<Vec<PathBuf>, MailError> {
    let targets: Vec<PathBuf> = BUILT_IN.iter().map(|(name, _)| dir.join(name)).collect();
    if let Some(existing) = targets.iter().find(|p| p.exists()) {
        return Err(MailError::Exists(existing.clone()));
    }
    for ((_, text), path) in BUILT_IN.iter().zip(&targets) {
        write_atomic(path, text.as_bytes())?;
    }
    Ok(targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_texts_have_a_subject_and_the_users_copy_wins() {
        for (name, _) in BUILT_IN {
            let text = MessageText::load(Path::new("/finns/inte"), name).unwrap();
            assert!(text.subject.contains("{{Ansvarig}}"), "{name}");
            assert!(text.body.contains("{{Sista dag}}"), "{name}");
        }
        let dir = tempfile::tempdir().unwrap();
        export(dir.path()).unwrap();
        assert!(matches!(export(dir.path()), Err(MailError::Exists(_))));
        std::fs::write(
            dir.path().join(FORM_FILE),
            "\u{feff}\r\nÄMNE: Egen {{Titel}}\r\n\r\nHej\r\n",
        )
        .unwrap();
        let own = MessageText::load(dir.path(), FORM_FILE).unwrap();
        assert_eq!(
            (own.subject.as_str(), own.body.as_str()),
            ("Egen {{Titel}}", "Hej")
        );
        std::fs::write(dir.path().join(FORM_FILE), "Hej\n").unwrap();
        assert!(matches!(
            MessageText::load(dir.path(), FORM_FILE),
            Err(MailError::NoSubject(_))
        ));
    }
}
