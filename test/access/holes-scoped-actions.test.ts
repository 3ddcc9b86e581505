import type request from 'supertest';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, startTestApp } from '../support/test-app.js';
import { createCustomer, createOrder, createProduct, createWarehouse, demoBranch, demoUser } from '../support/fixtures.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { Contact, SalesOrder, StockMovement, Ticket } from '../../src/models/index.js';
import { mergeCustomers } from '../../src/domain/customers/merge-customers.js';
import { staffScope } from '../../src/access/authorisation/data-scope.js';
import { loadAccessProfile } from '../../src/access/authorisation/access-profile.js';
import type { DashboardData } from '../../dashboards/dashboard-data.js';

/**
 * Actions that reach beyond the record they run on — a merge's duplicate, an analysis over all
 * customers, a table per branch, a batch trace, the dashboard — follow the caller's row scope and
 * list rights, through the API and in the domain services themselves.
 */
describe('actions that reach other rows, under the caller’s scope', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let sequelize: Sequelize;
  let manager: request.Agent;
  /** The East China branch and every office and outlet under it: what manager.ec reaches. */
  const EC_SUBTREE = `(WITH RECURSIVE t AS (SELECT id FROM branches WHERE code = 'EC' UNION SELECT b.id FROM branches b JOIN t ON b.parent_id = t.id) SELECT id FROM t)`;

  const sql = <T extends object>(query: string, bind: unknown[] = []) => sequelize.query<T>(query, { bind, type: QueryTypes.SELECT });
  const form = (agent: request.Agent, path: string, fields: Record<string, string> = {}) => agent.post(`/admin/api/resources/${path}`).type('form').send(fields);

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    sequelize = running.database.sequelize;
    manager = await loginAs(running.url, 'manager.ec@petrocrm.cn');
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  test("when a manager merges another branch's customer into one of theirs, then the duplicate field is refused and nothing moves", async () => {
    const south = await demoBranch('SC');
    const survivor = await createCustomer({ name: '华东保留客户' });
    const duplicate = await createCustomer({ name: '华南他人客户', branch_id: south.id });
    await Contact.create({ customer_id: duplicate.id, name: '华南联系人', is_primary: true });
    const order = await createOrder(duplicate, await createWarehouse(), [], { branch_id: south.id });
    const before = await sql('SELECT row_to_json(c)::text AS row FROM customers c WHERE id = ANY($1::int[]) ORDER BY id', [[survivor.id, duplicate.id]]);

    const refused = await form(manager, `customers/records/${survivor.id}/mergeDuplicate`, { duplicate_id: String(duplicate.id) });
    expect(refused.body.record.errors).toEqual({ duplicate_id: { message: 'referenceNotFound' } });
    expect(await sql('SELECT row_to_json(c)::text AS row FROM customers c WHERE id = ANY($1::int[]) ORDER BY id', [[survivor.id, duplicate.id]])).toEqual(before);
    expect(await Contact.count({ where: { customer_id: duplicate.id } })).toBe(1);
    expect((await SalesOrder.findByPk(order.id, { rejectOnEmpty: true })).customer_id).toBe(duplicate.id);

    // The domain service refuses it on its own too, whoever calls it with the manager's scope.
    const scope = staffScope((await loadAccessProfile((await demoUser('manager.ec@petrocrm.cn')).id))!);
    await expect(mergeCustomers(scope, { survivorId: survivor.id, duplicateId: duplicate.id })).rejects.toMatchObject({ code: 'mergeDuplicateRequired' });
    expect(await Contact.count({ where: { customer_id: duplicate.id } })).toBe(1);
  });

  test("when a manager recomputes the analysis, then only their branch's customers are rewritten", async () => {
    await sequelize.query(`UPDATE customers SET analysed_at = '2001-01-01T00:00:00Z'`);
    const others = await sql('SELECT row_to_json(c)::text AS row FROM customers c WHERE branch_id NOT IN ' + EC_SUBTREE + ' ORDER BY id');
    const recomputed = await form(manager, 'customers/actions/recomputeAnalysis');
    expect(recomputed.body.notice).toMatchObject({ message: 'analysisRecomputed', type: 'success' });
    const [{ mine }] = await sql<{ mine: number }>(`SELECT count(*)::int AS mine FROM customers WHERE branch_id IN ${EC_SUBTREE} AND merged_into_id IS NULL`);
    expect(recomputed.body.notice.options.analysed).toBe(mine);
    const [{ rewritten }] = await sql<{ rewritten: number }>(`SELECT count(*)::int AS rewritten FROM customers WHERE analysed_at > '2001-01-01T00:00:00Z'`);
    expect(rewritten).toBe(mine);
    expect(await sql('SELECT row_to_json(c)::text AS row FROM customers c WHERE branch_id NOT IN ' + EC_SUBTREE + ' ORDER BY id')).toEqual(others);
  });

  test('when a manager opens churn per branch, then only their branches are listed, counting only their customers', async () => {
    const churn = await manager.get('/admin/api/resources/customers/actions/churnByBranch');
    expect(churn.status).toBe(200);
    const expected = await sql<{ branch_id: number; customers: number }>(
      `SELECT branch_id, count(*)::int AS customers FROM customers WHERE branch_id IN ${EC_SUBTREE} AND merged_into_id IS NULL GROUP BY branch_id ORDER BY branch_id`,
    );
    const listed = churn.body.table.rows.map((row: { branch_id: number; customers: number }) => ({ branch_id: row.branch_id, customers: row.customers }));
    expect(listed.sort((a: { branch_id: number }, b: { branch_id: number }) => a.branch_id - b.branch_id)).toEqual(expected);
  });

  test('when a manager traces a batch, then only the customers and tons of their branch are listed', async () => {
    const [east, south] = [await demoBranch('EC'), await demoBranch('SC')];
    const product = await createProduct();
    const warehouse = await createWarehouse();
    // The batch was received before it went out: the ledger keeps stock per batch and never below zero.
    await StockMovement.create({ product_id: product.id, warehouse_id: warehouse.id, kind: 'receipt', quantity: '100.000', batch_no: 'SCOPE-B1' });
    const shipTo = async (name: string, branchId: number, tons: string) => {
      const customer = await createCustomer({ name, branch_id: branchId });
      const order = await createOrder(customer, warehouse, [{ productId: product.id, quantity: tons, unitPrice: '8000.00' }], { status: 'shipped', branch_id: branchId });
      await StockMovement.create({ product_id: product.id, warehouse_id: warehouse.id, kind: 'shipment', quantity: `-${tons}`, batch_no: 'SCOPE-B1', order_id: order.id });
      return customer;
    };
    const mine = await shipTo('华东收货客户', east.id, '12.000');
    await shipTo('华南收货客户', south.id, '30.000');
    const ticket = await Ticket.create({ subject: '批次质量', kind: 'quality_complaint', customer_id: mine.id, branch_id: east.id, product_id: product.id, batch_no: 'SCOPE-B1' });

    const traced = await manager.get(`/admin/api/resources/tickets/records/${ticket.id}/traceBatch`);
    expect(traced.body.trace.recipients).toEqual([expect.objectContaining({ customer_id: mine.id, quantity: '12.000' })]);
    expect(JSON.stringify(traced.body)).not.toContain('华南收货客户');
  });

  test('when a role may not list orders, opportunities or tickets, then the dashboard leaves out revenue, top customers, the funnel and ticket figures', async () => {
    const marketing = await loginAs(running.url, 'marketing@petrocrm.cn');
    const response = await marketing.get('/admin/api/dashboard').query({ period: '12m' });
    expect(response.status).toBe(200);
    const data = response.body as DashboardData;
    expect(data.refused).toEqual(expect.arrayContaining(['revenueCards', 'ticketCards', 'monthlyRevenue', 'revenueByCategory', 'topCustomers', 'funnel', 'tickets', 'stock', 'revenueByRep', 'revenueByTeam']));
    expect(data.refused).not.toContain('customerMix');
    expect(data.kpis).toMatchObject({ revenueThisMonth: '0.00', revenueLastMonth: '0.00', ordersThisMonth: 0, openTickets: 0, overdueTickets: 0, ratedTickets: 0 });
    expect([data.monthlyRevenue.rows, data.revenueByCategory, data.topCustomers, data.funnel, data.tickets.byKindAndStatus, data.revenueByRep, data.stock]).toEqual([[], [], [], [], [], [], []]);
    // What marketing may list, it sees: every customer, as its customer list does.
    const [{ customers }] = await sql<{ customers: number }>('SELECT count(*)::int AS customers FROM customers');
    expect(data.customerMix.reduce((sum, row) => sum + row.customers, 0)).toBe(customers);
  });

  test('when a manager lists campaigns, then only those run by their people or reaching their customers come back', async () => {
    const southOnly = await createCustomer({ name: '华南活动客户', branch_id: (await demoBranch('SC')).id });
    const [{ id: hidden }] = await sql<{ id: number }>(
      `INSERT INTO campaigns (name, kind, status, start_date, end_date, owner_id)
       VALUES ('华南专场', 'event', 'active', current_date, current_date + 30, (SELECT id FROM users WHERE email = 'marketing@petrocrm.cn')) RETURNING id`,
    );
    await sequelize.query('INSERT INTO campaign_members (campaign_id, customer_id) VALUES ($1, $2)', { bind: [hidden, southOnly.id] });
    const list = await manager.get('/admin/api/resources/campaigns/actions/list?perPage=500');
    const expected = await sql<{ id: number }>(
      `SELECT id FROM campaigns ca
        WHERE ca.owner_id IN (SELECT id FROM users WHERE branch_id IN ${EC_SUBTREE})
           OR EXISTS (SELECT 1 FROM campaign_members m JOIN customers c ON c.id = m.customer_id WHERE m.campaign_id = ca.id AND c.branch_id IN ${EC_SUBTREE})
        ORDER BY id`,
    );
    expect(list.body.records.map((record: { id: string }) => Number(record.id)).sort((a: number, b: number) => a - b)).toEqual(expected.map((row) => row.id));
    expect(expected.map((row) => row.id)).not.toContain(hidden);
    expect((await manager.get(`/admin/api/resources/campaigns/records/${hidden}/show`)).status).toBe(403);
  });
});
