import type { MigrationFn } from './migration.js';

/**
 * The order screen reads each line's price and free stock through quoteOrderLines while an order is
 * typed: every role an administrator let create or edit orders may use it. (A new installation gets
 * it from the default matrix; this reaches the matrices already edited.)
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    UPDATE role_permissions SET actions = array_append(actions, 'quoteOrderLines'), updated_at = now()
     WHERE resource = 'sales_orders' AND actions && ARRAY['new', 'edit']::text[] AND NOT 'quoteOrderLines' = ANY (actions)
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`UPDATE role_permissions SET actions = array_remove(actions, 'quoteOrderLines') WHERE resource = 'sales_orders'`);
};
