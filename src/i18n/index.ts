import type { LocaleTranslations } from 'adminjs';
import { zhCN } from './zh-cn.js';
import { en } from './en.js';

export const DEFAULT_LANGUAGE = 'zh-CN';

/** AdminJS merges these over its own zh-CN and en texts; the language switch keeps the choice. */
export const locale = {
  language: DEFAULT_LANGUAGE,
  availableLanguages: ['zh-CN', 'en'],
  localeDetection: false,
  withBackend: false,
  translations: { 'zh-CN': zhCN, en } satisfies Record<string, LocaleTranslations>,
};
