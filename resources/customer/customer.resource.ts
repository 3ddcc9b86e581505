import type { ResourceWithOptions } from 'adminjs';
import { Customer } from '../../src/models/index.js';
import { OPPORTUNITY_STAGES } from '../../src/models/opportunity.model.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { businessCode, characterSearch, computedMoney, money, readOnly, type RelatedList, showWithRelatedLists, textarea, timestamps } from '../shared/presets.js';
import { customerActions } from './customer.actions.js';
import { customerCreditActions } from './customer-credit.actions.js';

const OPEN_STAGES = OPPORTUNITY_STAGES.filter((stage) => stage !== 'won' && stage !== 'lost');

/** What a customer's page lists under its own fields, newest first. */
export const customerRelatedLists: RelatedList[] = [
  {
    resourceId: 'contacts', label: 'relatedContacts', foreignKey: 'customer_id',
    params: { sortBy: 'is_primary', direction: 'desc', perPage: '20' },
    columns: ['name', 'title', 'department', 'mobile', 'phone', 'email', 'is_primary'],
  },
  {
    resourceId: 'sales_orders', label: 'recentOrders', foreignKey: 'customer_id',
    params: { sortBy: 'order_date', direction: 'desc', perPage: '10' },
    columns: ['order_no', 'order_date', 'status', 'total_amount', 'warehouse_id', 'owner_id'],
  },
  {
    resourceId: 'opportunities', label: 'openOpportunities', foreignKey: 'customer_id',
    params: { ...Object.fromEntries(OPEN_STAGES.map((stage, i) => [`filters.stage.${i}`, stage])), sortBy: 'expected_close', direction: 'asc', perPage: '20' },
    columns: ['title', 'stage', 'amount', 'probability', 'expected_close', 'owner_id'],
  },
  {
    resourceId: 'tickets', label: 'relatedTickets', foreignKey: 'customer_id',
    params: { sortBy: 'created_at', direction: 'desc', perPage: '10' },
    columns: ['ticket_no', 'subject', 'kind', 'priority', 'status', 'created_at'],
  },
  {
    resourceId: 'fuel_cards', label: 'customerFuelCards', foreignKey: 'customer_id',
    params: { sortBy: 'kind', direction: 'asc', perPage: '20' },
    columns: ['card_no', 'kind', 'vehicle_plate', 'balance', 'status'],
  },
  {
    resourceId: 'activities', label: 'activityTimeline', foreignKey: 'customer_id',
    params: { sortBy: 'occurred_at', direction: 'desc', perPage: '20' },
    columns: ['occurred_at', 'subject', 'kind', 'owner_id', 'done'],
    timeline: true,
  },
];

export const createCustomerResource = (): ResourceWithOptions => ({
  resource: Customer,
  options: {
    navigation: navigation.customers,
    titleProperty: 'name',
    listProperties: ['code', 'name', 'customer_type', 'region', 'grade', 'status', 'owner_id'],
    filterProperties: ['code', 'name', 'credit_code', 'customer_type', 'region', 'city', 'phone', 'grade', 'status', 'credit_rating', 'owner_id', 'branch_id'],
    sort: { sortBy: 'updated_at', direction: 'desc' },
    properties: {
      code: businessCode,
      name: characterSearch,
      credit_code: { description: 'creditCodeHint' },
      address: textarea,
      notes: textarea,
      credit_limit: money,
      revenue_12m: computedMoney,
      // Computed by the customer analysis (Pareto over 12 months' revenue, days since the last order).
      grade: readOnly,
      status: readOnly,
      recency_score: readOnly,
      frequency_score: readOnly,
      monetary_score: readOnly,
      last_order_on: readOnly,
      analysed_at: readOnly,
      merged_into_id: readOnly,
      // Customer lifetime value, recomputed with the analysis from margins, order rhythm and churn state.
      margin_to_date: computedMoney,
      expected_margin: computedMoney,
      lifetime_value: computedMoney,
      lifetime_value_at: readOnly,
      ...timestamps,
    },
    actions: withBuiltInActions({ show: showWithRelatedLists(customerRelatedLists), ...customerActions, ...customerCreditActions }),
  },
});
