import type { Transaction } from 'sequelize';
import { Product, SalesOrderItem } from '../../models/index.js';
import { sumQuantities, type Unit } from '../inventory/quantity.js';

export interface OrderLine {
  id: number;
  productId: number;
  productName: string;
  unit: Unit;
  quantity: string;
}

/** The lines of an order with what the stock rules need of their products, by product then line. */
export async function loadOrderLines(orderId: number, transaction: Transaction): Promise<OrderLine[]> {
  const items = await SalesOrderItem.findAll({
    where: { order_id: orderId },
    include: [{ model: Product, as: 'product', attributes: ['id', 'name', 'unit'] }],
    order: [['product_id', 'ASC'], ['id', 'ASC']],
    transaction,
  });
  return items.map((item) => {
    const product = (item as SalesOrderItem & { product: Product }).product;
    return { id: item.id, productId: item.product_id, productName: product.name, unit: product.unit, quantity: item.quantity };
  });
}

/**
 * One need per product (an order may list a product on several lines), in product order: every
 * operation that locks several stock levels takes them in this order, so none can deadlock another.
 */
export function needsByProduct(lines: OrderLine[]): Array<Omit<OrderLine, 'id'>> {
  const products = new Map<number, OrderLine[]>();
  for (const line of lines) products.set(line.productId, [...(products.get(line.productId) ?? []), line]);
  return [...products.values()]
    .map((same) => ({ productId: same[0].productId, productName: same[0].productName, unit: same[0].unit, quantity: sumQuantities(same.map((line) => line.quantity)) }))
    .sort((a, b) => a.productId - b.productId);
}
