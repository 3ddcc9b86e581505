import type { CAMPAIGN_MEMBER_STATUSES } from '../../models/campaign-member.model.js';
import type { StateTable } from './state-table.js';

type Status = (typeof CAMPAIGN_MEMBER_STATUSES)[number];

/**
 * 活动成员. A member's status follows what happened to them: queued when the launch put their
 * e-mail in the outbox, sent or failed as the outbox delivered it (a trigger on email_messages
 * keeps it so), responded and converted by the response actions. A form changes only who to write
 * to and the notes; a member reached by the campaign stays on its list.
 */
export const CAMPAIGN_MEMBER_STATES: StateTable<Status> = {
  resource: 'campaign_members',
  stateField: 'status',
  initialState: 'targeted',
  workflowFields: ['responded_at', 'converted_at', 'order_id'],
  editable: { targeted: ['contact_id', 'notes'], queued: ['notes'], sent: ['notes'], failed: ['contact_id', 'notes'], responded: ['notes'], converted: ['notes'] },
  deletable: ['targeted'],
};

/**
 * Where a member's status may go, by rank: targeted, then queued or failed (retrying moves between
 * them), then sent, responded, converted. A merge of two customers keeps the furthest of their two
 * memberships, so any step forward is possible; backwards only a retry (failed → queued).
 */
export const CAMPAIGN_MEMBER_RANK: Record<Status, number> = { targeted: 0, queued: 1, failed: 1, sent: 2, responded: 3, converted: 4 };
