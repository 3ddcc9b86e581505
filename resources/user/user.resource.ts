import type { ResourceWithOptions } from 'adminjs';
import { User } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { hashNewPassword } from './user.actions.js';

export const createUserResource = (): ResourceWithOptions => ({
  resource: User,
  options: {
    navigation: navigation.collaboration,
    titleProperty: 'name',
    listProperties: ['name', 'email', 'title', 'role_id', 'branch_id', 'team_id', 'active'],
    filterProperties: ['name', 'email', 'role_id', 'branch_id', 'team_id', 'active'],
    sort: { sortBy: 'name', direction: 'asc' },
    properties: {
      password_hash: { isVisible: false },
      password: { type: 'password', isVisible: { list: false, filter: false, show: false, edit: true } },
      password_changed_at: { isVisible: { list: false, filter: false, show: true, edit: false } },
      last_login_at: { isVisible: { list: false, filter: false, show: true, edit: false } },
      created_at: { isVisible: { list: false, filter: false, show: true, edit: false } },
      updated_at: { isVisible: { list: false, filter: false, show: true, edit: false } },
    },
    actions: {
      new: { before: hashNewPassword },
      edit: { before: hashNewPassword },
    },
  },
});
