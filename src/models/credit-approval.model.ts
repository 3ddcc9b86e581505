import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Branch } from './branch.model.js';
import { Customer } from './customer.model.js';
import { SalesOrder } from './sales-order.model.js';
import { User } from './user.model.js';
import { generatedWhenBlank } from './generated-code.js';

export const CREDIT_APPROVAL_STATUSES = ['pending', 'approved', 'rejected'] as const;

/**
 * 信用审批: an order over its customer's credit limit, waiting for (or given) a manager's decision,
 * with the figures as they stood when it was asked.
 */
export class CreditApproval extends Model<InferAttributes<CreditApproval>, InferCreationAttributes<CreditApproval>> {
  declare id: CreationOptional<number>;
  declare request_no: CreationOptional<string>;
  declare order_id: number;
  declare customer_id: number;
  declare status: CreationOptional<(typeof CREDIT_APPROVAL_STATUSES)[number]>;
  declare credit_limit: string;
  declare receivables: string;
  declare confirmed_unpaid: string;
  declare order_amount: string;
  declare excess: string;
  declare request_reason: string;
  declare requested_by_id: number | null;
  declare requested_at: CreationOptional<Date>;
  declare decided_by_id: CreationOptional<number | null>;
  declare decided_at: CreationOptional<Date | null>;
  declare decision_reason: CreationOptional<string | null>;
  declare owner_id: number | null;
  declare branch_id: number;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    CreditApproval.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        request_no: { type: DataTypes.STRING(20), allowNull: true },
        order_id: { type: DataTypes.INTEGER, allowNull: false },
        customer_id: { type: DataTypes.INTEGER, allowNull: false },
        status: { type: DataTypes.ENUM(...CREDIT_APPROVAL_STATUSES), allowNull: false, defaultValue: 'pending' },
        credit_limit: { type: DataTypes.DECIMAL(14, 2), allowNull: false },
        receivables: { type: DataTypes.DECIMAL(14, 2), allowNull: false },
        confirmed_unpaid: { type: DataTypes.DECIMAL(14, 2), allowNull: false },
        order_amount: { type: DataTypes.DECIMAL(14, 2), allowNull: false },
        excess: { type: DataTypes.DECIMAL(14, 2), allowNull: false },
        request_reason: { type: DataTypes.TEXT, allowNull: false },
        requested_by_id: { type: DataTypes.INTEGER, allowNull: true },
        requested_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
        decided_by_id: { type: DataTypes.INTEGER, allowNull: true },
        decided_at: { type: DataTypes.DATE, allowNull: true },
        decision_reason: { type: DataTypes.TEXT, allowNull: true },
        owner_id: { type: DataTypes.INTEGER, allowNull: true },
        branch_id: { type: DataTypes.INTEGER, allowNull: false },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'credit_approvals', hooks: { beforeValidate: generatedWhenBlank('request_no') } },
    );
  }

  static associate(): void {
    CreditApproval.belongsTo(SalesOrder, { foreignKey: 'order_id', as: 'order' });
    CreditApproval.belongsTo(Customer, { foreignKey: 'customer_id', as: 'customer' });
    CreditApproval.belongsTo(User, { foreignKey: 'requested_by_id', as: 'requestedBy' });
    CreditApproval.belongsTo(User, { foreignKey: 'decided_by_id', as: 'decidedBy' });
    CreditApproval.belongsTo(User, { foreignKey: 'owner_id', as: 'owner' });
    CreditApproval.belongsTo(Branch, { foreignKey: 'branch_id', as: 'branch' });
  }
}
