import type { CAMPAIGN_STATUSES } from '../../models/campaign.model.js';
import type { StateTable } from './state-table.js';

type Status = (typeof CAMPAIGN_STATUSES)[number];

/**
 * 营销活动. Planned, it is still being designed. Once launched (active) its criteria and template
 * are what the members were chosen and mailed by: only its name, budget, end date and description
 * change. Completed or cancelled, it is over. Members are added or removed while it is planned or
 * active; their status follows delivery and responses.
 */
export const CAMPAIGN_STATES: StateTable<Status> = {
  resource: 'campaigns',
  stateField: 'status',
  initialState: 'planned',
  workflowFields: ['launched_at'],
  editable: { planned: 'all', active: ['name', 'budget', 'end_date', 'description'], completed: [], cancelled: [] },
  deletable: ['planned'],
  children: { resource: 'campaign_members', foreignKey: 'campaign_id', openIn: ['planned', 'active'] },
  // Ended or called off from the form; active only comes from launching.
  formSteps: { planned: ['cancelled'], active: ['completed', 'cancelled'] },
};

/**
 * planned → active is the launch (it queues the e-mails); a campaign is ended or called off from its
 * form, by choosing completed or cancelled.
 */
export const CAMPAIGN_STEPS: Record<Status, readonly Status[]> = {
  planned: ['active', 'cancelled'],
  active: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};
