import type { CreationAttributes, Transaction } from 'sequelize';
import { Campaign, CampaignMember, EmailMessage, EmailTemplate } from '../../models/index.js';
import type { CAMPAIGN_KINDS, CAMPAIGN_STATUSES } from '../../models/campaign.model.js';
import type { CAMPAIGN_MEMBER_STATUSES } from '../../models/campaign-member.model.js';
import type { CUSTOMER_GRADES, CUSTOMER_STATUSES } from '../../models/customer.model.js';
import type { DemoClock } from './clock.js';
import type { CustomerType } from './customer-profiles.js';
import type { DemoContact, DemoCustomer } from './customers.js';
import { insertRowIds } from './insert-rows.js';
import type { DemoOrder } from './orders.js';
import type { Region } from './places.js';
import type { DemoRandom } from './random.js';

type MemberStatus = (typeof CAMPAIGN_MEMBER_STATUSES)[number];

/** What the analysis made of a customer; campaigns pick their targets by it. */
export interface CustomerStanding {
  grade: (typeof CUSTOMER_GRADES)[number] | null;
  status: (typeof CUSTOMER_STATUSES)[number];
}

const TEMPLATES = [
  {
    code: 'price-notice', name: '月度调价通知', subject: '【石化销售】{{customer.name}}：下月产品调价通知',
    body: '{{contact.name}} 您好：\n\n根据原料成本及市场行情，自下月 1 日起，聚乙烯、聚丙烯部分牌号挂牌价调整如下，详见附件价格表。年度长约客户按合同约定执行。\n\n如有疑问，请联系您的客户经理。\n\n石化销售公司 市场部',
  },
  {
    code: 're-engage', name: '沉睡客户唤醒', subject: '{{customer.name}}，我们为您准备了专属回馈价',
    body: '{{contact.name}} 您好：\n\n感谢{{customer.name}}多年来的支持。我们注意到贵司近期没有下单，特为您准备了本季度专属回馈价（较挂牌价优惠 100 元/吨），并可安排优先发运。\n\n期待继续为您服务。\n\n石化销售公司 客户服务部',
  },
  {
    code: 'new-grade', name: '新牌号推介', subject: '新牌号 PP M800E 透明料上市，诚邀{{customer.name}}试料',
    body: '{{contact.name}} 您好：\n\n茂名石化新牌号 PP M800E 透明无规共聚聚丙烯现已批量供货，透明度高、加工窗口宽，适用于透明包装和一次性医疗器具。首批试料 2 吨免运费。\n\n回复本邮件即可预约技术服务工程师上门。\n\n石化销售公司 市场部',
  },
] as const;

type TemplateCode = (typeof TEMPLATES)[number]['code'];

interface CampaignPlan {
  name: string;
  kind: (typeof CAMPAIGN_KINDS)[number];
  status: (typeof CAMPAIGN_STATUSES)[number];
  /** Days from today; negative is past. */
  start: number;
  end: number;
  budget: number;
  grade?: CustomerStanding['grade'];
  type?: CustomerType;
  region?: Region;
  standing?: CustomerStanding['status'];
  template?: TemplateCode;
  description: string;
}

const CAMPAIGNS: readonly CampaignPlan[] = [
  { name: '国VI 柴油冬季保供 · 车队客户专享价', kind: 'promotion', status: 'completed', start: -380, end: -300, budget: 200_000, type: 'fleet', description: '冬季柴油保供，车队客户锁量享每吨优惠 80 元' },
  { name: 'PE 棚膜料春季让利促销', kind: 'discount', status: 'completed', start: -230, end: -170, budget: 300_000, type: 'manufacturer', region: '华东', description: '棚膜旺季前，LLDPE 7042/7050 每吨让利 120 元' },
  { name: '润滑油换季保养短信提醒', kind: 'sms', status: 'completed', start: -120, end: -100, budget: 20_000, type: 'end_user', description: '向维修厂、机械用户推送换季保养提醒及润滑油团购价' },
  { name: 'A 类客户年度答谢会（南京）', kind: 'event', status: 'completed', start: -60, end: -58, budget: 500_000, grade: 'A', description: '年度核心客户答谢会暨次年长约签约意向沟通' },
  { name: '华北客户技术交流会', kind: 'event', status: 'cancelled', start: -30, end: -29, budget: 150_000, region: '华北', description: '因场地原因取消，改为线上交流' },
  { name: '沉睡客户唤醒：专属回馈价', kind: 'email', status: 'active', start: -20, end: 25, budget: 30_000, standing: 'at_risk', template: 're-engage', description: '对 90 天未下单客户发送专属回馈价邮件' },
  { name: '新牌号 PP M800E 透明料推介', kind: 'email', status: 'active', start: -10, end: 40, budget: 50_000, type: 'manufacturer', template: 'new-grade', description: '向制品厂推介透明料新牌号，预约试料' },
  { name: '华南道路施工季沥青优惠', kind: 'discount', status: 'planned', start: 10, end: 70, budget: 250_000, type: 'end_user', region: '华南', description: '施工旺季前锁定沥青用量，70# A 级每吨优惠 60 元' },
];

const SEND_ERRORS = [
  '550 5.1.1 Recipient address rejected: User unknown in virtual mailbox table',
  '552 5.2.2 Mailbox full',
  'getaddrinfo ENOTFOUND mx.{domain}',
  'Connection timeout after 30000ms',
];

/** Templates, eight campaigns with their target lists and responses, and the e-mail outbox they filled. */
export async function loadMarketing(
  transaction: Transaction, random: DemoRandom, clock: DemoClock, customers: DemoCustomer[], standing: Map<number, CustomerStanding>,
  orders: DemoOrder[], marketingUserId: number,
): Promise<void> {
  const templateIds = await insertRowIds(EmailTemplate, TEMPLATES.map((template) => ({ ...template, active: true })), transaction);
  const templateId = (code: TemplateCode) => templateIds[TEMPLATES.findIndex((template) => template.code === code)];
  const campaignIds = await insertRowIds(
    Campaign,
    CAMPAIGNS.map((plan) => ({
      // Members join a campaign while it runs: the ended ones are closed once their members are in.
      name: plan.name, kind: plan.kind, status: plan.status === 'planned' ? 'planned' : 'active', start_date: clock.dayFromToday(plan.start), end_date: clock.dayFromToday(plan.end),
      budget: plan.budget.toFixed(2), target_grade: plan.grade ?? null, target_customer_type: plan.type ?? null, target_region: plan.region ?? null,
      target_status: plan.standing ?? null, email_template_id: plan.template ? templateId(plan.template) : null, owner_id: marketingUserId,
      launched_at: plan.status === 'planned' ? null : clock.businessMoment(-plan.start, 1), description: plan.description,
      created_at: clock.businessMoment(-plan.start + 14, 2), updated_at: clock.businessMoment(Math.max(0, -plan.end), 3),
    })),
    transaction,
  );

  const ordersOf = new Map<DemoCustomer, DemoOrder[]>();
  for (const order of orders) if (order.status !== 'cancelled') ordersOf.set(order.customer, [...(ordersOf.get(order.customer) ?? []), order]);
  const members: Array<CreationAttributes<CampaignMember>> = [];
  const messages: Array<CreationAttributes<EmailMessage>> = [];
  CAMPAIGNS.forEach((plan, index) => {
    const launchedAt = clock.businessMoment(-plan.start, 1);
    const targets = customers.filter((customer) => matches(plan, customer, standing.get(customer.id)!));
    for (const customer of targets) {
      const contact = customer.contacts[0];
      const member = memberResponse(random, clock, plan, launchedAt, ordersOf.get(customer) ?? []);
      members.push({
        campaign_id: campaignIds[index], customer_id: customer.id, contact_id: contact.id, status: member.status,
        responded_at: member.respondedAt, converted_at: member.order?.createdAt ?? null, order_id: member.order?.id ?? null, notes: null,
        created_at: launchedAt, updated_at: member.respondedAt ?? launchedAt,
      });
      if (plan.template && contact.email) {
        const delivered = member.status !== 'targeted';
        messages.push(outboxMessage(random, clock, { campaignId: campaignIds[index], templateId: templateId(plan.template), plan, customer, contact, launchedAt, delivered }));
      }
    }
  });
  // The monthly price notice goes to the best customers outside any campaign.
  const priceNoticeAt = clock.businessMoment(random.int(5, 12), 1);
  for (const customer of customers.filter((candidate) => standing.get(candidate.id)?.grade === 'A')) {
    const contact = customer.contacts[0];
    if (!contact.email) continue;
    messages.push(render({
      campaign_id: null, customer_id: customer.id, contact_id: contact.id, template_id: templateId('price-notice'), to_address: contact.email,
      status: 'sent', attempts: 1, last_error: null, next_attempt_at: priceNoticeAt, sent_at: clock.later(priceNoticeAt, random.between(0, 0.2)),
      created_at: priceNoticeAt, updated_at: priceNoticeAt,
    }, TEMPLATES[0], customer, contact));
  }
  await insertRowIds(CampaignMember, members, transaction);
  messages.sort((a, b) => a.created_at!.getTime() - b.created_at!.getTime());
  await insertRowIds(EmailMessage, messages, transaction);
  for (const status of ['completed', 'cancelled'] as const) {
    const ended = campaignIds.filter((_id, index) => CAMPAIGNS[index].status === status);
    await Campaign.update({ status }, { where: { id: ended }, transaction, hooks: false, silent: true });
  }
}

function matches(plan: CampaignPlan, customer: DemoCustomer, standing: CustomerStanding): boolean {
  return (!plan.grade || standing.grade === plan.grade) && (!plan.type || customer.profile.type === plan.type)
    && (!plan.region || customer.region === plan.region) && (plan.standing ? standing.status === plan.standing : standing.status !== 'prospect');
}

/** How a targeted customer answered: the older the campaign, the further its members got; converted ones placed an order. */
function memberResponse(random: DemoRandom, clock: DemoClock, plan: CampaignPlan, launchedAt: Date, customerOrders: DemoOrder[]) {
  const weights: Record<CampaignPlan['status'], readonly (readonly [MemberStatus, number])[]> = {
    completed: [['sent', 45], ['responded', 30], ['converted', 25]],
    active: [['targeted', 20], ['sent', 50], ['responded', 22], ['converted', 8]],
    planned: [['targeted', 1]],
    cancelled: [['targeted', 1]],
  };
  let status = random.weighted(weights[plan.status]);
  const respondedAt = status === 'responded' || status === 'converted' ? clock.later(launchedAt, random.between(4, 24 * 10)) : null;
  const windowEnd = clock.plusHours(launchedAt, (plan.end - plan.start + 30) * 24);
  const order = status === 'converted' ? customerOrders.find((candidate) => candidate.createdAt > (respondedAt ?? launchedAt) && candidate.createdAt < windowEnd) ?? null : null;
  if (status === 'converted' && !order) status = 'responded';
  return { status, respondedAt, order };
}

interface OutboxEntry {
  campaignId: number;
  templateId: number;
  plan: CampaignPlan;
  customer: DemoCustomer;
  contact: DemoContact;
  launchedAt: Date;
  delivered: boolean;
}

/** Delivered members' mail went out; of the rest some bounced and the others still wait in the queue. */
function outboxMessage(random: DemoRandom, clock: DemoClock, entry: OutboxEntry): CreationAttributes<EmailMessage> {
  const template = TEMPLATES.find((candidate) => candidate.code === entry.plan.template)!;
  const fails = !entry.delivered && random.chance(0.5);
  const status = entry.delivered ? 'sent' : fails ? 'failed' : 'queued';
  const domain = entry.contact.email!.split('@')[1];
  return render({
    campaign_id: entry.campaignId, customer_id: entry.customer.id, contact_id: entry.contact.id, template_id: entry.templateId, to_address: entry.contact.email!,
    status,
    attempts: status === 'sent' ? 1 : status === 'failed' ? 3 : 0,
    last_error: fails ? random.pick(SEND_ERRORS).replace('{domain}', domain) : null,
    // The queue sends in throttled batches; the next one is due within hours.
    next_attempt_at: status === 'queued' ? clock.plusHours(clock.now, random.between(1, 12)) : entry.launchedAt,
    sent_at: status === 'sent' ? clock.later(entry.launchedAt, random.between(0, 0.5)) : null,
    created_at: entry.launchedAt,
    updated_at: status === 'failed' ? clock.later(entry.launchedAt, random.between(1, 6)) : entry.launchedAt,
  }, template, entry.customer, entry.contact);
}

function render(
  message: Omit<CreationAttributes<EmailMessage>, 'subject' | 'body'>, template: (typeof TEMPLATES)[number], customer: DemoCustomer, contact: DemoContact,
): CreationAttributes<EmailMessage> {
  const fill = (text: string) => text.replaceAll('{{customer.name}}', customer.name).replaceAll('{{contact.name}}', contact.name);
  return { ...message, subject: fill(template.subject), body: fill(template.body) };
}
