import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Batch } from './batch.model.js';

/** 质检报告项目: one property of a batch's certificate of analysis; PostgreSQL judges the pass. */
export class CoaLine extends Model<InferAttributes<CoaLine>, InferCreationAttributes<CoaLine>> {
  declare id: CreationOptional<number>;
  declare batch_id: number;
  declare property: string;
  declare unit: string | null;
  declare test_method: string | null;
  declare spec_min: string | null;
  declare spec_max: string | null;
  declare measured: string;
  declare passed: CreationOptional<boolean>;
  declare sort_order: CreationOptional<number>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    CoaLine.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        batch_id: { type: DataTypes.INTEGER, allowNull: false },
        property: { type: DataTypes.STRING(60), allowNull: false },
        unit: { type: DataTypes.STRING(20), allowNull: true },
        test_method: { type: DataTypes.STRING(60), allowNull: true },
        spec_min: { type: DataTypes.DECIMAL(14, 4), allowNull: true },
        spec_max: { type: DataTypes.DECIMAL(14, 4), allowNull: true },
        measured: { type: DataTypes.DECIMAL(14, 4), allowNull: false },
        passed: { type: DataTypes.BOOLEAN, allowNull: true },
        sort_order: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'coa_lines' },
    );
  }

  static associate(): void {
    CoaLine.belongsTo(Batch, { foreignKey: 'batch_id', as: 'batch' });
  }
}
