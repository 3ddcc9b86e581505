import type { Transaction } from 'sequelize';
import { CampaignMember, SalesOrder } from '../../models/index.js';
import type { CAMPAIGN_MEMBER_STATUSES } from '../../models/campaign-member.model.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { optionalText } from '../service/form-text.js';

type MemberStatus = (typeof CAMPAIGN_MEMBER_STATUSES)[number];

/**
 * The customer answered the campaign (a reply, a call, a visit to the event). A member who never
 * got the e-mail (still queued, or failed) may still answer: SMS, event and discount campaigns
 * reach people other ways.
 */
export async function recordCampaignResponse(actor: Actor, memberId: number, input: { notes?: unknown } = {}, now: Date = new Date()) {
  return changeMember(actor, memberId, 'recordResponse', ['targeted', 'queued', 'sent', 'failed'], 'memberAlreadyResponded', async (member) => ({
    status: 'responded',
    responded_at: now,
    notes: appendNote(member.notes, optionalText(input.notes)),
  }));
}

/**
 * The customer bought because of the campaign; the order, when given, must be that customer's and
 * not cancelled, so campaign conversion figures count real sales.
 */
export async function recordCampaignConversion(
  actor: Actor,
  memberId: number,
  input: { orderId?: unknown; notes?: unknown } = {},
  now: Date = new Date(),
) {
  return changeMember(actor, memberId, 'recordConversion', ['targeted', 'queued', 'sent', 'failed', 'responded'], 'memberAlreadyConverted', async (member, transaction) => {
    const orderId = input.orderId === undefined || input.orderId === null || input.orderId === '' ? null : Number(input.orderId);
    if (orderId !== null) {
      const order = Number.isInteger(orderId) ? await SalesOrder.findByPk(orderId, { transaction }) : null;
      if (!order || order.customer_id !== member.customer_id) throw new BusinessRuleError('conversionOrderOtherCustomer', {}, 'order_id');
      if (order.status === 'cancelled') throw new BusinessRuleError('conversionOrderCancelled', { orderNo: order.order_no }, 'order_id');
    }
    return {
      status: 'converted',
      converted_at: now,
      responded_at: member.responded_at ?? now,
      order_id: orderId ?? member.order_id,
      notes: appendNote(member.notes, optionalText(input.notes)),
    };
  });
}

type MemberChange = Partial<Pick<CampaignMember, 'status' | 'responded_at' | 'converted_at' | 'order_id' | 'notes'>>;

async function changeMember(
  actor: Actor,
  memberId: number,
  action: string,
  from: readonly MemberStatus[],
  refusal: string,
  change: (member: CampaignMember, transaction: Transaction) => Promise<MemberChange>,
): Promise<CampaignMember> {
  return CampaignMember.sequelize!.transaction(async (transaction) => {
    const member = await CampaignMember.findByPk(memberId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!member) throw new BusinessRuleError('campaignMemberNotFound', { id: memberId });
    if (!from.includes(member.status)) throw new BusinessRuleError(refusal);
    const before = member.get({ plain: true, clone: true });
    await member.update(await change(member, transaction), { transaction });
    await recordAudit(actor, { action, resource: 'campaign_members', recordId: member.id, before, after: member.get({ plain: true, clone: true }) }, transaction);
    return member;
  });
}

function appendNote(existing: string | null, note: string | null): string | null {
  if (!note) return existing;
  return existing ? `${existing}\n${note}` : note;
}
