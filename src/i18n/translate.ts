import { messagesFor } from './messages/index.js';
import { resourcesZhCN, type ResourceTexts } from './resources.zh-cn.js';
import { resourcesEn } from './resources.en.js';

export type Language = 'zh-CN' | 'en';

/**
 * A message in the user's language, for text the server writes itself (e-mails, exports, tests).
 * The panel translates notices in the browser from the same dictionaries.
 */
export function translate(language: Language, key: string, params: Record<string, string | number> = {}): string {
  const template = messagesFor(language)[key] ?? key;
  const values = withUnitName(language, params);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) => String(values[name] ?? `{{${name}}}`));
}

const PRODUCT_LABELS: Record<Language, Record<string, string>> = {
  'zh-CN': (resourcesZhCN as Record<string, ResourceTexts>).products.labels,
  en: (resourcesEn as Record<string, ResourceTexts>).products.labels,
};

/**
 * Messages carry a quantity's unit as the product's unit code ({{unit}}: ton, kg …); it is read
 * as the lists word it (吨, 千克 / t, kg), as the panel's notices do (resources/shared/unit-names.ts).
 */
function withUnitName(language: Language, params: Record<string, string | number>): Record<string, string | number> {
  const name = typeof params.unit === 'string' ? PRODUCT_LABELS[language][`unit.${params.unit}`] : undefined;
  return name ? { ...params, unit: name } : params;
}
