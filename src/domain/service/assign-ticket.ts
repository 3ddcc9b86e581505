import { Role, User } from '../../models/index.js';
import type { Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { changeTicket, OPEN_TICKET_STATUSES } from './change-ticket.js';
import { SERVICE_ROLE } from './service-agents.js';

/**
 * Hands a ticket to a service agent. A new ticket becomes assigned; an open one being worked or
 * escalated changes hands and keeps its status.
 */
export async function assignTicket(actor: Actor, ticketId: number, input: { assigneeId: unknown }) {
  return changeTicket(
    actor,
    ticketId,
    { action: 'assign', from: OPEN_TICKET_STATUSES, refusal: 'ticketAssignRefused' },
    async (ticket, transaction) => {
      const assigneeId = Number(input.assigneeId);
      if (!Number.isInteger(assigneeId) || assigneeId <= 0) throw new BusinessRuleError('ticketAssigneeRequired', {}, 'assignee_id');
      const assignee = await User.findByPk(assigneeId, { include: [{ model: Role, as: 'role' }], transaction });
      const role = assignee?.get('role') as Role | undefined;
      if (!assignee || !assignee.active || role?.code !== SERVICE_ROLE) {
        throw new BusinessRuleError('ticketAssigneeNotAgent', {}, 'assignee_id');
      }
      return { assignee_id: assignee.id, status: ticket.status === 'new' ? 'assigned' : ticket.status };
    },
  );
}
