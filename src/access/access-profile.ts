import { QueryTypes } from 'sequelize';
import { RolePermission, User } from '../models/index.js';
import type { RowScope } from '../models/role-permission.model.js';

export interface ResourcePermission {
  actions: ReadonlySet<string>;
  scope: RowScope;
  hiddenFields: ReadonlySet<string>;
}

/** Everything an access decision needs about one employee, read fresh from the database per request. */
export interface AccessProfile {
  userId: number;
  email: string;
  roleCode: string;
  branchId: number | null;
  teamId: number | null;
  /** The employee's branch and every branch, office or gas station under it. */
  branchIds: number[];
  /** Everyone in the employee's team, the employee included. */
  teamMemberIds: number[];
  permissions: ReadonlyMap<string, ResourcePermission>;
}

/** The role that may do everything, whatever the matrix says: nobody can lock the company out. */
export const ADMINISTRATOR = 'administrator';

/** Returns null when the user no longer exists or was deactivated: their session must end. */
export async function loadAccessProfile(userId: number): Promise<AccessProfile | null> {
  const sequelize = User.sequelize!;
  const [user] = await sequelize.query<{ id: number; email: string; role_id: number; role_code: string; branch_id: number | null; team_id: number | null; active: boolean }>(
    `SELECT u.id, u.email, u.role_id, r.code AS role_code, u.branch_id, u.team_id, u.active
       FROM users u JOIN roles r ON r.id = u.role_id WHERE u.id = $1`,
    { bind: [userId], type: QueryTypes.SELECT },
  );
  if (!user || !user.active) return null;

  const [branches, team, rows] = await Promise.all([
    sequelize.query<{ id: number }>(
      `WITH RECURSIVE subtree AS (SELECT id FROM branches WHERE id = $1
                                  UNION SELECT b.id FROM branches b JOIN subtree s ON b.parent_id = s.id)
       SELECT id FROM subtree`,
      { bind: [user.branch_id], type: QueryTypes.SELECT },
    ),
    sequelize.query<{ id: number }>('SELECT id FROM users WHERE team_id = $1 OR id = $2', { bind: [user.team_id, user.id], type: QueryTypes.SELECT }),
    RolePermission.findAll({ where: { role_id: user.role_id } }),
  ]);
  return {
    userId: user.id,
    email: user.email,
    roleCode: user.role_code,
    branchId: user.branch_id,
    teamId: user.team_id,
    branchIds: branches.map((branch) => branch.id),
    teamMemberIds: team.map((member) => member.id),
    permissions: new Map(
      rows.map((row) => [row.resource, { actions: new Set(row.actions), scope: row.scope, hiddenFields: new Set(row.hidden_fields) }]),
    ),
  };
}
