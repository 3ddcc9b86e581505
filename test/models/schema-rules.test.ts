import { openDomainDatabase, type DomainDatabase } from '../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse } from '../support/fixtures.js';
import { SalesOrderItem } from '../../src/models/index.js';

describe('rules the database keeps whoever writes', () => {
  let db: DomainDatabase;
  beforeAll(async () => {
    db = await openDomainDatabase();
  });
  afterAll(() => db.close());

  test('when a code is left blank, then PostgreSQL numbers it', async () => {
    const customer = await createCustomer({ code: '' });
    expect(customer.code).toMatch(/^C\d{6}$/);
    const product = await createProduct({ sku: '' });
    expect(product.sku).toMatch(/^P\d{5}$/);
  });

  test('when lines change, then the order total is their sum with discounts, to the cent', async () => {
    const customer = await createCustomer();
    const product = await createProduct();
    const warehouse = await createWarehouse();
    const order = await createOrder(customer, warehouse, [
      { productId: product.id, quantity: '10.000', unitPrice: '8500.00' },
      { productId: product.id, quantity: '2.500', unitPrice: '7333.33', discountPct: '3.00' },
    ]);
    expect(order.order_no).toMatch(/^SO\d{8}$/);
    // 10 × 8500 + round(2.5 × 7333.33 × 0.97, 2) = 85000 + 17783.33
    expect(order.total_amount).toBe('102783.33');
    await SalesOrderItem.destroy({ where: { order_id: order.id, quantity: '10.000' } });
    await order.reload();
    expect(order.total_amount).toBe('17783.33');
  });
});
