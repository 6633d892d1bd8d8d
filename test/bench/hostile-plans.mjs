// Plans of hostile size and shape: each makes one path of the tool do work per pair of things
// (organs × documents, rows × rows, patterns × files…) if that path is written naively. The size
// tests (test/helpers/hostile-size.ts) load them in memory; test/bench/scaling-bench.mjs writes
// them to disk at two sizes and times the commands on each.
import fs from "node:fs";
import path from "node:path";

function planYaml(organs, extra = "") {
  return `typ: kommun
namn: Testby kommun
kommunkod: "0483"
vision: { id: V, namn: Vision, text: Bra, målår: 2035, beslut: { organ: KF, datum: 2023-06-19 } }
organisation:
  - { id: KF, namn: Fullmäktige, typ: fullmäktige }
${organs.map((o) => `  - { id: ${o.id}, namn: ${o.namn ?? o.id}, typ: ${o.typ}${o.under ? `, under: ${o.under}` : ""} }`).join("\n")}
${extra}`;
}
function kommunplan(områden, målPer = 0) {
  return `typ: kommunplan
id: KP
namn: Kommunplan
period: { från: 2023, till: 2030 }
vision: V
beslut: { organ: KF, datum: 2023-06-19 }
målområden:
${områden.map((o) => `  - { id: ${o}, namn: Område ${o}${målPer ? `, mål: [${Array.from({ length: målPer }, (_, i) => `{ id: ${o}-M${i}, namn: mål }`).join(", ")}]` : ""} }`).join("\n")}
`;
}
function budget(year, resultatmål, åtaganden, extra = "") {
  return `typ: budget
id: B${year}
namn: Budget ${year}
år: ${year}
planperiod: { från: ${year}, till: ${year + 2} }
beslut: { organ: KF, datum: 2025-11-17 }
beloppsenhet: tkr
resultatmål:
${resultatmål.map((r) => `  - { id: ${r.id}, målområde: ${r.o}, text: Resultatmål ${r.id} }`).join("\n")}
åtaganden:
${åtaganden
  .map(
    (a) =>
      `  - { id: ${a.id}, resultatmål: ${a.r}, nämnder: ${a.n}, text: Åtagande ${a.id}${a.kpi === false ? "" : `, nyckeltal: { namn: Andel, enhet: "%", riktning: öka, utgångsvärde: { år: 2024, värde: 10 }, målvärden: { ${year}: 20, ${year + 1}: 30 }${a.kolada ? `, kolada: ${a.kolada}` : ""} }`} }`,
  )
  .join("\n")}
${extra}`;
}
const pad = (i, w = 5) => String(i).padStart(w, "0");

/**
 * The files of a plan of the given shape (each case says what it makes), by relative path;
 * `n` and `m` size it, `k3` is a third size where a shape has one.
 */
export function hostileFiles(kase, n = 1000, m = 1000, k3 = 0) {
  const files = new Map();
  const w = (rel, text) => void files.set(rel, text);
  switch (kase) {
    // Shared subtree: m åtaganden all served through one verksamhetsmål V that n aktiviteter serve.
    case "shared": {
      w("plan.yaml", planYaml([{ id: "N1", typ: "nämnd" }, { id: "F1", typ: "förvaltning", under: "N1" }]));
      w("kommunplan/kp.yaml", kommunplan(["O1"]));
      const å = Array.from({ length: m }, (_, i) => ({ id: `A${pad(i)}`, r: "R1", n: "N1" }));
      w("budget/2026.yaml", budget(2026, [{ id: "R1", o: "O1" }], å));
      w("namnder/N1/2026.yaml", `typ: nämndplan\nid: NP\nnämnd: N1\når: 2026\nbeslut: { organ: N1, datum: 2026-01-10 }\nverksamhetsmål:\n  - id: VM1\n    text: Gemensamt\n    bidrar_till: [${å.map((a) => a.id).join(", ")}]\n`);
      w("verksamhetsplaner/F1/2026.yaml", `typ: verksamhetsplan\nid: VP\norgan: F1\når: 2026\naktiviteter:\n${Array.from({ length: n }, (_, i) => `  - { id: AK${pad(i)}, namn: Aktivitet ${i}, bidrar_till: VM1, start: 2026-01-10, slut: 2026-12-10 }`).join("\n")}\n`);
      w("uppfoljning/2026-08.yaml", `typ: uppföljning\nid: UF2026-08\nperiod: 2026-08\nrapport: delår\nbeloppsenhet: tkr\nnyckeltal:\n${å.map((a) => `  - { avser: ${a.id}, utfall: 15 }`).join("\n")}\naktiviteter:\n${Array.from({ length: n }, (_, i) => `  - { avser: AK${pad(i)}, status: pågår }`).join("\n")}\n`);
      w("uppfoljning/2026-12.yaml", `typ: uppföljning\nid: UF2026-12\nperiod: 2026-12\nrapport: helår\nbeloppsenhet: tkr\nnyckeltal:\n${å.map((a) => `  - { avser: ${a.id}, utfall: 16 }`).join("\n")}\n`);
      break;
    }
    // A chain of n verksamhetsmål (each serving the previous), m aktiviteter at the bottom.
    case "chain": {
      w("plan.yaml", planYaml([{ id: "N1", typ: "nämnd" }, { id: "F1", typ: "förvaltning", under: "N1" }]));
      w("kommunplan/kp.yaml", kommunplan(["O1"]));
      w("budget/2026.yaml", budget(2026, [{ id: "R1", o: "O1" }], [{ id: "A1", r: "R1", n: "N1" }]));
      w("namnder/N1/2026.yaml", `typ: nämndplan\nid: NP\nnämnd: N1\når: 2026\nbeslut: { organ: N1, datum: 2026-01-10 }\nverksamhetsmål:\n${Array.from({ length: n }, (_, i) => `  - { id: VM${pad(i)}, text: Mål ${i}, bidrar_till: ${i === 0 ? "A1" : `VM${pad(i - 1)}`} }`).join("\n")}\n`);
      w("verksamhetsplaner/F1/2026.yaml", `typ: verksamhetsplan\nid: VP\norgan: F1\når: 2026\naktiviteter:\n${Array.from({ length: m }, (_, i) => `  - { id: AK${pad(i)}, namn: Aktivitet ${i}, bidrar_till: VM${pad(n - 1)}, start: 2026-01-10, slut: 2026-12-10 }`).join("\n")}\n`);
      w("uppfoljning/2026-08.yaml", `typ: uppföljning\nid: UF2026-08\nperiod: 2026-08\nrapport: delår\nbeloppsenhet: tkr\nnyckeltal:\n  - { avser: A1, utfall: 15 }\n`);
      break;
    }
    // trace: a 60-long chain, then m nodes at depth 64 that all lead into one n-long chain.
    case "cuts": {
      w("plan.yaml", planYaml([{ id: "N1", typ: "nämnd" }]));
      w("kommunplan/kp.yaml", kommunplan(["O1"]));
      w("budget/2026.yaml", budget(2026, [{ id: "R1", o: "O1" }], [{ id: "A1", r: "R1", n: "N1" }]));
      const lines = [];
      const D = 60; // vision, O1, R1, A1, then V0..V59 at depth 4..63
      for (let i = 0; i < D; i++) lines.push(`  - { id: V${pad(i)}, text: v, bidrar_till: ${i === 0 ? "A1" : `V${pad(i - 1)}`} }`);
      for (let j = 0; j < m; j++) lines.push(`  - { id: X${pad(j)}, text: x, bidrar_till: V${pad(D - 1)} }`);
      lines.push(`  - { id: W${pad(0)}, text: w, bidrar_till: [${Array.from({ length: m }, (_, j) => `X${pad(j)}`).join(", ")}] }`);
      for (let i = 1; i < n; i++) lines.push(`  - { id: W${pad(i)}, text: w, bidrar_till: W${pad(i - 1)} }`);
      w("namnder/N1/2026.yaml", `typ: nämndplan\nid: NP\nnämnd: N1\når: 2026\nbeslut: { organ: N1, datum: 2026-01-10 }\nverksamhetsmål:\n${lines.join("\n")}\n`);
      break;
    }
    // status --nämnd: an n-long chain of enheter listed bottom-up.
    case "organchain": {
      const organs = [{ id: "N1", typ: "nämnd" }];
      for (let i = n - 1; i >= 0; i--) organs.push({ id: `E${pad(i)}`, typ: "enhet", under: i === 0 ? "N1" : `E${pad(i - 1)}` });
      w("plan.yaml", planYaml(organs));
      w("kommunplan/kp.yaml", kommunplan(["O1"]));
      w("budget/2026.yaml", budget(2026, [{ id: "R1", o: "O1" }], [{ id: "A1", r: "R1", n: "N1" }]));
      w("uppfoljning/2026-08.yaml", `typ: uppföljning\nid: UF2026-08\nperiod: 2026-08\nrapport: delår\nbeloppsenhet: tkr\nnyckeltal:\n  - { avser: A1, utfall: 15 }\n`);
      break;
    }
    // n nämnder without åtaganden; m resultatmål before plan.yaml in entity order (trace --gaps).
    case "gaps": {
      const organs = Array.from({ length: n }, (_, i) => ({ id: `N${pad(i)}`, typ: "nämnd" }));
      w("plan.yaml", planYaml(organs));
      w("kommunplan/kp.yaml", kommunplan(["O1"]));
      const r = Array.from({ length: m }, (_, i) => ({ id: `R${pad(i)}`, o: "O1" }));
      w("budget/2026.yaml", budget(2026, r, [{ id: "A1", r: "R00000", n: "N00000" }]));
      break;
    }
    // underlag: one underlag with n åtaganden, each naming its own resultatmål of budget Y-1 (m=1: all one).
    case "underlag": {
      w("plan.yaml", planYaml([{ id: "N1", typ: "nämnd" }]));
      w("kommunplan/kp.yaml", kommunplan(["O1"]));
      const R = m;
      w("budget/2026.yaml", budget(2026, Array.from({ length: R }, (_, i) => ({ id: `R${pad(i)}`, o: "O1" })), [{ id: "A1", r: "R00000", n: "N1" }]));
      w("underlag/2027/N1.yaml", `typ: underlag\nid: UL\nnämnd: N1\når: 2027\nbeloppsenhet: tkr\nåtaganden:\n${Array.from({ length: n }, (_, i) => `  - { id: UA${pad(i)}, resultatmål: R${pad(i % R)}, text: Förslag ${i} }`).join("\n")}\n`);
      break;
    }
    // planeringsdirektiv: n organs with ramar in both the budget and the directive; m målområden with one mål each.
    case "pd": {
      const organs = Array.from({ length: n }, (_, i) => ({ id: `N${pad(i)}`, typ: i % 2 ? "nämnd" : "bolag" }));
      w("plan.yaml", planYaml(organs));
      const o = Array.from({ length: m }, (_, i) => `O${pad(i)}`);
      w("kommunplan/kp.yaml", kommunplan(o, 1));
      const ramar = `ramar:\n${organs.map((x) => `  - { organ: ${x.id}, belopp: 10 }`).join("\n")}\n`;
      w("budget/2026.yaml", budget(2026, [{ id: "R1", o: o[0] }], [{ id: "A1", r: "R1", n: "N00001" }], ramar));
      w("planeringsdirektiv/2027.yaml", `typ: planeringsdirektiv\nid: PD2027\når: 2027\nbeloppsenhet: tkr\nprioriteringar: [Mer]\n${ramar}`);
      break;
    }
    // goals grid: m målområden, one resultatmål each, n åtaganden spread over them; follow-ups delår and helår for 2025 and 2026.
    case "grid": {
      w("plan.yaml", planYaml([{ id: "N1", typ: "nämnd" }]));
      const o = Array.from({ length: m }, (_, i) => `O${pad(i)}`);
      w("kommunplan/kp.yaml", kommunplan(o, k3));
      const r = o.map((x, i) => ({ id: `R${pad(i)}`, o: x }));
      const å = Array.from({ length: n }, (_, i) => ({ id: `A${pad(i)}`, r: r[i % m].id, n: "N1" }));
      w("budget/2026.yaml", budget(2026, r, å));
      for (const p of ["2026-08", "2026-12"]) w(`uppfoljning/${p}.yaml`, `typ: uppföljning\nid: UF${p}\nperiod: ${p}\nrapport: ${p.endsWith("12") ? "helår" : "delår"}\nbeloppsenhet: tkr\nnyckeltal:\n${å.map((a) => `  - { avser: ${a.id}, utfall: 15 }`).join("\n")}\n`);
      break;
    }
    // nytt-år: n nämnder, m åtaganden each naming every nämnd.
    case "nyttar": {
      const organs = Array.from({ length: n }, (_, i) => ({ id: `N${pad(i)}`, typ: "nämnd" }));
      w("plan.yaml", planYaml(organs));
      w("kommunplan/kp.yaml", kommunplan(["O1"]));
      const list = `[${organs.map((x) => x.id).join(", ")}]`;
      w("budget/2026.yaml", budget(2026, [{ id: "R1", o: "O1" }], Array.from({ length: m }, (_, i) => ({ id: `A${pad(i)}`, r: "R1", n: list }))));
      break;
    }
    // site: n nämnder, m åtaganden with nämnder: alla; one follow-up.
    case "alla": {
      const organs = Array.from({ length: n }, (_, i) => ({ id: `N${pad(i)}`, typ: "nämnd" }));
      w("plan.yaml", planYaml(organs));
      w("kommunplan/kp.yaml", kommunplan(["O1"]));
      const å = Array.from({ length: m }, (_, i) => ({ id: `A${pad(i)}`, r: "R1", n: "alla" }));
      w("budget/2026.yaml", budget(2026, [{ id: "R1", o: "O1" }], å));
      w("uppfoljning/2026-08.yaml", `typ: uppföljning\nid: UF2026-08\nperiod: 2026-08\nrapport: delår\nbeloppsenhet: tkr\nnyckeltal:\n${å.map((a) => `  - { avser: ${a.id}, utfall: 15 }`).join("\n")}\n`);
      break;
    }
    // kolada: m åtaganden sharing one Kolada KPI; the follow-up has a row for each (utfall to replace).
    case "kolada": {
      w("plan.yaml", planYaml([{ id: "N1", typ: "nämnd" }]));
      w("kommunplan/kp.yaml", kommunplan(["O1"]));
      const å = Array.from({ length: m }, (_, i) => ({ id: `A${pad(i)}`, r: "R1", n: "N1", kolada: "N00001" }));
      w("budget/2026.yaml", budget(2026, [{ id: "R1", o: "O1" }], å));
      w("uppfoljning/2026-08.yaml", `typ: uppföljning\nid: UF2026-08\nperiod: 2026-08\nrapport: delår\nbeloppsenhet: tkr\nnyckeltal:\n${n ? å.map((a) => `  - { avser: ${a.id}, utfall: 15 }`).join("\n") : "  []"}\n`);
      break;
    }
    // m åtaganden (no nyckeltal), one follow-up document with a row for each.
    case "rows": {
      w("plan.yaml", planYaml([{ id: "N1", typ: "nämnd" }]));
      w("kommunplan/kp.yaml", kommunplan(["O1"]));
      const å = Array.from({ length: m }, (_, i) => ({ id: `A${pad(i)}`, r: "R1", n: "N1", kpi: false }));
      w("budget/2026.yaml", budget(2026, [{ id: "R1", o: "O1" }], å));
      w("uppfoljning/2026-08.yaml", `typ: uppföljning\nid: UF2026-08\nperiod: 2026-08\nrapport: delår\nbeloppsenhet: tkr\nnyckeltal:\n${å.map((a) => `  - { avser: ${a.id}, utfall: 15 }`).join("\n")}\n`);
      break;
    }
    // m målområden (R_i, A_i each), one verksamhetsmål serving every A_i, n aktiviteter serving it.
    case "sharedmm": {
      w("plan.yaml", planYaml([{ id: "N1", typ: "nämnd" }, { id: "F1", typ: "förvaltning", under: "N1" }]));
      const o = Array.from({ length: m }, (_, i) => `O${pad(i)}`);
      w("kommunplan/kp.yaml", kommunplan(o));
      const r = o.map((x, i) => ({ id: `R${pad(i)}`, o: x }));
      const å = r.map((x, i) => ({ id: `A${pad(i)}`, r: x.id, n: "N1" }));
      w("budget/2026.yaml", budget(2026, r, å));
      w("namnder/N1/2026.yaml", `typ: nämndplan\nid: NP\nnämnd: N1\når: 2026\nbeslut: { organ: N1, datum: 2026-01-10 }\nverksamhetsmål:\n  - id: VM1\n    text: Gemensamt\n    bidrar_till: [${å.map((a) => a.id).join(", ")}]\n`);
      w("verksamhetsplaner/F1/2026.yaml", `typ: verksamhetsplan\nid: VP\norgan: F1\når: 2026\naktiviteter:\n${Array.from({ length: n }, (_, i) => `  - { id: AK${pad(i)}, namn: Aktivitet ${i}, bidrar_till: VM1, start: 2026-01-10, slut: 2026-12-10 }`).join("\n")}\n`);
      break;
    }
    // A ladder: n verksamhetsmål, each serving its own åtagande and the one above, each with an aktivitet.
    case "ladder": {
      w("plan.yaml", planYaml([{ id: "N1", typ: "nämnd" }, { id: "F1", typ: "förvaltning", under: "N1" }]));
      w("kommunplan/kp.yaml", kommunplan(["O1"]));
      const å = Array.from({ length: n }, (_, i) => ({ id: `A${pad(i)}`, r: "R1", n: "N1" }));
      w("budget/2026.yaml", budget(2026, [{ id: "R1", o: "O1" }], å));
      w("namnder/N1/2026.yaml", `typ: nämndplan\nid: NP\nnämnd: N1\når: 2026\nbeslut: { organ: N1, datum: 2026-01-10 }\nverksamhetsmål:\n${å.map((a, i) => `  - { id: VM${pad(i)}, text: Mål ${i}, bidrar_till: [${a.id}${i > 0 ? `, VM${pad(i - 1)}` : ""}] }`).join("\n")}\n`);
      w("verksamhetsplaner/F1/2026.yaml", `typ: verksamhetsplan\nid: VP\norgan: F1\når: 2026\naktiviteter:\n${å.map((_, i) => `  - { id: AK${pad(i)}, namn: Aktivitet ${i}, bidrar_till: VM${pad(i)}, start: 2026-01-10, slut: 2026-12-10 }`).join("\n")}\n`);
      break;
    }
    // A chain of n verksamhetsmål whose texts are 1,000 words each, the first and last "ordx".
    case "texts": {
      for (const [rel, text] of hostileFiles("chain", n, 1)) w(rel, text);
      const text = (i) => Array.from({ length: 1000 }, (_, k) => (k === 0 || k === 999 ? "ordx" : `ord${(k * 7 + i) % 97}`)).join(" ");
      w("namnder/N1/2026.yaml", `typ: nämndplan\nid: NP\nnämnd: N1\når: 2026\nbeslut: { organ: N1, datum: 2026-01-10 }\nverksamhetsmål:\n${Array.from({ length: n }, (_, i) => `  - id: VM${pad(i)}\n    text: ${text(i)}\n    bidrar_till: ${i === 0 ? "A1" : `VM${pad(i - 1)}`}`).join("\n")}\n`);
      break;
    }
    // n åtaganden in one budget year, and m follow-ups of that year's nämnd, each a period of its
    // own (months of the years before and after, as written: the schema takes any YYYY-MM).
    case "periods": {
      w("plan.yaml", planYaml([{ id: "N1", typ: "nämnd" }]));
      w("kommunplan/kp.yaml", kommunplan(["O1"]));
      const å = Array.from({ length: n }, (_, i) => ({ id: `A${pad(i)}`, r: "R1", n: "N1" }));
      w("budget/2026.yaml", budget(2026, [{ id: "R1", o: "O1" }], å));
      for (let i = 0; i < m; i++) {
        const period = `${2026 + Math.floor(i / 12) - Math.floor(m / 24)}-${pad((i % 12) + 1, 2)}`;
        w(`uppfoljning/${period}.yaml`, `typ: uppföljning\nid: UF${period}\nperiod: ${period}\nrapport: månad\norgan: N1\nbeloppsenhet: tkr\nnyckeltal:\n  - { avser: A${pad(i % n)}, utfall: ${i % 40} }\n`);
      }
      break;
    }
    // `ignorera`: n patterns in plan.yaml, none matching, and m verksamhetsplaner each listed against every one.
    case "ignorera": {
      const pats = Array.from({ length: n }, (_, i) => `  - "**/utkast-${i}-*.yaml"`).join("\n");
      w("plan.yaml", planYaml([{ id: "N1", typ: "nämnd" }, { id: "F1", typ: "förvaltning", under: "N1" }], `ignorera:\n${pats}\n`));
      w("kommunplan/kp.yaml", kommunplan(["O1"]));
      w("budget/2026.yaml", budget(2026, [{ id: "R1", o: "O1" }], [{ id: "A1", r: "R1", n: "N1" }]));
      for (let i = 0; i < m; i++) w(`verksamhetsplaner/F1/enhet-${pad(i)}-plan.yaml`, `typ: verksamhetsplan\nid: VP${i}\norgan: F1\når: 2026\naktiviteter:\n  - { id: AK${i}, namn: a, bidrar_till: A1, start: 2026-01-10, slut: 2026-12-10 }\n`);
      break;
    }
    default:
      throw new Error(`unknown shape ${kase}`);
  }
  return files;
}

/** Write the files under `dir` (made afresh). */
export function writeFiles(dir, files) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of files) {
    const f = path.join(dir, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
  }
}
