import type { AreaMessages } from './area-messages.js';

/** Editing the permission matrix: ticks not yet saved are never dropped without a question. */
export const matrixEditingMessages: AreaMessages = {
  'zh-CN': {
    permissionsUnsaved: '有未保存的修改',
    permissionsUnsavedConfirm: '「{{role}}」的权限有未保存的修改，切换后这些修改将丢失。确定切换吗？',
  },
  en: {
    permissionsUnsaved: 'Unsaved changes',
    permissionsUnsavedConfirm: 'The permissions of "{{role}}" have unsaved changes, which switching will lose. Switch anyway?',
  },
};
