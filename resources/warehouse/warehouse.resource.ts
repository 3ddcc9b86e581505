import type { ResourceWithOptions } from 'adminjs';
import { Warehouse } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { textarea, timestamps } from '../shared/presets.js';

export const createWarehouseResource = (): ResourceWithOptions => ({
  resource: Warehouse,
  options: {
    navigation: navigation.productsAndStock,
    titleProperty: 'name',
    listProperties: ['code', 'name', 'kind', 'branch_id', 'manager_id', 'active'],
    filterProperties: ['code', 'name', 'kind', 'branch_id', 'manager_id', 'active'],
    sort: { sortBy: 'code', direction: 'asc' },
    properties: {
      address: textarea,
      ...timestamps,
    },
    actions: withBuiltInActions(),
  },
});
