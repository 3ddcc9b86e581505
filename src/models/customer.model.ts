import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Branch } from './branch.model.js';
import { User } from './user.model.js';
import { generatedWhenBlank } from './generated-code.js';

export const CUSTOMER_TYPES = ['distributor', 'manufacturer', 'trader', 'fleet', 'gas_station', 'end_user'] as const;
export const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'] as const;
export const CREDIT_RATINGS = ['AAA', 'AA', 'A', 'B', 'C'] as const;
export const CUSTOMER_GRADES = ['A', 'B', 'C'] as const;
export const CUSTOMER_STATUSES = ['prospect', 'active', 'at_risk', 'churned'] as const;

/** 客户: a company that buys, with its grade, status and owner. */
export class Customer extends Model<InferAttributes<Customer>, InferCreationAttributes<Customer>> {
  declare id: CreationOptional<number>;
  declare code: CreationOptional<string>;
  declare name: string;
  declare customer_type: (typeof CUSTOMER_TYPES)[number];
  declare industry: string | null;
  declare region: (typeof REGIONS)[number];
  declare province: string | null;
  declare city: string | null;
  declare address: string | null;
  declare credit_code: string | null;
  declare phone: string | null;
  declare email: string | null;
  declare credit_limit: CreationOptional<string>;
  declare credit_rating: (typeof CREDIT_RATINGS)[number] | null;
  declare grade: (typeof CUSTOMER_GRADES)[number] | null;
  declare status: CreationOptional<(typeof CUSTOMER_STATUSES)[number]>;
  declare recency_score: number | null;
  declare frequency_score: number | null;
  declare monetary_score: number | null;
  declare revenue_12m: CreationOptional<string>;
  declare last_order_on: string | null;
  declare analysed_at: Date | null;
  declare margin_to_date: CreationOptional<string>;
  declare expected_margin: CreationOptional<string>;
  declare lifetime_value: CreationOptional<string>;
  declare lifetime_value_at: Date | null;
  declare owner_id: number | null;
  declare branch_id: number;
  declare merged_into_id: number | null;
  declare notes: string | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Customer.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        code: { type: DataTypes.STRING(20), allowNull: true },
        name: { type: DataTypes.STRING(200), allowNull: false },
        customer_type: { type: DataTypes.ENUM(...CUSTOMER_TYPES), allowNull: false },
        industry: { type: DataTypes.STRING(60), allowNull: true },
        region: { type: DataTypes.ENUM(...REGIONS), allowNull: false },
        province: { type: DataTypes.STRING(30), allowNull: true },
        city: { type: DataTypes.STRING(30), allowNull: true },
        address: { type: DataTypes.TEXT, allowNull: true },
        credit_code: { type: DataTypes.STRING(18), allowNull: true },
        phone: { type: DataTypes.STRING(30), allowNull: true },
        email: { type: DataTypes.STRING(200), allowNull: true },
        credit_limit: { type: DataTypes.DECIMAL(14, 2), allowNull: false, defaultValue: '0' },
        credit_rating: { type: DataTypes.ENUM(...CREDIT_RATINGS), allowNull: true },
        grade: { type: DataTypes.ENUM(...CUSTOMER_GRADES), allowNull: true },
        status: { type: DataTypes.ENUM(...CUSTOMER_STATUSES), allowNull: false, defaultValue: 'prospect' },
        recency_score: { type: DataTypes.INTEGER, allowNull: true },
        frequency_score: { type: DataTypes.INTEGER, allowNull: true },
        monetary_score: { type: DataTypes.INTEGER, allowNull: true },
        revenue_12m: { type: DataTypes.DECIMAL(14, 2), allowNull: false, defaultValue: '0' },
        last_order_on: { type: DataTypes.DATEONLY, allowNull: true },
        analysed_at: { type: DataTypes.DATE, allowNull: true },
        margin_to_date: { type: DataTypes.DECIMAL(16, 2), allowNull: false, defaultValue: '0' },
        expected_margin: { type: DataTypes.DECIMAL(16, 2), allowNull: false, defaultValue: '0' },
        lifetime_value: { type: DataTypes.DECIMAL(16, 2), allowNull: false, defaultValue: '0' },
        lifetime_value_at: { type: DataTypes.DATE, allowNull: true },
        owner_id: { type: DataTypes.INTEGER, allowNull: true },
        branch_id: { type: DataTypes.INTEGER, allowNull: false },
        merged_into_id: { type: DataTypes.INTEGER, allowNull: true },
        notes: { type: DataTypes.TEXT, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'customers', hooks: { beforeValidate: generatedWhenBlank('code') } },
    );
  }

  static associate(): void {
    Customer.belongsTo(User, { foreignKey: 'owner_id', as: 'owner' });
    Customer.belongsTo(Branch, { foreignKey: 'branch_id', as: 'branch' });
    Customer.belongsTo(Customer, { foreignKey: 'merged_into_id', as: 'mergedInto' });
  }
}
