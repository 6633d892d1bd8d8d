// The two-revision git repository the diff and throughput benchmarks time `plan diff` on:
// the generated corpus `large` committed as revision 1, `large-r2` on top as revision 2 (the
// working tree). Each corpus is generated first when missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const CORPUS = path.join(HERE, 'corpus');

/** Run a command, its stdout back; a failure throws with its stderr. */
function sh(cmd, args, cwd = ROOT) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Make `repo` (wiped first) a repository holding revision 1, then revision 2, of the corpus. */
export function twoRevisionRepo(repo) {
  for (const rev of [1, 2]) {
    const dir = path.join(CORPUS, rev === 1 ? 'large' : 'large-r2');
    if (!fs.existsSync(path.join(dir, 'plan.yaml'))) sh(process.execPath, [path.join(HERE, 'generate.mjs'), '--revision', String(rev)]);
  }
  fs.rmSync(repo, { recursive: true, force: true });
  fs.mkdirSync(repo, { recursive: true });
  const git = (...args) => sh('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], repo);
  git('init', '-q');
  for (const [rev, from] of [['1', 'large'], ['2', 'large-r2']]) {
    for (const e of fs.readdirSync(repo)) if (e !== '.git') fs.rmSync(path.join(repo, e), { recursive: true, force: true });
    fs.cpSync(path.join(CORPUS, from), repo, { recursive: true, filter: (src) => !src.endsWith('.bench-corpus.json') });
    git('add', '-A');
    git('commit', '-qm', `revision ${rev}`);
  }
  return repo;
}
