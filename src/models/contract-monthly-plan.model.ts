import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Contract } from './contract.model.js';

/** 月度提货计划: what a term contract's customer plans to lift in one month, within the contract's band. */
export class ContractMonthlyPlan extends Model<InferAttributes<ContractMonthlyPlan>, InferCreationAttributes<ContractMonthlyPlan>> {
  declare id: CreationOptional<number>;
  declare contract_id: number;
  /** The first day of the month. */
  declare month: string;
  declare min_quantity: string;
  declare planned_quantity: string;
  declare max_quantity: string;
  declare notes: string | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    ContractMonthlyPlan.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        contract_id: { type: DataTypes.INTEGER, allowNull: false },
        month: { type: DataTypes.DATEONLY, allowNull: false },
        min_quantity: { type: DataTypes.DECIMAL(14, 3), allowNull: false },
        planned_quantity: { type: DataTypes.DECIMAL(14, 3), allowNull: false },
        max_quantity: { type: DataTypes.DECIMAL(14, 3), allowNull: false },
        notes: { type: DataTypes.TEXT, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'contract_monthly_plans' },
    );
  }

  static associate(): void {
    ContractMonthlyPlan.belongsTo(Contract, { foreignKey: 'contract_id', as: 'contract' });
  }
}
