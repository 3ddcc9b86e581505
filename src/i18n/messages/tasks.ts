import type { AreaMessages } from './area-messages.js';

export const tasksMessages: AreaMessages = {
  'zh-CN': {},
  en: {},
};
