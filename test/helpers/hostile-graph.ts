// Plans with hostile goal-graph shapes, written into a folder (a temp folder in the tests):
// a deep chain of verksamhetsmål, and a "diamond ladder" where every level has two parents.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Verksamhetsmål per nämndplan file: real plan files are kilobytes, so a long chain spans files. */
const PER_FILE = 500;

function write(dir: string, rel: string, text: string): void {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/**
 * The frame every hostile plan shares: vision V, målområde M, resultatmål R1 and åtagande A1
 * (for every nämnd) in 2026, and a delårsrapport that follows up A1 and the aktivitet AK1.
 */
function frame(dir: string, namnder: string[]): void {
  write(
    dir,
    "plan.yaml",
    [
      "typ: kommun",
      "namn: Fientlig kommun",
      "vision: { id: V, namn: Visionen }",
      "organisation:",
      "  - { id: KF, namn: Kommunfullmäktige, typ: fullmäktige }",
      ...namnder.map((n) => `  - { id: ${n}, namn: Nämnd ${n}, typ: nämnd }`),
      "  - { id: FV, namn: Förvaltningen, typ: förvaltning, under: KF }",
      "",
    ].join("\n"),
  );
  write(dir, "kommunplan/2023-2026.yaml", "typ: kommunplan\nid: KP\nnamn: Kommunplan\nperiod: { från: 2023, till: 2026 }\nvision: V\nbeslut: { organ: KF, datum: 2022-06-13 }\nmålområden:\n  - { id: M, namn: Målområdet }\n");
  write(
    dir,
    "budget/2026.yaml",
    [
      "typ: budget",
      "id: B2026",
      "namn: Budget 2026",
      "år: 2026",
      "planperiod: { från: 2026, till: 2028 }",
      "beslut: { organ: KF, datum: 2025-11-17 }",
      "resultatmål:",
      "  - { id: R1, målområde: M, text: Resultatmålet }",
      "åtaganden:",
      "  - id: A1",
      "    resultatmål: [R1]",
      "    nämnder: alla",
      "    text: Åtagandet",
      "    nyckeltal: { namn: Andel, enhet: \"%\", riktning: öka, målvärden: { 2026: 90 } }",
      "",
    ].join("\n"),
  );
  write(
    dir,
    "uppfoljning/2026-08.yaml",
    "typ: uppföljning\nid: UF2026-08\nperiod: 2026-08\nrapport: delår\nnyckeltal:\n  - { avser: A1, utfall: 80, prognos: 85 }\naktiviteter:\n  - { avser: AK1, status: pågår }\n",
  );
}

function nämndplaner(dir: string, goals: { id: string; up: string[] }[]): string[] {
  const namnder: string[] = [];
  for (let f = 0; f * PER_FILE < goals.length; f++) {
    const n = `N${String(f).padStart(4, "0")}`;
    namnder.push(n);
    const lines = ["typ: nämndplan", `id: NP-${n}`, `nämnd: ${n}`, "år: 2026", `beslut: { organ: ${n}, datum: 2026-01-20 }`, "verksamhetsmål:"];
    for (const g of goals.slice(f * PER_FILE, (f + 1) * PER_FILE)) lines.push(`  - { id: ${g.id}, text: Mål ${g.id}, bidrar_till: [${g.up.join(", ")}] }`);
    write(dir, `namnder/${n}/2026.yaml`, `${lines.join("\n")}\n`);
  }
  return namnder;
}

function aktivitet(dir: string, up: string[]): void {
  write(dir, "verksamhetsplaner/FV/2026.yaml", `typ: verksamhetsplan\nid: VP-FV\norgan: FV\når: 2026\naktiviteter:\n  - { id: AK1, namn: Aktiviteten, bidrar_till: [${up.join(", ")}] }\n`);
}

export const chainId = (i: number): string => `VM${String(i).padStart(6, "0")}`;

/**
 * A chain of `n` verksamhetsmål: VM000000 contributes to A1, each next one to the one before,
 * and the aktivitet AK1 to the deepest (VM{n-1}).
 */
export function writeChainPlan(dir: string, n: number): void {
  const goals = Array.from({ length: n }, (_, i) => ({ id: chainId(i), up: [i === 0 ? "A1" : chainId(i - 1)] }));
  frame(dir, nämndplaner(dir, goals));
  aktivitet(dir, [chainId(n - 1)]);
}

export const ladderId = (level: number, side: "a" | "b"): string => `L${String(level).padStart(3, "0")}${side}`;

/**
 * `levels` levels of two verksamhetsmål each; both of level 0 contribute to A1, both of every
 * next level to both of the level above. AK1 contributes to both of the last level, so it has
 * 2^levels chains up to the vision, and the tree below A1 has 2^(levels+1) - 2 + 2^levels rows
 * below A1.
 */
export function writeLadderPlan(dir: string, levels: number): void {
  const goals: { id: string; up: string[] }[] = [];
  for (let l = 0; l < levels; l++) {
    const up = l === 0 ? ["A1"] : [ladderId(l - 1, "a"), ladderId(l - 1, "b")];
    goals.push({ id: ladderId(l, "a"), up }, { id: ladderId(l, "b"), up });
  }
  frame(dir, nämndplaner(dir, goals));
  aktivitet(dir, [ladderId(levels - 1, "a"), ladderId(levels - 1, "b")]);
}
