/**
 * Old addresses (`aliases`) that must redirect to a release. An alias names a
 * file in the output folder, so it is held to a strict form: a path from the
 * site root, of plain URL characters, that cannot climb out of the folder.
 */
export type AliasResult = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

const SEGMENT = /^[A-Za-z0-9._~+,=-]+$/;

export function normalizeAlias(value: string): AliasResult {
  let text = value.trim();
  if (/^https?:\/\//i.test(text)) {
    try {
      text = new URL(text).pathname + (new URL(text).search ?? "");
    } catch {
      return { ok: false, reason: "it is not a valid address" };
    }
  }
  if (!text.startsWith("/")) return { ok: false, reason: "it must start with /" };
  if (/[?#]/.test(text)) {
    return { ok: false, reason: "addresses with ? or # cannot be redirected by static hosting" };
  }
  const segments = text.slice(1).split("/");
  const last = segments.length - 1;
  for (const [i, segment] of segments.entries()) {
    if (segment === "" && i === last) continue;
    if (segment === "" ) return { ok: false, reason: "it contains an empty path segment (//)" };
    if (segment.startsWith(".")) return { ok: false, reason: "a part of it starts with a dot (such as .. or .hidden)" };
    if (!SEGMENT.test(segment)) {
      return { ok: false, reason: "it may hold only letters, digits and . _ ~ + , = - between slashes" };
    }
  }
  if (text === "/") return { ok: false, reason: "it is the home page" };
  return { ok: true, path: text };
}

/** The file an alias is written to in the output folder: /a/b.html → a/b.html, /a/b/ → a/b/index.html. */
export function aliasOutputPath(alias: string): string {
  const rel = alias.slice(1);
  if (rel.endsWith("/")) return `${rel}index.html`;
  const last = rel.split("/").pop()!;
  return /\.[A-Za-z0-9]{1,6}$/.test(last) ? rel : `${rel}/index.html`;
}
