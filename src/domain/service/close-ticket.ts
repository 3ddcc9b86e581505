import type { Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { changeTicket } from './change-ticket.js';
import { optionalText } from './form-text.js';

/** The customer confirmed the resolution: the ticket closes with their satisfaction (1–5) and words. */
export async function closeTicket(actor: Actor, ticketId: number, input: { satisfaction: unknown; feedback?: unknown }, now: Date = new Date()) {
  return changeTicket(actor, ticketId, { action: 'close', from: ['resolved'], refusal: 'ticketCloseRefused' }, () => {
    const satisfaction = typeof input.satisfaction === 'string' && input.satisfaction.trim() !== '' ? Number(input.satisfaction) : input.satisfaction;
    if (typeof satisfaction !== 'number' || !Number.isInteger(satisfaction) || satisfaction < 1 || satisfaction > 5) {
      throw new BusinessRuleError('satisfactionOutOfRange', {}, 'satisfaction');
    }
    return { status: 'closed', satisfaction, feedback: optionalText(input.feedback), closed_at: now };
  });
}
