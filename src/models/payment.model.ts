import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Customer } from './customer.model.js';
import { SalesOrder } from './sales-order.model.js';
import { User } from './user.model.js';
import { generatedWhenBlank } from './generated-code.js';

/** 银行转账, 银行承兑汇票 (the bank acceptance bills much of the trade pays with), 现金. */
export const PAYMENT_METHODS = ['bank_transfer', 'bank_acceptance', 'cash'] as const;

/** 收款: money received against one order; several partial payments may settle it. */
export class Payment extends Model<InferAttributes<Payment>, InferCreationAttributes<Payment>> {
  declare id: CreationOptional<number>;
  declare payment_no: CreationOptional<string>;
  declare order_id: number;
  declare customer_id: number;
  declare amount: string;
  declare received_on: string;
  declare method: (typeof PAYMENT_METHODS)[number];
  declare reference: string | null;
  declare recorded_by_id: number | null;
  declare notes: string | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Payment.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        payment_no: { type: DataTypes.STRING(20), allowNull: true },
        order_id: { type: DataTypes.INTEGER, allowNull: false },
        customer_id: { type: DataTypes.INTEGER, allowNull: false },
        amount: { type: DataTypes.DECIMAL(14, 2), allowNull: false },
        received_on: { type: DataTypes.DATEONLY, allowNull: false },
        method: { type: DataTypes.ENUM(...PAYMENT_METHODS), allowNull: false },
        reference: { type: DataTypes.STRING(60), allowNull: true },
        recorded_by_id: { type: DataTypes.INTEGER, allowNull: true },
        notes: { type: DataTypes.TEXT, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'payments', hooks: { beforeValidate: generatedWhenBlank('payment_no') } },
    );
  }

  static associate(): void {
    Payment.belongsTo(SalesOrder, { foreignKey: 'order_id', as: 'order' });
    Payment.belongsTo(Customer, { foreignKey: 'customer_id', as: 'customer' });
    Payment.belongsTo(User, { foreignKey: 'recorded_by_id', as: 'recordedBy' });
  }
}
