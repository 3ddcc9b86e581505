import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { SalesOrder } from './sales-order.model.js';
import { User } from './user.model.js';

/** One line of an amended order, as the amendment records it before and after. */
export interface AmendedLine {
  id: number;
  product_id: number;
  quantity: string;
  unit_price: string;
  discount_pct: string;
  amount: string;
}

/**
 * 订单修改: a correction of a confirmed order's lines, with why and by whom, and the lines and total
 * before and after. The state rules let a confirmed order's lines change only in the transaction
 * that writes one of these (xact_id, filled in by PostgreSQL).
 */
export class SalesOrderAmendment extends Model<InferAttributes<SalesOrderAmendment>, InferCreationAttributes<SalesOrderAmendment>> {
  declare id: CreationOptional<number>;
  declare order_id: number;
  declare reason: string;
  declare total_before: string;
  declare total_after: string | null;
  declare lines_before: AmendedLine[];
  declare lines_after: AmendedLine[] | null;
  declare amended_by_id: number | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    SalesOrderAmendment.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        order_id: { type: DataTypes.INTEGER, allowNull: false },
        reason: { type: DataTypes.TEXT, allowNull: false },
        total_before: { type: DataTypes.DECIMAL(14, 2), allowNull: false },
        total_after: { type: DataTypes.DECIMAL(14, 2), allowNull: true },
        lines_before: { type: DataTypes.JSONB, allowNull: false },
        lines_after: { type: DataTypes.JSONB, allowNull: true },
        amended_by_id: { type: DataTypes.INTEGER, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'sales_order_amendments' },
    );
  }

  static associate(): void {
    SalesOrderAmendment.belongsTo(SalesOrder, { foreignKey: 'order_id', as: 'order' });
    SalesOrderAmendment.belongsTo(User, { foreignKey: 'amended_by_id', as: 'amendedBy' });
  }
}
