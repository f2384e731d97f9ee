//! The views, in Swedish: Översikt, Problem, Dokument. maud escapes every value at compile time, so
//! cell text (`<script>…`) shows as the text it is. Every view is a whole page (it works without the
//! script); the script swaps `nav` and `main` when a build finishes.

use super::live::{Collecting, Comparing, Document, Finished, Outcome, ProjectView, Row, Snapshot};
use super::pages::PageError;
use crate::changes::Changes;
use crate::diagnostics::{
    Diagnostic, Place, Problem, Severity, column_letters, group_digits, seconds,
};
use crate::documents::DocumentKind;
use crate::pipeline::Comparison;
use crate::pipeline::FileKind;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use std::collections::HashMap;
use std::time::SystemTime;

/// The views, in the order of the navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Overview,
    Problems,
    Documents,
    Changes,
    Templates,
    Forms,
}

impl View {
    const ALL: [View; 6] = [
        View::Overview,
        View::Problems,
        View::Documents,
        View::Changes,
        View::Forms,
        View::Templates,
    ];

    fn title(self) -> &'static str {
        match self {
            View::Overview => "Översikt",
            View::Problems => "Problem",
            View::Documents => "Dokument",
            View::Changes => "Förändringar",
            View::Templates => "Mallar",
            View::Forms => "Blanketter",
        }
    }

    fn href(self) -> &'static str {
        match self {
            View::Overview => "/",
            View::Problems => "/problem",
            View::Documents => "/dokument",
            View::Changes => "/forandringar",
            View::Templates => "/mallar",
            View::Forms => "/blanketter",
        }
    }
}

/// The tab's icon, inside the page: a browser asks for `/favicon.ico` otherwise, and gets a 404.
const ICON: &str = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E\
%3Crect width='16' height='16' rx='3' fill='%230b5394'/%3E%3Cpath d='M4 5h8M4 8h8M4 11h5' \
stroke='white' stroke-width='1.6'/%3E%3C/svg%3E";

/// A whole page: skip link, header with the navigation, the view, the Avsluta button.
pub fn page(view: View, snapshot: &Snapshot, body: Markup) -> Markup {
    let errors = snapshot.last.as_ref().map_or(0, Finished::errors);
    html! {
        (DOCTYPE)
        html lang="sv" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (view.title()) " – styrdok" }
                link rel="icon" href=(ICON);
                link rel="stylesheet" href="/styrdok.css";
                script src="/styrdok.js" defer {}
            }
            body data-generation=(snapshot.generation) {
                a.hoppa href="#innehall" { "Hoppa till innehållet" }
                header {
                    p.namn { "styrdok" span { "styrdokument från kalkylblad" } }
                    nav aria-label="Vyer" {
                        ul {
                            @for v in View::ALL {
                                li {
                                    a href=(v.href()) aria-current=[(v == view).then_some("page")] {
                                        (v.title())
                                        @if v == View::Problems && errors > 0 {
                                            span.antal { (errors) span.visuellt-dold { " fel" } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                main id="innehall" tabindex="-1" {
                    h1 { (view.title()) }
                    (status(snapshot))
                    (body)
                }
                footer {
                    p { "Sidan visas bara på den här datorn. Inget skickas någonstans." }
                    form method="post" action="/avsluta" {
                        button type="submit" { "Avsluta styrdok" }
                    }
                }
                div id="meddelande" role="status" aria-live="polite" {}
            }
        }
    }
}

/// The state of the builds, first in every view; its `data-sammanfattning` is what a screen reader
/// hears when the page updates itself.
fn status(snapshot: &Snapshot) -> Markup {
    let Some(last) = &snapshot.last else {
        return html! {
            div.lage.bygger data-sammanfattning="Bygger dokumenten." {
                p { "Läser arbetsböckerna och bygger dokumenten …" }
            }
        };
    };
    let (errors, warnings) = (last.errors(), last.warnings());
    let counts = format!(
        "{errors} fel, {warnings} {}",
        if warnings == 1 {
            "varning"
        } else {
            "varningar"
        }
    );
    let (class, headline) = match &last.result {
        Outcome::Written { written, kept } => (
            "lage klar",
            format!(
                "Dokumenten är byggda: {} nya eller ändrade, {} oförändrade.",
                written, kept
            ),
        ),
        Outcome::InputErrors if snapshot.documents.is_empty() => (
            "lage fel",
            "Inga dokument skrevs: rätta felen och spara arbetsboken igen.".to_string(),
        ),
        Outcome::InputErrors => (
            "lage fel",
            "Inga dokument skrevs; de senaste hela dokumenten ligger kvar. Rätta felen och spara igen."
                .to_string(),
        ),
        Outcome::Failed(why) => ("lage fel", format!("Dokumenten kunde inte göras: {why}")),
        Outcome::Checked => (
            "lage bygger",
            "Arbetsböckerna är kontrollerade; dokumenten byggs …".to_string(),
        ),
    };
    let summary = format!("{headline} {counts}.");
    html! {
        div class=(class) data-sammanfattning=(summary) {
            p { strong { (headline) } }
            p {
                (counts) "."
                @if !matches!(last.result, Outcome::Checked) {
                    " Senaste bygget " (time(last.at)) " tog " (seconds(last.took)) "."
                    @if snapshot.building { " Bygger om …" }
                }
            }
            @if let Some(problem) = &snapshot.watch_problem {
                p { "Bevakningen av arbetsböckerna: " (problem) }
            }
        }
    }
}

/// A moment as an ISO time the script shows in the reader's local time (UTC without it).
fn time(at: SystemTime) -> Markup {
    let utc = chrono::DateTime::<chrono::Utc>::from(at);
    html! {
        time datetime=(utc.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)) data-lokal {
            (utc.format("%Y-%m-%d %H:%M:%S UTC"))
        }
    }
}

fn project_name(project: &ProjectView) -> String {
    match &project.name {
        Some(name) => name.clone(),
        None => project
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| project.path.display().to_string()),
    }
}

/// Översikt: each project with its workbooks and the counts of its problems.
pub fn overview(snapshot: &Snapshot) -> Markup {
    let Some(last) = &snapshot.last else {
        return html! {};
    };
    html! {
        // Scrolls in its own box on a narrow screen, not the page (WCAG 1.4.10).
        div.tabell {
            table {
                caption { "Projekt i indata" }
                thead {
                    tr {
                        th scope="col" { "Projekt" }
                        th scope="col" { "Arbetsböcker" }
                        th.tal scope="col" { "Fel" }
                        th.tal scope="col" { "Varningar" }
                    }
                }
                tbody {
                    @for project in &last.projects {
                        tr {
                            th scope="row" { (project_name(project)) }
                            td {
                                @if project.workbooks.is_empty() {
                                    span.tomt { "inga" }
                                } @else {
                                    ul { @for book in &project.workbooks { li { (book) } } }
                                }
                            }
                            td.tal {
                                @if project.errors() > 0 {
                                    a href="/problem" { (project.errors()) }
                                } @else { "0" }
                            }
                            td.tal { (project.warnings()) }
                        }
                    }
                }
            }
        }
        p {
            a href="/dokument" { (snapshot.documents.len()) " dokument" }
            @if let Some(at) = snapshot.documents_at { ", byggda " (time(at)) }
            "."
        }
        @if !last.notes.is_empty() {
            h2 { "Meddelanden från bygget" }
            @for note in &last.notes { pre.notis { (note) } }
        }
    }
}

/// Problem: every diagnostic, by project, file and sheet, errors first; each with a stable anchor
/// named after its cell (`#Insatser!E14`), so a link to a problem survives a rebuild.
pub fn problems(snapshot: &Snapshot) -> Markup {
    let Some(last) = &snapshot.last else {
        return html! {};
    };
    let several = last.projects.len() > 1;
    let mut anchors = Anchors::default();
    html! {
        @if last.errors() + last.warnings() == 0 {
            p { "Inga problem: arbetsböckerna följer mallen." }
        }
        @for project in &last.projects {
            @if !project.diagnostics.is_empty() {
                @if several { h2 { "Projekt " (project_name(project)) } }
                @for (file, sheets) in grouped(&project.diagnostics) {
                    @let file_heading = if file.is_empty() { "Indata".to_string() } else { file.to_string() };
                    @if several { h3 { (file_heading) } } @else { h2 { (file_heading) } }
                    @for (sheet, diagnostics) in sheets {
                        @if let Some(sheet) = sheet {
                            @if several { h4 { "Blad " (sheet) } } @else { h3 { "Blad " (sheet) } }
                        }
                        ol.problem {
                            @for d in diagnostics {
                                (problem(d, project, &mut anchors))
                            }
                        }
                    }
                }
            }
        }
    }
}

fn problem(d: &Diagnostic, project: &ProjectView, anchors: &mut Anchors) -> Markup {
    let (class, label) = match d.severity() {
        Severity::Error => ("fel", "Fel"),
        Severity::Warning => ("varning", "Varning"),
    };
    let place = d.place.to_string();
    let anchor = anchors.next(
        &d.cell()
            .unwrap_or_else(|| format!("problem-{}", d.problem.code())),
    );
    html! {
        li class=(class) id=(anchor) {
            p.meddelande {
                span.grad { (label) }
                @if !place.is_empty() && !matches!(d.place, Place::File { .. }) {
                    a.plats href={ "#" (anchor) } { (place) } ": "
                }
                (d.problem.to_string())
            }
            p.atgard { "Åtgärd: " (d.problem.fix()) }
            @if let Place::Cell(c) = &d.place
                && let Some(row) = project.rows.get(&(c.file.clone(), c.sheet.clone(), c.row))
                && !row.cells.is_empty()
            {
                (row_table(row, &c.sheet, c.row + 1, &column_letters(c.col)))
            }
        }
    }
}

/// The problem's row as it is in the sheet, its cell marked (in words too, for a screen reader).
fn row_table(row: &Row, sheet: &str, number: u32, column: &str) -> Markup {
    html! {
        // Scrolls sideways when the row is wide: focusable, so it scrolls from the keyboard too.
        div.rad role="region" tabindex="0" aria-label={ "Rad " (number) " i bladet " (sheet) } {
            table {
                caption { "Rad " (number) " i bladet " (sheet) }
                thead {
                    tr {
                        @for cell in &row.cells {
                            th scope="col" class=[(cell.column == column).then_some("cellen")] {
                                (cell.column)
                                @if !cell.heading.is_empty() { " " (cell.heading) }
                            }
                        }
                    }
                }
                tbody {
                    tr {
                        @for cell in &row.cells {
                            @if cell.column == column {
                                td.cellen {
                                    mark { (cell.text) }
                                    span.visuellt-dold { " (cellen med problemet)" }
                                }
                            } @else {
                                td { (cell.text) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Unique ids: the first problem of a cell gets the cell's name, later ones `-2`, `-3`.
#[derive(Default)]
struct Anchors(HashMap<String, usize>);

impl Anchors {
    fn next(&mut self, base: &str) -> String {
        let n = self.0.entry(base.to_string()).or_insert(0);
        *n += 1;
        if *n == 1 {
            base.to_string()
        } else {
            format!("{base}-{n}")
        }
    }
}

type Sheets<'a> = Vec<(Option<&'a str>, Vec<&'a Diagnostic>)>;

/// Diagnostics by file and then sheet, each in the order first met; within a sheet errors first,
/// otherwise in the order `check` gives them.
fn grouped(diagnostics: &[Diagnostic]) -> Vec<(&str, Sheets<'_>)> {
    let mut files: Vec<(&str, Sheets<'_>)> = Vec::new();
    for d in diagnostics {
        let file = d.place.file().unwrap_or("");
        let sheet = match &d.place {
            Place::Sheet { sheet, .. } => Some(sheet.as_str()),
            Place::Cell(c) => Some(c.sheet.as_str()),
            Place::Input | Place::File { .. } => None,
        };
        let at = match files.iter().position(|(f, _)| *f == file) {
            Some(at) => at,
            None => {
                files.push((file, Vec::new()));
                files.len() - 1
            }
        };
        let sheets = &mut files[at].1;
        match sheets.iter_mut().find(|(s, _)| *s == sheet) {
            Some((_, list)) => list.push(d),
            None => sheets.push((sheet, vec![d])),
        }
    }
    for (_, sheets) in &mut files {
        // Problems of the file itself before those of its sheets.
        sheets.sort_by_key(|(sheet, _)| sheet.is_some());
        for (_, list) in sheets.iter_mut() {
            list.sort_by_key(|d| d.severity());
        }
    }
    files
}

/// Dokument: every file of the last good build, its kind, and a download of one or all.
pub fn documents(snapshot: &Snapshot) -> Markup {
    html! {
        @if snapshot.documents.is_empty() {
            p.tomt { "Inga dokument ännu." }
        } @else {
            p {
                a.knapp href="/alla.zip" download { "Ladda ner alla som zip" }
            }
            // On a narrow screen the table scrolls in its own box, not the page (WCAG 1.4.10); its
            // links take the focus, so it scrolls from the keyboard too.
            div.tabell {
                table {
                    caption { "Dokument i utdatamappen" }
                    thead {
                        tr {
                            th scope="col" { "Första sidan" }
                            th scope="col" { "Fil" }
                            th scope="col" { "Slag" }
                            th.tal scope="col" { "Storlek" }
                        }
                    }
                    tbody {
                        @for document in &snapshot.documents {
                            (document_row(document))
                        }
                    }
                }
            }
        }
    }
}

fn document_row(document: &Document) -> Markup {
    html! {
        tr {
            td.miniatyr {
                @if matches!(document.kind, FileKind::Document(_)) {
                    a href={ "/dokument/" (document.id) } {
                        img src={ "/sida/" (document.id) "/1?storlek=liten&v=" (document.version) }
                            alt={ "Visa sidorna av " (document.name) } loading="lazy";
                    }
                }
            }
            th scope="row" {
                a href={ "/fil/" (document.id) } download {
                    (document.name)
                    span.visuellt-dold { ", ladda ner" }
                }
            }
            td { (kind_label(document.kind)) }
            td.tal { (size(document.bytes)) }
        }
    }
}

/// A PDF's pages as images, with the file to download beside them.
pub fn viewer(document: &Document, count: &Result<usize, PageError>) -> Markup {
    html! {
        p { a href="/dokument" { "Tillbaka till alla dokument" } }
        h2 { (document.name) }
        p {
            (kind_label(document.kind)) ". "
            a href={ "/fil/" (document.id) } download { "Ladda ner PDF-filen" }
            " (den är tillgänglig för skärmläsare; bilderna nedan visar bara hur sidorna ser ut)."
        }
        @match count {
            Ok(pages) => {
                ol.sidor {
                    @for n in 1..=*pages {
                        li {
                            img src={ "/sida/" (document.id) "/" (n) "?v=" (document.version) }
                                alt={ "Sida " (n) " av " (pages) } loading="lazy";
                        }
                    }
                }
            }
            Err(e) => { p.lage.fel { "Sidorna kan inte visas: " (e) "." } }
        }
    }
}

/// Förändringar: the form to choose the last meeting's workbook, and what changed since it.
pub fn changes(snapshot: &Snapshot) -> Markup {
    html! {
        form.valj method="post" action="/forandringar" enctype="multipart/form-data" data-slapp {
            p {
                label for="forra" { "Förra mötets arbetsbok" }
                span.hjalp id="forra-hjalp" {
                    "En sparad kopia av arbetsboken, eller en tidigare «-uppdaterad.xlsx»: välj den, "
                    "eller dra den hit. Den läses här på datorn och sparas aldrig i indata. "
                    "Statusbilderna och återrapporten byggs sedan om med förändringarna."
                }
                input id="forra" type="file" name="forra" accept=(workbook_types())
                    aria-describedby="forra-hjalp" required;
            }
            p { button type="submit" { "Jämför" } }
        }
        @if let Some(comparing) = &snapshot.comparison {
            (rebuilt(snapshot, comparing))
            form method="post" action="/forandringar/sluta" {
                button.stilla type="submit" { "Sluta jämföra" }
            }
            (comparison(comparing))
        }
    }
}

/// The file picker's filter: every kind the reader takes (`workbook::WORKBOOK_EXTENSIONS`).
fn workbook_types() -> String {
    let dotted: Vec<String> = crate::workbook::WORKBOOK_EXTENSIONS
        .iter()
        .map(|e| format!(".{e}"))
        .collect();
    dotted.join(",")
}

/// Whether the deck and the report show the changes yet, with links to them when they do.
fn rebuilt(snapshot: &Snapshot, comparing: &Comparing) -> Markup {
    let last = snapshot.last.as_ref();
    let built_with_it = last
        .filter(|last| matches!(last.result, Outcome::Written { .. }))
        .and_then(|last| last.since.as_deref())
        == Some(comparing.name.as_str());
    let waits_for_fixes = last.is_some_and(|last| matches!(last.result, Outcome::InputErrors));
    let with_changes = snapshot.documents.iter().filter(|d| {
        matches!(
            d.kind,
            FileKind::Document(DocumentKind::Deck | DocumentKind::Report)
        )
    });
    html! {
        @if !comparing.builds_with_it() {
            p.lage.fel {
                "Statusbilderna och återrapporten byggs utan förändringar: förra mötets arbetsbok "
                "kunde inte jämföras (se nedan)."
            }
        } @else if built_with_it && !snapshot.building {
            div.lage.klar {
                p { "Statusbilderna och återrapporten visar förändringarna sedan " (comparing.name) ":" }
                ul { @for d in with_changes { li { a href={ "/dokument/" (d.id) } { (d.name) } } } }
            }
        } @else if waits_for_fixes && !snapshot.building {
            p.lage.fel {
                "Statusbilderna och återrapporten byggs om med förändringarna när felen i indata är "
                "rättade (se " a href="/problem" { "Problem" } ")."
            }
        } @else {
            p.lage.bygger {
                "Statusbilderna och återrapporten byggs om med förändringarna sedan "
                (comparing.name) " …"
            }
        }
    }
}

fn comparison(comparing: &Comparing) -> Markup {
    let several = comparing.comparisons.compared.len() > 1;
    html! {
        h2 { "Jämfört med " (comparing.name) }
        @if comparing.comparisons.nothing_matched {
            p.lage.fel { "Arbetsboken motsvarar inget projekt i indata." }
        }
        @for compared in &comparing.comparisons.compared {
            @if several {
                h3 { "Projekt " (compared.project.name.as_deref().unwrap_or("i indata")) }
            }
            @if !compared.errors.is_empty() {
                p.lage.fel {
                    "Indata har " (compared.errors.len()) " fel (se Problem); "
                    "jämförelsen visar värdena som de står."
                }
            }
            @match &compared.outcome {
                Comparison::Changes(changes) => {
                    // The one problem of the earlier version that questions the comparison itself.
                    @for d in compared.previous_problems.iter().filter(|d| matches!(d.problem, Problem::PreviousOfOtherOrganisation { .. })) {
                        div.lage.varning role="alert" {
                            p { strong { "Är det rätt fil? " } "Den " (d.problem.to_string()) "." }
                            p { "Åtgärd: " (d.problem.fix()) }
                        }
                    }
                    (changes_list(changes))
                }
                Comparison::PreviousUnreadable => {
                    p.lage.fel { "Förra mötets arbetsbok kunde inte läsas:" }
                    ul { @for d in &compared.previous_problems { li { (d.to_string()) } } }
                }
                Comparison::Unreadable => p.lage.fel { "Indata kunde inte läsas (se Problem)." },
                Comparison::Keys(errors) => {
                    p.lage.fel { "Insatserna går inte att para ihop:" }
                    ul { @for e in errors { li { (e.to_string()) " " (e.fix()) } } }
                }
                Comparison::Nothing => p { "Någon av versionerna saknar en överenskommelse att jämföra." },
            }
        }
    }
}

fn changes_list(changes: &Changes) -> Markup {
    let counts = changes.counts();
    html! {
        p {
            "Sedan " (changes.since.format("%Y-%m-%d")) ": "
            (counted(counts.new, "ny", "nya")) ", "
            (counted(counts.removed, "borttagen", "borttagna")) " och "
            (counted(counts.changed, "ändrad", "ändrade")) " "
            (if counts.changed == 1 { "insats" } else { "insatser" }) "."
        }
        @if !changes.info.is_empty() {
            h3 { "Uppgifter" }
            ul { @for field in &changes.info { li { (field.line()) } } }
        }
        @for group in changes.groups.iter().filter(|g| g.has_changes()) {
            h3 { (group.code) " " (group.name) }
            ul.forandringar {
                @for area in &group.areas {
                    li {
                        span.markering { (area.mark.label()) } " delområde " (area.code) " " (area.name)
                        @if !area.fields.is_empty() {
                            ul { @for field in &area.fields { li { (field.line_in(area.mark)) } } }
                        }
                    }
                }
                @for initiative in &group.initiatives {
                    li {
                        span.markering { (initiative.mark.label()) } " " strong { (initiative.name) }
                        @if !initiative.fields.is_empty() {
                            ul { @for field in &initiative.fields { li { (field.line_in(initiative.mark)) } } }
                        }
                    }
                }
            }
        }
    }
}

/// Mallar: each of the organisation's own Excel templates, with the files filled from it, or its
/// problems with the template's cell.
pub fn templates(snapshot: &Snapshot) -> Markup {
    let Some(last) = &snapshot.last else {
        return html! {};
    };
    let several = last.projects.len() > 1;
    let none = last.projects.iter().all(|p| p.templates.is_empty());
    html! {
        @if none {
            p {
                "Inga egna mallar. Lägg en Excel-mall med platshållare som {{Titel}} i mappen "
                code { "mallar" } " bredvid arbetsboken, så fylls den i vid varje bygge."
            }
        }
        @for project in last.projects.iter().filter(|p| !p.templates.is_empty()) {
            @if several { h2 { "Projekt " (project_name(project)) } }
            ul.mallar {
                @for template in &project.templates {
                    @let problems: Vec<_> = last.template_problems.iter().filter(|e| e.file == *template).collect();
                    @let filled: Vec<_> = snapshot.documents.iter().filter(|d| filled_from(d, template)).collect();
                    li {
                        h3 { (template) }
                        @if problems.iter().any(|e| !e.problem.is_warning()) {
                            p.lage.fel { "Mallen kunde inte fyllas i; inga dokument skrevs." }
                        }
                        @if !problems.is_empty() {
                            ol.problem {
                                @for e in &problems {
                                    @let (class, label) = if e.problem.is_warning() { ("varning", "Varning") } else { ("fel", "Fel") };
                                    li class=(class) {
                                        p.meddelande {
                                            span.grad { (label) }
                                            @if let Some(at) = &e.at { span.plats { (at) } ": " }
                                            (e.problem.to_string())
                                        }
                                    }
                                }
                            }
                        }
                        @if !filled.is_empty() {
                            p { "Ifylld:" }
                            ul {
                                @for d in filled {
                                    li { a href={ "/fil/" (d.id) } download { (d.name) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Whether `document` was filled from the template named `template`: the filled file keeps the
/// template's name, and each organisation's copy is in a folder named after it (`xlsx::fill::run`).
fn filled_from(document: &Document, template: &str) -> bool {
    let stem = template.rsplit_once('.').map_or(template, |(stem, _)| stem);
    let mut parts = document.name.rsplit('/');
    let file = parts.next().unwrap_or_default();
    let folder = parts.next();
    document.kind == FileKind::FilledTemplate && (file == template || folder == Some(stem))
}

/// Blanketter: write a form per Ansvarig, download them, and read the returned ones back.
pub fn forms(snapshot: &Snapshot) -> Markup {
    html! {
        h2 { "Skriv blanketterna" }
        p {
            "En blankett (arbetsbok) per ansvarig organisation att fylla i uppföljningen i. "
            "De skrivs i utdatamappens " code { "blanketter" } "."
        }
        form method="post" action="/blanketter/skriv" {
            button type="submit" { "Skriv blanketterna" }
        }
        @if let Some(written) = &snapshot.forms {
            @if let Some(why) = &written.failed {
                p.lage.fel { "Blanketterna kunde inte skrivas: " (why) }
            } @else if written.files.is_empty() {
                p.lage.fel {
                    "Inga blanketter skrevs: indata har " (written.errors) " fel. "
                    a href="/problem" { "Se Problem" } "."
                }
            } @else {
                p {
                    (written.files.len()) " blanketter skrivna. "
                    a.knapp href="/blanketter.zip" download { "Ladda ner alla som zip" }
                }
                ul { @for f in &written.files { li { a href={ "/fil/" (f.id) } download { (f.name) } } } }
            }
        }
        h2 { "Läs in ifyllda blanketter" }
        form.valj method="post" action="/blanketter/inkomna" enctype="multipart/form-data" data-slapp {
            p {
                label for="blanketter" { "De ifyllda blanketterna" }
                span.hjalp id="blanketter-hjalp" {
                    "Välj alla som har kommit in (håll Ctrl nedtryckt för att välja flera), eller dra "
                    "dem hit. De läses här på datorn; indata ändras inte."
                }
                input id="blanketter" type="file" name="blanketter" multiple accept=".xlsx,.xlsm"
                    aria-describedby="blanketter-hjalp" required;
            }
            p { button type="submit" { "Läs in" } }
        }
        @if let Some(collecting) = &snapshot.collecting {
            (collected(collecting))
        }
    }
}

fn collected(collecting: &Collecting) -> Markup {
    html! {
        @if let Some(why) = &collecting.failed {
            p.lage.fel { "Blanketterna kunde inte läsas in: " (why) }
        }
        @if let Some(c) = &collecting.collected {
            p {
                (c.forms_read) " blanketter lästa, " (c.rows_merged) " rader inlästa."
            }
            @if !collecting.workbooks.is_empty() {
                p {
                    "Den sammanställda arbetsboken: "
                    @for w in &collecting.workbooks { a href={ "/fil/" (w.id) } download { (w.name) } " " }
                }
                p.lage.varning {
                    "Ladda ner den nu och spara den där du har dina arbetsböcker: den sparas inte i "
                    "utdatamappen (där ligger byggets egen arbetsbok med samma namn) och försvinner "
                    "när styrdok avslutas."
                }
            }
            @if !c.input_problems.is_empty() || c.stopped.is_some() {
                p.lage.fel { "Ingen sammanställd arbetsbok skrevs: rätta felen nedan." }
            }
            @if !c.problems.is_empty() || !c.input_problems.is_empty() {
                h3 { "Problem" }
                ol.problem {
                    @for d in c.input_problems.iter().chain(&c.problems) {
                        @let (class, label) = match d.severity() { Severity::Error => ("fel", "Fel"), Severity::Warning => ("varning", "Varning") };
                        li class=(class) {
                            p.meddelande {
                                span.grad { (label) }
                                @let place = form_place(&d.place);
                                @if !place.is_empty() { span.plats { (place) } ": " }
                                (d.problem.to_string())
                            }
                            p.atgard { "Åtgärd: " (d.problem.fix()) }
                        }
                    }
                }
            }
            h3 { "Har inte rapporterat (" (c.not_reported.len()) ")" }
            @if c.not_reported.is_empty() { p { "Alla har rapporterat." } }
            ul { @for r in &c.not_reported { li { (r) } } }
            h3 { "Har rapporterat (" (c.reported.len()) ")" }
            ul { @for r in &c.reported { li { (r) } } }
        }
    }
}

/// Where a problem of the read-in forms is: with the form's file first, since every form has a
/// sheet Uppföljning (`kommun-b.xlsx · Uppföljning!F4`).
fn form_place(place: &Place) -> String {
    match place {
        Place::Cell(cell) if !cell.file.is_empty() => format!("{} · {place}", cell.file),
        Place::Sheet { file, .. } if !file.is_empty() => format!("{file} · {place}"),
        _ => place.to_string(),
    }
}

/// `1 ny`, `2 nya`.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What a file is, in the words of the README.
pub fn kind_label(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Document(DocumentKind::Deck) => "Statusbilder",
        FileKind::Document(DocumentKind::Report) => "Återrapport",
        FileKind::Document(DocumentKind::RecipientReport) => "Återrapport per mottagare",
        FileKind::Document(DocumentKind::Mandate) => "Uppdragsbeskrivning",
        FileKind::Document(DocumentKind::Document) => "Dokument",
        FileKind::UpdatedWorkbook => "Uppdaterad arbetsbok",
        FileKind::FilledTemplate => "Ifylld mall",
    }
}

/// `12 kB`, `1,4 MB`.
fn size(bytes: u64) -> String {
    if bytes < 1_000_000 {
        format!("{}\u{a0}kB", group_digits(u128::from(bytes.div_ceil(1000))))
    } else {
        format!("{:.1}\u{a0}MB", bytes as f64 / 1e6).replace('.', ",")
    }
}

/// The page after "Avsluta". Its style is inside it: the server is gone before a browser would ask
/// for the stylesheet.
pub fn ended() -> Markup {
    html! {
        (DOCTYPE)
        html lang="sv" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "styrdok har avslutats" }
                link rel="icon" href=(ICON);
                style { (PreEscaped(super::STYLESHEET)) }
            }
            body {
                header {
                    p.namn { "styrdok" span { "styrdokument från kalkylblad" } }
                }
                main id="innehall" {
                    h1 { "styrdok har avslutats" }
                    p { "Du kan stänga fliken. Dokumenten ligger kvar i utdatamappen." }
                }
            }
        }
    }
}

/// Förändringar after a chosen file could not be read: what was wrong with it, above the view as it
/// was (the comparison the page had is kept).
pub fn unreadable_previous(said: &[(String, &str)], view: Markup) -> Markup {
    html! {
        div.lage.fel role="alert" {
            @for (message, fix) in said {
                p { strong { "Filen kunde inte läsas: " } (message) }
                p { "Åtgärd: " (fix) }
            }
        }
        (view)
    }
}

/// A document's viewer asked for after the document is gone: renamed (its title changed in the
/// workbook) or no longer made. It says so, under the usual page, instead of a bare error.
pub fn document_gone() -> Markup {
    html! {
        p { a href="/dokument" { "Tillbaka till alla dokument" } }
        div.lage.fel {
            p {
                "Dokumentet finns inte längre. Det kan ha fått ett nytt namn när arbetsboken "
                "ändrades (filnamnet följer titeln), eller görs inte längre."
            }
        }
        p { a href="/dokument" { "Se dokumenten som finns nu" } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_unique() {
        let mut anchors = Anchors::default();
        assert_eq!(anchors.next("Insatser!E14"), "Insatser!E14");
        assert_eq!(anchors.next("Insatser!E14"), "Insatser!E14-2");
        assert_eq!(anchors.next("Insatser!E15"), "Insatser!E15");
    }

    #[test]
    fn sizes() {
        assert_eq!(size(12_345), "13\u{a0}kB");
        assert_eq!(size(1_400_000), "1,4\u{a0}MB");
    }
}
