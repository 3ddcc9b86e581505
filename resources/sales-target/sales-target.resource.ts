import type { ResourceWithOptions } from 'adminjs';
import { SalesTarget } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { Components } from '../component-loader.js';
import { money, textarea, timestamps } from '../shared/presets.js';
import { SalesTargetComponents } from './sales-target.components.js';

/**
 * 销售目标: per month, for a representative, a team or a branch (the level says which field names
 * it). A representative's or team's target belongs to their branch, set by PostgreSQL. Target
 * against actual is on the dashboard, by the revenue definition every figure there uses.
 */
export const createSalesTargetResource = (): ResourceWithOptions => ({
  resource: SalesTarget,
  options: {
    navigation: navigation.sales,
    listProperties: ['month', 'level', 'user_id', 'team_id', 'branch_id', 'target_tons', 'target_revenue'],
    filterProperties: ['month', 'level', 'user_id', 'team_id', 'branch_id'],
    sort: { sortBy: 'month', direction: 'desc' },
    properties: {
      month: {
        description: 'targetMonthHint',
        components: { edit: SalesTargetComponents.MonthEdit, list: SalesTargetComponents.MonthValue, show: SalesTargetComponents.MonthValue },
      },
      user_id: { description: 'targetSubjectHint' },
      team_id: { description: 'targetSubjectHint' },
      branch_id: { description: 'targetBranchHint' },
      // In tons, the unit every target is set in.
      target_tons: { components: { list: Components.QuantityValue, show: Components.QuantityValue } },
      target_revenue: money,
      notes: textarea,
      ...timestamps,
    },
    actions: withBuiltInActions(),
  },
});
