import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Batch } from './batch.model.js';
import { Warehouse } from './warehouse.model.js';

/** 批次库存: what a warehouse holds of one batch, kept by PostgreSQL equal to the batch's movements there. */
export class BatchStock extends Model<InferAttributes<BatchStock>, InferCreationAttributes<BatchStock>> {
  declare id: CreationOptional<number>;
  declare batch_id: number;
  declare warehouse_id: number;
  declare on_hand: CreationOptional<string>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    BatchStock.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        batch_id: { type: DataTypes.INTEGER, allowNull: false },
        warehouse_id: { type: DataTypes.INTEGER, allowNull: false },
        on_hand: { type: DataTypes.DECIMAL(14, 3), allowNull: false, defaultValue: '0' },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'batch_stocks' },
    );
  }

  static associate(): void {
    BatchStock.belongsTo(Batch, { foreignKey: 'batch_id', as: 'batch' });
    BatchStock.belongsTo(Warehouse, { foreignKey: 'warehouse_id', as: 'warehouse' });
  }
}
