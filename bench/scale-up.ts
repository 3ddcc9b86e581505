import type pg from 'pg';

export interface ScaleTarget {
  customers: number;
  orders: number;
}

// The demo's own brand characters (src/cli/demo/customers.ts): a scaled copy of a customer gets a
// brand of its own, so a name fragment matches about as often as it would in a real customer base.
const BRAND_FIRST = '恒永华金鑫宏瑞中天海博隆德凯嘉信源昌盛泰兴丰润新长广宝富安东万佳联正汇明亚百弘志';
const BRAND_SECOND = '远盛通泰达丰诚源鑫润祥宇力发顺和利荣辉创晟邦峰航捷凯威耀升腾';

/**
 * Grows the demo company to the target in a few statements: every new customer is a copy of a demo
 * customer (same owner, branch, type, region, city; a new brand, phone and credit code; dates a few
 * days earlier) and every new order a copy of one of its template's orders, lines included. Statuses,
 * timestamps, warehouses and prices therefore follow the demo's own workflow rules, and every
 * constraint of migrations/0003 holds. Opportunities, tickets, activities and campaigns keep their
 * demo size. Runs in one transaction on a connection of its own.
 */
export async function scaleUp(client: pg.Client, target: ScaleTarget): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(CREDIT_CODE_FUNCTIONS);
    const { rows } = await client.query<{ customers: number; orders: number }>(
      'SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM sales_orders)::int AS orders',
    );
    const newCustomers = Math.max(0, target.customers - rows[0].customers);
    const newOrders = Math.max(0, target.orders - rows[0].orders);
    await client.query(PLAN_CUSTOMERS, [newCustomers]);
    await client.query(INSERT_CUSTOMERS, [BRAND_FIRST, BRAND_SECOND]);
    await client.query(INSERT_CONTACTS);
    await client.query(PLAN_ORDERS, [newOrders]);
    // The copies are written as a restore writes them, with the triggers off: each copy already carries
    // its template's total, the state rules (issue 12) rightly refuse lines added to a closed order,
    // and the dashboard's rollups are summed once at the end rather than a million times a row.
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query(INSERT_ORDERS);
    await client.query(INSERT_ORDER_LINES);
    await client.query('SET LOCAL session_replication_role = origin');
    await client.query('SELECT rebuild_sales_rollups(), rebuild_open_receivables(), rebuild_customer_counts()');
    await assertTotalsMatchLines(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** The invariant the disabled trigger keeps: an order's total is the sum of its lines. */
async function assertTotalsMatchLines(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ wrong: number }>(`
    SELECT count(*)::int AS wrong
      FROM sales_orders o
      LEFT JOIN (SELECT order_id, sum(amount) AS lines FROM sales_order_items GROUP BY order_id) i ON i.order_id = o.id
     WHERE o.total_amount <> coalesce(i.lines, 0)`);
  if (rows[0].wrong > 0) throw new Error(`${rows[0].wrong} scaled orders have a total that is not the sum of their lines`);
}

// GB 32100-2015 unified social credit code: '92' (individual business, a prefix the demo never uses),
// the template's county, an organisation code 'BM' + six digits with its GB 11714 check character,
// then the code's own check character. Unique per new customer id.
const CREDIT_CODE_FUNCTIONS = `
  CREATE FUNCTION pg_temp.organisation_check(body text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE r WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE r::text END
      FROM (SELECT 11 - sum((position(substr(body, k, 1) IN '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ') - 1) * (ARRAY[3, 7, 9, 10, 5, 8, 4, 2])[k]) % 11 AS r
              FROM generate_series(1, 8) AS k) weighted
  $$;
  CREATE FUNCTION pg_temp.credit_code(first16 text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    WITH first17 AS (SELECT first16 || pg_temp.organisation_check(substr(first16, 9, 8)) AS code)
    SELECT code || substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
                          ((31 - sum((position(substr(code, k, 1) IN '0123456789ABCDEFGHJKLMNPQRTUWXY') - 1)
                                     * (ARRAY[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])[k]) % 31) % 31 + 1)::int, 1)
      FROM first17, generate_series(1, 17) AS k
     GROUP BY code
  $$;`;

// Copy n of every demo customer, round after round, until there are enough; ids are taken up front
// so the orders can find their new customer.
const PLAN_CUSTOMERS = `
  CREATE TEMP TABLE customer_plan ON COMMIT DROP AS
  SELECT nextval('customers_id_seq')::int AS id, template_id, copy_no, (copy_no * 7 + template_id) % 30 AS shift_days
    FROM (SELECT t.id AS template_id, copy_no
            FROM generate_series(1, 1000) AS copy_no
           CROSS JOIN (SELECT id FROM customers WHERE merged_into_id IS NULL) t
           ORDER BY copy_no, t.id
           LIMIT $1::int) chosen
   ORDER BY copy_no, template_id`;

const INSERT_CUSTOMERS = `
  INSERT INTO customers (id, name, customer_type, industry, region, province, city, address, credit_code, phone, email,
                         credit_limit, credit_rating, owner_id, branch_id, notes, created_at, updated_at)
  SELECT p.id,
         CASE WHEN t.city IS NOT NULL AND left(t.name, char_length(t.city)) = t.city
              THEN t.city || brand.name || substr(t.name, char_length(t.city) + 3)
              ELSE brand.name || t.name END,
         t.customer_type, t.industry, t.region, t.province, t.city, t.address,
         pg_temp.credit_code('92' || coalesce(substr(t.credit_code, 3, 6), '310101') || 'BM' || lpad((p.id % 1000000)::text, 6, '0')),
         CASE WHEN t.phone IS NOT NULL THEN left(t.phone, char_length(t.phone) - 4) || lpad((p.id % 10000)::text, 4, '0') END,
         CASE WHEN t.email IS NOT NULL THEN split_part(t.email, '@', 1) || p.copy_no || '@' || split_part(t.email, '@', 2) END,
         t.credit_limit, t.credit_rating, t.owner_id, t.branch_id, t.notes,
         t.created_at - make_interval(days => p.shift_days), t.updated_at - make_interval(days => p.shift_days)
    FROM customer_plan p
    JOIN customers t ON t.id = p.template_id
   CROSS JOIN LATERAL (SELECT substr($1::text, 1 + p.id % char_length($1::text), 1)
                            || substr($2::text, 1 + (p.id / char_length($1::text)) % char_length($2::text), 1) AS name) brand`;

const INSERT_CONTACTS = `
  INSERT INTO contacts (customer_id, name, title, department, phone, mobile, email, wechat, is_primary, notes, created_at, updated_at)
  SELECT p.id, c.name, c.title, c.department, c.phone,
         CASE WHEN c.mobile IS NOT NULL THEN left(c.mobile, char_length(c.mobile) - 4) || lpad((p.id % 10000)::text, 4, '0') END,
         CASE WHEN c.email IS NOT NULL THEN split_part(c.email, '@', 1) || p.copy_no || '@' || split_part(c.email, '@', 2) END,
         c.wechat, c.is_primary, c.notes,
         c.created_at - make_interval(days => p.shift_days), c.updated_at - make_interval(days => p.shift_days)
    FROM customer_plan p
    JOIN contacts c ON c.customer_id = p.template_id`;

// Each new customer gets its template's orders, copies in round order until there are enough; new
// ids follow the order date, as they would in a system that has been taking orders for years.
const PLAN_ORDERS = `
  CREATE TEMP TABLE order_plan ON COMMIT DROP AS
  SELECT nextval('sales_orders_id_seq')::int AS id, template_id, customer_id, shift_days
    FROM (SELECT o.id AS template_id, p.id AS customer_id, p.shift_days, o.created_at - make_interval(days => p.shift_days) AS created_at
            FROM customer_plan p
            JOIN sales_orders o ON o.customer_id = p.template_id
           ORDER BY p.copy_no, o.id
           LIMIT $1::int) chosen
   ORDER BY created_at, customer_id`;

const INSERT_ORDERS = `
  INSERT INTO sales_orders (id, customer_id, warehouse_id, status, order_date, delivery_date, shipping_method, total_amount,
                            owner_id, branch_id, confirmed_at, shipped_at, delivered_at, cancelled_at, cancel_reason, notes,
                            created_at, updated_at)
  SELECT p.id, p.customer_id, o.warehouse_id, o.status, o.order_date - p.shift_days, o.delivery_date - p.shift_days,
         o.shipping_method, o.total_amount, o.owner_id, o.branch_id,
         o.confirmed_at - make_interval(days => p.shift_days), o.shipped_at - make_interval(days => p.shift_days),
         o.delivered_at - make_interval(days => p.shift_days), o.cancelled_at - make_interval(days => p.shift_days),
         o.cancel_reason, o.notes,
         o.created_at - make_interval(days => p.shift_days), o.updated_at - make_interval(days => p.shift_days)
    FROM order_plan p
    JOIN sales_orders o ON o.id = p.template_id
   ORDER BY p.id`;

const INSERT_ORDER_LINES = `
  INSERT INTO sales_order_items (order_id, product_id, quantity, unit_price, discount_pct, created_at, updated_at)
  SELECT p.id, i.product_id, i.quantity, i.unit_price, i.discount_pct,
         i.created_at - make_interval(days => p.shift_days), i.updated_at - make_interval(days => p.shift_days)
    FROM order_plan p
    JOIN sales_order_items i ON i.order_id = p.template_id
   ORDER BY p.id, i.id`;
