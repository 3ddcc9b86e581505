import pg from 'pg';
import { startBenchDatabase } from './bench-database.js';

/**
 * `npx tsx bench/statement-timings.ts <data-dir>`: the statements behind each list change, timed
 * alone (median of 20 runs after 3 warm-ups) on a data set `npm run bench -- --data-dir` kept: run
 * it before and after a migration to see what an index or a rewritten statement is worth.
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: npx tsx bench/statement-timings.ts <data-dir of npm run bench>');
const db = await startBenchDatabase(() => undefined, dataDir);
const client = new pg.Client({ connectionString: db.url });
await client.connect();
const one = async (sql: string) => (await client.query(sql)).rows[0];
const busy = (await one('SELECT customer_id AS id FROM sales_orders GROUP BY customer_id ORDER BY count(*) DESC, customer_id LIMIT 1')).id;
const rep = (await one("SELECT id FROM users WHERE email = 'rep.zhang@petrocrm.cn'")).id;
const anchor = (await one('SELECT id FROM sales_orders ORDER BY order_date DESC, id DESC OFFSET 9979 LIMIT 1')).id;
const indexes = (await client.query("SELECT indexname FROM pg_indexes WHERE tablename IN ('sales_orders','customers') ORDER BY 1")).rows.map((r) => r.indexname);
console.log('indexes:', indexes.join(' '));
const statements: Array<[string, string]> = [
  ['orders p1 by date', 'SELECT * FROM sales_orders ORDER BY order_date DESC, id DESC LIMIT 20'],
  ['orders delivered p1', "SELECT * FROM sales_orders WHERE status = 'delivered' ORDER BY order_date DESC, id DESC LIMIT 20"],
  ['orders of one customer p1', `SELECT * FROM sales_orders WHERE customer_id = ${busy} ORDER BY order_date DESC, id DESC LIMIT 20`],
  ['orders p500 OFFSET', 'SELECT * FROM sales_orders ORDER BY order_date DESC, id DESC LIMIT 20 OFFSET 9980'],
  ['orders p500 keys from index', 'SELECT id FROM sales_orders ORDER BY order_date DESC, id DESC LIMIT 20 OFFSET 9980'],
  ['orders p500 keyset', `SELECT * FROM sales_orders WHERE (order_date, id) < (SELECT order_date, id FROM sales_orders WHERE id = ${anchor}) ORDER BY order_date DESC, id DESC LIMIT 20`],
  ['orders count(*)', 'SELECT count(*) FROM sales_orders'],
  ['orders reltuples', "SELECT reltuples FROM pg_class WHERE oid = 'sales_orders'::regclass"],
  ['orders delivered count(*)', "SELECT count(*) FROM sales_orders WHERE status = 'delivered'"],
  ['orders delivered EXPLAIN', "EXPLAIN (FORMAT JSON) SELECT 1 FROM sales_orders WHERE status = 'delivered'"],
  ['orders delivered count ≤10001', "SELECT count(*) FROM (SELECT 1 FROM sales_orders WHERE status = 'delivered' LIMIT 10001) b"],
  ['customers 鑫 p1', "SELECT * FROM customers WHERE name LIKE '%鑫%' ORDER BY updated_at DESC, id DESC LIMIT 20"],
  ['customers 鑫 count(*)', "SELECT count(*) FROM customers WHERE name LIKE '%鑫%'"],
  ['customers 鑫 count via characters', "SELECT count(*) FROM customers WHERE name LIKE '%鑫%' AND string_to_array(name, NULL) @> string_to_array('鑫', NULL)"],
  ['customers 鑫源 count(*)', "SELECT count(*) FROM customers WHERE name LIKE '%鑫源%'"],
  ['customers 鑫源 count via characters', "SELECT count(*) FROM customers WHERE name LIKE '%鑫源%' AND string_to_array(name, NULL) @> string_to_array('鑫源', NULL)"],
  ['customers code ILIKE count', "SELECT count(*) FROM customers WHERE code ILIKE '%0042%'"],
  ['rep customers p1', `SELECT * FROM customers WHERE owner_id = ${rep} ORDER BY updated_at DESC, id DESC LIMIT 20`],
  ['rep customers count(*)', `SELECT count(*) FROM customers WHERE owner_id = ${rep}`],
];
for (const [name, sql] of statements) {
  const times: number[] = [];
  for (let i = 0; i < 23; i++) {
    const started = performance.now();
    await client.query(sql);
    if (i >= 3) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(36)} median ${times[Math.floor(times.length / 2)]?.toFixed(2)} ms`);
}
await client.end();
await db.stop();
