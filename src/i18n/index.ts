import type { LocaleTranslations } from 'adminjs';
import { zhCN } from './zh-cn.js';
import { en } from './en.js';
import { messagesFor } from './messages/index.js';
import { languageDetection } from './remember-language.js';
import { resourcesZhCN } from './resources.zh-cn.js';
import { resourcesEn } from './resources.en.js';

export const DEFAULT_LANGUAGE = 'zh-CN';

/** AdminJS merges these over its own zh-CN and en texts; the language switch keeps the choice. */
export const locale = {
  language: DEFAULT_LANGUAGE,
  availableLanguages: ['zh-CN', 'en'],
  // The choice in the top bar is remembered (a cookie the server also stores per user, see
  // remember-language.ts); with no choice yet the panel is in Chinese, whatever the browser's language.
  localeDetection: true,
  detection: languageDetection,
  withBackend: false,
  translations: {
    'zh-CN': { ...zhCN, messages: { ...(zhCN.messages as object), ...messagesFor('zh-CN') }, resources: resourcesZhCN },
    en: { ...en, messages: { ...(en.messages as object), ...messagesFor('en') }, resources: resourcesEn },
  } satisfies Record<string, LocaleTranslations>,
};
