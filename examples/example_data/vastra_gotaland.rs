//! "Strategi för psykisk hälsa och suicidprevention i Västra Götaland – länsgemensam organisering"
//! (Västra Götalandsregionen and the four kommunalförbund, 2025): the groups that carry the work.
//!
//! The seed describes most groups twice (once in the organisation picture, once in the text); the
//! fuller wording is used and the two are merged where they differ.

use super::{Avsnitt, GEMENSAM, Grupp, KOMMUN, REGION, Roll, Uppdrag, Value};

const VG: &str = "VG-ORG-2025";

pub const DATUM: (u16, u8, u8) = (2025, 6, 2);

pub const UPPGIFTER: &[(&str, Value)] = &[
    (
        "Titel",
        Value::Text("Organisering psykisk hälsa och suicidprevention i Västra Götaland"),
    ),
    ("År", Value::Number(2025.0)),
    (
        "Organisation",
        Value::Text("Västra Götalandsregionen och kommunalförbunden i Västra Götaland"),
    ),
    ("Län", Value::Text("Västra Götalands län")),
    ("Datum", Value::Date(DATUM.0, DATUM.1, DATUM.2)),
    ("Styrgrupp", Value::Text(CHEFSGRUPP)),
    ("Mottagare", Value::Empty),
    ("Diarienummer", Value::Empty),
];

pub const UPPDRAG: &[Uppdrag] = &[Uppdrag {
    id: VG,
    titel: "Strategi för psykisk hälsa och suicidprevention i Västra Götaland – länsgemensam \
        organisering",
    diarienummer: "",
    datum: Some(DATUM),
    beslutad_av: "",
    projekt: "",
}];

pub const AVSNITT: &[Avsnitt] = &[
    Avsnitt {
        uppdrag: VG,
        rubrik: "Bakgrund och syfte",
        text: "För att åstadkomma en förbättring av insatserna inom området psykisk hälsa och \
            suicidprevention krävs ett strategiskt, långsiktigt och tvärsektorielt arbete som \
            bygger på samordning och samverkan mellan flera olika aktörer på olika nivåer. Det är \
            ett stort och komplext område med varierande behov av åtgärder, där det under senaste \
            året också har skett ett omställningsarbete.\n\
            \n\
            Den 10 januari 2025 antog regeringen den nya nationella strategin för psykisk hälsa \
            och suicidprevention, Det handlar om livet. Strategin innehåller ett samlat ramverk \
            med fyra övergripande mål och sju delmål och för första gången ska dessa knytas ihop \
            med ett uppföljningssystem för ett ökat lärande och effektivare arbete.\n\
            \n\
            SKR och staten har för 2025 tecknat en överenskommelse om strategiska insatser inom \
            området psykisk hälsa och suicidprevention. Överenskommelsen ska stödja en strategisk \
            utveckling i regioner, kommuner och regioner samt kommuner gemensamt (länsvis).\n\
            \n\
            Arbetet med att stärka och förbättra den psykiska hälsan i befolkningen, förebygga \
            psykisk ohälsa och suicid och förbättra livsvillkoren för personer med psykisk ohälsa \
            omhändertas av regionen, i Vårdsamverkan och av kommunalförbunden och kommunerna. För \
            att arbetet som innehåller strukturella, organisatoriska och innehållsmässiga \
            utmaningar ska bli framgångsrikt krävs en sammanhållen och gemensam \
            organisationsstruktur.\n\
            \n\
            Syftet med det här dokumentet är att beskriva organisering och styrning inom området \
            psykisk hälsa och suicidprevention i Västra Götaland.",
    },
    Avsnitt {
        uppdrag: VG,
        rubrik: "Politiskt samrådsorgan, SRO",
        text: "Samverkans- och ansvarsfrågor mellan Västra Götalandsregionen och länets 49 \
            kommuner hanteras i det politiska samrådsorganet, SRO, som består av politiker från \
            Västra Götalandsregionen och VästKom.\n\
            \n\
            SRO har inget mandat att fatta länsövergripande beslut utan är en samrådsgrupp som \
            avhandlar och rekommenderar huvudmännen att fatta beslut i frågor som rör samtliga 49 \
            kommuner och Västra Götalandsregionen.",
    },
    Avsnitt {
        uppdrag: VG,
        rubrik: "Organisering och styrning",
        text: "Grupperna i den länsgemensamma organiseringen, deras deltagare, syfte, mandat och \
            mötesfrekvens framgår nedan.",
    },
];

/// The seed has no roles table.
pub const ROLLER: &[Roll] = &[];

const SRO: &str = "Politiskt samrådsorgan, SRO";
const CHEFSGRUPP: &str = "Länsgemensam chefsgrupp psykisk hälsa och suicidprevention";
const KF_CHEFSGRUPP: &str = "Kommunalförbundens chefsgrupp";
const VGR_STYRGRUPP: &str =
    "Politisk styrgrupp för VGR:s projekt psykisk hälsa och suicidprevention";

pub const GRUPPER: &[Grupp] = &[
    Grupp {
        uppdrag: VG,
        grupp: SRO,
        deltagare: "Politiker från Västra Götalandsregionen och VästKom",
        syfte: "Samverkans- och ansvarsfrågor mellan Västra Götalandsregionen och länets 49 \
            kommuner hanteras i SRO.",
        mandat: "SRO har inget mandat att fatta länsövergripande beslut utan är en samrådsgrupp \
            som avhandlar och rekommenderar huvudmännen att fatta beslut i frågor som rör samtliga \
            49 kommuner och Västra Götalandsregionen.",
        motesfrekvens: "",
        sammankallande: "",
        rapporterar_till: "",
        huvudman: GEMENSAM,
    },
    Grupp {
        uppdrag: VG,
        grupp: CHEFSGRUPP,
        deltagare: "Chefer i VGR och kommunalförbund",
        syfte: "Samordna, leda och ta beslut om prioriteringar i det länsgemensamma arbetet, utser \
            även tematiska arbetsgrupper vid behov.",
        mandat: "",
        motesfrekvens: "2 gånger per termin",
        sammankallande: "Roterande ansvar för mötena mellan respektive organisation. \
            Organisationen med ansvar för mötet tar fram agenda (i samråd med övriga deltagare), \
            är ordförande och tar anteckningar.",
        rapporterar_till: SRO,
        huvudman: GEMENSAM,
    },
    Grupp {
        uppdrag: VG,
        grupp: "Länsgemensam arbetsgrupp psykisk hälsa och suicidprevention",
        deltagare: "Utvecklingsledare/representanter från kommunalförbunden och VGR",
        syfte: "På uppdrag från länsgemensam chefsgrupp psykisk hälsa samordna det länsgemensamma \
            arbetet inom området utifrån beslutade prioriterade områden.\n\
            \n\
            Kontinuerlig avstämning mellan kommunalförbunden och VGR för att identifiera möjliga \
            samverkansområden. Delge varandra vad vi gör i respektive organisation.\n\
            \n\
            Arbetsgruppen får i uppdrag att ta fram förslag till länsgemensam handlingsplan för \
            2025, vilken ska vara klar inför ställningstagande i SRO oktober 2025. Samt påbörja \
            arbetet med handlingsplan inför 2026, vilken ska vara klar i december 2025.",
        mandat: "Arbetsgruppen har mandat att identifiera och fatta beslut om vilka \
            samverkansområden på länsnivå som vi ska arbeta med tillsammans, samt att identifiera \
            och genomföra aktiviteter utifrån beslutade områden. Vid behov lyfts frågorna vidare \
            till länsgemensam chefsgrupp.",
        motesfrekvens: "En timma en gång i månaden",
        sammankallande: "Ansvarig utses terminsvis (roterande mellan parterna)",
        rapporterar_till: CHEFSGRUPP,
        huvudman: GEMENSAM,
    },
    Grupp {
        uppdrag: VG,
        grupp: "Tematiska arbetsgrupper",
        deltagare: "",
        syfte: "Utses vid behov av länsgemensam chefsgrupp psykisk hälsa och suicidprevention.",
        mandat: "",
        motesfrekvens: "",
        sammankallande: "",
        rapporterar_till: CHEFSGRUPP,
        huvudman: GEMENSAM,
    },
    Grupp {
        uppdrag: VG,
        grupp: KF_CHEFSGRUPP,
        deltagare: "Chefer från kommunalförbunden",
        syfte: "",
        mandat: "Ger kommunalförbundens arbetsgrupp psykisk hälsa och suicidprevention dess \
            uppdrag.",
        motesfrekvens: "",
        sammankallande: "",
        rapporterar_till: SRO,
        huvudman: KOMMUN,
    },
    Grupp {
        uppdrag: VG,
        grupp: "Kommunalförbundens arbetsgrupp psykisk hälsa och suicidprevention",
        deltagare: "Representanter för kommunalförbunden inom psykisk hälsa",
        syfte: "På uppdrag från kommunalförbundens chefsgrupp samordna psykisk hälsa området för \
            kommunerna utifrån beslutade prioriterade områden.\n\
            \n\
            Erfarenhetsutbyte och stödja varandra i rollen, lyfta aktuella frågor och delge \
            varandra vad vi gör i respektive delregion. Identifiera gemensamma samverkansområden. \
            Vara en enad kommunal part i samarbetet med VGR.",
        mandat: "Arbetsgruppen har mandat att ta ställning till förfrågningar och initiativ, vid \
            behov lyfts frågorna vidare till rätt nivå. Fördela arbetsuppgifter kommunalförbunden \
            emellan.",
        motesfrekvens: "1 h varannan vecka. Arbetsgruppen träffar cheferna från \
            kommunalförbunden två gånger per termin.",
        sammankallande: "",
        rapporterar_till: KF_CHEFSGRUPP,
        huvudman: KOMMUN,
    },
    Grupp {
        uppdrag: VG,
        grupp: VGR_STYRGRUPP,
        deltagare: "Politiker, utgående från beredningen för psykisk hälsa",
        syfte: "",
        mandat: "",
        motesfrekvens: "",
        sammankallande: "",
        rapporterar_till: SRO,
        huvudman: REGION,
    },
    Grupp {
        uppdrag: VG,
        grupp: "Västra Götalandsregionens projektgrupp för psykisk hälsa och suicidprevention",
        deltagare: "Representanter från strategiska hälso- och sjukvårdstaben, Koncernstab för \
            uppdrag och produktion, Koncernstab regional utveckling, Kulturförvaltningen och \
            Kunskapscentrum psykisk hälsa",
        syfte: "Västra Götalandsregionen har beslutat att regionalt omhänderta den nationella \
            strategin för psykisk hälsa och suicidprevention. Ett projekt har skapats för \
            uppdraget.\n\
            \n\
            På uppdrag från Strategiska hälso- och sjukvårdsnämnden ta fram en strategisk riktning \
            och regional handlingsplan. Uppdraget innebär också att tillsammans med \
            kommunalförbunden ta fram en länsgemensam handlingsplan för 2025 och 2026.",
        mandat: "",
        motesfrekvens: "Månadsvis",
        sammankallande: "",
        rapporterar_till: VGR_STYRGRUPP,
        huvudman: REGION,
    },
];
