import type { CreationAttributes, Transaction } from 'sequelize';
import { Ticket } from '../../models/index.js';
import type { TICKET_KINDS, TICKET_PRIORITIES, TICKET_STATUSES } from '../../models/ticket.model.js';
import { slaDueAt } from '../../domain/service/ticket-sla.js';
import type { DemoProduct, ProductFamily } from './catalogue.js';
import type { DemoClock } from './clock.js';
import type { DemoCustomer } from './customers.js';
import { insertRowIds } from './insert-rows.js';
import type { DemoOrder } from './orders.js';
import type { DemoRandom } from './random.js';

type Kind = (typeof TICKET_KINDS)[number];
type Priority = (typeof TICKET_PRIORITIES)[number];
type Status = (typeof TICKET_STATUSES)[number];

/** How many tickets of each status, and how many days old they are: open ones are recent, closed ones any age. */
const STATUS_PLAN: readonly (readonly [Status, number, number, number])[] = [
  ['escalated', 12, 3, 40], ['new', 12, 0, 3], ['assigned', 14, 0, 7], ['in_progress', 18, 1, 20], ['resolved', 24, 2, 45], ['closed', 70, 6, 365],
];
const KIND_PLAN: readonly (readonly [Kind, number])[] = [['quality_complaint', 32], ['complaint', 28], ['consultation', 30], ['after_sales', 30], ['repair', 30]];
const PRIORITIES: Record<Kind, readonly (readonly [Priority, number])[]> = {
  consultation: [['low', 50], ['normal', 45], ['high', 5]],
  complaint: [['normal', 45], ['high', 40], ['urgent', 15]],
  quality_complaint: [['normal', 25], ['high', 50], ['urgent', 25]],
  after_sales: [['low', 25], ['normal', 55], ['high', 20]],
  repair: [['normal', 40], ['high', 40], ['urgent', 20]],
};

const QUALITY_DEFECTS: Record<ProductFamily, readonly string[]> = {
  LLDPE: ['熔融指数偏高，吹膜时频繁破膜', '晶点偏多，薄膜外观不合格', '颗粒中夹杂黑点'],
  HDPE: ['熔融指数波动大，拉丝断头率高', '颗粒色度偏黄', '注塑件表面出现银纹'],
  LDPE: ['薄膜雾度偏高', '晶点偏多，影响印刷'],
  PP: ['拉丝断头率明显升高', '颗粒中夹杂黑点', '注塑件收缩率异常', '熔融指数与质检单不符'],
  MEG: ['紫外透光率不合格，影响聚酯色值', '醛含量偏高'],
  PTA: ['b 值偏高，切片发黄', '吨包受潮结块'],
  GASOLINE: ['车辆反映动力不足，怀疑辛烷值不达标', '油品中有明显水分'],
  DIESEL: ['冷滤点不达标，车辆低温启动困难', '机械杂质超标，滤芯堵塞'],
  LUBE: ['油品乳化发白', '运动黏度与标签不符'],
  ASPHALT: ['针入度不合格', '软化点偏低，摊铺后泛油'],
};

const SUBJECTS: Record<Exclude<Kind, 'quality_complaint'>, readonly string[]> = {
  consultation: ['咨询 {grade} 本月挂牌价及调价计划', '咨询 {grade} 的适用工艺与替代牌号', '咨询下月提货计划与运力安排', '咨询增值税专用发票开具进度', '咨询年度长约签订流程', '索取 {grade} 的 MSDS 与 COA'],
  complaint: ['送货延误：约定到货时间晚了两天', '承运司机未按厂区规定路线行驶', '客服热线多次未接通', '发票金额与合同价格不一致', '调价通知未提前告知', '油库提货排队时间过长'],
  after_sales: ['要求补开 {grade} 质检报告', '对账差异：上月 {grade} 提货量少记', '申请变更收货地址', '{packaging}'],
  repair: ['加油机计量偏差，申请上门校验', '储油罐液位仪报警，请派人检修', '油气回收装置故障', '车队加油 IC 卡无法读卡', '润滑油加注设备漏油'],
};

// The after-sales trouble each form of goods has in transit.
const PACKAGING_TROUBLE: Record<ProductFamily, string> = {
  LLDPE: '{grade} 到货包装破损，申请退换', HDPE: '{grade} 到货包装破损，申请退换', LDPE: '{grade} 到货包装破损，申请退换', PP: '{grade} 到货包装破损，申请退换',
  PTA: '{grade} 吨包破损，申请补货', MEG: '{grade} 槽车铅封与单据不符，申请核查', GASOLINE: '{grade} 到货数量与发货单差 0.3 吨，申请核查',
  DIESEL: '{grade} 到货数量与发货单差 0.3 吨，申请核查', LUBE: '{grade} 运输途中渗漏，申请补货', ASPHALT: '{grade} 到货温度偏低，卸车困难',
};

const RESOLUTIONS: Record<Kind, readonly string[]> = {
  consultation: ['已电话答复，并邮件发送最新价格表', '已提供技术资料，并约技术服务工程师上门交流', '已发送 MSDS、COA 电子版'],
  complaint: ['已向承运商核实并考核，后续订单优先安排运力', '已更正发票并重新开具', '已向客户说明调价依据，今后提前三天通知', '已增加提货窗口，客户确认'],
  quality_complaint: [
    '复检结果在标准范围内，系客户加工温度偏高所致；已提供工艺调整建议，并给予 1% 货款折让',
    '确认该批次部分产品不合格，已安排退货并补发合格批次',
    '研究院分析结论：运输途中受潮，已补偿并改用防潮包装',
  ],
  after_sales: ['已安排补发并承担运费', '已补开质检报告并快递寄出', '已与财务核对并调整对账单'],
  repair: ['工程师已上门检修，设备恢复正常', '已更换故障部件并完成计量校验', '已为客户更换新卡并恢复充值'],
};

const SATISFACTION_FEEDBACK: Record<number, string> = {
  5: '处理及时，非常满意',
  4: '处理结果满意，响应可以再快一些',
  3: '问题解决了，但过程较长',
  2: '处理时间太长，影响了生产',
  1: '不满意，问题没有根本解决',
};

export interface DemoTicket {
  id: number;
  customer: DemoCustomer;
  kind: Kind;
  status: Status;
  satisfaction: number | null;
  feedback: string | null;
  closedAt: Date | null;
  subject: string;
}

/** Tickets of every kind, priority and status; quality complaints name a batch that really went to the customer. */
export function generateTickets(
  random: DemoRandom, clock: DemoClock, customers: DemoCustomer[], orders: DemoOrder[], agentIds: number[],
): { tickets: DemoTicket[]; rows: Array<CreationAttributes<Ticket>> } {
  const kinds = random.shuffle(KIND_PLAN.flatMap(([kind, count]) => Array<Kind>(count).fill(kind)));
  const shipped = orders.filter((order) => order.shippedAt);
  const buyers = customers.filter((customer) => customer.lifecycle !== 'prospect');
  const operators = buyers.filter((customer) => ['gas_station', 'fleet', 'end_user'].includes(customer.profile.type));
  const tickets: DemoTicket[] = [];
  const rows: Array<CreationAttributes<Ticket>> = [];
  for (const [status, count, youngest, oldest] of STATUS_PLAN) {
    for (let i = 0; i < count; i++) {
      // Escalations go to the production plant or the research institute: they are about product quality.
      const preferred = status === 'escalated' ? kinds.indexOf('quality_complaint') : 0;
      const [kind] = kinds.splice(Math.max(0, preferred), 1);
      const createdAt = clock.businessMoment(random.int(youngest, oldest), random.between(0, 10));
      const priority = random.weighted(PRIORITIES[kind]);
      const order = kind === 'quality_complaint' || (kind !== 'consultation' && kind !== 'repair' && random.chance(0.5))
        ? shippedBefore(random, clock, shipped, createdAt)
        : null;
      const customer = order?.customer ?? random.pick(kind === 'repair' && operators.length > 0 ? operators : buyers);
      const line = order ? random.pick(order.lines.filter((candidate) => candidate.batches.length > 0)) : null;
      const product = line?.product ?? random.pick(customer.favourites);
      const batchNo = kind === 'quality_complaint' && line ? random.pick(line.batches).batchNo : null;
      const subject = kind === 'quality_complaint'
        ? `${product.grade} 批次 ${batchNo} ${random.pick(QUALITY_DEFECTS[product.family])}`
        : random.pick(SUBJECTS[kind]).replace('{packaging}', PACKAGING_TROUBLE[product.family]).replace('{grade}', product.grade);
      const escalatedTo = status === 'escalated' || (kind === 'quality_complaint' && (status === 'resolved' || status === 'closed') && random.chance(0.5))
        ? random.pick(['production_plant', 'research_institute'] as const)
        : null;
      const { resolvedAt, closedAt, lastChangeAt } = progress(random, clock, status, priority, createdAt);
      const satisfaction = status === 'closed' ? random.weighted([[5, 40], [4, 35], [3, 15], [2, 7], [1, 3]] as const) : null;
      const ticket: DemoTicket = {
        id: 0, customer, kind, status, satisfaction, feedback: satisfaction ? SATISFACTION_FEEDBACK[satisfaction] : null, closedAt, subject,
      };
      tickets.push(ticket);
      rows.push({
        subject,
        kind,
        priority,
        status,
        customer_id: customer.id,
        contact_id: customer.contacts[0]?.id ?? null,
        order_id: order?.id ?? null,
        product_id: kind === 'consultation' && random.chance(0.5) ? null : product.id,
        batch_no: batchNo,
        description: describe(customer, product, order, subject),
        assignee_id: status === 'new' ? null : random.pick(agentIds),
        branch_id: customer.branchId,
        escalated_to: escalatedTo,
        escalation_note: escalatedTo === 'production_plant'
          ? `已通知茂名石化质检中心复检留样，并请生产部排查 ${batchNo ?? '相关'} 批次工艺参数`
          : escalatedTo === 'research_institute' ? '样品已送北京化工研究院做对比分析，预计 5 个工作日出具报告' : null,
        sla_due_at: slaDueAt(priority, createdAt),
        resolution: resolvedAt ? random.pick(RESOLUTIONS[kind]) : null,
        resolved_at: resolvedAt,
        closed_at: closedAt,
        satisfaction,
        feedback: ticket.feedback,
        created_at: createdAt,
        updated_at: lastChangeAt,
      });
    }
  }
  // Ticket numbers follow the order tickets came in.
  const chronological = tickets.map((_, index) => index).sort((a, b) => rows[a].created_at!.getTime() - rows[b].created_at!.getTime());
  return { tickets: chronological.map((index) => tickets[index]), rows: chronological.map((index) => rows[index]) };
}

/** An order that shipped to someone in the two months before the ticket. */
function shippedBefore(random: DemoRandom, clock: DemoClock, shipped: DemoOrder[], before: Date): DemoOrder {
  const window = shipped.filter((order) => order.shippedAt! < before && clock.daysAgo(order.shippedAt!) - clock.daysAgo(before) <= 60);
  return random.pick(window.length > 0 ? window : shipped);
}

/** When a ticket of this status got resolved and closed; mostly within its SLA, some late. */
function progress(random: DemoRandom, clock: DemoClock, status: Status, priority: Priority, createdAt: Date) {
  const slaHours = (slaDueAt(priority, createdAt).getTime() - createdAt.getTime()) / 3_600_000;
  const resolvedAt = clock.later(createdAt, slaHours * random.between(0.15, 1.4));
  const closedAt = clock.later(resolvedAt, random.between(2, 72));
  const touchedAt = clock.later(createdAt, random.between(0.2, 24));
  if (status === 'closed') return { resolvedAt, closedAt, lastChangeAt: closedAt };
  if (status === 'resolved') return { resolvedAt, closedAt: null, lastChangeAt: resolvedAt };
  return { resolvedAt: null, closedAt: null, lastChangeAt: status === 'new' ? createdAt : touchedAt };
}

function describe(customer: DemoCustomer, product: DemoProduct, order: DemoOrder | null, subject: string): string {
  const contact = customer.contacts[0]?.name ?? '客户';
  const reference = order ? `，涉及订单 ${order.orderNo}（${product.name}）` : '';
  return `${customer.name} ${contact}来电反映：${subject}${reference}。请尽快跟进处理并回复客户。`;
}

export async function loadTickets(transaction: Transaction, tickets: DemoTicket[], rows: Array<CreationAttributes<Ticket>>): Promise<void> {
  const ids = await insertRowIds(Ticket, rows, transaction);
  tickets.forEach((ticket, index) => (ticket.id = ids[index]));
}
