import type { Transaction } from 'sequelize';
import { Campaign } from '../../models/index.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';

/** A campaign locked for this transaction, refused when it is over (completed or cancelled). */
export async function lockOpenCampaign(campaignId: number, transaction: Transaction): Promise<Campaign> {
  const campaign = await Campaign.findByPk(campaignId, { transaction, lock: transaction.LOCK.UPDATE });
  if (!campaign) throw new BusinessRuleError('campaignNotFound', { id: campaignId });
  if (campaign.status === 'completed' || campaign.status === 'cancelled') throw new BusinessRuleError('campaignClosed', { name: campaign.name });
  return campaign;
}
