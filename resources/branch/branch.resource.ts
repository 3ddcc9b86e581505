import type { ResourceWithOptions } from 'adminjs';
import { Branch } from '../../src/models/index.js';
import { navigation } from '../navigation.js';

export const createBranchResource = (): ResourceWithOptions => ({
  resource: Branch,
  options: {
    navigation: navigation.collaboration,
    titleProperty: 'name',
    listProperties: ['code', 'name', 'kind', 'region', 'parent_id', 'phone'],
    filterProperties: ['code', 'name', 'kind', 'region', 'parent_id'],
    sort: { sortBy: 'code', direction: 'asc' },
    properties: {
      address: { type: 'textarea' },
      created_at: { isVisible: { list: false, filter: false, show: true, edit: false } },
      updated_at: { isVisible: { list: false, filter: false, show: true, edit: false } },
    },
  },
});
