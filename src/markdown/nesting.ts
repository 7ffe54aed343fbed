/**
 * A paragraph in a paragraph: `<span><p>…</p></span>` on one line of an old
 * CMS's body is inline HTML to Markdown, so it lands in a paragraph of its
 * own, and once the sanitizer has dropped the span, `<p><p>…</p></p>` is left
 * (a browser would tear it apart into empty paragraphs). Blocks directly in a
 * paragraph end it there; text after them gets a paragraph of its own.
 * Only for HTML the sanitizer made: tags are balanced, and a < in text or in
 * an attribute value is escaped, so a tag ends at its first >.
 */

const BLOCKS = new Set(["p", "div", "ul", "ol", "dl", "table", "blockquote", "pre", "figure", "h2", "h3", "h4", "h5", "h6", "hr"]);
const VOID = new Set(["br", "hr", "img"]);
const TAG = /<(\/?)([a-z][a-z0-9]*)\b[^>]*>/g;

export function unnestParagraphs(html: string): string {
  if (!/<p\b[^>]*>(?:(?!<\/p>)[\s\S])*<(?:p|div|ul|ol|dl|table|blockquote|pre|figure|h[2-6]|hr)\b/.test(html)) return html;
  let out = "";
  let last = 0;
  /** Open elements, each with where its tag starts in `out`. */
  const stack: { readonly name: string; readonly at: number; readonly tag: string }[] = [];
  /** The depth of a paragraph that blocks were found in, else -1. */
  let outer = -1;
  /** The current piece of that paragraph: where its opening tag starts in `out`, and the tag. */
  let piece: { at: number; tag: string } | undefined;
  const closePiece = (): void => {
    if (piece === undefined) return;
    if (out.slice(piece.at + piece.tag.length).trim() === "") out = out.slice(0, piece.at);
    else out += "</p>";
    piece = undefined;
  };
  const openPiece = (): void => {
    piece = { at: out.length, tag: "<p>" };
    out += "<p>";
  };
  const inOuter = (): boolean => outer !== -1 && stack.length === outer + 1;
  for (const match of html.matchAll(TAG)) {
    const [tag, closing, name] = match as unknown as [string, string, string];
    const text = html.slice(last, match.index);
    if (inOuter() && piece === undefined && text.trim() !== "") openPiece();
    out += text;
    last = match.index + tag.length;
    if (closing) {
      stack.pop();
      if (outer !== -1 && stack.length === outer) {
        closePiece();
        outer = -1;
      } else out += tag;
      continue;
    }
    const parent = stack[stack.length - 1];
    if (BLOCKS.has(name) && (inOuter() || (outer === -1 && parent?.name === "p"))) {
      if (outer === -1) {
        outer = stack.length - 1;
        piece = { at: parent!.at, tag: parent!.tag };
      }
      closePiece();
    } else if (inOuter() && piece === undefined) openPiece();
    const at = out.length;
    out += tag;
    if (!VOID.has(name)) stack.push({ name, at, tag });
  }
  out += html.slice(last);
  return out;
}
