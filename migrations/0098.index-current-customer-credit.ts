import type { MigrationFn } from './migration.js';

/**
 * The credit watch (信用预警: the dashboard's count and highest uses, and its own screen) compares
 * every current customer's credit limit with its balance (customer_balances). The customers' rows
 * are wide (name, address, analysis fields: 62 MB at 100 000), so reading their limits meant reading
 * the whole table; this index holds only what the watch and the row scopes read (the limit, the
 * owner, the branch) for current customers, so the scan is an index-only scan of a few megabytes.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    CREATE INDEX customers_current_credit_idx ON customers (id) INCLUDE (credit_limit, owner_id, branch_id) WHERE merged_into_id IS NULL
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query('DROP INDEX customers_current_credit_idx');
};
