/** The media type a file is served with: the `mime` package's table, a few corrections, UTF-8 for text. */
import mime from "mime";
import { FILES } from "../site/files.ts";

/** Types the table gets wrong or too vague for this site. */
const OVERRIDES: Readonly<Record<string, string>> = {
  // RFC 6350 registers text/vcard; the table still says text/x-vcard.
  vcf: "text/vcard",
};

/** Sent when nothing is known: browsers download it rather than guess. */
export const UNKNOWN_TYPE = "application/octet-stream";

const TEXT = /^(text\/|application\/(json|xml|atom\+xml|feed\+json|manifest\+json)$|image\/svg\+xml$)/;

/** The Content-Type of `file` (relative, forward slashes). Feeds are Atom; every text type says UTF-8. */
export function contentTypeOf(file: string): string {
  const name = file.slice(file.lastIndexOf("/") + 1);
  const extension = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";
  const type =
    name === FILES.feed
      ? "application/atom+xml"
      : file === FILES.jsonFeed
        ? "application/feed+json"
        : (OVERRIDES[extension] ?? (extension ? mime.getType(extension) : null) ?? UNKNOWN_TYPE);
  return TEXT.test(type) ? `${type}; charset=utf-8` : type;
}

/** An HTML page, whatever its name (a redirect page at an old address like /pm/0815.php). */
export const HTML_TYPE = "text/html; charset=utf-8";
