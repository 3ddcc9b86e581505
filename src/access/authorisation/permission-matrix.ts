import { Role, RolePermission } from '../../models/index.js';
import { ROW_SCOPES, type RowScope } from '../../models/role-permission.model.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { ADMINISTRATOR } from './access-profile.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { DASHBOARD_RESOURCE, type ResourceActions } from './default-permissions.js';
import { isScopedResource } from './row-scopes.js';

export interface MatrixResource extends ResourceActions {
  /** Whether a row scope means anything here (customers do; products are seen whole). */
  scoped: boolean;
}

export interface MatrixCell {
  actions: string[];
  scope: RowScope;
  hiddenFields: string[];
}

export interface PermissionMatrix {
  roles: Array<{ id: number; code: string; name: string; editable: boolean }>;
  resources: MatrixResource[];
  /** roleId → resource → cell */
  cells: Record<number, Record<string, MatrixCell>>;
}

export function describeResources(resources: ResourceActions[]): MatrixResource[] {
  return [...resources, DASHBOARD_RESOURCE].map((resource) => ({ ...resource, scoped: isScopedResource(resource.id) }));
}

export async function readPermissionMatrix(resources: MatrixResource[]): Promise<PermissionMatrix> {
  const [roles, rows] = await Promise.all([Role.findAll({ order: [['id', 'ASC']] }), RolePermission.findAll()]);
  const cells: PermissionMatrix['cells'] = {};
  for (const role of roles) cells[role.id] = {};
  for (const row of rows) cells[row.role_id][row.resource] = { actions: row.actions, scope: row.scope, hiddenFields: row.hidden_fields };
  return {
    roles: roles.map((role) => ({ id: role.id, code: role.code, name: role.name, editable: role.code !== ADMINISTRATOR })),
    resources,
    cells,
  };
}

/**
 * Replaces one role's row of the matrix in one transaction, with one audit entry holding the whole
 * row before and after. The next request of every user of that role is decided by it.
 */
export async function saveRolePermissions(actor: Actor, roleId: number, cells: Record<string, MatrixCell>, resources: MatrixResource[]): Promise<number> {
  const role = await Role.findByPk(roleId);
  if (!role) throw new BusinessRuleError('roleNotFound');
  if (role.code === ADMINISTRATOR) throw new BusinessRuleError('administratorAlwaysAllowed');
  const known = new Map(resources.map((resource) => [resource.id, resource]));
  const rows = Object.entries(cells).map(([resourceId, cell]) => validCell(resourceId, cell, known.get(resourceId)));

  return RolePermission.sequelize!.transaction(async (transaction) => {
    const previous = await RolePermission.findAll({ where: { role_id: roleId }, transaction, lock: true });
    const before = Object.fromEntries(previous.map((row) => [row.resource, { actions: row.actions, scope: row.scope, hidden_fields: row.hidden_fields }]));
    await RolePermission.destroy({ where: { role_id: roleId }, transaction });
    await RolePermission.bulkCreate(
      rows.map((row) => ({ role_id: roleId, resource: row.resourceId, actions: row.actions, scope: row.scope, hidden_fields: row.hiddenFields })),
      { transaction },
    );
    const after = Object.fromEntries(rows.map((row) => [row.resourceId, { actions: row.actions, scope: row.scope, hidden_fields: row.hiddenFields }]));
    await recordAudit(actor, { action: 'editPermissions', resource: 'roles', recordId: roleId, before, after }, transaction);
    return rows.length;
  });
}

function validCell(resourceId: string, cell: MatrixCell, resource: MatrixResource | undefined) {
  if (!resource) throw new BusinessRuleError('unknownResource', { resource: resourceId });
  if (!ROW_SCOPES.includes(cell.scope)) throw new BusinessRuleError('unknownScope', { scope: String(cell.scope) });
  const actions = [...new Set(cell.actions)];
  const unknownAction = actions.find((action) => !resource.actions.includes(action));
  if (unknownAction) throw new BusinessRuleError('unknownAction', { resource: resourceId, action: unknownAction });
  const hiddenFields = [...new Set(cell.hiddenFields)];
  const unknownField = hiddenFields.find((field) => !resource.fields.includes(field));
  if (unknownField) throw new BusinessRuleError('unknownField', { resource: resourceId, field: unknownField });
  return { resourceId, actions, scope: cell.scope, hiddenFields };
}
