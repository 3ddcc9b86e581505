import type { MigrationFn } from './migration.js';

/**
 * The statistics page's customer figures (the mix by grade and status, churn per branch, customers
 * at risk) from counts per branch × owner × grade × status of the current customers, instead of a
 * scan of every customer per figure per request (the customers table is the widest of the database:
 * 174 MB at 100 000 customers). Like the sales rollups (0091), the counts carry the customers'
 * owner_id and branch_id, so their row scope applies as written, and triggers keep them in the
 * transaction of every change: a form, an import, a merge (a merged-away duplicate leaves them),
 * the nightly analysis that regrades customers (only rows whose counted columns change fire).
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    CREATE TABLE customer_counts (
      branch_id integer NOT NULL,
      owner_id  integer,
      grade     char(1),
      status    varchar(20) NOT NULL,
      customers integer NOT NULL,
      CONSTRAINT customer_counts_key UNIQUE NULLS NOT DISTINCT (branch_id, owner_id, grade, status)
    );

    -- Counts a customer in (sign 1) or out (sign -1), if it is a current one.
    CREATE FUNCTION count_customer(c customers, sign integer) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      IF c.merged_into_id IS NOT NULL THEN RETURN; END IF;
      INSERT INTO customer_counts AS n (branch_id, owner_id, grade, status, customers)
      VALUES (c.branch_id, c.owner_id, c.grade, c.status, sign)
      ON CONFLICT (branch_id, owner_id, grade, status) DO UPDATE SET customers = n.customers + EXCLUDED.customers;
      DELETE FROM customer_counts n
       WHERE n.branch_id = c.branch_id AND n.owner_id IS NOT DISTINCT FROM c.owner_id AND n.grade IS NOT DISTINCT FROM c.grade
         AND n.status = c.status AND n.customers = 0;
    END $$;

    CREATE FUNCTION customers_to_counts() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN PERFORM count_customer(OLD, -1); END IF;
      IF TG_OP <> 'DELETE' THEN PERFORM count_customer(NEW, 1); END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER customers_to_counts AFTER INSERT OR DELETE ON customers
      FOR EACH ROW EXECUTE FUNCTION customers_to_counts();
    CREATE TRIGGER customers_changed_to_counts AFTER UPDATE OF branch_id, owner_id, grade, status, merged_into_id ON customers
      FOR EACH ROW WHEN ((OLD.branch_id, OLD.owner_id, OLD.grade, OLD.status, OLD.merged_into_id)
                         IS DISTINCT FROM (NEW.branch_id, NEW.owner_id, NEW.grade, NEW.status, NEW.merged_into_id))
      EXECUTE FUNCTION customers_to_counts();

    -- Recounts every customer: here, after a load with triggers off, and after a truncation.
    CREATE FUNCTION rebuild_customer_counts() RETURNS void LANGUAGE sql AS $$
      DELETE FROM customer_counts;
      INSERT INTO customer_counts (branch_id, owner_id, grade, status, customers)
      SELECT branch_id, owner_id, grade, status, count(*) FROM customers WHERE merged_into_id IS NULL
       GROUP BY branch_id, owner_id, grade, status;
    $$;
    SELECT rebuild_customer_counts();

    CREATE FUNCTION rebuild_customer_counts_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM rebuild_customer_counts();
      RETURN NULL;
    END $$;
    CREATE TRIGGER customers_truncated_to_counts AFTER TRUNCATE ON customers
      FOR EACH STATEMENT EXECUTE FUNCTION rebuild_customer_counts_after_truncate();
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    DROP TRIGGER customers_truncated_to_counts ON customers;
    DROP TRIGGER customers_changed_to_counts ON customers;
    DROP TRIGGER customers_to_counts ON customers;
    DROP FUNCTION rebuild_customer_counts_after_truncate(), rebuild_customer_counts(), customers_to_counts(), count_customer(customers, integer);
    DROP TABLE customer_counts;
  `);
};
