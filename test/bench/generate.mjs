#!/usr/bin/env node
// Deterministic generator of a large, valid Rödtråd plan (format version 1) for benchmarks.
//
//   node test/bench/generate.mjs [--out DIR] [--seed N] [--scale F] [--revision N] [--no-nfd]
//
// At scale 1: ~50 nämnder, 2 budget years (2025, 2026), ~2,000 åtaganden, ~20,000 aktiviteter,
// ~1,050 files, ~6 MB. Same seed + scale => byte-identical output. `--revision 2` writes the
// same plan with a few deliberate changes (målvärden, an åtagande moved, aktiviteter added and
// removed) for benchmarking `plan diff`; the changes are listed in DIR/.bench-corpus.json.
// No Math.random, no clock: everything comes from the seeded PRNG below.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MARKER = '.bench-corpus.json';

// ---------------------------------------------------------------- arguments

function usage(msg) {
  if (msg) console.error(`generate: ${msg}`);
  console.error('usage: node test/bench/generate.mjs [--out DIR] [--seed N] [--scale F] [--revision N] [--no-nfd]');
  process.exit(2);
}

function parseArgs(argv) {
  const o = { out: null, seed: 1, scale: 1, revision: 1, nfd: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === '--out' || a === '-o') o.out = val();
    else if (a === '--seed') o.seed = Number(val());
    else if (a === '--scale') o.scale = Number(val());
    else if (a === '--revision') o.revision = Number(val());
    else if (a === '--no-nfd') o.nfd = false;
    else if (a === '-h' || a === '--help') usage();
    else usage(`unknown argument ${a}`);
  }
  if (!Number.isInteger(o.seed)) usage('--seed must be an integer');
  if (!(o.scale > 0 && o.scale <= 50)) usage('--scale must be > 0 and <= 50');
  if (!Number.isInteger(o.revision) || o.revision < 1) usage('--revision must be an integer >= 1');
  if (!o.out) o.out = path.join(HERE, 'corpus', o.revision === 1 ? 'large' : `large-r${o.revision}`);
  o.out = path.resolve(o.out);
  return o;
}

// ---------------------------------------------------------------- PRNG (splitmix32-seeded sfc32)

function makeRng(seed) {
  let s = (seed >>> 0) ^ 0x9e3779b9;
  const split = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  const r = next;
  r.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  r.pick = (arr) => arr[Math.floor(next() * arr.length)];
  r.chance = (p) => next() < p;
  r.shuffle = (arr) => {
    const x = arr.slice();
    for (let i = x.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [x[i], x[j]] = [x[j], x[i]];
    }
    return x;
  };
  r.sample = (arr, k) => r.shuffle(arr).slice(0, Math.min(k, arr.length));
  r.weighted = (pairs) => { // [[value, weight], ...]
    const tot = pairs.reduce((s, p) => s + p[1], 0);
    let x = next() * tot;
    for (const [v, w] of pairs) { if ((x -= w) < 0) return v; }
    return pairs[pairs.length - 1][0];
  };
  return r;
}

// ---------------------------------------------------------------- word lists (Swedish)

const KOMMUN = 'Åsjöholms kommun';
const ORT = 'Åsjöholm';

const DISTRICTS = [
  'Åsby', 'Ängsö', 'Björkhöjden', 'Granåsen', 'Hagaby', 'Lövsta', 'Sjöängen', 'Kyrkbacken',
  'Tallbacken', 'Fågelsången', 'Älvsby', 'Örnsberg', 'Bäckby', 'Ekängen', 'Hällby', 'Mölnvik',
  'Västra hamnen', 'Norra älvstranden', 'Södra åsen', 'Östra kärrby', 'Rönnäs', 'Stensjö',
  'Måsholmen', 'Kvarnbäcken', 'Lingonbacken', 'Solvändan', 'Högdalen', 'Ljungby', 'Strömsnäs',
];
const PLACE = ['Björk', 'Ek', 'Lind', 'Sol', 'Äng', 'Sjö', 'Ås', 'Dal', 'Hag', 'Löv', 'Tall', 'Gran',
  'Rönn', 'Häll', 'Kärr', 'Näs', 'Berg', 'Mo', 'Strand', 'Vik', 'Sälj', 'Hassel', 'Mål', 'Fur'];

// name, förvaltning, area
const FACKNAMNDER = [
  ['Kommunstyrelsen', 'Kommunledningsförvaltningen', 'ledning'],
  ['Grundskolenämnden', 'Grundskoleförvaltningen', 'utbildning'],
  ['Gymnasienämnden', 'Gymnasieförvaltningen', 'utbildning'],
  ['Förskolenämnden', 'Förskoleförvaltningen', 'förskola'],
  ['Socialnämnden', 'Socialförvaltningen', 'social'],
  ['Äldrenämnden', 'Äldreförvaltningen', 'omsorg'],
  ['Funktionsstödsnämnden', 'Funktionsstödsförvaltningen', 'omsorg'],
  ['Kulturnämnden', 'Kulturförvaltningen', 'kultur'],
  ['Idrotts- och fritidsnämnden', 'Idrotts- och fritidsförvaltningen', 'kultur'],
  ['Stadsbyggnadsnämnden', 'Stadsbyggnadskontoret', 'samhällsbyggnad'],
  ['Miljö- och hälsoskyddsnämnden', 'Miljöförvaltningen', 'miljö'],
  ['Trafiknämnden', 'Trafikkontoret', 'samhällsbyggnad'],
  ['Tekniska nämnden', 'Tekniska förvaltningen', 'teknik'],
  ['Arbetsmarknadsnämnden', 'Arbetsmarknadsförvaltningen', 'arbetsmarknad'],
  ['Vuxenutbildningsnämnden', 'Vuxenutbildningsförvaltningen', 'arbetsmarknad'],
  ['Exploateringsnämnden', 'Exploateringskontoret', 'samhällsbyggnad'],
  ['Fastighetsnämnden', 'Fastighetskontoret', 'teknik'],
  ['Servicenämnden', 'Serviceförvaltningen', 'ledning'],
  ['Räddningsnämnden', 'Räddningstjänsten', 'räddning'],
  ['Överförmyndarnämnden', 'Överförmyndarförvaltningen', 'överförmyndare'],
  ['Valnämnden', 'Valkansliet', 'val'],
];

const AREAS = {
  ledning: {
    områden: ['ORG', 'ARB'], ram: [150000, 600000],
    verksamheter: ['Kommunledning', 'Ekonomi och upphandling', 'HR och lön', 'Kommunikation', 'Digitalisering och IT', 'Näringsliv', 'Säkerhet och beredskap'],
    enheter: ['Ekonomiavdelningen', 'HR-avdelningen', 'Kommunikationsavdelningen', 'Digitaliseringsenheten', 'Näringslivsenheten', 'Säkerhetsenheten', 'Upphandlingsenheten'],
    topics: ['kommunens upphandlingsprocess', 'den interna kontrollen', 'chefsintroduktionen', 'kompetensförsörjningen', 'informationssäkerheten', 'e-tjänster för invånarna', 'lönekartläggningen', 'krisberedskapen', 'näringslivsdialogen', 'den gemensamma intranätplattformen', 'arkivhanteringen', 'heltid som norm'],
  },
  utbildning: {
    områden: ['UTB'], ram: [800000, 3200000],
    verksamheter: ['Grundskola', 'Gymnasieskola', 'Fritidshem', 'Anpassad grundskola', 'Elevhälsa', 'Skolskjuts', 'Modersmålsundervisning'],
    enheter: ['{P}skolan', '{P}dalsskolan', '{P}hagens skola', '{P}ängsskolan', 'Centrala elevhälsan', '{P}gymnasiet'],
    topics: ['läsförståelse i lågstadiet', 'elevernas närvaro', 'studiero i klassrummet', 'formativ bedömning', 'digitala läromedel', 'övergången mellan stadierna', 'tidiga stödinsatser i matematik', 'studie- och yrkesvägledning', 'trygghetsarbetet på skolgården', 'samarbetet med vårdnadshavare', 'anpassningar för elever med NPF', 'fritidshemmets undervisning'],
  },
  förskola: {
    områden: ['UTB'], ram: [400000, 1400000],
    verksamheter: ['Förskola', 'Pedagogisk omsorg', 'Öppen förskola', 'Barnhälsa', 'Måltider i förskolan'],
    enheter: ['Förskolan {P}backen', 'Förskolan {P}ängen', 'Förskolan Solrosen', 'Förskolan Trollsländan', 'Öppna förskolan'],
    topics: ['språkutvecklande arbetssätt', 'barnens utevistelse', 'inskolningen', 'barngruppernas storlek', 'dokumentationen av lärandet', 'samverkan med barnhälsovården', 'förskollärarnas planeringstid', 'flerspråkiga barns lärande', 'rörelse och hälsa i förskolan', 'likabehandlingsplanen'],
  },
  social: {
    områden: ['OMS'], ram: [500000, 1500000],
    verksamheter: ['Individ- och familjeomsorg', 'Ekonomiskt bistånd', 'Missbruks- och beroendevård', 'Barn och unga', 'Familjerätt', 'Socialjour'],
    enheter: ['Barn och familj', 'Vuxenenheten', 'Mottagningsenheten', 'Försörjningsstödsenheten', 'Familjerätten', 'Familjecentralen'],
    topics: ['tidiga insatser för barn och unga', 'handläggningstiderna för ekonomiskt bistånd', 'samverkan med skolan kring orosanmälningar', 'öppenvården för unga med missbruk', 'våld i nära relationer', 'familjehemsrekryteringen', 'vägledningen till egen försörjning', 'barnrättsperspektivet i utredningar', 'samordnad individuell plan'],
  },
  omsorg: {
    områden: ['OMS', 'KUL'], ram: [600000, 2200000],
    verksamheter: ['Hemtjänst', 'Särskilt boende', 'Hemsjukvård', 'LSS-verksamhet', 'Dagverksamhet', 'Korttidsboende'],
    enheter: ['{P}gårdens äldreboende', 'Hemtjänst {D}', 'Hemsjukvården', 'Gruppbostäder {D}', 'Daglig verksamhet {D}', 'Korttidsboendet {P}hemmet'],
    topics: ['kontinuiteten i hemtjänsten', 'nattfastan på särskilt boende', 'fallprevention för äldre', 'välfärdsteknik i ordinärt boende', 'anhörigstödet', 'demensvården', 'måltidsmiljön på äldreboendena', 'läkemedelshanteringen', 'social samvaro för äldre', 'genomförandeplanerna', 'delaktigheten för personer med LSS-insatser'],
  },
  kultur: {
    områden: ['KUL'], ram: [90000, 420000],
    verksamheter: ['Bibliotek', 'Kulturskola', 'Fritidsgårdar', 'Idrottsanläggningar', 'Föreningsbidrag', 'Turism och evenemang'],
    enheter: ['Stadsbiblioteket', 'Kulturskolan', 'Fritidsgården {P}', '{P}badet', 'Evenemangsenheten', 'Konsthallen'],
    topics: ['läsfrämjande insatser för barn', 'kulturskolans avgifter', 'öppettiderna på fritidsgårdarna', 'spontanidrott i bostadsområdena', 'föreningsstödet', 'sommarlovsaktiviteterna', 'evenemangskalendern', 'tillgängligheten i idrottshallarna', 'meröppna bibliotek', 'kulturarvet i landsbygdsdelarna'],
  },
  samhällsbyggnad: {
    områden: ['ARB', 'MIL'], ram: [60000, 380000],
    verksamheter: ['Fysisk planering', 'Gata och park', 'Bygglov', 'Mark och exploatering', 'Kart och mätning', 'Trafik och parkering'],
    enheter: ['Planenheten', 'Bygglovsenheten', 'Gatuenheten', 'Parkenheten', 'Mark och exploatering', 'Trafikenheten'],
    topics: ['detaljplaneprocessen', 'handläggningen av bygglov', 'gång- och cykelvägnätet', 'vinterväghållningen', 'trafiksäkerheten kring skolor', 'markanvisningarna', 'grönstrukturen i centrum', 'den digitala detaljplanen', 'belysningen i parkerna', 'tillgänglighetsanpassningen av busshållplatser'],
  },
  miljö: {
    områden: ['MIL'], ram: [25000, 90000],
    verksamheter: ['Miljötillsyn', 'Livsmedelskontroll', 'Hälsoskydd', 'Naturvård', 'Klimat och energi'],
    enheter: ['Miljötillsyn', 'Livsmedelskontrollen', 'Hälsoskyddsenheten', 'Natur och klimat'],
    topics: ['tillsynen av enskilda avlopp', 'livsmedelskontrollen', 'inomhusmiljön i skolor', 'den lokala klimatfärdplanen', 'skötseln av naturreservaten', 'kemikaliesmart förskola', 'buller från trafiken', 'energirådgivningen', 'vattenskyddsområdena'],
  },
  teknik: {
    områden: ['MIL', 'ORG'], ram: [120000, 700000],
    verksamheter: ['Vatten och avlopp', 'Avfall', 'Fastighetsförvaltning', 'Kost och lokalvård', 'Fordon och transporter'],
    enheter: ['VA-enheten', 'Avfallsenheten', 'Fastighetsenheten', 'Kostenheten', 'Lokalvården', 'Fordonsenheten'],
    topics: ['matsvinnet i skolrestaurangerna', 'energieffektiviseringen av lokalerna', 'läckagesökningen i ledningsnätet', 'fossilfria transporter', 'återbruket av möbler', 'underhållsplaneringen för fastigheterna', 'insamlingen av matavfall', 'lokalvårdens kvalitetsuppföljning', 'klimatanpassningen av dagvattensystemet'],
  },
  arbetsmarknad: {
    områden: ['ARB', 'UTB'], ram: [150000, 600000],
    verksamheter: ['Arbetsmarknadsinsatser', 'Feriearbeten', 'Integration', 'Vuxenutbildning', 'SFI'],
    enheter: ['Jobbcentrum', 'Vuxenutbildningen', 'SFI-skolan', 'Integrationsenheten', 'Ungdomsguiden'],
    topics: ['vägen till arbete för unga vuxna', 'feriearbetena', 'yrkesutbildningen för vuxna', 'språkstödet på arbetsplatsen', 'samverkan med Arbetsförmedlingen', 'validering av yrkeskunskaper', 'praktikplatserna i kommunens verksamheter', 'studiemotivationen hos SFI-elever'],
  },
  stadsdel: {
    områden: ['OMS', 'UTB', 'KUL'], ram: [500000, 1600000],
    verksamheter: ['Förskola', 'Individ- och familjeomsorg', 'Äldreomsorg', 'Fritid och kultur', 'Stadsmiljö', 'Ekonomiskt bistånd'],
    enheter: ['Förskolorna i {D}', 'Hemtjänst {D}', 'Individ- och familjeomsorgen', 'Fritid {D}', 'Parkmiljö {D}', '{P}gårdens äldreboende'],
    topics: ['tryggheten i centrumområdet', 'föräldrastödet', 'fritidsaktiviteterna för unga på kvällstid', 'medborgardialogen', 'hemtjänstens planering', 'förskolans språkarbete', 'samverkan med bostadsbolaget', 'städningen av lekplatserna', 'mötesplatserna för äldre'],
  },
  räddning: {
    områden: ['OMS'], ram: [80000, 200000],
    verksamheter: ['Räddningstjänst', 'Förebyggande verksamhet', 'Beredskap'],
    enheter: ['Räddningsstation {D}', 'Förebyggandeenheten', 'Beredskapsenheten'],
    topics: ['insatstiderna på landsbygden', 'tillsynen enligt lagen om skydd mot olyckor', 'brandskyddsutbildningen för kommunanställda', 'rekryteringen av deltidsbrandmän', 'informationen om hemberedskap', 'övningsverksamheten'],
  },
  överförmyndare: {
    områden: ['OMS'], ram: [12000, 30000],
    verksamheter: ['Ställföreträdarskap', 'Tillsyn', 'Administration'],
    enheter: ['Handläggningsenheten', 'Tillsynsenheten'],
    topics: ['rekryteringen av gode män', 'granskningen av årsräkningar', 'utbildningen av ställföreträdare', 'den digitala redovisningen'],
  },
  val: {
    områden: ['ORG'], ram: [4000, 15000],
    verksamheter: ['Valgenomförande', 'Administration'],
    enheter: ['Valkansliet'],
    topics: ['rekryteringen av röstmottagare', 'tillgängligheten i vallokalerna', 'informationen inför valet', 'förtidsröstningen'],
  },
};

const MALOMRADEN = [
  {
    id: 'ARB', namn: 'Arbete och näringsliv',
    beskrivning: `${ORT} ska vara en plats där fler kommer i arbete och där företag vill starta,\nväxa och stanna. Kommunen ska vara en **lyhörd och snabb** myndighet.\n`,
    mål: ['Fler i arbete och egen försörjning', 'Ett starkt och varierat näringsliv', 'En attraktiv ort att etablera sig på'],
    resultatmål: ['Fler invånare ska vara i arbete eller studier', 'Unga vuxna ska snabbare etablera sig på arbetsmarknaden', 'Företagsklimatet ska förbättras', 'Fler företag ska starta och växa i kommunen', 'Handläggningen av ärenden som rör företag ska bli snabbare', 'Kommunens verksamheter ska erbjuda fler praktikplatser', 'Fler bostäder ska byggas i hela kommunen', 'Den digitala infrastrukturen ska byggas ut', 'Färre hushåll ska vara beroende av ekonomiskt bistånd', 'Mark för verksamhetsetableringar ska finnas tillgänglig'],
    kpi: [
      ['Andel invånare 20–64 år som förvärvsarbetar', '%', 'öka'], ['Nystartade företag per 1 000 invånare', 'antal', 'öka'],
      ['Andel unga 16–24 år som varken arbetar eller studerar', '%', 'minska'], ['Andel deltagare i arbetsmarknadsinsatser som gått vidare till arbete eller studier', '%', 'öka'],
      ['Handläggningstid för bygglov från komplett ansökan', 'dagar', 'minska'], ['Nöjd kund-index för företagens myndighetskontakter', 'index', 'öka'],
      ['Antal färdigställda bostäder', 'antal', 'öka'], ['Andel hushåll med långvarigt ekonomiskt bistånd', '%', 'minska'],
      ['Antal feriearbeten för ungdomar', 'antal', 'öka'], ['Andel invånare med tillgång till bredband om minst 1 Gbit/s', '%', 'öka'],
    ],
    medel: ['utökad samverkan med näringslivet', 'riktade insatser för unga vuxna', 'en samlad företagslots', 'fler praktikplatser i kommunen', 'en snabbare planprocess', 'nära samarbete med Arbetsförmedlingen'],
  },
  {
    id: 'UTB', namn: 'Utbildning och livslångt lärande',
    beskrivning: 'Alla barn och elever ska få en god start i livet och nå så långt som möjligt i sitt lärande.\nVuxna ska kunna utbilda sig och ställa om under hela arbetslivet.\n',
    mål: ['Alla elever når kunskapsmålen', 'En trygg och stimulerande förskola', 'Vuxnas lärande och omställning'],
    resultatmål: ['Fler elever ska nå kunskapskraven i alla ämnen', 'Fler elever ska vara behöriga till gymnasieskolan', 'Fler elever ska ta examen från gymnasieskolan', 'Barn och elever ska känna sig trygga i förskola och skola', 'Förskolan ska stärka barnens språkutveckling', 'Närvaron i skolan ska öka', 'Andelen legitimerade lärare och förskollärare ska öka', 'Fler vuxna ska fullfölja sina studier', 'Fler nyanlända ska nå godkända resultat i SFI', 'Elevhälsan ska arbeta mer förebyggande'],
    kpi: [
      ['Andel elever i åk 9 som är behöriga till ett yrkesprogram', '%', 'öka'], ['Andel elever i åk 6 med lägst betyget E i svenska', '%', 'öka'],
      ['Genomsnittligt meritvärde i åk 9', 'poäng', 'öka'], ['Andel gymnasieelever med examen inom fyra år', '%', 'öka'],
      ['Andel elever som känner sig trygga i skolan', '%', 'öka'], ['Antal barn per årsarbetare i förskolan', 'antal', 'minska'],
      ['Andel legitimerade förskollärare', '%', 'öka'], ['Andel elever med ogiltig frånvaro över 10 procent', '%', 'minska'],
      ['Andel vuxenstuderande som fullföljer sin kurs', '%', 'öka'], ['Kostnad per elev i grundskolan', 'kr', 'bibehåll'],
    ],
    medel: ['tidiga stödinsatser', 'kollegialt lärande', 'ett stärkt elevhälsoarbete', 'fler speciallärare', 'bättre övergångar mellan skolformer', 'ett systematiskt kvalitetsarbete'],
  },
  {
    id: 'OMS', namn: 'Omsorg och trygghet',
    beskrivning: 'Den som behöver stöd ska få det i rätt tid och med god kvalitet. Invånarna ska\nkänna sig trygga i hela kommunen, i alla åldrar.\n',
    mål: ['En trygg och värdig äldreomsorg', 'Tidiga och samordnade insatser för barn och unga', 'Ökad trygghet i offentliga miljöer'],
    resultatmål: ['Äldre ska känna sig trygga med hemtjänsten', 'Äldre ska få plats i särskilt boende utan lång väntan', 'Barn och unga i utsatta situationer ska få stöd tidigt', 'Färre unga ska återkomma till socialtjänsten', 'Invånarna ska känna sig trygga i sitt bostadsområde', 'Våldet i nära relationer ska minska', 'Personer med funktionsnedsättning ska vara delaktiga i sin vardag', 'Fallolyckorna bland äldre ska minska', 'Räddningstjänsten ska nå fram snabbt i hela kommunen', 'Samverkan med regionen kring de mest sjuka äldre ska stärkas'],
    kpi: [
      ['Andel brukare som är nöjda med sin hemtjänst', '%', 'öka'], ['Antal olika personal som besöker en hemtjänsttagare under 14 dagar', 'antal', 'minska'],
      ['Väntetid till särskilt boende', 'dagar', 'minska'], ['Andel invånare som känner sig trygga utomhus på kvällen', '%', 'öka'],
      ['Antal anmälda våldsbrott per 1 000 invånare', 'antal', 'minska'], ['Andel barnavårdsutredningar klara inom fyra månader', '%', 'öka'],
      ['Andel ungdomar som inte återaktualiseras ett år efter avslutad insats', '%', 'öka'], ['Andel fallolyckor bland personer över 80 år som leder till sjukhusvård', '%', 'minska'],
      ['Insatstid för räddningstjänsten', 'minuter', 'minska'], ['Andel personer med LSS-beslut som har daglig verksamhet', '%', 'bibehåll'],
    ],
    medel: ['fasta omsorgsteam', 'förebyggande hembesök', 'samverkan med Polisen', 'ett utvecklat föräldrastöd', 'ökad användning av välfärdsteknik', 'samordnad individuell plan'],
  },
  {
    id: 'MIL', namn: 'Miljö och klimat',
    beskrivning: `${KOMMUN} ska bidra till att klimatmålen nås och ta ansvar för en hållbar användning av\nmark, vatten och material.\n`,
    mål: ['Minskad klimatpåverkan', 'Hållbar användning av mark och vatten', 'En cirkulär ekonomi'],
    resultatmål: ['Utsläppen av växthusgaser ska minska', 'Kommunens fordon ska vara fossilfria', 'Avfallsmängderna ska minska', 'Mer material ska återvinnas och återbrukas', 'Energianvändningen i kommunens lokaler ska minska', 'Vattenkvaliteten i sjöar och vattendrag ska förbättras', 'Mer natur ska skyddas', 'Fler ska resa hållbart till arbete och skola', 'Matsvinnet i kommunens kök ska minska', 'Kommunen ska vara förberedd för ett förändrat klimat'],
    kpi: [
      ['Utsläpp av växthusgaser per invånare', 'ton CO₂e', 'minska'], ['Andel fossilfria fordon i kommunens fordonsflotta', '%', 'öka'],
      ['Insamlat hushållsavfall per invånare', 'kg', 'minska'], ['Andel ekologiska livsmedel i kommunens verksamheter', '%', 'öka'],
      ['Energianvändning i kommunens lokaler', 'kWh/m²', 'minska'], ['Andel vattenförekomster med god ekologisk status', '%', 'öka'],
      ['Andel skyddad natur av kommunens landareal', '%', 'öka'], ['Antal laddpunkter för elbil på allmän plats', 'antal', 'öka'],
      ['Andel resor till arbetet med kollektivtrafik, gång eller cykel', '%', 'öka'], ['Matsvinn per portion i skolrestaurangerna', 'gram', 'minska'],
    ],
    medel: ['energieffektivisering', 'klimatkrav i upphandlingar', 'utbyggd laddinfrastruktur', 'information till hushållen', 'samverkan med grannkommunerna', 'en ny avfallsplan'],
  },
  {
    id: 'KUL', namn: 'Kultur, fritid och folkhälsa',
    beskrivning: 'Ett rikt kultur- och fritidsliv ger livskvalitet och god hälsa. Utbudet ska vara\ntillgängligt för alla, oavsett var i kommunen man bor.\n',
    mål: ['Ett rikt kultur- och föreningsliv', 'En jämlik hälsa', 'Attraktiva mötesplatser'],
    resultatmål: ['Fler barn och unga ska delta i kulturskolans verksamhet', 'Biblioteken ska nå fler invånare', 'Föreningslivet ska ha goda förutsättningar', 'Fler unga ska ha en meningsfull fritid', 'Skillnaderna i hälsa mellan olika grupper ska minska', 'Färre unga ska använda tobak och alkohol', 'Fler evenemang ska locka besökare till kommunen', 'Idrottsanläggningarna ska vara tillgängliga för alla', 'Fler barn ska kunna simma', 'Kulturarvet ska bevaras och göras tillgängligt'],
    kpi: [
      ['Antal besök på kommunens bibliotek per invånare', 'antal', 'öka'], ['Antal deltagare i kulturskolans verksamhet', 'antal', 'öka'],
      ['Andel barn och unga som är aktiva i en förening', '%', 'öka'], ['Antal besök på fritidsgårdarna', 'antal', 'öka'],
      ['Andel invånare som skattar sin hälsa som bra', '%', 'öka'], ['Andel elever i åk 9 som röker eller snusar', '%', 'minska'],
      ['Antal arrangemang med stöd från kommunen', 'antal', 'öka'], ['Nöjdhet med kultur- och fritidsutbudet', 'index', 'öka'],
      ['Antal gästnätter i kommunen', 'antal', 'öka'], ['Andel simkunniga elever i åk 4', '%', 'öka'],
    ],
    medel: ['avgiftsfri kulturskola', 'samverkan med föreningslivet', 'förlängda öppettider', 'uppsökande verksamhet i bostadsområdena', 'ett utvecklat evenemangsstöd', 'insatser i skolan'],
  },
  {
    id: 'ORG', namn: 'Hållbar organisation och ekonomi',
    beskrivning: 'Kommunen ska vara en attraktiv arbetsgivare med en långsiktigt hållbar ekonomi och en\neffektiv, digital förvaltning.\n',
    mål: ['En attraktiv arbetsgivare', 'God ekonomisk hushållning', 'En digital och effektiv förvaltning'],
    resultatmål: ['Sjukfrånvaron ska minska', 'Medarbetarnas engagemang ska öka', 'Fler medarbetare ska arbeta heltid', 'Kommunen ska ha ett resultat som motsvarar minst två procent av skatteintäkterna', 'Fler ärenden ska kunna skötas digitalt', 'Invånarna ska få snabba svar på sina frågor', 'Personalomsättningen ska minska', 'Cheferna ska ha goda förutsättningar för sitt ledarskap', 'Kostnaden för inhyrd personal ska minska', 'Investeringarna ska i högre grad finansieras med egna medel'],
    kpi: [
      ['Sjukfrånvaro bland kommunens medarbetare', '%', 'minska'], ['Hållbart medarbetarengagemang (HME)', 'index', 'öka'],
      ['Andel heltidsanställda medarbetare', '%', 'öka'], ['Resultat i förhållande till skatteintäkter och generella statsbidrag', '%', 'bibehåll'],
      ['Andel e-tjänster av totalt antal ärendetyper', '%', 'öka'], ['Andel som får svar på e-post inom två arbetsdagar', '%', 'öka'],
      ['Personalomsättning', '%', 'minska'], ['Andel chefer som genomgått ledarskapsprogrammet', '%', 'öka'],
      ['Kostnad för inhyrd personal', 'tkr', 'minska'], ['Självfinansieringsgrad för investeringar', '%', 'öka'],
    ],
    medel: ['ett aktivt arbetsmiljöarbete', 'utvecklat chefsstöd', 'automatisering av rutinärenden', 'en gemensam kontaktcenterfunktion', 'tydligare ekonomistyrning', 'en strategisk kompetensförsörjning'],
  },
];

const KVAL = ['', '', '', ' bland kvinnor', ' bland män', ' i landsbygdsdelarna', ' i centralorten', ' bland utrikes födda',
  ' bland unga vuxna', ' i de socioekonomiskt utsatta områdena', ' i norra kommundelen', ' i södra kommundelen'];

const AKT_TEMPLATES = [
  'Genomföra kompetensutveckling om {t}', 'Ta fram en handlingsplan för {t}', 'Införa nya rutiner för {t}',
  'Utveckla samverkan kring {t}{m}', 'Kartlägga behoven när det gäller {t}', 'Utvärdera arbetet med {t}',
  'Starta en pilotverksamhet för {t}', 'Genomföra dialogmöten om {t}{m}', 'Revidera riktlinjerna för {t}',
  'Förstärka arbetet med {t}', 'Digitalisera hanteringen av {t}', 'Följa upp och analysera {t}',
  'Samordna insatserna för {t}{m}', 'Informera om {t}{m}', 'Se över arbetssätten för {t}', 'Pröva nya metoder för {t}',
];
const PARTNERS = ['civilsamhället', 'näringslivet', 'Region Sörmland', 'Polisen', 'Arbetsförmedlingen', 'föreningslivet',
  'skolorna', 'vårdnadshavare', 'grannkommunerna', 'brukarorganisationerna', 'bostadsbolaget', 'de fackliga organisationerna'];
const ROLES = ['Enhetschef', 'Verksamhetschef', 'Verksamhetsutvecklare', 'Avdelningschef', 'Controller', 'Kvalitetsstrateg',
  'Projektledare', 'Biträdande förvaltningschef', 'Samordnare', 'Utvecklingsledare', 'Ledningsgruppen', 'Förvaltningschef',
  'HR-partner', 'Medicinskt ansvarig sjuksköterska', 'Rektorsgruppen', 'Miljöstrateg'];
const FIRST = ['Åsa', 'Björn', 'Märta', 'Göran', 'Sofia', 'Jörgen', 'Linnéa', 'Anders', 'Eva', 'Håkan', 'Maja', 'Ömer',
  'Fatima', 'Karl', 'Ingrid', 'Stellan', 'Ylva', 'Mårten', 'Lena', 'Pär', 'Zeynep', 'Jonas', 'Ronja', 'Sören'];
const LAST = ['Lindqvist', 'Åberg', 'Söderström', 'Ek', 'Nyström', 'Öberg', 'Hägglund', 'Sjöberg', 'Karlsson', 'Andersson',
  'Björk', 'Strömberg', 'Fält', 'Wästlund', 'Holmén', 'Ahmadi', 'Johansson', 'Bäckström', 'Nordén', 'Ågren'];
const UPPDRAG_BUDGET = ['Ta fram en ny översiktsplan', 'Utreda förutsättningarna för en gemensam kundtjänst',
  'Ta fram en strategi för lokalförsörjning', 'Se över taxorna inom plan- och byggområdet', 'Utreda införandet av heltid som norm',
  'Ta fram en plan för klimatanpassning', 'Utvärdera stödet till föreningslivet', 'Ta fram ett bostadsförsörjningsprogram',
  'Utreda samordnad varudistribution', 'Införa en gemensam plattform för e-tjänster', 'Ta fram en handlingsplan mot segregation',
  'Se över organisationen för måltidsverksamheten', 'Utreda behovet av en ny simhall', 'Ta fram en digitaliseringsstrategi',
  'Utreda ett kommungemensamt bemanningscenter', 'Ta fram ett program för trygghet och brottsförebyggande arbete'];
const UPPDRAG_NP = ['Ta fram en plan för kompetensförsörjning', 'Redovisa åtgärder för minskad sjukfrånvaro',
  'Kartlägga lokalbehoven fram till 2030', 'Utveckla uppföljningen av verksamhetsmålen', 'Genomföra en brukarundersökning',
  'Se över delegationsordningen', 'Ta fram rutiner för den interna kontrollen', 'Analysera kostnaderna jämfört med liknande kommuner',
  'Ta fram en plan för verksamhetens digitalisering'];
const INVESTERINGAR = ['Ny förskola i {D}', 'Om- och tillbyggnad av {P}skolan', 'Ny idrottshall i {D}', 'Upprustning av {P}badet',
  'Gång- och cykelväg genom {D}', 'Reinvestering i gatubelysning', 'Laddinfrastruktur vid kommunens fastigheter',
  'Ny räddningsstation i {D}', 'Energieffektivisering av {P}gårdens äldreboende', 'Digital infrastruktur i skolorna',
  'Ny lekplats i {D}', 'Förnyelse av VA-ledningar i {D}', 'Nytt LSS-boende i {D}'];
const AKT_KOMMENTAR = {
  pågår: ['Arbetet följer plan.', 'Genomförs tillsammans med regionen.', 'Delvis genomfört; resterande del under kvartal 4.'],
  klar: ['Klart före sommaren, utvärdering pågår.', 'Genomfört enligt plan.', 'Klart; erfarenheterna sprids till övriga enheter.'],
  ej_påbörjad: ['Prioriteras under hösten.', 'Startar efter sommaren enligt plan.'],
  försenad: ['Något försenat på grund av vakanser.', 'Försenat eftersom upphandlingen fick göras om.', 'Försenat i väntan på nytt verksamhetssystem.'],
  avbruten: ['Avbrutet efter omprioritering i ledningsgruppen.', 'Pausat i väntan på beslut om finansiering.'],
};
const NT_KOMMENTAR = ['Utfallet avser första halvåret.', 'Prognosen bygger på utvecklingen hittills i år.',
  'Statistiken publiceras i Kolada i oktober; prognosen är en bedömning.', 'Stora skillnader mellan enheterna.',
  'Positiv utveckling jämfört med samma period förra året.', 'Utvecklingen har avstannat under våren.',
  'Mätningen har gjorts med ny metod, vilket försvårar jämförelser.'];

// ---------------------------------------------------------------- helpers

const pad = (n, w) => String(n).padStart(w, '0');
const r1 = (x) => Math.round(x * 10) / 10;
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
function definite(namn) { // "Andel x" -> "andelen x", "Antal x" -> "antalet x"
  if (namn.startsWith('Andel ')) return 'andelen ' + namn.slice(6);
  if (namn.startsWith('Antal ')) return 'antalet ' + namn.slice(6);
  if (/^[A-ZÅÄÖ][a-zåäö]/.test(namn)) return namn.charAt(0).toLowerCase() + namn.slice(1);
  return namn;
}
function isoDate(y, dayOfYear) {
  return new Date(Date.UTC(y, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}
const daysIn = (y) => ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365);

function fill(rng, tpl) {
  return tpl.replace(/\{P\}/g, () => rng.pick(PLACE)).replace(/\{D\}/g, () => rng.pick(DISTRICTS));
}
function person(rng) {
  return rng.chance(0.6) ? rng.pick(ROLES) : `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
}

// nyckeltal value model per enhet: [lo, hi, decimals, yearly step as fraction of base (or absolute for %)]
const UNIT = {
  '%': [8, 92, 1], antal: [20, 4000, 0], dagar: [12, 120, 0], index: [45, 85, 0], poäng: [190, 240, 1],
  kr: [85000, 140000, 0], minuter: [8, 25, 1], 'ton CO₂e': [2, 8, 1], kg: [300, 520, 0], 'kWh/m²': [120, 220, 0],
  gram: [20, 60, 0], tkr: [4000, 60000, 0],
};
function roundTo(x, dec) { return dec ? r1(x) : Math.round(x); }

function makeNyckeltal(rng, kpi, kval, years, withId) {
  const [namn, enhet, riktning] = kpi;
  const [lo, hi, dec] = UNIT[enhet];
  const base = roundTo(lo + rng() * (hi - lo), dec);
  const sign = riktning === 'öka' ? 1 : riktning === 'minska' ? -1 : 0;
  const step = enhet === '%' ? 0.5 + rng() * 2.5 : base * (0.01 + rng() * 0.05);
  const målvärden = {};
  for (const y of years) {
    let v = base + sign * step * (y - 2023);
    if (enhet === '%') v = Math.min(99.5, Math.max(0.5, v));
    if (v <= 0) v = dec ? 0.1 : 1;
    målvärden[y] = roundTo(v, dec);
  }
  const nt = {};
  if (withId) nt.id = withId;
  nt.namn = namn + kval;
  nt.enhet = enhet;
  nt.riktning = riktning;
  if (rng.chance(0.35)) nt.kolada = `${rng.pick(['N', 'U'])}${pad(rng.int(0, 99999), 5)}`;
  if (rng.chance(0.5)) nt.källa = rng.pick(['Kolada', 'Egen mätning', 'Medborgarundersökningen', 'Verksamhetssystemet', 'SCB']);
  nt.utgångsvärde = flow({ år: 2023, värde: base });
  nt.målvärden = flow(målvärden);
  if (riktning === 'bibehåll') nt.tolerans = dec ? r1(Math.max(0.5, base * 0.02)) : Math.max(1, Math.round(base * 0.02));
  return nt;
}

// A flow-style marker: emitted as { a: 1, b: 2 }.
const FLOW = Symbol('flow');
function flow(o) { Object.defineProperty(o, FLOW, { value: true, enumerable: false }); return o; }

// ---------------------------------------------------------------- YAML emitter
// Hand-written so the output looks like what people write: block mappings, flow lists of IDs,
// flow mappings for short records, literal block scalars for multi-line Markdown.

const DATE_RE = /^\d{4}-\d{2}(-\d{2})?$/;
const PLAIN_BLOCK = /^[\p{L}\p{N}§][\p{L}\p{N} .,;!?()%/§–\-+'’&_²₂]*$/u;
const PLAIN_FLOW = /^[\p{L}\p{N}§][\p{L}\p{N} .;!?()%/§–\-+'’&_²₂]*$/u;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

function scalar(v, inFlow) {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return String(v);
  const s = String(v);
  if (DATE_RE.test(s)) return s;
  if (/^[\d.+-]/.test(s) || RESERVED.test(s) || s.endsWith(' ') || s === '') return JSON.stringify(s);
  return (inFlow ? PLAIN_FLOW : PLAIN_BLOCK).test(s) ? s : JSON.stringify(s);
}
const isScalar = (v) => v === null || typeof v !== 'object';

function flowMap(o) {
  return '{ ' + Object.entries(o).filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? flowList(v) : isScalar(v) ? scalar(v, true) : flowMap(v)}`).join(', ') + ' }';
}
function flowList(a) { return '[' + a.map((v) => scalar(v, true)).join(', ') + ']'; }

function emitMap(obj, ind, out) {
  const sp = ' '.repeat(ind);
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    if (typeof v === 'string' && v.includes('\n')) {
      const body = v.endsWith('\n') ? v.slice(0, -1) : v;
      out.push(`${sp}${k}: ${v.endsWith('\n') ? '|' : '|-'}`);
      for (const line of body.split('\n')) out.push(line ? `${sp}  ${line}` : '');
    } else if (isScalar(v)) {
      out.push(`${sp}${k}: ${scalar(v, false)}`);
    } else if (Array.isArray(v)) {
      if (v.every(isScalar)) { out.push(`${sp}${k}: ${flowList(v)}`); continue; }
      out.push(`${sp}${k}:`);
      for (const item of v) {
        if (item[FLOW]) { out.push(`${sp}  - ${flowMap(item)}`); continue; }
        const sub = [];
        emitMap(item, ind + 4, sub);
        sub[0] = `${sp}  - ${sub[0].slice(ind + 4)}`;
        out.push(...sub);
      }
    } else if (v[FLOW]) {
      out.push(`${sp}${k}: ${flowMap(v)}`);
    } else {
      out.push(`${sp}${k}:`);
      emitMap(v, ind + 2, out);
    }
  }
}
function emitDocs(docs, header) {
  const parts = docs.map((d) => { const out = []; emitMap(d, 0, out); return out.join('\n') + '\n'; });
  return `# ${header}\n` + parts.join('---\n');
}

// ---------------------------------------------------------------- model

function buildModel(seed, scale) {
  const rng = makeRng(seed);
  const YEARS = [2025, 2026];
  const nNamnder = Math.max(2, Math.round(50 * scale));
  const w = Math.max(2, String(nNamnder).length);

  // --- organisation
  const districts = [];
  for (const pre of ['', 'Norra ', 'Södra ', 'Västra ', 'Östra ']) for (const d of DISTRICTS) districts.push(pre + d);
  const namnder = [];
  for (let i = 0; i < nNamnder; i++) {
    const id = `N${pad(i + 1, w)}`, fid = `F${pad(i + 1, w)}`;
    let namn, fnamn, area;
    if (i < FACKNAMNDER.length) [namn, fnamn, area] = FACKNAMNDER[i];
    else {
      const j = i - FACKNAMNDER.length;
      const d = j < districts.length ? districts[j] : `${districts[j % districts.length]} ${Math.floor(j / districts.length) + 1}`;
      namn = `Stadsdelsnämnden ${d}`; fnamn = `Stadsdelsförvaltningen ${d}`; area = 'stadsdel';
    }
    const A = AREAS[area];
    const nEnh = Math.min(A.enheter.length, rng.int(2, 4));
    const enheter = rng.sample(A.enheter, nEnh).map((t, k) => ({ id: `${fid}-E${k + 1}`, namn: fill(rng, t), key: `E${k + 1}` }));
    const nParts = rng.int(8, 11);
    const parts = [];
    for (const e of enheter) parts.push({ organ: e.id, folder: e.id, key: e.key, namn: e.namn });
    for (let k = enheter.length + 1; k <= nParts; k++) {
      const verks = rng.pick(A.verksamheter);
      parts.push({ organ: fid, folder: `del-${pad(k, 2)}`, key: `D${pad(k, 2)}`, namn: `${fnamn}, ${verks.toLowerCase()}` });
    }
    namnder.push({ id, namn, area, fid, fnamn, enheter, parts, idx: i });
  }
  const bolag = [
    { id: 'B01', namn: 'Åsjöholms Bostäder AB', typ: 'bolag' },
    { id: 'B02', namn: 'Åsjöholms Energi och Vatten AB', typ: 'bolag' },
    { id: 'B03', namn: 'Åsjöholms Hamn AB', typ: 'bolag' },
    { id: 'B04', namn: 'Åsjöholms Parkerings AB', typ: 'bolag' },
    { id: 'KFB1', namn: 'Räddningstjänsten Mälarsjö kommunalförbund', typ: 'kommunalförbund' },
  ];

  const organisation = [flow({ id: 'KF', namn: 'Kommunfullmäktige', typ: 'fullmäktige' })];
  for (const n of namnder) organisation.push(flow({ id: n.id, namn: n.namn, typ: 'nämnd' }));
  for (const n of namnder) organisation.push(flow({ id: n.fid, namn: n.fnamn, typ: 'förvaltning', under: n.id }));
  for (const n of namnder) for (const e of n.enheter) organisation.push(flow({ id: e.id, namn: e.namn, typ: 'enhet', under: n.fid }));
  for (const b of bolag) organisation.push(flow({ id: b.id, namn: b.namn, typ: b.typ }));

  const kommun = {
    typ: 'kommun',
    namn: KOMMUN,
    kommunkod: '2999',
    språk: 'sv',
    vision: {
      id: 'V2030',
      namn: `Vision 2030 – ${ORT}, där livet får växa`,
      text: `I ${ORT} är det nära till allt som betyder något: arbete, natur, kultur och gemenskap.\n\n` +
        '- Vi växer hållbart i hela kommunen.\n- Vi tar vara på varandras kunskap och engagemang.\n' +
        '- Vi är *öppna*, *modiga* och *lyhörda*.\n',
      målår: 2030,
      beslut: flow({ organ: 'KF', datum: '2019-06-17', paragraf: '§ 88' }),
    },
    organisation,
    bedömning: flow({ uppfyllt: 0.75, delvis: 0.25 }),
    ignorera: ['arkiv/**'],
  };

  // --- kommunplan
  const kommunplan = {
    typ: 'kommunplan', id: 'KP2023', namn: 'Kommunplan 2023–2026', period: flow({ från: 2023, till: 2026 }),
    vision: 'V2030', status: 'beslutad', beslut: flow({ organ: 'KF', datum: '2023-04-17', paragraf: '§ 45' }),
    målområden: MALOMRADEN.map((m) => ({
      id: m.id, namn: m.namn, beskrivning: m.beskrivning,
      mål: m.mål.map((t, k) => flow({ id: `${m.id}.${k + 1}`, namn: t })),
    })),
  };

  const model = { kommun, kommunplan, namnder, bolag, years: {}, YEARS };
  for (const Y of YEARS) model.years[Y] = buildYear(rng, Y, scale, namnder, bolag);
  return model;
}

function buildYear(rng, Y, scale, namnder, bolag) {
  const yy = String(Y).slice(2);
  const planYears = [Y, Y + 1, Y + 2];
  const nN = namnder.length;
  const areaOf = (n) => AREAS[n.area];

  // --- resultatmål (10 per målområde)
  const resultatmål = [];
  for (const m of MALOMRADEN) {
    m.resultatmål.forEach((text, k) => {
      const id = `R${yy}-${m.id}-${pad(k + 1, 2)}`;
      const rm = { id, målområde: m.id, mål: rng.chance(0.2) ? rng.sample([1, 2, 3], 2).sort().map((x) => `${m.id}.${x}`) : [`${m.id}.${rng.int(1, 3)}`], text };
      if (rng.chance(0.4)) {
        const n = rng.int(1, 2);
        const kpis = n === 1 ? [m.kpi[k]] : [m.kpi[k], rng.pick(m.kpi.filter((x) => x !== m.kpi[k]))];
        rm.nyckeltal = kpis.map((kpi, j) => makeNyckeltal(rng, kpi, '', planYears, `${id}-K${j + 1}`));
      }
      rm._m = m;
      resultatmål.push(rm);
    });
  }
  const rmByOmr = {};
  for (const rm of resultatmål) (rmByOmr[rm.målområde] ||= []).push(rm);

  // --- åtaganden
  const nA = Math.max(resultatmål.length + nN, Math.round(1000 * scale));
  const raw = [];
  const namnderFor = (omr) => namnder.filter((n) => areaOf(n).områden.includes(omr));
  for (let i = 0; i < nA; i++) {
    let rm, primary;
    if (i < nN) { // every nämnd owns at least one åtagande
      primary = namnder[i];
      rm = rng.pick(rmByOmr[rng.pick(areaOf(primary).områden)]);
    } else if (i < nN + resultatmål.length) { // every resultatmål has at least one åtagande
      rm = resultatmål[i - nN];
    } else {
      rm = rng.pick(resultatmål);
    }
    if (!primary) {
      const cands = namnderFor(rm.målområde);
      primary = cands.length && rng.chance(0.85) ? rng.pick(cands) : rng.pick(namnder);
    }
    raw.push({ rm, primary, alla: i >= nN && rng.chance(0.01) });
  }
  // order by målområde, then resultatmål number, as a controller would write the document
  const omrIdx = Object.fromEntries(MALOMRADEN.map((m, k) => [m.id, k]));
  raw.sort((a, b) => omrIdx[a.rm.målområde] - omrIdx[b.rm.målområde] || (a.rm.id < b.rm.id ? -1 : a.rm.id > b.rm.id ? 1 : 0));
  const perOmr = {};
  const åtaganden = [];
  const aw = Math.max(3, String(nA).length);
  for (const r of raw) {
    const m = r.rm._m;
    const k = (perOmr[m.id] = (perOmr[m.id] || 0) + 1);
    const id = `A${yy}-${m.id}-${pad(k, aw)}`;
    let nämnder;
    if (r.alla) nämnder = 'alla';
    else {
      const extra = rng.weighted([[0, 70], [1, 22], [2, 8]]);
      const set = [r.primary.id];
      for (const n of rng.sample(namnder, extra + 2)) if (set.length < extra + 1 && !set.includes(n.id)) set.push(n.id);
      nämnder = set;
    }
    const rms = [r.rm.id];
    if (rng.chance(0.08)) { const o = rng.pick(rmByOmr[m.id]); if (o.id !== r.rm.id) rms.push(o.id); }
    const kpi = rng.pick(m.kpi);
    const kval = rng.pick(KVAL);
    const nt = makeNyckeltal(rng, kpi, kval, planYears, null);
    const def = definite(nt.namn);
    const verb = { öka: 'öka', minska: 'minska', bibehåll: 'hållas på minst nuvarande nivå' }[kpi[2]];
    const verbP = { öka: 'ökar', minska: 'minskar', bibehåll: 'hålls på minst nuvarande nivå' }[kpi[2]];
    const medel = rng.pick(m.medel);
    const text = rng.pick([
      () => `${cap(def)} ska ${verb}.`,
      () => `Vi ska verka för att ${def} ${verbP} under planperioden.`,
      () => `${cap(def)} ska ${verb} genom ${medel}.`,
      () => `Genom ${medel} ska ${def} ${verb}.`,
    ])();
    const a = { id, resultatmål: rms, nämnder, text, nyckeltal: nt };
    Object.defineProperty(a, '_primary', { value: r.primary.id, enumerable: false });
    Object.defineProperty(a, '_omr', { value: m, enumerable: false });
    åtaganden.push(a);
  }
  for (const rm of resultatmål) delete rm._m;

  const owned = {}; // nämnd id -> åtaganden it owns (incl. alla)
  const primaryOf = {};
  for (const n of namnder) { owned[n.id] = []; primaryOf[n.id] = []; }
  for (const a of åtaganden) {
    const ns = a.nämnder === 'alla' ? namnder.map((n) => n.id) : a.nämnder;
    for (const nid of ns) owned[nid].push(a);
    primaryOf[a._primary].push(a);
  }

  // --- uppdrag, ramar, investeringar
  const nU = Math.max(6, Math.round(30 * scale));
  const uppdrag = [];
  for (let i = 0; i < nU; i++) {
    const till = rng.sample(namnder, rng.weighted([[1, 80], [2, 20]])).map((n) => n.id);
    uppdrag.push({
      id: `U${yy}-${pad(i + 1, 2)}`, till, text: rng.pick(UPPDRAG_BUDGET),
      bidrar_till: [rng.pick(resultatmål).id], klart: isoDate(Y, rng.int(120, 360)),
    });
  }
  const ramar = [];
  const ram = {};
  for (const n of namnder) {
    const [lo, hi] = areaOf(n).ram;
    const belopp = Math.round((lo + rng() * (hi - lo)) / 100) * 100; // whole 100 tkr, so 0.1 mnkr is exact
    ram[n.id] = belopp;
    ramar.push(flow({ organ: n.id, belopp }));
  }
  for (const b of bolag) if (b.id !== 'B04') ramar.push(flow({ organ: b.id, belopp: Math.round(rng.int(2000, 90000) / 100) * 100 }));
  const investeringar = [];
  for (let i = 0; i < Math.max(4, Math.round(40 * scale)); i++) {
    const n = rng.pick(namnder.filter((x) => ['teknik', 'samhällsbyggnad', 'utbildning', 'förskola', 'kultur', 'omsorg', 'stadsdel'].includes(x.area)).concat(namnder.slice(0, 1)));
    const belopp = {};
    for (const y of planYears) if (y === Y || rng.chance(0.6)) belopp[y] = rng.int(5, 400) * 100;
    investeringar.push(flow({ id: `INV${yy}-${pad(i + 1, 2)}`, organ: n.id, namn: fill(rng, rng.pick(INVESTERINGAR)), belopp: flow(belopp) }));
  }

  const budget = {
    typ: 'budget', id: `OPB${Y}`, namn: `Övergripande plan med budget ${Y}–${Y + 2}`, år: Y,
    planperiod: flow({ från: Y, till: Y + 2 }), status: 'beslutad',
    beslut: flow({ organ: 'KF', datum: isoDate(Y - 1, 320 + rng.int(0, 10)), paragraf: `§ ${rng.int(120, 190)}` }),
    beloppsenhet: 'tkr',
    resultatmål, åtaganden, uppdrag, ramar, investeringar,
  };

  // --- nämndplaner
  const namndplaner = [];
  const vmsOf = {}, nuOf = {};
  for (const n of namnder) {
    const A = areaOf(n);
    const mine = primaryOf[n.id].length ? primaryOf[n.id] : owned[n.id];
    const vms = [];
    for (let k = 1; k <= rng.int(4, 8); k++) {
      const targets = rng.sample(rng.chance(0.9) ? mine : owned[n.id], rng.weighted([[1, 75], [2, 25]]));
      const t0 = targets[0];
      const kpi = rng.pick(t0._omr.kpi);
      const verks = rng.pick(A.verksamheter);
      const vm = {
        id: `VM${yy}-${n.id}-${k}`,
        text: `Inom ${verks.toLowerCase()} ska vi bidra till att ${definite(kpi[0])} ${{ öka: 'ökar', minska: 'minskar', bibehåll: 'hålls på minst nuvarande nivå' }[kpi[2]]}.`,
        bidrar_till: targets.map((t) => t.id),
      };
      if (rng.chance(0.6)) vm.nyckeltal = makeNyckeltal(rng, kpi, '', [Y], null);
      vms.push(vm);
    }
    const nus = [];
    for (let k = 1; k <= rng.int(1, 3); k++) {
      nus.push({ id: `NU${yy}-${n.id}-${k}`, till: [n.fid], text: rng.pick(UPPDRAG_NP), bidrar_till: [rng.pick(vms).id], klart: isoDate(Y, rng.int(90, 360)) });
    }
    // internbudget: split the ram in whole 100 tkr; a fifth of the nämnder write mnkr with one decimal
    const mnkr = rng.chance(0.2);
    const verks = rng.sample(A.verksamheter, Math.min(A.verksamheter.length, rng.int(3, 7)));
    const units = ram[n.id] / 100;
    const weights = verks.map(() => 1 + rng() * 4);
    const W = weights.reduce((s, x) => s + x, 0);
    const alloc = weights.map((x) => Math.max(1, Math.floor((units * x) / W)));
    alloc[alloc.length - 1] = units - alloc.slice(0, -1).reduce((s, x) => s + x, 0);
    if (alloc[alloc.length - 1] < 1) throw new Error(`internbudget split failed for ${n.id}`);
    const internbudget = verks.map((v, k) => flow({ verksamhet: v, belopp: mnkr ? alloc[k] / 10 : alloc[k] * 100 }));
    const np = {
      typ: 'nämndplan', id: `NP${Y}-${n.id}`, namn: `Nämndplan ${Y} – ${n.namn}`, nämnd: n.id, år: Y,
      status: 'beslutad', beslut: flow({ organ: n.id, datum: isoDate(Y, rng.int(14, 40)), paragraf: `§ ${rng.int(1, 30)}` }),
      beloppsenhet: mnkr ? 'mnkr' : 'tkr',
      'x-diarienummer': `${n.id}-${Y - 1}/${rng.int(10, 999)}`,
      verksamhetsmål: vms, uppdrag: nus, internbudget,
    };
    namndplaner.push({ n, doc: np, file: `namnder/${n.id}/${Y}.yaml` });
    vmsOf[n.id] = vms; nuOf[n.id] = nus;
  }

  // --- verksamhetsplaner
  const files = []; // {n, part, doc, file}
  for (const n of namnder) for (const part of n.parts) files.push({ n, part });
  const totalAkt = Math.round(10000 * scale);
  const counts = files.map(() => rng.int(14, 28));
  let sum = counts.reduce((s, x) => s + x, 0);
  while (sum !== totalAkt) { // nudge to the exact total, keeping 5..40 per file
    const i = rng.int(0, files.length - 1);
    if (sum < totalAkt && counts[i] < 40) { counts[i]++; sum++; } else if (sum > totalAkt && counts[i] > 5) { counts[i]--; sum--; }
  }
  const vps = [];
  let fi = 0;
  for (const n of namnder) {
    const myFiles = files.filter((f) => f.n === n);
    const myCounts = myFiles.map(() => counts[fi++]);
    const total = myCounts.reduce((s, x) => s + x, 0);
    const required = primaryOf[n.id];
    if (required.length > total) throw new Error(`${n.id}: ${required.length} åtaganden but only ${total} aktiviteter`);
    const A = areaOf(n);
    const targets = required.map((a) => [a.id]);
    while (targets.length < total) {
      const kind = rng.weighted([['a', 55], ['vm', 35], ['nu', 10]]);
      const t = kind === 'a' ? rng.pick(owned[n.id]).id : kind === 'vm' ? rng.pick(vmsOf[n.id]).id : rng.pick(nuOf[n.id]).id;
      const list = [t];
      if (rng.chance(0.12)) { const t2 = rng.pick(vmsOf[n.id]).id; if (t2 !== t) list.push(t2); }
      targets.push(list);
    }
    const shuffled = rng.shuffle(targets);
    let off = 0;
    myFiles.forEach((f, k) => {
      const part = f.part;
      const prefix = `AK${yy}-${n.fid}-${part.key}`;
      const aktiviteter = [];
      for (let j = 1; j <= myCounts[k]; j++) {
        const t = rng.pick(A.topics);
        const namn = rng.pick(AKT_TEMPLATES).replace('{t}', t).replace('{m}', rng.chance(0.4) ? ` med ${rng.pick(PARTNERS)}` : '');
        const ak = { id: `${prefix}-${pad(j, 2)}`, namn, bidrar_till: shuffled[off++] };
        if (rng.chance(0.9)) ak.ansvarig = person(rng);
        if (rng.chance(0.85)) {
          const s = rng.int(0, 250);
          ak.start = isoDate(Y, s);
          ak.slut = isoDate(Y, Math.min(daysIn(Y) - 1, s + rng.int(30, 220)));
        }
        if (rng.chance(0.05)) ak['x-kostnadsställe'] = String(rng.int(1000, 9999));
        aktiviteter.push(ak);
      }
      const doc = {
        typ: 'verksamhetsplan', id: `VP${Y}-${n.fid}-${part.key}`, namn: `Verksamhetsplan ${Y} – ${part.namn}`,
        organ: part.organ, år: Y, aktiviteter,
      };
      if (rng.chance(0.25)) {
        doc.produktionsmål = [];
        for (let p = 1; p <= rng.int(1, 2); p++) {
          const tgt = rng.chance(0.5) ? rng.pick(vmsOf[n.id]).id : rng.pick(owned[n.id]).id;
          const kpi = rng.pick(MALOMRADEN[omrIdx[rng.pick(A.områden)]].kpi);
          doc.produktionsmål.push({
            id: `PM${yy}-${n.fid}-${part.key}-${p}`, text: `${cap(definite(kpi[0]))} inom ${part.namn.toLowerCase()} ska ${{ öka: 'öka', minska: 'minska', bibehåll: 'hållas på minst nuvarande nivå' }[kpi[2]]}.`,
            bidrar_till: [tgt], nyckeltal: makeNyckeltal(rng, kpi, '', [Y], null),
          });
        }
      }
      vps.push({ n, part, doc, file: `verksamhetsplaner/${n.fid}/${part.folder}/${Y}.yaml` });
    });
  }

  // --- uppföljning (delår, period Y-08): one whole-kommun document + one per nämnd, in one file
  const period = `${Y}-08`;
  const statusPick = () => rng.weighted([['pågår', 50], ['klar', 20], ['ej_påbörjad', 15], ['försenad', 10], ['avbruten', 5]]);
  const ntFollow = (nt, avser) => {
    const t = nt.målvärden[Y];
    const dec = UNIT[nt.enhet][2];
    const utfall = roundTo(t * (0.85 + rng() * 0.3), dec);
    const e = { avser, utfall, prognos: roundTo((utfall + t) / 2 * (0.97 + rng() * 0.06), dec) };
    if (rng.chance(0.2)) e.kommentar = rng.pick(NT_KOMMENTAR);
    return flow(e);
  };
  const kNyckeltal = [];
  for (const a of åtaganden) {
    if (rng.chance(0.04)) kNyckeltal.push(flow({ avser: a.id, bedömning: rng.pick(['uppfyllt', 'delvis_uppfyllt', 'ej_uppfyllt', 'ej_bedömd']), kommentar: 'Manuell bedömning eftersom statistiken saknas för perioden.' }));
    else if (rng.chance(0.72)) kNyckeltal.push(ntFollow(a.nyckeltal, a.id));
  }
  for (const rm of resultatmål) for (const nt of rm.nyckeltal || []) if (rng.chance(0.5)) kNyckeltal.push(ntFollow(nt, nt.id));
  const ekonomi = namnder.map((n) => {
    const b = ram[n.id];
    const e = { organ: n.id, budget: b, utfall: Math.round(b * (0.6 + rng() * 0.1)), prognos: Math.round(b * (0.97 + rng() * 0.05)) };
    if (e.prognos > b) e.kommentar = `Underskott främst inom ${rng.pick(areaOf(n).verksamheter).toLowerCase()}.`;
    return flow(e);
  });
  const åtgärder = rng.sample(åtaganden, Math.max(2, Math.round(8 * scale))).map((a, k) => flow({
    id: `ÅP${yy}-${pad(k + 1, 2)}`, avser: [a.id], text: 'Fördjupad analys och riktade insatser under hösten.',
    ansvarig: person(rng), klart: isoDate(Y, rng.int(300, 360)),
  }));
  const kommunDoc = {
    typ: 'uppföljning', id: `UF${period}`, namn: `Delårsrapport januari–augusti ${Y}`, period, rapport: 'delår',
    status: 'beslutad', beslut: flow({ organ: 'KF', datum: isoDate(Y, 290), paragraf: `§ ${rng.int(100, 140)}` }),
    beloppsenhet: 'tkr',
    analys: `## Sammanfattning\n\nKommunen har under perioden arbetat vidare med de prioriterade målområdena.\n` +
      `Av de åtaganden som har bedömts bedöms en **majoritet** vara helt eller delvis uppfyllda.\n\n` +
      `- Ekonomin är i balans sett till helheten, men flera nämnder prognostiserar underskott.\n` +
      `- Sjukfrånvaron har minskat något jämfört med föregående år.\n`,
    nyckeltal: kNyckeltal,
    uppdrag: uppdrag.map((u) => flow({ avser: u.id, status: statusPick() })),
    ekonomi,
    åtgärder,
  };
  const ufDocs = [kommunDoc];
  for (const n of namnder) {
    const nt = [];
    for (const vm of vmsOf[n.id]) if (vm.nyckeltal && rng.chance(0.7)) nt.push(ntFollow(vm.nyckeltal, vm.id));
    const akt = [];
    for (const vp of vps) {
      if (vp.n !== n) continue;
      for (const pm of vp.doc.produktionsmål || []) if (rng.chance(0.7)) nt.push(ntFollow(pm.nyckeltal, pm.id));
      for (const ak of vp.doc.aktiviteter) {
        if (!rng.chance(0.35)) continue;
        const s = statusPick();
        const e = { avser: ak.id, status: s };
        if (s === 'försenad' || s === 'avbruten' || rng.chance(0.1)) e.kommentar = rng.pick(AKT_KOMMENTAR[s]);
        akt.push(flow(e));
      }
    }
    const d = { typ: 'uppföljning', id: `UF${period}-${n.id}`, namn: `Delårsrapport ${Y} – ${n.namn}`, period, rapport: 'delår', organ: n.id };
    if (nt.length) d.nyckeltal = nt;
    if (akt.length) d.aktiviteter = akt;
    d.uppdrag = nuOf[n.id].map((u) => flow({ avser: u.id, status: statusPick() }));
    ufDocs.push(d);
  }

  return { Y, budget, namndplaner, vps, ufDocs, ufFile: `uppfoljning/${period}-delar.yaml`, owned, primaryOf };
}

// ---------------------------------------------------------------- revisions (for `plan diff`)

function applyRevision(model, rev, seed) {
  const rng = makeRng(seed * 7919 + rev);
  const changes = [];
  const years = model.YEARS;
  // 1. a few målvärden changed
  for (let i = 0; i < 8; i++) {
    const Y = rng.pick(years);
    const a = rng.pick(model.years[Y].budget.åtaganden);
    const nt = a.nyckeltal;
    const dec = UNIT[nt.enhet][2];
    const old = nt.målvärden[Y];
    let nv = roundTo(old * (rng.chance(0.5) ? 1.08 : 0.93), dec);
    if (nv === old) nv = roundTo(old + (dec ? 0.5 : 1), dec);
    nt.målvärden[Y] = nv;
    changes.push({ kind: 'målvärde', year: Y, id: a.id, from: old, to: nv });
  }
  // 2. an åtagande per year moved to another resultatmål in the same målområde
  for (const Y of years) {
    const b = model.years[Y].budget;
    const uses = {};
    for (const a of b.åtaganden) for (const r of a.resultatmål) uses[r] = (uses[r] || 0) + 1;
    const cand = b.åtaganden.filter((a) => a.resultatmål.length === 1 && uses[a.resultatmål[0]] >= 2);
    const a = rng.pick(cand);
    const from = a.resultatmål[0];
    const omr = b.resultatmål.find((r) => r.id === from).målområde;
    const to = rng.pick(b.resultatmål.filter((r) => r.målområde === omr && r.id !== from)).id;
    a.resultatmål = [to];
    changes.push({ kind: 'åtagande flyttat', year: Y, id: a.id, from, to });
  }
  // 3. aktiviteter removed (only ones whose åtaganden are served by another aktivitet too)
  for (const Y of years) {
    const yr = model.years[Y];
    const direct = {};
    for (const vp of yr.vps) for (const ak of vp.doc.aktiviteter) for (const t of ak.bidrar_till) direct[t] = (direct[t] || 0) + 1;
    const withStatus = new Set(yr.ufDocs.flatMap((d) => (d.aktiviteter || []).map((e) => e.avser)));
    const removed = new Set();
    let guard = 0;
    while (removed.size < 3 && guard++ < 10000) {
      const vp = rng.pick(yr.vps);
      if (vp.doc.aktiviteter.length < 6) continue;
      const idx = rng.int(0, vp.doc.aktiviteter.length - 1);
      const ak = vp.doc.aktiviteter[idx];
      if (!ak.bidrar_till.every((t) => direct[t] >= 2)) continue;
      if (removed.size === 0 && !withStatus.has(ak.id)) continue; // one removal also touches the follow-up
      for (const t of ak.bidrar_till) direct[t]--;
      vp.doc.aktiviteter.splice(idx, 1);
      removed.add(ak.id);
      changes.push({ kind: 'aktivitet borttagen', year: Y, id: ak.id, file: vp.file });
    }
    for (const d of yr.ufDocs) if (d.aktiviteter) d.aktiviteter = d.aktiviteter.filter((e) => !removed.has(e.avser));
    // 4. aktiviteter added
    for (let i = 0; i < 3; i++) {
      const vp = rng.pick(yr.vps);
      const nums = vp.doc.aktiviteter.map((ak) => Number(ak.id.slice(ak.id.lastIndexOf('-') + 1)));
      const next = Math.max(0, ...nums) + 1;
      const prefix = `AK${String(Y).slice(2)}-${vp.n.fid}-${vp.part.key}`;
      const ak = {
        id: `${prefix}-${pad(next, 2)}`, namn: `Genomföra en uppföljande workshop om ${rng.pick(AREAS[vp.n.area].topics)}`,
        bidrar_till: [rng.pick(yr.owned[vp.n.id]).id], ansvarig: person(rng), start: `${Y}-09-01`, slut: `${Y}-11-30`,
      };
      vp.doc.aktiviteter.push(ak);
      changes.push({ kind: 'aktivitet tillagd', year: Y, id: ak.id, file: vp.file });
    }
  }
  return changes;
}

// ---------------------------------------------------------------- write

function prepareOut(dir) {
  if (fs.existsSync(dir)) {
    const entries = fs.readdirSync(dir);
    if (entries.length && !entries.includes(MARKER)) {
      console.error(`generate: refusing to wipe ${dir}: it is not empty and has no ${MARKER} (not a generated corpus)`);
      process.exit(2);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true });
}

function main() {
  const opt = parseArgs(process.argv.slice(2));
  const model = buildModel(opt.seed, opt.scale);
  const changes = [];
  for (let r = 2; r <= opt.revision; r++) changes.push(...applyRevision(model, r, opt.seed));

  const header = `Genererad testplan för Rödtråds benchmark (seed ${opt.seed}, skala ${opt.scale}) – redigera inte för hand.`;
  const out = []; // [relPath, text]
  out.push(['plan.yaml', emitDocs([model.kommun], header)]);
  out.push(['kommunplan/2023-2026.yaml', emitDocs([model.kommunplan], header)]);
  let nVp = 0;
  for (const Y of model.YEARS) {
    const yr = model.years[Y];
    out.push([`budget/${Y}.yaml`, emitDocs([yr.budget], header)]);
    for (const np of yr.namndplaner) out.push([np.file, emitDocs([np.doc], header)]);
    for (const vp of yr.vps) {
      let text = emitDocs([vp.doc], header);
      // about 1 % of the files as an editor on macOS may save them: decomposed (NFD) å, ä, ö
      if (opt.nfd && nVp++ % 97 === 50) text = text.normalize('NFD');
      out.push([vp.file, text]);
    }
    out.push([yr.ufFile, emitDocs(yr.ufDocs, header)]);
  }

  prepareOut(opt.out);
  let bytes = 0;
  const made = new Set();
  for (const [rel, text] of out) {
    const p = path.join(opt.out, rel);
    const d = path.dirname(p);
    if (!made.has(d)) { fs.mkdirSync(d, { recursive: true }); made.add(d); }
    const buf = Buffer.from(text, 'utf8');
    fs.writeFileSync(p, buf);
    bytes += buf.length;
  }
  const nÅt = model.YEARS.reduce((s, Y) => s + model.years[Y].budget.åtaganden.length, 0);
  const nAk = model.YEARS.reduce((s, Y) => s + model.years[Y].vps.reduce((t, vp) => t + vp.doc.aktiviteter.length, 0), 0);
  const summary = { files: out.length, bytes, nämnder: model.namnder.length, åtaganden: nÅt, aktiviteter: nAk };
  fs.writeFileSync(path.join(opt.out, MARKER), JSON.stringify({
    generator: 'test/bench/generate.mjs', seed: opt.seed, scale: opt.scale, revision: opt.revision, nfd: opt.nfd, ...summary, changes,
  }, null, 2) + '\n');
  console.log(`generated ${path.relative(process.cwd(), opt.out) || '.'}: files=${summary.files} bytes=${bytes} (${(bytes / 1048576).toFixed(2)} MiB) ` +
    `nämnder=${summary.nämnder} åtaganden=${nÅt} aktiviteter=${nAk}` + (opt.revision > 1 ? ` revision=${opt.revision} changes=${changes.length}` : ''));
}

main();
