import type { MigrationFn } from './migration.js';

/**
 * Every module of the specification: customers, products and stock, sales, marketing, service,
 * tasks and the audit log. Rules that must hold whatever writes the row live here as constraints:
 * enums as CHECKs, non-negative money and stock, ratings 1–5, ends after starts. Business codes
 * (customer code, SKU, order and ticket numbers) come from sequences when left blank. Money is
 * NUMERIC(14,2), quantities NUMERIC(14,3) with their unit.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    CREATE SEQUENCE customer_code_seq;
    CREATE SEQUENCE product_sku_seq;
    CREATE SEQUENCE contract_no_seq;
    CREATE SEQUENCE sales_order_no_seq;
    CREATE SEQUENCE ticket_no_seq;

    -- 客户管理 ---------------------------------------------------------------------------------
    CREATE TABLE customers (
      id              serial PRIMARY KEY,
      code            varchar(20)  NOT NULL UNIQUE DEFAULT ('C' || lpad(nextval('customer_code_seq')::text, 6, '0')) CHECK (code <> ''),
      name            varchar(200) NOT NULL CHECK (btrim(name) <> ''),
      customer_type   varchar(20)  NOT NULL CHECK (customer_type IN ('distributor', 'manufacturer', 'trader', 'fleet', 'gas_station', 'end_user')),
      industry        varchar(60),
      region          varchar(20)  NOT NULL CHECK (region IN ('华东', '华南', '华北', '华中', '西南', '西北', '东北')),
      province        varchar(30),
      city            varchar(30),
      address         text,
      credit_code     varchar(18) UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
      phone           varchar(30),
      email           varchar(200),
      credit_limit    numeric(14,2) NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
      credit_rating   varchar(3) CHECK (credit_rating IN ('AAA', 'AA', 'A', 'B', 'C')),
      grade           char(1) CHECK (grade IN ('A', 'B', 'C')),
      status          varchar(20) NOT NULL DEFAULT 'prospect' CHECK (status IN ('prospect', 'active', 'at_risk', 'churned')),
      recency_score   smallint CHECK (recency_score BETWEEN 1 AND 5),
      frequency_score smallint CHECK (frequency_score BETWEEN 1 AND 5),
      monetary_score  smallint CHECK (monetary_score BETWEEN 1 AND 5),
      revenue_12m     numeric(14,2) NOT NULL DEFAULT 0,
      last_order_on   date,
      analysed_at     timestamptz,
      owner_id        integer REFERENCES users(id) ON DELETE SET NULL,
      branch_id       integer NOT NULL REFERENCES branches(id) ON DELETE RESTRICT,
      merged_into_id  integer REFERENCES customers(id) ON DELETE SET NULL,
      notes           text,
      created_at      timestamptz NOT NULL DEFAULT now(),
      updated_at      timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX customers_owner_id_idx ON customers (owner_id);
    CREATE INDEX customers_branch_id_idx ON customers (branch_id);
    CREATE INDEX customers_merged_into_id_idx ON customers (merged_into_id);
    CREATE INDEX customers_status_idx ON customers (status);
    CREATE INDEX customers_grade_idx ON customers (grade);
    CREATE INDEX customers_name_idx ON customers (name);
    CREATE INDEX customers_updated_at_idx ON customers (updated_at);

    CREATE TABLE contacts (
      id           serial PRIMARY KEY,
      customer_id  integer NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      name         varchar(60) NOT NULL CHECK (btrim(name) <> ''),
      title        varchar(60),
      department   varchar(60),
      phone        varchar(30),
      mobile       varchar(30),
      email        varchar(200),
      wechat       varchar(60),
      is_primary   boolean NOT NULL DEFAULT false,
      notes        text,
      created_at   timestamptz NOT NULL DEFAULT now(),
      updated_at   timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX contacts_customer_id_idx ON contacts (customer_id);
    CREATE INDEX contacts_name_idx ON contacts (name);

    -- 产品管理 ---------------------------------------------------------------------------------
    CREATE TABLE product_categories (
      id          serial PRIMARY KEY,
      code        varchar(20) NOT NULL UNIQUE,
      name        varchar(60) NOT NULL,
      parent_id   integer REFERENCES product_categories(id) ON DELETE RESTRICT,
      sort_order  integer NOT NULL DEFAULT 0,
      created_at  timestamptz NOT NULL DEFAULT now(),
      updated_at  timestamptz NOT NULL DEFAULT now(),
      CHECK (parent_id IS NULL OR parent_id <> id)
    );
    CREATE INDEX product_categories_parent_id_idx ON product_categories (parent_id);

    CREATE TABLE products (
      id            serial PRIMARY KEY,
      sku           varchar(20)  NOT NULL UNIQUE DEFAULT ('P' || lpad(nextval('product_sku_seq')::text, 5, '0')) CHECK (sku <> ''),
      name          varchar(120) NOT NULL CHECK (btrim(name) <> ''),
      category_id   integer NOT NULL REFERENCES product_categories(id) ON DELETE RESTRICT,
      grade         varchar(60),
      specification text,
      unit          varchar(10) NOT NULL DEFAULT 'ton' CHECK (unit IN ('ton', 'kg', 'liter', 'barrel', 'drum')),
      list_price    numeric(14,2) NOT NULL CHECK (list_price >= 0),
      cost_price    numeric(14,2) CHECK (cost_price >= 0),
      safety_stock  numeric(14,3) NOT NULL DEFAULT 0 CHECK (safety_stock >= 0),
      active        boolean NOT NULL DEFAULT true,
      description   text,
      created_at    timestamptz NOT NULL DEFAULT now(),
      updated_at    timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX products_category_id_idx ON products (category_id);
    CREATE INDEX products_name_idx ON products (name);

    -- 库存管理 ---------------------------------------------------------------------------------
    CREATE TABLE warehouses (
      id          serial PRIMARY KEY,
      code        varchar(20) NOT NULL UNIQUE,
      name        varchar(100) NOT NULL,
      kind        varchar(20) NOT NULL CHECK (kind IN ('plant', 'transit', 'depot')),
      branch_id   integer REFERENCES branches(id) ON DELETE RESTRICT,
      manager_id  integer REFERENCES users(id) ON DELETE SET NULL,
      address     text,
      active      boolean NOT NULL DEFAULT true,
      created_at  timestamptz NOT NULL DEFAULT now(),
      updated_at  timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX warehouses_branch_id_idx ON warehouses (branch_id);
    CREATE INDEX warehouses_manager_id_idx ON warehouses (manager_id);

    CREATE TABLE stock_levels (
      id            serial PRIMARY KEY,
      product_id    integer NOT NULL REFERENCES products(id) ON DELETE RESTRICT,
      warehouse_id  integer NOT NULL REFERENCES warehouses(id) ON DELETE RESTRICT,
      on_hand       numeric(14,3) NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
      reserved      numeric(14,3) NOT NULL DEFAULT 0 CHECK (reserved >= 0),
      created_at    timestamptz NOT NULL DEFAULT now(),
      updated_at    timestamptz NOT NULL DEFAULT now(),
      UNIQUE (product_id, warehouse_id),
      CHECK (reserved <= on_hand)
    );
    CREATE INDEX stock_levels_warehouse_id_idx ON stock_levels (warehouse_id);

    -- 销售管理 ---------------------------------------------------------------------------------
    CREATE TABLE opportunities (
      id              serial PRIMARY KEY,
      title           varchar(200) NOT NULL CHECK (btrim(title) <> ''),
      customer_id     integer NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      product_id      integer REFERENCES products(id) ON DELETE SET NULL,
      stage           varchar(20) NOT NULL DEFAULT 'lead' CHECK (stage IN ('lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost')),
      quantity        numeric(14,3) CHECK (quantity > 0),
      amount          numeric(14,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
      probability     smallint NOT NULL DEFAULT 10 CHECK (probability BETWEEN 0 AND 100),
      expected_close  date,
      owner_id        integer REFERENCES users(id) ON DELETE SET NULL,
      branch_id       integer NOT NULL REFERENCES branches(id) ON DELETE RESTRICT,
      lost_reason     text,
      closed_at       timestamptz,
      notes           text,
      created_at      timestamptz NOT NULL DEFAULT now(),
      updated_at      timestamptz NOT NULL DEFAULT now(),
      CHECK (stage <> 'lost' OR lost_reason IS NOT NULL)
    );
    CREATE INDEX opportunities_customer_id_idx ON opportunities (customer_id);
    CREATE INDEX opportunities_product_id_idx ON opportunities (product_id);
    CREATE INDEX opportunities_owner_id_idx ON opportunities (owner_id);
    CREATE INDEX opportunities_branch_id_idx ON opportunities (branch_id);
    CREATE INDEX opportunities_stage_idx ON opportunities (stage);
    CREATE INDEX opportunities_expected_close_idx ON opportunities (expected_close);

    CREATE TABLE contracts (
      id                  serial PRIMARY KEY,
      contract_no         varchar(20) NOT NULL UNIQUE DEFAULT ('HT' || lpad(nextval('contract_no_seq')::text, 6, '0')) CHECK (contract_no <> ''),
      title               varchar(200) NOT NULL CHECK (btrim(title) <> ''),
      customer_id         integer NOT NULL REFERENCES customers(id) ON DELETE RESTRICT,
      product_id          integer REFERENCES products(id) ON DELETE SET NULL,
      start_date          date NOT NULL,
      end_date            date NOT NULL,
      committed_quantity  numeric(14,3) CHECK (committed_quantity >= 0),
      unit                varchar(10) NOT NULL DEFAULT 'ton' CHECK (unit IN ('ton', 'kg', 'liter', 'barrel', 'drum')),
      amount              numeric(14,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
      status              varchar(20) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'completed', 'terminated')),
      signed_on           date,
      owner_id            integer REFERENCES users(id) ON DELETE SET NULL,
      branch_id           integer NOT NULL REFERENCES branches(id) ON DELETE RESTRICT,
      notes               text,
      created_at          timestamptz NOT NULL DEFAULT now(),
      updated_at          timestamptz NOT NULL DEFAULT now(),
      CHECK (end_date >= start_date)
    );
    CREATE INDEX contracts_customer_id_idx ON contracts (customer_id);
    CREATE INDEX contracts_product_id_idx ON contracts (product_id);
    CREATE INDEX contracts_owner_id_idx ON contracts (owner_id);
    CREATE INDEX contracts_branch_id_idx ON contracts (branch_id);
    CREATE INDEX contracts_status_idx ON contracts (status);

    CREATE TABLE sales_orders (
      id               serial PRIMARY KEY,
      order_no         varchar(20) NOT NULL UNIQUE DEFAULT ('SO' || lpad(nextval('sales_order_no_seq')::text, 8, '0')) CHECK (order_no <> ''),
      customer_id      integer NOT NULL REFERENCES customers(id) ON DELETE RESTRICT,
      contract_id      integer REFERENCES contracts(id) ON DELETE SET NULL,
      opportunity_id   integer REFERENCES opportunities(id) ON DELETE SET NULL,
      warehouse_id     integer NOT NULL REFERENCES warehouses(id) ON DELETE RESTRICT,
      status           varchar(20) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'confirmed', 'shipped', 'delivered', 'closed', 'cancelled')),
      order_date       date NOT NULL DEFAULT current_date,
      delivery_date    date,
      shipping_method  varchar(20) CHECK (shipping_method IN ('tank_truck', 'rail', 'ship', 'bagged_truck', 'pickup')),
      total_amount     numeric(14,2) NOT NULL DEFAULT 0 CHECK (total_amount >= 0),
      owner_id         integer REFERENCES users(id) ON DELETE SET NULL,
      branch_id        integer NOT NULL REFERENCES branches(id) ON DELETE RESTRICT,
      confirmed_at     timestamptz,
      shipped_at       timestamptz,
      delivered_at     timestamptz,
      cancelled_at     timestamptz,
      cancel_reason    text,
      notes            text,
      created_at       timestamptz NOT NULL DEFAULT now(),
      updated_at       timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX sales_orders_customer_id_idx ON sales_orders (customer_id);
    CREATE INDEX sales_orders_contract_id_idx ON sales_orders (contract_id);
    CREATE INDEX sales_orders_opportunity_id_idx ON sales_orders (opportunity_id);
    CREATE INDEX sales_orders_warehouse_id_idx ON sales_orders (warehouse_id);
    CREATE INDEX sales_orders_owner_id_idx ON sales_orders (owner_id);
    CREATE INDEX sales_orders_branch_id_idx ON sales_orders (branch_id);
    CREATE INDEX sales_orders_status_idx ON sales_orders (status);
    CREATE INDEX sales_orders_order_date_idx ON sales_orders (order_date);

    CREATE TABLE sales_order_items (
      id            serial PRIMARY KEY,
      order_id      integer NOT NULL REFERENCES sales_orders(id) ON DELETE CASCADE,
      product_id    integer NOT NULL REFERENCES products(id) ON DELETE RESTRICT,
      quantity      numeric(14,3) NOT NULL CHECK (quantity > 0),
      unit_price    numeric(14,2) NOT NULL CHECK (unit_price >= 0),
      discount_pct  numeric(5,2) NOT NULL DEFAULT 0 CHECK (discount_pct BETWEEN 0 AND 100),
      amount        numeric(14,2) GENERATED ALWAYS AS (round(quantity * unit_price * (100 - discount_pct) / 100, 2)) STORED,
      created_at    timestamptz NOT NULL DEFAULT now(),
      updated_at    timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX sales_order_items_order_id_idx ON sales_order_items (order_id);
    CREATE INDEX sales_order_items_product_id_idx ON sales_order_items (product_id);

    -- An order's total is always the sum of its lines, whoever writes the lines.
    CREATE FUNCTION refresh_sales_order_total() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE sales_orders o
         SET total_amount = COALESCE((SELECT sum(i.amount) FROM sales_order_items i WHERE i.order_id = o.id), 0)
       WHERE o.id IN (
         SELECT order_id FROM (SELECT NEW.order_id AS order_id WHERE TG_OP <> 'DELETE'
                               UNION SELECT OLD.order_id WHERE TG_OP <> 'INSERT') AS touched);
      RETURN NULL;
    END $$;
    CREATE TRIGGER sales_order_items_total AFTER INSERT OR UPDATE OR DELETE ON sales_order_items
      FOR EACH ROW EXECUTE FUNCTION refresh_sales_order_total();

    CREATE TABLE stock_movements (
      id              serial PRIMARY KEY,
      product_id      integer NOT NULL REFERENCES products(id) ON DELETE RESTRICT,
      warehouse_id    integer NOT NULL REFERENCES warehouses(id) ON DELETE RESTRICT,
      kind            varchar(20) NOT NULL CHECK (kind IN ('receipt', 'shipment', 'adjustment', 'transfer_out', 'transfer_in')),
      quantity        numeric(14,3) NOT NULL CHECK (quantity <> 0),
      batch_no        varchar(40),
      order_id        integer REFERENCES sales_orders(id) ON DELETE SET NULL,
      counterpart_warehouse_id integer REFERENCES warehouses(id) ON DELETE RESTRICT,
      reference       varchar(60),
      reason          text,
      performed_by_id integer REFERENCES users(id) ON DELETE SET NULL,
      occurred_at     timestamptz NOT NULL DEFAULT now(),
      created_at      timestamptz NOT NULL DEFAULT now(),
      updated_at      timestamptz NOT NULL DEFAULT now(),
      -- receipts and transfers in add stock, shipments and transfers out remove it
      CHECK ((kind IN ('receipt', 'transfer_in') AND quantity > 0) OR (kind IN ('shipment', 'transfer_out') AND quantity < 0) OR kind = 'adjustment'),
      CHECK ((kind IN ('transfer_in', 'transfer_out')) = (counterpart_warehouse_id IS NOT NULL)),
      CHECK (kind <> 'adjustment' OR reason IS NOT NULL)
    );
    CREATE INDEX stock_movements_product_id_idx ON stock_movements (product_id);
    CREATE INDEX stock_movements_warehouse_id_idx ON stock_movements (warehouse_id);
    CREATE INDEX stock_movements_order_id_idx ON stock_movements (order_id);
    CREATE INDEX stock_movements_counterpart_warehouse_id_idx ON stock_movements (counterpart_warehouse_id);
    CREATE INDEX stock_movements_performed_by_id_idx ON stock_movements (performed_by_id);
    CREATE INDEX stock_movements_occurred_at_idx ON stock_movements (occurred_at);
    CREATE INDEX stock_movements_batch_no_idx ON stock_movements (batch_no);

    -- 营销活动 ---------------------------------------------------------------------------------
    CREATE TABLE email_templates (
      id          serial PRIMARY KEY,
      code        varchar(40) NOT NULL UNIQUE,
      name        varchar(100) NOT NULL,
      subject     varchar(200) NOT NULL,
      body        text NOT NULL,
      active      boolean NOT NULL DEFAULT true,
      created_at  timestamptz NOT NULL DEFAULT now(),
      updated_at  timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE campaigns (
      id                  serial PRIMARY KEY,
      name                varchar(200) NOT NULL CHECK (btrim(name) <> ''),
      kind                varchar(20) NOT NULL CHECK (kind IN ('discount', 'promotion', 'email', 'sms', 'event')),
      status              varchar(20) NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'active', 'completed', 'cancelled')),
      start_date          date NOT NULL,
      end_date            date NOT NULL,
      budget              numeric(14,2) NOT NULL DEFAULT 0 CHECK (budget >= 0),
      target_grade        char(1) CHECK (target_grade IN ('A', 'B', 'C')),
      target_customer_type varchar(20) CHECK (target_customer_type IN ('distributor', 'manufacturer', 'trader', 'fleet', 'gas_station', 'end_user')),
      target_region       varchar(20) CHECK (target_region IN ('华东', '华南', '华北', '华中', '西南', '西北', '东北')),
      target_status       varchar(20) CHECK (target_status IN ('prospect', 'active', 'at_risk', 'churned')),
      email_template_id   integer REFERENCES email_templates(id) ON DELETE SET NULL,
      owner_id            integer REFERENCES users(id) ON DELETE SET NULL,
      launched_at         timestamptz,
      description         text,
      created_at          timestamptz NOT NULL DEFAULT now(),
      updated_at          timestamptz NOT NULL DEFAULT now(),
      CHECK (end_date >= start_date)
    );
    CREATE INDEX campaigns_email_template_id_idx ON campaigns (email_template_id);
    CREATE INDEX campaigns_owner_id_idx ON campaigns (owner_id);
    CREATE INDEX campaigns_status_idx ON campaigns (status);
    CREATE INDEX campaigns_start_date_idx ON campaigns (start_date);

    CREATE TABLE campaign_members (
      id            serial PRIMARY KEY,
      campaign_id   integer NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
      customer_id   integer NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      contact_id    integer REFERENCES contacts(id) ON DELETE SET NULL,
      status        varchar(20) NOT NULL DEFAULT 'targeted' CHECK (status IN ('targeted', 'sent', 'responded', 'converted')),
      responded_at  timestamptz,
      converted_at  timestamptz,
      order_id      integer REFERENCES sales_orders(id) ON DELETE SET NULL,
      notes         text,
      created_at    timestamptz NOT NULL DEFAULT now(),
      updated_at    timestamptz NOT NULL DEFAULT now(),
      UNIQUE (campaign_id, customer_id)
    );
    CREATE INDEX campaign_members_customer_id_idx ON campaign_members (customer_id);
    CREATE INDEX campaign_members_contact_id_idx ON campaign_members (contact_id);
    CREATE INDEX campaign_members_order_id_idx ON campaign_members (order_id);
    CREATE INDEX campaign_members_status_idx ON campaign_members (status);

    CREATE TABLE email_messages (
      id               serial PRIMARY KEY,
      campaign_id      integer REFERENCES campaigns(id) ON DELETE SET NULL,
      customer_id      integer REFERENCES customers(id) ON DELETE SET NULL,
      contact_id       integer REFERENCES contacts(id) ON DELETE SET NULL,
      template_id      integer REFERENCES email_templates(id) ON DELETE SET NULL,
      to_address       varchar(200) NOT NULL,
      subject          varchar(200) NOT NULL,
      body             text NOT NULL,
      status           varchar(20) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
      attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      last_error       text,
      next_attempt_at  timestamptz NOT NULL DEFAULT now(),
      sent_at          timestamptz,
      created_at       timestamptz NOT NULL DEFAULT now(),
      updated_at       timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX email_messages_campaign_id_idx ON email_messages (campaign_id);
    CREATE INDEX email_messages_customer_id_idx ON email_messages (customer_id);
    CREATE INDEX email_messages_contact_id_idx ON email_messages (contact_id);
    CREATE INDEX email_messages_template_id_idx ON email_messages (template_id);
    CREATE INDEX email_messages_due_idx ON email_messages (next_attempt_at) WHERE status = 'queued';

    -- 服务管理 ---------------------------------------------------------------------------------
    CREATE TABLE tickets (
      id               serial PRIMARY KEY,
      ticket_no        varchar(20) NOT NULL UNIQUE DEFAULT ('TK' || lpad(nextval('ticket_no_seq')::text, 8, '0')) CHECK (ticket_no <> ''),
      subject          varchar(200) NOT NULL CHECK (btrim(subject) <> ''),
      kind             varchar(20) NOT NULL CHECK (kind IN ('consultation', 'complaint', 'quality_complaint', 'after_sales', 'repair')),
      priority         varchar(10) NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
      status           varchar(20) NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'assigned', 'in_progress', 'escalated', 'resolved', 'closed')),
      customer_id      integer NOT NULL REFERENCES customers(id) ON DELETE RESTRICT,
      contact_id       integer REFERENCES contacts(id) ON DELETE SET NULL,
      order_id         integer REFERENCES sales_orders(id) ON DELETE SET NULL,
      product_id       integer REFERENCES products(id) ON DELETE SET NULL,
      batch_no         varchar(40),
      description      text,
      assignee_id      integer REFERENCES users(id) ON DELETE SET NULL,
      branch_id        integer NOT NULL REFERENCES branches(id) ON DELETE RESTRICT,
      escalated_to     varchar(30) CHECK (escalated_to IN ('production_plant', 'research_institute')),
      escalation_note  text,
      sla_due_at       timestamptz,
      resolution       text,
      resolved_at      timestamptz,
      closed_at        timestamptz,
      satisfaction     smallint CHECK (satisfaction BETWEEN 1 AND 5),
      feedback         text,
      created_at       timestamptz NOT NULL DEFAULT now(),
      updated_at       timestamptz NOT NULL DEFAULT now(),
      CHECK (kind <> 'quality_complaint' OR (product_id IS NOT NULL AND batch_no IS NOT NULL)),
      CHECK (status NOT IN ('resolved', 'closed') OR resolution IS NOT NULL),
      CHECK (status <> 'escalated' OR escalated_to IS NOT NULL)
    );
    CREATE INDEX tickets_customer_id_idx ON tickets (customer_id);
    CREATE INDEX tickets_contact_id_idx ON tickets (contact_id);
    CREATE INDEX tickets_order_id_idx ON tickets (order_id);
    CREATE INDEX tickets_product_id_idx ON tickets (product_id);
    CREATE INDEX tickets_assignee_id_idx ON tickets (assignee_id);
    CREATE INDEX tickets_branch_id_idx ON tickets (branch_id);
    CREATE INDEX tickets_status_idx ON tickets (status);
    CREATE INDEX tickets_sla_due_at_idx ON tickets (sla_due_at);
    CREATE INDEX tickets_created_at_idx ON tickets (created_at);

    CREATE TABLE customer_feedback (
      id           serial PRIMARY KEY,
      customer_id  integer NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      contact_id   integer REFERENCES contacts(id) ON DELETE SET NULL,
      ticket_id    integer REFERENCES tickets(id) ON DELETE SET NULL,
      channel      varchar(20) NOT NULL CHECK (channel IN ('phone', 'email', 'visit', 'wechat', 'web')),
      category     varchar(20) NOT NULL CHECK (category IN ('product', 'service', 'delivery', 'price', 'other')),
      content      text NOT NULL CHECK (btrim(content) <> ''),
      rating       smallint CHECK (rating BETWEEN 1 AND 5),
      status       varchar(20) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handled')),
      handled_by_id integer REFERENCES users(id) ON DELETE SET NULL,
      received_at  timestamptz NOT NULL DEFAULT now(),
      created_at   timestamptz NOT NULL DEFAULT now(),
      updated_at   timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX customer_feedback_customer_id_idx ON customer_feedback (customer_id);
    CREATE INDEX customer_feedback_contact_id_idx ON customer_feedback (contact_id);
    CREATE INDEX customer_feedback_ticket_id_idx ON customer_feedback (ticket_id);
    CREATE INDEX customer_feedback_handled_by_id_idx ON customer_feedback (handled_by_id);

    -- 联系记录 / 任务 (团队协作) ---------------------------------------------------------------------
    CREATE TABLE activities (
      id              serial PRIMARY KEY,
      kind            varchar(20) NOT NULL CHECK (kind IN ('call', 'visit', 'email', 'meeting', 'task')),
      subject         varchar(200) NOT NULL CHECK (btrim(subject) <> ''),
      details         text,
      customer_id     integer REFERENCES customers(id) ON DELETE CASCADE,
      contact_id      integer REFERENCES contacts(id) ON DELETE SET NULL,
      opportunity_id  integer REFERENCES opportunities(id) ON DELETE SET NULL,
      owner_id        integer REFERENCES users(id) ON DELETE SET NULL,
      assignee_id     integer REFERENCES users(id) ON DELETE SET NULL,
      occurred_at     timestamptz NOT NULL DEFAULT now(),
      due_at          timestamptz,
      done            boolean NOT NULL DEFAULT false,
      done_at         timestamptz,
      created_at      timestamptz NOT NULL DEFAULT now(),
      updated_at      timestamptz NOT NULL DEFAULT now(),
      CHECK (kind <> 'task' OR due_at IS NOT NULL)
    );
    CREATE INDEX activities_customer_id_idx ON activities (customer_id);
    CREATE INDEX activities_contact_id_idx ON activities (contact_id);
    CREATE INDEX activities_opportunity_id_idx ON activities (opportunity_id);
    CREATE INDEX activities_owner_id_idx ON activities (owner_id);
    CREATE INDEX activities_assignee_open_idx ON activities (assignee_id, due_at) WHERE NOT done;
    CREATE INDEX activities_occurred_at_idx ON activities (occurred_at);

    -- 审计 ---------------------------------------------------------------------------------------
    CREATE TABLE audit_logs (
      id           bigserial PRIMARY KEY,
      occurred_at  timestamptz NOT NULL DEFAULT now(),
      user_id      integer REFERENCES users(id) ON DELETE SET NULL,
      user_email   varchar(200),
      action       varchar(40) NOT NULL,
      resource     varchar(60) NOT NULL,
      record_id    varchar(40),
      changes      jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at   timestamptz NOT NULL DEFAULT now(),
      updated_at   timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX audit_logs_user_id_idx ON audit_logs (user_id);
    CREATE INDEX audit_logs_record_idx ON audit_logs (resource, record_id);
    CREATE INDEX audit_logs_occurred_at_idx ON audit_logs (occurred_at);
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    DROP TABLE audit_logs, activities, customer_feedback, tickets, email_messages, campaign_members, campaigns,
      email_templates, stock_movements, sales_order_items, sales_orders, contracts, opportunities, stock_levels,
      warehouses, products, product_categories, contacts, customers;
    DROP FUNCTION refresh_sales_order_total();
    DROP SEQUENCE customer_code_seq, product_sku_seq, contract_no_seq, sales_order_no_seq, ticket_no_seq;
  `);
};
