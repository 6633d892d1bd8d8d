// Types of hostile-plans.mjs, for the tests that import it.
export type Shape = "shared" | "chain" | "cuts" | "organchain" | "gaps" | "underlag" | "pd" | "grid" | "nyttar" | "alla" | "kolada" | "rows" | "sharedmm" | "ignorera" | "ladder" | "texts" | "periods";
export function hostileFiles(kase: Shape, n?: number, m?: number, k3?: number): Map<string, string>;
export function writeFiles(dir: string, files: ReadonlyMap<string, string>): void;
