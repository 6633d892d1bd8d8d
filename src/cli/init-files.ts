// The files of a new plan repository (`plan init`), built in code rather than read from
// template files: the years are computed (the mandate period that holds the year, a three-year
// planperiod, målvärden per year), the names come from the command line and must be quoted for
// YAML by one function, and CODEOWNERS follows the organisation. A template language would
// need arithmetic, quoting and loops for that, and would collide with the `${{ … }}` of the CI
// workflow; here the type checker and test/init.test.ts (which validates the result) watch it.
import { mergeVscodeSettings, WORKSPACE_ENTRY } from "../format/editor-settings.js";

export interface InitValues {
  namn: string;
  kommunkod?: string;
  år: number;
}

export interface InitFile {
  /** Relative to the new plan root, with forward slashes. */
  path: string;
  text: string;
}

/** The organisation of the skeleton: the nämnder get a folder and a CODEOWNERS line each. */
const NAMNDER = [
  { id: "KS", namn: "Kommunstyrelsen", team: "kommunstyrelsen" },
  { id: "BUN", namn: "Barn- och utbildningsnämnden", team: "barn-och-utbildning" },
] as const;
const FORVALTNING = { id: "BUF", namn: "Barn- och utbildningsförvaltningen", under: "BUN" } as const;

/** A YAML scalar for user text: a double-quoted JSON string is valid YAML whatever it holds. */
const q = (s: string): string => JSON.stringify(s);

/**
 * The mandate period (4 years) that holds `år`. Swedish elections are held every four years
 * in September (2022, 2026, …); the period runs from the year after, so 2023–2026, 2027–2030.
 */
export function mandatePeriod(år: number): { från: number; till: number } {
  const från = år - (((år - 2023) % 4) + 4) % 4;
  return { från, till: från + 3 };
}

/**
 * `.vscode/settings.json`: the plan schema of the package installed in the workspace for every
 * YAML file. One function, so that the shared `plan schema --vscode` settings can replace it.
 */
/** What `plan schema --vscode` writes into a new settings file: the entry schema for every plan file. */
const vscodeSettings = (): string => mergeVscodeSettings(undefined, WORKSPACE_ENTRY);

function planYaml(v: InitValues): string {
  const kod = v.kommunkod !== undefined ? `kommunkod: "${v.kommunkod}"` : `# kommunkod: "0000"   # kommunkoden med fyra siffror, inom citattecken`;
  return `# ${v.namn} – planens rotdokument: kommunens namn, vision och organisation.
# Formatet beskrivs i docs/format.md i paketet rodtrad.

typ: kommun
namn: ${q(v.namn)}
${kod}
språk: sv

vision:
  id: VISION
  namn: ${q(`Vision – ${v.namn.replace(/\s+kommun$/u, "")}`)}
  text: Skriv visionen här. Den står överst i den röda tråden.
  # målår: 2035
  # beslut: { organ: KF, datum: ÅÅÅÅ-MM-DD }

# Fullmäktige, nämnderna och förvaltningarna. En förvaltning hör till en nämnd (under).
organisation:
  - { id: KF,  namn: Kommunfullmäktige, typ: fullmäktige }
${NAMNDER.map((n) => `  - { id: ${n.id.padEnd(3)}, namn: ${n.namn}, typ: nämnd }`).join("\n")}
  - { id: ${FORVALTNING.id}, namn: ${FORVALTNING.namn}, typ: förvaltning, under: ${FORVALTNING.under} }
`;
}

function kommunplanYaml(v: InitValues): string {
  const { från, till } = mandatePeriod(v.år);
  return `# Kommunplan för mandatperioden ${från}–${till}: målområdena som budgetens resultatmål hör till.

typ: kommunplan
id: KP${från}
namn: Kommunplan ${från}–${till}
period: { från: ${från}, till: ${till} }
vision: VISION
# När fullmäktige har beslutat: status: beslutad och beslut: { organ: KF, datum: ÅÅÅÅ-MM-DD }
status: förslag

målområden:
  - id: UTB
    namn: Utbildning
    beskrivning: Barn och elever ska få en trygg och lärorik skolgång.
`;
}

function budgetYaml(v: InitValues): string {
  const [a, b, c] = [v.år, v.år + 1, v.år + 2];
  return `# Övergripande plan med budget ${a}–${c}: resultatmål, åtaganden med nyckeltal och ramar.
# Siffrorna är exempel: byt dem mot era egna.

typ: budget
id: OPB${a}
namn: Övergripande plan med budget ${a}–${c}
år: ${a}
planperiod: { från: ${a}, till: ${c} }
# När fullmäktige har beslutat: status: beslutad och beslut: { organ: KF, datum: ÅÅÅÅ-MM-DD }
status: förslag
beloppsenhet: mnkr

resultatmål:
  - id: UTB-R1
    målområde: UTB
    text: Fler elever ska lämna grundskolan med godkända betyg.

åtaganden:
  # nämnder: alla betyder att varje nämnd har åtagandet; annars en lista, t.ex. [BUN].
  - id: UTB-A01
    resultatmål: [UTB-R1]
    nämnder: alla
    text: Andelen elever i åk 9 som är behöriga till gymnasiet ska öka
    nyckeltal:
      namn: Elever i åk 9 behöriga till yrkesprogram
      enhet: "%"
      riktning: öka
      utgångsvärde: { år: ${a - 2}, värde: 80 }
      målvärden: { ${a}: 82, ${b}: 84, ${c}: 86 }

ramar:
${NAMNDER.map((n, i) => `  - { organ: ${n.id.padEnd(3)}, belopp: ${i === 0 ? "40.0" : "300.0"} }`).join("\n")}
`;
}

function namndplanYaml(v: InitValues): string {
  return `# Barn- och utbildningsnämndens plan med internbudget ${v.år}. Nämndens åtaganden står i
# budgeten; här står nämndens egna verksamhetsmål och hur ramen fördelas.

typ: nämndplan
id: NP${v.år}-BUN
nämnd: BUN
år: ${v.år}
# När nämnden har beslutat: status: beslutad och beslut: { organ: BUN, datum: ÅÅÅÅ-MM-DD }
status: förslag
beloppsenhet: mnkr

verksamhetsmål:
  - id: BUN-VM1
    text: Elever som riskerar att inte bli behöriga ska få extra stöd i tid.
    bidrar_till: [UTB-A01]
    nyckeltal:
      namn: Elever med riskprognos som fått extra stöd
      enhet: "%"
      riktning: öka
      målvärden: { ${v.år}: 90 }

# Summan ska vara nämndens ram i budgeten.
internbudget:
  - { verksamhet: Förskola,   belopp: 100.0 }
  - { verksamhet: Grundskola, belopp: 200.0 }
`;
}

function verksamhetsplanYaml(v: InitValues): string {
  return `# Barn- och utbildningsförvaltningens verksamhetsplan ${v.år}: aktiviteterna och vad de bidrar till.

typ: verksamhetsplan
id: VP${v.år}-BUF
organ: BUF
år: ${v.år}

aktiviteter:
  - id: BUF-AK01
    namn: Läxhjälp för elever i åk 8–9
    bidrar_till: [BUN-VM1]          # → UTB-A01 → UTB-R1 → UTB → VISION
    ansvarig: Rektorsgruppen 7–9
    start: ${v.år}-01-15
    slut: ${v.år}-12-15
`;
}

function codeowners(): string {
  const rows: [string, string][] = [
    ["*", "kommunledning"],
    ["/plan.yaml", "kommunledning"],
    ["/kommunplan/", "kommunledning"],
    ["/budget/", "ekonomi"],
    ["/planeringsdirektiv/", "ekonomi"],
    ...NAMNDER.map((n): [string, string] => [`/namnder/${n.id}/`, n.team]),
    [`/verksamhetsplaner/${FORVALTNING.id}/`, NAMNDER.find((n) => n.id === FORVALTNING.under)!.team],
    ["/uppfoljning/", "ekonomi"],
  ];
  return `# Vem granskar vad: GitHub ber ägarna av en fil att granska varje pull request som ändrar den.
# Byt "@organisation/team" mot era egna team och ta bort # framför raderna.
# Den sista raden som passar en fil gäller. Lägg till en rad per ny nämnd och förvaltning.
${rows.map(([p, team]) => `# ${p.padEnd(26)} @organisation/${team}`).join("\n")}
`;
}

/** The folders of a plan repository, one line each, aligned. */
function layout(v: InitValues): string {
  const { från, till } = mandatePeriod(v.år);
  const a = v.år;
  const rows: [string, string][] = [
    ["plan.yaml", "typ: kommun – namn, vision, organisation"],
    [`kommunplan/${från}-${till}.yaml`, "typ: kommunplan – målområden för mandatperioden"],
    [`planeringsdirektiv/${a + 1}.yaml`, "typ: planeringsdirektiv – nästa års ramar och prioriteringar"],
    [`underlag/${a + 1}/BUN.yaml`, "typ: underlag – nämndens budgetunderlag"],
    [`budget/${a}.yaml`, "typ: budget – resultatmål, åtaganden, ramar"],
    [`namnder/BUN/${a}.yaml`, "typ: nämndplan – verksamhetsmål, internbudget"],
    [`verksamhetsplaner/BUF/${a}.yaml`, "typ: verksamhetsplan – aktiviteter"],
    [`uppfoljning/${a}-08-delar.yaml`, "typ: uppföljning – utfall, prognos, aktiviteternas status"],
    [".github/workflows/plan.yml", "kontrollen i varje pull request"],
    [".github/CODEOWNERS", "vem som granskar vilka filer"],
  ];
  return rows.map(([file, what]) => `${file.padEnd(34)} ${what}`).join("\n");
}

function commands(a: number): string {
  const rows: [string, string][] = [
    ["plan validate", "scheman, ID, hänvisningar, den röda tråden"],
    ["plan trace BUF-AK01", "från en aktivitet upp till visionen"],
    [`plan trace --år ${a} --format mermaid`, "hela årets röda tråd som diagram"],
    [`plan stats --år ${a}`, "åtaganden per nämnd och målområde"],
    ["plan status", "måluppfyllelse för den senaste uppföljningen"],
    ["plan report delår -o delar.html", "delårsrapporten som HTML"],
    ["plan diff origin/main", "vad ändringarna i grenen gör med målen"],
    ["plan regler --lang sv", "alla kontroller och deras allvarlighetsgrad"],
  ];
  return rows.map(([cmd, what]) => `${cmd.padEnd(38)} # ${what}`).join("\n");
}

function readme(v: InitValues): string {
  const a = v.år;
  return `# ${v.namn}: strategisk plan

Den här mappen håller ${v.namn}s plan som YAML-filer i git: visionen, kommunplanen, budgeten,
nämndplanerna, verksamhetsplanerna och uppföljningen. Verktyget \`plan\` (paketet rodtrad)
kontrollerar den röda tråden: att varje aktivitet leder via nämndernas mål och budgetens
åtaganden till ett målområde i kommunplanen och till visionen. Formatet beskrivs i
\`docs/format.md\` i paketet (\`node_modules/rodtrad/docs/format.md\` eller i verktygets källkod).

## Filerna

\`\`\`
${layout(v)}
\`\`\`

Filerna i \`planeringsdirektiv/\`, \`underlag/\` och \`uppfoljning/\` skapas när ni kommer dit i året.
Varje nämnd har en mapp under \`namnder/\` och varje förvaltning en under \`verksamhetsplaner/\`.

## Året

| när | dokument | fil |
|---|---|---|
| april | planeringsdirektiv (KS) | \`planeringsdirektiv/ÅÅÅÅ.yaml\` |
| juni–augusti | nämndernas underlag | \`underlag/ÅÅÅÅ/NÄMND.yaml\` |
| november | övergripande plan med budget (KF) | \`budget/ÅÅÅÅ.yaml\` |
| januari | nämndplan med internbudget | \`namnder/NÄMND/ÅÅÅÅ.yaml\` |
| januari | verksamhetsplan | \`verksamhetsplaner/FÖRVALTNING/ÅÅÅÅ.yaml\` |
| varje månad | månadsrapport | \`uppfoljning/ÅÅÅÅ-MM-manad.yaml\` |
| september | delårsrapport | \`uppfoljning/ÅÅÅÅ-08-delar.yaml\` |
| våren efter | årsredovisning | \`uppfoljning/ÅÅÅÅ-12-helar.yaml\` |

Varje ändring görs i en gren och granskas i en pull request; kontrollen i
\`.github/workflows/plan.yml\` visar fel direkt på raden och vad ändringen gör med målen.

## Kommandon

\`\`\`sh
${commands(a)}
\`\`\`

## Installera verktyget

Tills rodtrad finns i npm-registret: kör \`npm pack\` i verktygets källkod och installera
filen som det ger, t.ex. \`npm install --global ./rodtrad-0.1.0.tgz\`. För kontrollen i
pull requests: lägg filen i \`verktyg/\` i det här förrådet (arbetsflödet installerar den
därifrån). När paketet är publicerat räcker \`npm install --global rodtrad@0.1\`.

För stöd i VS Code (komplettering och förklaringar medan du skriver): installera
tillägget YAML (Red Hat) och paketet i förrådet, \`npm install --save-dev rodtrad\` (eller
tar-filen); \`.vscode/settings.json\` pekar redan på schemat.
`;
}

const GITIGNORE = `node_modules/
*.bak
*.bak.*
`;

/** Every file of the new plan repository; `workflow` is the CI workflow shipped in examples/. */
export function initFiles(v: InitValues, workflow: string): InitFile[] {
  const { från, till } = mandatePeriod(v.år);
  return [
    { path: "plan.yaml", text: planYaml(v) },
    { path: `kommunplan/${från}-${till}.yaml`, text: kommunplanYaml(v) },
    { path: `budget/${v.år}.yaml`, text: budgetYaml(v) },
    { path: `namnder/BUN/${v.år}.yaml`, text: namndplanYaml(v) },
    { path: `verksamhetsplaner/BUF/${v.år}.yaml`, text: verksamhetsplanYaml(v) },
    { path: "README.md", text: readme(v) },
    { path: ".github/CODEOWNERS", text: codeowners() },
    { path: ".github/workflows/plan.yml", text: workflow },
    { path: ".vscode/settings.json", text: vscodeSettings() },
    { path: ".gitignore", text: GITIGNORE },
  ];
}
