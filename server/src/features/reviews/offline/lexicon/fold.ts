/**
 * Lower case with typographic variants unified (apostrophes, spaces, dashes), accents kept: used where an
 * accent carries meaning (« a » the verb vs « à » the preposition).
 */
export function lowerText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[\u00a0\u202f\u2007\u2009]/g, ' ')
    .replace(/[‐‑‒–—]/g, '-');
}

/** `lowerText` without diacritics and ligatures: the form every pattern is written in. */
export function fold(text: string): string {
  return lowerText(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}
