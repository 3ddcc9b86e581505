import type { Transaction } from 'sequelize';
import type { Opportunity } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';

type OpportunityChanges = Partial<Pick<Opportunity, 'stage' | 'closed_at' | 'lost_reason'>>;

/**
 * Writes an opportunity's new stage and the audit row with the fields before and after, read back
 * so the probability is the one PostgreSQL gave the stage.
 */
export async function updateOpportunity(
  actor: Actor,
  action: string,
  opportunity: Opportunity,
  changes: OpportunityChanges,
  transaction: Transaction,
  details?: Record<string, unknown>,
): Promise<void> {
  const before = opportunity.get({ plain: true, clone: true });
  await opportunity.update(changes, { transaction });
  await opportunity.reload({ transaction });
  await recordAudit(actor, { action, resource: 'opportunities', recordId: opportunity.id, before, after: opportunity.get({ plain: true }), details }, transaction);
}
