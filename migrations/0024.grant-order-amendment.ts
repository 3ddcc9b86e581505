import type { MigrationFn } from './migration.js';

/**
 * Amending a confirmed order is the way to correct one now that its lines are frozen: every role an
 * administrator let confirm orders may amend them too. (A new installation gets it from the default
 * matrix; this reaches the matrices already edited.)
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    UPDATE role_permissions SET actions = array_append(actions, 'amend'), updated_at = now()
     WHERE resource = 'sales_orders' AND 'confirm' = ANY (actions) AND NOT 'amend' = ANY (actions)
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`UPDATE role_permissions SET actions = array_remove(actions, 'amend') WHERE resource = 'sales_orders'`);
};
