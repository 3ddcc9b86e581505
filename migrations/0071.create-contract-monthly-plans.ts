import type { MigrationFn } from './migration.js';

/**
 * 月度提货计划: a term contract commits the customer to lift between a minimum and a maximum each
 * month, and each month of the period has its plan (the customer's nomination within that band,
 * usually reported by the 25th of the month before). What was lifted is not stored: it is the
 * shipments of the contract's orders, so it can never disagree with the stock ledger.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    ALTER TABLE contracts
      ADD COLUMN monthly_min_quantity numeric(14,3) CHECK (monthly_min_quantity >= 0),
      ADD COLUMN monthly_max_quantity numeric(14,3) CHECK (monthly_max_quantity > 0),
      ADD CONSTRAINT contracts_monthly_band CHECK (
        (monthly_min_quantity IS NULL) = (monthly_max_quantity IS NULL) AND (monthly_min_quantity IS NULL OR monthly_min_quantity <= monthly_max_quantity)),
      ADD CONSTRAINT contracts_id_customer_key UNIQUE (id, customer_id);

    -- An order draws on its own customer's contract. Checked at commit, so merging two customers
    -- (contracts first, then orders) passes through no moment where they disagree. Orders written
    -- before the rule are left as they are (NOT VALID) until their contract or customer changes.
    ALTER TABLE sales_orders ADD CONSTRAINT sales_orders_contract_of_customer
      FOREIGN KEY (contract_id, customer_id) REFERENCES contracts (id, customer_id) DEFERRABLE INITIALLY DEFERRED NOT VALID;

    CREATE TABLE contract_monthly_plans (
      id                serial PRIMARY KEY,
      contract_id       integer NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
      month             date NOT NULL CONSTRAINT contract_monthly_plans_first_of_month CHECK (month = date_trunc('month', month)::date),
      min_quantity      numeric(14,3) NOT NULL CHECK (min_quantity >= 0),
      planned_quantity  numeric(14,3) NOT NULL,
      max_quantity      numeric(14,3) NOT NULL CHECK (max_quantity > 0),
      notes             text,
      created_at        timestamptz NOT NULL DEFAULT now(),
      updated_at        timestamptz NOT NULL DEFAULT now(),
      UNIQUE (contract_id, month),
      CONSTRAINT contract_monthly_plans_min_within CHECK (min_quantity <= planned_quantity),
      CONSTRAINT contract_monthly_plans_max_within CHECK (planned_quantity <= max_quantity)
    );
    CREATE INDEX contract_monthly_plans_month_idx ON contract_monthly_plans (month);

    -- A plan is for a month the contract runs in.
    CREATE FUNCTION contract_monthly_plan_in_period() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM contracts c WHERE c.id = NEW.contract_id
                        AND NEW.month BETWEEN date_trunc('month', c.start_date)::date AND c.end_date) THEN
        RAISE EXCEPTION 'month % is outside the period of contract %', NEW.month, NEW.contract_id
          USING ERRCODE = 'check_violation', CONSTRAINT = 'contract_monthly_plans_first_of_month', TABLE = 'contract_monthly_plans';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER contract_monthly_plans_in_period BEFORE INSERT OR UPDATE OF month, contract_id ON contract_monthly_plans
      FOR EACH ROW EXECUTE FUNCTION contract_monthly_plan_in_period();
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    DROP TABLE contract_monthly_plans;
    DROP FUNCTION contract_monthly_plan_in_period();
    ALTER TABLE sales_orders DROP CONSTRAINT sales_orders_contract_of_customer;
    ALTER TABLE contracts DROP CONSTRAINT contracts_id_customer_key, DROP CONSTRAINT contracts_monthly_band,
      DROP COLUMN monthly_min_quantity, DROP COLUMN monthly_max_quantity;
  `);
};
