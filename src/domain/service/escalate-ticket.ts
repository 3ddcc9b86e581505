import { ESCALATION_TARGETS } from '../../models/ticket.model.js';
import type { Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { changeTicket } from './change-ticket.js';
import { requiredText } from './form-text.js';

export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

/**
 * A problem the service team cannot settle goes to the production plant (a batch out of spec) or
 * the research institute (an application question), with a note saying what they must look at.
 */
export async function escalateTicket(actor: Actor, ticketId: number, input: { escalatedTo: unknown; note: unknown }) {
  return changeTicket(
    actor,
    ticketId,
    { action: 'escalate', from: ['assigned', 'in_progress'], refusal: 'ticketEscalateRefused' },
    () => {
      if (!ESCALATION_TARGETS.includes(input.escalatedTo as EscalationTarget)) {
        throw new BusinessRuleError('ticketEscalationTargetRequired', {}, 'escalated_to');
      }
      const note = requiredText(input.note, 'ticketEscalationNoteRequired', 'escalation_note');
      return { status: 'escalated', escalated_to: input.escalatedTo as EscalationTarget, escalation_note: note };
    },
  );
}
