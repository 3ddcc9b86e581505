import { Ticket } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { slaDueAt, type TicketPriority } from './ticket-sla.js';

/**
 * Gives a ticket saved from a form its SLA due time. A new ticket's clock runs from its creation;
 * when an edit changes the priority the due time is recomputed from the creation too, so raising
 * the priority of an old ticket can make it overdue at once — as the customer sees it. An edit that
 * leaves the priority alone keeps the due time (a reopened ticket keeps its fresh one).
 * `previous` is the ticket as it was before the edit; absent for a new ticket.
 */
export async function applyTicketSla(
  actor: Actor,
  ticketId: number,
  previous?: { priority: TicketPriority },
): Promise<Ticket | null> {
  return Ticket.sequelize!.transaction(async (transaction) => {
    const ticket = await Ticket.findByPk(ticketId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!ticket) return null;
    if (previous && previous.priority === ticket.priority && ticket.sla_due_at) return ticket;
    const before = ticket.get({ plain: true, clone: true });
    await ticket.update({ sla_due_at: slaDueAt(ticket.priority, ticket.created_at) }, { transaction });
    if (before.sla_due_at?.getTime() !== ticket.sla_due_at?.getTime()) {
      await recordAudit(actor, { action: 'applySla', resource: 'tickets', recordId: ticket.id, before, after: ticket.get({ plain: true, clone: true }) }, transaction);
    }
    return ticket;
  });
}
