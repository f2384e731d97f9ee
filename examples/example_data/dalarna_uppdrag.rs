//! The two uppdragsbeskrivningar of RSS Dalarna (2026): the regional processgrupp for psykisk hälsa
//! and suicidprevention, and the regional processgrupp for samsjuklighet.
//!
//! Text conventions (read by styrdok): paragraphs are separated by a blank line, bullet items start
//! with "• ", footnotes are written inline as `^[…]` where the footnote number stood. Subheadings
//! inside a numbered section are kept as one-line paragraphs.

use super::{Avsnitt, GEMENSAM, Grupp, KOMMUN, REGION, Roll, Uppdrag};

const PH: &str = "PG-PH-2026";
const SAM: &str = "PG-SAM-2026";

const LCHNV: &str = "Länschefsnätverket (LCHNV)";
const STYRGRUPP: &str = "Styrgruppen för Länschefsnätverket";
const PG_PH: &str =
    "Regional processgrupp för psykisk hälsa, suicidprevention och brukarinflytande";
const PG_SAM: &str = "Regional processgrupp samsjuklighet";

pub const UPPDRAG: &[Uppdrag] = &[
    Uppdrag {
        id: PH,
        titel: "Regional processgrupp för psykisk hälsa och suicidprevention",
        diarienummer: "RD26/00412",
        datum: Some((2026, 2, 26)),
        beslutad_av: "Styrgruppen för Länschefsnätverket (LCHNV)",
        projekt: "Proj 4170, Proj 4043, Proj 9283",
    },
    Uppdrag {
        id: SAM,
        titel: "Regional processgrupp samsjuklighet",
        diarienummer: "RD26/00413",
        datum: Some((2026, 2, 26)),
        beslutad_av: "Styrgruppen för Länschefsnätverket (LCHNV)",
        projekt: "Proj 4161, Proj 4088",
    },
];

// ---------------------------------------------------------------------------
// Shared wording (both seeds use it verbatim)
// ---------------------------------------------------------------------------

macro_rules! styrgruppen_beslutar {
    ($resurser:literal) => {
        concat!(
            "Styrgruppen beslutar om:\n",
            "• Övergripande strategisk inriktning och långsiktiga mål för arbetet.\n",
            "• Principiella ställningstaganden gällande ansvarsfördelning och beslutsprocesser samt \
             större förändringar som påverkar samverkansstrukturens arbete.\n",
            "• Former, innehåll och tidpunkt för politisk information och förankring.\n",
            "• Fördelning av gemensamma ",
            $resurser,
            " resurser och budgetramar för uppdraget.\n",
            "• Former för uppföljning av arbetet."
        )
    };
}

// ---------------------------------------------------------------------------
// Avsnitt
// ---------------------------------------------------------------------------

pub const AVSNITT: &[Avsnitt] = &[
    // === PG-PH-2026: psykisk hälsa och suicidprevention ===================
    Avsnitt {
        uppdrag: PH,
        rubrik: "Bakgrund",
        text: "Under Länschefsnätverkets sammanträde den 29 januari 2026 beslutades att anta \
            styrgruppens förslag om prioriterade insatser samt medelsfördelning enligt \
            tilläggsöverenskommelsen Psykisk hälsa och suicidprevention 2026. Förslaget innebär en \
            långsiktig och strategisk satsning på ett länsövergripande arbete inom delområde \
            1^[Upprätta länsgemensamma handlingsplaner för genomförandet av den nationella \
            strategin, genomföra insatser för att det strategiska utvecklingsarbetet sker i nära \
            samverkan och samarbete med patient-, brukar- och anhörigorganisationer och andra \
            berörda aktörer såsom professionen, genomföra insatser för att implementera vård- och \
            insatsprogram och personcentrerade och sammanhållna vårdförlopp.].\n\
            \n\
            Arbetet sker idag delvis inom befintliga samverkansstrukturer och organisationer, men \
            utan tydlig strategisk ansvarsfördelning för prioritering, riktning och uppföljning över \
            tid i länet. Nuvarande insatser genomförs ofta som enskilda åtgärder utan samlat \
            strategiskt ansvar eller struktur för uppföljning, vilket försvårar bedömningen av \
            resultat och måluppfyllelse över tid.\n\
            \n\
            Den nationella strategin ”Det handlar om livet 2025–2034”^[Det handlar om livet – \
            nationell strategi inom området psykisk hälsa och suicidprevention, \
            https://www.regeringen.se/contentassets/c162a46e26e4484fa2fddf3e10ff9f01/skr.-2024-25-77.pdf] \
            samt överenskommelsen om psykisk hälsa och \
            suicidprevention^[https://www.regeringen.se/contentassets/c5ecbf70d6ea4c98b0807a442adfdc7b/\
            strategiska-insatser-inom-omradet-psykisk-halsa-och-suicidprevention-overenskommelse-\
            mellan-staten-och-sveriges-kommuner-och-regioner-2025.pdf] ställer högre krav på tydlig \
            styrning, gemensam planering och uppföljning på länsnivå. Fokus flyttas från enskilda \
            aktiviteter till resultat och bidrag till strategins mål. Arbetet behöver vara \
            långsiktigt, strukturerat och samordnas mellan regionens och kommunernas ledning. \
            Strategin tydliggör också att brukarinflytande är en förutsättning för att det ska \
            fungera väl vilket gör att även detta är av vikt att inkludera i det länsövergripande \
            arbetet med psykisk hälsa.\n\
            \n\
            Mot denna bakgrund föreslås att en regional processgrupp för psykisk hälsa och \
            suicidprevention upprättas, vilken ska leda och samordna det strategiska arbetet genom \
            RSS befintliga samverkansstruktur tillsammans med högsta tjänsteledning i \
            Länschefsnätverket. Detta ger arbetet tydlig styrning, fördelning i ansvar, \
            prioritering, riktningsbeslut och uppföljning och skapar på sikt den önskade \
            strukturen.",
    },
    Avsnitt {
        uppdrag: PH,
        rubrik: "Syfte",
        text: "Syftet med uppdraget är att skapa en långsiktigt hållbar regional ledning och \
            styrning för arbetet inom psykisk hälsa som säkerställer:\n\
            • Samordnade och sammanhållna insatser inom arbetet för psykisk hälsa och \
            suicidprevention.\n\
            • Effektiv användning av resurser.\n\
            • Ökad kvalitet, tillgänglighet och jämlikhet i vård, stöd och omsorg för personer med \
            psykisk ohälsa.\n\
            • En samordnad och långsiktigt hållbart arbete i enlighet med nationella strategins \
            inriktning och intentioner.",
    },
    Avsnitt {
        uppdrag: PH,
        rubrik: "Mål",
        text: "Målen för den regionala processgruppens arbete är att:\n\
            • En gemensam regional struktur för ledning och styrning av psykisk hälsa och \
            suicidprevention blir etablerad och fungerande i länet.\n\
            • Gemensamma regionala utvecklingsbehov är identifierade och prioriterade, samt att \
            fördjupade uppdrag är tydliggjorda och fördelade inom respektive organisation.\n\
            • Regionens och kommunernas arbete bedrivs samordnat och i linje med nationella \
            reformer, riktlinjer och regionala och lokala behov.\n\
            • Den regionala processgruppens uppdrag är att på länsövergripande strategisk nivå leda \
            och samordna det gemensamma arbetet med psykisk hälsa, suicidprevention och \
            brukarinflytande mellan regionen och länets kommuner samordnat och i linje med \
            nationella reformer, riktlinjer och regionala och lokala behov.\n\
            • Förutsättningar skapas för långsiktig implementering av nya arbetssätt och \
            samverkansformer.\n\
            • Uppföljning och lärande sker systematiskt på regional nivå.",
    },
    Avsnitt {
        uppdrag: PH,
        rubrik: "Beskrivning av uppdraget",
        text: "Uppdraget omfattar planering, prioritering, samordning, genomförande och uppföljning \
            av det regionala utvecklingsarbetet och insatser kopplade till arbetet i \
            länsövergripande samverkan.\n\
            \n\
            Den regionala processgruppen för psykisk hälsa, suicidprevention och brukarinflytande \
            utgörs av utvecklingsledare från RSS, länets suicidpreventionssamordnare samt \
            BISAM^[Länets brukarinflytande samordnare].\n\
            \n\
            Den regionala processgruppen ska:\n\
            • Utföra behovsinventering och analys som grund till långsiktigt strategiskt arbete.\n\
            • Integrera strategisk riktning för arbetet i befintliga nätverk, lednings- och \
            samverkansstrukturer.\n\
            • Årligen genomföra uppföljning och analys av insatser.\n\
            • Se till att brukares inflytande och erfarenheter tas tillvara och säkerställs i \
            länet.\n\
            • Vara mottagare av nationella uppdrag, rekommendationer och styrsignaler inom \
            området.\n\
            • Bidra till att relevanta beslutsunderlag tas fram för styrgruppens förankring och \
            beslut samt för politisk information och förankring.\n\
            • Initiera frågor som rör större förändringar, principiella ställningstaganden eller \
            avvikelser från beslutad inriktning till styrgrupp.\n\
            \n\
            Den regionala processgruppen har mandat att:\n\
            • Göra strategiska inriktnings- och prioriteringsavvägningar inom ramen för av \
            styrgruppens beslutade uppdrag kopplade till utvecklingsarbetet.\n\
            • Leda, samordna och stödja utvecklingen av gemensamma regionala arbetssätt, processer \
            och grunder för samverkan inom psykisk hälsa och suicidprevention i linje med \
            styrgruppens inriktning.\n\
            • Initiera, samordna och avsluta utvecklingsinsatser samt tillhörande tillfälliga \
            arbetsgrupper eller dialogforum kopplade till uppdraget.\n\
            • Säkerställa att brukarperspektivet integreras i samtliga strategiska- och \
            prioriteringsövervägningar.\n\
            • Säkerställa systematisk uppföljning av genomförande, resultat och effekter samt ev. \
            behov av justeringar i inriktning eller arbetssätt.",
    },
    Avsnitt {
        uppdrag: PH,
        rubrik: "Krav på uppdraget",
        text: "För att uppdraget ska kunna fullgöras ska:\n\
            • Den regionala processgruppen vara bemannad med utvecklingsledare/samordnare med \
            länsövergripande uppdrag inom psykisk hälsa, suicidprevention och brukarinflytande med \
            möjlighet att företräda det länsövergripande arbetet.\n\
            • Utvecklingsledare från RSS leda och samordna den regionala processgruppens arbete.\n\
            • Den regionala processgruppen ha ett tydligt definierat mandat från styrgruppen.\n\
            • Beslut och prioriteringar dokumenteras, förankras, kommuniceras och omsättas i \
            berörda verksamheter.\n\
            • Representanter i den regionala processgruppen ha tydligt avsatt tid för uppdraget.",
    },
    Avsnitt {
        uppdrag: PH,
        rubrik: "Uppdragsorganisation",
        text: concat!(
            "Styrgruppens ansvar\n\
             \n\
             Styrgruppens ansvar är att säkerställa att uppdraget når syfte, mål och resultat. \
             Styrgruppen prioriterar och beslutar om den regionala processgruppens riktning och \
             uppdrag.\n\
             \n",
            styrgruppen_beslutar!("länsövergripande"),
            "\n\
             \n\
             Den regionala processgruppen\n\
             \n\
             Den regionala processgruppens arbete leds och samordnas av utvecklingsledare på RSS \
             som också är ansvarig för att sammankalla gruppen. I den regionala processgruppen \
             ingår också suicidpreventionssamordnare och BISAM för att säkerställa att \
             brukarperspektivet genomsyrar utvecklingsarbetet och uppdragets genomförande.\n\
             \n\
             Den regionala processgruppen ansvarar för:\n\
             • Genomförande av styrgruppens beslut inom arbetet av psykisk hälsa och \
             suicidprevention.\n\
             • Strategisk ledning, samordning, genomförande och uppföljning av arbetet i \
             samverkan.\n\
             • Beredning av ärenden till styrgruppen, inklusive förslag till inriktning, \
             prioriteringar, behov samt underlag för politisk information och förankring.\n\
             • Att gemensamma regionala utvecklingsbehov identifieras och prioriteras, samt att \
             utifrån dessa behov fördela fördjupade uppdrag till berörda processgrupper för \
             genomförande inom respektive organisation.\n\
             • Att samverka med kommunala samordnare och regionala nätverk.\n\
             • Att vid behov initiera tillfälliga arbetsgrupper eller dialogforum för särskilda \
             utvecklingsarbeten inom ramen för uppdraget samt formera hållbara strukturer för \
             mottagande och implementering av den regionala processgruppens arbete för \
             genomförande i regionen och kommuner."
        ),
    },
    Avsnitt {
        uppdrag: PH,
        rubrik: "Finansiering och budget",
        text: "De särskilt tillsatta utvecklingsledarna/samordnarna för psykisk hälsa, \
            suicidprevention och brukarinflytande finansieras av de länsgemensamma medlen utifrån \
            den statliga överenskommelsen om psykisk hälsa och suicidprevention. Så även kostnader \
            för spridnings- och kommunikationsinsatser till länets verksamheter kopplade till \
            utvecklingsarbetet för uppdraget.",
    },
    Avsnitt {
        uppdrag: PH,
        rubrik: "Tidplan",
        text: "Uppdraget är långsiktigt och gäller från beslutsdatum och löper tills vidare samt så \
            länge behov finns. Riktlinjen för arbetet är att följa tidsramen för den nationella \
            strategin ”det handlar om livet 2025–2034”. Styrgruppen beslutar om när uppdraget \
            anses slutfört.\n\
            \n\
            En första etableringsfas genomförs under uppdragets inledande period, med särskilt \
            fokus på:\n\
            • Formerandet av regional processgrupp, fastställande av dess arbetsformer och \
            mötesformer samt planering av utvecklingsarbetet.\n\
            • Identifiering och prioritering av gemensamma utvecklingsområden utifrån beslutade \
            årliga insatser.\n\
            • Klargörande av kopplingar till befintliga strukturer, redan pågående arbeten och \
            initiativ.\n\
            • Revidering och översyn av regional handlingsplan för psykisk hälsa och \
            suicidprevention.\n\
            • Upprätta en kommunikationsplan för länets arbete med psykisk hälsa i sin helhet.",
    },
    Avsnitt {
        uppdrag: PH,
        rubrik: "Förändringshantering",
        text: "Förändringar som påverkar innehållet i uppdragsbeskrivningen, exempelvis mål, \
            avgränsningar eller resurser beslutas av styrgruppen. Den regionala processgruppen \
            ansvarar för att förändringar kopplade till uppdraget hanteras strukturerat och \
            transparent. Detta innefattar:\n\
            • Dialog och förankring med berörda ledningsnivåer och verksamheter.\n\
            • Kommunikation om beslutade förändringar och deras konsekvenser.\n\
            • Identifiering och hantering av risker och hinder i arbetet.",
    },
    Avsnitt {
        uppdrag: PH,
        rubrik: "Uppföljning",
        text: "Styrgruppen ansvarar för att initiera och följa upp det strategiska \
            utvecklingsarbetet för den regionala processgruppen. Uppföljningen ska säkerställa \
            måluppfyllelse, bidra till lärande och utveckling i samverkan.\n\
            \n\
            Uppföljning av den regionala processgruppens arbete ska ske:\n\
            • Löpande, som en integrerad del av regionala processgruppens arbete.\n\
            • Årligen, genom en samlad uppföljning och återrapport som kan ligga till grund för \
            fortsatt inriktning, prioriteringar och eventuell justering av uppdraget.\n\
            \n\
            Resultatet av uppföljningen ska användas som underlag för prioriteringar, \
            inriktningsbeslut, vidare förankring inom den regionala samverkansstrukturen samt vid \
            behov för information till övergripande lednings- och politiska nivåer. Dessa bör gå i \
            linje med de nationella övergripande målen utifrån strategin^[Förbättrad psykisk \
            hälsa i hela befolkningen, färre liv förlorade i suicid, minskade påverkbara skillnader \
            i psykisk hälsa mellan olika grupper och minskade negativa konsekvenser av psykiatriska \
            tillstånd (t.ex. sjukskrivning och utanförskap).].",
    },
    // === PG-SAM-2026: samsjuklighet ========================================
    Avsnitt {
        uppdrag: SAM,
        rubrik: "Bakgrund",
        text: "I december 2020 gav Länschefsnätverket RSS ett utvecklingsuppdrag om samsjuklighet \
            utifrån den statliga samsjuklighetsutredningen (SOU 2021:93; SOU 2023:5). Under \
            projektet 2021–2023 gjordes en kartläggning som visade utvecklingsbehov i länet. En \
            delrapport togs fram med flera åtgärdsförslag, där vissa prioriterades och \
            genomfördes: arbete kring samordnad individuell plan (SIP) och kompetensinsatser om \
            samsjuklighet. Samtidigt utreddes förutsättningarna för Mini Maria-verksamhet i \
            Dalarna, vilket nu är i slutskedet inför uppstart. Division psykiatri och habilitering \
            har de senaste åren gjort delkartläggningar, analyser och inlett utvecklingsarbete \
            utifrån samsjuklighetsreformens intentioner inom delar av sin organisation. Länets \
            kommuner har tillsammans arbetat fram ett kommungemensamt HVB-hem för unga med \
            samsjuklighet som nu går in i uppstartsfas. Sammantaget har olika gemensamma \
            utvecklingsarbeten bedrivits mellan huvudmännen och inom deras respektive \
            organisationer, i linje med samsjuklighetsreformens intentioner.\n\
            \n\
            Det har dock saknats en strategisk, långsiktig sammanhållen regional ledning och \
            styrning på högsta tjänstemannanivå för omställningsarbetet inom \
            samsjuklighetsområdet för länet (inklusive skadligt bruk och beroende).^[Definitioner: \
            Med samsjuklighet avses personer med samtidig psykisk ohälsa och skadligt bruk eller \
            beroende. Omställningsarbete syftar här på de gemensamma och långsiktiga \
            förändringsinsatser som region och kommuner genomför för att förbättra och samordna \
            vård, stöd och omsorg för målgruppen med samsjuklighet, i enlighet med nationella \
            reformer och riktlinjer.] Arbetet bedrivs nu till viss del inom befintliga \
            samverkansstrukturer och organisationer, men utan ett samlat strategiskt ansvar för \
            prioritering, riktning och uppföljning över tid.\n\
            \n\
            Genomförandet av den nationella samsjuklighetsreformen och reformerandet av den \
            svenska beroendevården ställer nu ökade krav på regioner och kommuner att utveckla och \
            förbättra strukturer för samverkan och samordning. Samt förändrade arbetssätt, flexibla \
            och lätt tillgängliga samtidiga och samordnade vård- och stödinsatser och \
            sammanhållna vårdkedjor för målgruppen med samsjuklighet. Omställningen är ett \
            långsiktigt prioriterat område nationellt, regionalt och lokalt och kräver en gemensam \
            strategisk styrning och ledning mellan region och kommuner.\n\
            \n\
            Mot denna bakgrund har beslut fattats om att etablera en regional processgrupp \
            samsjuklighet. Den regionala processgruppen ska utgöra en gemensam strategisk regional \
            struktur för genomförandet av omställningsarbetet i samverkan, med uppdrag att \
            långsiktigt leda och samordna omställningsarbetet som ett prioriterat område och \
            uppdrag inom den befintliga samverkansstrukturen för länets högsta \
            tjänstemannaledning, ”Länschefsnätverket”.^[RSS samverkansstruktur, \
            https://www.regiondalarna.se/plus/vard/utveckling-och-utbildning/rss-dalarna/\
            rss-samverkansstruktur/]",
    },
    Avsnitt {
        uppdrag: SAM,
        rubrik: "Syfte",
        text: "Syftet med uppdraget är att skapa en gemensam långsiktigt hållbar regional ledning och \
            styrning för omställningsarbetet kopplat till samsjuklighetsreformen och \
            säkerställa:\n\
            • Samordnade och sammanhållna insatser för målgruppen.\n\
            • Tydlig ansvarsfördelning mellan region och kommuner.\n\
            • Effektiv användning av resurser.\n\
            • Ökad kvalitet, tillgänglighet och jämlikhet i vård, stöd och omsorg för personer med \
            samsjuklighet.\n\
            • En samordnad och långsiktigt hållbar omställning i enlighet med reformens nationella \
            inriktning och intentioner.",
    },
    Avsnitt {
        uppdrag: SAM,
        rubrik: "Mål",
        text: "Arbetet inom den regionala processgruppens ska bidra till att:\n\
            • En gemensam regional struktur för ledning och styrning av samsjuklighetsarbetet \
            etableras och fungerar i länet.\n\
            • Regionens och kommunernas omställningsarbete bedrivs samordnat och i linje med \
            nationella reformer, riktlinjer samt regionala och lokala behov.\n\
            • Gemensamma regionala utvecklingsbehov är identifieras, prioriteras och fördelas som \
            uppdrag till berörda processgrupper för genomförande inom respektive organisation.\n\
            • Förutsättningar skapas för långsiktig implementering av nya arbetssätt och \
            samverkansformer.\n\
            • Uppföljning och lärande sker systematiskt på regional nivå.",
    },
    Avsnitt {
        uppdrag: SAM,
        rubrik: "Regionala processgruppens uppdrag och ansvar",
        text: "Den regionala processgruppen leder och samordnar omställningsarbetet av \
            samsjuklighetsreformen på regional strategisk nivå. Uppdraget omfattar planering, \
            prioritering, genomförande, samordning och uppföljning av regionalt \
            utvecklingsarbete.\n\
            \n\
            Den regionala processgruppen ska:\n\
            • Säkerställa en gemensam regional inriktning för frågor kopplade till samsjuklighet, \
            skadligt bruk och beroende.\n\
            • Identifiera och prioritera regionala utvecklingsbehov samt fördela fördjupade \
            uppdrag till berörda processgrupper.\n\
            • Integrera omställningsarbetet i befintliga samverkans- och ledningsstrukturer.\n\
            • Vara mottagare av nationella uppdrag, rekommendationer och styrsignaler.\n\
            • Ta fram beslutsunderlag för styrgruppens behandling samt bidra till politisk \
            förankring.\n\
            • Initiera frågor som rör större förändringar, principiella ställningstaganden eller \
            avvikelser från beslutad inriktning.\n\
            • Initiera, samordna samt avsluta utvecklingsinsatser och tillfälliga arbetsgrupper \
            när mål uppnåtts.\n\
            • Säkerställa systematisk uppföljning av genomförande, resultat och effekter.\n\
            \n\
            Den regionala processgruppen består av utvecklingsledare från RSS, primärvård, \
            psykiatri, habilitering och länets kommuner samt länets brukarinflytandesamordnaren \
            (BISAM).\n\
            \n\
            Processgruppernas struktur\n\
            \n\
            Utöver den regionala processgruppen finns tre processgrupper nära kopplade:\n\
            • Processgrupp psykiatri och habilitering\n\
            • Processgrupp primärvård\n\
            • Processgrupp kommuner\n\
            \n\
            Dessa grupper arbetar operativt inom respektive organisation/er och ansvarar för \
            genomförandet av fördjupade uppdrag som tilldelats av den regionala \
            processgruppen.\n\
            \n\
            Etableringsfas\n\
            \n\
            Under den inledande perioden av uppdraget ska fokus ligga på:\n\
            • Formerandet av regional processgrupp, fastställande av dess arbets- och mötesformer \
            samt planering av utvecklingsarbetet.\n\
            • Identifiering och prioritering av gemensamma utvecklingsområden.\n\
            • Klargörande av kopplingar till befintliga strukturer, redan pågående omställningar \
            och initiativ.\n\
            • Revidering och översyn av befintliga regionala styrdokument om samverkan.\n\
            • Gemensamma förberedande utvecklingsarbeten inför steg 1 av reformens genomförande, \
            lagförändringar av huvudmannaskap.",
    },
    Avsnitt {
        uppdrag: SAM,
        rubrik: "Krav på uppdraget",
        text: "För att uppdraget ska kunna genomföras ska:\n\
            • Den regionala processgruppen bemannas med representanter med mandat på strategisk \
            nivå från region och kommuner, med uppdrag att företräda respektive huvudmans \
            perspektiv.\n\
            • Utvecklingsledare från RSS leda och samordna den regionala processgruppens arbete.\n\
            • Den regionala processgruppen ha ett tydligt definierat mandat i förhållande till \
            styrgrupp och övriga processgrupper.\n\
            • Beslut och prioriteringar dokumenteras, förankras, kommuniceras och omsättas i \
            berörda verksamheter.\n\
            • Representanter i den regionala processgruppen har tydligt avsatt tid för \
            uppdraget.",
    },
    Avsnitt {
        uppdrag: SAM,
        rubrik: "Uppdragsorganisation",
        text: concat!(
            "Styrgruppens ansvar\n\
             \n\
             Styrgruppens ansvar är att säkerställa att uppdraget når syfte, mål och resultat.\n\
             \n",
            styrgruppen_beslutar!("regionala")
        ),
    },
    Avsnitt {
        uppdrag: SAM,
        rubrik: "Finansiering och budget",
        text: "Utvecklingsledarna för primärvård, psykiatri och habilitering samt för länets \
            kommuner finansieras av de länsgemensamma medlen inom det prioriterade området \
            samsjuklighet utifrån den statliga överenskommelsen om psykisk hälsa och \
            suicidprevention. Detta inkluderar även kostnader för spridnings och \
            kommunikationsinsatser inom ramen för uppdraget.",
    },
    Avsnitt {
        uppdrag: SAM,
        rubrik: "Tidplan",
        text: "Uppdraget är långsiktigt och gäller från beslutsdatum och löper tills vidare samt så \
            länge behov finns. Styrgruppen beslutar om när uppdraget anses slutfört.",
    },
    Avsnitt {
        uppdrag: SAM,
        rubrik: "Förändringshantering",
        text: "Förändringar av mål, avgränsningar eller resurser för uppdraget beslutas av \
            styrgruppen.\n\
            \n\
            Den regionala processgruppen ansvarar för:\n\
            • Strukturerad och transparent hantering av förändringar.\n\
            • Dialog och förankring med berörda ledningsnivåer och verksamheter.\n\
            • Kommunikation om beslutade förändringar och deras konsekvenser.\n\
            • Identifiering och hantering av risker och hinder i omställningsarbetet.",
    },
    Avsnitt {
        uppdrag: SAM,
        rubrik: "Uppföljning",
        text: "Styrgruppen ansvarar för att initiera och följa upp det strategiska \
            utvecklingsarbetet för den regionala processgruppen. Uppföljningen ska säkerställa \
            måluppfyllelse, bidra till lärande och utveckling i samverkan.\n\
            \n\
            Uppföljning av den regionala processgruppens arbete ska ske:\n\
            • Löpande, som en integrerad del av regionala processgruppens arbete.\n\
            • Årligen, genom en samlad uppföljning och återrapportering som kan ligga till grund \
            för fortsatt inriktning, prioriteringar och eventuell justering av uppdraget.\n\
            \n\
            Resultatet av uppföljningen ska användas som underlag för prioriteringar, \
            inriktningsbeslut, vidare förankring inom den regionala samverkansstrukturen samt vid \
            behov för information till övergripande lednings- och politiska nivåer.",
    },
];

// ---------------------------------------------------------------------------
// Roller (the "Roll / Beskrivning/ansvar" table of section 6)
// ---------------------------------------------------------------------------

pub const ROLLER: &[Roll] = &[
    Roll {
        uppdrag: PH,
        roll: "Beställare",
        beskrivning: "Länschefsnätverket genom styrgrupp",
    },
    Roll {
        uppdrag: PH,
        roll: "Uppdragsägare",
        beskrivning: "Länschefsnätverket genom styrgrupp. Beslut och förankring i \
            Länschefsnätverket ska ske i frågor av större strategisk betydelse, i enlighet med de \
            former och tidpunkter som styrgruppen beslutar.",
    },
    Roll {
        uppdrag: PH,
        roll: "Styrgrupp",
        beskrivning: "Styrgrupp för Länschefsnätverket",
    },
    Roll {
        uppdrag: PH,
        roll: "Uppdragsledare",
        beskrivning: "RSS Dalarna genom utvecklingsledare, är sammankallande och leder den \
            regionala processgruppen samt ansvarar för att initiera behov av förankring, dialog \
            och återrapportering till styrgrupp i nära samråd med övriga deltagande \
            utvecklingsledare/samordnare i den regionala processgruppen.",
    },
    Roll {
        uppdrag: PH,
        roll: "Mottagare",
        beskrivning: "Länschefsnätverket och Välfärdsrådet",
    },
    Roll {
        uppdrag: SAM,
        roll: "Beställare",
        beskrivning: "Länschefsnätverket genom dess styrgrupp.",
    },
    Roll {
        uppdrag: SAM,
        roll: "Uppdragstagare",
        beskrivning: "Länschefsnätverket genom styrgrupp. Beslut och förankring i \
            Länschefsnätverket ska ske i frågor av större strategisk betydelse, i enlighet med de \
            former och tidpunkter som styrgruppen beslutar.",
    },
    Roll {
        uppdrag: SAM,
        roll: "Styrgrupp",
        beskrivning: "Styrgruppen för Länschefsnätverket utgör även styrgrupp för den regionala \
            processgruppen.",
    },
    Roll {
        uppdrag: SAM,
        roll: "Uppdragsledare",
        beskrivning: "RSS Dalarna genom utvecklingsledare; sammankallande och leder den regionala \
            processgruppen samt ansvarar för att initiera förankring, dialog och återrapportering \
            till styrgruppen i samråd med övriga utvecklingsledare i den regionala \
            processgruppen.",
    },
    Roll {
        uppdrag: SAM,
        roll: "Mottagare",
        beskrivning: "Länschefsnätverket och Välfärdsrådet",
    },
];

// ---------------------------------------------------------------------------
// Grupper
// ---------------------------------------------------------------------------

pub const GRUPPER: &[Grupp] = &[
    // === PG-PH-2026 ========================================================
    Grupp {
        uppdrag: PH,
        grupp: LCHNV,
        deltagare: "Högsta tjänsteledning i regionen och länets kommuner",
        syfte: "",
        mandat: "Beslut och förankring i Länschefsnätverket ska ske i frågor av större strategisk \
            betydelse, i enlighet med de former och tidpunkter som styrgruppen beslutar.",
        motesfrekvens: "",
        sammankallande: "",
        rapporterar_till: "",
        huvudman: GEMENSAM,
    },
    Grupp {
        uppdrag: PH,
        grupp: STYRGRUPP,
        deltagare: "",
        syfte: "Säkerställa att uppdraget når syfte, mål och resultat. Styrgruppen prioriterar och \
            beslutar om den regionala processgruppens riktning och uppdrag.",
        mandat: styrgruppen_beslutar!("länsövergripande"),
        motesfrekvens: "",
        sammankallande: "",
        rapporterar_till: LCHNV,
        huvudman: GEMENSAM,
    },
    Grupp {
        uppdrag: PH,
        grupp: PG_PH,
        deltagare: "Utvecklingsledare från RSS, länets suicidpreventionssamordnare samt BISAM \
            (länets brukarinflytandesamordnare)",
        syfte: "Att på länsövergripande strategisk nivå leda och samordna det gemensamma arbetet \
            med psykisk hälsa, suicidprevention och brukarinflytande mellan regionen och länets \
            kommuner, samordnat och i linje med nationella reformer, riktlinjer och regionala och \
            lokala behov.",
        mandat: "• Göra strategiska inriktnings- och prioriteringsavvägningar inom ramen för av \
            styrgruppens beslutade uppdrag kopplade till utvecklingsarbetet.\n\
            • Leda, samordna och stödja utvecklingen av gemensamma regionala arbetssätt, processer \
            och grunder för samverkan inom psykisk hälsa och suicidprevention i linje med \
            styrgruppens inriktning.\n\
            • Initiera, samordna och avsluta utvecklingsinsatser samt tillhörande tillfälliga \
            arbetsgrupper eller dialogforum kopplade till uppdraget.\n\
            • Säkerställa att brukarperspektivet integreras i samtliga strategiska- och \
            prioriteringsövervägningar.\n\
            • Säkerställa systematisk uppföljning av genomförande, resultat och effekter samt ev. \
            behov av justeringar i inriktning eller arbetssätt.",
        motesfrekvens: "",
        sammankallande: "Utvecklingsledare på RSS Dalarna",
        rapporterar_till: STYRGRUPP,
        huvudman: GEMENSAM,
    },
    // === PG-SAM-2026 =======================================================
    Grupp {
        uppdrag: SAM,
        grupp: LCHNV,
        deltagare: "Länets högsta tjänstemannaledning i region och kommuner",
        syfte: "",
        mandat: "Beslut och förankring i Länschefsnätverket ska ske i frågor av större strategisk \
            betydelse, i enlighet med de former och tidpunkter som styrgruppen beslutar.",
        motesfrekvens: "",
        sammankallande: "",
        rapporterar_till: "",
        huvudman: GEMENSAM,
    },
    Grupp {
        uppdrag: SAM,
        grupp: STYRGRUPP,
        deltagare: "",
        syfte: "Säkerställa att uppdraget når syfte, mål och resultat. Styrgruppen för \
            Länschefsnätverket utgör även styrgrupp för den regionala processgruppen.",
        mandat: styrgruppen_beslutar!("regionala"),
        motesfrekvens: "",
        sammankallande: "",
        rapporterar_till: LCHNV,
        huvudman: GEMENSAM,
    },
    Grupp {
        uppdrag: SAM,
        grupp: PG_SAM,
        deltagare: "Utvecklingsledare från RSS, primärvård, psykiatri, habilitering och länets \
            kommuner samt länets brukarinflytandesamordnare (BISAM)",
        syfte: "Leda och samordna omställningsarbetet av samsjuklighetsreformen på regional \
            strategisk nivå. Uppdraget omfattar planering, prioritering, genomförande, samordning \
            och uppföljning av regionalt utvecklingsarbete.",
        mandat: "• Säkerställa en gemensam regional inriktning för frågor kopplade till \
            samsjuklighet, skadligt bruk och beroende.\n\
            • Identifiera och prioritera regionala utvecklingsbehov samt fördela fördjupade \
            uppdrag till berörda processgrupper.\n\
            • Integrera omställningsarbetet i befintliga samverkans- och ledningsstrukturer.\n\
            • Vara mottagare av nationella uppdrag, rekommendationer och styrsignaler.\n\
            • Ta fram beslutsunderlag för styrgruppens behandling samt bidra till politisk \
            förankring.\n\
            • Initiera frågor som rör större förändringar, principiella ställningstaganden eller \
            avvikelser från beslutad inriktning.\n\
            • Initiera, samordna samt avsluta utvecklingsinsatser och tillfälliga arbetsgrupper \
            när mål uppnåtts.\n\
            • Säkerställa systematisk uppföljning av genomförande, resultat och effekter.",
        motesfrekvens: "",
        sammankallande: "Utvecklingsledare på RSS Dalarna",
        rapporterar_till: STYRGRUPP,
        huvudman: GEMENSAM,
    },
    Grupp {
        uppdrag: SAM,
        grupp: "Processgrupp psykiatri och habilitering",
        deltagare: "",
        syfte: PROCESSGRUPP_SYFTE,
        mandat: "",
        motesfrekvens: "",
        sammankallande: "",
        rapporterar_till: PG_SAM,
        huvudman: REGION,
    },
    Grupp {
        uppdrag: SAM,
        grupp: "Processgrupp primärvård",
        deltagare: "",
        syfte: PROCESSGRUPP_SYFTE,
        mandat: "",
        motesfrekvens: "",
        sammankallande: "",
        rapporterar_till: PG_SAM,
        huvudman: REGION,
    },
    Grupp {
        uppdrag: SAM,
        grupp: "Processgrupp kommuner",
        deltagare: "",
        syfte: PROCESSGRUPP_SYFTE,
        mandat: "",
        motesfrekvens: "",
        sammankallande: "",
        rapporterar_till: PG_SAM,
        huvudman: KOMMUN,
    },
];

const PROCESSGRUPP_SYFTE: &str = "Arbetar operativt inom respektive organisation och ansvarar för \
    genomförandet av fördjupade uppdrag som tilldelats av den regionala processgruppen.";
