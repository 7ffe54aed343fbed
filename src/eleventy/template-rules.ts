/**
 * What a city's template may use, judged on the syntax tree of the Nunjucks
 * that renders it. The rule is a list of what is allowed, never of what is
 * forbidden: Nunjucks compiles a template to JavaScript and pastes names into
 * that code as they were written (a filter named `safe"&&Function(…)&&"safe`
 * is code), and a list of bad names is always one trick short. So every node
 * must be of a kind on the list, every name must be a plain identifier, every
 * filter one of a short list, and a template may only bring in pressroom's
 * own templates, by their literal name.
 */

/** A node of Nunjucks' syntax tree, as its parser makes it. */
import { schemeOf } from "../markdown/safe-url.ts";

export interface TemplateNode {
  readonly typename: string;
  readonly fields?: readonly string[];
  readonly value?: unknown;
  readonly lineno?: number;
  readonly [field: string]: unknown;
}

/** Something a template may not use: in words for the message, its line, and why it is refused. */
export interface Refusal {
  readonly what: string;
  readonly line?: number;
  /**
   * `escape`: it would print text unescaped; `code`: it could run code or read files; `unknown`: not on the
   * list; `script`: its own markup would run script or embed another page in every page.
   */
  readonly why: "escape" | "code" | "unknown" | "script";
}

/** Values pressroom renders to safe HTML itself: the only ones a template may print with `| safe`. */
export const SAFE_VALUES: ReadonlySet<string> = new Set(["release.bodyHtml", "image.html", "release.sharing.jsonLd", "item.thumbnail"]);

/**
 * The kinds of node a template may hold: output, text, conditions, loops,
 * variables, blocks and macros, expressions. Left out: custom tags (Eleventy's
 * shortcodes), the asynchronous forms, and regular expression literals.
 */
const NODES: ReadonlySet<string> = new Set([
  "Root", "NodeList", "Output", "TemplateData", "Literal", "Symbol", "LookupVal", "Group", "Array", "Dict", "Pair", "KeywordArgs",
  "If", "InlineIf", "For", "Set", "Capture", "Switch", "Case", "Block", "Super", "Macro", "Caller",
  "Extends", "Include", "Import", "FromImport", "FunCall", "Filter",
  "Compare", "CompareOperand", "And", "Or", "Not", "In", "Is", "Add", "Sub", "Mul", "Div", "FloorDiv", "Mod", "Pow", "Neg", "Pos", "Concat",
]);

/** Nunjucks' own filters that only reshape a value; `safe` has its own rule. Not `urlize` (it writes HTML), `random`, `log`. */
export const FILTERS: ReadonlySet<string> = new Set([
  "safe", "abs", "batch", "capitalize", "center", "default", "d", "dictsort", "dump", "escape", "e", "first", "float", "forceescape",
  "groupby", "indent", "int", "join", "last", "length", "list", "lower", "nl2br", "reject", "rejectattr", "replace", "reverse", "round",
  "select", "selectattr", "slice", "sort", "string", "striptags", "sum", "title", "trim", "truncate", "upper", "urlencode", "wordcount",
]);

/** Names that lead from a value to JavaScript's constructors, and so to running code. */
const FORBIDDEN_NAMES: ReadonlySet<string> = new Set([
  "constructor", "__proto__", "prototype", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__", "call", "apply", "bind",
]);

/** A plain name: what Nunjucks pastes into code must be nothing else. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The dotted path of a lookup (`release.sharing.jsonLd`), or undefined when a part is computed. */
function lookupPath(node: TemplateNode): string | undefined {
  if (node.typename === "Symbol") return String(node.value);
  if (node.typename === "LookupVal") {
    const target = lookupPath(node.target as TemplateNode);
    const key = node.val as TemplateNode;
    return target !== undefined && key.typename === "Literal" ? `${target}.${String(key.value)}` : undefined;
  }
  return undefined;
}

const isNode = (value: unknown): value is TemplateNode => typeof value === "object" && value !== null && "typename" in value;

/** Every node a node holds, in any of its fields (a list or a single node). */
export const children = (node: TemplateNode): TemplateNode[] =>
  (node.fields ?? []).flatMap((field) => {
    const value = node[field];
    return Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : [];
  });

/** The nodes that bring in another template by its name: include, import, from … import, extends. */
const BRINGING: ReadonlySet<string> = new Set(["Include", "Import", "FromImport", "Extends"]);

/** The name a bringing node gives as a literal, or undefined (computed, or not such a node). */
function broughtName(node: TemplateNode): string | undefined {
  if (!BRINGING.has(node.typename)) return undefined;
  const template = node.template as TemplateNode;
  return template.typename === "Literal" && typeof template.value === "string" ? template.value : undefined;
}

/** The templates a parsed template brings in by name, in order. */
export function broughtTemplates(root: TemplateNode): string[] {
  const names: string[] = [];
  const visit = (node: TemplateNode): void => {
    const name = broughtName(node);
    if (name !== undefined) names.push(name);
    for (const child of children(node)) visit(child);
  };
  visit(root);
  return names;
}

/** Why `name` may not stand in a template, or undefined when it may. */
function badName(name: string): string | undefined {
  if (!IDENTIFIER.test(name)) return `the name ${JSON.stringify(name)} (only letters, digits and _)`;
  if (FORBIDDEN_NAMES.has(name)) return `the name "${name}"`;
  return undefined;
}

/**
 * What in a parsed template is not allowed, with its line. `templates` are
 * the names a template may include, import or extend (pressroom's own).
 */
export function refusals(root: TemplateNode, templates: ReadonlySet<string>): Refusal[] {
  const found: Refusal[] = [];
  const at = (node: TemplateNode) => (node.lineno === undefined ? {} : { line: node.lineno + 1 });
  const refuse = (node: TemplateNode, what: string, why: Refusal["why"]): void => void found.push({ what, ...at(node), why });

  const visit = (node: TemplateNode, parent: TemplateNode | undefined): void => {
    const kind = node.typename;
    if (!NODES.has(kind)) {
      refuse(node, kind === "CallExtension" || kind === "CallExtensionAsync" ? "a tag of its own ({% name %})" : `the construct ${kind}`, "unknown");
      return;
    }
    switch (kind) {
      case "Symbol": {
        const bad = badName(String(node.value));
        if (bad) refuse(node, bad, "code");
        break;
      }
      case "Literal":
        if (node.value instanceof RegExp) refuse(node, "a regular expression (r/…/)", "unknown");
        // {% set x = "javascript:…" %}<a href="{{ x }}">: the markup check sees only a printed value.
        else if (typeof node.value === "string" && DANGEROUS_SCHEMES.has(schemeOf(node.value) ?? "")) refuse(node, "a javascript: or data: address", "script");
        break;
      case "LookupVal": {
        const key = node.val as TemplateNode;
        if (key.typename !== "Literal") refuse(node, "a computed name in [ ]", "code");
        else if (typeof key.value === "number" ? !Number.isInteger(key.value) || key.value < 0 : typeof key.value !== "string") {
          refuse(node, "a computed name in [ ]", "code");
        } else if (typeof key.value === "string") {
          const bad = badName(key.value);
          if (bad) refuse(node, bad, "code");
        }
        break;
      }
      case "Filter": {
        // The parser gives a dotted filter name as one Symbol ("a.b"): it must be a plain name of the list.
        const name = String((node.name as TemplateNode).value);
        if (!IDENTIFIER.test(name)) {
          refuse(node, `the filter ${JSON.stringify(name)}`, "code");
          return;
        }
        if (!FILTERS.has(name)) refuse(node, `the filter "${name}"`, "unknown");
        if (name === "safe") {
          const [argument] = children(node.args as TemplateNode);
          const target = argument && lookupPath(argument);
          if (target === undefined || !SAFE_VALUES.has(target)) refuse(node, `| safe on ${target ?? "a computed value"}`, "escape");
          // Safe HTML changed afterwards (`| safe | replace(…)`) stays marked safe: only {{ value | safe }} as it is.
          else if (parent?.typename !== "Output") refuse(node, `| safe inside an expression`, "escape");
        }
        // Attribute names given to sort, groupby, selectattr … are looked up like names.
        for (const argument of children(node.args as TemplateNode)) {
          if (argument.typename !== "Literal" || typeof argument.value !== "string") continue;
          const bad = argument.value.split(".").find((part) => FORBIDDEN_NAMES.has(part));
          if (bad !== undefined) refuse(argument, `the name "${bad}"`, "code");
        }
        break;
      }
      case "FunCall": {
        // A call of a value's function (pressroom.t.updatedOn(…)) or a macro; never of what a call returned.
        if (lookupPath(node.name as TemplateNode) === undefined) refuse(node, "a call of a computed value", "code");
        break;
      }
      case "Include":
      case "Import":
      case "FromImport":
      case "Extends": {
        const name = broughtName(node);
        const tag = kind === "FromImport" ? "from" : kind.toLowerCase();
        if (name === undefined) refuse(node, `{% ${tag} %} of a computed name`, "code");
        else if (!templates.has(name)) refuse(node, `{% ${tag} ${JSON.stringify(name)} %} (not one of pressroom's templates)`, "code");
        break;
      }
    }
    for (const child of children(node)) visit(child, node);
  };
  visit(root, undefined);
  return found;
}

/** A piece of a template's own markup and the line (from 1) it starts on; values printed between pieces are `VALUE`. */
interface Markup {
  readonly text: string;
  readonly line: number;
}

/** What stands around a printed value: markup cannot hold it, so a pattern can ask for "this value here". */
const VALUE = "\u0000";
/** A printed value in the markup: its dotted path between two VALUE marks, empty when it is computed. */
const value = (path = ""): string => `${VALUE}${path}${VALUE}`;

/** The template's own markup in source order, each printed value as value(its path). */
function markupOf(root: TemplateNode): Markup[] {
  const pieces: Markup[] = [];
  const visit = (node: TemplateNode): void => {
    if (node.typename === "Output") {
      for (const child of children(node)) {
        if (child.typename === "TemplateData") pieces.push({ text: String(child.value ?? ""), line: (child.lineno ?? 0) + 1 });
        else pieces.push({ text: value(lookupPath(child)), line: (child.lineno ?? 0) + 1 });
      }
      return;
    }
    for (const child of children(node)) visit(child);
  };
  visit(root);
  return pieces;
}

/** The two scripts pressroom's templates place: structured data printed by pressroom, and the search page's own module. */
const ALLOWED_SCRIPT = [/^\s+type="application\/ld\+json"\s*$/, new RegExp(`^\\s+type="module"\\s+src="${value("pressroom.searchScript")}"\\s*$`)];
/** The one meta refresh: the redirect page's, to the address pressroom gives it. */
const ALLOWED_REFRESH = new RegExp(`^\\s+http-equiv="refresh"\\s+content="0; url=${value("redirect.to")}"\\s*$`);
/** Attributes a browser follows or loads. */
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "data", "poster", "xlink:href", "background", "cite", "ping"]);
/** Schemes that run script or carry a page of their own: never in a template's address. */
const DANGEROUS_SCHEMES = new Set(["javascript", "vbscript", "data", "blob", "file"]);

/** Elements that embed another page or change where the page's addresses lead. */
const EMBEDDING = new Set(["iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"]);

/**
 * What a template's own markup may not hold: a script of its own, an event
 * handler, a javascript: or data: address, an embedded page, a base address,
 * a meta refresh to an address of its own. pressroom's pages carry the
 * site's security policy where the host sends `_headers`; a host that sends
 * none (GitHub Pages) would run such markup.
 */
export function markupRefusals(root: TemplateNode): Refusal[] {
  const pieces = markupOf(root);
  const text = pieces.map((p) => p.text).join("");
  const lineAt = (offset: number): number => {
    let at = 0;
    for (const piece of pieces) {
      if (offset < at + piece.text.length) return piece.line + (piece.text.slice(0, offset - at).match(/\n/g)?.length ?? 0);
      at += piece.text.length;
    }
    return pieces.at(-1)?.line ?? 1;
  };
  const found: Refusal[] = [];
  // <{{ name }}> is any element, a script among them.
  for (const open of text.matchAll(new RegExp(`</?\\s*${VALUE}`, "g"))) {
    found.push({ what: "a tag or attribute name made of a value", line: lineAt(open.index), why: "script" });
  }
  for (const tag of text.matchAll(/<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const name = tag[1]!.toLowerCase();
    const attributes = tag[2] ?? "";
    const refuse = (what: string): void => void found.push({ what, line: lineAt(tag.index), why: "script" });
    if (name === "script" && !ALLOWED_SCRIPT.some((allowed) => allowed.test(attributes))) refuse("a <script> of its own");
    if (EMBEDDING.has(name)) refuse(`the element <${name}>`);
    if (name === "meta" && /http-equiv/i.test(attributes) && !ALLOWED_REFRESH.test(attributes)) {
      refuse("a <meta http-equiv> of its own");
    }
    if (/(?:^|\s)on[a-z]+\s*=/i.test(attributes)) refuse("an event handler (on…=)");
    // A name made of a printed value can be any name: a handler, or <script>.
    if (new RegExp(`(?:^|\\s)[^\\s="'>]*${VALUE}[^\\s="'>]*\\s*=`).test(attributes) || tag[1]!.includes(VALUE)) refuse("a tag or attribute name made of a value");
    for (const [, attribute, ...quoted] of attributes.matchAll(/([^\s="'>]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
      if (!URL_ATTRIBUTES.has(attribute!.toLowerCase())) continue;
      // The template's own part of the address, as the most forgiving browser reads it (entities, escapes, hidden characters).
      const written = (quoted.find((v) => v !== undefined) ?? "").replace(new RegExp(`${VALUE}[^${VALUE}]*${VALUE}`, "g"), "");
      if (DANGEROUS_SCHEMES.has(schemeOf(written) ?? "")) refuse("a javascript: or data: address");
    }
    if (/(?:^|\s)srcdoc\s*=/i.test(attributes)) refuse("an embedded page (srcdoc)");
  }
  return found;
}
