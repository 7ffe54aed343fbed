/** The words of a notification mail, in the language of its list (the site's own words come from i18n/). */
import type { Language } from "../i18n/index.ts";

export interface MailText {
  /** The mark of an embargo copy, before the subject and the text. */
  readonly embargo: (dateTime: string) => string;
  readonly embargoNote: (dateTime: string) => string;
  readonly correction: string;
  readonly correctionNote: (date: string, note: string | undefined) => string;
  readonly withdrawn: string;
  readonly withdrawnNote: (title: string, published: string, withdrawn: string) => string;
  readonly readOnline: string;
  readonly readOnlineFrom: (dateTime: string) => string;
  readonly kit: string;
  readonly photosLater: string;
  readonly photo: string;
  readonly footer: (list: string) => string;
  readonly unsubscribe: string;
}

const de: MailText = {
  embargo: (dateTime) => `SPERRFRIST: ${dateTime}`,
  embargoNote: (dateTime) =>
    `Diese Mitteilung ist bis ${dateTime} gesperrt: Bitte veröffentlichen Sie nichts daraus vor diesem Zeitpunkt. Dann erscheint sie auch auf der Website.`,
  correction: "Korrektur",
  correctionNote: (date, note) => `Korrektur vom ${date}${note ? `: ${note}` : ""}`,
  withdrawn: "Zurückgezogen",
  withdrawnNote: (title, published, withdrawn) => `Die Pressemitteilung „${title}“ vom ${published} wurde am ${withdrawn} zurückgezogen.`,
  readOnline: "Die Mitteilung im Netz",
  readOnlineFrom: (dateTime) => `Die Mitteilung im Netz (ab ${dateTime})`,
  kit: "Pressematerial (ZIP)",
  photosLater: "Fotos und Downloads stehen ab der Sperrfrist auf der Seite der Mitteilung bereit.",
  photo: "Foto",
  footer: (list) => `Sie erhalten diese Mail über die Liste „${list}“.`,
  unsubscribe: "Abmelden",
};

const en: MailText = {
  embargo: (dateTime) => `EMBARGOED UNTIL ${dateTime}`,
  embargoNote: (dateTime) => `This release is under embargo until ${dateTime}: please publish nothing of it before then. It appears on the website at that time.`,
  correction: "Correction",
  correctionNote: (date, note) => `Corrected on ${date}${note ? `: ${note}` : ""}`,
  withdrawn: "Withdrawn",
  withdrawnNote: (title, published, withdrawn) => `The press release “${title}” of ${published} was withdrawn on ${withdrawn}.`,
  readOnline: "The release online",
  readOnlineFrom: (dateTime) => `The release online (from ${dateTime})`,
  kit: "Press kit (ZIP)",
  photosLater: "Photos and downloads are on the release's page from the end of the embargo.",
  photo: "Photo",
  footer: (list) => `You receive this mail through the list “${list}”.`,
  unsubscribe: "Unsubscribe",
};

export const mailText = (language: Language): MailText => (language === "de" ? de : en);
