import { distance } from "fastest-levenshtein";

/** Up to three of `options` close to `input`, closest first (did-you-mean hints). */
export function closest(input: string, options: readonly string[], max = 3): string[] {
  const needle = input.toLowerCase();
  return options
    .map((option) => {
      const o = option.toLowerCase();
      const d = o.startsWith(needle) || needle.startsWith(o) ? 1 : distance(needle, o);
      return { option, d };
    })
    .filter(({ option, d }) => d <= Math.max(2, Math.floor(option.length / 3)))
    .sort((a, b) => a.d - b.d || a.option.localeCompare(b.option, "en"))
    .slice(0, max)
    .map(({ option }) => option);
}

/** Lowercase, umlauts and accents folded, runs of anything else one space: "Özdemir, A." → "oezdemir a". */
const fold = (text: string): string =>
  text
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * The contact ids someone may have meant by `input`: the id spelt a little
 * differently, or the contact's name ("Tobias Brandhorst", "Brandhorst") or
 * the part of its e-mail address before the @ written instead of the id.
 */
export function closestContacts(
  input: string,
  contacts: ReadonlyMap<string, { readonly name: string; readonly email?: string | undefined }>,
  max = 3,
): string[] {
  const wanted = fold(input);
  const words = new Set(wanted.split(" ").filter((w) => w.length >= 3));
  const byName: string[] = [];
  for (const [id, contact] of contacts) {
    const name = fold(contact.name);
    const local = contact.email === undefined ? undefined : fold(contact.email.split("@")[0]!);
    const nameWords = name.split(" ");
    const same =
      name === wanted ||
      local === wanted ||
      (name.length > 0 && distance(name, wanted) <= Math.max(1, Math.floor(name.length / 8))) ||
      [...words].some((w) => nameWords.includes(w) || w === fold(id));
    if (same) byName.push(id);
  }
  const byId = closest(input, [...contacts.keys()], max);
  return [...new Set([...byName.sort((a, b) => a.localeCompare(b, "en")), ...byId])].slice(0, max);
}
