import type { AreaMessages } from './area-messages.js';

export const analysisMessages: AreaMessages = {
  'zh-CN': {},
  en: {},
};
