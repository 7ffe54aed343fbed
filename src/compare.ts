/** Text in UTF-16 code unit order (JavaScript's `<`): the same on every machine and locale, so output stays deterministic. */
export const inCodeUnitOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
