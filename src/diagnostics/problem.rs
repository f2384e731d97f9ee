//! What a problem is and what to do about it: every message a user reads about the input, in Swedish.

use super::Severity;

/// Every kind of problem the checks know, with the message a user sees.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    #[error("{message}")]
    Unreadable { message: String, fix: String },
    #[error("bladet «{sheet}» saknas{}", did_you_mean(.suggestion))]
    MissingSheet {
        sheet: String,
        /// A sheet of the workbook whose name is nearly this one.
        suggestion: Option<String>,
    },
    #[error("bladet «{sheet}» finns i flera arbetsböcker ({files})")]
    DuplicateSheet { sheet: String, files: String },
    #[error("kolumnen «{column}» saknas i rubrikraden{}", did_you_mean(.suggestion))]
    MissingColumn {
        column: String,
        /// A header of the row whose name is nearly this one.
        suggestion: Option<String>,
    },
    #[error("kolumnen «{column}» finns två gånger; den första används")]
    DuplicateColumn { column: String },
    #[error("cellerna {range} är sammanfogade ({column}); varje rad får värdet i {first}")]
    MergedCells {
        range: String,
        first: String,
        column: String,
    },
    #[error("förra versionen är från {previous}, inte från {current}")]
    PreviousOfOtherOrganisation { previous: String, current: String },
    #[error("cellen ({column}) är sammanfogad med {first}; ett belopp kan inte gälla flera rader")]
    MergedAmount { column: String, first: String },
    #[error("uppgiften «{field}» saknas")]
    MissingField { field: String },
    #[error("{column} saknas")]
    EmptyCell { column: String },
    #[error("{column} «{value}» är inte ett belopp i kronor")]
    NotAnAmount { column: String, value: String },
    #[error("{column} «{value}» är orimligt stort för ett belopp i kronor")]
    AmountTooLarge { column: String, value: String },
    #[error("{column} är en formel ({formula}) utan sparat värde")]
    UncachedFormula { column: String, formula: String },
    #[error("{column} «{value}» är mindre än noll")]
    NegativeAmount { column: String, value: String },
    #[error("{column} «{value}» är inte ett datum")]
    NotADate { column: String, value: String },
    #[error("{column} «{value}» är inte ett årtal")]
    NotAYear { column: String, value: String },
    #[error("koden «{code}» finns redan på rad {first_row}")]
    DuplicateArea { code: String, first_row: u32 },
    #[error("delområdet «{code}» hör till insatsområde «{parent}», som saknas")]
    MissingParentArea { code: String, parent: String },
    #[error("Område «{code}» finns inte bland insatsområdena{}", did_you_mean(.suggestion))]
    UnknownArea {
        code: String,
        suggestion: Option<String>,
    },
    #[error("Typ «{value}» är okänd{}", did_you_mean(.suggestion))]
    UnknownKind {
        value: String,
        suggestion: Option<String>,
    },
    #[error("Bedömning «{value}» är okänd{}", did_you_mean(.suggestion))]
    UnknownAssessment {
        value: String,
        suggestion: Option<String>,
    },
    #[error("delområdena i {code} har tillsammans budget {sum}, men insatsområdet har {budget}")]
    SubAreasMismatch {
        code: String,
        budget: String,
        sum: String,
    },
    #[error("insatserna i {code} har tillsammans {allocated}, mer än budgeten {budget}")]
    OverBudget {
        code: String,
        budget: String,
        allocated: String,
    },
    #[error("{unallocated} ofördelat i {code} (budget {budget}, fördelat {allocated})")]
    Unallocated {
        code: String,
        budget: String,
        allocated: String,
        unallocated: String,
    },
    #[error("raden har ingen nyckel och finns inte i underlaget; den slogs inte ihop")]
    FormRowWithoutKey,
    #[error("nyckeln «{key}» finns inte bland insatserna; raden slogs inte ihop")]
    FormUnknownKey { key: String },
    #[error(
        "{column} är ändrad i blanketten («{form}», i underlaget «{input}»); raden kopplades via nyckeln"
    )]
    FormIdentityChanged {
        column: String,
        form: String,
        input: String,
    },
    #[error("samma insats finns också i {other} med andra värden; ingen av raderna slogs ihop")]
    FormConflict { other: String },
    #[error("blanketten har inget ifyllt")]
    FormEmpty,
    #[error("{column} har en fotnot «^[» utan avslutande «]»")]
    UnmatchedFootnote { column: String },
    #[error("uppdraget «{id}» finns redan på rad {first_row}")]
    DuplicateMandate { id: String, first_row: u32 },
    #[error("uppdraget «{id}» finns inte i bladet Uppdrag")]
    UnknownMandate { id: String },
    #[error("uppdraget «{id}» har inga avsnitt")]
    MandateWithoutSections { id: String },
    #[error("gruppen «{name}» finns redan i uppdraget")]
    DuplicateGroup { name: String },
    #[error("Rapporterar till «{name}» är ingen grupp i uppdraget")]
    UnknownGroup { name: String },
    #[error("gruppen «{name}» rapporterar i en cirkel: {path}")]
    GroupCycle { name: String, path: String },
    #[error("Huvudman «{value}» är okänd")]
    UnknownPrincipal { value: String },
    #[error("projektet «{project}» finns inte på någon insats")]
    UnknownProject { project: String },
    #[error("Nivå «{value}» är inte 1, 2 eller 3")]
    NotALevel { value: String },
    #[error("{}", level_jump(*.level, *.previous))]
    LevelJump { level: u8, previous: u8 },
    #[error("bilden saknar alternativtext")]
    PictureWithoutAltText,
    #[error("avsnittet «{heading}» finns inte i «{id}»")]
    PictureSectionNotFound { heading: String, id: String },
    #[error("bildfilen «{file}» finns inte")]
    PictureMissing { file: String },
    #[error("«{file}» är ingen bild som går att läsa ({detail})")]
    PictureNotAnImage { file: String, detail: String },
    #[error("bildfilen «{file}» ligger utanför projektets mapp")]
    PictureOutsideProject { file: String },
    #[error(
        "bildfilen «{file}» är {megabytes} MB, mer än de {limit} MB en bild i ett dokument får vara"
    )]
    PictureTooLarge {
        file: String,
        megabytes: u64,
        limit: u64,
    },
    #[error("Förbrukat {spent} är mer än Rekvirerat {requisitioned}")]
    SpentOverRequisitioned {
        spent: String,
        requisitioned: String,
    },
    #[error("Rekvirerat {requisitioned} är mer än Belopp {amount}")]
    RequisitionedOverAmount {
        requisitioned: String,
        amount: String,
    },
    #[error("{column} «{value}» är inte en e-postadress: {reason}")]
    NotAnEmailAddress {
        column: String,
        value: String,
        reason: String,
    },
    #[error("«{name}» har redan en rad i Kontakter (rad {first_row}); den raden används")]
    DuplicateContact { name: String, first_row: u32 },
    #[error("Ansvarig «{name}» har inga insatser i bladet Insatser{}", did_you_mean(.suggestion))]
    UnknownContact {
        name: String,
        suggestion: Option<String>,
    },
    #[error("{} saknar rad i Kontakter och får inget e-postutkast: {names}", count_of(*.count))]
    MissingContacts { count: usize, names: String },
}

impl Problem {
    pub fn severity(&self) -> Severity {
        match self {
            Problem::DuplicateColumn { .. }
            | Problem::PreviousOfOtherOrganisation { .. }
            | Problem::MergedCells { .. }
            | Problem::FormRowWithoutKey
            | Problem::FormUnknownKey { .. }
            | Problem::FormIdentityChanged { .. }
            | Problem::FormEmpty
            | Problem::Unallocated { .. }
            | Problem::SpentOverRequisitioned { .. }
            | Problem::RequisitionedOverAmount { .. }
            | Problem::DuplicateContact { .. }
            | Problem::UnknownContact { .. }
            | Problem::MissingContacts { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// What the user should do, in plain Swedish.
    pub fn fix(&self) -> String {
        match self {
            Problem::Unreadable { fix, .. } => fix.clone(),
            Problem::MissingSheet {
                sheet,
                suggestion: Some(like),
            } => format!(
                "Byt namn på bladet «{like}» till «{sheet}» (dubbelklicka på fliken i Excel), så \
                 läses det som {sheet}."
            ),
            Problem::MissingSheet { sheet, .. } => {
                format!("Lägg till ett blad med namnet «{sheet}» (se README för kolumnerna).")
            }
            Problem::DuplicateSheet { .. } => {
                "Ha bladet i en enda arbetsbok i mappen, eller läs in arbetsböckerna var för sig."
                    .into()
            }
            Problem::MissingColumn { column, .. } => {
                format!(
                    "Skriv rubriken «{column}» i bladets första rad; ordningen spelar ingen roll."
                )
            }
            Problem::DuplicateColumn { .. } => "Ta bort eller byt namn på den ena kolumnen.".into(),
            Problem::MergedCells { .. } => "Är det rätt för varje rad behöver du inte göra något. \
                                            Annars: dela upp cellerna (markera dem, Start → \
                                            Sammanfoga och centrera → Dela upp celler) och skriv \
                                            varje rads värde."
                .into(),
            Problem::PreviousOfOtherOrganisation { current, .. } => format!(
                "Välj förra mötets arbetsbok för {current}: annars visas skillnaderna mellan två \
                 organisationers arbetsböcker som förändringar."
            ),
            Problem::MergedAmount { first, .. } => format!(
                "Dela upp cellerna (markera {first} och cellerna under, Start → Sammanfoga och \
                 centrera → Dela upp celler) och skriv varje rads eget belopp."
            ),
            Problem::MissingField { field } => {
                format!(
                    "Lägg till en rad med «{field}» i kolumnen Fält och värdet i kolumnen Värde."
                )
            }
            Problem::EmptyCell { column } => format!("Fyll i {column}."),
            Problem::NotAnAmount { value, .. } => not_an_amount_fix(value),
            Problem::AmountTooLarge { .. } => {
                "Kontrollera beloppet: inget offentligt bidrag i Sverige är större än 1 000 miljarder kronor. \
                 Skriv beloppet i kronor, t.ex. 500 000."
                    .into()
            }
            Problem::UncachedFormula { .. } => {
                "Öppna arbetsboken i Excel eller LibreOffice och spara den, så att formelns värde sparas i filen; \
                 eller skriv värdet i stället för formeln."
                    .into()
            }
            Problem::NegativeAmount { .. } => {
                "Belopp kan inte vara negativa; skriv 0 eller ett positivt belopp.".into()
            }
            // A date cell holding 0 or a small number: Excel shows it as a day of 1899 or 1900.
            Problem::NotADate { value, .. }
                if value.starts_with("1899-") || value.starts_with("1900-") =>
            {
                format!(
                    "Cellen är formaterad som datum men innehåller 0 eller ett litet tal (Excel \
                     visar det som {value}). Skriv det riktiga datumet, t.ex. 2025-09-29."
                )
            }
            Problem::NotADate { .. } => {
                "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-09-29, eller som ett datum i Excel."
                    .into()
            }
            Problem::NotAYear { .. } => "Skriv året med fyra siffror, t.ex. 2025.".into(),
            Problem::DuplicateArea { .. } => "Varje insatsområde ska ha en egen kod.".into(),
            Problem::MissingParentArea { parent, .. } => {
                format!("Lägg till insatsområde «{parent}» eller rätta koden.")
            }
            Problem::UnknownArea { .. } => {
                "Använd en kod från bladet Insatsområden, t.ex. 1, 1a eller 3.".into()
            }
            Problem::UnknownKind { .. } => "Skriv Ny eller Pågående/fortsättning.".into(),
            Problem::UnknownAssessment { .. } => {
                "Skriv Grön, Gul eller Röd, eller lämna tomt.".into()
            }
            Problem::SubAreasMismatch { .. } => {
                "Justera delområdenas budgetar så att de tillsammans blir insatsområdets budget."
                    .into()
            }
            Problem::OverBudget { .. } => {
                "Minska beloppen eller öka budgeten i bladet Insatsområden.".into()
            }
            Problem::Unallocated { .. } => {
                "Fördela resten på insatser, eller låt det stå kvar som ofördelade medel.".into()
            }
            Problem::FormRowWithoutKey => {
                "Lägg till insatsen i bladet Insatser i underlaget om den ska vara med, och skicka ut en ny blankett.".into()
            }
            Problem::FormUnknownKey { .. } => {
                "Insatsen har tagits bort eller bytt namn i underlaget sedan blanketten skickades; för in siffrorna för hand eller skicka en ny blankett.".into()
            }
            Problem::FormIdentityChanged { .. } => {
                "Inget att göra om rätt insats är ifylld; de grå kolumnerna ska inte ändras i blanketten.".into()
            }
            Problem::FormConflict { .. } => {
                "Ta reda på vilken blankett som gäller, ta bort den andra ur mappen och kör collect igen.".into()
            }
            Problem::FormEmpty => "Påminn mottagaren om att fylla i och skicka tillbaka blanketten.".into(),
            Problem::UnmatchedFootnote { .. } => {
                "Avsluta fotnoten med «]», t.ex. ^[Källa: Socialstyrelsen 2025]. Hakparenteser inuti fotnoten ska gå jämnt upp."
                    .into()
            }
            Problem::DuplicateMandate { .. } => "Ge varje uppdrag ett eget Id.".into(),
            Problem::UnknownMandate { .. } => "Skriv ett Id från bladet Uppdrag, eller lägg till uppdraget där.".into(),
            Problem::MandateWithoutSections { .. } => {
                "Lägg till avsnitt i bladet Avsnitt med uppdragets Id i kolumnen Uppdrag.".into()
            }
            Problem::DuplicateGroup { .. } => "Ge varje grupp i ett uppdrag ett eget namn.".into(),
            Problem::UnknownGroup { .. } => {
                "Skriv namnet på en grupp i samma uppdrag exakt som i kolumnen Grupp, eller lämna tomt för den översta.".into()
            }
            Problem::GroupCycle { .. } => "Någon grupp i kedjan ska rapportera till en grupp högre upp, eller till ingen.".into(),
            Problem::UnknownPrincipal { .. } => "Skriv Region, Kommun eller Gemensam, eller lämna tomt.".into(),
            Problem::UnknownProject { .. } => {
                "Skriv projektnummer som står i kolumnen Projekt i bladet Insatser, åtskilda med kommatecken.".into()
            }
            Problem::NotALevel { .. } => {
                "Skriv 1 för ett kapitel, 2 för ett underkapitel och 3 för en nivå till, eller lämna tomt (nivå 1).".into()
            }
            Problem::LevelJump { level, .. } => format!(
                "Ändra till nivå {}, eller lägg ett avsnitt på nivå {} före detta.",
                level - 1,
                level - 1
            ),
            Problem::PictureWithoutAltText => {
                "Skriv i Alternativtext vad bilden visar, för den som inte ser den (krävs för PDF/UA), t.ex. «Tre rutor: behovsanalys, implementering och två fokusområden».".into()
            }
            Problem::PictureSectionNotFound { .. } => {
                "Skriv rubriken exakt som i kolumnen Rubrik i bladet Avsnitt, för samma uppdrag.".into()
            }
            Problem::PictureMissing { .. } => {
                "Lägg bilden i samma mapp som arbetsboken (eller en undermapp) och skriv sökvägen dit, t.ex. bilder/insatser.png.".into()
            }
            Problem::PictureNotAnImage { .. } => {
                "Använd en PNG-, JPEG- eller SVG-bild; spara om bilden i ett sådant format.".into()
            }
            Problem::PictureOutsideProject { .. } => {
                "Kopiera bilden till arbetsbokens mapp (eller en undermapp) och skriv sökvägen därifrån, utan ../ och utan enhet eller / först.".into()
            }
            Problem::PictureTooLarge { .. } => {
                "Spara en mindre version av bilden (färre bildpunkter, eller JPEG för foton).".into()
            }
            Problem::SpentOverRequisitioned { .. } => {
                "Kontrollera Förbrukat och Rekvirerat för insatsen.".into()
            }
            Problem::RequisitionedOverAmount { .. } => {
                "Kontrollera Rekvirerat och Belopp för insatsen.".into()
            }
            Problem::NotAnEmailAddress { column, .. } if column.to_lowercase() == "avsändare" => {
                "Skriv namnet och adressen som Anna Berg <anna.berg@organisation.se>, eller bara namnet (då fyller e-postprogrammet i din adress)."
                    .into()
            }
            Problem::NotAnEmailAddress { .. } => {
                "Skriv adressen som namn@organisation.se, utan namn eller mellanslag; flera adresser skiljs med semikolon (;)."
                    .into()
            }
            Problem::DuplicateContact { .. } => {
                "Skriv alla adresser för organisationen i en och samma rad, skilda med semikolon (;), och ta bort den andra raden.".into()
            }
            Problem::UnknownContact { .. } => {
                "Skriv namnet som i kolumnen Ansvarig i bladet Insatser; bara en organisation med insatser får en blankett och ett utkast. \
                 Har organisationen inga insatser i år kan raden stå kvar."
                    .into()
            }
            Problem::MissingContacts { .. } => {
                "Lägg till en rad per organisation i bladet Kontakter med Ansvarig, Namn och E-post; de andra får sin blankett som förut.".into()
            }
        }
    }
}

/// `; menade du «Ny»?` after a message, when there is a near valid value.
fn did_you_mean(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!("; menade du «{s}»?"))
        .unwrap_or_default()
}

/// `1 ansvarig` / `3 ansvariga`.
fn count_of(count: usize) -> String {
    if count == 1 {
        "1 ansvarig".into()
    } else {
        format!("{count} ansvariga")
    }
}

fn level_jump(level: u8, previous: u8) -> String {
    if previous == 0 {
        format!("Nivå {level} i det första avsnittet; dokumentet börjar på nivå 1")
    } else {
        format!(
            "Nivå {level} följer direkt på nivå {previous}; ett avsnitt kan bara ligga en nivå under det förra"
        )
    }
}

/// What to do with a cell that is not an amount, by what it holds: an error Excel shows, millions
/// or thousands written out, or words beside the figure.
fn not_an_amount_fix(value: &str) -> String {
    let lower = value.to_lowercase();
    if value.trim_start().starts_with('#') {
        format!(
            "Cellen visar ett fel från Excel ({}): rätta formeln, eller skriv beloppet som ett tal.",
            value.trim()
        )
    } else if ["mkr", "miljon", "mnkr", "tkr", "tusen"]
        .iter()
        .any(|unit| lower.contains(unit))
    {
        "Skriv hela beloppet i kronor: 1,5 mkr är 1 500 000 och 500 tkr är 500 000.".into()
    } else if value.chars().any(char::is_alphabetic) {
        "Skriv beloppet i kronor som ett tal, t.ex. 500000 eller 500 000 kr. Förklaringar som \
         «delfinansierad» hör hemma i Kommentar."
            .into()
    } else {
        "Skriv beloppet i kronor som ett tal, t.ex. 500000 eller 500 000 kr (mellanslag mellan \
         tusentalen, inga punkter)."
            .into()
    }
}
