import { QueryTypes } from 'sequelize';
import { Ticket } from '../../models/index.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import type { DataScope } from '../../access/authorisation/data-scope.js';
import { batchCertificate, type BatchCertificate } from '../quality/batch-certificate.js';
import { batchRecipients, type BatchRecipient } from '../quality/batch-recipients.js';

export type { BatchRecipient } from '../quality/batch-recipients.js';

export interface TicketBatchTrace {
  ticket: Ticket;
  /** The batch the complaint names, with its certificate; null if no stock of it was ever recorded. */
  batch: BatchCertificate | null;
  recipients: BatchRecipient[];
}

/**
/**
 * A quality complaint traced to its batch (the product and batch number it names), the batch's
 * certificate of analysis, and every customer the batch went to within the caller's scope: a
 * problem in one delivery is a problem in all of them, so these are the customers to warn or recall.
 * A ticket outside the caller's scope is no ticket of theirs to trace.
 */
export async function traceTicketBatch(scope: DataScope, ticketId: number): Promise<TicketBatchTrace> {
  const [reachable] = await Ticket.sequelize!.query<{ id: number }>(`SELECT t.id FROM tickets t WHERE t.id = $1 AND ${scope.rowsOf('tickets', 't.id')}`, {
    bind: [ticketId],
    type: QueryTypes.SELECT,
  });
  const ticket = reachable ? await Ticket.findByPk(ticketId) : null;
  if (!ticket) throw new BusinessRuleError('ticketNotFound', { id: ticketId });
  if (!ticket.batch_no) throw new BusinessRuleError('traceNeedsBatch', { ticketNo: ticket.ticket_no }, 'batch_no');
  if (!ticket.product_id) throw new BusinessRuleError('traceNeedsProduct', { ticketNo: ticket.ticket_no }, 'product_id');
  const batch = await batchCertificate({ productId: ticket.product_id, batchNo: ticket.batch_no });
  return { ticket, batch, recipients: batch ? await batchRecipients(batch.batch_id, scope) : [] };
}
