import type { ResourceOptions } from 'adminjs';
import { deliverOutbox } from '../../src/domain/marketing/deliver-outbox.js';
import { retryEmail } from '../../src/domain/marketing/retry-email.js';
import { recordWorkflow, resourceWorkflow, type Outcome } from '../workflow/workflow-action.js';

/**
 * The outbox: send what is due now (the background sender does the same every EMAIL_SEND_INTERVAL
 * seconds), and put a failed message back in the queue.
 */
export const emailMessageActions: NonNullable<ResourceOptions['actions']> = {
  sendNow: resourceWorkflow({
    icon: 'Send',
    intro: 'sendOutboxIntro',
    submit: 'sendOutboxButton',
    run: async ({ actor }): Promise<Outcome> => {
      const report = await deliverOutbox({ actor });
      if (!report.configured) return { message: 'outboxNotConfigured', options: { queued: report.queued } };
      return { message: 'outboxDelivered', options: { sent: report.sent, retrying: report.retrying, failed: report.failed, queued: report.queued } };
    },
  }),

  retry: recordWorkflow({
    icon: 'RotateCcw',
    intro: 'retryEmailIntro',
    submit: 'retryEmailButton',
    isVisible: (params) => params.status === 'failed',
    run: async (id, { actor }) => {
      await retryEmail(actor, id);
      return { message: 'emailRequeued' };
    },
  }),
};
