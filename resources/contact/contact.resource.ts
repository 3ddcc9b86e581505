import type { ResourceWithOptions } from 'adminjs';
import { Contact } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { characterSearch, textarea, timestamps } from '../shared/presets.js';

export const createContactResource = (): ResourceWithOptions => ({
  resource: Contact,
  options: {
    navigation: navigation.customers,
    titleProperty: 'name',
    listProperties: ['name', 'customer_id', 'title', 'mobile', 'phone', 'email', 'is_primary'],
    filterProperties: ['name', 'customer_id', 'mobile', 'phone', 'email', 'wechat', 'is_primary'],
    sort: { sortBy: 'updated_at', direction: 'desc' },
    properties: {
      name: characterSearch,
      notes: textarea,
      ...timestamps,
    },
    actions: withBuiltInActions(),
  },
});
