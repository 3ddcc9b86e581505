import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse } from '../../support/fixtures.js';
import { StockMovement, Ticket, type Customer, type Product, type SalesOrder, type Warehouse } from '../../../src/models/index.js';
import { traceTicketBatch } from '../../../src/domain/service/trace-ticket-batch.js';
import { SYSTEM_SCOPE } from '../../../src/access/authorisation/data-scope.js';

describe('tracing a quality complaint to every customer who received the batch', () => {
  let db: DomainDatabase;
  let product: Product;
  let warehouse: Warehouse;

  beforeAll(async () => {
    db = await openDomainDatabase();
    product = await createProduct({ name: '聚丙烯 T30S' });
    warehouse = await createWarehouse();
  });
  afterAll(() => db.close());

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

  test('when a batch went to two customers over three orders, then both are listed with their orders and tons; other batches and products are not', async () => {
    const first = await createCustomer({ name: '常州塑编厂' });
    const second = await createCustomer({ name: '无锡注塑厂' });
    const unaffected = await createCustomer({ name: '苏州薄膜厂' });
    const otherProduct = await createProduct({ name: '聚乙烯 7042' });
    const a1 = await shippedOrder(first, [{ batch: 'B260501', tons: '12.000', at: '2026-05-02T08:00:00Z' }, { batch: 'B260502', tons: '3.000', at: '2026-05-02T08:00:00Z' }]);
    const a2 = await shippedOrder(first, [{ batch: 'B260501', tons: '8.500', at: '2026-05-06T08:00:00Z' }]);
    const b1 = await shippedOrder(second, [{ batch: 'B260501', tons: '20.000', at: '2026-05-04T08:00:00Z' }]);
    await shippedOrder(unaffected, [{ batch: 'B260502', tons: '30.000', at: '2026-05-03T08:00:00Z' }]);
    // The same batch number on another product is another batch.
    await shippedOrder(unaffected, [{ batch: 'B260501', tons: '5.000', at: '2026-05-03T08:00:00Z', product: otherProduct }]);

    const ticket = await Ticket.create({
      subject: 'T30S 拉丝断头', kind: 'quality_complaint', customer_id: first.id, branch_id: first.branch_id,
      order_id: a1.id, product_id: product.id, batch_no: 'B260501',
    });
    const { recipients } = await traceTicketBatch(SYSTEM_SCOPE, ticket.id);

    expect(recipients).toEqual([
      expect.objectContaining({ customer_id: first.id, customer_name: '常州塑编厂', order_nos: [a1.order_no, a2.order_no].sort(), quantity: '20.500' }),
      expect.objectContaining({ customer_id: second.id, customer_name: '无锡注塑厂', order_nos: [b1.order_no], quantity: '20.000' }),
    ]);
    expect(recipients[0].first_shipped_at).toEqual(new Date('2026-05-02T08:00:00Z'));
    expect(recipients[0].last_shipped_at).toEqual(new Date('2026-05-06T08:00:00Z'));
  });

  test('when a batch was never shipped, then nobody is listed', async () => {
    const customer = await createCustomer();
    const ticket = await Ticket.create({
      subject: '外观发黄', kind: 'quality_complaint', customer_id: customer.id, branch_id: customer.branch_id, product_id: product.id, batch_no: 'B-NEVER-SHIPPED',
    });
    expect((await traceTicketBatch(SYSTEM_SCOPE, ticket.id)).recipients).toEqual([]);
  });

  test('when the ticket has no batch number, then tracing is refused with a message', async () => {
    const customer = await createCustomer();
    const ticket = await Ticket.create({ subject: '咨询价格', kind: 'consultation', customer_id: customer.id, branch_id: customer.branch_id });
    await expect(traceTicketBatch(SYSTEM_SCOPE, ticket.id)).rejects.toMatchObject({ code: 'traceNeedsBatch', params: { ticketNo: ticket.ticket_no } });
  });
});
