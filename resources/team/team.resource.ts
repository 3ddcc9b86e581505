import type { ResourceWithOptions } from 'adminjs';
import { Team } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { timestamps } from '../shared/presets.js';

export const createTeamResource = (): ResourceWithOptions => ({
  resource: Team,
  options: {
    navigation: navigation.collaboration,
    titleProperty: 'name',
    listProperties: ['name', 'branch_id', 'leader_id', 'updated_at'],
    filterProperties: ['name', 'branch_id', 'leader_id'],
    sort: { sortBy: 'name', direction: 'asc' },
    properties: {
      // teams and users refer to each other, so the model leaves this foreign key undeclared.
      leader_id: { reference: 'users' },
      ...timestamps,
      updated_at: { ...timestamps.updated_at, isVisible: { list: true, filter: true, show: true, edit: false } },
    },
    actions: withBuiltInActions(),
  },
});
