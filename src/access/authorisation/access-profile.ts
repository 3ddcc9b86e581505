import { QueryTypes } from 'sequelize';
import { User } from '../../models/index.js';
import type { RowScope } from '../../models/role-permission.model.js';

export interface ResourcePermission {
  actions: ReadonlySet<string>;
  scope: RowScope;
  hiddenFields: ReadonlySet<string>;
}

/**
 * Everything an access decision needs about one employee. Cached per user and access version
 * (profile-cache.ts), so a change to the matrix, a role or the user applies to the next request.
 */
export interface AccessProfile {
  userId: number;
  email: string;
  roleCode: string;
  /** The language the employee last chose in the panel. */
  locale: 'zh-CN' | 'en';
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
  // One round trip, and only when the access version moved since the profile was cached.
  const [row] = await User.sequelize!.query<ProfileRow>(PROFILE_SQL, { bind: [userId], type: QueryTypes.SELECT });
  if (!row || !row.active) return null;
  return {
    userId: row.id,
    email: row.email,
    roleCode: row.role_code,
    locale: row.locale,
    branchId: row.branch_id,
    teamId: row.team_id,
    branchIds: row.branch_ids,
    teamMemberIds: row.team_member_ids,
    permissions: new Map(
      row.permissions.map((permission) => [
        permission.resource,
        { actions: new Set(permission.actions), scope: permission.scope, hiddenFields: new Set(permission.hidden_fields) },
      ]),
    ),
  };
}

interface ProfileRow {
  id: number;
  email: string;
  role_code: string;
  locale: 'zh-CN' | 'en';
  branch_id: number | null;
  team_id: number | null;
  active: boolean;
  branch_ids: number[];
  team_member_ids: number[];
  permissions: Array<{ resource: string; actions: string[]; scope: RowScope; hidden_fields: string[] }>;
}

const PROFILE_SQL = `
  WITH RECURSIVE me AS (
    SELECT u.id, u.email, u.role_id, r.code AS role_code, u.locale, u.branch_id, u.team_id, u.active
      FROM users u JOIN roles r ON r.id = u.role_id
     WHERE u.id = $1
  ), subtree AS (
    SELECT id FROM branches WHERE id = (SELECT branch_id FROM me)
    UNION SELECT b.id FROM branches b JOIN subtree s ON b.parent_id = s.id
  )
  SELECT me.id, me.email, me.role_code, me.locale, me.branch_id, me.team_id, me.active,
         ARRAY(SELECT id FROM subtree ORDER BY id) AS branch_ids,
         ARRAY(SELECT id FROM users WHERE team_id = me.team_id OR id = me.id ORDER BY id) AS team_member_ids,
         COALESCE((SELECT json_agg(json_build_object('resource', p.resource, 'actions', p.actions, 'scope', p.scope,
                                                     'hidden_fields', p.hidden_fields))
                     FROM role_permissions p WHERE p.role_id = me.role_id), '[]'::json) AS permissions
    FROM me`;
