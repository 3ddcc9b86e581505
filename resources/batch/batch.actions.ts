import type { ResourceOptions } from 'adminjs';
import { batchCertificate } from '../../src/domain/quality/batch-certificate.js';
import { batchRecipients } from '../../src/domain/quality/batch-recipients.js';
import { BusinessRuleError } from '../../src/errors/business-rule-error.js';
import { staffDataScope } from '../../src/access/authorisation/current-access.js';
import { batchTraceAction } from './batch-trace-action.js';

/** 批次追溯: the batch's certificate and every customer it went to, as far as the employee reaches. */
export const batchActions: NonNullable<ResourceOptions['actions']> = {
  traceRecipients: batchTraceAction({
    load: async (batchId, context) => {
      const batch = await batchCertificate({ id: batchId });
      if (!batch) throw new BusinessRuleError('batchNotFound', { id: batchId });
      return { batch, recipients: await batchRecipients(batchId, staffDataScope(context.currentAdmin)) };
    },
  }),
};
