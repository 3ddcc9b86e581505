import type { ResourceWithOptions } from 'adminjs';
import { Product } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { businessCode, money, quantity, textarea, timestamps } from '../shared/presets.js';

export const createProductResource = (): ResourceWithOptions => ({
  resource: Product,
  options: {
    navigation: navigation.productsAndStock,
    titleProperty: 'name',
    listProperties: ['sku', 'name', 'category_id', 'grade', 'list_price', 'safety_stock', 'active'],
    filterProperties: ['sku', 'name', 'category_id', 'grade', 'unit', 'active'],
    sort: { sortBy: 'sku', direction: 'asc' },
    properties: {
      sku: businessCode,
      specification: textarea,
      description: textarea,
      list_price: money,
      cost_price: money,
      safety_stock: quantity({ column: 'unit' }),
      ...timestamps,
    },
    actions: withBuiltInActions(),
  },
});
