import type { ResourceWithOptions } from 'adminjs';
import { createBranchResource } from './branch/branch.resource.js';
import { createTeamResource } from './team/team.resource.js';
import { createUserResource } from './user/user.resource.js';
import { createRoleResource } from './role/role.resource.js';

/** Every resource of the panel, in menu order. */
export function createResources(): ResourceWithOptions[] {
  return [createBranchResource(), createTeamResource(), createUserResource(), createRoleResource()];
}
