import { messagesFor } from './messages/index.js';

export type Language = 'zh-CN' | 'en';

/**
 * A message in the user's language, for text the server writes itself (e-mails, exports, tests).
 * The panel translates notices in the browser from the same dictionaries.
 */
export function translate(language: Language, key: string, params: Record<string, string | number> = {}): string {
  const template = messagesFor(language)[key] ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) => String(params[name] ?? `{{${name}}}`));
}
