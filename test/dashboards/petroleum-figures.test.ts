import { QueryTypes, type Sequelize } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import type { DashboardData } from '../../dashboards/dashboard-data.js';

/**
 * The petroleum figures of GET /admin/api/dashboard against SQL written here independently of the
 * handler and of the domain services behind it: lifting from the shipments' transport documents
 * (the services read the stock ledger), scopes as literal conditions per role, months and days as
 * Beijing calendar days. It runs over the demo company, whatever its rows are.
 */
type Who = 'admin' | 'manager' | 'stationRep' | 'rep';
const EMAIL: Record<Who, string> = {
  admin: 'admin@petrocrm.cn', manager: 'manager.ec@petrocrm.cn', stationRep: 'rep.sun@petrocrm.cn', rep: 'rep.zhang@petrocrm.cn',
};
const EC_AND_OUTLETS = `(SELECT id FROM branches WHERE code IN ('EC', 'GS-NJ01'))`;
const ownerOf = (email: string) => `owner_id = (SELECT id FROM users WHERE email = '${email}')`;
/** Which rows of contracts, customers and orders each role counts, as its lists show them. */
const OWNED: Record<Who, string> = {
  admin: 'true', manager: `branch_id IN ${EC_AND_OUTLETS}`, stationRep: ownerOf(EMAIL.stationRep), rep: ownerOf(EMAIL.rep),
};
const ZONE = 'Asia/Shanghai';

describe('the petroleum figures of the dashboard', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let sequelize: Sequelize;
  let today: string;

  const rows = <T extends object>(sql: string, bind: Record<string, unknown> = {}) => sequelize.query<T>(sql, { bind, type: QueryTypes.SELECT });

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    sequelize = running.database.sequelize;
    [{ today }] = await rows<{ today: string }>(`SELECT to_char((now() AT TIME ZONE '${ZONE}')::date, 'YYYY-MM-DD') AS today`);
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  async function dashboard(who: Who, query: Record<string, string | number>): Promise<DashboardData> {
    const agent = await loginAs(origin(running.url), EMAIL[who]);
    const response = await agent.get('/admin/api/dashboard').query(query);
    expect(response.status).toBe(200);
    return response.body as DashboardData;
  }

  async function contractLifting(who: Who, from: string, to: string, branchId: number | null) {
    const until = to < today ? to : `${today.slice(0, 7)}-28`;
    const perMonth = `
      SELECT c.id, c.contract_no, cu.name AS customer_name, m.month, p.min_quantity, p.planned_quantity, p.max_quantity,
             (SELECT coalesce(sum(s.loaded_quantity), 0) FROM shipments s JOIN sales_orders o ON o.id = s.order_id
               WHERE o.contract_id = c.id AND s.product_id = c.product_id
                 AND date_trunc('month', s.shipped_at AT TIME ZONE '${ZONE}')::date = m.month) AS lifted
        FROM contracts c
        JOIN customers cu ON cu.id = c.customer_id
        CROSS JOIN generate_series(date_trunc('month', $from::date), date_trunc('month', $until::date), interval '1 month') AS g(at)
        CROSS JOIN LATERAL (SELECT g.at::date AS month) m
        LEFT JOIN contract_monthly_plans p ON p.contract_id = c.id AND p.month = m.month
       WHERE ${OWNED[who].replace(/(owner_id|branch_id)/g, 'c.$1')} AND c.unit = 'ton' AND ($branch::int IS NULL OR c.branch_id = $branch)`;
    return rows(
      `SELECT id AS "contractId", contract_no AS "contractNo", customer_name AS "customerName",
              coalesce(sum(planned_quantity), 0)::numeric(16,3)::text AS planned, coalesce(sum(min_quantity), 0)::numeric(16,3)::text AS minimum,
              sum(lifted)::numeric(16,3)::text AS lifted,
              (count(*) FILTER (WHERE month < date_trunc('month', $today::date) AND lifted < min_quantity AND lifted <= max_quantity))::int AS "underMonths",
              coalesce(bool_or(month = date_trunc('month', $today::date) AND lifted < min_quantity), false) AS behind,
              (count(*) FILTER (WHERE min_quantity IS NOT NULL OR lifted > 0))::int AS months
         FROM (${perMonth}) pm
        GROUP BY id, contract_no, customer_name
       HAVING count(*) FILTER (WHERE min_quantity IS NOT NULL OR lifted > 0) > 0
        ORDER BY sum(planned_quantity) DESC NULLS LAST, id
        LIMIT 12`,
      { from, until, today, branch: branchId },
    );
  }

  function lifetimeValues(who: Who, branchId: number | null) {
    return rows(
      `SELECT id AS "customerId", code AS "customerCode", name AS "customerName", margin_to_date::text AS "marginToDate",
              expected_margin::text AS "expectedMargin", lifetime_value::text AS "lifetimeValue"
         FROM customers WHERE ${OWNED[who]} AND merged_into_id IS NULL AND lifetime_value > 0 AND ($branch::int IS NULL OR branch_id = $branch)
        ORDER BY lifetime_value DESC, id DESC LIMIT 10`,
      { branch: branchId },
    );
  }

  function stations(who: Who, asOf: string, branchId: number | null) {
    const volume = (customer: string, station: string, recent: boolean) => `(SELECT coalesce(sum(liters), 0) FROM fuel_card_transactions t
       WHERE t.customer_id = ${customer} AND t.station_id = ${station}
         AND t.business_day ${recent ? '>' : '<='} $asOf::date - 90 AND t.business_day > $asOf::date - ${recent ? 90 : 180} AND t.business_day <= $asOf::date)`;
    return rows(
      `SELECT b.id AS "stationId", b.name AS "stationName",
              coalesce(sum(v.before), 0)::numeric(14,2)::text AS "litersBefore", coalesce(sum(v.now), 0)::numeric(14,2)::text AS "litersNow",
              (count(*) FILTER (WHERE v.before > 0))::int AS "customersBefore",
              (count(*) FILTER (WHERE v.before > 0 AND v.now = 0))::int AS churned,
              (count(*) FILTER (WHERE v.before > 0 AND v.now > 0 AND v.now < v.before / 2))::int AS declining,
              round(100.0 * count(*) FILTER (WHERE v.before > 0 AND v.now = 0) / nullif(count(*) FILTER (WHERE v.before > 0), 0), 1)::text AS "churnRatePct",
              round(100.0 * coalesce(sum(v.before - v.now) FILTER (WHERE v.before > 0 AND v.now < v.before / 2), 0) / nullif(sum(v.before), 0), 1)::text AS "volumeChurnPct",
              90 AS "windowDays"
         FROM branches b
         LEFT JOIN LATERAL (
           SELECT c.id, ${volume('c.id', 'b.id', false)} AS before, ${volume('c.id', 'b.id', true)} AS now
             FROM customers c WHERE ${OWNED[who].replace(/(owner_id|branch_id)/g, 'c.$1')}
         ) v ON v.before > 0 OR v.now > 0
        WHERE b.kind = 'gas_station' AND ($branch::int IS NULL OR b.id = $branch OR b.parent_id = $branch)
          AND ${who === 'manager' ? `b.id IN ${EC_AND_OUTLETS}` : 'true'}
        GROUP BY b.id, b.name, b.code ORDER BY b.code`,
      { asOf, branch: branchId },
    );
  }

  function shipmentLosses(who: Who, from: string, to: string, branchId: number | null) {
    return rows(
      `SELECT s.transport_mode AS "transportMode", count(*)::int AS shipments, (count(*) FILTER (WHERE s.received_at IS NOT NULL))::int AS received,
              (count(*) FILTER (WHERE s.loaded_quantity - s.received_quantity > round(s.loaded_quantity * s.tolerance_pct / 100, 3)))::int AS "beyondTolerance",
              coalesce(sum(s.loaded_quantity) FILTER (WHERE p.unit = 'ton'), 0)::numeric(16,3)::text AS "loadedTons",
              coalesce(sum(s.loaded_quantity - s.received_quantity) FILTER (WHERE p.unit = 'ton'), 0)::numeric(16,3)::text AS "lostTons"
         FROM shipments s JOIN sales_orders o ON o.id = s.order_id JOIN products p ON p.id = s.product_id
        WHERE ${OWNED[who].replace(/(owner_id|branch_id)/g, 'o.$1')} AND ($branch::int IS NULL OR o.branch_id = $branch)
          AND (s.shipped_at AT TIME ZONE '${ZONE}')::date BETWEEN $from::date AND $to::date
        GROUP BY s.transport_mode ORDER BY s.transport_mode`,
      { from, to, branch: branchId },
    );
  }

  const CASES: Array<[Who, Record<string, string | number>]> = [
    ['admin', { period: '12m' }],
    ['admin', { period: 'month' }],
    ['manager', { period: '3m' }],
    ['stationRep', { period: '12m' }],
  ];

  test.each(CASES)('for the %s over %j, contract lifting, lifetime values, station volume and transport losses equal the independent SQL', async (who, query) => {
    const data = await dashboard(who, query);
    const { from, to, branchId } = data.filters;
    const asOf = to < today ? to : today;
    expect(data.petroleum.contractLifting).toEqual(await contractLifting(who, from, to, branchId));
    expect(data.petroleum.lifetimeValue).toEqual(who === 'stationRep' ? null : await lifetimeValues(who, branchId));
    expect(data.petroleum.stations).toEqual(await stations(who, asOf, branchId));
    expect(data.petroleum.shipmentLosses).toEqual(await shipmentLosses(who, from, to, branchId));
  });

  test('the demo shows something in every petroleum chart for the whole company over 12 months', async () => {
    const { petroleum } = await dashboard('admin', { period: '12m' });
    expect(petroleum.contractLifting.length).toBeGreaterThan(3);
    expect(petroleum.contractLifting.some((bar) => bar.underMonths > 0)).toBe(true);
    expect(petroleum.lifetimeValue).toHaveLength(10);
    expect(petroleum.stations.map((station) => station.stationName)).toEqual(['广州黄埔加油站', '南京江北加油站']);
    expect(petroleum.stations.every((station) => Number(station.litersNow) > 0)).toBe(true);
    expect(petroleum.shipmentLosses.map((row) => row.transportMode).sort()).toEqual(['bagged_truck', 'rail_tank_car', 'ship', 'tank_truck']);
    expect(petroleum.shipmentLosses.some((row) => row.beyondTolerance > 0)).toBe(true);
  });

  test('a branch filter narrows every petroleum figure to that branch and its outlets', async () => {
    const [{ id: station }] = await rows<{ id: number }>(`SELECT id FROM branches WHERE code = 'GS-NJ01'`);
    const data = await dashboard('admin', { period: '12m', branch: station });
    const { from, to } = data.filters;
    expect(data.petroleum.stations.map((row) => row.stationName)).toEqual(['南京江北加油站']);
    expect(data.petroleum.contractLifting).toEqual(await contractLifting('admin', from, to, station));
    expect(data.petroleum.lifetimeValue).toEqual(await lifetimeValues('admin', station));
    expect(data.petroleum.shipmentLosses).toEqual(await shipmentLosses('admin', from, to, station));
  });
});
