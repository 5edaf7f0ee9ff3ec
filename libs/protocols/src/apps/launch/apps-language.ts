import { languageTag } from '@app/sessions';

/** The languages of the apps spec, in its `en_US` form. */
const BY_TAG: Record<string, string> = {
  en: 'en_US',
  ru: 'ru_RU',
  es: 'es_ES',
  pt: 'pt_PT',
  'pt-BR': 'pt_BR',
  fr: 'fr_FR',
};

/** `pt-BR` → `pt_BR`, `pt` → `pt_PT`, `ru` → `ru_RU`; a language the spec lacks plays in `en_US`. */
export function appsLanguage(tag: string): string {
  const { language, region } = languageTag(tag);
  return (region ? BY_TAG[`${language}-${region}`] : undefined) ?? BY_TAG[language] ?? 'en_US';
}
