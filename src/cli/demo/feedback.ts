import type { CreationAttributes, Transaction } from 'sequelize';
import { CustomerFeedback } from '../../models/index.js';
import type { FEEDBACK_CATEGORIES, FEEDBACK_CHANNELS } from '../../models/customer-feedback.model.js';
import type { DemoClock } from './clock.js';
import type { DemoCustomer } from './customers.js';
import { insertRowIds } from './insert-rows.js';
import type { DemoRandom } from './random.js';
import type { DemoTicket } from './tickets.js';

type Category = (typeof FEEDBACK_CATEGORIES)[number];
type Channel = (typeof FEEDBACK_CHANNELS)[number];

const FEEDBACK_COUNT = 100;

// Each remark with the rating the customer gave along with it.
const REMARKS: Record<Category, readonly (readonly [string, number])[]> = {
  product: [['{grade} 批次质量稳定，下游客户反馈良好', 5], ['{grade} 加工性能比进口料略差，希望改进', 3], ['希望增加 {grade} 的小包装规格', 4], ['最近两批 {grade} 色差明显', 2]],
  service: [['客户经理响应及时，问题处理专业', 5], ['技术服务工程师上门指导很有帮助', 5], ['客服电话高峰期难以接通', 2], ['希望提供线上查询提货进度的渠道', 4]],
  delivery: [['到货准时，司机服务规范', 5], ['旺季运力紧张，到货经常延误', 2], ['希望增加周末发货', 3], ['槽车卸货等待时间过长', 2]],
  price: [['调价通知太晚，来不及调整采购计划', 2], ['价格与市场行情基本一致，可以接受', 4], ['希望对年度长约客户给予更多价格优惠', 3], ['同区域竞争对手报价更低', 2]],
  other: [['发票寄送及时，对账清楚', 5], ['希望举办更多技术交流会', 4], ['合同审批流程较慢', 3]],
};
const CHANNELS: readonly (readonly [Channel, number])[] = [['phone', 40], ['wechat', 25], ['visit', 15], ['email', 12], ['web', 8]];
const CATEGORIES: readonly (readonly [Category, number])[] = [['product', 30], ['service', 25], ['delivery', 20], ['price', 18], ['other', 7]];

/** What customers told us: a third of it at the close of a ticket, the rest through every channel over the year. */
export async function loadFeedback(
  transaction: Transaction, random: DemoRandom, clock: DemoClock, customers: DemoCustomer[], tickets: DemoTicket[], agentIds: number[],
): Promise<void> {
  const rows: Array<CreationAttributes<CustomerFeedback>> = [];
  for (const ticket of random.sample(tickets.filter((candidate) => candidate.status === 'closed'), 30)) {
    rows.push({
      customer_id: ticket.customer.id, contact_id: ticket.customer.contacts[0].id, ticket_id: ticket.id, channel: 'phone', category: 'service',
      content: `工单回访（${ticket.subject}）：${ticket.feedback}`, rating: ticket.satisfaction, status: 'handled', handled_by_id: random.pick(agentIds),
      received_at: ticket.closedAt!, created_at: ticket.closedAt!, updated_at: ticket.closedAt!,
    });
  }
  const buyers = customers.filter((customer) => customer.lifecycle !== 'prospect');
  while (rows.length < FEEDBACK_COUNT) {
    const customer = random.pick(buyers);
    const category = random.weighted(CATEGORIES);
    const [remark, rating] = random.pick(REMARKS[category]);
    const daysAgo = random.int(0, 365);
    const receivedAt = clock.businessMoment(daysAgo, random.between(0, 10));
    // Recent remarks may still wait for someone; older ones were all followed up.
    const handled = daysAgo > 7 || random.chance(0.3);
    rows.push({
      customer_id: customer.id, contact_id: random.pick(customer.contacts).id, ticket_id: null, channel: random.weighted(CHANNELS), category,
      content: remark.replace('{grade}', random.pick(customer.favourites).grade), rating: random.chance(0.9) ? rating : null,
      status: handled ? 'handled' : 'open', handled_by_id: handled ? random.pick(agentIds) : null,
      received_at: receivedAt, created_at: receivedAt, updated_at: handled ? clock.later(receivedAt, random.between(2, 72)) : receivedAt,
    });
  }
  rows.sort((a, b) => a.received_at!.getTime() - b.received_at!.getTime());
  await insertRowIds(CustomerFeedback, rows, transaction);
}
