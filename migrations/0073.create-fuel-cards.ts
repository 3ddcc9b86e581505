import type { MigrationFn } from './migration.js';

/**
 * 车队加油卡: a fleet customer holds a master card (单位主卡) that carries the money, and a sub-card
 * (司机副卡) per vehicle plate that spends from it. A card may be limited per fuel grade (litres a
 * day; a card with limits buys only those grades) and in yuan per day. Top-ups and fuellings are
 * recorded per station, each with the balance it left, so a card's balance can be followed to the
 * cent and volume per station is there to compute churn from.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    CREATE SEQUENCE fuel_card_no_seq;
    CREATE TABLE fuel_cards (
      id                  serial PRIMARY KEY,
      -- 19 digits, as the cards are embossed.
      card_no             varchar(19) NOT NULL UNIQUE DEFAULT ('100011' || lpad(nextval('fuel_card_no_seq')::text, 13, '0')) CHECK (card_no ~ '^[0-9]{16,19}$'),
      customer_id         integer NOT NULL REFERENCES customers(id) ON DELETE RESTRICT,
      kind                varchar(10) NOT NULL CHECK (kind IN ('master', 'sub')),
      master_card_id      integer,
      -- Only a master card can be one: a sub-card's master is a master of the same customer.
      master_kind         varchar(10) GENERATED ALWAYS AS (CASE WHEN master_card_id IS NOT NULL THEN 'master' END) STORED,
      vehicle_plate       varchar(10) CONSTRAINT fuel_cards_plate_format
                            CHECK (vehicle_plate ~ '^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂]$'),
      holder_name         varchar(60),
      -- The money is on the master card; sub-cards spend from it and hold none themselves.
      balance             numeric(14,2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
      daily_amount_limit  numeric(14,2) CHECK (daily_amount_limit > 0),
      status              varchar(10) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'frozen', 'cancelled')),
      branch_id           integer NOT NULL REFERENCES branches(id) ON DELETE RESTRICT,
      notes               text,
      created_at          timestamptz NOT NULL DEFAULT now(),
      updated_at          timestamptz NOT NULL DEFAULT now(),
      UNIQUE (id, customer_id),
      UNIQUE (id, customer_id, kind),
      -- A sub-card is for one vehicle: one per plate under a master.
      UNIQUE (master_card_id, vehicle_plate),
      FOREIGN KEY (master_card_id, customer_id, master_kind) REFERENCES fuel_cards (id, customer_id, kind) DEFERRABLE INITIALLY DEFERRED,
      CONSTRAINT fuel_cards_master_of_sub CHECK ((kind = 'master') = (master_card_id IS NULL)),
      CONSTRAINT fuel_cards_sub_has_plate CHECK (kind = 'master' OR vehicle_plate IS NOT NULL),
      CONSTRAINT fuel_cards_sub_holds_no_money CHECK (kind = 'master' OR balance = 0)
    );
    CREATE INDEX fuel_cards_customer_id_idx ON fuel_cards (customer_id);
    CREATE INDEX fuel_cards_master_card_id_idx ON fuel_cards (master_card_id);
    CREATE INDEX fuel_cards_branch_id_idx ON fuel_cards (branch_id);
    CREATE INDEX fuel_cards_vehicle_plate_idx ON fuel_cards (vehicle_plate);

    CREATE TABLE fuel_card_limits (
      id            serial PRIMARY KEY,
      card_id       integer NOT NULL REFERENCES fuel_cards(id) ON DELETE CASCADE,
      product_id    integer NOT NULL REFERENCES products(id) ON DELETE RESTRICT,
      daily_liters  numeric(10,2) NOT NULL CHECK (daily_liters > 0),
      created_at    timestamptz NOT NULL DEFAULT now(),
      updated_at    timestamptz NOT NULL DEFAULT now(),
      UNIQUE (card_id, product_id)
    );
    CREATE INDEX fuel_card_limits_product_id_idx ON fuel_card_limits (product_id);

    CREATE TABLE fuel_card_top_ups (
      id               serial PRIMARY KEY,
      card_id          integer NOT NULL,
      -- The card's customer, through the card: a customer merged into another takes its cards along.
      customer_id      integer NOT NULL,
      card_kind        varchar(10) NOT NULL DEFAULT 'master' CHECK (card_kind = 'master'),
      station_id       integer NOT NULL REFERENCES branches(id) ON DELETE RESTRICT,
      amount           numeric(14,2) NOT NULL CHECK (amount > 0),
      payment_method   varchar(20) NOT NULL CHECK (payment_method IN ('bank_transfer', 'cash', 'pos', 'wechat_pay', 'alipay')),
      reference        varchar(60),
      balance_after    numeric(14,2) NOT NULL CHECK (balance_after >= amount),
      performed_by_id  integer REFERENCES users(id) ON DELETE SET NULL,
      occurred_at      timestamptz NOT NULL DEFAULT now(),
      created_at       timestamptz NOT NULL DEFAULT now(),
      updated_at       timestamptz NOT NULL DEFAULT now(),
      -- Money goes onto a master card only.
      FOREIGN KEY (card_id, customer_id, card_kind) REFERENCES fuel_cards (id, customer_id, kind) ON DELETE RESTRICT ON UPDATE CASCADE
    );
    CREATE INDEX fuel_card_top_ups_card_id_idx ON fuel_card_top_ups (card_id);
    CREATE INDEX fuel_card_top_ups_customer_id_idx ON fuel_card_top_ups (customer_id);
    CREATE INDEX fuel_card_top_ups_station_id_idx ON fuel_card_top_ups (station_id);
    CREATE INDEX fuel_card_top_ups_performed_by_id_idx ON fuel_card_top_ups (performed_by_id);
    CREATE INDEX fuel_card_top_ups_occurred_at_idx ON fuel_card_top_ups (occurred_at);

    CREATE TABLE fuel_card_transactions (
      id               serial PRIMARY KEY,
      card_id          integer NOT NULL,
      master_card_id   integer NOT NULL,
      customer_id      integer NOT NULL,
      station_id       integer NOT NULL REFERENCES branches(id) ON DELETE RESTRICT,
      product_id       integer NOT NULL REFERENCES products(id) ON DELETE RESTRICT,
      vehicle_plate    varchar(10),
      liters           numeric(10,2) NOT NULL CHECK (liters > 0),
      -- The pump price, yuan per litre.
      unit_price       numeric(8,2) NOT NULL CHECK (unit_price > 0),
      amount           numeric(14,2) GENERATED ALWAYS AS (round(liters * unit_price, 2)) STORED,
      balance_after    numeric(14,2) NOT NULL CHECK (balance_after >= 0),
      -- The company's calendar day of the fuelling: what a daily limit counts.
      business_day     date NOT NULL,
      performed_by_id  integer REFERENCES users(id) ON DELETE SET NULL,
      occurred_at      timestamptz NOT NULL DEFAULT now(),
      created_at       timestamptz NOT NULL DEFAULT now(),
      updated_at       timestamptz NOT NULL DEFAULT now(),
      -- Both the card used and its master belong to the customer; merging customers carries this along.
      FOREIGN KEY (card_id, customer_id) REFERENCES fuel_cards (id, customer_id) ON DELETE RESTRICT ON UPDATE CASCADE,
      FOREIGN KEY (master_card_id, customer_id) REFERENCES fuel_cards (id, customer_id) ON DELETE RESTRICT ON UPDATE CASCADE
    );
    CREATE INDEX fuel_card_transactions_card_day_idx ON fuel_card_transactions (card_id, business_day);
    CREATE INDEX fuel_card_transactions_master_card_id_idx ON fuel_card_transactions (master_card_id);
    CREATE INDEX fuel_card_transactions_customer_id_idx ON fuel_card_transactions (customer_id);
    CREATE INDEX fuel_card_transactions_station_day_idx ON fuel_card_transactions (station_id, business_day);
    CREATE INDEX fuel_card_transactions_product_id_idx ON fuel_card_transactions (product_id);
    CREATE INDEX fuel_card_transactions_performed_by_id_idx ON fuel_card_transactions (performed_by_id);
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    DROP TABLE fuel_card_transactions, fuel_card_top_ups, fuel_card_limits, fuel_cards;
    DROP SEQUENCE fuel_card_no_seq;
  `);
};
