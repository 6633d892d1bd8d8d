// examples/github-actions/plan.yml: the diff step keeps plan diff's exit status after writing the
// job summary, and the comment step updates the one comment it made before (found by a hidden
// marker) instead of adding a comment per push. The steps' scripts run in bash with stand-ins
// for `plan` and `gh`; the comment lookup's jq filter runs in jq, as gh runs it.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, it } from "vitest";
import { parse } from "yaml";
import { cleanupRepos, tempDir } from "./helpers/git-repo.js";
import { ROOT } from "./helpers/exec.js";

afterAll(cleanupRepos);

interface Step {
  name?: string;
  run?: string;
}

const workflow = parse(readFileSync(path.join(ROOT, "examples/github-actions/plan.yml"), "utf8")) as { jobs: { plan: { steps: Step[] } } };
const stepRun = (name: string): string => {
  const step = workflow.jobs.plan.steps.find((s) => s.name === name);
  if (!step?.run) throw new Error(`no step ${name}`);
  return step.run;
};

const MD = "Ändringen ändrar 1 åtagande (ORT-Å1).\n\n**0 tillagda, 1 ändrad, 0 borttagna**\n";

/** A folder with stand-ins for `plan` and `gh` on PATH; `gh` logs its calls and answers the comment list with jq. */
function sandbox(comments: unknown[], planStatus = 0): { dir: string; run: (script: string) => { status: number | null; stderr: string }; log: () => string[]; body: () => string } {
  const dir = tempDir("rodtrad-workflow-");
  const bin = path.join(dir, "bin");
  mkdirSync(bin);
  writeFileSync(path.join(dir, "comments.json"), JSON.stringify(comments));
  writeFileSync(path.join(dir, "diff.md"), MD);
  writeFileSync(path.join(bin, "plan"), `#!/bin/bash\ncat "$SANDBOX/diff.md"\nexit ${planStatus}\n`);
  // gh api [--paginate] <path> --jq <filter> | gh api --method M <path> -F body=@file
  writeFileSync(
    path.join(bin, "gh"),
    [
      "#!/bin/bash",
      'printf \'%s\\n\' "$*" >> "$SANDBOX/gh.log"',
      'for a in "$@"; do case "$a" in body=@*) cp "${a#body=@}" "$SANDBOX/body.md";; esac; done',
      'if [ "$2" = "--paginate" ]; then jq -r "$5" "$SANDBOX/comments.json"; fi',
    ].join("\n"),
  );
  chmodSync(path.join(bin, "plan"), 0o755);
  chmodSync(path.join(bin, "gh"), 0o755);
  writeFileSync(path.join(dir, "summary.md"), "");
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}`, SANDBOX: dir, PR: "7", REPO: "ekby/plan", BASE: "main", GITHUB_STEP_SUMMARY: path.join(dir, "summary.md") };
  return {
    dir,
    // As GitHub runs a step: bash -e -o pipefail.
    run: (script) => {
      const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], { cwd: dir, env, encoding: "utf8" });
      return { status: r.status, stderr: r.stderr };
    },
    log: () => {
      try {
        return readFileSync(path.join(dir, "gh.log"), "utf8").trim().split("\n");
      } catch {
        return [];
      }
    },
    body: () => readFileSync(path.join(dir, "body.md"), "utf8"),
  };
}

const MARKER = "<!-- rodtrad:plan-diff -->";

describe("examples/github-actions/plan.yml: the diff as one comment per pull request", () => {
  it("the diff step writes the Markdown to the job summary and keeps plan diff's exit status (1: new errors)", ({ expect }) => {
    for (const status of [0, 1]) {
      const s = sandbox([], status);
      const r = s.run(stepRun("What changes in the goals"));
      expect(r.status, r.stderr).toBe(status);
      expect(readFileSync(path.join(s.dir, "summary.md"), "utf8")).toBe(MD);
      expect(readFileSync(path.join(s.dir, "plan-diff.md"), "utf8")).toBe(MD);
    }
  });

  it("without an earlier comment: one new comment, the marker first, then the Markdown", ({ expect }) => {
    const s = sandbox([{ id: 3, user: { login: "github-actions[bot]" }, body: "Another bot comment" }]);
    writeFileSync(path.join(s.dir, "plan-diff.md"), MD);
    const r = s.run(stepRun("Comment on the pull request"));
    expect(r.status, r.stderr).toBe(0);
    const calls = s.log();
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatch(/^api --method POST repos\/ekby\/plan\/issues\/7\/comments -F body=@/u);
    expect(s.body()).toBe(`${MARKER}\n\n${MD}`);
  });

  it("with an earlier comment of the workflow: that comment is updated, none added; a quote of the marker by a person is left alone", ({ expect }) => {
    const s = sandbox([
      { id: 11, user: { login: "controller" }, body: `${MARKER}\n\nquoted by hand` },
      { id: 42, user: { login: "github-actions[bot]" }, body: `${MARKER}\n\nthe diff of the previous push` },
      { id: 43, user: { login: "github-actions[bot]" }, body: "Another bot comment" },
    ]);
    writeFileSync(path.join(s.dir, "plan-diff.md"), MD);
    const r = s.run(stepRun("Comment on the pull request"));
    expect(r.status, r.stderr).toBe(0);
    const calls = s.log();
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatch(/^api --method PATCH repos\/ekby\/plan\/issues\/comments\/42 -F body=@/u);
    expect(calls.some((c) => c.includes("POST"))).toBe(false);
    expect(s.body()).toBe(`${MARKER}\n\n${MD}`);
  });
});
