// The types of kolada-demo-server.mjs, for the tests written in TypeScript.
export type Cell = number | null | { T: number | null; K?: number | null; M?: number | null };
export type Data = Record<string, Record<string, Record<string, Cell>>>;
export type Behaviour = "429-once" | "429-long" | "500" | "slow" | "not-json" | "nan" | "huge" | "string-value" | "bad-shape" | "foreign-next";
export interface ServerOptions {
  data: Data;
  pageSize?: number;
  paging?: "next_page" | "next_page_url" | "next_url";
  behaviour?: Record<string, Behaviour>;
  groups?: Record<string, string[]>;
  slowMs?: number;
}
export interface KoladaServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}
export function startKoladaServer(o: ServerOptions): Promise<KoladaServer>;
export const KATRINEHOLM: Data;
