import type { MigrationFn } from './migration.js';

/**
 * On a database whose permission matrix was written before credit control existed, the roles that
 * confirm orders would find over-limit orders refused with no way to ask for approval, and managers
 * without the watch list. New resources get their default rows at start; these are new actions on
 * existing rows, granted once here as the defaults of src/access/default-permissions.ts have them
 * (an administrator may take them away in the matrix). On a new database there are no rows yet and
 * this changes nothing.
 */
const GRANTS: Array<[role: string, resource: string, action: string]> = [
  ['sales_rep', 'sales_orders', 'requestCreditApproval'],
  ['sales_manager', 'sales_orders', 'requestCreditApproval'],
  ['sales_rep', 'customers', 'creditWatchList'],
  ['sales_manager', 'customers', 'creditWatchList'],
  ['readonly_manager', 'customers', 'creditWatchList'],
];

export const up: MigrationFn = async ({ context: sequelize }) => {
  for (const [role, resource, action] of GRANTS) {
    await sequelize.query(
      `UPDATE role_permissions p SET actions = array_append(p.actions, $3), updated_at = now()
         FROM roles r
        WHERE r.id = p.role_id AND r.code = $1 AND p.resource = $2 AND 'list' = ANY(p.actions) AND NOT $3 = ANY(p.actions)`,
      { bind: [role, resource, action] },
    );
  }
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  for (const [role, resource, action] of GRANTS) {
    await sequelize.query(
      `UPDATE role_permissions p SET actions = array_remove(p.actions, $3) FROM roles r WHERE r.id = p.role_id AND r.code = $1 AND p.resource = $2`,
      { bind: [role, resource, action] },
    );
  }
};
