//! What the operating system said, in Swedish: an `io::Error` prints the system's English words
//! («Read-only file system (os error 30) at path …»), which a user of a Swedish tool cannot act on.

use std::io::{Error, ErrorKind};

/// Why a file could not be read or written, as a user can act on it.
pub fn reason(error: &Error) -> String {
    // Windows: ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION, what a file open in Excel or a
    // PDF reader gives when it is written over.
    if cfg!(windows) && matches!(error.raw_os_error(), Some(32 | 33)) {
        return "filen är öppen i ett annat program (t.ex. Excel eller en PDF-läsare)".into();
    }
    match error.kind() {
        ErrorKind::NotFound => "filen eller mappen finns inte".into(),
        ErrorKind::PermissionDenied => {
            "behörighet saknas (eller filen är öppen i ett annat program)".into()
        }
        ErrorKind::AlreadyExists => "det finns redan en fil med det namnet".into(),
        ErrorKind::ReadOnlyFilesystem => "enheten eller mappen är skrivskyddad".into(),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "disken är full".into(),
        ErrorKind::NotADirectory => "en del av sökvägen är en fil, inte en mapp".into(),
        ErrorKind::IsADirectory => "det är en mapp, inte en fil".into(),
        ErrorKind::DirectoryNotEmpty => "mappen är inte tom".into(),
        ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => {
            "filen används av ett annat program".into()
        }
        ErrorKind::InvalidFilename => {
            "namnet är för långt eller har tecken som inte är tillåtna".into()
        }
        ErrorKind::CrossesDevices => "filen kan inte flyttas mellan två enheter".into(),
        ErrorKind::UnexpectedEof | ErrorKind::InvalidData => {
            "innehållet är ofullständigt eller trasigt".into()
        }
        ErrorKind::Interrupted | ErrorKind::TimedOut => "operativsystemet avbröt åtgärden".into(),
        _ => match error.raw_os_error() {
            Some(code) => format!("operativsystemet gav fel nummer {code}"),
            None => "operativsystemet gav ett oväntat fel".into(),
        },
    }
}

/// What to do when a file could not be written.
pub const WRITE_FIX: &str = "Stäng filen om den är öppen (t.ex. i Excel eller en PDF-läsare), \
kontrollera att utdatamappen går att skriva i och att disken har plats, och försök igen. De \
tidigare filerna ligger kvar som de var.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_s_words_become_swedish_ones() {
        let full = Error::from(ErrorKind::StorageFull);
        assert_eq!(reason(&full), "disken är full");
        // The path tempfile adds to its errors is not repeated: the message names the target.
        let read_only = Error::new(ErrorKind::ReadOnlyFilesystem, "at path /x/.styrdok-a.tmp");
        assert_eq!(reason(&read_only), "enheten eller mappen är skrivskyddad");
        assert!(reason(&Error::from_raw_os_error(99_999)).contains("99999"));
    }
}
