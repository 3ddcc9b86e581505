import type { Actor } from '../../audit/audit-log.js';
import { changeTicket } from './change-ticket.js';

/** The assigned agent starts working the ticket. */
export async function startTicket(actor: Actor, ticketId: number) {
  return changeTicket(actor, ticketId, { action: 'start', from: ['assigned'], refusal: 'ticketStartRefused' }, () => ({ status: 'in_progress' }));
}
