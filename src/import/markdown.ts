/**
 * HTML of an old site's body to the Markdown of a release: the one module
 * that knows turndown. Tables stay HTML (the body keeps a safe subset of it);
 * an empty element with an id (an old in-page target) stays too.
 */
import TurndownService from "turndown";

let service: TurndownService | undefined;

/** What the rules below read of a node (the DOM's types are not this project's). */
interface Element {
  readonly nodeName: string;
  getAttribute(name: string): string | null;
}

function turndown(): TurndownService {
  if (service) return service;
  service = new TurndownService({
    headingStyle: "atx",
    bulletListMarker: "-",
    codeBlockStyle: "fenced",
    emDelimiter: "*",
    strongDelimiter: "**",
    linkStyle: "inlined",
  });
  // Markdown has no tables of its own in every reader: kept as HTML, which the sanitizer allows.
  service.keep(["table"]);
  service.addRule("in-page-target", {
    filter: (node) => {
      const element = node as unknown as Element;
      return element.nodeName === "A" && !element.getAttribute("href") && Boolean(element.getAttribute("id") || element.getAttribute("name"));
    },
    replacement: (content, node) => {
      const element = node as unknown as Element;
      const id = (element.getAttribute("id") || element.getAttribute("name") || "").replace(/"/g, "");
      return `<a id="${id}"></a>${content}`;
    },
  });
  service.addRule("heading-with-id", {
    filter: (node) => /^H[1-6]$/.test(node.nodeName) && Boolean((node as unknown as Element).getAttribute("id")),
    replacement: (content, node) => {
      const element = node as unknown as Element;
      const level = Math.max(2, Number(element.nodeName.slice(1)));
      const id = element.getAttribute("id")!.replace(/"/g, "");
      return `\n\n<h${level} id="${id}">${content.replace(/\n+/g, " ").trim()}</h${level}>\n\n`;
    },
  });
  service.remove(["script", "style", "noscript", "template"]);
  return service;
}

/** The Markdown of `html`, ending in one line break. */
export function htmlToMarkdown(html: string): string {
  const text = turndown().turndown(html).replace(/\n{3,}/g, "\n\n").trim();
  return text === "" ? "" : `${text}\n`;
}
