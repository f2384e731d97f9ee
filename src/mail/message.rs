//! One draft as an `.eml` file: headers encoded by mail-builder (RFC 2047 for names and subject,
//! RFC 2231 for the attachment's name), `X-Unsent: 1` so Outlook opens it ready to send, and
//! nothing that varies between runs: the date is the report date, and the Message-ID and MIME
//! boundary are derived from the message's own content instead of the clock and a random number.

use crate::model::Mailbox;
use chrono::NaiveDate;
use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::raw::Raw;
use mail_builder::mime::MimePart;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// What a draft holds; the addresses have been checked when the workbook was read.
pub struct Message<'a> {
    pub from: Option<&'a Mailbox>,
    /// The person greeted, named on the first address.
    pub to_name: &'a str,
    pub to: &'a [String],
    pub cc: &'a [String],
    pub subject: &'a str,
    pub body: &'a str,
    pub attachment_name: &'a str,
    pub attachment: &'a [u8],
    pub date: NaiveDate,
}

impl Message<'_> {
    /// The message as the bytes of an `.eml` file.
    pub(crate) fn to_eml(&self) -> std::io::Result<Vec<u8>> {
        let hash = self.fingerprint();
        let domain = self
            .from
            .and_then(|m| m.address.rsplit_once('@'))
            .map_or("styrdok.invalid", |(_, d)| d);
        let mut builder = MessageBuilder::new();
        if let Some(from) = self.from {
            let name = (!from.name.is_empty()).then_some(from.name.as_str());
            builder = builder.from(Address::new_address(name, from.address.as_str()));
        }
        let to_name = (!self.to_name.trim().is_empty()).then_some(self.to_name.trim());
        builder = builder.to(list(self.to, to_name));
        if !self.cc.is_empty() {
            builder = builder.cc(list(self.cc, None));
        }
        // Midday UTC: the same calendar day in every time zone a Swedish mail program shows.
        let date = self
            .date
            .and_hms_opt(12, 0, 0)
            .map_or(0, |d| d.and_utc().timestamp());
        let body = MimePart::new(
            ContentType::new("multipart/mixed")
                .attribute("boundary", format!("styrdok-{hash:016x}")),
            vec![
                MimePart::new("text/plain", self.body),
                MimePart::new(XLSX, self.attachment).attachment(self.attachment_name),
            ],
        );
        builder
            .subject(self.subject)
            .date(date)
            .message_id(format!("{hash:016x}.styrdok@{domain}"))
            .header("X-Unsent", Raw::new("1"))
            .body(body)
            .write_to_vec()
    }
}

/// The addresses of a header, the first one with `first_name` when there is one.
fn list<'a>(addresses: &'a [String], first_name: Option<&'a str>) -> Address<'a> {
    Address::new_list(
        addresses
            .iter()
            .enumerate()
            .map(|(i, a)| Address::new_address(first_name.filter(|_| i == 0), a.as_str()))
            .collect(),
    )
}

impl Message<'_> {
    /// FNV-1a over everything the message says: two different drafts get different identifiers,
    /// the same draft the same one, on every machine and Rust version (unlike std's hasher).
    fn fingerprint(&self) -> u64 {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut add = |bytes: &[u8]| {
            for b in bytes.iter().chain([&0xff]) {
                hash ^= u64::from(*b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        };
        if let Some(from) = self.from {
            add(from.name.as_bytes());
            add(from.address.as_bytes());
        }
        add(self.to_name.as_bytes());
        for a in self.to.iter().chain(self.cc) {
            add(a.as_bytes());
        }
        add(self.subject.as_bytes());
        add(self.body.as_bytes());
        add(self.attachment_name.as_bytes());
        add(self.attachment);
        add(self.date.to_string().as_bytes());
        hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mail_parser::MessageParser;

    fn message<'a>(name: &'a str, subject: &'a str, to: &'a [String]) -> Message<'a> {
        Message {
            from: None,
            to_name: name,
            to,
            cc: &[],
            subject,
            body: "Hej\nrad två",
            attachment_name: "Uppföljning 2025 – Ö.xlsx",
            attachment: b"PK\x03\x04",
            date: NaiveDate::from_ymd_opt(2025, 9, 29).unwrap(),
        }
    }

    #[test]
    fn cell_text_cannot_add_headers() {
        let to = ["a@x.se".to_string()];
        let raw = message("Eva\r\nBcc: evil@x.se", "Ämne\rBcc: evil@x.se\nX: y", &to)
            .to_eml()
            .unwrap();
        let text = String::from_utf8_lossy(&raw);
        assert!(
            !text
                .lines()
                .any(|l| l.starts_with("Bcc:") || l.starts_with("X: ")),
            "{text}"
        );
        let parsed = MessageParser::default().parse(&raw).unwrap();
        assert!(parsed.bcc().is_none());
        assert_eq!(
            parsed.to().unwrap().first().unwrap().address(),
            Some("a@x.se")
        );
    }

    #[test]
    fn same_message_same_bytes_other_message_other_ids() {
        let to = ["a@x.se".to_string()];
        let one = message("Eva", "Ämne", &to).to_eml().unwrap();
        assert_eq!(one, message("Eva", "Ämne", &to).to_eml().unwrap());
        let other = message("Eva", "Annat ämne", &to).to_eml().unwrap();
        let id = |raw: &[u8]| {
            MessageParser::default()
                .parse(raw)
                .unwrap()
                .message_id()
                .unwrap()
                .to_string()
        };
        assert_ne!(id(&one), id(&other));
    }
}
