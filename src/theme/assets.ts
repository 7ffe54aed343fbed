/**
 * What the theme adds to the output: the colour as custom properties at the
 * end of the stylesheet (the page's security policy allows no inline style),
 * and the logo as a file named by its content.
 */
import type { Theme } from "../content/model.ts";
import { FILES } from "../site/files.ts";
import { lightEnough } from "./color.ts";
import type { LogoFile } from "./logo.ts";

/** The logo's height in the header, in CSS pixels; its width follows its proportions. */
export const LOGO_HEIGHT = 48;

export interface LogoView {
  /** Site-relative address, base path included. */
  readonly src: string;
  readonly width: number;
  readonly height: number;
}

export const logoFile = (logo: LogoFile): string => `${FILES.assetsFolder}/logo.${logo.hash}.${logo.type}`;

export function logoView(logo: LogoFile, basePath: string): LogoView {
  return { src: `${basePath}/${logoFile(logo)}`, height: LOGO_HEIGHT, width: Math.round((LOGO_HEIGHT * logo.width) / logo.height) };
}

/** Custom properties that set the site's colour, for light and dark mode; nothing without a colour. */
export function themeCss(theme: Theme): string {
  if (!theme.color) return "";
  return `\n/* The site's colour (site.yaml) */\n:root { --brand: ${theme.color}; --brand-on-dark: ${lightEnough(theme.color)}; }\n`;
}
