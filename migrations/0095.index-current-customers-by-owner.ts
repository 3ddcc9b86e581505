import type { MigrationFn } from './migration.js';

/**
 * A representative's customer list: their current customers (a merged-away duplicate is none, so
 * every list reads merged_into_id IS NULL), newest change first, and its total counted up to the
 * point where it becomes an estimate. The index on owner_id alone cannot answer the merged_into_id
 * condition, so the bounded count read half of the customers table (4 067 pages, 23 ms at 100 000
 * customers, one rep owning 18 338) where this partial index reads 9 pages (0.7 ms). The full
 * index stays: the row scopes of contacts, orders and every table under a customer ask for the
 * rep's customers merged or not.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    CREATE INDEX customers_current_owner_id_updated_at_id_idx ON customers (owner_id, updated_at DESC, id DESC) WHERE merged_into_id IS NULL;
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query('DROP INDEX customers_current_owner_id_updated_at_id_idx');
};
