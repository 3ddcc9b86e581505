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
    'zh-CN': withEverything(zhCN, 'zh-CN', resourcesZhCN),
    en: withEverything(en, 'en', resourcesEn),
  } satisfies Record<string, LocaleTranslations>,
};

type Resources = NonNullable<LocaleTranslations['resources']>;

/**
 * One language's texts: the general ones, the areas' messages, the resources'. Workflow actions are
 * named per resource, but AdminJS's breadcrumb asks for an action's name without its resource, so
 * each resource's action names are offered globally too (the general ones win).
 */
function withEverything(general: LocaleTranslations, language: 'zh-CN' | 'en', resources: Resources): LocaleTranslations {
  const resourceActions = Object.values(resources).map((resource) => (resource as { actions?: Record<string, string> }).actions ?? {});
  return {
    ...general,
    actions: Object.assign({}, ...resourceActions.reverse(), general.actions) as Record<string, string>,
    messages: { ...(general.messages as object), ...messagesFor(language) },
    resources: withListTitles(resources),
  };
}

/**
 * A list is titled with its resource's name (客户, 销售订单), not AdminJS's 列表: AdminJS titles an
 * action's page with the action's name as the resource words it, so each resource names its list.
 */
function withListTitles(resources: Resources): Resources {
  return Object.fromEntries(
    Object.entries(resources).map(([id, texts]) => {
      const { actions = {}, labels = {} } = texts as { actions?: Record<string, string>; labels?: Record<string, string> };
      return [id, { ...texts, actions: { list: labels[id] ?? id, ...actions } }];
    }),
  );
}
