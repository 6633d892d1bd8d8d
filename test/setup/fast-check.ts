// Property tests explore new inputs on every developer run, and run reproducibly in CI: with
// CI set, fast-check starts from one fixed seed (FC_SEED overrides it), so a submission is
// judged by the same cases every time. A counterexample found locally goes into the test's
// `examples` and stays there.
import fc from "fast-check";

const fixed = process.env.FC_SEED ?? (process.env.CI && process.env.CI !== "false" && process.env.CI !== "0" ? "20261130" : undefined);
if (fixed !== undefined) fc.configureGlobal({ seed: Number(fixed) });
