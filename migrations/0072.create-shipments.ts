import type { MigrationFn } from './migration.js';

/**
 * 发运: the transport document of every shipment that leaves a warehouse — by road tank truck
 * (汽车槽车), rail tank car (铁路罐车), ship (船运) or bagged goods truck (袋装车) — with the truck's
 * plate, the rail car's number or the vessel's name, the seal number, the tons loaded and, on
 * arrival, the tons the customer received. The loss and whether it stays within the tolerance of
 * the transport mode are computed by PostgreSQL.
 *
 * One shipment per stock-ledger movement of kind 'shipment' (order × product × batch), so it names
 * exactly the order, batch and warehouse the goods left from. Shipments of orders shipped before
 * this table existed have their ledger movements only.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    -- Lets a shipment name its movement, product and warehouse together, so they cannot disagree.
    ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_id_product_warehouse_key UNIQUE (id, product_id, warehouse_id);
    CREATE SEQUENCE shipment_no_seq;
    CREATE TABLE shipments (
      id                  serial PRIMARY KEY,
      shipment_no         varchar(20) NOT NULL UNIQUE DEFAULT ('FY' || lpad(nextval('shipment_no_seq')::text, 8, '0')) CHECK (shipment_no <> ''),
      order_id            integer NOT NULL REFERENCES sales_orders(id) ON DELETE RESTRICT,
      product_id          integer NOT NULL REFERENCES products(id) ON DELETE RESTRICT,
      -- Stock kept before batches were recorded leaves without one.
      batch_id            integer,
      warehouse_id        integer NOT NULL REFERENCES warehouses(id) ON DELETE RESTRICT,
      -- Its ledger line, with the product and warehouse the foreign key below makes agree.
      stock_movement_id   integer NOT NULL UNIQUE,
      transport_mode      varchar(20) NOT NULL CHECK (transport_mode IN ('tank_truck', 'rail_tank_car', 'ship', 'bagged_truck')),
      vehicle_plate       varchar(10) CONSTRAINT shipments_plate_format
                            CHECK (vehicle_plate ~ '^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂]$'),
      railcar_no          varchar(20) CHECK (railcar_no ~ '^[0-9A-Z]{5,12}$'),
      vessel_name         varchar(60) CHECK (btrim(vessel_name) <> ''),
      seal_no             varchar(60) CHECK (btrim(seal_no) <> ''),
      loaded_quantity     numeric(14,3) NOT NULL CHECK (loaded_quantity > 0),
      received_quantity   numeric(14,3) CHECK (received_quantity >= 0),
      -- Percent of the loaded quantity the mode may lose (breathing, wall film, temperature).
      tolerance_pct       numeric(5,3) NOT NULL CHECK (tolerance_pct >= 0 AND tolerance_pct <= 5),
      loss_quantity       numeric(14,3) GENERATED ALWAYS AS (loaded_quantity - received_quantity) STORED,
      loss_within_tolerance boolean GENERATED ALWAYS AS (loaded_quantity - received_quantity <= round(loaded_quantity * tolerance_pct / 100, 3)) STORED,
      status              varchar(20) NOT NULL DEFAULT 'in_transit' CHECK (status IN ('in_transit', 'received')),
      shipped_at          timestamptz NOT NULL,
      received_at         timestamptz,
      shipped_by_id       integer REFERENCES users(id) ON DELETE SET NULL,
      received_by_id      integer REFERENCES users(id) ON DELETE SET NULL,
      notes               text,
      created_at          timestamptz NOT NULL DEFAULT now(),
      updated_at          timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (batch_id, product_id) REFERENCES batches (id, product_id) ON DELETE RESTRICT,
      FOREIGN KEY (stock_movement_id, product_id, warehouse_id) REFERENCES stock_movements (id, product_id, warehouse_id) ON DELETE RESTRICT,
      -- A conveyance is named the way its mode names it: a plate on the road, a car number on rail, a vessel on water.
      CONSTRAINT shipments_conveyance_of_mode CHECK (
        (transport_mode IN ('tank_truck', 'bagged_truck') OR vehicle_plate IS NULL)
        AND (transport_mode = 'rail_tank_car' OR railcar_no IS NULL)
        AND (transport_mode = 'ship' OR vessel_name IS NULL)),
      -- Arrival is recorded against a known conveyance, sealed unless it carried bags.
      CONSTRAINT shipments_received_conveyance CHECK (status <> 'received' OR (
        COALESCE(vehicle_plate, railcar_no, vessel_name) IS NOT NULL AND (transport_mode = 'bagged_truck' OR seal_no IS NOT NULL))),
      CONSTRAINT shipments_received_state CHECK ((status = 'received') = (received_quantity IS NOT NULL AND received_at IS NOT NULL)),
      CHECK (received_at IS NULL OR received_at >= shipped_at)
    );
    CREATE INDEX shipments_order_id_idx ON shipments (order_id);
    CREATE INDEX shipments_product_id_idx ON shipments (product_id);
    CREATE INDEX shipments_batch_id_idx ON shipments (batch_id);
    CREATE INDEX shipments_warehouse_id_idx ON shipments (warehouse_id);
    CREATE INDEX shipments_shipped_at_idx ON shipments (shipped_at);
    CREATE INDEX shipments_status_idx ON shipments (status);
    CREATE INDEX shipments_shipped_by_id_idx ON shipments (shipped_by_id);
    CREATE INDEX shipments_received_by_id_idx ON shipments (received_by_id);
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    DROP TABLE shipments;
    DROP SEQUENCE shipment_no_seq;
    ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_id_product_warehouse_key;
  `);
};
