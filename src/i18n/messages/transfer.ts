import type { AreaMessages } from './area-messages.js';

export const transferMessages: AreaMessages = {
  'zh-CN': {},
  en: {},
};
