import type { AreaMessages } from './area-messages.js';

/**
 * Why a change is refused: the state tables of src/domain/state-rules and their triggers (keys
 * stateFrozen_<table>_<state>, workflowOwned_<table>_<field>, stateUndeletable_<table>_<state>,
 * childrenFrozen_<table>_<state>), the stock ledger, and values that would have been rounded or moved.
 */
type Texts = Record<string, string>;

const each = (keys: string[], text: string): Texts => Object.fromEntries(keys.map((key) => [key, text]));
const states = (table: string, kind: string, list: string[], text: (state: string) => string): Texts =>
  Object.fromEntries(list.map((state) => [`${kind}_${table}_${state}`, text(state)]));

const ORDER_STATES = ['draft', 'confirmed', 'shipped', 'delivered', 'closed', 'cancelled'];
const OPEN_STAGES = ['lead', 'qualified', 'proposal', 'negotiation'];
const TICKET_STATES = ['new', 'assigned', 'in_progress', 'escalated', 'resolved', 'closed'];
const CAMPAIGN_STATES = ['planned', 'active', 'completed', 'cancelled'];
const MEMBER_STATES = ['targeted', 'queued', 'sent', 'failed', 'responded', 'converted'];

const zhOrderState: Texts = { draft: '草稿', confirmed: '已确认', shipped: '已发货', delivered: '已送达', closed: '已关闭', cancelled: '已取消' };
const enOrderState: Texts = { draft: 'a draft', confirmed: 'confirmed', shipped: 'shipped', delivered: 'delivered', closed: 'closed', cancelled: 'cancelled' };

const zh: Texts = {
  // 销售订单
  stateFrozen_sales_orders_draft: '草稿订单的此项可以修改',
  stateFrozen_sales_orders_confirmed: '订单已确认: 明细、客户、仓库、日期和价格不能再改, 只能改交货日期、运输方式和备注。更正请用「修改明细」(会重新预留库存), 或取消后重新下单',
  stateFrozen_sales_orders_shipped: '订单已发货: 只能改交货日期和备注',
  stateFrozen_sales_orders_delivered: '订单已送达: 只能改备注',
  stateFrozen_sales_orders_closed: '订单已关闭, 不能再修改',
  stateFrozen_sales_orders_cancelled: '订单已取消, 不能再修改',
  workflowOwned_sales_orders_status: '订单状态只能通过确认、发货、送达、关闭、取消等操作改变',
  workflowOwned_sales_orders_total_amount: '订单总额由明细自动合计, 不能直接填写',
  ...each(['confirmed_at', 'shipped_at', 'delivered_at', 'cancelled_at'].map((field) => `workflowOwned_sales_orders_${field}`), '此时间由订单流程自动记录, 不能直接修改'),
  workflowOwned_sales_orders_cancel_reason: '取消原因在「取消订单」时填写',
  ...states('sales_orders', 'stateUndeletable', ORDER_STATES, (state) => `订单${zhOrderState[state]}, 不能删除: 只有草稿订单可以删除, 已确认的订单请取消`),
  ...states('sales_orders', 'childrenFrozen', ORDER_STATES, (state) =>
    `订单${zhOrderState[state]}, 明细不能再增加、修改或删除${state === 'confirmed' ? '; 请在订单页用「修改明细」(会重新预留库存), 或取消后重新下单' : ''}`),

  // 销售机会
  ...states('opportunities', 'stateFrozen', OPEN_STAGES, () => '进行中的机会此项可以修改'),
  stateFrozen_opportunities_won: '机会已赢单, 订单已按其金额生成: 只能改备注',
  stateFrozen_opportunities_lost: '机会已输单: 只能改备注',
  workflowOwned_opportunities_stage: '阶段只能通过「推进阶段」「赢单」「输单」改变',
  workflowOwned_opportunities_probability: '赢单概率随阶段而定 (管理员在「阶段赢单概率」中设置), 不能直接填写',
  workflowOwned_opportunities_lost_reason: '输单原因在「输单」时填写',
  workflowOwned_opportunities_closed_at: '结束时间由赢单或输单自动记录',
  ...states('opportunities', 'stateUndeletable', ['won', 'lost'], () => '已赢单或输单的机会是销售记录, 不能删除'),

  // 工单
  ...states('tickets', 'stateFrozen', ['new', 'assigned', 'in_progress', 'escalated'], () => '处理中的工单此项可以修改'),
  stateFrozen_tickets_resolved: '工单已解决, 内容不能再改; 问题再次出现请「重新打开」',
  stateFrozen_tickets_closed: '工单已关闭, 内容不能再改; 问题再次出现请「重新打开」',
  workflowOwned_tickets_status: '工单状态只能通过分派、开始处理、升级、解决、关闭、重新打开等操作改变',
  workflowOwned_tickets_assignee_id: '处理人只能通过「分派」指定 (须为客服专员)',
  ...each(['workflowOwned_tickets_escalated_to', 'workflowOwned_tickets_escalation_note'], '升级去向和说明在「升级」时填写'),
  workflowOwned_tickets_sla_due_at: 'SLA 截止时间由优先级自动计算, 不能直接修改',
  ...each(['workflowOwned_tickets_resolution', 'workflowOwned_tickets_resolved_at'], '处理结果在「解决」时填写'),
  ...each(['workflowOwned_tickets_closed_at', 'workflowOwned_tickets_satisfaction', 'workflowOwned_tickets_feedback'], '满意度和客户反馈在「关闭」时填写'),
  ...states('tickets', 'stateUndeletable', TICKET_STATES.filter((state) => state !== 'new'), () => '只有尚未分派的新工单可以删除; 已处理的工单是服务记录'),

  // 营销活动与成员
  stateFrozen_campaigns_planned: '计划中的活动此项可以修改',
  stateFrozen_campaigns_active: '活动已启动: 目标条件、方式和邮件模板不能再改, 只能改名称、预算、结束日期和说明',
  stateFrozen_campaigns_completed: '活动已结束, 不能再修改',
  stateFrozen_campaigns_cancelled: '活动已取消, 不能再修改',
  workflowOwned_campaigns_status: '活动只能通过「启动」开始; 表单只能取消计划中的活动, 或结束、取消进行中的活动',
  workflowOwned_campaigns_launched_at: '启动时间由「启动」自动记录',
  ...states('campaigns', 'stateUndeletable', CAMPAIGN_STATES.filter((state) => state !== 'planned'), () => '只有计划中的活动可以删除'),
  ...states('campaigns', 'childrenFrozen', ['completed', 'cancelled'], () => '活动已结束或取消, 不能再增加或移除成员'),
  ...states('campaign_members', 'stateFrozen', MEMBER_STATES, (state) =>
    state === 'targeted' || state === 'failed' ? '此项不能修改' : '该成员已收到活动邮件或已响应: 只能改备注'),
  workflowOwned_campaign_members_status: '成员状态随邮件投递以及「记录响应」「记录转化」变化, 不能直接修改',
  ...each(['workflowOwned_campaign_members_responded_at', 'workflowOwned_campaign_members_converted_at', 'workflowOwned_campaign_members_order_id'],
    '响应和转化由「记录响应」「记录转化」记录'),
  ...states('campaign_members', 'stateUndeletable', MEMBER_STATES.filter((state) => state !== 'targeted'), () => '已发送邮件或已响应的成员是活动效果的依据, 不能移除'),

  // 库存
  stockMovesOnlyByMovements: '库存只能通过入库、调整、调拨和订单确认、发货改变 (每次都记入库存流水)',
  stockLedgerByActionsOnly: '库存流水由入库、调整、调拨和发货自动记录, 不能手工新建',
  stockLedgerAppendOnly: '库存流水不能修改或删除; 差错请用「库存调整」更正',
  stageProbabilityFixed: '销售阶段是固定的, 不能删除或改名; 只能改赢单概率',

  // 数值
  atMostTwoDecimals: '最多两位小数 (精确到分); 系统不会替您四舍五入',
  atMostThreeDecimals: '最多三位小数; 系统不会替您四舍五入',
  tooManyDecimals: '小数位数超过允许范围; 系统不会替您四舍五入',
};

const en: Texts = {
  stateFrozen_sales_orders_draft: 'A draft order may change this',
  stateFrozen_sales_orders_confirmed:
    'The order is confirmed: its lines, customer, warehouse, date and prices are fixed; only the delivery date, shipping method and notes may change. Correct it with "Amend lines" (stock is reserved again), or cancel it and place a new order',
  stateFrozen_sales_orders_shipped: 'The order has shipped: only the delivery date and the notes may change',
  stateFrozen_sales_orders_delivered: 'The order is delivered: only the notes may change',
  stateFrozen_sales_orders_closed: 'The order is closed and can no longer change',
  stateFrozen_sales_orders_cancelled: 'The order is cancelled and can no longer change',
  workflowOwned_sales_orders_status: "An order's status changes only by its steps: confirm, ship, deliver, close, cancel",
  workflowOwned_sales_orders_total_amount: 'The total is the sum of the lines; it cannot be typed',
  ...each(['confirmed_at', 'shipped_at', 'delivered_at', 'cancelled_at'].map((field) => `workflowOwned_sales_orders_${field}`), 'The order workflow records this time; it cannot be edited'),
  workflowOwned_sales_orders_cancel_reason: 'The reason is given when the order is cancelled',
  ...states('sales_orders', 'stateUndeletable', ORDER_STATES, (state) => `The order is ${enOrderState[state]} and cannot be deleted: only drafts can; cancel a confirmed order instead`),
  ...states('sales_orders', 'childrenFrozen', ORDER_STATES, (state) =>
    `The order is ${enOrderState[state]}: its lines can no longer be added, changed or removed${state === 'confirmed' ? '; use "Amend lines" on the order (stock is reserved again), or cancel it and place a new order' : ''}`),

  ...states('opportunities', 'stateFrozen', OPEN_STAGES, () => 'An open opportunity may change this'),
  stateFrozen_opportunities_won: 'The opportunity is won and its order was made from its amount: only the notes may change',
  stateFrozen_opportunities_lost: 'The opportunity is lost: only the notes may change',
  workflowOwned_opportunities_stage: 'The stage changes only by "Advance stage", "Mark won" or "Mark lost"',
  workflowOwned_opportunities_probability: "The probability follows the stage (administrators set it in Stage probabilities); it cannot be typed",
  workflowOwned_opportunities_lost_reason: 'The reason is given when the opportunity is marked lost',
  workflowOwned_opportunities_closed_at: 'Winning or losing records this time',
  ...states('opportunities', 'stateUndeletable', ['won', 'lost'], () => 'A won or lost opportunity is part of the sales record and cannot be deleted'),

  ...states('tickets', 'stateFrozen', ['new', 'assigned', 'in_progress', 'escalated'], () => 'An open ticket may change this'),
  stateFrozen_tickets_resolved: 'The ticket is resolved and can no longer change; reopen it if the problem comes back',
  stateFrozen_tickets_closed: 'The ticket is closed and can no longer change; reopen it if the problem comes back',
  workflowOwned_tickets_status: "A ticket's status changes only by its steps: assign, start, escalate, resolve, close, reopen",
  workflowOwned_tickets_assignee_id: 'The handler is chosen by "Assign" (a service agent)',
  ...each(['workflowOwned_tickets_escalated_to', 'workflowOwned_tickets_escalation_note'], 'Where it went and why is given when the ticket is escalated'),
  workflowOwned_tickets_sla_due_at: 'The SLA due time follows the priority; it cannot be edited',
  ...each(['workflowOwned_tickets_resolution', 'workflowOwned_tickets_resolved_at'], 'The resolution is given when the ticket is resolved'),
  ...each(['workflowOwned_tickets_closed_at', 'workflowOwned_tickets_satisfaction', 'workflowOwned_tickets_feedback'], 'The rating and feedback are given when the ticket is closed'),
  ...states('tickets', 'stateUndeletable', TICKET_STATES.filter((state) => state !== 'new'), () => 'Only a new, unassigned ticket can be deleted; a worked ticket is part of the service record'),

  stateFrozen_campaigns_planned: 'A planned campaign may change this',
  stateFrozen_campaigns_active: 'The campaign is running: its criteria, kind and template are fixed; only its name, budget, end date and description may change',
  stateFrozen_campaigns_completed: 'The campaign has ended and can no longer change',
  stateFrozen_campaigns_cancelled: 'The campaign is cancelled and can no longer change',
  workflowOwned_campaigns_status: 'A campaign starts only by "Launch"; its form may cancel a planned one, or end or cancel a running one',
  workflowOwned_campaigns_launched_at: 'Launching records this time',
  ...states('campaigns', 'stateUndeletable', CAMPAIGN_STATES.filter((state) => state !== 'planned'), () => 'Only a planned campaign can be deleted'),
  ...states('campaigns', 'childrenFrozen', ['completed', 'cancelled'], () => 'The campaign has ended or is cancelled: members can no longer be added or removed'),
  ...states('campaign_members', 'stateFrozen', MEMBER_STATES, (state) =>
    state === 'targeted' || state === 'failed' ? 'This cannot change' : 'The member has been mailed or has answered: only the notes may change'),
  workflowOwned_campaign_members_status: "A member's status follows the delivery of their e-mail and the recorded responses; it cannot be edited",
  ...each(['workflowOwned_campaign_members_responded_at', 'workflowOwned_campaign_members_converted_at', 'workflowOwned_campaign_members_order_id'],
    'Responses and conversions are recorded by "Record response" and "Record conversion"'),
  ...states('campaign_members', 'stateUndeletable', MEMBER_STATES.filter((state) => state !== 'targeted'), () => 'A member who was mailed or answered is what the campaign is measured by and cannot be removed'),

  stockMovesOnlyByMovements: 'Stock changes only by receipts, adjustments, transfers and orders being confirmed and shipped (each written to the ledger)',
  stockLedgerByActionsOnly: 'The stock ledger is written by receipts, adjustments, transfers and shipments; a movement cannot be typed in',
  stockLedgerAppendOnly: 'A stock movement cannot be changed or deleted; correct a mistake with a stock adjustment',
  stageProbabilityFixed: 'The sales stages are fixed and cannot be deleted or renamed; only their probability changes',

  atMostTwoDecimals: 'At most two decimals (to the fen); nothing is rounded for you',
  atMostThreeDecimals: 'At most three decimals; nothing is rounded for you',
  tooManyDecimals: 'Too many decimals; nothing is rounded for you',
};

export const stateRulesMessages: AreaMessages = { 'zh-CN': zh, en };
