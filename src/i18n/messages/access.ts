import type { AreaMessages } from './area-messages.js';

export const accessMessages: AreaMessages = {
  'zh-CN': {},
  en: {},
};
