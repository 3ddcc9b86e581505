import type { AreaMessages } from './area-messages.js';

export const marketingMessages: AreaMessages = {
  'zh-CN': {},
  en: {},
};
