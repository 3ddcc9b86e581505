import type { OPPORTUNITY_STAGES } from '../../models/opportunity.model.js';
import type { StateTable } from './state-table.js';

type Stage = (typeof OPPORTUNITY_STAGES)[number];

/**
 * 销售机会. While open, the rep keeps it up to date; the stage moves by the pipeline actions and the
 * probability follows the stage (opportunity_stage_probabilities, set by administrators). Won or
 * lost, it is history: its amount is what the order was made from, so only notes change.
 */
export const OPPORTUNITY_STATES: StateTable<Stage> = {
  resource: 'opportunities',
  stateField: 'stage',
  initialState: 'lead',
  workflowFields: ['probability', 'lost_reason', 'closed_at'],
  editable: { lead: 'all', qualified: 'all', proposal: 'all', negotiation: 'all', won: ['notes'], lost: ['notes'] },
  deletable: ['lead', 'qualified', 'proposal', 'negotiation'],
};

/** One step along the pipeline, or an outcome from any open stage. */
export const OPPORTUNITY_STEPS: Record<Stage, readonly Stage[]> = {
  lead: ['qualified', 'won', 'lost'],
  qualified: ['proposal', 'won', 'lost'],
  proposal: ['negotiation', 'won', 'lost'],
  negotiation: ['won', 'lost'],
  won: [],
  lost: [],
};
