import type { MigrationFn } from './migration.js';

/**
 * The two explicit steps that may change records their state has frozen, each written down:
 * - an amendment of a confirmed order (its lines and total change, its reservation follows);
 * - a merge of a duplicate customer (its orders, tickets and memberships move to the survivor).
 * Each row carries the transaction that made it (xact_id), so the state-rule triggers of 0023 can
 * let exactly that transaction through and no other.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    CREATE TABLE sales_order_amendments (
      id             serial PRIMARY KEY,
      order_id       integer NOT NULL REFERENCES sales_orders(id) ON DELETE CASCADE,
      reason         text NOT NULL CHECK (btrim(reason) <> ''),
      total_before   numeric(14,2) NOT NULL,
      total_after    numeric(14,2),
      lines_before   jsonb NOT NULL,
      lines_after    jsonb,
      amended_by_id  integer REFERENCES users(id) ON DELETE SET NULL,
      xact_id        xid8 NOT NULL DEFAULT pg_current_xact_id(),
      created_at     timestamptz NOT NULL DEFAULT now(),
      updated_at     timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX sales_order_amendments_order_id_idx ON sales_order_amendments (order_id);
    CREATE INDEX sales_order_amendments_amended_by_id_idx ON sales_order_amendments (amended_by_id);

    CREATE TABLE customer_merges (
      id             serial PRIMARY KEY,
      survivor_id    integer NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      duplicate_id   integer NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      merged_by_id   integer REFERENCES users(id) ON DELETE SET NULL,
      xact_id        xid8 NOT NULL DEFAULT pg_current_xact_id(),
      created_at     timestamptz NOT NULL DEFAULT now(),
      updated_at     timestamptz NOT NULL DEFAULT now(),
      CHECK (survivor_id <> duplicate_id)
    );
    CREATE INDEX customer_merges_survivor_id_idx ON customer_merges (survivor_id);
    CREATE INDEX customer_merges_duplicate_id_idx ON customer_merges (duplicate_id);
    CREATE INDEX customer_merges_merged_by_id_idx ON customer_merges (merged_by_id);
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query('DROP TABLE customer_merges, sales_order_amendments');
};
