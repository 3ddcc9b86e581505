import type { MigrationFn } from './migration.js';

/**
 * 客户终身价值 (CLV) on the customer, recomputed with the customer analysis: the margin earned to
 * date, the margin still expected from the customer's order rhythm and churn state, and their sum.
 * Stored rather than computed per page, so lists sort and the dashboard ranks by it, and the
 * permission matrix can hide it like any other field (it reveals margins).
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    ALTER TABLE customers
      ADD COLUMN margin_to_date numeric(16,2) NOT NULL DEFAULT 0,
      ADD COLUMN expected_margin numeric(16,2) NOT NULL DEFAULT 0,
      ADD COLUMN lifetime_value numeric(16,2) NOT NULL DEFAULT 0,
      ADD COLUMN lifetime_value_at timestamptz,
      ADD CONSTRAINT customers_lifetime_value_sum CHECK (lifetime_value = margin_to_date + expected_margin);
    CREATE INDEX customers_lifetime_value_idx ON customers (lifetime_value DESC, id DESC);
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    ALTER TABLE customers DROP CONSTRAINT customers_lifetime_value_sum,
      DROP COLUMN margin_to_date, DROP COLUMN expected_margin, DROP COLUMN lifetime_value, DROP COLUMN lifetime_value_at;
  `);
};
