import type { ActionContext, ActionRequest, ResourceOptions } from 'adminjs';
import { describeResources, readPermissionMatrix, saveRolePermissions, type MatrixCell } from '../../src/access/authorisation/permission-matrix.js';
import { resourceActionsOf } from '../../src/access/authorisation/resource-actions.js';
import { staffActor } from '../../src/access/authorisation/current-access.js';
import { refusalNotice } from '../workflow/workflow-action.js';
import { Components } from './role.components.js';

/** The permission matrix: GET reads it, POST saves one role's row of it. */
async function editPermissions(request: ActionRequest, _response: unknown, context: ActionContext) {
  const resources = describeResources(resourceActionsOf(context._admin));
  if (request.method !== 'post') return { matrix: await readPermissionMatrix(resources) };

  const { roleId, cells } = JSON.parse(String(request.payload?.matrix ?? '{}')) as { roleId: number; cells: Record<string, MatrixCell> };
  try {
    const saved = await saveRolePermissions(staffActor(context.currentAdmin), Number(roleId), cells ?? {}, resources);
    return { matrix: await readPermissionMatrix(resources), notice: { message: 'permissionsSaved', type: 'success', options: { count: saved } } };
  } catch (error) {
    return { notice: refusalNotice(error) };
  }
}

export const roleActions: NonNullable<ResourceOptions['actions']> = {
  editPermissions: {
    actionType: 'resource',
    icon: 'Lock',
    component: Components.PermissionMatrix,
    showFilter: false,
    handler: editPermissions,
  },
};
