import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Product } from './product.model.js';

export const BATCH_QUALITY_STATUSES = ['pending', 'passed', 'failed'] as const;
export type BatchQualityStatus = (typeof BATCH_QUALITY_STATUSES)[number];

/**
 * 批次: one production batch of a product, with the plant that made it and its certificate of
 * analysis. Created by PostgreSQL on the batch's first stock movement if nobody registered it
 * before; its quality status follows the certificate's lines.
 */
export class Batch extends Model<InferAttributes<Batch>, InferCreationAttributes<Batch>> {
  declare id: CreationOptional<number>;
  declare product_id: number;
  declare batch_no: string;
  declare plant: string | null;
  declare production_date: string | null;
  declare certificate_no: string | null;
  declare certified_on: string | null;
  declare quality_status: CreationOptional<BatchQualityStatus>;
  declare notes: string | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Batch.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        product_id: { type: DataTypes.INTEGER, allowNull: false },
        batch_no: { type: DataTypes.STRING(40), allowNull: false },
        plant: { type: DataTypes.STRING(100), allowNull: true },
        production_date: { type: DataTypes.DATEONLY, allowNull: true },
        certificate_no: { type: DataTypes.STRING(40), allowNull: true },
        certified_on: { type: DataTypes.DATEONLY, allowNull: true },
        quality_status: { type: DataTypes.ENUM(...BATCH_QUALITY_STATUSES), allowNull: false, defaultValue: 'pending' },
        notes: { type: DataTypes.TEXT, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'batches' },
    );
  }

  static associate(): void {
    Batch.belongsTo(Product, { foreignKey: 'product_id', as: 'product' });
  }
}
