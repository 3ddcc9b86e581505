import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Product } from './product.model.js';
import { Warehouse } from './warehouse.model.js';

/** 库存: what one warehouse holds of one product; reserved is promised to confirmed orders. */
export class StockLevel extends Model<InferAttributes<StockLevel>, InferCreationAttributes<StockLevel>> {
  declare id: CreationOptional<number>;
  declare product_id: number;
  declare warehouse_id: number;
  declare on_hand: CreationOptional<string>;
  declare reserved: CreationOptional<string>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    StockLevel.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        product_id: { type: DataTypes.INTEGER, allowNull: false },
        warehouse_id: { type: DataTypes.INTEGER, allowNull: false },
        on_hand: { type: DataTypes.DECIMAL(14, 3), allowNull: false, defaultValue: '0' },
        reserved: { type: DataTypes.DECIMAL(14, 3), allowNull: false, defaultValue: '0' },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'stock_levels' },
    );
  }

  static associate(): void {
    StockLevel.belongsTo(Product, { foreignKey: 'product_id', as: 'product' });
    StockLevel.belongsTo(Warehouse, { foreignKey: 'warehouse_id', as: 'warehouse' });
  }
}
