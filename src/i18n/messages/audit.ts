import type { AreaMessages } from './area-messages.js';

/**
 * The audit log in words: what a row's action was, where the domain names it otherwise than the
 * button that runs it (shipOrder is the order's 发货), and the words of its details table.
 * An action not listed here is named as the audited resource names its button.
 */
export const auditMessages: AreaMessages = {
  'zh-CN': {
    auditAction_confirmOrder: '确认订单', auditAction_shipOrder: '发货', auditAction_deliverOrder: '确认送达',
    auditAction_closeOrder: '关闭订单', auditAction_cancelOrder: '取消订单', auditAction_applySla: '计算 SLA 时限',
    auditAction_mergedInto: '被合并', auditAction_merge: '合并重复客户', auditAction_activate: '启用账号', auditAction_deactivate: '停用账号',
    auditAction_changeOwnPassword: '修改密码', auditAction_deliverOutbox: '发送邮件队列', auditAction_retry: '重新发送',
    auditAction_new: '新建', auditAction_edit: '编辑', auditAction_delete: '删除', auditAction_import: '导入', auditAction_export: '导出',
    auditAction_editPermissions: '修改权限',
    auditYes: '是', auditNo: '否', auditEmpty: '—',
  },
  en: {
    auditAction_confirmOrder: 'Confirm order', auditAction_shipOrder: 'Ship', auditAction_deliverOrder: 'Delivered',
    auditAction_closeOrder: 'Close order', auditAction_cancelOrder: 'Cancel order', auditAction_applySla: 'SLA due time set',
    auditAction_mergedInto: 'Merged into another', auditAction_merge: 'Merge duplicates', auditAction_activate: 'Account enabled',
    auditAction_deactivate: 'Account disabled', auditAction_changeOwnPassword: 'Password changed', auditAction_deliverOutbox: 'Outbox sent',
    auditAction_retry: 'Send again', auditAction_new: 'Create', auditAction_edit: 'Edit', auditAction_delete: 'Delete',
    auditAction_import: 'Import', auditAction_export: 'Export', auditAction_editPermissions: 'Permissions changed',
    auditYes: 'yes', auditNo: 'no', auditEmpty: '—',
  },
};
