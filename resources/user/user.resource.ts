import type { ResourceWithOptions } from 'adminjs';
import { User } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { readOnly, timestamps } from '../shared/presets.js';
import { userActions } from './user.actions.js';

export const createUserResource = (): ResourceWithOptions => ({
  resource: User,
  options: {
    navigation: navigation.collaboration,
    titleProperty: 'name',
    listProperties: ['name', 'email', 'title', 'role_id', 'branch_id', 'team_id', 'active'],
    filterProperties: ['name', 'email', 'phone', 'title', 'role_id', 'branch_id', 'team_id', 'active'],
    sort: { sortBy: 'name', direction: 'asc' },
    properties: {
      // The form's password becomes the hash (user.actions.ts): a refusal of the hash belongs next to it.
      password_hash: { isVisible: false, custom: { errorsShownOn: 'password' } },
      password: { type: 'password', isVisible: { list: false, filter: false, show: false, edit: true } },
      // Written by the password hook with the new hash, so hidden from the form but not read-only.
      password_changed_at: { isVisible: { list: false, filter: false, show: true, edit: false } },
      last_login_at: readOnly,
      ...timestamps,
    },
    actions: withBuiltInActions(userActions),
  },
});
