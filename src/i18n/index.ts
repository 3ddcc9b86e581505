import type { LocaleTranslations } from 'adminjs';
import { zhCN } from './zh-cn.js';
import { en } from './en.js';
import { messagesFor } from './messages/index.js';
import { languageDetection } from './remember-language.js';
import { resourcesZhCN } from './resources.zh-cn.js';
import { resourcesEn } from './resources.en.js';

export const DEFAULT_LANGUAGE = 'zh-CN';

/** A missing or refused page of a resource, worded with the resource's name (see withResourceWording). */
const UNREACHABLE: Record<'zh-CN' | 'en', (name: string) => Record<string, string>> = {
  'zh-CN': (name) => ({
    error404Action: `「${name}」中没有这个页面，或您的角色无权使用它。`,
    error404Record: `找不到这条「${name}」记录：它可能已被删除，或不在您的角色可查看的范围内。`,
  }),
  en: (name) => ({
    error404Action: `${name} has no such page, or your role may not use it.`,
    error404Record: `This ${name} record cannot be found: it may have been deleted, or it is outside what your role may see.`,
  }),
};

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
    resources: withResourceWording(resources, language),
  };
}

/**
 * Texts AdminJS words with a resource's id, worded with its name instead:
 * - a list is titled with the resource's name (客户, 销售订单), not 列表: AdminJS titles an action's
 *   page with the action's name as the resource words it;
 * - a page or record that is missing or outside the employee's reach says so in words, not with
 *   ids ("具有 id: roles 的资源没有名为 list 的操作").
 */
function withResourceWording(resources: Resources, language: 'zh-CN' | 'en'): Resources {
  return Object.fromEntries(
    Object.entries(resources).map(([id, texts]) => {
      const { actions = {}, labels = {}, messages = {} } = texts as Record<'actions' | 'labels' | 'messages', Record<string, string> | undefined>;
      const name = labels[id] ?? id;
      return [id, { ...texts, actions: { list: name, ...actions }, messages: { ...UNREACHABLE[language](name), ...messages } }];
    }),
  );
}
