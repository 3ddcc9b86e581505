import type { Actor } from '../../audit/audit-log.js';
import { changeTicket } from './change-ticket.js';
import { optionalText } from './form-text.js';
import { slaDueAt } from './ticket-sla.js';

/**
 * The problem came back. The ticket returns to its agent (or to the queue when it had none) and
 * gets a fresh SLA from now: the customer is waiting again from this moment. The old resolution,
 * rating and feedback are cleared from the ticket; the audit log keeps them.
 */
export async function reopenTicket(actor: Actor, ticketId: number, input: { reason?: unknown } = {}, now: Date = new Date()) {
  const reason = optionalText(input.reason);
  return changeTicket(
    actor,
    ticketId,
    { action: 'reopen', from: ['resolved', 'closed'], refusal: 'ticketReopenRefused' },
    (ticket) => ({
      status: ticket.assignee_id ? 'in_progress' : 'new',
      resolution: null,
      resolved_at: null,
      closed_at: null,
      satisfaction: null,
      feedback: null,
      sla_due_at: slaDueAt(ticket.priority, now),
    }),
    reason ? { reason } : undefined,
  );
}
