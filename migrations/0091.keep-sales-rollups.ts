import type { MigrationFn } from './migration.js';

/**
 * The statistics page's sales figures from rollups instead of the orders: revenue and orders per
 * order day × branch × owner, and revenue, tons and lines per order day × branch × owner × product
 * category. At 1 000 000 orders the page summed every order line of the period on each request
 * (revenue by category alone took 2.1–2.4 s); a year of rollup rows is a few thousand.
 *
 * Kept by triggers, so every way an order or a line changes (the workflow steps, a form, an
 * import, an amendment, a merge, a user deleted and their orders left without owner) updates them
 * in the same transaction as the change itself: they are exact, never "as of the last refresh".
 * An order counts while its status is one the revenue figure counts (src/domain/figures:
 * confirmed, shipped, delivered, closed); the rollups test checks this list against that one.
 *
 * The rollups carry the order's own branch_id and owner_id, so the orders' row-scope condition
 * applies to them as written (src/access/authorisation/row-scopes.ts).
 *
 * The top customers are not rolled up: a customer orders a few times a year, so a rollup by
 * customer and day would be as large as the orders. They are summed from a covering index of the
 * revenue orders by day instead, read without touching the table.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    -- No CHECK on the counts: PostgreSQL checks the row an upsert proposes, and a change taken out
    -- is proposed as a negative one before it meets the row it subtracts from.
    CREATE TABLE sales_daily_revenue (
      order_date date NOT NULL,
      branch_id  integer NOT NULL,
      owner_id   integer,
      orders     integer NOT NULL,
      revenue    numeric(16,2) NOT NULL,
      CONSTRAINT sales_daily_revenue_key UNIQUE NULLS NOT DISTINCT (order_date, branch_id, owner_id)
    );
    CREATE TABLE sales_daily_category_revenue (
      order_date  date NOT NULL,
      branch_id   integer NOT NULL,
      owner_id    integer,
      category_id integer NOT NULL,
      lines       integer NOT NULL,
      revenue     numeric(16,2) NOT NULL,
      -- unscaled: a line in kg is a thousandth of a ton, and rounding each would not add up
      tons        numeric NOT NULL,
      CONSTRAINT sales_daily_category_revenue_key UNIQUE NULLS NOT DISTINCT (order_date, branch_id, owner_id, category_id)
    );

    CREATE FUNCTION counts_as_revenue(status text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
      SELECT status IN ('confirmed', 'shipped', 'delivered', 'closed')
    $$;

    CREATE FUNCTION line_tons(quantity numeric, unit text) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE unit WHEN 'ton' THEN quantity WHEN 'kg' THEN quantity / 1000 ELSE 0 END
    $$;

    -- Adds an order's figures to the rollups (sign 1) or takes them out (sign -1); with_lines also
    -- its lines as they are now, by product category.
    CREATE FUNCTION roll_up_sales_order(o sales_orders, sign integer, with_lines boolean) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO sales_daily_revenue AS r (order_date, branch_id, owner_id, orders, revenue)
      VALUES (o.order_date, o.branch_id, o.owner_id, sign, sign * o.total_amount)
      ON CONFLICT (order_date, branch_id, owner_id)
        DO UPDATE SET orders = r.orders + EXCLUDED.orders, revenue = r.revenue + EXCLUDED.revenue;
      DELETE FROM sales_daily_revenue r
       WHERE r.order_date = o.order_date AND r.branch_id = o.branch_id AND r.owner_id IS NOT DISTINCT FROM o.owner_id AND r.orders = 0;
      IF with_lines THEN
        INSERT INTO sales_daily_category_revenue AS r (order_date, branch_id, owner_id, category_id, lines, revenue, tons)
        SELECT o.order_date, o.branch_id, o.owner_id, p.category_id, sign * count(*), sign * sum(i.amount), sign * sum(line_tons(i.quantity, p.unit))
          FROM sales_order_items i JOIN products p ON p.id = i.product_id
         WHERE i.order_id = o.id
         GROUP BY p.category_id
        ON CONFLICT (order_date, branch_id, owner_id, category_id)
          DO UPDATE SET lines = r.lines + EXCLUDED.lines, revenue = r.revenue + EXCLUDED.revenue, tons = r.tons + EXCLUDED.tons;
        DELETE FROM sales_daily_category_revenue r
         WHERE r.order_date = o.order_date AND r.branch_id = o.branch_id AND r.owner_id IS NOT DISTINCT FROM o.owner_id AND r.lines = 0;
      END IF;
    END $$;

    -- Adds one line to its order's category figures (sign 1) or takes it out (sign -1), if the order counts.
    CREATE FUNCTION roll_up_sales_order_line(line sales_order_items, sign integer) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      o sales_orders;
      p products;
    BEGIN
      SELECT * INTO o FROM sales_orders WHERE id = line.order_id;
      -- No order: it is being deleted, and its BEFORE DELETE trigger took its lines out already.
      IF NOT FOUND OR NOT counts_as_revenue(o.status) THEN RETURN; END IF;
      SELECT * INTO p FROM products WHERE id = line.product_id;
      -- The order's daily row first, as an order's own change takes it: two transactions on one
      -- owner's day then queue on it instead of deadlocking on category rows taken in other orders.
      PERFORM 1 FROM sales_daily_revenue r
        WHERE r.order_date = o.order_date AND r.branch_id = o.branch_id AND r.owner_id IS NOT DISTINCT FROM o.owner_id FOR UPDATE;
      INSERT INTO sales_daily_category_revenue AS r (order_date, branch_id, owner_id, category_id, lines, revenue, tons)
      VALUES (o.order_date, o.branch_id, o.owner_id, p.category_id, sign, sign * line.amount, sign * line_tons(line.quantity, p.unit))
      ON CONFLICT (order_date, branch_id, owner_id, category_id)
        DO UPDATE SET lines = r.lines + EXCLUDED.lines, revenue = r.revenue + EXCLUDED.revenue, tons = r.tons + EXCLUDED.tons;
      DELETE FROM sales_daily_category_revenue r
       WHERE r.order_date = o.order_date AND r.branch_id = o.branch_id AND r.owner_id IS NOT DISTINCT FROM o.owner_id
         AND r.category_id = p.category_id AND r.lines = 0;
    END $$;

    CREATE FUNCTION roll_up_sales_orders() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      old_counts boolean := TG_OP <> 'INSERT' AND counts_as_revenue(OLD.status);
      new_counts boolean := TG_OP <> 'DELETE' AND counts_as_revenue(NEW.status);
    BEGIN
      IF TG_OP = 'UPDATE' AND old_counts AND new_counts AND (OLD.order_date, OLD.branch_id, OLD.owner_id) IS NOT DISTINCT FROM (NEW.order_date, NEW.branch_id, NEW.owner_id) THEN
        -- Same day, branch and owner: only the total can have moved (its lines moved the line figures).
        IF OLD.total_amount <> NEW.total_amount THEN
          UPDATE sales_daily_revenue r SET revenue = r.revenue + NEW.total_amount - OLD.total_amount
           WHERE r.order_date = NEW.order_date AND r.branch_id = NEW.branch_id AND r.owner_id IS NOT DISTINCT FROM NEW.owner_id;
        END IF;
      ELSE
        IF old_counts THEN PERFORM roll_up_sales_order(OLD, -1, true); END IF;
        IF new_counts THEN PERFORM roll_up_sales_order(NEW, 1, true); END IF;
      END IF;
      RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
    END $$;

    CREATE FUNCTION roll_up_sales_order_items() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN PERFORM roll_up_sales_order_line(OLD, -1); END IF;
      IF TG_OP <> 'DELETE' THEN PERFORM roll_up_sales_order_line(NEW, 1); END IF;
      RETURN NULL;
    END $$;

    -- A product moved to another category, or measured in another unit: its lines move with it.
    CREATE FUNCTION roll_up_product_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      moved record;
    BEGIN
      FOR moved IN SELECT * FROM (VALUES (OLD.category_id, OLD.unit::text, -1), (NEW.category_id, NEW.unit::text, 1)) AS m(category_id, unit, sign) LOOP
        INSERT INTO sales_daily_category_revenue AS r (order_date, branch_id, owner_id, category_id, lines, revenue, tons)
        SELECT o.order_date, o.branch_id, o.owner_id, moved.category_id, moved.sign * count(*), moved.sign * sum(i.amount),
               moved.sign * sum(line_tons(i.quantity, moved.unit))
          FROM sales_order_items i JOIN sales_orders o ON o.id = i.order_id
         WHERE i.product_id = NEW.id AND counts_as_revenue(o.status)
         GROUP BY o.order_date, o.branch_id, o.owner_id
        ON CONFLICT (order_date, branch_id, owner_id, category_id)
          DO UPDATE SET lines = r.lines + EXCLUDED.lines, revenue = r.revenue + EXCLUDED.revenue, tons = r.tons + EXCLUDED.tons;
      END LOOP;
      DELETE FROM sales_daily_category_revenue r WHERE r.category_id = OLD.category_id AND r.lines = 0;
      RETURN NULL;
    END $$;

    -- Named to run after the state rules (triggers run in name order): an order they refuse never reaches the rollups.
    CREATE TRIGGER sales_orders_to_rollups AFTER INSERT OR UPDATE ON sales_orders
      FOR EACH ROW EXECUTE FUNCTION roll_up_sales_orders();
    -- Before, so its lines are still there to take out; the cascade that deletes them then finds no order.
    CREATE TRIGGER sales_orders_to_rollups_on_delete BEFORE DELETE ON sales_orders
      FOR EACH ROW EXECUTE FUNCTION roll_up_sales_orders();
    CREATE TRIGGER sales_order_items_to_rollups AFTER INSERT OR UPDATE OR DELETE ON sales_order_items
      FOR EACH ROW EXECUTE FUNCTION roll_up_sales_order_items();
    CREATE TRIGGER products_to_rollups AFTER UPDATE OF category_id, unit ON products
      FOR EACH ROW WHEN (OLD.category_id IS DISTINCT FROM NEW.category_id OR OLD.unit IS DISTINCT FROM NEW.unit)
      EXECUTE FUNCTION roll_up_product_change();

    -- Recomputes both rollups from the orders: here, and after data written with the triggers off
    -- (a bulk load under session_replication_role = replica, as the benchmark's scale-up does).
    CREATE FUNCTION rebuild_sales_rollups() RETURNS void LANGUAGE sql AS $$
      DELETE FROM sales_daily_revenue;
      DELETE FROM sales_daily_category_revenue;
      INSERT INTO sales_daily_revenue (order_date, branch_id, owner_id, orders, revenue)
      SELECT order_date, branch_id, owner_id, count(*), sum(total_amount)
        FROM sales_orders WHERE counts_as_revenue(status)
       GROUP BY order_date, branch_id, owner_id;
      INSERT INTO sales_daily_category_revenue (order_date, branch_id, owner_id, category_id, lines, revenue, tons)
      SELECT o.order_date, o.branch_id, o.owner_id, p.category_id, count(*), sum(i.amount), sum(line_tons(i.quantity, p.unit))
        FROM sales_orders o JOIN sales_order_items i ON i.order_id = o.id JOIN products p ON p.id = i.product_id
       WHERE counts_as_revenue(o.status)
       GROUP BY o.order_date, o.branch_id, o.owner_id, p.category_id;
    $$;
    SELECT rebuild_sales_rollups();

    CREATE INDEX sales_orders_revenue_by_day_idx ON sales_orders (order_date) INCLUDE (customer_id, total_amount, owner_id, branch_id)
      WHERE status IN ('confirmed', 'shipped', 'delivered', 'closed');

    -- TRUNCATE fires no row triggers: start the rollups again from what is left.
    CREATE FUNCTION rebuild_sales_rollups_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM rebuild_sales_rollups();
      RETURN NULL;
    END $$;
    CREATE TRIGGER sales_orders_truncated_to_rollups AFTER TRUNCATE ON sales_orders
      FOR EACH STATEMENT EXECUTE FUNCTION rebuild_sales_rollups_after_truncate();
    CREATE TRIGGER sales_order_items_truncated_to_rollups AFTER TRUNCATE ON sales_order_items
      FOR EACH STATEMENT EXECUTE FUNCTION rebuild_sales_rollups_after_truncate();
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    DROP TRIGGER sales_order_items_truncated_to_rollups ON sales_order_items;
    DROP TRIGGER sales_orders_truncated_to_rollups ON sales_orders;
    DROP FUNCTION rebuild_sales_rollups_after_truncate();
    DROP INDEX sales_orders_revenue_by_day_idx;
    DROP TRIGGER products_to_rollups ON products;
    DROP TRIGGER sales_order_items_to_rollups ON sales_order_items;
    DROP TRIGGER sales_orders_to_rollups_on_delete ON sales_orders;
    DROP TRIGGER sales_orders_to_rollups ON sales_orders;
    DROP FUNCTION rebuild_sales_rollups(), roll_up_product_change(), roll_up_sales_order_items(), roll_up_sales_orders(),
                  roll_up_sales_order_line(sales_order_items, integer), roll_up_sales_order(sales_orders, integer, boolean),
                  line_tons(numeric, text), counts_as_revenue(text);
    DROP TABLE sales_daily_category_revenue, sales_daily_revenue;
  `);
};
