import { Op, QueryTypes } from 'sequelize';
import { Customer, Product } from '../../models/index.js';
import type { ReadScope } from '../../access/authorisation/data-scope.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { businessToday } from '../../clock/business-clock.js';
import { dayProblem } from '../../db/strict-values.js';
import type { Unit } from '../inventory/quantity.js';
import { pricesInForce, type PriceInForce } from '../pricing/price-in-force.js';

/** What an order screen shows beside a product while the order is typed. */
export interface LineQuote {
  productId: number;
  name: string;
  grade: string | null;
  unit: Unit;
  /** The price the line will take: the price list's in force, else the product's list price (which the rep may change). */
  unitPrice: string;
  /** Where the price comes from; null for the product's list price. */
  priceList: { code: string; name: string; versionNo: number } | null;
  /** On hand less reserved in the chosen warehouse; null when none is chosen yet. */
  available: string | null;
}

export interface OrderQuote {
  /** Today on the business clock: a new order's default date. */
  today: string;
  lines: LineQuote[];
}

export interface QuoteRequest {
  customerId: number | null;
  warehouseId: number | null;
  day: string | null;
  productIds: number[];
}

/** More products than an order screen ever shows at once. */
const MAX_PRODUCTS = 200;

/**
 * 取价: the prices and free stock an order being typed would take — read only, the same rules
 * saveDraftOrder applies when it is saved. A customer the employee does not reach is refused as
 * one that does not exist, so prices of other representatives' customers cannot be read through it.
 */
export async function quoteOrderLines(request: QuoteRequest, scope: ReadScope): Promise<OrderQuote> {
  const today = businessToday();
  const day = request.day ?? today;
  const problem = dayProblem(day);
  if (problem) throw new BusinessRuleError(problem, {}, 'order_date');
  if (request.productIds.length > MAX_PRODUCTS) throw new BusinessRuleError('fieldInvalid', {}, 'products');
  if (request.customerId !== null && !(await reachesCustomer(request.customerId, scope))) throw new BusinessRuleError('referenceNotFound', {}, 'customer_id');
  const ids = [...new Set(request.productIds)];
  const products = await Product.findAll({ where: { id: { [Op.in]: ids } }, attributes: ['id', 'name', 'grade', 'unit', 'list_price'], order: [['id', 'ASC']] });
  const prices = request.customerId === null ? new Map<number, PriceInForce>() : await pricesInForce(request.customerId, day, ids);
  const free = request.warehouseId === null ? null : await availableIn(request.warehouseId, ids);
  return {
    today,
    lines: products.map((product) => {
      const listed = prices.get(product.id);
      return {
        productId: product.id,
        name: product.name,
        grade: product.grade,
        unit: product.unit,
        unitPrice: listed?.unitPrice ?? product.list_price,
        priceList: listed ? { code: listed.priceListCode, name: listed.priceListName, versionNo: listed.versionNo } : null,
        available: free === null ? null : (free.get(product.id) ?? '0.000'),
      };
    }),
  };
}

async function reachesCustomer(customerId: number, scope: ReadScope): Promise<boolean> {
  const rows = await Customer.sequelize!.query(`SELECT 1 FROM customers c WHERE c.id = $1 AND ${scope.rowsOf('customers', 'c.id')}`, { bind: [customerId], type: QueryTypes.SELECT });
  return rows.length > 0;
}

async function availableIn(warehouseId: number, productIds: number[]): Promise<Map<number, string>> {
  const rows = await Customer.sequelize!.query<{ product_id: number; available: string }>(
    'SELECT product_id, (on_hand - reserved)::text AS available FROM stock_levels WHERE warehouse_id = $1 AND product_id = ANY($2::integer[])',
    { bind: [warehouseId, productIds], type: QueryTypes.SELECT },
  );
  return new Map(rows.map((row) => [row.product_id, row.available]));
}
