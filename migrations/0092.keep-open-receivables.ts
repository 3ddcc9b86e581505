import type { MigrationFn } from './migration.js';

/**
 * What each order still owes, kept beside the orders: one row per confirmed-or-later order whose
 * payments do not cover its total (src/domain/credit/receivables.ts defines the figure and reads
 * it from here). The credit check, the watch list, the aging view and the dashboard used to sum
 * every order's payments on each request (4 s for the aging figure at 1 000 000 orders); paid
 * orders, most of a company's history, now leave this table.
 *
 * Kept by triggers on the orders and the payments, in the same transaction as the change, by
 * recomputing the order's one row from the order and its payments: exact whoever writes. Each
 * customer's sums of them (customer_balances: shipped and unpaid, confirmed and unpaid) follow from
 * those rows by a trigger of their own, so the watch list reads one row per customer that owes.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    CREATE TABLE open_receivables (
      order_id    integer PRIMARY KEY,
      customer_id integer NOT NULL,
      branch_id   integer NOT NULL,
      owner_id    integer,
      status      varchar(20) NOT NULL,
      order_date  date NOT NULL,
      shipped_at  timestamptz,
      outstanding numeric(14,2) NOT NULL CHECK (outstanding > 0)
    );
    CREATE INDEX open_receivables_customer_id_idx ON open_receivables (customer_id);
    CREATE INDEX open_receivables_branch_id_idx ON open_receivables (branch_id);
    CREATE INDEX open_receivables_owner_id_idx ON open_receivables (owner_id);

    CREATE FUNCTION refresh_open_receivable(order_key integer) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM open_receivables WHERE order_id = order_key;
      INSERT INTO open_receivables (order_id, customer_id, branch_id, owner_id, status, order_date, shipped_at, outstanding)
      SELECT o.id, o.customer_id, o.branch_id, o.owner_id, o.status, o.order_date, o.shipped_at, o.total_amount - paid.amount
        FROM sales_orders o, LATERAL (SELECT coalesce(sum(p.amount), 0) AS amount FROM payments p WHERE p.order_id = o.id) paid
       WHERE o.id = order_key AND counts_as_revenue(o.status) AND o.total_amount > paid.amount;
    END $$;

    CREATE FUNCTION orders_to_open_receivables() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        DELETE FROM open_receivables WHERE order_id = OLD.id;
      ELSE
        PERFORM refresh_open_receivable(NEW.id);
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER sales_orders_to_open_receivables AFTER INSERT OR DELETE OR UPDATE OF status, total_amount, customer_id, branch_id, owner_id, order_date, shipped_at
      ON sales_orders FOR EACH ROW EXECUTE FUNCTION orders_to_open_receivables();

    CREATE FUNCTION payments_to_open_receivables() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN PERFORM refresh_open_receivable(OLD.order_id); END IF;
      IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.order_id <> OLD.order_id) THEN PERFORM refresh_open_receivable(NEW.order_id); END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER payments_to_open_receivables AFTER INSERT OR UPDATE OR DELETE ON payments
      FOR EACH ROW EXECUTE FUNCTION payments_to_open_receivables();

    CREATE TABLE customer_balances (
      customer_id      integer PRIMARY KEY,
      -- shipped, delivered or closed, and not paid in full
      receivables      numeric(16,2) NOT NULL,
      -- confirmed, not shipped yet, and not paid in full
      confirmed_unpaid numeric(16,2) NOT NULL
    );

    -- Adds one order's open amount to its customer's sums (sign 1) or takes it out (sign -1).
    CREATE FUNCTION add_to_customer_balance(owed open_receivables, sign integer) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO customer_balances AS b (customer_id, receivables, confirmed_unpaid)
      VALUES (owed.customer_id,
              CASE WHEN owed.status = 'confirmed' THEN 0 ELSE sign * owed.outstanding END,
              CASE WHEN owed.status = 'confirmed' THEN sign * owed.outstanding ELSE 0 END)
      ON CONFLICT (customer_id) DO UPDATE
        SET receivables = b.receivables + EXCLUDED.receivables, confirmed_unpaid = b.confirmed_unpaid + EXCLUDED.confirmed_unpaid;
      -- Every open amount is positive: both sums at zero means nothing is owed any more.
      DELETE FROM customer_balances b WHERE b.customer_id = owed.customer_id AND b.receivables = 0 AND b.confirmed_unpaid = 0;
    END $$;

    CREATE FUNCTION open_receivables_to_customer_balances() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN PERFORM add_to_customer_balance(OLD, -1); END IF;
      IF TG_OP <> 'DELETE' THEN PERFORM add_to_customer_balance(NEW, 1); END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER open_receivables_to_customer_balances AFTER INSERT OR UPDATE OR DELETE ON open_receivables
      FOR EACH ROW EXECUTE FUNCTION open_receivables_to_customer_balances();

    -- Recomputes every row: here, and after data written with the triggers off (the benchmark's bulk
    -- load). The customers' sums are summed once at the end rather than row by row.
    CREATE FUNCTION rebuild_open_receivables() RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      TRUNCATE customer_balances, open_receivables;
      ALTER TABLE open_receivables DISABLE TRIGGER open_receivables_to_customer_balances;
      INSERT INTO open_receivables (order_id, customer_id, branch_id, owner_id, status, order_date, shipped_at, outstanding)
      SELECT o.id, o.customer_id, o.branch_id, o.owner_id, o.status, o.order_date, o.shipped_at, o.total_amount - coalesce(paid.amount, 0)
        FROM sales_orders o LEFT JOIN (SELECT order_id, sum(amount) AS amount FROM payments GROUP BY order_id) paid ON paid.order_id = o.id
       WHERE counts_as_revenue(o.status) AND o.total_amount > coalesce(paid.amount, 0);
      ALTER TABLE open_receivables ENABLE TRIGGER open_receivables_to_customer_balances;
      INSERT INTO customer_balances (customer_id, receivables, confirmed_unpaid)
      SELECT customer_id, coalesce(sum(outstanding) FILTER (WHERE status <> 'confirmed'), 0), coalesce(sum(outstanding) FILTER (WHERE status = 'confirmed'), 0)
        FROM open_receivables GROUP BY customer_id;
    END $$;
    SELECT rebuild_open_receivables();

    CREATE FUNCTION rebuild_open_receivables_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM rebuild_open_receivables();
      RETURN NULL;
    END $$;
    CREATE TRIGGER sales_orders_truncated_to_open_receivables AFTER TRUNCATE ON sales_orders
      FOR EACH STATEMENT EXECUTE FUNCTION rebuild_open_receivables_after_truncate();
    CREATE TRIGGER payments_truncated_to_open_receivables AFTER TRUNCATE ON payments
      FOR EACH STATEMENT EXECUTE FUNCTION rebuild_open_receivables_after_truncate();
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    DROP TRIGGER open_receivables_to_customer_balances ON open_receivables;
    DROP FUNCTION open_receivables_to_customer_balances(), add_to_customer_balance(open_receivables, integer);
    DROP TABLE customer_balances;
    DROP TRIGGER payments_truncated_to_open_receivables ON payments;
    DROP TRIGGER sales_orders_truncated_to_open_receivables ON sales_orders;
    DROP TRIGGER payments_to_open_receivables ON payments;
    DROP TRIGGER sales_orders_to_open_receivables ON sales_orders;
    DROP FUNCTION rebuild_open_receivables_after_truncate(), rebuild_open_receivables(), payments_to_open_receivables(),
                  orders_to_open_receivables(), refresh_open_receivable(integer);
    DROP TABLE open_receivables;
  `);
};
