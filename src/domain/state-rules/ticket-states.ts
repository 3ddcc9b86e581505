import type { TICKET_STATUSES } from '../../models/ticket.model.js';
import type { StateTable } from './state-table.js';

type Status = (typeof TICKET_STATUSES)[number];

const OPEN = 'all' as const;

/**
 * 工单. While the service desk works it, what the ticket is about may be corrected; who handles it,
 * the escalation, the resolution and the customer's rating move only through the actions (assign,
 * escalate, resolve, close, reopen). Resolved or closed, it is the record of what was done: only
 * reopening changes it again.
 */
export const TICKET_STATES: StateTable<Status> = {
  resource: 'tickets',
  stateField: 'status',
  initialState: 'new',
  workflowFields: ['assignee_id', 'escalated_to', 'escalation_note', 'sla_due_at', 'resolution', 'resolved_at', 'closed_at', 'satisfaction', 'feedback'],
  editable: { new: OPEN, assigned: OPEN, in_progress: OPEN, escalated: OPEN, resolved: [], closed: [] },
  deletable: ['new'],
};

export const TICKET_STEPS: Record<Status, readonly Status[]> = {
  new: ['assigned'],
  assigned: ['in_progress', 'escalated', 'resolved'],
  in_progress: ['escalated', 'resolved'],
  escalated: ['resolved'],
  resolved: ['closed', 'in_progress', 'new'],
  closed: ['in_progress', 'new'],
};
