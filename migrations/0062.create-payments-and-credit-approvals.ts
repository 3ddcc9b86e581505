import type { MigrationFn } from './migration.js';

/**
 * Credit control. 收款 (payments) are recorded against an order, partial payments allowed, and
 * PostgreSQL refuses more than the order's total or any payment on a cancelled order. 信用审批
 * (credit approvals): an order that would take its customer over the credit limit waits for a
 * manager's decision, with the figures it was asked on, the reasons on both sides, and never
 * decided by whoever asked. Both carry their order's customer, kept equal to it by a composite key
 * on the order (not a key of their own on customers): merging customers moves the orders, and the
 * cascade moves these with them.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    CREATE SEQUENCE payment_no_seq;
    CREATE SEQUENCE credit_approval_no_seq;
    ALTER TABLE sales_orders ADD CONSTRAINT sales_orders_id_customer_id_key UNIQUE (id, customer_id);

    CREATE TABLE payments (
      id              serial PRIMARY KEY,
      payment_no      varchar(20) NOT NULL UNIQUE DEFAULT ('SK' || lpad(nextval('payment_no_seq')::text, 8, '0')) CHECK (payment_no <> ''),
      order_id        integer NOT NULL,
      customer_id     integer NOT NULL,
      amount          numeric(14,2) NOT NULL CHECK (amount > 0),
      received_on     date NOT NULL,
      method          varchar(20) NOT NULL CHECK (method IN ('bank_transfer', 'bank_acceptance', 'cash')),
      reference       varchar(60),
      recorded_by_id  integer REFERENCES users(id) ON DELETE SET NULL,
      notes           text,
      created_at      timestamptz NOT NULL DEFAULT now(),
      updated_at      timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (order_id, customer_id) REFERENCES sales_orders (id, customer_id) ON UPDATE CASCADE ON DELETE RESTRICT
    );
    CREATE INDEX payments_order_id_idx ON payments (order_id);
    CREATE INDEX payments_customer_id_idx ON payments (customer_id);
    CREATE INDEX payments_recorded_by_id_idx ON payments (recorded_by_id);
    CREATE INDEX payments_received_on_idx ON payments (received_on);

    -- The order row is locked while its payments are summed, so two receipts entered at once cannot
    -- together pass the total.
    CREATE FUNCTION refuse_payment_beyond_order_total() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      order_total numeric(14,2);
      order_status varchar(20);
      paid numeric(14,2);
    BEGIN
      SELECT total_amount, status INTO order_total, order_status FROM sales_orders WHERE id = NEW.order_id FOR UPDATE;
      IF order_status = 'cancelled' THEN
        RAISE EXCEPTION 'order % is cancelled: no payment can be recorded against it', NEW.order_id
          USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_order_not_cancelled', COLUMN = 'order_id';
      END IF;
      SELECT coalesce(sum(amount), 0) INTO paid FROM payments WHERE order_id = NEW.order_id AND id <> NEW.id;
      IF paid + NEW.amount > order_total THEN
        RAISE EXCEPTION 'payments of order % would exceed its total %', NEW.order_id, order_total
          USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_within_order_total', COLUMN = 'amount';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER payments_within_order_total BEFORE INSERT OR UPDATE OF amount, order_id ON payments
      FOR EACH ROW EXECUTE FUNCTION refuse_payment_beyond_order_total();

    CREATE TABLE credit_approvals (
      id                serial PRIMARY KEY,
      request_no        varchar(20) NOT NULL UNIQUE DEFAULT ('CA' || lpad(nextval('credit_approval_no_seq')::text, 6, '0')) CHECK (request_no <> ''),
      order_id          integer NOT NULL,
      customer_id       integer NOT NULL,
      status            varchar(20) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
      credit_limit      numeric(14,2) NOT NULL CHECK (credit_limit >= 0),
      receivables       numeric(14,2) NOT NULL CHECK (receivables >= 0),
      confirmed_unpaid  numeric(14,2) NOT NULL CHECK (confirmed_unpaid >= 0),
      order_amount      numeric(14,2) NOT NULL CHECK (order_amount > 0),
      excess            numeric(14,2) NOT NULL CHECK (excess > 0),
      request_reason    text NOT NULL CHECK (btrim(request_reason) <> ''),
      requested_by_id   integer REFERENCES users(id) ON DELETE SET NULL,
      requested_at      timestamptz NOT NULL DEFAULT now(),
      decided_by_id     integer REFERENCES users(id) ON DELETE SET NULL,
      decided_at        timestamptz,
      decision_reason   text,
      owner_id          integer REFERENCES users(id) ON DELETE SET NULL,
      branch_id         integer NOT NULL REFERENCES branches(id) ON DELETE RESTRICT,
      created_at        timestamptz NOT NULL DEFAULT now(),
      updated_at        timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (order_id, customer_id) REFERENCES sales_orders (id, customer_id) ON UPDATE CASCADE ON DELETE RESTRICT,
      CHECK ((status = 'pending') = (decided_at IS NULL)),
      CHECK (status = 'pending' OR btrim(coalesce(decision_reason, '')) <> ''),
      -- Four eyes: the one who asked for the exception does not grant it.
      CHECK (decided_by_id IS NULL OR requested_by_id IS NULL OR decided_by_id <> requested_by_id)
    );
    CREATE UNIQUE INDEX credit_approvals_one_pending_per_order ON credit_approvals (order_id) WHERE status = 'pending';
    CREATE INDEX credit_approvals_order_id_idx ON credit_approvals (order_id);
    CREATE INDEX credit_approvals_customer_id_idx ON credit_approvals (customer_id);
    CREATE INDEX credit_approvals_owner_id_idx ON credit_approvals (owner_id);
    CREATE INDEX credit_approvals_branch_id_idx ON credit_approvals (branch_id);
    CREATE INDEX credit_approvals_requested_by_id_idx ON credit_approvals (requested_by_id);
    CREATE INDEX credit_approvals_decided_by_id_idx ON credit_approvals (decided_by_id);
    CREATE INDEX credit_approvals_status_idx ON credit_approvals (status);
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    DROP TABLE credit_approvals, payments;
    DROP FUNCTION refuse_payment_beyond_order_total();
    ALTER TABLE sales_orders DROP CONSTRAINT sales_orders_id_customer_id_key;
    DROP SEQUENCE payment_no_seq, credit_approval_no_seq;
  `);
};
