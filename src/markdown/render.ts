/**
 * Release bodies: Markdown to HTML, then a sanitizer keeps only a safe subset
 * of HTML. The one module that knows markdown-it and sanitize-html.
 *
 * Raw HTML is allowed in bodies because archives migrated from an old CMS are
 * full of it; whatever survives the allowlist below cannot run code.
 */
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

const sanitizeOptions: Readonly<sanitizeHtml.IOptions> = {
  allowedTags: [
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "a", "img", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "abbr", "mark",
    "figure", "figcaption",
    // Old CMS exports wrap paragraphs in these; without them the text would run together.
    "div", "span",
  ],
  allowedAttributes: {
    a: ["href", "title"],
    img: ["src", "alt", "title", "width", "height"],
    th: ["colspan", "rowspan", "scope"],
    td: ["colspan", "rowspan"],
    abbr: ["title"],
    ol: ["start", "reversed"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  // The page has one h1, the title; a heading in the body becomes h2.
  transformTags: { h1: "h2" },
  disallowedTagsMode: "discard",
  // An image whose source was removed (data:, javascript:) would be an empty box without meaning.
  exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src,
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "template", "svg", "math"],
};

export function renderBody(source: string): string {
  return sanitizeHtml(markdown.render(source), { ...sanitizeOptions });
}
