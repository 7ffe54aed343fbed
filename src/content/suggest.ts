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
