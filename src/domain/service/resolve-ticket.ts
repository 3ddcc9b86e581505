import type { Actor } from '../../audit/audit-log.js';
import { changeTicket } from './change-ticket.js';
import { requiredText } from './form-text.js';

/** The problem is settled; what was done is written down, because the customer may ask again. */
export async function resolveTicket(actor: Actor, ticketId: number, input: { resolution: unknown }, now: Date = new Date()) {
  return changeTicket(
    actor,
    ticketId,
    { action: 'resolve', from: ['assigned', 'in_progress', 'escalated'], refusal: 'ticketResolveRefused' },
    () => ({ status: 'resolved', resolution: requiredText(input.resolution, 'resolutionRequired', 'resolution'), resolved_at: now }),
  );
}
