import type { ResourceWithOptions } from 'adminjs';
import { CustomerFeedback } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { textarea, timestamps } from '../shared/presets.js';

export const createCustomerFeedbackResource = (): ResourceWithOptions => ({
  resource: CustomerFeedback,
  options: {
    navigation: navigation.customers,
    titleProperty: 'content',
    listProperties: ['received_at', 'customer_id', 'channel', 'category', 'rating', 'status', 'handled_by_id'],
    filterProperties: ['customer_id', 'channel', 'category', 'rating', 'status', 'content', 'handled_by_id', 'ticket_id', 'received_at'],
    sort: { sortBy: 'received_at', direction: 'desc' },
    properties: {
      content: textarea,
      ...timestamps,
    },
    actions: withBuiltInActions(),
  },
});
