import { Opportunity } from '../../models/index.js';
import type { Actor } from '../../audit/audit-log.js';
import { requireText } from '../sales/required-input.js';
import { lockOpenOpportunity } from './opportunity-pipeline.js';
import { updateOpportunity } from './update-opportunity.js';

/** 输单: the sale is lost, and why, so the team can learn from it. */
export async function markOpportunityLost(opportunityId: number, reasonInput: string | null | undefined, actor: Actor): Promise<Opportunity> {
  const reason = requireText(reasonInput, 'lost_reason');
  return Opportunity.sequelize!.transaction(async (transaction) => {
    const opportunity = await lockOpenOpportunity(opportunityId, transaction);
    await updateOpportunity(
      actor,
      'markOpportunityLost',
      opportunity,
      { stage: 'lost', lost_reason: reason, closed_at: new Date() },
      transaction,
      { reason },
    );
    return opportunity;
  });
}
