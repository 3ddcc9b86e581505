import type { ResourceWithOptions } from 'adminjs';
import { Opportunity } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { money, quantity, readOnly, textarea, timestamps } from '../shared/presets.js';
import { opportunityActions } from './opportunity.actions.js';

export const createOpportunityResource = (): ResourceWithOptions => ({
  resource: Opportunity,
  options: {
    navigation: navigation.sales,
    titleProperty: 'title',
    listProperties: ['title', 'customer_id', 'stage', 'amount', 'probability', 'expected_close', 'owner_id'],
    filterProperties: ['title', 'customer_id', 'product_id', 'stage', 'owner_id', 'branch_id', 'expected_close'],
    sort: { sortBy: 'updated_at', direction: 'desc' },
    properties: {
      amount: money,
      quantity: quantity({ reference: 'product_id' }),
      // The stage moves through the pipeline actions: winning creates the order, losing needs a reason;
      // the probability follows the stage (阶段赢单概率, set by administrators).
      stage: readOnly,
      probability: readOnly,
      lost_reason: { ...textarea, ...readOnly },
      notes: textarea,
      closed_at: readOnly,
      ...timestamps,
    },
    actions: withBuiltInActions(opportunityActions),
  },
});
