//! Generates the example input workbooks:
//!
//! - `input/ok2025-dalarna.xlsx` holds all data from the status presentation
//!   "ÖK Psykisk hälsa och suicidprevention 2025" (RSS Dalarna, 2025-09-29):
//!   general information, focus areas, every funded activity (insats), the
//!   timeline ("Kort tillbakablick") and the summary bullets; and the two
//!   uppdragsbeskrivningar of RSS Dalarna 2026 (regional processgrupp psykisk
//!   hälsa och suicidprevention, regional processgrupp samsjuklighet) in the
//!   sheets Uppdrag, Avsnitt, Roller and Grupper; and invented contacts for the e-mail drafts of
//!   the forms in Kontakter.
//! - `input/vastra-gotaland/organisering-2025.xlsx` holds the länsgemensam
//!   organisering of psykisk hälsa och suicidprevention in Västra Götaland:
//!   Uppgifter, Uppdrag, Avsnitt, Roller (empty) and Grupper.
//! - `input/dalarna-2021/handlingsplan-2021.xlsx` holds Region Dalarna's Handlingsplan psykisk hälsa
//!   2021 (seed 003): Uppgifter, Uppdrag (Dokumenttyp Handlingsplan), Avsnitt with levels (Nivå)
//!   and Bilder, whose picture `input/dalarna-2021/bilder/utvecklingsinsatser.svg` is drawn here too.
//!
//! Run it from the repository root:
//!
//! ```text
//! cargo run --example make_example_input
//! ```
//!
//! The output is byte-for-byte reproducible: the document creation times are
//! fixed and rust_xlsxwriter writes fixed zip timestamps.
//!
//! The texts of the uppdragsbeskrivningar live in `example_data/`.

use std::path::Path;

#[path = "example_data/dalarna_handlingsplan.rs"]
mod dalarna_handlingsplan;
#[path = "example_data/dalarna_uppdrag.rs"]
mod dalarna_uppdrag;
#[path = "example_data/vastra_gotaland.rs"]
mod vastra_gotaland;

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

// ---------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------

/// Sheet `Uppgifter`: one row per field.
enum Value {
    Text(&'static str),
    Number(f64),
    /// (year, month, day), written as an Excel date.
    Date(u16, u8, u8),
    Empty,
}

const UPPGIFTER: &[(&str, Value)] = &[
    (
        "Titel",
        Value::Text("ÖK Psykisk hälsa och suicidprevention 2025"),
    ),
    ("År", Value::Number(2025.0)),
    ("Organisation", Value::Text("RSS Dalarna")),
    ("Län", Value::Text("Dalarnas län")),
    ("Datum", Value::Date(2025, 9, 29)),
    (
        "Styrgrupp",
        Value::Text("Styrgruppen för Länschefsnätverket (LCHNV)"),
    ),
    (
        "Mottagare",
        Value::Text("Välfärdsrådet och Länschefsnätverket"),
    ),
    ("Diarienummer", Value::Empty),
    ("Sista dag", Value::Date(2025, 10, 31)),
    (
        "Avsändare",
        Value::Text("Karin Dahl <karin.dahl@rssdalarna.example>"),
    ),
];

/// Sheet `Kontakter`: (Ansvarig, Namn, E-post, Kopia), one row per Ansvarig of `INSATSER`. The
/// people are invented and the addresses end in `.example`, a name no mail ever reaches.
const KONTAKTER: &[(&str, &str, &str, &str)] = &[
    (RSS, "Karin Dahl", "karin.dahl@rssdalarna.example", ""),
    (
        DIV_PSYK,
        "Åsa Öberg",
        "asa.oberg@regiondalarna.example",
        "psykiatri.kansli@regiondalarna.example",
    ),
    (
        "RD/länets kommuner",
        "Per Nilsson",
        "per.nilsson@rssdalarna.example; kommunsamordnare@rssdalarna.example",
        "",
    ),
    (
        "Borlänge kommun i samverkan med anslutna kommuner",
        "Lena Björk",
        "lena.bjork@borlange.example",
        "",
    ),
    (
        "Div Psykiatri och hab samt värdkommunerna",
        "Åsa Öberg",
        "asa.oberg@regiondalarna.example",
        "",
    ),
    (
        "Div Psykiatri och hab och infektionskliniken",
        "Jonas Ek",
        "jonas.ek@regiondalarna.example",
        "",
    ),
    (
        "Medicinkliniken",
        "Maria Sjöberg",
        "maria.sjoberg@regiondalarna.example",
        "",
    ),
    (
        "Div. Psykiatri och hab. + RSS vid tillsättande av PL för psykisk hälsa",
        "Åsa Öberg",
        "asa.oberg@regiondalarna.example",
        "karin.dahl@rssdalarna.example",
    ),
    (
        "RSS Dalarna (RD/länets kommuner)",
        "Karin Dahl",
        "karin.dahl@rssdalarna.example",
        "",
    ),
];

/// Sheet `Insatsområden`.
struct Omrade {
    kod: &'static str,
    namn: &'static str,
    budget: u64,
    regionens_medel: Option<u64>,
    beskrivning: &'static str,
}

const OMRADEN: &[Omrade] = &[
    Omrade {
        kod: "1",
        namn: "Genomförande av den nationella strategin",
        budget: 4_000_000,
        regionens_medel: None,
        beskrivning: "• Skapa en gemensam inriktning\n\
                      • Långsiktighet. Regioner och kommuner ska länsvis:\n\
                      \u{20}\u{20}- Skapa gemensamma handlingsplaner för att genomföra den nationella strategin.",
    },
    Omrade {
        kod: "1a",
        namn: "Skapa gemensamma handlingsplaner för att genomföra den nationella strategin",
        budget: 2_000_000,
        regionens_medel: None,
        beskrivning: "",
    },
    Omrade {
        kod: "1b",
        namn: "Samverka med patient-, brukar- och anhörigföreningar, professionen med flera i det \
               strategiska utvecklingsarbetet",
        budget: 1_000_000,
        regionens_medel: None,
        beskrivning: "",
    },
    Omrade {
        kod: "1c",
        namn: "Stödja implementeringen av vård- och insatsprogram och sammanhållna, \
               personcentrerade vårdförlopp",
        budget: 1_000_000,
        regionens_medel: None,
        beskrivning: "",
    },
    Omrade {
        kod: "3",
        namn: "Utveckla insatserna för personer med komplexa behov, särskilt inom samsjuklighet, \
               heldygnsvård, tvångsvård och rättspsykiatri",
        budget: 5_409_733,
        regionens_medel: Some(13_524_332),
        beskrivning: "Regionerna och länen ska:\n\
            • Göra analyser och insatser för kapacitetsstyrning av vårdplatser.\n\
            • Analysera och genomföra insatser för att förebygga och minska behovet av \
            tvångsåtgärder, med beaktande av kompetensutveckling och alternativa metoder.\n\
            • Säkerställa samverkansavtal för utskrivning anpassade till tvångsvård och \
            rättspsykiatri, med fokus på kommunala insatser och samverkan.\n\
            • Stärka samverkan för heldygnsvårdade personer som behöver stöd från socialtjänst \
            eller hälso- och sjukvård, särskilt vid utskrivning från rättspsykiatrin.\n\
            • Utveckla insatser för komplexa behov, inklusive psykisk eller fysisk ohälsa såsom \
            skadligt bruk och beroende, med integrerade team, verksamheter eller metoder.",
    },
    Omrade {
        kod: "4",
        namn: "Stärkt suicidpreventivt arbete",
        budget: 7_569_623,
        regionens_medel: Some(7_790_015),
        beskrivning: "Regionerna och länen får stöd för att utveckla omhändertagande och \
            uppföljning vid suicidalitet eller suicidförsök.\n\
            \n\
            • Samhällets samlade arbete\n\
            \n\
            Regionerna och länen ska göra insatser för att:\n\
            • Utveckla omhändertagande och systematisk uppföljning inom hälso- och sjukvården \
            och socialtjänsten vid suicidalitet eller suicidförsök.\n\
            • Aktörer som involveras före, under och efter larm om akuta suicidala händelser \
            utvecklar gemensamma arbetssätt.\n\
            • Utveckla kvalitets- och patientsäkerhetsarbetet genom att öka kunskap, lärande \
            och uppföljning.\n\
            • Stärka det suicidförebyggande arbetet och verka för suicidpreventiva analyser i \
            lokal samverkan.\n\
            • Stärka stödet till anhöriga och efterlevande.",
    },
];

/// Sheet `Insatser`: one row per activity.
struct Insats {
    omrade: &'static str,
    namn: &'static str,
    beskrivning: &'static str,
    typ: &'static str,
    belopp: u64,
    status: &'static str,
    ansvarig: &'static str,
    projekt: &'static str,
}

/// The yearly follow-up of one insats (Rekvirerat, Förbrukat, Bedömning, Kommentar).
struct Uppfoljning {
    rekvirerat: u64,
    forbrukat: u64,
    bedomning: &'static str,
    kommentar: &'static str,
}

/// The follow-up as the status texts of seed 001 tell it: money that "kommer ej kunna förbrukas" was
/// never requisitioned (Röd); "Medlen är rekvirerade" means Rekvirerat = Belopp; "osäkert/oklart om
/// alla medel förbrukas" is a Gul with part of the money used. Amounts round to whole thousands.
fn uppfoljning(ins: &Insats) -> Uppfoljning {
    let status = ins.status.to_lowercase();
    let share = |percent: u64| ins.belopp * percent / 100 / 1000 * 1000;
    if status.contains("ej kunna förbrukas") {
        Uppfoljning {
            rekvirerat: 0,
            forbrukat: 0,
            bedomning: "Röd",
            kommentar: "Tjänsten tillsattes inte under året. Medlen har inte rekvirerats och föreslås \
                        fördelas om till andra insatser.",
        }
    } else if status.contains("planering pågår") {
        Uppfoljning {
            rekvirerat: share(50),
            forbrukat: share(20),
            bedomning: "Gul",
            kommentar: "Planeringen tog längre tid än väntat. Resten av medlen rekvireras när \
                        aktiviteterna är beslutade.",
        }
    } else if status.contains("osäkert") || status.contains("oklart") {
        Uppfoljning {
            rekvirerat: share(80),
            forbrukat: share(55),
            bedomning: "Gul",
            kommentar: "Arbetet pågår. Det är osäkert om alla medel hinner förbrukas under året.",
        }
    } else if status.contains("delvis förbrukade") {
        Uppfoljning {
            rekvirerat: ins.belopp,
            forbrukat: share(60),
            bedomning: "Grön",
            kommentar: "Ytterligare en kursomgång genomförs under hösten.",
        }
    } else if status.contains("rekvirera") {
        Uppfoljning {
            rekvirerat: ins.belopp,
            forbrukat: share(90),
            bedomning: "Grön",
            kommentar: "Medlen är rekvirerade och arbetet går enligt plan.",
        }
    } else {
        Uppfoljning {
            rekvirerat: share(70),
            forbrukat: share(50),
            bedomning: "Gul",
            kommentar: "Arbetet pågår enligt plan; del av medlen återstår att rekvirera.",
        }
    }
}

const NY: &str = "Ny";
const PAGAENDE: &str = "Pågående/fortsättning";

const DIV_PSYK: &str = "Div. Psykiatri och hab.";
const RSS: &str = "RSS Dalarna";

const INSATSER: &[Insats] = &[
    // --- 1a: Skapa gemensamma handlingsplaner (2 mkr) ----------------------
    Insats {
        omrade: "1a",
        namn: "Projektledare för psykisk hälsa",
        beskrivning: "Projektledaren leder arbetet med framtagandet av gemensamma \
            handlingsplaner, inkl. uppdraget som länssamordnare för ök psykisk hälsa. Ansvarar \
            för det länsövergripande utvecklingsarbetet inom psykisk hälsa samt implementering \
            av strategin. Ansvarar för uppföljning av ÖK och den ekonomiska redovisningen. Nära \
            samverkan med BISAM och suicidpreventionssamordnaren men även en viss avlastning för \
            ovan nämnda roller. Långsiktigt genom hela strategiperioden av 10 år.",
        typ: NY,
        belopp: 1_000_000,
        status: "Ej tillsatt. En tilltänkt valde att säga upp sig innan tillträde i augusti. \
            Medlen kommer ej kunna förbrukas.",
        ansvarig: RSS,
        projekt: "Proj 4170",
    },
    Insats {
        omrade: "1a",
        namn: "Spridningsinsatser i länet för att göra strategin mer känd",
        beskrivning: "Projektledaren för psykisk hälsa ansvarig för att planera och genomföra \
            olika former av kommunikations- och spridningsinsatser runt om i länet för att öka \
            kännedomen om den nya nationella strategin.",
        typ: NY,
        belopp: 250_000,
        status: "Medlen kommer ej kunna förbrukas",
        ansvarig: RSS,
        projekt: "Proj 4170",
    },
    Insats {
        omrade: "1a",
        namn: "Egenerfaren utvecklingsledare i division psykiatri och habilitering",
        beskrivning: "Ledningsgruppen för Division psykiatri och habilitering har numer en \
            egenerfaren utvecklingsledare (brukarrepresentant) med på alla möten och är även med \
            i en del ledningsgrupper på andra nivåer för att säkerställa ett brukarperspektiv på \
            ledningsnivå. Utvecklingsledaren finns på avdelningarna och i verksamheterna inom \
            öppen- och slutenvården för att samtala med patienter och personal. \
            Utvecklingsledaren blir en naturlig länk mellan patienter, personal och ledning. \
            Delfinansierad.",
        typ: PAGAENDE,
        belopp: 250_000,
        status: "Medlen rekvirerade",
        ansvarig: DIV_PSYK,
        projekt: "Proj 9283",
    },
    Insats {
        omrade: "1a",
        namn: "Delfinansiering av insats om VIP och PSV",
        beskrivning: "Delfinansiering av insatsen om vård- och insatsprogram (VIP) och \
            personcentrerade och sammanhållna vårdförlopp (PSV) under insatsområde 1c.",
        typ: NY,
        belopp: 500_000,
        status: "Ej tillsatt. Medlen kommer sannolikt ej kunna förbrukas.",
        ansvarig: "RD/länets kommuner",
        projekt: "Proj 4171",
    },
    // --- 1b: Samverka med patient-, brukar- och anhörigföreningar (1 mkr) ---
    Insats {
        omrade: "1b",
        namn: "Brukarinflytandesamordnare, BISAM",
        beskrivning: "Med en BISAM anställd säkerställs en naturlig kommunikationsväg mellan \
            patienter/brukare/ närstående och hälso- och sjukvård samt kommunernas verksamheter \
            inom vård och stöd. BISAM verkar på länsnivå men är placerad inom Div Psykiatri och \
            hab.",
        typ: PAGAENDE,
        belopp: 750_000,
        status: "Medlen rekvirerade",
        ansvarig: DIV_PSYK,
        projekt: "Proj 9283",
    },
    Insats {
        omrade: "1b",
        namn: "Olika aktiviteter inom brukardelaktighet",
        beskrivning: "Riktat arbete till kommuner och region samt föreningar. BISAM ansvarig \
            för att leda och driva dessa aktiviteter.",
        typ: PAGAENDE,
        belopp: 250_000,
        status: "Oklart om alla medel kommer kunna förbrukas",
        ansvarig: DIV_PSYK,
        projekt: "Proj 4092",
    },
    // --- 1c: Stödja implementeringen av VIP och PSV (1 mkr) -----------------
    Insats {
        omrade: "1c",
        namn: "Stödja implementeringen av vård och insatsprogram (VIP) och personcentrerade \
            och sammanhållna vårdförlopp (PSV)",
        beskrivning: "Finansiera del av tjänst för 1 resurs från region och 1-2 från kommunerna \
            (stor/liten kommun) att stödja implementeringen av vård- och insatsprogrammen samt \
            öka kännedom och användandet av dem. Dessa får bilda en arbetsgrupp och ta fram en \
            plan för implementering, vilka nyckeltal eller parametrar att följa och följa upp. \
            Rapportera till Styrgruppen för LCHNV. \
            Därtill 500 000 kr från insatsområde 1a (strategin).",
        typ: NY,
        belopp: 1_000_000,
        status: "Ej tillsatt. Medlen kommer sannolikt ej kunna förbrukas.",
        ansvarig: "RD/länets kommuner",
        projekt: "Proj 4171",
    },
    // --- 3: Komplexa behov (5 409 733 kr) -----------------------------------
    Insats {
        omrade: "3",
        namn: "Kommungemensamt HVB, unga med samsjuklighet, delregionalt",
        beskrivning: "Fortsättning av etableringen av det delregional HVB-hemmet.",
        typ: PAGAENDE,
        belopp: 800_000,
        status: "Pågående, alla medel kommer att rekvireras.",
        ansvarig: "Borlänge kommun i samverkan med anslutna kommuner",
        projekt: "Proj 4086",
    },
    Insats {
        omrade: "3",
        namn: "Projekt MiniMaria",
        beskrivning: "Fortsätt arbete, implementering, projektorganisation, arbetsgrupper och \
            överenskommelser kommuner osv. (lönekostnader personal (viss %) i projektgrupp)",
        typ: PAGAENDE,
        belopp: 1_000_000,
        status: "Medlen är rekvirerade",
        ansvarig: "Div Psykiatri och hab samt värdkommunerna",
        projekt: "Proj 4089",
    },
    Insats {
        omrade: "3",
        namn: "Stöd till arbete med kunskapsbaserad vård och omsorg i samverkan mellan RD och i \
            kommunerna",
        beskrivning: "Stöd till det regionala kunskapsstyrningsarbetet region och kommuner \
            genom Lokala programområden, 50 % samordnartjänst.",
        typ: PAGAENDE,
        belopp: 400_000,
        status: "Medlen är rekvirerade",
        ansvarig: RSS,
        projekt: "Proj 9288",
    },
    Insats {
        omrade: "3",
        namn: "Stödja utvecklingsarbete i IFO-chefsnätverk",
        beskrivning: "Insatser för att stärka IFOs målgrupp och medarbetare (komplext beroende, \
            samsjuklighet. Ge nätverket ”en budget” att förvalta och förankra i LCHNV.",
        typ: PAGAENDE,
        belopp: 300_000,
        status: "Planering pågår, oklart om alla medel förbrukas",
        ansvarig: RSS,
        projekt: "Proj 4161",
    },
    Insats {
        omrade: "3",
        namn: "Stödja utvecklingsarbete regionalt LSSoL-nätverk",
        beskrivning: "Insatser för att stärka LSSoL och dess medarbetare (komplext beroende, \
            samsjuklighet. Ge nätverk ”en budget” att förvalta och förankra i LCHNV.",
        typ: PAGAENDE,
        belopp: 200_000,
        status: "Planering pågår, oklart om alla medel förbrukas",
        ansvarig: RSS,
        projekt: "Proj 4088",
    },
    Insats {
        omrade: "3",
        namn: "Utvecklingsarbete sprutbytesprogrammet",
        beskrivning: "Utveckling av sprututbytesprogrammet med följande insatser:\n\
            - kompetenshöjning\n\
            - tillgänglighet- spridning i länet\n\
            - Utarbeta struktur samverkan",
        typ: NY,
        belopp: 200_000,
        status: "Medlen är rekvirerade",
        ansvarig: "Div Psykiatri och hab och infektionskliniken",
        projekt: "Proj 4172",
    },
    Insats {
        omrade: "3",
        namn: "Vårdkedja förstärkt utskrivningsprocess efter psykiatrisk slutenvård",
        beskrivning: "Samverkan mellan slutenvård, rättspsykiatrisk vård, primärvård, \
            Öppenvårdspsykiatri och kommun avseende utskrivningsplanering för patienter med \
            komplexa vårdbehov.",
        typ: NY,
        belopp: 1_709_733,
        status: "Medlen är rekvirerade",
        ansvarig: DIV_PSYK,
        projekt: "Proj 4173",
    },
    Insats {
        omrade: "3",
        namn: "Samverkan avseende patienter i behov av smärtvård (med samsjuklighet)",
        beskrivning: "Fortsatt arbete med nya arbetssätt i samverkan för målgruppen.",
        typ: PAGAENDE,
        belopp: 800_000,
        status: "Medlen är rekvirerade",
        ansvarig: "Medicinkliniken",
        projekt: "Proj 4163",
    },
    // --- 4: Stärkt suicidpreventivt arbete (7 569 623 kr) -------------------
    Insats {
        omrade: "4",
        namn: "Suicidpreventionssamordnaren",
        beskrivning: "Suicidpreventionssamordnare anställd för att strategiskt arbeta med och \
            stötta regionen och länets kommuner med det suicidpreventiva arbetet.",
        typ: PAGAENDE,
        belopp: 850_000,
        status: "Medlen är rekvirerade",
        ansvarig: DIV_PSYK,
        projekt: "Proj 4043",
    },
    Insats {
        omrade: "4",
        namn: "Kompetenshöjande insats, MHFA, Mental Health First Aid (Karolinska institutet), \
            samt stöd till instruktörsnätverk",
        beskrivning: "Utbildning av instruktörer i MHFA för unga, vuxna och äldre. Syfte att öka \
            kunskapen om och främja psykisk hälsa. Målet är att utbildarna sedan utbildar \
            kontinuerligt vidare i sina organisationer. Inkluderar utbildningskostnader, lokal \
            etc. Utbilda flera, Stödja regionalt nätverk för instruktörer. Stödja vid \
            MHFA-utbildningar Kostnad: 24500 kr/delt.",
        typ: PAGAENDE,
        belopp: 750_000,
        status: "Pågående, medlen är delvis förbrukade men en ytterligare kursomgång ska \
            genomföras nu i höst.",
        ansvarig: DIV_PSYK,
        projekt: "Proj 4094",
    },
    Insats {
        omrade: "4",
        namn: "Temamånad Fokus på psykisk hälsa i Dalarna inkl suicidpreventiva dagen",
        beskrivning: "En insats för att lyfta fram vad som görs kring området psykisk hälsa i \
            Dalarna genom en temamånad för att uppmärksamma psykisk ohälsa. Invånare inbjuds \
            till kostnadsfria aktiviteter såsom föreläsningar, workshops, öppet hus och \
            föreställningar. Vissa programpunkter riktar sig även till yrkesverksamma. Insatsen \
            genomfördes för femte året i rad 2024.",
        typ: PAGAENDE,
        belopp: 430_000,
        status: "Pågående, osäkert om alla medel förbrukas.",
        ansvarig: "Div. Psykiatri och hab. + RSS vid tillsättande av PL för psykisk hälsa",
        projekt: "Proj 4098",
    },
    Insats {
        omrade: "4",
        namn: "Suicidpreventiva aktiviteter och aktiviteter mot psykisk ohälsa",
        beskrivning: "Insats för att synliggöra och stödja det suicidpreventiva arbetet i länet \
            i syfte att höja kunskapen. Riktade aktiviteter i länet för att främja \
            suicidprevention. Föreläsningar om suicidprevention till allmänheten. \
            Kompetenshöjande insatser riktat till kommun/ region samt föreningsrepresentanter.",
        typ: PAGAENDE,
        belopp: 700_000,
        status: "Pågående, osäkert om alla medel förbrukas.",
        ansvarig: DIV_PSYK,
        projekt: "Proj 4096",
    },
    Insats {
        omrade: "4",
        namn: "Brukarinflytande aktiviteter",
        beskrivning: "Riktat arbete. Sprida projektet som Säter genomförde 2024 till resten \
            länets kommuner. Handbok i brukarinflytande, tillhörande webkurs, uppstart av \
            deltagarforum, brukarstyrd brukarrevision mm.",
        typ: NY,
        belopp: 500_000,
        status: "Pågående, osäkert om alla medel förbrukas.",
        ansvarig: DIV_PSYK,
        projekt: "Proj 4092",
    },
    Insats {
        omrade: "4",
        namn: "Stöd till kommuner, suicidpreventivt arbete",
        beskrivning: "Suicidsamordnare stöd till kommuner för att utveckla det lokala \
            suicidpreventiva arbetet. Delfinansiering av projektledare för suicidprevention i \
            varje kommun. Pilot i Avesta under 2024. Tillvarata tidigare erfarenheter från \
            Vansbro-projektet samt stöd till enskilda kommuner.",
        typ: PAGAENDE,
        belopp: 1_939_623,
        status: "Pågående, osäkert om alla medel förbrukas.",
        ansvarig: RSS,
        projekt: "Proj 4095",
    },
    Insats {
        omrade: "4",
        namn: "Projektledare suicidprevention ur ett kliniskt perspektiv",
        beskrivning: "Finansiering av projektledare inom regionen. Kompetenshöjande satsning, \
            samt strukturellt arbete med problematiken ur ett kliniskt perspektiv - vårdprogram, \
            klinisk implementering med utbildningar mot primärvård (regional och kommunal) och \
            psykiatri.",
        typ: NY,
        belopp: 800_000,
        status: "Medlen är rekvirerade",
        ansvarig: DIV_PSYK,
        projekt: "Proj 4174",
    },
    Insats {
        omrade: "4",
        namn: "Pott till lokala initiativ i samverkan mellan kommun och region för att främja \
            psykisk hälsa, förebygga psykisk ohälsa och suicid",
        beskrivning: "Medlen ska användas till insatser lokalt inom kommun+ region för ett \
            stärkt suicidpreventivt arbete",
        typ: PAGAENDE,
        belopp: 800_000,
        status: "Pågående, osäkert om alla medel förbrukas. 2 ansökningar inkommit",
        ansvarig: "RSS Dalarna (RD/länets kommuner)",
        projekt: "Proj 4081",
    },
    Insats {
        omrade: "4",
        namn: "Efterlevandestöd, utarbeta material och rutiner mm",
        beskrivning: "Projektansvarig sjuksköterska inom regionen. 50 % av tjänst. Ta fram \
            strukturerad process för samordning av arbete med målgruppen, kompetenshöjande \
            satsningar.",
        typ: NY,
        belopp: 800_000,
        status: "Medlen är rekvirerade",
        ansvarig: DIV_PSYK,
        projekt: "Proj 4175",
    },
];

/// Sheet `Tidslinje` ("Kort tillbakablick"): (Datum, Händelse).
const TIDSLINJE: &[(&str, &str)] = &[
    (
        "Januari",
        "Överenskommelsen släpps och tillgängliggörs, ca 1 månad senare än vanligt.",
    ),
    (
        "Februari",
        "Överenskommelsen sprids och utskick görs för att inkomma med önskemål om förslag på \
         insatser för de länsgemensamma medlen. RSS påbörjar arbetet med att ta fram ett förslag \
         på insatser till styrgruppen för LCHNV utifrån inkomna önskemål och redan pågående \
         arbeten från tidigare år och som ligger i linje med överenskommelsens olika \
         insatsområden.",
    ),
    (
        "26 februari",
        "Extra styrgruppsmöte hålls för att föra dialog och enas om insatser och belopp att \
         föreslå LCHNV att besluta om.",
    ),
    (
        "14 mars",
        "LCHNV godkänner styrgruppens förslag på insatser.",
    ),
    (
        "Mars–April",
        "Beslutade insatser kommuniceras till berörda mottagare, RSS tar fram anvisningar för \
         projektbeskrivning för varje mottagare att fylla i som kommer ligga till grund för \
         återredovisningen. Rekryteringsutskick görs för de insatser som ska finansiera tjänster \
         helt eller delvis.",
    ),
];

/// Sheet `Sammanfattning`: one bullet per row.
const SAMMANFATTNING: &[&str] = &[
    "Svårast att täcka de insatser som är tänkt att finansiera hela eller delar av tjänst.",
    "Ansträngd situation inom RSS under året där ett tydligt ägarskap för överenskommelsen och \
     strategin saknats.",
    "Kvarvarande medel finns inom insatsområde 1 Strategin och 4 Suicidprevention men behöver \
     stämma av vissa budgeterade insatser med BISAM och suicidpreventionssamordnare för att \
     kunna uppskatta ev kvarvarande medel.",
    "Generell fördelning av kvarvarande medel kommer göra återrapporteringen betydligt svårare \
     vad medlen nyttjats till.",
];

const OUTPUT: &str = "input/ok2025-dalarna.xlsx";
const OUTPUT_VG: &str = "input/vastra-gotaland/organisering-2025.xlsx";
const OUTPUT_HP: &str = "input/dalarna-2021/handlingsplan-2021.xlsx";
const OUTPUT_HP_DIR: &str = "input/dalarna-2021";

// ---------------------------------------------------------------------------
// Uppdragsbeskrivningar (data in example_data/)
// ---------------------------------------------------------------------------

/// Sheet `Uppdrag`: one row per uppdragsbeskrivning.
pub struct Uppdrag {
    id: &'static str,
    titel: &'static str,
    diarienummer: &'static str,
    /// (year, month, day), written as an Excel date.
    datum: Option<(u16, u8, u8)>,
    beslutad_av: &'static str,
    /// Project numbers of the Insatser that finance the uppdrag, comma-separated.
    projekt: &'static str,
}

/// Sheet `Avsnitt`: the numbered sections, in order (numbers are added by styrdok).
pub struct Avsnitt {
    uppdrag: &'static str,
    rubrik: &'static str,
    text: &'static str,
}

/// Sheet `Roller`: the rows of the "Roll / Beskrivning" table.
pub struct Roll {
    uppdrag: &'static str,
    roll: &'static str,
    beskrivning: &'static str,
}

/// Sheet `Grupper`: the groups of the uppdragsorganisation.
pub struct Grupp {
    uppdrag: &'static str,
    grupp: &'static str,
    deltagare: &'static str,
    syfte: &'static str,
    mandat: &'static str,
    motesfrekvens: &'static str,
    sammankallande: &'static str,
    /// The exact `grupp` of another row of the same uppdrag; empty at the top.
    rapporterar_till: &'static str,
    huvudman: &'static str,
}

pub const REGION: &str = "Region";
pub const KOMMUN: &str = "Kommun";
pub const GEMENSAM: &str = "Gemensam";

/// One workbook's worth of uppdragsbeskrivningar.
struct Uppdragsdata {
    uppdrag: &'static [Uppdrag],
    avsnitt: &'static [Avsnitt],
    roller: &'static [Roll],
    grupper: &'static [Grupp],
}

const DALARNA_UPPDRAG: Uppdragsdata = Uppdragsdata {
    uppdrag: dalarna_uppdrag::UPPDRAG,
    avsnitt: dalarna_uppdrag::AVSNITT,
    roller: dalarna_uppdrag::ROLLER,
    grupper: dalarna_uppdrag::GRUPPER,
};

const VG_UPPDRAG: Uppdragsdata = Uppdragsdata {
    uppdrag: vastra_gotaland::UPPDRAG,
    avsnitt: vastra_gotaland::AVSNITT,
    roller: vastra_gotaland::ROLLER,
    grupper: vastra_gotaland::GRUPPER,
};

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

struct Formats {
    header: Format,
    text: Format,
    wrap: Format,
    money: Format,
    number: Format,
    date: Format,
}

impl Formats {
    fn new() -> Self {
        let base = Format::new().set_align(FormatAlign::Top);
        Formats {
            header: Format::new().set_bold(),
            text: base.clone(),
            wrap: base.clone().set_text_wrap(),
            money: base.clone().set_num_format("#,##0 \"kr\""),
            number: base.clone().set_num_format("0"),
            date: base.set_num_format("yyyy-mm-dd"),
        }
    }
}

/// Adds a sheet, writes the bold header row, freezes it and sets column widths.
fn add_sheet<'a>(
    workbook: &'a mut Workbook,
    name: &str,
    columns: &[(&str, f64)],
    f: &Formats,
) -> Result<&'a mut Worksheet, XlsxError> {
    let sheet = workbook.add_worksheet().set_name(name)?;
    for (col, (title, width)) in columns.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, *title, &f.header)?;
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(sheet)
}

fn sum_for(omrade: &str) -> u64 {
    INSATSER
        .iter()
        .filter(|i| i.omrade == omrade)
        .map(|i| i.belopp)
        .sum()
}

fn check_sums() {
    assert_eq!(sum_for("1a"), 2_000_000, "summa 1a");
    assert_eq!(sum_for("1b"), 1_000_000, "summa 1b");
    assert_eq!(sum_for("1c"), 1_000_000, "summa 1c");
    assert_eq!(sum_for("3"), 5_409_733, "summa 3");
    assert_eq!(sum_for("4"), 7_569_623, "summa 4");
    let total: u64 = INSATSER.iter().map(|i| i.belopp).sum();
    assert_eq!(total, 16_979_356, "totalsumma");

    // Budgets on the area sheet must agree with the activities.
    for o in OMRADEN {
        if o.kod == "1" {
            assert_eq!(o.budget, sum_for("1a") + sum_for("1b") + sum_for("1c"));
        } else {
            assert_eq!(o.budget, sum_for(o.kod), "budget {}", o.kod);
        }
    }
    for i in INSATSER {
        assert!(i.typ == NY || i.typ == PAGAENDE, "typ: {}", i.typ);
        assert!(
            KONTAKTER.iter().any(|k| k.0 == i.ansvarig),
            "kontakt saknas: {}",
            i.ansvarig
        );
    }
}

fn main() -> Result<(), XlsxError> {
    check_sums();
    check_uppdrag(&DALARNA_UPPDRAG, INSATSER);
    check_uppdrag(&VG_UPPDRAG, &[]);
    let f = Formats::new();

    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2025, 9, 29)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title("ÖK Psykisk hälsa och suicidprevention 2025")
            .set_author("RSS Dalarna")
            .set_creation_datetime(&created),
    );

    // 1. Uppgifter
    let sheet = add_sheet(
        &mut workbook,
        "Uppgifter",
        &[("Fält", 16.0), ("Värde", 60.0)],
        &f,
    )?;
    write_uppgifter(sheet, UPPGIFTER, &f)?;

    // 2. Insatsområden
    let sheet = add_sheet(
        &mut workbook,
        "Insatsområden",
        &[
            ("Kod", 6.0),
            ("Namn", 50.0),
            ("Budget", 15.0),
            ("Regionens medel", 17.0),
            ("Beskrivning", 90.0),
        ],
        &f,
    )?;
    for (i, o) in OMRADEN.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string_with_format(row, 0, o.kod, &f.text)?;
        sheet.write_string_with_format(row, 1, o.namn, &f.wrap)?;
        sheet.write_number_with_format(row, 2, o.budget as f64, &f.money)?;
        if let Some(medel) = o.regionens_medel {
            sheet.write_number_with_format(row, 3, medel as f64, &f.money)?;
        }
        if !o.beskrivning.is_empty() {
            sheet.write_string_with_format(row, 4, o.beskrivning, &f.wrap)?;
        }
    }

    // 3. Insatser
    let sheet = add_sheet(
        &mut workbook,
        "Insatser",
        &[
            ("Område", 8.0),
            ("Insats", 40.0),
            ("Beskrivning", 70.0),
            ("Typ", 21.0),
            ("Belopp", 14.0),
            ("Status", 36.0),
            ("Ansvarig", 28.0),
            ("Projekt", 11.0),
            ("Rekvirerat", 14.0),
            ("Förbrukat", 14.0),
            ("Bedömning", 14.0),
            ("Kommentar", 40.0),
        ],
        &f,
    )?;
    for (i, ins) in INSATSER.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string_with_format(row, 0, ins.omrade, &f.text)?;
        sheet.write_string_with_format(row, 1, ins.namn, &f.wrap)?;
        sheet.write_string_with_format(row, 2, ins.beskrivning, &f.wrap)?;
        sheet.write_string_with_format(row, 3, ins.typ, &f.text)?;
        sheet.write_number_with_format(row, 4, ins.belopp as f64, &f.money)?;
        sheet.write_string_with_format(row, 5, ins.status, &f.wrap)?;
        sheet.write_string_with_format(row, 6, ins.ansvarig, &f.wrap)?;
        sheet.write_string_with_format(row, 7, ins.projekt, &f.text)?;
        let follow_up = uppfoljning(ins);
        sheet.write_number_with_format(row, 8, follow_up.rekvirerat as f64, &f.money)?;
        sheet.write_number_with_format(row, 9, follow_up.forbrukat as f64, &f.money)?;
        sheet.write_string_with_format(row, 10, follow_up.bedomning, &f.text)?;
        sheet.write_string_with_format(row, 11, follow_up.kommentar, &f.wrap)?;
    }

    // 4. Tidslinje
    let sheet = add_sheet(
        &mut workbook,
        "Tidslinje",
        &[("Datum", 14.0), ("Händelse", 100.0)],
        &f,
    )?;
    for (i, (datum, handelse)) in TIDSLINJE.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string_with_format(row, 0, *datum, &f.text)?;
        sheet.write_string_with_format(row, 1, *handelse, &f.wrap)?;
    }

    // 5. Sammanfattning
    let sheet = add_sheet(&mut workbook, "Sammanfattning", &[("Punkt", 100.0)], &f)?;
    for (i, punkt) in SAMMANFATTNING.iter().enumerate() {
        sheet.write_string_with_format(i as u32 + 1, 0, *punkt, &f.wrap)?;
    }

    // 6–9. Uppdrag, Avsnitt, Roller, Grupper
    write_uppdrag_sheets(&mut workbook, &DALARNA_UPPDRAG, &f)?;

    // 10. Kontakter (for `styrdok forms --epost`)
    let sheet = add_sheet(
        &mut workbook,
        "Kontakter",
        &[
            ("Ansvarig", 40.0),
            ("Namn", 18.0),
            ("E-post", 60.0),
            ("Kopia", 40.0),
        ],
        &f,
    )?;
    for (i, (ansvarig, namn, epost, kopia)) in KONTAKTER.iter().enumerate() {
        let row = i as u32 + 1;
        for (col, text) in [ansvarig, namn, epost, kopia].into_iter().enumerate() {
            write_text(sheet, row, col as u16, text, &f.wrap)?;
        }
    }

    save(&mut workbook, OUTPUT)?;

    // The second workbook: Västra Götaland, organisering only.
    let mut workbook = Workbook::new();
    let (y, m, d) = vastra_gotaland::DATUM;
    let created = ExcelDateTime::from_ymd(y, m, d)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title("Organisering psykisk hälsa och suicidprevention i Västra Götaland")
            .set_author("Västra Götalandsregionen och kommunalförbunden i Västra Götaland")
            .set_creation_datetime(&created),
    );
    let sheet = add_sheet(
        &mut workbook,
        "Uppgifter",
        &[("Fält", 16.0), ("Värde", 60.0)],
        &f,
    )?;
    write_uppgifter(sheet, vastra_gotaland::UPPGIFTER, &f)?;
    write_uppdrag_sheets(&mut workbook, &VG_UPPDRAG, &f)?;
    save(&mut workbook, OUTPUT_VG)?;

    write_handlingsplan(&f)?;
    Ok(())
}

/// The third project: Region Dalarna's handlingsplan 2021, its sections with levels and its picture.
fn write_handlingsplan(f: &Formats) -> Result<(), XlsxError> {
    use dalarna_handlingsplan as hp;
    let mut previous = 0;
    for k in hp::KAPITEL {
        assert!(
            (1..=3).contains(&k.niva) && k.niva <= previous + 1,
            "{}: nivå {}",
            k.rubrik,
            k.niva
        );
        previous = k.niva;
        check_text(k.text, k.rubrik);
    }
    for b in hp::BILDER {
        assert!(
            hp::KAPITEL.iter().any(|k| k.rubrik == b.rubrik),
            "bild: okänt avsnitt {}",
            b.rubrik
        );
        assert!(!b.alternativtext.is_empty(), "bild utan alternativtext");
    }

    let mut workbook = Workbook::new();
    let (y, m, d) = hp::DATUM;
    workbook.set_properties(
        &DocProperties::new()
            .set_title("Handlingsplan psykisk hälsa 2021")
            .set_author("Region Dalarna")
            .set_creation_datetime(&ExcelDateTime::from_ymd(y, m, d)?),
    );
    let sheet = add_sheet(
        &mut workbook,
        "Uppgifter",
        &[("Fält", 16.0), ("Värde", 60.0)],
        f,
    )?;
    write_uppgifter(sheet, hp::UPPGIFTER, f)?;

    let sheet = add_sheet(
        &mut workbook,
        "Uppdrag",
        &[
            ("Id", 14.0),
            ("Titel", 40.0),
            ("Dokumenttyp", 16.0),
            ("Diarienummer", 15.0),
            ("Datum", 12.0),
        ],
        f,
    )?;
    sheet.write_string_with_format(1, 0, hp::ID, &f.text)?;
    sheet.write_string_with_format(1, 1, hp::TITEL, &f.wrap)?;
    sheet.write_string_with_format(1, 2, hp::DOKUMENTTYP, &f.text)?;
    sheet.write_string_with_format(1, 3, hp::DIARIENUMMER, &f.text)?;
    sheet.write_datetime_with_format(1, 4, &ExcelDateTime::from_ymd(y, m, d)?, &f.date)?;

    let sheet = add_sheet(
        &mut workbook,
        "Avsnitt",
        &[
            ("Uppdrag", 14.0),
            ("Nivå", 6.0),
            ("Rubrik", 36.0),
            ("Text", 110.0),
        ],
        f,
    )?;
    for (i, k) in hp::KAPITEL.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string_with_format(row, 0, hp::ID, &f.text)?;
        sheet.write_number_with_format(row, 1, f64::from(k.niva), &f.number)?;
        write_text(sheet, row, 2, k.rubrik, &f.wrap)?;
        write_text(sheet, row, 3, k.text, &f.wrap)?;
    }

    let sheet = add_sheet(
        &mut workbook,
        "Bilder",
        &[
            ("Uppdrag", 14.0),
            ("Rubrik", 30.0),
            ("Fil", 32.0),
            ("Bildtext", 50.0),
            ("Alternativtext", 60.0),
        ],
        f,
    )?;
    for (i, b) in hp::BILDER.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string_with_format(row, 0, hp::ID, &f.text)?;
        sheet.write_string_with_format(row, 1, b.rubrik, &f.wrap)?;
        sheet.write_string_with_format(row, 2, b.fil, &f.text)?;
        sheet.write_string_with_format(row, 3, b.bildtext, &f.wrap)?;
        sheet.write_string_with_format(row, 4, b.alternativtext, &f.wrap)?;
    }
    save(&mut workbook, OUTPUT_HP)?;

    let picture = Path::new(OUTPUT_HP_DIR).join(hp::BILDER[0].fil);
    if let Some(dir) = picture.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&picture, hp::svg())?;
    println!("{}", picture.display());
    Ok(())
}

fn save(workbook: &mut Workbook, output: &str) -> Result<(), XlsxError> {
    let path = Path::new(output);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    workbook.save(path)?;
    println!("{}", path.display());
    Ok(())
}

/// Sheet `Uppgifter`: field names in column A, values in column B.
fn write_uppgifter(
    sheet: &mut Worksheet,
    fields: &[(&str, Value)],
    f: &Formats,
) -> Result<(), XlsxError> {
    for (i, (field, value)) in fields.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string_with_format(row, 0, *field, &f.text)?;
        match value {
            Value::Text(s) => {
                sheet.write_string_with_format(row, 1, *s, &f.text)?;
            }
            Value::Number(n) => {
                sheet.write_number_with_format(row, 1, *n, &f.number)?;
            }
            Value::Date(y, m, d) => {
                let date = ExcelDateTime::from_ymd(*y, *m, *d)?;
                sheet.write_datetime_with_format(row, 1, &date, &f.date)?;
            }
            Value::Empty => {}
        }
    }
    Ok(())
}

/// Writes `text` unless it is empty (empty cells stay blank, not empty strings).
fn write_text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if !text.is_empty() {
        sheet.write_string_with_format(row, col, text, format)?;
    }
    Ok(())
}

/// Sheets `Uppdrag`, `Avsnitt`, `Roller` and `Grupper`.
fn write_uppdrag_sheets(
    workbook: &mut Workbook,
    data: &Uppdragsdata,
    f: &Formats,
) -> Result<(), XlsxError> {
    let sheet = add_sheet(
        workbook,
        "Uppdrag",
        &[
            ("Id", 14.0),
            ("Titel", 50.0),
            ("Diarienummer", 15.0),
            ("Datum", 12.0),
            ("Beslutad av", 30.0),
            ("Projekt", 30.0),
        ],
        f,
    )?;
    for (i, u) in data.uppdrag.iter().enumerate() {
        let row = i as u32 + 1;
        write_text(sheet, row, 0, u.id, &f.text)?;
        write_text(sheet, row, 1, u.titel, &f.wrap)?;
        write_text(sheet, row, 2, u.diarienummer, &f.text)?;
        if let Some((y, m, d)) = u.datum {
            let date = ExcelDateTime::from_ymd(y, m, d)?;
            sheet.write_datetime_with_format(row, 3, &date, &f.date)?;
        }
        write_text(sheet, row, 4, u.beslutad_av, &f.wrap)?;
        write_text(sheet, row, 5, u.projekt, &f.wrap)?;
    }

    let sheet = add_sheet(
        workbook,
        "Avsnitt",
        &[("Uppdrag", 14.0), ("Rubrik", 30.0), ("Text", 110.0)],
        f,
    )?;
    for (i, a) in data.avsnitt.iter().enumerate() {
        let row = i as u32 + 1;
        write_text(sheet, row, 0, a.uppdrag, &f.text)?;
        write_text(sheet, row, 1, a.rubrik, &f.wrap)?;
        write_text(sheet, row, 2, a.text, &f.wrap)?;
    }

    let sheet = add_sheet(
        workbook,
        "Roller",
        &[("Uppdrag", 14.0), ("Roll", 18.0), ("Beskrivning", 80.0)],
        f,
    )?;
    for (i, r) in data.roller.iter().enumerate() {
        let row = i as u32 + 1;
        write_text(sheet, row, 0, r.uppdrag, &f.text)?;
        write_text(sheet, row, 1, r.roll, &f.text)?;
        write_text(sheet, row, 2, r.beskrivning, &f.wrap)?;
    }

    let sheet = add_sheet(
        workbook,
        "Grupper",
        &[
            ("Uppdrag", 14.0),
            ("Grupp", 32.0),
            ("Deltagare", 36.0),
            ("Syfte", 50.0),
            ("Mandat", 50.0),
            ("Mötesfrekvens", 20.0),
            ("Sammankallande", 30.0),
            ("Rapporterar till", 32.0),
            ("Huvudman", 11.0),
        ],
        f,
    )?;
    for (i, g) in data.grupper.iter().enumerate() {
        let row = i as u32 + 1;
        write_text(sheet, row, 0, g.uppdrag, &f.text)?;
        write_text(sheet, row, 1, g.grupp, &f.wrap)?;
        write_text(sheet, row, 2, g.deltagare, &f.wrap)?;
        write_text(sheet, row, 3, g.syfte, &f.wrap)?;
        write_text(sheet, row, 4, g.mandat, &f.wrap)?;
        write_text(sheet, row, 5, g.motesfrekvens, &f.wrap)?;
        write_text(sheet, row, 6, g.sammankallande, &f.wrap)?;
        write_text(sheet, row, 7, g.rapporterar_till, &f.wrap)?;
        write_text(sheet, row, 8, g.huvudman, &f.text)?;
    }
    Ok(())
}

/// Consistency of the uppdrag data: ids, references, the group tree and the text conventions.
fn check_uppdrag(data: &Uppdragsdata, insatser: &[Insats]) {
    let known = |id: &str| data.uppdrag.iter().any(|u| u.id == id);
    for (i, u) in data.uppdrag.iter().enumerate() {
        assert!(!u.id.is_empty() && !u.titel.is_empty(), "uppdrag {i}");
        assert!(
            data.uppdrag[..i].iter().all(|o| o.id != u.id),
            "dubblett: {}",
            u.id
        );
        for p in u
            .projekt
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            assert!(
                insatser.iter().any(|ins| ins.projekt == p),
                "{}: projekt {p} finns inte bland insatserna",
                u.id
            );
        }
        assert!(
            data.avsnitt.iter().any(|a| a.uppdrag == u.id),
            "{}: inga avsnitt",
            u.id
        );
    }
    for a in data.avsnitt {
        assert!(known(a.uppdrag), "avsnitt: okänt uppdrag {}", a.uppdrag);
        check_text(a.text, a.rubrik);
    }
    for r in data.roller {
        assert!(known(r.uppdrag), "roll: okänt uppdrag {}", r.uppdrag);
        check_text(r.beskrivning, r.roll);
    }
    for g in data.grupper {
        assert!(known(g.uppdrag), "grupp: okänt uppdrag {}", g.uppdrag);
        assert!(
            [REGION, KOMMUN, GEMENSAM].contains(&g.huvudman),
            "{}: huvudman {}",
            g.grupp,
            g.huvudman
        );
        for text in [g.syfte, g.mandat] {
            check_text(text, g.grupp);
        }
        let same: Vec<&Grupp> = data
            .grupper
            .iter()
            .filter(|o| o.uppdrag == g.uppdrag)
            .collect();
        assert_eq!(
            same.iter().filter(|o| o.grupp == g.grupp).count(),
            1,
            "dubblett: {}",
            g.grupp
        );
        // Walk up the tree: every step names a group of the same uppdrag, and it ends.
        let mut at = g;
        for _ in 0..=same.len() {
            if at.rapporterar_till.is_empty() {
                break;
            }
            at = same
                .iter()
                .find(|o| o.grupp == at.rapporterar_till)
                .unwrap_or_else(|| panic!("{}: okänd grupp {}", at.grupp, at.rapporterar_till));
        }
        assert!(at.rapporterar_till.is_empty(), "cykel från {}", g.grupp);
    }
}

/// Footnotes closed, no stray line breaks inside paragraphs or literal bullets.
fn check_text(text: &str, what: &str) {
    let mut depth = 0i32;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '^' if chars.peek() == Some(&'[') => {
                chars.next();
                depth += 1;
            }
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                assert!(depth >= 0, "{what}: ']' utan '^['");
            }
            _ => {}
        }
    }
    assert_eq!(depth, 0, "{what}: '^[' utan ']'");
    assert!(!text.contains("  "), "{what}: dubbla mellanslag");
    assert!(!text.contains('\u{2011}'), "{what}: hårt bindestreck");
    assert!(!text.contains('‘'), "{what}: ‘");
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line.trim(), *line, "{what}: blanksteg i radkant: {line:?}");
        let bullet = line.starts_with("• ");
        assert!(
            bullet || !line.starts_with(['•', '-', '–', '➢']),
            "{what}: rad börjar som punkt: {line:?}"
        );
        // A line break inside a paragraph is only allowed before a bullet or numbered list.
        if !bullet
            && !numbered(line)
            && !line.is_empty()
            && let Some(next) = lines.get(i + 1)
        {
            assert!(
                next.is_empty() || next.starts_with("• ") || numbered(next),
                "{what}: radbrytning mitt i stycke: {line:?}"
            );
        }
    }
}

/// A numbered list item as styrdok reads it: `3. text` or `3) text`.
fn numbered(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && (line[digits..].starts_with(". ") || line[digits..].starts_with(") "))
}
