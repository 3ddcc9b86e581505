import type { ResourceWithOptions } from 'adminjs';
import { ProductCategory } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { timestamps } from '../shared/presets.js';

/** The category tree (树脂 → 聚乙烯 → LLDPE): each node names its parent. */
export const createProductCategoryResource = (): ResourceWithOptions => ({
  resource: ProductCategory,
  options: {
    navigation: navigation.productsAndStock,
    titleProperty: 'name',
    listProperties: ['code', 'name', 'parent_id', 'sort_order'],
    filterProperties: ['code', 'name', 'parent_id'],
    sort: { sortBy: 'sort_order', direction: 'asc' },
    properties: { ...timestamps },
    actions: withBuiltInActions(),
  },
});
