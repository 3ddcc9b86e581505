import type { ResourceWithOptions } from 'adminjs';
import { Branch } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { textarea, timestamps } from '../shared/presets.js';

/** Head office, branches (分公司), representative offices (代表处) and gas stations, as a tree. */
export const createBranchResource = (): ResourceWithOptions => ({
  resource: Branch,
  options: {
    navigation: navigation.collaboration,
    titleProperty: 'name',
    listProperties: ['code', 'name', 'kind', 'region', 'parent_id', 'phone'],
    filterProperties: ['code', 'name', 'kind', 'region', 'parent_id', 'phone'],
    sort: { sortBy: 'code', direction: 'asc' },
    properties: {
      address: textarea,
      ...timestamps,
    },
    actions: withBuiltInActions(),
  },
});
