/** `en`, `en-US`, `en_us`, `pt-BR`: ISO 639-1 language, optional ISO 3166 region, `-` or `_`. */
export const LANGUAGE_TAG_PATTERN = /^[A-Za-z]{2}([-_][A-Za-z]{2})?$/;

/** The parts of a launch language, normalized: `{ language: 'pt', region: 'BR' }`. */
export function languageTag(tag: string): { language: string; region: string | null } {
  const [language, region] = tag.split(/[-_]/);
  return { language: language.toLowerCase(), region: region ? region.toUpperCase() : null };
}
