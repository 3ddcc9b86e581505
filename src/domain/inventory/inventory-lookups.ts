import { Op, type Transaction } from 'sequelize';
import { Product, StockLevel, Warehouse } from '../../models/index.js';
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

/** Where the stock of a stock level can be transferred to: every other warehouse in use, by name. */
export async function transferTargetsOf(stockLevelId: number): Promise<Array<{ id: number; name: string }>> {
  const source = await StockLevel.findByPk(stockLevelId, { attributes: ['warehouse_id'] });
  if (!source) return [];
  const warehouses = await Warehouse.findAll({
    attributes: ['id', 'name'],
    where: { active: true, id: { [Op.ne]: source.warehouse_id } },
    order: [['name', 'ASC'], ['id', 'ASC']],
  });
  return warehouses.map((warehouse) => ({ id: warehouse.id, name: warehouse.name }));
}
