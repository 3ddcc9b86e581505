import type { ResourceWithOptions } from 'adminjs';
import { Team } from '../../src/models/index.js';
import { navigation } from '../navigation.js';

export const createTeamResource = (): ResourceWithOptions => ({
  resource: Team,
  options: {
    navigation: navigation.collaboration,
    titleProperty: 'name',
    listProperties: ['name', 'branch_id', 'leader_id'],
    filterProperties: ['name', 'branch_id'],
    properties: {
      created_at: { isVisible: { list: false, filter: false, show: true, edit: false } },
      updated_at: { isVisible: { list: false, filter: false, show: true, edit: false } },
    },
  },
});
