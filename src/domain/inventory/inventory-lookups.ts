import type { Transaction } from 'sequelize';
import { Product, Warehouse } from '../../models/index.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';

/** The product a form names, or a refusal next to its field. */
export async function findProductOrRefuse(productId: number, field: string, transaction: Transaction): Promise<Product> {
  const product = await Product.findByPk(productId, { transaction });
  if (!product) throw new BusinessRuleError('productNotFound', { id: productId }, field);
  return product;
}

/** Stock moves only into and out of warehouses in use. */
export async function findActiveWarehouseOrRefuse(warehouseId: number, field: string | undefined, transaction: Transaction): Promise<Warehouse> {
  const warehouse = await Warehouse.findByPk(warehouseId, { transaction });
  if (!warehouse) throw new BusinessRuleError('warehouseNotFound', { id: warehouseId }, field);
  if (!warehouse.active) throw new BusinessRuleError('warehouseInactive', { warehouse: warehouse.name }, field);
  return warehouse;
}
