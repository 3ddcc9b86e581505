import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse, demoUser } from '../../support/fixtures.js';
import { Batch, CoaLine, StockMovement, Ticket, type Customer, type Product, type SalesOrder, type Warehouse } from '../../../src/models/index.js';
import { traceTicketBatch } from '../../../src/domain/service/trace-ticket-batch.js';
import { SYSTEM_SCOPE, type DataScope } from '../../../src/access/authorisation/data-scope.js';

/** A representative's scope, as the permission matrix gives it: their own customers. */
const ownCustomersOf = (userId: number): DataScope => ({
  actor: { id: userId, email: 'rep@petrocrm.cn' },
  rowsOf: (table, idColumn) => (table === 'customers' ? `${idColumn} IN (SELECT id FROM customers WHERE owner_id = ${userId})` : 'TRUE'),
});

describe('tracing a quality complaint to its batch, its certificate and every customer who received it', () => {
  let db: DomainDatabase;
  let product: Product;
  let warehouse: Warehouse;

  beforeAll(async () => {
    db = await openDomainDatabase();
    product = await createProduct({ name: '聚丙烯 T30S' });
    warehouse = await createWarehouse();
  });
  afterAll(() => db.close());

  /** Receives a batch: the ledger makes the batch record, as a warehouse receipt does. */
  async function received(batchNo: string, tons: string, of: Product = product): Promise<void> {
    await StockMovement.create({ product_id: of.id, warehouse_id: warehouse.id, kind: 'receipt', quantity: tons, batch_no: batchNo, occurred_at: new Date('2026-05-01T00:00:00Z') });
  }

  async function shippedOrder(customer: Customer, shipments: Array<{ batch: string; tons: string; at: string; product?: Product }>): Promise<SalesOrder> {
    const order = await createOrder(customer, warehouse, [{ productId: product.id, quantity: '30.000', unitPrice: '7600.00' }], { status: 'shipped' });
    for (const shipment of shipments) {
      await StockMovement.create({
        product_id: (shipment.product ?? product).id, warehouse_id: warehouse.id, kind: 'shipment', quantity: `-${shipment.tons}`,
        batch_no: shipment.batch, order_id: order.id, occurred_at: new Date(shipment.at),
      });
    }
    return order;
  }

  function complaint(customer: Customer, batchNo: string, order?: SalesOrder): Promise<Ticket> {
    return Ticket.create({
      subject: 'T30S 拉丝断头', kind: 'quality_complaint', customer_id: customer.id, branch_id: customer.branch_id,
      order_id: order?.id ?? null, product_id: product.id, batch_no: batchNo,
    });
  }

  test('when a batch went to two customers over three orders, then both are listed with their orders and tons, and the batch with its certificate; other batches and products are not', async () => {
    const otherProduct = await createProduct({ name: '聚乙烯 7042' });
    await received('B260501', '100.000');
    await received('B260502', '100.000');
    await received('B260501', '50.000', otherProduct);
    const batch = await Batch.findOne({ where: { product_id: product.id, batch_no: 'B260501' }, rejectOnEmpty: true });
    await batch.update({ plant: '茂名石化 2# 聚丙烯装置', production_date: '2026-04-28', certificate_no: 'QC-2604-118' });
    await CoaLine.bulkCreate([
      { batch_id: batch.id, property: '熔体流动速率', unit: 'g/10min', spec_min: '2.5000', spec_max: '3.5000', measured: '3.9000', sort_order: 1 },
      { batch_id: batch.id, property: '等规指数', unit: '%', spec_min: '96.0000', spec_max: null, measured: '97.2000', sort_order: 2 },
    ]);

    const first = await createCustomer({ name: '常州塑编厂' });
    const second = await createCustomer({ name: '无锡注塑厂' });
    const unaffected = await createCustomer({ name: '苏州薄膜厂' });
    const a1 = await shippedOrder(first, [{ batch: 'B260501', tons: '12.000', at: '2026-05-02T08:00:00Z' }, { batch: 'B260502', tons: '3.000', at: '2026-05-02T08:00:00Z' }]);
    const a2 = await shippedOrder(first, [{ batch: 'B260501', tons: '8.500', at: '2026-05-06T08:00:00Z' }]);
    const b1 = await shippedOrder(second, [{ batch: 'B260501', tons: '20.000', at: '2026-05-04T08:00:00Z' }]);
    await shippedOrder(unaffected, [{ batch: 'B260502', tons: '30.000', at: '2026-05-03T08:00:00Z' }]);
    // The same batch number on another product is another batch.
    await shippedOrder(unaffected, [{ batch: 'B260501', tons: '5.000', at: '2026-05-03T08:00:00Z', product: otherProduct }]);

    const trace = await traceTicketBatch(SYSTEM_SCOPE, (await complaint(first, 'B260501', a1)).id);

    expect(trace.recipients).toEqual([
      expect.objectContaining({ customer_id: first.id, customer_name: '常州塑编厂', order_nos: [a1.order_no, a2.order_no].sort(), quantity: '20.500' }),
      expect.objectContaining({ customer_id: second.id, customer_name: '无锡注塑厂', order_nos: [b1.order_no], quantity: '20.000' }),
    ]);
    expect(trace.recipients[0].first_shipped_at).toEqual(new Date('2026-05-02T08:00:00Z'));
    expect(trace.recipients[0].last_shipped_at).toEqual(new Date('2026-05-06T08:00:00Z'));
    expect(trace.batch).toMatchObject({ batch_id: batch.id, batch_no: 'B260501', product_id: product.id, plant: '茂名石化 2# 聚丙烯装置', production_date: '2026-04-28', quality_status: 'failed' });
    expect(trace.batch?.lines).toEqual([
      expect.objectContaining({ property: '熔体流动速率', measured: '3.9000', passed: false }),
      expect.objectContaining({ property: '等规指数', measured: '97.2000', passed: true }),
    ]);
  });

  test('when a representative traces it, then only the customers they own are listed', async () => {
    const zhang = await demoUser('rep.zhang@petrocrm.cn');
    const liu = await demoUser('rep.liu@petrocrm.cn');
    await received('B260601', '60.000');
    const mine = await createCustomer({ name: '张伟的客户', owner_id: zhang.id });
    const theirs = await createCustomer({ name: '刘洋的客户', owner_id: liu.id });
    await shippedOrder(mine, [{ batch: 'B260601', tons: '10.000', at: '2026-06-02T08:00:00Z' }]);
    await shippedOrder(theirs, [{ batch: 'B260601', tons: '15.000', at: '2026-06-03T08:00:00Z' }]);
    const ticket = await complaint(mine, 'B260601');

    expect((await traceTicketBatch(ownCustomersOf(zhang.id), ticket.id)).recipients.map((row) => row.customer_name)).toEqual(['张伟的客户']);
    expect((await traceTicketBatch(SYSTEM_SCOPE, ticket.id)).recipients.map((row) => row.customer_name)).toEqual(['张伟的客户', '刘洋的客户']);
  });

  test('when a batch was never shipped, then nobody is listed; when it was never stocked, then there is no batch either', async () => {
    const customer = await createCustomer();
    await received('B-NEVER-SHIPPED', '5.000');
    const stocked = await traceTicketBatch(SYSTEM_SCOPE, (await complaint(customer, 'B-NEVER-SHIPPED')).id);
    expect(stocked.recipients).toEqual([]);
    expect(stocked.batch).toMatchObject({ batch_no: 'B-NEVER-SHIPPED', quality_status: 'pending', lines: [] });
    const unknown = await traceTicketBatch(SYSTEM_SCOPE, (await complaint(customer, 'B-UNKNOWN')).id);
    expect(unknown).toMatchObject({ batch: null, recipients: [] });
  });

  test('when the ticket has no batch number, then tracing is refused with a message', async () => {
    const customer = await createCustomer();
    const ticket = await Ticket.create({ subject: '咨询价格', kind: 'consultation', customer_id: customer.id, branch_id: customer.branch_id });
    await expect(traceTicketBatch(SYSTEM_SCOPE, ticket.id)).rejects.toMatchObject({ code: 'traceNeedsBatch', params: { ticketNo: ticket.ticket_no } });
  });
});
