import type { ActionContext, ActionRequest } from 'adminjs';
import type { BatchCertificate } from '../../src/domain/quality/batch-certificate.js';
import type { BatchRecipient } from '../../src/domain/quality/batch-recipients.js';
import { refusalNotice, visibleWhen, type ActionOptions } from '../workflow/workflow-action.js';
import { BatchComponents } from './batch.components.js';

/** What the BatchTrace screen draws: the batch with its certificate, and who received it. */
export interface BatchTraceAnswer {
  batch: BatchCertificate | null;
  recipients: Array<Omit<BatchRecipient, 'first_shipped_at' | 'last_shipped_at'> & { first_shipped_at: string; last_shipped_at: string }>;
}

/**
 * A read-only record action answering a batch trace (a batch's own page, or a quality complaint
 * naming one): GET only, nothing changes; a refusal the user can fix comes back as a notice.
 */
export function batchTraceAction(spec: {
  isVisible?: (params: Record<string, unknown>) => boolean;
  load: (recordId: number, context: ActionContext) => Promise<{ batch: BatchCertificate | null; recipients: BatchRecipient[] }>;
}): ActionOptions {
  return {
    actionType: 'record',
    icon: 'GitBranch',
    component: BatchComponents.BatchTrace,
    showFilter: false,
    isVisible: spec.isVisible ? visibleWhen(spec.isVisible) : true,
    handler: async (_request: ActionRequest, _response: unknown, context: ActionContext) => {
      const record = context.record!.toJSON(context.currentAdmin);
      try {
        const { batch, recipients } = await spec.load(Number(context.record!.id()), context);
        const trace: BatchTraceAnswer = {
          batch,
          recipients: recipients.map((recipient) => ({
            ...recipient, first_shipped_at: recipient.first_shipped_at.toISOString(), last_shipped_at: recipient.last_shipped_at.toISOString(),
          })),
        };
        return { record, trace };
      } catch (error) {
        return { record, notice: refusalNotice(error) };
      }
    },
  };
}
