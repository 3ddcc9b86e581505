import type { ResourceWithOptions } from 'adminjs';
import { Activity } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { textarea, timestamps } from '../shared/presets.js';
import { activityActions } from './activity.actions.js';

/** 联系记录 and tasks: what happened with a customer, and what someone has to do by when. */
export const createActivityResource = (): ResourceWithOptions => ({
  resource: Activity,
  options: {
    navigation: navigation.customers,
    titleProperty: 'subject',
    listProperties: ['occurred_at', 'kind', 'subject', 'customer_id', 'assignee_id', 'due_at', 'done'],
    filterProperties: ['kind', 'subject', 'customer_id', 'contact_id', 'opportunity_id', 'owner_id', 'assignee_id', 'due_at', 'done', 'occurred_at'],
    sort: { sortBy: 'occurred_at', direction: 'desc' },
    properties: {
      details: textarea,
      ...timestamps,
    },
    actions: withBuiltInActions(activityActions),
  },
});
