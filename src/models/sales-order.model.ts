import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Branch } from './branch.model.js';
import { Contract } from './contract.model.js';
import { Customer } from './customer.model.js';
import { Opportunity } from './opportunity.model.js';
import { User } from './user.model.js';
import { Warehouse } from './warehouse.model.js';
import { generatedWhenBlank } from './generated-code.js';
import { businessToday } from '../clock/business-clock.js';

export const SALES_ORDER_STATUSES = ['draft', 'confirmed', 'shipped', 'delivered', 'closed', 'cancelled'] as const;
export const SHIPPING_METHODS = ['tank_truck', 'rail', 'ship', 'bagged_truck', 'pickup'] as const;

/** 销售订单: draft → confirmed → shipped → delivered → closed, or cancelled. */
export class SalesOrder extends Model<InferAttributes<SalesOrder>, InferCreationAttributes<SalesOrder>> {
  declare id: CreationOptional<number>;
  declare order_no: CreationOptional<string>;
  declare customer_id: number;
  declare contract_id: number | null;
  declare opportunity_id: number | null;
  declare warehouse_id: number;
  declare status: CreationOptional<(typeof SALES_ORDER_STATUSES)[number]>;
  declare order_date: CreationOptional<string>;
  declare delivery_date: string | null;
  declare shipping_method: (typeof SHIPPING_METHODS)[number] | null;
  declare total_amount: CreationOptional<string>;
  declare owner_id: number | null;
  declare branch_id: number;
  declare confirmed_at: Date | null;
  declare shipped_at: Date | null;
  declare delivered_at: Date | null;
  declare cancelled_at: Date | null;
  declare cancel_reason: string | null;
  declare notes: string | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    SalesOrder.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        order_no: { type: DataTypes.STRING(20), allowNull: true },
        customer_id: { type: DataTypes.INTEGER, allowNull: false },
        contract_id: { type: DataTypes.INTEGER, allowNull: true },
        opportunity_id: { type: DataTypes.INTEGER, allowNull: true },
        warehouse_id: { type: DataTypes.INTEGER, allowNull: false },
        status: { type: DataTypes.ENUM(...SALES_ORDER_STATUSES), allowNull: false, defaultValue: 'draft' },
        // Today on the business clock: at 07:30 in Beijing an order is dated today, not UTC's yesterday.
        order_date: { type: DataTypes.DATEONLY, allowNull: false, defaultValue: () => businessToday() },
        delivery_date: { type: DataTypes.DATEONLY, allowNull: true },
        shipping_method: { type: DataTypes.ENUM(...SHIPPING_METHODS), allowNull: true },
        total_amount: { type: DataTypes.DECIMAL(14, 2), allowNull: true },
        owner_id: { type: DataTypes.INTEGER, allowNull: true },
        branch_id: { type: DataTypes.INTEGER, allowNull: false },
        confirmed_at: { type: DataTypes.DATE, allowNull: true },
        shipped_at: { type: DataTypes.DATE, allowNull: true },
        delivered_at: { type: DataTypes.DATE, allowNull: true },
        cancelled_at: { type: DataTypes.DATE, allowNull: true },
        cancel_reason: { type: DataTypes.TEXT, allowNull: true },
        notes: { type: DataTypes.TEXT, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'sales_orders', hooks: { beforeValidate: generatedWhenBlank('order_no') } },
    );
  }

  static associate(): void {
    SalesOrder.belongsTo(Customer, { foreignKey: 'customer_id', as: 'customer' });
    SalesOrder.belongsTo(Contract, { foreignKey: 'contract_id', as: 'contract' });
    SalesOrder.belongsTo(Opportunity, { foreignKey: 'opportunity_id', as: 'opportunity' });
    SalesOrder.belongsTo(Warehouse, { foreignKey: 'warehouse_id', as: 'warehouse' });
    SalesOrder.belongsTo(User, { foreignKey: 'owner_id', as: 'owner' });
    SalesOrder.belongsTo(Branch, { foreignKey: 'branch_id', as: 'branch' });
  }
}
