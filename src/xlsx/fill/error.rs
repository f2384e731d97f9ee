//! What can be wrong with a template, in Swedish, with the template's file, sheet and cell.

use std::fmt;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    #[error(
        "okänt namn {placeholder}.{} Giltiga namn: {valid}.",
        .suggestion.as_ref().map(|s| format!(" Menade du {{{{{s}}}}}?")).unwrap_or_default()
    )]
    UnknownName {
        placeholder: String,
        suggestion: Option<String>,
        valid: String,
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
        "den upprepade raden går genom en delad formel eller matrisformel ({range}). Skriv in \
         formeln i varje cell för sig i Excel och spara mallen igen."
    )]
    SharedFormula { range: String },
    #[error("mallen skulle få {rows} rader, fler än Excel tillåter (1 048 576).")]
    TooManyRows { rows: u64 },
    #[error("mallen har ingen platshållare {{{{…}}}}: den skrivs av oförändrad.")]
    NoPlaceholder,
    #[error("filen är i det gamla formatet .xls. Öppna den i Excel och spara den som .xlsx.")]
    OldXls,
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
        "den ifyllda mallen skulle skrivas över själva mallen ({path}). Välj en annan utmapp med -o."
    )]
    WouldOverwrite { path: String },
}

impl Problem {
    pub fn is_warning(&self) -> bool {
        matches!(self, Problem::NoPlaceholder)
    }
}

/// A problem in one template, where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateError {
    /// The template's file name.
    pub file: String,
    /// `'Redovisning'!B14` or `Redovisning!B14`, when the problem has a cell.
    pub at: Option<String>,
    pub problem: Problem,
}

impl fmt::Display for TemplateError {
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

impl std::error::Error for TemplateError {}

/// Every problem of one or more templates, listed at once.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct TemplateErrors(pub Vec<TemplateError>);

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
