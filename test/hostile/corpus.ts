/**
 * The hostile corpus: the vectors of vectors.txt, and those that hide a scheme behind or within
 * a control, white space or invisible character (generated: a text file cannot show them).
 */
import { readFileSync } from "node:fs";

export interface Vector {
  /** Where it is published: owasp, html5sec, portswigger, dompurify, sanitize-html, markdown, templates, unicode. */
  readonly source: string;
  readonly body: string;
}

/** The characters browsers, old engines and feed readers drop or skip in an address. */
export const HIDING_CHARACTERS: readonly number[] = [
  0x01, 0x09, 0x0a, 0x0d, 0x1f, 0x7f, 0x85, 0xa0, 0xad, 0x1680, 0x180e, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x200b, 0x200c, 0x200d, 0x200e, 0x2028, 0x2029, 0x202f, 0x205f, 0x2060, 0x3000, 0xfeff,
];

const hex = (code: number): string => code.toString(16).toUpperCase();

function generated(): Vector[] {
  return HIDING_CHARACTERS.flatMap((code) => [
    { source: "unicode", body: `<a href="&#x${hex(code)};javascript:alert(1)">before U+${hex(code)}</a>` },
    { source: "unicode", body: `<a href="java&#x${hex(code)};script:alert(1)">within U+${hex(code)}</a>` },
    { source: "unicode", body: `<img src="&#x${hex(code)};javascript:alert(1)" alt="U+${hex(code)}">` },
    { source: "unicode", body: `[before U+${hex(code)}](${encodeURI(String.fromCodePoint(code))}javascript:alert(1))` },
  ]);
}

function written(): Vector[] {
  const text = readFileSync(new URL("vectors.txt", import.meta.url), "utf8");
  const vectors: Vector[] = [];
  let current: { source: string; lines: string[] } | undefined;
  const close = (): void => {
    if (current) vectors.push({ source: current.source, body: current.lines.join("\n") });
  };
  for (const line of text.split("\n")) {
    const start = /^== (\S+)$/.exec(line);
    if (start) {
      close();
      current = { source: start[1]!, lines: [] };
    } else if (current) current.lines.push(line);
  }
  close();
  return vectors.map((v) => ({ ...v, body: v.body.replace(/\n+$/, "") }));
}

export const VECTORS: readonly Vector[] = [...written(), ...generated()];
