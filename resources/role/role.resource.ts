import type { ResourceWithOptions } from 'adminjs';
import { Role } from '../../src/models/index.js';
import { navigation } from '../navigation.js';

export const createRoleResource = (): ResourceWithOptions => ({
  resource: Role,
  options: {
    navigation: navigation.system,
    titleProperty: 'name',
    listProperties: ['code', 'name', 'description'],
    properties: {
      description: { type: 'textarea' },
      created_at: { isVisible: { list: false, filter: false, show: true, edit: false } },
      updated_at: { isVisible: { list: false, filter: false, show: true, edit: false } },
    },
  },
});
