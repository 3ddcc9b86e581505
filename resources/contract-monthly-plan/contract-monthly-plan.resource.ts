import type { ResourceWithOptions } from 'adminjs';
import { ContractMonthlyPlan } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { readOnly, textarea, timestamps } from '../shared/presets.js';

/**
 * 月度提货计划: made for a whole contract by its "generate monthly plans" action; the customer's
 * nomination for a month is then entered here, within the band PostgreSQL checks.
 */
export const createContractMonthlyPlanResource = (): ResourceWithOptions => ({
  resource: ContractMonthlyPlan,
  options: {
    navigation: navigation.sales,
    listProperties: ['contract_id', 'month', 'min_quantity', 'planned_quantity', 'max_quantity'],
    filterProperties: ['contract_id', 'month', 'planned_quantity'],
    sort: { sortBy: 'month', direction: 'desc' },
    properties: {
      // Which contract and month a plan is for is fixed when it is made.
      contract_id: { isVisible: { list: true, filter: true, show: true, edit: false } },
      month: readOnly,
      notes: textarea,
      ...timestamps,
    },
    actions: withBuiltInActions({}, { disabled: ['new'] }),
  },
});
