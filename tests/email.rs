//! E-mail drafts of the forms and the reminders, read back with a real mail parser as a mail program
//! would: who they go to, what they say, and that the attached form is the one written beside them.

use crate::common::{Book, V, run, t};
use chrono::NaiveDate;
use mail_parser::{MessageParser, MimeHeaders};
use std::path::{Path, PathBuf};

fn os(p: &Path) -> &std::ffi::OsStr {
    p.as_os_str()
}

fn text(out: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The valid agreement with a deadline, a sender and a contact for every Ansvarig but Kommun C.
/// Uppgifter rows 7 and 8 are Sista dag and Avsändare; Kontakter rows 2–4 the contacts.
fn with_contacts() -> Book {
    let mut book = Book::valid();
    book.push_row(
        "Uppgifter",
        vec![
            t("Sista dag"),
            V::D(NaiveDate::from_ymd_opt(2025, 10, 31).unwrap()),
        ],
    )
    .push_row(
        "Uppgifter",
        vec![t("Avsändare"), t("Björn Ärlig <bjorn.arlig@rss.example>")],
    );
    book.sheets.push((
        "Kontakter".into(),
        vec![
            vec![t("Ansvarig"), t("Namn"), t("E-post"), t("Kopia")],
            vec![
                t("kommun  b"),
                t("Åsa Öberg"),
                t("asa.oberg@kommunb.example; kansli@kommunb.example"),
                t("chef@kommunb.example"),
            ],
            vec![t("Division A"), V::E, t("division.a@region.example")],
            vec![t("RSS Test"), t("Per Ek"), t("per.ek@rss.example")],
        ],
    ));
    book
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn forms_epost(input: &Path, out: &Path) -> std::process::Output {
    run([
        os(Path::new("forms")),
        os(input),
        os(Path::new("-o")),
        os(out),
        os(Path::new("--epost")),
    ])
}

/// The addresses of a header as (name, address).
fn addresses(list: Option<&mail_parser::Address>) -> Vec<(Option<String>, String)> {
    list.map(|a| {
        a.iter()
            .map(|x| {
                (
                    x.name().map(str::to_string),
                    x.address().unwrap_or_default().to_string(),
                )
            })
            .collect()
    })
    .unwrap_or_default()
}

#[test]
fn forms_with_epost_write_a_draft_per_contact_that_a_mail_parser_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let input = with_contacts().write(&dir.path().join("ok.xlsx"));
    let sent = dir.path().join("skickat");
    let out = forms_epost(&input, &sent);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stderr.contains(
            "varning  blad Kontakter: 1 ansvarig saknar rad i Kontakter och får inget e-postutkast: Kommun C"
        ),
        "{stderr}"
    );
    assert!(stdout.contains("3 e-postutkast"), "{stdout}");
    assert!(stdout.contains("styrdok skickar ingenting"), "{stdout}");
    assert_eq!(
        files_in(&sent.join("epost")),
        ["division-a.eml", "kommun-b.eml", "rss-test.eml"]
    );

    let raw = std::fs::read(sent.join("epost/kommun-b.eml")).unwrap();
    assert!(
        raw.is_ascii(),
        "every header and body encoded, nothing 8-bit left raw"
    );
    let raw_text = String::from_utf8_lossy(&raw);
    assert!(raw_text.contains("\r\nX-Unsent: 1\r\n"), "{raw_text}");
    assert!(
        raw_text.contains("filename*"),
        "RFC 2231 file name: {raw_text}"
    );
    let message = MessageParser::default().parse(&raw).unwrap();
    assert_eq!(
        message.subject(),
        Some("Uppföljning Testöverenskommelse 2025 – Kommun B")
    );
    assert_eq!(
        addresses(message.to()),
        [
            (
                Some("Åsa Öberg".to_string()),
                "asa.oberg@kommunb.example".to_string()
            ),
            (None, "kansli@kommunb.example".to_string()),
        ]
    );
    assert_eq!(
        addresses(message.cc()),
        [(None, "chef@kommunb.example".to_string())]
    );
    assert_eq!(
        addresses(message.from()),
        [(
            Some("Björn Ärlig".to_string()),
            "bjorn.arlig@rss.example".to_string()
        )]
    );
    let body = message.body_text(0).unwrap();
    for wanted in [
        "Hej Åsa Öberg!",
        "RSS Test följer upp Testöverenskommelse 2025",
        "• Utbildning",
        "Sista dag att skicka tillbaka blanketten: 2025-10-31.",
        "Rekvirerat och Förbrukat",
        "svara på det här meddelandet",
        "Björn Ärlig",
    ] {
        assert!(body.contains(wanted), "{wanted}: {body}");
    }
    assert!(
        !body.contains("Temamånad"),
        "only the organisation's own insatser: {body}"
    );
    let attachments: Vec<_> = message.attachments().collect();
    assert_eq!(attachments.len(), 1);
    assert_eq!(
        attachments[0].attachment_name(),
        Some("Uppföljning 2025 – Kommun B.xlsx")
    );
    assert_eq!(
        attachments[0].contents(),
        std::fs::read(sent.join("kommun-b.xlsx")).unwrap(),
        "the form written beside the draft"
    );

    // A contact without a name is greeted by no one rather than by an empty name.
    let division = std::fs::read(sent.join("epost/division-a.eml")).unwrap();
    let division = MessageParser::default().parse(&division).unwrap();
    assert_eq!(
        addresses(division.to()),
        [(None, "division.a@region.example".to_string())]
    );
    let body = division.body_text(0).unwrap();
    assert!(!body.contains("Hej"), "{body}");
    assert!(body.contains("• BISAM"), "{body}");

    // The same input gives the same bytes (date, Message-ID and boundaries included).
    let again = dir.path().join("igen");
    assert!(forms_epost(&input, &again).status.success());
    for name in files_in(&sent.join("epost")) {
        assert_eq!(
            std::fs::read(sent.join("epost").join(&name)).unwrap(),
            std::fs::read(again.join("epost").join(&name)).unwrap(),
            "{name}"
        );
    }
    let date = message.date().unwrap();
    assert_eq!((date.year, date.month, date.day), (2025, 9, 29));
}

/// A returned form: the key column of the form sent and a Rekvirerat figure on every row.
fn returned(form: &Path, target: &Path) {
    use calamine::{Reader, open_workbook_auto};
    let mut wb = open_workbook_auto(form).unwrap();
    let range = wb.worksheet_range("Uppföljning").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let header = rows
        .iter()
        .position(|r| r.contains(&"Nyckel".into()))
        .unwrap();
    let key_col = rows[header].iter().position(|c| c == "Nyckel").unwrap();
    let mut out = rust_xlsxwriter::Workbook::new();
    let ws = out.add_worksheet();
    ws.set_name("Uppföljning").unwrap();
    ws.write_string(0, 0, "Nyckel").unwrap();
    ws.write_string(0, 1, "Rekvirerat").unwrap();
    for (i, row) in rows[header + 1..]
        .iter()
        .filter(|r| !r[key_col].is_empty())
        .enumerate()
    {
        ws.write_string(i as u32 + 1, 0, &row[key_col]).unwrap();
        ws.write_number(i as u32 + 1, 1, 1000.0).unwrap();
    }
    out.save(target).unwrap();
}

#[test]
fn collect_with_epost_reminds_exactly_those_who_have_not_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = with_contacts();
    book.push_row(
        "Kontakter",
        vec![t("Kommun C"), t("Eva Lund"), t("eva.lund@kommunc.example")],
    );
    let input = book.write(&dir.path().join("ok.xlsx"));
    let sent = dir.path().join("skickat");
    assert!(forms_epost(&input, &sent).status.success());
    let back = dir.path().join("tillbaka");
    std::fs::create_dir(&back).unwrap();
    returned(&sent.join("kommun-b.xlsx"), &back.join("kommun-b.xlsx"));
    returned(&sent.join("division-a.xlsx"), &back.join("division-a.xlsx"));

    let out_dir = dir.path().join("ut");
    // A reminder from an earlier collect, to Kommun B, which has reported since.
    std::fs::create_dir_all(out_dir.join("paminnelser")).unwrap();
    std::fs::write(out_dir.join("paminnelser/kommun-b.eml"), "gammal").unwrap();
    let out = run([
        os(Path::new("collect")),
        os(&back),
        os(&input),
        os(Path::new("-o")),
        os(&out_dir),
        os(Path::new("--epost")),
    ]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("Har inte rapporterat (2):\n  RSS Test\n  Kommun C"),
        "{stdout}"
    );
    assert!(stdout.contains("2 påminnelser"), "{stdout}");
    assert!(
        stdout.contains("Tog bort den gamla påminnelsen"),
        "{stdout}"
    );
    assert_eq!(
        files_in(&out_dir.join("paminnelser")),
        ["kommun-c.eml", "rss-test.eml"]
    );
    assert!(out_dir.join("ok-uppdaterad.xlsx").is_file());
    for (draft, form, to) in [
        ("kommun-c.eml", "kommun-c.xlsx", "eva.lund@kommunc.example"),
        ("rss-test.eml", "rss-test.xlsx", "per.ek@rss.example"),
    ] {
        let raw = std::fs::read(out_dir.join("paminnelser").join(draft)).unwrap();
        let message = MessageParser::default().parse(&raw).unwrap();
        assert!(
            message
                .subject()
                .unwrap()
                .starts_with("Påminnelse: Uppföljning"),
            "{:?}",
            message.subject()
        );
        assert_eq!(addresses(message.to())[0].1, to);
        let body = message.body_text(0).unwrap();
        assert!(body.contains("2025-10-31"), "{body}");
        let attachment = message.attachments().next().unwrap();
        assert_eq!(
            attachment.contents(),
            std::fs::read(sent.join(form)).unwrap(),
            "the same form as was sent: {draft}"
        );
    }

    // As JSON, stdout holds the report and nothing else.
    let json_out = dir.path().join("ut-json");
    let out = run([
        os(Path::new("collect")),
        os(&back),
        os(&input),
        os(Path::new("-o")),
        os(&json_out),
        os(Path::new("--epost")),
        os(Path::new("--format")),
        os(Path::new("json")),
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["reminders"], 2);
}

#[test]
fn bad_contacts_and_sender_are_named_by_cell_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = with_contacts();
    book.set("Uppgifter", "B7", t("snart"))
        .set("Uppgifter", "B8", t("Björn <bjorn@rss>"))
        .set(
            "Kontakter",
            "C2",
            t("asa.oberg@kommunb.example; åsa@kommunb.example"),
        )
        .set("Kontakter", "A3", t("Divison A"));
    let input = book.write(&dir.path().join("ok.xlsx"));
    let sent = dir.path().join("skickat");
    let out = forms_epost(&input, &sent);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    for wanted in [
        "fel      Kontakter!C2: E-post «åsa@kommunb.example» är inte en e-postadress: å, ä, ö",
        "fel      Uppgifter!B7: Sista dag «snart» är inte ett datum",
        "fel      Uppgifter!B8: Avsändare «bjorn@rss» är inte en e-postadress",
        "varning  Kontakter!A3: Ansvarig «Divison A» har inga insatser i bladet Insatser; menade du «Division A»?",
        "varning  blad Kontakter: 2 ansvariga saknar rad i Kontakter och får inget e-postutkast: Division A, Kommun C",
        "Skriv adressen som namn@organisation.se",
    ] {
        assert!(stderr.contains(wanted), "{wanted}\n{stderr}");
    }
    assert!(!sent.exists(), "nothing written");

    let (_, json) = crate::common::library::check_text_and_json(&input);
    let report: serde_json::Value = serde_json::from_str(&json.report).unwrap();
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    for code in ["not-an-email-address", "unknown-contact", "missing-contact"] {
        assert!(codes.contains(&code), "{code}: {codes:?}");
    }
    let unknown = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unknown-contact")
        .unwrap();
    assert_eq!(unknown["suggestion"], "Division A");
    assert_eq!(unknown["place"], "Kontakter!A3");
}

#[test]
fn epost_without_a_kontakter_sheet_says_so_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = Book::valid().write(&dir.path().join("ok.xlsx"));
    let sent = dir.path().join("skickat");
    let out = forms_epost(&input, &sent);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stderr.contains("bladet «Kontakter» saknas"), "{stderr}");
    assert!(!sent.exists());
    // Without --epost nothing changes: the forms are written, no warning about contacts.
    let out = run([
        os(Path::new("forms")),
        os(&input),
        os(Path::new("-o")),
        os(&sent),
    ]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(!stderr.contains("Kontakter"), "{stderr}");
    assert!(!sent.join("epost").exists());
}

#[test]
fn ansvarig_names_that_are_no_file_names_give_safe_files_inside_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = with_contacts();
    // Insatser G3 (BISAM) and G4 (Utbildning) are Division A and Kommun B.
    book.set("Insatser", "G3", t("CON"))
        .set("Insatser", "G4", t("../x"))
        .set("Kontakter", "A2", t("../x"))
        .set("Kontakter", "A3", t("CON"))
        .push_row(
            "Kontakter",
            vec![t("Kommun C"), t("Eva Lund"), t("eva.lund@kommunc.example")],
        );
    let root = dir.path().join("rot");
    std::fs::create_dir(&root).unwrap();
    let input = book.write(&root.join("ok.xlsx"));
    let sent = root.join("skickat");
    let out = forms_epost(&input, &sent);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert_eq!(
        files_in(&root),
        ["ok.xlsx", "skickat"],
        "nothing beside MAPP"
    );
    assert_eq!(
        files_in(&sent),
        [
            "con-mottagare.xlsx",
            "epost",
            "kommun-c.xlsx",
            "rss-test.xlsx",
            "x.xlsx"
        ]
    );
    assert_eq!(
        files_in(&sent.join("epost")),
        ["con-mottagare.eml", "kommun-c.eml", "rss-test.eml", "x.eml"]
    );
    let raw = std::fs::read(sent.join("epost/x.eml")).unwrap();
    let message = MessageParser::default().parse(&raw).unwrap();
    assert_eq!(
        message.subject(),
        Some("Uppföljning Testöverenskommelse 2025 – ../x")
    );
    let attachment = message.attachments().next().unwrap();
    assert_eq!(
        attachment.attachment_name(),
        Some("Uppföljning 2025 – ..-x.xlsx")
    );
    assert_eq!(
        attachment.contents(),
        std::fs::read(sent.join("x.xlsx")).unwrap()
    );
}

#[test]
fn the_projects_own_text_is_used_and_its_mistakes_are_named_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = with_contacts().write(&dir.path().join("ok.xlsx"));
    let texts = dir.path().join("mallar");
    let out = run([
        os(Path::new("templates")),
        os(Path::new("export")),
        os(Path::new("--epost")),
        os(&texts),
    ]);
    assert!(out.status.success(), "{}", text(&out).1);
    assert_eq!(
        files_in(&texts),
        ["epost-blankett.txt", "epost-paminnelse.txt"]
    );
    let own: PathBuf = texts.join("epost-blankett.txt");
    std::fs::write(
        &own,
        "Ämne: Vår egen rubrik till {{Ansvarig}}\n\nHej {{Kontakt}}, senast {{Sista dag}}: {{Totalt.Antal insatser}} insats.\n",
    )
    .unwrap();
    let sent = dir.path().join("skickat");
    let out = forms_epost(&input, &sent);
    assert!(out.status.success(), "{}", text(&out).1);
    let raw = std::fs::read(sent.join("epost/kommun-b.eml")).unwrap();
    let message = MessageParser::default().parse(&raw).unwrap();
    assert_eq!(message.subject(), Some("Vår egen rubrik till Kommun B"));
    assert!(
        message
            .body_text(0)
            .unwrap()
            .contains("Hej Åsa Öberg, senast 2025-10-31: 1 insats."),
        "{:?}",
        message.body_text(0)
    );

    std::fs::write(&own, "Ämne: {{Ansvarig}}\n\nSenast {{Sista dagen}}.\n").unwrap();
    let again = dir.path().join("igen");
    let out = forms_epost(&input, &again);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
    assert!(
        stderr.contains(
            "epost-blankett.txt, rad 3: okänt namn {{Sista dagen}}. Menade du {{Sista dag}}?"
        ),
        "{stderr}"
    );
    assert!(!again.exists(), "nothing written");
}

#[test]
fn without_a_deadline_the_deadline_line_goes_and_the_summary_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = with_contacts();
    // Uppgifter row 7 is Sista dag: left empty, as a coordinator who has not decided yet.
    book.set("Uppgifter", "B7", V::E);
    let input = book.write(&dir.path().join("ok.xlsx"));
    let sent = dir.path().join("skickat");
    let out = forms_epost(&input, &sent);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("Utkasten nämner ingen sista dag"),
        "{stdout}"
    );
    let raw = std::fs::read(sent.join("epost/rss-test.eml")).unwrap();
    let message = MessageParser::default().parse(&raw).unwrap();
    let body = message.body_text(0).unwrap();
    assert!(!body.contains("Sista dag"), "{body}");
    assert!(body.contains("Hej Per Ek!"), "{body}");
}
