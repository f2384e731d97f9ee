//! E-mail addresses as typed in a cell: `anna.berg@avesta.se; registrator@avesta.se`, and the
//! sender `Anna Berg <anna.berg@rss.se>`. Checked strictly enough that a draft never carries an
//! address a mail program would refuse, and that the usual slips (å/ä/ö, a missing domain, a name
//! in the address cell) get a reason a user can act on.

use std::fmt;

/// A name and an address, as `Avsändare` is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailbox {
    pub name: String,
    pub address: String,
}

/// Why a piece of text is not an address; the Swedish words go into the problem's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressFault {
    NoAt,
    NonAscii,
    Space,
    BadLocalPart,
    BadDomain,
}

impl fmt::Display for AddressFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AddressFault::NoAt => "det saknas ett @",
            AddressFault::NonAscii => {
                "å, ä, ö och andra tecken utanför a–z används inte i e-postadresser"
            }
            AddressFault::Space => "en adress har inga mellanslag",
            AddressFault::BadLocalPart => "delen före @ har tecken som inte hör hemma i en adress",
            AddressFault::BadDomain => "efter @ ska en domän stå, t.ex. avesta.se",
        })
    }
}

/// One address, without a name: `anna.berg@avesta.se`.
fn check_address(text: &str) -> Result<(), AddressFault> {
    if !text.is_ascii() {
        return Err(AddressFault::NonAscii);
    }
    if text.chars().any(char::is_whitespace) {
        return Err(AddressFault::Space);
    }
    let Some((local, domain)) = text.rsplit_once('@') else {
        return Err(AddressFault::NoAt);
    };
    // RFC 5322's dot-atom: quoted local parts are legal but never used by these organisations, and
    // refusing them keeps every address safe to write into a header unquoted.
    let atom = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c);
    let dot_atom =
        |s: &str| !s.is_empty() && s.split('.').all(|p| !p.is_empty() && p.chars().all(atom));
    if !dot_atom(local) || local.len() > 64 {
        return Err(AddressFault::BadLocalPart);
    }
    let label = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    let labels: Vec<&str> = domain.split('.').collect();
    let tld_ok = labels
        .last()
        .is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic()));
    if labels.len() < 2 || !labels.iter().all(|l| label(l)) || !tld_ok || domain.len() > 253 {
        return Err(AddressFault::BadDomain);
    }
    Ok(())
}

/// The addresses of a cell, separated by `;` (Outlook's separator), `,` or line breaks. `Err` names
/// the first piece that is not an address, with the reason.
pub(crate) fn parse_address_list(text: &str) -> Result<Vec<String>, (String, AddressFault)> {
    let mut out: Vec<String> = Vec::new();
    for piece in text.split([';', ',', '\n', '\r']) {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        check_address(piece).map_err(|fault| (piece.to_string(), fault))?;
        if !out.iter().any(|a| a.eq_ignore_ascii_case(piece)) {
            out.push(piece.to_string());
        }
    }
    Ok(out)
}

/// `Anna Berg <anna.berg@rss.se>`, `Anna Berg, anna.berg@rss.se` or a bare address. `Ok(None)`
/// when the text holds no `@` at all: a name alone signs the message, and the mail program fills in
/// the sender's address.
pub(crate) fn parse_mailbox(text: &str) -> Result<Option<Mailbox>, (String, AddressFault)> {
    let text = text.trim();
    if !text.contains('@') {
        return Ok(None);
    }
    let (name, address) = match (text.find('<'), text.rfind('>')) {
        (Some(open), Some(close)) if open < close => {
            (text[..open].trim(), text[open + 1..close].trim())
        }
        _ => match text.rsplit_once([',', ' ', '\n']) {
            Some((name, address)) if address.contains('@') => (name.trim(), address.trim()),
            _ => ("", text),
        },
    };
    check_address(address).map_err(|fault| (address.to_string(), fault))?;
    let name = name
        .trim_matches(|c: char| c == ',' || c == '"' || c.is_whitespace())
        .to_string();
    Ok(Some(Mailbox {
        name,
        address: address.to_string(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_their_faults() {
        assert_eq!(check_address("anna.berg@avesta.se"), Ok(()));
        assert_eq!(check_address("a+b@sub.region-dalarna.se"), Ok(()));
        assert_eq!(check_address("anna.berg"), Err(AddressFault::NoAt));
        assert_eq!(check_address("åsa@avesta.se"), Err(AddressFault::NonAscii));
        assert_eq!(check_address("anna berg@x.se"), Err(AddressFault::Space));
        assert_eq!(check_address("anna@avesta"), Err(AddressFault::BadDomain));
        assert_eq!(check_address("anna@"), Err(AddressFault::BadDomain));
        assert_eq!(check_address("@avesta.se"), Err(AddressFault::BadLocalPart));
        assert_eq!(check_address("a..b@x.se"), Err(AddressFault::BadLocalPart));
        assert_eq!(check_address("a<b>@x.se"), Err(AddressFault::BadLocalPart));
    }

    #[test]
    fn lists_and_mailboxes() {
        assert_eq!(
            parse_address_list(" a@x.se; b@y.se ;\nA@x.se ").unwrap(),
            ["a@x.se", "b@y.se"]
        );
        assert_eq!(
            parse_address_list("a@x.se; Anna <b@y.se>").unwrap_err().0,
            "Anna <b@y.se>"
        );
        let m = parse_mailbox("Anna Berg <anna@rss.se>").unwrap().unwrap();
        assert_eq!(
            (m.name.as_str(), m.address.as_str()),
            ("Anna Berg", "anna@rss.se")
        );
        let m = parse_mailbox("Anna Berg, anna@rss.se").unwrap().unwrap();
        assert_eq!(
            (m.name.as_str(), m.address.as_str()),
            ("Anna Berg", "anna@rss.se")
        );
        assert_eq!(parse_mailbox("Anna Berg").unwrap(), None);
        assert!(parse_mailbox("Anna <anna@rss>").is_err());
    }
}
