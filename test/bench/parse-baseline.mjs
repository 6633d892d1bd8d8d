#!/usr/bin/env node
// Parse-only baseline: the floor that `plan validate` is compared against.
//
//   node test/bench/parse-baseline.mjs DIR            # yaml 2: parseAllDocuments + LineCounter
//   node test/bench/parse-baseline.mjs DIR --js-yaml  # js-yaml 4: loadAll, CORE_SCHEMA (the faster floor)
//
// Finds the files the tool would: every *.yaml / *.yml below DIR, skipping folders whose name
// starts with "." and node_modules (symlinked folders are not followed), sorted by path. Reads
// each as UTF-8 and parses every document. Prints the in-process time; the benchmark measures
// the whole process from outside so node start-up and module loading count too, as for the CLI.
// Exits 1 if any file fails to parse.

import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const useJsYaml = args.includes('--js-yaml');
const dirs = args.filter((a) => !a.startsWith('--'));
if (dirs.length !== 1) {
  console.error('usage: node test/bench/parse-baseline.mjs DIR [--js-yaml]');
  process.exit(2);
}
const root = path.resolve(dirs[0]);

const t0 = process.hrtime.bigint();

function collect(dir, rel, out) {
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    const r = rel ? `${rel}/${ent.name}` : ent.name;
    if (ent.isDirectory()) {
      if (ent.name.startsWith('.') || ent.name === 'node_modules') continue;
      collect(path.join(dir, ent.name), r, out);
    } else if (ent.isFile() && /\.ya?ml$/.test(ent.name)) {
      out.push(r);
    }
  }
  return out;
}
const files = collect(root, '', []).sort();

let docs = 0, errors = 0, bytes = 0;
if (useJsYaml) {
  const { loadAll, CORE_SCHEMA } = await import('js-yaml');
  for (const rel of files) {
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    bytes += text.length;
    try {
      loadAll(text, (d) => { if (d !== null && d !== undefined) docs++; }, { schema: CORE_SCHEMA, filename: rel });
    } catch (e) {
      errors++;
      if (errors <= 5) console.error(`${rel}: ${e.message.split('\n')[0]}`);
    }
  }
} else {
  const { parseAllDocuments, LineCounter } = await import('yaml');
  for (const rel of files) {
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    bytes += text.length;
    const lineCounter = new LineCounter();
    const parsed = parseAllDocuments(text, { lineCounter });
    const list = Array.isArray(parsed) ? parsed : [parsed]; // an EmptyStream is not an array
    for (const doc of list) {
      if (doc.contents !== null) docs++;
      if (doc.errors.length) {
        errors += doc.errors.length;
        if (errors <= 5) console.error(`${rel}: ${doc.errors[0].message.split('\n')[0]}`);
      }
    }
  }
}

const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(`${useJsYaml ? 'js-yaml loadAll(CORE_SCHEMA)' : 'yaml parseAllDocuments'}: ${files.length} files, ${docs} documents, ` +
  `${(bytes / 1e6).toFixed(2)} M chars, ${errors} errors, ${ms.toFixed(1)} ms in-process`);
process.exit(errors ? 1 : 0);
