// issue 8, classes 1, 2 and 9: which files the tool reads and how. Templates are plan files
// too; FIFOs, devices, sockets and links are refused at once; nothing disappears quietly;
// the working tree and a git revision follow the same rules.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadPlan } from "../src/load/load-plan.js";
import { BIN, plan, type Run } from "./helpers/exec.js";
import { cleanupRepos, GitRepo, type DiffJson } from "./helpers/git-repo.js";
import { planInProcess, validateInProcess } from "./helpers/in-process.js";
import { cleanup, planCopy, tempDir, validateJson } from "./helpers/plan-dir.js";

afterAll(() => {
  cleanup();
  cleanupRepos();
});

const SENTINEL = "SENTINEL-5f3a9c1e-do-not-leak";
const GUARD = { timeout: 20_000 };

/** A plan copy inside a folder that also holds a secret beside it, outside the plan root. */
function planWithSecret(): { root: string; secret: string } {
  const outer = tempDir("rodtrad-h8-");
  const secret = path.join(outer, "secret.txt");
  writeFileSync(secret, `token: ${SENTINEL}\n`);
  const copy = planCopy();
  const root = path.join(outer, "plan");
  execFileSync("cp", ["-a", copy, root]);
  return { root, secret };
}

const noSecret = (r: Run): void => {
  expect(r.stdout).not.toContain(SENTINEL);
  expect(r.stderr).not.toContain(SENTINEL);
};

const codesAt = (diags: { code: string; file: string }[], ...codes: string[]): [string, string][] =>
  diags.filter((d) => codes.includes(d.code)).map((d) => [d.code, d.file]);

describe("special files named like plan files are refused at once, never opened", () => {
  // Through the CLI: were a FIFO or /dev/zero opened, a child process hangs or fills its memory
  // and is stopped by its timeout; this process would hang with it. The same for the FIFO and
  // /dev/zero cases below; the other files' tests call the run functions in-process.
  it("a FIFO, a socket and links to /dev/zero, a FIFO and a file outside the root: located errors, no hang", async () => {
    const { root, secret } = planWithSecret();
    execFileSync("mkfifo", [path.join(root, "budget/fifo.yaml")]);
    execFileSync("mkfifo", [path.join(root, "..", "outside-fifo")]);
    symlinkSync("/dev/zero", path.join(root, "namnder/zero.yaml"));
    symlinkSync(path.join(root, "..", "outside-fifo"), path.join(root, "namnder/fifo-link.yml"));
    symlinkSync(secret, path.join(root, "hemlig.yaml"));
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(root, "kommunplan/sock.yaml"), resolve));
    try {
      const { run, out } = validateJson(root);
      noSecret(run);
      expect(codesAt(out.diagnostics, "not-regular-file")).toEqual([
        ["not-regular-file", "budget/fifo.yaml"],
        ["not-regular-file", "hemlig.yaml"],
        ["not-regular-file", "kommunplan/sock.yaml"],
        ["not-regular-file", "namnder/fifo-link.yml"],
        ["not-regular-file", "namnder/zero.yaml"],
      ]);
      expect(out.diagnostics.find((d) => d.file === "budget/fifo.yaml")).toMatchObject({ line: 1, column: 1 });
      expect(run.status).toBe(1);
    } finally {
      server.close();
    }
  });

  it.each([
    ["a FIFO", (p: string) => execFileSync("mkfifo", [p])],
    ["a link to /dev/zero", (p: string) => symlinkSync("/dev/zero", p)],
    ["a link to the secret beside the root", (p: string) => symlinkSync("../secret.txt", p)],
  ])("plan.yaml that is %s: one line, exit 2, with -C and when found from the working folder", (_name, make) => {
    const { root } = planWithSecret();
    const file = path.join(root, "plan.yaml");
    execFileSync("rm", [file]);
    make(file);
    for (const r of [plan(["validate", "-C", root], GUARD), plan(["validate"], { ...GUARD, cwd: path.join(root, "budget") })]) {
      noSecret(r);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^plan: .*plan\.yaml.* is (a FIFO|a symbolic link).*refused/u);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("a plan file above 10 MiB is refused before it is parsed (file-too-large)", () => {
    const dir = planCopy();
    const text = `typ: budget\n# ${"x".repeat(11 * 1024 * 1024)}\n`;
    writeFileSync(path.join(dir, "stor.yaml"), text);
    const { run, out } = validateInProcess(dir);
    expect(out.diagnostics.map((d) => [d.code, d.file])).toEqual([["file-too-large", "stor.yaml"]]);
    // Its size as it is, not as far as it was read.
    expect(out.diagnostics[0]!.message).toBe(`the file is ${Buffer.byteLength(text)} bytes, above the limit of ${10 * 1024 * 1024}: not read`);
    expect(run.status).toBe(1);
  });
});

describe("nothing is silently skipped", () => {
  it("a file name that is not UTF-8 is a located error naming it with \\x escapes", () => {
    const dir = planCopy();
    const name = Buffer.concat([Buffer.from(`${dir}/budget/utkast-`), Buffer.from([0xff, 0xfe]), Buffer.from(".yaml")]);
    writeFileSync(name, "typ: [ broken\n");
    const folder = Buffer.concat([Buffer.from(`${dir}/arkiv-`), Buffer.from([0xe5])]);
    mkdirSync(folder);
    writeFileSync(Buffer.concat([folder, Buffer.from("/x.yaml")]), "typ: [ broken\n");
    const loaded = loadPlan(dir);
    expect(codesAt(loaded.diagnostics, "bad-file-name")).toEqual([
      ["bad-file-name", "arkiv-\\xe5"],
      ["bad-file-name", "budget/utkast-\\xff\\xfe.yaml"],
    ]);
  });

  it("two names that are the same after NFC (å typed two ways) are an error, and the first in order is read", () => {
    const dir = planCopy();
    writeFileSync(path.join(dir, "namnder", "bilaga-\u00e5.yaml"), "typ: [ broken NFC\n");
    writeFileSync(path.join(dir, "namnder", "bilaga-a\u030a.yaml"), "typ: [ broken NFD\n");
    const loaded = loadPlan(dir);
    const clash = loaded.diagnostics.filter((d) => d.code === "bad-file-name");
    expect(clash).toHaveLength(1);
    expect(clash[0]).toMatchObject({ file: "namnder/bilaga-\u00e5.yaml", args: { kind: "nfc-collision" } });
    expect(loaded.files.filter((f) => f.startsWith("namnder/bilaga"))).toEqual(["namnder/bilaga-\u00e5.yaml"]);
    // Determinism: the same one wins whatever order the file system lists them in.
    expect(loadPlan(dir).diagnostics).toEqual(loaded.diagnostics);
  });

  it("a linked folder and a nested repository (submodule) are warnings; their plan files are not read", () => {
    const { root } = planWithSecret();
    mkdirSync(path.join(root, "..", "annan"));
    writeFileSync(path.join(root, "..", "annan", "x.yaml"), `typ: [ ${SENTINEL}\n`);
    symlinkSync("../annan", path.join(root, "delad"));
    mkdirSync(path.join(root, "extern"));
    writeFileSync(path.join(root, "extern", ".git"), "gitdir: ../.git/modules/extern\n");
    writeFileSync(path.join(root, "extern", "y.yaml"), `typ: [ ${SENTINEL}\n`);
    // Another repository cloned into the plan, deeper down: a folder .git, not a file.
    mkdirSync(path.join(root, "djup", "klon", ".git"), { recursive: true });
    writeFileSync(path.join(root, "djup", "klon", "z.yaml"), `typ: [ ${SENTINEL}\n`);
    const { run, out } = validateInProcess(root, { failOn: "warning" });
    noSecret(run);
    expect(out.diagnostics.map((d) => [d.code, d.file, d.severity])).toEqual([
      ["not-followed", "delad", "warning"],
      ["not-followed", "djup/klon", "warning"],
      ["not-followed", "extern", "warning"],
    ]);
    expect(run.status).toBe(1);
  });
});

describe("templates are plan files too", () => {
  // In-process, but for a FIFO and /dev/zero (see the first test of this file): which templates
  // are read is the run function's.
  const report = (root: string, extra: string[] = []): Run => planInProcess(["report", "delår", "-C", root, "--format", "md", ...extra]);
  const reportCli = (root: string, extra: string[] = []): Run => plan(["report", "delår", "-C", root, "--format", "md", ...extra], GUARD);

  it("control: an own layout in mallar/md is used", () => {
    const { root } = planWithSecret();
    mkdirSync(path.join(root, "mallar/md"), { recursive: true });
    writeFileSync(path.join(root, "mallar/md/layout.hbs"), "EGEN MALL\n{{> @partial-block}}\n");
    const r = report(root);
    expect(r.stdout).toContain("EGEN MALL");
    expect(r.status).toBe(0);
  });

  it.each([
    ["a linked layout", (root: string) => {
      mkdirSync(path.join(root, "mallar/md"), { recursive: true });
      symlinkSync("../../../secret.txt", path.join(root, "mallar/md/layout.hbs"));
    }],
    ["a linked partial (to .git/config style secrets)", (root: string) => {
      mkdirSync(path.join(root, "mallar/md/partials"), { recursive: true });
      symlinkSync("../../../../secret.txt", path.join(root, "mallar/md/partials/analys.hbs"));
    }],
    ["a linked mallar folder", (root: string) => {
      mkdirSync(path.join(root, "..", "ute/md"), { recursive: true });
      writeFileSync(path.join(root, "..", "ute/md/layout.hbs"), `${SENTINEL}\n`);
      symlinkSync("../ute", path.join(root, "mallar"));
    }],
    ["a linked mallar/md folder", (root: string) => {
      mkdirSync(path.join(root, "..", "ute2"), { recursive: true });
      writeFileSync(path.join(root, "..", "ute2/layout.hbs"), `${SENTINEL}\n`);
      mkdirSync(path.join(root, "mallar"));
      symlinkSync("../../ute2", path.join(root, "mallar/md"));
    }],
    ["a FIFO layout", (root: string) => {
      mkdirSync(path.join(root, "mallar/md"), { recursive: true });
      execFileSync("mkfifo", [path.join(root, "mallar/md/layout.hbs")]);
    }],
    ["a layout linked to /dev/zero", (root: string) => {
      mkdirSync(path.join(root, "mallar/md"), { recursive: true });
      symlinkSync("/dev/zero", path.join(root, "mallar/md/layout.hbs"));
    }],
    ["a 2 MiB layout", (root: string) => {
      mkdirSync(path.join(root, "mallar/md"), { recursive: true });
      writeFileSync(path.join(root, "mallar/md/layout.hbs"), "x".repeat(2 * 1024 * 1024));
    }],
  ])("%s: one line, exit 2, no byte of it in the output", (name, make) => {
    const { root } = planWithSecret();
    make(root);
    // A FIFO or /dev/zero through the CLI: were a regression to open them, in-process would hang.
    const r = /FIFO|dev\/zero/u.test(name) ? reportCli(root) : report(root);
    noSecret(r);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    // One line, the refusal itself: not the "internal error" a refusal outside the try became.
    expect(r.stderr).toMatch(/^plan: [^\n]*(symbolic link|FIFO|larger than 1 MiB)[^\n]*refused[^\n]*\n$/u);
    expect(r.stderr).not.toMatch(/internal error/u);
  });

  // A few hundred bytes of template that would make gigabytes: before, partials invoking the
  // next twice over ran 60 s and took 2.6 GB before they were killed.
  it.each([
    ["partials that each invoke the next twice", (root: string) => {
      mkdirSync(path.join(root, "mallar/md/partials"), { recursive: true });
      for (let i = 0; i < 30; i++) writeFileSync(path.join(root, `mallar/md/partials/p${i}.hbs`), `{{> p${i + 1}}}{{> p${i + 1}}}`);
      writeFileSync(path.join(root, "mallar/md/partials/p30.hbs"), "x");
      writeFileSync(path.join(root, "mallar/md/delar.hbs"), "{{> p0}}\n");
    }],
    ["inline partials in one template", (root: string) => {
      mkdirSync(path.join(root, "mallar/md"), { recursive: true });
      const inline = Array.from({ length: 30 }, (_, i) => `{{#*inline "q${i}"}}{{> q${i + 1}}}{{> q${i + 1}}}{{/inline}}`).join("");
      writeFileSync(path.join(root, "mallar/md/delar.hbs"), `${inline}{{#*inline "q30"}}y{{/inline}}{{> q0}}\n`);
    }],
    ["each inside each inside each inside each", (root: string) => {
      mkdirSync(path.join(root, "mallar/md"), { recursive: true });
      writeFileSync(path.join(root, "mallar/md/delar.hbs"), "{{#each labels}}{{#each @root.labels}}{{#each @root.labels}}{{#each @root.labels}}z{{/each}}{{/each}}{{/each}}{{/each}}\n");
    }],
  ])("a template that multiplies its text (%s): one line, exit 2, in little time", (_name, make) => {
    const { root } = planWithSecret();
    make(root);
    const start = process.hrtime.bigint();
    const r = report(root);
    expect(Number(process.hrtime.bigint() - start) / 1e9).toBeLessThan(10);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^plan: template md\/delar\.hbs makes more than 2000000 partials and rounds of each, or 512 MiB of text: refused\n$/u);
  });

  it("a template within the limits is rendered as it is written", () => {
    const { root } = planWithSecret();
    mkdirSync(path.join(root, "mallar/md/partials"), { recursive: true });
    for (let i = 0; i < 10; i++) writeFileSync(path.join(root, `mallar/md/partials/p${i}.hbs`), `{{> p${i + 1}}}{{> p${i + 1}}}`);
    writeFileSync(path.join(root, "mallar/md/partials/p10.hbs"), "x");
    writeFileSync(path.join(root, "mallar/md/delar.hbs"), "A{{> p0}}B\nC{{#each labels}}{{#each @root.labels}}z{{/each}}{{/each}}D\n");
    const r = report(root);
    expect(r.status, r.stderr).toBe(0);
    const [xs, zs] = r.stdout.trim().split("\n");
    expect(xs).toBe(`A${"x".repeat(1024)}B`);
    const z = zs!.length - 2;
    expect(z).toBeGreaterThan(100);
    expect(Math.sqrt(z) % 1).toBe(0);
  });

  it("--mallar DIR may itself be a link (the user's choice), but a FIFO inside it is refused", () => {
    const { root } = planWithSecret();
    const own = path.join(root, "..", "mina-mallar");
    mkdirSync(path.join(own, "md"), { recursive: true });
    writeFileSync(path.join(own, "md/layout.hbs"), "MIN MALL\n{{> @partial-block}}\n");
    symlinkSync(own, path.join(root, "..", "genväg"));
    const ok = report(root, ["--mallar", path.join(root, "..", "genväg")]);
    expect(ok.stdout).toContain("MIN MALL");
    expect(ok.status).toBe(0);
    mkdirSync(path.join(own, "md/partials"));
    execFileSync("mkfifo", [path.join(own, "md/partials/analys.hbs")]);
    const bad = reportCli(root, ["--mallar", path.join(root, "..", "genväg")]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^plan: template .*analys\.hbs is a FIFO/u);
  });
});

describe("the working tree and plan diff follow the same rules", () => {
  it("a committed link, a linked folder, a submodule, a bad name and an NFC clash: the same diagnostics from disk and from a revision", () => {
    const repo = new GitRepo();
    const before = repo.head();
    symlinkSync("2025.yaml", repo.path("budget/kopia.yaml"));
    symlinkSync("budget", repo.path("budget-länk"));
    writeFileSync(Buffer.concat([Buffer.from(repo.path("budget/utkast-")), Buffer.from([0xff]), Buffer.from(".yaml")]), "typ: [ broken\n");
    writeFileSync(repo.path("namnder/bilaga-\u00e5.yaml"), "typ: [ broken NFC\n");
    writeFileSync(repo.path("namnder/bilaga-a\u030a.yaml"), "typ: [ broken NFD\n");
    repo.commit("links, a name that is not UTF-8, two names equal after NFC");
    // A submodule: a gitlink in the tree, a folder holding .git on disk.
    repo.git("update-index", "--add", "--cacheinfo", `160000,${before},extern`);
    repo.git("commit", "--quiet", "-m", "submodule");
    mkdirSync(repo.path("extern"));
    writeFileSync(repo.path("extern/.git"), "gitdir: ../.git/modules/extern\n");
    writeFileSync(repo.path("extern/z.yaml"), "typ: [ broken\n");
    const wanted = [
      ["bad-file-name", "budget/utkast-\\xff.yaml"],
      ["bad-file-name", "namnder/bilaga-\u00e5.yaml"],
      ["not-followed", "budget-länk"],
      ["not-followed", "extern"],
      ["not-regular-file", "budget/kopia.yaml"],
    ];
    const pick = (ds: { code: string; file: string }[]): string[][] => codesAt(ds, "bad-file-name", "not-followed", "not-regular-file").sort();
    const introduced = (...revs: string[]): DiffJson["introduced"] => {
      // The refused files are errors: --fail-on none reads the diff with exit 0.
      const r = planInProcess(["diff", ...revs, "-C", repo.root, "--format", "json", "--fail-on", "none"]);
      expect(r.status, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as DiffJson).introduced;
    };
    expect(pick(introduced(before))).toEqual(wanted);
    expect(pick(introduced(before, "HEAD"))).toEqual(wanted);
  });

  it("a committed plan.yaml that is a link is refused with one line in validate and in plan diff alike", () => {
    const repo = new GitRepo();
    const before = repo.head();
    repo.git("mv", "plan.yaml", "kommun.yaml");
    symlinkSync("kommun.yaml", repo.path("plan.yaml"));
    repo.commit("plan.yaml as a link");
    const validate = planInProcess(["validate", "-C", repo.root]);
    const diffWorktree = planInProcess(["diff", before, "-C", repo.root]);
    const diffRevision = planInProcess(["diff", before, "HEAD", "-C", repo.root]);
    for (const r of [validate, diffWorktree, diffRevision]) {
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^plan: plan\.yaml in (the working tree|revision [0-9a-f]{12}) is a symbolic link: refused/u);
    }
  });
});

describe("an unreadable folder or file", () => {
  // As root (CI), chmod 000 does not stop reading: the run is then made as nobody, when this
  // machine lets root change user at all.
  const asRoot = process.getuid?.() === 0;
  const canDrop = !asRoot || spawnSync("true", [], { uid: 65534, gid: 65534 }).error === undefined;
  it.skipIf(!canDrop)("is a located error, not something that quietly disappears", () => {
    const outer = tempDir("rodtrad-h8-perm-");
    execFileSync("chmod", ["755", outer]);
    const root = path.join(outer, "plan");
    execFileSync("cp", ["-a", planCopy(), root]);
    execFileSync("chmod", ["-R", "a+rX", root]);
    execFileSync("chmod", ["000", path.join(root, "namnder"), path.join(root, "budget/2026.yaml")]);
    const r = spawnSync(process.execPath, [BIN, "validate", "-C", root, "--format", "json"], {
      encoding: "utf8",
      timeout: 20_000,
      env: { ...process.env, NO_COLOR: "1" },
      cwd: outer,
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    execFileSync("chmod", ["755", path.join(root, "namnder")]);
    execFileSync("chmod", ["644", path.join(root, "budget/2026.yaml")]);
    const out = JSON.parse(r.stdout) as { diagnostics: { code: string; file: string }[] };
    expect(codesAt(out.diagnostics, "unreadable-path")).toEqual([
      ["unreadable-path", "budget/2026.yaml"],
      ["unreadable-path", "namnder"],
    ]);
    expect(r.status).toBe(1);
  });
});
