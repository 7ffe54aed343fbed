/**
 * The one module that knows the YAML library. Everything is parsed with the
 * failsafe schema: every value is text, a list or a mapping, exactly as
 * written. Typed parsing (dates, booleans, numbers) happens in the content
 * model, so `0251 492-6609` keeps its leading zero and `2026-11-27 10:30`
 * stays local time.
 */
import { LineCounter, parseDocument, stringify, isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import { problem, type Problem } from "../errors/problem.ts";

export type YamlValue = string | YamlValue[] | { [key: string]: YamlValue };

export interface YamlSource {
  readonly file: string;
  /** Lines of the file before the YAML text starts (front matter: 1). */
  readonly lineOffset: number;
}

export interface ParsedYaml {
  readonly value: YamlValue | undefined;
  /** Line (1-based, in the file) of the value or key at a path. */
  readonly lineOf: (path: readonly (string | number)[], key?: boolean) => number | undefined;
  readonly problems: Problem[];
}

export function parseYaml(text: string, source: YamlSource): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc: Document.Parsed = parseDocument(text, {
    schema: "failsafe",
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line + source.lineOffset;
  const problems: Problem[] = [];
  for (const error of doc.errors) {
    const line = lineAt(error.pos[0]);
    const column = lineCounter.linePos(error.pos[0]).col;
    const detail = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    problems.push(problem("yaml-syntax", { file: source.file, line, column }, { detail }));
  }
  for (const warning of doc.warnings) {
    const line = lineAt(warning.pos[0]);
    const tag = /Unresolved tag: (\S+)/.exec(warning.message)?.[1];
    if (tag !== undefined) {
      problems.push(problem("yaml-tag", { file: source.file, line }, { tag: tag.replace("tag:yaml.org,2002:", "!!") }));
    } else {
      problems.push(problem("yaml-syntax", { file: source.file, line }, { detail: warning.message.split("\n")[0]! }));
    }
  }
  if (problems.length > 0) return { value: undefined, lineOf: () => undefined, problems };

  const lineOf = (path: readonly (string | number)[], key = false): number | undefined => {
    let node: unknown = doc.contents;
    let keyNode: Node | undefined;
    let lastFound: Node | undefined = doc.contents ?? undefined;
    for (const step of path) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value;
      } else if (isSeq(node) && typeof step === "number") {
        node = node.items[step];
      } else {
        break;
      }
      if (node && typeof node === "object" && "range" in node) lastFound = node as Node;
      else if (keyNode) lastFound = keyNode;
    }
    const target = key && keyNode ? keyNode : lastFound;
    const offset = target?.range?.[0];
    return offset === undefined ? undefined : lineAt(offset);
  };

  const raw = doc.toJS({ maxAliasCount: 50 }) as unknown;
  return { value: normalize(raw), lineOf, problems };
}

/** Failsafe YAML gives strings, arrays and objects; null only for empty documents. */
function normalize(raw: unknown): YamlValue | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === "string") return raw;
  if (Array.isArray(raw)) return raw.map((v) => normalize(v) ?? "");
  if (typeof raw === "object") {
    const out: { [key: string]: YamlValue } = Object.create(null);
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) out[k] = normalize(v) ?? "";
    return out;
  }
  return String(raw);
}

/** YAML text for a mapping of plain strings (scaffolding), every value double-quoted. */
export function toYaml(values: Record<string, string>): string {
  return stringify(values, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" });
}
