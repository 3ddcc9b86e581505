import type { ResourceWithOptions } from 'adminjs';
import { Contract } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { businessCode, money, quantity, type RelatedList, showWithRelatedLists, textarea, timestamps } from '../shared/presets.js';
import { contractActions } from './contract.actions.js';

/** A contract's page lists its monthly plans and its orders. */
export const contractRelatedLists: RelatedList[] = [
  {
    resourceId: 'contract_monthly_plans', label: 'monthlyPlans', foreignKey: 'contract_id',
    params: { sortBy: 'month', direction: 'asc', perPage: '24' },
    columns: ['month', 'min_quantity', 'planned_quantity', 'max_quantity', 'notes'],
  },
  {
    resourceId: 'sales_orders', label: 'contractOrders', foreignKey: 'contract_id',
    params: { sortBy: 'order_date', direction: 'desc', perPage: '10' },
    columns: ['order_no', 'order_date', 'status', 'total_amount', 'warehouse_id'],
  },
];

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
      monthly_min_quantity: { ...quantity({ column: 'unit' }), description: 'monthlyBandHelp' },
      monthly_max_quantity: quantity({ column: 'unit' }),
      notes: textarea,
      ...timestamps,
    },
    actions: withBuiltInActions({ show: showWithRelatedLists(contractRelatedLists), ...contractActions }),
  },
});
