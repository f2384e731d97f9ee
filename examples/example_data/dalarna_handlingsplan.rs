//! "Handlingsplan Psykisk hälsa 2021" (Region Dalarna, HSN 2022/2905, 2022-03-25; seed 003): the
//! region's yearly account of its development work in psykisk hälsa, as chapters with sub-chapters
//! (column Nivå), a numbered list, footnotes and one picture (sheet Bilder). The text is the seed's;
//! words split by its line breaks are joined, and its ten footnotes are written inline as `^[…]`.
//!
//! The picture of the three proposed development efforts is drawn here as SVG (`svg()`), so the
//! example input is made from source like the rest.

use super::Value;

pub const DATUM: (u16, u8, u8) = (2022, 3, 25);
pub const DIARIENUMMER: &str = "HSN 2022/2905";

pub const UPPGIFTER: &[(&str, Value)] = &[
    ("Titel", Value::Text("Handlingsplan psykisk hälsa 2021")),
    ("År", Value::Number(2021.0)),
    ("Organisation", Value::Text("Region Dalarna")),
    ("Län", Value::Text("Dalarnas län")),
    ("Datum", Value::Date(DATUM.0, DATUM.1, DATUM.2)),
    ("Styrgrupp", Value::Empty),
    ("Mottagare", Value::Empty),
    ("Diarienummer", Value::Text(DIARIENUMMER)),
];

/// The one row of sheet `Uppdrag`: a handlingsplan, not an uppdragsbeskrivning.
pub const ID: &str = "HP-PH-2021";
pub const TITEL: &str = "Psykisk hälsa 2021";
pub const DOKUMENTTYP: &str = "Handlingsplan";

/// A row of sheet `Avsnitt` with its level: 1 for "6.", 2 for "6.1", 3 for "7.1.1".
pub struct Kapitel {
    pub rubrik: &'static str,
    pub niva: u8,
    pub text: &'static str,
}

/// A row of sheet `Bilder`.
pub struct Bild {
    pub rubrik: &'static str,
    pub fil: &'static str,
    pub bildtext: &'static str,
    pub alternativtext: &'static str,
}

pub const BILDER: &[Bild] = &[Bild {
    rubrik: "Pågående regionala insatser",
    fil: "bilder/utvecklingsinsatser.svg",
    bildtext: "Bilden illustrerar de föreslagna utvecklingsinsatserna där beslut fattades på \
        Länschefsnätverket i december 2020.",
    alternativtext: "Länschefsnätverket beslutade i december 2020 om tre utvecklingsinsatser: en \
        bred behovsanalys, stöd till implementeringen av den reviderade regionala \
        överenskommelsen och vård- och insatsprogrammet för missbruk och beroende, och fördjupat \
        arbete inom två fokusområden, barn och unga och samsjuklighet.",
}];

pub const KAPITEL: &[Kapitel] = &[
    Kapitel {
        rubrik: "Bakgrund",
        niva: 1,
        text: "2020 ingick staten och Sveriges Kommuner och Regioner (SKR) en överenskommelse om \
            insatser inom området psykisk hälsa och suicidprevention för perioden 2021–2022.\n\
            \n\
            Överenskommelsen utgår från tre övergripande syften som fastlades i 2020 års \
            överenskommelse.\n\
            \n\
            1. Stödja ett fortsatt utvecklingsarbete utifrån de lokala och regionala handlingsplaner \
            som tagits fram i enlighet med 2016–2018 års överenskommelser,\n\
            2. Bidra till bättre förutsättningar för regioner och kommuner att arbeta utifrån bästa \
            tillgängliga kunskap samt\n\
            3. Initiera eller utveckla särskilda vårdformer och effektiva målgruppsanpassade \
            insatser för att förebygga psykisk ohälsa och öka tillgängligheten och kvaliteten i \
            vården för de som redan har drabbats.\n\
            \n\
            För 2022 har en tilläggsöverenskommelse tecknats som kompletterar grundöverenskommelsen. \
            Syftet med överenskommelsen är att vidmakthålla och stärka den utveckling som skett \
            genom tidigare överenskommelser. Syftet är också att, genom gemensamt ansvarstagande, \
            stimulera en långsiktig utveckling av verksamheterna i kommuner och regioner inom \
            områden där parterna gemensamt har identifierat utvecklingsbehov.",
    },
    Kapitel {
        rubrik: "Handlingsplan psykisk hälsa 2018",
        niva: 1,
        text: "I den statliga överenskommelsen framgår att utvecklingsarbetet ska ske utifrån lokala \
            och regionala handlingsplaner. I Dalarna togs den senaste handlingsplanen för psykisk \
            hälsa fram 2018 och sedan dess har arbetet med handlingsplanen legat vilande. \
            Regionbildningen 2019 medförde omfattande omorganiseringar tillika personalomsättning \
            vilket kom att påverka att handlingsplanen inte följdes upp. Den tidigare \
            handlingsplanen togs fram inom den dåvarande regionala samverkans- och stödstrukturen \
            (RSS) men det är emellertid oklart hur den förankrades och implementerades vid \
            tidpunkten. RSS har sedan 2019 genomfört en stor omdaning avseende organisation, \
            struktur, inriktning och arbetssätt. När så pandemin utbröt 2020 påverkade även det \
            arbetet med att ta fram en ny handlingsplan. En del av RSS omdaning utgörs av en \
            samordning med regionens kunskapsstyrning och organisation.\n\
            \n\
            Däremot har det regionala utvecklingsarbetet inom psykisk hälsa inte legat vilande och i \
            denna handlingsplan kommer därvid 2021 års utvecklingsarbete att redovisas samt något om \
            det fortsatta arbetet inom området psykisk hälsa och missbruk och beroende^[I \
            samsjuklighetsutredningen föreslås att begreppet missbruk och beroende slopas i samtliga \
            föreskrifter då missbruk är otydlig definierat och stigmatiserande. Begreppet skadligt \
            bruk och beroende används allt oftare, varför båda begreppen förekommer i \
            handlingsplanen.].\n\
            \n\
            Idag leder RSS Dalarna flera olika regionala utvecklingsarbeten inom ramen för psykisk \
            hälsa och missbruk/beroende där några av dessa finansieras av överenskommelsens \
            stimulansmedel.\n\
            \n\
            Brukarrörelsen har både 2018 och 2019 lämnat synpunkter på handlingsplanen för psykisk \
            hälsa och under en Hearing både 2020 och 2021 upprepas i stort sett samma synpunkter som \
            framkom 2018. (Mer om brukarrörelsens synpunkter på det regionala arbetet inom området \
            psykisk hälsa finns att läsa under rubriken p. 7.2 Brukarinflytande).",
    },
    Kapitel {
        rubrik: "Pågående regionala insatser",
        niva: 1,
        text: "I december 2020 fattade Länschefsnätverket^[Ett samverkansforum på högsta \
            tjänsteledningsnivå mellan kommunerna och regionen. Kommunerna representeras av \
            socialtjänstens förvaltningschefer och regionen representeras av hälso- och sjukvårdens \
            högsta tjänsteledning.] beslut om framtida utvecklingsfrågor och uppdrag rörande \
            samverkan inom områdena psykisk hälsa och missbruk och beroende med avstamp i den \
            regionala samverkans- och stödstrukturens (RSS) roll och uppdrag. Utifrån en grundlig \
            genomlysning av tidigare och aktuella kunskapsunderlag lämnade Styrgruppen för \
            Länschefsnätverket tre förslag på hur det regionala arbetet i länet skulle fortsätta.\n\
            \n\
            Det föreslogs:\n\
            1. Att en bred behovsanalys genomförs i syfte att systematiskt undersöka kunskapsbehovet \
            för att stödja socialtjänsten och hälso- och sjukvården inom området psykisk hälsa inkl. \
            missbruk och beroende. Behovsanalysen ska bidra till ett underlag för långsiktiga \
            prioriteringar och beslut om utvecklingsarbeten.\n\
            2. Stödja implementering i länet av reviderad regional överenskommelse missbruk och \
            beroende samt nytt kunskapsstöd, Vård- och insatsprogram (VIP) missbruk och beroende.\n\
            3. Ytterligare fördjupa arbetet inom två fokusområden: barn och unga och samsjuklighet. \
            Häri inryms uppdrag att förvalta och planera insatser med stöd av eventuella statliga \
            stimulansmedel för 2021 överenskommelse psykisk hälsa.\n\
            \n\
            I det följande beskrivs de pågående utvecklingsinsatserna.",
    },
    Kapitel {
        rubrik: "Implementering (RÖK) och (VIP) missbruk/beroende samt övergripande stöd för implementering",
        niva: 1,
        text: "Den länsövergripande överenskommelsen om samverkan inom området missbruk och beroende \
            från 2016 har reviderats. Revideringen har genomförts av en arbetsgrupp med \
            representanter från region, kommuner och brukarrörelsen samt en referensgrupp. RSS har \
            processlett revideringsuppdraget och den reviderade överenskommelsen är giltig till och \
            med 30 juni 2024. Överenskommelsen följer samt hänvisar till det nya nationella vård- \
            och insatsprogrammet (VIP) för missbruk och beroende som lanserades i december \
            2020^[https://www.vardochinsats.se/missbruk-och-beroende/].\n\
            \n\
            Ett av uppdragen RSS fick av Länschefsnätverket i december 2020 var att stödja \
            implementeringen i länet av den reviderade regionala överenskommelsen (RÖK) samt vård- \
            och insatsprogram (VIP). Styrgrupp för uppdraget är Lokalt programområde (LPO) Psykisk \
            hälsa^[I Dalarna pågår sedan början av 2020 en samordning av det samlade \
            kunskapsstyrningsarbetet med de sex lokala programområdena som viktiga kunskapsbärare. \
            Syftet med samordningen är att bygga en ändamålsenlig och resurseffektiv \
            samverkansstruktur och att inte bygga upp parallella strukturer. Det övergripande och \
            nationellt gemensamma syftet med kunskapsstyrning är att använda bästa tillgängliga \
            kunskap i varje patientmöte och att systematiskt utveckla, dela och omsätta ny kunskap.] \
            och till uppdraget har även kopplats en referensgrupp med adekvat och bred \
            representation.\n\
            \n\
            En lanseringskonferens för överenskommelsen och VIP:en hölls i digitalt format i \
            september 2021. Konferensen var mycket välbesökt och i programmet medverkade såväl \
            nationella företrädare inom området som regionala representanter. I syfte att skapa goda \
            förutsättningar för samverkan mellan kommuner och region i framtagandet av de lokala \
            överenskommelserna (LÖK), har RSS initierat ett nätverk med målgruppen av s.k. \
            nyckelpersoner i framtagandet av lokala samverkansöverenskommelser. Totalt har fyra \
            nätverksmöten genomförts under hösten 2021 och våren 2022.\n\
            \n\
            Dialogerna i samband med nätverksträffarna syftar till att stödja de medverkande i deras \
            respektive lokala processer och bidra med värdefull information kring förutsättningarna \
            för det lokala implementeringsarbetet. Baserat på detta utformas parallellt ett \
            generellt implementeringsstöd, med området missbruk och beroende som ”pilot”. Denna \
            process har även kommit att ha beröringspunkter med införandet av god och nära vård i \
            länet, vilket också tas i beaktande i förhållande till utformningen av stödet. Den \
            preliminära tidsplanen är att stödet lanseras under hösten 2022 och att det därefter kan \
            appliceras/testas för liknande regionala implementeringsprocesser.",
    },
    Kapitel {
        rubrik: "Behovsanalys",
        niva: 1,
        text: "Ett annat uppdrag från Länschefsnätverket i december 2020 var att genomföra en \
            behovsanalys avseende hur den regionala samverkans- och stödstrukturen (RSS) kan stödja \
            socialtjänsten och närliggande hälso- och sjukvård i att bedriva evidensbaserad praktik \
            (EBP). Målsättningen med uppdraget var att behovsanalysen ska bidra med ett underlag för \
            långsiktiga prioriteringar och vägval, insatser och åtgärder.\n\
            \n\
            Behovsanalysen har genomförts genom omvärldsspaning och dialoger av olika slag samt \
            analyser av a) nyckeltal i Kolada, b)resultat från Öppna jämförelser och c) \
            brukarundersökningarna. I behovsanalysen har framkommit att systematisk uppföljning, som \
            har en stark koppling till EBP, tycks vara ett område med många utmaningar inom \
            socialtjänsten i länet. Betydelsen av att området prioriteras på såväl verksamhetsnära \
            som på lednings- och politisk nivå är tydligt. I detta kan RSS, mot bakgrund av sitt \
            uppdrag som regional samverkans- och stödstruktur, utgöra ett stöd och efter att \
            resultatet av behovsanalysen har förankrats kommer dialoger kring hur ett sådant stöd, \
            rörande systematisk uppföljning, bäst kan utformas att ta vid.",
    },
    Kapitel {
        rubrik: "Fokusområde barn och unga",
        niva: 1,
        text: "",
    },
    Kapitel {
        rubrik: "En sammanhållen Ungdomshälsa",
        niva: 2,
        text: "Sedan 2018 har Dalarnas kommuner och Region Dalarnas primärvård gemensamt drivit ett \
            utvecklingsarbete mot ”En sammanhållen ungdomshälsa”. Modellen innebär att öka samverkan \
            och samordning av gemensamma resurser i bas- och första linjenivå inom de respektive \
            verksamheterna. Syftet är att Dalarnas ungdomar ska erbjudas sammanhållna insatser med \
            både hälsofrämjande och förebyggande insatser liksom bedömning och behandlande insatser.\n\
            \n\
            Länschefsnätverket gav i oktober 2017 en styrgrupp, med representanter från kommuner och \
            dåvarande landsting, i uppdrag att ta fram en modell för en sammanhållen, helst \
            samlokaliserad, ungdomshälsa och ett projekt med att stödja implementering av modellen \
            har skett i Borlänge och Leksand.\n\
            \n\
            Därför pågår nu ett arbete för att i varje kommun i Dalarna skapa en sammanhållen \
            Ungdomshälsa, som är lättillgänglig och erbjuder samordnade verksamheter/resurser för \
            ungdomar och unga vuxna. Dagens Ungdomsmottagning blir navet i Ungdomshälsan (se nedan \
            p. 7.4 Ungdomsmottagningar), som förstärks med resurser från andra aktörer i \
            basen/första linjen, främst primärvård (inklusive delar av Samtalsmottagning Barn och \
            Unga), elevhälsa och socialtjänst. Ungdomshälsan ska arbeta utifrån \
            ”Hälsa-Lärande-Trygghet”, vara en samverkansform med en gemensam grundsyn som genomsyrar \
            verksamheterna och om möjligt vara samlokaliserad. Ungdomshälsan ska precis som \
            nuvarande Ungdomsmottagning arbeta generellt hälsofrämjande och förebyggande, samt med \
            att tidigt identifiera olika former av hälsoproblem hos riskgrupper, enskilda ungdomar \
            och unga vuxna. Målgrupperna ska via en ingång lätt och snabbt få hjälp, stöd och vid \
            behov också behandling. Verksamheten ska bedrivas både ”fysiskt” och digitalt. \
            Förutsättningar ska skapas för att kunna erbjuda jämlika och likvärdiga insatser av hög \
            kvalitet i hela länet. Pilotprojekten (Borlänge och Leksand) är grunden för det \
            fortsatta arbetet med ungdomshälsa i Dalarna.\n\
            \n\
            Utifrån de slutsatser och erfarenheter som beskrivs i slutrapporten har \
            Länschefsnätverket gett LPO Barn och unga i uppdrag att fortsätta arbetet med att \
            implementera arbetsmodellen ”En sammanhållen ungdomshälsa” till fler kommuner i länet.",
    },
    Kapitel {
        rubrik: "”Mini-Maria”",
        niva: 2,
        text: "En annan satsning inom fokusområdet barn och unga handlar om att skapa ändamålsenliga \
            vård- och stödinsatser för barn och unga med en beroendeproblematik. Välfärdsrådet^[Ett \
            politiskt samverkansorgan som består av Hälso- och sjukvårdsnämndens presidium samt \
            ordförande i socialnämnderna i Dalarnas kommuner.] har gett Länschefsnätverket i uppdrag \
            att ta fram en utredning för att närmare utreda samverkan kring en MiniMaria-verksamhet \
            i Dalarna. I juni 2021 beslutade Länschefsnätverket att ge styrgruppen i uppdrag att ta \
            fram ett utredningsdirektiv för en sådan utredning.\n\
            \n\
            En kartläggning av nulägesbilden i länet gällande vård- och stödinsatser för barn och \
            unga inom området missbruk och beroende har genomförts som ett första steg i \
            utredningsprocessen. Då beröringspunkterna mellan uppdrag MiniMaria och uppdrag \
            samsjuklighet (se nedan p 7.1 Samsjuklighet) är många har denna kartläggning i hög grad \
            samordnats till att omfatta båda uppdragen. Kartläggningen har syftat till att få en \
            övergripande bild av hur samverkan fungerar och vilka insatser och/eller behandlingar \
            som ges till målgruppen idag ur ett regionalt perspektiv. Vidare har syftet varit att \
            kartlägga kompetensbehov och vilka eventuella ytterligare verksamhets- och \
            samverkansformer som efterfrågas, alternativt behöver utvecklas, för att bättre kunna \
            möta målgruppens behov. Kartläggningen har genomförts via dialoger/intervjuer med \
            representanter från ett stort antal verksamheter i länet och har även innefattat \
            omvärldsbevakning av rapporter, utvärderingar och beskrivningar av befintliga \
            Maria-verksamheter i Sverige liksom Samsjuklighetsutredningens delbetänkande från \
            december 2021, statistik samt forskningsläget.\n\
            \n\
            Sammanfattningsvis framgår av kartläggningen ett stort behov av att utveckla vård- och \
            stödinsatser för målgruppen, från första linjen till specialistnivå. Vikten av att kunna \
            erbjuda jämlika insatser, såväl geografiskt som avseende kön, betonas också. Utredningen \
            planeras pågå under 2022 och ska resultera i ett ändamålsenligt underlag för att fatta \
            beslut om huruvida en MiniMaria-verksamhet kan starta i Dalarna samt vilka övergripande \
            förutsättningar som då bör vara uppfyllda.",
    },
    Kapitel {
        rubrik: "Särskilda insatser med stöd av ÖK för psykisk hälsa",
        niva: 1,
        text: "En del av stimulansmedlen för överenskommelse psykisk hälsa riktas till länsgemensamma \
            medel för insatser inom fyra olika fokusområden.\n\
            \n\
            Dalarna tilldelas länsgemensamma medel om ca 18 mkr för att driva utvecklingsinsatser \
            inom fyra olika områden:\n\
            • Insatser för personer med samsjuklighet\n\
            • Insatser för stärkt brukarmedverkan\n\
            • Suicidprevention\n\
            • Ungdomsmottagningar",
    },
    Kapitel {
        rubrik: "Fokusområde samsjuklighet",
        niva: 2,
        text: "Mot bakgrund av den nationella satsning som riktas kring målgruppen med \
            samsjuklighet^[SOU 2021:93 – Från delar till helhet – en reform för samordnade, \
            behovsanpassade och personcentrerade insatser till personer med samsjuklighet.] på \
            nationell nivå beslutades i Länschefsnätverket om ett brett uppdrag på regional nivå \
            kring samsjuklighet. Uppdraget syftar till att bidra till förutsättningar för att \
            personer med samsjuklighet i Dalarna erbjuds en samordnad, behovsanpassad och \
            personcentrerad vård och omsorg och får tillgång till de medicinska, farmakologiska, \
            psykiatriska och sociala insatser som de är i behov av. Till uppdraget skulle en person \
            anställas för att bedriva uppdraget i första hand fram t.o.m. 2022 inom RSS Dalarna. \
            Utvecklingsarbetet föreslogs vidare ta avstamp i den regionala \
            samverkansöverenskommelsen missbruk och beroende samt Vård- och insatsprogrammet (VIP), \
            samsjuklighetsutredningen och den nationella och regionala ANDTS-strategin. I uppdraget \
            ingår bland annat att genomföra en behovsanalys och ta fram förslag på åtgärder.\n\
            \n\
            Andra pågående utvecklingsprojekt som tangerar området samsjuklighet är utredningen \
            kring MiniMaria som nämnts ovan, men även ytterligare två utvecklingsprojekt:",
    },
    Kapitel {
        rubrik: "Bostad först",
        niva: 3,
        text: "Bostad Först innebär bostad med stöd – ett stöd som bygger på tvärprofessionella team \
            som arbetar tillsammans utifrån en metod som bygger på case management^[Case management \
            – Socialstyrelsen, \
            https://www.socialstyrelsen.se/kunskapsstod-och-regler/omraden/evidensbaserad-praktik/metodguiden/case-management/]. \
            Metoden Bostad först har stöd i forskning och har visat sig vara framgångsrik för \
            personer med samtidigt missbruk och psykisk ohälsa. Metoden lyfts även fram i de \
            nationella riktlinjerna på området^[Bostad först – Socialstyrelsen, \
            https://www.socialstyrelsen.se/kunskapsstod-och-regler/omraden/evidensbaserad-praktik/metodguiden/bostad-forst/]. \
            Borlänge kommuns socialpsykiatri, Borlänge kommun och Region Dalarna Division psykiatri \
            ansvarar för att utreda möjligheterna att starta upp insatsen Bostad först i samverkan \
            med lokala bostadsbolag. En projektledare har anställts under 2022. RSS har en \
            utvärderande roll av projektet och följer samt stödjer projektledaren i arbetet.",
    },
    Kapitel {
        rubrik: "Gemensamt HVB",
        niva: 3,
        text: "2019 fick Borlänge kommun i uppdrag av Socialchefsnätverket^[Ett samverkansforum på \
            högsta tjänsteledningsnivå mellan kommunerna och består av socialtjänstens \
            förvaltningschefer.] att genom en förstudie se över möjligheten att starta upp ett \
            regionalt gemensamt HVB-boende. Målet är att tillgodose individers behov av kvalitativ \
            vård och omsorg i Dalarna på ett kostnadseffektivt sätt. Ytterligare ett mål är att \
            minska köp av HVB-platser hos externa aktörer. Slutsatsen i förstudien var att det \
            förelåg goda förutsättningar att starta upp och driva ett gemensamt HVB i länet. Genom \
            en behovsinventering i länets kommuner har målgruppen för HVB:t identifierats och rör \
            företrädesvis ungdomar med missbruksproblematik och psykiatrisk problematik samt \
            ungdomar med kriminalitetsproblematik. Målgruppen utgörs av ungdomar som har stora vård- \
            och stödbehov och kräver stora resurser av kommunerna. Denna målgrupp placeras ofta på \
            externa HVB där kommunen inte har vare sig full inblick i verksamheten eller innehållet \
            i stödet och behandlingen till den enskilde ungdomen. Placeringarna tenderar dessutom \
            att bli längre än nödvändigt och möter sällan individens hela behov. Det har beslutats \
            att det gemensamma HVB-boendet ska ha ca åtta-nio platser.\n\
            \n\
            Arbetet med att starta ett gemensamt HVB leds av Borlänge kommun och verksamheten kommer \
            att förläggas i Borlänge. Efter förstudien har arbetet fokuserat på praktiska frågor som \
            lokal, finansiering, bemanning m.m..\n\
            \n\
            Under 2021 har regionens barn och ungdomspsykiatri (BUP) fattat beslut om att samverka \
            med kommunerna i det gemensamma HVB-boendet och kommer ansvara för hälso- och \
            sjukvårdsinsatserna. Under våren 2022 kommer ärendet om ett regionalt gemensamt HVB \
            beredas och beslutas i olika nämnder och beslutsfattande organ. Målsättningen är att \
            verksamheten ska starta i januari 2023.",
    },
    Kapitel {
        rubrik: "Brukarinflytande",
        niva: 2,
        text: "I det regionala och lokala arbetet finns mycket att vinna på att ta tillvara på kunskap \
            och engagemang från patient, brukar- och anhörigorganisationer såväl som från enskilda. \
            Träffsäkerheten i utvecklingsarbetet ökar och tanke- och arbetssätt påverkas och leder \
            förhoppningsvis till en kulturförändring så att patienter, brukare och anhöriga blir \
            medskapare i utvecklingsarbetet. Metoder för att systematiskt ta tillvara på denna \
            kunskap behöver utvecklas på individnivå, verksamhetsnivå och systemnivå.\n\
            \n\
            Genom de intresseorganisationer som företräder individer med psykisk ohälsa och deras \
            anhöriga, ges möjlighet att påverka beslut som fattas på verksamhets- och systemnivå. \
            Det är därför viktigt att stötta föreningarna och deras självständighet. Enligt hälso- \
            och sjukvårdslagen och socialtjänstlagen ska huvudmännen samråda med \
            intresseorganisationerna i sin planering av sin verksamhet. I Region Dalarna finns tre \
            brukarråd inom området psykisk hälsa, brukarrådet vuxenpsykiatri, brukarrådet skadligt \
            bruk och beroende samt brukarrådet barn- och ungdomspsykiatri (BUP). Även kommunerna \
            samråder med intresseorganisationer, till exempel Dalarnas nätverk för psykisk hälsa som \
            samlar ett flertal av brukar-, patient- och anhörigorganisationer i länet. Nätverket är \
            också en samarbetspart för psykiatrins utvecklingsenhet på Region Dalarna.\n\
            \n\
            I anslutning till världsdagen för psykisk hälsa, 10 oktober, anordnas en \
            uppmärksamhetsvecka - Fokus på psykisk hälsa i Dalarna. Liknande uppmärksamhetsveckor \
            arrangeras inom flera län. I Dalarna genomfördes den första uppmärksamhetsveckan 2019 \
            och har sedan dess vuxit sig allt större. Under denna vecka visas bredden av allt som \
            görs under hela året i Dalarna för att främja psykisk hälsa. Dalarnas nätverk för \
            psykisk hälsa har sin årliga temadag med föreläsningar och seminarier under samma vecka.\n\
            \n\
            En Hearing genomförs årligen och är ett dialogforum där brukarrörelsen möter politiken, \
            tjänstemän och anställda i region och kommuner för en dialog kring psykisk hälsa i \
            Dalarna. Under åren har Hearingen utvecklats till allt fler deltagare, från fler \
            organisationer och med fler representanter. Under 2020 genomfördes Hearingen genom ett \
            digitalt möte och under 2021 ett hybridmöte där 47 personer deltog både på plats eller \
            digitalt.\n\
            \n\
            Några synpunkter som framfördes under 2021 (och där det inte har påvisats någon \
            förbättring under perioden 2018-2021) handlar bland annat om: brister i bemötande inom \
            psykiatrin, utveckling av arbetet med att genomföra SIP, att målgruppen med \
            samsjuklighet (psykisk ohälsa och skadligt bruk och beroende) har svårt att få rätt vård \
            och behandling. Vidare efterfrågades att införa Peer Support^[”Peer Support innebär att \
            personer med egen erfarenhet av psykisk ohälsa utbildas till att arbeta som utbildade \
            stödpersoner inom verksamheter som erbjuder vård, stöd eller rehabilitering. Peer \
            Support kan användas i psykiatrisk öppen- och slutenvård, socialpsykiatrisk verksamhet, \
            rehabilitering samt i olika former av ACT-modeller. Arbete utgår ifrån att stöd till \
            brukare och patienter är baserat på Peer Supportens egna och andra brukares och \
            patienters erfarenheter av återhämtning, egenmakt och minskat självstigma.” (NSPH)] för \
            vilket det har fattats ett beslut men på grund av pandemin har pausats.\n\
            \n\
            Några positiva förändringar identifierades också under Hearingen 2021. Bland annat har \
            funktionen BISAM (se p 7.2.1) implementerats i ordinarie verksamhet (inom psykiatrin), \
            något som brukarrörelsen har efterfrågat under många år. Positivt har även varit \
            framtagandet av riktlinjer för alla brukarråd i Region Dalarna med syftet att tydliggöra \
            brukarrådens roll och funktion.",
    },
    Kapitel {
        rubrik: "Brukarinflytandesamordnare (BISAM)",
        niva: 3,
        text: "Funktionen BISAM prövades först under ca tre år i projektform för att från och med 2022 \
            implementeras inom Division psykiatri i ordinarie verksamhet.\n\
            \n\
            I BISAMS arbete ingår b.la. att sprida kunskaper om betydelsen av brukarnas inflytande \
            och delaktighet till kommunernas socialpsykiatri och till regionens psykiatri samt \
            övriga verksamheter. Bedriva arbete som innebär att säkerställa att det finns rutiner i \
            kommun- och regionpsykiatri för hur brukarrörelsen ska informeras om \
            verksamhetsförändringar i ett tidigt skede för att t.ex. möjliggöra att brukarnas \
            synpunkter inhämtas. Utveckla och stärka brukarråden liksom brukarmedverkan i pågående \
            utvecklings- och förändringsarbeten som sker inom Region Dalarna och länets kommuner. \
            Detta genom att t.ex. tillse att brukare medverkar i olika arbets- och referensgrupper. \
            Stärka intresseföreningarna att utgöra en självständig och aktiv part i förhållande till \
            kommuner och region. Ge utbildningar i MHFA (Mental Health First Aid) i länet. Målet är \
            att utbilda ca 100 personer per år, vilket har genomförts under 2020 och 2021.",
    },
    Kapitel {
        rubrik: "Suicidprevention",
        niva: 2,
        text: "Under sommaren 2020 gav Region Dalarnas Hälso- och sjukvårdsdirektör Division psykiatri \
            i uppdrag att vara samordnande verksamhet för det suicidpreventiva arbetet inom hälso- \
            och sjukvården. Hösten 2020 tilldelades psykiatrins Utvecklingsenheten ett uppdrag att \
            framta en övergripande plan för suicidpreventivt arbetet inom hälso- och sjukvården. \
            Utifrån uppdraget anställdes en samordnare för suicidprevention i psykiatrins \
            Utvecklingsenhet, tjänsten kom att omfatta heltid från januari 2021. Syftet med \
            samordningen var att skapa förutsättningar för ett mer behovsanpassat och målinriktat \
            kunskapsstödjande arbete på regional nivå med fokus på hälso- och sjukvården i \
            samarbetet med länets kommuner. Det långsiktiga målet med regionens suicidpreventiva \
            arbete är påverka suicidtalen genom ökad kunskap och samverkan. Regionens mål ska även \
            eftersträva Sveriges nollvision samt svara upp till det nationella handlingsprogrammet \
            för suicidprevention. Det ska göras genom att förstärka både hälso- och sjukvårdens och \
            kommunernas suicidpreventiva arbete. Ett ytterligare långsiktigt mål är att bistå \
            invånare med adekvat information och kunskap kring psykisk hälsa, suicid och prevention. \
            Arbetet behövs belysas i verksamheter som tidigare inte sett sin roll och förstärka \
            arbetsgivarens ansvar för en hälsofrämjande arbetsmiljö. Arbetet behöver bli en del i en \
            helhet och integreras i alla verksamheter för att få ökat genomslag. Under våren 2021 \
            antogs hälso- och sjukvårdens strategi för suicidprevention som beskriver riktning genom \
            prioriterade åtgärder.",
    },
    Kapitel {
        rubrik: "Vansbro – ett lokalt suicidpreventivt arbete",
        niva: 3,
        text: "Få kommuner i Dalarna har någon form av handlingsplan eller utarbetad organisation för \
            ett suicidpreventivt arbete samt höga suicidtal i jämförelse med andra regioner. Utifrån \
            Region Dalarnas vision “Vi mår bra i hela Dalarna” samt omställningen till god och nära \
            vård, har Vansbro kommun som har haft hög andel suicid under en längre tid, valts ut för \
            ett specifikt kvalitetssäkrande arbete.\n\
            \n\
            Syfte är att främja psykisk hälsa och förebygga psykisk ohälsa genom samverkan med \
            kommun, blåljusenheter och civilsamhället samt förbättra vårdens kvalitet. Medverkande \
            aktörer erbjuds kompetenshöjande insatser samt processtöd i utarbetande av lokal \
            organisation och handlingsplan för det suicidpreventiva arbetet.",
    },
    Kapitel {
        rubrik: "Ungdomsmottagningar",
        niva: 2,
        text: "Ungdomsmottagningar ska finnas i alla kommuner i Dalarna och det övergripande målet är \
            att stärka unga och unga vuxnas identitetsutveckling genom att främja fysisk, psykisk, \
            social och sexuell hälsa. Ungdomsmottagningen är till för alla ungdomar från omkring 13 \
            år t.o.m. 24 år och den unge söker hjälp av egen fri vilja. Ungdomsmottagningen är ett \
            gemensamt ansvar för Region Dalarna och länets samtliga kommuner.\n\
            \n\
            De riktade länsgemensamma medlen har bl.a. bekostat utvecklandet av appen ”Ung i \
            Dalarna” som är en del av utvecklingen av en digital ungdomshälsa med syfte att nå ut \
            till fler i målgruppen unga, 13-25 år. En barnmorska och en kurator har i uppdrag att \
            arbeta med appen och att möta ungdomarna digitalt. Under 2022 planeras ett \
            breddinförande av appen.\n\
            \n\
            Det pågår också en förstärkning och utveckling av ungdomsmottagningarna i bland annat \
            Orsa, Älvdalen och Idre/Särna med utökade öppettider och mer utåtriktat arbetet m.m. I \
            Avesta och Borlänge pågår två pilotprojekt med fokus på normer kring manlighet, \
            stereotypa könsroller och machokultur.\n\
            \n\
            Inom ramen för dessa medel sker också delar av utvecklingsarbetet med att implementera \
            en sammanhållen ungdomshälsa (se ovan p. 6.1 En sammanhållen ungdomshälsa).",
    },
    Kapitel {
        rubrik: "Handlingsplan psykisk hälsa 2022",
        niva: 1,
        text: "Syftet med den statliga överenskommelsen är att skapa förutsättningar för ett \
            långsiktigt arbete på området psykisk hälsa med ett gemensamt ansvarstagande från \
            berörda aktörer. Målsättningen är att befolkningen ska erbjudas behovsanpassade och \
            effektiva insatser av god kvalitet för att fortsätta skapa förutsättningar för en \
            kraftfull utveckling när det gäller att främja psykisk hälsa och förebygga ohälsa. Flera \
            av insatserna som fortgick under 2021 kommer fortsatt att drivas under 2022 och 2023, \
            medan några insatser kommer att slutföras under 2022. Flera av de pågående insatsernas \
            syfte är att utgöra grund för fortsatta – konkretiserande – åtgärder som exempelvis \
            MiniMaria-utredningen, arbetet med att starta upp ett gemensamt HVB-boende samt \
            framtagandet av stödet för implementering.\n\
            \n\
            En regional handlingsplan för psykisk hälsa 2022 kommer också att tas fram och likt \
            denna handlingsplan i huvudsak redogöra för pågående och eventuellt nytillkomna \
            utvecklingsarbeten under året. Överenskommelsen psykisk hälsa betonar vikten av ett \
            långsiktigt och hållbart arbete inom psykisk hälsa centralt och att handlingsplaner är \
            viktiga verktyg för att formulera målsättningar, syfte och prioriterade aktiviteter. \
            Emellertid pågår också omställningen till en god och nära våd vars syfte är att utveckla \
            den svenska hälso- och sjukvården till en samordnad, välfungerande helhet som tar \
            utgångspunkt i den enskildes individuella behov. Den goda och nära vården har \
            primärvården som nav och innehåller hela eller delar av många verksamheter i regionen \
            och kommunerna och inkluderar samtidigt samverkan mellan dessa verksamheter. \
            Överenskommelsen psykisk hälsa 2021-2022 pekar också på förhållningssättet god och nära \
            vård och vikten av att hälso- och sjukvården organiseras och tillhandahålls sömlöst med \
            utgångspunkten i patienters och brukares individuella behov och förutsättningar. Under \
            2022 träder Dalarnas länsgemensamma strategi för god och nära vård i kraft. Utifrån \
            strategin kommer regionala och lokala prioriteringar och målsättningar formuleras över \
            tid och tas fram i olika typer av styrdokument. Det pågår också ett omfattande arbete i \
            länet med att ta fram lokala samverkansöverenskommelser (LÖK) utifrån att inte mindre än \
            fyra nya regionala samverkansöverenskommelser trädde i kraft under 2021.\n\
            \n\
            Det långsiktiga och strategiska regionala arbetet inom psykisk hälsa och skadligt bruk \
            och beroende bör dels takta an till omställningen till god och nära vård, dels ingå i \
            ett helhetstänk kring regionala handlingsplaner. Med tiden kommer länets behov av olika \
            regionala handlingsplaner inom olika områden och frågor att tydliggöras.",
    },
];

/// The three proposals of December 2020 (seed 003, section 3), one box each under the decision.
const FORSLAG: &[(&str, &[&str])] = &[
    (
        "1. Behovsanalys",
        &[
            "Kunskapsbehovet inom",
            "psykisk hälsa, missbruk",
            "och beroende",
        ],
    ),
    (
        "2. Implementering",
        &[
            "Reviderad regional",
            "överenskommelse (RÖK) och",
            "VIP missbruk och beroende",
        ],
    ),
    (
        "3. Två fokusområden",
        &["Barn och unga", "Samsjuklighet", "(stimulansmedel ÖK 2021)"],
    ),
];

/// The picture as SVG text: a decision box on top, three proposal boxes joined to it below. Fixed
/// coordinates, so the file is the same on every run.
pub fn svg() -> String {
    const WIDTH: u32 = 640;
    const BOX_W: u32 = 190;
    const BOX_H: u32 = 112;
    const GAP: u32 = 20;
    const TOP_H: u32 = 58;
    const ROW_Y: u32 = 130;
    let navy = "#1d3557";
    let accent = "#2a7f8f";
    let light = "#eef3f7";
    let mut s = String::new();
    s.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{}\" \
         viewBox=\"0 0 {WIDTH} {}\" font-family=\"Noto Sans\">\n",
        ROW_Y + BOX_H + 10,
        ROW_Y + BOX_H + 10
    ));
    let top_w = 330;
    let top_x = (WIDTH - top_w) / 2;
    s.push_str(&format!(
        "  <rect x=\"{top_x}\" y=\"10\" width=\"{top_w}\" height=\"{TOP_H}\" rx=\"6\" fill=\"{navy}\"/>\n"
    ));
    s.push_str(&format!(
        "  <text x=\"{}\" y=\"35\" font-size=\"15\" font-weight=\"bold\" fill=\"#ffffff\" \
         text-anchor=\"middle\">Länschefsnätverket</text>\n",
        WIDTH / 2
    ));
    s.push_str(&format!(
        "  <text x=\"{}\" y=\"55\" font-size=\"12\" fill=\"#ffffff\" text-anchor=\"middle\">\
         beslut i december 2020</text>\n",
        WIDTH / 2
    ));
    // Connectors: down from the decision, across, and down into each box.
    let mid_y = 10 + TOP_H + (ROW_Y - 10 - TOP_H) / 2;
    let total = 3 * BOX_W + 2 * GAP;
    let left = (WIDTH - total) / 2;
    let centre = |i: u32| left + i * (BOX_W + GAP) + BOX_W / 2;
    let line = |x1: u32, y1: u32, x2: u32, y2: u32| {
        format!(
            "  <line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"{accent}\" \
             stroke-width=\"2\"/>\n"
        )
    };
    s.push_str(&line(WIDTH / 2, 10 + TOP_H, WIDTH / 2, mid_y));
    s.push_str(&line(centre(0), mid_y, centre(2), mid_y));
    for (i, (title, lines)) in FORSLAG.iter().enumerate() {
        let i = i as u32;
        let x = left + i * (BOX_W + GAP);
        s.push_str(&line(centre(i), mid_y, centre(i), ROW_Y));
        s.push_str(&format!(
            "  <rect x=\"{x}\" y=\"{ROW_Y}\" width=\"{BOX_W}\" height=\"{BOX_H}\" rx=\"6\" \
             fill=\"{light}\" stroke=\"{accent}\" stroke-width=\"2\"/>\n"
        ));
        s.push_str(&format!(
            "  <text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\" fill=\"{navy}\" \
             text-anchor=\"middle\">{title}</text>\n",
            centre(i),
            ROW_Y + 30
        ));
        for (k, text) in lines.iter().enumerate() {
            s.push_str(&format!(
                "  <text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#1b2a3a\" \
                 text-anchor=\"middle\">{text}</text>\n",
                centre(i),
                ROW_Y + 56 + 18 * k as u32
            ));
        }
    }
    s.push_str("</svg>\n");
    s
}
