import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Branch } from './branch.model.js';
import { Customer } from './customer.model.js';
import { FuelCard } from './fuel-card.model.js';
import { User } from './user.model.js';

export const TOP_UP_PAYMENT_METHODS = ['bank_transfer', 'cash', 'pos', 'wechat_pay', 'alipay'] as const;
export type TopUpPaymentMethod = (typeof TOP_UP_PAYMENT_METHODS)[number];

/**
 * 充值: money put on a master card at a station, with the balance it left. Never edited. The table's
 * card_kind column (always 'master') only lets PostgreSQL refuse a top-up of a sub-card.
 */
export class FuelCardTopUp extends Model<InferAttributes<FuelCardTopUp>, InferCreationAttributes<FuelCardTopUp>> {
  declare id: CreationOptional<number>;
  declare card_id: number;
  declare customer_id: number;
  declare station_id: number;
  declare amount: string;
  declare payment_method: TopUpPaymentMethod;
  declare reference: string | null;
  declare balance_after: string;
  declare performed_by_id: number | null;
  declare occurred_at: CreationOptional<Date>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    FuelCardTopUp.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        card_id: { type: DataTypes.INTEGER, allowNull: false },
        customer_id: { type: DataTypes.INTEGER, allowNull: false },
        station_id: { type: DataTypes.INTEGER, allowNull: false },
        amount: { type: DataTypes.DECIMAL(14, 2), allowNull: false },
        payment_method: { type: DataTypes.ENUM(...TOP_UP_PAYMENT_METHODS), allowNull: false },
        reference: { type: DataTypes.STRING(60), allowNull: true },
        balance_after: { type: DataTypes.DECIMAL(14, 2), allowNull: false },
        performed_by_id: { type: DataTypes.INTEGER, allowNull: true },
        occurred_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'fuel_card_top_ups' },
    );
  }

  static associate(): void {
    FuelCardTopUp.belongsTo(FuelCard, { foreignKey: 'card_id', as: 'card' });
    FuelCardTopUp.belongsTo(Customer, { foreignKey: 'customer_id', as: 'customer' });
    FuelCardTopUp.belongsTo(Branch, { foreignKey: 'station_id', as: 'station' });
    FuelCardTopUp.belongsTo(User, { foreignKey: 'performed_by_id', as: 'performedBy' });
  }
}
