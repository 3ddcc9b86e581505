import type { Transaction } from 'sequelize';
import { Ticket, type TICKET_STATUSES } from '../../models/ticket.model.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';

export type TicketStatus = (typeof TICKET_STATUSES)[number];
type TicketChange = Partial<Pick<Ticket, Exclude<keyof Ticket['_attributes'], 'id' | 'ticket_no' | 'created_at'>>>;

/** Statuses in which a ticket still waits for the service team; the SLA clock runs in these. */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['new', 'assigned', 'in_progress', 'escalated'];

export interface TicketStep {
  /** The audit log's action name, the same as the panel's action. */
  action: string;
  /** Statuses the step may start from. */
  from: readonly TicketStatus[];
  /** Message key shown when the ticket is in any other status. */
  refusal: string;
}

/**
 * One step of a ticket's workflow in one transaction: lock the row (two agents clicking at once see
 * each other's result), check the status, let `change` validate its input and say what changes,
 * save and audit. Any refusal rolls everything back.
 */
export async function changeTicket(
  actor: Actor,
  ticketId: number,
  step: TicketStep,
  change: (ticket: Ticket, transaction: Transaction) => TicketChange | Promise<TicketChange>,
  details?: Record<string, unknown>,
): Promise<Ticket> {
  return Ticket.sequelize!.transaction(async (transaction) => {
    const ticket = await Ticket.findByPk(ticketId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!ticket) throw new BusinessRuleError('ticketNotFound', { id: ticketId });
    if (!step.from.includes(ticket.status)) throw new BusinessRuleError(step.refusal, { ticketNo: ticket.ticket_no });
    const before = ticket.get({ plain: true, clone: true });
    await ticket.update(await change(ticket, transaction), { transaction });
    await recordAudit(actor, { action: step.action, resource: 'tickets', recordId: ticket.id, before, after: ticket.get({ plain: true, clone: true }), details }, transaction);
    return ticket;
  });
}
