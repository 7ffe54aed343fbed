/**
 * The site's main colour: read as CSS writes it, checked against WCAG 2.1's
 * contrast rule, and turned into the shades the stylesheet needs. The one
 * module that knows colord.
 */
import { colord, extend, type Colord } from "colord";
import a11yPlugin from "colord/plugins/a11y";
import namesPlugin from "colord/plugins/names";

extend([a11yPlugin, namesPlugin]);

/** WCAG 2.1 AA for body text (1.4.3): the main colour carries links and white text on it. */
export const AA_CONTRAST = 4.5;

export const WHITE = "#ffffff";
/** The page's background in dark mode (layouts/assets/style.css, --page-dark). */
export const DARK_BACKGROUND = "#16191d";

/** `value` as #rrggbb, or undefined when it is not an opaque CSS colour (#005a9c, rgb(0 90 156), navy …). */
export function parseColor(value: string): string | undefined {
  const color = colord(value.trim());
  if (!color.isValid() || color.alpha() !== 1) return undefined;
  return color.toHex();
}

/** Relative luminance as WCAG 2.1 defines it (colord's own is rounded to two decimals, too coarse at the threshold). */
function luminance(color: Colord): number {
  const { r, g, b } = color.toRgb();
  const linear = (channel: number): number => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio of two colours, 1 to 21, unrounded: 4.496 fails AA, as axe says. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(colord(a)), luminance(colord(b))];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** A ratio as people read it: 3.29:1 (rounded down, so a failing colour never shows as 4.50). */
export const ratioText = (ratio: number): string => `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;

/** Step a colour darker or lighter until it reaches `ratio` against `background`. */
function shiftUntil(color: Colord, background: string, ratio: number, step: (c: Colord) => Colord): string {
  // Measured on the hex value the stylesheet gets, which is rounded.
  let shade = colord(color.toHex());
  for (let i = 0; i < 200 && contrast(shade.toHex(), background) < ratio; i++) shade = colord(step(shade).toHex());
  return shade.toHex();
}

/** The nearest darker shade of `hex` with AA contrast against white: the hint for a colour that is too light. */
export const darkEnough = (hex: string): string => shiftUntil(colord(hex), WHITE, AA_CONTRAST, (c) => c.darken(0.01));

/** The nearest lighter shade of `hex` with AA contrast against the dark mode's background: links in dark mode. */
export const lightEnough = (hex: string): string => shiftUntil(colord(hex), DARK_BACKGROUND, AA_CONTRAST, (c) => c.lighten(0.01));
