import type { AreaMessages } from './area-messages.js';

export const serviceMessages: AreaMessages = {
  'zh-CN': {},
  en: {},
};
