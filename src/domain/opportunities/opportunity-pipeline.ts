import type { Transaction } from 'sequelize';
import { Opportunity } from '../../models/index.js';
import type { OPPORTUNITY_STAGES } from '../../models/opportunity.model.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';

export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

/** The stages a sale goes through before it is won or lost, in order. */
export const OPEN_STAGES = ['lead', 'qualified', 'proposal', 'negotiation'] as const satisfies readonly OpportunityStage[];

/** Loads an opportunity that is still open and holds its row until the transaction ends. */
export async function lockOpenOpportunity(opportunityId: number, transaction: Transaction): Promise<Opportunity> {
  const opportunity = await Opportunity.findByPk(opportunityId, { transaction, lock: transaction.LOCK.UPDATE });
  if (!opportunity) throw new BusinessRuleError('opportunityNotFound', { id: opportunityId });
  if (!(OPEN_STAGES as readonly OpportunityStage[]).includes(opportunity.stage)) {
    throw new BusinessRuleError('opportunityClosed', { opportunity: opportunity.title });
  }
  return opportunity;
}
