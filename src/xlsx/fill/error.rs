//! What can be wrong with an Excel template, in Swedish, with the template's file, sheet and cell.

use super::refs::MAX_ROWS;
use std::fmt;

/// `1 048 576`: Excel's row count as the messages write it (plain spaces, as in the rest of the text).
fn max_rows() -> String {
    crate::diagnostics::group_digits(u128::from(MAX_ROWS)).replace('\u{a0}', " ")
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    /// The list of valid names is given once per template (on its first unknown name), not on
    /// every line: a template with a thousand unknown names must not print the list a thousand times.
    #[error(
        "okänt namn {placeholder}.{}{}",
        .suggestion.as_ref().map(|s| format!(" Menade du {{{{{s}}}}}?")).unwrap_or_default(),
        .valid.as_ref().map(|v| format!(" Giltiga namn: {v}.")).unwrap_or_default()
    )]
    UnknownName {
        placeholder: String,
        suggestion: Option<String>,
        valid: Option<String>,
    },
    #[error("«{text}» saknar avslutande }}}}. Skriv platshållaren som {{{{Namn}}}}.")]
    Unclosed { text: String },
    #[error(
        "platshållaren står i en formel ({formula}). Excel räknar inte med den: skriv platshållaren i \
         en egen cell och låt formeln hänvisa till cellen."
    )]
    InFormula { formula: String },
    #[error(
        "raden upprepas både för {first} och {second}. En rad kan bara upprepas för en sak: lägg dem \
         på var sin rad."
    )]
    TwoSources { first: String, second: String },
    #[error(
        "den upprepade raden går genom den sammanfogade cellen {merged}. Dela upp sammanfogningen \
         eller flytta den upprepade raden."
    )]
    CutsMerged { merged: String },
    #[error(
        "den upprepade raden går genom en delad formel, en matrisformel eller en datatabell \
         ({range}). Skriv in formeln i varje cell för sig i Excel och spara mallen igen (en \
         datatabell: flytta den under eller bredvid den upprepade raden)."
    )]
    SharedFormula { range: String },
    #[error(
        "mallen skulle få {rows} rader, fler än Excel tillåter ({}).",
        max_rows()
    )]
    TooManyRows { rows: u64 },
    #[error("mallen har ingen platshållare {{{{…}}}}: den skrivs av oförändrad.")]
    NoPlaceholder,
    #[error("filen är i det gamla formatet .xls. Öppna den i Excel och spara den som .xlsx.")]
    OldXls,
    #[error(
        "filen heter .{ext} men är en arbetsbok i det gamla formatet .xls. Öppna den i Excel och \
         spara den som Excel-arbetsbok (.xlsx)."
    )]
    RenamedXls { ext: String },
    #[error("filen är binär .xlsb. Öppna den i Excel och spara den som .xlsx.")]
    Xlsb,
    #[error(
        "filen är sparad som «Strict Open XML». Spara den i Excel som vanlig Excel-arbetsbok (.xlsx)."
    )]
    Strict,
    #[error("filen är lösenordsskyddad (krypterad). Spara en kopia utan lösenord som mall.")]
    Encrypted,
    #[error("filen är ingen Excel-arbetsbok som går att fylla i ({detail}). Spara den som .xlsx.")]
    NotXlsx { detail: String },
    #[error("filen kunde inte läsas: {detail}")]
    Io { detail: String },
    #[error(
        "delen {part} är {megabytes} MB uppackad, mer än de {limit} MB en mall får ha. En så stor \
         del är ingen mall (eller en zip-bomb): ta bort det som gör den stor, eller dela upp mallen."
    )]
    PartTooLarge {
        part: String,
        megabytes: u64,
        limit: u64,
    },
    #[error(
        "mallen är {megabytes} MB uppackad, mer än de {limit} MB en mall får ha (eller en \
         zip-bomb). Ta bort det som gör den stor, eller dela upp mallen."
    )]
    TotalTooLarge { megabytes: u64, limit: u64 },
    #[error(
        "den ifyllda delen {part} skulle bli större än {limit} MB. Fyll i färre rader per mall, \
         t.ex. med {{{{Insatser(3).…}}}} per område, eller med --per-mottagare."
    )]
    OutputTooLarge { part: String, limit: u64 },
    #[error(
        "zip-paketet har två delar med samma namn ({name}). Excel och andra program läser olika \
         av dem, så mallen fylls inte i. Öppna mallen i Excel och spara den igen."
    )]
    DuplicateEntry { name: String },
    #[error(
        "referensen {reference} skulle flyttas förbi Excels sista rad ({}) när raderna \
         läggs till, och Excel skulle visa #REF!. Låt området sluta på sista raden \
         (t.ex. B2:B{}) eller hela kolumnen (B:B), eller flytta det uppåt.",
        max_rows(),
        MAX_ROWS
    )]
    PastLastRow { reference: String },
    #[error(
        "3D-referensen {reference} går över blad som får olika många nya rader, så den kan inte \
         flyttas rätt. Skriv en referens per blad i stället, t.ex. =SUMMA(Blad1!C7)+SUMMA(Blad2!C7)."
    )]
    ThreeD { reference: String },
    #[error(
        "platshållaren {placeholder} står {place} ({part}), där styrdok inte fyller i något. Skriv \
         platshållaren i en cell i stället (en anteckning, ett diagram eller en lista kan hänvisa \
         till cellen)."
    )]
    OutsideCells {
        placeholder: String,
        place: String,
        part: String,
    },
    #[error(
        "platshållaren {placeholder} i sidhuvudet eller sidfoten upprepas per rad, vilket ett \
         sidhuvud inte kan. Använd ett enstaka värde där, t.ex. {{{{Titel}}}} eller {{{{Totalt.Budget}}}}."
    )]
    RepeatInHeader { placeholder: String },
    #[error(
        "pivottabellen {part} ({range}) går genom en upprepad rad. Flytta pivottabellen till ett \
         eget blad eller under den upprepade raden."
    )]
    PivotCrossesRepeat { part: String, range: String },
    /// A problem found inside a sheet's rewrite, with the cell it is in.
    #[error("{problem}")]
    At { at: String, problem: Box<Problem> },
    #[error(
        "den ifyllda mallen skulle skrivas över själva mallen ({path}). Välj en annan utmapp med -o."
    )]
    WouldOverwrite { path: String },
}

impl Problem {
    pub(crate) fn is_warning(&self) -> bool {
        matches!(self, Problem::NoPlaceholder)
    }

    /// The same problem, placed at a cell.
    pub fn at(self, at: String) -> Problem {
        Problem::At {
            at,
            problem: Box::new(self),
        }
    }
}

/// A problem in one template, where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct ExcelTemplateError {
    /// The template's file name.
    pub file: String,
    /// `'Redovisning'!B14` or `Redovisning!B14`, when the problem has a cell.
    pub at: Option<String>,
    pub problem: Problem,
}

impl fmt::Display for ExcelTemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = if self.problem.is_warning() {
            "varning"
        } else {
            "fel"
        };
        match &self.at {
            Some(at) => write!(f, "{kind}: mallen {}, {at}: {}", self.file, self.problem),
            None => write!(f, "{kind}: mallen {}: {}", self.file, self.problem),
        }
    }
}

impl std::error::Error for ExcelTemplateError {}

impl ExcelTemplateError {
    /// A problem of a template, at the cell it carries (if any).
    pub fn new(file: &str, at: Option<String>, problem: Problem) -> ExcelTemplateError {
        match problem {
            Problem::At { at, problem } => ExcelTemplateError::new(file, Some(at), *problem),
            problem => ExcelTemplateError {
                file: file.to_string(),
                at,
                problem,
            },
        }
    }
}

/// Every problem of one or more templates, listed at once.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct ExcelTemplateErrors(pub Vec<ExcelTemplateError>);

/// A cell address as the user sees it, the sheet quoted as Excel quotes it.
pub fn place(sheet: &str, col: u32, row: u32) -> String {
    crate::diagnostics::CellRef {
        file: String::new(),
        sheet: sheet.to_string(),
        row,
        col,
    }
    .to_string()
}

impl From<super::refs::RefError> for Problem {
    fn from(e: super::refs::RefError) -> Problem {
        match e {
            super::refs::RefError::PastLastRow(reference) => Problem::PastLastRow { reference },
            super::refs::RefError::ThreeD(reference) => Problem::ThreeD { reference },
        }
    }
}
