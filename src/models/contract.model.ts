import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Branch } from './branch.model.js';
import { Customer } from './customer.model.js';
import { UNITS, Product } from './product.model.js';
import { User } from './user.model.js';
import { generatedWhenBlank } from './generated-code.js';

export const CONTRACT_STATUSES = ['draft', 'active', 'completed', 'terminated'] as const;

/** 合同: a term contract with its period, committed quantity and monthly band (minimum to maximum a month). */
export class Contract extends Model<InferAttributes<Contract>, InferCreationAttributes<Contract>> {
  declare id: CreationOptional<number>;
  declare contract_no: CreationOptional<string>;
  declare title: string;
  declare customer_id: number;
  declare product_id: number | null;
  declare start_date: string;
  declare end_date: string;
  declare committed_quantity: string | null;
  declare monthly_min_quantity: string | null;
  declare monthly_max_quantity: string | null;
  declare unit: CreationOptional<(typeof UNITS)[number]>;
  declare amount: CreationOptional<string>;
  declare status: CreationOptional<(typeof CONTRACT_STATUSES)[number]>;
  declare signed_on: string | null;
  declare owner_id: number | null;
  declare branch_id: number;
  declare notes: string | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Contract.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        contract_no: { type: DataTypes.STRING(20), allowNull: true },
        title: { type: DataTypes.STRING(200), allowNull: false },
        customer_id: { type: DataTypes.INTEGER, allowNull: false },
        product_id: { type: DataTypes.INTEGER, allowNull: true },
        start_date: { type: DataTypes.DATEONLY, allowNull: false },
        end_date: { type: DataTypes.DATEONLY, allowNull: false },
        committed_quantity: { type: DataTypes.DECIMAL(14, 3), allowNull: true },
        monthly_min_quantity: { type: DataTypes.DECIMAL(14, 3), allowNull: true },
        monthly_max_quantity: { type: DataTypes.DECIMAL(14, 3), allowNull: true },
        unit: { type: DataTypes.ENUM(...UNITS), allowNull: false, defaultValue: 'ton' },
        amount: { type: DataTypes.DECIMAL(14, 2), allowNull: false, defaultValue: '0' },
        status: { type: DataTypes.ENUM(...CONTRACT_STATUSES), allowNull: false, defaultValue: 'draft' },
        signed_on: { type: DataTypes.DATEONLY, allowNull: true },
        owner_id: { type: DataTypes.INTEGER, allowNull: true },
        branch_id: { type: DataTypes.INTEGER, allowNull: false },
        notes: { type: DataTypes.TEXT, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'contracts', hooks: { beforeValidate: generatedWhenBlank('contract_no') } },
    );
  }

  static associate(): void {
    Contract.belongsTo(Customer, { foreignKey: 'customer_id', as: 'customer' });
    Contract.belongsTo(Product, { foreignKey: 'product_id', as: 'product' });
    Contract.belongsTo(User, { foreignKey: 'owner_id', as: 'owner' });
    Contract.belongsTo(Branch, { foreignKey: 'branch_id', as: 'branch' });
  }
}
