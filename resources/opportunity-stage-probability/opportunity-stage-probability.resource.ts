import type { ResourceWithOptions } from 'adminjs';
import { OpportunityStageProbability } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { readOnly, timestamps } from '../shared/presets.js';

/**
 * 阶段赢单概率: the stages are fixed, their probability is the administrators' to set; every
 * opportunity follows it (the weighted funnel with it). Won 100 and lost 0 are fixed by the database.
 */
export const createOpportunityStageProbabilityResource = (): ResourceWithOptions => ({
  resource: OpportunityStageProbability,
  options: {
    navigation: navigation.sales,
    titleProperty: 'stage',
    listProperties: ['stage', 'probability', 'updated_at'],
    showProperties: ['stage', 'probability', 'updated_at'],
    editProperties: ['probability'],
    sort: { sortBy: 'position', direction: 'asc' },
    properties: {
      stage: readOnly,
      position: { isVisible: false },
      ...timestamps,
      updated_at: { ...timestamps.updated_at, isVisible: { list: true, filter: false, show: true, edit: false } },
    },
    actions: withBuiltInActions({}, { disabled: ['new', 'delete', 'bulkDelete'] }),
  },
});
