import type { AreaMessages } from './area-messages.js';

export const salesMessages: AreaMessages = {
  'zh-CN': {},
  en: {},
};
