import type { MigrationFn } from './migration.js';

/**
 * Batches become records (批次): the product, the plant that made it, the production date and its
 * certificate of analysis (质检报告, one line per property: spec range, measured value, pass), and
 * the stock of each batch per warehouse.
 *
 * The stock ledger stays the one truth: a movement still names its batch by number, and PostgreSQL
 * links it to the batch record (creating the record on a batch's first movement, as goods arrive
 * before their certificate is keyed in) and keeps batch_stocks equal to the sum of the batch's
 * movements per warehouse, never below zero (a statement of many movements counts as one change per
 * batch and warehouse). Whatever writes the ledger (receipt, shipment,
 * transfer, adjustment, an import, the demo load) therefore keeps the batches right.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    CREATE TABLE batches (
      id               serial PRIMARY KEY,
      product_id       integer NOT NULL REFERENCES products(id) ON DELETE RESTRICT,
      batch_no         varchar(40) NOT NULL CHECK (btrim(batch_no) <> ''),
      -- Known once the plant's certificate arrives; a batch may be received before that.
      plant            varchar(100) CHECK (btrim(plant) <> ''),
      production_date  date,
      certificate_no   varchar(40) CHECK (btrim(certificate_no) <> ''),
      certified_on     date,
      -- Kept by PostgreSQL from the certificate's lines: pending (none yet), passed, failed.
      quality_status   varchar(10) NOT NULL DEFAULT 'pending' CHECK (quality_status IN ('pending', 'passed', 'failed')),
      notes            text,
      created_at       timestamptz NOT NULL DEFAULT now(),
      updated_at       timestamptz NOT NULL DEFAULT now(),
      -- The same number on another product is another batch.
      UNIQUE (product_id, batch_no),
      -- Lets a shipment name its batch and product together, so they cannot disagree.
      UNIQUE (id, product_id),
      CHECK (certified_on IS NULL OR production_date IS NULL OR certified_on >= production_date)
    );
    CREATE INDEX batches_batch_no_idx ON batches (batch_no);
    CREATE INDEX batches_production_date_idx ON batches (production_date);

    CREATE TABLE coa_lines (
      id           serial PRIMARY KEY,
      batch_id     integer NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
      property     varchar(60) NOT NULL CHECK (btrim(property) <> ''),
      unit         varchar(20),
      test_method  varchar(60),
      spec_min     numeric(14,4),
      spec_max     numeric(14,4),
      measured     numeric(14,4) NOT NULL,
      -- Judged by PostgreSQL from the range, so nobody can tick "pass" on a value out of spec.
      passed       boolean GENERATED ALWAYS AS ((spec_min IS NULL OR measured >= spec_min) AND (spec_max IS NULL OR measured <= spec_max)) STORED,
      sort_order   integer NOT NULL DEFAULT 0,
      created_at   timestamptz NOT NULL DEFAULT now(),
      updated_at   timestamptz NOT NULL DEFAULT now(),
      UNIQUE (batch_id, property),
      CONSTRAINT coa_lines_spec_given CHECK (spec_min IS NOT NULL OR spec_max IS NOT NULL),
      CONSTRAINT coa_lines_spec_range CHECK (spec_min IS NULL OR spec_max IS NULL OR spec_min <= spec_max)
    );

    -- Once per statement, for the batches it touched: a certificate of twenty lines keyed in or
    -- loaded at once judges its batch once, not twenty times.
    CREATE FUNCTION refresh_batch_quality_status(touched integer[]) RETURNS void LANGUAGE sql AS $$
      UPDATE batches b
         SET quality_status = CASE WHEN NOT EXISTS (SELECT 1 FROM coa_lines l WHERE l.batch_id = b.id) THEN 'pending'
                                   WHEN EXISTS (SELECT 1 FROM coa_lines l WHERE l.batch_id = b.id AND NOT l.passed) THEN 'failed'
                                   ELSE 'passed' END,
             updated_at = now()
       WHERE b.id = ANY (touched);
    $$;
    CREATE FUNCTION coa_lines_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM refresh_batch_quality_status(ARRAY(SELECT DISTINCT batch_id FROM inserted_lines));
      RETURN NULL;
    END $$;
    CREATE FUNCTION coa_lines_updated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM refresh_batch_quality_status(ARRAY(SELECT batch_id FROM lines_before UNION SELECT batch_id FROM lines_after));
      RETURN NULL;
    END $$;
    CREATE FUNCTION coa_lines_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM refresh_batch_quality_status(ARRAY(SELECT DISTINCT batch_id FROM deleted_lines));
      RETURN NULL;
    END $$;
    CREATE TRIGGER coa_lines_quality_on_insert AFTER INSERT ON coa_lines REFERENCING NEW TABLE AS inserted_lines
      FOR EACH STATEMENT EXECUTE FUNCTION coa_lines_inserted();
    CREATE TRIGGER coa_lines_quality_on_update AFTER UPDATE ON coa_lines REFERENCING OLD TABLE AS lines_before NEW TABLE AS lines_after
      FOR EACH STATEMENT EXECUTE FUNCTION coa_lines_updated();
    CREATE TRIGGER coa_lines_quality_on_delete AFTER DELETE ON coa_lines REFERENCING OLD TABLE AS deleted_lines
      FOR EACH STATEMENT EXECUTE FUNCTION coa_lines_deleted();

    CREATE TABLE batch_stocks (
      id            serial PRIMARY KEY,
      batch_id      integer NOT NULL REFERENCES batches(id) ON DELETE RESTRICT,
      warehouse_id  integer NOT NULL REFERENCES warehouses(id) ON DELETE RESTRICT,
      on_hand       numeric(14,3) NOT NULL DEFAULT 0,
      created_at    timestamptz NOT NULL DEFAULT now(),
      updated_at    timestamptz NOT NULL DEFAULT now(),
      UNIQUE (batch_id, warehouse_id)
    );
    CREATE INDEX batch_stocks_warehouse_id_idx ON batch_stocks (warehouse_id);

    ALTER TABLE stock_movements ADD COLUMN batch_id integer REFERENCES batches(id) ON DELETE RESTRICT;
    CREATE INDEX stock_movements_batch_id_idx ON stock_movements (batch_id);

    -- The ledger written before batches were records.
    INSERT INTO batches (product_id, batch_no, created_at, updated_at)
    SELECT product_id, batch_no, min(occurred_at), min(occurred_at) FROM stock_movements WHERE batch_no IS NOT NULL GROUP BY product_id, batch_no;
    UPDATE stock_movements m SET batch_id = b.id FROM batches b WHERE b.product_id = m.product_id AND b.batch_no = m.batch_no;
    INSERT INTO batch_stocks (batch_id, warehouse_id, on_hand)
    SELECT batch_id, warehouse_id, sum(quantity) FROM stock_movements WHERE batch_id IS NOT NULL GROUP BY batch_id, warehouse_id;
    -- From now on no movement takes a batch below zero. A balance the old ledger already drove below
    -- zero is kept as it was (NOT VALID), for a stock-take to correct.
    ALTER TABLE batch_stocks ADD CONSTRAINT batch_stocks_on_hand_check CHECK (on_hand >= 0) NOT VALID;
    ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_batch_named CHECK ((batch_no IS NULL) = (batch_id IS NULL));

    CREATE FUNCTION stock_movement_batch() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.batch_no IS NULL THEN
        NEW.batch_id := NULL;
        RETURN NEW;
      END IF;
      SELECT id INTO NEW.batch_id FROM batches WHERE product_id = NEW.product_id AND batch_no = NEW.batch_no;
      IF NOT FOUND THEN
        INSERT INTO batches (product_id, batch_no) VALUES (NEW.product_id, NEW.batch_no) ON CONFLICT (product_id, batch_no) DO NOTHING;
        SELECT id INTO NEW.batch_id FROM batches WHERE product_id = NEW.product_id AND batch_no = NEW.batch_no;
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER stock_movements_batch BEFORE INSERT OR UPDATE OF batch_no, product_id, batch_id ON stock_movements
      FOR EACH ROW EXECUTE FUNCTION stock_movement_batch();

    -- Once per statement, one net change per batch and warehouse it touched: a load of a thousand
    -- movements updates each batch once, and a movement edited in place (an order deleted sets its
    -- order_id to NULL) moves no stock at all.
    CREATE FUNCTION change_batch_stocks(batch_ids integer[], warehouse_ids integer[], quantities numeric[]) RETURNS void LANGUAGE sql AS $$
      -- An empty row first, then the change: PostgreSQL checks an upsert's proposed row before it
      -- finds the conflict, so a shipment's negative quantity must never be a proposed row.
      INSERT INTO batch_stocks (batch_id, warehouse_id)
      SELECT d.batch_id, d.warehouse_id FROM unnest(batch_ids, warehouse_ids) AS d(batch_id, warehouse_id)
       WHERE NOT EXISTS (SELECT 1 FROM batch_stocks s WHERE s.batch_id = d.batch_id AND s.warehouse_id = d.warehouse_id)
      ON CONFLICT (batch_id, warehouse_id) DO NOTHING;
      UPDATE batch_stocks s SET on_hand = s.on_hand + d.quantity, updated_at = now()
        FROM unnest(batch_ids, warehouse_ids, quantities) AS d(batch_id, warehouse_id, quantity)
       WHERE s.batch_id = d.batch_id AND s.warehouse_id = d.warehouse_id AND d.quantity <> 0;
    $$;
    CREATE FUNCTION stock_movements_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM change_batch_stocks(array_agg(batch_id), array_agg(warehouse_id), array_agg(quantity))
         FROM (SELECT batch_id, warehouse_id, sum(quantity) AS quantity FROM inserted_movements WHERE batch_id IS NOT NULL GROUP BY 1, 2) d;
      RETURN NULL;
    END $$;
    CREATE FUNCTION stock_movements_updated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM change_batch_stocks(array_agg(batch_id), array_agg(warehouse_id), array_agg(quantity))
         FROM (SELECT batch_id, warehouse_id, sum(quantity) AS quantity
                 FROM (SELECT batch_id, warehouse_id, quantity FROM movements_after UNION ALL SELECT batch_id, warehouse_id, -quantity FROM movements_before) c
                WHERE batch_id IS NOT NULL GROUP BY 1, 2) d;
      RETURN NULL;
    END $$;
    CREATE FUNCTION stock_movements_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM change_batch_stocks(array_agg(batch_id), array_agg(warehouse_id), array_agg(quantity))
         FROM (SELECT batch_id, warehouse_id, -sum(quantity) AS quantity FROM deleted_movements WHERE batch_id IS NOT NULL GROUP BY 1, 2) d;
      RETURN NULL;
    END $$;
    CREATE TRIGGER stock_movements_batch_stock_on_insert AFTER INSERT ON stock_movements REFERENCING NEW TABLE AS inserted_movements
      FOR EACH STATEMENT EXECUTE FUNCTION stock_movements_inserted();
    CREATE TRIGGER stock_movements_batch_stock_on_update AFTER UPDATE ON stock_movements REFERENCING OLD TABLE AS movements_before NEW TABLE AS movements_after
      FOR EACH STATEMENT EXECUTE FUNCTION stock_movements_updated();
    CREATE TRIGGER stock_movements_batch_stock_on_delete AFTER DELETE ON stock_movements REFERENCING OLD TABLE AS deleted_movements
      FOR EACH STATEMENT EXECUTE FUNCTION stock_movements_deleted();
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    DROP TRIGGER stock_movements_batch_stock_on_insert ON stock_movements;
    DROP TRIGGER stock_movements_batch_stock_on_update ON stock_movements;
    DROP TRIGGER stock_movements_batch_stock_on_delete ON stock_movements;
    DROP TRIGGER stock_movements_batch ON stock_movements;
    DROP FUNCTION stock_movements_inserted(), stock_movements_updated(), stock_movements_deleted(), change_batch_stocks(integer[], integer[], numeric[]),
      stock_movement_batch();
    ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_batch_named, DROP COLUMN batch_id;
    DROP TABLE batch_stocks, coa_lines;
    DROP FUNCTION coa_lines_inserted(), coa_lines_updated(), coa_lines_deleted(), refresh_batch_quality_status(integer[]);
    DROP TABLE batches;
  `);
};
