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
    // The steps added with amendments, credit, prices, targets, contracts, batches and fuel cards.
    auditAction_amendOrder: '修改订单明细', auditAction_saveDraftOrder: '保存订单', auditAction_assignTask: '分派任务', auditAction_reassignTask: '转派任务',
    auditAction_markTaskDone: '完成任务', auditAction_markOpportunityWon: '赢单', auditAction_buildTargets: '生成目标客户', auditAction_launch: '启动营销活动',
    auditAction_sendEmail: '发送邮件', auditAction_unlockLogin: '解除登录锁定', auditAction_recomputeAnalysis: '重新计算等级与流失',
    auditAction_recomputeLifetimeValues: '重新计算客户终身价值', auditAction_recordPayment: '登记收款', auditAction_requestCreditApproval: '申请信用审批',
    auditAction_issuePriceNotice: '发布调价通知', auditAction_publishPriceVersion: '发布价格版本', auditAction_generateMonthlyPlans: '生成月度提货计划',
    auditAction_topUp: '油卡充值', auditAction_recordFuelling: '加油记录',
    auditYes: '是', auditNo: '否', auditEmpty: '—', auditSystemActor: '系统（自动任务）',
    // The details a domain step records beside the changed fields.
    auditDetail_asOf: '基准时间', auditDetail_thresholds: '阈值', auditDetail_atRiskDays: '流失预警天数', auditDetail_churnedDays: '流失天数',
    auditDetail_analysed: '分析客户数', auditDetail_byGrade: '按等级', auditDetail_byStatus: '按状态', auditDetail_changed: '有变化', auditDetail_statusChanged: '状态有变化的客户',
    auditDetail_customerIds: '客户', auditDetail_duplicateId: '被合并客户', auditDetail_duplicateCode: '被合并客户编号', auditDetail_moved: '转移记录数',
    auditDetail_survivorId: '保留客户', auditDetail_survivorCode: '保留客户编号', auditDetail_from_warehouse_id: '调出仓库', auditDetail_to_warehouse_id: '调入仓库',
    auditDetail_criteria: '目标条件', auditDetail_messageId: '邮件', auditDetail_messageIds: '邮件', auditDetail_to: '收件人', auditDetail_template: '邮件模板',
    auditDetail_configured: '已配置 SMTP', auditDetail_sent: '已发送', auditDetail_retrying: '稍后重试', auditDetail_failed: '失败', auditDetail_queued: '排队',
    auditDetail_added: '新加入', auditDetail_total: '合计', auditDetail_skipped: '跳过', auditDetail_members: '成员', auditDetail_reason: '原因',
    auditDetail_order_no: '订单编号', auditDetail_opportunity_id: '销售机会', auditDetail_quantity: '数量', auditDetail_reference: '参考单号',
    auditDetail_password: '密码',
    auditDetail_customers: '客户数', auditDetail_amendment_id: '修改记录', auditDetail_excess: '超出额度', auditDetail_exposure: '占用额度',
    auditDetail_file: '文件', auditDetail_format: '格式', auditDetail_months: '月数', auditDetail_notice_no: '调价通知编号', auditDetail_order_amount: '订单金额',
    auditDetail_rows: '行数', auditDetail_station_id: '加油站', auditDetail_top_up_id: '充值记录', auditDetail_versions: '价格版本',
  },
  en: {
    auditAction_confirmOrder: 'Confirm order', auditAction_shipOrder: 'Ship', auditAction_deliverOrder: 'Delivered',
    auditAction_closeOrder: 'Close order', auditAction_cancelOrder: 'Cancel order', auditAction_applySla: 'SLA due time set',
    auditAction_mergedInto: 'Merged into another', auditAction_merge: 'Merge duplicates', auditAction_activate: 'Account enabled',
    auditAction_deactivate: 'Account disabled', auditAction_changeOwnPassword: 'Password changed', auditAction_deliverOutbox: 'Outbox sent',
    auditAction_retry: 'Send again', auditAction_new: 'Create', auditAction_edit: 'Edit', auditAction_delete: 'Delete',
    auditAction_import: 'Import', auditAction_export: 'Export', auditAction_editPermissions: 'Permissions changed',
    auditAction_amendOrder: 'Order lines amended', auditAction_saveDraftOrder: 'Order saved', auditAction_assignTask: 'Task assigned', auditAction_reassignTask: 'Task reassigned',
    auditAction_markTaskDone: 'Task done', auditAction_markOpportunityWon: 'Opportunity won', auditAction_buildTargets: 'Target list built', auditAction_launch: 'Campaign launched',
    auditAction_sendEmail: 'E-mail sent', auditAction_unlockLogin: 'Login unlocked', auditAction_recomputeAnalysis: 'Grades and churn recomputed',
    auditAction_recomputeLifetimeValues: 'Lifetime values recomputed', auditAction_recordPayment: 'Payment recorded', auditAction_requestCreditApproval: 'Credit approval requested',
    auditAction_issuePriceNotice: 'Price notice issued', auditAction_publishPriceVersion: 'Price version published', auditAction_generateMonthlyPlans: 'Monthly plans generated',
    auditAction_topUp: 'Card topped up', auditAction_recordFuelling: 'Fuelling recorded',
    auditYes: 'yes', auditNo: 'no', auditEmpty: '—', auditSystemActor: 'System (scheduled job)',
    auditDetail_asOf: 'As of', auditDetail_thresholds: 'Thresholds', auditDetail_atRiskDays: 'At-risk days', auditDetail_churnedDays: 'Churned days',
    auditDetail_analysed: 'Customers analysed', auditDetail_byGrade: 'By grade', auditDetail_byStatus: 'By status', auditDetail_changed: 'Changed', auditDetail_statusChanged: 'Customers whose status changed',
    auditDetail_customerIds: 'Customers', auditDetail_duplicateId: 'Merged customer', auditDetail_duplicateCode: 'Merged customer code', auditDetail_moved: 'Records moved',
    auditDetail_survivorId: 'Kept customer', auditDetail_survivorCode: 'Kept customer code', auditDetail_from_warehouse_id: 'From warehouse', auditDetail_to_warehouse_id: 'To warehouse',
    auditDetail_criteria: 'Criteria', auditDetail_messageId: 'E-mail', auditDetail_messageIds: 'E-mails', auditDetail_to: 'To', auditDetail_template: 'Template',
    auditDetail_configured: 'SMTP configured', auditDetail_sent: 'Sent', auditDetail_retrying: 'Retrying', auditDetail_failed: 'Failed', auditDetail_queued: 'Queued',
    auditDetail_added: 'Added', auditDetail_total: 'Total', auditDetail_skipped: 'Skipped', auditDetail_members: 'Members', auditDetail_reason: 'Reason',
    auditDetail_order_no: 'Order no.', auditDetail_opportunity_id: 'Opportunity', auditDetail_quantity: 'Quantity', auditDetail_reference: 'Reference',
    auditDetail_password: 'password',
    auditDetail_customers: 'Customers', auditDetail_amendment_id: 'Amendment', auditDetail_excess: 'Over the limit by', auditDetail_exposure: 'Credit used',
    auditDetail_file: 'File', auditDetail_format: 'Format', auditDetail_months: 'Months', auditDetail_notice_no: 'Notice no.', auditDetail_order_amount: 'Order amount',
    auditDetail_rows: 'Rows', auditDetail_station_id: 'Station', auditDetail_top_up_id: 'Top-up', auditDetail_versions: 'Price versions',
  },
};
