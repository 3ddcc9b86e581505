import crypto from 'node:crypto';
import {
  Branch, Customer, Product, ProductCategory, SalesOrder, SalesOrderItem, StockLevel, User, Warehouse,
} from '../../src/models/index.js';

/**
 * Rows a test creates for itself, so its assertions do not depend on what the demo data holds.
 * Every builder takes overrides; codes are unique per call.
 */
const unique = () => crypto.randomBytes(4).toString('hex');

export async function demoUser(email: string): Promise<User> {
  return User.findOne({ where: { email }, rejectOnEmpty: true });
}

export async function demoBranch(code: string): Promise<Branch> {
  return Branch.findOne({ where: { code }, rejectOnEmpty: true });
}

/**
 * A customer with a credit line far beyond any test order, so confirming is about stock unless a
 * test sets the limit it checks (a limit of 0 means the customer pays before goods are confirmed).
 */
export async function createCustomer(overrides: Partial<Customer['_creationAttributes']> = {}): Promise<Customer> {
  const branch = overrides.branch_id ? undefined : await demoBranch('EC');
  return Customer.create({
    name: `测试客户 ${unique()}`,
    customer_type: 'distributor',
    region: '华东',
    branch_id: branch?.id ?? overrides.branch_id!,
    status: 'active',
    credit_limit: '100000000.00',
    ...overrides,
  });
}

export async function createProduct(overrides: Partial<Product['_creationAttributes']> = {}): Promise<Product> {
  const category = await ProductCategory.create({ code: `T${unique()}`, name: '测试分类', parent_id: null });
  return Product.create({
    name: `测试产品 ${unique()}`,
    category_id: category.id,
    grade: 'LLDPE 7042',
    list_price: '8500.00',
    unit: 'ton',
    safety_stock: '5.000',
    ...overrides,
  });
}

export async function createWarehouse(overrides: Partial<Warehouse['_creationAttributes']> = {}): Promise<Warehouse> {
  return Warehouse.create({ code: `W${unique()}`, name: `测试仓库 ${unique()}`, kind: 'depot', ...overrides });
}

export async function setStock(productId: number, warehouseId: number, onHand: string, reserved = '0'): Promise<StockLevel> {
  const [level] = await StockLevel.upsert(
    { product_id: productId, warehouse_id: warehouseId, on_hand: onHand, reserved },
    { conflictFields: ['product_id', 'warehouse_id'] },
  );
  return level;
}

export interface OrderLine {
  productId: number;
  quantity: string;
  unitPrice: string;
  discountPct?: string;
}

/** The workflow's steps to a status: the state rules let an order only walk them, one at a time. */
const STEPS_TO: Record<string, string[]> = {
  draft: [], confirmed: ['confirmed'], shipped: ['confirmed', 'shipped'], delivered: ['confirmed', 'shipped', 'delivered'],
  closed: ['confirmed', 'shipped', 'delivered', 'closed'], cancelled: ['cancelled'],
};

/**
 * An order with its lines, written as a draft and then walked to the status asked for (without
 * touching stock: a test that needs reservations confirms through the domain instead).
 */
export async function createOrder(
  customer: Customer,
  warehouse: Warehouse,
  lines: OrderLine[],
  overrides: Partial<SalesOrder['_creationAttributes']> = {},
): Promise<SalesOrder> {
  const { status = 'draft', ...fields } = overrides;
  const order = await SalesOrder.create({
    customer_id: customer.id,
    warehouse_id: warehouse.id,
    branch_id: customer.branch_id,
    owner_id: customer.owner_id,
    ...fields,
  });
  for (const line of lines) {
    await SalesOrderItem.create({
      order_id: order.id,
      product_id: line.productId,
      quantity: line.quantity,
      unit_price: line.unitPrice,
      discount_pct: line.discountPct ?? '0',
    });
  }
  for (const step of STEPS_TO[status]) await SalesOrder.update({ status: step as SalesOrder['status'] }, { where: { id: order.id } });
  return order.reload();
}
