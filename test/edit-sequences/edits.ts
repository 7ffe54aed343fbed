/**
 * The edits a press office makes between two builds, as data (fast-check draws them) and as
 * what each does to a Site (site.ts). An edit names its release by a number taken modulo the
 * releases there are, so every drawn sequence applies; an edit that cannot apply to the site
 * as it is then (a name another release has, a photo to remove from a release without one)
 * is left out, and says so. Every edit keeps the content valid; `broken` is the one save that
 * does not, and the sequence puts it right again at once.
 */
import path from "node:path";
import fc from "fast-check";
import { releaseSlug } from "../../src/content/slug.ts";
import { folderOf, LANGUAGES, ownFolder, releaseText, TEMPLATES, translationPath, type Binaries, type Release, type Site } from "./site.ts";

/** What happens to the folders around the content between two builds, as in CI or by hand. */
export const OUTSIDE = {
  outputFileDeleted: "delete a file of the output by hand",
  outputFileEdited: "edit a file of the output by hand",
  outputRestored: "restore the output folder from a CI cache (the same bytes, new inodes and times)",
  cacheLost: "lose the cache folder",
  freshCheckout: "check the content out afresh (the same bytes, new inodes and times)",
  previewBuilt: "a preview (pressroom serve) into another folder, with the same cache",
  contentMoved: "move the content folder to another path",
} as const;

export type Outside = keyof typeof OUTSIDE;

const OUTSIDE_KINDS = Object.keys(OUTSIDE) as Outside[];

export type Edit =
  | { readonly kind: "add"; readonly name: number; readonly days: number; readonly time: number; readonly department: number; readonly ownFolder: boolean }
  | { readonly kind: "edit"; readonly pick: number; readonly what: number }
  | { readonly kind: "rename"; readonly pick: number; readonly name: number }
  | { readonly kind: "move"; readonly pick: number; readonly folder: number }
  | { readonly kind: "delete"; readonly pick: number }
  | { readonly kind: "add-photo"; readonly pick: number; readonly inline: boolean; readonly picture: number }
  | { readonly kind: "remove-photo"; readonly pick: number }
  | { readonly kind: "replace-photo"; readonly pick: number; readonly keepTime: boolean }
  | { readonly kind: "withdraw"; readonly pick: number; readonly later: boolean }
  | { readonly kind: "clock"; readonly step: number }
  | { readonly kind: "department"; readonly pick: number; readonly what: number }
  | { readonly kind: "site"; readonly what: number }
  | { readonly kind: "template"; readonly pick: number; readonly what: number }
  | { readonly kind: "broken"; readonly pick: number; readonly what: number }
  | { readonly kind: "outside"; readonly pick: number; readonly what: number }
  | { readonly kind: "translate"; readonly pick: number; readonly language: number; readonly what: number };

const pick = fc.nat({ max: 99 });

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("add" as const), name: pick, days: fc.integer({ min: -500, max: 20 }), time: fc.nat({ max: 2 }), department: pick, ownFolder: fc.boolean() }),
  fc.record({ kind: fc.constant("edit" as const), pick, what: fc.nat({ max: 6 }) }),
  fc.record({ kind: fc.constant("rename" as const), pick, name: pick }),
  fc.record({ kind: fc.constant("move" as const), pick, folder: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant("delete" as const), pick }),
  fc.record({ kind: fc.constant("add-photo" as const), pick, inline: fc.boolean(), picture: fc.nat({ max: 1 }) }),
  fc.record({ kind: fc.constant("remove-photo" as const), pick }),
  fc.record({ kind: fc.constant("replace-photo" as const), pick, keepTime: fc.boolean() }),
  fc.record({ kind: fc.constant("withdraw" as const), pick, later: fc.boolean() }),
  fc.record({ kind: fc.constant("clock" as const), step: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant("department" as const), pick, what: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant("site" as const), what: fc.nat({ max: 6 }) }),
  fc.record({ kind: fc.constant("template" as const), pick, what: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant("broken" as const), pick, what: fc.nat({ max: 1 }) }),
  fc.record({ kind: fc.constant("outside" as const), pick, what: fc.nat({ max: OUTSIDE_KINDS.length - 1 }) }),
  fc.record({ kind: fc.constant("translate" as const), pick, language: fc.nat({ max: LANGUAGES.length - 1 }), what: fc.nat({ max: 2 }) }),
);

/** What an edit did: a line for the report, and the files to rename on disk first (a user's `git mv`, which keeps a file's inode and time). */
export interface Done {
  readonly label: string;
  readonly renames: readonly (readonly [from: string, to: string])[];
  /** For `outside`: what happens, and a number to pick a file of the output by. */
  readonly outside?: { readonly what: Outside; readonly pick: number };
  /** The edit could not apply to the site as it was, and was left out. */
  readonly skipped?: true;
  /** For `broken`: a file (content-relative) saved broken before a build, and what it then holds; the next save puts it right. */
  readonly broken?: { readonly file: string; readonly bytes: string | Buffer };
  /**
   * Files saved with their size, inode and modification time as before (content-relative):
   * what a copy that keeps times over the file (`cp -p`, `touch -r`) or two saves within a
   * file system's time step (two seconds on FAT) do. Only the inode's change time tells.
   */
  readonly keepTime?: readonly string[];
}

// ---- the clock: local times of the site, as minutes, never a Date of the machine's zone

const minutes = (text: string): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a local time: ${text}`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!) / 60_000;
};

const localTime = (value: number, separator: "T" | " "): string => {
  const iso = new Date(value * 60_000).toISOString();
  return `${iso.slice(0, 10)}${separator}${iso.slice(11, 16)}`;
};

const DAY = 24 * 60;

/** Times of the releases and withdrawals, in order. */
const events = (site: Site): number[] =>
  site.releases.flatMap((r) => [minutes(r.date), ...(r.withdrawn ? [minutes(r.withdrawn.date)] : [])]).sort((a, b) => a - b);

// ---- names, addresses and folders

/** File names a release may get (its address is made from them): spaces, umlauts and underscores too. */
const NAMES = ["baumpflanzung", "Sperrung Brücke", "laermschutz", "Ausstellung_Rathaus", "stadtfest", "radwege-am-ring"];

const TITLES = ["Bäume für die Innenstadt", "Brücke am Hafen wird gesperrt", "Neue Lärmschutzwände", "Ausstellung im Rathaus", "Stadtfest am Wochenende", "Radwege am Ring"];

const FOLDERS = ["archiv", "2026/november", "neu", ""] as const;

/** The day and name of a release's address, as pressroom makes it. */
const addressOf = (release: Pick<Release, "path" | "date">): string => `${release.date.slice(0, 10)}/${releaseSlug(release.path)}`;

/** Whether `release` could take the place of `old` (or be added) without two releases sharing an address or a path. */
function fits(site: Site, release: Release, old?: Release): boolean {
  const others = site.releases.filter((r) => r !== old);
  const folder = ownFolder(release) ? folderOf(release) : undefined;
  return others.every(
    (r) =>
      addressOf(r) !== addressOf(release) &&
      r.path !== release.path &&
      // A release with a folder of its own is alone in it, and nothing else lies in a release's folder.
      (folder === undefined || !r.path.startsWith(`${folder}/`)) &&
      !(ownFolder(r) && release.path.startsWith(`${folderOf(r)}/`)),
  );
}

/** The path of a release of `name` dated `date` in `folder`: a file, or a folder with index.md. */
function pathFor(folder: string, date: string, name: string, own: boolean): string {
  const base = `${date.slice(0, 10)}-${name}`;
  return path.posix.join(folder, own ? `${base}/index.md` : `${base}.md`);
}

/** The release at `pick`, in the order of their paths. */
function chosen(site: Site, pick: number): Release | undefined {
  const sorted = [...site.releases].sort((a, b) => (a.path < b.path ? -1 : 1));
  return sorted.length === 0 ? undefined : sorted[pick % sorted.length];
}

function replace(site: Site, old: Release, release: Release): void {
  site.releases = site.releases.map((r) => (r === old ? release : r));
}

/** Renames that take a release and its files from `from` to `to` (its folder, or its file and the files beside it that are its own). */
function moves(from: Release, to: Release): [string, string][] {
  if (ownFolder(from) && ownFolder(to)) return [[`releases/${folderOf(from)}`, `releases/${folderOf(to)}`]];
  const files = [...from.photos.map((p) => p.file), ...from.downloads];
  return [[from.path, to.path], ...files.map((f): [string, string] => [path.posix.join(folderOf(from), f), path.posix.join(folderOf(to), f)])].map(([a, b]) => [`releases/${a}`, `releases/${b}`]);
}

// ---- the edits

const skipped = (why: string): Done => ({ label: `(skipped: ${why})`, renames: [], skipped: true });

/** Apply `e` to `site` (in place). */
export function apply(site: Site, e: Edit, binaries: Binaries): Done {
  switch (e.kind) {
    case "add": {
      const name = NAMES[e.name % NAMES.length]!;
      const now = minutes(site.now);
      const date = `${localTime(now + e.days * DAY, " ").slice(0, 10)} ${["09:00", "10:30", "16:45"][e.time]}`;
      const year = date.slice(0, 4);
      const release: Release = {
        path: pathFor(year, date, name, e.ownFolder),
        title: TITLES[e.name % TITLES.length]!,
        date,
        departments: [site.departments[e.department % site.departments.length]!.id],
        body: "Die Stadt informiert über das Vorhaben.\n",
        photos: [],
        downloads: [],
        extra: "",
        draft: false,
      };
      if (!fits(site, release)) return skipped(`add ${release.path}: its address or path is taken`);
      site.releases.push(release);
      return { label: `add ${release.path} (${date}${minutes(date.replace(" ", "T")) > now ? ", embargoed" : ""})`, renames: [] };
    }
    case "edit": {
      const r = chosen(site, e.pick);
      if (!r) return skipped("edit: no release");
      const edits: readonly [string, () => Release][] = [
        ["title", () => ({ ...r, title: r.title.endsWith(" (aktualisiert)") ? r.title.slice(0, -15) : `${r.title} (aktualisiert)` })],
        ["a sentence more", () => ({ ...r, body: `${r.body}\nNachtrag: Die Zeiten gelten ab sofort.\n` })],
        // The same number of bytes: a file whose size stays and whose time may not tell.
        ["one letter, the same length", () => ({ ...r, body: r.body.includes("e") ? r.body.replace("e", "a") : r.body.replace("a", "e") })],
        ["department", () => ({ ...r, departments: [site.departments.find((d) => !r.departments.includes(d.id))?.id ?? r.departments[0]!] })],
        ["date, a day earlier", () => ({ ...r, date: `${localTime(minutes(r.date.replace(" ", "T")) - DAY, " ")}` })],
        ["draft", () => ({ ...r, draft: !r.draft })],
        ["one letter, the same length, the file's time kept", () => ({ ...r, title: r.title.includes("e") ? r.title.replace("e", "a") : r.title.replace("a", "e") })],
      ];
      const [what, make] = edits[e.what % edits.length]!;
      const release = make();
      if (release.withdrawn && minutes(release.withdrawn.date.replace(" ", "T")) < minutes(release.date.replace(" ", "T"))) return skipped(`edit ${what} of ${r.path}: before its withdrawal`);
      if (!fits(site, release, r)) return skipped(`edit ${what} of ${r.path}: its address is taken`);
      replace(site, r, release);
      return { label: `edit ${r.path}: ${what}`, renames: [], ...(e.what % edits.length === 6 && { keepTime: [`releases/${r.path}`] }) };
    }
    case "rename": {
      const r = chosen(site, e.pick);
      if (!r) return skipped("rename: no release");
      const name = NAMES[e.name % NAMES.length]!;
      const parent = ownFolder(r) ? path.posix.dirname(folderOf(r)) : folderOf(r);
      const release = { ...r, path: pathFor(parent, r.date, name, ownFolder(r)) };
      if (release.path === r.path || !fits(site, release, r)) return skipped(`rename ${r.path} to ${name}: the same, or taken`);
      replace(site, r, release);
      // The release's own photos stay where they are: beside it in the same folder, or in its folder, renamed with it.
      return { label: `rename ${r.path} → ${release.path}`, renames: ownFolder(r) ? moves(r, release) : [[`releases/${r.path}`, `releases/${release.path}`]] };
    }
    case "move": {
      const r = chosen(site, e.pick);
      if (!r) return skipped("move: no release");
      const folder = FOLDERS[e.folder % FOLDERS.length]!;
      // The last choice: a release file becomes a folder of its own (x.md → x/index.md), or the other way.
      const release: Release =
        folder !== ""
          ? { ...r, path: path.posix.join(folder, ownFolder(r) ? `${path.posix.basename(folderOf(r))}/index.md` : path.posix.basename(r.path)) }
          : ownFolder(r)
            ? { ...r, path: `${folderOf(r)}.md` }
            : { ...r, path: `${r.path.slice(0, -3)}/index.md` };
      if (release.path === r.path || !fits(site, release, r)) return skipped(`move ${r.path} to ${release.path}: the same, or taken`);
      // Files of a folder release stay beside it; a folder release made a file takes its files into the folder around it.
      if (ownFolder(r) && !ownFolder(release) && site.releases.some((o) => o !== r && folderOf(o) === folderOf(release) && [...o.photos.map((p) => p.file), ...o.downloads].some((f) => [...r.photos.map((p) => p.file), ...r.downloads].includes(f)))) {
        return skipped(`move ${r.path}: a file of the same name lies there`);
      }
      replace(site, r, release);
      return { label: `move ${r.path} → ${release.path}`, renames: moves(r, release) };
    }
    case "delete": {
      const r = chosen(site, e.pick);
      if (!r) return skipped("delete: no release");
      site.releases = site.releases.filter((o) => o !== r);
      return { label: `delete ${r.path}`, renames: [] };
    }
    case "add-photo": {
      const r = chosen(site, e.pick);
      if (!r || r.photos.length >= 2) return skipped("add a photo: no release, or it has two");
      site.photosAdded++;
      const photo = { file: `foto-${site.photosAdded}.jpg`, alt: `Foto ${site.photosAdded}`, picture: e.picture, inline: e.inline };
      replace(site, r, { ...r, photos: [...r.photos, photo] });
      return { label: `add photo ${photo.file} to ${r.path}${e.inline ? " (in the text)" : ""}`, renames: [] };
    }
    case "remove-photo": {
      const r = chosen(site, e.pick);
      const photo = r?.photos.at(-1);
      if (!r || !photo) return skipped("remove a photo: none");
      replace(site, r, { ...r, photos: r.photos.slice(0, -1) });
      return { label: `remove photo ${photo.file} of ${r.path}`, renames: [] };
    }
    case "replace-photo": {
      const r = chosen(site, e.pick);
      const photo = r?.photos[0];
      if (!r || !photo) return skipped("replace a photo: none");
      replace(site, r, { ...r, photos: [{ ...photo, picture: 1 - photo.picture }, ...r.photos.slice(1)] });
      const file = `releases/${path.posix.join(folderOf(r), photo.file)}`;
      return { label: `replace the picture of ${photo.file} of ${r.path} (same name and size${e.keepTime ? ", time kept" : ""})`, renames: [], ...(e.keepTime && { keepTime: [file] }) };
    }
    case "withdraw": {
      const r = chosen(site, e.pick);
      if (!r) return skipped("withdraw: no release");
      if (r.withdrawn) {
        const { withdrawn: _, ...rest } = r;
        replace(site, r, rest);
        return { label: `take back the withdrawal of ${r.path}`, renames: [] };
      }
      // Now (or at the release's own time, if it is still to come), or in two days.
      const at = Math.max(minutes(site.now), minutes(r.date.replace(" ", "T"))) + (e.later ? 2 * DAY : 0);
      const date = localTime(at, " ");
      replace(site, r, { ...r, withdrawn: { date, reason: "Der Termin wurde abgesagt." } });
      return { label: `withdraw ${r.path} at ${date}`, renames: [] };
    }
    case "clock": {
      const now = minutes(site.now);
      const next = events(site).find((t) => t > now);
      // The last step goes back, as a build without --now after one that looked ahead: to just before the last release or withdrawal that came.
      const last = events(site).findLast((t) => t <= now);
      const to = [now + 180, next !== undefined ? next + 1 : now + DAY, now + 400 * DAY, last !== undefined ? last - 1 : now - DAY][e.step]!;
      site.now = localTime(to, "T");
      return { label: `now ${site.now}${to < now ? " (back)" : ""}`, renames: [] };
    }
    case "department": {
      const d = site.departments[e.pick % site.departments.length]!;
      const at = site.departments.indexOf(d);
      if (e.what === 0) {
        site.departments[at] = { ...d, name: d.name.startsWith("Amt für") ? d.name.replace(/^Amt für /, "") : `Amt für ${d.name}` };
        return { label: `rename department ${d.id} to „${site.departments[at]!.name}“`, renames: [] };
      }
      if (e.what === 1) {
        const { description, ...rest } = d;
        site.departments[at] = description ? rest : { ...d, description: "Zuständig für die ganze Stadt." };
        return { label: `${description ? "remove" : "add"} the description of ${d.id}`, renames: [] };
      }
      if (e.what === 2) {
        site.phone = site.phone === "0251 492-6609" ? "0251 492-6600" : "0251 492-6609";
        return { label: `a press contact's phone: ${site.phone}`, renames: [] };
      }
      const extra = site.departments.find((o) => o.id === "ordnungsamt");
      if (!extra) {
        site.departments.push({ id: "ordnungsamt", name: "Ordnungsamt", contact: "oezdemir" });
        return { label: "add department ordnungsamt", renames: [] };
      }
      if (site.releases.some((r) => r.departments.includes("ordnungsamt"))) return skipped("remove department ordnungsamt: in use");
      site.departments = site.departments.filter((o) => o !== extra);
      return { label: "remove department ordnungsamt", renames: [] };
    }
    case "site": {
      const changes: readonly (() => string)[] = [
        () => ((site.title = site.title.startsWith("Stadt") ? "Pressestelle der Stadt Prüfstadt" : "Stadt Prüfstadt – Pressemitteilungen"), `site title „${site.title}“`),
        () => ((site.accessibility = !site.accessibility), `footer link to the accessibility statement ${site.accessibility ? "added" : "removed"}`),
        () => ((site.description = site.description.endsWith(".") ? "Mitteilungen der Stadt" : "Aktuelle Mitteilungen der Stadtverwaltung Prüfstadt."), "site description"),
        () => ((site.language = site.language === "de" ? "en" : "de"), `site language ${site.language}`),
        () => ((site.color = site.color ? undefined : "#0b3d6e"), `site colour ${site.color ?? "(default)"}`),
        () => ((site.logo = site.logo === undefined ? 0 : undefined), `logo ${site.logo === undefined ? "removed" : "added"}`),
        () => ((site.logo = site.logo === undefined ? 1 : 1 - site.logo), `logo.png another picture (logo ${site.logo})`),
      ];
      return { label: changes[e.what % changes.length]!(), renames: [] };
    }
    case "template": {
      const name = TEMPLATES[e.pick % TEMPLATES.length]!;
      const line = site.overrides.get(name);
      if (line === undefined) {
        site.overrides.set(name, "Stadt Prüfstadt");
        return { label: `override template ${name}`, renames: [] };
      }
      if (e.what % 2 === 0) {
        site.overrides.set(name, line === "Stadt Prüfstadt" ? "Prüfstadt – Presse" : "Stadt Prüfstadt");
        return { label: `change the override of ${name}`, renames: [] };
      }
      site.overrides.delete(name);
      return { label: `remove the override of ${name}`, renames: [] };
    }
    case "translate": {
      const r = chosen(site, e.pick);
      if (!r) return skipped("translate: no release");
      const language = LANGUAGES[e.language % LANGUAGES.length]!;
      const others = (r.translations ?? []).filter((t) => t.language !== language);
      const own = r.translations?.find((t) => t.language === language);
      const file = `releases/${translationPath(r, language)}`;
      // Add a translation (or rewrite its text), edit its title, or delete it.
      const what = e.what % 3;
      if (what === 2) {
        if (!own) return skipped(`delete the ${language} translation of ${r.path}: it has none`);
        replace(site, r, { ...r, translations: others });
        return { label: `delete ${file}`, renames: [] };
      }
      const title = what === 1 && own ? `${own.title} (updated)` : language === "tr" ? `Türkçe: ${r.title}` : `بالعربية: ${r.title}`;
      const body = what === 0 && own ? `${own.body}\n+1\n` : language === "tr" ? "Şehir proje hakkında bilgi veriyor.\n" : "تُعلم المدينة عن المشروع.\n";
      replace(site, r, { ...r, translations: [...others, { language, title, body }] });
      return { label: `${own ? "edit" : "add"} ${file}`, renames: [] };
    }
    case "outside": {
      const what = OUTSIDE_KINDS[e.what % OUTSIDE_KINDS.length]!;
      return { label: OUTSIDE[what], renames: [], outside: { what, pick: e.pick } };
    }
    case "broken": {
      const r = chosen(site, e.pick);
      if (!r) return skipped("broken save: no release");
      const photo = r.photos[0];
      if (e.what === 1 && photo) {
        const file = `releases/${path.posix.join(folderOf(r), photo.file)}`;
        return { label: `save ${file} cut short (the build fails), then put it right`, renames: [], broken: { file, bytes: binaries.pictures[photo.picture]!.subarray(0, 150) } };
      }
      return { label: `save ${r.path} with an unknown department (the build fails), then put it right`, renames: [], broken: { file: `releases/${r.path}`, bytes: releaseText({ ...r, departments: ["gibtsnicht"] }) } };
    }
  }
}
