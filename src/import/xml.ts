/**
 * Reading feeds and WordPress exports: the one module that knows the XML
 * parser (fast-xml-parser). Every element may repeat, so each is a list;
 * text and attributes are read through the helpers below.
 */
import { XMLParser } from "fast-xml-parser";

/** An element: its children by name (each a list), its attributes (@_name) and its text (#text). */
export type XmlElement = { readonly [name: string]: unknown };

export type XmlResult = { readonly ok: true; readonly root: XmlElement } | { readonly ok: false; readonly reason: string };

export function parseXml(text: string): XmlResult {
  // Entities declared in the document could expand without end: an export or a feed needs none.
  if (/<!ENTITY/i.test(text)) return { ok: false, reason: "it declares its own XML entities" };
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    textNodeName: "#text",
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
    cdataPropName: false,
  });
  try {
    return { ok: true, root: parser.parse(text, true) as XmlElement };
  } catch (error) {
    return { ok: false, reason: `it is not well-formed XML (${String((error as Error).message ?? error).split("\n")[0]})` };
  }
}

/** The child elements named `name` (with their namespace prefix, as written: "wp:post_id"). */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  const value = element?.[name];
  if (!Array.isArray(value)) return [];
  return value.map((v) => (typeof v === "object" && v !== null ? (v as XmlElement) : ({ "#text": String(v) } as XmlElement)));
}

export const child = (element: XmlElement | undefined, name: string): XmlElement | undefined => children(element, name)[0];

/** The text of an element (its CDATA included), or "" when it has none. */
export function textOf(element: XmlElement | undefined): string {
  if (element === undefined) return "";
  const text = element["#text"];
  if (Array.isArray(text)) return text.join("");
  return text === undefined ? "" : String(text);
}

/** The text of the first child named `name`. */
export const childText = (element: XmlElement | undefined, name: string): string => textOf(child(element, name));

export const attribute = (element: XmlElement | undefined, name: string): string | undefined => {
  const value = element?.[`@_${name}`];
  return value === undefined ? undefined : String(value);
};
