import type { CreationAttributes, Transaction } from 'sequelize';
import { Activity } from '../../models/index.js';
import type { ACTIVITY_KINDS } from '../../models/activity.model.js';
import type { DemoClock } from './clock.js';
import { HISTORY_DAYS, type DemoCustomer } from './customers.js';
import { insertRowIds } from './insert-rows.js';
import type { DemoOpportunity } from './opportunities.js';
import type { Organisation } from './organisation.js';
import type { DemoRandom } from './random.js';
import type { DemoTicket } from './tickets.js';

type Kind = (typeof ACTIVITY_KINDS)[number];
type Row = CreationAttributes<Activity>;

const CONTACT_RECORDS = 1220;
const DONE_TASKS = 235;

const SUBJECTS: Record<Exclude<Kind, 'task'>, readonly string[]> = {
  call: ['电话回访：确认下月 {grade} 需求', '电话沟通 {grade} 调价事宜', '电话跟进发票及回款', '电话确认到货及卸货情况', '电话了解客户开工率及库存'],
  visit: ['拜访客户：商谈年度长约', '上门拜访：了解 {grade} 使用情况', '陪同技术服务工程师走访客户现场', '拜访采购部，递交新牌号资料'],
  email: ['邮件发送本周价格表', '邮件发送 {grade} 的 COA 及 MSDS', '邮件确认上月对账单', '邮件回复技术咨询'],
  meeting: ['参加客户季度供应商评审会', '邀请客户参加产品技术交流会', '与客户高层会谈年度合作框架'],
};
const DETAILS: Record<Exclude<Kind, 'task'>, readonly string[]> = {
  call: ['客户表示下月需求与本月持平，希望价格保持稳定。', '客户反映竞争对手报价略低，需请示价格政策。', '已确认回款计划，月底前到账。', '客户开工率约七成，库存可用半个月。'],
  visit: ['客户计划明年扩大规模，需求预计增加约两成。', '现场了解了客户库存和用量，客户对产品质量认可。', '客户关注交货及时率，希望旺季优先保障运力。', '客户反映竞争对手在走访中给出了更长账期。'],
  email: ['已发送，客户回复收到。', '附件已发送，请客户确认。'],
  meeting: ['会议纪要已整理归档，下一步跟进价格方案。', '客户对年度合作总体满意，提出账期延长诉求。'],
};
const SALES_TASKS = ['跟进{customer}的 {grade} 报价', '催收{customer}逾期货款', '准备{customer}年度合同草稿', '安排{customer}样品寄送', '回访流失预警客户{customer}', '核对{customer}上月对账单'];
const SERVICE_TASKS = ['回访工单（{subject}）：满意度调查', '跟进工单（{subject}）处理进度', '整理{customer}投诉处理报告'];

const SALES_STAFF = ['rep.zhang@petrocrm.cn', 'rep.liu@petrocrm.cn', 'rep.huang@petrocrm.cn', 'rep.zhao@petrocrm.cn', 'rep.sun@petrocrm.cn', 'manager.ec@petrocrm.cn', 'manager.sc@petrocrm.cn'];
const SERVICE_STAFF = ['service@petrocrm.cn', 'service2@petrocrm.cn'];
const MANAGER_OF: Record<string, string> = { EC: 'manager.ec@petrocrm.cn', 'GS-NJ01': 'manager.ec@petrocrm.cn', SC: 'manager.sc@petrocrm.cn', 'GS-GZ01': 'manager.sc@petrocrm.cn' };

/** Calls, visits, e-mails and meetings with the customers over the whole period, and everybody's tasks. */
export async function loadActivities(
  transaction: Transaction, random: DemoRandom, clock: DemoClock, organisation: Organisation, customers: DemoCustomer[],
  opportunities: DemoOpportunity[], tickets: DemoTicket[],
): Promise<void> {
  const rows = [
    ...contactRecords(random, clock, customers, opportunities),
    ...salesTasks(random, clock, organisation, customers),
    ...serviceTasks(random, clock, organisation, tickets),
    ...backOfficeTasks(random, clock, organisation),
  ].sort((a, b) => a.occurred_at!.getTime() - b.occurred_at!.getTime());
  await insertRowIds(Activity, rows, transaction);
}

function contactRecords(random: DemoRandom, clock: DemoClock, customers: DemoCustomer[], opportunities: DemoOpportunity[]): Row[] {
  // Busy customers are called more; the ones slipping away get a retention call recently.
  const weights = customers.map((customer) => [customer, customer.lifecycle === 'prospect' ? 1.5 : 1 + customer.size] as const);
  const rows: Row[] = [];
  for (let i = 0; i < CONTACT_RECORDS; i++) {
    const customer = random.weighted(weights);
    const kind = random.weighted<Exclude<Kind, 'task'>>([['call', 45], ['visit', 25], ['email', 20], ['meeting', 10]]);
    const since = Math.min(HISTORY_DAYS, clock.daysAgo(customer.createdAt));
    const until = Math.max(0, customer.lastOrderDaysAgo - 20);
    const daysAgo = random.int(Math.min(until, since), since);
    const occurredAt = clock.businessMoment(daysAgo, random.between(0.5, 9.5));
    const retention = customer.lifecycle !== 'active' && customer.lifecycle !== 'prospect' && random.chance(0.3);
    const opportunity = opportunities.find((candidate) => candidate.customer === customer && candidate.createdAt <= occurredAt && (candidate.closedAt ?? clock.now) >= occurredAt);
    const at = retention ? clock.businessMoment(random.int(1, 30), random.between(0.5, 9.5)) : occurredAt;
    rows.push({
      kind: retention ? 'call' : kind,
      subject: retention ? '流失预警回访：了解客户近期未下单原因' : random.pick(SUBJECTS[kind]).replace('{grade}', random.pick(customer.favourites).grade),
      details: retention ? '客户表示近期转向其他供应商采购，原因主要是价格，需制定挽回方案。' : random.pick(DETAILS[kind]),
      customer_id: customer.id,
      contact_id: random.pick(customer.contacts).id,
      opportunity_id: opportunity && !retention ? opportunity.id : null,
      owner_id: customer.ownerId,
      assignee_id: customer.ownerId,
      occurred_at: at,
      due_at: null,
      done: true,
      done_at: at,
      created_at: at,
      updated_at: at,
    });
  }
  return rows;
}

function salesTasks(random: DemoRandom, clock: DemoClock, organisation: Organisation, customers: DemoCustomer[]): Row[] {
  const rows: Row[] = [];
  for (const email of SALES_STAFF) {
    const userId = organisation.userIds[email];
    const own = customers.filter((customer) => customer.ownerId === userId);
    const openTasks = random.int(4, 7);
    const doneTasks = Math.round(DONE_TASKS / (SALES_STAFF.length + SERVICE_STAFF.length));
    for (let i = 0; i < openTasks + doneTasks; i++) {
      const customer = random.pick(own);
      const manager = MANAGER_OF[customer.branchCode];
      const subject = random.pick(SALES_TASKS).replace('{customer}', customer.name).replace('{grade}', random.pick(customer.favourites).grade);
      // Managers hand out some of the work; the rest reps set themselves.
      const ownerId = manager && manager !== email && random.chance(0.4) ? organisation.userIds[manager] : userId;
      rows.push(task(random, clock, { subject, customerId: customer.id, contactId: customer.contacts[0].id, ownerId, assigneeId: userId, open: i < openTasks }));
    }
  }
  return rows;
}

function serviceTasks(random: DemoRandom, clock: DemoClock, organisation: Organisation, tickets: DemoTicket[]): Row[] {
  const rows: Row[] = [];
  for (const email of SERVICE_STAFF) {
    const userId = organisation.userIds[email];
    const openTasks = random.int(4, 6);
    const doneTasks = Math.round(DONE_TASKS / (SALES_STAFF.length + SERVICE_STAFF.length));
    for (let i = 0; i < openTasks + doneTasks; i++) {
      const ticket = random.pick(tickets);
      const subject = random.pick(SERVICE_TASKS).replace('{subject}', ticket.subject).replace('{customer}', ticket.customer.name);
      rows.push(task(random, clock, { subject, customerId: ticket.customer.id, contactId: ticket.customer.contacts[0].id, ownerId: userId, assigneeId: userId, open: i < openTasks }));
    }
  }
  return rows;
}

function backOfficeTasks(random: DemoRandom, clock: DemoClock, organisation: Organisation): Row[] {
  const clerk = organisation.userIds['warehouse@petrocrm.cn'];
  const marketing = organisation.userIds['marketing@petrocrm.cn'];
  return [
    task(random, clock, { subject: '南京龙潭中转库月末盘点', customerId: null, contactId: null, ownerId: clerk, assigneeId: clerk, open: true }),
    task(random, clock, { subject: '核对茂名调拨到货批次与质检单', customerId: null, contactId: null, ownerId: clerk, assigneeId: clerk, open: true }),
    task(random, clock, { subject: '准备华南沥青促销活动物料', customerId: null, contactId: null, ownerId: marketing, assigneeId: marketing, open: true }),
    task(random, clock, { subject: '统计 PP M800E 推介邮件回复情况', customerId: null, contactId: null, ownerId: marketing, assigneeId: marketing, open: true }),
  ];
}

interface TaskPlan {
  subject: string;
  customerId: number | null;
  contactId: number | null;
  ownerId: number;
  assigneeId: number;
  open: boolean;
}

/** Open tasks are due around now (some already overdue); done ones were due over the past year. */
function task(random: DemoRandom, clock: DemoClock, plan: TaskPlan): Row {
  const dueDaysFromToday = plan.open ? random.weighted([[random.int(-8, -1), 30], [random.int(0, 14), 70]] as const) : -random.int(2, 365);
  const dueAt = clock.closeOfBusiness(dueDaysFromToday);
  const createdAt = clock.later(dueAt, -random.between(1, 10) * 24);
  const doneAt = plan.open ? null : clock.later(createdAt, random.between(2, 24 * 9));
  return {
    kind: 'task', subject: plan.subject, details: null, customer_id: plan.customerId, contact_id: plan.contactId, opportunity_id: null,
    owner_id: plan.ownerId, assignee_id: plan.assigneeId, occurred_at: createdAt, due_at: dueAt, done: !plan.open, done_at: doneAt,
    created_at: createdAt, updated_at: doneAt ?? createdAt,
  };
}
