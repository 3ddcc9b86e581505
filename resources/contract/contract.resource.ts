import type { ResourceWithOptions } from 'adminjs';
import { Contract } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { businessCode, money, quantity, textarea, timestamps } from '../shared/presets.js';

export const createContractResource = (): ResourceWithOptions => ({
  resource: Contract,
  options: {
    navigation: navigation.sales,
    // "HT000012 2026 年度 LLDPE 供货合同": the number staff quote, and what the contract is about.
    titleProperty: 'display_title',
    listProperties: ['contract_no', 'title', 'customer_id', 'start_date', 'end_date', 'amount', 'status'],
    filterProperties: ['contract_no', 'title', 'customer_id', 'product_id', 'status', 'owner_id', 'branch_id', 'start_date', 'end_date'],
    sort: { sortBy: 'start_date', direction: 'desc' },
    properties: {
      display_title: { type: 'string', isVisible: false, custom: { titleOf: ['contract_no', 'title'] } },
      contract_no: businessCode,
      amount: money,
      committed_quantity: quantity({ column: 'unit' }),
      notes: textarea,
      ...timestamps,
    },
    actions: withBuiltInActions(),
  },
});
