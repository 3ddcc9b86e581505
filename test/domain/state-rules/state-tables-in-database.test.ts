import { QueryTypes } from 'sequelize';
import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse } from '../../support/fixtures.js';
import { STATE_TABLES } from '../../../src/domain/state-rules/register-state-rules.js';
import { SALES_ORDER_STEPS } from '../../../src/domain/state-rules/sales-order-states.js';
import { OPPORTUNITY_STEPS } from '../../../src/domain/state-rules/opportunity-states.js';
import { TICKET_STEPS } from '../../../src/domain/state-rules/ticket-states.js';
import { CAMPAIGN_STEPS } from '../../../src/domain/state-rules/campaign-states.js';
import { CAMPAIGN_MEMBER_RANK } from '../../../src/domain/state-rules/campaign-member-states.js';
import { childrenFrozenMessage, frozenMessage, undeletableMessage, workflowMessage } from '../../../src/domain/state-rules/state-table.js';
import { messagesFor } from '../../../src/i18n/messages/index.js';
import { Campaign, SalesOrder, SalesOrderAmendment, SalesOrderItem, StockMovement, Ticket } from '../../../src/models/index.js';

interface DatabaseSpec {
  stateField: string;
  steps: Record<string, string[]>;
  editable: Record<string, string[] | 'all'>;
  deletable: string[];
  workflow: string[];
  derived: Record<string, string>;
}

/** Fields the database treats as ordinary in open states; the domain keeps them to the workflow actions. */
const ONLY_THE_DOMAIN_GUARDS: Record<string, string[]> = { tickets: ['assignee_id', 'sla_due_at'] };

const STEPS: Record<string, Record<string, readonly string[]>> = {
  sales_orders: SALES_ORDER_STEPS,
  opportunities: OPPORTUNITY_STEPS,
  tickets: TICKET_STEPS,
  campaigns: CAMPAIGN_STEPS,
  campaign_members: Object.fromEntries(Object.entries(CAMPAIGN_MEMBER_RANK).map(([from, rank]) => [
    from,
    Object.entries(CAMPAIGN_MEMBER_RANK).filter(([to, next]) => next > rank || (from === 'failed' && to === 'queued') || (from === 'queued' && to === 'failed')).map(([to]) => to),
  ])),
};

const sorted = (values: readonly string[]) => [...values].sort();

describe('the state tables, held by the domain and by PostgreSQL', () => {
  let db: DomainDatabase;
  beforeAll(async () => {
    db = await openDomainDatabase();
  });
  afterAll(() => db.close());

  async function databaseSpec(table: string): Promise<DatabaseSpec> {
    const [row] = await db.sequelize.query<{ definition: string }>(
      `SELECT pg_get_triggerdef(oid) AS definition FROM pg_trigger WHERE tgrelid = $1::regclass AND tgname = $2`,
      { bind: [table, `${table}_state_rules`], type: QueryTypes.SELECT },
    );
    return JSON.parse(/enforce_state_table\('(.*)'\)$/.exec(row.definition)![1].replaceAll("''", "'")) as DatabaseSpec;
  }

  /** Runs raw SQL and answers the message key the database refused it with, or 'accepted'. */
  async function refusalOf(sql: string, bind: unknown[] = []): Promise<string> {
    return db.sequelize.query(sql, { bind }).then(
      () => 'accepted',
      (error: { parent?: { code?: string; hint?: string; column?: string } }) => (error.parent?.code === 'PC001' ? `${error.parent.hint}:${error.parent.column ?? ''}` : String(error)),
    );
  }

  test.each(STATE_TABLES.map((table) => [table.resource, table] as const))('when %s is read from both, then the domain and the database say the same', async (resource, table) => {
    const spec = await databaseSpec(resource);
    expect(spec.stateField).toBe(table.stateField);
    expect(Object.fromEntries(Object.entries(spec.editable).map(([state, fields]) => [state, fields === 'all' ? 'all' : sorted(fields)])))
      .toEqual(Object.fromEntries(Object.entries(table.editable).map(([state, fields]) => [state, fields === 'all' ? 'all' : sorted(fields)])));
    expect(sorted(spec.deletable)).toEqual(sorted(table.deletable));
    expect(Object.fromEntries(Object.entries(spec.steps).map(([state, to]) => [state, sorted(to)])))
      .toEqual(Object.fromEntries(Object.entries(STEPS[resource]).map(([state, to]) => [state, sorted(to)])));
    expect(sorted([...spec.workflow, ...Object.keys(spec.derived), ...(ONLY_THE_DOMAIN_GUARDS[resource] ?? [])])).toEqual(sorted(table.workflowFields));
  });

  test('when a refusal can name a state or a field, then there are words for it in Chinese and in English', () => {
    const keys = STATE_TABLES.flatMap((table) => {
      const states = Object.keys(table.editable);
      return [
        ...states.map((state) => frozenMessage(table, state)),
        ...states.filter((state) => !table.deletable.includes(state)).map((state) => undeletableMessage(table, state)),
        ...(table.children ? states.filter((state) => !table.children!.openIn.includes(state)).map((state) => childrenFrozenMessage(table, state)) : []),
        ...[table.stateField, ...table.workflowFields].map((field) => workflowMessage(table, field)),
      ];
    });
    for (const language of ['zh-CN', 'en'] as const) {
      expect(keys.filter((key) => !messagesFor(language)[key])).toEqual([]);
    }
  });

  test('when a closed order is written to directly, then PostgreSQL refuses its customer, date, notes and status, and nothing changes', async () => {
    const [customer, other, product, warehouse] = [await createCustomer(), await createCustomer(), await createProduct(), await createWarehouse()];
    const order = await createOrder(customer, warehouse, [{ productId: product.id, quantity: '10.000', unitPrice: '8000.00' }], { status: 'closed' });
    expect(await refusalOf('UPDATE sales_orders SET customer_id = $1 WHERE id = $2', [other.id, order.id])).toBe('stateFrozen_sales_orders_closed:customer_id');
    expect(await refusalOf(`UPDATE sales_orders SET order_date = '2026-01-01' WHERE id = $1`, [order.id])).toBe('stateFrozen_sales_orders_closed:order_date');
    expect(await refusalOf(`UPDATE sales_orders SET notes = 'x' WHERE id = $1`, [order.id])).toBe('stateFrozen_sales_orders_closed:notes');
    expect(await refusalOf(`UPDATE sales_orders SET status = 'draft' WHERE id = $1`, [order.id])).toBe('workflowOwned_sales_orders_status:status');
    expect(await refusalOf(`UPDATE sales_orders SET total_amount = 8569414.31 WHERE id = $1`, [order.id])).toBe('workflowOwned_sales_orders_total_amount:total_amount');
    expect(await refusalOf('DELETE FROM sales_orders WHERE id = $1', [order.id])).toBe('stateUndeletable_sales_orders_closed:');
    expect(await refusalOf(`UPDATE sales_order_items SET quantity = 1000 WHERE order_id = $1`, [order.id])).toBe('childrenFrozen_sales_orders_closed:order_id');
    expect(await refusalOf('DELETE FROM sales_order_items WHERE order_id = $1', [order.id])).toBe('childrenFrozen_sales_orders_closed:');
    expect(await refusalOf('INSERT INTO sales_order_items (order_id, product_id, quantity, unit_price) VALUES ($1, $2, 1, 1)', [order.id, product.id]))
      .toBe('childrenFrozen_sales_orders_closed:order_id');
    expect(await order.reload()).toMatchObject({ customer_id: customer.id, status: 'closed', total_amount: '80000.00', notes: null });
  });

  test('when a confirmed order is written to directly, then logistics may change, its lines only inside an amendment', async () => {
    const [customer, product, warehouse] = [await createCustomer(), await createProduct(), await createWarehouse()];
    const order = await createOrder(customer, warehouse, [{ productId: product.id, quantity: '10.000', unitPrice: '8000.00' }], { status: 'confirmed' });
    expect(await refusalOf(`UPDATE sales_orders SET delivery_date = '2026-09-01', shipping_method = 'rail' WHERE id = $1`, [order.id])).toBe('accepted');
    expect(await refusalOf(`UPDATE sales_order_items SET quantity = 4 WHERE order_id = $1`, [order.id])).toBe('childrenFrozen_sales_orders_confirmed:order_id');
    await db.sequelize.transaction(async (transaction) => {
      await SalesOrderAmendment.create({ order_id: order.id, reason: '客户减量', total_before: '80000.00', lines_before: [] }, { transaction });
      await SalesOrderItem.update({ quantity: '4.000' }, { where: { order_id: order.id }, transaction });
    });
    expect((await order.reload()).total_amount).toBe('32000.00');
    // The amendment let its own transaction through, and no later one.
    expect(await refusalOf(`UPDATE sales_order_items SET quantity = 5 WHERE order_id = $1`, [order.id])).toBe('childrenFrozen_sales_orders_confirmed:order_id');
  });

  test('when a closed ticket, a won opportunity, an ended campaign or the stock ledger is written to directly, then PostgreSQL refuses it', async () => {
    const customer = await createCustomer();
    const ticket = await Ticket.create({ subject: '已关闭工单', kind: 'consultation', status: 'closed', resolution: '已答复', customer_id: customer.id, branch_id: customer.branch_id });
    expect(await refusalOf(`UPDATE tickets SET resolution = '改写' WHERE id = $1`, [ticket.id])).toBe('workflowOwned_tickets_resolution:resolution');
    expect(await refusalOf(`UPDATE tickets SET subject = '改写' WHERE id = $1`, [ticket.id])).toBe('stateFrozen_tickets_closed:subject');
    expect(await refusalOf(`UPDATE tickets SET status = 'in_progress' WHERE id = $1`, [ticket.id])).toBe('accepted');

    const [won] = await db.sequelize.query<{ id: number }>(
      `INSERT INTO opportunities (title, customer_id, branch_id, stage, amount, closed_at) VALUES ('已赢单', $1, $2, 'won', 256000, now()) RETURNING id`,
      { bind: [customer.id, customer.branch_id], type: QueryTypes.SELECT },
    );
    expect(await refusalOf('UPDATE opportunities SET amount = 1 WHERE id = $1', [won.id])).toBe('stateFrozen_opportunities_won:amount');
    expect(await refusalOf(`UPDATE opportunities SET notes = '复盘' WHERE id = $1`, [won.id])).toBe('accepted');

    const ended = await Campaign.create({ name: '已结束活动', kind: 'event', status: 'completed', start_date: '2026-01-01', end_date: '2026-01-31' });
    expect(await refusalOf(`INSERT INTO campaign_members (campaign_id, customer_id) VALUES ($1, $2)`, [ended.id, customer.id])).toBe('childrenFrozen_campaigns_completed:campaign_id');
    expect(await refusalOf(`UPDATE campaigns SET target_grade = 'A' WHERE id = $1`, [ended.id])).toBe('stateFrozen_campaigns_completed:target_grade');

    const [product, warehouse] = [await createProduct(), await createWarehouse()];
    const movement = await StockMovement.create({ product_id: product.id, warehouse_id: warehouse.id, kind: 'receipt', quantity: '40.000', batch_no: 'B1' });
    expect(await refusalOf('UPDATE stock_movements SET quantity = 400 WHERE id = $1', [movement.id])).toBe('stockLedgerAppendOnly:quantity');
    expect(await refusalOf('DELETE FROM stock_movements WHERE id = $1', [movement.id])).toBe('stockLedgerAppendOnly:');
    expect(await SalesOrder.count({ where: { customer_id: customer.id } })).toBe(0);
  });
});
