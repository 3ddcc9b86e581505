import { QueryTypes } from 'sequelize';
import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse, demoUser } from '../../support/fixtures.js';
import { keepReceivableDaysOn } from '../../../src/domain/credit/receivable-day.js';
import { checkSchema, hasErrors } from '../../../src/db/schema-doctor.js';
import type { Customer, Product, Warehouse } from '../../../src/models/index.js';

/** 20:00 UTC: already the next day in Beijing (04:00), still this day in Honolulu (10:00). */
const EVENING_UTC = new Date('2026-11-30T20:00:00Z');

/**
 * A receivable ages from the business day it shipped, in BUSINESS_TIME_ZONE like every other day:
 * the sums per day shipped that the aging reads are checked against the orders themselves, dated
 * here in the zone asked for.
 */
describe('the receivable day on the business clock', () => {
  let db: DomainDatabase;
  let customer: Customer;
  let product: Product;
  let warehouse: Warehouse;
  const sql = <T extends object>(query: string, bind: unknown[] = []) => db.sequelize.query<T>(query, { bind, type: QueryTypes.SELECT });
  const dayOf = async (moment: Date) => (await sql<{ day: string }>('SELECT receivable_shipped_on($1, NULL)::text AS day', [moment]))[0].day;

  /** Owed on every shipped, delivered or closed order, summed per branch, owner and day shipped in `zone`. */
  const fromTheOrders = (zone: string) =>
    sql(
      `SELECT branch_id, owner_id, shipped_on::text, count(*)::int AS orders, sum(owed)::text AS outstanding
         FROM (SELECT o.branch_id, o.owner_id, coalesce((o.shipped_at AT TIME ZONE $1)::date, o.order_date) AS shipped_on,
                      o.total_amount - coalesce((SELECT sum(p.amount) FROM payments p WHERE p.order_id = o.id), 0) AS owed
                 FROM sales_orders o WHERE o.status IN ('shipped', 'delivered', 'closed')) owing
        WHERE owed > 0
        GROUP BY 1, 2, 3 ORDER BY 1, 2 NULLS FIRST, 3`,
      [zone],
    );
  const kept = () =>
    sql('SELECT branch_id, owner_id, shipped_on::text, orders, outstanding::text FROM receivables_by_shipped_day ORDER BY 1, 2 NULLS FIRST, 3');
  const shipOne = () => createOrder(customer, warehouse, [{ productId: product.id, quantity: '1.000', unitPrice: '1234.50' }], { status: 'shipped', shipped_at: EVENING_UTC });

  beforeAll(async () => {
    db = await openDomainDatabase();
    customer = await createCustomer({ name: '时区测试应收客户', owner_id: (await demoUser('rep.zhang@petrocrm.cn')).id });
    [product, warehouse] = await Promise.all([createProduct(), createWarehouse()]);
    await shipOne();
  });
  afterAll(() => db.close());

  test('when the start is on Asia/Shanghai (the default), then nothing is made again and an evening shipment in UTC is dated the Beijing day after', async () => {
    expect(await keepReceivableDaysOn('Asia/Shanghai', db.sequelize)).toBe('unchanged');
    expect(await dayOf(EVENING_UTC)).toBe('2026-12-01');
    expect(await kept()).toEqual(await fromTheOrders('Asia/Shanghai'));
  });

  test('when the start is on another zone, then receivables are dated in that zone, summed again to what the orders give, and kept so by the next shipments', async () => {
    expect(await keepReceivableDaysOn('Pacific/Honolulu', db.sequelize)).toBe('remade');
    expect(await dayOf(EVENING_UTC)).toBe('2026-11-30');
    const honolulu = await fromTheOrders('Pacific/Honolulu');
    expect(honolulu).not.toEqual(await fromTheOrders('Asia/Shanghai'));
    expect(await kept()).toEqual(honolulu);

    // The triggers date what ships from now on in the new zone too.
    await shipOne();
    expect(await kept()).toEqual(await fromTheOrders('Pacific/Honolulu'));
    // Once made for the zone, a start on it changes nothing, and the schema doctor takes the zone for configuration.
    expect(await keepReceivableDaysOn('Pacific/Honolulu', db.sequelize)).toBe('unchanged');
    expect(hasErrors(await checkSchema(db.database.url))).toBe(false);

    expect(await keepReceivableDaysOn('Asia/Shanghai', db.sequelize)).toBe('remade');
    expect(await kept()).toEqual(await fromTheOrders('Asia/Shanghai'));
  });
});
