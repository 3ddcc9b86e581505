import type { ResourceWithOptions } from 'adminjs';
import { Role } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { textarea, timestamps } from '../shared/presets.js';
import { roleActions } from './role.actions.js';

export const createRoleResource = (): ResourceWithOptions => ({
  resource: Role,
  options: {
    navigation: navigation.system,
    titleProperty: 'name',
    listProperties: ['code', 'name', 'description', 'updated_at'],
    filterProperties: ['code', 'name'],
    sort: { sortBy: 'code', direction: 'asc' },
    properties: {
      description: textarea,
      ...timestamps,
      updated_at: { ...timestamps.updated_at, isVisible: { list: true, filter: true, show: true, edit: false } },
    },
    actions: withBuiltInActions(roleActions),
  },
});
