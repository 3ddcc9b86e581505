import type { LocaleTranslations } from 'adminjs';
import { salesActionLabels } from './messages/sales.js';
import { orderEntryActionLabels } from './messages/order-entry.js';
import { tasksActionLabels } from './messages/tasks.js';
import { creditActionLabels, creditResourceTexts } from './messages/credit.js';
import { pricingResourceTexts } from './messages/pricing.js';
import { targetsResourceTexts } from './messages/targets.js';
import { petroleumResourcesZhCN } from './resources-petroleum.zh-cn.js';

/**
 * Resource names, field labels and enum values in Chinese, keyed by resource id (table name).
 * AdminJS looks a resource's name and its enum values up among its `labels` ('status.active'),
 * its field labels among its `properties`, its custom actions' button labels among its `actions`
 * (those the areas export with their messages are merged in); id, created_at, updated_at and
 * AdminJS's own actions are in zh-cn.ts.
 */
type Names = Record<string, string>;
/** One resource's texts: its name and enum values (`labels`), its field labels (`properties`). */
export interface ResourceTexts { labels: Names; properties: Names; actions?: Names }
const values = (property: string, names: Names): Names =>
  Object.fromEntries(Object.entries(names).map(([value, name]) => [`${property}.${value}`, name]));

const customerType = { distributor: '经销商', manufacturer: '生产企业', trader: '贸易商', fleet: '车队', gas_station: '加油站', end_user: '终端用户' };
const region = { 华东: '华东', 华南: '华南', 华北: '华北', 华中: '华中', 西南: '西南', 西北: '西北', 东北: '东北' };
const grade = { A: 'A 类', B: 'B 类', C: 'C 类' };
const customerStatus = { prospect: '潜在客户', active: '活跃', at_risk: '流失风险', churned: '已流失' };
const unit = { ton: '吨', kg: '千克', liter: '升', barrel: '桶', drum: '圆桶' };
const yesNo = { true: '是', false: '否' };
const enabled = { true: '启用', false: '停用' };

export const resourcesZhCN = {
  customers: {
    labels: {
      customers: '客户',
      ...values('customer_type', customerType), ...values('region', region), ...values('grade', grade), ...values('status', customerStatus),
      ...values('credit_rating', { AAA: 'AAA', AA: 'AA', A: 'A', B: 'B', C: 'C' }),
      relatedContacts: '联系人', recentOrders: '最近订单', openOpportunities: '进行中的销售机会', relatedTickets: '服务工单', activityTimeline: '活动时间线',
      customerFuelCards: '车队加油卡',
    },
    properties: {
      code: '客户编码', name: '客户名称', customer_type: '客户类型', industry: '所属行业', region: '大区', province: '省份', city: '城市',
      address: '地址', credit_code: '统一社会信用代码', phone: '电话', email: '邮箱', credit_limit: '信用额度', credit_rating: '信用等级',
      grade: '客户等级', status: '客户状态', recency_score: '最近购买评分 (R)', frequency_score: '购买频次评分 (F)', monetary_score: '购买金额评分 (M)',
      revenue_12m: '近 12 个月销售额', last_order_on: '最近下单日期', analysed_at: '分析时间', owner_id: '客户经理', branch_id: '所属机构',
      merged_into_id: '已合并到', notes: '备注', margin_to_date: '已实现毛利', expected_margin: '预期未来毛利', lifetime_value: '客户终身价值',
      lifetime_value_at: '终身价值计算时间',
    },
    actions: {
      recomputeAnalysis: '重新计算等级与流失', churnByBranch: '各机构客户流失', mergeDuplicate: '合并重复客户', sendEmail: '发送邮件',
      lifetimeValueByStation: '各机构客户终身价值', ...creditActionLabels['zh-CN'].customers,
    },
  },
  contacts: {
    labels: { contacts: '联系人', ...values('is_primary', yesNo) },
    properties: {
      customer_id: '客户', name: '姓名', title: '职务', department: '部门', phone: '办公电话', mobile: '手机', email: '邮箱', wechat: '微信',
      is_primary: '主要联系人', notes: '备注',
    },
  },
  activities: {
    labels: {
      activities: '联系记录与任务',
      ...values('kind', { call: '电话', visit: '拜访', email: '邮件', meeting: '会议', task: '任务' }), ...values('done', { true: '已完成', false: '未完成' }),
    },
    properties: {
      kind: '类型', subject: '主题', details: '详细内容', customer_id: '客户', contact_id: '联系人', opportunity_id: '销售机会', owner_id: '记录人',
      assignee_id: '负责人', occurred_at: '发生时间', due_at: '截止时间', done: '完成状态', done_at: '完成时间',
    },
    actions: { ...tasksActionLabels['zh-CN'].activities },
  },
  customer_feedback: {
    labels: {
      customer_feedback: '客户反馈',
      ...values('channel', { phone: '电话', email: '邮件', visit: '拜访', wechat: '微信', web: '网站' }),
      ...values('category', { product: '产品', service: '服务', delivery: '物流配送', price: '价格', other: '其他' }),
      ...values('status', { open: '待处理', handled: '已处理' }),
    },
    properties: {
      customer_id: '客户', contact_id: '联系人', ticket_id: '关联工单', channel: '反馈渠道', category: '反馈类别', content: '反馈内容', rating: '评分 (1–5)',
      status: '处理状态', handled_by_id: '处理人', received_at: '收到时间',
    },
  },
  product_categories: {
    labels: { product_categories: '产品分类' },
    properties: { code: '分类编码', name: '分类名称', parent_id: '上级分类', sort_order: '排序' },
  },
  products: {
    labels: { products: '产品', ...values('unit', unit), ...values('active', { true: '在售', false: '停售' }) },
    properties: {
      sku: '产品编码', name: '产品名称', category_id: '产品分类', grade: '牌号', specification: '规格说明', unit: '计量单位', list_price: '目录价 (每单位)',
      cost_price: '成本价', safety_stock: '安全库存', active: '销售状态', description: '产品描述',
    },
  },
  warehouses: {
    labels: { warehouses: '仓库', ...values('kind', { plant: '工厂库', transit: '中转库', depot: '配送库' }), ...values('active', enabled) },
    properties: { code: '仓库编码', name: '仓库名称', kind: '仓库类型', branch_id: '所属机构', manager_id: '仓库负责人', address: '地址', active: '状态' },
  },
  stock_levels: {
    labels: { stock_levels: '库存' },
    properties: { product_id: '产品', warehouse_id: '仓库', on_hand: '在库数量', reserved: '已预留数量' },
    actions: { ...salesActionLabels['zh-CN'].stock_levels },
  },
  stock_movements: {
    labels: {
      stock_movements: '库存流水',
      ...values('kind', { receipt: '入库', shipment: '销售出库', adjustment: '盘点调整', transfer_out: '调拨出库', transfer_in: '调拨入库' }),
    },
    properties: {
      product_id: '产品', warehouse_id: '仓库', kind: '变动类型', quantity: '数量 (入 + / 出 −)', batch_no: '批号', order_id: '销售订单',
      counterpart_warehouse_id: '对方仓库', reference: '单据号', reason: '原因', performed_by_id: '经办人', occurred_at: '发生时间', batch_id: '批次',
    },
  },
  opportunities: {
    labels: {
      opportunities: '销售机会',
      ...values('stage', { lead: '线索', qualified: '需求确认', proposal: '方案报价', negotiation: '商务谈判', won: '赢单', lost: '输单' }),
    },
    properties: {
      title: '机会名称', customer_id: '客户', product_id: '意向产品', stage: '阶段', quantity: '意向数量', amount: '预计金额', probability: '赢单概率 (%)',
      expected_close: '预计成交日期', owner_id: '负责人', branch_id: '所属机构', lost_reason: '输单原因', closed_at: '关闭时间', notes: '备注',
    },
    actions: { ...salesActionLabels['zh-CN'].opportunities },
  },
  opportunity_stage_probabilities: {
    labels: {
      opportunity_stage_probabilities: '阶段赢单概率',
      ...values('stage', { lead: '线索', qualified: '需求确认', proposal: '方案报价', negotiation: '商务谈判', won: '赢单', lost: '输单' }),
    },
    properties: { stage: '阶段', probability: '赢单概率 (%)', position: '顺序' },
  },
  contracts: {
    labels: {
      contracts: '合同', ...values('unit', unit), monthlyPlans: '月度提货计划', contractOrders: '合同订单',
      ...values('status', { draft: '草稿', active: '执行中', completed: '已完成', terminated: '已终止' }),
    },
    properties: {
      display_title: '合同', contract_no: '合同编号', title: '合同名称', customer_id: '客户', product_id: '产品', start_date: '开始日期', end_date: '结束日期',
      committed_quantity: '约定数量', unit: '计量单位', amount: '合同金额', status: '合同状态', signed_on: '签订日期', owner_id: '负责人',
      branch_id: '所属机构', notes: '备注', monthly_min_quantity: '每月最低提货量', monthly_max_quantity: '每月最高提货量',
    },
    actions: { generateMonthlyPlans: '生成月度计划', liftingProgress: '计划与实提', liftingOverview: '合同执行 (计划与实提)' },
  },
  sales_orders: {
    labels: {
      sales_orders: '销售订单', orderLines: '订单明细', ...creditActionLabels['zh-CN'].salesOrderLabels, orderShipments: '发运单',
      ...values('status', { draft: '草稿', confirmed: '已确认', shipped: '已发货', delivered: '已送达', closed: '已关闭', cancelled: '已取消' }),
      ...values('shipping_method', { tank_truck: '槽车运输', rail: '铁路运输', ship: '船运', bagged_truck: '袋装汽运', pickup: '客户自提' }),
    },
    properties: {
      order_no: '订单编号', customer_id: '客户', contract_id: '合同', opportunity_id: '销售机会', warehouse_id: '发货仓库', status: '订单状态',
      order_date: '下单日期', delivery_date: '交货日期', shipping_method: '运输方式', total_amount: '订单总额', owner_id: '销售代表', branch_id: '所属机构',
      confirmed_at: '确认时间', shipped_at: '发货时间', delivered_at: '送达时间', cancelled_at: '取消时间', cancel_reason: '取消原因', notes: '备注',
    },
    actions: { ...salesActionLabels['zh-CN'].sales_orders, ...creditActionLabels['zh-CN'].sales_orders, ...orderEntryActionLabels['zh-CN'].sales_orders, amend: '修改明细' },
  },
  sales_order_items: {
    labels: { sales_order_items: '订单明细' },
    properties: {
      order_id: '销售订单', product_id: '产品', quantity: '数量', unit_price: '单价 (含税)', discount_pct: '折扣 (%)', amount: '金额', price_list_version_id: '价格来源',
    },
  },
  campaigns: {
    labels: {
      campaigns: '营销活动',
      ...values('kind', { discount: '折扣让利', promotion: '促销', email: '邮件营销', sms: '短信营销', event: '会议活动' }),
      ...values('status', { planned: '计划中', active: '进行中', completed: '已结束', cancelled: '已取消' }),
      ...values('target_grade', grade), ...values('target_customer_type', customerType), ...values('target_region', region),
      ...values('target_status', customerStatus),
    },
    properties: {
      name: '活动名称', kind: '活动类型', status: '活动状态', start_date: '开始日期', end_date: '结束日期', budget: '预算', target_grade: '目标客户等级',
      target_customer_type: '目标客户类型', target_region: '目标大区', target_status: '目标客户状态', email_template_id: '邮件模板', owner_id: '负责人',
      launched_at: '发布时间', description: '活动说明',
    },
    actions: { buildTargets: '生成目标客户', launch: '发布活动' },
  },
  campaign_members: {
    labels: { campaign_members: '活动成员', ...values('status', { targeted: '目标客户', queued: '邮件待发', sent: '已触达', failed: '邮件失败', responded: '已响应', converted: '已转化' }) },
    properties: {
      campaign_id: '营销活动', customer_id: '客户', contact_id: '联系人', status: '响应状态', responded_at: '响应时间', converted_at: '转化时间',
      order_id: '转化订单', notes: '备注',
    },
    actions: { recordResponse: '记录响应', recordConversion: '记录转化' },
  },
  email_templates: {
    labels: { email_templates: '邮件模板', ...values('active', enabled) },
    properties: { code: '模板编码', name: '模板名称', subject: '邮件主题', body: '邮件正文', active: '状态' },
  },
  email_messages: {
    labels: { email_messages: '邮件发件箱', ...values('status', { queued: '待发送', sent: '已发送', failed: '发送失败' }) },
    properties: {
      campaign_id: '营销活动', customer_id: '客户', contact_id: '联系人', template_id: '邮件模板', to_address: '收件人', subject: '主题', body: '正文',
      status: '发送状态', attempts: '尝试次数', last_error: '失败原因', next_attempt_at: '下次尝试时间', sent_at: '发送时间',
    },
    actions: { sendNow: '立即发送', retry: '重新发送' },
  },
  tickets: {
    labels: {
      tickets: '服务工单',
      ...values('kind', { consultation: '咨询', complaint: '投诉', quality_complaint: '产品质量投诉', after_sales: '售后服务', repair: '维修' }),
      ...values('priority', { low: '低', normal: '普通', high: '高', urgent: '紧急' }),
      ...values('status', { new: '新建', assigned: '已分派', in_progress: '处理中', escalated: '已升级', resolved: '已解决', closed: '已关闭' }),
      ...values('escalated_to', { production_plant: '生产厂', research_institute: '研究院' }),
    },
    properties: {
      display_title: '工单', ticket_no: '工单编号', subject: '主题', kind: '工单类型', priority: '优先级', status: '工单状态', customer_id: '客户',
      contact_id: '联系人', order_id: '关联订单', product_id: '产品', batch_no: '批号', description: '问题描述', assignee_id: '处理人',
      branch_id: '所属机构', escalated_to: '升级至', escalation_note: '升级说明', sla_due_at: 'SLA 到期时间', resolution: '处理结果',
      resolved_at: '解决时间', closed_at: '关闭时间', satisfaction: '满意度 (1–5)', feedback: '客户评价',
    },
    actions: { assign: '分派', start: '开始处理', escalate: '升级', resolve: '解决', close: '关闭工单', reopen: '重新打开', traceBatch: '批次追溯', overdue: '超时工单' },
  },
  branches: {
    labels: { branches: '分支机构', ...values('kind', { headquarters: '总部', branch: '分公司', office: '代表处', gas_station: '加油站' }) },
    properties: { code: '机构编码', name: '机构名称', kind: '机构类型', parent_id: '上级机构', region: '区域', address: '地址', phone: '电话' },
  },
  teams: {
    labels: { teams: '团队' },
    properties: { name: '团队名称', branch_id: '所属机构', leader_id: '团队负责人' },
  },
  users: {
    labels: { users: '员工', ...values('active', { true: '在职', false: '停用' }), ...values('locale', { 'zh-CN': '简体中文', en: 'English' }) },
    properties: {
      email: '邮箱', name: '姓名', phone: '电话', title: '职务', password: '密码', password_hash: '密码', role_id: '角色', team_id: '团队',
      branch_id: '所属机构', active: '账号状态', locale: '界面语言', password_changed_at: '密码修改时间', last_login_at: '最近登录时间',
    },
    actions: { unlockLogin: '解除登录锁定', deactivate: '停用账号', activate: '启用账号', changeOwnPassword: '修改我的密码' },
  },
  roles: {
    labels: { roles: '角色' },
    properties: { code: '角色编码', name: '角色名称', description: '职责说明' },
    actions: { editPermissions: '权限设置' },
  },
  audit_logs: {
    labels: { audit_logs: '审计日志', auditField: '字段', auditBefore: '修改前', auditAfter: '修改后', auditDetails: '操作参数' },
    properties: {
      occurred_at: '时间', user_id: '操作人', user_email: '操作人邮箱', action: '操作', resource: '数据类别', record_id: '记录编号', changes: '变更内容',
    },
  },
  ...creditResourceTexts['zh-CN'],
  ...pricingResourceTexts['zh-CN'],
  ...targetsResourceTexts['zh-CN'],
  ...petroleumResourcesZhCN,
} satisfies Record<string, ResourceTexts> & NonNullable<LocaleTranslations['resources']>;
