import type { MigrationFn } from './migration.js';

const REGIONS = `'华东', '华南', '华北', '华中', '西南', '西北', '东北'`;
const CHANNELS = `'direct', 'distributor', 'gas_station'`;

/**
 * 价格表: one list per region and sales channel (直销, 分销, 加油站), in force between its first and
 * last day; its prices live in numbered versions, each in force from its first day until the next
 * version's. A price is per product (one grade) and unit, VAT included; the price without VAT and
 * the VAT (13 %) are computed by PostgreSQL beside it. 调价通知: an adjustment notice with its scope
 * (a region and channel, or all) and its changes per unit (by product or by category), which on
 * issue becomes the next version of every list it reaches.
 *
 * A published version and an issued notice are history: orders were priced from them. Triggers
 * refuse any change to them (and to their lines) whoever writes; corrections are a new version or
 * another notice. An order line remembers the version its price came from.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    CREATE SEQUENCE price_list_code_seq;
    CREATE SEQUENCE price_notice_no_seq;

    CREATE TABLE price_lists (
      id          serial PRIMARY KEY,
      code        varchar(20)  NOT NULL UNIQUE DEFAULT ('JG' || lpad(nextval('price_list_code_seq')::text, 4, '0')) CHECK (code <> ''),
      name        varchar(100) NOT NULL CHECK (btrim(name) <> ''),
      region      varchar(20)  NOT NULL CHECK (region IN (${REGIONS})),
      channel     varchar(20)  NOT NULL CHECK (channel IN (${CHANNELS})),
      valid_from  date NOT NULL,
      valid_to    date,
      notes       text,
      created_at  timestamptz NOT NULL DEFAULT now(),
      updated_at  timestamptz NOT NULL DEFAULT now(),
      UNIQUE (region, channel),
      CHECK (valid_to IS NULL OR valid_to >= valid_from)
    );

    CREATE TABLE price_adjustment_notices (
      id              serial PRIMARY KEY,
      notice_no       varchar(20)  NOT NULL UNIQUE DEFAULT ('TJ' || lpad(nextval('price_notice_no_seq')::text, 6, '0')) CHECK (notice_no <> ''),
      title           varchar(200) NOT NULL CHECK (btrim(title) <> ''),
      effective_from  date NOT NULL,
      region          varchar(20) CHECK (region IN (${REGIONS})),
      channel         varchar(20) CHECK (channel IN (${CHANNELS})),
      reason          text,
      status          varchar(20) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
      issued_at       timestamptz,
      issued_by_id    integer REFERENCES users(id) ON DELETE SET NULL,
      created_at      timestamptz NOT NULL DEFAULT now(),
      updated_at      timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'issued') = (issued_at IS NOT NULL))
    );
    CREATE INDEX price_adjustment_notices_issued_by_id_idx ON price_adjustment_notices (issued_by_id);
    CREATE INDEX price_adjustment_notices_effective_from_idx ON price_adjustment_notices (effective_from);

    CREATE TABLE price_adjustment_lines (
      id               serial PRIMARY KEY,
      notice_id        integer NOT NULL REFERENCES price_adjustment_notices(id) ON DELETE CASCADE,
      category_id      integer REFERENCES product_categories(id) ON DELETE RESTRICT,
      product_id       integer REFERENCES products(id) ON DELETE RESTRICT,
      change_per_unit  numeric(14,2) NOT NULL CHECK (change_per_unit <> 0),
      created_at       timestamptz NOT NULL DEFAULT now(),
      updated_at       timestamptz NOT NULL DEFAULT now(),
      -- A line adjusts one product, or every product under one category: never both, never neither.
      CHECK ((category_id IS NULL) <> (product_id IS NULL)),
      UNIQUE (notice_id, category_id),
      UNIQUE (notice_id, product_id)
    );
    CREATE INDEX price_adjustment_lines_category_id_idx ON price_adjustment_lines (category_id);
    CREATE INDEX price_adjustment_lines_product_id_idx ON price_adjustment_lines (product_id);

    CREATE TABLE price_list_versions (
      id               serial PRIMARY KEY,
      price_list_id    integer NOT NULL REFERENCES price_lists(id) ON DELETE CASCADE,
      version_no       integer NOT NULL CHECK (version_no > 0),
      valid_from       date NOT NULL,
      -- 'JG0003 v4 2026-07-01': how reference selects and lists name a version, kept by the trigger below.
      label            varchar(60) NOT NULL DEFAULT '',
      status           varchar(20) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
      notice_id        integer REFERENCES price_adjustment_notices(id) ON DELETE RESTRICT,
      based_on_id      integer REFERENCES price_list_versions(id) ON DELETE RESTRICT,
      published_at     timestamptz,
      published_by_id  integer REFERENCES users(id) ON DELETE SET NULL,
      notes            text,
      created_at       timestamptz NOT NULL DEFAULT now(),
      updated_at       timestamptz NOT NULL DEFAULT now(),
      UNIQUE (price_list_id, version_no),
      UNIQUE (price_list_id, valid_from),
      CHECK ((status = 'published') = (published_at IS NOT NULL))
    );
    CREATE INDEX price_list_versions_notice_id_idx ON price_list_versions (notice_id);
    CREATE INDEX price_list_versions_based_on_id_idx ON price_list_versions (based_on_id);
    CREATE INDEX price_list_versions_published_by_id_idx ON price_list_versions (published_by_id);

    CREATE TABLE price_list_items (
      id              serial PRIMARY KEY,
      version_id      integer NOT NULL REFERENCES price_list_versions(id) ON DELETE CASCADE,
      product_id      integer NOT NULL REFERENCES products(id) ON DELETE RESTRICT,
      unit_price      numeric(14,2) NOT NULL CHECK (unit_price > 0),
      vat_rate        numeric(5,4) NOT NULL DEFAULT 0.13 CHECK (vat_rate >= 0 AND vat_rate < 1),
      price_excl_tax  numeric(14,2) GENERATED ALWAYS AS (round(unit_price / (1 + vat_rate), 2)) STORED,
      vat_amount      numeric(14,2) GENERATED ALWAYS AS (unit_price - round(unit_price / (1 + vat_rate), 2)) STORED,
      created_at      timestamptz NOT NULL DEFAULT now(),
      updated_at      timestamptz NOT NULL DEFAULT now(),
      UNIQUE (version_id, product_id)
    );
    CREATE INDEX price_list_items_product_id_idx ON price_list_items (product_id);

    ALTER TABLE sales_order_items ADD COLUMN price_list_version_id integer REFERENCES price_list_versions(id) ON DELETE RESTRICT;
    CREATE INDEX sales_order_items_price_list_version_id_idx ON sales_order_items (price_list_version_id);

    -- A new version takes the next number of its list when none is given, and its label.
    CREATE FUNCTION number_price_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.version_no IS NULL THEN
        SELECT coalesce(max(version_no), 0) + 1 INTO NEW.version_no FROM price_list_versions WHERE price_list_id = NEW.price_list_id;
      END IF;
      NEW.label := (SELECT code FROM price_lists WHERE id = NEW.price_list_id) || ' v' || NEW.version_no || ' ' || to_char(NEW.valid_from, 'YYYY-MM-DD');
      RETURN NEW;
    END $$;
    CREATE TRIGGER price_list_versions_number BEFORE INSERT OR UPDATE OF price_list_id, version_no, valid_from ON price_list_versions
      FOR EACH ROW EXECUTE FUNCTION number_price_list_version();

    CREATE FUNCTION refuse_change_to_published_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status = 'published' AND (TG_OP = 'DELETE' OR (NEW.price_list_id, NEW.version_no, NEW.valid_from, NEW.status, NEW.notice_id, NEW.based_on_id)
                                         IS DISTINCT FROM (OLD.price_list_id, OLD.version_no, OLD.valid_from, OLD.status, OLD.notice_id, OLD.based_on_id)) THEN
        RAISE EXCEPTION 'price list version % is published and cannot change', OLD.id
          USING ERRCODE = 'check_violation', CONSTRAINT = 'price_list_versions_published_frozen';
      END IF;
      RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
    END $$;
    CREATE TRIGGER price_list_versions_frozen BEFORE UPDATE OR DELETE ON price_list_versions
      FOR EACH ROW EXECUTE FUNCTION refuse_change_to_published_version();

    CREATE FUNCTION refuse_change_to_published_prices() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM price_list_versions v
                  WHERE v.status = 'published'
                    AND v.id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.version_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.version_id END)) THEN
        RAISE EXCEPTION 'the prices of a published price list version cannot change'
          USING ERRCODE = 'check_violation', CONSTRAINT = 'price_list_items_published_frozen';
      END IF;
      RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
    END $$;
    CREATE TRIGGER price_list_items_frozen BEFORE INSERT OR UPDATE OR DELETE ON price_list_items
      FOR EACH ROW EXECUTE FUNCTION refuse_change_to_published_prices();

    CREATE FUNCTION refuse_change_to_issued_notice() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status = 'issued' THEN
        RAISE EXCEPTION 'price adjustment notice % is issued and cannot change', OLD.notice_no
          USING ERRCODE = 'check_violation', CONSTRAINT = 'price_adjustment_notices_issued_frozen';
      END IF;
      RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
    END $$;
    CREATE TRIGGER price_adjustment_notices_frozen BEFORE UPDATE OR DELETE ON price_adjustment_notices
      FOR EACH ROW EXECUTE FUNCTION refuse_change_to_issued_notice();

    CREATE FUNCTION refuse_change_to_issued_notice_lines() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM price_adjustment_notices n
                  WHERE n.status = 'issued'
                    AND n.id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.notice_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.notice_id END)) THEN
        RAISE EXCEPTION 'the lines of an issued price adjustment notice cannot change'
          USING ERRCODE = 'check_violation', CONSTRAINT = 'price_adjustment_lines_issued_frozen';
      END IF;
      RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
    END $$;
    CREATE TRIGGER price_adjustment_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON price_adjustment_lines
      FOR EACH ROW EXECUTE FUNCTION refuse_change_to_issued_notice_lines();
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    ALTER TABLE sales_order_items DROP COLUMN price_list_version_id;
    DROP TABLE price_list_items, price_list_versions, price_adjustment_lines, price_adjustment_notices, price_lists;
    DROP FUNCTION number_price_list_version(), refuse_change_to_published_version(), refuse_change_to_published_prices(),
      refuse_change_to_issued_notice(), refuse_change_to_issued_notice_lines();
    DROP SEQUENCE price_list_code_seq, price_notice_no_seq;
  `);
};
