import type { ResourceWithOptions } from 'adminjs';
import { EmailMessage } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { readOnly, textarea, timestamps } from '../shared/presets.js';
import { emailMessageActions } from './email-message.actions.js';

/** The outbox: what was queued, sent or failed. Delivery state is the mailer's to write. */
export const createEmailMessageResource = (): ResourceWithOptions => ({
  resource: EmailMessage,
  options: {
    navigation: navigation.marketing,
    titleProperty: 'subject',
    listProperties: ['created_at', 'to_address', 'subject', 'status', 'attempts', 'campaign_id', 'sent_at'],
    filterProperties: ['to_address', 'subject', 'status', 'campaign_id', 'customer_id', 'template_id', 'sent_at', 'created_at'],
    sort: { sortBy: 'created_at', direction: 'desc' },
    properties: {
      body: { ...textarea, props: { rows: 10 } },
      status: readOnly,
      attempts: readOnly,
      last_error: { ...textarea, ...readOnly },
      next_attempt_at: readOnly,
      sent_at: readOnly,
      ...timestamps,
      created_at: { ...timestamps.created_at, isVisible: { list: true, filter: true, show: true, edit: false } },
    },
    actions: withBuiltInActions(emailMessageActions),
  },
});
