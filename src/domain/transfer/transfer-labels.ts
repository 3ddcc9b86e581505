import { locale } from '../../i18n/index.js';
import type { Language } from '../../i18n/translate.js';

/**
 * The words a user sees for a column and for an enum value, read from the same translations the
 * panel shows (src/i18n), so an exported header is the label of the list and an imported file may
 * use it. A resource's field labels are its `properties` (id and the timestamps are shared ones);
 * enum values are among its `labels` as '<field>.<value>'. A missing translation falls back to the
 * raw column or value.
 */
type Block = Record<string, unknown> | undefined;
interface Translations {
  resources?: Record<string, { properties?: Block; labels?: Block }>;
  properties?: Block;
}

function text(found: unknown): string | undefined {
  return typeof found === 'string' ? found : undefined;
}

function translationsOf(language: Language): Translations {
  return locale.translations[language] as Translations;
}

export function fieldLabel(resourceId: string, field: string, language: Language = 'zh-CN'): string {
  const translations = translationsOf(language);
  return text(translations.resources?.[resourceId]?.properties?.[field]) ?? text(translations.properties?.[field]) ?? field;
}

/** The label of an enum value (or of true/false), or undefined when none is translated. */
export function translatedChoice(resourceId: string, field: string, value: string, language: Language = 'zh-CN'): string | undefined {
  const own = translationsOf(language).resources?.[resourceId];
  const key = `${field}.${value}`;
  return text(own?.labels?.[key]) ?? text(own?.properties?.[key]);
}

export function choiceLabel(resourceId: string, field: string, value: string, language: Language = 'zh-CN'): string {
  return translatedChoice(resourceId, field, value, language) ?? value;
}

export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

/** A resource's name (客户, 库存流水): the list's title, for sheet and file names. */
export function resourceLabel(resourceId: string, language: Language = 'zh-CN'): string {
  const translations = translationsOf(language) as Translations & { labels?: Block };
  return text(translations.resources?.[resourceId]?.labels?.[resourceId]) ?? text(translations.labels?.[resourceId]) ?? resourceId;
}
