/**
 * Generators of content as press officers, migrated archives and attackers write it: release file
 * names, front matter (known and unknown fields, every YAML form, dates right and wrong, ids,
 * Unicode of every kind), and bodies from a grammar of Markdown and HTML with hostile addresses,
 * attributes and the published vectors of the hostile corpus mixed in.
 */
import fc from "fast-check";
import { HIDING_CHARACTERS, VECTORS } from "../hostile/corpus.ts";

const pick = <T>(items: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...items);

/** Characters that make trouble: invisible, direction, separators, quotes, YAML and Markdown syntax, non-BMP. */
const TROUBLE = [
  ...HIDING_CHARACTERS.map((code) => String.fromCodePoint(code)),
  "\u202E", "\u2066", "\u2069", "\u0000", "\uFFFD", "\uD83D\uDC69\u200D\uD83D\uDCBB", "𝔘", "ß", "İ", "ﬀ", "Ω", "ع", "中",
  '"', "'", "`", "\\", ":", "#", "&", "*", "!", "|", ">", "-", "?", "%", "@", "{", "}", "[", "]", ",", "<", "/", "..", "\t", "\r", "\n",
];

/** Text of any Unicode, with more of the troublesome characters than chance would give. */
export const text: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) }, { weight: 2, arbitrary: pick(TROUBLE) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) }), { maxLength: 8 })
  .map((parts) => parts.join(""));

const word = fc.oneof(pick(["Rathaus", "Radweg", "Umweltamt", "Münster", "presse", "tiefbauamt", "2026", "x"]), fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 10 }));

/** An address as a hostile or careless author writes one: a scheme, hidden or not, and what follows. */
export const address: fc.Arbitrary<string> = fc
  .tuple(
    pick(["javascript:", "JaVaScRiPt:", "vbscript:", "data:text/html,", "data:image/svg+xml,", "file:", "http://", "https://", "mailto:", "tel:", "//", "/\\", "\\\\", "", "#", "../", "java%73cript:", "&#106;avascript:", "javascript&colon;"]),
    fc.array(fc.tuple(fc.nat(12), pick([...HIDING_CHARACTERS.map((c) => String.fromCodePoint(c)), "&#x2000;", "&#9;", "&#10;", "%20", "&#x200B;"])), { maxLength: 3 }),
    pick(["alert(1)", "example.org/", "evil.example/x.js", "foto.jpg", "x", "", "presse@stadt.de", "+49 251 492-0", "<script>alert(1)</script>", '"onmouseover="alert(1)']),
  )
  .map(([scheme, hidden, rest]) => {
    let value = scheme;
    for (const [at, char] of hidden) value = value.slice(0, at % (value.length + 1)) + char + value.slice(at % (value.length + 1));
    return value + rest;
  });

const TAGS = ["a", "img", "p", "div", "span", "script", "style", "iframe", "svg", "math", "object", "embed", "form", "input", "button", "table", "td", "h1", "h2", "ul", "li", "blockquote", "details", "template", "noscript", "base", "meta", "link", "video", "audio", "source", "picture", "figure", "textarea", "xmp", "plaintext", "title"];
const ATTRIBUTES = ["href", "src", "srcset", "onerror", "onclick", "onload", "onmouseover", "style", "alt", "title", "id", "name", "class", "width", "height", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc", "target", "rel", "is"];

const attribute = fc
  .tuple(pick(ATTRIBUTES), fc.oneof(address, text, pick(["alert(1)", "javascript:alert(1)", "100%", "x", ""])), pick(['"', "'", "", "`"]))
  .map(([name, value, quote]) => (quote === "" ? `${name}=${value.replace(/[\s>]/g, "")}` : `${name}=${quote}${value.replaceAll(quote, "")}${quote}`));

/** HTML as old CMS exports and attackers write it: nested, unclosed, with any attribute. */
const html: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text.map((t) => t.replace(/[<>]/g, "")),
    fc
      .tuple(pick(TAGS), fc.array(attribute, { maxLength: 3 }), fc.array(tie("node"), { maxLength: 3 }), fc.boolean())
      .map(([tag, attributes, children, closed]) => `<${tag}${attributes.map((a) => ` ${a}`).join("")}>${children.join("")}${closed ? `</${tag}>` : ""}`),
    pick(["<!--", "-->", "<![CDATA[", "]]>", "</", "<", ">", "&lt;script&gt;", "&#60;script&#62;", "<?xml ?>", "<!DOCTYPE html>"]),
  ),
})).node;

/** One block of Markdown. */
const block: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.oneof(word, text), { maxLength: 8 }).map((words) => words.join(" ")),
  fc.tuple(fc.integer({ min: 1, max: 7 }), text).map(([level, t]) => `${"#".repeat(level)} ${t}`),
  fc.array(text, { minLength: 1, maxLength: 4 }).map((items) => items.map((t) => `- ${t}`).join("\n")),
  fc.tuple(fc.integer({ min: 1, max: 12 }), text).map(([depth, t]) => `${">".repeat(depth)} ${t}`),
  fc.tuple(text, address).map(([t, a]) => `[${t}](${a})`),
  fc.tuple(text, address, text).map(([t, a, title]) => `![${t}](${a} "${title}")`),
  fc.tuple(text, address).map(([t, a]) => `[${t}][r]\n\n[r]: ${a}`),
  address.map((a) => `<${a}>`),
  fc.array(text, { minLength: 1, maxLength: 3 }).map((cells) => `| ${cells.join(" | ")} |\n|${cells.map(() => "---").join("|")}|\n| ${cells.join(" | ")} |`),
  text.map((t) => "```\n" + t + "\n```"),
  text.map((t) => `\`${t}\``),
  pick(["{{ constructor.constructor('alert(1)')() }}", "{% raw %}", "{% include '/etc/passwd' %}", "${process.exit()}", "---", "***", "    indented", "\t• Punkt", "– Strich"]),
  html,
  pick(VECTORS.map((v) => v.body)),
);

/** A release's text after the front matter. */
export const body: fc.Arbitrary<string> = fc
  .tuple(fc.array(block, { maxLength: 6 }), pick(["\n\n", "\n", " ", "\r\n"]))
  .map(([blocks, separator]) => blocks.join(separator));

const KNOWN_FIELDS = ["title", "subtitle", "date", "department", "contact", "media", "updated", "change_note", "withdrawn", "tags", "draft", "aliases"];

/** A YAML value in every form: plain, quoted, block, flow, anchors, tags, dates right and wrong. */
const value: fc.Arbitrary<string> = fc.oneof(
  text.map((t) => t.replace(/\n/g, " ")),
  text.map((t) => JSON.stringify(t)),
  text.map((t) => `'${t.replace(/'/g, "''").replace(/\n/g, " ")}'`),
  pick([
    "2026-11-27", "2026-11-27 10:30", "2026-02-30", "2026-13-01", "27.11.2026", "2026-11-27T10:30:00+01:00", "2031-06-01 10:00", "1970-01-01", "9999-12-31 23:59",
    "true", "false", "ja", "nein", "~", "null", "", "0", "-1", "1e309", "0x1F", ".nan",
    "tiefbauamt", "umweltamt", "[tiefbauamt, umweltamt]", "[]", "{}", "{name: x}", "&a x", "*a", "!!js/function 'alert(1)'", "!!binary aGVsbG8=", "!!str 1",
    "|\n  Zeile eins\n  Zeile zwei", ">\n  gefaltet", "\n  - file: foto.jpg\n    alt: Foto", "\n  - file: ../../etc/passwd", "\n  - file: foto.jpg\n    caption: \"<script>alert(1)</script>\"",
    "\n  date: 2026-12-01\n  reason: Fehler", "\n  name: Max\n  phone: 0251 1\n  email: max@stadt.de", "[/alt/, /../../x, //evil.example/]",
  ]),
  fc.array(word, { maxLength: 3 }).map((items) => `[${items.join(", ")}]`),
  address,
);

/** The front matter's lines: mostly known fields, some unknown, in any order and any YAML. */
export const frontMatter: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: pick(KNOWN_FIELDS) }, { weight: 1, arbitrary: text.map((t) => t.replace(/[\n:]/g, "")) }), value, pick([": ", ":", " : ", ":\t"])), { maxLength: 10 })
  .map((fields) => fields.map(([key, v, colon]) => `${key}${colon}${v}`).join("\n"));

/** Free text a field may hold: anything but the characters that are errors there (hidden ones), never empty. */
const fieldText: fc.Arbitrary<string> = text.map((t) => t.replace(/[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u0000-\u001F\u007F-\u009F\u2028\u2029\u00AD]/g, "").trim() || "Titel");

/** An old address a release keeps (aliases): fine ones, and ones that try to leave the site. */
const alias = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(pick(["/alt/", "/presse/2019/", "/meldungen/", "/"]), fc.stringMatching(/^[A-Za-z0-9._~+,=-]{1,16}$/)).map(([folder, name]) => `${folder}${name}`) },
  { weight: 1, arbitrary: pick(["../../etc/passwd", "//evil.example/x", "/..%2f..%2fx", "/index.html", "/feed.xml", "/_headers", "/img/x.jpg", "/a/b/../../../c"]) },
);

/** A release that is mostly right, with hostile text where a field takes free text: most of these pass check and are planned. */
const plausible: fc.Arbitrary<string> = fc
  .record(
    {
      title: fieldText,
      subtitle: fieldText,
      date: pick(["2026-11-27", "2026-11-27 10:30", "2026-01-01 00:30", "2026-11-27T10:30:00Z", "2031-06-01 10:00", "2025-12-31 23:59"]),
      department: pick(["tiefbauamt", "umweltamt", "[tiefbauamt, umweltamt]"]),
      tags: fc.array(fieldText, { minLength: 1, maxLength: 3 }),
      aliases: fc.array(alias, { minLength: 1, maxLength: 2 }),
      media: fc.tuple(pick(["foto.jpg", "foto.jpg", "Plan Nord.pdf", "bild.png", "../foto.jpg", "ordner/foto.jpg"]), fieldText, fieldText),
      draft: pick(["true", "false"]),
      body,
    },
    { requiredKeys: ["title", "date", "department", "body"] },
  )
  .map((r) =>
    [
      "---",
      `title: ${JSON.stringify(r.title)}`,
      ...(r.subtitle !== undefined ? [`subtitle: ${JSON.stringify(r.subtitle)}`] : []),
      `date: ${r.date}`,
      `department: ${r.department}`,
      ...(r.tags ? [`tags: [${r.tags.map((t) => JSON.stringify(t)).join(", ")}]`] : []),
      ...(r.aliases ? [`aliases: [${r.aliases.map((t) => JSON.stringify(t)).join(", ")}]`] : []),
      ...(r.media ? ["media:", `  - file: ${JSON.stringify(r.media[0])}`, `    alt: ${JSON.stringify(r.media[1])}`, `    caption: ${JSON.stringify(r.media[2])}`] : []),
      ...(r.draft ? [`draft: ${r.draft}`] : []),
      "---",
      "",
      r.body,
    ].join("\n"),
  );

/** A release file's whole text: front matter and body, or something that is not quite that. */
export const releaseText: fc.Arbitrary<string> = fc.oneof(
  { weight: 16, arbitrary: plausible },
  { weight: 6, arbitrary: fc.tuple(frontMatter, body).map(([front, b]) => `---\n${front}\n---\n\n${b}\n`) },
  { weight: 2, arbitrary: fc.tuple(body).map(([b]) => `---\ntitle: Radwege am Ring\ndate: 2026-11-27 10:30\ndepartment: tiefbauamt\n---\n\n${b}\n`) },
  { weight: 1, arbitrary: fc.tuple(frontMatter, body).map(([front, b]) => `---\n${front}\n${b}`) },
  { weight: 1, arbitrary: text },
);

/** A release's file name: valid, or with slashes, dots, spaces, Unicode and the length of a migrated title. */
export const releaseFile: fc.Arbitrary<string> = fc
  .tuple(
    pick(["2026-11-27-", "2026-11-27-", "2026-01-01-", "2031-06-01-", "", "1999-12-31-", "2026-02-30-"]),
    fc.oneof({ weight: 3, arbitrary: word }, { weight: 1, arbitrary: text.map((t) => t.replace(/[/\\\0]/g, "")) }, { weight: 1, arbitrary: pick(["..", ".", "a/../../b", "index", "x".repeat(300)]) }),
    pick([".md", "/index.md", ".MD"]),
  )
  .map(([date, name, end]) => `releases/${date}${name}${end}`.replace(/\/+/g, "/"));

/** One to four releases, each file name once. */
export const releases: fc.Arbitrary<[string, string][]> = fc.uniqueArray(fc.tuple(releaseFile, releaseText), { minLength: 1, maxLength: 3, selector: ([file]) => file });
