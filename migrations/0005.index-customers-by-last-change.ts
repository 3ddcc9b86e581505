import type { MigrationFn } from './migration.js';

/**
 * The customer list opens sorted by last change, newest first, with the id breaking ties (the nightly
 * analysis touches every customer at once, so ties are the rule). Measured by npm run bench on 20 000
 * customers: the first page from 8.7 ms to 0.5 ms.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query('CREATE INDEX customers_updated_at_id_idx ON customers (updated_at DESC, id DESC)');
  await sequelize.query('DROP INDEX customers_updated_at_idx');
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query('CREATE INDEX customers_updated_at_idx ON customers (updated_at)');
  await sequelize.query('DROP INDEX customers_updated_at_id_idx');
};
