import { Opportunity } from '../../models/index.js';
import type { Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { lockOpenOpportunity, OPEN_STAGES, type OpportunityStage } from './opportunity-pipeline.js';
import { updateOpportunity } from './update-opportunity.js';

export interface AdvancedOpportunity {
  opportunity: Opportunity;
  from: OpportunityStage;
}

/**
 * 推进阶段: one step along the pipeline; the probability follows the stage (the administrators'
 * opportunity_stage_probabilities, applied by PostgreSQL). From negotiation
 * the next step is an outcome, which the users record with "won" or "lost" instead.
 */
export async function advanceOpportunityStage(opportunityId: number, actor: Actor): Promise<AdvancedOpportunity> {
  return Opportunity.sequelize!.transaction(async (transaction) => {
    const opportunity = await lockOpenOpportunity(opportunityId, transaction);
    const from = opportunity.stage;
    const next = OPEN_STAGES[OPEN_STAGES.indexOf(from as (typeof OPEN_STAGES)[number]) + 1];
    if (!next) throw new BusinessRuleError('opportunityAtLastStage', { opportunity: opportunity.title });
    await updateOpportunity(actor, 'advanceOpportunityStage', opportunity, { stage: next }, transaction);
    return { opportunity, from };
  });
}
