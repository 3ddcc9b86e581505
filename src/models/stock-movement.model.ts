import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Batch } from './batch.model.js';
import { Product } from './product.model.js';
import { SalesOrder } from './sales-order.model.js';
import { User } from './user.model.js';
import { Warehouse } from './warehouse.model.js';

export const STOCK_MOVEMENT_KINDS = ['receipt', 'shipment', 'adjustment', 'transfer_out', 'transfer_in'] as const;

/** 库存流水: one change of stock, signed (+ in, − out), with its batch. Never edited. */
export class StockMovement extends Model<InferAttributes<StockMovement>, InferCreationAttributes<StockMovement>> {
  declare id: CreationOptional<number>;
  declare product_id: number;
  declare warehouse_id: number;
  declare kind: (typeof STOCK_MOVEMENT_KINDS)[number];
  declare quantity: string;
  declare batch_no: string | null;
  /** Set by PostgreSQL from batch_no (the batch record, created on the batch's first movement). */
  declare batch_id: CreationOptional<number | null>;
  declare order_id: number | null;
  declare counterpart_warehouse_id: number | null;
  declare reference: string | null;
  declare reason: string | null;
  declare performed_by_id: number | null;
  declare occurred_at: CreationOptional<Date>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    StockMovement.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        product_id: { type: DataTypes.INTEGER, allowNull: false },
        warehouse_id: { type: DataTypes.INTEGER, allowNull: false },
        kind: { type: DataTypes.ENUM(...STOCK_MOVEMENT_KINDS), allowNull: false },
        quantity: { type: DataTypes.DECIMAL(14, 3), allowNull: false },
        batch_no: { type: DataTypes.STRING(40), allowNull: true },
        batch_id: { type: DataTypes.INTEGER, allowNull: true },
        order_id: { type: DataTypes.INTEGER, allowNull: true },
        counterpart_warehouse_id: { type: DataTypes.INTEGER, allowNull: true },
        reference: { type: DataTypes.STRING(60), allowNull: true },
        reason: { type: DataTypes.TEXT, allowNull: true },
        performed_by_id: { type: DataTypes.INTEGER, allowNull: true },
        occurred_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'stock_movements' },
    );
  }

  static associate(): void {
    StockMovement.belongsTo(Product, { foreignKey: 'product_id', as: 'product' });
    StockMovement.belongsTo(Warehouse, { foreignKey: 'warehouse_id', as: 'warehouse' });
    StockMovement.belongsTo(Batch, { foreignKey: 'batch_id', as: 'batch' });
    StockMovement.belongsTo(SalesOrder, { foreignKey: 'order_id', as: 'order' });
    StockMovement.belongsTo(Warehouse, { foreignKey: 'counterpart_warehouse_id', as: 'counterpartWarehouse' });
    StockMovement.belongsTo(User, { foreignKey: 'performed_by_id', as: 'performedBy' });
  }
}
