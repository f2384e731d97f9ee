//! The input contract: every sheet styrdok reads and its columns, declared once. The loader, the
//! updated workbook and the forms all name a column through these constants, never by a string.

use crate::workbook::Column;

/// A sheet of the contract: its name (matched ignoring case and space) and the columns it is read with.
#[derive(Debug, Clone, Copy)]
pub struct SheetSpec {
    pub name: &'static str,
    pub columns: &'static [Column],
}

/// `Uppgifter`: two columns, one row per field.
pub mod info {
    use super::{Column, SheetSpec};
    pub const FIELD: Column = Column::required("Fält");
    pub const VALUE: Column = Column::required("Värde");
    pub const SHEET: SheetSpec = SheetSpec {
        name: "Uppgifter",
        columns: &[FIELD, VALUE],
    };
    pub const TITLE: &str = "Titel";
    pub const YEAR: &str = "År";
    pub const ORGANISATION: &str = "Organisation";
    /// The report date: what the documents are dated and the follow-up is measured against.
    pub const DATE: &str = "Datum";
    pub const COUNTY: &str = "Län";
    pub const STEERING_GROUP: &str = "Styrgrupp";
    /// Who the återrapport is addressed to (not the Ansvarig, the "mottagare" of the money).
    pub const ADDRESSEE: &str = "Mottagare";
    pub const REFERENCE: &str = "Diarienummer";
    /// The forms' deadline, named in the e-mail drafts (a date).
    pub const DEADLINE: &str = "Sista dag";
    /// Who signs the e-mail drafts: a name and an address, `Anna Berg <anna.berg@rss.se>`.
    pub const SENDER: &str = "Avsändare";
    /// Fields every agreement must have.
    pub(crate) const REQUIRED_FIELDS: &[&str] = &[TITLE, YEAR, ORGANISATION, DATE];
}

/// `Insatsområden`: areas (`1`) and sub-areas (`1a`) with their budgets.
pub mod areas {
    use super::{Column, SheetSpec};
    pub const CODE: Column = Column::required("Kod");
    pub const NAME: Column = Column::required("Namn");
    pub const BUDGET: Column = Column::required("Budget");
    pub const REGION_FUNDS: Column = Column::optional("Regionens medel");
    pub const DESCRIPTION: Column = Column::optional("Beskrivning");
    pub const SHEET: SheetSpec = SheetSpec {
        name: "Insatsområden",
        columns: &[CODE, NAME, BUDGET, REGION_FUNDS, DESCRIPTION],
    };
}

/// `Insatser`: one row per insats, with the follow-up columns filled in during the year.
pub mod initiatives {
    use super::{Column, SheetSpec};
    pub const AREA: Column = Column::required("Område");
    pub const NAME: Column = Column::required("Insats");
    pub const DESCRIPTION: Column = Column::optional("Beskrivning");
    pub const KIND: Column = Column::required("Typ");
    pub const AMOUNT: Column = Column::required("Belopp");
    pub const STATUS: Column = Column::optional("Status");
    /// The organisation answering for the money (the Ansvarig, "mottagare" of the funds).
    pub const RESPONSIBLE: Column = Column::required("Ansvarig");
    /// The project number(s) funding the insats, as the coordinator writes them.
    pub const FUNDING_PROJECT: Column = Column::optional("Projekt");
    pub const REQUISITIONED: Column = Column::optional("Rekvirerat");
    pub const SPENT: Column = Column::optional("Förbrukat");
    pub const ASSESSMENT: Column = Column::optional("Bedömning");
    pub const COMMENT: Column = Column::optional("Kommentar");
    /// A row's own identifier, so a row can be followed from one version of the workbook to the
    /// next. Not in `SHEET.columns`: the loader does not read it, and the updated workbook carries
    /// it like any column of the user's own. The starter workbook (`styrdok init`) offers it.
    pub const ID: Column = Column::optional("Id");
    pub const SHEET: SheetSpec = SheetSpec {
        name: "Insatser",
        columns: &[
            AREA,
            NAME,
            DESCRIPTION,
            KIND,
            AMOUNT,
            STATUS,
            RESPONSIBLE,
            FUNDING_PROJECT,
            REQUISITIONED,
            SPENT,
            ASSESSMENT,
            COMMENT,
        ],
    };
    /// What a responsible organisation reports back during the year (the forms' open columns).
    pub const FOLLOW_UP: [Column; 4] = [REQUISITIONED, SPENT, ASSESSMENT, COMMENT];
}

/// The columns and figures styrdok computes and writes beside the contract's own (the updated
/// workbook's Summering and Insatser, the totals and rows of a filled Excel template). Budget,
/// Rekvirerat and Förbrukat keep the names of the input columns they sum.
pub mod computed {
    /// The sum of Belopp in an area.
    pub const ALLOCATED: &str = "Fördelat";
    /// Budget − Fördelat.
    pub const UNALLOCATED: &str = "Ofördelat";
    pub const REMAINING: &str = "Kvar";
    pub const SHARE_SPENT: &str = "Andel förbrukat";
    pub const INITIATIVE_COUNT: &str = "Antal insatser";
}

/// `Kontakter`: who receives each Ansvarig's form by e-mail. Optional; without it no drafts are made.
pub mod contacts {
    use super::{Column, SheetSpec};
    /// As written in `Insatser` (case and spacing aside).
    pub const RESPONSIBLE: Column = Column::required("Ansvarig");
    /// The person greeted; may be empty for a shared mailbox.
    pub const NAME: Column = Column::required("Namn");
    /// One or more addresses separated by `;`.
    pub const EMAIL: Column = Column::required("E-post");
    pub const COPY: Column = Column::optional("Kopia");
    pub const SHEET: SheetSpec = SheetSpec {
        name: "Kontakter",
        columns: &[RESPONSIBLE, NAME, EMAIL, COPY],
    };
}

/// `Tidslinje`: the "Kort tillbakablick".
pub mod timeline {
    use super::{Column, SheetSpec};
    pub const DATE: Column = Column::required("Datum");
    pub const EVENT: Column = Column::required("Händelse");
    pub const SHEET: SheetSpec = SheetSpec {
        name: "Tidslinje",
        columns: &[DATE, EVENT],
    };
}

/// `Sammanfattning`: the bullets of the summary.
pub mod summary {
    use super::{Column, SheetSpec};
    pub const POINT: Column = Column::required("Punkt");
    pub const SHEET: SheetSpec = SheetSpec {
        name: "Sammanfattning",
        columns: &[POINT],
    };
}

/// `Uppdrag`: one row per uppdragsbeskrivning.
pub mod mandates {
    use super::{Column, SheetSpec};
    pub const ID: Column = Column::required("Id");
    pub const TITLE: Column = Column::required("Titel");
    pub const REFERENCE: Column = Column::optional("Diarienummer");
    pub const DATE: Column = Column::optional("Datum");
    pub const DECIDED_BY: Column = Column::optional("Beslutad av");
    /// The project numbers funding the uppdrag: its insatser are those with one of them.
    pub const FUNDING_PROJECTS: Column = Column::optional("Projekt");
    /// Uppdragsbeskrivning when empty; any other type (Handlingsplan …) goes to `dokument/`.
    pub(crate) const DOCUMENT_TYPE: Column = Column::optional("Dokumenttyp");
    pub const SHEET: SheetSpec = SheetSpec {
        name: "Uppdrag",
        columns: &[
            ID,
            TITLE,
            REFERENCE,
            DATE,
            DECIDED_BY,
            FUNDING_PROJECTS,
            DOCUMENT_TYPE,
        ],
    };
}

/// `Avsnitt`: the numbered sections of each uppdrag, in order.
pub mod sections {
    use super::{Column, SheetSpec};
    pub const MANDATE: Column = Column::required("Uppdrag");
    pub const HEADING: Column = Column::required("Rubrik");
    pub const TEXT: Column = Column::required("Text");
    /// 1, 2 or 3 (empty = 1): 6. / 6.1 / 6.1.1.
    pub(crate) const LEVEL: Column = Column::optional("Nivå");
    pub const SHEET: SheetSpec = SheetSpec {
        name: "Avsnitt",
        columns: &[MANDATE, HEADING, TEXT, LEVEL],
    };
}

/// `Bilder`: pictures placed at the end of a section of an uppdrag or other document.
pub mod pictures {
    use super::{Column, SheetSpec};
    pub const MANDATE: Column = Column::required("Uppdrag");
    pub const HEADING: Column = Column::required("Rubrik");
    /// Relative to the workbook's folder: PNG, JPEG or SVG.
    pub(crate) const FILE: Column = Column::required("Fil");
    pub(crate) const CAPTION: Column = Column::optional("Bildtext");
    pub(crate) const ALT_TEXT: Column = Column::required("Alternativtext");
    pub const SHEET: SheetSpec = SheetSpec {
        name: "Bilder",
        columns: &[MANDATE, HEADING, FILE, CAPTION, ALT_TEXT],
    };
}

/// `Roller`: who does what in an uppdrag.
pub mod roles {
    use super::{Column, SheetSpec};
    pub const MANDATE: Column = Column::required("Uppdrag");
    pub const ROLE: Column = Column::required("Roll");
    pub const DESCRIPTION: Column = Column::required("Beskrivning");
    pub const SHEET: SheetSpec = SheetSpec {
        name: "Roller",
        columns: &[MANDATE, ROLE, DESCRIPTION],
    };
}

/// `Grupper`: the groups of an uppdrag's organisation picture.
pub mod groups {
    use super::{Column, SheetSpec};
    pub const MANDATE: Column = Column::required("Uppdrag");
    pub const GROUP: Column = Column::required("Grupp");
    pub const PARTICIPANTS: Column = Column::optional("Deltagare");
    pub const PURPOSE: Column = Column::optional("Syfte");
    pub const REMIT: Column = Column::optional("Mandat");
    pub const FREQUENCY: Column = Column::optional("Mötesfrekvens");
    pub const CONVENER: Column = Column::optional("Sammankallande");
    pub const REPORTS_TO: Column = Column::optional("Rapporterar till");
    pub const PRINCIPAL: Column = Column::optional("Huvudman");
    pub const SHEET: SheetSpec = SheetSpec {
        name: "Grupper",
        columns: &[
            MANDATE,
            GROUP,
            PARTICIPANTS,
            PURPOSE,
            REMIT,
            FREQUENCY,
            CONVENER,
            REPORTS_TO,
            PRINCIPAL,
        ],
    };
}

/// Every sheet of the contract, so a writer that carries the workbook over (the updated workbook)
/// finds each header row exactly as reading does.
pub const CONTRACT: &[SheetSpec] = &[
    info::SHEET,
    areas::SHEET,
    initiatives::SHEET,
    timeline::SHEET,
    summary::SHEET,
    mandates::SHEET,
    sections::SHEET,
    roles::SHEET,
    groups::SHEET,
    pictures::SHEET,
    contacts::SHEET,
];
